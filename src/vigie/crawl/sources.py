"""Crawl sources: a TOML sources file -> the sites to crawl and the networks the crawler may reach.

```toml
allow_addresses = []            # private, link-local or loopback networks allowed ("127.0.0.0/8")

[[source]]
name = "essor"
feeds = ["https://www.essor.ml/feed/"]
listings = ["https://www.essor.ml/category/securite/"]
allowed_domains = ["essor.ml"]  # default: the hosts of the feeds and listings
link_pattern = "[^/]+-[^/]+-[^/]+-[^/]+/?$"  # which listing links are articles (regex on the URL)
poll_interval = 900             # seconds between two visits by `vigie watch`
delay = 2.0                     # seconds between two requests to the host (default: crawl_delay)
```
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from vigie.errors import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# An article's address ends in a slug of four words or more: "/mopti-la-crue-du-bani/"
ARTICLE_LINK = r"[^/?#]+-[^/?#]+-[^/?#]+-[^/?#]+(?:\.html?)?/?$"
DEFAULT_POLL = 900.0
KEYS = {"name", "feeds", "listings", "allowed_domains", "link_pattern", "poll_interval", "delay"}


@dataclass(frozen=True, slots=True)
class Site:
    """One source of the sources file: where to find new articles, and how often."""

    name: str
    feeds: tuple[str, ...]
    listings: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    link_pattern: re.Pattern[str]
    poll_interval: float
    delay: float | None

    def allows(self, url: str) -> bool:
        """Whether a URL's host is one of the site's domains or under one.

        >>> site = read_sources_text('[[source]]\\nname = "essor"\\nfeeds = ["https://www.essor.ml/feed/"]').sites[0]
        >>> site.allows("https://www.essor.ml/a-b-c-d/"), site.allows("https://essor.ml.evil.com/")
        (True, False)
        """
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        return any(host == domain or host.endswith(f".{domain}") for domain in self.allowed_domains)


@dataclass(frozen=True, slots=True)
class Sources:
    """A whole sources file."""

    sites: tuple[Site, ...]
    allow_addresses: tuple[Network, ...]


def read_sources(path: Path) -> Sources:
    """Read and check a sources file; raise ConfigError naming the file and the fix."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"cannot read sources file {path}: {err.strerror or err}") from err
    return read_sources_text(text, str(path))


def read_sources_text(text: str, where: str = "sources file") -> Sources:
    """Parse the TOML text of a sources file."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{where} is not valid TOML: {err}") from err
    entries = table.get("source")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f'{where} lists no source; add one: [[source]] name = "…" feeds = ["https://…"]')
    allowed = tuple(_network(value, where) for value in _strings(table, "allow_addresses", where))
    sites = tuple(_site(entry, where) for entry in entries)
    names = [site.name for site in sites]
    if len(set(names)) != len(names):
        raise ConfigError(f"{where}: two sources have the same name; give each a unique name")
    return Sources(sites, allowed)


def _site(entry: object, where: str) -> Site:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise ConfigError(f'{where}: every [[source]] needs a name = "…"')
    name = entry["name"].strip()
    here = f"{where}, source {name!r}"
    unknown = set(entry) - KEYS
    if unknown:
        raise ConfigError(
            f"{here}: unknown key {sorted(unknown)[0]!r}; known keys: {', '.join(sorted(KEYS))}"
        )
    feeds = _strings(entry, "feeds", here)
    listings = _strings(entry, "listings", here)
    if not feeds and not listings:
        raise ConfigError(f'{here} has no feeds and no listings; add feeds = ["https://…/feed/"]')
    for url in feeds + listings:
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise ConfigError(f"{here}: {url!r} is not an http or https URL")
    domains = _strings(entry, "allowed_domains", here) or tuple(
        sorted({(urlsplit(url).hostname or "").removeprefix("www.") for url in feeds + listings})
    )
    pattern = entry.get("link_pattern", ARTICLE_LINK)
    try:
        compiled = re.compile(str(pattern))
    except re.error as err:
        raise ConfigError(f"{here}: link_pattern is not a regular expression: {err}") from err
    return Site(
        name=name,
        feeds=feeds,
        listings=listings,
        allowed_domains=tuple(domain.lower().strip(".") for domain in domains),
        link_pattern=compiled,
        poll_interval=_number(entry, "poll_interval", here, DEFAULT_POLL) or DEFAULT_POLL,
        delay=_number(entry, "delay", here, None),
    )


def _strings(table: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{where}: {key} must be a list of strings, like {key} = ["…"]')
    return tuple(value)


def _number(table: dict[str, object], key: str, where: str, default: float | None) -> float | None:
    value = table.get(key, default)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"{where}: {key} must be a number of seconds, 0 or more")
    return float(value)


def _network(value: str, where: str) -> Network:
    try:
        return ipaddress.ip_network(value, strict=False)
    except ValueError as err:
        raise ConfigError(
            f"{where}: allow_addresses: {value!r} is not an address or network ({err})"
        ) from err
