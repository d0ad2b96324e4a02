"""The general rules of issue 10, each on sentences written for it (none is from the gold sets)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from vigie.events.confidence import EventFilter, Seen, features
from vigie.events.context import Timeline
from vigie.events.frames import frame
from vigie.events.places import find_toponyms
from vigie.events.tree import token_at
from vigie.frdate import find_event_date
from vigie.geo.boundary import Boundaries
from vigie.pipeline import Stages
from vigie.records import Article, Event, Interaction


def _found(
    stages: Stages, body: str, published: date, title: str | None = None
) -> tuple[list[Event], list[Interaction]]:
    text = (title + "\n\n" if title else "") + body
    start = len(title) + 2 if title else 0
    article = Article("e" * 40, 0, "full", title, published, None, body, 0, len(text), ((start, len(text)),))
    found = stages.extractor(article, stages.analyzer(article, text), stages.gazetteer)
    return list(found.events), list(found.interactions)


def _events(stages: Stages, body: str, published: date, title: str | None = None) -> list[Event]:
    return _found(stages, body, published, title)[0]


def test_an_event_told_first_in_a_country_is_placed_by_the_report_that_follows(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Ouagadougou, 18 mars 2023 (AFP) - Huit soldats et trois supplétifs civils de l'armée ont été tués "
        "vendredi dans une attaque de présumés jihadistes contre un poste militaire dans le nord du "
        "Burkina Faso.\n\nL'assaut a visé le poste de Barsalogho, dans la province du Sanmatenga, "
        "d'après une source sécuritaire.",
        date(2023, 3, 18),
    )
    # the dateline's day anchors "vendredi"; civil auxiliaries of the army are armed: a battle
    assert (event.event_type, event.date, event.location) == ("Battles", date(2023, 3, 17), "Barsalogho")
    assert event.actor2 == "Military Forces of Burkina Faso" and len(event.evidence) == 2


def test_a_dated_event_in_a_country_only_is_placed_at_the_country(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Au moins quinze civils ont été tués le samedi 4 mai 2024 dans une attaque contre un marché au Niger.",
        date(2024, 5, 6),
    )
    assert event.location == "Niger" and event.place is not None
    assert (event.place.country, event.place.admin1, event.place.geo_precision) == ("NER", None, 3)
    assert Boundaries.load().contains("NER", event.place.latitude, event.place.longitude)


def test_the_town_comes_before_the_area_named_with_its_article(stages: Stages) -> None:
    [event] = _events(
        stages,
        "L'attaque menée dans la nuit de dimanche 5 à lundi 6 mai 2024 contre la commune rurale de Bourasso, "
        "dans la Kossi, a fait au moins 22 morts parmi les civils.",
        date(2024, 5, 7),
    )
    assert (event.event_type, event.location, event.date, event.fatalities) == (
        "Violence against civilians",
        "Bourasso",
        date(2024, 5, 6),
        22,
    )


def test_a_road_told_by_its_two_ends_names_two_references() -> None:
    toponyms = find_toponyms(
        "Une unité a été prise dans une embuscade sur l'axe Oursi-Déou, dans la région du Sahel."
    )
    assert [(t.name, t.role) for t in toponyms] == [
        ("Oursi", "reference"),
        ("Déou", "reference"),
        ("Sahel", "region"),
    ]


def test_a_capital_without_a_locative_is_its_government(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Le lundi 6 mai 2024, de violents accrochages ont opposé les rebelles du FLA, en guerre contre Bamako, "
        "à l'armée près d'Anéfis.",
        date(2024, 5, 7),
    )
    assert (event.location, event.actor1, event.actor2) == ("Anéfis", "FLA", "Military Forces of Mali")


def test_victims_told_next_say_whom_an_attack_was_against(stages: Stages) -> None:
    [event] = _events(
        stages,
        "À Djibo, l'attaque a débuté vers 5h30 ce lundi 6 mai 2024.\n\n"
        "Des dizaines de soldats ont été tués et le camp a été en partie incendié.",
        date(2024, 5, 7),
        title="Burkina : Djibo de nouveau visée",
    )
    assert (event.event_type, event.location) == ("Battles", "Djibo")
    assert event.actor2 == "Military Forces of Burkina Faso"


def test_armed_attackers_do_not_make_the_village_a_military_target(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Dans la nuit du jeudi 2 au vendredi 3 mai 2024, une trentaine d'hommes armés ont attaqué Ogossagou, "
        "dans le cercle de Bankass.",
        date(2024, 5, 4),
    )
    assert (event.event_type, event.actor2, event.date) == (
        "Violence against civilians",
        "Civilians",
        date(2024, 5, 3),
    )


def test_the_participle_carries_the_roles_of_its_auxiliary(stages: Stages) -> None:
    text = "Des hommes armés avaient tué onze gendarmes à Seytenga."
    article = Article("f" * 40, 0, "full", None, None, None, text, 0, len(text), ((0, len(text)),))
    [sentence] = stages.analyzer(article, text).sentences
    index = token_at(sentence, text.index("avaient"))
    assert index is not None
    roles = frame(sentence, index)
    assert [p.text for p in roles.agent] == ["Des hommes armés"]
    assert roles.patient and roles.patient[0].text.startswith("onze gendarmes")


def test_the_date_of_the_act_not_of_its_report() -> None:
    found = find_event_date(
        "Selon un communiqué publié le 15 mars, un poste avancé a été attaqué le 10 mars par des terroristes.",
        date(2025, 3, 20),
    )
    assert found is not None and found.day == date(2025, 3, 10)


def test_a_dateline_anchors_the_days_of_its_sentence(stages: Stages) -> None:
    text = "Niamey, 12 juin 2024 (AFP) - Six soldats ont été tués mardi dans une embuscade près de Tillia."
    article = Article(
        "g" * 40, 0, "full", None, date(2024, 6, 13), None, text, 0, len(text), ((0, len(text)),)
    )
    timeline = Timeline(list(stages.analyzer(article, text).sentences), date(2024, 6, 13), None)
    assert timeline[0].when.day == date(2024, 6, 11) and timeline[0].stated


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Le mercredi 8 mai 2024, la Russie a livré au Mali deux hélicoptères de combat et des armes.",
            "COOPERATE",
        ),
        (
            "Le mercredi 8 mai 2024, l'ambassadeur du Japon a remis au ministre un lot de vivres et de médicaments.",
            "AID",
        ),
        (
            "Le mercredi 8 mai 2024, le ministre a qualifié la junte malienne d'« illégitime », a indiqué Paris.",
            "ACCUSE",
        ),
    ],
)
def test_interaction_types_follow_the_codebook(stages: Stages, sentence: str, kind: str) -> None:
    _, interactions = _found(stages, sentence, date(2024, 5, 9))
    assert kind in {i.type for i in interactions}


def test_a_media_interview_is_no_consultation(stages: Stages) -> None:
    _, interactions = _found(
        stages,
        "Dans un long entretien diffusé le mercredi 8 mai 2024 par la télévision nationale, le chef de l'État "
        "nigérien a accusé le Bénin d'abriter des bases étrangères.",
        date(2024, 5, 9),
    )
    assert {(i.type, i.parties) for i in interactions} == {("ACCUSE", ("BEN", "NER"))}


def test_the_shipped_event_filter_knows_every_feature_and_weighs_them_sensibly() -> None:
    event_filter = EventFilter.load()
    assert event_filter is not None and 0.0 < event_filter.threshold < 1.0
    event = Event(
        "Battles", "Armed clash", date(2024, 5, 6), 1, "JNIM", "Military Forces of Mali", "Boni", None, 4, ()
    )
    seen = Seen(0, 6, True, False, False, 1, "boni : attaque du camp", "MLI")
    values = features(event, seen)
    assert set(values) <= set(event_filter.weights)  # the file was fitted on these very features
    told_before = features(event, Seen(0, 6, True, False, True, 1, "boni : attaque du camp", "MLI"))
    assert event_filter.probability(told_before) < event_filter.probability(values)


def test_the_filter_file_names_its_training_sets() -> None:
    from importlib import resources

    table = json.loads(
        resources.files("vigie.data").joinpath("event_filter.json").read_text(encoding="utf-8")
    )
    assert "train.gold.jsonl" in table["about"] and "valid" not in table["about"]
