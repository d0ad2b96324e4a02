"""`vigie crawl` and `vigie watch`: fetch new articles from the sources of a TOML sources file."""

from __future__ import annotations

from pathlib import Path

import click

from vigie.cli.options import build_settings, db_option, progress_bar, say, workers_option
from vigie.records import CrawlReport

SOURCES = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command()
@click.argument("sources_file", metavar="SOURCES.toml", type=SOURCES)
@db_option
@workers_option
@click.pass_context
def crawl(ctx: click.Context, sources_file: Path, db: str | None, workers: int | None) -> None:
    """Crawl every source of a sources file once and store its new and changed articles.

    Feeds and listing pages give the article links; robots.txt, the per-host delay and the
    size and time limits are kept; pages seen before are asked with a conditional GET and
    their text is stored again only when it changed. Each new article runs through the whole
    pipeline. Exit status 1 when a page failed (the reasons are printed).

    Example: vigie --setting crawl_contact me@example.org crawl sources.toml --db vigie.db
    """
    # imported here, not at the top: `vigie --help` and the light commands start without them
    from vigie.crawl import crawl as crawl_sources
    from vigie.crawl.sources import read_sources
    from vigie.store import Store

    settings = build_settings(ctx, db, workers)
    sources = read_sources(sources_file)
    with Store.open(settings.db) as store, progress_bar("Crawling") as (on_total, on_page):
        total = 0

        def add_total(count: int) -> None:
            nonlocal total
            total += count
            on_total(total)

        report = crawl_sources(sources, store, settings, on_total=add_total, on_page=on_page, on_wait=say)
    print_crawl(report)
    ctx.exit(0 if not report.failed else 1)


@click.command()
@click.argument("sources_file", metavar="SOURCES.toml", type=SOURCES)
@db_option
@click.option(
    "--cycles", type=click.IntRange(min=1), default=None, help="Stop after N cycles (default: never)."
)
@workers_option
@click.pass_context
def watch(
    ctx: click.Context, sources_file: Path, db: str | None, cycles: int | None, workers: int | None
) -> None:
    """Crawl the sources again and again, each at its poll_interval; one line per cycle.

    Each line gives the time, the cycle number, the pages fetched, the new articles and the
    failures (-v shows the reasons). Stop with Ctrl-C.

    Example: vigie --setting crawl_contact me@example.org watch sources.toml --db vigie.db
    """
    from vigie.crawl import watch as watch_sources
    from vigie.crawl.sources import read_sources
    from vigie.store import Store

    settings = build_settings(ctx, db, workers)
    sources = read_sources(sources_file)
    verbose = bool((ctx.find_root().obj or {}).get("verbose"))

    def print_cycle(line: str, report: CrawlReport) -> None:
        for skip in report.failed if verbose else []:
            click.echo(f"failed: {skip.reason}", err=True)
        click.echo(line, err=True)

    with Store.open(settings.db) as store:
        try:
            watch_sources(sources, store, settings, print_cycle, cycles=cycles, on_wait=say)
        except KeyboardInterrupt:
            click.echo("stopped", err=True)


def print_crawl(report: CrawlReport) -> None:
    for skip in report.failed:
        click.echo(f"failed: {skip.reason}", err=True)
    click.echo(report.summary(), err=True)
