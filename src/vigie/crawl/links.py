"""Links: canonical URLs, and the article links of a feed or a listing page."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml.etree import ParserError

from vigie.crawl.sources import Site

# Query parameters that only track the reader: "?utm_source=facebook", "&fbclid=…"
TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|amp|share)$")


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, fragment or tracking.

    >>> canonical_url("HTTPS://WWW.Essor.ml:443/kidal-un-camp-attaque/?utm_source=fb&p=2#commentaires")
    'https://www.essor.ml/kidal-un-camp-attaque/?p=2'
    >>> canonical_url("http://[::1]:8000/mopti-la-crue-du-bani/")
    'http://[::1]:8000/mopti-la-crue-du-bani/'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal: "http://[::1]:8000/"
    default = {"http": 80, "https": 443}.get(scheme)
    netloc = host if parts.port in (None, default) else f"{host}:{parts.port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)]
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def listing_links(body: bytes, base: str, site: Site) -> list[str]:
    """The article links of a listing page, in page order, once each.

    >>> page = b'<a href="/kidal-un-camp-attaque-hier/">K</a><a href="/contact/">C</a><a href="https://x.com/a-b-c-d/">X</a>'
    >>> from vigie.crawl.sources import read_sources_text
    >>> site = read_sources_text('[[source]]\\nname = "e"\\nlistings = ["https://www.essor.ml/"]').sites[0]
    >>> listing_links(page, "https://www.essor.ml/", site)
    ['https://www.essor.ml/kidal-un-camp-attaque-hier/']
    """
    try:
        root = lxml.html.fromstring(body)
    except (ParserError, ValueError):
        return []
    found: dict[str, None] = {}
    for href in root.xpath("//a/@href"):
        url = canonical_url(urljoin(base, str(href)))
        if urlsplit(url).scheme in ("http", "https") and site.allows(url) and site.link_pattern.search(url):
            found.setdefault(url, None)
    return list(found)


def feed_article_links(links: list[str], site: Site) -> list[str]:
    """A feed's entry links, canonical, on the site's domains, once each."""
    found: dict[str, None] = {}
    for link in links:
        url = canonical_url(link)
        if site.allows(url):
            found.setdefault(url, None)
    return list(found)
