"""Event types and actors decided by the codebook's definitions, on sentences written for the test (issue 10)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.extracting import article_events as _events
from vigie.pipeline import Stages


@pytest.mark.parametrize(
    "body",
    [
        "Un poste de l'armée a été visé lundi par une attaque combinant engins explosifs et véhicules "
        "piégés près de Ménaka, selon l'état-major.",
        "Lundi, le camp militaire de Boulkessi a été la cible d'une attaque complexe aux engins explosifs improvisés.",
    ],
)
def test_a_complex_attack_on_soldiers_is_an_armed_clash(stages: Stages, body: str) -> None:
    """Explosives that open a ground assault ("attaque complexe") are a battle, not remote violence."""
    [event] = _events(stages, body, date(2024, 3, 5))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.actor1, event.actor2, event.date) == (
        "Unidentified Armed Group",
        "Military Forces of Mali",
        date(2024, 3, 4),
    )


def test_forces_that_were_hit_struck_no_one(stages: Stages) -> None:
    """ "L'armée a été frappée" is the army hit (by the attack told next), not an air strike of the army;
    "les FAMa ont frappé" and a camp "frappé par des drones du FLA" are strikes."""
    [event] = _events(
        stages,
        "Le vendredi 10 février, en fin de matinée, c'est l'armée qui a été frappée. Une patrouille est tombée dans une "
        "embuscade à Tessit.",
        date(2024, 2, 12),
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Armed clash",
        "Unidentified Armed Group",
        "Military Forces of Mali",
    )
    [strike] = _events(
        stages,
        "Le vendredi 10 février, le camp militaire de Ménaka a été frappé par des drones du FLA.",
        date(2024, 2, 12),
    )
    assert (strike.sub_event_type, strike.actor1, strike.actor2) == (
        "Air/drone strike",
        "FLA",
        "Military Forces of Mali",
    )


@pytest.mark.parametrize(
    ("body", "sub_event_type"),
    [
        (
            "Le lundi 4 mars, des manifestants en colère ont saccagé la mairie de Kati et brûlé des pneus.",
            "Violent demonstration",
        ),
        (
            "Le lundi 4 mars, la gare routière de Kati a été incendiée par des protestataires.",
            "Violent demonstration",
        ),
        (
            "Le lundi 4 mars, des centaines de jeunes ont manifesté à Kati pour réclamer l'électricité.",
            "Peaceful protest",
        ),
    ],
)
def test_demonstrators_who_destroy_riot(stages: Stages, body: str, sub_event_type: str) -> None:
    """ACLED: a violent demonstration is one whose demonstrators destroy property; otherwise a protest."""
    [event] = _events(stages, body, date(2024, 3, 5))
    assert (event.sub_event_type, event.location, event.date) == (sub_event_type, "Kati", date(2024, 3, 4))


def test_a_raid_on_civilians_and_soldiers_gives_each_event_its_own_dead(stages: Stages) -> None:
    """FORMAT.md: a civilian massacre and a clash with soldiers in one raid are two events; the
    civilians' dead are the massacre's, the soldiers' the clash's."""
    events = _events(
        stages,
        "Le lundi 4 mars, des hommes armés ont attaqué un convoi de commerçants escorté par l'armée près "
        "de Gossi, tuant quatre civils et trois soldats.",
        date(2024, 3, 5),
    )
    assert sorted((e.event_type, e.fatalities) for e in events) == [
        ("Battles", 3),
        ("Violence against civilians", 4),
    ]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "Le lundi 4 mars, des soldats ont été pris pour cible par des hommes armés à Kantchari.",
            "Armed clash",
        ),
        (
            "Le lundi 4 mars, des gendarmes ont été pris à partie par des hommes armés à Kantchari.",
            "Armed clash",
        ),
        (
            "Le lundi 4 mars, quarante femmes ont été prises par des jihadistes à Kantchari.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_taken_in_a_locution_is_no_abduction(stages: Stages, body: str, kind: str) -> None:
    """ "pris pour cible", "pris à partie" are attacks; people "prises" by armed men are abducted."""
    [event] = _events(stages, body, date(2024, 3, 5))
    assert (event.sub_event_type, event.location) == (kind, "Kantchari")


@pytest.mark.parametrize(
    "body",
    [
        "Le mardi 26 mai, le ministre a reçu un lot de 40 véhicules blindés, de combat, de transmission et "
        "d'ambulances destinés aux unités de Gao.",
        "Le mardi 26 mai, la Chine a livré des camions logistiques et de combat à l'armée, à Bamako.",
    ],
)
def test_equipment_for_combat_is_no_battle(stages: Stages, body: str) -> None:
    """ "de combat" naming a kind of vehicle in a list of equipment handed over reports no fighting."""
    assert _events(stages, body, date(2024, 5, 27)) == []


def test_where_the_wounded_were_taken_is_not_where_they_were_hit() -> None:
    """ "mort à Dakar où il avait été évacué": Dakar is where he was taken, no place of the event."""
    from vigie.events.places import find_toponyms

    found = find_toponyms("Un casque bleu blessé à Aguelhok est décédé à Niamey, où il avait été évacué.")
    assert [(t.name, t.role) for t in found] == [("Aguelhok", "direct"), ("Niamey", "other")]


def test_a_wounded_soldier_who_died_later_is_no_new_event(stages: Stages) -> None:
    """The death of someone wounded earlier, where he was evacuated, belongs to the event that
    wounded him (told before): no event of its own."""
    events = _events(
        stages,
        "Le lundi 4 mars, un convoi de l'armée a sauté sur une mine près de Boni. Un soldat blessé dans "
        "l'explosion est mort le mercredi 6 mars à Sévaré, où il avait été évacué.",
        date(2024, 3, 7),
    )
    assert [(e.sub_event_type, e.location, e.date) for e in events] == [
        ("Remote explosive/landmine/IED", "Boni", date(2024, 3, 4))
    ]


def test_a_camp_of_displaced_people_is_a_civilian_target(stages: Stages) -> None:
    """ "camp de déplacés" holds the army word "camp" but names a civilian place."""
    [event] = _events(
        stages,
        "Le lundi 4 mars, des hommes armés ont attaqué un camp de déplacés à Barsalogho, tuant vingt personnes.",
        date(2024, 3, 5),
    )
    assert (event.event_type, event.actor2, event.fatalities) == (
        "Violence against civilians",
        "Civilians",
        20,
    )


@pytest.mark.parametrize(
    "body",
    [
        "Le lundi 4 mars, une attaque contre des positions militaires à Ansongo a été repoussée par les FAMa.",
        "Le lundi 4 mars, les FAMa ont repoussé une attaque terroriste contre leur camp d'Ansongo.",
    ],
)
def test_the_attackers_of_a_repelled_attack_are_actor1(stages: Stages, body: str) -> None:
    """ACLED's actor1 began the event: the attackers of a repelled attack, not the defenders."""
    [event] = _events(stages, body, date(2024, 3, 5))
    assert (event.actor1, event.actor2, event.location) == (
        "Unidentified Armed Group",
        "Military Forces of Mali",
        "Ansongo",
    )
