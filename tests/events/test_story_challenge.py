"""Challenge set for what a story tells over several sentences, written for this test in the manner
of Malian and Burkinabè outlets: a report made on one day about an act of another (the sentences
after it go on with the act's day), tolls given place by place with one verb for both, a toll whose
figure follows a source's name ("Selon un élu local, huit civils …"), weeks counted from the day
told last, and Burkina Faso's regions named by a point of the compass ("la région de l'Est")
(issue 10: "Dates", "Fatalities", "One event per place"; FORMAT.md "Conventions")."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.extracting import article_events
from vigie.pipeline import Stages
from vigie.records import Event

PUBLISHED = date(2024, 3, 14)  # a Thursday
TITLE = "Insécurité : nouvelles attaques dans la région"


def _events(stages: Stages, body: str) -> dict[str, Event]:
    return {e.location or "": e for e in article_events(stages, body, PUBLISHED, TITLE)}


def test_the_day_a_report_tells_goes_on_in_the_sentences_after_it(stages: Stages) -> None:
    found = _events(
        stages,
        "Le gouverneur de la région de Mopti a annoncé jeudi que le village de Ouenkoro avait été "
        "attaqué lundi. « Trois personnes ont été tuées à Ouenkoro et deux autres à Dinangourou », "
        "a-t-il précisé.",
    )
    assert {name: (e.date, e.fatalities) for name, e in found.items()} == {
        "Ouenkoro": (date(2024, 3, 11), 3),
        "Dinangourou": (date(2024, 3, 11), 2),
    }


def test_a_source_named_before_the_toll_adds_nobody_to_it(stages: Stages) -> None:
    found = _events(
        stages,
        "Des hommes armés ont attaqué dans la nuit de mardi à mercredi le village de Sokolo, dans le "
        "cercle de Niono. Selon un élu local, huit civils ont été tués et plusieurs greniers incendiés.",
    )
    assert found["Sokolo"].fatalities == 8
    assert found["Sokolo"].date == date(2024, 3, 13)


def test_an_attack_a_week_before_is_dated_that_week_and_keeps_its_own_toll(stages: Stages) -> None:
    found = _events(
        stages,
        "Le 2 mars, des hommes armés ont tué trois civils à Kadiolo. Une semaine plus tôt, ils avaient "
        "attaqué le poste de gendarmerie de Loulouni, faisant deux morts.",
    )
    assert (found["Kadiolo"].date, found["Kadiolo"].fatalities) == (date(2024, 3, 2), 3)
    assert (found["Loulouni"].date, found["Loulouni"].date_precision) == (date(2024, 2, 24), 2)
    assert found["Loulouni"].fatalities == 2


@pytest.mark.parametrize(
    ("body", "region"),
    [
        (
            "L'armée burkinabè a neutralisé une cinquantaine de terroristes le 10 mars dans la région "
            "de l'Est.",
            "Est",
        ),
        ("Des terroristes ont attaqué le 10 mars un poste de l'armée dans la région du Sahel.", "Sahel"),
        (
            "Le 10 mars, un convoi de ravitaillement est tombé dans une embuscade dans la région du Nord.",
            "Nord",
        ),
    ],
)
def test_a_region_named_by_a_point_of_the_compass_places_the_event(
    stages: Stages, body: str, region: str
) -> None:
    (event,) = _events(stages, body).values()
    assert event.place is not None
    assert (event.location, event.place.admin1, event.place.country, event.place.geo_precision) == (
        region,
        region,
        "BFA",
        3,
    )


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        (
            "L'armée burkinabè a déclaré avoir neutralisé une cinquantaine de terroristes le 10 mars à Pama.",
            ("Military Forces of Burkina Faso", "Unidentified Armed Group"),
        ),
        (
            "Le JNIM affirme avoir attaqué mardi le camp militaire de Boni.",
            ("JNIM", "Military Forces of Mali"),
        ),
        (
            "L'Africa Corps et les FAMa ont éliminé six combattants de l'Etat islamique mardi près de Ménaka.",
            ("Military Forces of Mali", "Islamic State Sahel"),
        ),
    ],
)
def test_who_says_they_did_it_and_allied_forces(stages: Stages, body: str, actors: tuple[str, str]) -> None:
    # an infinitive's subject is the subject of the verb of saying it hangs on ("a déclaré avoir
    # neutralisé"); a state's army leads the foreign forces beside it (ACLED: they are associated)
    (event,) = _events(stages, body).values()
    assert (event.actor1, event.actor2) == actors


def test_a_strike_near_a_place_the_gazetteer_lacks_is_its_own_event(stages: Stages) -> None:
    # an unknown name introduced as a place ("près d'Intahaka") is the event's location as written
    found = _events(
        stages,
        "Le camp militaire de Tessit a été la cible d'une attaque terroriste mardi matin. Dans la "
        "soirée, l'aviation a frappé les positions des assaillants en fuite près d'Intahaka.",
    )
    assert found["Intahaka"].sub_event_type == "Air/drone strike"
    assert found["Intahaka"].date == date(2024, 3, 12)
    assert found["Tessit"].sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    "body",
    [
        "L'état-major a annoncé avoir détruit une base terroriste le 10 mars près de Nara.",
        "Le 10 mars, les unités engagées ont ratissé les villages du secteur et détruit plusieurs bases "
        "terroristes près de Nara.",
    ],
)
def test_bases_of_armed_groups_are_destroyed_by_the_state(stages: Stages, body: str) -> None:
    # the seeds' gold codes an army's destruction of terrorist bases as property destruction, the army
    # as actor1 and the group as actor2, though the communiqué names no unit that did it
    (event,) = _events(stages, body).values()
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Looting/property destruction",
        "Military Forces of Mali",
        "Unidentified Armed Group",
    )


def test_words_of_the_same_time_keep_the_story_day_however_far(stages: Stages) -> None:
    found = _events(
        stages,
        "Lundi 11 mars, des jihadistes ont attaqué le camp militaire de Léré. Une forte détonation a "
        "retenti vers 6 heures. Les habitants se sont terrés chez eux. Plusieurs commerces sont restés "
        "fermés toute la journée. Simultanément, des obus ont été tirés sur l'aérodrome de Niafunké. "
        "Les fouilles qui ont suivi ont conduit à l'interpellation de douze suspects à Diré.",
    )
    assert found["Niafunké"].date == date(2024, 3, 11)
    assert found["Niafunké"].date_precision == 1
    assert (found["Diré"].sub_event_type, found["Diré"].date) == ("Arrests", date(2024, 3, 11))


def test_a_purpose_told_with_its_outcome_was_done(stages: Stages) -> None:
    # "pour exécuter" is a purpose, unless a participle tells what it did ("faisant quarante morts")
    found = _events(
        stages,
        "Des hommes armés sont revenus dans la nuit de samedi à dimanche pour exécuter des habitants "
        "du village de Seytenga, faisant quarante morts.",
    )
    assert (found["Seytenga"].sub_event_type, found["Seytenga"].fatalities) == ("Attack", 40)
    assert not _events(
        stages, "Une opération est en cours depuis mardi pour neutraliser les assaillants près de Seytenga."
    )


def test_the_direction_the_attackers_took_is_not_the_scene(stages: Stages) -> None:
    found = _events(
        stages,
        "Dans la nuit du mardi 12 mars, des hommes armés ont enlevé le maire de la commune de Togoro "
        "Kotia, dans le cercle de Macina. Selon des sources locales, les ravisseurs ont ensuite pris la "
        "direction des zones inondées du Wagadou.",
    )
    assert "Wagadou" not in found
