"""robots.txt: one parsed robots.txt per origin, asked before each page (RFC 9309).

A robots.txt that is missing (4xx) allows everything; one that cannot be fetched (5xx, network
error) forbids the whole host for this crawl, as the RFC asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

ROBOTS_MAX_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB


@dataclass(frozen=True, slots=True)
class Robots:
    """The rules of one origin for our User-Agent."""

    parser: RobotFileParser | None  # None: no rules, everything allowed
    forbid_all: bool = False

    @classmethod
    def from_response(cls, status: int, body: bytes) -> Robots:
        """Rules from the status and body of GET /robots.txt.

        >>> rules = Robots.from_response(200, b"User-agent: *\\nDisallow: /prive/\\nCrawl-delay: 3\\n")
        >>> rules.allows("https://www.essor.ml/prive/a", "Vigie"), rules.allows("https://www.essor.ml/a", "Vigie")
        (False, True)
        >>> rules.delay("Vigie")
        3.0
        """
        if status >= 500:
            return cls(None, forbid_all=True)
        if status >= 400:
            return cls(None)
        parser = RobotFileParser()
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return cls(parser)

    def allows(self, url: str, agent: str) -> bool:
        if self.forbid_all:
            return False
        return self.parser is None or self.parser.can_fetch(agent, url)

    def delay(self, agent: str) -> float | None:
        """The Crawl-delay the site asks of us, if any."""
        if self.parser is None:
            return None
        value = self.parser.crawl_delay(agent)
        return float(value) if value is not None else None


def robots_url(url: str) -> str:
    """The robots.txt of a URL's origin.

    >>> robots_url("https://www.essor.ml:443/securite/kidal?p=2")
    'https://www.essor.ml:443/robots.txt'
    """
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"
