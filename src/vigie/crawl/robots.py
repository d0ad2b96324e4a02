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
    asked_delays: tuple[tuple[str, float], ...] = ()  # (user-agent, Crawl-delay), decimals kept

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
        lines = body.decode("utf-8", errors="replace").splitlines()
        parser = RobotFileParser()
        parser.parse(lines)
        return cls(parser, asked_delays=_crawl_delays(lines))

    def allows(self, url: str, agent: str) -> bool:
        if self.forbid_all:
            return False
        return self.parser is None or self.parser.can_fetch(agent, url)

    def delay(self, agent: str) -> float | None:
        """The Crawl-delay the site asks of us, if any: in our group, else in the "*" group.

        >>> Robots.from_response(200, b"User-agent: *\\nCrawl-delay: 0.5\\n").delay("Vigie/0.1")
        0.5
        """
        token = agent.split("/", 1)[0].lower()
        mine = [delay for name, delay in self.asked_delays if name != "*" and name in token]
        anyone = [delay for name, delay in self.asked_delays if name == "*"]
        asked = mine or anyone
        return asked[0] if asked else None


def _crawl_delays(lines: list[str]) -> tuple[tuple[str, float], ...]:
    """(user-agent, delay) of each Crawl-delay line, decimals included (urllib's parser takes whole seconds).

    >>> _crawl_delays(["User-agent: Vigie", "User-agent: Other", "Crawl-delay: 2.5", "", "User-agent: *", "Crawl-delay: 1"])
    (('vigie', 2.5), ('other', 2.5), ('*', 1.0))
    """
    found: list[tuple[str, float]] = []
    agents: list[str] = []
    in_rules = False
    for line in lines:
        key, _, value = line.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        elif key:
            in_rules = True
            if key == "crawl-delay":
                try:
                    found += [(agent, float(value)) for agent in agents]
                except ValueError:
                    pass
    return tuple(found)


def robots_url(url: str) -> str:
    """The robots.txt of a URL's origin.

    >>> robots_url("https://www.essor.ml:443/securite/kidal?p=2")
    'https://www.essor.ml:443/robots.txt'
    """
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"
