"""Events stage: an analysed article -> security events (ACLED) and interactions (PLOVER)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from vigie.events.diplomacy import DiplomacyRules
from vigie.events.lexicon import fold_text
from vigie.events.security import Locate, SecurityRules
from vigie.nlp import Analysis
from vigie.records import Article, Event, Extraction, Interaction


class Extractor:
    """The loaded rule sets of both taxonomies; calling it does no I/O."""

    def __init__(self, security: SecurityRules, diplomacy: DiplomacyRules) -> None:
        self.security = security
        self.diplomacy = diplomacy

    @classmethod
    def load(cls) -> Extractor:
        """Read the lexicons of events/patterns."""
        return cls(SecurityRules(), DiplomacyRules())

    def __call__(
        self, article: Article, analysis: Analysis, locate: Locate | None, reference_year: int | None = None
    ) -> Extraction:
        """Events and interactions of one article; `reference_year` dates day-months of undated pages."""
        events = self.security.extract(article, analysis, locate, reference_year)
        interactions = self.diplomacy.extract(article, analysis, reference_year)
        return Extraction(tuple(events), tuple(interactions))


def merge_events(events: Iterable[Event]) -> list[Event]:
    """One event per type, place and day: later mentions add their evidence to the first one."""
    merged: dict[tuple[str, str, date | None], Event] = {}
    for event in events:
        key = (event.event_type, fold_text(event.location or ""), event.date)
        first = merged.get(key)
        if first is None:
            merged[key] = event
            continue
        merged[key] = replace(
            first,
            evidence=first.evidence + tuple(e for e in event.evidence if e not in first.evidence),
            fatalities=first.fatalities if first.fatalities is not None else event.fatalities,
        )
    return list(merged.values())


def merge_interactions(interactions: Iterable[Interaction]) -> list[Interaction]:
    """One interaction per type, pair of parties and day."""
    merged: dict[tuple[str, tuple[str, str], date | None], Interaction] = {}
    for item in interactions:
        key = (item.type, item.parties, item.date)
        first = merged.get(key)
        if first is None:
            merged[key] = item
        else:
            extra = tuple(e for e in item.evidence if e not in first.evidence)
            merged[key] = replace(first, evidence=first.evidence + extra)
    return list(merged.values())
