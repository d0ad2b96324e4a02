"""Store, places: user places (the `places` table), place names met (`toponyms`), and re-geocoding.

`vigie places --unresolved` lists the names the gazetteer did not know; `vigie places add` stores
the user's places, after which `regeocode` places the stored events and interactions that named
them and marks their names resolved, so nothing needs to be ingested again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from vigie.errors import StoreError
from vigie.geo import PATTERNS, Gazetteer, fold_name, loose_key
from vigie.geo.user import region_2023
from vigie.records import Place
from vigie.store import Store, country_names
from vigie.store.schema import EventRow, InteractionRow, PlaceRow, ToponymRow


@dataclass(frozen=True, slots=True)
class UnresolvedName:
    """A place name the gazetteer did not know, how often it was met, and sentences it was met in."""

    name: str
    count: int
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Regeocoded:
    """What re-geocoding changed: names now resolved, events and interactions now placed."""

    toponyms: int
    events: int
    interactions: int


def user_places(store: Store) -> list[Place]:
    """The places users added, oldest first; source_id "user:<id>". The `places` table keeps the
    region before 2023; the 2023 one comes from the cercle (admin2)."""
    with Session(store.engine) as session:
        rows = list(session.scalars(select(PlaceRow).order_by(PlaceRow.id)))
    return [
        Place(
            name=row.name,
            latitude=row.latitude,
            longitude=row.longitude,
            country=row.country,
            admin1=row.admin1,
            admin1_2023=region_2023(row.admin1, row.admin2) if row.country == "MLI" else None,
            admin2=row.admin2,
            admin3=row.admin3,
            geo_precision=PATTERNS.precision_of(row.feature_class or "P", ""),
            feature_class=row.feature_class or "P",
            population=row.population or 0,
            source_id=f"user:{row.id}",
        )
        for row in rows
    ]


def add_places(store: Store, places: Sequence[Place], source: str) -> list[Place]:
    """Store places in one transaction; a place of the same name and country replaces the older one.
    Returns them with their ids ("user:12")."""
    added: list[Place] = []
    try:
        with store.engine.begin() as connection:
            for place in places:
                key = fold_name(place.name)
                connection.execute(
                    delete(PlaceRow).where(PlaceRow.name_key == key, PlaceRow.country == place.country)
                )
                values = {
                    "name": place.name, "name_key": key, "latitude": place.latitude,
                    "longitude": place.longitude, "feature_class": place.feature_class,
                    "population": place.population, "country": place.country, "admin1": place.admin1,
                    "admin2": place.admin2, "admin3": place.admin3, "source": source[:40],
                }  # fmt: skip
                result = connection.execute(insert(PlaceRow).values(values))
                key_id = result.inserted_primary_key
                added.append(replace(place, source_id=f"user:{key_id[0] if key_id else ''}"))
    except SQLAlchemyError as err:
        raise StoreError(f"cannot store the places of {source}: {err}") from err
    return added


def unresolved_names(store: Store, examples: int = 2, limit: int | None = None) -> list[UnresolvedName]:
    """Names met but not known, most frequent first, with up to `examples` distinct sentences each."""
    count = func.count().label("count")
    query = (
        select(ToponymRow.name_key, func.min(ToponymRow.name).label("name"), count)
        .where(ToponymRow.resolved.is_(False))
        .group_by(ToponymRow.name_key)
        .order_by(count.desc(), ToponymRow.name_key)
    )
    if limit is not None:
        query = query.limit(limit)
    found: list[UnresolvedName] = []
    with Session(store.engine) as session:
        for key, name, times in session.execute(query).all():
            sentences = session.scalars(
                select(ToponymRow.sentence)
                .where(ToponymRow.name_key == key, ToponymRow.resolved.is_(False))
                .order_by(ToponymRow.id)
            )
            distinct = tuple(dict.fromkeys(" ".join(s.split()) for s in sentences))[:examples]
            found.append(UnresolvedName(name, int(times), distinct))
    return found


def regeocode(store: Store, gazetteer: Gazetteer, names: Sequence[str]) -> Regeocoded:
    """Resolve again the stored names, events and interactions that may name one of `names` (the
    places just added, spelling variants included): unresolved names now known are marked
    resolved; events and interactions that now resolve to a user place take its coordinates and
    regions. One transaction."""
    keys = {fold_name(name) for name in names}
    loose = {loose_key(key) for key in keys}

    def concerned(name: str | None) -> bool:
        key = fold_name(name or "")
        return key in keys or loose_key(key) in loose

    toponyms = events = interactions = 0
    try:
        with Session(store.engine) as session, session.begin():
            for row in session.scalars(select(ToponymRow).where(ToponymRow.resolved.is_(False))):
                if concerned(row.name) and gazetteer.lookup(row.name, row.sentence).known:
                    row.resolved = True
                    toponyms += 1
            for event in session.scalars(select(EventRow).where(EventRow.location.is_not(None))):
                if concerned(event.location):
                    place = _user_place(gazetteer, event.location or "", event.evidence)
                    if place is not None:
                        _place_event(session, event.id, place)
                        events += 1
            for told in session.scalars(select(InteractionRow).where(InteractionRow.location.is_not(None))):
                if concerned(told.location):
                    place = _user_place(gazetteer, told.location or "", told.evidence)
                    if place is not None:
                        session.execute(
                            update(InteractionRow)
                            .where(InteractionRow.id == told.id)
                            .values(latitude=place.latitude, longitude=place.longitude)
                        )
                        interactions += 1
    except SQLAlchemyError as err:
        raise StoreError(f"cannot re-geocode the stored events: {err}") from err
    return Regeocoded(toponyms, events, interactions)


def _user_place(gazetteer: Gazetteer, name: str, sentence: str) -> Place | None:
    """The user place a stored name now resolves to in its sentence, if it is one."""
    found = gazetteer.lookup(name, sentence)
    if found.known and found.place is not None and found.place.source_id.startswith("user:"):
        return found.place
    return None


def _place_event(session: Session, event_id: int, place: Place) -> None:
    session.execute(
        update(EventRow)
        .where(EventRow.id == event_id)
        .values(
            country=country_names().get(place.country, place.country),
            iso=place.country,
            admin1=place.admin1,
            admin2=place.admin2,
            admin3=place.admin3,
            latitude=place.latitude,
            longitude=place.longitude,
            geo_precision=place.geo_precision,
        )
    )
