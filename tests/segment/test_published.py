"""Publication dates in every form pages print them, and what is not a publication date (issue 11)."""

from __future__ import annotations

import pytest

from vigie.frdate import fold, iso
from vigie.segment.lines import Line, classify_line, read_date_line
from vigie.segment.published import find_dateline, find_stamp, page_year


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Publié le jeudi 5 octobre 2023 | aBamako.com", "2023-10-05"),
        ("Publié en janvier 2024", "2024-01"),
        ("Mis à jour le 03/02/2024 à 10h12", "2024-02-03T10:12"),
        ("12/03/2024", "2024-03-12"),
        ("02.12.2023", "2023-12-02"),
        ("samedi, 22 mars 2025 08:40", "2025-03-22T08:40"),
        ("Publié le : 16/01/2023 - 18:42", "2023-01-16T18:42"),
        ("Par Pressafrik.com (Avec RFI) | Lundi 14 Juillet 2025 à 19:40 | Lu 1 742 fois", "2025-07-14T19:40"),
        ("2024-12-26T14:07+0100", "2024-12-26T14:07"),
        ("(Xinhua) 02.02.2026 08h47", "2026-02-02T08:47"),
        ("juin 16, 2022 - Rédaction", "2022-06-16"),
        ("Publié le lundi 24 avril 2023 à 11h20min", "2023-04-24T11:20"),
        ("3 JUIN 2025", "2025-06-03"),
        ("Édition du mardi 31 décembre 2024 – par Hassane Djibo", "2024-12-31"),
        ("Paris, 5 mai 2021 (AFP) -", "2021-05-05"),
        ("12 mars 2024 | 10h05", "2024-03-12T10:05"),
        ("Published on May 15, 2024 at 11:20", "2024-05-15T11:20"),
        ("Tue, 04 Jun 2024 08:30:00 +0000", "2024-06-04T08:30"),
        ("French.news.cn | 2024-05-08 17:32:05", "2024-05-08T17:32"),
        ("Février 2024 | N° 118", "2024-02"),
    ],
)
def test_publication_lines(line: str, expected: str) -> None:
    found = read_date_line(line, fold(line), len(line.split()))
    assert found is not None, line
    stamp = found[0]
    value = stamp.resolve(None)
    assert value is not None
    assert iso(value, stamp.month_only) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Moussa K. - il y a 2 jours",
        "© ANP - Le chef de l'Etat lors de la clôture des travaux, le 20 février 2025 à Niamey",
        "Le président de la Transition, le 12 mars 2024 à Koulouba, lors de la cérémonie",
        "Vendredi 1er mars 2024, des hommes armés ont attaqué le poste de Mahou, tuant deux gendarmes.",
    ],
)
def test_lines_that_are_not_publication_lines(line: str) -> None:
    assert classify_line(line)[0] is not Line.DATE


def test_datelines_without_a_year_take_the_page_year() -> None:
    stamp = find_dateline("JOHANNESBURG, 22 août (Reuters) - Le président sud-africain a reçu son homologue")
    assert stamp is not None
    assert str(stamp.resolve(page_year("© 2023 Reuters. Tous droits réservés."))) == "2023-08-22"


def test_a_printed_weekday_picks_the_year() -> None:
    found = find_stamp("samedi 22 mars")
    assert found is not None
    assert str(found[0].resolve(2026)) == "2025-03-22"  # 22 March 2026 is a Sunday


def test_datelines_open_the_body_or_close_a_sputnik_lead() -> None:
    assert (
        str(find_dateline("Bamako, le 12 mars 2024 – Le gouvernement a annoncé").resolve(None))
        == "2024-03-12"
    )  # type: ignore[union-attr]
    lead = "Le Mali a reçu un nouveau lot de céréales russes. 17.01.2024, Sputnik Afrique"
    assert str(find_dateline(lead).resolve(None)) == "2024-01-17"  # type: ignore[union-attr]
    assert find_dateline("Selon le maire, 12 personnes ont été tuées - un bilan provisoire") is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("BAMAKO, Mali, 12 mars 2024 (AFP) - Le ministre a reçu ses homologues", "2024-03-12"),
        ("Niamey, 12 Mars 2024 (ANP)-Le ministre de l'Intérieur a annoncé", "2024-03-12"),
        ("Fada N'Gourma, May 14, 2024 (AIB) – Units of the armed forces", "2024-05-14"),
        ("Dakar, 19/11/2023 (APA) - Le Premier ministre a ouvert un forum", "2023-11-19"),
    ],
)
def test_datelines_of_agencies(paragraph: str, expected: str) -> None:
    """A country after the place, no space after the agency's parenthesis, English dates (issue 11)."""
    stamp = find_dateline(paragraph)
    assert stamp is not None
    assert str(stamp.resolve(None)) == expected
