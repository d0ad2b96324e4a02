"""`vigie report`: a self-contained situation report (issue 13), HTML with no external request and
every scraped string escaped, a PDF through WeasyPrint, French or English."""

from __future__ import annotations

import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.rows import BORA, HOSTILE, _event, fill
from vigie.cli import cli
from vigie.report import Period, build_brief, render_html
from vigie.store import Store

PERIOD = ["--from", "2024-07-01", "--to", "2024-08-31"]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """tests/rows.py, plus an event of the previous period and one reported by a hostile sentence."""
    path = tmp_path / "report.db"
    with Store.open(f"sqlite:///{path}") as store:
        ids = fill(store)
        boni = ids["essor-2024-08-05-boni.txt"]
        offset = (
            len("Attaque contre le poste de Boni")
            + 2
            + len(BORA)
            + len(" Le bilan fait état de trois soldats tués. ")
        )
        with store.engine.begin() as connection:
            _event(connection, 3, date(2024, 8, 2), "Violence against civilians", "Attack", "Sévaré", "Mopti",
                   14.53, -4.1, boni, HOSTILE, offset)  # fmt: skip
            _event(connection, 4, date(2024, 6, 10), "Battles", "Armed clash", "Léré", "Tombouctou",
                   15.71, -4.91, boni, BORA, len("Attaque contre le poste de Boni") + 2)  # fmt: skip
    return path


class Requests(HTMLParser):
    """Every attribute a browser would fetch on opening the page, and the elements that run code."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.code: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "srcset", "data", "poster") or (tag == "link" and name == "href"):
                self.fetched.append(value or "")
            if name.startswith("on"):
                self.code.append(f"{tag} {name}")
        if tag in ("script", "iframe", "object", "embed", "link"):
            self.code.append(tag)


def run(database: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["report", *args, "--db", str(database)])
    assert result.exit_code == 0, result.output
    return result.output


def test_period_compares_with_the_one_before() -> None:
    period = Period(date(2024, 7, 1), date(2024, 8, 31))
    assert (period.days, period.previous().start, period.previous().end) == (
        62,
        date(2024, 4, 30),
        date(2024, 6, 30),
    )


def test_html_report_is_self_contained_and_escaped(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    result = CliRunner().invoke(cli, ["report", *PERIOD, "-o", str(out), "--db", str(database)])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(rf"{out}: HTML report, 2024-07-01 to 2024-08-31, [\d,]+ bytes\n", result.output)
    html = out.read_text(encoding="utf-8")
    requests = Requests()
    requests.feed(html)
    assert requests.fetched == [] and requests.code == []
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;vigie&#39;)&lt;/script&gt;" in html
    assert "Période : du 1 juillet 2024 au 31 août 2024 (62 jours)" in html
    assert "comparée à la période précédente, du 30 avril 2024 au 30 juin 2024" in html
    cards = re.findall(r'data-key="(\w+)"><div class="label">[^<]+</div><div class="value">(\d+)</div>\s*'
                       r'<div class="compare">Précédente : (\d+)', html)  # fmt: skip
    assert cards == [("events", "2", "1"), ("fatalities", "6", "3"), ("with_toll", "2", "1")]
    regions = re.findall(r"<tr><td>([^<]+)</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td>",
                         html[html.index('id="by-region"') :html.index('id="by-type"')])  # fmt: skip
    assert regions == [("Mopti", "2", "0"), ("Tombouctou", "0", "1")]
    deadliest = html[html.index('id="deadliest"') : html.index('id="diplomacy"')]
    assert "4 août 2024 — Boni (Mopti) : 3 morts" in deadliest
    assert f"« {BORA.replace(chr(39), '&#39;')} »" in deadliest  # the source quoted
    assert "Bilan : « Le bilan fait état de trois soldats tués. »" in deadliest  # and its toll sentence
    assert "Attaque contre le poste de Boni (2024-08-05T09:30, essor-2024-08-05-boni.txt)" in deadliest
    assert '<a class="dot"' not in html and html.count('<g class="dot">') == 2  # the map: no link out
    assert "Méthode et limites" in html and "ce que la presse collectée rapporte" in html


def test_english_report_and_diplomacy(database: Path) -> None:
    html = run(database, "--since", "2023-01-01", "--until", "2023-12-31", "--lang", "en")
    assert "Period: 1 January 2023 to 31 December 2023 (365 days)" in html
    partners = html[html.index('id="partners"') :]
    assert re.search(r"<td>Niger</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                     r"<td>COOPERATE 1</td>", partners)  # fmt: skip
    assert "Foreign relations: Mali and its partners" in html and "What these figures cannot show" in html


def test_region_filter_and_mistakes(database: Path, tmp_path: Path) -> None:
    html = run(database, *PERIOD, "--region", "Tombouctou")
    assert "Région : Tombouctou" in html and 'data-key="events"><div class="label">Événements de sécurité</div>' \
        '<div class="value">0</div>' in html  # fmt: skip
    backwards = CliRunner().invoke(
        cli, ["report", "--from", "2024-08-31", "--to", "2024-07-01", "--db", str(database)]
    )
    assert backwards.exit_code == 1
    assert (
        backwards.output
        == "Error: --to 2024-07-01 is before --from 2024-08-31; give the first day, then the last\n"
    )
    no_file = CliRunner().invoke(cli, ["report", *PERIOD, "--format", "pdf", "--db", str(database)])
    assert no_file.output == "Error: a PDF report needs a file: add -o report.pdf\n"
    bad_day = CliRunner().invoke(
        cli, ["report", "--from", "1/7/2024", "--to", "2024-08-31", "--db", str(database)]
    )
    assert bad_day.exit_code == 2 and "'1/7/2024' is not a day; write it YYYY-MM-DD" in bad_day.output


def test_pdf_report(database: Path, tmp_path: Path) -> None:
    try:
        import weasyprint
    except (ImportError, OSError) as err:
        if os.environ.get("CI"):
            pytest.fail(f"WeasyPrint or Pango is missing ({err}); scripts/test.sh installs them")
        pytest.skip(f"WeasyPrint or Pango is missing: {err}")
    out = tmp_path / "rapport.pdf"
    result = CliRunner().invoke(cli, ["report", *PERIOD, "-o", str(out), "--db", str(database)])
    assert result.exit_code == 0, result.output
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF") and len(pdf) > 20_000
    with Store.open(f"sqlite:///{database}", create=False) as store:
        html = render_html(build_brief(store, Period(date(2024, 7, 1), date(2024, 8, 31)), "fr"), "fr")
    pages = weasyprint.HTML(string=html).render().pages
    assert 3 <= len(pages) <= 6  # A4: cover and figures, map, timeline and tables, sources, method
