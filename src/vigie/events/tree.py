"""Walking a sentence's dependency parse: the word at an offset, a word's dependents and subtree,
the words above it, the preposition of a complement, the verb of a clitic. The frames (`frames.py`)
and the mood of a verb (`mood.py`) are read with these.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from vigie.records import Sentence

# reflexive clitics: "s'en sont pris", "se sont attaqués" are pronominal verbs, whose "être" the
# parser often labels a passive auxiliary; their subject acts
REFLEXIVE = {"se", "s'", "s’"}


def verb_of_clitic(sentence: Sentence, index: int) -> int:
    """The verb a clitic pronoun opening a trigger belongs to ("s'en sont pris": "pris"), else the word."""
    tokens = sentence.tokens
    word = tokens[index]
    clitic = word.pos == "PRON" and (word.dep.startswith("expl") or word.text.lower() in REFLEXIVE | {"en"})
    if clitic and 0 <= word.head < len(tokens) and tokens[word.head].pos == "VERB":
        return word.head
    return index


def token_at(sentence: Sentence, offset: int) -> int | None:
    """The index of the word covering a document offset."""
    for index, token in enumerate(sentence.tokens):
        if token.start <= offset < token.end:
            return index
        if token.start > offset:
            return index
    return None


def children(sentence: Sentence, head: int) -> list[int]:
    """Indexes of the words whose head is `head`, in order."""
    return list(_parse(sentence).dependents.get(head, ()))


def subtree(sentence: Sentence, head: int) -> list[int]:
    """Indexes of a word and of everything under it, in order."""
    parse = _parse(sentence)
    words = parse.subtrees.get(head)
    if words is None:
        out = {head}
        stack = [head]
        while stack:
            for index in parse.dependents.get(stack.pop(), ()):
                if index not in out:
                    out.add(index)
                    stack.append(index)
        words = parse.subtrees[head] = tuple(sorted(out))
    return list(words)


@dataclass(frozen=True, slots=True)
class _Parse:
    """What the rules ask of one sentence's parse thousands of times, made once: the words under
    each head, and each subtree asked for (filled as asked)."""

    sentence: Sentence  # held, so that its id is not another sentence's while kept
    dependents: dict[int, tuple[int, ...]]
    subtrees: dict[int, tuple[int, ...]]


def _parse(sentence: Sentence) -> _Parse:
    """The sentence's `_Parse`, kept for the last sentences asked about, by identity."""
    kept = _PARSES.get(id(sentence))
    if kept is not None and kept.sentence is sentence:
        return kept
    dependents: dict[int, list[int]] = {}
    for index, token in enumerate(sentence.tokens):
        if token.head != index:
            dependents.setdefault(token.head, []).append(index)
    if len(_PARSES) >= PARSES_KEPT:
        _PARSES.clear()
    made = _Parse(sentence, {head: tuple(words) for head, words in dependents.items()}, {})
    _PARSES[id(sentence)] = made
    return made


PARSES_KEPT = 512  # sentences: more than an article holds
_PARSES: dict[int, _Parse] = {}


def preposition(sentence: Sentence, head: int) -> str:
    """The preposition of a complement: "par", "contre", "de", "à"…"""
    for i in children(sentence, head):
        token = sentence.tokens[i]
        if token.dep in {"case", "mark"}:
            return token.lemma.lower()
    return ""


def up(sentence: Sentence, index: int) -> Iterator[int]:
    """A word, then each word it depends on up to the root (a cycle in a bad parse stops it)."""
    tokens = sentence.tokens
    seen = set()
    current = index
    while current not in seen:
        seen.add(current)
        yield current
        if tokens[current].head == current:
            return
        current = tokens[current].head
