"""CLI: the `vigie` command. Each command parses options, builds Settings, calls one function, prints."""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from vigie import export as exporting
from vigie.errors import VigieError
from vigie.frdate import iso
from vigie.pipeline import run
from vigie.records import Report
from vigie.score import Scores, score
from vigie.settings import SETTINGS, Settings
from vigie.store import Store

F = TypeVar("F", bound=Callable[..., Any])
stderr = Console(stderr=True, highlight=False)
GOLD_SUFFIX = ".gold.jsonl"


class VigieGroup(click.Group):
    """Turns a VigieError into one `Error: …` line and exit status 1 (--debug keeps the traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except VigieError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {err}", err=True)
            ctx.exit(1)


def db_option(func: F) -> F:
    """--db URL, also read from VIGIE_DB."""
    return click.option(
        "--db",
        "db",
        metavar="URL",
        default=None,
        help="Database URL or SQLite file (default: sqlite:///vigie.db, or VIGIE_DB).",
    )(func)


@click.group(cls=VigieGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config", type=click.Path(dir_okay=False, path_type=Path), help="Settings file (default ./vigie.toml)."
)
@click.option(
    "--setting", "overrides", nargs=2, multiple=True, metavar="NAME VALUE", help="Override one setting."
)
@click.option("-v", "--verbose", count=True, help="-v: reasons for skipped documents; -vv: debug log.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(package_name="vigie")
@click.pass_context
def cli(
    ctx: click.Context, config: Path | None, overrides: tuple[tuple[str, str], ...], verbose: int, debug: bool
) -> None:
    """Vigie: French-language Sahel news dumps -> clean, deduplicated articles in a database.

    Example: vigie ingest pages/ --db sqlite:///vigie.db
    """
    logging.basicConfig(level=logging.DEBUG if verbose >= 2 else logging.WARNING, stream=sys.stderr)
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["verbose"] = verbose
    ctx.obj["config"] = config
    ctx.obj["overrides"] = dict(overrides)


def build_settings(ctx: click.Context, db: str | None = None) -> Settings:
    obj = ctx.find_root().obj or {}
    settings = Settings.build(config=obj.get("config"), env=os.environ, overrides=obj.get("overrides"))
    if db is not None:
        settings = settings.updated({"db": _db_url(db)}, origin="--db")
    elif "VIGIE_DB" in os.environ:
        settings = settings.updated({"db": _db_url(os.environ["VIGIE_DB"])}, origin="VIGIE_DB")
    return settings


def _db_url(value: str) -> str:
    """A plain file path is taken as an SQLite file.

    >>> _db_url("demo.db"), _db_url("postgresql://localhost/vigie")
    ('sqlite:///demo.db', 'postgresql://localhost/vigie')
    """
    return value if "://" in value else f"sqlite:///{value}"


@contextmanager
def progress_bar(label: str) -> Iterator[tuple[Callable[[int], None], Callable[[str], None]]]:
    """A rich progress bar on stderr (hidden when stderr is not a terminal)."""
    with Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}"),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    ) as progress:
        task = progress.add_task(label, total=None, current="")

        def on_total(total: int) -> None:
            progress.update(task, total=total)

        def on_document(source: str) -> None:
            progress.update(task, advance=1, current=Path(source).name if source else "")

        yield on_total, on_document


def ingest_paths(paths: list[str], store: Store, settings: Settings, label: str = "Ingesting") -> Report:
    with progress_bar(label) as (on_total, on_document):
        return run(paths, store, settings, on_total=on_total, on_document=on_document)


def print_report(report: Report) -> None:
    for skip in report.skipped:
        click.echo(f"skipped: {skip.reason}", err=True)
    click.echo(report.summary(), err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None) -> None:
    """Ingest page dumps (files, folders, globs, or - for stdin) into the database.

    Each document is decoded, repaired, cut into articles and teasers, linked to its
    near-duplicates and saved in its own transaction. The same bytes are never stored
    twice; a changed file replaces its older version. Exit status 1 when any input was
    skipped (the reasons are printed, the rest of the batch is stored).

    Example: vigie ingest dumps/ extra/*.txt --db sqlite:///vigie.db
    """
    settings = build_settings(ctx, db)
    with Store.open(settings.db) as store:
        report = ingest_paths(list(paths), store, settings)
    print_report(report)
    ctx.exit(0 if report.ok else 1)


@cli.command()
@db_option
@click.pass_context
def demo(ctx: click.Context, db: str | None) -> None:
    """Ingest the bundled sample pages into the database and print what was found.

    Example: vigie demo --db sqlite:///vigie.db
    """
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
            click.echo(f"  {article.kind:<7} {iso(article.published) or '-':<17} {title}{byline}")
        counts = store.counts()
    print_report(report)
    click.echo(
        f"{settings.db} holds {counts['documents']} documents, {counts['articles']} articles "
        f"({counts['teasers']} teasers). Next: vigie export documents --format jsonl"
    )
    ctx.exit(0 if report.ok else 1)


@cli.group()
def export() -> None:
    """Export what the database holds (documents, articles).

    Example: vigie export articles --format csv -o articles.csv
    """


def _open_output(output: Path | None, binary: bool = False) -> IO[Any]:
    if output is None:
        return sys.stdout.buffer if binary else sys.stdout
    try:
        return output.open(
            "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else ""
        )
    except OSError as err:
        raise VigieError(f"cannot write {output}: {err.strerror}") from err


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
        out = _open_output(output)
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
        out = _open_output(output, binary=fmt == "parquet")
        if fmt == "csv":
            count = exporting.write_csv(rows, exporting.ARTICLE_COLUMNS, out)
        elif fmt == "jsonl":
            count = exporting.write_jsonl(rows, out)
        else:
            count = exporting.write_parquet(rows, exporting.ARTICLE_COLUMNS, out)
        if output is not None:
            out.close()
    click.echo(f"{count} articles exported", err=True)


@cli.command("eval")
@click.option(
    "--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--docs",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the gold documents (default: beside the gold file, e.g. seeds.gold.jsonl -> seeds/).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_context
def evaluate(ctx: click.Context, gold_path: Path, docs: Path | None, as_json: bool) -> None:
    """Ingest a gold set's documents into a temporary database and score the output.

    Prints precision, recall and F1 for articles, events and interactions, and the
    accuracies over matched pairs, as defined in the gold format's scoring section.

    Example: vigie eval --gold ../shared/eval/dev.gold.jsonl
    """
    settings = build_settings(ctx)
    gold = _read_gold(gold_path)
    folder = docs if docs is not None else gold_path.with_name(gold_path.name.removesuffix(GOLD_SUFFIX))
    missing = [r["doc"] for r in gold if not (folder / r["doc"]).is_file()]
    if missing:
        raise VigieError(
            f"{len(missing)} gold documents are not in {folder} (first: {missing[0]}). Use --docs DIR"
        )
    with tempfile.TemporaryDirectory(prefix="vigie-eval-") as tmp:
        settings = settings.updated({"db": f"sqlite:///{Path(tmp) / 'eval.db'}"}, origin="eval")
        with Store.open(settings.db) as store:
            report = ingest_paths([str(folder / r["doc"]) for r in gold], store, settings, label="Evaluating")
            predicted = list(exporting.document_records(store.articles(), store.document_extractions()))
    for skip in report.skipped:
        click.echo(f"skipped: {skip.reason}", err=True)
    scores = score(gold, predicted)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
    else:
        _print_scores(scores, gold_path.name)


def _read_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise VigieError(f"{path}:{number} is not JSON: {err.msg}") from err
    return records


def _print_scores(scores: Scores, name: str) -> None:
    table = Table(title=f"vigie eval — {name}")
    for column in ("", "gold", "predicted", "matched", "P", "R", "F1", "accuracy over matched pairs"):
        table.add_column(column)
    rows = [("articles", scores.articles), ("events", scores.events), ("interactions", scores.interactions)]
    rows += [(f"  events: {k}", v) for k, v in sorted(scores.events_by_type.items())]
    rows += [(f"  interactions: {k}", v) for k, v in sorted(scores.interactions_by_type.items())]
    for label, figures in rows:
        accuracies = ", ".join(
            f"{key} {value:.2f}" for key in figures.compared if (value := figures.accuracy(key)) is not None
        )
        table.add_row(
            label,
            str(figures.gold),
            str(figures.predicted),
            str(figures.matched),
            f"{figures.precision:.2f}",
            f"{figures.recall:.2f}",
            f"{figures.f1:.2f}",
            accuracies,
        )
    Console(width=160).print(table)
    a, e, i = scores.articles, scores.events, scores.interactions
    click.echo(
        f"articles F1 {a.f1:.3f} (published {_pct(a.accuracy('published'))}, kind {_pct(a.accuracy('kind'))}); "
        f"events F1 {e.f1:.3f}; interactions F1 {i.f1:.3f}"
    )


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@cli.command("settings")
def list_settings() -> None:
    """List every setting with its default and meaning (set in vigie.toml, VIGIE_<NAME> or --setting).

    Example: vigie settings
    """
    for setting in SETTINGS:
        click.echo(f"{setting.name} = {setting.default!r}\n    {setting.help}")


def main() -> None:
    cli(prog_name="vigie")
