"""The NLP stage reads spaCy's parse through arrays: the same words, lemmas, heads and verb features
as spaCy's own Token attributes give, word by word."""

from __future__ import annotations

from typing import Any

import pytest

from vigie.nlp import VERBAL, Analyzer
from vigie.records import Article, Token

TEXT = (
    "Des hommes armés ont attaqué  le poste de gendarmerie de Boni, dans le cercle de Douentza.\n\n"
    "Le gouverneur a indiqué que l'armée va renforcer sa présence et que des renforts seraient envoyés."
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


def _article() -> Article:
    cut = TEXT.index("\n\n")
    spans = ((0, cut), (cut + 2, len(TEXT)))
    body = TEXT[:cut] + "\n\n" + TEXT[cut + 2 :]
    return Article("d", 0, "full", None, None, None, body, 0, len(TEXT), spans)


def _expected(span: Any, offset: int) -> tuple[Token, ...]:
    """The words of a spaCy sentence read attribute by attribute (spaces skipped, heads in the sentence)."""
    words = [token for token in span if not token.is_space]
    index = {token.i: new for new, token in enumerate(words)}
    out = []
    for new, token in enumerate(words):
        verbal = token.pos_ in VERBAL
        tense, mood, form = (
            (token.morph.get(name) or [""])[0] if verbal else "" for name in ("Tense", "Mood", "VerbForm")
        )
        head = index.get(token.head.i, new) if span.start <= token.head.i < span.end else new
        start = offset + token.idx
        out.append(
            Token(token.text, start, start + len(token.text), token.lemma_, token.pos_, token.dep_, head,
                  tense, mood, form)
        )  # fmt: skip
    return tuple(out)


def test_the_words_of_each_sentence_are_spacys(analyzer: Analyzer) -> None:
    [analysis] = analyzer.analyse([_article()], TEXT)
    article = _article()
    expected = []
    for start, end in article.spans:
        doc = analyzer.nlp(TEXT[start:end])
        expected += [_expected(span, start) for span in doc.sents if span.text.strip()]
    assert [sentence.tokens for sentence in analysis.sentences] == expected
    words = [token.text for sentence in analysis.sentences for token in sentence.tokens]
    assert "attaqué" in words and "" not in words  # the double space is no word
    attaque = next(t for s in analysis.sentences for t in s.tokens if t.text == "attaqué")
    assert (attaque.lemma, attaque.pos, attaque.tense, attaque.form) == ("attaquer", "VERB", "Past", "Part")


def test_a_sentence_of_plans_only_is_irrealis(analyzer: Analyzer) -> None:
    text = "L'armée va recruter des soldats et construira un camp. Les soldats ont quitté Boni."
    article = Article("d", 0, "full", None, None, None, text, 0, len(text), ((0, len(text)),))
    [analysis] = analyzer.analyse([article], text)
    assert [s.text for s in analysis.sentences] == [
        "L'armée va recruter des soldats et construira un camp.",
        "Les soldats ont quitté Boni.",
    ]
    assert analysis.irrealis == frozenset({0})
