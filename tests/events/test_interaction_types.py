"""PLOVER interaction types that depend on the whole act told, on French sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from vigie.events.acts import Acts
from vigie.events.lexicon import fold_text
from vigie.pipeline import Stages
from vigie.records import Interaction


@pytest.fixture(scope="module")
def acts() -> Acts:
    return Acts()


def _kinds(acts: Acts, sentence: str) -> list[str]:
    return sorted(acts.find_types(fold_text(sentence)))


def _interactions(stages: Stages, body: str, published: date | None) -> list[Interaction]:
    from vigie.records import Article

    article = Article("f" * 40, 0, "full", None, published, None, body, 0, len(body), ((0, len(body)),))
    analysis = stages.analyzer(article, body)
    return list(stages.extractor(article, analysis, stages.gazetteer).interactions)


# --- one act that subsumes another of its sentence (`excludes` in plover.toml)


def test_a_summons_is_a_reprimand_and_its_talk_no_consultation(acts: Acts) -> None:
    sentence = (
        "Lundi, le ministre des Affaires étrangères a convoqué le chargé d'affaires de Côte d'Ivoire pour "
        "lui faire part de son mécontentement ; l'entretien a duré une vingtaine de minutes."
    )
    assert _kinds(acts, sentence) == ["ACCUSE"]


def test_a_meeting_without_a_summons_stays_a_consultation(acts: Acts) -> None:
    sentence = "Lundi, le ministre a eu un entretien avec le chargé d'affaires de Côte d'Ivoire."
    assert _kinds(acts, sentence) == ["CONSULT"]


def test_weapons_delivered_are_cooperation_not_aid(acts: Acts) -> None:
    sentence = (
        "Le chef de l'État a présidé la cérémonie de réception d'un lot de drones de fabrication chinoise."
    )
    assert _kinds(acts, sentence) == ["COOPERATE"]


def test_weapons_given_as_a_gift_are_aid(acts: Acts) -> None:
    sentence = "Les blindés et les munitions ont été offerts gracieusement par le gouvernement turc."
    assert _kinds(acts, sentence) == ["AID"]


def test_a_lot_of_food_is_still_aid(acts: Acts) -> None:
    sentence = "La Chine a remis un lot de vivres et de médicaments aux autorités de Niamey."
    assert _kinds(acts, sentence) == ["AID"]


# --- what an accusation charges is no act between the parties (`[abetting]`)


def test_arms_supplied_to_armed_groups_are_charged_not_cooperation(acts: Acts) -> None:
    sentence = (
        "Le général a affirmé que le Bénin avait fourni des drones à des groupes armés opérant au nord."
    )
    assert "COOPERATE" not in _kinds(acts, sentence)
    assert "AID" not in _kinds(acts, sentence)


def test_arms_supplied_for_the_fight_against_armed_groups_are_cooperation(acts: Acts) -> None:
    sentence = "La Turquie a fourni des drones au Niger pour la lutte contre les groupes armés."
    assert _kinds(acts, sentence) == ["COOPERATE"]


# --- legal action and ultimatums


def test_filing_a_case_against_a_state_is_an_accusation(acts: Acts) -> None:
    sentence = "Bamako a déposé une requête introductive d'instance contre Alger devant la Cour de La Haye."
    assert _kinds(acts, sentence) == ["ACCUSE"]


def test_a_request_for_a_meeting_is_still_a_request(acts: Acts) -> None:
    sentence = "Le Niger a adressé une requête au Conseil de sécurité pour une réunion d'urgence."
    assert "REQUEST" in _kinds(acts, sentence)


def test_a_month_given_to_leave_is_a_demand(acts: Acts) -> None:
    sentence = "Le gouvernement donne un mois aux coopérants militaires étrangers pour quitter le pays."
    assert "REQUEST" in _kinds(acts, sentence)


# --- what the parse says is not an act of the day (`[frames]` in plover.toml)


def test_what_a_request_asks_for_is_no_act_of_its_own(stages: Stages) -> None:
    found = _interactions(
        stages,
        "Le mardi 4 mars 2025, le ministre nigérien a demandé au Conseil de sécurité des Nations unies de "
        "sanctionner les pays qui arment les groupes terroristes.",
        None,
    )
    assert [(i.type, i.parties) for i in found] == [("REQUEST", ("NER", "UN"))]


def test_an_act_beside_a_demand_is_still_told(stages: Stages) -> None:
    found = _interactions(
        stages,
        "Le mardi 4 mars 2025, le gouvernement malien a exigé le départ de l'ambassadeur de Suède et suspendu "
        "la coopération avec Stockholm.",
        None,
    )
    assert {i.type for i in found} >= {"REJECT"}


def test_a_renounced_visit_or_signature_is_no_act(stages: Stages) -> None:
    body = "Le samedi 8 juin 2024, le président nigérien a renoncé à sa visite officielle au Nigeria."
    assert [i.type for i in _interactions(stages, body, None)] == []
    body = "Le samedi 8 juin 2024, le Niger a renoncé à signer l'accord de coopération avec le Bénin."
    assert [i.type for i in _interactions(stages, body, None)] == []
    body = "Le samedi 8 juin 2024, le Niger a signé l'accord de coopération avec le Bénin."
    assert [i.type for i in _interactions(stages, body, None)] == ["AGREE"]


def test_an_act_that_dates_the_news_is_background(stages: Stages) -> None:
    body = (
        "Le jeudi 6 février 2025, depuis la rupture avec l'Ukraine, le Niger a reçu une délégation "
        "de la Chine."
    )
    assert {i.type for i in _interactions(stages, body, None)} == {"CONSULT"}


def test_an_act_with_a_day_of_its_own_in_a_phrase_of_time_is_told(stages: Stages) -> None:
    body = (
        "Des instructeurs russes sont arrivés à Niamey, après l'entretien téléphonique du 26 mars 2024 "
        "entre le général Tiani et Vladimir Poutine."
    )
    found = _interactions(stages, body, None)
    assert [(i.type, i.parties, i.date) for i in found if i.type == "CONSULT"] == [
        ("CONSULT", ("NER", "RUS"), date(2024, 3, 26))
    ]


def test_an_idiom_of_arrival_is_no_visit(acts: Acts) -> None:
    assert _kinds(acts, "Ces nouveaux hélicoptères arrivent à point nommé pour l'armée.") == []


def test_a_gradual_withdrawal_is_an_ongoing_situation(stages: Stages) -> None:
    body = "Au Mali, la mission des Nations unies se retire progressivement de ses bases du Nord."
    assert [i.type for i in _interactions(stages, body, None)] == []
    body = "Le mardi 4 mars 2025, la mission des Nations unies s'est retirée de sa base de Tessalit au Mali."
    assert [i.type for i in _interactions(stages, body, None)] == ["REJECT"]


def test_a_state_that_goes_on_since_a_break_is_no_act_of_a_day(stages: Stages) -> None:
    body = "Depuis la rupture avec Paris, la Russie fournit des armes et des munitions à l'armée nigérienne."
    assert [i.type for i in _interactions(stages, body, date(2025, 3, 4))] == []
    body = "Le mardi 4 mars 2025, la Russie a fourni des armes et des munitions à l'armée nigérienne."
    assert [i.type for i in _interactions(stages, body, date(2025, 3, 5))] == ["COOPERATE"]


def test_a_meeting_proposed_is_no_meeting(stages: Stages) -> None:
    body = (
        "Le ministre béninois a renouvelé le mardi 4 mars 2025 sa proposition d'une rencontre avec son "
        "homologue nigérien."
    )
    assert [i.type for i in _interactions(stages, body, None)] == []
    body = "Le mardi 4 mars 2025, le Bénin a fait au Niger la proposition d'une rencontre entre les deux gouvernements."
    assert [i.type for i in _interactions(stages, body, None)] == []
