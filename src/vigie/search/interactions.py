"""Interaction queries: an InteractionFilter -> pages of PLOVER interactions and counts per pair of parties."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, union_all

from vigie.plover import QuadClass, quad_class
from vigie.store import Store
from vigie.store.schema import InteractionRow


@dataclass(frozen=True, slots=True)
class InteractionFilter:
    """Which interactions: every field left at None does not filter."""

    party: str | None = None  # either party, exactly ("MLI", "ECOWAS")
    type: str | None = None
    start: date | None = None
    end: date | None = None
    source: str | None = None  # who acts, exactly (an interaction stored without direction: party1)
    target: str | None = None  # who is acted upon (without direction: party2)
    types: tuple[str, ...] = ()  # any of these PLOVER types (a quad class's types)


@dataclass(frozen=True, slots=True)
class InteractionView:
    """One interaction as listed: the sorted pair, who acted on whom (None when stored before
    migration 0012) and the type's PLOVER quad class."""

    id: int
    date: str | None
    type: str
    party1: str
    party2: str
    source_party: str | None
    target_party: str | None
    quad_class: QuadClass | None
    location: str | None
    latitude: float | None
    longitude: float | None
    evidence: str


@dataclass(frozen=True, slots=True)
class InteractionPage:
    items: list[InteractionView]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class PairCount:
    """How many interactions of one type two parties had (the pair in alphabetical order)."""

    party1: str
    party2: str
    type: str
    count: int


@dataclass(frozen=True, slots=True)
class DirectedCount:
    """How many interactions of one type a party had towards another (who acts first)."""

    source: str
    target: str
    type: str
    count: int


@dataclass(frozen=True, slots=True)
class PartyCount:
    name: str
    count: int


def find_interactions(
    store: Store, filters: InteractionFilter, limit: int = 50, offset: int = 0
) -> InteractionPage:
    """One page of the matching interactions, newest first, with how many match in all."""
    where = _conditions(filters)
    with store.engine.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(InteractionRow).where(*where)) or 0
        rows = connection.execute(_ordered(where).limit(limit).offset(offset)).all()
    return InteractionPage([_view(row._mapping) for row in rows], total, limit, offset)


def list_interactions(store: Store, filters: InteractionFilter) -> Iterator[InteractionView]:
    """Every matching interaction, newest first (for downloads)."""
    with store.engine.connect() as connection:
        for row in connection.execute(_ordered(_conditions(filters))):
            yield _view(row._mapping)


def pair_counts(store: Store, filters: InteractionFilter) -> list[PairCount]:
    """Interactions per pair of parties and type: the cooperation matrix."""
    statement = (
        select(InteractionRow.party1, InteractionRow.party2, InteractionRow.type, func.count().label("n"))
        .where(*_conditions(filters))
        .group_by(InteractionRow.party1, InteractionRow.party2, InteractionRow.type)
    )
    counts: dict[tuple[str, str, str], int] = {}
    with store.engine.connect() as connection:
        for row in connection.execute(statement):
            first, second = sorted((row.party1, row.party2))
            key = (first, second, row.type)
            counts[key] = counts.get(key, 0) + row.n
    return [PairCount(a, b, kind, n) for (a, b, kind), n in sorted(counts.items())]


def directed_counts(store: Store, filters: InteractionFilter) -> list[DirectedCount]:
    """Interactions per (who acts, towards whom, type); without a stored direction, party1 -> party2."""
    source, target = _source(), _target()
    statement = (
        select(source.label("source"), target.label("target"), InteractionRow.type, func.count().label("n"))
        .where(*_conditions(filters))
        .group_by(source, target, InteractionRow.type)
        .order_by(source, target, InteractionRow.type)
    )
    with store.engine.connect() as connection:
        return [
            DirectedCount(row.source, row.target, row.type, row.n) for row in connection.execute(statement)
        ]


def count_parties(store: Store, filters: InteractionFilter) -> list[PartyCount]:
    """Countries and organisations of the matching interactions, by number of interactions."""
    where = _conditions(filters)
    both = union_all(
        select(InteractionRow.party1.label("name")).where(*where),
        select(InteractionRow.party2.label("name")).where(*where),
    ).subquery()
    statement = (
        select(both.c.name, func.count().label("n"))
        .group_by(both.c.name)
        .order_by(func.count().desc(), both.c.name)
    )
    with store.engine.connect() as connection:
        return [PartyCount(row.name, row.n) for row in connection.execute(statement)]


def _conditions(filters: InteractionFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if filters.party:
        where.append(or_(InteractionRow.party1 == filters.party, InteractionRow.party2 == filters.party))
    if filters.type:
        where.append(InteractionRow.type == filters.type)
    if filters.start is not None:
        where.append(InteractionRow.interaction_date >= filters.start)
    if filters.end is not None:
        where.append(InteractionRow.interaction_date <= filters.end)
    if filters.source:
        where.append(_source() == filters.source)
    if filters.target:
        where.append(_target() == filters.target)
    if filters.types:
        where.append(InteractionRow.type.in_(filters.types))
    return where


def _source() -> ColumnElement[str]:
    return func.coalesce(InteractionRow.source_party, InteractionRow.party1)


def _target() -> ColumnElement[str]:
    return func.coalesce(InteractionRow.target_party, InteractionRow.party2)


def _ordered(where: list[ColumnElement[bool]]) -> Any:
    return (
        select(InteractionRow)
        .where(*where)
        .order_by(InteractionRow.interaction_date.desc().nulls_last(), InteractionRow.id.desc())
    )


def _view(row: Any) -> InteractionView:
    day = row["interaction_date"]
    return InteractionView(
        id=row["id"],
        date=day.isoformat() if day is not None else None,
        type=row["type"],
        party1=row["party1"],
        party2=row["party2"],
        source_party=row["source_party"],
        target_party=row["target_party"],
        quad_class=quad_class(row["type"]),
        location=row["location"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        evidence=row["evidence"],
    )
