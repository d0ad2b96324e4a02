"""Which candidate events the rules find and how reports of one event merge (issue 10), each on
French sentences written for the test."""

from __future__ import annotations

from datetime import date

from vigie.events import merge_events
from vigie.pipeline import Stages
from vigie.records import Article, Event


def _events(stages: Stages, body: str, published: date) -> list[Event]:
    spans, at = [], 0
    for paragraph in body.split("\n\n"):  # the segmenter's paragraphs
        spans.append((at, at + len(paragraph)))
        at += len(paragraph) + 2
    article = Article("c" * 40, 0, "full", None, published, None, body, 0, len(body), tuple(spans))
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


def test_a_massacre_denounced_by_a_mayor_is_not_placed_at_his_commune(stages: Stages) -> None:
    events = _events(
        stages,
        "Le maire de la commune de Bankass a dénoncé mercredi un massacre de civils.",
        date(2023, 5, 4),
    )
    assert [e.location for e in events] == []


def test_two_towns_each_with_its_own_protest_are_two_events_when_roughly_dated(stages: Stages) -> None:
    events = _events(
        stages,
        "Des centaines de jeunes ont manifesté à Bandiagara contre l'insécurité. "
        "A Bankass aussi, des habitants sont descendus dans la rue pour réclamer le retour de l'armée.",
        date(2023, 5, 4),
    )
    # the pipeline merges the reports of a document: a roughly dated report joins an event of its
    # region, but two towns each named as the scene are two events
    merged = merge_events(events)
    assert sorted(str(e.location) for e in merged if e.event_type == "Protests") == ["Bandiagara", "Bankass"]


def test_suspects_arrested_in_a_list_of_villages_are_one_arrest(stages: Stages) -> None:
    events = _events(
        stages,
        "Samedi, lors d'une patrouille dans les villages de Kolondiéba, Fana et Koumantou, les gendarmes "
        "ont interpellé sept individus suspects.",
        date(2024, 3, 11),
    )
    assert [(e.sub_event_type, e.location) for e in events] == [("Arrests", "Kolondiéba")]


def test_a_claim_told_the_next_day_adds_nothing_but_its_author(stages: Stages) -> None:
    events = _events(
        stages,
        "Le mardi 5 mars 2024, un camion de la gendarmerie a sauté sur une mine près de Kolondiéba. "
        "Deux gendarmes ont été tués. Le lendemain, le JNIM a revendiqué l'attaque dans une vidéo, "
        "affirmant avoir enlevé un gendarme.",
        date(2024, 3, 8),
    )
    assert [(e.event_type, e.date, e.actor1) for e in events] == [
        ("Explosions/Remote violence", date(2024, 3, 5), "JNIM")
    ]


def test_a_heading_inside_an_article_founds_no_event_but_places_the_text_below(stages: Stages) -> None:
    events = _events(
        stages,
        "Le ministre de la Défense a présidé lundi une réunion du conseil de sécurité.\n\n"
        "La riposte de Tessalit\n\n"
        "Le ministre a salué le courage des soldats.\n\n"
        "Nouvelle attaque à Ménaka\n\n"
        "Le samedi 9 mars 2024, vers 5 heures, une position de l'armée a été attaquée par des hommes armés.",
        date(2024, 3, 11),
    )
    assert [(e.event_type, e.location, e.date) for e in events] == [("Battles", "Ménaka", date(2024, 3, 9))]


def test_a_place_of_the_time_compared_with_is_not_the_event_s(stages: Stages) -> None:
    events = _events(
        stages,
        "Il s'agit de l'embuscade la plus meurtrière depuis celle du poste de Tessit, survenue en mars.",
        date(2024, 6, 4),
    )
    assert [e.location for e in events] == []


def test_places_of_a_purpose_clause_are_not_where_the_strike_was(stages: Stages) -> None:
    events = _events(
        stages,
        "Le samedi 6 avril 2024, l'armée a mené des bombardements sur une colline de la région de "
        "Mopti d'où partaient des terroristes pour semer la désolation dans les localités de Konna et Boré.",
        date(2024, 4, 8),
    )
    assert [(e.sub_event_type, e.location) for e in events] == [("Air/drone strike", "Mopti")]
