"""`vigie export …`: documents, articles (and what later stages add) to JSONL, CSV, Parquet."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vigie import export as exporting
from vigie.cli.options import build_settings, db_option, open_output
from vigie.errors import VigieError
from vigie.store import Store


@click.group()
def export() -> None:
    """Export what the database holds (documents, articles).

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
    settings = build_settings(ctx, db)
    with Store.open(settings.db) as store:
        out = open_output(output)
        records = exporting.document_records(store.articles(), store.document_extractions())
        count = exporting.write_jsonl(records, out)
        if output is not None:
            out.close()
    click.echo(f"{count} documents exported", err=True)


@export.command("articles")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default stdout)."
)
@db_option
@click.pass_context
def export_articles(ctx: click.Context, fmt: str, output: Path | None, db: str | None) -> None:
    """One row per article: id, document, kind, title, published, author, cluster, offsets, body.

    Example: vigie export articles --format parquet -o articles.parquet
    """
    settings = build_settings(ctx, db)
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise VigieError("Parquet is binary: give a file with -o articles.parquet, or pipe stdout")
    with Store.open(settings.db) as store:
        rows = exporting.article_rows(store.articles())
        out = open_output(output, binary=fmt == "parquet")
        if fmt == "csv":
            count = exporting.write_csv(rows, exporting.ARTICLE_COLUMNS, out)
        elif fmt == "jsonl":
            count = exporting.write_jsonl(rows, out)
        else:
            count = exporting.write_parquet(rows, exporting.ARTICLE_COLUMNS, out)
        if output is not None:
            out.close()
    click.echo(f"{count} articles exported", err=True)
