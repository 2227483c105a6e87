#!/usr/bin/env python3
"""High availability against the real topology (deploy/ha/topology): three etcd members, two
PostgreSQL nodes under Patroni (primary and synchronous standby), two toedeling-server instances on a
multi-host DATABASE_URL (target_session_attrs=read-write) and HAProxy in front. Run by
scripts/tests/failover.sh, which builds nothing: it uses the binaries named by TOEDELING_BIN_DIR.

Scenarios (each prints its figures and raises on the first broken promise):
  failover   8 writers through HAProxy, a webhook subscription and a live event stream; kill -9 of
             the primary's postmaster. Patroni promotes the standby; meanwhile every answer is a 2xx,
             4xx or a 503 with Retry-After (no 500, no hang); afterwards every acknowledged write is
             there, every chain verifies, the feed has no gap or repeat, every webhook arrived in feed
             order, the stream resumed with Last-Event-ID without a gap or repeat, the old primary
             rejoined as a standby; a report read from the standby right after a write shows it.
  instance   kill -9 of one server instance behind HAProxy under the same load: at most the requests
             in flight fail, and the other instance takes over the webhook deliveries.
  partition  a server in a network namespace of its own, cut off from PostgreSQL for 15 s by an
             nftables drop rule: every answer within a bound (503 while cut off), recovery after
             healing without a restart, nothing lost.
"""
import http.client
import json
import os
import shlex
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from faults import Client, Load, admin, check_everything_acknowledged, psql, seed_dossiers, new_dossier_body  # noqa: E402
from faults import Server, setup, pg_ctl, PG_DATA, ADMIN_URL, WORK  # noqa: E402
from webhooks import Receiver, subscribe, feed_event_ids  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOPOLOGY = os.path.join(ROOT, "deploy", "ha", "topology")


def log(message):
    print(f"failover: {message}", file=sys.stderr, flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def wait_for(predicate, within, what, interval=0.2):
    deadline = time.time() + within
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{what} did not happen within {within} s")


class Topology:
    """deploy/ha/topology, started detached in a folder of its own."""

    def __init__(self, directory):
        self.dir = directory
        self.env = {}

    def run(self, *args):
        result = subprocess.run([TOPOLOGY, *args, "--dir", self.dir], capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise AssertionError(f"topology {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")

    def up(self):
        started = time.time()
        self.run("up", "--detach")
        with open(os.path.join(self.dir, "topology.env")) as f:
            self.env = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
        log(f"topology up in {time.time() - started:.1f} s")
        return self

    def show_logs(self, lines=25):
        """The end of each server's log, for a failure's report."""
        for n in (1, 2):
            path = os.path.join(self.dir, f"server{n}.log")
            if os.path.exists(path):
                with open(path, errors="replace") as f:
                    tail = [line for line in f.readlines() if '"level":"info"' not in line][-lines:]
                print(f"--- server{n}.log (not info)\n" + "".join(tail), file=sys.stderr)

    def down(self):
        if self.env:
            subprocess.run([TOPOLOGY, "down", "--dir", self.dir], capture_output=True, timeout=300)

    @property
    def base(self):
        return self.env["TOEDELING_HA_URL"]

    @property
    def database_url(self):
        return self.env["DATABASE_URL"]

    def cluster(self):
        for n in (1, 2):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.env[f'PATRONI{n}_REST_PORT']}/cluster", timeout=2) as r:
                    return json.loads(r.read())["members"]
            except (urllib.error.URLError, OSError, ValueError):
                continue
        return []

    def leader(self):
        """The member name (pg1, pg2) Patroni reports as the running leader, or None."""
        for member in self.cluster():
            if member["role"] == "leader" and member["state"] == "running":
                return member["name"]
        return None

    def node_url(self, name):
        """The URL of one PostgreSQL node (pg1, pg2) alone."""
        hosts = f"127.0.0.1:{self.env['PG1_PORT']},127.0.0.1:{self.env['PG2_PORT']}"
        return self.database_url.replace(hosts, f"127.0.0.1:{self.env[f'PG{name[-1]}_PORT']}").split("?")[0]

    def serves_as_standby(self, name):
        """The node takes read-only sessions as a standby."""
        try:
            return psql(self.node_url(name), "SELECT pg_is_in_recovery()") == "t"
        except subprocess.CalledProcessError:
            return False

    def postmaster_pid(self, name):
        with open(os.path.join(self.env[f"PG{name[-1]}_DATA"], "postmaster.pid")) as f:
            return int(f.readline())

    def server_pid(self, n):
        with open(os.path.join(self.dir, "pids", f"server{n}")) as f:
            return int(f.read())

    def start_server(self, n):
        self.run("start-server", str(n))


class RecordingLoad(Load):
    """Load through one base URL that also records every answer: a 5xx must be a 503 with
    Retry-After, a request must not hang (no answer within 10 s), and the moments of acknowledgements."""

    def __init__(self, *args, answer_within=10, **kwargs):
        super().__init__(*args, **kwargs)
        self.answer_within = answer_within
        self.slowest = 0.0
        self.statuses = {}
        self.bad = []
        self.hangs = 0
        self.transport_errors = 0
        self.acknowledged_at = []
        self.hang_log = []  # (started, path) of requests without an answer within 10 s

    def _attempt(self, method, path, body, key):
        started = time.time()
        try:
            status, payload, headers = self.client.call(self.bases[0], method, path, body, key=key, timeout=self.answer_within)
        except (urllib.error.URLError, ConnectionError, OSError, TimeoutError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", error)
            with self.lock:
                if isinstance(reason, (TimeoutError, socket.timeout)) or isinstance(error, (TimeoutError, socket.timeout)):
                    self.hangs += 1
                    self.hang_log.append((started, method, path))
                else:
                    self.transport_errors += 1
            return None, None, None
        with self.lock:
            self.slowest = max(self.slowest, time.time() - started)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status >= 500 and (status != 503 or not headers.get("Retry-After") or (payload or {}).get("status") != 503):
                self.bad.append((status, headers.get("Retry-After"), payload))
            if 200 <= status < 300:
                self.acknowledged_at.append(time.time())
        return status, payload, headers

    def acknowledgements(self):
        with self.lock:
            return len(self.acknowledged_links) + len(self.acknowledged_dossiers)


class StreamFollower:
    """A client of GET /v1/gebeurtenissen/stroom through HAProxy that reconnects with Last-Event-ID
    whenever its connection ends, and records every event id it got and how often it resumed."""

    def __init__(self, base, token):
        self.host, self.port = base.replace("http://", "").split(":")
        self.token = token
        self.ids = []
        self.cursor = None
        self.resumes = 0
        self.unreadable = 0  # events whose data was not one JSON document: a broken stream
        self.stop_event = threading.Event()
        self.connection = None
        self.lock = threading.Lock()

    def start(self):
        threading.Thread(target=self._run, daemon=True).start()
        return self

    def _run(self):
        while not self.stop_event.is_set():
            try:
                self._follow()
            except json.JSONDecodeError:
                with self.lock:
                    self.unreadable += 1
            except (OSError, http.client.HTTPException, ValueError):
                pass
            if not self.stop_event.is_set():
                time.sleep(0.2)

    def _follow(self):
        connection = http.client.HTTPConnection(self.host, int(self.port), timeout=30)
        self.connection = connection
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "text/event-stream"}
        if self.cursor:
            headers["Last-Event-ID"] = self.cursor
        connection.request("GET", "/v1/gebeurtenissen/stroom", headers=headers)
        response = connection.getresponse()
        if response.status != 200:
            response.read()
            connection.close()
            return
        if self.cursor:
            with self.lock:
                self.resumes += 1
        event_id, data = None, []
        while not self.stop_event.is_set():
            line = response.readline()  # decodes the chunked transfer coding
            if not line:
                break
            line = line.decode().rstrip("\n")
            if line.startswith("id: "):
                event_id = line[4:]
            elif line.startswith("data: "):
                data.append(line[6:])
            elif line == "" and data:
                document = json.loads("\n".join(data))
                with self.lock:
                    self.ids.append(document["gebeurtenisId"])
                    self.cursor = event_id
                event_id, data = None, []
        connection.close()

    def cut(self):
        """Ends the current connection, as a network or proxy would; the follower resumes."""
        connection = self.connection
        if connection is not None and connection.sock is not None:
            try:
                connection.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def stop(self):
        self.stop_event.set()
        self.cut()

    def received(self):
        with self.lock:
            return list(self.ids)


def check_feed_and_deliveries(client, topology, receiver, stream, url):
    """The feed holds every event once, in commit order; the webhook receiver and the stream got
    exactly the feed, in its order (the receiver: each event id at least once, first arrivals in order)."""
    ids = feed_event_ids(client, topology.base)
    check(len(ids) == len(set(ids)), f"the feed repeats {len(ids) - len(set(ids))} events")
    total = int(psql(url, "SELECT count(*) FROM events"))
    check(len(ids) == total, f"the feed has {len(ids)} events, the store {total}: a gap")
    events = receiver.wait_for(lambda es: len(es) >= len(ids), within=90, what="every webhook delivery")
    delivered = [e["id"] for e in events]
    check(delivered == ids, f"webhooks: {len(set(ids) - set(delivered))} missing, order kept: {delivered[:len(ids)] == ids}")
    wait_for(lambda: len(stream.received()) >= len(ids), 60, "the event stream catching up")
    streamed = stream.received()
    check(stream.unreadable == 0, f"the event stream sent {stream.unreadable} unreadable events")
    check(streamed == ids, f"event stream: {len(streamed)} received for {len(ids)} in the feed, "
                           f"{len(streamed) - len(set(streamed))} repeated, {len(set(ids) - set(streamed))} missing")
    return ids


def wait_for_writes(load, count, what):
    """Waits until `count` writes are acknowledged; a writer that stopped on a refusal says why."""
    def enough():
        if load.errors:
            raise AssertionError(f"{what}: a writer stopped: {load.errors[0]}")
        return load.acknowledgements() >= count
    try:
        wait_for(enough, 60, what)
    except AssertionError as error:
        raise AssertionError(f"{error}; answers so far {load.statuses}, transport errors {load.transport_errors}, hangs {load.hangs}")


def report_after_write(client, topology):
    """A report right after a write shows the write, and says up to which moment it is complete;
    returns where it was read (the report metric's label with the highest count increase)."""
    before = report_reads(client, topology)
    status, payload, _ = client.call(topology.base, "POST", "/v1/dossiers", new_dossier_body("rapport"))
    check(status == 201, f"opening a dossier for the report failed: {status} {payload}")
    written = time.time()
    status, report, headers = client.call(topology.base, "GET", "/v1/rapportages/stand-van-zaken")
    check(status == 200, f"the report failed: {status} {report}")
    kenmerken = json.dumps(report)
    check(payload["kenmerk"] in kenmerken, f"the report right after the write does not show dossier {payload['kenmerk']}")
    complete = headers.get("Toedeling-Compleet-Tot")
    check(complete, "the report does not say up to which moment it is complete (Toedeling-Compleet-Tot)")
    after = report_reads(client, topology)
    grown = {source: after.get(source, 0) - before.get(source, 0) for source in after}
    return max(grown, key=grown.get) if grown else None, time.time() - written


def report_reads(client, topology):
    """toedeling_report_reads_total by source, summed over the instances behind HAProxy."""
    totals = {}
    for n in (1, 2):
        request = urllib.request.Request(f"http://127.0.0.1:{topology.env[f'SERVER{n}_PORT']}/metrics")
        request.add_header("Authorization", f"Bearer {client.token}")
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                text = response.read().decode()
        except (urllib.error.URLError, OSError):
            continue
        for line in text.splitlines():
            if line.startswith("toedeling_report_reads_total{"):
                source = line.split('source="', 1)[1].split('"', 1)[0]
                totals[source] = totals.get(source, 0) + float(line.rsplit(" ", 1)[1])
    return totals


def server_environment():
    os.environ.update({"TOEDELING_WEBHOOK_ALLOW_PRIVATE": "1", "TOEDELING_OIN": "00000001001234567000",
                       "TOEDELING_WEBHOOK_MAX_BACKOFF": "1s", "TOEDELING_WEBHOOK_TIMEOUT": "2s",
                       "TOEDELING_WEBHOOK_LEASE": "8s"})


def scenario_failover_and_instance():
    server_environment()
    topology = Topology(os.path.join(WORK, "ha")).up()
    receiver = Receiver().start()
    stream = None
    try:
        url = topology.database_url
        client = Client(admin(url, "token", "create", "--rol", "coordinator", "--naam", "failover").strip())
        subscribe(client, topology.base, receiver)
        stream = StreamFollower(topology.base, client.token).start()
        seeds = seed_dossiers(client, topology.base, 3)
        source, _ = report_after_write(client, topology)
        check(source == "replica", f"with a streaming standby the report was read from the {source}, not the replica")
        old_leader = topology.leader()
        check(old_leader, "Patroni reports no leader before the failover")

        # --- the primary's postmaster dies under load
        load = RecordingLoad(client, [topology.base], writers=8, dossiers=seeds).start()
        wait_for_writes(load, 100, "100 writes before the failover")
        acknowledged_before = load.acknowledgements()
        killed_at = time.time()
        os.kill(topology.postmaster_pid(old_leader), 9)
        time.sleep(0.3)
        stream.cut()  # the stream resumes during the failover, with its Last-Event-ID
        new_leader = wait_for(lambda: (lambda name: name if name and name != old_leader else None)(topology.leader()),
                              90, "Patroni promoting the standby")
        promoted_at = time.time()
        wait_for(lambda: any(t > promoted_at for t in load.acknowledged_at), 60, "a write acknowledged after the promotion")
        first_after = min(t for t in load.acknowledged_at if t > killed_at + 0.3)
        time.sleep(3)
        load.stop()
        gap = first_after - killed_at
        check(not load.bad, f"answers other than 503 with Retry-After during the failover: {load.bad[:3]} (all: {load.statuses})")
        check(load.hangs == 0, f"{load.hangs} requests got no answer within 10 s: "
                               f"{[(round(t - killed_at, 2), m, p) for t, m, p in load.hang_log]} (s after the kill); answers {load.statuses}")
        check(load.statuses.get(500, 0) == 0, "a 500 during the failover")
        check_everything_acknowledged(client, topology.base, load, url)
        ids = check_feed_and_deliveries(client, topology, receiver, stream, url)
        check(stream.resumes >= 1, "the event stream never resumed")
        rejoined = wait_for(lambda: next((m for m in topology.cluster() if m["name"] == old_leader
                                          and m["role"] in ("replica", "sync_standby") and m["state"] in ("streaming", "running")), None),
                            120, f"the old primary {old_leader} rejoining as a standby")
        wait_for(lambda: topology.serves_as_standby(old_leader), 60, f"the old primary {old_leader} taking read-only sessions")
        source, _ = report_after_write(client, topology)
        check(source == "replica", f"after the failover the report was read from the {source}, not the replica")
        log(f"failover: acknowledged writes {load.acknowledgements()} ({acknowledged_before} before the kill), "
            f"found afterwards {load.acknowledgements()}, lost 0; "
            f"feed {len(ids)} events, duplicated feed entries 0, webhook deliveries missing 0, stream resumed {stream.resumes}x; "
            f"answers {dict(sorted(load.statuses.items()))}, transport errors {load.transport_errors}; "
            f"gap {gap:.1f} s (kill to first acknowledged write); {old_leader} -> {new_leader}, "
            f"{old_leader} back as {rejoined['role']}")

        # --- a server instance dies behind HAProxy (new dossiers: the Kamerstuk numbers start again)
        load = RecordingLoad(client, [topology.base], writers=8, dossiers=seed_dossiers(client, topology.base, 3)).start()
        wait_for_writes(load, 100, "100 writes before the instance dies")
        # The instance that holds the subscription's lease dies, so the other must take it over.
        holder = wait_for(lambda: psql(url, "SELECT lease_houder FROM abonnementen WHERE lease_houder IS NOT NULL LIMIT 1"),
                          30, "an instance holding the webhook lease")
        victim = next(n for n in (1, 2) if holder in open(os.path.join(topology.dir, f"server{n}.log"), errors="replace").read())
        statuses_before = dict(load.statuses)
        transport_before = load.transport_errors
        os.kill(topology.server_pid(victim), 9)
        killed_at = time.time()
        wait_for(lambda: any(t > killed_at + 2 for t in load.acknowledged_at), 30, "writes going on without the instance")
        time.sleep(2)
        failed = load.transport_errors - transport_before + sum(
            n - statuses_before.get(s, 0) for s, n in load.statuses.items() if s >= 500)
        load.stop()
        check(failed <= 8, f"{failed} requests failed when one instance died; at most the 8 in flight may")
        check(load.hangs == 0, f"{load.hangs} requests got no answer within 10 s")
        check_everything_acknowledged(client, topology.base, load, url)
        ids = check_feed_and_deliveries(client, topology, receiver, stream, url)
        topology.start_server(victim)
        log(f"instance: the server holding the webhook lease (server {victim}) killed -9 under 8 writers: {failed} requests failed (in flight), "
            f"acknowledged {load.acknowledgements()}, lost 0; every webhook delivered by the survivor "
            f"({len(ids)} events), stream resumed {stream.resumes}x in all")
    except BaseException:
        topology.show_logs()
        raise
    finally:
        if stream:
            stream.stop()
        receiver.stop()
        topology.down()


def netns(*args):
    return subprocess.run(["ip", "netns", "exec", "toedeling-part", *args], check=True, capture_output=True, text=True)


def scenario_partition():
    """A server alone in a network namespace, reaching PostgreSQL over a veth pair."""
    outside, inside = "10.203.77.1", "10.203.77.2"
    url, client = setup("failover_partition")
    port = int(ADMIN_URL.rsplit(":", 1)[1].split("/", 1)[0])
    subprocess.run(["ip", "netns", "delete", "toedeling-part"], capture_output=True)
    subprocess.run(["ip", "link", "delete", "tdl-part0"], capture_output=True)
    for command in (["ip", "netns", "add", "toedeling-part"],
                    ["ip", "link", "add", "tdl-part0", "type", "veth", "peer", "name", "tdl-part1"],
                    ["ip", "link", "set", "tdl-part1", "netns", "toedeling-part"],
                    ["ip", "addr", "add", f"{outside}/30", "dev", "tdl-part0"],
                    ["ip", "link", "set", "tdl-part0", "up"]):
        subprocess.run(command, check=True, capture_output=True)
    netns("ip", "addr", "add", f"{inside}/30", "dev", "tdl-part1")
    netns("ip", "link", "set", "tdl-part1", "up")
    netns("ip", "link", "set", "lo", "up")
    server = None
    try:
        # PostgreSQL also listens on the veth address and lets the namespace in.
        with open(os.path.join(PG_DATA, "pg_hba.conf"), "a") as hba:
            hba.write(f"host all all {inside}/32 trust\n")
        with open(os.path.join(PG_DATA, "postmaster.opts")) as opts:
            words = shlex.split(opts.read())[1:]
        options = " ".join(shlex.quote(w.replace("listen_addresses=127.0.0.1", f"listen_addresses=127.0.0.1,{outside}"))
                           for i, w in enumerate(words) if w != "-D" and (i == 0 or words[i - 1] != "-D"))
        pg_ctl("restart", "-m", "fast", "-w", "-l", os.path.join(PG_DATA, "server.log"), "-o", options)
        server = PartitionedServer(url.replace("127.0.0.1", outside), inside).start()
        base = server.base
        seeds = seed_dossiers(client, base, 3)
        # A command makes several bounded waits in a row (a pool connection, connecting, its
        # statements), so a writer's answer may take longer than a single read's; 30 s is a hang.
        load = RecordingLoad(client, [base], writers=4, dossiers=seeds, answer_within=30).start()
        wait_for_writes(load, 50, "50 writes before the partition")
        netns("nft", "add table inet toedeling_partition")
        netns("nft", "add chain inet toedeling_partition out { type filter hook output priority 0 ; }")
        netns("nft", f"add rule inet toedeling_partition out ip daddr {outside} tcp dport {port} drop")
        cut_at = time.time()
        during = []  # (seconds to answer, status) of probes while cut off
        while time.time() - cut_at < 15:
            started = time.time()
            try:
                status, _, headers = client.call(base, "GET", f"/v1/dossiers/{seeds[0]}", timeout=30)
            except (urllib.error.URLError, OSError) as error:
                status, headers = f"error {error}", {}
            during.append((time.time() - started, status, headers.get("Retry-After")))
            time.sleep(0.5)
        netns("nft", "delete table inet toedeling_partition")
        healed_at = time.time()
        wait_for(lambda: any(t > healed_at for t in load.acknowledged_at), 60, "a write acknowledged after healing")
        recovered = min(t for t in load.acknowledged_at if t > healed_at) - healed_at
        time.sleep(2)
        load.stop()
        slowest = max(d for d, _, _ in during)
        # Every wait of a request is bounded (5 s of unacknowledged data, 5 s to connect, 5 s for a
        # pool connection), and one request may meet several in a row; 30 s would be a hang.
        check(slowest < 30, f"an answer took {slowest:.1f} s while PostgreSQL was unreachable: {[(round(d, 1), s) for d, s, _ in during]}")
        unavailable = [s for _, s, _ in during if s == 503]
        check(unavailable, f"no 503 while PostgreSQL was unreachable: {[s for _, s, _ in during]}")
        check(all(s in (200, 503) for _, s, _ in during), f"answers while cut off: {[s for _, s, _ in during]}")
        check(all(r for _, s, r in during if s == 503), "a 503 without Retry-After while cut off")
        check(not load.bad and load.hangs == 0, f"bad answers {load.bad[:3]}, hangs {load.hangs}")
        check(server.process.poll() is None, "the server died during the partition")
        check_everything_acknowledged(client, base, load, url)
        log(f"partition: 15 s cut off by nftables: slowest answer {slowest:.1f} s, {len(unavailable)} of {len(during)} probes 503; "
            f"slowest command {load.slowest:.1f} s; first write {recovered:.1f} s after healing; "
            f"acknowledged {load.acknowledgements()}, lost 0")
    except BaseException:
        if server:
            with open(server.log.name, errors="replace") as f:
                print("--- partition server log (not info)\n" + "".join([line for line in f.readlines() if '"level":"info"' not in line][-30:]),
                      file=sys.stderr)
        raise
    finally:
        if server:
            server.stop()
        subprocess.run(["ip", "netns", "delete", "toedeling-part"], capture_output=True)
        subprocess.run(["ip", "link", "delete", "tdl-part0"], capture_output=True)


class PartitionedServer(Server):
    """A server process inside the namespace, listening on its veth address."""

    def __init__(self, url, address):
        super().__init__(url, "partition")
        self.address = address

    def start(self):
        env = dict(os.environ, DATABASE_URL=self.url)
        self.process = subprocess.Popen(["ip", "netns", "exec", "toedeling-part", f"{os.environ['TOEDELING_BIN_DIR']}/toedeling-server",
                                         "--hostname", self.address, "--port", str(self.port)], env=env, stdout=self.log, stderr=self.log)
        wait_for(lambda: self._healthy(), 60, "the namespaced server answering /health")
        return self

    def _healthy(self):
        if self.process.poll() is not None:
            raise AssertionError(f"the namespaced server exited with {self.process.returncode} (see {self.log.name})")
        try:
            with urllib.request.urlopen(f"{self.base}/health", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    @property
    def base(self):
        return f"http://{self.address}:{self.port}"


SCENARIOS = {"failover": scenario_failover_and_instance, "partition": scenario_partition}

if __name__ == "__main__":
    chosen = sys.argv[1:] or list(SCENARIOS)
    for name in chosen:
        started = time.time()
        SCENARIOS[name]()
        log(f"{name}: passed in {time.time() - started:.0f} s")
