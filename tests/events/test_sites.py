"""Where a security event is placed: the scene among the places a sentence names (FORMAT.md
"Conventions": "entre A et B" is the better-known locality, "à N km de X" is X, precision 2)."""

from __future__ import annotations

from datetime import date

import pytest

from vigie.events import merge_events
from vigie.events.lexicon import load_country_words, load_parties
from vigie.events.places import find_toponyms
from vigie.events.siting import Siting
from vigie.geo import Gazetteer
from vigie.nlp import Analysis
from vigie.pipeline import Stages
from vigie.records import Article, Event, Sentence


def _events(stages: Stages, body: str, title: str | None = None) -> list[Event]:
    text = f"{title}\n\n{body}" if title else body
    start = len(text) - len(body)
    published = date(2024, 6, 12)
    article = Article("e" * 40, 0, "full", title, published, None, body, 0, len(text), ((start, len(text)),))
    analysis = stages.analyzer(article, text)
    return merge_events(stages.extractor(article, analysis, stages.gazetteer).events)


def _sites(stages: Stages, body: str) -> list[tuple[str, int | None]]:
    return sorted(
        (e.location, None if e.place is None else e.place.geo_precision) for e in _events(stages, body)
    )


def test_prominence_follows_the_administrative_level() -> None:
    gazetteer = Gazetteer.load()
    ranks = {name: gazetteer.prominence(gazetteer.locate(name)) for name in ("Ségou", "Niono", "Sokolo")}
    assert ranks["Ségou"] > ranks["Niono"] > ranks["Sokolo"]


@pytest.mark.parametrize(
    ("sentence", "site"),
    [
        # a region's seat beats a village, whichever comes first
        (
            "Le mardi 11 juin 2024, un convoi de l'armée est tombé dans une embuscade entre Sokolo et Ségou.",
            "Ségou",
        ),
        # a cercle's seat beats a village, on a road written with a hyphen
        (
            "Le mardi 11 juin 2024, un camion a sauté sur une mine sur l'axe Niono-Sokolo, faisant trois morts.",
            "Niono",
        ),
        # a road told by its ends: the better-known end
        (
            "Le mardi 11 juin 2024, des hommes armés ont attaqué un car sur la route reliant Sokolo à Niono.",
            "Niono",
        ),
    ],
)
def test_a_stretch_of_road_is_placed_at_its_better_known_end(
    stages: Stages, sentence: str, site: str
) -> None:
    assert _sites(stages, sentence) == [(site, 2)]


def test_the_end_of_a_road_the_sentence_names_again_is_the_place(stages: Stages) -> None:
    # Niono ranks above Sokolo, but the text itself says the mine was near Sokolo
    sentence = (
        "Le mardi 11 juin 2024, un camion a sauté sur une mine sur l'axe Niono-Sokolo, à une dizaine "
        "de kilomètres de Sokolo, faisant trois morts."
    )
    assert [site for site, _ in _sites(stages, sentence)] == ["Sokolo"]


def test_two_stretches_of_road_give_two_places(stages: Stages) -> None:
    sentence = (
        "Le mardi 11 juin 2024, l'armée a été la cible de deux embuscades : la première entre Sokolo et "
        "Niono, la seconde entre Koro et Dinangourou."
    )
    assert {site for site, _ in _sites(stages, sentence)} == {"Niono", "Koro"}


def test_a_distance_from_a_camp_of_a_town_is_near_the_town(stages: Stages) -> None:
    sentence = (
        "Le mardi 11 juin 2024, un véhicule d'un convoi allant d'Aguelhok à Kidal a heurté un engin "
        "explosif à environ 8 km du camp de la MINUSMA d'Aguelhok."
    )
    assert _sites(stages, sentence) == [("Aguelhok", 2)]


def test_a_unit_is_not_placed_at_its_home_post_when_the_scene_is_named(stages: Stages) -> None:
    sentence = (
        "Le mardi 11 juin 2024, une section du détachement de Djibo envoyée en renfort a été prise "
        "dans une embuscade aux abords de Namssiguia."
    )
    assert [site for site, _ in _sites(stages, sentence)] == ["Namssiguia"]


def test_an_attacked_post_is_the_scene(stages: Stages) -> None:
    sentence = (
        "Le mardi 11 juin 2024, le détachement de Koutougou, au sud de Djibo, a été visé par une attaque."
    )
    assert _sites(stages, sentence) == [("Koutougou", 1)]


def test_people_posted_somewhere_were_hit_there_when_nothing_else_is_named(stages: Stages) -> None:
    sentence = "Le mardi 11 juin 2024, des gendarmes en poste à Sebba ont été la cible d'une attaque."
    assert [site for site, _ in _sites(stages, sentence)] == ["Sebba"]


def test_a_neighbouring_place_is_a_reference() -> None:
    roles = {t.name: t.role for t in find_toponyms("L'attaque a visé Sollé, une localité voisine de Titao.")}
    assert roles == {"Sollé": "direct", "Titao": "reference"}


def test_an_office_holders_town_is_not_the_scene() -> None:
    sentence = "Moussa Coulibaly, président du conseil régional de Mopti, a été enlevé le 2 mai."
    assert [t.role for t in find_toponyms(sentence) if t.name == "Mopti"] == ["other"]


def test_the_country_of_a_destination_does_not_place_the_event(stages: Stages) -> None:
    sentence = (
        "Parti de Dakar pour rejoindre Kayes, au Mali, un convoi de camions a été attaqué mardi au "
        "Sénégal par des hommes armés."
    )
    assert all(site != "Mali" for site, _ in _sites(stages, sentence))


def test_homonyms_follow_the_country_of_the_article(stages: Stages) -> None:
    body = (
        "Le samedi 8 juin 2024, des hommes armés ont fait irruption dans une commune du département "
        "de Bosso et ont tué quatre civils."
    )
    events = _events(stages, body, "Niger : quatre civils tués dans le sud-est")
    assert events
    assert {e.place.country for e in events if e.place is not None} == {"NER"}


@pytest.mark.parametrize(("country", "region"), [("Niger", "Diffa"), ("", "Ségou")])
def test_the_articles_country_picks_among_homonyms(country: str, region: str) -> None:
    text = "Des hommes armés ont tué quatre civils dans une commune du département de Bosso."
    sentence = Sentence(text, 0, len(text))
    siting = Siting(load_country_words(), load_parties()[1])
    analysis = Analysis((sentence,), (), frozenset(), True)
    places = siting.places(sentence, analysis, [], Gazetteer.load(), 0, country)
    assert [(t.name, p.admin1 if p else None) for t, p, _ in places] == [("Bosso", region)]


def test_a_town_named_after_a_postposed_reporting_clause_is_where_it_was_reported() -> None:
    sentence = (
        "Un ingénieur allemand a été enlevé mardi soir dans son hôtel de Zinder, ont annoncé mercredi "
        "la police et le ministère des affaires étrangères à Berlin."
    )
    roles = {t.name: t.role for t in find_toponyms(sentence)}
    assert (roles["Zinder"], roles["Berlin"]) == ("direct", "other")


def test_a_resident_quoted_after_the_report_still_names_the_village() -> None:
    sentence = "« Ils ont tout brûlé », a raconté à la radio un habitant de Goulgountou, joint au téléphone."
    assert [t.role for t in find_toponyms(sentence) if t.name == "Goulgountou"] == ["direct"]


def test_a_participle_opening_a_sentence_is_not_a_place() -> None:
    names = [
        t.name for t in find_toponyms("Parti de Nouakchott pour rejoindre Kayes, le camion a été arrêté.")
    ]
    assert not any(name.startswith("Parti") for name in names)


def test_a_building_of_a_town_is_placed_in_the_town(stages: Stages) -> None:
    sentence = (
        "Le vendredi 7 juin 2024, des hommes armés ont ouvert le feu sur la foule à Mopti, au Palais des "
        "Sports Hamadoun, tuant six civils."
    )
    assert [site for site, _ in _sites(stages, sentence)] == ["Mopti"]


def test_this_commune_of_a_department_is_the_place_told_before(stages: Stages) -> None:
    body = (
        "Le samedi 8 juin 2024, des hommes armés ont attaqué le village de Toumnia, tuant cinq civils.\n\n"
        "Le dimanche 9 juin 2024, des hommes armés ont de nouveau attaqué cette commune du département "
        "de Bosso, tuant deux civils."
    )
    sites = {e.location for e in _events(stages, body, "Niger : cinq civils tués dans le sud-est")}
    assert sites == {"Toumnia"}


def test_a_country_named_in_the_sentence_beats_the_town_told_before(stages: Stages) -> None:
    body = (
        "Le mardi 4 juin 2024, des manifestants ont bloqué un convoi militaire à Téra, au Niger.\n\n"
        "Le mercredi 29 mai 2024, le même convoi avait été bloqué par des manifestants au Burkina Faso."
    )
    events = _events(stages, body, "Niger : un convoi bloqué par des manifestants")
    assert sorted(e.location for e in events) == ["Burkina Faso", "Téra"]


def test_a_rank_or_title_makes_a_name_a_person() -> None:
    roles = {t.name: t.role for t in find_toponyms("Le colonel Sanogo a inspecté mardi le camp de Sévaré.")}
    assert roles == {"Sanogo": "other", "Sévaré": "direct"}


def test_the_short_name_of_burkina_is_a_country_not_a_place(stages: Stages) -> None:
    sentence = (
        "Le dimanche 9 juin 2024, l'armée a frappé une colonne de terroristes qui quittait le Mali pour "
        "entrer au Burkina."
    )
    assert all(site != "Burkina" for site, _ in _sites(stages, sentence))
