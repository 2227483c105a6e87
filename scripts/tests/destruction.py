"""Destruction and erasure against real processes (run by destruction.sh).

Dossiers with documents, withdrawn and archived under a category to destroy at once, go on a
vernietigingslijst proposed by one coordinator (toedeling-admin). Another approves it over HTTP and
the server is killed (-9) in the middle: every dossier is then destroyed completely or not at all
(event, key, document bytes, read model, tombstone). After a restart a second approval finishes the
list. Then an account and a token holder are forgotten. Afterwards `verify` passes, a plain pg_dump
of the whole database holds no text, document byte or name that was destroyed or erased, and the
CloudEvents a webhook received after the destruction carry nothing of them either.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(__file__))
from faults import (BOUNDARY, MULTIPART_TAIL, PG_BIN, Client, Server, admin, free_port, multipart_head, psql, raw_upload,  # noqa: E402
                    setup)

DOSSIERS = 40


def log(message):
    print(f"destruction: {message}", file=sys.stderr, flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Receiver:
    """Takes every webhook delivery and keeps its body, by its webhook-id (delivery is at least once)."""

    def __init__(self):
        self.bodies = []
        self.ids = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.ids.append(self.headers.get("webhook-id"))
                receiver.bodies.append(body)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def state_of(url, dossier):
    """What of a dossier shows it destroyed, each read on its own."""
    return {
        "event": psql(url, f"SELECT count(*) FROM events WHERE stream_id = 'dossier-{dossier}' AND type = 'DossierVernietigd'") == "1",
        "sleutel": psql(url, f"SELECT count(*) FROM sleutels WHERE id = 'dossier:{dossier}' AND sleutel IS NULL") == "1",
        "bytes": psql(url, f"""SELECT count(*) FROM document_inhoud WHERE encode(sha256, 'hex') IN
                              (SELECT data ->> 'sha256' FROM events WHERE stream_id = 'dossier-{dossier}')""") == "0",
        "leesmodel": psql(url, f"SELECT staat ->> 'vernietiging' IS NOT NULL FROM dossiers WHERE id = '{dossier}'") == "t",
        "grafsteen": psql(url, f"SELECT count(*) FROM vernietigingslijst_dossiers WHERE dossier_id = '{dossier}' AND vernietigd_op IS NOT NULL") == "1",
    }


def main():
    url, client = setup("destruction")
    os.environ["TOEDELING_WEBHOOK_ALLOW_PRIVATE"] = "1"
    server = Server(url, "destruction").start()
    base = server.base
    for email, naam in [("anna@bzk.example", "Anna Voorsteller"), ("bert@bzk.example", "Bert Goedkeurder")]:
        admin(url, "gebruiker", "create", "--rol", "coordinator", "--naam", naam, "--email", email, "--wachtwoord-stdin",
              stdin=b"een lange zin als wachtwoord\n")
    # A token holder to forget, and a second coordinator token who approves over HTTP.
    kees_token = admin(url, "token", "create", "--rol", "coordinator", "--naam", "Kees Tokenhouder-QRS").strip()
    kees = Client(kees_token)
    bert = Client(admin(url, "token", "create", "--rol", "coordinator", "--naam", "Bert Goedkeurder").strip())
    receiver = Receiver()
    status, payload, _ = client.call(base, "POST", "/v1/abonnementen", {"callbackUrl": receiver.url})
    check(status == 201, f"subscription: {status} {payload}")

    secrets, dossiers = [], []
    for n in range(DOSSIERS):
        marker = f"Vertrouwelijk-{n:03d}-ABC"
        secrets.append(marker)
        body = {"titel": f"Op te ruimen dossier {n}", "omschrijving": f"{marker} omschrijving", "vakdepartement": "BZK",
                "soort": "taak", "nieuweTaak": True}
        status, payload, _ = kees.call(base, "POST", "/v1/dossiers", body)
        check(status == 201, f"open: {status} {payload}")
        dossier = payload["id"]
        dossiers.append(dossier)
        content = f"%PDF-1.7\n% {marker}-bytes\n%%EOF\n".encode()
        head = multipart_head({"titel": f"{marker} bijlage", "documentsoort": "voorstel", "vertrouwelijkheid": "openbaar"}, f"{marker}.pdf")
        answer = raw_upload(server.port, kees_token, dossier, head, [content], len(content), MULTIPART_TAIL)
        check(answer and answer[0] == 201, f"upload: {answer}")
        status, payload, _ = kees.call(base, "POST", f"/v1/dossiers/{dossier}/intrekking", {"reden": f"{marker} reden"})
        check(status == 201, f"withdraw: {status} {payload}")
        status, payload, _ = client.call(base, "PUT", f"/v1/dossiers/{dossier}/archivering", {"selectielijstcategorie": "2.3"})
        check(status == 200, f"archive: {status} {payload}")
    log(f"{DOSSIERS} dossiers with a document each, withdrawn and archived under category 2.3")

    listing = admin(url, "vernietigingslijst", "voorstel", "--door", "anna@bzk.example", *dossiers)
    lijst = listing.split()[1].rstrip(":")
    check(len(lijst) == 36 and "voorgesteld" in listing, f"the proposal: {listing[:200]}")
    refused = subprocess.run([f"{os.environ['TOEDELING_BIN_DIR']}/toedeling-admin", "vernietigingslijst", "goedkeur", "--door",
                              "anna@bzk.example", lijst], env=dict(os.environ, DATABASE_URL=url), capture_output=True, text=True)
    check(refused.returncode != 0 and "andere coördinator" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1,
          f"the proposer approving: {refused.returncode} {refused.stderr!r}")
    log("proposed by one coordinator; the same account's approval is refused with one line")

    # Approve over HTTP and kill the server in the middle.
    result = {}

    def approve():
        try:
            result["answer"] = bert.call(base, "POST", f"/v1/vernietigingslijsten/{lijst}/goedkeuring", timeout=120)
        except OSError as error:  # the server is killed under it
            result["answer"] = error

    thread = threading.Thread(target=approve, daemon=True)
    started = time.time()
    thread.start()
    while time.time() - started < 60:
        done = int(psql(url, f"SELECT count(*) FROM vernietigingslijst_dossiers WHERE lijst_id = '{lijst}' AND vernietigd_op IS NOT NULL"))
        if done >= 3:
            break
        time.sleep(0.005)
    server.kill9()
    thread.join(timeout=30)
    states = [state_of(url, d) for d in dossiers]
    complete = [s for s in states if all(s.values())]
    untouched = [s for s in states if not any(s.values())]
    check(len(complete) + len(untouched) == len(states), f"a dossier half destroyed: {[s for s in states if s not in complete and s not in untouched][:3]}")
    check(0 < len(complete) < len(states), f"the kill did not fall in the middle ({len(complete)} of {len(states)} destroyed)")
    check(psql(url, f"SELECT status FROM vernietigingslijsten WHERE id = '{lijst}'") == "voorgesteld", "the list was marked approved")
    log(f"killed in the middle: {len(complete)} dossiers destroyed completely, {len(untouched)} untouched, none half")

    server = Server(url, "destruction-2").start()
    base = server.base
    status, payload, _ = bert.call(base, "POST", f"/v1/vernietigingslijsten/{lijst}/goedkeuring", timeout=120)
    check(status == 200 and payload["status"] == "goedgekeurd", f"the second approval: {status} {payload}")
    check(all(all(state_of(url, d).values()) for d in dossiers), "after the second approval a dossier is not destroyed")
    status, payload, _ = bert.call(base, "POST", f"/v1/vernietigingslijsten/{lijst}/goedkeuring")
    check(status == 409, f"approving twice: {status}")
    status, payload, _ = client.call(base, "GET", f"/v1/dossiers/{dossiers[0]}")
    check(status == 200 and payload["omschrijving"] == "[vernietigd]" and payload["archivering"]["archiefstatus"] == "vernietigd",
          f"the tombstone: {payload}")
    status, _, _ = client.call(base, "GET", f"/v1/dossiers/{dossiers[0]}/documenten")
    check(status == 410, f"a destroyed dossier's documents: {status}")
    verklaring = admin(url, "vernietigingslijst", "verklaring", "--formaat", "csv", lijst)
    check(len(verklaring.strip().splitlines()) == DOSSIERS + 1 and "Bert Goedkeurder" in verklaring, "the verklaring (CSV)")
    log("after a restart the approval finished the list; the tombstones answer, documents 410, the verklaring is kept")

    # AVG erasure of an account and of a token holder.
    out = admin(url, "gebruiker", "vergeet", "anna@bzk.example")
    check("destroyed" in out, out)
    token_id = psql(url, "SELECT id FROM api_tokens WHERE naam = 'Kees Tokenhouder-QRS'")
    out = admin(url, "token", "vergeet", token_id)
    check(f"{DOSSIERS} dossier(s)" in out, out)
    unknown = subprocess.run([f"{os.environ['TOEDELING_BIN_DIR']}/toedeling-admin", "gebruiker", "vergeet", "niemand@bzk.example"],
                             env=dict(os.environ, DATABASE_URL=url), capture_output=True, text=True)
    check(unknown.returncode != 0 and len(unknown.stderr.strip().splitlines()) == 1, f"erasing an unknown person: {unknown.stderr!r}")
    admin(url, "verify")
    log("an account and a token holder forgotten; verify passes")

    # Wait for the webhooks of the destruction, then look everywhere.
    deadline = time.time() + 30

    def destroyed_deliveries():
        # At least once: a kill -9 may repeat a delivery whose checkpoint was not yet stored; the
        # repeat carries the same webhook-id, so the distinct ids are the events.
        return {i: b for i, b in zip(list(receiver.ids), list(receiver.bodies)) if b'dossier-vernietigd' in b}

    while time.time() < deadline and len(destroyed_deliveries()) < DOSSIERS:
        time.sleep(0.2)
    delivered = destroyed_deliveries()
    check(None not in delivered, "a delivery without a webhook-id")
    vernietigd = list(delivered.values())
    check(len(vernietigd) == DOSSIERS, f"{len(vernietigd)} distinct dossier-vernietigd deliveries of {DOSSIERS}")
    check(all(any(d.encode() in b for b in vernietigd) for d in dossiers), "a destroyed dossier without its dossier-vernietigd event")
    repeats = sum(b'dossier-vernietigd' in b for b in receiver.bodies) - len(vernietigd)
    dump = subprocess.run([f"{PG_BIN}/pg_dump", "--no-owner", "--data-only", url], capture_output=True, check=True).stdout
    for needle in secrets + ["Anna Voorsteller", "anna@bzk.example", "Kees Tokenhouder-QRS"]:
        check(needle.encode() not in dump, f"pg_dump still holds {needle!r}")
        for body in vernietigd:
            check(needle.encode() not in body, f"a webhook after the destruction carries {needle!r}")
    log(f"pg_dump ({len(dump) // 1024} KiB) holds no destroyed text, byte or erased name; {len(vernietigd)} CloudEvents carry none"
        f" ({repeats} repeated after the kill, same webhook-id)")
    server.process.send_signal(signal.SIGTERM)
    server.process.wait(timeout=30)
    log("passed")


if __name__ == "__main__":
    main()
