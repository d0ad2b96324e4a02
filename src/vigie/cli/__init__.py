"""CLI: the `vigie` command. Each command parses options, builds Settings, calls one function, prints.

One module per command family; this group registers their commands.
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

import click

from vigie.cli import crawl, evaluate, export, ingest, places, reextract, report, serve, spark
from vigie.cli.options import VigieGroup


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
    """Vigie: French-language Sahel news -> articles, security events (ACLED) and diplomatic
    interactions (PLOVER), geocoded, searchable, on a map.

    Example: vigie ingest pages/ --db sqlite:///vigie.db && vigie serve vigie.db
    """
    logging.basicConfig(
        level=logging.DEBUG
        if verbose >= 2
        else logging.ERROR,  # libraries' chatter ("discarding data") only with -vv
        stream=sys.stderr,
        format="%(levelname)s: %(name)s: %(message)s" if verbose >= 2 else "%(message)s",
    )
    logging.getLogger("vigie").setLevel(logging.DEBUG if verbose >= 2 else logging.WARNING)
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["verbose"] = verbose
    ctx.obj["config"] = config
    ctx.obj["overrides"] = dict(overrides)


cli.add_command(ingest.ingest)
cli.add_command(ingest.demo)
cli.add_command(export.export)
cli.add_command(places.places)
cli.add_command(evaluate.evaluate)
cli.add_command(evaluate.list_settings)
cli.add_command(crawl.crawl)
cli.add_command(crawl.watch)
cli.add_command(serve.serve)
cli.add_command(report.report)
cli.add_command(spark.spark)
cli.add_command(reextract.reextract_command)


def main() -> None:
    from vigie.store.packed import note_interrupt  # Ctrl-C stops as Ctrl-C even inside SQLite

    signal.signal(signal.SIGINT, note_interrupt)
    cli(prog_name="vigie")
