#!/usr/bin/env python3
"""Notification tests against real processes: toedeling-server instances over a PostgreSQL cluster
of their own, a webhook receiver (an HTTP server in this process that checks every Standard Webhooks
signature and records what it got) and an SMTP server (aiosmtpd, STARTTLS required) that stores
every message. Run by scripts/tests/notifications.sh.

Scenarios (each prints one line and raises on the first broken promise):
  done       a coordinator creates a subscription and opens a round for VNG and IPO: the receiver
             gets the signed CloudEvent and VNG's and IPO's accounts their e-mail (over STARTTLS);
             a reactie mails the coordinators, closing mails the koepels, never twice, and IPO's
             mail carries nothing of VNG's reactie.
  down       the receiver down for a while, then up: everything arrives, in feed order, once per
             event id after de-duplication.
  kill9      the server killed with SIGKILL during deliveries: after a restart nothing is lost.
  twoservers two instances deliver one subscription: no event is delivered by both at once, none
             is skipped, and the receiver sees them in feed order.
"""
import email
import email.policy
import os
import ssl
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from faults import Server, Client, admin, setup, new_dossier_body, log  # noqa: E402
from webhooks import Receiver, subscribe, open_dossier, feed_event_ids, check_order  # noqa: E402

from aiosmtpd.controller import Controller  # noqa: E402


class Mailbox:
    """aiosmtpd on 127.0.0.1 with STARTTLS required, storing each message with its TLS state."""

    def __init__(self):
        self.messages = []
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(os.environ["SMTP_CERT"], os.environ["SMTP_KEY"])
        mailbox = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                message = email.message_from_bytes(envelope.content, policy=email.policy.default)
                mailbox.messages.append({"to": list(envelope.rcpt_tos), "tls": session.ssl is not None, "message": message})
                return "250 OK"

        from faults import free_port
        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, tls_context=context, require_starttls=True)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    def to(self, address, subject_start):
        return [m for m in self.messages if address in m["to"] and str(m["message"]["Subject"]).startswith(subject_start)]

    def wait_for(self, address, subject_start, within=30):
        deadline = time.time() + within
        while time.time() < deadline:
            found = self.to(address, subject_start)
            if found:
                return found
            time.sleep(0.05)
        raise AssertionError(f"no mail '{subject_start}…' to {address} within {within} s; mailbox: "
                             f"{[(m['to'], str(m['message']['Subject'])) for m in self.messages]}")


def server_env(**extra):
    os.environ.update({"TOEDELING_WEBHOOK_ALLOW_PRIVATE": "1", "TOEDELING_OIN": "00000001001234567000",
                       "TOEDELING_WEBHOOK_MAX_BACKOFF": "1s", **extra})


def account(url, rol, email_address, naam, koepel=None):
    args = ["gebruiker", "create", "--rol", rol, "--naam", naam, "--email", email_address, "--wachtwoord-stdin"]
    if koepel:
        args += ["--koepel", koepel]
    admin(url, *args, stdin=b"een-lang-en-goed-wachtwoord-42\n")


def scenario_done():
    mailbox = Mailbox().start()
    server_env(TOEDELING_SMTP_URL=f"smtp://localhost:{mailbox.port}", TOEDELING_SMTP_CA=os.environ["SMTP_CERT"])
    try:
        url, client = setup("notifications_done")
        account(url, "koepel", "vng@gemeenten.example", "Vera VNG", "VNG")
        account(url, "koepel", "ipo@provincies.example", "Ivo IPO", "IPO")
        account(url, "koepel", "uvw@waterschappen.example", "Uma UvW", "UvW")
        account(url, "coordinator", "coordinator@bzk.example", "Coby Coördinator")
        vng = Client(admin(url, "token", "create", "--rol", "koepel", "--koepel", "VNG", "--naam", "vng").strip())
        server = Server(url, "done").start()
        receiver = Receiver().start()
        try:
            subscribe(client, server.base, receiver)
            dossier = open_dossier(client, server.base, "done")
            opened = time.time()
            status, payload, _ = client.call(server.base, "POST", f"/v1/dossiers/{dossier['id']}/consultaties",
                                             {"koepels": ["VNG", "IPO"], "termijn": "2027-03-31"})
            assert status == 201, (status, payload)
            events = receiver.wait_for(lambda es: any(e["type"].endswith("consultatie-geopend") for e in es), what="the round's CloudEvent")
            event = next(e for e in events if e["type"] == "nl.overheid.bzk.toedeling.consultatie-geopend")
            arrived = next(t for i, e, t in receiver.received if e["id"] == event["id"])
            expected = {"specversion": "1.0", "source": "urn:nld:oin:00000001001234567000:systeem:toedeling", "subject": dossier["id"],
                        "datacontenttype": "application/json", "dataref": f"{server.base}/v1/dossiers/{dossier['id']}"}
            for key, value in expected.items():
                assert event[key] == value, (key, event)
            assert event["data"] == {"dossierId": dossier["id"], "kenmerk": dossier["kenmerk"], "fase": "consultatie", "ronde": 1}, event
            assert receiver.bad_signatures == 0
            for address, naam in (("vng@gemeenten.example", "Vera VNG"), ("ipo@provincies.example", "Ivo IPO")):
                [mail] = mailbox.wait_for(address, "Uitnodiging consultatie")
                message = mail["message"]
                assert mail["tls"], "mail was not sent over STARTTLS"
                assert message.get_content_type() == "multipart/alternative"
                plain = message.get_body(("plain",)).get_content()
                html = message.get_body(("html",)).get_content()
                assert naam in plain and "31 maart 2027" in plain and f"/dossiers/{dossier['id']}" in plain, plain
                assert "<a href=" in html, html
                assert event["id"] in message["Message-ID"], message["Message-ID"]
            assert not mailbox.to("uvw@waterschappen.example", ""), "UvW was not invited but got mail"
            log(f"done: CloudEvent {arrived - opened:.2f} s after the command's answer began; both koepels mailed over STARTTLS")

            status, payload, _ = vng.call(server.base, "POST", f"/v1/dossiers/{dossier['id']}/consultaties/1/reacties",
                                          {"standpunt": "bezwaar", "toelichting": "Geheime overwegingen van de gemeenten."})
            assert status == 201, (status, payload)
            [mail] = mailbox.wait_for("coordinator@bzk.example", "Reactie van VNG")
            assert "bezwaar" in mail["message"].get_body(("plain",)).get_content()
            status, payload, _ = client.call(server.base, "POST", f"/v1/dossiers/{dossier['id']}/consultaties/1/sluiting", {})
            assert status == 201, (status, payload)
            for address in ("vng@gemeenten.example", "ipo@provincies.example"):
                mailbox.wait_for(address, "Consultatieronde gesloten")
            time.sleep(2)  # room for a duplicate to show up
            for mail in mailbox.to("ipo@provincies.example", ""):
                text = mail["message"].get_body(("plain",)).get_content()
                assert "Geheime" not in text and "bezwaar" not in text, text
            per_message = {}
            for mail in mailbox.messages:
                key = (tuple(mail["to"]), str(mail["message"]["Subject"]))
                per_message[key] = per_message.get(key, 0) + 1
            twice = [k for k, n in per_message.items() if n > 1]
            assert not twice, f"mailed twice: {twice}"
            ids = [i for i, _, _ in receiver.received]
            assert len(ids) == len(set(ids)), "a delivery was repeated without a failure"
        finally:
            receiver.stop()
            server.stop()
    finally:
        mailbox.stop()
        for key in ("TOEDELING_SMTP_URL", "TOEDELING_SMTP_CA"):
            os.environ.pop(key, None)
    log("done: passed")


def kamerstukken(client, base, dossier, count, prefix):
    for n in range(count):
        status, payload, _ = client.call(base, "POST", f"/v1/dossiers/{dossier}/kamerstukken",
                                         {"nummer": f"{prefix}-{n}", "titel": "Brief", "datum": "2026-03-10"})
        assert status == 201, (status, payload)


def scenario_down():
    server_env()
    url, client = setup("notifications_down")
    server = Server(url, "down").start()
    receiver = Receiver().start()
    try:
        subscription = subscribe(client, server.base, receiver)
        dossier = open_dossier(client, server.base, "down")["id"]
        receiver.wait_for(lambda es: len(es) >= 1)
        receiver.stop()
        kamerstukken(client, server.base, dossier, 15, "40000")
        deadline = time.time() + 30
        while True:
            status, payload, _ = client.call(server.base, "GET", f"/v1/abonnementen/{subscription}")
            assert status == 200, (status, payload)
            if payload["staat"]["mislukkingen"] >= 2 or time.time() > deadline:
                break
            time.sleep(0.2)
        staat = payload["staat"]
        assert staat["mislukkingen"] >= 2 and staat["wachtend"] == 15 and staat["volgendePoging"] and staat["laatsteFout"], payload
        receiver.start()
        events = receiver.wait_for(lambda es: len(es) >= 16, within=60)
        check_order(events)
        expected = feed_event_ids(client, server.base)
        assert [e["id"] for e in events] == expected, "not every event arrived once, in feed order"
        status, payload, _ = client.call(server.base, "GET", f"/v1/abonnementen/{subscription}/afleveringen?pageSize=1000")
        assert any(p.get("fout") for p in payload["resultaten"]) and sum(p["geslaagd"] for p in payload["resultaten"]) >= 16, payload
    finally:
        receiver.stop()
        server.stop()
    log("down: passed")


def scenario_kill9():
    server_env()
    url, client = setup("notifications_kill9")
    server = Server(url, "kill9n").start()
    receiver = Receiver().start()
    receiver.delay = 0.05
    try:
        subscribe(client, server.base, receiver)
        dossier = open_dossier(client, server.base, "kill9")["id"]
        kamerstukken(client, server.base, dossier, 40, "41000")
        receiver.wait_for(lambda es: len(es) >= 5)
        server.kill9()
        delivered_before = len(receiver.unique())
        server.start()
        kamerstukken(client, server.base, dossier, 5, "41001")
        expected = feed_event_ids(client, server.base)
        events = receiver.wait_for(lambda es: len(es) >= len(expected), within=60)
        assert [e["id"] for e in events] == expected, "an event was lost or reordered across the SIGKILL"
    finally:
        receiver.stop()
        server.stop()
    log(f"kill9: passed ({delivered_before} of {len(expected)} delivered before the kill)")


def scenario_twoservers():
    server_env()
    url, client = setup("notifications_two")
    first, second = Server(url, "firstn").start(), Server(url, "secondn").start()
    receiver = Receiver().start()
    receiver.delay = 0.02
    try:
        subscribe(client, first.base, receiver)
        dossiers = [open_dossier(client, first.base, f"two-{n}")["id"] for n in range(2)]
        threads = [threading.Thread(target=kamerstukken, args=(client, base, dossier, 25, f"4200{i}"))
                   for i, (base, dossier) in enumerate([(first.base, dossiers[0]), (second.base, dossiers[1])])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        expected = feed_event_ids(client, first.base)
        events = receiver.wait_for(lambda es: len(es) >= len(expected), within=60)
        assert [e["id"] for e in events] == expected, "an event was skipped or reordered with two instances"
        assert not receiver.overlaps, f"delivered by both instances at once: {receiver.overlaps[:3]}"
        check_order(events)
    finally:
        receiver.stop()
        first.stop()
        second.stop()
    log(f"twoservers: passed ({len(receiver.received) - len(expected)} repeated deliveries)")


SCENARIOS = {"done": scenario_done, "down": scenario_down, "kill9": scenario_kill9, "twoservers": scenario_twoservers}

if __name__ == "__main__":
    for name in sys.argv[1:] or SCENARIOS:
        SCENARIOS[name]()
    print("notifications: 4 passed, 0 failed" if not sys.argv[1:] else "notifications: done")
