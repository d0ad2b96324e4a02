"""Crawl: a sources file -> new web articles through the whole pipeline, politely and incrementally.

For each source: fetch its feeds and listing pages, collect the article links, fetch each
article (a conditional GET when it was seen before), extract it (ingest/html.py) and save it
with pipeline.save_document, then remember what was fetched (crawl/state.py). A feed or listing
page that answers 304 has no new links; its validators are kept only once all its links were
visited without failure, so that a crash or a failure makes the next crawl look again.

  sources.py    the TOML sources file
  guard.py      http(s) only, public addresses only (SSRF)
  robots.py     robots.txt per origin
  politeness.py one request at a time per host, a pause between two, a global cap
  fetch.py      requests: redirects checked hop by hop, size limit, retries, conditional GET
  links.py      canonical URLs, article links of feeds and listings
  state.py      what the crawler knows of each URL, in the database
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version

import httpx

from vigie.cluster import Clusterer
from vigie.crawl.fetch import Fetcher, Limits, Response
from vigie.crawl.links import canonical_url, feed_article_links, listing_links
from vigie.crawl.politeness import Throttle
from vigie.crawl.sources import Site, Sources
from vigie.crawl.state import CrawlState, PageState
from vigie.errors import ConfigError, DocumentError, StoreError
from vigie.ingest.feed import feed_links
from vigie.ingest.html import read_html
from vigie.ingest.sniff import sniff_format
from vigie.parallel import Prepared, Setup, Workers, prepare_documents, worker_count
from vigie.pipeline import save_document
from vigie.records import CrawlReport, Skip
from vigie.settings import Settings
from vigie.store import Store
from vigie.store.places import user_places

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def user_agent(contact: str) -> str:
    """The crawler's User-Agent: name, version and how to reach whoever runs it.

    >>> user_agent("veille@example.org").split(" ", 1)[1]
    '(+mailto:veille@example.org; news research crawler)'
    """
    if not contact.strip():
        raise ConfigError(
            "the crawler needs a contact for site owners in its User-Agent. "
            "Set one: --setting crawl_contact you@example.org (or crawl_contact in vigie.toml)"
        )
    reach = f"mailto:{contact}" if "@" in contact and "://" not in contact else contact
    return f"Vigie/{version('vigie')} (+{reach}; news research crawler)"


def crawl(
    sources: Sources,
    store: Store,
    settings: Settings,
    on_total: Callable[[int], None] = lambda total: None,
    on_page: Callable[[str], None] = lambda url: None,
    transport: httpx.AsyncBaseTransport | None = None,
    on_wait: Callable[[str], None] = lambda message: None,
    workers: Workers | None = None,
) -> CrawlReport:
    """Visit every source once; store new and changed articles. A failed page, or a source that
    fails in a way no rule foresaw, is reported, never fatal: the later sources are crawled.

    Pages are segmented and extracted on `workers` (started for this crawl when not given, as the
    `workers` setting says) and stored by this process as they come. The crawl holds the
    database's write lock (`Store.writing`): an ingest at the same time waits.
    """
    agent = user_agent(settings.crawl_contact)
    with store.writing(on_wait):
        if workers is not None:
            return asyncio.run(_crawl(sources, store, settings, agent, on_total, on_page, transport, workers))
        with crawl_workers(store, settings) as started:
            return asyncio.run(_crawl(sources, store, settings, agent, on_total, on_page, transport, started))


def crawl_workers(store: Store, settings: Settings) -> Workers:
    """The worker processes of a crawl (to enter with `with`): pages are prepared whole, the store
    telling afterwards which are stored already. Without extraction a page costs milliseconds:
    it is prepared in this process."""
    if not settings.extract:
        return Workers(Setup(None), 1)
    setup = Setup(settings.nlp_model, tuple(user_places(store)), None)
    return Workers(setup, worker_count(settings.workers))


def watch(
    sources: Sources,
    store: Store,
    settings: Settings,
    on_cycle: Callable[[str, CrawlReport], None],
    cycles: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_wait: Callable[[str], None] = lambda message: None,
) -> None:
    """Crawl each source again when its poll interval has passed; one line (and the report) per cycle."""
    user_agent(settings.crawl_contact)
    due = {site.name: 0.0 for site in sources.sites}
    cycle = 0
    with crawl_workers(store, settings) as workers:  # started once: spaCy loads once for all cycles
        while cycles is None or cycle < cycles:
            now = time.monotonic()
            ready = tuple(site for site in sources.sites if due[site.name] <= now)
            report = crawl(
                Sources(ready, sources.allow_addresses), store, settings, on_wait=on_wait, workers=workers
            )
            for site in ready:
                due[site.name] = now + site.poll_interval
            cycle += 1
            on_cycle(
                f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} cycle {cycle}: {report.fetched} fetched, "
                f"{report.new} new, {len(report.failed)} failed ({', '.join(s.name for s in ready)})",
                report,
            )
            if cycles is None or cycle < cycles:
                sleep(max(0.0, min(due.values()) - time.monotonic()))


@dataclass(slots=True)
class _Run:
    """What one crawl holds while it runs."""

    store: Store
    state: CrawlState
    clusterer: Clusterer
    workers: Workers
    fetcher: Fetcher
    throttle: Throttle
    max_pages: int
    report: CrawlReport = field(default_factory=CrawlReport)


async def _crawl(
    sources: Sources,
    store: Store,
    settings: Settings,
    agent: str,
    on_total: Callable[[int], None],
    on_page: Callable[[str], None],
    transport: httpx.AsyncBaseTransport | None,
    workers: Workers,
) -> CrawlReport:
    timeout = httpx.Timeout(
        connect=settings.crawl_connect_timeout,
        read=settings.crawl_read_timeout,
        write=settings.crawl_read_timeout,
        pool=None,
    )
    limits = Limits(
        settings.crawl_connect_timeout,
        settings.crawl_read_timeout,
        settings.crawl_max_bytes,
        settings.crawl_retries,
        settings.crawl_backoff,
        settings.crawl_page_timeout,
        settings.crawl_max_delay,
    )
    throttle = Throttle(settings.crawl_concurrency, settings.crawl_delay)
    # trust_env=False: no proxy from the environment, which would bypass the address guard
    fetcher = Fetcher(
        lambda: httpx.AsyncClient(timeout=timeout, transport=transport, trust_env=False),
        agent,
        limits,
        throttle,
        sources.allow_addresses,
    )
    run = _Run(
        store=store,
        state=CrawlState(store),
        clusterer=Clusterer.load(store.signatures(), settings.dedup_threshold, settings.dedup_lead_words),
        workers=workers,
        fetcher=fetcher,
        throttle=throttle,
        max_pages=settings.crawl_max_pages,
    )
    try:
        for site in sources.sites:
            try:
                await _crawl_site(site, run, on_total, on_page)
            except StoreError:
                raise  # the database failed: nothing can be stored
            except Exception as err:
                run.report.failed.append(Skip(site.name, _unexpected(f"source {site.name!r}", err)))
    finally:
        await fetcher.aclose()
    return run.report


def _unexpected(where: str, err: Exception) -> str:
    """A failure no rule foresaw, as one line; -vv logs the traceback."""
    log.debug("%s failed", where, exc_info=err)
    first = (str(err).strip().splitlines() or [""])[0][:300]
    return (
        f"{where}: unexpected error ({type(err).__name__}: {first}); the crawl goes on "
        "(-vv shows the traceback; please report it)"
    )


async def _crawl_site(
    site: Site, run: _Run, on_total: Callable[[int], None], on_page: Callable[[str], None]
) -> None:
    starts = [*site.feeds, *site.listings]
    known = run.state.known([canonical_url(url) for url in starts])
    found: dict[str, list[str]] = {}  # discovery page -> its article links
    answers: dict[str, Response] = {}
    for url in starts:
        page = canonical_url(url)
        try:
            response = await _get(run, site, page, known.get(page))
        except DocumentError as err:
            run.report.failed.append(Skip(page, str(err)))
            continue
        if response.status == 304:
            run.report.not_modified += 1
            continue
        run.report.fetched += 1
        answers[page] = response
        try:
            if url in site.feeds or sniff_format(response.body[:4096]) == "feed":
                found[page] = feed_article_links(feed_links(response.body, page), site)
            else:
                found[page] = listing_links(response.body, response.url, site)
        except DocumentError as err:
            run.report.failed.append(Skip(page, str(err)))
            del answers[page]
        except Exception as err:  # a feed or page no reader foresaw: this page fails, not the crawl
            run.report.failed.append(Skip(page, _unexpected(page, err)))
            del answers[page]
    links = list(dict.fromkeys(link for page_links in found.values() for link in page_links))
    visit, cut = links[: run.max_pages], set(links[run.max_pages :])
    on_total(len(visit))
    failed = await _visit_all(site, visit, run, on_page)
    log.debug("%s: %d links, %d visited, %d failed", site.name, len(links), len(visit), len(failed))
    for page, response in answers.items():
        if not (set(found[page]) & (failed | cut)):
            run.state.record(page, site.name, 200, response.fetched, response.validators)


async def _visit_all(site: Site, links: list[str], run: _Run, on_page: Callable[[str], None]) -> set[str]:
    """Fetch the article links concurrently, save each as it comes; the links that failed."""
    known = run.state.known(links)
    failed: set[str] = set()

    async def visit(url: str) -> None:
        """Fetch, prepare (on a worker) and save one page; pages are prepared side by side."""
        try:
            response = await _get(run, site, url, known.get(url))
            await _save_page(site, url, response, known.get(url), run)
        except DocumentError as err:
            log.debug("failed %s: %s", url, err)
            run.report.failed.append(Skip(url, str(err)))
            failed.add(url)
        except StoreError:
            raise
        except Exception as err:
            run.report.failed.append(Skip(url, _unexpected(url, err)))
            failed.add(url)
        on_page(url)

    for next_done in asyncio.as_completed([visit(url) for url in links]):
        await next_done
    return failed


async def _get(run: _Run, site: Site, url: str, known: PageState | None) -> Response:
    run.throttle.use_delay(url, site.delay)
    return await run.fetcher.get(url, known.validators if known is not None else None)


async def _save_page(site: Site, url: str, response: Response, known: PageState | None, run: _Run) -> None:
    """Store one fetched article page, unless its text is stored already."""
    report = run.report
    if response.status == 304:
        report.not_modified += 1
        run.state.record(url, site.name, 304, response.fetched, response.validators)
        return
    report.fetched += 1
    kind = response.content_type.split(";", 1)[0].strip().lower()
    if kind and not kind.startswith(HTML_TYPES):
        # remembered, so that the next crawl asks it with a conditional GET instead of downloading it
        run.state.record(url, site.name, 200, response.fetched, response.validators)
        raise DocumentError(f"{url}: not an HTML page (Content-Type {kind}); passed over")
    source = canonical_url(response.url)
    raw = read_html(response.body, source, url=source, captured=response.fetched)
    text_hash = hashlib.sha1(raw.text.encode("utf-8")).hexdigest()
    if known is not None and known.content_hash == text_hash:
        report.unchanged += 1
    else:
        [item] = await asyncio.wrap_future(run.workers.submit(prepare_documents, [raw]))
        if isinstance(item, Skip):  # a page without article text
            raise DocumentError(item.reason)
        assert isinstance(item, Prepared)  # the workers of a crawl have no store to find it stored in
        stored = report.stored.unchanged
        lookup = run.store.lookup([(raw.sha1, raw.source)])  # after the await: no other save in between
        save_document(
            raw, run.store, run.clusterer, report.stored, lookup, prepared=(list(item.articles), item.found)
        )
        if report.stored.unchanged > stored:
            report.unchanged += 1  # saved before a crash, not yet recorded as crawled
        else:
            report.new += 1
    run.state.record(url, site.name, 200, response.fetched, response.validators, text_hash, raw.sha1)
