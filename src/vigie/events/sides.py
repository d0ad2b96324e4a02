"""What one role of an event's frame names: actors by name, armed forces, unarmed people.

"les assaillants ont attaqué le poste de la gendarmerie": the patient names the police of the
article's country and armed targets; "un camp de déplacés" holds an army word and is civilian.
The words are data: patterns/acled.toml [targets] and patterns/actors.toml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from vigie.events.frames import Phrase
from vigie.events.lexicon import Actors, Found, compile_phrases, fold_text, load_country_names, load_parties

UNIDENTIFIED = "Unidentified Armed Group"
MALI_FORCES = "Military Forces of Mali"
# where a phrase goes on to say where: "une base de l'armée | dans le village d'Indelimane"
LOCATIVE_TAIL = re.compile(r",?\s+(?:dans|a|au|aux|pres|non loin|sur|situee?s?|entre|vers|en)\s")
# army words that name a place or a unit of whatever force holds it: "le camp de la gendarmerie"
INSTALLATIONS = {"camp", "detachement", "garnison", "unites", "patrouille"}
# what joins a force's word to the state it serves: "des soldats béninois", "l'armée du Togo",
# "les gendarmes de la Côte d'Ivoire"
OWNER_LINK = re.compile(r"\s*(?:(?:du|de la|de l'|des|d')\s*)?")
OTHER = "Other"
# what joins fighters to their group: "combattants du JNIM", "hommes armés du groupe islamiste Ansar Dine"
GROUP_LINK = re.compile(
    r"\s*(?:(?:du|de la|de l'|des|d'|de)\s*)(?:(?:groupe|mouvement|katiba|organisation)\s+(?:[\w-]+\s+)?)?"
)
# ACLED inter codes of the groups a headline may name as an author: rebels and identity militias
AUTHORS = {2, 4}
# a headline that names a group only to doubt, deny or ask
HEADLINE_DOUBT = re.compile(r"soupcon|suspect|accus|presum|dement|nie\b|\?|menace|pourrait|serait")
# the source of a report told in the sentence: "selon la MINUSMA", "d'après Amnesty International",
# "…, a indiqué la mission onusienne", "…, affirme l'ONG"
REPORTED = re.compile(
    r"(?:\bselon|\bd'apres|,\s*(?:a|ont|avait|avaient)\s+(?:\w+\s+)?"
    r"(?:indique|annonce|affirme|precise|rapporte|souligne|confirme|denonce|documente|declare|revele|ajoute|explique)"
    r"|,\s*(?:indique|annonce|affirme|precise|rapporte|souligne|confirme|denonce|explique|ajoute|assure)\w*)"
    r"\s+[^,.;:]{0,80}"
)
# the forces civilians are said to serve are no party to what was done to them: "quatre personnes
# accusées de collaborer avec l'armée ont été exécutées" (ACLED: an attack on civilians)
SERVING = re.compile(
    r"\b(?:collabor\w*|complicite|travaill\w*|renseign\w*)\s+"
    r"((?:avec|pour|de|du|des)\s+(?:l'|les |la |le )?(?:armee|forces|militaires|soldats|fama|fds|vdp|autorites)\b[^,.;]{0,40})"
)
# a group named as a suspicion is no author (FORMAT.md: "suspicion alone gives Unidentified Armed
# Group"): "des hommes armés présumés membres du JNIM", "soupçonnés d'appartenir à l'EIGS"
SUSPECTED = re.compile(r"(?<!\w)(?:presume|soupconne|suspecte|suppose)e?s?\s+(?:[\w']+\s+){0,4}(?:l'|d')?$")


@dataclass(frozen=True, slots=True)
class Side:
    """The actors one role of a frame names."""

    named: tuple[str, ...]  # canonical actors
    armed: bool  # names armed forces or their installations (soldiers, a camp, a post)
    civilian: bool  # names unarmed people or their places (villagers, a village, a bus)
    forces: bool = False  # names them in words, not only as an actor ("le poste", not "des hommes armés")
    states: tuple[str, ...] = ()  # the actors named by a force's word ("des soldats togolais": Other)


class SideReader:
    """Reads `Side`s (the target lexicons and the actors loaded once)."""

    def __init__(self, targets: dict[str, Any], actors: Actors) -> None:
        self.civilian_targets = compile_phrases(targets["civilians"])
        self.armed_targets = compile_phrases(targets["armed"])
        self.escorted_targets = compile_phrases(targets["escorted"])
        self.actors = actors
        self.parties = load_parties()[0]
        self.states = frozenset(load_country_names())

    def owner(self, folded: str, end: int, forces: Sequence[Found] = ()) -> str | None:
        """The state a force's word names right after it ("des gendarmes béninois", "l'armée du
        Togo", through another force's word: "des soldats de l'armée tchadienne"), as its ISO3
        code; None when the words name no state."""
        at = OWNER_LINK.match(folded, end)
        start = at.end() if at is not None else end
        for found in self.parties.find(folded, folded):
            if found.start == start:
                code = found.names[0].canonical
                return code if code in self.states else None
            if found.start > start:
                break
        inner = next((f for f in forces if f.start == start and f.end > end), None)
        return self.owner(folded, inner.end, forces) if inner is not None else None

    def forces_of(self, code: str | None, country: str, police: bool = False) -> str:
        """The actor a generic army or police word stands for: the forces of the state its words
        name, else of the country where the event happens (ACLED codes gendarmes outside Mali with
        the country's military). The forces of a state outside the Sahel are "Other" (FORMAT.md:
        officials and forces of another state), those ACLED names apart excepted
        (patterns/actors.toml [foreign_forces]: Russian soldiers are Wagner/Africa Corps)."""
        state = code or country
        if state not in self.actors.national_forces and state in self.states:
            return self.actors.foreign_forces.get(state, OTHER)  # "l'armée" in Benin, "des soldats togolais"
        army = self.actors.national_forces.get(state, MALI_FORCES)
        return self.actors.national_police.get(state, army) if police else army

    def read(self, phrases: tuple[Phrase, ...], day: date | None, country: str, whole: bool = False) -> Side:
        named: list[str] = []
        states: list[str] = []
        armed = civilian = False
        for item in phrases:
            folded = fold_text(item.text)
            text = item.text
            if whole:
                folded, text = _unreported(folded, text)
            folded, text = _blank(SERVING, folded, text)
            core = folded if whole else LOCATIVE_TAIL.split(folded, maxsplit=1)[0]
            if not self.armed_targets.search(core) and not self.civilian_targets.search(core):
                core = folded  # "irruption dans trois villages": the place is the target
            # "une base de l'armée dans le village de X": a base, not a village
            founds = self.actors.named.find(folded, text)
            for found in founds:
                name = self.canonical(found, day)
                if name == UNIDENTIFIED and self._of_group(folded, found, founds, day):
                    continue  # "des combattants du JNIM", "six éléments de l'EIGS": the group's fighters
                if (
                    not is_state(name)
                    and name not in self.actors.unarmed
                    and SUSPECTED.search(folded[max(0, found.start - 50) : found.start])
                ):
                    name = UNIDENTIFIED
                named.append(name)
            police = self.actors.police.find(folded, folded)
            forces_named: list[str] = []
            # "un camp de déplacés": a civilian place whose words hold an army word
            civilian_places = [m.span() for m in self.civilian_targets.finditer(folded)]
            army = self.actors.army.find(folded, folded)
            for found in army:
                if police and fold_text(found.text) in INSTALLATIONS:
                    continue  # "le camp de la gendarmerie", "une patrouille de police": the police's
                if _within((found.start, found.end), civilian_places):
                    continue
                if self._held_by(folded, found.end, founds, day):
                    continue  # "des militaires de l'Africa Corps", "le camp de la MINUSMA": theirs
                forces_named.append(self.forces_of(self.owner(folded, found.end, army + police), country))
            for found in police:
                owner = self.owner(folded, found.end, army + police)
                forces_named.append(self.forces_of(owner, country, police=True))
            named += forces_named
            states += forces_named
            civilian_spans = [m.span() for m in self.civilian_targets.finditer(core)]
            armed_spans = [
                m.span() for m in self.armed_targets.finditer(core) if not _within(m.span(), civilian_spans)
            ]
            unarmed = any(  # "supplétifs civils de l'armée" are armed
                not any(a <= m.start() and m.end() <= b for a, b in armed_spans)
                for m in self.civilian_targets.finditer(core)
            )
            escorted = not unarmed and self.escorted_targets.search(core) is not None
            armed = armed or bool(armed_spans) or escorted
            civilian = civilian or unarmed
        named = list(dict.fromkeys(named))
        forces = armed
        armed = armed or any(n not in self.actors.unarmed for n in named)
        civilian = civilian or any(n in self.actors.unarmed for n in named)
        return Side(tuple(named), armed, civilian, forces, tuple(dict.fromkeys(states)))

    def _held_by(self, folded: str, end: int, founds: Sequence[Found], day: date | None) -> bool:
        """Whether a generic force's word ends right before the actor it belongs to, an armed actor
        other than a state's forces ("des militaires de l'Africa Corps", "le camp de la MINUSMA",
        "les soldats de Barkhane", "un camp des terroristes"): that actor's, not the national army's."""
        at = OWNER_LINK.match(folded, end)
        start = at.end() if at is not None and at.end() > end else None
        for other in founds:
            if start is not None and other.start == start:
                name = self.canonical(other, day)
                return not is_state(name) and name not in self.actors.unarmed
        return False

    def _of_group(self, folded: str, found: Found, founds: Sequence[Found], day: date | None) -> bool:
        """Whether generic fighters' words are followed by the group they belong to ("des
        combattants du JNIM", "des hommes armés du groupe Ansar Dine")."""
        for other in founds:
            if other.start >= found.end and GROUP_LINK.fullmatch(folded[found.end : other.start]):
                name = self.canonical(other, day)
                return name != UNIDENTIFIED and name not in self.actors.unarmed and not is_state(name)
        return False

    def headline_author(self, title: str, day: date | None) -> str | None:
        """The armed group a headline names, when it names one and only one and not as a suspicion
        ("Mali : le Jnim frappe un convoi", "Tombouctou sous le choc après l'attaque du Jnim"): the
        author of the attacks its article tells with no one named (ACLED codes the group a report
        attributes an event to)."""
        folded = fold_text(title)
        if HEADLINE_DOUBT.search(folded):
            return None
        side = self.read((Phrase(0, 0, len(title), title),), day, "", whole=True)
        groups = [n for n in side.named if self.actors.inter.get(n) in AUTHORS and n != UNIDENTIFIED]
        return groups[0] if len(groups) == 1 else None

    def canonical(self, found: Found, day: date | None) -> str:
        valid = [a for a in found.names if a.valid_on(day)] or list(found.names)
        return valid[0].canonical if valid else UNIDENTIFIED


def _blank(pattern: re.Pattern[str], folded: str, text: str) -> tuple[str, str]:
    """A phrase's text with what a pattern's first group matches blanked, offsets kept."""
    for match in pattern.finditer(folded):
        a, b = match.span(1)
        folded = folded[:a] + " " * (b - a) + folded[b:]
        text = text[:a] + " " * (b - a) + text[b:]
    return folded, text


def _unreported(folded: str, text: str) -> tuple[str, str]:
    """A sentence without the source its words report from ("…, selon la MINUSMA", "…, a indiqué
    la mission onusienne"): who tells of an event is neither its author nor its target (FORMAT.md:
    an investigating body is never the perpetrator). Offsets are kept: the source is blanked."""
    for match in REPORTED.finditer(folded):
        a, b = match.span()
        folded = folded[:a] + " " * (b - a) + folded[b:]
        text = text[:a] + " " * (b - a) + text[b:]
    return folded, text


def _within(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a span lies inside a longer one of a list ("camp" in "camp de déplacés")."""
    return any(a <= span[0] and span[1] <= b and b - a > span[1] - span[0] for a, b in spans)


def is_state(name: str) -> bool:
    """Whether an actor is a state's military or police forces."""
    return name.startswith("Military Forces") or name.startswith("Police Forces")
