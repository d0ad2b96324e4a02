"""An in-process HTTP server on loopback for the crawler's tests and benchmark.

Routes are set per path: a body and its type, or a status, a redirect, a delay; every answer
is counted by path and status, so that tests can assert what the crawler really downloaded.
ETag and Last-Modified are sent for each 200, and conditional requests get 304.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Tue, 21 May 2024 16:40:00 GMT"
CHUNK = b"<p>" + "Les eaux du Bani montent encore à Mopti. ".encode() * 200 + b"</p>\n"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None
    delay: float = 0.0  # seconds before the headers
    stream_bytes: int = 0  # send this many bytes of paragraphs, without Content-Length
    validators: bool = True  # send ETag and Last-Modified
    fail_first: int = 0  # answer the first requests 503 with "Retry-After: 0"
    declared_length: int = 0  # announce this Content-Length (and send nothing)
    drip: float = 0.0  # send the body one line at a time, this many seconds apart


class Site:
    """The routes and hit counts of one test server."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[tuple[str, int]] = Counter()
        self.lock = threading.Lock()
        self.port = 0
        self.host = "127.0.0.1"
        self.agents: set[str] = set()  # User-Agent headers received
        self.hosts: set[str] = set()  # Host headers received
        self.times: list[float] = []  # when each request arrived (time.monotonic)

    @property
    def base(self) -> str:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{shown}:{self.port}"

    def count(self, path: str, status: int | None = None) -> int:
        with self.lock:
            return sum(n for (p, s), n in self.hits.items() if p == path and (status is None or s == status))

    def count_locked(self, path: str) -> int:
        return sum(n for (p, _), n in self.hits.items() if p == path)

    def downloads(self) -> Counter[str]:
        """Paths answered with a body (200), and how often."""
        with self.lock:
            return Counter({p: n for (p, s), n in self.hits.items() if s == 200})

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()
            self.times.clear()
            self.agents.clear()
            self.hosts.clear()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            arrived = time.monotonic()
            path = self.path.split("?", 1)[0]
            route = site.routes.get(path, Route(b"Introuvable", "text/plain", 404))
            if route.delay:
                time.sleep(route.delay)
            etag = f'"{hashlib.sha1(route.body).hexdigest()[:16]}"'
            status = route.status
            if status == 200 and route.validators and self.headers.get("If-None-Match") == etag:
                status = 304
            with site.lock:
                if route.fail_first and site.count_locked(path) < route.fail_first:
                    status = 503
                site.hits[(path, status)] += 1
                site.times.append(arrived)
                site.agents.add(self.headers.get("User-Agent", ""))
                site.hosts.add(self.headers.get("Host", ""))
            self.send_response(status)
            if status in (200, 304) and route.validators:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
            if route.location:
                self.send_header("Location", route.location)
            if status == 503:
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if status == 304:
                self.end_headers()
                return
            self.send_header("Content-Type", route.content_type)
            if route.stream_bytes:
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    sent = 0
                    while sent < route.stream_bytes:
                        self.wfile.write(CHUNK)
                        sent += len(CHUNK)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            self.send_header("Content-Length", str(route.declared_length or len(route.body)))
            self.end_headers()
            try:
                if route.drip:
                    for line in route.body.splitlines(keepends=True):
                        self.wfile.write(line)
                        self.wfile.flush()
                        time.sleep(route.drip)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


@contextmanager
def serve(site: Site, host: str = "127.0.0.1") -> Iterator[Site]:
    """Run the site on 127.0.0.1 (a free port), or on another loopback address, in a background thread."""
    server = (IPv6Server if ":" in host else ThreadingHTTPServer)((host, 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    site.host = host
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
