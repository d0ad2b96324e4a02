"""How a sentence tells a trigger: for itself, or as the time of another act ("après l'attaque"),
as what a speaker is about ("le maire a dénoncé un massacre"), or in a heading of the article.

A trigger told as a time or a topic is an event told elsewhere: only the words of its own phrase
may place it ("après l'attaque qui a visé Aorema"), never the main clause ("a reçu à Ouagadougou
une délégation … après l'attaque"). Read from spaCy's dependency parse (`frames.py`).
"""

from __future__ import annotations

from vigie.events.lexicon import fold_text
from vigie.events.tree import children, subtree, token_at
from vigie.records import Sentence

# a trigger noun told as the time of another act: "après l'attaque", "depuis son enlèvement",
# "au lendemain de l'embuscade", "à la suite de l'assaut", "fait suite à l'attaque"
TIME_PREPOSITIONS = {"apres", "depuis", "avant"}
TIME_NOUNS = {"lendemain", "veille", "suite"}
# a clause of purpose: "d'où partaient des terroristes pour semer la désolation dans les localités de …"
PURPOSE = {"pour", "afin"}
# a trigger noun an act of speech is about: "le maire a dénoncé un massacre", "nous avons appris l'attaque"
SPOKEN_OF = {"denoncer", "condamner", "deplorer", "apprendre", "evoquer", "saluer", "rappeler", "commenter"}


def subheading(sentence: Sentence) -> bool:
    """A heading inside an article: a line without a verb and without a full stop."""
    return (
        bool(sentence.tokens)
        and not sentence.text.rstrip().endswith((".", "!", "?", "»", '"'))
        and not any(token.pos in {"VERB", "AUX"} for token in sentence.tokens)
    )


def earlier_phrases(sentence: Sentence, start: int) -> list[tuple[int, int]]:
    """Where the phrases that tell another time ("depuis celui de Boni", "avant l'attaque de
    Kidal") or a purpose ("pour semer la désolation à Lanfiera") lie in a sentence, when the
    trigger at `start` is not in them."""
    index = token_at(sentence, sentence.start + start) if sentence.tokens else None
    if index is None:
        return []
    tokens, out = sentence.tokens, []
    for head in range(len(tokens)):
        marks = {
            fold_text(tokens[i].text) for i in children(sentence, head) if tokens[i].dep in {"case", "mark"}
        }
        if marks & (TIME_PREPOSITIONS | PURPOSE):
            words = subtree(sentence, head)
            if index not in words:
                out.append((tokens[words[0]].start - sentence.start, tokens[words[-1]].end - sentence.start))
    return out


def reference_scope(sentence: Sentence, start: int) -> tuple[int, int] | None:
    """Where the words of a trigger noun told as the time of another act lie in its sentence
    ("après l'attaque", "depuis son enlèvement", "au lendemain de l'embuscade", "fait suite à
    l'attaque"), None when the trigger is told for itself.

    >>> from vigie.records import Token
    >>> words = [("Le", "det", 1, "DET"), ("ministre", "nsubj", 2, "NOUN"), ("arrive", "ROOT", 2, "VERB"),
    ...     ("après", "case", 5, "ADP"), ("l'", "det", 5, "DET"), ("attaque", "obl:mod", 2, "NOUN"),
    ...     ("de", "case", 7, "ADP"), ("Boni", "nmod", 5, "PROPN")]
    >>> tokens, at = [], 0
    >>> for text, dep, head, pos in words:
    ...     tokens.append(Token(text, at, at + len(text), text.lower(), pos, dep, head))
    ...     at += len(text) + 1
    >>> sentence = Sentence(" ".join(w[0] for w in words), 0, at - 1, tuple(tokens))
    >>> scope = reference_scope(sentence, sentence.text.index("attaque"))
    >>> sentence.text[scope[0] : scope[1]]
    "après l' attaque de Boni"
    """
    if not sentence.tokens:
        return None
    index = token_at(sentence, sentence.start + start)
    if index is None or sentence.tokens[index].pos != "NOUN":
        return None
    tokens = sentence.tokens
    marks = {fold_text(tokens[i].text) for i in children(sentence, index) if tokens[i].dep == "case"}
    head = tokens[tokens[index].head]
    told_for_time = bool(marks & TIME_PREPOSITIONS) or (
        head.pos == "NOUN" and fold_text(head.text) in TIME_NOUNS and bool(marks & {"de", "d'", "du", "a"})
    )
    spoken_of = tokens[index].dep == "obj" and fold_text(head.lemma) in SPOKEN_OF
    if not (told_for_time or spoken_of):
        return None
    words = subtree(sentence, index)
    return tokens[words[0]].start - sentence.start, tokens[words[-1]].end - sentence.start
