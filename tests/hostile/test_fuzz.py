"""Property-based fuzzing of reading, segmentation and extraction (issue 12): random French-like
pages, random page furniture and random bytes never raise, and every offset stays inside the text.

The properties are about behaviour, not outputs: the rules change, these must hold whatever they
say. Examples are bounded and derandomized (the same cases on every run); spaCy loads once.
"""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigie.errors import DocumentError
from vigie.ingest import Notice, Source, read_documents
from vigie.pipeline import Stages
from vigie.records import RawDoc
from vigie.segment import split_articles
from vigie.settings import Settings

FUZZ = settings(derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = ("les FAMa ont attaqué repoussé neutralisé une base terroriste à Ségou Kidal Mopti Gao Ménaka dans "
         "la nuit de jeudi vendredi selon source locale le ministre des Affaires étrangères a reçu son "
         "homologue nigérien Niamey CEDEAO AES accord coopération morts blessés village hommes armés "
         "l'armée d'un drone frappe 3 trois 2024 août janvier").split()  # fmt: skip
FURNITURE = [
    "Lire aussi : Gao : un convoi visé", "Publié jeudi 01 août 2024 à 19:43", "S'abonner", "Partager",
    "Sécurité UNE", "Par Moussa DIARRA", "L'espace des contributions est réservé aux abonnés.",
    "#Coopération_Burkina_Ghana", "Mots clés : riz, Ségou", "Source : L'Essor", "Bamako, 8 sept 2023 (AFP) -",
    "Commentaires (3)", "Tous droits réservés", "Politique Économie Société Sport Culture", "..", "»",
]  # fmt: skip
ODDITIES = ["\u200b", "\u202e", "\ufeff", "e\u0301", "\ufffd", "🇲🇱", "\t", "\r", "  ", "«", "’", "…", "\x0b"]

french = st.sampled_from(WORDS)
word = st.one_of(french, french, french, french, st.sampled_from(ODDITIES), st.text(max_size=6))
sentence = st.lists(word, min_size=3, max_size=25).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
headline = st.tuples(
    st.sampled_from(["Kidal", "Ségou", "Mopti", "Coopération", ""]), st.lists(word, max_size=8)
)
article = st.tuples(headline, st.lists(paragraph, min_size=1, max_size=5)).map(
    lambda parts: f"{parts[0][0]} : {' '.join(parts[0][1])}\n\n" + "\n\n".join(parts[1])
)
line = paragraph | st.sampled_from(FURNITURE) | st.lists(word, max_size=8).map(" ".join) | st.just("")
page = st.lists(article | article | line, max_size=12).map(lambda blocks: "\n\n".join(blocks)) | st.lists(
    line, max_size=30
).map("\n".join)


def _raw(text: str) -> RawDoc:
    return RawDoc("fuzz.txt", "fuzz.txt", hashlib.sha1(text.encode()).hexdigest(), len(text), "utf-8", text)


def _check_offsets(text: str, raw: RawDoc) -> list:  # type: ignore[type-arg]
    articles = split_articles(raw)
    for position, article in enumerate(articles):
        assert article.position == position
        assert 0 <= article.start <= article.end <= len(text)
        for start, end in article.spans:
            assert 0 <= start <= end <= len(text)
    return articles


@settings(FUZZ, max_examples=200)
@given(page)
def test_segmentation_never_raises_and_keeps_offsets_in_the_text(text: str) -> None:
    _check_offsets(text, _raw(text))


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.load(Settings().nlp_model)


@settings(FUZZ, max_examples=40)
@given(page)
def test_extraction_never_raises_and_keeps_evidence_in_the_text(stages: Stages, text: str) -> None:
    raw = _raw(text)
    articles = _check_offsets(text, raw)
    if not articles:
        return
    events, interactions, names = stages(raw, articles)
    for found in [*events, *interactions]:
        for evidence in found.evidence:
            assert 0 <= evidence.start <= evidence.end <= len(text)
            assert evidence.article_id in {article.id for article in articles}
    for name in names:
        assert name.article_id in {article.id for article in articles}


@settings(FUZZ, max_examples=150)
@given(
    st.binary(max_size=3000)
    | page.map(lambda text: text.encode("utf-8"))
    | st.tuples(page, st.sampled_from(["cp1252", "utf-16", "utf-16-le", "latin-1"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    )
    | st.tuples(
        st.sampled_from(
            [
                b"<html><body><p>",
                b'<?xml version="1.0"?><rss><channel><item><description>',
                b'{"url": "https://x.ml/a", "text": "',
                b"WARC/1.0\r\n",
                b"\x1f\x8b",
            ]
        ),
        st.binary(max_size=2000),
    ).map(b"".join)  # fmt: skip
)
def test_reading_random_bytes_yields_documents_or_reasons(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "entree"
    path.write_bytes(data)
    for found in read_documents(Source(str(path)), max_bytes=1_000_000):
        assert isinstance(found, RawDoc | DocumentError | Notice)
        if isinstance(found, RawDoc):
            _check_offsets(found.text, found)
        else:
            assert "\n" not in str(found) and str(path) in str(found)
