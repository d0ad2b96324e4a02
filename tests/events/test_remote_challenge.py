"""A challenge set for remote violence, strategic developments and violence against civilians told
without an attack word, and for the actor2 of each (issue 10: Explosions/Remote violence actor2,
Strategic developments and abductions never produced on unseen pages).

Sentences written for this test in the manner of Malian, Burkinabè and Nigerien outlets: air
strikes told with "contre", "mener des opérations aériennes", "une frappe ciblée"; shells on an
airport where foreign forces are stationed; a mine under a bus or under a patrol; devices defused or
found; arrests told in the passive; people taken away, executed. Each must give its ACLED type at its
place with the actors of the ACLED codebook: the actor2 of a strike is the group struck, never the
striking force itself.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.extracting import article_events
from vigie.pipeline import Stages

PUBLISHED = date(2024, 3, 8)  # a Friday: "mercredi" is the 6th
IN_2022 = date(2022, 3, 11)  # a Friday, when the MINUSMA was still in Mali
UAG = "Unidentified Armed Group"
MALI = "Military Forces of Mali"
BFA = "Military Forces of Burkina Faso"
NER = "Military Forces of Niger"
ISS = "Islamic State Sahel"
AIR = ("Explosions/Remote violence", "Air/drone strike")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
ARRESTS = ("Strategic developments", "Arrests")
DISRUPTED = ("Strategic developments", "Disrupted weapons use")
LOOTING = ("Strategic developments", "Looting/property destruction")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
ATTACK = ("Violence against civilians", "Attack")

CASES: list[tuple[str, date, tuple[str, str], str, str | None, str]] = [
    # -- air and drone strikes: actor2 is the group struck (ACLED: the target of the strike) -------
    ("Mercredi, l'armée de l'air a mené une frappe contre des éléments de l'EIGS près de Ménaka.", PUBLISHED, AIR, MALI, ISS, "Ménaka"),
    ("Des frappes aériennes des FAMa ont visé mercredi des terroristes près de Nara.", PUBLISHED, AIR, MALI, UAG, "Nara"),
    ("Les vecteurs aériens de l'armée nigérienne ont conduit mercredi des opérations aériennes contre des positions de l'État islamique près de Tillia.", PUBLISHED, AIR, NER, ISS, "Tillia"),
    ("Mercredi, l'aviation burkinabè a frappé un regroupement de combattants du JNIM près de Djibo.", PUBLISHED, AIR, BFA, "JNIM", "Djibo"),
    ("Un drone de l'armée a neutralisé mercredi plusieurs terroristes qui circulaient à moto près de Boni.", PUBLISHED, AIR, MALI, UAG, "Boni"),
    ("L'armée nigérienne a mené mercredi des frappes aériennes contre des terroristes près de Ouallam, a annoncé l'état-major.", PUBLISHED, AIR, NER, UAG, "Ouallam"),
    ("Mercredi, les forces armées burkinabè ont conduit des opérations aériennes contre des groupes terroristes dans les environs de Djibo.", PUBLISHED, AIR, BFA, UAG, "Djibo"),
    ("Une frappe de drone de l'armée malienne a touché mercredi un rassemblement de jihadistes du JNIM près de Léré.", PUBLISHED, AIR, MALI, "JNIM", "Léré"),
    ("Mardi, l'armée a mené une frappe aérienne sur une cérémonie de mariage près de Niono.", PUBLISHED, AIR, MALI, "Civilians", "Niono"),
    ("Selon des habitants, la frappe de mardi à Djibo, au Burkina Faso, a fait une trentaine de victimes civiles.", PUBLISHED, AIR, BFA, "Civilians", "Djibo"),
    ("Mercredi, un drone a frappé un véhicule de la Garde nationale près de Tillia, tuant trois gardes.", PUBLISHED, AIR, UAG, NER, "Tillia"),
    # -- shells and rockets: the forces stationed where they fall are the target -------------------
    ("Mercredi soir, plusieurs obus sont tombés sur l'aéroport de Tombouctou, où sont stationnés des Casques bleus.", IN_2022, SHELLING, UAG, "MINUSMA", "Tombouctou"),
    ("Des tirs de mortier ont visé mercredi le camp de la MINUSMA à Kidal, sans faire de victime.", IN_2022, SHELLING, UAG, "MINUSMA", "Kidal"),
    ("Des roquettes ont été tirées mercredi sur le camp militaire de Gao, a indiqué l'armée.", PUBLISHED, SHELLING, UAG, MALI, "Gao"),
    ("Mercredi soir, des obus ont été tirés sur l'aéroport de Gao, où sont stationnés des militaires de l'Africa Corps.", PUBLISHED, SHELLING, UAG, "Wagner Group/Africa Corps", "Gao"),
    # -- mines and IEDs: a bus is civilians, a convoy or a patrol the forces -----------------------
    ("Mercredi, un bus de transport en commun a heurté un engin explosif près de Djibo, faisant huit morts.", PUBLISHED, IED, UAG, "Civilians", "Djibo"),
    ("Un convoi de l'armée a sauté mercredi sur une mine près de Dori, au Burkina Faso.", PUBLISHED, IED, UAG, BFA, "Dori"),
    ("Une patrouille de la gendarmerie a été touchée mercredi par l'explosion d'un engin explosif improvisé près de Kantchari.", PUBLISHED, IED, UAG, BFA, "Kantchari"),
    ("Mercredi, un engin explosif a explosé au passage d'un camion de commerçants près de Ménaka, tuant le chauffeur.", PUBLISHED, IED, UAG, "Civilians", "Ménaka"),
    ("Un véhicule de la MINUSMA a roulé mercredi sur un engin explosif improvisé près d'Aguelhok.", IN_2022, IED, UAG, "MINUSMA", "Aguelhok"),
    ("Mardi, dans la région de Tillabéri, une mine artisanale a explosé au passage d'un véhicule militaire, tuant quatre soldats.", PUBLISHED, IED, UAG, NER, "Tillabéri"),
    ("Mercredi, un véhicule a sauté sur une mine près de Boni, faisant quatre morts.", PUBLISHED, IED, UAG, "Civilians", "Boni"),
    # -- strategic developments: arrests in the passive, devices defused or found ------------------
    ("Quatre suspects ont été interpellés mercredi par la gendarmerie à Ségou.", PUBLISHED, ARRESTS, "Police Forces of Mali", "Civilians", "Ségou"),
    ("Mercredi à Kaya, au Burkina Faso, deux présumés complices des terroristes ont été arrêtés par les forces de défense et de sécurité.", PUBLISHED, ARRESTS, BFA, UAG, "Kaya"),
    ("Mercredi, un engin explosif improvisé a été découvert et désamorcé par les militaires près de Douentza.", PUBLISHED, DISRUPTED, MALI, None, "Douentza"),
    ("Deux mines artisanales ont été retrouvées mercredi par une patrouille des FDS près de Dori, au Burkina Faso.", PUBLISHED, DISRUPTED, BFA, None, "Dori"),
    ("Les assaillants ont incendié mercredi des boutiques et emporté des vivres à Sebba, sans faire de victime.", PUBLISHED, LOOTING, UAG, "Civilians", "Sebba"),
    ("Bamako, 10 mars 2022 - La MINUSMA a achevé mercredi son retrait du camp de Tessalit, dans la région de Kidal.", IN_2022, ("Strategic developments", "Non-violent transfer of territory"), MALI, "MINUSMA", "Tessalit"),
    # -- violence against civilians told without an attack word ------------------------------------
    ("Mercredi, cinq femmes ont été emmenées par des hommes armés près d'Arbinda.", PUBLISHED, ABDUCTION, UAG, "Civilians", "Arbinda"),
    ("Des femmes qui ramassaient du bois ont été prises mercredi par des jihadistes près d'Arbinda.", PUBLISHED, ABDUCTION, UAG, "Civilians", "Arbinda"),
    ("Mercredi, trois commerçants ont été enlevés par des hommes armés sur l'axe Gao-Ansongo.", PUBLISHED, ABDUCTION, UAG, "Civilians", "Gao"),
    ("Mercredi, des terroristes ont exécuté sept habitants à Bourasso, dans la Kossi.", PUBLISHED, ATTACK, UAG, "Civilians", "Bourasso"),
    ("Les hommes armés ont rassemblé les habitants de Djibo avant d'en exécuter une dizaine, mercredi.", PUBLISHED, ATTACK, UAG, "Civilians", "Djibo"),
    ("Mercredi près de Tillia, des individus armés ont emmené deux bergers vers une destination inconnue.", PUBLISHED, ABDUCTION, UAG, "Civilians", "Tillia"),
    ("Deux enseignants sont portés disparus depuis mercredi à Djibo, au Burkina Faso, après avoir été interceptés par des hommes armés.", PUBLISHED, ABDUCTION, UAG, "Civilians", "Djibo"),
    ("Trois cars de transport ont été interceptés mercredi par des hommes armés près de Bandiagara.", PUBLISHED, ABDUCTION, UAG, "Civilians", "Bandiagara"),
    ("Mercredi, des terroristes ont exécuté sommairement quatre personnes accusées de collaborer avec l'armée à Ménaka.", PUBLISHED, ATTACK, UAG, "Civilians", "Ménaka"),
    ("Mercredi, des hommes armés ont fait descendre les passagers d'un car près de Bandiagara avant d'abattre six d'entre eux.", PUBLISHED, ATTACK, UAG, "Civilians", "Bandiagara"),
    # fighters taken by the state's forces are arrested, not abducted
    ("Mercredi, deux terroristes ont été interceptés par l'armée à un poste de contrôle près de Kati.", PUBLISHED, ARRESTS, MALI, UAG, "Kati"),
]  # fmt: skip


def _seen(stages: Stages, body: str, published: date) -> list[tuple[str, str, str, str | None, str | None]]:
    events = article_events(stages, body, published)
    return [(e.event_type, e.sub_event_type, e.actor1, e.actor2, e.location) for e in events]


@pytest.mark.parametrize(("body", "published", "kind", "actor1", "actor2", "place"), CASES)
def test_the_type_and_actors_of_each_challenge_sentence(
    stages: Stages,
    body: str,
    published: date,
    kind: tuple[str, str],
    actor1: str,
    actor2: str | None,
    place: str,
) -> None:
    seen = _seen(stages, body, published)
    assert (*kind, actor1, actor2, place) in seen, seen


@pytest.mark.parametrize(("body", "published"), [(case[0], case[1]) for case in CASES])
def test_no_actor_acts_on_itself(stages: Stages, body: str, published: date) -> None:
    """ACLED: actor2 is the other side of the interaction; an actor never fights itself."""
    assert all(actor1 != actor2 for _, _, actor1, actor2, _ in _seen(stages, body, published))


def test_a_targeted_strike_after_a_mine_is_an_air_strike(stages: Stages) -> None:
    """The retaliation by the air force is its own event (Air/drone strike), not a second IED though
    the sentence before told one; its target is the mine's presumed authors."""
    from vigie.events import merge_events

    body = (
        "Mercredi, un véhicule militaire a sauté sur un engin explosif improvisé près de Boni. "
        "Jeudi, l'armée de l'air a mené une frappe ciblée contre les auteurs présumés de l'attentat près de Boni."
    )
    seen = _seen(stages, body, PUBLISHED)
    assert (*IED, UAG, MALI, "Boni") in seen, seen
    assert (*AIR, MALI, UAG, "Boni") in seen, seen
    same_day = (
        "Lundi, dans la région de Diffa, une mine artisanale a explosé au passage d'un véhicule militaire, "
        "tuant cinq soldats. Dans la foulée, l'aviation a mené une frappe ciblée contre les auteurs présumés, "
        "détruisant leurs motos."
    )
    events = merge_events(article_events(stages, same_day, PUBLISHED))
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        (IED[1], UAG, NER),
        (AIR[1], NER, UAG),
    ]


def test_shells_on_another_party_during_an_assault_are_an_event_of_their_own(stages: Stages) -> None:
    """Fire between a battle's own sides is the battle (the shelling that opens an assault); shells on
    the airport where foreign forces are stationned, while the town is attacked, strike another party:
    another event (FORMAT.md: one event per actor pair, place and day)."""
    other_party = (
        "Mercredi, des terroristes ont attaqué plusieurs positions de l'armée à Gao. "
        "Dans le même temps, des obus ont été tirés sur l'aéroport, où sont stationnés des militaires de l'Africa Corps."
    )
    seen = _seen(stages, other_party, PUBLISHED)
    assert ("Battles", "Armed clash", UAG, MALI, "Gao") in seen, seen
    assert (*SHELLING, UAG, "Wagner Group/Africa Corps", "Gao") in seen, seen
    same_sides = "Mercredi, des terroristes ont attaqué le camp militaire de Gao. Des obus sont tombés sur le camp avant l'assaut."
    assert [kind for kind, *_ in _seen(stages, same_sides, PUBLISHED)] == ["Battles"]


@pytest.mark.parametrize(
    ("body", "kinds"),
    [
        (
            "Mercredi, des terroristes ont attaqué le camp militaire de Djibo, au Burkina Faso. "
            "Ils ont ensuite enlevé six femmes dans le village voisin.",
            [("Battles", "Armed clash"), ABDUCTION],
        ),
        (
            "Mercredi, des terroristes ont attaqué le village de Bourasso, au Burkina Faso, tuant douze civils. "
            "Ils ont également enlevé six femmes.",
            [ATTACK],
        ),
    ],
)
def test_people_taken_after_a_fight_are_an_event_people_taken_in_a_massacre_are_not(
    stages: Stages, body: str, kinds: list[tuple[str, str]]
) -> None:
    """ACLED: civilians abducted after a fight with soldiers are another pair of actors (an event of
    their own); killed and abducted in one raid on civilians, they are one attack."""
    assert [(kind, sub) for kind, sub, *_ in _seen(stages, body, PUBLISHED)] == kinds


def test_dated_outcomes_of_a_series_of_strikes_are_strikes_at_each_place(stages: Stages) -> None:
    """The army's communiqués tell a series of strikes, then date each outcome in the passive: each
    is an air strike at its place and day; an outcome that names soldiers or civilians is another story."""
    body = (
        "Les vecteurs aériens des FAMa ont conduit plusieurs frappes dans la région de Mopti. "
        "Le 3 mars 2024, à Dialloubé, un regroupement de terroristes a été neutralisé. "
        "Le 4 mars 2024, près de Boni, un dépôt logistique a été détruit."
    )
    events = article_events(stages, body, PUBLISHED)
    assert [(e.sub_event_type, e.actor1, e.location, e.date) for e in events] == [
        ("Air/drone strike", MALI, "Dialloubé", date(2024, 3, 3)),
        ("Air/drone strike", MALI, "Boni", date(2024, 3, 4)),
    ]
    other = (
        "Les FAMa ont mené plusieurs frappes dans la région de Mopti. "
        "Le 4 mars 2024, près de Boni, deux civils ont été tués par des hommes armés."
    )
    assert [(kind, actor1) for kind, _, actor1, *_ in _seen(stages, other, PUBLISHED)] == [
        ("Violence against civilians", UAG)
    ]


def test_soldiers_taken_are_no_violence_against_civilians(stages: Stages) -> None:
    """A claim of soldiers taken in the fight told before adds its author, not an abduction of civilians."""
    body = (
        "Mercredi, des terroristes ont attaqué le camp militaire de Djibo, au Burkina Faso. "
        "Le lendemain, le JNIM a revendiqué l'attaque, affirmant avoir enlevé deux soldats."
    )
    assert _seen(stages, body, PUBLISHED) == [("Battles", "Armed clash", "JNIM", BFA, "Djibo")]


def test_an_event_of_another_year_told_as_background_stays_apart(stages: Stages) -> None:
    """A month-precise report joins an event of its region only within that month: a mine of January
    2018 told in a piece of September 2019 is an earlier event, not the day's."""
    from vigie.events import merge_events

    body = (
        "Douentza, 3 sept 2019 - Un car de transport a sauté mardi sur une mine près de Douentza, faisant "
        "quinze morts parmi les passagers. En janvier 2018, un véhicule de forains avait déjà sauté sur une "
        "mine près de Douentza, tuant une vingtaine de personnes."
    )
    events = merge_events(article_events(stages, body, date(2019, 9, 3)))
    assert sorted((e.date, e.fatalities) for e in events) == [(date(2018, 1, 1), 20), (date(2019, 9, 3), 15)]


def test_an_arrest_and_a_device_found_in_one_operation_are_two_events(stages: Stages) -> None:
    """ "Lors de la même opération" tells another act of the operation, not the arrest told again."""
    body = (
        "Niamey, 7 mars 2024 - Quatre personnes soupçonnées de complicité avec les groupes terroristes ont été "
        "interpellées mardi à Téra par les Forces de défense et de sécurité. Lors de la même opération, un engin "
        "explosif improvisé a été découvert et détruit sur l'axe Téra-Dori."
    )
    assert [sub for _, sub, *_ in _seen(stages, body, PUBLISHED)] == [ARRESTS[1], DISRUPTED[1]]


@pytest.mark.parametrize(
    "body",
    [
        "Mercredi, des terroristes ont exécuté sommairement quatre personnes accusées de collaborer avec l'armée à Ménaka.",
        "Seize gardes nationaux ont été tués et un autre porté disparu mercredi dans une embuscade près de Tillia.",
    ],
)
def test_one_act_gives_one_type(stages: Stages, body: str) -> None:
    """The forces civilians are said to serve are not attacked; a soldier missing after an ambush is the
    ambush's, no abduction."""
    assert len({kind for kind, *_ in _seen(stages, body, PUBLISHED)}) == 1
