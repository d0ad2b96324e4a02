"""Challenge set for splitting and merging the reports of an article (issue 10, "One event per
place"), on sentences written for it in the manner of Malian, Burkinabè and Nigerien outlets: a
summary over a commune followed by its villages gives the village events, not the summary;
neighbouring villages named by the definite article are the places named; a second strike told
after a semicolon is a second event; a narrative told step by step ("d'abord … puis … enfin")
keeps its day; adjacent villages with one joint outcome and one event told twice stay one."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.extracting import merged_events, places_of
from vigie.pipeline import Stages

# -- neighbours named by the definite article are the places named ---------------------------------


@pytest.mark.parametrize(
    ("body", "places"),
    [
        # one joint outcome for two neighbours: one event, at the first named
        (
            "Le mardi 5 mars 2024, des hommes armés ont attaqué le village de Mondoro, tuant trois civils. "
            "En se repliant, les assaillants s'en sont pris aux villages voisins de Boni et de Hombori, où "
            "deux personnes ont été tuées.",
            {"Mondoro", "Boni"},
        ),
        (
            "Le dimanche 3 mars 2024, des hommes armés ont enlevé cinq fidèles à la mosquée de Sona. Dans le "
            "village voisin de Kouri, deux conseillers municipaux ont été exécutés par les mêmes assaillants.",
            {"Sona", "Kouri"},
        ),
        (
            "Des jihadistes ont tué quatre bergers le vendredi 8 mars 2024 à Boulkessi. La commune voisine "
            "de Mondoro a elle aussi été attaquée le même jour : trois civils y ont été abattus.",
            {"Boulkessi", "Mondoro"},
        ),
    ],
)
def test_neighbours_named_with_the_definite_article_are_the_places_named(
    stages: Stages, body: str, places: set[str]
) -> None:
    assert places_of(stages, body) == places


def test_unknown_neighbouring_villages_with_one_toll_are_one_event_near_the_story(stages: Stages) -> None:
    body = (
        "Le samedi 9 mars 2024, des hommes armés ont fait irruption dans le village de Mondoro. En se "
        "repliant, les assaillants s'en sont pris aux villages voisins de Tiboulkoum et de Gassel-Bé, où deux "
        "personnes ont été tuées et plusieurs maisons réduites en cendres."
    )
    placed = {e.location: e for e in merged_events(stages, body)}
    assert set(placed) == {"Mondoro", "Tiboulkoum"}
    village = placed["Tiboulkoum"]
    assert village.fatalities == 2
    assert village.place is not None and village.place.name == "Mondoro" and village.place.geo_precision == 2


def test_a_locality_neighbouring_a_town_is_near_the_town(stages: Stages) -> None:
    body = (
        "Le lundi 11 mars 2024, des hommes armés ont attaqué Tiboulkoum, une localité voisine de Djibo, "
        "tuant six civils."
    )
    [event] = merged_events(stages, body)
    assert event.location == "Tiboulkoum"
    assert event.place is not None and event.place.name == "Djibo" and event.place.geo_precision == 2


def test_an_unknown_zone_described_by_a_known_town_is_near_the_town(stages: Stages) -> None:
    body = (
        "Dans la journée du mardi 12 mars 2024, les vecteurs aériens des FAMa ont frappé une base "
        "terroriste dans la zone de Tiboulkoum, à une trentaine de kilomètres au sud de Diéma."
    )
    [event] = merged_events(stages, body)
    assert (event.location, event.place.geo_precision if event.place else None) == ("Diéma", 2)


# -- a second place after a semicolon is a second event ----------------------------------------------


@pytest.mark.parametrize(
    ("body", "places"),
    [
        (
            "Le mercredi 6 mars 2024, les vecteurs aériens des FAMa ont frappé des terroristes dans le "
            "Secteur 2, au nord-est de Kidal ; dans la même zone, au sud d'Aguelhok, une autre frappe a "
            "détruit un pick-up.",
            {"Kidal", "Aguelhok"},
        ),
        (
            "Dans la nuit du jeudi 7 mars 2024, l'aviation nigérienne a bombardé un camp terroriste à une "
            "vingtaine de kilomètres de Tamou ; au nord de Makalondi, des motos ont été détruites par une "
            "seconde frappe.",
            {"Tamou", "Makalondi"},
        ),
    ],
)
def test_a_strike_told_after_a_semicolon_at_another_place_is_an_event_of_its_own(
    stages: Stages, body: str, places: set[str]
) -> None:
    events = merged_events(stages, body)
    assert {e.location for e in events} == places
    assert {e.event_type for e in events} == {"Explosions/Remote violence"}


# -- a summary over a commune, then its villages: the villages' events --------------------------------


@pytest.mark.parametrize(
    ("body", "places"),
    [
        (
            "Le mardi 12 mars 2024, deux attaques ont frappé la commune de Djibo. La première a visé le "
            "village de Boukouma, où quatre civils ont été tués. La seconde a ciblé Liki, où trois bergers "
            "ont été abattus.",
            {"Boukouma", "Liki"},
        ),
        (
            "Des terroristes ont enlevé une trentaine de femmes le dimanche 10 mars 2024 dans la commune "
            "d'Arbinda. Une quinzaine d'entre elles ont été enlevées par des hommes armés au village de "
            "Tiboulkoum, à l'ouest d'Arbinda. Enfin, à Gorguel, les ravisseurs ont kidnappé une dizaine de "
            "jeunes filles.",
            {"Tiboulkoum", "Gorguel"},
        ),
        (
            "Dans le cercle de Koro, des hommes armés ont tué le samedi 9 mars 2024 une dizaine de civils. "
            "À Yoro, six personnes ont été abattues par les assaillants, et à Dinangourou, quatre "
            "commerçants ont été tués.",
            {"Yoro", "Dinangourou"},
        ),
    ],
)
def test_a_summary_over_a_commune_gives_way_to_its_villages(
    stages: Stages, body: str, places: set[str]
) -> None:
    assert places_of(stages, body) == places


def test_a_village_unknown_to_the_gazetteer_keeps_its_name_and_the_place_of_its_reference(
    stages: Stages,
) -> None:
    body = (
        "Le jeudi 7 mars 2024, des hommes armés ont enlevé douze femmes au village de Tiboulkoum, à l'ouest "
        "d'Arbinda."
    )
    [event] = merged_events(stages, body)
    assert event.location == "Tiboulkoum"
    assert event.place is not None and event.place.name in {"Arbinda", "Aribinda"}
    assert event.place.geo_precision == 2


def test_a_village_of_a_list_whose_own_outcome_is_told_after_is_that_outcome(stages: Stages) -> None:
    body = (
        "Des terroristes ont attaqué le mardi 12 mars 2024 les villages de Tin-Akoff et de Markoye. À "
        "Tin-Akoff, ils ont tué huit civils. À Markoye, ils ont emporté plus de deux cents têtes de bétail."
    )
    kinds = {(e.location, e.event_type) for e in merged_events(stages, body)}
    assert kinds == {("Tin-Akoff", "Violence against civilians"), ("Markoye", "Strategic developments")}


def test_a_village_of_a_list_raided_again_by_others_keeps_its_event(stages: Stages) -> None:
    body = (
        "Des terroristes ont attaqué le mardi 12 mars 2024 les villages de Tin-Akoff et de Markoye. Le "
        "lendemain, l'armée a interpellé trois suspects à Markoye."
    )
    kinds = {(e.location, e.sub_event_type) for e in merged_events(stages, body)}
    assert ("Markoye", "Arrests") in kinds
    assert {location for location, sub in kinds if sub != "Arrests"} == {"Tin-Akoff", "Markoye"}


# -- a narrative told step by step keeps its day ------------------------------------------------------


def test_a_narrative_told_step_by_step_keeps_the_day_of_its_story(stages: Stages) -> None:
    body = (
        "Le samedi 9 mars 2024, des terroristes ont attaqué le marché de Tillia, tuant deux commerçants. "
        "Selon un élu local, les assaillants étaient une centaine, à moto. Ils ont d'abord encerclé les "
        "boutiques. Puis ils ont tiré sur les fuyards. Enfin, à Tiboulkoum, les terroristes ont enlevé "
        "six bergers."
    )
    placed = [e for e in merged_events(stages, body) if e.location == "Tiboulkoum"]
    assert [(e.date, e.date_precision) for e in placed] == [(date(2024, 3, 9), 1)]


# -- two acts of one type by two authors --------------------------------------------------------------


def test_a_strike_on_the_layers_of_a_mine_is_an_event_of_its_own(stages: Stages) -> None:
    body = (
        "Le lundi 11 mars 2024, dans la région de Diffa, une mine artisanale a explosé au passage d'un "
        "véhicule militaire, tuant quatre soldats. Dans la foulée, l'aviation a mené une frappe contre les "
        "poseurs présumés de l'engin."
    )
    assert {e.sub_event_type for e in merged_events(stages, body)} == {
        "Remote explosive/landmine/IED",
        "Air/drone strike",
    }


# -- what must not split --------------------------------------------------------------------------------


def test_villages_told_as_neighbours_with_one_outcome_stay_one_event(stages: Stages) -> None:
    body = (
        "Dans la nuit du mercredi 6 au jeudi 7 mars 2024, des hommes armés ont fait irruption dans les "
        "villages voisins de Yoro et de Diougani, dans le cercle de Koro. Ils ont emporté du bétail et "
        "incendié des greniers, selon un élu de la commune."
    )
    events = merged_events(stages, body)
    assert [(e.location, e.place.geo_precision if e.place else None) for e in events] == [("Yoro", 2)]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # adjacent villages with one joint toll: one event, at the first named
        (
            "Le dimanche 10 mars 2024, des hommes armés ont fait irruption dans les villages de Yoro et de "
            "Diougani, où ils ont tué neuf civils au total.",
            "Yoro",
        ),
        # one event told twice, the second time with its village
        (
            "Le mardi 12 mars 2024, des hommes armés ont tué cinq civils dans la commune de Djibo. L'attaque a "
            "visé le village de Boukouma, selon des sources locales.",
            "Boukouma",
        ),
    ],
)
def test_one_outcome_told_over_places_stays_one_event(stages: Stages, body: str, place: str) -> None:
    assert [e.location for e in merged_events(stages, body)] == [place]


def test_two_attacks_on_one_town_on_different_days_stay_two(stages: Stages) -> None:
    body = (
        "Le lundi 4 mars 2024, des jihadistes ont attaqué le poste militaire de Boulkessi. Le jeudi 7 mars "
        "2024, des hommes armés ont tué trois civils dans la commune de Boulkessi."
    )
    assert len(merged_events(stages, body)) == 2
