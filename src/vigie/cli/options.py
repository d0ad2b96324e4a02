"""What every `vigie` command shares: error handling, --db, settings, progress bars, output files."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from vigie.errors import VigieError
from vigie.records import Report
from vigie.settings import Settings

if TYPE_CHECKING:  # the pipeline and the store load their stages: imported by the commands that run them
    from vigie.pipeline import IngestReport
    from vigie.store import Store

F = TypeVar("F", bound=Callable[..., Any])
stderr = Console(stderr=True, highlight=False)


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


def workers_option(func: F) -> F:
    """--workers N, the `workers` setting for one command."""
    return click.option(
        "--workers",
        "workers",
        metavar="N",
        type=click.IntRange(min=0),
        default=None,
        help="Processes that read, segment and extract (default: the workers setting, 0 = one per core).",
    )(func)


def build_settings(ctx: click.Context, db: str | None = None, workers: int | None = None) -> Settings:
    obj = ctx.find_root().obj or {}
    settings = Settings.build(config=obj.get("config"), env=os.environ, overrides=obj.get("overrides"))
    if workers is not None:
        settings = settings.updated({"workers": workers}, origin="--workers")
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


def ingest_paths(
    paths: list[str], store: Store, settings: Settings, label: str = "Ingesting"
) -> IngestReport:
    from vigie.pipeline import run

    with progress_bar(label) as (on_total, on_document):
        return run(paths, store, settings, on_total=on_total, on_document=on_document, on_wait=say)


def say(message: str) -> None:
    """One line on stderr: a writer waiting for the database, a note from the crawler."""
    click.echo(message, err=True)


def print_report(report: Report) -> None:
    """Warnings, then the reason of each skipped input, then the summary line (stderr); with -v,
    also the files passed over."""
    from vigie.pipeline import IngestReport

    if isinstance(report, IngestReport):
        for warning in report.warnings:
            click.echo(f"warning: {warning.reason}", err=True)
        for passed in report.passed_over if verbosity() else ():
            click.echo(f"passed over: {passed.reason}", err=True)
    for skip in report.skipped:
        click.echo(f"skipped: {skip.reason}", err=True)
    click.echo(report.summary(), err=True)


def verbosity() -> int:
    """How many -v the command was given."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return int(obj.get("verbose", 0)) if isinstance(obj, dict) else 0


def open_output(output: Path | None, binary: bool = False) -> IO[Any]:
    if output is None:
        return sys.stdout.buffer if binary else sys.stdout
    try:
        return output.open(
            "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else ""
        )
    except OSError as err:
        raise VigieError(f"cannot write {output}: {err.strerror}") from err
