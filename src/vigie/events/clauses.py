"""Clauses: whether a word of a parsed sentence is told as the news or as an aside.

The parser marks relative clauses, appositions and participles; French news also uses forms it
misreads: a past participle after its auxiliary hung as a modifier ("a « fermement » condamné"),
a second object taken for an apposition ("a remis au ministre un don"), a cleft ("c'est le 18
janvier que le gouvernement a dénoncé …") or a clause after a colon. These helpers tell them apart,
for `diplomacy._realis`, and keep the parties of a relative clause out of the main act.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from vigie.events.acts import Trigger
from vigie.events.parties import Party
from vigie.events.tree import token_at
from vigie.records import Sentence


def in_its_clause(sentence: Sentence, trigger: Trigger, parties: list[Party]) -> list[Party]:
    """The parties but those named inside a relative clause that does not hold the trigger
    ("Venu d'Abuja, où il a pris part au sommet de la CEDEAO, le président tchadien s'est
    entretenu à Niamey avec …": ECOWAS is no party to the talks)."""
    kept = parties_apart(
        sentence, trigger, parties, lambda path: any(sentence.tokens[i].dep == "acl:relcl" for i in path)
    )
    if kept == [] and parties:  # every party named is inside the aside: none is the act's own
        return kept  # ("reprochent à M. X des publications dans lesquelles il affirmait que Bamako …")
    return kept if kept is not None and len(kept) >= 2 else parties


def parties_apart(
    sentence: Sentence, trigger: Trigger, parties: list[Party], apart: Callable[[list[int]], bool]
) -> list[Party] | None:
    """The parties but those whose way up the parse, beyond the words that hold the trigger, is
    `apart` (a relative clause, a phrase of time); None without a parse of the trigger's word. A
    party the sentence does not name (the host of a visit) is kept."""
    if not sentence.tokens:
        return None
    at = token_at(sentence, sentence.start + trigger.start)
    if at is None:
        return None
    holding = set(ancestors(sentence, at))
    kept = []
    for party in parties:
        index = token_at(sentence, sentence.start + party.start) if party.start >= 0 else None
        path = [] if index is None else [i for i in ancestors(sentence, index) if i not in holding]
        if not apart(path):
            kept.append(party)
    return kept


def ancestors(sentence: Sentence, index: int) -> list[int]:
    """A word and each word it depends on up to the root."""
    out: list[int] = []
    while index not in out:
        out.append(index)
        head = sentence.tokens[index].head
        if head == index:
            break
        index = head
    return out


def bare_apposition(sentence: Sentence, index: int) -> bool:
    """An "apposition" with no comma, bracket or dash before it is a second object the parser
    misread ("a remis au ministre un don de …"): French sets a true apposition off by punctuation."""
    tokens = sentence.tokens
    current, seen = index, set()
    while current not in seen:
        seen.add(current)
        token = tokens[current]
        if token.dep in {"acl:relcl", "parataxis", "acl"}:
            return False
        if token.dep == "appos":
            first = min([current] + [i for i, t in enumerate(tokens) if t.head == current and i < current])
            between = tokens[min(token.head, first) + 1 : first]
            return not any(t.text in {",", "(", "–", "—", "-", ":"} for t in between)
        if token.head == current:
            return False
        current = token.head
    return False


def told_as_main(sentence: Sentence, index: int) -> bool:
    """A clause the parser took for a subordinate that French uses to tell the news itself: the
    cleft "c'est le 18 janvier que le gouvernement a dénoncé l'accord" (a relative clause after
    "c'est … que"), or what follows a colon ("… s'est exprimée : l'ambassadeur a rendu visite …")."""
    tokens = sentence.tokens
    current, seen = index, set()
    while current not in seen:
        seen.add(current)
        token = tokens[current]
        if token.dep == "acl:relcl":
            words = [t.text.lower() for t in tokens[:current]]
            cleft = any(a in {"c'", "c’", "ce"} and b in {"est", "était"} for a, b in pairwise(words))
            return cleft or _after_a_participle(sentence, current)
        if token.dep == "parataxis":
            return any(t.text == ":" for t in tokens[min(token.head, current) : current])
        if token.dep in {"appos", "acl"} or token.head == current:
            return False
        current = token.head
    return False


# relative pronouns that open a relative clause ("le sommet de Pau, où le président reçoit …")
RELATIVE_PRONOUNS = frozenset(
    {"où", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "duquel"}
)
RELATIVE_WORDS = RELATIVE_PRONOUNS | frozenset(("qui", "que", "qu'", "qu’", "quoi", "auxquels", "desquels"))


def _after_a_participle(sentence: Sentence, verb: int) -> bool:
    """A main clause the parser hung as a relative one on the noun that ends a fronted participial
    phrase ("Reçu lundi par le président Goïta, l'ambassadeur a remis un don …"): no relative
    word opens it, and it has a subject of its own, a noun or a name."""
    tokens = sentence.tokens
    root = next((i for i, t in enumerate(tokens) if t.head == i), verb)
    if (
        root >= verb
        or tokens[root].form != "Part"
        or any(t.head == root and t.dep.startswith("aux") for t in tokens)
    ):
        return False  # the sentence is not opened by a participle standing alone
    under = [i for i, t in enumerate(tokens) if t.head == verb and i != verb]
    if not any(tokens[i].dep.startswith("nsubj") and tokens[i].pos in {"NOUN", "PROPN"} for i in under):
        return False
    return not any(t.text.lower() in RELATIVE_WORDS for t in tokens[min([verb, *under]) : verb])


def opened_by_relative(sentence: Sentence, index: int) -> bool:
    """A clause in the present the parser hung as an adverbial one though a relative pronoun opens
    it: "à la veille du sommet de Pau, où le président reçoit lundi les chefs d'État" (the summit's
    programme, an aside, not the news). French opens a relative clause with "où", "dont", "lequel"
    standing first in it. One in a past tense ("à Moscou, où il s'était entretenu la veille avec …")
    tells what was done there and is kept."""
    tokens = sentence.tokens
    for current in ancestors(sentence, index):
        token = tokens[current]
        if token.pos in {"VERB", "AUX"} and token.dep not in {"ROOT", "conj"}:
            under = [i for i, t in enumerate(tokens) if t.head == current and i != current]
            if token.tense not in {"Pres", "Fut"} or any(tokens[i].dep.startswith("aux") for i in under):
                return False
            first = min([current] + under)
            return tokens[first].pos == "PRON" and tokens[first].text.lower() in RELATIVE_PRONOUNS
        if token.pos in {"VERB", "AUX"}:
            return False
    return False


# conditionals and futures the tagger often reads as imperfects or presents
IRREGULAR_IRREALIS = frozenset({
    "serait", "seraient", "sera", "seront", "aurait", "auraient", "aura", "auront", "pourrait", "pourraient",
    "pourra", "pourront", "devrait", "devraient", "devra", "devront", "ferait", "feraient", "fera", "feront",
    "irait", "iraient", "ira", "iront", "viendrait", "viendra", "enverrait", "enverra", "tiendrait", "tiendra",
})  # fmt: skip


def told_as_plan(sentence: Sentence, index: int) -> bool:
    """The verb that governs a word is a conditional or a future by its form ("la Russie livrerait
    200 000 tonnes", "fournira"): the stem of the infinitive with the endings of the conditional or
    the future (FORMAT.md: plans and promises are not interactions). The tagger often tags these as
    imperfects; the imperfect "livrait" is not "livrer" + "ait"."""
    tokens = sentence.tokens
    for current in ancestors(sentence, index):
        token = tokens[current]
        if token.pos not in {"VERB", "AUX"} or token.form == "Inf" and token.dep != "ROOT":
            continue  # an infinitive has no tense: "ne laisserait pas son territoire servir à déstabiliser"
        text, lemma = token.text.lower(), token.lemma.lower()
        auxiliaries = [t.text.lower() for t in tokens if t.head == current and t.dep.startswith("aux")]
        if text in IRREGULAR_IRREALIS or any(aux in IRREGULAR_IRREALIS for aux in auxiliaries):
            return True  # "aurait signé", "sera reçu"
        # "livrer" + "ait", "fournir" + "a", "prendr(e)" + "ait"; "exigeait" is "exige" + "ait", an imperfect
        stems = {lemma} if lemma.endswith(("er", "ir")) else {lemma[:-1]} if lemma.endswith("re") else set()
        return any(text == stem + end for stem in stems for end in ("ait", "aient", "a", "ont"))
    return False


def finite(sentence: Sentence, index: int) -> bool:
    """A participle the parser hung as a modifier ("acl") though its auxiliary makes it a finite verb:
    "le président a « fermement » condamné l'attaque" (a relative clause is "acl:relcl")."""
    tokens = sentence.tokens
    if tokens[index].dep != "acl" or tokens[index].form != "Part":
        return False
    if any(t.head == index and t.dep == "aux:tense" and t.form == "Fin" for t in tokens):
        return True
    for before in reversed(tokens[max(0, index - 4) : index]):  # "a « fermement » condamné"
        if before.pos == "AUX":
            return before.form == "Fin"
        if before.pos not in {"PUNCT", "ADV"} and not before.text.endswith("ment"):  # an adverb the
            return False  # tagger took for a noun
    return False
