"""What the extraction tests share: the events of one article written for a test."""

from __future__ import annotations

from datetime import date

from vigie.events import merge_events
from vigie.pipeline import Stages
from vigie.records import Article, Event

THURSDAY = date(2024, 3, 14)  # the publication day of the written articles


def article_events(stages: Stages, body: str, published: date, title: str | None = None) -> list[Event]:
    """The events the stages extract from one full article (its body one span, after its title)."""
    text = (title + "\n\n" if title else "") + body
    start = len(title) + 2 if title else 0
    article = Article("f" * 40, 0, "full", title, published, None, body, 0, len(text), ((start, len(text)),))
    return list(stages.extractor(article, stages.analyzer(article, text), stages.gazetteer).events)


def merged_events(stages: Stages, body: str, published: date = THURSDAY) -> list[Event]:
    """The events of one article as the pipeline stores them: merged across its reports."""
    return merge_events(article_events(stages, body, published))


def places_of(stages: Stages, body: str, published: date = THURSDAY) -> set[str]:
    """Where the merged events of one article are, as written."""
    return {e.location or "" for e in merged_events(stages, body, published)}
