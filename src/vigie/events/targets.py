"""Whom an assault or a fight was against: the codebook's reading of the target (ACLED).

An assault on soldiers or their posts is a battle, on villagers an attack on civilians, on both
two events; fighters killed with no killer named fell to the state's forces; a village militia
fights the jihadists. `coding.Coder` asks these once it knows the trigger's kind and the sides
(`sides.Side`) its roles name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vigie.events.sides import UNIDENTIFIED, Side, is_state
from vigie.records import EventType, SubEventType

CIVILIANS = "Civilians"
OTHER = "Other"
# operations led by state forces: "les FAMa ont neutralisé", "une opération de ratissage"
STATE_ACTION = re.compile(
    r"neutralis|operation|ratissage|elimin|mis en deroute|mettent en deroute|repouss|riposte|reconnaissance offensive|"
    r"aeroterrestre|bilan d'une|traque|interpell|frappe"
)
# fighters put out of action: "l'armée annonce avoir éliminé une dizaine de terroristes"; "la cible
# d'une attaque de présumés jihadistes" names the attackers, no fighters that fell
FIGHTERS_DOWN = re.compile(
    r"neutralis|elimin|\btue|\babattu|\bmorts?\b|aneanti|decim|hors d'etat|captur|interpell|detrui|repouss"
)
# militias of villagers (Dozo hunters, self-defence groups): they fight the jihadists, not the state,
# and the fighters of such a group killed with no one named fell to unidentified armed men
MILITIAS = {"Dozo militia"}
SELF_DEFENCE = re.compile(r"autodefense|koglweogo|dozo|chasseurs traditionnels|milice|comites? de vigilance")
# an event's ACLED type, sub-event type, actor1 and actor2
Coding = tuple[EventType, SubEventType, str, str | None]


class Targets:
    """The target rules, with the actors that are never armed (patterns/actors.toml)."""

    def __init__(self, unarmed: frozenset[str]) -> None:
        self.unarmed = unarmed

    def hit_by_mines(self, whole: Side) -> set[str]:
        """The actors that an explosive device laid on a road strikes rather than lays: state
        forces, peacekeepers and foreign forces."""
        return {n for n in whole.named if is_state(n) or n in {"MINUSMA", "Wagner Group/Africa Corps", OTHER}}

    def holds(self, actor: str) -> bool:
        """Whether an actor is one whose posts, convoys and men are the armed targets of an attack:
        state forces, peacekeepers, Russian forces ("des casques bleus ont été blessés lorsque leur
        convoi a été visé")."""
        return is_state(actor) or actor in {"MINUSMA", "Wagner Group/Africa Corps"}

    def defends(self, actor: str) -> bool:
        """Whether an actor is one that holds positions attacked by others: state forces,
        peacekeepers, a village militia."""
        return is_state(actor) or actor in {"MINUSMA", "Dozo militia", "Wagner Group/Africa Corps"}

    def violence(
        self,
        agent: Side,
        patient: Side,
        whole: Side,
        doer: str | None,
        state: str,
        folded: str,
        both_present: bool = False,
    ) -> list[Coding]:
        """An assault or a killing: the target decides (codebook): armed targets make a battle,
        unarmed ones an attack on civilians; both make both."""
        whole_armed = whole.forces or any(is_state(n) and n != doer for n in whole.named)
        armed_target = patient.armed or (
            not patient.named and not patient.civilian and whole_armed and not whole.civilian
        )  # "des hommes armés ont attaqué Ogossagou": the attackers are armed, not the target
        civilian_target = patient.civilian or (not patient.armed and not armed_target)
        held_by_both = (
            not patient.armed
            and not patient.civilian
            and not patient.named
            and both_present
            and not is_state(doer or UNIDENTIFIED)
        )
        if held_by_both:
            # "ont pris pour cible la commune de X au moment où des habitants, des soldats et des VDP
            # creusaient des tranchées": a place held by both, both hit (ACLED: two events)
            armed_target = True
        actor1 = doer or UNIDENTIFIED
        out: list[Coding] = []
        groups_hit = [
            n for n in patient.named if not is_state(n) and n not in self.unarmed and n not in patient.states
        ]
        if (
            doer is None
            and groups_hit
            and len(groups_hit) == len(patient.named)
            and not patient.civilian
            and not SELF_DEFENCE.search(folded)
            and FIGHTERS_DOWN.search(folded)
        ):
            # "l'armée annonce avoir éliminé une dizaine de terroristes": the fighters killed with no
            # one else named as their killer fell to the state's forces (the army's communiqués)
            killers = first([n for n in whole.named if is_state(n)]) or state
            return [("Battles", "Armed clash", killers, named_first(groups_hit))]
        if doer is not None and is_state(doer) and not patient.civilian:
            enemy = first(
                [n for n in patient.named + whole.named if not is_state(n) and n not in self.unarmed]
            )
            return [("Battles", "Armed clash", doer, enemy or UNIDENTIFIED)]
        if armed_target:
            forces = first([n for n in patient.named if n not in self.unarmed and n != actor1])
            if forces is None:
                forces = (
                    first([n for n in whole.named if (self.holds(n) or n in whole.states) and n != actor1])
                    or state
                )
            out.append(("Battles", "Armed clash", actor1, forces))
        if civilian_target and (patient.civilian or not armed_target or held_by_both):
            out.append(("Violence against civilians", "Attack", actor1, CIVILIANS))
        return out

    def battle(
        self, agent: Side, patient: Side, whole: Side, doer: str | None, state: str, folded: str = ""
    ) -> Coding:
        actor1 = doer
        forces_named = [n for n in whole.named if is_state(n)]
        if actor1 is None and forces_named and STATE_ACTION.search(folded):
            actor1 = forces_named[0]  # "l'armée annonce 203 terroristes neutralisés"
        groups_hit = [n for n in patient.named if not is_state(n) and n not in self.unarmed]
        if (
            actor1 is None
            and groups_hit
            and not [n for n in patient.named if is_state(n)]
            and not SELF_DEFENCE.search(folded)  # a village militia ambushed fell to armed men
        ):
            return (
                "Battles",
                "Armed clash",
                forces_named[0] if forces_named else state,
                named_first(groups_hit),
            )
        if actor1 is None:
            # not the ones struck ("des militaires et des dozos tués dans une embuscade")
            groups = [
                n for n in whole.named if not is_state(n) and n not in self.unarmed and n not in patient.named
            ]
            actor1 = groups[0] if groups else UNIDENTIFIED
        if is_state(actor1):
            other = first(
                [n for n in patient.named + whole.named if not is_state(n) and n not in self.unarmed]
            )
            return ("Battles", "Armed clash", actor1, other or UNIDENTIFIED)
        forces = first([n for n in patient.named if n != actor1 and n not in self.unarmed]) or first(
            [
                n
                for n in whole.named
                if is_state(n) or n in whole.states or n in {"MINUSMA", "Wagner Group/Africa Corps"}
            ]
        )
        if forces is None:
            # "des dozos ont affronté des jihadistes de la katiba Macina", "le JNIM a attaqué des
            # positions de l'EIGS": two armed groups, no soldiers said; a militia fights unnamed
            # jihadists too
            groups = [
                n
                for n in whole.named
                if n != actor1 and n not in self.unarmed and (n != UNIDENTIFIED or actor1 == "Dozo militia")
            ]
            forces = named_first(groups) if groups else None
        if forces is None and actor1 in MILITIAS:
            forces = UNIDENTIFIED  # "une incursion repoussée par les dozos": they fight the jihadists
        return ("Battles", "Armed clash", actor1, forces or state)

    def target(self, patient: Side, whole: Side, actor1: str, state: str) -> str | None:
        named = [n for n in patient.named if n != actor1]
        if named:
            return named[0]
        if patient.civilian and not patient.armed:
            return CIVILIANS
        if patient.armed:
            # "des obus tirés sur l'aéroport, où sont stationnés des Casques bleus": a post or a
            # camp is held by the forces its sentence names there, else by the state's
            held = [n for n in whole.named if n != actor1 and (self.holds(n) or n in whole.states)]
            return held[0] if held else state
        forces = [
            n for n in whole.named if n != actor1 and (self.holds(n) or n in whole.states or n == CIVILIANS)
        ]
        if forces:
            return forces[0]
        return CIVILIANS if whole.civilian and not whole.armed else state if whole.armed else None


def named_first(groups: Sequence[str]) -> str:
    """The group a phrase names, before the generic fighters: "six combattants de l'État islamique"."""
    return next((g for g in groups if g != UNIDENTIFIED), groups[0])


def first(names: Sequence[str]) -> str | None:
    return names[0] if names else None
