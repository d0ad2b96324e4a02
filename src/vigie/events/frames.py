"""Frames: who did what to whom in a parsed sentence, read from its dependency relations.

A trigger word ("attaqué", "embuscade", "reçu", "accuse") heads a frame. Its agent is the
subject of an active verb or the "par" phrase of a passive one; its patient is the object of an
active verb, the subject of a passive one, or a "contre" phrase. A noun trigger takes its roles
from its own "de"/"par"/"contre" complements and from the verb that governs it ("le poste a subi
une attaque": the poste is the patient). Phrases are whole subtrees, with document offsets, so
that the lexicons (actors, parties) can be matched on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from vigie.events.mood import is_negated, is_realis
from vigie.events.tree import REFLEXIVE, children, preposition, subtree, up
from vigie.records import Sentence, Token

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubj:pass", "csubj:pass"}
OBJECTS = {"obj", "iobj", "obl:arg"}
AGENTS = {"obl:agent"}
# "le poste a essuyé des tirs", "le camp a été la cible d'une attaque", "le convoi est tombé dans
# une embuscade": verbs whose subject undergoes the attack their complement names
SUFFERING_VERBS = {
    "subir", "essuyer", "tomber", "faire", "être", "devenir", "connaître", "enregistrer", "déplorer",
    "perdre", "échapper", "repousser",
}  # fmt: skip
# nouns whose subject is the one attacked: "le poste a été la cible d'une attaque"
TARGET_NOUNS = {"cible", "objet", "victime", "théâtre"}
# nouns of people who attack: "une attaque d'hommes armés", "des tirs de jihadistes"
AGENTIVE = {
    "homme", "individu", "assaillant", "terroriste", "jihadiste", "djihadiste", "combattant", "élément",
    "bandit", "inconnu", "groupe", "rebelle", "insurgé", "islamiste", "ennemi", "gat", "jnim", "eigs",
}  # fmt: skip
# what is fired or flown: its "de" phrase is who fires it ("les drones de l'armée", "une frappe de
# l'aviation"), not its target
FIRED = {
    "drone", "frappe", "vecteur", "avion", "aviation", "hélicoptère", "aéronef", "tir", "obus", "roquette",
    "bombardement",
}  # fmt: skip
# verbs whose subject suffers the act: "le poste a subi une attaque", "a essuyé des tirs"
SUFFERED = {"subir", "essuyer", "tomber", "déplorer", "enregistrer"}
# verbs whose passive subject (or, intransitive, whose subject) died or was hurt or taken in the
# event their complement names: "tués dans une embuscade", "ont péri lors de l'attaque"
INTRANSITIVE_DEATHS = {"mourir", "périr", "succomber", "décéder"}
VICTIM_VERBS = {
    "tuer", "blesser", "abattre", "exécuter", "massacrer", "égorger", "assassiner", "enlever", "kidnapper",
    *INTRANSITIVE_DEATHS,
}  # fmt: skip
# verbs that only report: "l'armée annonce avoir neutralisé", "a indiqué que"; their subject is the source
REPORTING = {
    "annoncer", "indiquer", "affirmer", "déclarer", "préciser", "rapporter", "confirmer", "signaler",
    "revendiquer", "dire", "assurer", "expliquer", "ajouter", "souligner", "faire savoir", "communiquer",
    # an investigating body documents or denounces what others did (FORMAT.md: never the perpetrator)
    "documenter", "dénoncer", "condamner", "recenser", "dénombrer", "évoquer", "constater", "accuser",
    "attribuer", "imputer", "enquêter",
}  # fmt: skip

# verbs of saying whose subject did what their infinitive tells (French subject control): "le JNIM
# affirme avoir attaqué le camp", "l'armée annonce avoir neutralisé des terroristes"
SAYS_DONE = {"affirmer", "déclarer", "dire", "annoncer", "assurer", "revendiquer", "reconnaître", "prétendre"}

# verbs whose object does what their infinitive says (French object control): "accuser l'armée
# d'avoir tué", "soupçonner des soldats d'avoir exécuté", "reprocher aux militaires d'avoir …"
OBJECT_CONTROL = {"accuser", "soupçonner", "suspecter", "reprocher", "incriminer", "tenir"}


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase of a sentence: the subtree of one word, with offsets into the document text."""

    head: int  # index of its head word in the sentence
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Frame:
    """The roles around one trigger word."""

    trigger: int  # index of the trigger word in the sentence
    agent: tuple[Phrase, ...]
    patient: tuple[Phrase, ...]
    obliques: tuple[Phrase, ...]  # the other complements: places, times, instruments
    passive: bool
    realis: bool  # told as a fact, not a plan, a condition or a threat
    negated: bool  # "n'a pas été attaqué"


def phrase(sentence: Sentence, head: int, stop: set[int] | None = None, relative: bool = False) -> Phrase:
    """The subtree of a word as a phrase (cut before a relative clause, unless `relative`, or a
    word in `stop`)."""
    tokens = sentence.tokens
    kept = [i for i in subtree(sentence, head) if not stop or i not in stop]
    cut = {"parataxis"} if relative else {"acl:relcl", "parataxis"}
    for i in children(sentence, head):
        if tokens[i].dep in cut:
            drop = set(subtree(sentence, i))
            kept = [k for k in kept if k not in drop]
    kept = [k for k in kept if k >= min(kept)]
    first, last = min(kept), max(kept)
    start, end = tokens[first].start, tokens[last].end
    offset = sentence.start
    return Phrase(head, start, end, sentence.text[start - offset : end - offset])


def _with_conjuncts(sentence: Sentence, heads: list[int]) -> list[int]:
    out = list(heads)
    for head in heads:
        out += [i for i in children(sentence, head) if sentence.tokens[i].dep == "conj"]
    return out


def _is_passive(sentence: Sentence, verb: int) -> bool:
    tokens = sentence.tokens
    below = children(sentence, verb)
    if any(tokens[i].pos == "PRON" and tokens[i].text.lower() in REFLEXIVE for i in below):
        return False
    return any(tokens[i].dep in {"aux:pass", "nsubj:pass"} for i in below)


def _governing_verb(sentence: Sentence, index: int) -> int | None:
    """The verb (or copula's predicate) a word depends on, climbing noun phrases."""
    tokens = sentence.tokens
    for current in up(sentence, index):
        token = tokens[current]
        if token.pos in {"VERB", "AUX"} and (current != index or token.head == current):
            return current
    return None


def frame(sentence: Sentence, trigger: int) -> Frame:
    """The roles of a trigger word in its sentence."""
    tokens = sentence.tokens
    word = tokens[trigger]
    if word.dep.startswith("aux") and 0 <= word.head < len(tokens) and word.head != trigger:
        trigger, word = word.head, tokens[word.head]  # "avaient tué": the roles are the participle's
    if word.pos in {"VERB", "AUX"} or (word.pos == "ADJ" and word.form == "Part"):
        return _verb_frame(sentence, trigger)
    return _noun_frame(sentence, trigger)


def _verb_frame(sentence: Sentence, verb: int) -> Frame:
    tokens = sentence.tokens
    passive = _is_passive(sentence, verb)
    # a subject that underwent the act is read with its relative clause: "le maire, qui conduisait
    # une délégation de membres des comités de vigilance, est tombé dans une embuscade"
    described = False
    agent: list[int] = []
    patient: list[int] = []
    obliques: list[int] = []
    for i in children(sentence, verb):
        dep = tokens[i].dep
        if dep in SUBJECTS:
            (patient if passive else agent).append(i)
        elif dep in PASSIVE_SUBJECTS:
            patient.append(i)
        elif dep in AGENTS or (
            dep.startswith("obl")
            and preposition(sentence, i) == "par"
            and tokens[i].pos in {"NOUN", "PROPN", "PRON"}
        ):
            agent.append(i)
        elif dep in OBJECTS and preposition(sentence, i) in {"", "à", "au"}:
            patient.append(i)
        elif dep == "advmod" and tokens[i].pos == "NOUN" and not passive and _counted(sentence, i):
            patient.append(i)  # "a exécuté au moins 60 civils": the parser hangs the count as an adverb
        elif (
            dep.startswith("obl")
            and preposition(sentence, i) in {"contre", "sur"}
            and not _is_place_like(sentence, i)
        ):
            patient.append(i)
        elif dep.startswith("obl") or dep.startswith("nmod") or dep == "advmod":
            obliques.append(i)
    # "la brigade a essuyé des tirs d'hommes armés", "le convoi est tombé dans une embuscade": the
    # subject undergoes what the complement names, whose "de" phrase is the one who acts
    if tokens[verb].lemma.lower() in SUFFERED and not passive:
        described = True
        patient = [
            i
            for i in agent
            if tokens[i].pos in {"NOUN", "PROPN", "PRON"} and preposition(sentence, i) != "par"
        ]
        agent = [
            j
            for i in children(sentence, verb)
            if tokens[i].dep in {"obj", "obl:arg"}
            for j in children(sentence, i)
            if tokens[j].dep.startswith("nmod")
            and preposition(sentence, j) in {"de", "d'", "du", "des", "par"}
        ]
    if _infinitive(sentence, verb) and not passive:
        # "L'armée a déclaré avoir neutralisé une cinquantaine de terroristes": an infinitive has no
        # subject of its own (the parser may hang its object as one); its subject is its head's
        patient += [i for i in agent if tokens[i].pos in {"NOUN", "PROPN", "NUM"}]
        agent = []
    # a participle or an infinitive without subject: the subject of the verb it hangs on, the
    # object of a verb of charging ("HRW accuse l'armée d'avoir exécuté …": the army executed)
    head = tokens[verb].head
    charged = tokens[verb].dep == "xcomp" and tokens[head].lemma.lower() in OBJECT_CONTROL
    if charged and not agent and not passive:
        agent += [i for i in children(sentence, head) if tokens[i].dep in OBJECTS]
    elif (
        not agent
        and (not patient or (_infinitive(sentence, verb) and tokens[head].lemma.lower() in SAYS_DONE))
        and tokens[verb].dep in {"xcomp", "advcl", "acl", "conj"}
    ):
        if head != verb:
            for i in children(sentence, head):
                if tokens[i].dep in SUBJECTS:
                    (patient if passive else agent).append(i)
    # "la brigade a été attaquée" whose subject the parser hung on the auxiliary
    if tokens[verb].dep == "acl" and not patient and passive:
        patient.append(tokens[verb].head)
    return Frame(
        verb,
        tuple(phrase(sentence, i) for i in _with_conjuncts(sentence, agent)),
        tuple(phrase(sentence, i, relative=described) for i in _with_conjuncts(sentence, patient)),
        tuple(phrase(sentence, i) for i in obliques),
        passive,
        is_realis(sentence, verb),
        is_negated(sentence, verb),
    )


def _infinitive(sentence: Sentence, verb: int) -> bool:
    """Whether a verb hanging on another is an infinitive ("avoir neutralisé", "neutraliser")."""
    tokens = sentence.tokens
    if tokens[verb].dep != "xcomp":
        return False
    return tokens[verb].form == "Inf" or any(
        tokens[i].dep.startswith("aux") and tokens[i].form == "Inf" for i in children(sentence, verb)
    )


def _counted(sentence: Sentence, index: int) -> bool:
    """Whether a noun carries a number ("60 civils", "une dizaine de soldats")."""
    return any(sentence.tokens[i].dep == "nummod" for i in children(sentence, index))


def _is_place_like(sentence: Sentence, index: int) -> bool:
    return sentence.tokens[index].pos == "PROPN" and preposition(sentence, index) == "sur"


def _noun_frame(sentence: Sentence, noun: int) -> Frame:
    tokens = sentence.tokens
    described: set[int] = set()  # subjects that underwent the act, read with their relative clause
    agent: list[int] = []
    patient: list[int] = []
    obliques: list[int] = []
    if tokens[noun].lemma.lower() in TARGET_NOUNS:
        # "le poste a été la cible d'une attaque d'hommes armés": the subject is the target, the
        # attack's own "de" phrase the attackers
        patient += [i for i in children(sentence, noun) if tokens[i].dep in SUBJECTS | PASSIVE_SUBJECTS]
        for i in children(sentence, noun):
            if tokens[i].dep.startswith("nmod"):
                inner = _noun_frame(sentence, i)
                agent += [p.head for p in inner.agent]
    for i in children(sentence, noun):
        dep, case = tokens[i].dep, preposition(sentence, i)
        if not (dep.startswith("nmod") or dep.startswith("obl") or dep == "acl"):
            continue
        if tokens[noun].lemma.lower() in TARGET_NOUNS and dep.startswith("nmod"):
            continue
        if case == "par":
            agent.append(i)
        elif case == "contre":
            patient.append(i)
        elif case in {"de", "du", "des", "d'"} and tokens[i].pos in {"NOUN", "PROPN"}:
            if tokens[i].lemma.lower() in AGENTIVE or tokens[noun].lemma.lower() in FIRED:
                agent.append(
                    i
                )  # "une attaque d'hommes armés", "des tirs de jihadistes", "les drones de l'armée"
            else:
                patient.append(i)  # "l'attaque du camp", "l'enlèvement de quatre étrangers"
        else:
            obliques.append(i)
    # "l'embuscade tendue par des hommes armés": the participle that qualifies the noun
    for i in children(sentence, noun):
        if tokens[i].dep == "acl" and tokens[i].pos == "VERB":
            agent += [
                j
                for j in children(sentence, i)
                if tokens[j].dep in AGENTS or preposition(sentence, j) == "par"
            ]
    # "une attaque simultanée contre le poste": a "contre" phrase anywhere under the noun is its target
    inside = set(subtree(sentence, noun))
    patient += [
        i
        for i in inside
        if i != noun
        and preposition(sentence, i) == "contre"
        and tokens[i].pos in {"NOUN", "PROPN"}
        and i not in patient
    ]
    verb = _governing_verb(sentence, noun)
    realis = True
    negated = False
    if verb is not None:
        role = tokens[noun].dep
        lemma = tokens[verb].lemma.lower()
        subjects = [i for i in children(sentence, verb) if tokens[i].dep in SUBJECTS | PASSIVE_SUBJECTS]
        if lemma in SUFFERING_VERBS and role in OBJECTS | {"obl", "obl:mod", "obl:arg", "nsubj"}:
            patient += [i for i in subjects if i != noun]  # "le poste a essuyé des tirs"
            described.update(subjects)
        elif role in SUBJECTS and tokens[noun].lemma.lower() in FIRED and not _is_passive(sentence, verb):
            # "des drones de l'armée ont visé un pick-up": what the weapons struck is the verb's object
            patient += [i for i in children(sentence, verb) if tokens[i].dep in OBJECTS]
        elif lemma in VICTIM_VERBS and role.startswith("obl") and tokens[noun].head == verb:
            # "des militaires et des dozos ont été tués dans une embuscade", "dix soldats ont péri
            # dans l'attaque": who died in it is whom it struck
            patient += [
                i
                for i in subjects
                if i != noun and (tokens[i].dep in PASSIVE_SUBJECTS or lemma in INTRANSITIVE_DEATHS)
            ]
        elif role in OBJECTS and lemma not in REPORTING and tokens[noun].head == verb:
            # "des hommes armés ont mené une attaque"; not the victims of a passive told "lors d'une
            # attaque" ("trois policiers ont été tués lors d'une attaque": they did not attack)
            agent += [i for i in subjects if i != noun and tokens[i].dep in SUBJECTS]
        realis = is_realis(sentence, verb)
        negated = is_negated(sentence, verb)
    return Frame(
        noun,
        tuple(phrase(sentence, i) for i in _with_conjuncts(sentence, agent)),
        tuple(phrase(sentence, i, relative=i in described) for i in _with_conjuncts(sentence, patient)),
        tuple(phrase(sentence, i) for i in obliques),
        False,
        realis,
        negated,
    )


def lemma_of(tokens: tuple[Token, ...], index: int) -> str:
    return tokens[index].lemma.lower()


def undergone(sentence: Sentence, index: int) -> set[str]:
    """The lemmas of the verbs a word is the object or the passive subject of, with the verbs
    joined to them ("ont repéré puis neutralisé une mine": repérer, neutraliser)."""
    tokens = sentence.tokens
    if not 0 <= index < len(tokens) or tokens[index].dep not in {"obj", "nsubj:pass"}:
        return set()
    verb = tokens[index].head
    if verb == index:
        return set()
    verbs = {verb} | {i for i in children(sentence, verb) if tokens[i].dep == "conj"}
    if tokens[verb].dep == "conj" and tokens[verb].head != verb:
        verbs.add(tokens[verb].head)
    return {tokens[i].lemma.lower() for i in verbs if tokens[i].pos in {"VERB", "AUX"}}
