"""Parties of PLOVER interactions: who acts on whom, read from the parse and the party lexicons."""

from __future__ import annotations

from datetime import date

import pytest

from vigie.events.lexicon import fold_text
from vigie.events.parties import PartyFinder, group
from vigie.pipeline import Stages
from vigie.records import Article, Interaction


@pytest.fixture(scope="module")
def finder() -> PartyFinder:
    return PartyFinder()


def _interactions(stages: Stages, body: str) -> list[Interaction]:
    article = Article("p" * 40, 0, "full", None, None, None, body, 0, len(body), ((0, len(body)),))
    analysis = stages.analyzer(article, body)
    return list(stages.extractor(article, analysis, stages.gazetteer).interactions)


def _pairs(found: list[Interaction]) -> set[tuple[str, tuple[str, ...]]]:
    return {(i.type, i.parties) for i in found}


def _codes(finder: PartyFinder, text: str) -> list[str]:
    return [p.code for p in finder.find(fold_text(text), text, "MLI") if p.start >= 0]


def test_a_person_of_a_nationality_is_no_party(finder: PartyFinder) -> None:
    # a demonym written as a noun after a singular article is one person, not the state
    text = (
        "Les autorités du Niger ont expulsé le chef de la délégation de l'Union européenne, "
        "l'Espagnol Carlos Ruiz."
    )
    assert _codes(finder, text) == ["NER", "EU"]
    # the same word as an adjective, or for a people, names the state
    assert "ESP" in _codes(finder, "Le gouvernement espagnol a rappelé son ambassadeur à Niamey.")


def test_a_place_named_by_its_country_is_no_party(finder: PartyFinder) -> None:
    text = "Le Bénin a perdu huit soldats dans une attaque près de la frontière du Burkina Faso."
    assert _codes(finder, text) == ["BEN"]
    assert _codes(finder, "Les pêcheurs du lac Tchad ont été déplacés par le Niger.") == ["NER"]


def test_the_states_of_an_organisation_told_before_are_its_members(finder: PartyFinder) -> None:
    folded = fold_text("Pour les trois gouvernements, ces propos constituent une agression.")
    told = [["AES", "UN"]]
    assert group(folded, told, finder.countries) is None  # no three states were named
    found = group(folded, told, finder.countries, members=finder.members)
    assert found is not None and sorted(found[2]) == ["BFA", "MLI", "NER"]


def test_the_states_of_a_fact_that_dates_the_act_are_not_its_parties(stages: Stages) -> None:
    found = _interactions(
        stages,
        "Le mardi 4 février 2025, ces entretiens sont intervenus après le retour du Tchad, de la "
        "Guinée et du Niger au sein de l'Union africaine.",
    )
    assert found == []


def test_a_pronoun_subject_is_the_party_told_first_before(stages: Stages) -> None:
    found = _interactions(
        stages,
        "Le président tchadien Mahamat Idriss Déby a été reçu le lundi 6 octobre 2025 à Bamako par le "
        "général Assimi Goïta. Sur la route du retour vers N'Djamena, il s'est entretenu le mardi 7 "
        "octobre 2025 à Ouagadougou avec le capitaine Ibrahim Traoré.",
    )
    assert ("CONSULT", ("BFA", "TCD")) in _pairs(found)
    assert ("CONSULT", ("BFA", "MLI")) not in _pairs(found)


def test_the_verb_says_who_acts_when_the_act_noun_names_no_giver(stages: Stages) -> None:
    found = _interactions(
        stages,
        "Stockholm a annoncé le mardi 8 février 2022 le rapatriement des soldats suédois déployés "
        "au sein de la force Takuba.",
    )
    assert {(i.type, i.parties, i.date) for i in found} == {("REJECT", ("MLI", "SWE"), date(2022, 2, 8))}


def test_the_body_an_accusation_is_brought_before_is_not_the_accused(stages: Stages) -> None:
    found = _interactions(
        stages,
        "Le lundi 19 août 2024, le Niger a saisi le Conseil de sécurité des Nations unies du soutien "
        "de l'Ukraine aux groupes terroristes.",
    )
    assert ("ACCUSE", ("NER", "UKR")) in _pairs(found)
    assert ("ACCUSE", ("NER", "UN")) not in _pairs(found)


def test_a_party_named_again_as_the_subject_is_who_acts(stages: Stages) -> None:
    # first named in the clause that sets the scene, then as the subject of the act
    found = _interactions(
        stages,
        "Alors que les deux capitales s'opposent depuis l'arrestation de soldats ivoiriens, le "
        "gouvernement ivoirien annonce le lundi 14 novembre 2022 le retrait de ses soldats de la "
        "mission des Nations unies pour la paix au Mali.",
    )
    assert ("REJECT", ("CIV", "UN")) in _pairs(found)
    assert ("REJECT", ("MLI", "UN")) not in _pairs(found)
