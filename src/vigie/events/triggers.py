"""The ACLED triggers of patterns/acled.toml once loaded, where one is found in a sentence, and which
of a sentence's triggers types it (`main_match`: the act of the main clause, the fight that air
support or looting accompanies)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vigie.events.tree import subtree, token_at, up
from vigie.records import EventType, Sentence, SubEventType

# "où aucun décès n'a été signalé": burning without killing is property destruction
NO_DEATHS = re.compile(r"aucun (?:deces|mort)|sans (?:faire de )?(?:victime|mort)|pas de (?:victime|mort)")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger entry of patterns/acled.toml."""

    event_type: EventType
    sub_event_type: SubEventType
    priority: int
    kind: str  # fixed, violence, clash, state
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger found in a sentence (offsets into the folded sentence)."""

    trigger: Trigger
    start: int
    end: int


def main_match(
    matches: list[Match], folded: str, sentence: Sentence | None = None, ground: re.Pattern[str] | None = None
) -> Match:
    """The trigger that types the sentence: the most specific, except that burning and looting
    are the damage of an assault when people were killed in it ("exécutant les habitants et
    incendiant le marché" is an attack on civilians), and that an act told in an apposition or a
    participle set before the subject is background to the act of the main clause ("Repoussés
    après de violents combats, les assaillants s'en sont pris à des civils": the civilians)."""
    if sentence is not None and len(matches) > 1 and sentence.tokens:
        told = [m for m in matches if not _in_apposition(sentence, m)]
        if told and told[0] is not matches[0]:
            matches = told
    best = matches[0]
    if best.trigger.sub_event_type == "Air/drone strike" and ground is not None and ground.search(folded):
        # "neutralisés grâce à la riposte des FDS et à l'appui des vecteurs aériens": a battle with
        # air support (patterns/acled.toml [ground_fight])
        fight = [m for m in matches if m.trigger.kind in {"clash", "violence"}]
        if fight:
            return fight[0]
    if best.trigger.sub_event_type == "Arrests":
        # "la riposte a permis de neutraliser vingt assaillants et d'en interpeller onze": fighters
        # captured in the fight are the battle's (ACLED codes the battle, not an arrest)
        fight = [m for m in matches if m.trigger.kind == "clash"]
        if fight:
            return fight[0]
    if best.trigger.sub_event_type == "Looting/property destruction":
        violence = [m for m in matches if m.trigger.kind in {"violence", "clash"}]
        if violence and not NO_DEATHS.search(folded):
            return violence[0]
    return best


def _in_apposition(sentence: Sentence, match: Match) -> bool:
    """Whether a trigger stands in a clause set off from the main one: a relative clause, an
    apposition or a participle between commas ("Le corps du chef, enlevé la veille, a été
    retrouvé"), or a participle opening the sentence ("Repoussés après de violents combats, les
    assaillants …")."""
    tokens = sentence.tokens
    index = token_at(sentence, sentence.start + match.start)
    if index is None:
        return False
    for current in up(sentence, index):
        token = tokens[current]
        if token.dep in {"acl:relcl", "appos"}:
            return True
        if token.dep in {"acl", "advcl"} and token.form == "Part" and token.tense != "Pres":
            first = min(subtree(sentence, current))
            return first == 0 or tokens[first - 1].text == ","
    return False
