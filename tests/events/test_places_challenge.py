"""Challenge set for event places, on sentences written for it in the manner of Malian,
Burkinabè and Nigerien outlets: one incident told over several sentences, each naming a village
with its own act, gives one event per place and day (issue 10, "One event per place"); a name
the gazetteer holds several times is the one near the other places of the article (spatial
coherence); a unit's home, where a report was given and a reference point are not the scene; a
stretch of road and "à N km de X" are X (FORMAT.md "Conventions")."""

from __future__ import annotations

import pytest

from tests.events.extracting import merged_events, places_of
from vigie.pipeline import Stages

# -- one event per place: an incident told over several sentences, each with its own village ------


@pytest.mark.parametrize(
    ("body", "places"),
    [
        (
            "Le vendredi 8 mars 2024, des hommes armés ont fait irruption à Yoro, dans le cercle de Koro, "
            "où ils ont tué quatre civils. Puis les assaillants ont incendié les greniers de Dinangourou. "
            "À Diougani, ils ont enlevé six femmes avant de se retirer.",
            {"Yoro", "Dinangourou", "Diougani"},
        ),
        (
            "Jeudi 7 mars 2024, des terroristes ont enlevé une quarantaine de femmes près de Boukouma, "
            "dans la province du Soum. Le même jour, une vingtaine d'autres ont subi le même sort à Djibo.",
            {"Boukouma", "Djibo"},
        ),
        (
            "Dans la nuit du mardi 12 mars 2024, des individus armés ont attaqué le village de "
            "Mondoro, tuant trois bergers. À Boulkessi, les assaillants ont brûlé plusieurs "
            "boutiques et emporté du bétail.",
            {"Mondoro", "Boulkessi"},
        ),
        (
            "Le lundi 11 mars 2024, des jihadistes présumés ont exécuté cinq commerçants à Diafarabé. "
            "Au village de Toguéré-Coumbé, ils ont par la suite enlevé le chef de village et son fils.",
            {"Diafarabé", "Toguéré-Coumbé"},
        ),
        (
            "Mardi 5 mars 2024, une trentaine de bergers ont été enlevés par des hommes armés aux abords "
            "de Sebba. Le lendemain, mercredi 6 mars, des commerçants ont connu le même sort à Boukouma.",
            {"Sebba", "Boukouma"},
        ),
        # an unknown hamlet placed by its bearing from a town is a scene of its own
        (
            "Le jeudi 7 mars 2024, des jihadistes ont enlevé douze femmes à Djibo. Puis neuf autres ont "
            "subi le même sort à Tiboulkoum, à l'ouest de Djibo.",
            {"Djibo", "Tiboulkoum"},
        ),
        # a fronted locative after a connective is the scene of its clause, known or not
        (
            "Le jeudi 7 mars 2024, des jihadistes ont enlevé douze femmes à Djibo. Ensuite, à Tiboulkoum, "
            "les assaillants ont kidnappé neuf bergers.",
            {"Djibo", "Tiboulkoum"},
        ),
    ],
)
def test_an_incident_told_village_by_village_gives_one_event_per_village(
    stages: Stages, body: str, places: set[str]
) -> None:
    assert places <= places_of(stages, body)


def test_villages_each_with_their_own_outcome_are_events_of_their_own(stages: Stages) -> None:
    body = (
        "Le mardi 5 mars 2024, des hommes armés ont attaqué les villages de Yoro, où six civils ont été "
        "tués, et de Diougani, où deux bergers ont été abattus."
    )
    assert {e.location for e in merged_events(stages, body)} == {"Yoro", "Diougani"}


def test_respectively_gives_each_place_its_own_toll(stages: Stages) -> None:
    body = (
        "Le mardi 5 mars 2024, des attaques simultanées ont visé Yoro et Diougani, faisant "
        "respectivement six et deux morts parmi les civils."
    )
    assert {(e.location, e.fatalities) for e in merged_events(stages, body)} == {("Yoro", 6), ("Diougani", 2)}


def test_a_series_of_strikes_told_place_by_place_gives_one_strike_per_place(stages: Stages) -> None:
    body = (
        "Le 10 mars 2024, les vecteurs aériens des FAMa ont mené plusieurs frappes dans la région de Mopti. "
        "Dans la localité de Boulkessi, une dizaine de terroristes ont été neutralisés. Près de Mondoro, "
        "un dépôt logistique a été détruit. À Hombori, deux motos ont été détruites."
    )
    events = merged_events(stages, body)
    assert {e.location for e in events} == {"Boulkessi", "Mondoro", "Hombori"}
    assert {e.event_type for e in events} == {"Explosions/Remote violence"}


def test_villages_given_one_joint_toll_stay_one_event(stages: Stages) -> None:
    body = (
        "Le samedi 9 mars 2024, des hommes armés ont fait irruption à Yoro, Dinangourou et Diougani, "
        "dans le cercle de Koro, et y ont tué onze civils."
    )
    events = merged_events(stages, body)
    assert [e.location for e in events] == ["Yoro"]


def test_a_later_sentence_about_the_villagers_founds_no_other_place(stages: Stages) -> None:
    body = (
        "Le samedi 9 mars 2024, des hommes armés ont attaqué le village de Mondoro, tuant six civils. "
        "Les rescapés ont trouvé refuge à Douentza, selon un élu local."
    )
    assert places_of(stages, body) == {"Mondoro"}


# -- homonyms: the one near the places the article names ------------------------------------------


@pytest.mark.parametrize(
    ("body", "name", "cercle"),
    [
        # Batouma of Douentza, not of Niafunké: the article is about the cercle of Douentza
        (
            "Le dimanche 10 mars 2024, des hommes armés ont attaqué le poste de l'armée à Hombori, dans le "
            "cercle de Douentza. Le lendemain, les assaillants ont incendié des greniers à Batouma.",
            "Batouma",
            "Douentza",
        ),
        # Dioura of Ténenkou, not of Diéma: the villages named before are of Ténenkou
        (
            "Le lundi 4 mars 2024, l'armée a repoussé une attaque à Diafarabé. Deux jours plus tard, le "
            "mercredi 6 mars, des jihadistes ont tué quatre soldats à Dioura.",
            "Dioura",
            "Ténenkou",
        ),
        # Madougou of Koro among nine: the story is in the cercle of Koro
        (
            "Des hommes armés ont attaqué le mardi 5 mars 2024 le village de Dinangourou, près de la "
            "frontière burkinabè. Le même jour, ils ont tué deux bergers à Madougou.",
            "Madougou",
            "Koro",
        ),
    ],
)
def test_a_homonym_is_the_one_near_the_places_of_the_article(
    stages: Stages, body: str, name: str, cercle: str
) -> None:
    placed = [e for e in merged_events(stages, body) if e.location == name]
    assert placed
    assert all(e.place is not None and e.place.admin2 == cercle for e in placed)


@pytest.mark.parametrize(
    ("body", "country"),
    [
        # Boni near Houndé is Burkina Faso's, though a Boni of Mali comes first without context
        (
            "Des hommes armés ont attaqué le mardi 12 mars 2024 le poste de gendarmerie de Houndé. Le même "
            "jour, trois civils ont été tués à Boni.",
            "BFA",
        ),
        (
            "Le dimanche 10 mars 2024, des hommes armés ont attaqué le poste de l'armée à Hombori. Le "
            "lendemain, les assaillants ont incendié des greniers à Boni.",
            "MLI",
        ),
    ],
)
def test_a_homonym_across_a_border_is_the_one_of_the_story(stages: Stages, body: str, country: str) -> None:
    placed = [e for e in merged_events(stages, body) if e.location == "Boni"]
    assert placed
    assert all(e.place is not None and e.place.country == country for e in placed)


# -- unit homes, reporting places, references -----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "places"),
    [
        # the unit's home is not the scene when the sentence names another place
        (
            "Le mercredi 13 mars 2024, une patrouille de la brigade de gendarmerie de Djibo est tombée "
            "dans une embuscade près de Boukouma.",
            {"Boukouma"},
        ),
        # but the unit itself acts where it serves
        (
            "Le mercredi 13 mars 2024, la brigade de gendarmerie de Djibo a interpellé quatre suspects "
            "soupçonnés de complicité avec les terroristes.",
            {"Djibo"},
        ),
        # where a report was given is not the scene
        (
            "Des hommes armés ont tué sept civils le mardi 12 mars 2024 à Mondoro, a-t-on appris "
            "mercredi à Bamako de sources sécuritaires.",
            {"Mondoro"},
        ),
        (
            "Joint par téléphone depuis Bamako, un élu de Douentza a indiqué que des hommes armés ont "
            "attaqué le mardi 12 mars 2024 le village de Boulkessi.",
            {"Boulkessi"},
        ),
        # a governor's seat is where he speaks from
        (
            "Le gouverneur de Mopti a annoncé que des hommes armés ont incendié le lundi 11 mars 2024 le "
            "marché de Diafarabé.",
            {"Diafarabé"},
        ),
        # a unit's post, in a sentence that goes on telling the story, is not where it happened
        (
            "Le samedi 9 mars 2024, des supplétifs de l'armée ont interpellé trois douaniers à Seytenga. "
            "En poste à Dori, les agents effectuaient un contrôle de routine lorsqu'ils ont été arrêtés.",
            {"Seytenga"},
        ),
        # where a minister spoke, when what he said names the scene
        (
            "À Bamako, le ministre de la Sécurité a déclaré que des hommes armés ont tué trois civils le "
            "lundi 11 mars 2024 à Mondoro.",
            {"Mondoro"},
        ),
        # the people of a post are not at their post: the road is the scene
        (
            "Le lundi 11 mars 2024, le véhicule qui transportait les agents du poste de douane de Sona a "
            "sauté sur une mine sur l'axe Koury-Koutiala.",
            {"Koutiala"},
        ),
        # but a post attacked is the scene
        ("Le lundi 11 mars 2024, des hommes armés ont attaqué le poste de police de Sona.", {"Sona"}),
    ],
)
def test_homes_and_reporting_places_are_not_the_scene(stages: Stages, body: str, places: set[str]) -> None:
    assert places_of(stages, body) == places


# -- roads and distances --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "place", "precision"),
    [
        (
            "Le mardi 12 mars 2024, un minibus a sauté sur une mine à une trentaine de kilomètres de "
            "Djibo, faisant cinq morts.",
            "Djibo",
            2,
        ),
        (
            "Un convoi de ravitaillement est tombé le lundi 11 mars 2024 dans une embuscade sur le tronçon "
            "Boni-Hombori, à mi-chemin entre les deux localités.",
            "Hombori",
            2,
        ),
        (
            "Le lundi 11 mars 2024, des hommes armés ont intercepté un car de voyageurs à hauteur de "
            "Boulkessi, sur la route de Douentza, et enlevé deux passagers.",
            "Boulkessi",
            2,
        ),
        (
            "Un engin explosif a visé le lundi 11 mars 2024 un véhicule de l'armée à 15 km au nord de "
            "Diafarabé, sur la route de Ténenkou.",
            "Diafarabé",
            2,
        ),
    ],
)
def test_a_road_or_a_distance_places_the_event_near_its_town(
    stages: Stages, body: str, place: str, precision: int
) -> None:
    events = merged_events(stages, body)
    assert [(e.location, e.place.geo_precision if e.place else None) for e in events] == [(place, precision)]


def test_an_event_told_by_its_cercle_and_by_its_village_is_one_event(stages: Stages) -> None:
    body = (
        "Le mardi 12 mars 2024, des hommes armés ont tué quatre civils dans le cercle de Koro, selon un "
        "communiqué du gouvernorat. Les victimes ont été abattues le mardi 12 mars 2024 à Diougani."
    )
    assert [e.location for e in merged_events(stages, body)] == ["Diougani"]
