"""A challenge set for event types (issue 10: types never produced on unseen pages, weak recall on
violence against civilians, battle or attack by the target, explosions against battles).

Sentences written for this test in the manner of Malian, Burkinabè and Nigerien outlets: active
and passive voices, nominal phrases ("l'incendie du marché", "la rétrocession du camp"), lead-ins
and postposed sources. Each must give its ACLED type at its place and day; the negative ones tell
no event although they hold a trigger's word.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.extracting import article_events as _events
from vigie.pipeline import Stages

PUBLISHED = date(2024, 3, 8)  # a Friday: "mercredi" is the 6th
WEDNESDAY = date(2024, 3, 6)
LOOTING = ("Strategic developments", "Looting/property destruction")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
BLOCKADE = ("Strategic developments", "Other")
ARRESTS = ("Strategic developments", "Arrests")
PROTEST = ("Protests", "Peaceful protest")
RIOT = ("Riots", "Violent demonstration")
MOB = ("Riots", "Mob violence")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
ATTACK = ("Violence against civilians", "Attack")
CLASH = ("Battles", "Armed clash")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
AIR = ("Explosions/Remote violence", "Air/drone strike")

CASES = [
    # looting and burning: goods carried off, buildings burnt or wrecked (ACLED: property destruction)
    ("Dans la nuit de mardi à mercredi, des individus armés ont incendié le marché de Dioura, dans le cercle de Ténenkou.", LOOTING, "Dioura"),
    ("L'incendie du grand marché, mercredi à Hombori, par des hommes armés a privé les habitants de leurs stocks de céréales.", LOOTING, "Hombori"),
    ("Le village de Sira, près de Djibo, a été entièrement brûlé mercredi par des assaillants venus à moto, sans faire de victime.", LOOTING, "Sira"),
    ("Mercredi, des hommes armés ont pillé les boutiques et les réserves de vivres de la localité de Diafarabé.", LOOTING, "Diafarabé"),
    ("Le centre de santé et la mairie de Sebba ont été saccagés mercredi par des jihadistes, qui ont emporté des médicaments.", LOOTING, "Sebba"),
    ("Des terroristes ont dynamité mercredi le pont de Boulkessi, coupant la route vers la frontière.", LOOTING, "Boulkessi"),
    ("Mercredi, des hommes armés ont emporté plus de trois cents têtes de bétail à Ouatagouna, selon un élu local.", LOOTING, "Ouatagouna"),
    ("Mercredi à Dioura, les assaillants ont enlevé tout le bétail du village avant de se retirer.", LOOTING, "Dioura"),
    ("Des centaines de bœufs ont été emportés mercredi par des individus armés près de Nampala.", LOOTING, "Nampala"),
    ("Le pillage de l'entrepôt du Programme alimentaire mondial à Ménaka, mercredi, a été imputé à des hommes armés.", LOOTING, "Ménaka"),
    ("Mercredi à Gossi, les assaillants ont vandalisé les locaux de la sous-préfecture avant de se retirer.", LOOTING, "Gossi"),
    # a camp handed over without fighting
    ("La MINUSMA a remis mercredi aux autorités maliennes son camp de Ber, dans la région de Tombouctou.", TRANSFER, "Ber"),
    ("Le camp de Tessalit a été rétrocédé mercredi aux Forces armées maliennes par la force onusienne.", TRANSFER, "Tessalit"),
    ("La cérémonie de rétrocession du camp d'Ansongo aux FAMa s'est tenue mercredi en présence du gouverneur de Gao.", TRANSFER, "Ansongo"),
    ("Les FAMa ont pris possession mercredi de l'emprise de la MINUSMA à Goundam.", TRANSFER, "Goundam"),
    ("Mercredi à Goundam, la MINUSMA a officiellement transféré sa base à l'armée malienne.", TRANSFER, "Goundam"),
    # a blockade with its start
    ("Depuis le 2 mars, le JNIM impose un blocus à la ville de Léré, dont les accès sont coupés.", BLOCKADE, "Léré"),
    ("Mercredi, les hommes de la katiba Macina ont placé la commune de Farabougou sous blocus.", BLOCKADE, "Farabougou"),
    # arrests
    ("Trois présumés terroristes ont été interpellés mercredi à Sévaré par la gendarmerie.", ARRESTS, "Sévaré"),
    ("Les forces de défense et de sécurité ont procédé mercredi à l'interpellation de quinze suspects à Ansongo.", ARRESTS, "Ansongo"),
    ("Un chef terroriste a été capturé vivant mercredi près de Boni par les FAMa.", ARRESTS, "Boni"),
    ("L'arrestation mercredi à Bamako de l'ancien Premier ministre a été confirmée par ses avocats.", ARRESTS, "Bamako"),
    ("Cinq individus soupçonnés de complicité avec les terroristes ont été mis aux arrêts mercredi à Kaya.", ARRESTS, "Kaya"),
    # protests and riots
    ("Des commerçants ont observé mercredi un sit-in devant le gouvernorat de Kaya pour dénoncer les coupures d'électricité.", PROTEST, "Kaya"),
    ("Mercredi, les habitants de Dori sont sortis massivement dans les rues pour exiger le départ de la force française.", PROTEST, "Dori"),
    ("Une marche de protestation a eu lieu mercredi à Niamey contre la vie chère.", PROTEST, "Niamey"),
    ("Des manifestants ont bloqué mercredi la route nationale à Kati pour protester contre l'insécurité.", PROTEST, "Kati"),
    ("Des milliers de personnes se sont rassemblées mercredi au boulevard de l'Indépendance à Bamako pour soutenir la Transition.", PROTEST, "Bamako"),
    ("Une foule en colère a incendié mercredi le commissariat de police de Kati.", RIOT, "Kati"),
    ("Les élèves de Ségou ont protesté mercredi devant la direction régionale contre la fermeture de leurs écoles.", PROTEST, "Ségou"),
    ("Mercredi à Tombouctou, des femmes ont marché jusqu'au gouvernorat pour réclamer la libération de leurs époux.", PROTEST, "Tombouctou"),
    ("Des milliers de personnes ont répondu mercredi à Niamey à l'appel de la société civile pour dire non à la présence militaire française.", PROTEST, "Niamey"),
    ("Mercredi à Téra, des jeunes en colère ont incendié le commissariat après la mort d'un des leurs.", RIOT, "Téra"),
    ("Des émeutes ont éclaté mercredi à Kaya après l'annonce de la mort de plusieurs soldats.", RIOT, "Kaya"),
    ("Un présumé voleur de bétail a été battu à mort par une foule en colère mercredi à Sévaré.", MOB, "Sévaré"),
    ("Mercredi à Ouahigouya, deux hommes soupçonnés d'être des terroristes ont été lynchés par des habitants.", MOB, "Ouahigouya"),
    # violence against civilians told without "attaque"
    ("Mercredi, des individus armés ont enlevé le chef du village de Dioura.", ABDUCTION, "Dioura"),
    ("L'enlèvement de trois agents de santé, mercredi près de Djibo, a été confirmé par leur ONG.", ABDUCTION, "Djibo"),
    ("Mercredi, des individus armés ont emmené de force deux commerçants près de Ténenkou vers une destination inconnue.", ABDUCTION, "Ténenkou"),
    ("Deux enseignants ont été kidnappés mercredi sur l'axe Ansongo-Ménaka.", ABDUCTION, "Ménaka"),
    ("Des hommes armés ont exécuté mercredi douze civils dans le village de Ouatagouna.", ATTACK, "Ouatagouna"),
    ("Au moins vingt villageois ont été froidement abattus mercredi à Djibo par des individus armés non identifiés.", ATTACK, "Djibo"),
    ("Dans la nuit de mardi à mercredi, une quarantaine de civils ont été massacrés à Bankass.", ATTACK, "Bankass"),
    ("Trois bergers ont été égorgés mercredi près de Tillia.", ATTACK, "Tillia"),
    ("Le massacre de trente habitants du village de Diallassagou, mercredi, a suscité une vive émotion.", ATTACK, "Diallassagou"),
    ("Mercredi, des éléments de l'EIGS ont assassiné deux conseillers municipaux à Ménaka.", ATTACK, "Ménaka"),
    ("Mercredi, des individus armés ont tué un imam devant sa mosquée à Tillia.", ATTACK, "Tillia"),
    ("Mercredi, trois bergers ont été décapités par des hommes armés près de Tillia.", ATTACK, "Tillia"),
    ("Des jihadistes ont fusillé mercredi sept villageois sur la place du marché de Ouatagouna.", ATTACK, "Ouatagouna"),
    ("Un charnier contenant une vingtaine de corps a été découvert mercredi près de Djibo.", ATTACK, "Djibo"),
    ("Mercredi à Bankass, des habitants ont été brûlés vifs dans leurs cases par des assaillants.", ATTACK, "Bankass"),
    ("Le carnage de mercredi à Diallassagou a coûté la vie à trente-deux civils.", ATTACK, "Diallassagou"),
    ("Mercredi à Sévaré, un voleur présumé a été brûlé vif par une foule en colère.", MOB, "Sévaré"),
    # battle or attack: the target decides
    ("Mercredi, des hommes armés ont ouvert le feu sur un mariage à Bankass, tuant six personnes.", ATTACK, "Bankass"),
    ("Mercredi à Ansongo, des jihadistes ont tiré sur un véhicule de commerçants, faisant trois morts.", ATTACK, "Ansongo"),
    ("Mercredi, des terroristes ont attaqué la position des VDP de Gorom-Gorom, tuant trois volontaires.", CLASH, "Gorom-Gorom"),
    ("Mercredi, des jihadistes ont ouvert le feu sur des gendarmes à un poste de contrôle près de Kayes.", CLASH, "Kayes"),
    ("Trois douaniers ont été tués mercredi à Hérémakono par des individus armés.", CLASH, "Hérémakono"),
    # caught in an ambush: the ambush is the event, the soldiers were not taken away
    ("Mercredi, des militaires maliens ont été pris dans une embuscade tendue par des terroristes près de Boni.", CLASH, "Boni"),
    ("Les VDP ont repoussé mercredi une incursion de terroristes à Titao, selon une source locale.", CLASH, "Titao"),
    ("Une unité de la garde nationale a été attaquée mercredi près de Banibangou, faisant quatre morts dans ses rangs.", CLASH, "Banibangou"),
    # explosions and remote violence, not battles
    ("Mercredi, un minibus a sauté sur une mine artisanale entre Boni et Douentza, faisant cinq morts.", IED, "Douentza"),
    ("Une patrouille de la garde nationale a heurté mercredi un engin explosif près de Banibangou.", IED, "Banibangou"),
    ("L'explosion d'une mine au passage d'un car de transport a fait dix morts mercredi près de Bandiagara.", IED, "Bandiagara"),
    ("Mercredi soir, des obus sont tombés sur le camp militaire de Ménaka, sans faire de victime.", SHELLING, "Ménaka"),
    ("Le camp de Gao a essuyé des tirs de roquettes mercredi soir, sans faire de victime.", SHELLING, "Gao"),
    ("Mercredi, des roquettes ont été tirées sur l'aéroport de Tombouctou.", SHELLING, "Tombouctou"),
    ("Un drone de l'armée a bombardé mercredi un marché à Djenné, faisant plusieurs victimes civiles.", AIR, "Djenné"),
    ("Mercredi, l'aviation a neutralisé une colonne de terroristes à moto près de Nampala.", AIR, "Nampala"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "kind", "place"), CASES)
def test_the_type_of_each_challenge_sentence(
    stages: Stages, body: str, kind: tuple[str, str], place: str
) -> None:
    events = _events(stages, body, PUBLISHED)
    found = {(e.event_type, e.sub_event_type, e.location) for e in events}
    assert (*kind, place) in found, [(e.event_type, e.sub_event_type, e.location, e.actor1) for e in events]
    [event] = [e for e in events if (e.event_type, e.sub_event_type) == kind]
    assert event.date is None or event.date <= WEDNESDAY  # the day told, never the publication's


@pytest.mark.parametrize(
    "body",
    [
        "La MINUSMA a remis mercredi aux autorités maliennes son camp de Ber, dans la région de Tombouctou.",
        "Le camp de Tessalit a été rétrocédé mercredi aux Forces armées maliennes par la force onusienne.",
    ],
)
def test_a_camp_handed_over_goes_to_the_forces_that_take_it(stages: Stages, body: str) -> None:
    """FORMAT.md: actor1 the force that takes the camp, actor2 the one that leaves, whichever the
    verb's subject is."""
    [event] = _events(stages, body, PUBLISHED)
    assert (event.sub_event_type, event.actor1, event.actor2, event.date) == (
        "Non-violent transfer of territory",
        "Military Forces of Mali",
        "MINUSMA",
        WEDNESDAY,
    )


def test_livestock_carried_off_is_looted_people_carried_off_are_abducted(stages: Stages) -> None:
    """One verb, two types: its object decides (ACLED: looting of goods, abduction of people)."""
    [cattle] = _events(
        stages, "Mercredi à Dioura, des hommes armés ont enlevé le bétail des éleveurs.", PUBLISHED
    )
    [people] = _events(stages, "Mercredi à Dioura, des hommes armés ont enlevé deux éleveurs.", PUBLISHED)
    assert (cattle.sub_event_type, cattle.actor1, cattle.actor2) == (
        "Looting/property destruction",
        "Unidentified Armed Group",
        "Civilians",
    )
    assert people.sub_event_type == "Abduction/forced disappearance"


@pytest.mark.parametrize(
    "body",
    [
        "Mercredi à Djibo, le gouverneur a remis des vivres aux déplacés du camp de Mentao.",
        "Le gouvernement malien a protesté mercredi auprès de l'ambassadeur de France à Bamako.",
        "L'incendie du grand marché de Ségou, mercredi, a été provoqué par un court-circuit.",
        "Mercredi à Gao, le ministre a remis son rapport au président de la Transition.",
        "Mercredi à Bamako, le président a manifesté son soutien aux forces armées.",
        "Le Niger a manifesté mercredi à Niamey sa volonté de renforcer sa coopération avec le Mali.",
    ],
)
def test_the_words_of_a_type_without_its_act_tell_no_event(stages: Stages, body: str) -> None:
    """Food handed to the displaced of a camp is no camp handed over, a government's protest no
    demonstration, an accidental fire no destruction by an armed group, support shown ("a manifesté
    son soutien") no demonstration."""
    assert _events(stages, body, PUBLISHED) == []


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Mercredi, le corps du chef de village de Dioura, enlevé par des hommes armés, a été retrouvé criblé de balles.", ATTACK),
        ("Repoussés par l'armée après de violents combats, les assaillants s'en sont pris mercredi aux habitants de Dioura.", ATTACK),
        ("Mercredi près de Douentza, des hommes armés s'en sont pris à des passagers d'un car, tuant trois d'entre eux.", ATTACK),
        ("Mercredi, des jihadistes s'en sont pris à une patrouille de la gendarmerie près de Niono.", CLASH),
    ],
)  # fmt: skip
def test_the_act_of_the_main_clause_types_the_sentence(
    stages: Stages, body: str, kind: tuple[str, str]
) -> None:
    """An act told in an apposition or an opening participle ("enlevé la veille", "Repoussés après de
    violents combats") is background to the act of the main clause; "s'en prendre à" names its target
    in its "à" phrase (a pronominal verb, not a passive)."""
    events = _events(stages, body, PUBLISHED)
    assert [(e.event_type, e.sub_event_type) for e in events] == [kind]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Mercredi, les FAMa, appuyées par des vecteurs aériens, ont repoussé une attaque terroriste contre le poste de Boni.", CLASH),
        ("Des centaines d'assaillants ont été neutralisés mercredi à Djibo grâce à la riposte des FDS et à l'appui des vecteurs aériens.", CLASH),
        ("Avec l'appui de l'aviation, les soldats ont mis en déroute mercredi les terroristes qui attaquaient Titao.", CLASH),
        ("Mercredi, des vecteurs aériens ont frappé un regroupement de terroristes près de Djibo.", AIR),
    ],
)  # fmt: skip
def test_a_ground_fight_with_air_support_is_a_battle(
    stages: Stages, body: str, kind: tuple[str, str]
) -> None:
    """ACLED: troops fighting with air support are one battle; aircraft striking alone are remote violence."""
    events = _events(stages, body, PUBLISHED)
    assert [(e.event_type, e.sub_event_type) for e in events] == [kind]


def test_a_blockade_told_as_it_goes_on_is_no_event(stages: Stages) -> None:
    """FORMAT.md: a blockade with a start date is an event; a blockade told as it goes on is not."""
    body = "Au troisième jour du blocus, les camions de vivres restaient immobilisés mercredi à l'entrée de Léré."
    assert [e for e in _events(stages, body, PUBLISHED) if e.sub_event_type == "Other"] == []


@pytest.mark.parametrize(
    ("body", "kind", "actor1", "actor2"),
    [
        ("Une bombe artisanale a explosé mercredi au passage d'un véhicule de transport près de Boni, tuant quatre passagers.", IED, "Unidentified Armed Group", "Civilians"),
        ("Mercredi, un drone kamikaze du FLA a frappé le camp militaire de Kidal.", AIR, "FLA", "Military Forces of Mali"),
        ("Mercredi, un kamikaze a fait exploser sa ceinture d'explosifs devant le camp militaire de Ménaka.", ("Explosions/Remote violence", "Suicide bomb"), "Unidentified Armed Group", "Military Forces of Mali"),
    ],
)  # fmt: skip
def test_the_weapon_types_the_explosion(
    stages: Stages, body: str, kind: tuple[str, str], actor1: str, actor2: str
) -> None:
    """A home-made bomb is a remote explosive; a "drone kamikaze" a drone, launched by whom its
    phrase names; a "kamikaze" alone a suicide bomber."""
    [event] = _events(stages, body, PUBLISHED)
    assert (event.event_type, event.sub_event_type, event.actor1, event.actor2) == (*kind, actor1, actor2)
