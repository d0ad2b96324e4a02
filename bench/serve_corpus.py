"""Synthetic Sahel news for the serve benchmark: real French sentences recombined -> a filled Store.

The sentences and the searched words come, at run time, from the dev and train texts of the shared
evaluation data (../shared/eval), so words are as frequent as in the news: "les" in nearly every
article, "armée" in a good share, most words in a handful. Articles, events and interactions are
saved through the public `Store.save_document`, one document of four articles at a time, so the
database is what `vigie ingest` would store (every migration, trigger and index).
"""

from __future__ import annotations

import hashlib
import random
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from vigie.records import Article, Event, Evidence, Interaction, Place, RawDoc
from vigie.store import (  # the row builders of Store.save_document: the rows follow the schema
    Clustered,
    Store,
    _article_values,
    _event_values,
    _interaction_values,
    _source_values,
)
from vigie.store.packed import pack
from vigie.store.schema import (
    ArticleRow,
    DocumentRow,
    EventRow,
    EventSourceRow,
    InteractionRow,
    InteractionSourceRow,
)

SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-ÝÉ«\"])")
WORD = re.compile(r"[^\W\d_]{3,}")  # searched words: three letters or more, no digits
TYPES = {
    "Battles": ["Armed clash"], "Explosions/Remote violence": ["Remote explosive/landmine/IED", "Air/drone strike"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"], "Protests": ["Peaceful protest"],
    "Riots": ["Violent demonstration"], "Strategic developments": ["Looting/property destruction", "Arrests"],
}  # fmt: skip
ACTORS = ["Military Forces of Mali", "JNIM", "Islamic State Sahel", "Wagner Group", "Unidentified Armed Group",
          "Civilians", "Protesters (Mali)", "Dozo Militia"]  # fmt: skip
PARTIES = ["MLI", "BFA", "NER", "RUS", "FRA", "DZA", "ECOWAS", "AES", "UN", "CHN", "TUR", "MAR"]
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "SANCTION"]
SITES = ["essor", "maliweb", "journaldumali", "studiotamani", "amap", "sahelien"]
SECTIONS = ["securite", "politique", "societe", "economie", "regions"]
BATCH = 500  # documents per transaction
FIRST_DAY, LAST_DAY = date(2018, 1, 1), date(2025, 12, 31)


@dataclass(frozen=True, slots=True)
class Corpus:
    """Sentences to build articles from, and the words of the texts with their number of uses."""

    sentences: list[str]
    words: Counter[str]


def read_corpus(eval_dir: Path) -> Corpus:
    """Sentences and words of the dev and train texts (never valid)."""
    paths = sorted((eval_dir / "dev").glob("*.txt")) + sorted((eval_dir / "train").glob("*.txt"))
    if not paths:
        raise SystemExit(f"no dev or train texts under {eval_dir}; pass --eval")
    sentences: list[str] = []
    words: Counter[str] = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        words.update(WORD.findall(text))
        for line in text.splitlines():
            if len(line) >= 60:  # paragraphs, not titles, datelines or bylines
                sentences += [s for s in SENTENCE_END.split(line.strip()) if 30 <= len(s) <= 400]
    return Corpus(sentences, words)


def load_villages(count: int = 3000) -> list[Place]:
    """Malian populated places of the packaged gazetteer."""
    path = Path(str(resources.files("vigie.data") / "gazetteer.sqlite"))
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as gazetteer:
        rows = gazetteer.execute(
            "SELECT p.name, a.text, p.lat / 1e5, p.lon / 1e5 FROM place p JOIN label a ON a.id = p.admin1 "
            "JOIN label k ON k.id = p.country WHERE p.feature_class = 'P' AND k.text = 'MLI' "
            "ORDER BY p.id LIMIT ?",
            (count,),
        ).fetchall()
    return [
        Place(
            str(name), float(lat), float(lon), "MLI", str(admin1), None, None, None, 1, "P", 0, f"bench:{i}"
        )
        for i, (name, admin1, lat, lon) in enumerate(rows)
    ]


def fill(
    store: Store,
    corpus: Corpus,
    articles: int,
    events: int,
    seed: int = 7,
    progress: Callable[[int], None] = lambda done: None,
) -> None:
    """Save articles // 4 documents of four articles, `events` events and events // 5 interactions,
    BATCH documents per transaction, with the rows `Store.save_document` would write."""
    rng = random.Random(seed)
    villages = load_villages()
    documents = max(1, articles // 4)
    days = (LAST_DAY - FIRST_DAY).days
    per_document = events / documents
    owed = 0.0
    event_id = interaction_id = 0
    batch = Batch()
    for number in range(documents):
        day = FIRST_DAY + timedelta(days=rng.randrange(days))
        raw, stored = _document(rng, corpus, number, day, rng.choice(SITES))
        batch.documents.append(_document_values(raw))
        batch.articles += [_article_values(Clustered(a, a.id, None, None), True) for a in stored]
        owed += per_document
        while owed >= 1:
            owed -= 1
            event_id += 1
            found = _event(rng, villages, day, rng.choice(stored))
            batch.events.append(_event_values(found) | {"id": event_id})
            batch.event_sources += _source_values(found.evidence, "event_id", event_id)
        if number % 10 < 4 * events / max(1, articles):  # events // 5 interactions
            interaction_id += 1
            told = _interaction(rng, day, stored[0])
            batch.interactions.append(_interaction_values(told) | {"id": interaction_id})
            batch.interaction_sources += _source_values(told.evidence, "interaction_id", interaction_id)
        if len(batch.documents) == BATCH or number == documents - 1:
            batch.save(store)
            batch = Batch()
            progress(number + 1)


@dataclass(slots=True)
class Batch:
    """Rows of BATCH documents, inserted in one transaction (the FTS index filled by its triggers)."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_sources: list[dict[str, Any]] = field(default_factory=list)
    interactions: list[dict[str, Any]] = field(default_factory=list)
    interaction_sources: list[dict[str, Any]] = field(default_factory=list)

    def save(self, store: Store) -> None:
        if store.engine.dialect.name != "postgresql":  # SQLite cuts bodies out of the documents (0014)
            self.articles = [{k: v for k, v in row.items() if k != "body"} for row in self.articles]
        with store.engine.begin() as connection:
            for row, values in ((DocumentRow, self.documents), (ArticleRow, self.articles),
                                (EventRow, self.events), (EventSourceRow, self.event_sources),
                                (InteractionRow, self.interactions),
                                (InteractionSourceRow, self.interaction_sources)):  # fmt: skip
                if values:
                    connection.execute(insert(row), values)


def _document_values(raw: RawDoc) -> dict[str, Any]:
    """The document row of `Store.save_document`."""
    return {"id": raw.sha1, "source": raw.source, "name": raw.name, "size": raw.size, "encoding": raw.encoding,
            "ingested_at": datetime.now(UTC), "packed": pack(raw.text), "url": raw.url, "captured_at": raw.captured,
            "format": raw.format}  # fmt: skip


def _document(
    rng: random.Random, corpus: Corpus, number: int, day: date, site: str
) -> tuple[RawDoc, list[Article]]:
    doc_id = hashlib.sha1(f"vigie-serve-bench-{number}".encode()).hexdigest()
    name = f"{site}-{day.isoformat()}-{number}.txt"
    url = f"https://www.{site}.ml/{rng.choice(SECTIONS)}/{number}.html" if number % 2 else None
    parts: list[str] = []
    offset = 0
    stored: list[Article] = []
    for position in range(4):
        title = " ".join(rng.choice(corpus.sentences).split()[: rng.randint(6, 12)]).rstrip(",;:")
        paragraphs = [
            " ".join(rng.choice(corpus.sentences) for _ in range(rng.randint(2, 4)))
            for _ in range(rng.randint(2, 3))
        ]
        start = offset + len(title) + 2
        spans, cursor = [], start
        for paragraph in paragraphs:
            spans.append((cursor, cursor + len(paragraph)))
            cursor += len(paragraph) + 2
        body = "\n\n".join(paragraphs)
        published = datetime(day.year, day.month, day.day, 8 + position)
        stored.append(
            Article(doc_id, position, "full" if position == 0 else "teaser", title, published, None, body,
                    offset, start + len(body), tuple(spans))
        )  # fmt: skip
        parts.append(f"{title}\n\n{body}\n\n")
        offset += len(parts[-1])
    text = "".join(parts)
    raw = RawDoc(f"/synthetic/{name}", name, doc_id, len(text.encode()), "utf-8", text, url,
                 datetime.now(UTC) if url else None, "html" if url else "text")  # fmt: skip
    return raw, stored


def _evidence(article: Article) -> Evidence:
    start, end = article.spans[0]
    sentence = article.body[: end - start].split(". ")[0]
    return Evidence(article.id, sentence, start, start + len(sentence))


def _event(rng: random.Random, villages: list[Place], day: date, article: Article) -> Event:
    kind = rng.choice(list(TYPES))
    place = rng.choice(villages)
    return Event(
        event_type=kind,  # type: ignore[arg-type]
        sub_event_type=rng.choice(TYPES[kind]),  # type: ignore[arg-type]
        date=day - timedelta(days=rng.randrange(3)),
        date_precision=1,
        actor1=rng.choice(ACTORS),
        actor2=rng.choice([*ACTORS, None]),
        location=place.name,
        place=place,
        fatalities=rng.choice([None, 0, 1, 3, 12]),
        evidence=(_evidence(article),),
    )


def _interaction(rng: random.Random, day: date, article: Article) -> Interaction:
    first, second = sorted(rng.sample(PARTIES, 2))
    return Interaction(
        type=rng.choice(PLOVER),  # type: ignore[arg-type]
        parties=(first, second),
        date=day,
        location=None,
        place=None,
        evidence=(_evidence(article),),
        source=first,
        target=second,
    )
