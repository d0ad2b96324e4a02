"""A loopback news site for the crawler: a feed, article pages, and every way a page can go wrong."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.crawl.server import Route, Site, serve
from vigie.crawl.sources import Sources, read_sources_text
from vigie.settings import Settings

HTML = FIXTURES / "html"
ARTICLES = {
    "/mopti-la-crue-tardive-du-bani/": "essor-2024-03-12-mopti-bani.html",
    "/kayes-campagne-de-vaccination-rougeole/": "essor-2024-05-21-kayes-vaccination.html",
    "/gao-un-convoi-de-commercants-attaque/": "journaldumali-2024-02-08-gao-convoi.html",
    "/tombouctou-les-candidats-au-def/": "studiotamani-2024-07-09-def-tombouctou.html",
}
TROUBLE = [
    "/prive/note-interne-de-la-redaction/",
    "/page-lente-qui-ne-repond-pas/",
    "/page-de-cinquante-mega-octets/",
    "/article-supprime-de-la-une/",
    "/boucle-de-redirection-a/",
    "/rapport-annuel-de-la-mission.pdf",
    "/vers-les-metadonnees-du-serveur/",
]
SETTINGS = Settings(
    extract=False,
    crawl_contact="tests@vigie.invalid",
    crawl_delay=0.0,
    crawl_read_timeout=0.5,
    crawl_connect_timeout=2.0,
    crawl_retries=1,
    crawl_backoff=0.01,
    crawl_max_bytes=2_000_000,
)


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Article {n}</title><link>{base}{path}</link>"
        f"<pubDate>Tue, 21 May 2024 16:{n:02d}:00 +0000</pubDate></item>"
        for n, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>L\'Essor</title>'
        f"<link>{base}/</link>{items}"
        "<item><title>Ailleurs</title><link>https://www.autre-site.ml/hors-du-domaine-du-site/</link></item>"
        "</channel></rss>"
    ).encode()


def build(site: Site) -> None:
    base = site.base
    routes = site.routes
    routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /prive/\n", "text/plain")
    for path, name in ARTICLES.items():
        routes[path] = Route((HTML / name).read_bytes())
    feed_paths = [p for p in ARTICLES if "tombouctou" not in p] + TROUBLE
    routes["/feed/"] = Route(rss(base, feed_paths), "application/rss+xml; charset=utf-8")
    routes["/securite/"] = Route(
        b'<html><body><nav><a href="/contact/">Contact</a></nav><ul>'
        b'<li><a href="/tombouctou-les-candidats-au-def/">Tombouctou : les candidats au DEF</a></li>'
        b'<li><a href="/mopti-la-crue-tardive-du-bani/#commentaires">Mopti : la crue du Bani</a></li>'
        b"</ul></body></html>"
    )
    routes["/prive/note-interne-de-la-redaction/"] = Route(
        (HTML / ARTICLES["/gao-un-convoi-de-commercants-attaque/"]).read_bytes()
    )
    routes["/page-lente-qui-ne-repond-pas/"] = Route(b"<html><body><p>Lent</p></body></html>", delay=2.0)
    routes["/page-de-cinquante-mega-octets/"] = Route(stream_bytes=50_000_000)
    routes["/boucle-de-redirection-a/"] = Route(status=302, location="/boucle-de-redirection-b/")
    routes["/boucle-de-redirection-b/"] = Route(status=302, location=f"{base}/boucle-de-redirection-a/")
    routes["/rapport-annuel-de-la-mission.pdf"] = Route(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf")
    routes["/vers-les-metadonnees-du-serveur/"] = Route(
        status=302, location="http://169.254.169.254/latest/meta-data/"
    )
    routes["/bombe.xml"] = Route(
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<rss><channel><item><title>&b;</title><link>http://127.0.0.1/x-y-z-w/</link></item></channel></rss>",
        "application/rss+xml",
    )


def sources_text(base: str, allow: bool = True) -> str:
    allow_line = 'allow_addresses = ["127.0.0.1/32"]\n' if allow else ""
    return (
        f"{allow_line}\n"
        f'[[source]]\nname = "essor-local"\nfeeds = ["{base}/feed/"]\nlistings = ["{base}/securite/"]\n'
        f"poll_interval = 60\n\n"
        f'[[source]]\nname = "bombe"\nfeeds = ["{base}/bombe.xml"]\n'
    )


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as running:
        build(running)
        yield running


@pytest.fixture
def sources(site: Site) -> Sources:
    return read_sources_text(sources_text(site.base), "sources.toml")


@pytest.fixture
def sources_file(site: Site, tmp_path: Path) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(sources_text(site.base), encoding="utf-8")
    return path
