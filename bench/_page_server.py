"""A loopback HTTP/1.1 server (keep-alive) that answers every GET with one fixed JSON body.

    python bench/_page_server.py BODY.json [--lifetime SECONDS]

Prints the port it listens on (127.0.0.1, chosen by the OS) as its first line, then serves
until killed or until its lifetime runs out, so a crashed benchmark never leaves it behind.
It runs in its own process so that serving does not compete with the client for the GIL.
"""

from __future__ import annotations

import argparse
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def handler_for(body: bytes, content_type: str) -> type[BaseHTTPRequestHandler]:
    class FixedPage(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a real API server would
        # Headers and body go out in two writes: with Nagle's algorithm on, the body waits for
        # the client's delayed ACK (~40 ms), which would swamp everything measured.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # thousands of requests: logging them would be what we measure

    return FixedPage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("body", type=Path)
    parser.add_argument("--content-type", default="application/json")
    parser.add_argument("--lifetime", type=float, default=900.0)
    options = parser.parse_args()
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), handler_for(options.body.read_bytes(), options.content_type)
    )
    server.daemon_threads = True
    threading.Timer(options.lifetime, server.shutdown).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()
    sys.exit(0)


if __name__ == "__main__":
    main()
