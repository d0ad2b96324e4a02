"""Situation reports: a Store and a period -> a self-contained French or English brief, HTML or PDF.

brief.py   the figures: headline against the previous period, by region and type, the deadliest
           events with their sources, the diplomatic partners (a Brief)
words.py   the report's words in French and English
render.py  Brief -> HTML (inline CSS and SVG, no external request) -> PDF (WeasyPrint)
"""

from __future__ import annotations

from vigie.report.brief import Brief, Period, build_brief
from vigie.report.render import long_date, render_html, render_pdf
from vigie.store import Store

__all__ = ["Brief", "Period", "build_brief", "long_date", "render_html", "render_pdf", "write_report"]


def write_report(store: Store, period: Period, lang: str, fmt: str) -> bytes:
    """The report of `period` as HTML (UTF-8) or PDF bytes."""
    html = render_html(build_brief(store, period, lang), lang)
    return render_pdf(html) if fmt == "pdf" else html.encode("utf-8")
