"""Actors of issue 10 on sentences written for them: the forces of the country where the event
happens, a subject the parser folds into a source told first, a claim told in a later sentence."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.extracting import article_events as _events
from vigie.pipeline import Stages


@pytest.mark.parametrize(
    ("body", "actor2"),
    [
        # gendarmes outside Mali are coded with the country's military (ACLED)
        (
            "Dimanche, des hommes armés ont attaqué la brigade de gendarmerie de Téra, dans la région de "
            "Tillabéri, tuant trois gendarmes.",
            "Military Forces of Niger",
        ),
        ("Des hommes armés ont tué quatre soldats à Arbinda lundi.", "Military Forces of Burkina Faso"),
        (
            "Cinq VDP ont été tués dans une embuscade près de Titao vendredi.",
            "Military Forces of Burkina Faso",
        ),
        # in Mali, gendarmes are the police
        (
            "Samedi, des assaillants ont attaqué le poste de gendarmerie de Kolondiéba, tuant un gendarme.",
            "Police Forces of Mali",
        ),
    ],
)
def test_forces_are_those_of_the_country_where_the_event_happens(
    stages: Stages, body: str, actor2: str
) -> None:
    [event] = _events(stages, body, date(2024, 3, 11))
    assert (event.event_type, event.actor1, event.actor2) == ("Battles", "Unidentified Armed Group", actor2)


def test_the_subject_after_a_source_told_first_is_the_perpetrator(stages: Stages) -> None:
    # the parser folds "des soldats maliens" into the "Selon …" phrase; the UN mission only tells it
    [event] = _events(
        stages,
        "Selon un rapport de la MINUSMA publié mardi, des soldats maliens ont exécuté 14 civils à Dioura "
        "le 5 février 2022.",
        date(2022, 5, 3),
    )
    assert (event.event_type, event.actor1, event.actor2, event.fatalities) == (
        "Violence against civilians",
        "Military Forces of Mali",
        "Civilians",
        14,
    )


def test_a_claim_told_next_names_the_author_and_is_no_new_event(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Mercredi, des hommes armés ont attaqué le poste militaire de Kantchari. Dans un communiqué "
        "diffusé jeudi, l'État islamique au Sahel a revendiqué l'attaque.",
        date(2024, 3, 8),
    )
    assert (event.event_type, event.date, event.actor1, event.actor2) == (
        "Battles",
        date(2024, 3, 6),
        "Islamic State Sahel",
        "Military Forces of Burkina Faso",
    )


def test_dozo_hunters_attacking_a_village_are_the_perpetrators(stages: Stages) -> None:
    [event] = _events(
        stages, "Des dozos ont attaqué mardi le village peul de Sobane, tuant douze civils.", date(2024, 3, 8)
    )
    assert (event.actor1, event.actor2, event.fatalities) == ("Dozo militia", "Civilians", 12)


def test_a_repelled_incursion_by_a_militia_is_its_clash_with_unidentified_men(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Mardi, une incursion visant le village de Guimini a été repoussée par Dan Na Ambassagou.",
        date(2024, 3, 8),
    )
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group", "Dozo militia")


def test_self_defence_fighters_killed_fell_to_no_state_force(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Une vingtaine de membres d'un groupe d'autodéfense ont été tués mardi à Bakorat, dans le "
        "département de Tillia.",
        date(2024, 3, 8),
    )
    assert event.actor1 == "Unidentified Armed Group" and event.fatalities == 20


def test_a_group_named_in_the_conditional_is_suspicion_not_a_claim(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Quatre militaires nigériens sont morts lundi au cours d'une attaque visant une position de l'armée "
        "à Chétima Wango. Selon l'agence de presse, les assaillants seraient des éléments de Boko Haram.",
        date(2024, 3, 8),
    )
    assert (event.actor1, event.actor2, event.fatalities) == (
        "Unidentified Armed Group",
        "Military Forces of Niger",
        4,
    )


@pytest.mark.parametrize(
    "body",
    [
        "La division des droits de l'homme de la MINUSMA a documenté l'exécution de 33 civils à Diafarabé "
        "le 5 mai 2021.",
    ],
)
def test_an_investigating_body_is_not_the_perpetrator(stages: Stages, body: str) -> None:
    [event] = _events(stages, body, date(2021, 6, 1))
    assert (event.actor1, event.actor2, event.fatalities) == ("Unidentified Armed Group", "Civilians", 33)


def test_a_foreign_air_force_named_by_its_country_keeps_its_country(stages: Stages) -> None:
    # a strike in Mali by the Niger air force: the named force, not the forces of the place
    [event] = _events(
        stages,
        "Mardi, l'aviation nigérienne a frappé des terroristes près de Ménaka, au Mali, neutralisant une "
        "vingtaine d'entre eux.",
        date(2024, 3, 8),
    )
    assert (event.sub_event_type, event.actor1, event.actor2, event.fatalities) == (
        "Air/drone strike",
        "Military Forces of Niger",
        "Unidentified Armed Group",
        20,
    )
