"""Fetch: a URL -> a Response (status, final URL, validators, body), politely and within limits.

Every request goes through the address guard, robots.txt and the throttle; redirects are
followed by hand so that each hop is checked; bodies are streamed and cut at the size limit;
timeouts, 429 and 5xx are retried with exponential backoff (Retry-After is honoured).
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from vigie.crawl.guard import check_url
from vigie.crawl.politeness import Throttle
from vigie.crawl.robots import ROBOTS_MAX_BYTES, Robots, robots_url
from vigie.crawl.sources import Network
from vigie.errors import DocumentError

log = logging.getLogger(__name__)

RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 120.0


@dataclass(frozen=True, slots=True)
class Limits:
    """The crawler's limits, from the settings."""

    connect_timeout: float
    read_timeout: float
    max_bytes: int
    retries: int
    backoff: float
    page_timeout: float = 60.0  # seconds for a whole page, however steadily its bytes come
    max_delay: float = 60.0  # longest Crawl-delay kept: "Crawl-delay: 86400" would stall a crawl for days


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last 200 of a URL said, sent back for a conditional GET."""

    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched URL: 200 with a body, or 304 (not modified) without one."""

    url: str  # after redirects
    status: int
    content_type: str
    validators: Validators
    body: bytes
    fetched: datetime
    location: str = ""  # of a redirect
    retry_after: str = ""  # of a 429 or 503


class Fetcher:
    """An HTTP client that asks robots.txt, keeps to public addresses, throttles and retries."""

    def __init__(
        self,
        new_client: Callable[[], httpx.AsyncClient],
        agent: str,
        limits: Limits,
        throttle: Throttle,
        allowed: Sequence[Network],
    ) -> None:
        # one client (connection pool) per host name: requests go to a checked IP address, and a
        # connection opened with one host's TLS name must not serve another host of the same IP
        self.new_client = new_client
        self.clients: dict[str, httpx.AsyncClient] = {}
        self.agent = agent
        self.limits = limits
        self.throttle = throttle
        self.allowed = tuple(allowed)
        self.robots: dict[str, Robots] = {}
        self.addresses: dict[tuple[str, str, int], str] = {}  # origin -> the checked address
        self.robots_lock = asyncio.Lock()

    async def get(self, url: str, validators: Validators | None = None) -> Response:
        """GET a URL (conditional when validators are given); raise DocumentError with the reason."""
        seen = [url]
        while True:
            try:
                self.addresses[_origin(url)] = await check_url(url, self.allowed)
            except DocumentError as err:
                if len(seen) == 1:
                    raise
                raise DocumentError(f"{seen[0]}: redirected to {err}") from err
            if not (await self._robots(url)).allows(url, self.agent):
                raise DocumentError(f"{url}: refused by robots.txt ({robots_url(url)} disallows it)")
            response = await self._request(url, validators)
            if response.status not in REDIRECTS:
                return response
            target = response.location
            if not target:
                raise DocumentError(f"{url}: redirect ({response.status}) without a Location header")
            url = urljoin(url, target)
            if url in seen:
                raise DocumentError(f"{seen[0]}: redirect loop ({' -> '.join([*seen, url])})")
            seen.append(url)
            if len(seen) > MAX_REDIRECTS + 1:
                raise DocumentError(f"{seen[0]}: more than {MAX_REDIRECTS} redirects; last: {url}")

    async def aclose(self) -> None:
        """Close every host's connections."""
        for client in self.clients.values():
            await client.aclose()
        self.clients.clear()

    async def _robots(self, url: str) -> Robots:
        origin = robots_url(url)
        async with self.robots_lock:
            if origin not in self.robots:
                try:
                    response = await self._request(origin, None, ROBOTS_MAX_BYTES, any_status=True)
                    rules = Robots.from_response(response.status, response.body)
                except DocumentError:
                    rules = Robots(None, forbid_all=True)
                self.robots[origin] = rules
                asked = rules.delay(self.agent)
                if asked is not None and asked > self.limits.max_delay:
                    log.warning(
                        "%s asks Crawl-delay: %g s; kept at %g s between requests (crawl_max_delay: a "
                        "longer delay would stall the crawl for hours)",
                        origin,
                        asked,
                        self.limits.max_delay,
                    )
                    asked = self.limits.max_delay
                if asked is not None:
                    self.throttle.ask_delay((urlsplit(url).hostname or "").lower(), asked)
        return self.robots[origin]

    async def _request(
        self, url: str, validators: Validators | None, max_bytes: int | None = None, any_status: bool = False
    ) -> Response:
        headers = {
            "User-Agent": self.agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
        }
        if validators is not None and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators is not None and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        limit = max_bytes or self.limits.max_bytes
        attempt = 0
        while True:
            try:
                async with self.throttle.turn(url):
                    async with asyncio.timeout(self.limits.page_timeout):
                        response = await self._stream(url, headers, limit)
            except TimeoutError:  # the whole page, not one read: a body that drips a line at a time
                raise DocumentError(
                    f"{url}: took over {self.limits.page_timeout:g} s to download (crawl_page_timeout); "
                    "download stopped"
                ) from None
            except httpx.TimeoutException as err:
                failure = f"{url}: timed out ({type(err).__name__}) after {attempt + 1} attempts"
                wait = None
            except httpx.TransportError as err:
                failure = f"{url}: cannot connect: {err or type(err).__name__} after {attempt + 1} attempts"
                wait = None
            else:
                if response.status not in RETRY_STATUSES or any_status and response.status < 500:
                    break
                failure = f"{url}: HTTP {response.status} after {attempt + 1} attempts"
                wait = _retry_after(response.retry_after)
            if attempt >= self.limits.retries:
                raise DocumentError(failure)
            await asyncio.sleep(wait if wait is not None else self.limits.backoff * 2**attempt)
            attempt += 1
        if any_status or response.status in (200, 304) or response.status in REDIRECTS:
            return response
        raise DocumentError(f"{url}: HTTP {response.status} ({_phrase(response.status)})")

    async def _stream(self, url: str, headers: dict[str, str], limit: int) -> Response:
        target, extensions = url, {}
        address = self.addresses.get(_origin(url))
        if address is not None:
            # connect to the address the guard checked; Host header and TLS name stay the site's
            parts = urlsplit(url)
            host = f"[{address}]" if ":" in address else address
            target = urlunsplit(parts._replace(netloc=f"{host}:{_origin(url)[2]}"))
            headers = {**headers, "Host": parts.netloc.rsplit("@", 1)[-1]}
            if parts.scheme == "https":
                extensions["sni_hostname"] = parts.hostname or ""
        host = (urlsplit(url).hostname or "").lower()
        if host not in self.clients:
            self.clients[host] = self.new_client()
        async with self.clients[host].stream(
            "GET", target, headers=headers, follow_redirects=False, extensions=extensions
        ) as reply:
            declared = reply.headers.get("Content-Length")
            if reply.status_code == 200 and declared and declared.isdigit() and int(declared) > limit:
                raise DocumentError(
                    f"{url}: page is {int(declared) / 1e6:.1f} MB, above the limit of {limit / 1e6:.1f} MB "
                    "(crawl_max_bytes)"
                )
            body = bytearray()
            if reply.status_code == 200:
                async for chunk in reply.aiter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise DocumentError(
                            f"{url}: page is over the limit of {limit / 1e6:.1f} MB (crawl_max_bytes); "
                            "download stopped"
                        )
            return Response(
                url=url,
                status=reply.status_code,
                content_type=reply.headers.get("Content-Type", ""),
                validators=Validators(reply.headers.get("ETag"), reply.headers.get("Last-Modified")),
                body=bytes(body),
                fetched=datetime.now(UTC),
                location=reply.headers.get("Location", ""),
                retry_after=reply.headers.get("Retry-After", ""),
            )


def _origin(url: str) -> tuple[str, str, int]:
    """
    >>> _origin("https://www.essor.ml/a")
    ('https', 'www.essor.ml', 443)
    """
    parts = urlsplit(url)
    return (
        parts.scheme,
        (parts.hostname or "").lower(),
        parts.port or (443 if parts.scheme == "https" else 80),
    )


def _phrase(status: int) -> str:
    """
    >>> _phrase(404), _phrase(599)
    ('Not Found', 'unknown status')
    """
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "unknown status"


def _retry_after(value: str) -> float | None:
    """Seconds asked by a Retry-After header (a number or an HTTP date), capped.

    >>> _retry_after("3"), _retry_after(""), _retry_after("100000")
    (3.0, None, 120.0)
    """
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(max(0.0, (when - datetime.now(UTC)).total_seconds()), MAX_RETRY_AFTER)
