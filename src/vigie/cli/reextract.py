"""`vigie reextract`: read the stored documents again with today's lexicons and rules."""

from __future__ import annotations

from datetime import datetime

import click

from vigie.cli.options import build_settings, db_option, progress_bar, say
from vigie.errors import ConfigError


@click.command(name="reextract")
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Only the documents ingested on or after this day (YYYY-MM-DD); default: all.",
)
@db_option
@click.pass_context
def reextract_command(ctx: click.Context, since: datetime | None, db: str | None) -> None:
    """Segment and extract the stored documents again, after an edit of a lexicon
    (events/patterns/actors.toml, acled.toml, plover.toml, countries.toml, leaders.toml) or of the
    page furniture (data/page_furniture.toml): an ingest of the same files would say "unchanged".

    Each document is replaced in its own transaction, in the order documents were ingested: an
    interruption leaves the documents not yet reached as they were. An event found again keeps its
    id and its flag; an event no longer found is deleted. Exit status 1 when a document was skipped.

    Example: vigie reextract --since 2024-01-01 --db sqlite:///vigie.db
    """
    from vigie.reextract import load_stages, reextract  # the stages and the store, imported when run
    from vigie.store import Store

    settings = build_settings(ctx, db)
    if not settings.extract:
        raise ConfigError(
            "vigie reextract extracts events, but the setting extract is false: "
            "remove it (or --setting extract true) to read the documents again"
        )
    stages = load_stages(settings.nlp_model)
    with Store.open(settings.db, create=False) as store, progress_bar("Reading again") as bar:
        on_total, on_document = bar
        report = reextract(
            store,
            stages,
            settings.dedup_threshold,
            settings.dedup_lead_words,
            since.date() if since else None,
            on_total=on_total,
            on_document=on_document,
            on_wait=say,
        )
    for skip in report.skipped:
        click.echo(f"skipped: {skip.reason}", err=True)
    click.echo(report.summary(), err=True)
    ctx.exit(0 if report.ok else 1)
