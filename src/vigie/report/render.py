"""Situation report, rendering: a Brief -> one self-contained HTML page (inline CSS and SVG, no
script, no external request), or a PDF of it through WeasyPrint.

Every scraped string goes through Jinja2's autoescaping, as in the dashboard. The map and the
timeline are the dashboard's drawings (web/_charts.html), with their style inside each SVG, which
is what WeasyPrint applies to inline SVG.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from vigie.errors import ConfigError
from vigie.report.brief import Brief
from vigie.report.words import report_translator
from vigie.web.charts import TYPE_COLOURS, dots_markup
from vigie.web.i18n import month_name, party_label, plover_label, sub_type_label, type_label

HERE = Path(str(resources.files("vigie.report"))) / "templates"
WEB = Path(str(resources.files("vigie.web"))) / "templates"


def render_html(brief: Brief, lang: str) -> str:
    """The report as one HTML page that needs nothing else to be read or printed."""
    pages = Environment(
        loader=ChoiceLoader([FileSystemLoader(HERE), FileSystemLoader(WEB)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return pages.get_template("report.html").render(
        brief=brief,
        lang=lang,
        t=report_translator(lang),
        css=Markup((HERE / "report.css").read_text(encoding="utf-8")),
        svg_css=Markup((HERE / "svg.css").read_text(encoding="utf-8")),
        dots=dots_markup(brief.map.dots, lang),
        TYPE_COLOURS=TYPE_COLOURS,
        type_label=lambda value: type_label(value, lang),
        sub_type_label=lambda value: sub_type_label(value, lang),
        plover_label=lambda value: plover_label(value, lang),
        party_label=lambda value: party_label(value, lang),
        day=lambda value: long_date(value, lang),
        colon=" :" if lang == "fr" else ":",  # French puts a space before a colon
    )


def render_pdf(html: str) -> bytes:
    """The HTML report printed to PDF (A4) by WeasyPrint, which needs Pango (Debian: libpango-1.0-0)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as err:  # OSError: WeasyPrint is there but Pango is not
        raise ConfigError(
            f"PDF reports need WeasyPrint and Pango ({err}). Run: pip install 'vigie[pdf]' "
            "(and on Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0), or write HTML: -o report.html"
        ) from err
    pdf: bytes = HTML(string=html, base_url=None).write_pdf()
    return pdf


def long_date(value: date | str, lang: str) -> str:
    """ "1 août 2024" / "1 August 2024".

    >>> long_date(date(2024, 8, 1), "fr"), long_date("2024-08-01", "en")
    ('1 août 2024', '1 August 2024')
    """
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return f"{day.day} {month_name(day.month, lang)} {day.year}"
