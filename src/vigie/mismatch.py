"""Mismatches: predicted and gold records that scoring did not pair, with the reason (`vigie eval --errors`).

Each missed gold record (and each spurious prediction) is set beside its nearest counterpart in
the same document, and the criteria of FORMAT.md's scoring that fail are named: the event type,
the date (more than a day apart), the place (another name, more than 25 km away), the parties.
Matched pairs whose other fields differ (publication date, kind, actors, toll) are listed too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from rapidfuzz import fuzz

from vigie.score import (
    Locate,
    Paired,
    Record,
    days_apart,
    interaction_pairs,
    match_articles,
    match_events,
    match_interactions,
    places_agree,
)

T = TypeVar("T")

Side = Literal["missed", "spurious", "differs"]
ItemKind = Literal["article", "event", "interaction"]
EVENT_FIELDS = ("sub_event_type", "actor1", "actor2", "fatalities", "date", "location")
ARTICLE_FIELDS = ("published", "kind", "author")


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One record scoring could not pair (or a pair whose fields differ), and why."""

    doc: str
    kind: ItemKind
    side: Side  # missed: in the gold only; spurious: predicted only; differs: paired, fields differ
    item: str  # the record in one line
    reason: str
    evidence: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "kind": self.kind,
            "side": self.side,
            "item": self.item,
            "reason": self.reason,
            "evidence": self.evidence,
        }


def find_mismatches(
    gold: Iterable[Record], predicted: Iterable[Record], locate: Locate | None = None
) -> list[Mismatch]:
    """Every record of every gold document that scoring leaves unpaired, and every prediction."""
    by_doc = {record["doc"]: record for record in predicted}
    out: list[Mismatch] = []
    for gold_record in gold:
        doc = gold_record["doc"]
        mine = by_doc.get(doc, {"articles": [], "events": [], "interactions": []})
        out += _articles(doc, gold_record["articles"], mine["articles"])
        out += _events(doc, gold_record["events"], mine["events"], locate)
        out += _interactions(doc, gold_record["interactions"], mine["interactions"])
    return out


def describe_article(article: Record) -> str:
    """An article in one line.

    >>> describe_article({"title": "Kidal : un camp attaqué", "published": "2024-08-01", "kind": "full", "first_words": "Des hommes"})
    "full 2024-08-01 'Kidal : un camp attaqué'"
    """
    title = article.get("title")
    shown = repr(title) if title else f"(untitled) {article.get('first_words', '')!r}"
    return f"{article.get('kind')} {article.get('published') or '-'} {shown}"


def describe_event(event: Record) -> str:
    """An event in one line: date, type, place, actors, toll."""
    toll = event.get("fatalities")
    return (
        f"{event.get('date') or '-'} {event.get('event_type')}/{event.get('sub_event_type')} at "
        f"{event.get('location')} ({event.get('admin1')}, precision {event.get('geo_precision')}); "
        f"{event.get('actor1')} vs {event.get('actor2')}; fatalities {toll if toll is not None else '-'}"
    )


def describe_interaction(item: Record) -> str:
    """An interaction in one line: date, type, parties."""
    return f"{item.get('date') or '-'} {item.get('type')} {'-'.join(item.get('parties', []))}"


def _articles(doc: str, gold: list[Record], mine: list[Record]) -> list[Mismatch]:
    matches = match_articles(gold, mine)
    out = [
        Mismatch(
            doc,
            "article",
            "differs",
            describe_article(gold[g]),
            "; ".join(f"{name} {mine[m].get(name)!r}, gold {gold[g].get(name)!r}" for name in fields),
            None,
        )
        for g, m in matches
        if (
            fields := [
                name for name in ARTICLE_FIELDS if _space(gold[g].get(name)) != _space(mine[m].get(name))
            ]
        )
    ]
    for side, record, others in _unpaired(gold, mine, matches):
        nearest = max(others, key=lambda other: _title_ratio(record, other), default=None)
        reason = (
            f"nearest: {describe_article(nearest)} (ratio {_title_ratio(record, nearest):.0f})"
            if nearest is not None
            else "no article on the other side"
        )
        out.append(Mismatch(doc, "article", side, describe_article(record), reason, None))  # type: ignore[arg-type]
    return out


def _title_ratio(a: Record, b: Record) -> float:
    return float(
        fuzz.ratio(
            _space(a.get("title") or a.get("first_words")).lower(),
            _space(b.get("title") or b.get("first_words")).lower(),
        )
    )


def _space(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _events(doc: str, gold: list[Record], mine: list[Record], locate: Locate | None) -> list[Mismatch]:
    matches = match_events(gold, mine, locate)
    out = []
    for g, m in matches:
        fields = [name for name in EVENT_FIELDS if gold[g].get(name) != mine[m].get(name)]
        if fields:
            reason = "; ".join(f"{name} {mine[m].get(name)!r}, gold {gold[g].get(name)!r}" for name in fields)
            out.append(
                Mismatch(doc, "event", "differs", describe_event(gold[g]), reason, gold[g].get("evidence"))
            )
    for side, record, others in _unpaired(gold, mine, matches):
        failing = [(_event_failures(record, other, locate), other) for other in others]
        reason = "nothing on the other side"
        if failing:
            failures, nearest = min(failing, key=lambda item: len(item[0]))
            reason = f"nearest: {describe_event(nearest)} — " + ", ".join(failures)
        out.append(Mismatch(doc, "event", side, describe_event(record), reason, record.get("evidence")))  # type: ignore[arg-type]
    return out


def _event_failures(a: Record, b: Record, locate: Locate | None) -> list[str]:
    """The scoring criteria two events fail: type, date, place."""
    failures = []
    if a.get("event_type") != b.get("event_type"):
        failures.append("type differs")
    days = days_apart(a.get("date"), b.get("date"))
    if days is None:
        failures.append("one date is null")
    elif days > 1:
        failures.append(f"dates {days} days apart")
    if not places_agree(a, b, locate) and not places_agree(b, a, locate):
        failures.append("places differ")
    return failures


def _interactions(doc: str, gold: list[Record], mine: list[Record]) -> list[Mismatch]:
    gold_items = interaction_pairs(gold)
    mine_items = interaction_pairs(mine)
    matches = match_interactions(gold_items, mine_items)
    out = []
    for g, m in matches:
        if gold_items[g][0].get("date") != mine_items[m][0].get("date"):
            reason = f"date {mine_items[m][0].get('date')!r}, gold {gold_items[g][0].get('date')!r}"
            out.append(
                Mismatch(
                    doc,
                    "interaction",
                    "differs",
                    _paired(gold_items[g]),
                    reason,
                    gold_items[g][0].get("evidence"),
                )
            )
    for side, item, others in _unpaired(gold_items, mine_items, matches):
        failing = [(_interaction_failures(item, other), other) for other in others]
        reason = "nothing on the other side"
        if failing:
            failures, nearest = min(failing, key=lambda pair: len(pair[0]))
            reason = f"nearest: {_paired(nearest)} — " + ", ".join(failures)
        out.append(Mismatch(doc, "interaction", side, _paired(item), reason, item[0].get("evidence")))  # type: ignore[arg-type]
    return out


def _unpaired(
    gold: list[T], mine: list[T], matches: list[tuple[int, int]]
) -> Iterator[tuple[str, T, list[T]]]:
    """The items that found no counterpart: ("missed", a gold item, every predicted one), then
    ("spurious", a predicted item, every gold one)."""
    paired_gold = {g for g, _ in matches}
    paired_mine = {m for _, m in matches}
    for side, items, others, paired in (
        ("missed", gold, mine, paired_gold),
        ("spurious", mine, gold, paired_mine),
    ):
        for index, item in enumerate(items):
            if index not in paired:
                yield side, item, others


def _paired(item: Paired) -> str:
    record, pair = item
    return f"{record.get('date') or '-'} {record.get('type')} {pair[0]}-{pair[1]}"


def _interaction_failures(a: Paired, b: Paired) -> list[str]:
    failures = []
    if a[0].get("type") != b[0].get("type"):
        failures.append("type differs")
    if a[1] != b[1]:
        failures.append("parties differ")
    days = days_apart(a[0].get("date"), b[0].get("date"))
    if days is None:
        failures.append("one date is null")
    elif days > 1:
        failures.append(f"dates {days} days apart")
    return failures
