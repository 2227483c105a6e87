"""What the process tests share for webhooks and the global feed: a receiver that checks every
Standard Webhooks signature and records what arrived, a subscription through the API, and the feed
read page by page."""
import base64
import hashlib
import hmac
import http.server
import json
import threading
import time

from faults import free_port, new_dossier_body


class Receiver:
    """A webhook receiver on a fixed port that can be stopped and started again."""

    def __init__(self, secret=None, port=None):
        self.secret = secret
        self.lock = threading.Lock()
        self.received = []  # (webhook-id, cloud event, arrival time)
        self.in_flight = {}
        self.overlaps = []
        self.bad_signatures = 0
        self.delay = 0.0
        self.server = None
        self.port = port or free_port()

    def start(self):
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                webhook_id = self.headers.get("webhook-id", "")
                with receiver.lock:
                    if receiver.in_flight.get(webhook_id):
                        receiver.overlaps.append(webhook_id)
                    receiver.in_flight[webhook_id] = receiver.in_flight.get(webhook_id, 0) + 1
                try:
                    if receiver.delay:
                        time.sleep(receiver.delay)
                    ok = receiver.verify(self.headers, body)
                    with receiver.lock:
                        if ok:
                            receiver.received.append((webhook_id, json.loads(body), time.time()))
                        else:
                            receiver.bad_signatures += 1
                    self.send_response(204 if ok else 401)
                    self.end_headers()
                finally:
                    with receiver.lock:
                        receiver.in_flight[webhook_id] -= 1

            def log_message(self, *args):
                pass

        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def verify(self, headers, body):
        if self.secret is None:
            return True
        webhook_id, timestamp, signature = headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature", "")
        if not webhook_id or not timestamp or abs(time.time() - int(timestamp)) > 300:
            return False
        key = base64.b64decode(self.secret[len("whsec_"):])
        expected = base64.b64encode(hmac.new(key, f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
        return any(part.startswith("v1,") and hmac.compare_digest(part[3:], expected) for part in signature.split(" "))

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/webhook"

    def unique(self):
        """The events in first-arrival order, each event id once."""
        seen, result = set(), []
        with self.lock:
            for webhook_id, event, _ in self.received:
                if webhook_id not in seen:
                    seen.add(webhook_id)
                    result.append(event)
        return result

    def wait_for(self, predicate, within=30, what="deliveries"):
        deadline = time.time() + within
        while time.time() < deadline:
            if predicate(self.unique()):
                return self.unique()
            time.sleep(0.05)
        raise AssertionError(f"receiver: {what} did not arrive within {within} s; got {len(self.unique())}")


def subscribe(client, base, receiver, **extra):
    status, payload, headers = client.call(base, "POST", "/v1/abonnementen", {"callbackUrl": receiver.url, **extra})
    assert status == 201, (status, payload)
    assert payload["secret"].startswith("whsec_") and headers.get("Location") == f"/v1/abonnementen/{payload['id']}", payload
    receiver.secret = payload["secret"]
    return payload["id"]


def open_dossier(client, base, n):
    status, payload, _ = client.call(base, "POST", "/v1/dossiers", new_dossier_body(n))
    assert status == 201, (status, payload)
    return payload


def feed_event_ids(client, base):
    ids, cursor = [], None
    while True:
        status, payload, _ = client.call(base, "GET", "/v1/gebeurtenissen?limit=1000" + (f"&na={cursor}" if cursor else ""))
        assert status == 200, (status, payload)
        ids += [e["gebeurtenisId"] for e in payload["gebeurtenissen"]]
        if not payload["gebeurtenissen"]:
            return ids
        cursor = payload["volgende"]


def check_order(events):
    sequences = [e["sequence"] for e in events]
    if sequences != sorted(sequences):
        raise AssertionError("deliveries out of feed order")
