"""A challenge set for the PLOVER types: sentences written for these tests in the way Malian,
Burkinabè and Nigerien outlets tell diplomacy (several verbs, passives, appositions, lead-ins,
quoted statements), each with the interactions FORMAT.md gives it (type and parties)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from vigie.pipeline import Stages
from vigie.records import Article

PUBLISHED = date(2025, 3, 14)

CASES: list[Any] = [
    # SUPPORT: condolences, solidarity, congratulations, praise, condemnation of an attack suffered
    (
        "Le président sénégalais a adressé mardi ses sincères condoléances au peuple malien après "
        "l'attaque meurtrière de Kati.",
        {("SUPPORT", ("MLI", "SEN"))},
    ),
    (
        "Dans un message rendu public jeudi, le roi du Maroc a adressé ses chaleureuses félicitations "
        "au président de la Transition du Niger.",
        {("SUPPORT", ("MAR", "NER"))},
    ),
    (
        "L'Algérie a condamné avec la plus grande fermeté l'attentat qui a frappé mardi la ville de "
        "Tillabéri.",
        {("SUPPORT", ("DZA", "NER"))},
        "NER",  # a Nigerien outlet: the attack was on the page's country
    ),
    (
        "Le Togo a exprimé mercredi sa solidarité avec le peuple burkinabè, durement éprouvé par l'attaque "
        "de Djibo.",
        {("SUPPORT", ("BFA", "TGO"))},
    ),
    (
        "Porteur d'un message de solidarité du général Tiani, le ministre nigérien de la Défense a été reçu "
        "lundi à Koulouba par le colonel Assimi Goïta.",
        {("CONSULT", ("MLI", "NER")), ("SUPPORT", ("MLI", "NER"))},
    ),
    # ACCUSE: reproach, blame, denunciation, charges inside a quoted statement
    (
        "Le gouvernement malien a reproché lundi à l'Algérie son ingérence dans les affaires intérieures "
        "du pays.",
        {("ACCUSE", ("DZA", "MLI"))},
    ),
    (
        "Les autorités burkinabè ont mis en cause mercredi la Côte d'Ivoire, soupçonnée d'héberger des "
        "opposants armés.",
        {("ACCUSE", ("BFA", "CIV"))},
    ),
    (
        "« Le Bénin abrite des bases où sont entraînés des terroristes », a accusé jeudi le Premier "
        "ministre nigérien.",
        {("ACCUSE", ("BEN", "NER"))},
    ),
    (
        "Paris juge « sans fondement » les accusations portées par Bamako contre son attaché militaire.",
        set(),  # a denial answers an accusation: the accusation, told before, is the act
    ),
    (
        "La partie burkinabè a assuré qu'elle ne laisserait jamais son territoire servir à déstabiliser la "
        "Côte d'Ivoire.",
        set(),  # an assurance about what one would never do: no accusation
    ),
    # REJECT and SANCTION
    (
        "Le Niger a dénoncé jeudi l'accord de coopération militaire conclu avec les États-Unis.",
        {("REJECT", ("NER", "USA"))},
    ),
    (
        "Le gouvernement nigérien a rejeté vendredi l'ultimatum de la CEDEAO.",
        {("REJECT", ("ECOWAS", "NER"))},
    ),
    (
        "Les autorités algériennes ont fermé mardi leur espace aérien aux appareils en provenance du Mali.",
        {("SANCTION", ("DZA", "MLI"))},
    ),
    (
        "Le département d'État a annoncé jeudi le retrait du Niger de la liste des pays soumis à des "
        "restrictions de visas.",
        set(),  # taken off a list: a measure eased, no withdrawal of either party
    ),
    # AID: donations, grants, food
    (
        "Le Japon a octroyé mardi au Burkina Faso une enveloppe de deux milliards de francs CFA destinée à "
        "l'aide alimentaire.",
        {("AID", ("BFA", "JPN"))},
    ),
    (
        "La Chine a fait don jeudi de cinquante tonnes de riz aux populations déplacées du Mali.",
        {("AID", ("CHN", "MLI"))},
    ),
    (
        "L'Union européenne a débloqué jeudi une aide d'urgence de dix millions d'euros en faveur des "
        "déplacés du Burkina Faso.",
        {("AID", ("BFA", "EU"))},
    ),
    (
        "Dans un communiqué publié samedi, la Mauritanie exprime sa profonde compassion au peuple nigérien.",
        {("SUPPORT", ("MRT", "NER"))},
    ),
    (
        "Le secrétaire général de l'ONU a salué jeudi la tenue dans le calme du référendum au Mali.",
        {("SUPPORT", ("MLI", "UN"))},
    ),
    (
        "Niamey dénonce les « agissements hostiles » de la France à ses frontières.",
        {("ACCUSE", ("FRA", "NER"))},
    ),
    (
        "La CEDEAO a suspendu dimanche le Niger de toutes ses instances de décision.",
        {("SANCTION", ("ECOWAS", "NER"))},
    ),
    # COOPERATE: support to the other party's forces in an operation
    (
        "L'armée nigérienne a apporté mardi un soutien logistique aux troupes du Burkina Faso engagées "
        "près de Djibo.",
        {("COOPERATE", ("BFA", "NER"))},
    ),
    # REQUEST
    (
        "Le Niger a demandé lundi à la France de retirer ses soldats avant la fin de l'année.",
        {("REQUEST", ("FRA", "NER"))},
    ),
    (
        "Le ministre malien des Affaires étrangères a exhorté jeudi la Mauritanie à renforcer la "
        "surveillance de sa frontière.",
        {("REQUEST", ("MLI", "MRT"))},
    ),
    # AGREE, CONSULT and a meeting that produced several acts
    (
        "Le Mali et la Guinée ont paraphé mardi à Conakry un protocole d'accord sur le transport des "
        "marchandises.",
        {("AGREE", ("GIN", "MLI"))},
    ),
    (
        "Le colonel Assimi Goïta s'est entretenu au téléphone samedi avec le président russe Vladimir Poutine.",
        {("CONSULT", ("MLI", "RUS"))},
    ),
    # a fronted participial phrase: the clause after it is the news, though the parser hangs it as a
    # relative clause on the phrase's last noun
    (
        "Reçu en audience lundi par le président Goïta, l'ambassadeur de Chine a remis un don de matériel "
        "médical au ministre de la Santé.",
        {("CONSULT", ("CHN", "MLI")), ("AID", ("CHN", "MLI"))},
    ),
    (
        "Reçu en audience lundi par le président Goïta, l'ambassadeur de Chine a remis un don de "
        "matériel médical et réaffirmé le soutien de Pékin au peuple malien.",
        {("CONSULT", ("CHN", "MLI")), ("AID", ("CHN", "MLI")), ("SUPPORT", ("CHN", "MLI"))},
    ),
    # a phrase of time set between the verb and its object or agent
    (
        "Reçu mardi 11 mars 2025 par le Premier ministre, l'ambassadeur de Chine a réaffirmé le soutien "
        "de son pays à la Transition.",
        {("CONSULT", ("CHN", "MLI")), ("SUPPORT", ("CHN", "MLI"))},
    ),
    (
        "Le ministre nigérien des Affaires étrangères a convoqué le lundi 10 mars 2025 l'ambassadeur de "
        "France à Niamey.",
        {("ACCUSE", ("FRA", "NER"))},
        "NER",
    ),
    # arrived aboard a vehicle is no visit
    (
        "Arrivés dimanche à bord d'un avion militaire, les soldats togolais ont été remis aux autorités.",
        set(),
    ),
]


def _found(stages: Stages, body: str, home: str) -> set[tuple[str, tuple[str, ...]]]:
    article = Article("f" * 40, 0, "full", None, PUBLISHED, None, body, 0, len(body), ((0, len(body)),))
    analysis = stages.analyzer(article, body)
    found = stages.extractor(article, analysis, stages.gazetteer, home=home).interactions
    return {(item.type, tuple(item.parties)) for item in found}


@pytest.mark.parametrize("case", CASES)
def test_the_types_and_parties_of_a_sentence(stages: Stages, case: tuple[object, ...]) -> None:
    body, expected, *home = case
    assert isinstance(body, str)
    assert _found(stages, body, str(home[0]) if home else "MLI") == expected
