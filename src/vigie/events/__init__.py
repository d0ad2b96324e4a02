"""Events stage: an analysed article -> security events (ACLED) and interactions (PLOVER)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from vigie.events.confidence import Seen
from vigie.events.context import HOME, Timeline, article_country, day_of, page_country
from vigie.events.diplomacy import DiplomacyRules, merge_interactions
from vigie.events.lexicon import fold_text, load_parties
from vigie.events.reports import NEAR_KM, distinct_events
from vigie.events.security import SecurityRules
from vigie.events.siting import Locate
from vigie.geo import distance_km
from vigie.nlp import Analysis
from vigie.records import Article, Event, Extraction, Place

__all__ = ["Extractor", "merge_events", "merge_interactions", "same_area"]

UNIDENTIFIED = "Unidentified Armed Group"
Spot = tuple[int, str | None, float, float]  # geo precision, admin1, latitude, longitude


class Extractor:
    """The loaded rule sets of both taxonomies; calling it does no I/O."""

    def __init__(self, security: SecurityRules, diplomacy: DiplomacyRules) -> None:
        self.security = security
        self.diplomacy = diplomacy
        self.parties = load_parties()[0]

    @classmethod
    def load(cls) -> Extractor:
        """Read the lexicons of events/patterns."""
        return cls(SecurityRules(), DiplomacyRules())

    def page_country(self, text: str) -> str:
        """The country of a page (see `context.page_country`)."""
        return page_country(text, self.parties)

    def __call__(
        self,
        article: Article,
        analysis: Analysis,
        locate: Locate | None,
        reference_year: int | None = None,
        home: str = HOME,
    ) -> Extraction:
        """Events and interactions of one article; `reference_year` dates day-months of undated pages,
        `home` is the country of its page."""
        timeline, country = self._context(article, analysis, reference_year, home)
        events = self.security.extract(article, analysis, locate, timeline, country, reference_year)
        interactions = self.diplomacy.extract(article, analysis, timeline, country, reference_year)
        return Extraction(tuple(events), tuple(interactions))

    def candidates(
        self,
        article: Article,
        analysis: Analysis,
        locate: Locate | None,
        reference_year: int | None = None,
        home: str = HOME,
    ) -> list[tuple[Event, Seen]]:
        """Every event the rules find in one article before the event filter, with what they knew
        of each (for `scripts/train_event_filter.py`)."""
        timeline, country = self._context(article, analysis, reference_year, home)
        return self.security.candidates(article, analysis, locate, timeline, country, reference_year)

    def _context(
        self, article: Article, analysis: Analysis, reference_year: int | None, home: str
    ) -> tuple[Timeline, str]:
        """The dates of an article's sentences and the country it is about."""
        timeline = Timeline(list(analysis.sentences), day_of(article.published), reference_year)
        return timeline, article_country(article.title, home, self.parties)


def merge_events(events: Iterable[Event]) -> list[Event]:
    """One event per type, place and day: later mentions add their evidence to the first one.

    Two reports of one type and day merge when they name the same place, or when one of them is
    only near a place ("à la sortie est de Bamako") within 25 km of the other's; a region-only
    report disappears into a precise one of the same type, day and region. A report dated only
    roughly ("a rendu public vendredi le bilan d'une opération", "du 23 au 31 mars") joins the
    report of the same type in the same region, and the earliest day is kept.
    """
    merged: list[Event] = []
    for event in events:
        for i, kept in enumerate(merged):
            if kept.event_type != event.event_type or distinct_events(kept, event):
                continue
            if kept.date == event.date and _same_place(kept, event):
                merged[i] = _combine(kept, event)
                break
            if _rough_same(kept, event):
                first, other = (kept, event) if _day_order(kept) <= _day_order(event) else (event, kept)
                # "la semaine dernière" … "dans la nuit du jeudi 3 au vendredi 4": that day
                day = other if _within_week(other, first) else first
                merged[i] = replace(_combine(first, other), date=day.date, date_precision=day.date_precision)
                break
        else:
            merged.append(event)
    return merged


def _rough_same(a: Event, b: Event) -> bool:
    """One event told twice, once with a rough date: same region, one date week- or month-precise."""
    if max(a.date_precision, b.date_precision) == 1 or a.place is None or b.place is None:
        return False
    if a.place.geo_precision == b.place.geo_precision == 1 and a.place.source_id != b.place.source_id:
        return False  # two towns each named as the place: two events, whatever their dates
    if a.date is not None and b.date is not None and abs((a.date - b.date).days) > 31:
        return False  # "En janvier 2018, …" told in a piece of September 2019: an earlier event
    return a.place.admin1 is not None and a.place.admin1 == b.place.admin1


def _within_week(day: Event, week: Event) -> bool:
    """A day-precise report inside the week a week-precise one names: the day is the event's."""
    if day.date is None or week.date is None or day.date_precision != 1 or week.date_precision != 2:
        return False
    return 0 <= (day.date - week.date).days <= 6


def _day_order(event: Event) -> date:
    return event.date or date.max


def _same_place(a: Event, b: Event) -> bool:
    if (
        _placed_by_context(a)
        and _placed_by_context(b)
        and fold_text(a.location or "") != fold_text(b.location or "")
    ):
        return False  # "Daoutegeft et Dirga", unknown villages both placed at their cercle: two places
    if a.place is None or b.place is None:
        return _place_key(a) == _place_key(b)
    if (
        fold_text(a.location or "") != fold_text(b.location or "")
        and sorted((a.place.geo_precision, b.place.geo_precision)) == [1, 2]
        and _placed_by_context(a if a.place.geo_precision == 2 else b)
    ):
        return False  # "Tiboulkoum, une localité voisine de Djibo", placed near Djibo, is not Djibo
    if _place_key(a) == _place_key(b):
        return True
    if _within_area(a.place, b.place) or _within_area(b.place, a.place):
        return True  # "l'attaque survenue dans la province de l'Oudalan" and "à Dambam": one event
    return same_area(
        (a.place.geo_precision, a.place.admin1, a.place.latitude, a.place.longitude),
        (b.place.geo_precision, b.place.admin1, b.place.latitude, b.place.longitude),
    )


def _within_area(place: Place, area: Place) -> bool:
    """Whether a precise place lies in a cercle, province or department that another report is
    placed by (precision 2, an administrative area): the same event told at two scales, as a
    region-only report is (`same_area`)."""
    return (
        area.feature_class == "A"
        and area.geo_precision == 2
        and area.admin2 is not None
        and place.feature_class != "A"
        and place.admin2 == area.admin2
        and place.country == area.country
    )


def same_area(a: Spot, b: Spot) -> bool:
    """Whether two placed reports of one event type and day are at one place: the same region when
    either is known only by its region, never two exact places (two villages side by side are two
    events), else within 25 km.

    >>> same_area((2, "Mopti", 14.4, -4.2), (1, "Mopti", 14.45, -4.25)), same_area((1, "Gao", 15.1, 0.7), (1, "Gao", 15.2, 0.7))
    (True, False)
    """
    precision = max(a[0], b[0])
    if precision == 3:
        return a[1] is not None and a[1] == b[1]
    if precision == 1:
        return False
    return distance_km((a[2], a[3]), (b[2], b[3])) <= NEAR_KM


def _placed_by_context(event: Event) -> bool:
    """A name the gazetteer does not know, placed at the cercle or region its sentence names."""
    return event.place is not None and fold_text(event.place.name) != fold_text(event.location or "")


def _place_key(event: Event) -> str:
    if event.place is not None and event.place.geo_precision < 3:
        return event.place.source_id
    return fold_text(event.location or "")


def _combine(first: Event, other: Event) -> Event:
    """The more precise place, every piece of evidence, the first toll given."""
    keep, drop = (other, first) if _precision(other) < _precision(first) else (first, other)
    actor1 = first.actor1 if first.actor1 != UNIDENTIFIED else other.actor1
    return replace(
        keep,
        evidence=first.evidence + tuple(e for e in other.evidence if e not in first.evidence),
        fatalities=first.fatalities if first.fatalities is not None else other.fatalities,
        actor1=actor1 if actor1 != keep.actor2 else first.actor1,  # no actor acts on itself
    )


def _precision(event: Event) -> float:
    """ACLED precision, and an area told by its own name ("dans la province de l'Oudalan") after a
    village placed in it ("Dambam", in the Oudalan): the village names the place."""
    if event.place is None:
        return 4
    named_area = event.place.feature_class == "A" and not _placed_by_context(event)
    return event.place.geo_precision + (0.5 if named_area else 0)
