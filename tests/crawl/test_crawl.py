"""The crawler against a loopback site: what is stored, what is refused and why (issue 6)."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any

import feedparser
import pytest
from click.testing import CliRunner

from tests.conftest import FIXTURES
from tests.crawl.conftest import ARTICLES, SETTINGS, sources_text
from tests.crawl.server import Route, Site, serve
from vigie.cli import cli
from vigie.crawl import crawl, watch
from vigie.crawl.sources import Sources, read_sources_text
from vigie.errors import ConfigError
from vigie.records import Skip
from vigie.settings import Settings
from vigie.store import Store


def reasons(failed: list[Skip]) -> dict[str, str]:
    return {skip.source: skip.reason for skip in failed}


def test_crawl_stores_the_articles_and_refuses_the_rest(site: Site, sources: Sources, store: Store) -> None:
    report = crawl(sources, store, SETTINGS)
    base = site.base
    assert report.new == 4
    assert store.counts() == {"documents": 4, "articles": 4, "teasers": 0}
    stored = {item.source: item.article for item in store.articles()}
    assert sorted(stored) == sorted(f"{base}{path}" for path in ARTICLES)
    mopti = stored[f"{base}/mopti-la-crue-tardive-du-bani/"]
    assert mopti.title == "Mopti : la crue tardive du Bani menace les cultures de contre-saison"
    assert mopti.author == "Oumar DIAKITÉ"
    assert mopti.body.startswith("Les eaux du Bani ont atteint la semaine dernière un niveau inhabituel")
    assert reasons(report.failed) == {
        f"{base}/prive/note-interne-de-la-redaction/": f"{base}/prive/note-interne-de-la-redaction/: refused by robots.txt ({base}/robots.txt disallows it)",
        f"{base}/page-lente-qui-ne-repond-pas/": f"{base}/page-lente-qui-ne-repond-pas/: timed out (ReadTimeout) after 2 attempts",
        f"{base}/page-de-cinquante-mega-octets/": f"{base}/page-de-cinquante-mega-octets/: page is over the limit of 2.0 MB (crawl_max_bytes); download stopped",
        f"{base}/article-supprime-de-la-une/": f"{base}/article-supprime-de-la-une/: HTTP 404 (Not Found)",
        f"{base}/boucle-de-redirection-a/": f"{base}/boucle-de-redirection-a/: redirect loop ({base}/boucle-de-redirection-a/ -> {base}/boucle-de-redirection-b/ -> {base}/boucle-de-redirection-a/)",
        f"{base}/rapport-annuel-de-la-mission.pdf": f"{base}/rapport-annuel-de-la-mission.pdf: not an HTML page (Content-Type application/pdf); passed over",
        f"{base}/vers-les-metadonnees-du-serveur/": f"{base}/vers-les-metadonnees-du-serveur/: redirected to http://169.254.169.254/latest/meta-data/: refused: 169.254.169.254 resolves to 169.254.169.254, a private, loopback or link-local address; allow it with allow_addresses in the sources file if it is meant",
        f"{base}/bombe.xml": f"{base}/bombe.xml: feed refused: it declares XML entities (EntitiesForbidden), as an entity bomb does; ask the publisher for a plain RSS or Atom feed",
    }  # fmt: skip
    assert site.count("/prive/note-interne-de-la-redaction/") == 0  # robots.txt is asked first
    assert site.count("/robots.txt") == 1
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT format, url FROM documents ORDER BY url").all()
    assert {row[0] for row in rows} == {"html"}


def test_second_crawl_downloads_nothing_unchanged_and_a_changed_page_replaces_its_text(
    site: Site, sources: Sources, store: Store
) -> None:
    crawl(sources, store, SETTINGS)
    site.reset()
    again = crawl(sources, store, SETTINGS)
    # the listing answers 304: its links are not visited again; the feed, whose other links
    # failed, is read again and its stored articles (and the PDF passed over) answer 304
    assert (again.new, again.unchanged, again.not_modified) == (0, 0, 5)
    assert site.count("/rapport-annuel-de-la-mission.pdf", 200) == 0
    assert site.count("/securite/", 304) == 1
    assert site.count("/tombouctou-les-candidats-au-def/") == 0
    for path in ARTICLES:
        assert site.count(path, 200) == 0
    assert site.count("/mopti-la-crue-tardive-du-bani/", 304) == 1
    page = site.routes["/mopti-la-crue-tardive-du-bani/"]
    page.body = page.body.replace(b"pr\xc3\xa8s de 340 hectares", b"pr\xc3\xa8s de 410 hectares")
    site.reset()
    third = crawl(sources, store, SETTINGS)
    assert third.new == 1
    assert site.count("/mopti-la-crue-tardive-du-bani/", 200) == 1
    assert store.counts()["documents"] == 4
    [mopti] = [i.article for i in store.articles() if i.source.endswith("/mopti-la-crue-tardive-du-bani/")]
    assert "près de 410 hectares" in mopti.body


def test_crash_mid_crawl_resumes_without_duplicates(site: Site, sources: Sources, store: Store) -> None:
    saved: list[str] = []

    def crash_after_two_articles(url: str) -> None:
        if any(url.endswith(path) for path in ARTICLES):
            saved.append(url)
        if len(saved) == 2:
            raise KeyboardInterrupt  # Ctrl-C while other pages are in flight

    with pytest.raises(KeyboardInterrupt):
        crawl(sources, store, SETTINGS, on_page=crash_after_two_articles)
    assert store.counts()["documents"] == 2
    resumed = crawl(sources, store, SETTINGS)
    assert resumed.new == 2  # the two stored articles answer 304
    assert store.counts() == {"documents": 4, "articles": 4, "teasers": 0}
    assert sorted(i.source for i in store.articles()) == sorted(f"{site.base}{path}" for path in ARTICLES)


def test_loopback_is_refused_unless_the_sources_file_allows_it(site: Site, store: Store) -> None:
    closed = read_sources_text(sources_text(site.base, allow=False).replace("127.0.0.1", "localhost"))
    report = crawl(closed, store, SETTINGS)
    assert report.new == 0
    first = report.failed[0].reason
    assert first.startswith(f"http://localhost:{site.port}/feed/: refused: localhost resolves to ")
    assert first.endswith("allow it with allow_addresses in the sources file if it is meant")
    assert site.count("/feed/") == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[source]]\nname = "a"\nfeeds = ["file:///etc/passwd"]', "'file:///etc/passwd' is not an http or https URL"),
        ('[[source]]\nname = "a"\nfeeds = ["ftp://www.essor.ml/"]', "is not an http or https URL"),
        ('[[source]]\nname = "a"', "has no feeds and no listings"),
        ('allow_addresses = ["réseau"]\n[[source]]\nname = "a"\nfeeds = ["https://a.ml/"]', "is not an address or network"),
        ("", "lists no source"),
    ],
)  # fmt: skip
def test_bad_sources_files_are_named(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace("?", r"\?")):
        read_sources_text(text, "sources.toml")


def test_the_crawler_needs_a_contact(sources: Sources, store: Store) -> None:
    with pytest.raises(ConfigError, match="Set one: --setting crawl_contact you@example.org"):
        crawl(sources, store, replace(SETTINGS, crawl_contact=""))


def test_watch_logs_one_line_per_cycle(site: Site, sources: Sources, store: Store) -> None:
    lines: list[str] = []
    pauses: list[float] = []
    watch(sources, store, SETTINGS, lambda line, report: lines.append(line), cycles=2, sleep=pauses.append)
    assert len(lines) == 2
    assert lines[0].endswith("cycle 1: 8 fetched, 4 new, 8 failed (essor-local, bombe)")
    assert "cycle 2:" in lines[1]
    assert len(pauses) == 1 and 0 < pauses[0] <= 60


def test_cli_crawl_prints_failures_and_summary(site: Site, sources_file: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    args = ["--setting", "crawl_contact", "tests@vigie.invalid", "--setting", "extract", "false"]
    args += ["--setting", "crawl_delay", "0", "--setting", "crawl_read_timeout", "0.5"]
    args += ["--setting", "crawl_retries", "0", "--setting", "crawl_max_bytes", "2000000"]
    result = CliRunner().invoke(cli, [*args, "crawl", str(sources_file), "--db", db])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == (
        "8 pages fetched, 0 not modified, 4 new, 0 unchanged, 8 failed; 4 articles, 0 events, 0 interactions"
    )
    assert f"failed: {site.base}/article-supprime-de-la-une/: HTTP 404 (Not Found)" in lines
    watched = CliRunner().invoke(cli, [*args, "watch", str(sources_file), "--db", db, "--cycles", "1"])
    assert watched.exit_code == 0
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ cycle 1: 2 fetched, 0 new, 7 failed \(essor-local, bombe\)",
        watched.stderr.strip(),
    )


def test_cli_crawl_without_contact_says_how_to_set_it(sources_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["crawl", str(sources_file), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the crawler needs a contact for site owners in its User-Agent. "
        "Set one: --setting crawl_contact you@example.org (or crawl_contact in vigie.toml)\n"
    )


def test_retries_after_503_and_identifies_itself(site: Site, store: Store) -> None:
    """A 503 with Retry-After is retried; every request names Vigie and the contact, and goes to
    the address the guard checked with the site's own Host header."""
    site.routes["/bulletin-qui-hoquette-une-fois/"] = Route(
        (FIXTURES / "html" / "maliweb-2024-04-17-sikasso-riz.html").read_bytes(), fail_first=1
    )
    site.routes["/economie/"] = Route(b'<a href="/bulletin-qui-hoquette-une-fois/">Sikasso</a>')
    sources = read_sources_text(
        f'allow_addresses = ["127.0.0.0/8", "::1"]\n[[source]]\nname = "l"\nlistings = ["{site.base}/economie/"]'
    )
    report = crawl(sources, store, SETTINGS)
    assert (report.new, report.failed) == (1, [])
    assert site.count("/bulletin-qui-hoquette-une-fois/", 503) == 1
    assert site.count("/bulletin-qui-hoquette-une-fois/", 200) == 1
    version = metadata.version("vigie")
    assert site.agents == {f"Vigie/{version} (+mailto:tests@vigie.invalid; news research crawler)"}
    assert site.hosts == {f"127.0.0.1:{site.port}"}


@pytest.mark.slow
def test_crawled_articles_run_through_the_whole_pipeline(site: Site, sources: Sources, store: Store) -> None:
    """NLP and events run on crawled pages; "mercredi" is resolved against the page's own date."""
    report = crawl(sources, store, replace(SETTINGS, extract=True))
    assert report.stored.events >= 1
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT e.event_date, s.sentence FROM events e JOIN event_sources s ON s.event_id = e.id"
        ).all()
    convoy = [row for row in rows if "convoi d'une dizaine de camions" in row[1]]
    assert convoy and str(convoy[0][0]) == "2024-02-07"  # published Thursday 8 Feb 2024


def test_requests_to_a_host_keep_the_crawl_delay_of_robots_txt(site: Site, store: Store) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 0.3\nDisallow: /prive/\n", "text/plain")
    site.routes["/economie/"] = Route(
        b'<a href="/mopti-la-crue-tardive-du-bani/">M</a><a href="/gao-un-convoi-de-commercants-attaque/">G</a>'
    )
    sources = read_sources_text(
        f'allow_addresses = ["127.0.0.1/32"]\n[[source]]\nname = "l"\nlistings = ["{site.base}/economie/"]'
    )
    report = crawl(sources, store, replace(SETTINGS, crawl_concurrency=8))
    assert report.new == 2
    assert len(site.times) == 4  # robots.txt, the listing, two articles
    gaps = [later - earlier for earlier, later in zip(site.times, site.times[1:], strict=False)]
    assert min(gaps) >= 0.29  # a decimal delay, and not crawl_delay = 0 of the settings


def test_a_declared_length_over_the_limit_is_refused_before_download(site: Site, store: Store) -> None:
    site.routes["/economie/"] = Route(b'<a href="/page-annoncee-de-soixante-mega-octets/">P</a>')
    site.routes["/page-annoncee-de-soixante-mega-octets/"] = Route(declared_length=60_000_000)
    sources = read_sources_text(
        f'allow_addresses = ["127.0.0.1/32"]\n[[source]]\nname = "l"\nlistings = ["{site.base}/economie/"]'
    )
    [failure] = crawl(sources, store, SETTINGS).failed
    assert failure.reason == (
        f"{site.base}/page-annoncee-de-soixante-mega-octets/: page is 60.0 MB, above the limit of 2.0 MB "
        "(crawl_max_bytes)"
    )


def _listing_source(site: Site, paths: list[str], allow: str = "127.0.0.1/32") -> Sources:
    site.routes["/economie/"] = Route("".join(f'<a href="{path}">lien</a>' for path in paths).encode())
    return read_sources_text(
        f'allow_addresses = ["{allow}"]\n[[source]]\nname = "l"\nlistings = ["{site.base}/economie/"]'
    )


def test_a_page_that_drips_is_stopped_at_the_page_deadline(site: Site, store: Store) -> None:
    """Issue 12: a body sending a line every few seconds never hit the read timeout, and was taken."""
    body = (FIXTURES / "html" / ARTICLES["/mopti-la-crue-tardive-du-bani/"]).read_bytes()
    site.routes["/page-qui-coule-goutte-a-goutte/"] = Route(body, drip=0.05)
    sources = _listing_source(
        site, ["/page-qui-coule-goutte-a-goutte/", "/gao-un-convoi-de-commercants-attaque/"]
    )
    report = crawl(sources, store, replace(SETTINGS, crawl_page_timeout=1.0))
    assert reasons(report.failed) == {
        f"{site.base}/page-qui-coule-goutte-a-goutte/": f"{site.base}/page-qui-coule-goutte-a-goutte/: took over "
        "1 s to download (crawl_page_timeout); download stopped"
    }
    assert report.new == 1


def test_a_crawl_delay_of_a_day_is_capped_and_said(
    site: Site, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 12: "Crawl-delay: 86400" made the crawler sleep a day between two pages, silently."""
    site.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 86400\n", "text/plain")
    sources = _listing_source(site, ["/gao-un-convoi-de-commercants-attaque/"])
    with caplog.at_level("WARNING"):
        report = crawl(sources, store, replace(SETTINGS, crawl_max_delay=0.3))
    assert report.new == 1
    gaps = [later - earlier for earlier, later in zip(site.times, site.times[1:], strict=False)]
    assert len(gaps) == 2 and all(0.29 <= gap < 5 for gap in gaps)  # the cap, not a day
    assert [record.getMessage() for record in caplog.records] == [
        f"{site.base}/robots.txt asks Crawl-delay: 86400 s; kept at 0.3 s between requests (crawl_max_delay: "
        "a longer delay would stall the crawl for hours)"
    ]
    assert Settings().crawl_max_delay == 60.0


def test_an_ipv6_literal_source_is_crawled(store: Store) -> None:
    """Issue 12: a source at http://[::1]:port/ was refused as "the URL has no host"."""
    with serve(Site(), host="::1") as site:
        site.routes["/robots.txt"] = Route(b"User-agent: *\n", "text/plain")
        site.routes["/gao-un-convoi-de-commercants-attaque/"] = Route(
            (FIXTURES / "html" / ARTICLES["/gao-un-convoi-de-commercants-attaque/"]).read_bytes()
        )
        sources = _listing_source(site, ["/gao-un-convoi-de-commercants-attaque/"], allow="::1/128")
        report = crawl(sources, store, SETTINGS)
    assert (report.new, report.failed) == (1, [])
    assert [item.source for item in store.articles()] == [
        f"http://[::1]:{site.port}/gao-un-convoi-de-commercants-attaque/"
    ]


def test_a_source_that_breaks_a_reader_costs_that_source_only(
    site: Site, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: a feed that raised in the parser stopped the crawl: later sources were never read."""
    site.routes["/flux-casse/"] = Route(
        b'<?xml version="1.0"?><rss version="2.0"></rss>', "application/rss+xml"
    )
    real_parse = feedparser.parse

    def parse(data: bytes, *args: Any, **kwargs: Any) -> Any:
        if b"<channel" not in data:
            raise ValueError("multi-byte encodings are not supported")  # what expat said of gb2312
        return real_parse(data, *args, **kwargs)

    monkeypatch.setattr(feedparser, "parse", parse)
    sources = read_sources_text(
        'allow_addresses = ["127.0.0.1/32"]\n'
        f'[[source]]\nname = "casse"\nfeeds = ["{site.base}/flux-casse/"]\n'
        f'[[source]]\nname = "essor"\nfeeds = ["{site.base}/feed/"]\n'
    )
    report = crawl(sources, store, SETTINGS)
    assert reasons(report.failed)[f"{site.base}/flux-casse/"] == (
        f"{site.base}/flux-casse/: unexpected error (ValueError: multi-byte encodings are not supported); "
        "the crawl goes on (-vv shows the traceback; please report it)"
    )
    assert report.new == 3  # the other source's feed was crawled
