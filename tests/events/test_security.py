"""Security events from real French sentences (the sample pages written for the project)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from vigie.events import Extractor, merge_events
from vigie.pipeline import Stages
from vigie.records import Article, Event


def _events(
    stages: Stages, body: str, published: date | datetime | None, title: str | None = None
) -> list[Event]:
    text = (title + "\n\n" if title else "") + body
    start = len(title) + 2 if title else 0
    spans = []
    for paragraph in body.split("\n\n"):
        at = text.index(paragraph, start)
        spans.append((at, at + len(paragraph)))
        start = at + len(paragraph)
    article = Article("d" * 40, 0, "full", title, published, None, body, 0, len(text), tuple(spans))
    analysis = stages.analyzer(article, text)
    return merge_events(stages.extractor(article, analysis, stages.gazetteer).events)


def _candidates(stages: Stages, body: str, published: date) -> list[Event]:
    """What the rules find before the event filter weighs it."""
    article = Article("d" * 40, 0, "full", None, published, None, body, 0, len(body), ((0, len(body)),))
    analysis = stages.analyzer(article, body)
    return [event for event, _ in stages.extractor.candidates(article, analysis, stages.gazetteer)]


@pytest.mark.parametrize(
    ("sentence", "event_type", "sub_event_type"),
    [
        (
            "Le lundi 6 mai 2024, des hommes armés ont attaqué le village de Kani-Bonzon, dans le cercle de Bankass.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Le lundi 6 mai 2024, le poste militaire de Boni a été pris d'assaut par des assaillants.",
            "Battles",
            "Armed clash",
        ),
        (
            "Le lundi 6 mai 2024, un minibus a sauté sur un engin explosif improvisé près de Douentza.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            "Le lundi 6 mai 2024, plusieurs obus se sont abattus sur le camp militaire de Tessalit.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (
            "Le lundi 6 mai 2024, les vecteurs aériens des FAMa ont frappé un groupe terroriste près de Nioro du Sahel.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "Le lundi 6 mai 2024, un kamikaze a lancé un véhicule piégé contre le camp de Léré.",
            "Explosions/Remote violence",
            "Suicide bomb",
        ),
        (
            "Le lundi 6 mai 2024, trois agents humanitaires ont été enlevés par des hommes armés à Ménaka.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        (
            "Le lundi 6 mai 2024, la gendarmerie a interpellé six suspects à Koutiala.",
            "Strategic developments",
            "Arrests",
        ),
        (
            "Le lundi 6 mai 2024, l'armée a mis la main sur une importante cache d'armes à Tominian.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "Le lundi 6 mai 2024, les FAMa ont détruit plusieurs bases terroristes dans la zone de Sandaré.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (
            "Le lundi 6 mai 2024, des milliers de personnes se sont rassemblées à Bamako pour soutenir la Transition.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "Le lundi 6 mai 2024, des combattants armés se sont emparés de la localité de Diabaly.",
            "Battles",
            "Non-state actor overtakes territory",
        ),
        (
            "Le lundi 6 mai 2024, Ansar Dine a lancé une offensive d'envergure contre la ville de Konna.",
            "Battles",
            "Armed clash",
        ),
    ],
)
def test_each_sub_event_type_is_told(
    stages: Stages, sentence: str, event_type: str, sub_event_type: str
) -> None:
    [event] = _events(stages, sentence, date(2024, 5, 7))
    assert (event.event_type, event.sub_event_type, event.date) == (
        event_type,
        sub_event_type,
        date(2024, 5, 6),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Le lundi 6 mai 2024 à Kati, le ministre a présenté un plan qui prévoit le recrutement de 24.000 nouveaux soldats.",
        "Le lundi 6 mai 2024, un avion de combat s'est écrasé dans la zone aéroportuaire de Gao.",
        "Le lundi 6 mai 2024 à Bamako, le gouvernement a condamné l'attaque et décrété un deuil national de trois jours.",
        "La commune de Tessit est régulièrement le théâtre d'affrontements entre groupes armés.",
        "Le lundi 6 mai 2024, les FAMa ont procédé à l'escorte de plusieurs citernes de carburant vers Kidal.",
        "Le lundi 6 mai 2024, la campagne de vaccination de riposte contre la rougeole a été lancée à Kayes.",
        "Le grand marché de Ségou a rouvert lundi, trois mois après l'incendie qui avait détruit quatre cents boutiques.",
        "Le lundi 6 mai 2024, les Aigles ont lancé l'offensive à Casablanca et battu le Maroc.",
    ],
)
def test_plans_statements_accidents_and_sport_are_not_events(stages: Stages, sentence: str) -> None:
    assert _events(stages, sentence, date(2024, 5, 7)) == []


def test_attack_on_a_village_with_a_relative_date(stages: Stages) -> None:
    events = _events(
        stages,
        "Dans la nuit de samedi à dimanche, des hommes armés ont attaqué le village de Kani-Bonzon, "
        "dans le cercle de Bankass, tuant sept civils.",
        datetime(2024, 4, 16, 16, 5),
    )
    assert len(events) == 1
    event = events[0]
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group", "Civilians")
    assert event.date == date(2024, 4, 14)
    assert event.location == "Kani-Bonzon"
    assert event.fatalities == 7
    assert event.evidence[0].sentence.startswith("Dans la nuit de samedi à dimanche")


def test_air_strike_near_a_town_is_precision_two(stages: Stages) -> None:
    events = _events(
        stages,
        "Les Forces armées maliennes (FAMa) ont mené des frappes ce jeudi 11 septembre sur un objectif "
        "ennemi situé à 65 Km à l'Est de la ville de Nioro.",
        datetime(2025, 9, 11, 20, 3),
    )
    [event] = events
    assert event.sub_event_type == "Air/drone strike"
    assert (event.actor1, event.actor2) == ("Military Forces of Mali", "Unidentified Armed Group")
    assert event.date == date(2025, 9, 11)
    assert event.place is not None
    assert (event.place.admin1, event.place.geo_precision) == ("Kayes", 2)


def test_one_event_per_village_and_claimed_attacker(stages: Stages) -> None:
    events = _events(
        stages,
        "Le dimanche 8 août 2021, des hommes armés ont attaqué les villages de Ouatagouna et de Karou, "
        "dans le cercle d'Ansongo.\n\nL'attaque a été revendiquée par l'État islamique au Grand Sahara.",
        datetime(2021, 8, 10, 8, 55),
    )
    assert [e.location for e in events] == ["Ouatagouna", "Karou"]
    assert events[0].actor1 == "Islamic State Sahel"
    assert all(e.date == date(2021, 8, 8) for e in events)


def test_two_mentions_of_one_attack_merge(stages: Stages) -> None:
    events = _events(
        stages,
        "Le camp militaire de Nampala a été attaqué le mardi 19 juillet 2016 à l'aube.\n\n"
        "Les assaillants ont attaqué le camp militaire de Nampala par plusieurs côtés le 19 juillet 2016.",
        date(2016, 7, 20),
    )
    assert len(events) == 1
    assert len(events[0].evidence) == 2


def test_number_words_and_vague_tolls(stages: Stages) -> None:
    [dozen] = _events(
        stages,
        "Deux frappes aériennes menées le jeudi 14 avril 2022 dans la forêt de Ganguel ont permis de "
        "neutraliser une douzaine de terroristes.",
        date(2022, 4, 16),
    )
    assert dozen.fatalities == 12
    [vague] = _events(
        stages,
        "Les FAMa ont frappé le jeudi 11 septembre 2025 des positions près de Nioro : plusieurs terroristes neutralisés.",
        date(2025, 9, 12),
    )
    assert vague.fatalities is None


def test_extractor_finds_nothing_in_a_sports_page(stages: Stages) -> None:
    assert (
        _events(
            stages,
            "Les Aigles du Mali ont battu la Tunisie (1-0) le mercredi 12 janvier 2022 au stade de Limbé.",
            date(2022, 1, 13),
        )
        == []
    )
    assert isinstance(Extractor.load(), Extractor)


def test_villages_attacked_by_a_named_group_are_violence_against_civilians(stages: Stages) -> None:
    events = _events(
        stages,
        "Dans la nuit du samedi 18 au dimanche 19 juin 2022, les villages de Diallassagou, Dianweli et "
        "Deguessagou ont été attaqués par des combattants de la katiba Macina d'Amadou Kouffa.",
        None,
    )
    assert [(e.event_type, e.location, e.actor1, e.actor2) for e in events] == [
        ("Violence against civilians", name, "JNIM", "Civilians")
        for name in ("Diallassagou", "Dianweli", "Deguessagou")
    ]
    assert {e.date for e in events} == {date(2022, 6, 19)}


def test_an_unknown_village_that_was_attacked_is_the_place(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Dans la nuit du jeudi 13 au vendredi 14 février 2020, une trentaine d'hommes armés ont attaqué "
        "Ogossagou, dans le cercle de Bankass.",
        None,
    )
    assert (event.location, event.event_type, event.date) == (
        "Ogossagou",
        "Violence against civilians",
        date(2020, 2, 14),
    )


def test_a_report_date_is_only_week_precise(stages: Stages) -> None:
    [event] = _candidates(
        stages,
        "L'état-major général des Armées a rendu public vendredi le bilan d'une opération aéroterrestre "
        "conduite dans le cercle de Djenné.",
        date(2022, 4, 2),
    )
    assert (event.date, event.date_precision) == (date(2022, 4, 1), 2)


def test_combat_vehicles_given_as_aid_are_no_battle(stages: Stages) -> None:
    assert (
        _events(
            stages,
            "L'ambassadeur d'Algérie au Mali a remis le mardi 26 mai 2020 aux ministres un lot de 53 véhicules "
            "logistiques, de combat et d'ambulances destinés aux bataillons des FAMa.",
            None,
        )
        == []
    )


def test_wounded_are_not_counted_as_dead(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Le samedi 16 mars 2019, un véhicule de l'armée a sauté sur un engin explosif à 11 km de Diafarabé, "
        "faisant quatre blessés.",
        None,
    )
    assert (event.sub_event_type, event.location, event.fatalities) == (
        "Remote explosive/landmine/IED",
        "Diafarabé",
        None,
    )


def test_the_claimant_is_the_armed_group_not_the_army_that_answered(stages: Stages) -> None:
    events = _events(
        stages,
        "Le camp militaire de Bourem a été attaqué le mardi 12 septembre 2023 en fin de matinée.\n\n"
        "Les assaillants ont tenté pendant plusieurs heures de s'emparer du camp avant d'être repoussés par "
        "les Forces armées maliennes.\n\n"
        "Le Cadre stratégique permanent (CSP) a revendiqué l'attaque dans un communiqué.",
        None,
    )
    assert [(e.location, e.actor1, e.actor2) for e in events] == [
        ("Bourem", "FLA", "Military Forces of Mali")
    ]


def test_a_toll_told_in_the_next_sentence_goes_to_the_event(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Le camp de la MINUSMA à Kidal a essuyé le samedi 28 novembre 2015, vers 4 heures du matin, plusieurs "
        "tirs de mortier.\n\nTrois Casques bleus guinéens ont été tués et une vingtaine d'autres blessés.",
        None,
    )
    assert (event.sub_event_type, event.location, event.fatalities) == (
        "Shelling/artillery/missile attack",
        "Kidal",
        3,
    )


def test_a_convoy_of_traders_is_a_civilian_target(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Un convoi d'une dizaine de camions de commerçants a été attaqué mercredi après-midi par des hommes "
        "armés non identifiés à une trentaine de kilomètres au sud de Gao, sur la route nationale 17 qui relie "
        "la ville à Ansongo.",
        date(2024, 2, 8),
    )
    assert (event.event_type, event.location, event.date) == (
        "Violence against civilians",
        "Gao",
        date(2024, 2, 7),
    )


def test_armed_men_who_burn_a_relay_are_the_actor_and_the_commune_is_the_place(stages: Stages) -> None:
    events = _events(
        stages,
        "Des individus armés ont incendié, le mardi 21 novembre 2023, le relais de téléphonie mobile de la "
        "commune de Boni, dans le cercle de Douentza.",
        None,
    )
    assert [(e.sub_event_type, e.actor1, e.actor2, e.location) for e in events] == [
        ("Looting/property destruction", "Unidentified Armed Group", "Civilians", "Boni")
    ]


def test_an_ambush_placed_by_its_headline_takes_the_place_the_body_names_later(stages: Stages) -> None:
    events = _events(
        stages,
        "Une patrouille des Forces armées maliennes est tombée ce mardi dans une embuscade au centre du pays. "
        "Selon des habitants, l'attaque s'est produite aux environs de Sofara, une localité située à une "
        "trentaine de kilomètres de Djenné.",
        date(2024, 3, 6),
        "Centre du Mali : une patrouille de l'armée prise dans une embuscade près de Djenné",
    )
    assert [(e.event_type, e.location, e.date) for e in events] == [("Battles", "Sofara", date(2024, 3, 5))]


def test_the_assailants_told_at_another_village_make_another_event(stages: Stages) -> None:
    events = _events(
        stages,
        "Le vendredi 8 mars 2024, des hommes armés ont attaqué le village de Dourou, tuant trois civils. "
        "Au village de Sangha, l'attaque a tué deux bergers.",
        date(2024, 3, 9),
    )
    assert sorted((e.event_type, e.location, e.fatalities) for e in events) == [
        ("Violence against civilians", "Dourou", 3),
        ("Violence against civilians", "Sangha", 2),
    ]


def test_the_clause_of_the_act_dates_it_not_the_report_verb(stages: Stages) -> None:
    """Issue 10: "a confirmé dimanche que … avaient été interpellés fin août": the arrests are of late
    August (month-precise), not of the Sunday the governor spoke."""
    found = _candidates(
        stages,
        "Le gouverneur de Kayes a confirmé dimanche que dix suspects avaient été interpellés fin août à Diéma "
        "par la gendarmerie.",
        date(2025, 9, 10),
    )
    assert [(e.sub_event_type, e.date, e.date_precision) for e in found] == [
        ("Arrests", date(2025, 8, 25), 3)
    ]
