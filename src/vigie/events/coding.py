"""Coding a security event: a trigger and the roles its frame names -> ACLED type, actor1 and actor2.

The codebook decides: an assault on soldiers or their posts is a battle, on villagers an attack on
civilians, on both two events; explosions and air strikes take the one who laid or launched them as
actor1; arrests and strikes are the state's. `sides.py` reads what a role names (named actors,
armed forces, unarmed people); the lexicons are patterns/acled.toml and patterns/actors.toml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple

from vigie.events.developments import development
from vigie.events.frames import Frame, Phrase, frame, undergone
from vigie.events.lexicon import Actors, fold_text
from vigie.events.sides import UNIDENTIFIED, Side, SideReader, is_state
from vigie.events.targets import CIVILIANS, OTHER, Coding, Targets, first, named_first
from vigie.events.tree import token_at, verb_of_clitic
from vigie.events.triggers import Match, Trigger
from vigie.records import Sentence

# the target of an attack: "contre le poste de police et le campement de Diré"
AGAINST = re.compile(
    r"(?<!\w)contre\s+((?:l'|le |la |les |des |un |une |leur |sa |son |ses )[^,.;:()«»]{3,80})"
)
# what a strike or shells fell on or were aimed at: "une frappe aérienne sur une cérémonie de mariage"
ON = re.compile(
    r"(?<!\w)(?:contre|sur)\s+((?:l'|le |la |les |des |un |une |leur |sa |son |ses )[^,.;:()«»]{3,80})"
)
# an attack repelled: who attacked is actor1 (ACLED's initiator), the defenders actor2
REPELLED = re.compile(
    r"(?:attaque|assaut|incursion|offensive)s?\b(?:[\s,]+[\w'-]+){0,14}?[\s,]+(?:a|ont|avait|avaient)\s+"
    r"(?:(?:elle|ete|aussi|egalement)\s+){0,3}(?:repouss|dejou|mise? en echec)"
    r"|(?:repouss\w*|dejou\w*|mis en echec)\s+(?:[\w'-]+\s+){0,3}?(?:attaque|assaut|incursion|offensive)s?\b"
)
RELATIVE_PRONOUNS = {"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles"}
# acts that are never another event told again: an arrest, a defused mine, a lynching told after a
# raid (ACLED codes each as its own event: "the ratissage that followed led to 31 arrests"); the
# place told before is theirs when they name none
DISTINCT_ACTS = {
    "Arrests", "Air/drone strike", "Shelling/artillery/missile attack", "Disrupted weapons use",
    "Mob violence", "Protest with intervention", "Violent demonstration", "Non-violent transfer of territory",
    # civilians taken away after a fight with soldiers: another pair of actors, another event
    "Abduction/forced disappearance",
}  # fmt: skip
# ... except remote fire within a battle: air support of the troops ("l'appui aérien déployé après
# l'embuscade a neutralisé …") and the shelling that opens an assault are the battle (our reading of
# the codebook's Battles, a fight of two armed sides, as the train gold codes it); a strike after a
# mine is its own event
PART_OF_BATTLE = {"Air/drone strike", "Shelling/artillery/missile attack"}


def distinct(
    told: tuple[str, str],
    act: tuple[str, str],
    sides: tuple[tuple[str, str | None], tuple[str, str | None]] | None = None,
) -> bool:
    """Whether an act (event type, sub-event type) told after an event is an event of its own;
    `sides` are the (actor1, actor2) of the event told and of the act, when known."""
    if act[1] == told[1] or act[1] not in DISTINCT_ACTS:
        return False
    if act[1] == "Abduction/forced disappearance":
        # civilians taken after a fight with soldiers are another pair of actors; killed and taken in
        # one raid on civilians, or taken in an explosion's aftermath, they are that event (ACLED)
        return told[0] == "Battles"
    if told[1] == "Disrupted weapons use" and act[0] == "Explosions/Remote violence":
        return False  # "une cache d'armes … Le stock se compose de roquettes et d'obus": the arms seized
    if told[0] == "Battles" and act[1] in PART_OF_BATTLE:
        # remote fire between the battle's own sides is the battle; fire on another party ("des obus
        # sur l'aéroport, où sont stationnés des éléments de l'Africa Corps", while the town is
        # attacked) is another pair of actors, another event (FORMAT.md: one event per actor pair)
        return sides is not None and sides[1][1] is not None and sides[1][1] not in sides[0]
    return True


# clash words that say both sides fought: "des affrontements ont opposé des jihadistes à des villageois"
FIGHTING = re.compile(r"affront|combat|accroch|echange|heurt|oppos")
STATE_LED = {"Air/drone strike", "Arrests", "Disrupted weapons use"}
# the state's word for fighters it killed: "une frappe a neutralisé un groupe de cinq personnes"
NEUTRALISED = re.compile(r"neutralis|elimin")
CIVILIAN_DEAD = re.compile(r"\bcivil|enfants|femmes")
# a UN mission or an NGO tells of an air strike, it is not struck by it (FORMAT.md: investigating bodies)
NOT_STRUCK = {"MINUSMA", OTHER}
FOREIGN_ALLY = "Wagner Group/Africa Corps"  # Russia's forces beside the Malian army


class Scene(NamedTuple):
    """What a trigger's roles and its sentence name: the agent, the patient, the whole sentence,
    who acted and the forces of the country where it happened."""

    agent: Side
    patient: Side
    whole: Side
    doer: str | None
    state: str


class Coder:
    """Types and actors of an event from its trigger and roles (the lexicons loaded once)."""

    def __init__(self, targets: dict[str, Any], actors: Actors, defused: Sequence[str] = ()) -> None:
        self.defused = {word.lower() for word in defused}  # patterns/acled.toml [defused]
        self.actors = actors
        self.sides = SideReader(targets, actors)
        self.targets = Targets(actors.unarmed)

    def antecedent(
        self, roles: Frame, sentence: Sentence, patient: Side, day: date | None, country: str
    ) -> bool:
        """Whether the patient of a passive trigger names state forces, a relative pronoun read as
        the noun it stands for ("l'armée qui a été frappée": the army)."""
        if patient.forces:
            return True
        if not roles.patient or fold_text(roles.patient[0].text) not in RELATIVE_PRONOUNS:
            return False
        word = sentence.tokens[sentence.tokens[roles.trigger].head]
        return self.sides.read((Phrase(0, word.start, word.end, word.text),), day, country).forces

    def frame_at(self, sentence: Sentence, start: int) -> Frame | None:
        if not sentence.tokens:
            return None
        index = token_at(sentence, sentence.start + start)
        # "s'en sont pris à des passagers": the roles are the verb's, not its clitic's
        return frame(sentence, verb_of_clitic(sentence, index)) if index is not None else None

    def decide(
        self,
        match: Match,
        roles: Frame | None,
        sentence: Sentence,
        folded: str,
        day: date | None,
        country: str,
        told_from: int = 0,
        matches: Sequence[Match] = (),
        after: str = "",
    ) -> list[Coding]:
        """The type(s) and actors of a sentence's event, from its trigger and the roles around it."""
        trigger = self._kind(match, sentence)
        agents = list(roles.agent) if roles else []
        if roles is not None and not agents:
            agents = _source_tail(roles.obliques)
        patients = list(roles.patient) if roles else []
        if trigger.kind == "violence":  # "deux civils ont été tués lors d'une attaque contre le poste": both
            for other in matches:
                if other.trigger.kind == "violence":
                    for start in _all_starts(other.trigger.pattern, folded):
                        more = self.frame_at(sentence, start)
                        if more is not None:
                            agents += more.agent
                            patients += more.patient
        remote = trigger.event_type == "Explosions/Remote violence"
        if (
            trigger.kind in {"violence", "clash"} or remote
        ):  # "une attaque simultanée contre le poste et le campement"
            # a strike or shells "sur une cérémonie de mariage": what they fell on is their target
            for against in (ON if remote else AGAINST).finditer(sentence.text):
                patients.append(
                    Phrase(
                        0,
                        sentence.start + against.start(1),
                        sentence.start + against.end(1),
                        against.group(1),
                    )
                )
        agent = self.sides.read(tuple(agents), day, country)
        patient = self.sides.read(tuple(patients), day, country)
        told = sentence.text[told_from:]
        whole = self.sides.read(
            (Phrase(0, sentence.start + told_from, sentence.end, told),), day, country, whole=True
        )
        state = self.sides.forces_of(None, country)  # the forces of the country where it happens
        # state forces and civilians both told in the sentence itself (not the attackers' own words)
        both_present = whole.civilian and any(map(is_state, whole.named))
        if after and not (
            patient.armed
            or patient.civilian
            or whole.forces
            or whole.civilian
            or any(map(is_state, whole.named))
        ):
            # "À Djibo, l'attaque a débuté vers 5h30." then "Des dizaines de soldats ont été tués":
            # the victims told next say whom the attack was against
            later = self.sides.read((Phrase(0, 0, len(after), after),), day, country, whole=True)
            whole = Side(whole.named, later.armed, later.civilian, later.forces or later.armed)
        doer = self._doer(agent, whole, folded)
        if trigger.event_type in {"Protests", "Riots"}:
            return [self._crowd(trigger, patient, whole)]
        if trigger.kind == "fixed" and trigger.sub_event_type == "Air/drone strike":
            return [self._launched(trigger, roles, sentence, whole, day, country, state)]
        if trigger.kind == "state" or trigger.sub_event_type in STATE_LED:
            return self._state_act(
                trigger, roles, sentence, folded, Scene(agent, patient, whole, doer, state), day, country
            )
        if (
            trigger.event_type == "Explosions/Remote violence"
            or trigger.event_type == "Violence against civilians"
            and trigger.kind == "fixed"
        ):
            actor1 = doer or UNIDENTIFIED
            taken = [n for n in patient.named if self.targets.holds(n) and n != actor1]
            if trigger.sub_event_type.startswith("Abduction") and taken and not patient.civilian:
                # "affirmant avoir enlevé deux soldats": soldiers taken are a fight's outcome, no
                # violence against civilians (ACLED: Battles, the forces actor2)
                return [("Battles", "Armed clash", actor1, taken[0])]
            fighters = [n for n in patient.named if not is_state(n) and n not in self.actors.unarmed]
            if trigger.sub_event_type.startswith("Abduction") and is_state(actor1) and fighters:
                # "deux terroristes ont été interceptés par l'armée": fighters taken by the state's
                # forces are arrested (ACLED: Arrests), not abducted
                return [("Strategic developments", "Arrests", actor1, fighters[0])]
            if trigger.event_type == "Violence against civilians":
                return [(trigger.event_type, trigger.sub_event_type, actor1, CIVILIANS)]
            if (
                trigger.sub_event_type == "Remote explosive/landmine/IED"
                and doer in self.targets.hit_by_mines(whole)
            ):
                # "un véhicule de l'armée a sauté sur une mine": who drove onto it was hit, the one
                # who laid it is unnamed (ACLED: actor1 the group that planted the device)
                return [(trigger.event_type, trigger.sub_event_type, UNIDENTIFIED, doer)]
            target = self.targets.target(patient, whole, actor1, state)
            if target is None and not whole.armed:
                # "un véhicule a sauté sur une mine, faisant quatre morts": no forces named, the
                # vehicle and its dead are civilians' (a military one is told as such)
                target = CIVILIANS
            return [(trigger.event_type, trigger.sub_event_type, actor1, target)]
        if trigger.event_type == "Strategic developments":
            kinds = (trigger.event_type, trigger.sub_event_type)
            return [development(kinds, patient, whole, doer, state, self.actors.unarmed)]
        if trigger.kind == "violence":
            return self.targets.violence(agent, patient, whole, doer, state, folded, both_present)
        if trigger.kind == "clash" or trigger.event_type == "Battles":
            if trigger.sub_event_type == "Government regains territory":
                return [
                    (
                        trigger.event_type,
                        trigger.sub_event_type,
                        doer or state,
                        named_first(  # "les combattants du CSP": the group, not the fighters
                            [n for n in whole.named if not is_state(n) and n not in self.actors.unarmed]
                            or [UNIDENTIFIED]
                        ),
                    )
                ]
            if trigger.sub_event_type == "Non-state actor overtakes territory":
                taker = doer if doer is not None and not is_state(doer) else UNIDENTIFIED
                return [(trigger.event_type, trigger.sub_event_type, taker, state)]  # the state loses it
            if (
                trigger.sub_event_type == "Armed clash"
                and not patient.armed
                and (patient.civilian or whole.civilian)
                and "escort" not in folded  # "un convoi escorté par l'armée"
                and not FIGHTING.search(folded[match.start : match.end])  # "affrontements": two armed sides
                and not any(self.targets.defends(n) for n in whole.named)  # not a village a militia held
                and not REPELLED.search(folded)  # a repelled attack met armed defenders
            ):
                # "ont tendu une embuscade à des commerçants": an ambush of unarmed people is an attack
                # on civilians (ACLED: Battles need two armed sides)
                return [("Violence against civilians", "Attack", doer or UNIDENTIFIED, CIVILIANS)]
            battle = self.targets.battle(agent, patient, whole, doer, state, folded)
            if REPELLED.search(folded) and battle[3] is not None and self.targets.defends(battle[2]):
                # "les FAMa ont repoussé une attaque": the attackers began it, they are actor1
                battle = (battle[0], battle[1], battle[3], battle[2])
            return [battle]
        return self.targets.violence(agent, patient, whole, doer, state, folded)

    def _crowd(self, trigger: Trigger, patient: Side, whole: Side) -> Coding:
        """A protest or a riot: the demonstrators themselves ("la police a dispersé des
        manifestants") are actor1; the forces that intervened are actor2."""
        target = (
            first([n for n in patient.named if n != OTHER])
            if trigger.sub_event_type != "Peaceful protest"
            else None
        )
        if target is None and trigger.sub_event_type in {
            "Violent demonstration",
            "Protest with intervention",
        }:
            # ACLED: the forces that intervened or that the rioters fought ("le convoi escorté par
            # la gendarmerie") are actor2
            target = first([n for n in whole.named if self.targets.holds(n) or n in whole.states])
        if trigger.sub_event_type == "Mob violence":
            target = CIVILIANS
        return (trigger.event_type, trigger.sub_event_type, OTHER, target)

    def _state_act(
        self,
        trigger: Trigger,
        roles: Frame | None,
        sentence: Sentence,
        folded: str,
        scene: Scene,
        day: date | None,
        country: str,
    ) -> list[Coding]:
        """An act of state forces (an arrest, an air strike, weapons seized): the state's forces
        named act, on whom the roles name; people taken by armed men are abducted."""
        agent, patient, whole, doer, state = scene
        actor1 = (
            first([n for n in agent.named if n not in self.actors.unarmed])
            or first(
                [n for n in whole.named if is_state(n) or n in {"Wagner Group/Africa Corps", OTHER, "FLA"}]
            )
            or state
        )
        if trigger.sub_event_type == "Arrests":
            state_named = any(is_state(n) or n in {OTHER, "Wagner Group/Africa Corps"} for n in whole.named)
            if patient.civilian and (doer is None or not is_state(doer)) and not state_named:
                # "des passagers avaient été capturés": taken by armed men, an abduction
                return [
                    (
                        "Violence against civilians",
                        "Abduction/forced disappearance",
                        doer or UNIDENTIFIED,
                        CIVILIANS,
                    )
                ]
            arrested = first([n for n in patient.named if n != actor1 and not is_state(n)])
            return [(trigger.event_type, trigger.sub_event_type, actor1, arrested or CIVILIANS)]
        air = trigger.sub_event_type == "Air/drone strike"
        if air and not agent.named and actor1 in patient.named and is_state(actor1):
            # "un drone a frappé un véhicule de la Garde nationale": the forces struck did not strike
            # themselves; the drone's operator is unnamed (ACLED: actor1 never actor2)
            return [(trigger.event_type, trigger.sub_event_type, doer or UNIDENTIFIED, actor1)]
        if (
            air
            and roles is not None
            and roles.passive
            and not roles.agent
            and self.antecedent(roles, sentence, patient, day, country)
        ):
            return []  # "c'est l'armée qui a été frappée": the army was hit, it struck no one
        struck = [n for n in whole.named if n != actor1 and not is_state(n) and not (air and n in NOT_STRUCK)]
        # "selon le rapport de la MINUSMA, la frappe a fait 22 morts": who tells it was not struck;
        # "un pick-up de combattants du CSP": the group, not the fighters
        hit = [n for n in patient.named if n != actor1]
        target = named_first(hit) if hit else named_first(struck) if struck else None
        if air and target is None and patient.civilian and not patient.armed:
            target = CIVILIANS  # "une frappe sur une cérémonie de mariage"
        if air and target is None and whole.forces and not is_state(actor1):
            target = state  # "le camp de Soumpi … cible d'une attaque aux drones revendiquée par le FLA"
        if air and target is None:
            target = CIVILIANS if whole.civilian and not whole.armed else UNIDENTIFIED
        if air and target == CIVILIANS and NEUTRALISED.search(folded) and not CIVILIAN_DEAD.search(folded):
            target = UNIDENTIFIED  # "neutralisé un groupe de cinq personnes": the army's word for fighters
        if trigger.sub_event_type == "Disrupted weapons use":
            target = target if target not in {CIVILIANS} else None
        return [(trigger.event_type, trigger.sub_event_type, actor1, target)]

    def _kind(self, match: Match, sentence: Sentence) -> Trigger:
        """The trigger as its frame reads it: an explosive device defused, seized or found (the
        object of a verb of patterns/acled.toml [defused]) is Disrupted weapons use, not an explosion."""
        trigger = match.trigger
        if (
            trigger.event_type != "Explosions/Remote violence"
            or trigger.kind != "fixed"
            or not sentence.tokens
        ):
            return trigger
        index = token_at(sentence, sentence.start + match.start)
        if index is not None and undergone(sentence, index) & self.defused:
            return replace(
                trigger,
                event_type="Strategic developments",
                sub_event_type="Disrupted weapons use",
                kind="state",
            )
        return trigger

    def _launched(
        self,
        trigger: Trigger,
        roles: Frame | None,
        sentence: Sentence,
        whole: Side,
        day: date | None,
        country: str,
        state: str,
    ) -> Coding:
        """A weapon that names no one's forces ("un drone kamikaze du FLA a frappé le camp"): the
        subject's phrase names who launched it, the verb's object what it struck."""
        if roles is not None:
            word = sentence.tokens[roles.trigger]
            if word.dep == "nsubj" and word.head != roles.trigger:
                roles = frame(sentence, word.head)  # the drone is the subject: the verb's roles
        agent = self.sides.read(roles.agent if roles else (), day, country)
        patient = self.sides.read(roles.patient if roles else (), day, country)
        launchers = [n for n in agent.named if n not in self.actors.unarmed]
        actor1 = named_first(launchers) if launchers else UNIDENTIFIED
        return (
            trigger.event_type,
            trigger.sub_event_type,
            actor1,
            self.targets.target(patient, whole, actor1, state),
        )

    def _doer(self, agent: Side, whole: Side, folded: str) -> str | None:
        """Who acted: the named actor of the agent role, a named group of the sentence, else none."""
        acting = [n for n in agent.named if n not in self.actors.unarmed]
        # "L'Africa Corps et les FAMa …": a state's forces lead the foreign forces beside them (ACLED
        # codes the national military as the actor, its allies as associated actors)
        allied = any(map(is_state, acting))
        named_groups = [
            n for n in acting if n != UNIDENTIFIED and not is_state(n) and not (allied and n == FOREIGN_ALLY)
        ]
        if named_groups:
            return named_groups[0]
        if allied:
            return next(n for n in acting if is_state(n))
        if acting:
            return acting[0]
        return None


# "Selon un rapport de la MINUSMA publié mardi, des soldats maliens ont exécuté …": a source told first
SOURCE_LEAD = re.compile(r"(?:selon|d'apres|de source)\b")


def _source_tail(obliques: Sequence[Phrase]) -> list[Phrase]:
    """The subject the parser folded into a source told first: "Selon un rapport de la MINUSMA, des
    soldats maliens ont exécuté…" parses "des soldats maliens" inside the "selon" phrase; what follows
    its last comma is the clause's subject (the source is who tells, not who acted)."""
    for phrase in obliques:
        if SOURCE_LEAD.match(fold_text(phrase.text)) and "," in phrase.text:
            cut = phrase.text.rindex(",") + 1
            tail = phrase.text[cut:].lstrip()
            start = phrase.end - len(tail)
            if tail:
                return [Phrase(phrase.head, start, phrase.end, tail)]
    return []


def _all_starts(pattern: re.Pattern[str], folded: str) -> list[int]:
    return [m.start() for m in pattern.finditer(folded)][:4]
