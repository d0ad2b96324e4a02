"""Politeness: one request at a time per host, a pause between two, and a cap on all requests in flight."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit


class Throttle:
    """Waits so that each host gets at most one request at a time, `delay` seconds apart."""

    def __init__(self, concurrency: int, delay: float) -> None:
        self.slots = asyncio.Semaphore(max(1, concurrency))
        self.delay = delay
        self.delays: dict[str, float] = {}  # per host, when the site or its robots.txt asks more
        self.locks: dict[str, asyncio.Lock] = {}
        self.next_time: dict[str, float] = {}

    def ask_delay(self, host: str, delay: float) -> None:
        """A Crawl-delay from robots.txt: the pause grows, never shrinks, and counts from now."""
        self.delays[host] = max(self.delays.get(host, self.delay), delay)
        self.next_time[host] = max(self.next_time.get(host, 0.0), time.monotonic() + self.delays[host])

    def use_delay(self, url: str, delay: float | None) -> None:
        """The sources file's delay for a site's host, unless robots.txt asked more already."""
        host = (urlsplit(url).hostname or "").lower()
        if delay is not None and host not in self.delays:
            self.delays[host] = delay

    @asynccontextmanager
    async def turn(self, url: str) -> AsyncIterator[None]:
        """Hold the host's turn (and one global slot) for one request."""
        host = (urlsplit(url).hostname or "").lower()
        lock = self.locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self.next_time.get(host, 0.0) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            async with self.slots:
                try:
                    yield
                finally:
                    self.next_time[host] = time.monotonic() + self.delays.get(host, self.delay)
