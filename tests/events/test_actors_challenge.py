"""A challenge set for the actors and tolls of issue 10, on sentences written for it in the ways
Malian, Burkinabè and Nigerien outlets tell an incident: other verbs, passives, appositions, a
claim or a toll told in the next sentence, the forces of the country where it happens, militias,
an investigating body that only reports, foreign forces, the aliases of the jihadist groups.

Each case gives the article's text, its publication day and the (type, actor1, actor2,
fatalities) of every event it reports, in order."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.extracting import article_events
from vigie.pipeline import Stages

UAG = "Unidentified Armed Group"
MALI = "Military Forces of Mali"
MALI_POLICE = "Police Forces of Mali"
BFA = "Military Forces of Burkina Faso"
NER = "Military Forces of Niger"
BATTLE = "Battles"
VAC = "Violence against civilians"
IED = "Explosions/Remote violence"
SD = "Strategic developments"

CASES: list[tuple[str, str, date, list[tuple[str, str, str | None, int | None]]]] = [
    # -- the forces of the country where the event happens (FORMAT.md, ACLED) --------------------
    (
        "niger-garde-nationale",
        "Des terroristes lourdement armés ont attaqué lundi une position de la Garde nationale à "
        "Banibangou, dans la région de Tillabéri.",
        date(2024, 5, 8),
        [(BATTLE, UAG, NER, None)],
    ),
    (
        "niger-fds-ambush",
        "Une patrouille des Forces de défense et de sécurité est tombée mardi dans une embuscade tendue par "
        "des individus armés à Tassia, dans le département de Téra.",
        date(2024, 5, 8),
        [(BATTLE, UAG, NER, None)],
    ),
    (
        "niger-police-station",
        "Trois policiers ont été tués mercredi à Makalondi, dans la région de Tillabéri, lors d'une attaque "
        "de leur commissariat par des hommes armés venus à moto.",
        date(2024, 5, 10),
        [(BATTLE, UAG, NER, 3)],
    ),
    (
        "burkina-gendarmerie-target",
        "Le détachement de gendarmerie de Seytenga a été la cible d'une attaque terroriste dans la nuit de "
        "samedi à dimanche.",
        date(2024, 5, 13),
        [(BATTLE, UAG, BFA, None)],
    ),
    (
        "burkina-vdp-passive",
        "Des Volontaires pour la défense de la patrie ont été pris à partie jeudi par des individus armés "
        "non identifiés à Gorom-Gorom.",
        date(2024, 5, 11),
        [(BATTLE, UAG, BFA, None)],
    ),
    (
        "mali-gendarmerie-fire",
        "Le poste de gendarmerie de Sandaré a essuyé des tirs d'hommes armés dans la nuit de mardi à mercredi.",
        date(2024, 5, 10),
        [(BATTLE, UAG, MALI_POLICE, None)],
    ),
    (
        "niger-soldiers-in-mali",
        "Des militaires nigériens ont été tués jeudi à Ménaka dans une embuscade.",
        date(2024, 5, 20),
        [(BATTLE, UAG, NER, None)],
    ),
    # the forces of a state outside the Sahel are "Other" (FORMAT.md), also in their own country
    (
        "chadian-army-ied",
        "Un engin explosif a fait trois morts jeudi parmi les soldats de l'armée tchadienne déployés près de "
        "Ménaka.",
        date(2024, 5, 20),
        [(IED, UAG, "Other", 3)],
    ),
    (
        "ivorian-patrol",
        "Une patrouille de l'armée ivoirienne a été attaquée jeudi près de Téhini.",
        date(2024, 5, 20),
        [(BATTLE, UAG, "Other", None)],
    ),
    # -- militias: Dozo hunters and Dan Na Ambassagou, self-defence groups ---------------------
    (
        "dozo-burn-village",
        "Des chasseurs dozos ont attaqué dimanche le hameau peul de Sobane, dans le cercle de Bandiagara, "
        "tuant huit villageois.",
        date(2024, 5, 14),
        [(VAC, "Dozo militia", "Civilians", 8)],
    ),
    (
        "dozo-clash-jnim",
        "Des affrontements ont opposé mardi des miliciens de Dan Na Ambassagou à des combattants de la "
        "katiba Macina près de Bankass.",
        date(2024, 5, 16),
        [(BATTLE, "Dozo militia", "JNIM", None)],
    ),
    (
        "vigilance-committee",
        "Les groupes armés terroristes ont exécuté jeudi trois membres d'un comité de vigilance à Inates.",
        date(2024, 5, 20),
        [(BATTLE, UAG, "Other", 3)],
    ),
    (
        "vigilance-delegation-ambushed",
        "Mardi vers 9h30, le maire de la commune, qui conduisait une délégation de membres des comités de "
        "vigilance, est tombé dans une embuscade près de Banibangou.",
        date(2024, 5, 20),
        [(BATTLE, UAG, "Other", None)],
    ),
    # -- the target: civilians or soldiers -------------------------------------------------------
    (
        "civilians-village-irruption",
        "Des hommes armés ont fait irruption vendredi soir dans le village de Diallassagou et ont abattu "
        "quinze habitants.",
        date(2024, 5, 13),
        [(VAC, UAG, "Civilians", 15)],
    ),
    (
        "civilians-gold-miners",
        "Six orpailleurs ont été tués samedi par des individus armés sur un site aurifère proche de Kidal.",
        date(2024, 5, 13),
        [(VAC, UAG, "Civilians", 6)],
    ),
    (
        "convoy-carrying-soldiers",
        "Le convoi, qui transportait des soldats et des vivres, est tombé jeudi dans une embuscade près de Boni.",
        date(2024, 5, 20),
        [(BATTLE, UAG, MALI, None)],
    ),
    (
        "soldiers-toll-after",
        "Un convoi de ravitaillement a été attaqué lundi entre Boni et Hombori. Dix militaires ont perdu la "
        "vie dans l'attaque.",
        date(2024, 5, 14),
        [(BATTLE, UAG, MALI, 10)],
    ),
    (
        "ambush-of-traders",
        "Des terroristes ont tendu jeudi une embuscade à des commerçants sur l'axe Djibo-Namsiguia, tuant "
        "quatre d'entre eux.",
        date(2024, 5, 20),
        [(VAC, UAG, "Civilians", 4)],
    ),
    (
        "ambush-of-a-patrol",
        "Des terroristes ont tendu jeudi une embuscade à une patrouille près de Djibo, tuant quatre soldats.",
        date(2024, 5, 20),
        [(BATTLE, UAG, BFA, 4)],
    ),
    (
        "transport-truck-mine",
        "Un camion de transport a heurté jeudi un engin explosif improvisé sur l'axe Boni-Hombori.",
        date(2024, 5, 20),
        [(IED, UAG, "Civilians", None)],
    ),
    # -- a claimant named in a later sentence ----------------------------------------------------
    (
        "claim-passive-next",
        "Mardi, des assaillants ont attaqué le camp militaire de Boulkessi. L'attaque a été revendiquée par "
        "le GSIM.",
        date(2024, 5, 16),
        [(BATTLE, "JNIM", MALI, None)],
    ),
    (
        "claim-is-next-ied",
        "Un véhicule de l'armée a sauté jeudi sur un engin explosif près de Hombori. L'État islamique au "
        "Sahel a revendiqué l'explosion dans un communiqué.",
        date(2024, 5, 18),
        [(IED, "Islamic State Sahel", MALI, None)],
    ),
    (
        "claim-author-phrase",
        "Des hommes armés ont attaqué jeudi le camp de Tessit. Dans un message diffusé sur ses canaux de "
        "propagande, l'État islamique au Sahel a affirmé être l'auteur de l'attaque.",
        date(2024, 5, 20),
        [(BATTLE, "Islamic State Sahel", MALI, None)],
    ),
    (
        "claim-present-tense",
        "Des hommes armés ont attaqué jeudi le camp de Boulkessi. Le JNIM revendique l'attaque.",
        date(2024, 5, 20),
        [(BATTLE, "JNIM", MALI, None)],
    ),
    (
        "claim-in-the-event-sentence",
        "Dans un communiqué, le GSIM revendique l'assaut mené jeudi contre le poste de Diafarabé.",
        date(2024, 5, 20),
        [(BATTLE, "JNIM", MALI, None)],
    ),
    (
        "claim-denied",
        "Des hommes armés ont attaqué jeudi le poste de Diafarabé. L'attaque n'a pas été revendiquée.",
        date(2024, 5, 20),
        [(BATTLE, UAG, MALI, None)],
    ),
    (
        "claim-participle-first",
        "Revendiquée par le JNIM, l'attaque a visé jeudi le camp militaire de Boulkessi.",
        date(2024, 5, 20),
        [(BATTLE, "JNIM", MALI, None)],
    ),
    # -- an investigating body is not the perpetrator -------------------------------------------
    (
        "hrw-accuses-army",
        "Human Rights Watch accuse l'armée burkinabè d'avoir exécuté au moins 60 civils le 20 avril à Karma.",
        date(2024, 5, 20),
        [(VAC, BFA, "Civilians", 60)],
    ),
    (
        "un-mission-accuses",
        "La mission onusienne accuse des militaires maliens d'avoir tué douze civils le 3 mars à Diafarabé.",
        date(2024, 5, 20),
        [(VAC, MALI, "Civilians", 12)],
    ),
    # the source a sentence reports from is no party to what it tells
    (
        "source-after-clash",
        "Des affrontements ont opposé jeudi des jihadistes à des chasseurs dozos près de Djenné, selon la "
        "MINUSMA.",
        date(2024, 5, 20),
        [(BATTLE, UAG, "Dozo militia", None)],
    ),
    (
        "source-postposed",
        "Des combats ont éclaté jeudi à Boni entre l'armée et des jihadistes, a indiqué la mission onusienne.",
        date(2024, 5, 20),
        [(BATTLE, UAG, MALI, None)],
    ),
    (
        "peacekeepers-convoy",
        "Des casques bleus ont été blessés jeudi lorsque leur convoi a été visé par des tirs près de "
        "Douentza, a indiqué la MINUSMA.",
        date(2024, 5, 20),
        [(BATTLE, UAG, "MINUSMA", None)],
    ),
    # -- actor2 as ACLED codes it ----------------------------------------------------------------
    (
        "air-strike-terrorists",
        "Jeudi, des frappes aériennes des FAMa ont neutralisé plusieurs terroristes près de Léré.",
        date(2024, 5, 18),
        [("Explosions/Remote violence", MALI, UAG, None)],
    ),
    (
        "air-strike-bases",
        "Jeudi, des frappes aériennes ont visé des bases terroristes près de Tessit.",
        date(2024, 5, 20),
        [(IED, MALI, UAG, None)],
    ),
    (
        "drone-strike-wedding",
        "Une frappe de drone a tué jeudi huit civils lors d'un mariage à Douentza, selon des sources locales.",
        date(2024, 5, 20),
        [(IED, MALI, "Civilians", 8)],
    ),
    (
        "soldiers-fire-on-civilians",
        "Des soldats ont ouvert le feu jeudi sur des civils au marché de Djibo, tuant sept personnes, selon "
        "des témoins.",
        date(2024, 5, 20),
        [(VAC, BFA, "Civilians", 7)],
    ),
    (
        "victims-of-an-ambush",
        "Des militaires et des chasseurs dozos ont été tués jeudi dans une embuscade près de Djenné.",
        date(2024, 5, 20),
        [(BATTLE, UAG, MALI, None)],
    ),
    (
        "died-in-an-ambush",
        "Dix soldats ont péri jeudi dans une embuscade tendue par des jihadistes près de Boni.",
        date(2024, 5, 20),
        [(BATTLE, UAG, MALI, 10)],
    ),
    (
        "jnim-against-eigs",
        "Des affrontements ont opposé jeudi des combattants du JNIM à ceux de l'EIGS près de Ménaka.",
        date(2024, 5, 20),
        [(BATTLE, "JNIM", "Islamic State Sahel", None)],
    ),
    (
        "arrest-civilians",
        "La gendarmerie a interpellé samedi à Kati trois individus soupçonnés de trafic de drogue.",
        date(2024, 5, 20),
        [(SD, MALI_POLICE, "Civilians", None)],
    ),
    (
        "arrest-foreign-gendarmes",
        "Trois gendarmes béninois ont été interpellés samedi à Kantchari par des soldats burkinabè.",
        date(2024, 5, 20),
        [(SD, BFA, "Other", None)],
    ),
    # a demonstration the forces broke up, or rioters who turned on them: the forces are actor2
    (
        "riot-against-an-escort",
        "Jeudi, à Téra, des manifestants en colère ont saccagé des véhicules du convoi escorté par la "
        "gendarmerie.",
        date(2024, 5, 20),
        [("Riots", "Other", NER, None)],
    ),
    (
        "protest-dispersed",
        "Jeudi, la police a dispersé à coups de gaz lacrymogène des manifestants qui protestaient contre la "
        "vie chère à Kati.",
        date(2024, 5, 20),
        [("Protests", "Other", MALI_POLICE, None)],
    ),
    # -- jihadist groups by their names and aliases ----------------------------------------------
    (
        "eigs-chinegodar",
        "Des combattants de l'EIGS ont attaqué le camp militaire de Chinégodar, dans la région de Tillabéri, "
        "le 9 janvier 2020, tuant 89 soldats.",
        date(2020, 1, 12),
        [(BATTLE, "Islamic State Sahel", NER, 89)],
    ),
    (
        "koufa-claim",
        "Les hommes d'Amadou Koufa ont attaqué mercredi le poste de Dioura, tuant quatre soldats.",
        date(2024, 5, 18),
        [(BATTLE, "JNIM", MALI, 4)],
    ),
    # a group named as a suspicion is no author (FORMAT.md); one a group is said to belong to is
    (
        "suspected-members",
        "Des hommes armés présumés membres du JNIM ont attaqué jeudi le village de Sollé, tuant six civils.",
        date(2024, 5, 20),
        [(VAC, UAG, "Civilians", 6)],
    ),
    (
        "suspected-of-belonging",
        "Des individus soupçonnés d'appartenir à l'EIGS ont tué jeudi cinq éleveurs près de Ménaka.",
        date(2024, 5, 20),
        [(VAC, UAG, "Civilians", 5)],
    ),
    (
        "affiliated",
        "Des jihadistes affiliés à l'État islamique ont tué jeudi cinq éleveurs près de Ménaka.",
        date(2024, 5, 20),
        [(VAC, "Islamic State Sahel", "Civilians", 5)],
    ),
    # -- who fires a weapon: the "de" phrase of the drones, the air force of the country -------
    (
        "drones-of-the-army",
        "Mercredi, des drones de l'armée ont frappé un véhicule de combattants du FLA près d'Anéfis, tuant "
        "trois occupants.",
        date(2024, 5, 20),
        [(IED, MALI, "FLA", 3)],
    ),
    (
        "drone-on-a-vehicle",
        "Un drone a frappé jeudi un véhicule près d'Anéfis, tuant ses quatre occupants.",
        date(2024, 5, 20),
        [(IED, MALI, UAG, 4)],
    ),
    (
        "air-force-of-the-country",
        "Les vecteurs aériens ont frappé jeudi un groupe de terroristes près de Djibo.",
        date(2024, 5, 20),
        [(IED, BFA, UAG, None)],
    ),
    (
        "niger-air-force-on-eigs",
        "Une frappe de l'aviation nigérienne a visé jeudi un campement de l'EIGS près de Tillia.",
        date(2024, 5, 20),
        [(IED, NER, "Islamic State Sahel", None)],
    ),
    # -- tolls -----------------------------------------------------------------------------------
    (
        "toll-lowest",
        "Des hommes armés ont tué jeudi des villageois à Ouatagouna. Le bilan est d'au moins 30 morts selon "
        "les autorités, tandis que des élus locaux évoquent 51 morts.",
        date(2024, 5, 18),
        [(VAC, UAG, "Civilians", 30)],
    ),
    (
        "toll-wounded",
        "L'explosion d'un engin artisanal au passage d'un car a tué trois passagers et blessé sept autres "
        "près de Douentza mardi.",
        date(2024, 5, 18),
        [(IED, UAG, "Civilians", 3)],
    ),
    (
        "toll-men-lost",
        "L'armée nigérienne a perdu 12 hommes jeudi dans une attaque près de Banibangou.",
        date(2024, 5, 20),
        [(BATTLE, UAG, NER, 12)],
    ),
    (
        "toll-loss-next",
        "Des hommes armés ont attaqué jeudi le commissariat de Niono. La police déplore la perte de deux agents.",
        date(2024, 5, 20),
        [(BATTLE, UAG, MALI_POLICE, 2)],
    ),
    (
        "toll-rose",
        "Le bilan de l'attaque de jeudi contre le village de Seytenga est passé de 30 à 86 morts.",
        date(2024, 5, 20),
        [(VAC, UAG, "Civilians", 86)],
    ),
    (
        "toll-two-sources-next",
        "Jeudi, des hommes armés ont attaqué le village de Sollé. Sept personnes ont été tuées, selon un élu "
        "local. Le gouvernement fait état de quatre morts.",
        date(2024, 5, 20),
        [(VAC, UAG, "Civilians", 4)],
    ),
    (
        "toll-next-provisional",
        "Des jihadistes ont attaqué jeudi le poste militaire de Tessit. Le bilan provisoire fait état de "
        "cinq soldats tués et de douze blessés.",
        date(2024, 5, 18),
        [(BATTLE, UAG, MALI, 5)],
    ),
]


@pytest.mark.parametrize(("body", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_actors_and_tolls_of_the_challenge_set(
    stages: Stages, body: str, published: date, expected: list[tuple[str, str, str | None, int | None]]
) -> None:
    events = article_events(stages, body, published)
    assert [(e.event_type, e.actor1, e.actor2, e.fatalities) for e in events] == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # a headline that names one group tells who carried out the attack its text reports
        (
            "Burkina : le JNIM frappe Djibo",
            "Dimanche, des hommes armés ont attaqué le détachement militaire de Djibo. Des dizaines de soldats "
            "ont été tués.",
            [(BATTLE, "JNIM", BFA, None)],
        ),
        # ... the army's clash with it too
        (
            "Mali : l'armée neutralise des terroristes de l'EIGS près de Ménaka",
            "Dimanche, les FAMa ont neutralisé une vingtaine de terroristes près de Ménaka.",
            [(BATTLE, MALI, "Islamic State Sahel", 20)],
        ),
        # a group the headline only suspects is no author (FORMAT.md)
        (
            "Mali : le JNIM soupçonné après l'attaque de Boni",
            "Dimanche, des hommes armés ont attaqué le poste de Boni.",
            [(BATTLE, UAG, MALI, None)],
        ),
    ],
)
def test_a_group_a_headline_names_is_the_author(
    stages: Stages, title: str, body: str, expected: list[tuple[str, str, str | None, int | None]]
) -> None:
    events = article_events(stages, body, date(2024, 5, 20), title)
    assert [(e.event_type, e.actor1, e.actor2, e.fatalities) for e in events] == expected
