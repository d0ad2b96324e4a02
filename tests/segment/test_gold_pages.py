"""Segmentation of real page dumps: the seeds and dev documents of shared/eval, and our fixtures."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.conftest import EVAL, FIXTURES, read_doc
from vigie.frdate import iso
from vigie.ingest.text import repair_mojibake
from vigie.segment import Line, classify_line, split_articles

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "vigie" / "data" / "sample"
TEXT_FIXTURES = FIXTURES / "text"


def _gold_cases() -> list[tuple[Path, Path, str]]:
    """(gold file, folder, document) for the shared gold sets, our sample and our fixtures."""
    sets = [
        (EVAL / "seeds.gold.jsonl", EVAL / "seeds"),
        (EVAL / "dev.gold.jsonl", EVAL / "dev"),
        (SAMPLE / "sample.gold.jsonl", SAMPLE),
        (TEXT_FIXTURES / "fixtures.gold.jsonl", TEXT_FIXTURES),
    ]
    cases = []
    for gold, folder in sets:
        if gold.exists():
            for line in gold.read_text(encoding="utf-8").splitlines():
                cases.append((gold, folder, json.loads(line)["doc"]))
    return cases


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize(("gold", "folder", "name"), _gold_cases(), ids=lambda v: getattr(v, "name", v))
def test_dump_splits_as_annotated(gold: Path, folder: Path, name: str) -> None:
    """Every article of the gold, in order: title, date, author, kind and first words."""
    records = {r["doc"]: r for r in map(json.loads, gold.read_text(encoding="utf-8").splitlines())}
    annotated = records[name]["articles"]
    articles = split_articles(read_doc(folder / name))
    got = [(a.title, iso(a.published), a.author, a.kind) for a in articles]
    expected = [(g["title"], g["published"], g["author"], g["kind"]) for g in annotated]
    assert got == expected
    for article, item in zip(articles, annotated, strict=True):
        first = _words(repair_mojibake(item["first_words"]))
        assert _words(article.body)[: len(first)] == first


def test_gold_sets_are_all_covered() -> None:
    names = {(gold.name, name) for gold, _, name in _gold_cases()}
    assert len([n for n in names if n[0] == "sample.gold.jsonl"]) == 8
    assert len([n for n in names if n[0] == "fixtures.gold.jsonl"]) == 6
    if EVAL.is_dir():
        assert len(names) == 8 + 6 + 5 + 30


def test_essor_dump_keeps_article_and_teasers_drops_furniture() -> None:
    articles = split_articles(read_doc(EVAL / "seeds" / "002_70e1f76af9e488df.txt"))
    assert len(articles) == 14
    first = articles[0]
    assert first.kind == "full"
    assert (
        first.title
        == "Lutte contre le terrorisme : La Russie annonce «se tenir aux côtés du Mali et des pays de l'AES»"
    )
    assert first.published == datetime(2024, 8, 1, 19, 43)
    assert first.author == "Souleymane SIDIBE"
    assert first.body.startswith("La Russie annonce se tenir fermement aux côtés du Mali")
    assert first.body.endswith("appuyés par des sponsors étrangers.")
    assert [a.kind for a in articles[1:]] == ["teaser"] * 13
    assert articles[8].title == "Kayes : Des bases terroristes détruites à Sandaré et Lambatara"
    assert articles[8].published == datetime(2025, 9, 13, 16, 26)
    for article in articles:
        for furniture in (
            "S’abonner",
            "Les articles de l'auteur",
            "Lire aussi",
            "Publié",
            "réservé aux abonnés",
        ):
            assert furniture not in article.body
            assert furniture not in (article.title or "")


def test_listing_captions_are_not_titles() -> None:
    """Seed 000: "Achat des nouveaux aéronefs par la Mali" / tag / headline: the headline is the title."""
    articles = split_articles(read_doc(EVAL / "seeds" / "000_0c73bb8d3818c142.txt"))
    titles = [" ".join((a.title or "").split()) for a in articles]  # nbsp read as a space
    assert "Mali : Clash d’un avion de combat de type Sukhoi SU-25 à Gao" in titles
    assert "Achat des nouveaux aéronefs par la Mali" not in titles
    assert "Matériels terroristes _Macina" not in titles
    assert titles.count("MINUSMA : Le contingent ivoirien plie bagages") == 1
    assert (
        articles[3].title == "MINUSMA\u00a0: Le contingent ivoirien plie bagages"
    )  # as printed before the body
    assert all(a.kind == "teaser" for a in articles)


def test_photo_caption_under_repeated_title_is_dropped() -> None:
    articles = split_articles(read_doc(EVAL / "seeds" / "003_487faec90e07874a.txt"))
    first = articles[0]
    assert first.title.startswith("Mali : Symposium annuel sur la sécurité nationale au Rwanda")
    assert "Le ministre Abdoulaye Diop, et le général Aliou Boï Diarra\n" not in first.body
    assert first.author == "Aboubacar TRAORE"
    assert first.published == datetime(2024, 5, 27, 6, 58)


def test_untitled_lines_after_signature_are_teasers() -> None:
    """Seed 004 starts mid-article; after "Aboubacar TRAORE" every line is a teaser."""
    articles = split_articles(read_doc(EVAL / "seeds" / "004_c9958dadaa7a53bb.txt"))
    assert [a.kind for a in articles] == ["full"] + ["teaser"] * 6
    assert articles[0].author == "Aboubacar TRAORE"
    assert articles[0].title is None
    assert articles[3].body.startswith(
        "Le ministère des Affaires étrangères et de la Coopération internationale"
    )


def test_datelines_give_the_publication_date() -> None:
    dateline = split_articles(read_doc(EVAL / "dev" / "dev_004.txt"))[0]
    assert dateline.published == date(2020, 3, 27)
    assert dateline.body.startswith("Bamako, le 27 mars 2020 – Le président")
    closing = split_articles(read_doc(EVAL / "dev" / "dev_006.txt"))[0]
    assert closing.published == date(2021, 11, 13)
    assert closing.author == "Ibrahim KEÏTA"
    assert "Samedi 13 novembre 2021" not in closing.body


def test_offsets_point_into_the_document() -> None:
    raw = read_doc(EVAL / "dev" / "dev_013.txt")
    for article in split_articles(raw):
        window = raw.text[article.start : article.end]
        if article.title:
            assert article.title in window
        assert [raw.text[s:e] for s, e in article.spans] == article.body.split("\n\n")
        for start, end in article.spans:
            assert article.start <= start < end <= article.end


def test_mojibake_is_repaired_in_bodies() -> None:
    articles = split_articles(read_doc(EVAL / "dev" / "dev_013.txt"))
    coton = next(a for a in articles if a.title == "Coton : le Mali redevient premier producteur africain")
    assert "le Mali a retrouvé sa place de premier producteur africain à l'issue" in coton.body
    assert "Ã" not in coton.body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Sécurité UNE", Line.TAG),
        ("Actualité Politique UNE", Line.TAG),
        ("L’espace des contributions est réservé aux abonnés.", Line.FURNITURE),
        ("S’abonner", Line.FURNITURE),
        ("Source : MSPC", Line.FURNITURE),
        ("Les articles de l'auteur", Line.RELATED),
        ("Publié samedi 13 septembre 2025 à 17:07", Line.DATE),
        ("Bamako, le 2 octobre 2019", Line.DATE),
        ("Samedi 13 novembre 2021", Line.DATE),
        ("Moussa DIARRA", Line.SIGNATURE),
        ("La Rédaction", Line.SIGNATURE),
        ("Rédaction Lessor", Line.SIGNATURE),
        ("Militarisation de la police nationale : Qu’en est-il des forestiers ?", Line.HEADLINE),
        ("Les FAMa ont neutralisé plusieurs terroristes à Nioro..", Line.PARAGRAPH),
        ("Par arrêté n°2025-4743/MM-SG du 13 octobre 2025, le ministre des Mines a procédé.", Line.PARAGRAPH),
    ],
)
def test_line_types(line: str, kind: Line) -> None:
    assert classify_line(line)[0] is kind


def test_publication_line_without_time_is_a_day() -> None:
    kind, _ = classify_line("Publié le lundi 2 juillet 2012")
    assert kind is Line.DATE
    raw = read_doc(EVAL / "dev" / "dev_010.txt")
    assert split_articles(raw)[0].published == date(2012, 7, 2)
