"""Issue 10, security events: place, type, actor and toll rules, each on sentences written for it."""

from __future__ import annotations

from datetime import date

from tests.events.extracting import article_events as _events
from vigie.events.places import find_toponyms
from vigie.pipeline import Stages


def _roles(sentence: str) -> list[tuple[str, str]]:
    return [(t.name, t.role) for t in find_toponyms(sentence)]


def test_where_a_report_was_given_or_people_went_back_to_is_not_the_place() -> None:
    assert _roles(
        "Des rescapés de Sabané ont déclaré lundi à Kaya que l'attaque avait fait vingt morts."
    ) == [
        ("Sabané", "direct"),
        ("Kaya", "other"),
    ]
    assert _roles("Les otages libérés ont regagné Niamey dans la soirée.") == [("Niamey", "other")]


def test_the_mande_n_belongs_to_the_name() -> None:
    assert _roles("Un poste a été attaqué à 40 km de Fada N'Gourma.") == [("Fada N'Gourma", "reference")]


def test_an_unknown_name_after_a_targeting_verb_or_a_post_of_is_the_place(stages: Stages) -> None:
    [strike] = _events(
        stages,
        "Le mardi 7 mai 2024, une frappe de drone des FAMa a visé Tiguidanké, localité proche de la "
        "frontière mauritanienne.",
        date(2024, 5, 8),
    )
    assert (strike.event_type, strike.location) == ("Explosions/Remote violence", "Tiguidanké")
    [post] = _events(
        stages,
        "Le mardi 7 mai 2024, des hommes armés ont attaqué le poste de douane de Kolokoba, tuant deux agents.",
        date(2024, 5, 8),
    )
    assert (post.event_type, post.location, post.fatalities) == ("Battles", "Kolokoba", 2)


def test_curfews_against_a_rise_of_attacks_are_no_event(stages: Stages) -> None:
    assert (
        _events(
            stages,
            "Face à la montée des attaques jihadistes, les gouverneurs de Ségou et de Mopti ont instauré "
            "le lundi 6 mai 2024 un couvre-feu.",
            date(2024, 5, 7),
        )
        == []
    )


def test_the_attackers_dead_told_later_add_to_the_soldiers_dead(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Le dimanche 5 mai 2024, une patrouille de l'armée a été prise dans une embuscade près de Téra.\n\n"
        "Six soldats ont été tués et neuf blessés.\n\n"
        "Selon l'état-major, une quarantaine de terroristes ont été neutralisés lors de la riposte.",
        date(2024, 5, 7),
    )
    assert (event.event_type, event.location, event.fatalities) == ("Battles", "Téra", 46)


def test_a_vehicle_that_drove_onto_a_mine_is_the_target(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Le jeudi 2 mai 2024, un véhicule de la MINUSMA a heurté une mine à la sortie de Tessalit.",
        date(2024, 5, 3),
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Remote explosive/landmine/IED",
        "Unidentified Armed Group",
        "MINUSMA",
    )


def test_fighters_killed_with_no_killer_named_fell_to_the_state(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Le jeudi 2 mai 2024, l'armée nigérienne disait avoir éliminé une vingtaine de terroristes près de Téra.",
        date(2024, 5, 3),
    )
    assert (event.event_type, event.actor1, event.actor2, event.fatalities) == (
        "Battles",
        "Military Forces of Niger",
        "Unidentified Armed Group",
        20,
    )


def test_the_camp_of_the_gendarmerie_is_the_police_and_the_garde_nationale_the_country_s(
    stages: Stages,
) -> None:
    [camp] = _events(
        stages,
        "Des assaillants à moto ont attaqué dimanche à l'aube le camp de la gendarmerie de Niono, tuant trois gendarmes.",
        date(2024, 5, 6),
    )
    assert (camp.event_type, camp.location, camp.actor2) == ("Battles", "Niono", "Police Forces of Mali")
    [guard] = _events(
        stages,
        "Seize éléments de la Garde nationale ont été tués le jeudi 2 mai 2024 dans une embuscade dans le "
        "département de Tillia, près de la frontière malienne.",
        date(2024, 5, 3),
    )
    assert (guard.location, guard.actor2, guard.fatalities) == ("Tillia", "Military Forces of Niger", 16)


def test_an_air_strike_that_neutralised_people_struck_fighters_and_not_who_reports_it(stages: Stages) -> None:
    [fighters] = _events(
        stages,
        "Le mardi 7 mai 2024, une frappe des FAMa a neutralisé un groupe de six personnes près de Tessit.",
        date(2024, 5, 8),
    )
    assert (fighters.sub_event_type, fighters.actor2) == ("Air/drone strike", "Unidentified Armed Group")
    [civilians] = _events(
        stages,
        "Selon un rapport de la MINUSMA, la frappe aérienne des FAMa du mardi 7 mai 2024 près de Tessit a tué "
        "douze civils.",
        date(2024, 5, 20),
    )
    assert (civilians.sub_event_type, civilians.actor1, civilians.actor2) == (
        "Air/drone strike",
        "Military Forces of Mali",
        "Civilians",
    )


def test_villages_with_one_joint_toll_are_one_event_at_the_first(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Le samedi 4 mai 2024, des hommes armés ont fait irruption à Tin-Akof, Déou et Oursi, trois localités "
        "de la province de l'Oudalan, et y ont tué 14 civils.",
        date(2024, 5, 6),
    )
    assert (event.location, event.fatalities, event.event_type) == (
        "Tin-Akof",
        14,
        "Violence against civilians",
    )
    assert event.place is not None and event.place.geo_precision == 2
    apart = _events(
        stages,
        "Le samedi 4 mai 2024, des hommes armés ont attaqué Déou et Oursi, tuant 14 civils.\n\n"
        "Selon le maire, le bilan est de 9 morts à Déou et 5 à Oursi.",
        date(2024, 5, 6),
    )
    assert sorted((e.location, e.fatalities) for e in apart) == [("Déou", 9), ("Oursi", 5)]


def test_attackers_who_name_their_group_are_its_fighters(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Le samedi 4 mai 2024, des hommes armés se réclamant de l'État islamique ont ouvert le feu sur des "
        "habitants de Tessit.",
        date(2024, 5, 6),
    )
    assert (event.event_type, event.actor1) == ("Violence against civilians", "Islamic State Sahel")


def test_a_named_group_beats_the_generic_fighters_and_drones_on_a_camp_hit_its_army(stages: Stages) -> None:
    [clash] = _events(
        stages,
        "Le mardi 7 mai 2024, les FAMa affirment avoir éliminé six combattants de l'État islamique près de Ménaka.",
        date(2024, 5, 8),
    )
    assert (clash.actor1, clash.actor2) == ("Military Forces of Mali", "Islamic State Sahel")
    [drones] = _events(
        stages,
        "Le mardi 7 mai 2024, le camp de Tessit a été la cible d'une attaque aux drones revendiquée par le FLA.",
        date(2024, 5, 8),
    )
    assert (drones.sub_event_type, drones.actor1, drones.actor2) == (
        "Air/drone strike",
        "FLA",
        "Military Forces of Mali",
    )


def test_a_claim_in_an_event_s_own_sentence_names_its_author(stages: Stages) -> None:
    events = _events(
        stages,
        "Le mardi 7 mai 2024, des hommes armés ont attaqué le poste militaire de Tessit.\n\n"
        "L'attaque a été revendiquée par l'État islamique.\n\n"
        "Le même mardi, le Jnim a revendiqué des tirs de roquettes contre le camp militaire de Kidal.",
        date(2024, 5, 8),
    )
    assert sorted((e.location, e.actor1) for e in events) == [
        ("Kidal", "JNIM"),
        ("Tessit", "Islamic State Sahel"),
    ]
