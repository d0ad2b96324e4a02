"""Rows written straight into a store for the search, API and dashboard tests (no NLP needed).

The article texts are French news sentences written for the project; one article carries
markup that a scraped page could hold, to check that it is shown as text, never run.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy import Connection, MetaData, Table, insert

from vigie.store import Store
from vigie.store.packed import pack
from vigie.store.schema import (
    EventRow,
    EventSourceRow,
    InteractionRow,
    InteractionSourceRow,
)

HOSTILE = "Bilan : <script>alert('vigie')</script> et <img src=x onerror=alert(1)> selon la mairie."
BORA = "Des hommes armés ont attaqué le poste de sécurité de Boni dans la nuit du 3 au 4 août."
SEGOU = "À SEGOU, les FAMa ont neutralisé plusieurs terroristes lors d'un accrochage."
DOCUMENTS = {
    "essor-2024-08-05-boni.txt": (
        "Attaque contre le poste de Boni",
        datetime(2024, 8, 5, 9, 30),
        f"{BORA} Le bilan fait état de trois soldats tués. {HOSTILE}",
    ),
    "maliweb-2023-03-02-segou.txt": (
        "Ségou : accrochage près de Dogofry",
        datetime(2023, 3, 2),
        f"{SEGOU} Une cache d'armes a été découverte.",
    ),
}


def fill(store: Store) -> dict[str, str]:
    """Two documents of one article each, two events, one interaction; returns article ids by name."""
    ids = {}
    with store.engine.begin() as connection:
        # PostgreSQL keeps each article's body, SQLite cuts it out of the document's text; a database
        # older than 0014_text_once keeps the text plain, and the body beside it
        documents = Table("documents", MetaData(), autoload_with=connection)
        articles = Table("articles", MetaData(), autoload_with=connection)
        older = "text" in documents.c
        bodies = "body" in articles.c
        for number, (name, (title, published, body)) in enumerate(DOCUMENTS.items()):
            doc_id = f"{number:040d}"
            text = f"{title}\n\n{body}\n"
            start = len(title) + 2
            connection.execute(
                insert(documents),
                {"id": doc_id, "source": f"/pages/{name}", "name": name, "size": len(text), "encoding": "utf-8",
                 "ingested_at": datetime(2024, 8, 6, tzinfo=UTC), **({"text": text} if older else {"packed": pack(text)})},
            )  # fmt: skip
            ids[name] = f"{doc_id}:0"
            connection.execute(
                insert(articles),
                {"id": ids[name], "document_id": doc_id, "position": 0, "start_offset": 0,
                 "end_offset": len(text), "spans": json.dumps([[start, start + len(body)]]), "kind": "full",
                 "title": title, "title_key": None, "published": published,
                 "published_has_time": published.hour > 0, "author": None, "cluster_id": ids[name],
                 "minhash": None, **({"body": body} if bodies else {})},
            )  # fmt: skip
        boni = DOCUMENTS["essor-2024-08-05-boni.txt"]
        start = len(boni[0]) + 2
        _event(connection, 1, date(2024, 8, 4), "Battles", "Armed clash", "Boni", "Mopti", 15.02, -1.98,
               ids["essor-2024-08-05-boni.txt"], BORA, start)  # fmt: skip
        _event(connection, 2, date(2023, 2, 27), "Battles", "Armed clash", "Ségou", "Ségou", 13.43, -6.26,
               ids["maliweb-2023-03-02-segou.txt"], SEGOU, len("Ségou : accrochage près de Dogofry") + 2)  # fmt: skip
        connection.execute(
            insert(InteractionRow),
            {"id": 1, "interaction_date": date(2023, 3, 1), "type": "COOPERATE", "party1": "MLI",
             "party2": "NER", "location": None, "latitude": None, "longitude": None, "evidence": SEGOU},
        )  # fmt: skip
        connection.execute(
            insert(InteractionSourceRow),
            {"interaction_id": 1, "article_id": ids["maliweb-2023-03-02-segou.txt"], "start_offset": 0,
             "end_offset": len(SEGOU), "sentence": SEGOU},
        )  # fmt: skip
    return ids


def _event(
    connection: Connection, event_id: int, day: date, kind: str, sub: str, place: str, region: str,
    latitude: float, longitude: float, article_id: str, sentence: str, start: int,
) -> None:  # fmt: skip
    connection.execute(
        insert(EventRow),
        {"id": event_id, "event_date": day, "time_precision": 1, "event_type": kind, "sub_event_type": sub,
         "actor1": "Military Forces of Mali", "assoc_actor_1": None, "actor2": "JNIM", "assoc_actor_2": None,
         "location": place, "country": "Mali", "iso": "MLI", "admin1": region, "admin2": None, "admin3": None,
         "latitude": latitude, "longitude": longitude, "geo_precision": 1, "fatalities": 3,
         "evidence": sentence, "notes": None, "flagged": False},
    )  # fmt: skip
    connection.execute(
        insert(EventSourceRow),
        {"event_id": event_id, "article_id": article_id, "start_offset": start,
         "end_offset": start + len(sentence), "sentence": sentence},
    )  # fmt: skip
