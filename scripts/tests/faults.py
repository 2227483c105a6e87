#!/usr/bin/env python3
"""Fault tests against real processes: a toedeling-server (or two) over a PostgreSQL cluster of
their own. Run by scripts/tests/faults.sh, which builds nothing: it uses the binaries named by
TOEDELING_BIN_DIR (scripts/test's debug build).

Scenarios (each prints one line and raises on the first broken promise):
  kill9      kill -9 of the server under concurrent write load loses no acknowledged write and
             leaves no half command (read model and events agree, every chain verifies).
  pgrestart  a PostgreSQL restart under load is survived without intervention: requests fail with
             503 while it is down and succeed again after, and no acknowledged write is lost.
  twoservers two server instances on one database under concurrent load on the same dossiers:
             versions contiguous, no lost write, idempotency keys hold across the instances.
  roundtrip  export -> import into a fresh database -> verify passes, every dossier reads the same
             (documents included: the bytes come back and verify).
  uploads    a client that disconnects half-way through an upload, and a server killed -9 in the
             middle of one, leave no block, no content and no event behind; the server answers after.
  gigabyte   a 1 GiB document (the limit raised) is uploaded and downloaded through the server while
             its resident memory grows by less than 32 MB; the bytes come back with the same SHA-256.
"""
import json
import os
import random
import shlex
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

BIN = os.environ["TOEDELING_BIN_DIR"]
SCHEMA = os.environ["TOEDELING_SCHEMA_DIR"]
PG_BIN = os.environ["PG_BIN"]
WORK = os.environ["FAULTS_WORK"]
ADMIN_URL = os.environ["FAULTS_ADMIN_URL"]  # the cluster's maintenance database
PG_DATA = os.environ["FAULTS_PG_DATA"]
PG_USER = os.environ["FAULTS_PG_USER"]


def log(message):
    print(f"faults: {message}", file=sys.stderr, flush=True)


def database_url(name):
    base, _, _ = ADMIN_URL.rpartition("/")
    return f"{base}/{name}"


def psql(url, sql):
    return subprocess.run([f"{PG_BIN}/psql", "-X", "-q", "-At", url, "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def admin(url, *args, stdin=None, stdout=None):
    env = dict(os.environ, DATABASE_URL=url, TOEDELING_SCHEMA_DIR=SCHEMA)
    result = subprocess.run([f"{BIN}/toedeling-admin", *args], env=env, input=stdin, stdout=stdout or subprocess.PIPE,
                            stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise AssertionError(f"toedeling-admin {' '.join(args)} failed ({result.returncode}): {result.stderr.decode().strip()}")
    return result.stdout.decode() if result.stdout is not None else ""


def fresh_database(name):
    psql(ADMIN_URL, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(ADMIN_URL, f"CREATE DATABASE {name}")
    url = database_url(name)
    admin(url, "migrate")
    return url


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, url, name):
        self.url, self.name, self.port, self.process = url, name, free_port(), None
        self.log = open(os.path.join(WORK, f"{name}.log"), "ab")

    def start(self):
        env = dict(os.environ, DATABASE_URL=self.url, TOEDELING_SCHEMA_DIR=SCHEMA)
        self.process = subprocess.Popen([f"{BIN}/toedeling-server", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                        env=env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited with {self.process.returncode} (see {self.log.name})")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.1)
        raise AssertionError(f"{self.name} did not answer /health within 60 s")

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                code = self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise AssertionError(f"{self.name} did not stop within 30 s of SIGTERM")
            if code not in (0, 143, -15):
                raise AssertionError(f"{self.name} stopped with status {code} after SIGTERM")

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"


class Client:
    def __init__(self, token):
        self.token = token

    def call(self, base, method, path, body=None, key=None, if_match=None, timeout=10):
        """Returns (status, parsed JSON body or None, headers); the headers are looked up without
        regard to case, as HTTP has them (a proxy may send them in lower case)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(base + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if key:
            request.add_header("Idempotency-Key", key)
        if if_match:
            request.add_header("If-Match", if_match)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read() or b"null"), response.headers
        except urllib.error.HTTPError as error:
            payload = error.read()
            try:
                parsed = json.loads(payload)
            except ValueError:
                parsed = None
            return error.code, parsed, error.headers


def new_dossier_body(n):
    return {"titel": f"Taak {n}", "omschrijving": "Een nieuwe wettelijke taak voor de fouttest.",
            "vakdepartement": "BZK", "soort": "taak", "nieuweTaak": True}


class Load:
    """Writers that open dossiers and link Kamerstukken until stopped, remembering every write the
    server acknowledged (2xx). Transport errors and 5xx are retried with the same Idempotency-Key,
    so a write is either acknowledged once or not at all."""

    def __init__(self, client, bases, writers=6, dossiers=None):
        self.client, self.bases, self.writers = client, bases, writers
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.acknowledged_dossiers = {}  # id -> kenmerk
        self.acknowledged_links = []  # (dossier id, nummer)
        self.failures = 0
        self.shared = list(dossiers or [])
        self.threads = []

    def _attempt(self, method, path, body, key):
        base = random.choice(self.bases)
        try:
            return self.client.call(base, method, path, body, key=key, timeout=5)
        except (urllib.error.URLError, ConnectionError, OSError, TimeoutError):
            return None, None, None

    def _send(self, method, path, body):
        key = str(uuid.uuid4())
        while not self.stop_event.is_set():
            status, payload, _ = self._attempt(method, path, body, key)
            if status is not None and status < 500:
                return status, payload
            with self.lock:
                self.failures += 1
            time.sleep(0.05)
        return None, None

    def _writer(self, index):
        n = 0
        while not self.stop_event.is_set():
            n += 1
            if self.shared and n % 3 != 0:
                dossier = random.choice(self.shared)
                nummer = f"{30000 + index}-{n}"
                status, payload = self._send("POST", f"/v1/dossiers/{dossier}/kamerstukken",
                                             {"nummer": nummer, "titel": "Brief", "datum": "2026-03-10"})
                if status == 201:
                    with self.lock:
                        self.acknowledged_links.append((dossier, nummer))
                elif status is not None:
                    raise AssertionError(f"kamerstuk refused with {status}: {payload}")
            else:
                status, payload = self._send("POST", "/v1/dossiers", new_dossier_body(f"{index}-{n}"))
                if status == 201:
                    with self.lock:
                        self.acknowledged_dossiers[payload["id"]] = payload["kenmerk"]
                elif status is not None:
                    raise AssertionError(f"opening refused with {status}: {payload}")

    def start(self):
        self.errors = []

        def run(index):
            try:
                self._writer(index)
            except Exception as error:  # recorded and re-raised by stop()
                self.errors.append(error)

        self.threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(self.writers)]
        for thread in self.threads:
            thread.start()
        return self

    def stop(self):
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=30)
        if self.errors:
            raise self.errors[0]


def check_everything_acknowledged(client, base, load, url):
    """Every acknowledged write is there; no half command: every dossier's read model version
    equals its number of events; every chain verifies."""
    for dossier, kenmerk in load.acknowledged_dossiers.items():
        status, payload, _ = client.call(base, "GET", f"/v1/dossiers/{dossier}")
        if status != 200 or payload["kenmerk"] != kenmerk:
            raise AssertionError(f"acknowledged dossier {kenmerk} lost: {status}")
    linked = {}
    for dossier, nummer in load.acknowledged_links:
        linked.setdefault(dossier, set()).add(nummer)
    for dossier, nummers in linked.items():
        status, payload, _ = client.call(base, "GET", f"/v1/dossiers/{dossier}")
        present = {k["nummer"] for k in payload["kamerstukken"]}
        missing = nummers - present
        if missing:
            raise AssertionError(f"acknowledged Kamerstukken lost on {dossier}: {sorted(missing)[:5]}")
    half = psql(url, """SELECT count(*) FROM dossiers d JOIN streams s ON s.stream_id = 'dossier-' || d.id::text
                        WHERE s.version <> d.versie""")
    orphans = psql(url, """SELECT count(*) FROM streams s WHERE s.stream_type = 'dossier'
                           AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE 'dossier-' || d.id::text = s.stream_id)""")
    if half != "0" or orphans != "0":
        raise AssertionError(f"half commands: {half} dossiers whose read model lags their stream, {orphans} streams without a dossier")
    admin(url, "verify")


def setup(name):
    url = fresh_database(name)
    token = admin(url, "token", "create", "--rol", "coordinator", "--naam", "fouttest").strip()
    return url, Client(token)


def seed_dossiers(client, base, count):
    ids = []
    for n in range(count):
        status, payload, _ = client.call(base, "POST", "/v1/dossiers", new_dossier_body(f"basis-{n}"))
        assert status == 201, (status, payload)
        ids.append(payload["id"])
    return ids


def scenario_kill9():
    url, client = setup("faults_kill9")
    server = Server(url, "kill9").start()
    load = Load(client, [server.base], dossiers=seed_dossiers(client, server.base, 3)).start()
    time.sleep(3)
    server.kill9()
    time.sleep(0.5)
    server.start()
    time.sleep(1.5)
    load.stop()
    check_everything_acknowledged(client, server.base, load, url)
    server.stop()
    log(f"kill9: {len(load.acknowledged_dossiers)} dossiers and {len(load.acknowledged_links)} links acknowledged, none lost, no half command")


def pg_ctl(*args):
    subprocess.run(["runuser", "-u", PG_USER, "--", f"{PG_BIN}/pg_ctl", "-D", PG_DATA, *args] if os.geteuid() == 0
                   else [f"{PG_BIN}/pg_ctl", "-D", PG_DATA, *args], check=True, cwd="/tmp",
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def scenario_pgrestart():
    url, client = setup("faults_pgrestart")
    server = Server(url, "pgrestart").start()
    load = Load(client, [server.base], dossiers=seed_dossiers(client, server.base, 3)).start()
    time.sleep(2)
    with open(os.path.join(PG_DATA, "postmaster.opts")) as opts:
        words = shlex.split(opts.read())[1:]
    options = " ".join(shlex.quote(w) for i, w in enumerate(words)
                       if w != "-D" and (i == 0 or words[i - 1] != "-D"))
    pg_ctl("stop", "-m", "fast", "-w")
    time.sleep(1)
    status, payload, _ = client.call(server.base, "GET", "/v1/dossiers")
    if status != 503 or (payload or {}).get("status") != 503:
        raise AssertionError(f"while PostgreSQL is down a request must get a 503 problem, got {status} {payload}")
    health = urllib.request.Request(f"{server.base}/health")
    try:
        urllib.request.urlopen(health, timeout=5)
        raise AssertionError("/health answered 200 while PostgreSQL was down")
    except urllib.error.HTTPError as error:
        if error.code != 503:
            raise AssertionError(f"/health answered {error.code} while PostgreSQL was down")
    pg_ctl("start", "-w", "-l", os.path.join(PG_DATA, "server.log"), "-o", options)
    before = len(load.acknowledged_links) + len(load.acknowledged_dossiers)
    deadline = time.time() + 30
    while time.time() < deadline and len(load.acknowledged_links) + len(load.acknowledged_dossiers) < before + 20:
        time.sleep(0.2)
    load.stop()
    after = len(load.acknowledged_links) + len(load.acknowledged_dossiers)
    if after < before + 20:
        raise AssertionError(f"the server did not recover after PostgreSQL came back ({after - before} writes in 30 s)")
    if server.process.poll() is not None:
        raise AssertionError("the server died while PostgreSQL restarted")
    check_everything_acknowledged(client, server.base, load, url)
    # A restart no health check saw: the first check afterwards already says the database is there
    # (the probe connects again before it reports, instead of reporting the failure of its connection
    # from before the restart, which a load balancer would take for an outage).
    with urllib.request.urlopen(health, timeout=10) as response:
        if response.status != 200:
            raise AssertionError(f"/health answered {response.status} before the second restart")
    pg_ctl("restart", "-m", "fast", "-w", "-l", os.path.join(PG_DATA, "server.log"), "-o", options)
    try:
        with urllib.request.urlopen(health, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        raise AssertionError(f"/health answered {status} right after PostgreSQL was back from a restart")
    server.stop()
    log(f"pgrestart: recovered by itself, {after - before} writes after the restart, {load.failures} retried failures, none lost")


def scenario_twoservers():
    url, client = setup("faults_twoservers")
    first, second = Server(url, "first").start(), Server(url, "second").start()
    shared = seed_dossiers(client, first.base, 2)
    load = Load(client, [first.base, second.base], writers=8, dossiers=shared).start()
    time.sleep(4)
    load.stop()
    check_everything_acknowledged(client, first.base, load, url)
    for dossier in shared:
        status, events, _ = client.call(second.base, "GET", f"/v1/dossiers/{dossier}/gebeurtenissen")
        versions = [e["versie"] if "versie" in e else e["version"] for e in (events.get("gebeurtenissen") if isinstance(events, dict) else events)]
        if versions != list(range(1, len(versions) + 1)):
            raise AssertionError(f"versions of {dossier} not contiguous")
    # One Idempotency-Key sent to both instances at once: one write, the same answer twice.
    key, body = str(uuid.uuid4()), new_dossier_body("idempotent")
    answers = [None, None]

    def send(i, base):
        answers[i] = client.call(base, "POST", "/v1/dossiers", body, key=key)

    threads = [threading.Thread(target=send, args=(i, b)) for i, b in enumerate([first.base, second.base])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    created = [a for a in answers if a[0] == 201]
    if not created or any(a[0] not in (201, 409) for a in answers):
        raise AssertionError(f"idempotent duplicates across instances: {[a[0] for a in answers]}")
    if len(created) == 2 and created[0][1] != created[1][1]:
        raise AssertionError("the replay did not return the first response")
    count = psql(url, "SELECT count(*) FROM dossiers WHERE titel = 'Taak idempotent'")
    if count != "1":
        raise AssertionError(f"one Idempotency-Key on two instances wrote {count} dossiers")
    first.stop()
    second.stop()
    log(f"twoservers: {len(load.acknowledged_links)} concurrent links on shared dossiers, contiguous, none lost; idempotency across instances holds")


BOUNDARY = "toedeling-fouttest-grens"


def multipart_head(metadata, filename, content_type="application/pdf"):
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{json.dumps(metadata)}\r\n"
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"inhoud\"; filename=\"{filename}\"\r\n"
            f"Content-Type: {content_type}\r\n\r\n").encode()


MULTIPART_TAIL = f"\r\n--{BOUNDARY}--\r\n".encode()


def raw_upload(port, token, dossier, head, body_chunks, total, tail, read_answer=True):
    """Sends an upload over a plain socket, chunk by chunk; returns (status, body) or None."""
    import socket
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    length = len(head) + total + len(tail)
    sock.sendall((f"POST /v1/dossiers/{dossier}/documenten HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  f"Authorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
                  f"Content-Length: {length}\r\nConnection: close\r\n\r\n").encode() + head)
    for chunk in body_chunks:
        sock.sendall(chunk)
    if not read_answer:
        return sock
    sock.sendall(tail)
    answer = b""
    while True:
        data = sock.recv(65536)
        if not data:
            break
        answer += data
    sock.close()
    status = int(answer.split(b" ", 2)[1])
    return status, answer.split(b"\r\n\r\n", 1)[1]


def pdf_chunks(total, size=1 << 20, seed=1):
    import hashlib
    digest = hashlib.sha256()
    block = bytes((i * 31 + seed) & 0xFF for i in range(size))
    sent = 0
    first = True
    while sent < total:
        n = min(size, total - sent)
        chunk = (b"%PDF-1.7\n" + block[9:n]) if first else block[:n]
        first = False
        digest.update(chunk)
        sent += n
        yield chunk
    pdf_chunks.digest = digest.hexdigest()


def document_rows(url):
    return psql(url, "SELECT (SELECT count(*) FROM document_blokken) || ',' || (SELECT count(*) FROM document_inhoud) || ',' || "
                     "(SELECT count(*) FROM events WHERE type = 'DocumentToegevoegd')")


def scenario_uploads():
    url, client = setup("faults_uploads")
    server = Server(url, "uploads").start()
    dossier = seed_dossiers(client, server.base, 1)[0]
    metadata = {"titel": "Afgebroken", "documentsoort": "overig", "vertrouwelijkheid": "openbaar"}
    # A client that goes away after 3 of 10 MiB.
    chunks = pdf_chunks(3 << 20)
    sock = raw_upload(server.port, client.token, dossier, multipart_head(metadata, "afgebroken.pdf"), chunks, 10 << 20, b"", read_answer=False)
    time.sleep(0.5)
    sock.close()
    deadline = time.time() + 20
    while time.time() < deadline and document_rows(url) != "0,0,0":
        time.sleep(0.2)
    if document_rows(url) != "0,0,0":
        raise AssertionError(f"a disconnected upload left rows behind: {document_rows(url)}")
    status, _, _ = client.call(server.base, "GET", f"/v1/dossiers/{dossier}/documenten")
    if status != 200:
        raise AssertionError(f"the server does not answer after a disconnected upload: {status}")
    # A server killed in the middle of an upload.
    sock = raw_upload(server.port, client.token, dossier, multipart_head(metadata, "gedood.pdf"), pdf_chunks(4 << 20), 10 << 20, b"", read_answer=False)
    time.sleep(0.5)
    server.kill9()
    sock.close()
    time.sleep(0.5)
    server.start()
    deadline = time.time() + 20
    while time.time() < deadline and document_rows(url) != "0,0,0":
        time.sleep(0.2)
    if document_rows(url) != "0,0,0":
        raise AssertionError(f"an upload cut by kill -9 left rows behind: {document_rows(url)}")
    # And a whole one still works.
    body = list(pdf_chunks(2 << 20))
    status, answer = raw_upload(server.port, client.token, dossier, multipart_head(metadata, "heel.pdf"), body, 2 << 20, MULTIPART_TAIL)
    if status != 201 or json.loads(answer)["sha256"] != pdf_chunks.digest:
        raise AssertionError(f"a whole upload after the faults failed: {status} {answer[:200]!r}")
    server.stop()
    log("uploads: a disconnected upload and one cut by kill -9 left nothing behind; the next upload stored")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class RSSWatch:
    def __init__(self, pid):
        self.pid, self.peak, self.running = pid, 0, True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_kb(self.pid))
            time.sleep(0.02)

    def stop(self):
        self.running = False
        self.thread.join()
        return self.peak


def scenario_gigabyte():
    import hashlib
    url, client = setup("faults_gigabyte")
    size = int(os.environ.get("FAULTS_GIGABYTE_BYTES", str(1 << 30)))
    os.environ["TOEDELING_DOCUMENT_MAX_BYTES"] = str(size + 1024)
    try:
        server = Server(url, "gigabyte").start()
    finally:
        del os.environ["TOEDELING_DOCUMENT_MAX_BYTES"]
    dossier = seed_dossiers(client, server.base, 1)[0]
    metadata = {"titel": "Groot", "documentsoort": "overig", "vertrouwelijkheid": "intern"}
    # Warm up both paths with 8 MiB, then measure from there.
    status, answer = raw_upload(server.port, client.token, dossier, multipart_head(metadata, "warm.pdf"), list(pdf_chunks(8 << 20, seed=2)), 8 << 20, MULTIPART_TAIL)
    assert status == 201, (status, answer[:200])
    warm = json.loads(answer)["id"]
    request = urllib.request.Request(f"{server.base}/v1/dossiers/{dossier}/documenten/{warm}/inhoud", headers={"Authorization": f"Bearer {client.token}"})
    with urllib.request.urlopen(request, timeout=60) as response:
        while response.read(1 << 20):
            pass
    baseline = rss_kb(server.process.pid)
    watch = RSSWatch(server.process.pid)
    started = time.time()
    status, answer = raw_upload(server.port, client.token, dossier, multipart_head(metadata, "groot.pdf"), pdf_chunks(size), size, MULTIPART_TAIL)
    up = time.time() - started
    if status != 201:
        raise AssertionError(f"the large upload failed: {status} {answer[:300]!r}")
    document = json.loads(answer)
    if document["sha256"] != pdf_chunks.digest or document["omvang"] != size:
        raise AssertionError("the large upload was stored with another hash or size")
    started = time.time()
    digest = hashlib.sha256()
    received = 0
    request = urllib.request.Request(f"{server.base}/v1/dossiers/{dossier}/documenten/{document['id']}/inhoud",
                                     headers={"Authorization": f"Bearer {client.token}"})
    with urllib.request.urlopen(request, timeout=600) as response:
        while True:
            chunk = response.read(1 << 20)
            if not chunk:
                break
            digest.update(chunk)
            received += len(chunk)
    down = time.time() - started
    peak = watch.stop()
    server.stop()
    if received != size or digest.hexdigest() != document["sha256"]:
        raise AssertionError("the large download differs from the upload")
    growth_mb = (peak - baseline) / 1024
    if growth_mb >= 32:
        raise AssertionError(f"the server's memory grew by {growth_mb:.1f} MB during a {size >> 20} MiB upload and download (limit 32 MB)")
    log(f"gigabyte: {size >> 20} MiB up in {up:.1f} s ({size / up / 1e6:.0f} MB/s) and down in {down:.1f} s ({size / down / 1e6:.0f} MB/s); "
        f"RSS {baseline / 1024:.0f} MB, peak {peak / 1024:.0f} MB (+{growth_mb:.1f} MB)")


def scenario_roundtrip():
    url, client = setup("faults_export")
    server = Server(url, "export").start()
    ids = seed_dossiers(client, server.base, 3)
    metadata = {"titel": "Meegenomen", "documentsoort": "voorstel", "vertrouwelijkheid": "openbaar"}
    status, answer = raw_upload(server.port, client.token, ids[0], multipart_head(metadata, "mee.pdf"), list(pdf_chunks(3 << 20, seed=5)), 3 << 20, MULTIPART_TAIL)
    assert status == 201, (status, answer[:200])
    document = json.loads(answer)
    for dossier in ids:
        client.call(server.base, "POST", f"/v1/dossiers/{dossier}/consultaties", {"koepels": ["VNG", "IPO"], "termijn": "2030-01-31"})
        client.call(server.base, "POST", f"/v1/dossiers/{dossier}/kamerstukken", {"nummer": "33047-43", "titel": "Brief", "datum": "2026-03-10"})
    before = {d: client.call(server.base, "GET", f"/v1/dossiers/{d}")[1] for d in ids}
    server.stop()
    export_file = os.path.join(WORK, "export.jsonl")
    with open(export_file, "wb") as out:
        admin(url, "export", "--sleutels", stdout=out)  # a backup: with the keys
    target = fresh_database("faults_import")
    with open(export_file, "rb") as source:
        admin(target, "import", stdin=source.read())
    admin(target, "verify")
    token = admin(target, "token", "create", "--rol", "coordinator", "--naam", "na-import").strip()
    imported = Server(target, "import").start()
    after = {d: Client(token).call(imported.base, "GET", f"/v1/dossiers/{d}")[1] for d in ids}
    imported.stop()
    if before != after:
        raise AssertionError("a dossier reads differently after export and import")
    import hashlib
    request = urllib.request.Request(f"{imported.base}/v1/dossiers/{ids[0]}/documenten/{document['id']}/inhoud",
                                     headers={"Authorization": f"Bearer {token}"})
    imported.start()
    with urllib.request.urlopen(request, timeout=60) as response:
        if hashlib.sha256(response.read()).hexdigest() != document["sha256"]:
            raise AssertionError("an imported document's bytes differ")
    imported.stop()
    hashes = "SELECT string_agg(encode(hash, 'hex'), ',' ORDER BY stream_id, version) FROM events"
    if psql(url, hashes) != psql(target, hashes):
        raise AssertionError("the imported events' hashes differ")
    log(f"roundtrip: {len(ids)} dossiers exported, imported, verified and read the same")


SCENARIOS = {"kill9": scenario_kill9, "pgrestart": scenario_pgrestart, "twoservers": scenario_twoservers,
             "roundtrip": scenario_roundtrip, "uploads": scenario_uploads, "gigabyte": scenario_gigabyte}

if __name__ == "__main__":
    for name in sys.argv[1:] or SCENARIOS:
        SCENARIOS[name]()
    print(f"faults: {len(SCENARIOS)} passed, 0 failed" if not sys.argv[1:] else "faults: done")
