"""`vigie report`: a situation report for a period, as one self-contained HTML page or a PDF."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from vigie.cli.options import build_settings, db_option
from vigie.errors import InputError


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a day; write it YYYY-MM-DD, e.g. 2024-08-01") from None


@click.command()
@click.option("--from", "--since", "start", required=True, callback=_day, metavar="DAY",
              help="First day of the period, YYYY-MM-DD.")  # fmt: skip
@click.option("--to", "--until", "end", required=True, callback=_day, metavar="DAY",
              help="Last day of the period, inclusive.")  # fmt: skip
@click.option("--region", default=None, help='Only the events of this region (admin1), e.g. "Mopti".')
@click.option("--country", default=None, metavar="ISO3",
              help="Only the events of this country; its partners in the diplomacy section (default MLI).")  # fmt: skip
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default=None,
              help="Default: from the output's extension, else html.")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File (default stdout for HTML; a PDF needs a file).")  # fmt: skip
@db_option
@click.pass_context
def report(
    ctx: click.Context,
    start: date,
    end: date,
    region: str | None,
    country: str | None,
    lang: str,
    fmt: str | None,
    output: Path | None,
    db: str | None,
) -> None:
    """A situation report for a period: headline figures against the previous period, a map, the
    timeline, events and fatalities by region and type, the deadliest events with their sources
    quoted, the period's diplomatic interactions by partner and type, and the method. HTML needs
    no network (inline CSS and SVG); PDF is printed by WeasyPrint.

    Example: vigie report --from 2023-09-01 --to 2023-09-30 --lang fr -o septembre.pdf
    """
    from vigie.report import Period, write_report
    from vigie.store import Store  # imported here: `vigie --help` starts without the store

    if end < start:
        raise InputError(f"--to {end} is before --from {start}; give the first day, then the last")
    chosen = fmt or ("pdf" if output is not None and output.suffix.lower() == ".pdf" else "html")
    if chosen == "pdf" and output is None:
        raise InputError("a PDF report needs a file: add -o report.pdf")
    settings = build_settings(ctx, db)
    with Store.open(settings.db, create=False) as store:
        period = Period(start, end, region or None, country.upper() if country else None)
        content = write_report(store, period, lang, chosen)
    if output is None:
        sys.stdout.write(content.decode("utf-8"))
    else:
        output.write_bytes(content)
        click.echo(f"{output}: {chosen.upper()} report, {start} to {end}, {len(content):,} bytes", err=True)
