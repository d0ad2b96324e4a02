"""Event types read from the trigger's frame and from what the article told before (issue 10),
on sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.extracting import article_events as _events
from vigie.events.coding import distinct
from vigie.pipeline import Stages
from vigie.records import Event


def _kinds(events: list[Event]) -> list[tuple[str, str]]:
    return sorted((e.event_type, e.sub_event_type) for e in events)


@pytest.mark.parametrize(
    "body",
    [
        "Lundi, les démineurs de l'armée ont découvert puis désamorcé un engin explosif improvisé près de Boni.",
        "Lundi, les soldats ont repéré puis neutralisé une mine artisanale enfouie près de Gao.",
        "Un engin explosif a été neutralisé mardi près de Douentza par une patrouille de l'armée.",
    ],
)
def test_a_defused_device_is_disrupted_weapons_use(stages: Stages, body: str) -> None:
    """ACLED: a device defused, found or seized did not go off: Disrupted weapons use by the state."""
    [event] = _events(stages, body, date(2024, 1, 3))
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert event.actor1 == "Military Forces of Mali"


def test_a_device_that_went_off_stays_an_explosion(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Lundi, un véhicule de l'armée a sauté sur un engin explosif improvisé près de Boni.",
        date(2024, 1, 3),
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Remote explosive/landmine/IED",
        "Unidentified Armed Group",
        "Military Forces of Mali",
    )


def test_a_strike_named_by_the_general_staff_is_the_army_s(stages: Stages) -> None:
    """The name of the reporting body ("l'état-major général des armées") is blanked for triggers,
    not for the words that say the strike is the army's."""
    [event] = _events(
        stages,
        "L'état-major général des armées a annoncé avoir localisé et frappé, le 3 mars, une cible terroriste "
        "près de Ménaka, neutralisant plusieurs terroristes.",
        date(2025, 3, 5),
    )
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", "Military Forces of Mali")


def test_arrests_after_a_raid_are_an_event_of_their_own(stages: Stages) -> None:
    """ "Les opérations de ratissage qui ont suivi ont conduit à l'interpellation": a second event at
    the place told before, not another report of the raid."""
    events = _events(
        stages,
        "Le mercredi 4 juin, des hommes armés ont attaqué le camp militaire de Léré. "
        "Les opérations de ratissage qui ont suivi ont conduit à l'interpellation de douze suspects.",
        date(2025, 6, 5),
    )
    assert _kinds(events) == [("Battles", "Armed clash"), ("Strategic developments", "Arrests")]
    assert {e.location for e in events} == {"Léré"}


def test_fighters_captured_in_the_fight_are_the_battle_s(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Le mardi 3 juin, la riposte de l'armée a permis de neutraliser vingt assaillants et d'en interpeller "
        "cinq autres près de Léré.",
        date(2025, 6, 5),
    )
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_a_strike_told_as_this_strike_types_the_event_told_before(stages: Stages) -> None:
    """ "… ont détruit une base. … dans cette frappe": the destruction was an air strike, one event."""
    [event] = _events(
        stages,
        "Le mardi 9 septembre, les FAMa ont localisé puis détruit une base terroriste près de Nara. "
        "Plusieurs terroristes ont été neutralisés dans cette frappe de la patrouille aérienne.",
        date(2025, 9, 11),
    )
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", "Military Forces of Mali")


def test_remote_fire_within_a_battle_is_the_battle() -> None:
    """Air support of troops in a fight and the shelling that opens an assault are the battle; a
    strike after a mine, an arrest after a battle are events of their own."""
    assert not distinct(("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"))
    assert not distinct(
        ("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    )
    assert distinct(
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("Explosions/Remote violence", "Air/drone strike"),
    )
    assert distinct(("Battles", "Armed clash"), ("Strategic developments", "Arrests"))
    assert not distinct(("Battles", "Armed clash"), ("Violence against civilians", "Attack"))


def test_a_place_held_by_soldiers_and_villagers_is_attacked_on_both(stages: Stages) -> None:
    """ACLED: an assault that hits state forces and civilians at once is a battle and an attack on
    civilians; a village with only villagers told is an attack on civilians alone."""
    events = _events(
        stages,
        "Le samedi 7 juin, des hommes armés ont pris pour cible la commune de Djibo au moment où des "
        "habitants et des soldats creusaient une tranchée.",
        date(2025, 6, 9),
    )
    assert _kinds(events) == [("Battles", "Armed clash"), ("Violence against civilians", "Attack")]
    [alone] = _events(
        stages,
        "Le samedi 7 juin, des hommes armés ont pris pour cible la commune de Djibo au moment où des "
        "habitants creusaient un puits.",
        date(2025, 6, 9),
    )
    assert (alone.event_type, alone.actor2) == ("Violence against civilians", "Civilians")
