"""A challenge set for the dates of events and interactions (issue 10, "Dates"): short articles
written for this test in the way Malian, Burkinabè and Nigerien outlets write — a date stated in
the lead and not repeated, relative days ("mardi dernier", "la veille", "le lendemain",
"avant-hier", "jeudi soir") anchored on the publication date or on a date the text states, a
communiqué's own date, the day a report was made beside the day of the act, and interactions
dated the same way. FORMAT.md: relative dates resolve against the date the text anchors them to
(a communiqué's own date, else the publication date); an interaction with no day stated is null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from vigie.events.context import Timeline, trigger_day
from vigie.frdate import EventDate
from vigie.pipeline import Stages
from vigie.records import Article, Extraction


@dataclass(frozen=True)
class Case:
    name: str
    title: str
    published: date | None
    body: str
    events: dict[str, date | None] = field(default_factory=dict)  # a place -> the day of its event
    acts: dict[str, date | None] = field(default_factory=dict)  # a PLOVER type -> the day of its act


CASES = [
    Case(
        "lead date carries to the next sentence",
        "Bankass : un village incendié par des hommes armés",
        date(2024, 12, 17),  # a Tuesday
        "Dans la matinée du dimanche 15 décembre 2024, des hommes armés ont encerclé le village de "
        "Sokoura, dans le cercle de Bankass. Le village a été entièrement incendié et trois civils ont "
        "été tués, selon un élu local.",
        events={"Sokoura": date(2024, 12, 15)},
    ),
    Case(
        "last tuesday in a thursday paper",
        "Burkina : cinq civils tués près de Djibo",
        date(2023, 3, 9),  # a Thursday
        "Cinq civils ont été tués mardi dernier par des individus armés non identifiés à Djibo, dans la "
        "province du Soum, a appris l'AIB auprès de sources locales.",
        events={"Djibo": date(2023, 3, 7)},
    ),
    Case(
        "the day before a stated date",
        "Kaya : l'armée repousse une attaque",
        date(2024, 5, 7),
        "Le dimanche 5 mai 2024, les forces de défense et de sécurité ont repoussé une attaque "
        "terroriste contre leur détachement de Kaya. La veille, des hommes armés ont tué deux civils "
        "dans le village de Barsalogho.",
        events={"Kaya": date(2024, 5, 5), "Barsalogho": date(2024, 5, 4)},
    ),
    Case(
        "the day after a stated date",
        "Ségou : deux attaques en deux jours",
        date(2025, 3, 10),
        "Le jeudi 6 mars 2025, une patrouille des FAMa est tombée dans une embuscade près de Macina. Le "
        "lendemain, des jihadistes ont attaqué le poste de gendarmerie de Sofara, tuant deux gendarmes.",
        events={"Macina": date(2025, 3, 6), "Sofara": date(2025, 3, 7)},
    ),
    Case(
        "the day before yesterday",
        "Niger : le maire de Bankilaré enlevé",
        date(2024, 6, 12),  # a Wednesday
        "Le maire de la commune de Bankilaré a été enlevé avant-hier à son domicile par des hommes "
        "armés, selon des sources concordantes.",
        events={"Bankilaré": date(2024, 6, 10)},
    ),
    Case(
        "an evening of the week",
        "Embuscade meurtrière près de Ténenkou",
        date(2025, 1, 18),  # a Saturday
        "Jeudi soir, une patrouille de l'armée malienne est tombée dans une embuscade tendue par des "
        "terroristes près de Ténenkou. Quatre soldats ont été tués.",
        events={"Ténenkou": date(2025, 1, 16)},
    ),
    Case(
        "the day announced is not the day fought (report clause first)",
        "Tillia : une attaque repoussée",
        date(2025, 6, 11),  # a Wednesday
        "L'armée nigérienne a annoncé lundi avoir repoussé dimanche une attaque d'envergure contre sa "
        "position de Tillia, dans la région de Tahoua.",
        events={"Tillia": date(2025, 6, 8)},
    ),
    Case(
        "the day announced is not the day fought (report clause after)",
        "Niger : attaque contre le poste de Tillia",
        date(2025, 6, 11),
        "Des terroristes ont attaqué dimanche le poste militaire de Tillia, dans la région de Tahoua, "
        "a annoncé lundi l'armée.",
        events={"Tillia": date(2025, 6, 8)},
    ),
    Case(
        "a weekday counted from the communiqué's own date",
        "Mali : le camp de Boni attaqué",
        date(2024, 3, 22),  # a Friday
        "Dans un communiqué daté du jeudi 14 mars 2024, l'état-major général des armées indique que le "
        "camp militaire de Boni a été attaqué mardi par des terroristes.",
        events={"Boni": date(2024, 3, 12)},
    ),
    Case(
        "a night from saturday to sunday",
        "Mopti : un village attaqué",
        date(2023, 11, 14),  # a Tuesday
        "Dans la nuit de samedi à dimanche, des hommes armés ont attaqué le village de Kéra, dans le "
        "cercle de Bandiagara, tuant sept civils.",
        events={"Kéra": date(2023, 11, 12)},
    ),
    Case(
        "a dateline anchors the weekday",
        "Attaque contre un convoi au Burkina",
        date(2022, 4, 12),
        "Ouagadougou, 9 avr 2022 (AFP) - Un convoi de ravitaillement escorté par l'armée a été attaqué "
        "jeudi près de Sebba, dans le nord-est du Burkina Faso.",
        events={"Sebba": date(2022, 4, 7)},
    ),
    Case(
        "a visit on a weekday",
        "Le chef de la diplomatie malienne à Moscou",
        date(2024, 7, 4),  # a Thursday
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a été reçu mardi à Moscou par son "
        "homologue russe Sergueï Lavrov.",
        acts={"CONSULT": date(2024, 7, 2)},
    ),
    Case(
        "an audience this monday",
        "Koulouba : l'ambassadeur de Chine chez le président",
        date(2024, 10, 15),  # a Tuesday
        "Le président de la Transition, le général Assimi Goïta, a reçu en audience ce lundi "
        "l'ambassadeur de la République populaire de Chine au Mali.",
        acts={"CONSULT": date(2024, 10, 14)},
    ),
    Case(
        "a meeting dated in the sentence before",
        "Une délégation nigérienne à Ouagadougou",
        date(2023, 10, 21),
        "Le jeudi 19 octobre 2023, une délégation du gouvernement nigérien est arrivée à "
        "Ouagadougou. Elle a été reçue en audience par le capitaine Ibrahim Traoré.",
        acts={"CONSULT": date(2023, 10, 19)},
    ),
    Case(
        "an act told on the day before a signature",
        "Burkina et Turquie signent un accord",
        date(2025, 3, 8),
        "Le mercredi 5 mars 2025, le ministre burkinabè de la Défense a signé à Ankara un accord de "
        "coopération militaire avec la Turquie. La veille, il avait été reçu par le président turc "
        "Recep Tayyip Erdogan.",
        acts={"AGREE": date(2025, 3, 5), "CONSULT": date(2025, 3, 4)},
    ),
    Case(
        "an agreement signed on a day the announcement names",
        "Mali-Russie : un accord sur le nucléaire civil",
        date(2024, 6, 21),  # a Friday
        "Le gouvernement malien a annoncé jeudi avoir signé mardi avec la Russie un accord de "
        "coopération dans le domaine de l'énergie nucléaire civile.",
        acts={"AGREE": date(2024, 6, 18)},
    ),
    Case(
        "yesterday",
        "Niamey et Alger renouent le dialogue",
        date(2024, 2, 9),
        "Le ministre nigérien des Affaires étrangères a rencontré hier à Alger son homologue algérien, "
        "Ahmed Attaf.",
        acts={"CONSULT": date(2024, 2, 8)},
    ),
    Case(
        "a condemnation with no day of its own",
        "Le Sénégal condamne l'attaque de Barsalogho",
        date(2024, 8, 28),
        "Le gouvernement sénégalais a condamné l'attaque qui a visé le samedi 24 août les populations "
        "de Barsalogho, et exprimé sa solidarité au peuple burkinabè.",
        acts={"SUPPORT": None},
    ),
    Case(
        "this month's day ('le 12 courant')",
        "Ménaka : un véhicule saute sur une mine",
        date(2024, 2, 20),
        "Un véhicule de transport a sauté sur un engin explosif improvisé le 12 courant sur l'axe "
        "Ménaka-Anderamboukane, faisant trois morts parmi les passagers.",
        events={"Ménaka": date(2024, 2, 12)},
    ),
    Case(
        "a numeric date in the body",
        "Koro : des bergers enlevés",
        date(2024, 12, 20),
        "Le 15/12/2024, des individus armés ont enlevé quatre bergers dans le village de Dinangourou, "
        "dans le cercle de Koro.",
        events={"Dinangourou": date(2024, 12, 15)},
    ),
    Case(
        "a report of yesterday about an attack on saturday",
        "Burkina : le poste de Sollé attaqué",
        date(2023, 11, 14),  # a Tuesday
        "Selon un communiqué publié hier par l'état-major, des terroristes ont attaqué samedi le poste "
        "de gendarmerie de Sollé, dans la province du Loroum.",
        events={"Sollé": date(2023, 11, 11)},
    ),
    Case(
        "an act dated in the sentence after it",
        "Tominian : un village attaqué",
        date(2024, 9, 30),
        "Des hommes armés ont attaqué le village de Mafouné, dans le cercle de Tominian, tuant six "
        "personnes. L'attaque s'est produite dans la nuit du mardi 24 au mercredi 25 septembre, selon "
        "un responsable local.",
        events={"Mafouné": date(2024, 9, 25)},
    ),
    Case(
        "a story dated in the lead, its act told three sentences on",
        "Nouvelle attaque dans la région de Dori",
        date(2024, 1, 20),
        "Le mardi 16 janvier 2024, des individus armés ont fait irruption dans la localité de Gorgadji. "
        "Ils ont rassemblé les habitants sur la place du marché. Selon un témoin, les assaillants étaient "
        "nombreux et lourdement armés. Ils ont ensuite abattu douze hommes avant de se retirer vers la "
        "brousse.",
        events={"Gorgadji": date(2024, 1, 16)},
    ),
    Case(
        "an audience dated by a dateline",
        "Le Premier ministre reçoit l'ambassadeur du Maroc",
        None,
        "Niamey, 5 mars 2024 (ANP) - Le Premier ministre Ali Mahaman Lamine Zeine a reçu ce mardi "
        "l'ambassadeur du Royaume du Maroc au Niger.",
        acts={"CONSULT": date(2024, 3, 5)},
    ),
    Case(
        "a weekday with no date to anchor it",
        "Le ministre malien reçu à Dakar",
        None,
        "Le ministre malien des Affaires étrangères a été reçu mardi à Dakar par le président sénégalais.",
        acts={"CONSULT": None},
    ),
    Case(
        "the day before the day of the announcement",
        "Douentza : une position de l'armée attaquée",
        date(2024, 4, 26),  # a Friday
        "L'état-major général des armées a fait savoir mardi que des terroristes avaient attaqué la "
        "veille la position militaire de Hombori, dans le cercle de Douentza.",
        events={"Hombori": date(2024, 4, 22)},
    ),
    Case(
        "a meeting dated by the sentence after it",
        "Niamey et Lomé renforcent leur coopération",
        date(2024, 9, 13),  # a Friday
        "Le ministre togolais des Affaires étrangères, Robert Dussey, s'est entretenu avec le Premier "
        "ministre nigérien Ali Mahaman Lamine Zeine. La rencontre a eu lieu mardi à Niamey.",
        acts={"CONSULT": date(2024, 9, 10)},
    ),
    Case(
        "the day after, told of a visit",
        "Le ministre malien en visite à Alger",
        date(2024, 3, 8),
        "Le dimanche 3 mars 2024, le ministre malien des Affaires étrangères a quitté Bamako pour une "
        "tournée régionale. Le lendemain, il a été reçu à Alger par le président algérien Abdelmadjid "
        "Tebboune.",
        acts={"CONSULT": date(2024, 3, 4)},
    ),
    Case(
        "a letter dated one day and released the next",
        "L'AES saisit l'ONU",
        date(2024, 8, 23),
        "Dans une lettre datée du 19 août 2024 et rendue publique le lendemain, le gouvernement du Niger "
        "accuse l'Ukraine de soutenir les groupes terroristes.",
        acts={"ACCUSE": date(2024, 8, 19)},
    ),
    Case(
        "a session that frames the meeting told in the same sentence",
        "Commission mixte Mali-Maroc",
        date(2025, 6, 17),
        "En marge de la commission mixte de coopération, qui se tient ce lundi 16 juin à Rabat, le "
        "ministre malien des Affaires étrangères s'est entretenu avec son homologue marocain.",
        acts={"CONSULT": date(2025, 6, 16)},
    ),
    Case(
        "solidarity conveyed at an audience dated before",
        "Tiani reçoit un émissaire burkinabè",
        date(2024, 9, 7),
        "Le ministre burkinabè de la Défense a été reçu en audience ce jeudi 5 septembre 2024 par le "
        "général Abdourahamane Tiani. Il lui a transmis un message de solidarité du capitaine Ibrahim "
        "Traoré.",
        acts={"CONSULT": date(2024, 9, 5), "SUPPORT": date(2024, 9, 5)},
    ),
    Case(
        "an agreement signed after a dated meeting",
        "Bamako et Ankara renforcent leurs liens",
        date(2024, 11, 30),
        "Le mercredi 27 novembre 2024, le ministre malien des Affaires étrangères s'est entretenu à "
        "Ankara avec son homologue turc Hakan Fidan. Les deux ministres ont ensuite signé un accord de "
        "coopération dans le domaine de l'enseignement supérieur.",
        acts={"CONSULT": date(2024, 11, 27), "AGREE": date(2024, 11, 27)},
    ),
    Case(
        "a toll told about an attack dated by a participle",
        "Niger : douze soldats tués à Chatoumane",
        date(2024, 3, 20),
        "Douze soldats ont été tués dans l'attaque terroriste survenue le mardi 12 mars 2024 contre "
        "leur position de Chatoumane, dans la région de Tillabéri, selon le ministère de la Défense.",
        events={"Chatoumane": date(2024, 3, 12)},
    ),
    Case(
        "last night's audience",
        "Le président Traoré reçoit l'ambassadeur de Russie",
        date(2024, 2, 14),
        "Le président de la Transition, le capitaine Ibrahim Traoré, a reçu hier soir l'ambassadeur de "
        "la Fédération de Russie au Burkina Faso, Igor Martynov.",
        acts={"CONSULT": date(2024, 2, 13)},
    ),
    Case(
        "the announcement first, the day of the attack after",
        "Dix soldats tués dans l'attaque du poste de Tessit",
        date(2024, 6, 5),  # a Wednesday
        "L'armée malienne a annoncé lundi la mort de dix soldats dans une attaque contre son poste de "
        "Tessit, dans la région de Gao. L'attaque a eu lieu dimanche en fin de journée.",
        events={"Tessit": date(2024, 6, 2)},
    ),
    Case(
        "the attack first, the announcement of its toll after",
        "Attaque contre le poste de Tessit",
        date(2024, 6, 5),
        "Dimanche, des terroristes ont attaqué le poste militaire de Tessit, dans la région de Gao. "
        "Lundi, l'armée a annoncé la mort de dix soldats dans cette attaque.",
        events={"Tessit": date(2024, 6, 2)},
    ),
    Case(
        "the toll of the attack, then when and who announced it",
        "Burkina : attaque contre un détachement à Namsiguia",
        date(2024, 6, 5),
        "Une quinzaine de soldats ont été tués dans une attaque contre le détachement militaire de "
        "Namsiguia, a annoncé mardi l'armée burkinabè. L'assaut a été mené dimanche par des dizaines "
        "de terroristes à moto.",
        events={"Namsiguia": date(2024, 6, 2)},
    ),
    Case(
        "a visit early in the week",
        "Le Premier ministre nigérien à N'Djamena",
        date(2024, 9, 12),  # a Thursday
        "Le Premier ministre nigérien, Ali Mahaman Lamine Zeine, a été reçu en début de semaine à "
        "N'Djamena par le président tchadien Mahamat Idriss Déby.",
        acts={"CONSULT": date(2024, 9, 9)},
    ),
    Case(
        "a village of a dated list told in detail further on",
        "Bandiagara : trois villages attaqués",
        date(2024, 3, 14),
        "Le samedi 9 mars 2024, des hommes armés ont attaqué trois villages de la commune de Ségué : "
        "Ouro, Dalla et Sabéré. Le bilan est lourd, selon un élu de la commune. Des centaines "
        "d'habitants ont fui vers Bankass. Les greniers ont été pillés. À Sabéré, les assaillants ont "
        "tué quatre bergers.",
        events={"Sabéré": date(2024, 3, 9)},
    ),
    Case(
        "an audience told under a dateline, no day of its own",
        "Le Premier ministre reçoit l'ambassadeur d'Algérie",
        date(2024, 3, 7),
        "Niamey, 5 mars 2024 (ANP) - Le Premier ministre Ali Mahaman Lamine Zeine a reçu en audience "
        "l'ambassadeur de la République algérienne démocratique et populaire au Niger.",
        acts={"CONSULT": date(2024, 3, 5)},
    ),
    Case(
        "an attack at the weekend",
        "Niger : un village attaqué dans le Tillabéri",
        date(2024, 9, 17),  # a Tuesday
        "Des hommes armés ont attaqué ce week-end le village de Tamou, dans la région de Tillabéri, "
        "tuant cinq civils.",
        events={"Tamou": date(2024, 9, 15)},
    ),
]


def _extract(stages: Stages, case: Case) -> Extraction:
    text = case.title + "\n\n" + case.body
    spans = ((len(case.title) + 2, len(text)),)
    article = Article("c" * 40, 0, "full", case.title, case.published, None, case.body, 0, len(text), spans)
    return stages.extractor(article, stages.analyzer(article, text), stages.gazetteer)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_day_of_each_act(stages: Stages, case: Case) -> None:
    found = _extract(stages, case)
    events = [(event.location, event.date) for event in found.events]
    for place, day in case.events.items():
        assert {when for where, when in events if where == place} == {day}, (place, events)
    acts = {act.type: act.date for act in found.interactions}
    for kind, when in case.acts.items():
        assert kind in acts, (kind, acts)
        assert acts[kind] == when, (kind, acts)


def test_an_act_told_in_a_participle_after_a_noun_is_not_pinned_to_the_sentence_day(stages: Stages) -> None:
    text = "Le Quai d'Orsay a réclamé samedi 16 août la libération de ce ressortissant, arrêté à Bamako."
    article = Article(
        "c" * 40, 0, "full", None, date(2025, 8, 18), None, text, 0, len(text), ((0, len(text)),)
    )
    [sentence] = stages.analyzer(article, text).sentences
    timeline = Timeline([sentence], date(2025, 8, 18), None)
    # the demand is of Saturday; the arrest, before it, on a day the sentence does not give
    assert trigger_day(sentence, text.index("réclamé"), timeline[0]) == EventDate(date(2025, 8, 16), 1)
    assert trigger_day(sentence, text.index("arrêté"), timeline[0]) == EventDate(date(2025, 8, 16), 2)
