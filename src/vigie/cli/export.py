"""`vigie export …`: documents, articles, events (ACLED columns, GeoJSON) and interactions to files."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from vigie.cli.options import build_settings, db_option, open_output
from vigie.errors import VigieError

if TYPE_CHECKING:
    from vigie.export.acled import ActorNames
    from vigie.store.events import Filter

F = TypeVar("F", bound=Callable[..., Any])


@click.group()
def export() -> None:
    """Export what the database holds (documents, articles, events, interactions).

    Example: vigie export articles --format csv -o articles.csv
    """


@export.command("documents")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default stdout)."
)
@db_option
@click.pass_context
def export_documents(ctx: click.Context, fmt: str, output: Path | None, db: str | None) -> None:
    """One record per document in the shape of the gold format: doc, articles, events, interactions.

    Example: vigie export documents --format jsonl -o documents.jsonl
    """
    # imported here, not at the top: `vigie --help` and the light commands start without them
    from vigie import export as exporting
    from vigie.store import Store

    settings = build_settings(ctx, db)
    with Store.open(settings.db, create=False) as store:
        out = open_output(output)
        records = exporting.document_records(store.articles(), store.document_extractions())
        count = exporting.write_jsonl(records, out)
        if output is not None:
            out.close()
    click.echo(f"{count} documents exported", err=True)


def excel_option(func: F) -> F:
    """--excel: CSV as French Excel opens it."""
    return click.option(
        "--excel",
        is_flag=True,
        help="CSV for French Excel: UTF-8 byte order mark, ';' between cells, decimal commas.",
    )(func)


@export.command("articles")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default stdout)."
)
@excel_option
@db_option
@click.pass_context
def export_articles(ctx: click.Context, fmt: str, output: Path | None, excel: bool, db: str | None) -> None:
    """One row per article: id, document, kind, title, published, author, cluster, offsets, body.

    Example: vigie export articles --format parquet -o articles.parquet
    """
    from vigie import export as exporting
    from vigie.store import Store

    settings = build_settings(ctx, db)
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise VigieError("Parquet is binary: give a file with -o articles.parquet, or pipe stdout")
    with Store.open(settings.db, create=False) as store:
        rows = exporting.article_rows(store.articles())
        out = open_output(output, binary=fmt == "parquet")
        if fmt == "csv":
            count = exporting.write_csv(rows, exporting.ARTICLE_COLUMNS, out, excel=excel)
        elif fmt == "jsonl":
            count = exporting.write_jsonl(rows, out)
        else:
            count = exporting.write_parquet(rows, exporting.ARTICLE_COLUMNS, out)
        if output is not None:
            out.close()
    click.echo(f"{count} articles exported", err=True)


def filter_options(func: F) -> F:
    """--since, --until, --type (repeatable), --country (repeatable)."""
    func = click.option(
        "--country", "countries", multiple=True, metavar="ISO3", help="Only this country (repeatable): MLI."
    )(func)
    func = click.option(
        "--type",
        "types",
        multiple=True,
        metavar="TYPE",
        help="Only this type or sub-event type (repeatable).",
    )(func)
    func = click.option(
        "--until", type=click.DateTime(["%Y-%m-%d"]), help="Only up to this day (YYYY-MM-DD), inclusive."
    )(func)
    return click.option(
        "--since", type=click.DateTime(["%Y-%m-%d"]), help="Only from this day (YYYY-MM-DD), inclusive."
    )(func)


def _filter(
    since: datetime | None, until: datetime | None, types: tuple[str, ...], countries: tuple[str, ...]
) -> Filter:
    from vigie.store.events import Filter

    return Filter(since.date() if since else None, until.date() if until else None, types, countries)


@export.command("events")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "geojson", "parquet"]),
    default="csv",
    show_default=True,
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default stdout)."
)
@click.option(
    "--actor-names",
    type=click.Choice(["vigie", "acled"]),
    default="vigie",
    show_default=True,
    help="acled: ACLED's full actor names ('JNIM: Group for Support of Islam and Muslims') and "
    "inter/interaction labels ('State Forces-Rebel Groups') instead of Vigie's names and codes.",
)
@excel_option
@filter_options
@db_option
@click.pass_context
def export_events(
    ctx: click.Context,
    fmt: str,
    output: Path | None,
    actor_names: str,
    excel: bool,
    since: datetime | None,
    until: datetime | None,
    types: tuple[str, ...],
    countries: tuple[str, ...],
    db: str | None,
) -> None:
    """One row per security event with ACLED's columns, in ACLED's order (scripts written for
    ACLED data run unchanged); GeoJSON: one point per placed event, the columns as properties.
    CSV and Parquet follow ACLED's convention of 0 fatalities where no number is reported;
    JSONL and GeoJSON keep Vigie's null (unknown).

    Example: vigie export events --format geojson --since 2024-01-01 -o events.geojson
    """
    from vigie import export as exporting
    from vigie.store import Store
    from vigie.store.events import checked_filter, read_events

    settings = build_settings(ctx, db)
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise VigieError("Parquet is binary: give a file with -o events.parquet, or pipe stdout")
    with Store.open(settings.db, create=False) as store:
        where = checked_filter(store, _filter(since, until, types, countries), "events")
        names: ActorNames = "acled" if actor_names == "acled" else "vigie"
        style = exporting.Style(zero_fatalities=fmt in ("csv", "parquet"), actor_names=names)
        rows = exporting.event_rows(read_events(store, where), style=style)
        out = open_output(output, binary=fmt == "parquet")
        skipped = 0
        if fmt == "csv":
            count = exporting.write_csv(rows, exporting.ACLED_COLUMNS, out, excel=excel)
        elif fmt == "jsonl":
            count = exporting.write_jsonl(rows, out)
        elif fmt == "geojson":
            written = exporting.write_geojson(rows, out, id_key="event_id_cnty")
            count, skipped = written.features, written.without_coordinates
        else:
            types_of = exporting.ACLED_NAMED_TYPES if names == "acled" else exporting.ACLED_TYPES
            count = exporting.write_parquet(rows, exporting.ACLED_COLUMNS, out, types_of)
        if output is not None:
            out.close()
    if skipped:
        click.echo(f"{count} events exported; {skipped} left out: no coordinates", err=True)
    else:
        click.echo(f"{count} events exported", err=True)


@export.command("interactions")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "geojson", "parquet"]),
    default="csv",
    show_default=True,
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default stdout)."
)
@excel_option
@filter_options
@db_option
@click.pass_context
def export_interactions(
    ctx: click.Context,
    fmt: str,
    output: Path | None,
    excel: bool,
    since: datetime | None,
    until: datetime | None,
    types: tuple[str, ...],
    countries: tuple[str, ...],
    db: str | None,
) -> None:
    """One row per PLOVER interaction: date, type, parties, place, coordinates, evidence, sources.
    --type takes PLOVER types (AGREE, CONSULT…), --country matches either party; GeoJSON: one point
    per interaction with a venue placed.

    Example: vigie export interactions --format csv --type AGREE --country RUS -o accords.csv
    """
    from vigie import export as exporting
    from vigie.store import Store
    from vigie.store.events import checked_filter, read_interactions

    settings = build_settings(ctx, db)
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise VigieError("Parquet is binary: give a file with -o interactions.parquet, or pipe stdout")
    with Store.open(settings.db, create=False) as store:
        where = checked_filter(store, _filter(since, until, types, countries), "interactions")
        rows = exporting.interaction_rows(read_interactions(store, where))
        out = open_output(output, binary=fmt == "parquet")
        skipped = 0
        if fmt == "csv":
            count = exporting.write_csv(rows, exporting.INTERACTION_COLUMNS, out, excel=excel)
        elif fmt == "jsonl":
            count = exporting.write_jsonl(rows, out)
        elif fmt == "geojson":
            written = exporting.write_geojson(rows, out, id_key="id")
            count, skipped = written.features, written.without_coordinates
        else:
            count = exporting.write_parquet(
                rows, exporting.INTERACTION_COLUMNS, out, exporting.INTERACTION_TYPES
            )
        if output is not None:
            out.close()
    if skipped:
        click.echo(f"{count} interactions exported; {skipped} left out: no coordinates", err=True)
    else:
        click.echo(f"{count} interactions exported", err=True)
