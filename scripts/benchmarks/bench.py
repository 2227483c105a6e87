#!/usr/bin/env python3
"""Toedeling's benchmarks, each side by side with RAW pgbench in the same run.

Every case starts a throwaway PostgreSQL cluster on its durable defaults (fsync and
synchronous_commit on), measures, and removes it. Figures are comparable only within one run:
each case measures its baseline (RAW: pgbench, one INSERT per commit into an events-shaped table)
in the same go, and reports ratios against it. Numbers, never assertions.

Cases (default: all, in this order):
  append        appends/s at 1, 4, 16 writers: RAW, pgbench calling event_store_append, the Swift
                store (toedeling-bench) and a plain INSERT through the same Swift pool
  append-parts  pgbench at 16 clients on each part of an append added one at a time (insert, lock,
                head, hash chain, replay probe), the 0004 function and today's
  http          the release server under wrk, 16 connections: a command (POST a Kamerstuk) and a
                GET of a dossier (throughput, p50, p99), CPU seconds of server and PostgreSQL,
                server RSS, and the request log at level notice
  growth        median latency of a command and a GET on a dossier of 10 events against one grown
                to --growth-events (10,000) by 8 parallel writers, and how many of those failed;
                grown by changing its voorstel (growth-voorstel) and by linking Kamerstukken
                (growth-kamerstuk), which also grows its state
  rebuild       `projections rebuild` over --rebuild-events (1,000,000) events
  report        the stand van zaken over 5,000 dossiers, now (read model) and at a peildatum in
                the past (folded), and the server's RSS afterwards
  ownsql        the HTTP command and GET against their own SQL: the statements the server sent for
                one of each, captured from PostgreSQL's statement log, replayed by pgbench with 16
                clients; throughput, p99, CPU per request of server and PostgreSQL
  notify        the delivery lag from commit to receiver at --rate (200) commands/s: RAW (a NOTIFY
                heard by a LISTENing client at the same rate), the live event stream and a webhook
                subscription; and the command's latency at that rate without and with it

Usage: scripts/bench [case ...] [--seconds N] [--rate N] [--growth-events N] [--rebuild-events N]
Run through scripts/bench, which installs what is missing and builds the release binaries.
"""
import argparse
import concurrent.futures
import datetime
import http.client
import http.server
import multiprocessing
import json
import os
import re
import resource
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
PGBIN = sorted([p for p in (f"/usr/lib/postgresql/{v}/bin" for v in range(13, 30)) if os.path.isdir(p)])[-1]
BIN = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True,
                     text=True, check=True).stdout.strip()
SCHEMA = os.path.join(ROOT, "schema")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def say(text=""):
    print(text, flush=True)


class Cluster:
    """A throwaway PostgreSQL cluster run as the unprivileged postgres user, durable defaults."""

    def __init__(self, options=""):
        self.dir = tempfile.mkdtemp(prefix="toedeling-bench.")
        os.chmod(self.dir, 0o755)
        shutil.chown(self.dir, "postgres")
        self.port = free_port()
        self._as_pg(f"{PGBIN}/initdb", "-D", f"{self.dir}/data", "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "-N")
        self._as_pg(f"{PGBIN}/pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/log", "-w", "start", "-o",
                    f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c max_connections=200 {options}")

    def _as_pg(self, *cmd):
        subprocess.run(["runuser", "-u", "postgres", "--", *cmd], cwd=self.dir, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # Set by --pg-socket: every client (the server, pgbench, psql) reaches the cluster over its Unix socket.
    over_socket = False

    def url(self, db="postgres"):
        if Cluster.over_socket:
            return f"postgresql://postgres@/{db}?host={self.dir}&port={self.port}"
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def createdb(self, name, migrate=False):
        self.psql("postgres", f'CREATE DATABASE "{name}"')
        if migrate:
            admin(self.url(name), "migrate")
        return self.url(name)

    def psql(self, db, sql, file=None):
        cmd = ["psql", self.url(db), "-XAtq", "-v", "ON_ERROR_STOP=1"] + (["-f", file] if file else ["-c", sql])
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()

    def stop(self):
        try:
            self._as_pg(f"{PGBIN}/pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "-w", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def admin(url, *args, timeout=3600, bin_dir=None):
    env = dict(os.environ, DATABASE_URL=url, TOEDELING_SCHEMA_DIR=SCHEMA)
    r = subprocess.run([f"{bin_dir or BIN}/toedeling-admin", *args], env=env, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"toedeling-admin {' '.join(args)}: {r.stderr.strip()[-300:]}")
    return r.stdout


def pgbench(url, script, clients, seconds, defines=()):
    return pgbench_with_cpu(url, script, clients, seconds, defines)[0]


def pgbench_with_cpu(url, script, clients, seconds, defines=()):
    """pgbench's transactions per second and its own CPU (user + system) in ms per transaction:
    what the client side of these statements costs a lean C client on libpq."""
    args = ["pgbench", "-n", "-M", "prepared", "-T", str(seconds), "-c", str(clients), "-j", str(min(clients, 2))]
    for d in defines:
        args += ["-D", d]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(args + ["-f", script, url], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    m = re.search(r"^tps = ([0-9.]+)", r.stdout, re.M)
    done = re.search(r"^number of transactions actually processed: (\d+)", r.stdout, re.M)
    if not m or not done:
        raise RuntimeError(f"pgbench {script}: {(r.stdout + r.stderr)[-400:]}")
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return float(m.group(1)), used / max(int(done.group(1)), 1) * 1000


class RawBaseline:
    """RAW pgbench in its own database; every run continues the versions of the one before."""

    def __init__(self, cluster, name="raw"):
        self.url = cluster.createdb(name)
        self.name = name
        cluster.psql(name, None, file=os.path.join(HERE, "pgbench", "raw_schema.sql"))
        self.base = 0

    def rate(self, clients, seconds):
        self.base += 100_000_000
        return pgbench(self.url, os.path.join(HERE, "pgbench", "raw.sql"), clients, seconds, ["v=0", f"base={self.base}"])


def pgbench_rate(url, script, clients, seconds, rate, defines=()):
    """pgbench throttled to `rate` transactions per second in all (-R)."""
    args = ["pgbench", "-n", "-M", "prepared", "-T", str(seconds), "-R", str(rate), "-c", str(clients), "-j", str(min(clients, 2))]
    for d in defines:
        args += ["-D", d]
    r = subprocess.run(args + ["-f", script, url], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"pgbench {script}: {(r.stdout + r.stderr)[-400:]}")


def pct(a, b):
    return f"{100 * a / b:.0f} %" if b else "–"


# ---------------------------------------------------------------- append

def case_append(cluster, opts):
    raw = RawBaseline(cluster)
    store_db = cluster.createdb("append", migrate=True)
    # The 10,000 streams the pgbench script appends to exist beforehand: it measures appends, not
    # stream creation.
    cluster.psql("append", "SELECT count(*) FROM generate_series(1, 10000) AS g, LATERAL event_store_append('dossier-' || g, "
                 "'dossier', NULL, ARRAY[gen_random_uuid()], '[{\"type\":\"Event\",\"schema_version\":1,\"data\":{\"a\":1},\"metadata\":{}}]')")
    say(f"### Append: events per second, one event per commit (median of {opts.rounds} rounds)\n")
    say("| writers | RAW pgbench | `event_store_append` via pgbench | Swift store | plain INSERT via the Swift pool "
        "| pgbench / RAW | store / RAW | plain / RAW |")
    say("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for writers in (1, 4, 16):
        raws, fulls, stores, plains = [], [], [], []
        for round_ in range(opts.rounds):
            raws.append(raw.rate(writers, opts.seconds))
            fulls.append(pgbench(store_db, os.path.join(HERE, "pgbench", "append.sql"), writers, opts.seconds))
            db = f"tb{writers}_{round_}"
            cluster.psql("postgres", f'CREATE DATABASE "{db}"')
            out = subprocess.run([f"{BIN}/toedeling-bench", "append", "--database-url", cluster.url(db),
                                  "--writers", str(writers), "--seconds", str(opts.seconds * 2), "--rounds", "2"],
                                 env=dict(os.environ, TOEDELING_SCHEMA_DIR=SCHEMA), capture_output=True, text=True,
                                 check=True).stdout
            row = next(line for line in out.splitlines() if re.match(rf"^\| {writers} \|", line))
            cells = [c.strip() for c in row.strip("|").split("|")]
            stores.append(float(cells[1]))
            plains.append(float(cells[2]))
        r, f, store, plain = (statistics.median(x) for x in (raws, fulls, stores, plains))
        say(f"| {writers} | {r:.0f} | {f:.0f} | {store:.0f} | {plain:.0f} | {pct(f, r)} | {pct(store, r)} | {pct(plain, r)} |")
    say()


# ---------------------------------------------------------------- append-parts

def old_append_function():
    """event_store_append as migration 0004 defined it, renamed, to measure beside today's."""
    text = open(os.path.join(SCHEMA, "0004_event_store_recorded_at.sql")).read()
    start = text.index("CREATE FUNCTION event_store_append(")
    end = text.index("$$;", start) + 3
    return text[start:end].replace("CREATE FUNCTION event_store_append(", "CREATE FUNCTION event_store_append_0004(", 1)


def case_append_parts(cluster, opts):
    raw = RawBaseline(cluster)
    url = cluster.createdb("parts", migrate=True)
    cluster.psql("parts", None, file=os.path.join(HERE, "pgbench", "parts.sql"))
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(old_append_function() + "\n")
    cluster.psql("parts", None, file=f.name)
    work = tempfile.mkdtemp(prefix="parts.")
    event = """'[{"type":"Event","schema_version":1,"data":{"a":1},"metadata":{}}]'::jsonb"""
    calls = [
        ("1 insert (plpgsql)", f"SELECT part_1_insert('dossier-' || :s, {event});"),
        ("2 + advisory lock", f"SELECT part_2_lock('dossier-' || :s, {event});"),
        ("3 + head (read and move the stream row)", f"SELECT part_3_head('dossier-' || :s, {event});"),
        ("4 + hash chain (canonical bytes)", f"SELECT part_4_hash('dossier-' || :s, {event});"),
        ("5 + replay probe before writing", f"SELECT part_5_probe('dossier-' || :s, {event});"),
        ("`event_store_append` of 0004 (+ version check, RETURN QUERY)",
         f"SELECT count(*) FROM event_store_append_0004('dossier-' || :s, 'dossier', NULL, ARRAY[gen_random_uuid()], {event}, NULL);"),
        ("`event_store_append` today (0005)",
         f"SELECT count(*) FROM event_store_append('dossier-' || :s, 'dossier', NULL, ARRAY[gen_random_uuid()], {event}, NULL);"),
    ]
    # Each step on streams of its own, created beforehand (one call per stream), so that every step
    # measures appends to existing streams, the common case.
    scripts = []
    for i, (name, sql) in enumerate(calls):
        low, high = i * 100000 + 1, i * 100000 + 10000
        for chunk in range(low, high, 1000):
            # In chunks: the 0004 function takes an advisory lock per stream and keeps it to commit.
            cluster.psql("parts", f"SELECT count(*) FROM generate_series({chunk}, {min(chunk + 999, high)}) AS g, "
                                  f"LATERAL ({sql.replace(':s', 'g').rstrip(';')}) AS w")
        script = os.path.join(work, f"step{i}.sql")
        with open(script, "w") as f:
            f.write(f"\\set s random({low}, {high})\n{sql}\n")
        scripts.append(script)
    raws, rates = [], [[] for _ in calls]
    for _ in range(opts.rounds):
        raws.append(raw.rate(16, opts.seconds))
        for i, script in enumerate(scripts):
            rates[i].append(pgbench(url, script, 16, opts.seconds))
    r = statistics.median(raws)
    say(f"### The parts of an append (pgbench, 16 clients, one call per commit, median of {opts.rounds} rounds)\n")
    say("| step | calls/s | of RAW |")
    say("|---|---:|---:|")
    say(f"| RAW (one INSERT, no function; rounds: {', '.join(f'{x:.0f}' for x in raws)}) | {r:.0f} | 100 % |")
    for (name, _), measured in zip(calls, rates):
        m = statistics.median(measured)
        say(f"| {name} | {m:.0f} | {pct(m, r)} |")
    say()


# ---------------------------------------------------------------- server helpers

def request(method, url, body=None, token=None, timeout=60, content_type="application/json"):
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = content_type
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class Server:
    def __init__(self, url, log_level="info", env=None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, DATABASE_URL=url, TOEDELING_SCHEMA_DIR=SCHEMA, TOEDELING_LOG_LEVEL=log_level, **(env or {}))
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([f"{BIN}/toedeling-server", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                     env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}")
            try:
                if request("GET", self.base + "/health", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server did not answer /health")

    def rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def cpu_seconds():
    """CPU seconds (user + system) so far of the server processes and of PostgreSQL's: its live
    processes and, through the postmaster's children times, those that have exited."""
    tick = os.sysconf("SC_CLK_TCK")
    totals = {"server": 0.0, "postgres": 0.0}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)
            name = fields[0].split("(", 1)[1]
            rest = fields[1].split()
            used = (int(rest[11]) + int(rest[12])) / tick
            reaped = (int(rest[13]) + int(rest[14])) / tick
            parent = int(rest[1])
        except (OSError, IndexError, ValueError):
            continue
        if name.startswith("toedeling-serv"):
            totals["server"] += used
        elif name == "postgres":
            # The postmaster (parent not postgres) also carries its reaped children.
            totals["postgres"] += used + (reaped if parent == 1 or not _is_postgres(parent) else 0)
    return totals


def machine_ticks():
    """(idle, total) clock ticks of every core so far, from /proc/stat (idle includes iowait)."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    return fields[3] + fields[4], sum(fields)


def _is_postgres(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip() == "postgres"
    except OSError:
        return False


def profiled(server, name, opts):
    """perf record of the server while a load runs, when --perf DIR is given."""
    if not opts.perf:
        return None
    os.makedirs(opts.perf, exist_ok=True)
    return subprocess.Popen(["perf", "record", "-e", "cpu-clock", "-F", "499", "-g", "-p", str(server.proc.pid), "-o",
                             os.path.join(opts.perf, f"{name}.data"), "--", "sleep", str(opts.seconds)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def token(url, rol="coordinator"):
    return admin(url, "token", "create", "--rol", rol, "--naam", "bench").strip()


NEW = {"titel": "Bench", "omschrijving": "Een voorstel.", "vakdepartement": "BZK", "soort": "taak", "nieuweTaak": True}


def open_dossiers(server, tok, n):
    ids = []
    for i in range(n):
        status, body = request("POST", server.base + "/v1/dossiers", dict(NEW, titel=f"Bench {i}"), token=tok)
        assert status == 201, body
        ids.append(json.loads(body)["id"])
    return ids


def wrk(server, tok, ids, method, seconds, connections=16):
    """wrk against random dossiers of `ids`; returns (requests/s, p50 ms, p99 ms, non-2xx)."""
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    id_list = ",".join(f'"{i}"' for i in ids)
    if method == "POST":
        make = ('local body = \'{"nummer":"\' .. tid .. \'-\' .. n .. \'","titel":"Brief","datum":"2026-06-01"}\'\n'
                '  return wrk.format("POST", "/v1/dossiers/" .. id .. "/kamerstukken", '
                f'{{["Authorization"] = "Bearer {tok}", ["Content-Type"] = "application/json"}}, body)')
    elif method == "UNAUTHORIZED":
        # The same GET without a token: answered 401 by the server's middleware, no database.
        make = 'return wrk.format("GET", "/v1/dossiers/" .. id, {}, nil)'
    else:
        make = f'return wrk.format("GET", "/v1/dossiers/" .. id, {{["Authorization"] = "Bearer {tok}"}}, nil)'
    script.write(f"""
local ids = {{{id_list}}}
local n = 0
local tid = 0
init = function(args)
  tid = tonumber(tostring({{}}):match("0x(%x+)"), 16) % 1000003
  math.randomseed(tid)
end
request = function()
  n = n + 1
  local id = ids[math.random(#ids)]
  {make}
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
""")
    script.close()
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script.name, server.base],
                         capture_output=True, text=True).stdout
    m = re.search(r"^RESULT ([0-9.]+) ([0-9.]+) ([0-9.]+) (\d+)", out, re.M)
    if not m:
        raise RuntimeError("wrk: " + out[-400:])
    return float(m.group(1)), float(m.group(2)), float(m.group(3)), int(m.group(4))


# ---------------------------------------------------------------- http

def case_http(cluster, opts):
    raw = RawBaseline(cluster)
    url = cluster.createdb("http", migrate=True)
    tok = token(url)
    server = Server(url)
    try:
        ids = open_dossiers(server, tok, 256)
        rss_start = server.rss_mb()
        r = raw.rate(16, opts.seconds)
        say("### HTTP, 16 connections (wrk), 256 dossiers, log level info (the default)\n")
        say("| load | requests/s | of RAW | p50 ms | p99 ms | non-2xx | server CPU s | PostgreSQL CPU s |")
        say("|---|---:|---:|---:|---:|---:|---:|---:|")
        say(f"| RAW pgbench, 16 clients | {r:.0f} | 100 % | | | | | |")
        for label, method in (("command: POST a Kamerstuk", "POST"), ("GET a dossier", "GET")):
            before = cpu_seconds()
            perf = profiled(server, method.lower(), opts)
            rps, p50, p99, bad = wrk(server, tok, ids, method, opts.seconds)
            after = cpu_seconds()
            if perf:
                perf.wait()
            say(f"| {label} | {rps:.0f} | {pct(rps, r)} | {p50:.2f} | {p99:.2f} | {bad} | "
                f"{after['server'] - before['server']:.1f} | {after['postgres'] - before['postgres']:.1f} |")
        rss_end = server.rss_mb()
    finally:
        server.stop()
    quiet = Server(url, log_level="notice")
    try:
        rps, p50, p99, bad = wrk(quiet, tok, ids, "GET", opts.seconds)
        say(f"| GET a dossier, log level notice | {rps:.0f} | {pct(rps, r)} | {p50:.2f} | {p99:.2f} | {bad} | | |")
    finally:
        quiet.stop()
    say(f"\nServer RSS: {rss_start:.0f} MB after start and 256 dossiers, {rss_end:.0f} MB after both loads.\n")


# ---------------------------------------------------------------- growth

def case_growth(cluster, opts):
    """Two ways to grow a dossier's stream: by changing its voorstel (the state stays the same
    size) and by linking Kamerstukken (every one stays in the dossier, so its state grows too)."""
    say(f"### A command's cost against its stream's length (one client, median of 300)\n")
    for kind in ("voorstel", "kamerstuk"):
        grow_one(cluster, opts, kind)


def grow_one(cluster, opts, kind):
    url = cluster.createdb(f"growth_{kind}", migrate=True)
    tok = token(url)
    server = Server(url, log_level="notice")
    n = opts.growth_events
    try:
        short, long_ = open_dossiers(server, tok, 2)

        def command(did, label):
            if kind == "kamerstuk":
                return request("POST", f"{server.base}/v1/dossiers/{did}/kamerstukken",
                               {"nummer": label, "titel": "Brief", "datum": "2026-06-01"}, token=tok)[0]
            return request("PATCH", f"{server.base}/v1/dossiers/{did}", {"titel": f"Voorstel {label}"}, token=tok,
                           content_type="application/merge-patch+json")[0]
        ok = 201 if kind == "kamerstuk" else 200
        for i in range(8):
            command(short, f"1-{i}")
        t0 = time.time()
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(lambda i: command(long_, f"2-{i}"), range(n)))
        grow = time.time() - t0
        lat = {k: [] for k in ("post-short", "post-long", "get-short", "get-long")}
        for i in range(300):
            for key, did in (("short", short), ("long", long_)):
                t = time.perf_counter()
                assert command(did, f"3-{key}-{i}") == ok
                lat["post-" + key].append(time.perf_counter() - t)
                t = time.perf_counter()
                assert request("GET", f"{server.base}/v1/dossiers/{did}", token=tok)[0] == 200
                lat["get-" + key].append(time.perf_counter() - t)
        med = {k: statistics.median(v) * 1000 for k, v in lat.items()}
        size = len(request("GET", f"{server.base}/v1/dossiers/{long_}", token=tok)[1])
        rss = server.rss_mb()
    finally:
        server.stop()
    failed = len(codes) - codes.count(ok)
    what = "changing its voorstel (PATCH)" if kind == "voorstel" else "linking Kamerstukken (POST)"
    say(f"**By {what}.** Grew one dossier to {n + 1} events with 8 parallel writers in {grow:.1f} s "
        f"({n / grow:.0f} commands/s); {failed} of {n} commands failed. Its document: {size} bytes.\n")
    say(f"| | 10 events | {n + 1} events | ratio |")
    say("|---|---:|---:|---:|")
    say(f"| the command, ms | {med['post-short']:.2f} | {med['post-long']:.2f} | {med['post-long'] / med['post-short']:.2f}× |")
    say(f"| GET the dossier, ms | {med['get-short']:.2f} | {med['get-long']:.2f} | {med['get-long'] / med['get-short']:.2f}× |")
    say(f"\nServer RSS afterwards: {rss:.0f} MB.\n")


# ---------------------------------------------------------------- own SQL

def _csv_log_rows(path, start, end):
    """The rows of PostgreSQL's CSV log between two byte offsets: (pid, message, detail)."""
    import csv
    import io
    with open(path, newline="") as f:
        f.seek(start)
        text = f.read(end - start)
    # csvlog columns: 3 process id, 13 message, 14 detail (0-based; PostgreSQL 15).
    return [(row[3], row[13], row[14]) for row in csv.reader(io.StringIO(text)) if len(row) > 14]


def _parameters(detail):
    """The values of a logged statement's parameters ('parameters: $1 = '…', $2 = NULL'), by number."""
    values = {}
    for m in re.finditer(r"\$(\d+) = (NULL|'((?:[^']|'')*)')", detail or ""):
        values[int(m.group(1))] = None if m.group(2) == "NULL" else m.group(3).replace("''", "'")
    return values


def _statements(rows):
    """Logged executions of the extended protocol and simple statements: (pid, sql, parameters)."""
    out = []
    for pid, message, detail in rows:
        m = re.match(r"(?:execute [^:]*|statement): (.*)", message, re.S)
        if m:
            out.append((pid, m.group(1), _parameters(detail)))
    return out


def _pgbench_script(statements, dossier_id, name):
    """A pgbench script that sends `statements` as the server sent them, each parameter a variable
    given with -D (sent as a text parameter of a prepared statement, as the server sends it), but
    for what must differ per transaction: the dossier (one of 256, by :d), the event id (:r), the
    expected version (NULL: the same work without the comparison), the new version in the read
    models (from the append's RETURNING, \\gset, or from its stream row), a Kamerstuk's number and
    the row version the locked read names (the row's own: a hit of the server's state cache). The
    statements go in the round trips the server sends them in: a BEGIN in one pipeline with the locked
    read (and the Kamerstuk lookup after it), a pipelined append with the statements after it up to
    the COMMIT."""
    lines = ["\\set d random(1, 256)", "\\set r random(1, 1000000000000)"]
    defines = []
    pipelined = False
    # The append sent with the projection and the COMMIT in one round trip (`PipelinedAppend`).
    tail = False
    dossier = "(SELECT id FROM bench_dossiers WHERE n = :d)"
    for index, (_, sql, params) in enumerate(statements):
        is_append = "WITH head AS" in sql
        is_pipelined_append = is_append and "appended AS" in sql
        is_write = "INSERT INTO dossiers " in sql and "INSERT INTO dossier_weergaven" in sql
        # The locked read names the row version the server's state cache holds: the row as it is
        # (the steady state, a hit: the state is not sent).
        is_locked_read = "FOR UPDATE" in sql and "xmin::text = $2" in sql
        # The new version: from the append's RETURNING (\gset), or, where the projection goes in one
        # pipeline with the append, read from its stream row, which the append has just moved.
        event_version = (f"(SELECT version FROM streams WHERE stream_id = 'dossier-' || {dossier}::text)"
                         if tail else ":event_version")

        def value(number):
            v = params.get(number)
            if v == dossier_id:
                return dossier
            if v == "dossier-" + dossier_id:
                return f"('dossier-' || {dossier}::text)"
            if is_append and number == 2:
                return "NULL::bigint"
            if is_append and number == 3:
                return "md5(:client_id::text || '-' || :r::text)::uuid"
            if is_pipelined_append and number == 8:
                # The moment the server read with the lock: later than the stream's head.
                return "statement_timestamp()"
            if is_append and number == 8:
                return "NULL::timestamptz"
            if is_locked_read and number == 2:
                return f"(SELECT xmin::text FROM dossiers WHERE id = {dossier})"
            if is_locked_read and number == 3:
                return f"(SELECT versie FROM dossiers WHERE id = {dossier})"
            if is_locked_read and number == 4:
                return f"(SELECT bijgewerkt_op FROM dossiers WHERE id = {dossier})"
            if is_write and number == 6:
                return event_version
            if is_write and number == 2:
                return "(SELECT kenmerk FROM bench_dossiers WHERE n = :d)"
            if "FROM dossier_kamerstukken WHERE dossier_id = $1 AND nummer = $2" in sql and number == 2:
                return "('x-' || :r::text)"
            if v is None:
                return "NULL"
            var = f"s{index}p{number}"
            if is_write and number == 11:
                defines.append(f"{var}={v}")
                return f"jsonb_set(:{var}::jsonb, '{{0,versie}}', to_jsonb({event_version}::bigint))"
            if is_write and number == 12 and v != "[]":
                defines.append(f"{var}={v}")
                return (f"jsonb_set(jsonb_set(:{var}::jsonb, '{{0,versie}}', to_jsonb({event_version}::bigint)), "
                        f"'{{0,nummer}}', to_jsonb('x-' || :r::text))")
            defines.append(f"{var}={v}")
            return f":{var}"

        text = re.sub(r"\$(\d+)", lambda m: value(int(m.group(1))), sql.strip().rstrip(";"))
        if text.upper() == "BEGIN" and index + 1 < len(statements):
            # The server sends BEGIN with the statement after it in one round trip (pipeline mode).
            lines += ["\\startpipeline", "BEGIN;"]
            pipelined = True
            continue
        if is_pipelined_append:
            # The server sends the append, the projection and the COMMIT in one round trip.
            lines += ["\\startpipeline", text + ";"]
            tail = True
            continue
        lines.append(text + (" \\gset" if is_append else ";"))
        following = statements[index + 1][1] if index + 1 < len(statements) else ""
        if pipelined and "FROM dossier_kamerstukken WHERE dossier_id = $1" in following:
            # The locked read and the Kamerstuk lookup go in one round trip (`lockedState`).
            continue
        if pipelined:
            lines.append("\\endpipeline")
            pipelined = False
        if tail and text.upper() == "COMMIT":
            lines.append("\\endpipeline")
            tail = False
    path = os.path.join(tempfile.mkdtemp(prefix="ownsql."), name + ".sql")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path, defines


def case_ownsql(cluster_unused, opts):
    """The HTTP command and GET against the SQL they send, replayed by pgbench: the statements are
    captured from the server's own connections (PostgreSQL's statement log) during one command and
    one GET, and replayed with 16 clients on the same database, RAW in the same run."""
    cluster = Cluster(options="-c logging_collector=on -c log_destination=csvlog -c log_directory=log "
                              "-c log_filename=pg -c log_file_mode=0644")
    try:
        raw = RawBaseline(cluster)
        url = cluster.createdb("ownsql", migrate=True)
        tok = token(url)
        csv_path = os.path.join(cluster.dir, "data", "log", "pg.csv")
        # Capture: a server whose connections log every statement.
        cluster.psql("postgres", "ALTER DATABASE ownsql SET log_statement = 'all'")
        capture = Server(url, log_level="notice")
        try:
            ids = open_dossiers(capture, tok, 256)
            for i in range(3):  # warm: token checked, statements prepared
                request("POST", f"{capture.base}/v1/dossiers/{ids[0]}/kamerstukken",
                        {"nummer": f"1-{i}", "titel": "Brief", "datum": "2026-06-01"}, token=tok)
                request("GET", f"{capture.base}/v1/dossiers/{ids[0]}", token=tok)
            time.sleep(2.5)  # the feed subscriptions settle
            start = os.path.getsize(csv_path)
            assert request("POST", f"{capture.base}/v1/dossiers/{ids[1]}/kamerstukken",
                           {"nummer": "2-1", "titel": "Brief", "datum": "2026-06-01"}, token=tok)[0] == 201
            time.sleep(1.0)
            middle = os.path.getsize(csv_path)
            assert request("GET", f"{capture.base}/v1/dossiers/{ids[1]}", token=tok)[0] == 200
            time.sleep(0.5)
            end = os.path.getsize(csv_path)
        finally:
            capture.stop()
        cluster.psql("postgres", "ALTER DATABASE ownsql RESET log_statement")
        during_command = _statements(_csv_log_rows(csv_path, start, middle))
        during_get = _statements(_csv_log_rows(csv_path, middle, end))
        # The command's transaction: the connection that appended, from its BEGIN to its COMMIT.
        appender = next(pid for pid, sql, _ in during_command if "WITH head AS" in sql)
        mine = [s for s in during_command if s[0] == appender]
        first = max(i for i, s in enumerate(mine) if s[1].strip().upper().startswith("BEGIN") and
                    i < next(j for j, t in enumerate(mine) if "WITH head AS" in t[1]))
        last = next(i for i, s in enumerate(mine) if i > first and s[1].strip().upper().startswith("COMMIT"))
        command = mine[first:last + 1]
        others = [s for i, s in enumerate(during_command) if s[0] != appender or i not in
                  {during_command.index(t) for t in command}]
        # The GET as it runs under load: its token is in the server's cache (checked at most once a second).
        get = [s for s in during_get if "dossier_weergaven" in s[1]]
        cluster.psql("ownsql", "CREATE TABLE bench_dossiers (n integer PRIMARY KEY, id uuid NOT NULL, kenmerk text NOT NULL)")
        values = ",".join(f"({n + 1}, '{i}')" for n, i in enumerate(ids))
        cluster.psql("ownsql", f"INSERT INTO bench_dossiers SELECT v.n, v.id::uuid, d.kenmerk FROM (VALUES {values}) v(n, id) "
                               "JOIN dossiers d ON d.id = v.id::uuid")
        # The replay writes the captured dossier's state and views into the dossiers it draws: it runs
        # on a copy, so that the server's rounds keep a read model that matches the streams.
        cluster.psql("postgres", "CREATE DATABASE ownsql_replay TEMPLATE ownsql")
        replay = cluster.url("ownsql_replay")
        command_script, command_defines = _pgbench_script(command, ids[1], "command")
        get_script, get_defines = _pgbench_script(get, ids[1], "get")

        say("### A command and a GET against their own SQL (16 connections / clients, 256 dossiers)\n")
        say(f"The command's transaction as the server sent it ({len(command)} statements on one connection):\n")
        for _, sql, _ in command:
            say(f"- `{' '.join(sql.split())[:110]}…`" if len(' '.join(sql.split())) > 110 else f"- `{' '.join(sql.split())}`")
        counted = {}
        for _, sql, _ in others:
            key = ' '.join(sql.split())[:100]
            counted[key] = counted.get(key, 0) + 1
        say(f"\nWithin a second around it, {len(others)} other statement(s) (the feed subscriptions woken by the "
            f"commit, and their look again soon after; the commit's NOTIFY to other instances), by count:\n")
        for key, count in counted.items():
            say(f"- {count} × `{key}`")
        say()
        say(f"The GET: {len(get)} statement(s): " + "; ".join(f"`{' '.join(s[1].split())[:90]}…`" for s in get)
            + " (its token is in the server's cache, checked once a second).\n")

        server = Server(url, log_level="notice")
        rows = []
        try:
            for round_ in range(opts.rounds):
                r = raw.rate(16, opts.seconds)
                before = cpu_seconds()
                post = wrk(server, tok, ids, "POST", opts.seconds)
                mid = cpu_seconds()
                getr = wrk(server, tok, ids, "GET", opts.seconds)
                after = cpu_seconds()
                bare = wrk(server, tok, ids, "UNAUTHORIZED", opts.seconds)
                last = cpu_seconds()
                sql_command, client_command = pgbench_with_cpu(replay, command_script, 16, opts.seconds, command_defines)
                sql_get, client_get = pgbench_with_cpu(replay, get_script, 16, opts.seconds, get_defines)
                rows.append((round_ + 1, r, post, getr, sql_command, sql_get,
                             (mid["server"] - before["server"]) / max(post[0] * opts.seconds, 1) * 1000,
                             (after["server"] - mid["server"]) / max(getr[0] * opts.seconds, 1) * 1000,
                             (mid["postgres"] - before["postgres"]) / max(post[0] * opts.seconds, 1) * 1000,
                             (after["postgres"] - mid["postgres"]) / max(getr[0] * opts.seconds, 1) * 1000,
                             bare, (last["server"] - after["server"]) / max(bare[0] * opts.seconds, 1) * 1000,
                             client_command, client_get))
            rss = server.rss_mb()
        finally:
            server.stop()
        say("| round | RAW | HTTP command /s | its SQL by pgbench /s | HTTP / SQL | command / RAW | p99 ms | HTTP GET /s | its SQL /s | HTTP / SQL | p99 ms | server CPU ms per command / GET | PostgreSQL CPU ms per command / GET |")
        say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n, r, post, getr, sc, sg, cc, cg, pc, pg, *_ in rows:
            say(f"| {n} | {r:.0f} | {post[0]:.0f} | {sc:.0f} | {pct(post[0], sc)} | {pct(post[0], r)} | {post[2]:.2f} | "
                f"{getr[0]:.0f} | {sg:.0f} | {pct(getr[0], sg)} | {getr[2]:.2f} | {cc:.3f} / {cg:.3f} | {pc:.3f} / {pg:.3f} |")
        say(f"\nServer RSS after the loads: {rss:.0f} MB.\n")
        say("The parts of the server's CPU per request no server of this kind does without, measured in the same rounds: "
            "the HTTP exchange (the same GET without a token, answered 401 by the server's middleware without the "
            "database: wrk over 16 connections) and the client side of the request's own SQL (pgbench's own CPU, "
            "user + system, per transaction of the replay above: libpq and the kernel's socket work, from C).\n")
        say("| round | HTTP without the database /s | its server CPU ms | pgbench CPU ms per command's SQL / GET's SQL | "
            "the two together, command / GET | server CPU ms per command / GET | server / the two |")
        say("|---:|---:|---:|---:|---:|---:|---:|")
        for n, r, post, getr, sc, sg, cc, cg, pc, pg, bare, cb, kc, kg in rows:
            say(f"| {n} | {bare[0]:.0f} | {cb:.3f} | {kc:.3f} / {kg:.3f} | {cb + kc:.3f} / {cb + kg:.3f} | {cc:.3f} / {cg:.3f} | "
                f"{cc / max(cb + kc, 1e-9):.2f}× / {cg / max(cb + kg, 1e-9):.2f}× |")
        say()
    finally:
        cluster.stop()



# ---------------------------------------------------------------- notify

class PgListener:
    """A LISTENing PostgreSQL client in a few lines of the wire protocol (trust authentication, as
    the bench clusters have): records when each notification arrived and its payload."""

    def __init__(self, port, db, channel):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.file = self.sock.makefile("rb")
        params = b"user\0postgres\0database\0" + db.encode() + b"\0\0"
        self.sock.sendall(struct.pack("!ii", 8 + len(params), 196608) + params)
        self._until_ready()
        query = f"LISTEN {channel}".encode() + b"\0"
        self.sock.sendall(b"Q" + struct.pack("!i", 4 + len(query)) + query)
        self._until_ready()
        self.heard = []  # (arrival, payload)
        threading.Thread(target=self._listen, daemon=True).start()

    def _message(self):
        head = self.file.read(5)
        if len(head) < 5:
            raise EOFError("PostgreSQL closed the connection")
        return head[:1], self.file.read(struct.unpack("!i", head[1:])[0] - 4)

    def _until_ready(self):
        while True:
            kind, body = self._message()
            if kind == b"E" or (kind == b"R" and struct.unpack("!i", body[:4])[0] != 0):
                raise RuntimeError(f"PostgreSQL refused: {body[:200]!r}")
            if kind == b"Z":
                return

    def _listen(self):
        try:
            while True:
                kind, body = self._message()
                if kind == b"A":
                    arrival = time.time()
                    _channel, payload, _ = body[4:].split(b"\0", 2)
                    self.heard.append((arrival, payload.decode()))
        except (OSError, EOFError, ValueError):
            pass

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class Recorder:
    """A child process that records what it hears, one line a message, in a file of its own, so
    that the load driver's threads do not slow it down (the GIL); read() parses the whole lines so far."""

    def __init__(self, target, *args):
        self.file = tempfile.NamedTemporaryFile("w", prefix="toedeling-bench.", suffix=".log", delete=False)
        self.file.close()
        self.proc = multiprocessing.Process(target=target, args=(self.file.name, *args), daemon=True)
        self.proc.start()

    def read(self):
        with open(self.file.name) as f:
            return [line.rstrip("\n").split("\t") for line in f if line.endswith("\n")]

    def stop(self):
        self.proc.terminate()
        self.proc.join(5)
        os.unlink(self.file.name)


def _receive_webhooks(path, port):
    """The webhook receiver: answers 204 at once (keep-alive) and records arrival, webhook-id and
    the CloudEvent's time."""
    out = open(path, "a", buffering=1)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            arrival = time.time()
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
            out.write(f"{arrival}\t{self.headers.get('webhook-id', '')}\t{json.loads(body)['time']}\n")

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def _follow_stream(path, port, tok):
    """Follows GET /v1/gebeurtenissen/stroom and records arrival, event id, dossier and version."""
    out = open(path, "a", buffering=1)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=None)
    conn.request("GET", "/v1/gebeurtenissen/stroom", headers={"Authorization": f"Bearer {tok}", "Accept": "text/event-stream"})
    response = conn.getresponse()
    cursor = ""
    for line in response:
        if line.startswith(b"id: "):
            cursor = line[4:].strip().decode()
        elif line.startswith(b"data: "):
            arrival = time.time()
            event = json.loads(line[6:])
            out.write(f"{arrival}\t{event['gebeurtenisId']}\t{event['streamId'].removeprefix('dossier-')}\t{event['versie']}\t{cursor}\n")


class WebhookReceiver(Recorder):
    def __init__(self):
        port = free_port()
        self.url = f"http://127.0.0.1:{port}/webhook"
        super().__init__(_receive_webhooks, port)

    def first_arrivals(self):
        """Event id -> (arrival, the CloudEvent's time) of its first delivery, and how many arrived."""
        first, lines = {}, self.read()
        for arrival, webhook_id, at in lines:
            first.setdefault(webhook_id, (float(arrival), iso_seconds(at)))
        return first, len(lines)


class LiveStream(Recorder):
    def __init__(self, server, tok):
        super().__init__(_follow_stream, server.port, tok)

    def events(self):
        """Event id -> (arrival, dossier, version, feed cursor)."""
        return {event_id: (float(arrival), dossier, int(version), cursor) for arrival, event_id, dossier, version, cursor in self.read()}


def drive(server, tok, ids, rate, seconds, phase, workers=16):
    """POSTs a Kamerstuk to dossier ids[i % len(ids)] at `rate` commands/s for `seconds`, open loop
    (command i is due at start + i/rate whether or not earlier ones answered). Returns a list of
    (dossier, version, due, answered, status)."""
    n = rate * seconds
    start = time.time() + 0.5
    results = [None] * n

    def worker(k):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        headers = {"Authorization": f"Bearer {tok}", "Content-Type": "application/json", "Accept": "application/json"}
        for i in range(k, n, workers):
            due = start + i / rate
            wait = due - time.time()
            if wait > 0:
                time.sleep(wait)
            did = ids[i % len(ids)]
            body = json.dumps({"nummer": f"{phase}-{i}", "titel": "Brief", "datum": "2026-06-01"})
            try:
                conn.request("POST", f"/v1/dossiers/{did}/kamerstukken", body, headers)
                response = conn.getresponse()
                response.read()
                answered = time.time()
                etag = (response.getheader("ETag") or "").strip('W/"')
                results[i] = (did, int(etag) if etag.isdigit() else None, due, answered, response.status)
            except (OSError, http.client.HTTPException):
                conn.close()
                results[i] = (did, None, due, time.time(), 0)

    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        list(pool.map(worker, range(workers)))
    return results


def percentiles(values):
    """p50, p90, p99 and the maximum of `values` (seconds), in milliseconds."""
    if not values:
        return None
    ordered = sorted(values)

    def at(q):
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000
    return at(0.50), at(0.90), at(0.99), ordered[-1] * 1000


def lag_row(label, values, raw_p50=None):
    p = percentiles(values)
    if p is None:
        return f"| {label} | – | – | – | – | 0 | |"
    ratio = f"{p[0] / raw_p50:.1f}×" if raw_p50 else ""
    return f"| {label} | {p[0]:.1f} | {p[1]:.1f} | {p[2]:.1f} | {p[3]:.1f} | {len(values)} | {ratio} |"


def iso_seconds(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def case_notify(cluster, opts):
    for rate in opts.rate:
        notify_at(cluster, opts, rate)


def notify_at(cluster, opts, rate):
    """The delivery lag from commit to receiver at `rate` commands/s: RAW (a row committed with a NOTIFY
    and heard by a LISTENing client, pgbench at the same rate), the live event stream (SSE) and a
    webhook subscription, each from the clock read in the command's transaction (the event's time)
    and from the command's answer; the command's own latency at that rate without and with the
    subscription; and a resend of all the events, one subscription's delivery rate without load."""
    seconds = opts.seconds
    raw = RawBaseline(cluster, f"raw_{rate}")
    listener = PgListener(cluster.port, raw.name, "raw_lag")
    try:
        pgbench_rate(raw.url, os.path.join(HERE, "pgbench", "notify.sql"), 4, seconds, rate, ["v=0", "base=900000000"])
        time.sleep(0.5)
    finally:
        listener.close()
    raw_lags = [arrival - float(payload) for arrival, payload in listener.heard]
    db = f"notify_{rate}"
    url = cluster.createdb(db, migrate=True)
    tok = token(url)
    server = Server(url, log_level="notice", env={"TOEDELING_WEBHOOK_ALLOW_PRIVATE": "1"})
    receiver = WebhookReceiver()
    stream = None
    try:
        ids = open_dossiers(server, tok, 256)
        stream = LiveStream(server, tok)
        cpu = [cpu_seconds()]
        without = drive(server, tok, ids, rate, seconds, 1)
        cpu.append(cpu_seconds())
        status, body = request("POST", server.base + "/v1/abonnementen", {"callbackUrl": receiver.url}, token=tok)
        if status != 201:
            raise RuntimeError(f"subscription: HTTP {status} {body[:200]!r}")
        subscription = json.loads(body)["id"]
        cpu.append(cpu_seconds())
        with_ = drive(server, tok, ids, rate, seconds, 2)
        last_answer = max(r[3] for r in with_)
        ok = [r for r in with_ if r[4] == 201]
        deadline = time.time() + 120
        while len(receiver.first_arrivals()[0]) < len(ok) and time.time() < deadline:
            time.sleep(0.1)
        cpu.append(cpu_seconds())
        time.sleep(0.5)
        delivered, arrivals = receiver.first_arrivals()
        drained = max((a for a, _ in delivered.values()), default=last_answer) - last_answer
        followed = stream.events()
        attempts = [int(x) / 1000 for x in cluster.psql(db, "SELECT duur_ms FROM webhook_pogingen").split()]
        # A resend of everything after the last command before the subscription: one subscription's
        # delivery rate without the command load.
        before_b = [(arrival, cursor) for arrival, did, version, cursor in followed.values() if (did, version) not in
                    {(r[0], r[1]) for r in ok}]
        resend_from = max(before_b)[1]
        sent = time.time()
        status, body = request("POST", f"{server.base}/v1/abonnementen/{subscription}/opnieuw", {"na": resend_from}, token=tok)
        if status != 202:
            raise RuntimeError(f"resend: HTTP {status} {body[:200]!r}")
        planned = json.loads(body)["opnieuwGepland"]
        while receiver.first_arrivals()[1] < arrivals + planned and time.time() < deadline + 120:
            time.sleep(0.1)
        resent = [float(line[0]) for line in receiver.read()[arrivals:]]
        resend_rate = len(resent) / (max(resent) - sent) if resent else 0
        state = json.loads(request("GET", f"{server.base}/v1/abonnementen/{subscription}", token=tok)[1])["staat"]
        # When the webhook channel wrote each outbox row (its transaction's start), after the event's time.
        routed = [float(x) for x in cluster.psql(db, """
            SELECT extract(epoch FROM w.aangemaakt_op - e.recorded_at) FROM webhook_afleveringen w
            JOIN events e ON e.event_id = w.event_id""").split()]
        rss = server.rss_mb()
    finally:
        if stream:
            stream.stop()
        receiver.stop()
        server.stop()
    answered = {(r[0], r[1]): r[3] for r in without + with_ if r[4] == 201 and r[1] is not None}
    phase_b = {(r[0], r[1]) for r in ok}
    hook_time, hook_answer, sse_time, sse_answer = [], [], {"a": [], "b": []}, {"a": [], "b": []}
    for event_id, (arrival, at) in delivered.items():
        hook_time.append(arrival - at)
        sse = followed.get(event_id)
        if sse and (sse[1], sse[2]) in answered:
            hook_answer.append(arrival - answered[(sse[1], sse[2])])
            sse_time["b"].append(sse[0] - at)
    for event_id, (arrival, did, version, _cursor) in followed.items():
        if (did, version) in answered:
            sse_answer["b" if (did, version) in phase_b else "a"].append(arrival - answered[(did, version)])

    def latency(results):
        return [r[3] - r[2] for r in results if r[4] == 201]

    refused = [r[4] for r in without + with_ if r[4] != 201]
    if refused:
        say(f"Commands not answered 201: {len(refused)}, statuses {sorted(set(refused))}.\n")

    say(f"### Delivery lag at {rate} commands/s ({seconds} s a phase, POST a Kamerstuk to one of 256 dossiers)\n")
    say("Lag in ms from the clock read just before COMMIT (RAW: in the NOTIFY's transaction; Toedeling: the event's time, "
        "read in the command's transaction) or from the command's answer, to the receiver.\n")
    raw_p50 = (percentiles(raw_lags) or [None])[0]
    say("| path | p50 | p90 | p99 | max | events | p50 / RAW |")
    say("|---|---:|---:|---:|---:|---:|---:|")
    say(lag_row("RAW: NOTIFY heard by a LISTENing client (pgbench, 4 clients)", raw_lags, raw_p50))
    say(lag_row("live stream (SSE), from the event's time", sse_time["b"], raw_p50))
    say(lag_row("webhook outbox row written (the channel's transaction began), from the event's time", routed, raw_p50))
    say(lag_row("webhook, from the event's time", hook_time, raw_p50))
    say(lag_row("live stream (SSE), no subscription, from the command's answer", sse_answer["a"]))
    say(lag_row("live stream (SSE), from the command's answer", sse_answer["b"]))
    say(lag_row("webhook, from the command's answer", hook_answer))
    say(lag_row("one webhook attempt (its duration in the delivery log)", attempts))
    say("")
    say("| commands | sent | answered 201 | p50 ms | p99 ms | max ms | server CPU s | PostgreSQL CPU s |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, results, (before, after) in (("without a subscription", without, (cpu[0], cpu[1])),
                                            ("with one webhook subscription (until all were delivered)", with_, (cpu[2], cpu[3]))):
        p = percentiles(latency(results)) or (0, 0, 0, 0)
        say(f"| {label} | {len(results)} | {sum(1 for r in results if r[4] == 201)} | {p[0]:.1f} | {p[2]:.1f} | {p[3]:.1f} | "
            f"{after['server'] - before['server']:.1f} | {after['postgres'] - before['postgres']:.1f} |")
    say(f"\nDelivered {len(delivered)} of {len(ok)} events ({arrivals - len(delivered)} repeated); the last "
        f"{drained:.2f} s after the last command's answer. The subscription afterwards: waiting {state.get('wachtend')}, "
        f"failures {state.get('mislukkingen')}. Server RSS {rss:.0f} MB.\n")
    say(f"A resend of those {planned} events afterwards, without the command load: delivered at {resend_rate:.0f} a second.\n")


# ---------------------------------------------------------------- many dossiers

def template_dossier(url, events):
    """One dossier of `events` events through the server; returns its stream id."""
    tok = token(url)
    server = Server(url)
    try:
        [did] = open_dossiers(server, tok, 1)
        for i in range(events - 1):
            status, body = request("POST", f"{server.base}/v1/dossiers/{did}/kamerstukken",
                                   {"nummer": f"36000-{i}", "titel": "Brief", "datum": "2026-06-01"}, token=tok)
            assert status == 201, body
    finally:
        server.stop()
    return f"dossier-{did}"


def copy_dossiers(cluster, db, stream, copies):
    """`copies` copies of the template stream, each a dossier of its own (id and kenmerk), written
    straight into the tables in SQL (far faster than through the API). The hashes are the
    template's, so `verify` would refuse these streams; a rebuild and the reports do not check
    them."""
    cluster.psql(db, f"""
        INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
        SELECT 'dossier-' || g.id, 'dossier', e.version, gen_random_uuid(), e.type, e.schema_version,
               CASE WHEN e.type = 'DossierGeopend'
                    THEN e.data || jsonb_build_object('id', g.id, 'kenmerk', 'TT-' || (2100 + g.i / 9000) || '-' || lpad((g.i % 9000 + 1)::text, 4, '0'))
                    ELSE e.data END,
               e.metadata, e.recorded_at, e.prev_hash, e.hash
        FROM (SELECT i, md5('bench-' || i)::uuid::text AS id FROM generate_series(1, {copies}) AS i) g
        CROSS JOIN (SELECT * FROM events WHERE stream_id = '{stream}') e
        ORDER BY g.i, e.version;
        INSERT INTO streams (stream_id, stream_type, version, head_hash)
        SELECT stream_id, 'dossier', max(version), '\\x00' FROM events WHERE stream_id <> '{stream}' GROUP BY stream_id;
        ANALYZE;
    """)


def case_rebuild(cluster, opts):
    url = cluster.createdb("rebuild", migrate=True)
    per = 10
    stream = template_dossier(url, per)
    copies = opts.rebuild_events // per
    t0 = time.time()
    copy_dossiers(cluster, "rebuild", stream, copies)
    loaded = time.time() - t0
    events = int(cluster.psql("rebuild", "SELECT count(*) FROM events"))
    t0 = time.time()
    if opts.perf:
        os.makedirs(opts.perf, exist_ok=True)
        subprocess.run(["perf", "record", "-e", "cpu-clock", "-F", "499", "-g", "-o", os.path.join(opts.perf, "rebuild.data"), "--",
                        f"{BIN}/toedeling-admin", "projections", "rebuild"], env=dict(os.environ, DATABASE_URL=url),
                       check=True, capture_output=True)
    else:
        admin(url, "projections", "rebuild")
    took = time.time() - t0
    r = raw_insert_rate(cluster)
    # The server on the database of a million events: its memory under a read load.
    ids = cluster.psql("rebuild", "SELECT id FROM dossiers ORDER BY random() LIMIT 256").split()
    server = Server(url)
    try:
        tok = token(url)
        rss0 = server.rss_mb()
        rps, p50, p99, bad = wrk(server, tok, ids, "GET", opts.seconds)
        rss1 = server.rss_mb()
    finally:
        server.stop()
    say(f"### Projection rebuild\n")
    say(f"{events} events in {copies + 1} dossiers (loaded in SQL in {loaded:.0f} s). "
        f"`toedeling-admin projections rebuild`: {took:.1f} s, **{events / took:.0f} events/s** "
        f"({(copies + 1) / took:.0f} dossiers/s). RAW pgbench at 1 client in the same run: {r:.0f} commits/s.\n")
    say(f"The server on this database: {rss0:.0f} MB after start; GET of random dossiers (16 connections) "
        f"{rps:.0f}/s, p99 {p99:.2f} ms, {bad} non-2xx; {rss1:.0f} MB afterwards.\n")
    if opts.baseline_bin:
        # The same rebuild by another build's toedeling-admin on the same database, alternating.
        # Idle: the share of both cores' time nobody used during the rebuild.
        rates = {"this build": [], f"baseline ({opts.baseline_bin})": []}
        idle = {name: [] for name in rates}
        for _ in range(opts.rounds):
            for name, bin_dir in ((f"baseline ({opts.baseline_bin})", opts.baseline_bin), ("this build", BIN)):
                idle0, total0 = machine_ticks()
                t0 = time.time()
                admin(url, "projections", "rebuild", bin_dir=bin_dir)
                rates[name].append(events / (time.time() - t0))
                idle1, total1 = machine_ticks()
                idle[name].append(100 * (idle1 - idle0) / max(1, total1 - total0))
        say("| build | " + " | ".join(f"round {i + 1} events/s (cores idle)" for i in range(opts.rounds)) + " |")
        say("|---|" + "---:|" * opts.rounds)
        for name, values in rates.items():
            say(f"| {name} | " + " | ".join(f"{v:.0f} ({i:.0f} %)" for v, i in zip(values, idle[name])) + " |")
        this, base = rates["this build"], rates[f"baseline ({opts.baseline_bin})"]
        say(f"\nRebuild: this build at {statistics.median(this) / statistics.median(base):.2f}× the baseline's events/s.\n")


def raw_insert_rate(cluster):
    return RawBaseline(cluster).rate(1, 5)


def case_report(cluster, opts):
    url = cluster.createdb("report", migrate=True)
    per = 10
    stream = template_dossier(url, per)
    copy_dossiers(cluster, "report", stream, 4999)
    admin(url, "projections", "rebuild")
    last = cluster.psql("report", f"SELECT to_char((max(recorded_at) - interval '1 millisecond') AT TIME ZONE 'UTC', "
                                  f"'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM events WHERE stream_id = '{stream}'")
    tok = token(url, "liaison")
    server = Server(url)
    try:
        rss0 = server.rss_mb()
        rows = []
        for label, query in (("now (read model)", ""), ("at a peildatum before the last event (folded)", f"?peildatum={last}")):
            took = []
            size = 0
            for _ in range(5):
                t = time.perf_counter()
                status, body = request("GET", f"{server.base}/v1/rapportages/stand-van-zaken{query}", token=tok, timeout=600)
                took.append(time.perf_counter() - t)
                assert status == 200, body[:300]
                size = len(body)
            rows.append((label, statistics.median(took), size))
        rss1 = server.rss_mb()
    finally:
        server.stop()
    r = raw_insert_rate(cluster)
    say("### Stand van zaken over 5,000 dossiers (50,000 events), JSON, median of 5\n")
    say("| peildatum | seconds | bytes |")
    say("|---|---:|---:|")
    for label, seconds, size in rows:
        say(f"| {label} | {seconds:.3f} | {size} |")
    say(f"\nServer RSS: {rss0:.0f} MB after start, {rss1:.0f} MB after ten reports. "
        f"RAW pgbench at 1 client in the same run: {r:.0f} commits/s.\n")


# ---------------------------------------------------------------- documents

def _copy_binary_file(path, size, block=1 << 20):
    """A COPY BINARY file of (nr int4, data bytea) rows holding `size` bytes in blocks."""
    import struct
    payload = bytes((i * 31 + 7) & 0xFF for i in range(block))
    with open(path, "wb") as f:
        f.write(b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0))
        written, nr = 0, 0
        while written < size:
            n = min(block, size - written)
            f.write(struct.pack(">hii", 2, 4, nr) + struct.pack(">i", n) + payload[:n])
            written += n
            nr += 1
        f.write(struct.pack(">h", -1))


def _upload(server, tok, dossier, size, block=1 << 20):
    """Streams a `size`-byte PDF-like file as multipart over a socket; returns (seconds, document)."""
    boundary = "toedeling-bench-grens"
    meta = json.dumps({"titel": "Meting", "documentsoort": "overig", "vertrouwelijkheid": "intern"})
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{meta}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"inhoud\"; filename=\"meting.pdf\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    payload = bytes((i * 31 + size) & 0xFF for i in range(block))
    started = time.time()
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=600)
    sock.sendall((f"POST /v1/dossiers/{dossier}/documenten HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {tok}\r\n"
                  f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(head) + size + len(tail)}\r\n"
                  f"Connection: close\r\n\r\n").encode() + head)
    sent = 0
    while sent < size:
        n = min(block, size - sent)
        sock.sendall((b"%PDF-1.7\n" + payload[9:n]) if sent == 0 else payload[:n])
        sent += n
    sock.sendall(tail)
    answer = b""
    while True:
        data = sock.recv(65536)
        if not data:
            break
        answer += data
    sock.close()
    seconds = time.time() - started
    status = int(answer.split(b" ", 2)[1])
    if status != 201:
        raise RuntimeError(f"upload answered {status}: {answer[-300:]!r}")
    return seconds, json.loads(answer.split(b"\r\n\r\n", 1)[1])


class PeakRSS:
    def __init__(self, server):
        self.server, self.peak, self.running = server, 0.0, True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while self.running:
            self.peak = max(self.peak, self.server.rss_mb())
            time.sleep(0.02)

    def stop(self):
        self.running = False
        self.thread.join()
        return self.peak


def case_documents(cluster, opts):
    """Upload and download of a 100 MiB file through the server, against the same bytes written into
    and read from PostgreSQL by psql's \\copy (binary, in 1 MiB rows of an uncompressed bytea table),
    with the server's peak RSS above its RSS before each transfer."""
    size = 100 << 20
    work = tempfile.mkdtemp(prefix="toedeling-bench-doc.")
    source = os.path.join(work, "in.copy")
    target = os.path.join(work, "out.copy")
    _copy_binary_file(source, size)
    raw_db = cluster.createdb("docraw")
    cluster.psql("docraw", "CREATE TABLE blokken (nr integer PRIMARY KEY, data bytea NOT NULL); "
                           "ALTER TABLE blokken ALTER COLUMN data SET STORAGE EXTERNAL")
    url = cluster.createdb("documents", migrate=True)
    tok = token(url)
    server = Server(url, log_level="notice", env={"TOEDELING_DOCUMENT_MAX_BYTES": str(size + 1)})
    rows = []
    try:
        dossier = open_dossiers(server, tok, 1)[0]
        for round_ in range(opts.rounds):
            cluster.psql("docraw", "TRUNCATE blokken")
            started = time.time()
            subprocess.run(["psql", raw_db, "-XAtq", "-c", f"\\copy blokken FROM '{source}' WITH (FORMAT binary)"], check=True)
            raw_up = time.time() - started
            started = time.time()
            subprocess.run(["psql", raw_db, "-XAtq", "-c", f"\\copy (SELECT nr, data FROM blokken ORDER BY nr) TO '{target}' WITH (FORMAT binary)"], check=True)
            raw_down = time.time() - started
            before = server.rss_mb()
            watch = PeakRSS(server)
            up, document = _upload(server, tok, dossier, size - round_)
            peak_up = watch.stop()
            before_down = server.rss_mb()
            watch = PeakRSS(server)
            started = time.time()
            req = urllib.request.Request(f"{server.base}/v1/dossiers/{dossier}/documenten/{document['id']}/inhoud",
                                         headers={"Authorization": f"Bearer {tok}"})
            received = 0
            with urllib.request.urlopen(req, timeout=600) as r:
                while True:
                    chunk = r.read(1 << 20)
                    if not chunk:
                        break
                    received += len(chunk)
            down = time.time() - started
            peak_down = watch.stop()
            if received != document["omvang"]:
                raise RuntimeError("the download is not the upload's size")
            rows.append((round_ + 1, size / raw_up / 1e6, size / up / 1e6, size / raw_down / 1e6, size / down / 1e6,
                         before, peak_up - before, peak_down - before_down))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    say("### Documents: 100 MiB up and down through the server against psql \\copy (binary) of the same bytes\n")
    say("| round | \\copy in MB/s | upload MB/s | of \\copy | \\copy out MB/s | download MB/s | of \\copy | RSS before MB | RSS + upload MB | RSS + download MB |")
    say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, raw_up, up, raw_down, down, before, grow_up, grow_down in rows:
        say(f"| {n} | {raw_up:.0f} | {up:.0f} | {pct(up, raw_up)} | {raw_down:.0f} | {down:.0f} | {pct(down, raw_down)} | "
            f"{before:.0f} | {grow_up:.1f} | {grow_down:.1f} |")
    say()


# ---------------------------------------------------------------- archive

def case_archive(cluster, opts):
    """The e-Depot package of a dossier with about 1,000 events and 50 documents of 2 MiB, streamed
    over HTTP (seconds, MB/s, the server's peak RSS above its RSS before), and a seal over 100,000
    streams by the CLI (seconds)."""
    url = cluster.createdb("archive", migrate=True)
    tok = token(url)
    server = Server(url, log_level="notice")
    try:
        dossier = open_dossiers(server, tok, 1)[0]
        for n in range(50):
            _upload(server, tok, dossier, 2 << 20)
        base = f"{server.base}/v1/dossiers/{dossier}"
        for n in range(945):
            status, body = request("POST", base + "/kamerstukken", {"nummer": f"36000-{n + 1}", "titel": "Brief", "datum": "2026-03-01"}, token=tok)
            assert status == 201, body
        request("POST", base + "/toetsingen", {"taakkenmerken": {"schaal": "landelijk", "beleidsvrijheid": "weinig", "sturingVakdepartement": False,
                "waterbeheer": False, "specifiekBeleidsterrein": False, "samenwerking": "geen"}}, token=tok)
        status, body = request("POST", base + "/besluiten", {"bestuurslaag": "rijk", "motivering": "Uniform."}, token=tok)
        assert status == 201, body
        events = json.loads(body)["versie"]
        status, body = request("PUT", base + "/archivering", {"selectielijstcategorie": "1.2"}, token=tok)
        assert status == 200, body
        rows = []
        for round_ in range(opts.rounds):
            before = server.rss_mb()
            watch = PeakRSS(server)
            started = time.time()
            req = urllib.request.Request(base + "/archiefpakket", headers={"Authorization": f"Bearer {tok}"})
            size = 0
            with urllib.request.urlopen(req, timeout=600) as r:
                while True:
                    chunk = r.read(1 << 20)
                    if not chunk:
                        break
                    size += len(chunk)
            seconds = time.time() - started
            rows.append((round_ + 1, seconds, size / seconds / 1e6, size, before, watch.stop() - before))
    finally:
        server.stop()
    say(f"### Archive: the e-Depot package of a dossier with {events} events and 50 documents of 2 MiB\n")
    say("| round | seconds | MB/s | ZIP bytes | RSS before MB | RSS + during MB |")
    say("|---:|---:|---:|---:|---:|---:|")
    for n, seconds, rate, size, before, growth in rows:
        say(f"| {n} | {seconds:.2f} | {rate:.0f} | {size} | {before:.0f} | {growth:.1f} |")
    cluster.psql("archive", "INSERT INTO streams (stream_id, stream_type, version, head_hash) "
                            "SELECT 'bench-' || g, 'bench', 1 + g % 50, sha256(int8send(g)) FROM generate_series(1, 100000) g")
    work = tempfile.mkdtemp(prefix="toedeling-bench-zegel.")
    try:
        admin(url, "zegel", "sleutel", "--naar", os.path.join(work, "zegel.key"))
        timings = []
        for _ in range(opts.rounds):
            started = time.time()
            admin(url, "zegel", "--sleutel", os.path.join(work, "zegel.key"), "--map", work)
            timings.append(time.time() - started)
        seal = max((os.path.join(work, f) for f in os.listdir(work) if f.startswith("zegel-")), key=os.path.getsize)
        seal_size = os.path.getsize(seal)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    say(f"\nA seal over 100,001 streams by `toedeling-admin zegel` (read, Merkle root, sign, store, write): "
        + ", ".join(f"{t:.2f} s" for t in timings) + f"; the seal file is {seal_size / 1e6:.1f} MB.\n")


# The last commit before events were sealed: the baseline of the destruction case, built once into
# .build/baseline-sealing (a git worktree) and run side by side with this version.
SEALING_BASELINE = "64e1005"


def baseline_bin(commit=SEALING_BASELINE, name="baseline-sealing"):
    """Builds `commit` once into .build/NAME (a git worktree); returns the tree and its release binaries' folder."""
    tree = os.path.join(ROOT, ".build", name)
    if not os.path.isdir(tree):
        subprocess.run(["git", "worktree", "add", "--detach", tree, commit], cwd=ROOT, check=True, capture_output=True)
    for product in ("toedeling-server", "toedeling-admin"):
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=tree, check=True, stdout=sys.stderr)
    return tree, subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=tree, capture_output=True, text=True,
                                check=True).stdout.strip()


def context_switches(pid):
    """Context switches (voluntary and involuntary) so far of every thread of process `pid`: a count
    that the machine's speed does not move, unlike its CPU time."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total


def side_by_side(cluster, opts, builds, methods, prefix, log_level="notice"):
    """Each build (label -> (binaries, schema folder)) serves a database of its own, in alternating
    rounds, under wrk for each method; returns {label: {method: [(requests/s, p50 ms, p99 ms,
    server CPU ms per request, PostgreSQL CPU ms per request, non-2xx, server context switches
    per request)]}}."""
    global BIN, SCHEMA
    results = {label: {method: [] for method in methods} for label in builds}
    own = (BIN, SCHEMA)
    try:
        for round_ in range(opts.rounds):
            for n, (label, (binary, schema)) in enumerate(builds.items()):
                BIN, SCHEMA = binary, schema
                url = cluster.createdb(f"{prefix}{round_}{n}", migrate=True)
                tok = token(url)
                server = Server(url, log_level=log_level)
                try:
                    ids = open_dossiers(server, tok, 256)
                    for method in methods:
                        before = cpu_seconds()
                        switches = context_switches(server.proc.pid)
                        rps, p50, p99, bad = wrk(server, tok, ids, method, opts.seconds)
                        after = cpu_seconds()
                        done = max(rps * opts.seconds, 1)
                        results[label][method].append((rps, p50, p99, (after["server"] - before["server"]) / done * 1000,
                                                       (after["postgres"] - before["postgres"]) / done * 1000, bad,
                                                       (context_switches(server.proc.pid) - switches) / done))
                finally:
                    server.stop()
    finally:
        BIN, SCHEMA = own
    return results


def case_destruction(cluster, opts):
    """Sealing's cost: a command (POST a Kamerstuk) and a GET of a dossier over HTTP with sealed events,
    side by side with the same loads against the build of the commit before sealing (its own database,
    migrated by its own admin), alternating rounds; then the approval of a vernietigingslijst of 1,000
    dossiers (seconds)."""
    raw = RawBaseline(cluster)
    tree, base_bin = baseline_bin()
    builds = {"sealed (this version)": (BIN, SCHEMA), f"baseline {SEALING_BASELINE} (no sealing)": (base_bin, os.path.join(tree, "schema"))}
    r = raw.rate(16, opts.seconds)
    results = side_by_side(cluster, opts, builds, ("POST", "GET"), "seal")
    say("### Sealing: commands and GETs with sealed events against the build before sealing (same run)\n")
    say(f"RAW pgbench, 16 clients: {r:.0f} transactions/s.\n")
    say("| build | round | POST Kamerstuk /s | p99 ms | server CPU ms/command | GET dossier /s | p99 ms | server CPU ms/GET |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, rows in results.items():
        for i, (post, get) in enumerate(zip(rows["POST"], rows["GET"])):
            say(f"| {label} | {i + 1} | {post[0]:.0f} | {post[2]:.2f} | {post[3]:.3f} | {get[0]:.0f} | {get[2]:.2f} | {get[3]:.3f} |")
    sealed, base = list(results.values())
    for method in ("POST", "GET"):
        ratio = sum(x[0] for x in sealed[method]) / max(sum(x[0] for x in base[method]), 1)
        say(f"\n{method}: sealed at {ratio * 100:.0f} % of the baseline's throughput (aim: within 10 %, so at least 90 %).")

    # A vernietigingslijst of 1,000 dossiers.
    url = cluster.createdb("vernietiging", migrate=True)
    tok, tweede = token(url), token(url)
    server = Server(url, log_level="notice")
    try:
        ids = open_dossiers(server, tok, 1000)
        for dossier in ids:
            status, body = request("POST", f"{server.base}/v1/dossiers/{dossier}/intrekking", {"reden": "Opgegaan in een ander dossier."}, token=tok)
            assert status == 201, body
            status, body = request("PUT", f"{server.base}/v1/dossiers/{dossier}/archivering", {"selectielijstcategorie": "2.3"}, token=tok)
            assert status == 200, body
        started = time.time()
        status, body = request("POST", f"{server.base}/v1/vernietigingslijsten", {"dossiers": ids}, token=tok, timeout=600)
        assert status == 201, body
        proposed = time.time() - started
        lijst = json.loads(body)["id"]
        started = time.time()
        status, body = request("POST", f"{server.base}/v1/vernietigingslijsten/{lijst}/goedkeuring", None, token=tweede, timeout=3600)
        assert status == 200, body
        approved = time.time() - started
    finally:
        server.stop()
    say(f"\nA vernietigingslijst of 1,000 dossiers: proposed in {proposed:.1f} s; approved (each dossier destroyed in its own "
        f"transaction, read models rewritten, the verklaring kept) in {approved:.1f} s ({approved:.1f} ms per dossier).\n")


# The last commit before the server remembered tokens (TokenCache): the baseline of the tokencache case.
TOKEN_CACHE_BASELINE = "77480a6"


def case_tokencache(cluster, opts):
    """The token cache's gain: GETs of a dossier over HTTP (16 connections) against the build of the
    commit before it, alternating rounds, each build on its own database; throughput, p99 and the
    server's CPU per GET."""
    raw = RawBaseline(cluster)
    tree, base_bin = baseline_bin(TOKEN_CACHE_BASELINE, "baseline-tokencache")
    builds = {"token cache (this version)": (BIN, SCHEMA),
              f"baseline {TOKEN_CACHE_BASELINE} (a token lookup per request)": (base_bin, os.path.join(tree, "schema"))}
    r = raw.rate(16, opts.seconds)
    results = {label: rows["GET"] for label, rows in side_by_side(cluster, opts, builds, ("GET",), "tokens").items()}
    say("### Token cache: GETs of a dossier against the build before it (same run)\n")
    say(f"RAW pgbench, 16 clients: {r:.0f} transactions/s.\n")
    say("| build | round | GET dossier /s | of RAW | p50 ms | p99 ms | server CPU ms/GET | PostgreSQL CPU ms/GET | non-2xx |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, rows in results.items():
        for i, (rps, p50, p99, server_ms, pg_ms, bad) in enumerate(rows):
            say(f"| {label} | {i + 1} | {rps:.0f} | {rps / r * 100:.0f} % | {p50:.2f} | {p99:.2f} | {server_ms:.3f} | {pg_ms:.3f} | {bad} |")
    cached, base = list(results.values())
    ratio = sum(x[0] for x in cached) / max(sum(x[0] for x in base), 1)
    say(f"\nGET throughput with the cache: {ratio:.2f}× the baseline's.\n")


def case_compare(cluster, opts):
    """This build against another build's binaries (`--baseline-bin DIR`, e.g. a copy of the release
    binaries made before a change): a command (POST a Kamerstuk) and a GET of a dossier over HTTP,
    16 connections, log level `--log-level` (notice), each build on a database of its own, alternating rounds;
    throughput, p99 and CPU per request. How a change is measured before it is kept."""
    if not opts.baseline_bin:
        raise SystemExit("compare: name the other build's binaries with --baseline-bin DIR")
    raw = RawBaseline(cluster)
    builds = {"this build": (BIN, SCHEMA), f"baseline ({opts.baseline_bin})": (opts.baseline_bin, SCHEMA)}
    r = raw.rate(16, opts.seconds)
    # GETs first: a faster build would link more Kamerstukken to the dossiers its GETs then read.
    results = side_by_side(cluster, opts, builds, ("GET", "POST"), "compare", log_level=opts.log_level)
    say(f"### This build against a baseline build (same run, log level {opts.log_level})\n")
    say(f"RAW pgbench, 16 clients: {r:.0f} transactions/s.\n")
    say("| build | round | POST Kamerstuk /s | p99 ms | server CPU ms/command | PostgreSQL CPU ms/command | server context switches/command | GET dossier /s | p99 ms | server CPU ms/GET | server context switches/GET |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, rows in results.items():
        for i, (post, get) in enumerate(zip(rows["POST"], rows["GET"])):
            say(f"| {label} | {i + 1} | {post[0]:.0f} | {post[2]:.2f} | {post[3]:.3f} | {post[4]:.3f} | {post[6]:.1f} | "
                f"{get[0]:.0f} | {get[2]:.2f} | {get[3]:.3f} | {get[6]:.1f} |")
    this, base = list(results.values())
    for method in ("POST", "GET"):
        ratio = sum(x[0] for x in this[method]) / max(sum(x[0] for x in base[method]), 1)
        say(f"\n{method}: this build at {ratio:.2f}× the baseline's throughput.")
    say("")


CASES = {"append": case_append, "append-parts": case_append_parts, "http": case_http, "growth": case_growth,
         "growth-voorstel": lambda cluster, opts: grow_one(cluster, opts, "voorstel"),
         "growth-kamerstuk": lambda cluster, opts: grow_one(cluster, opts, "kamerstuk"),
         "rebuild": case_rebuild, "report": case_report, "notify": case_notify, "documents": case_documents,
         "archive": case_archive, "destruction": case_destruction, "tokencache": case_tokencache, "ownsql": case_ownsql,
         "compare": case_compare}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", default=[], help="one or more of: " + ", ".join(CASES))
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--perf", metavar="DIR", help="record CPU profiles of the server under load (perf report -i DIR/…)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of the pgbench cases")
    parser.add_argument("--rate", type=lambda t: [int(x) for x in t.split(",")], default=[200],
                        help="commands per second of the notify case, or several: 50,100,200")
    parser.add_argument("--growth-events", type=int, default=10_000)
    parser.add_argument("--rebuild-events", type=int, default=1_000_000)
    parser.add_argument("--log-level", default="notice", help="the compare case's server log level")
    parser.add_argument("--pg-socket", action="store_true",
                        help="every client reaches PostgreSQL over its Unix socket instead of TCP on 127.0.0.1 (RAW too)")
    parser.add_argument("--baseline-bin", metavar="DIR", help="the compare and rebuild cases' other build: a folder with its toedeling-server and toedeling-admin")
    opts = parser.parse_args()
    Cluster.over_socket = opts.pg_socket
    cases = opts.cases or [c for c in CASES if not c.startswith("growth-") and c != "compare"]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case {unknown[0]!r}; the cases are: {', '.join(CASES)}")
    say(f"Toedeling benchmarks, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
        f"PostgreSQL {subprocess.run([PGBIN + '/postgres', '--version'], capture_output=True, text=True).stdout.split()[-1].rstrip(')')}, "
        f"git {subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], cwd=ROOT, capture_output=True, text=True).stdout.strip()}"
        + (", PostgreSQL over its Unix socket" if opts.pg_socket else "") + "\n")
    for name in cases:
        cluster = Cluster()
        try:
            CASES[name](cluster, opts)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
