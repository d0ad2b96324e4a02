"""The mood of a verb in its sentence: told as a fact or not (future, conditional, a plan, a purpose),
negated, or told in a relative clause or an apposition (an act told there is not the news).
"""

from __future__ import annotations

from vigie.events.tree import children, up
from vigie.records import Sentence


def is_realis(sentence: Sentence, verb: int) -> bool:
    """Told as a fact: not future, not conditional, not under a verb of plan, threat or wish
    ("menace d'attaquer", "prévoit de déployer", "pourrait frapper")."""
    tokens = sentence.tokens
    words = [verb] + [i for i in children(sentence, verb) if tokens[i].dep.startswith("aux")]
    for i in words:
        if tokens[i].tense == "Fut" or tokens[i].mood == "Cnd":
            return False
    if (
        tokens[verb].form == "Inf"
        and any(tokens[i].lemma.lower() in {"pour", "afin"} for i in children(sentence, verb))
        and not any(
            tokens[i].form == "Part" and tokens[i].lemma.lower() in OUTCOMES for i in children(sentence, verb)
        )
    ):
        # "une opération est en cours pour neutraliser les assaillants": a purpose; but "ils sont
        # revenus pour exécuter des habitants, faisant quarante morts": its outcome tells it was done
        return False
    head = tokens[verb].head
    if head != verb and tokens[verb].dep in {"xcomp", "ccomp"}:
        lemma = tokens[head].lemma.lower()
        if lemma in IRREALIS_GOVERNORS:
            return False
        if tokens[head].tense == "Fut" or tokens[head].mood == "Cnd":
            return False
    return True


# the participles that tell the outcome of an act: "faisant quarante morts", "tuant six civils"
OUTCOMES = {"faire", "tuer", "causer", "coûter", "provoquer"}

# "menace de frapper", "prévoit de déployer", "veut attaquer", "pourrait", "doit se rendre"
IRREALIS_GOVERNORS = {
    "menacer", "prévoir", "envisager", "vouloir", "souhaiter", "projeter", "compter", "pouvoir", "devoir",
    "promettre", "espérer", "planifier", "préparer", "redouter", "craindre", "refuser", "appeler",
    "demander", "exiger", "recommander", "proposer",
}  # fmt: skip


def is_negated(sentence: Sentence, verb: int) -> bool:
    """ "n'a pas été attaqué", "n'ont fait aucune victime" """
    tokens = sentence.tokens
    return any(
        tokens[i].lemma.lower() in {"ne", "n'", "pas", "jamais", "aucun"} and tokens[i].dep == "advmod"
        for i in children(sentence, verb)
    )


def is_subordinate(sentence: Sentence, index: int, participles: bool = True) -> bool:
    """Whether a word stands in a relative clause or an apposition ("la Guinée, elle-même suspendue
    des instances, …", "une délégation qui avait signé …"): an act told there is not the news.
    `participles=False` lets a past participle describing a noun through ("l'armée, appuyée par
    Barkhane, a …": the support is given in the act the sentence tells)."""
    tokens = sentence.tokens
    for current in up(sentence, index):
        token = tokens[current]
        if token.dep in {"acl:relcl", "appos", "parataxis"}:
            return True
        if (
            participles
            and token.dep == "acl"
            and tokens[token.head].pos in {"NOUN", "PROPN", "PRON"}
            and token.form == "Part"
            and token.tense != "Pres"  # "la décision l'invitant à quitter le territoire" is told
        ):
            return True  # "suspendue des instances", "accusée de soutenir …"
    return False
