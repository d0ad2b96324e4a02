"""Situation report, figures: a Store and a period -> a Brief (everything the report shows, as records).

The previous period is the one of the same length that ends the day before; every figure is
given for both, so that the reader sees what changed. Nothing here formats text: render.py does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from vigie.plover import quad_class
from vigie.search import (
    EventFilter,
    EventView,
    InteractionFilter,
    Total,
    count_articles,
    deadliest_events,
    get_event,
    list_interactions,
    map_points,
    totals,
)
from vigie.store import Store
from vigie.web.charts import MapDrawing, draw_map
from vigie.web.marks import toll_range
from vigie.web.timeline import TimelineDrawing, timeline_of

DEADLIEST = 10
FOCUS = "MLI"  # whose partners the diplomacy section counts, unless the report is on another country


@dataclass(frozen=True, slots=True)
class Period:
    """The days a report covers, and what narrows its events."""

    start: date
    end: date
    region: str | None = None
    country: str | None = None  # ISO3

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before.

        >>> Period(date(2024, 3, 1), date(2024, 3, 31)).previous()
        Period(start=datetime.date(2024, 1, 30), end=datetime.date(2024, 2, 29), region=None, country=None)
        """
        return replace(self, start=self.start - timedelta(days=self.days), end=self.start - timedelta(days=1))

    def events(self) -> EventFilter:
        return EventFilter(start=self.start, end=self.end, admin1=self.region, iso=self.country)


@dataclass(frozen=True, slots=True)
class Change:
    """One figure now and in the previous period."""

    key: str
    now: int
    before: int
    fatalities: int = 0
    fatalities_before: int = 0


@dataclass(frozen=True, slots=True)
class Quote:
    """A source of an event: the article and the sentences quoted from it."""

    title: str | None
    doc_name: str
    published: str | None
    sentences: list[str]
    toll: str | None  # the sentence that gives the toll, when another one


@dataclass(frozen=True, slots=True)
class Lethal:
    event: EventView
    quotes: list[Quote]


@dataclass(frozen=True, slots=True)
class Partner:
    """Interactions of the focus country with one partner over the period."""

    code: str
    cooperation: int
    conflict: int
    types: dict[str, int]  # PLOVER type -> count
    acted: int  # how many the focus country initiated


@dataclass(frozen=True, slots=True)
class Brief:
    period: Period
    previous: Period
    generated: datetime
    headline: list[Change]  # events, fatalities, events with a toll, then per type
    by_region: list[Change]
    by_type: list[Change]
    deadliest: list[Lethal]
    focus: str
    partners: list[Partner]
    interactions: int
    articles: int  # articles published in the period: what the figures are drawn from
    map: MapDrawing
    timeline: TimelineDrawing


def build_brief(store: Store, period: Period, lang: str, generated: datetime | None = None) -> Brief:
    """Every figure of a situation report for `period`, and its previous period."""
    before = period.previous()
    now_filter, before_filter = period.events(), before.events()
    [all_now], [all_before] = totals(store, now_filter, "all"), totals(store, before_filter, "all")
    by_region = _compare(totals(store, now_filter, "admin1"), totals(store, before_filter, "admin1"))
    by_type = _compare(totals(store, now_filter, "event_type"), totals(store, before_filter, "event_type"))
    headline = [
        Change("events", all_now.count, all_before.count),
        Change("fatalities", all_now.fatalities, all_before.fatalities),
        Change("with_toll", all_now.reported, all_before.reported),
    ]
    focus = period.country or FOCUS
    partners, count = _partners(store, period, focus)
    return Brief(
        period=period,
        previous=before,
        generated=generated or datetime.now().replace(microsecond=0),
        headline=headline,
        by_region=by_region,
        by_type=by_type,
        deadliest=[_lethal(store, event) for event in deadliest_events(store, now_filter, DEADLIEST)],
        focus=focus,
        partners=partners,
        interactions=count,
        articles=count_articles(store, period.start, period.end),
        map=draw_map(map_points(store, now_filter)),
        timeline=timeline_of(store, now_filter, lang),
    )


def _compare(now: list[Total], before: list[Total]) -> list[Change]:
    """Rows of both periods side by side, most events now first (a key gone since: at the end)."""
    earlier = {row.key: row for row in before}
    rows = [
        Change(row.key, row.count, earlier[row.key].count if row.key in earlier else 0, row.fatalities,
               earlier[row.key].fatalities if row.key in earlier else 0)
        for row in now
    ]  # fmt: skip
    seen = {row.key for row in now}
    rows += [Change(row.key, 0, row.count, 0, row.fatalities) for row in before if row.key not in seen]
    return rows


def _lethal(store: Store, event: EventView) -> Lethal:
    found = get_event(store, event.id)
    quotes = []
    if found is not None:
        for article_id, article in found.articles.items():
            mine = [s for s in found.sources if s.article_id == article_id]
            toll = toll_range(article.paragraphs, [(s.start, s.end) for s in mine], event.fatalities)
            toll_text = None
            if toll is not None:
                toll_text = "".join(
                    text[max(toll[0] - offset, 0) : max(toll[1] - offset, 0)]
                    for offset, text in article.paragraphs
                ).strip()
            quotes.append(
                Quote(
                    article.title,
                    article.doc_name,
                    article.published,
                    [s.sentence for s in mine],
                    toll_text or None,
                )
            )
    return Lethal(event, quotes)


def _partners(store: Store, period: Period, focus: str) -> tuple[list[Partner], int]:
    """The focus country's partners by number of interactions, with each side's counts and types."""
    sides: dict[str, Counter[str]] = {"cooperation": Counter(), "conflict": Counter()}
    types: dict[str, Counter[str]] = {}
    acted: Counter[str] = Counter()
    count = 0
    for item in list_interactions(store, InteractionFilter(party=focus, start=period.start, end=period.end)):
        count += 1
        other = item.party2 if item.party1 == focus else item.party1
        sides["cooperation" if (quad_class(item.type) or "").endswith("cooperation") else "conflict"][
            other
        ] += 1
        types.setdefault(other, Counter())[item.type] += 1
        acted[other] += item.source_party == focus
    partners = [
        Partner(
            code,
            sides["cooperation"][code],
            sides["conflict"][code],
            dict(types[code].most_common()),
            acted[code],
        )
        for code in types
    ]
    return sorted(partners, key=lambda p: (-(p.cooperation + p.conflict), p.code)), count
