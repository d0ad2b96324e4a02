"""Triggers read on the parse: what is done to a thing says the type of the act.

Some ACLED types are told by an ordinary verb whose object decides: "ont emporté trois cents têtes
de bétail" is looting, "ont enlevé le maire" an abduction; "a remis son camp aux FAMa" is a camp
handed over, "a remis un don" no event. A `[[object_trigger]]` of patterns/acled.toml lists the
verbs (lemmas) and the things (lemmas): a thing that is the object of one of the verbs, or the
subject of one in the passive ("le bétail a été emporté"), gives a trigger placed on the verb, so
that the verb's frame gives who acted. Words and types are data; this module only reads the parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vigie.events.lexicon import compile_phrases
from vigie.events.tree import children, preposition
from vigie.events.triggers import Match, Trigger
from vigie.records import Sentence

# the roles of a thing undergoing its verb: object, passive subject, or a noun's "de" phrase
# ("la rétrocession du camp")
UNDERGOING = {"obj", "nsubj:pass"}


@dataclass(frozen=True, slots=True)
class ObjectTrigger:
    """One `[[object_trigger]]` entry: verbs acting on things give `trigger`."""

    trigger: Trigger
    verbs: frozenset[str]
    things: frozenset[str]


def load_object_triggers(table: dict[str, Any]) -> tuple[ObjectTrigger, ...]:
    """The `[[object_trigger]]` entries of patterns/acled.toml."""
    out = []
    for entry in table.get("object_trigger", []):
        trigger = Trigger(
            entry["event_type"],
            entry["sub_event_type"],
            int(entry["priority"]),
            entry.get("kind", "fixed"),
            compile_phrases(entry["verbs"]),
            None,
        )
        verbs = frozenset(v.lower() for v in entry["verbs"])
        things = frozenset(t.lower() for t in entry["things"])
        out.append(ObjectTrigger(trigger, verbs, things))
    return tuple(out)


def object_matches(
    sentence: Sentence, triggers: Sequence[ObjectTrigger], counts: frozenset[str] = frozenset()
) -> list[Match]:
    """The triggers a sentence's verbs and their objects give, each placed on its verb (offsets
    into the sentence text).

    A thing coordinated with another counts ("ont emporté les vivres et le bétail"); the verb's
    coordinated verbs do too ("ont pillé puis emporté le bétail").
    """
    tokens = sentence.tokens
    found: list[Match] = []
    for index, token in enumerate(tokens):
        lemma = token.lemma.lower()
        entries = [t for t in triggers if lemma in t.things]
        if not entries or token.pos not in {"NOUN", "PROPN"}:
            continue
        head = index
        while tokens[head].head != head and (
            tokens[head].dep == "conj"  # "les vivres et le bétail": the first conjunct's role
            or tokens[head].dep.startswith("nmod")
            and tokens[tokens[head].head].lemma.lower() in counts  # "trois cents têtes de bétail"
        ):
            head = tokens[head].head
        verb = tokens[head].head
        if tokens[head].dep.startswith("nmod") and _second_object(sentence, head):
            verb = tokens[verb].head  # "a remis aux autorités son camp": parsed inside "aux autorités"
        elif tokens[head].dep not in UNDERGOING or verb == head:
            continue
        verbs = [verb] + [i for i in children(sentence, verb) if tokens[i].dep == "conj"]
        if tokens[verb].dep == "conj" and tokens[verb].head != verb:
            verbs.append(tokens[verb].head)
        for entry in entries:
            acting = [v for v in verbs if tokens[v].lemma.lower() in entry.verbs]
            if acting:
                word = tokens[acting[0]]
                start = word.start - sentence.start
                found.append(Match(entry.trigger, start, start + len(word.text)))
    return found


def _second_object(sentence: Sentence, index: int) -> bool:
    """A noun without a preposition hung on the verb's "à" complement: the parser reads the second
    object of a verb of giving as a modifier of the first ("a remis aux autorités son camp")."""
    tokens = sentence.tokens
    head = tokens[index].head
    return (
        not preposition(sentence, index)
        and tokens[head].dep == "obl:arg"
        and preposition(sentence, head) in {"à", "au", "aux"}
        and tokens[tokens[head].head].pos == "VERB"
    )


def replaces(found: Match, other: Match) -> bool:
    """Whether a parse-read trigger takes the place of a word trigger on the same verb: "ont
    enlevé le bétail" is looting, not the abduction "enlev*" would say."""
    return other.start <= found.start < other.end or found.start <= other.start < found.end


def with_objects(matches: list[Match], objects: list[Match]) -> list[Match]:
    """The word triggers with those the parse reads (`objects.py`): on one verb the parse's reading
    wins ("ont enlevé le bétail": looting, not abduction); one match per type, the most specific first."""
    if not objects:
        return matches
    kept = [m for m in matches if not any(replaces(o, m) for o in objects)]
    found: dict[tuple[str, str], Match] = {}
    for match in kept + objects:
        key = (match.trigger.event_type, match.trigger.sub_event_type)
        if key not in found or match.trigger.priority > found[key].trigger.priority:
            found[key] = match
    return sorted(found.values(), key=lambda m: -m.trigger.priority)


def with_object(sentence: Sentence, index: int, verbs: frozenset[str], objects: frozenset[str]) -> bool:
    """Whether a trigger verb has an object that makes it another verb: "a manifesté son soutien"
    shows support, "ont manifesté" demonstrated (patterns/acled.toml [shown])."""
    tokens = sentence.tokens
    if not 0 <= index < len(tokens) or tokens[index].lemma.lower() not in verbs:
        return False
    return any(
        tokens[i].dep == "obj" and tokens[i].lemma.lower() in objects for i in children(sentence, index)
    )
