"""A real HTTP server in the test process playing the SMS/WhatsApp gateway: it records every
request (path, headers, JSON body) and answers with the statuses it is told to, in turn."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class GatewayServer:
    """http.server in a thread on 127.0.0.1; `answers` are the statuses of the next requests
    (then 200), `delay` seconds are waited before each answer."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.answers: list[int] = []
        self.delay = 0.0
        self.lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with gateway.lock:
                    gateway.received.append({"path": self.path, "headers": dict(self.headers),
                                             "json": json.loads(body or b"null")})
                    status = gateway.answers.pop(0) if gateway.answers else 200
                time.sleep(gateway.delay)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}' if status == 200 else b'{"error": "down"}')

            def log_message(self, *args) -> None:  # keep the test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/send"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def bodies(self) -> list[dict]:
        """The JSON bodies received so far."""
        with self.lock:
            return [r["json"] for r in self.received]
