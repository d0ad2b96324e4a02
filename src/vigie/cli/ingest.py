"""`vigie ingest` and `vigie demo`: put documents into the database."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from vigie.cli.options import build_settings, db_option, ingest_paths, print_report, workers_option
from vigie.frdate import iso

INTERRUPTED = "Interrupted: the documents stored so far are kept; the same command goes on from there."


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@workers_option
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, workers: int | None) -> None:
    """Ingest page dumps, HTML pages, RSS/Atom feeds, WARC archives and JSONL (files, folders,
    globs, or - for stdin) into the database; each input's format is found from its content.

    Each document is decoded, repaired, cut into articles and teasers, linked to its
    near-duplicates and saved (a few documents per transaction). The same bytes are never stored
    twice; a changed file replaces its older version. Exit status 1 when any input was
    skipped (the reasons are printed, the rest of the batch is stored).

    Reading, segmentation and extraction run on --workers processes (one per core by default),
    each loading spaCy once; one writer stores in input order, so the database is the same
    whatever N. Ctrl-C stops cleanly: what was stored is kept, and the same command goes on.

    Example: vigie ingest dumps/ extra/*.txt --db sqlite:///vigie.db --workers 4
    """
    # imported here, not at the top: `vigie --help` and the light commands start without them
    from vigie.store import Store

    settings = build_settings(ctx, db, workers)
    with Store.open(settings.db) as store:
        try:
            report = ingest_paths(list(paths), store, settings)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED, err=True)
            ctx.exit(130)
    print_report(report)
    ctx.exit(0 if report.ok else 1)


@click.command()
@db_option
@click.pass_context
def demo(ctx: click.Context, db: str | None) -> None:
    """Ingest the bundled sample pages into the database and print what was found.

    Example: vigie demo --db sqlite:///vigie.db
    """
    from vigie.store import Store, masked

    settings = build_settings(ctx, db)
    sample = resources.files("vigie.data") / "sample"
    paths = sorted(str(p) for p in Path(str(sample)).glob("*.txt"))
    with Store.open(settings.db) as store:
        report = ingest_paths(paths, store, settings, label="Ingesting the sample")
        document = None
        for item in store.articles():
            if item.doc_name != document:
                document = item.doc_name
                click.echo(document)
            article = item.article
            title = article.title or f"({article.first_words}…)"
            byline = f" — {article.author}" if article.author else ""
            click.echo(
                f"  {article.kind:<7} {iso(article.published, article.published_month) or '-':<17} {title}{byline}"
            )
        counts = store.counts()
    print_report(report)
    click.echo(
        f"{masked(settings.db)} holds {counts['documents']} documents, {counts['articles']} articles "
        f"({counts['teasers']} teasers). Next: vigie export documents --format jsonl"
    )
    ctx.exit(0 if report.ok else 1)
