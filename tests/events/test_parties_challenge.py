"""A challenge set for the parties of PLOVER interactions, on sentences written for it in the way
Malian, Burkinabè and Nigerien outlets write: parties named indirectly (a capital, a palace, a
leader, a minister's title, "son homologue", "les autorités de la Transition"), acts of several
parties (one entry per pair, FORMAT.md), who acts on whom read from the parse (passives, "à
l'invitation de"), the page's own country as the implied second party, and an organisation that
meets in a country which is no party to its act.

Each case gives the page's country, the publication day, a short article and the (type, parties)
it must give; `absent` lists pairs it must not give. `AES` counts for its three members, as in
scoring (FORMAT.md, Several parties).
"""

from __future__ import annotations

from datetime import date
from itertools import product
from typing import NamedTuple

import pytest

from vigie.pipeline import Stages
from vigie.records import Article

AES = ("BFA", "MLI", "NER")


class Case(NamedTuple):
    home: str
    body: str
    expected: set[tuple[str, tuple[str, str]]]
    absent: set[tuple[str, tuple[str, str]]] = set()


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _expanded(kind: str, parties: tuple[str, ...]) -> set[tuple[str, tuple[str, str]]]:
    sides = [AES if p == "AES" else (p,) for p in parties]
    return {(kind, _pair(a, b)) for a, b in product(*sides) if a != b}


CASES = {
    # parties named by a capital, a seat of power, a leader's name
    "capitals-sign": Case(
        "MLI",
        "Moscou et Bamako ont signé le mardi 3 septembre 2024 trois accords de coopération dans le "
        "domaine de l'énergie.",
        {("AGREE", ("MLI", "RUS"))},
    ),
    "kremlin-phone": Case(
        "MLI",
        "Le Kremlin a fait savoir que Vladimir Poutine s'est entretenu au téléphone le vendredi 1er "
        "mars 2024 avec le colonel Assimi Goïta.",
        {("CONSULT", ("MLI", "RUS"))},
    ),
    "leaders-by-name": Case(
        "MLI",
        "Bassirou Diomaye Faye a été accueilli le jeudi 30 mai 2024 à l'aéroport de Bamako par le "
        "général d'armée Assimi Goïta.",
        {("CONSULT", ("MLI", "SEN"))},
    ),
    "alger-summons": Case(
        "MLI",
        "Le lundi 8 janvier 2024, Alger a convoqué l'ambassadeur du Mali pour lui signifier sa protestation.",
        {("ACCUSE", ("DZA", "MLI"))},
    ),
    "white-house": Case(
        "NER",
        "La Maison Blanche a annoncé le vendredi 19 avril 2024 le retrait de ses soldats du Niger.",
        {("REJECT", ("NER", "USA"))},
    ),
    # a minister's or an ambassador's title, "son homologue"
    "minister-title-passive": Case(
        "NER",
        "Le ministre burkinabè des Affaires étrangères, Karamoko Jean-Marie Traoré, a été reçu le "
        "lundi 12 février 2024 à Niamey par le général Abdourahamane Tiani.",
        {("CONSULT", ("BFA", "NER"))},
    ),
    "homologue-demonym": Case(
        "MLI",
        "Le ministre des Affaires étrangères, Abdoulaye Diop, s'est entretenu le lundi 4 mars 2024 "
        "à Moscou avec son homologue russe, Sergueï Lavrov.",
        {("CONSULT", ("MLI", "RUS"))},
    ),
    "homologue-bare": Case(
        "NER",
        "En visite à Niamey, le chef de la diplomatie turque, Hakan Fidan, a été reçu le mercredi "
        "17 juillet 2024 par son homologue.",
        {("CONSULT", ("NER", "TUR"))},
    ),
    "ambassador-of": Case(
        "MLI",
        "Le Premier ministre a reçu le mardi 7 mai 2024 l'ambassadeur de Chine au Mali, Chen Zhihong.",
        {("CONSULT", ("CHN", "MLI"))},
    ),
    "ambassador-gift": Case(
        "MLI",
        "L'ambassadeur de Chine a remis le jeudi 11 avril 2024 au ministre de la Santé un lot de "
        "matériel médical.",
        {("AID", ("CHN", "MLI"))},
    ),
    "ambassador-of-country-audience": Case(
        "BFA",
        "L'ambassadeur de Turquie a été reçu en audience le lundi 8 avril 2024 par le ministre de la "
        "Défense.",
        {("CONSULT", ("BFA", "TUR"))},
    ),
    # "les autorités de la Transition", "les autorités nigériennes", the page's country implied
    "transition-authorities": Case(
        "MLI",
        "Les autorités de la Transition ont reçu le mercredi 15 mai 2024 un don de 3 000 tonnes de "
        "riz offert par le Maroc.",
        {("AID", ("MAR", "MLI"))},
    ),
    "nigerien-authorities-accuse": Case(
        "NER",
        "Les autorités nigériennes ont accusé le samedi 11 mai 2024 le Bénin d'abriter des bases françaises.",
        {("ACCUSE", ("BEN", "NER"))},
    ),
    "un-body-indirect": Case(
        "MLI",
        "Le gouvernement malien a demandé le vendredi 16 juin 2023 le retrait sans délai de la "
        "MINUSMA. Il reproche à l'organe onusien de n'avoir pas rempli son mandat.",
        {("REQUEST", ("MLI", "UN")), ("ACCUSE", ("MLI", "UN"))},
    ),
    "gift-to-home": Case(
        "NER",
        "Le Japon a remis le mercredi 18 octobre 2023 un don de vivres d'une valeur de deux "
        "milliards de francs CFA.",
        {("AID", ("JPN", "NER"))},
    ),
    # acts of several parties: one entry per pair
    "aes-heads-receive": Case(
        "NER",
        "Les chefs d'État de l'AES ont reçu le samedi 6 juillet 2024 à Niamey le vice-ministre russe "
        "de la Défense, Iounous-Bek Ievkourov.",
        _expanded("CONSULT", ("AES", "RUS")),
    ),
    "aes-summit": Case(
        "NER",
        "Le premier sommet des chefs d'État de l'AES s'est tenu le samedi 6 juillet 2024 à Niamey.",
        {("CONSULT", ("BFA", "MLI")), ("CONSULT", ("BFA", "NER")), ("CONSULT", ("MLI", "NER"))},
    ),
    "three-ministers-meet": Case(
        "MLI",
        "Les ministres des Affaires étrangères du Mali, du Burkina Faso et du Niger ont rencontré le "
        "lundi 25 novembre 2024 à Moscou leur homologue russe.",
        _expanded("CONSULT", ("AES", "RUS")),
    ),
    "three-leave-ecowas": Case(
        "BFA",
        "Le Burkina Faso, le Mali et le Niger ont annoncé le dimanche 28 janvier 2024 leur retrait "
        "de la CEDEAO.",
        _expanded("REJECT", ("AES", "ECOWAS")),
        {("REJECT", ("BFA", "MLI")), ("REJECT", ("BFA", "NER")), ("REJECT", ("MLI", "NER"))},
    ),
    "two-capitals-reject": Case(
        "BFA",
        "Ouagadougou et Bamako ont rejeté le lundi 31 juillet 2023 les sanctions de la CEDEAO contre "
        "le Niger.",
        {("REJECT", ("BFA", "ECOWAS")), ("REJECT", ("ECOWAS", "MLI"))},
        {("REJECT", ("BFA", "MLI"))},
    ),
    "regional-organisations": Case(
        "MLI",
        "Niamey et Bamako ont dénoncé le mardi 1er août 2023 l'acharnement des institutions "
        "régionales contre leurs peuples.",
        set(),
        {("ACCUSE", ("MLI", "NER"))},
    ),
    # direction from the parse
    "invitation-of": Case(
        "MLI",
        "À l'invitation de son homologue togolais, le ministre malien des Affaires étrangères s'est "
        "rendu le vendredi 5 avril 2024 à Lomé.",
        {("CONSULT", ("MLI", "TGO"))},
    ),
    "passive-received-tehran": Case(
        "NER",
        "Le Premier ministre nigérien Ali Mahamane Lamine Zeine a été reçu le mardi 16 janvier 2024 "
        "à Téhéran par le président iranien Ebrahim Raïssi.",
        {("CONSULT", ("IRN", "NER"))},
    ),
    "to-whom-he-handed": Case(
        "BFA",
        "Le capitaine Ibrahim Traoré a reçu le jeudi 9 mai 2024 l'ambassadeur du Japon, à qui il a "
        "remis un message pour le Premier ministre japonais.",
        {("CONSULT", ("BFA", "JPN"))},
    ),
    "former-colonial-power": Case(
        "BFA",
        "L'ancienne puissance coloniale a achevé le dimanche 19 février 2023 le retrait de ses forces "
        "spéciales du Burkina Faso.",
        {("REJECT", ("BFA", "FRA"))},
    ),
    "hexagone": Case(
        "NER",
        "Le jeudi 27 juillet 2023, l'Hexagone a rappelé son ambassadeur au Niger.",
        {("REJECT", ("FRA", "NER"))},
    ),
    "leader-receives-at-home": Case(
        "MLI",
        "Paul Kagame a reçu le mardi 2 avril 2024 à Kigali le Premier ministre Choguel Kokalla Maïga.",
        {("CONSULT", ("MLI", "RWA"))},
    ),
    "leader-surname-received": Case(
        "MLI",
        "Le président Embalo a été reçu le lundi 6 mai 2024 à Koulouba par le chef de l'État.",
        {("CONSULT", ("GNB", "MLI"))},
    ),
    "homologue-after-date": Case(
        "MLI",
        "Le chef de la diplomatie malienne a reçu le mardi 5 mars 2024 son homologue mauritanien. "
        "Les deux ministres ont signé un mémorandum d'entente.",
        {("CONSULT", ("MLI", "MRT")), ("AGREE", ("MLI", "MRT"))},
    ),
    # ambassadors each represent their state to the host: the host with each, not with one another
    "credentials-list": Case(
        "MLI",
        "Le président de la Transition a reçu le lundi 9 septembre 2024 les lettres de créance des "
        "ambassadeurs de Turquie, d'Égypte et du Maroc.",
        {("CONSULT", ("MLI", "TUR")), ("CONSULT", ("EGY", "MLI")), ("CONSULT", ("MAR", "MLI"))},
        {("CONSULT", ("EGY", "TUR")), ("CONSULT", ("MAR", "TUR")), ("CONSULT", ("EGY", "MAR"))},
    ),
    "two-ambassadors": Case(
        "NER",
        "Le général Tiani a reçu le lundi 1er juillet 2024 les ambassadeurs du Mali et du Burkina Faso.",
        {("CONSULT", ("MLI", "NER")), ("CONSULT", ("BFA", "NER"))},
        {("CONSULT", ("BFA", "MLI"))},
    ),
    "ambassadors-in-turn": Case(
        "MLI",
        "Le jeudi 6 février 2025, le ministre des Affaires étrangères a reçu tour à tour les "
        "ambassadeurs de la Chine et de la Russie.",
        {("CONSULT", ("CHN", "MLI")), ("CONSULT", ("MLI", "RUS"))},
        {("CONSULT", ("CHN", "RUS"))},
    ),
    # a capital after a stance only a government takes is that government
    "stance-of-capital": Case(
        "NER",
        "Le vendredi 7 février 2025, Niamey a dénoncé la position de Washington sur la transition.",
        {("ACCUSE", ("NER", "USA"))},
    ),
    # the parse names the subject: a crowd is no state, whatever party stands before it
    "crowd-subject": Case(
        "BFA",
        "Devant l'ambassade de France, des centaines de manifestants ont rejeté le vendredi 30 "
        "septembre 2022 toute médiation.",
        set(),
        {("REJECT", ("BFA", "FRA"))},
    ),
    # an official introduced by title, state and name stands for that state later in the article
    "named-ambassador-later": Case(
        "BFA",
        "L'ambassadeur de Russie au Burkina Faso, Igor Martynov, parle couramment le mooré. Le lundi "
        "10 mars 2025, le ministre de la Défense s'est entretenu avec Igor Martynov.",
        {("CONSULT", ("BFA", "RUS"))},
    ),
    "named-minister-later": Case(
        "MLI",
        "Le ministre turc des Affaires étrangères, Mehmet Kaya, est arrivé le lundi 3 février 2025 à "
        "Bamako. Le jeudi 6 février 2025, M. Kaya a signé un accord de coopération avec le ministre "
        "de l'Économie.",
        {("AGREE", ("MLI", "TUR"))},
    ),
    "civility-received": Case(
        "MLI",
        "Le mardi 4 mars 2025, M. Amadou Bâ, ministre des Affaires étrangères du Sénégal, a été reçu "
        "par le président de la Transition.",
        {("CONSULT", ("MLI", "SEN"))},
    ),
    "name-then-title-later": Case(
        "NER",
        "Arrivé lundi, M. Kofi Mensah, envoyé spécial du Ghana, a visité l'hôpital de Niamey. Le "
        "mercredi 5 mars 2025, le général Tiani a reçu M. Mensah.",
        {("CONSULT", ("GHA", "NER"))},
    ),
    # the parties of a relative clause that does not hold the act are none of its own
    "parties-in-relative-clause": Case(
        "MLI",
        "Le mardi 4 mars 2025, le ministre a dénoncé des rumeurs qui accusent la France et l'Algérie "
        "de financer le terrorisme.",
        set(),
        {("ACCUSE", ("FRA", "MLI")), ("ACCUSE", ("DZA", "MLI")), ("ACCUSE", ("DZA", "FRA"))},
    ),
    # a directed act on a list whose members each repeat the preposition ("au Mali, au Burkina")
    "aid-to-three": Case(
        "MLI",
        "La Russie a offert le jeudi 12 septembre 2024 des milliers de tonnes de blé au Mali, au "
        "Burkina Faso et au Niger.",
        _expanded("AID", ("RUS", "AES")),
        {("AID", ("BFA", "MLI")), ("AID", ("MLI", "NER"))},
    ),
    "passive-agent-official": Case(
        "NER",
        "Le mardi 4 mars 2025, l'Algérie a été accusée par le gouvernement de soutenir les terroristes.",
        {("ACCUSE", ("DZA", "NER"))},
    ),
    # a passive without its agent: the party the clause names beside the subject acts
    "suspended-passive": Case(
        "NER",
        "Le samedi 29 juillet 2023, le Niger a été suspendu des instances de l'Union africaine.",
        {("SANCTION", ("AU", "NER"))},
    ),
    # an organisation and the country that hosts its meeting
    "organisation-host": Case(
        "NER",
        "Le ministre nigérien des Affaires étrangères a rencontré le jeudi 14 mars 2024 à Abuja le "
        "président de la Commission de la CEDEAO, Omar Alieu Touray.",
        {("CONSULT", ("ECOWAS", "NER"))},
        {("CONSULT", ("NER", "NGA")), ("CONSULT", ("ECOWAS", "NGA"))},
    ),
    "un-session-new-york": Case(
        "MLI",
        "Le représentant permanent du Mali a accusé le mardi 22 août 2023 devant le Conseil de "
        "sécurité, à New York, l'Ukraine de soutenir les groupes terroristes.",
        {("ACCUSE", ("MLI", "UKR"))},
        {("ACCUSE", ("MLI", "USA"))},
    ),
}


def _found(stages: Stages, case: Case) -> set[tuple[str, tuple[str, str]]]:
    body = case.body
    article = Article(
        "c" * 40, 0, "full", None, date(2025, 12, 1), None, body, 0, len(body), ((0, len(body)),)
    )
    analysis = stages.analyzer(article, body)
    found = stages.extractor(article, analysis, stages.gazetteer, home=case.home).interactions
    return {pair for i in found for pair in _expanded(i.type, i.parties)}


@pytest.mark.parametrize("name", sorted(CASES))
def test_parties_challenge(stages: Stages, name: str) -> None:
    case = CASES[name]
    found = _found(stages, case)
    assert case.expected <= found, f"missing {case.expected - found}, found {found}"
    assert not case.absent & found, f"spurious {case.absent & found}"
