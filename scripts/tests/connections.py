"""HTTP connection hygiene against a real server (run by connections.sh): 2,000 idle connections
and 500 slowloris connections (a request head one byte at a time) at once do not keep a normal
client from being served within a second; both kinds are closed by the server once the idle
timeout (TOEDELING_HTTP_IDLE_TIMEOUT, 3 s here) has passed without a complete request head; and
beyond TOEDELING_HTTP_MAX_CONNECTIONS a new client waits for a free slot instead of being refused.
"""

import os
import resource
import socket
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from faults import Server, setup  # noqa: E402

IDLE, SLOW = 2000, 500


def log(message):
    print(f"connections: {message}", file=sys.stderr, flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def served_within(base, seconds, path="/health"):
    started = time.time()
    with urllib.request.urlopen(base + path, timeout=30) as response:
        check(response.status == 200, f"GET {path}: {response.status}")
    return time.time() - started


def closed_by_server(sock):
    sock.settimeout(0.5)
    try:
        return sock.recv(1) == b""
    except (socket.timeout, BlockingIOError):
        return False
    except OSError:
        return True


def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    url, _ = setup("connections")
    os.environ["TOEDELING_HTTP_IDLE_TIMEOUT"] = "3s"
    server = Server(url, "connections").start()
    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(IDLE)]
    slow = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(SLOW)]
    head = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Langzaam: " + b"a" * 200
    stop = threading.Event()

    def trickle():
        for n in range(len(head)):
            if stop.is_set():
                return
            for sock in slow:
                try:
                    sock.send(head[n:n + 1])
                except OSError:
                    pass
            time.sleep(0.2)

    threading.Thread(target=trickle, daemon=True).start()
    time.sleep(0.5)
    waits = [served_within(server.base, 1) for _ in range(10)]
    check(max(waits) < 1.0, f"a normal client waited {max(waits):.2f} s beside {IDLE} idle and {SLOW} slowloris connections")
    log(f"beside {IDLE} idle and {SLOW} slowloris connections a normal client was served in at most {max(waits) * 1000:.0f} ms")
    time.sleep(4.5)
    idle_closed = sum(closed_by_server(s) for s in idle)
    slow_closed = sum(closed_by_server(s) for s in slow)
    stop.set()
    check(idle_closed == IDLE, f"{IDLE - idle_closed} idle connections still open after the idle timeout")
    check(slow_closed == SLOW, f"{SLOW - slow_closed} slowloris connections still open after the idle timeout")
    log(f"after the idle timeout the server had closed all {IDLE} idle and {SLOW} slowloris connections")
    for s in idle + slow:
        s.close()
    check(served_within(server.base, 1) < 1.0, "after the storm a normal client is not served at once")
    server.process.terminate()
    server.process.wait(timeout=30)

    # The connection limit: a client beyond it waits for a slot (an idle one timing out).
    os.environ["TOEDELING_HTTP_MAX_CONNECTIONS"] = "32"
    limited = Server(url, "connections-limit").start()
    held = [socket.create_connection(("127.0.0.1", limited.port)) for _ in range(40)]
    waited = served_within(limited.base, 10)
    check(1.0 < waited < 8.0, f"beyond the limit a client was served after {waited:.2f} s (expected after the idle timeout)")
    log(f"beyond a limit of 32 connections a new client waited {waited:.1f} s for an idle one to time out, then was served")
    for s in held:
        s.close()
    limited.process.terminate()
    limited.process.wait(timeout=30)
    log("passed")


if __name__ == "__main__":
    main()
