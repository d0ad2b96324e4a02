"""Export, events: stored events -> rows with ACLED's columns, in ACLED's order and vocabulary.

A script written for an ACLED download (CSV or API) reads these rows unchanged: numeric
`inter1`/`inter2`/`interaction` codes, numeric `iso`, `disorder_type`, `civilian_targeting`,
`region`, `source`/`source_scale` from the outlets of data/acled_export.toml. Two columns are
ours: `event_id_cnty` is the country's ISO3 code and the event's id in the database ("MLI12"),
stable from one export to the next; `notes` is a French summary that quotes the evidence.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from vigie.events.lexicon import load_actors
from vigie.store.events import StoredEvent, StoredSource

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
# Parquet type of each non-string ACLED column (see writers.write_parquet)
ACLED_TYPES = {
    "year": "int32", "time_precision": "int32", "inter1": "int32", "inter2": "int32",
    "interaction": "int32", "iso": "int32", "latitude": "float64", "longitude": "float64",
    "geo_precision": "int32", "fatalities": "int64", "timestamp": "int64",
}  # fmt: skip
DEFAULT_ISO = "MLI"  # an event the gazetteer could not place is numbered as Mali's, Vigie's coverage
CIVILIANS = "Civilians"
OTHER = "Other"
SPACES = re.compile(r"\s+")  # the evidence on one line: "attaqué\nle poste" -> "attaqué le poste"


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    scale: str
    match: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """data/acled_export.toml and the actors' inter codes, loaded once."""

    region: str
    demonstration_tags: str
    iso_numeric: dict[str, int]
    disorder_by_event: dict[str, str]
    disorder_by_sub_event: dict[str, str]
    demonstrator_inter: dict[str, int]
    sub_event_fr: dict[str, str]
    months: tuple[str, ...]
    fatalities: str
    no_fatalities: str
    outlets: tuple[Outlet, ...]
    inter: dict[str, int]  # canonical actor -> ACLED inter code (events/patterns/actors.toml)

    @classmethod
    def load(cls) -> Vocabulary:
        text = resources.files("vigie.data").joinpath("acled_export.toml").read_text(encoding="utf-8")
        table: dict[str, Any] = tomllib.loads(text)
        french = table["french"]
        return cls(
            region=table["region"],
            demonstration_tags=table["demonstration_tags"],
            iso_numeric=dict(table["iso_numeric"]),
            disorder_by_event=dict(table["disorder_by_event"]),
            disorder_by_sub_event=dict(table["disorder_by_sub_event"]),
            demonstrator_inter=dict(table["demonstrator_inter"]),
            sub_event_fr=dict(table["sub_event_fr"]),
            months=tuple(french["months"]),
            fatalities=french["fatalities"],
            no_fatalities=french["no_fatalities"],
            outlets=tuple(Outlet(o["name"], o["scale"], tuple(o["match"])) for o in table["outlet"]),
            inter=load_actors().inter,
        )

    def outlet_of(self, source: StoredSource) -> Outlet | None:
        """The outlet a document comes from, by a word of its path or URL."""
        where = f"{source.source} {source.document}".lower()
        return next((o for o in self.outlets if any(word in where for word in o.match)), None)

    def french_date(self, day: date) -> str:
        """A day as French writes it.

        >>> Vocabulary.load().french_date(date(2023, 9, 1))
        '1er septembre 2023'
        """
        number = "1er" if day.day == 1 else str(day.day)
        return f"{number} {self.months[day.month - 1]} {day.year}"


_VOCABULARY: list[Vocabulary] = []


def vocabulary() -> Vocabulary:
    """The export vocabulary, read on first use."""
    if not _VOCABULARY:
        _VOCABULARY.append(Vocabulary.load())
    return _VOCABULARY[0]


def event_rows(events: Iterable[StoredEvent], words: Vocabulary | None = None) -> Iterator[dict[str, Any]]:
    """One row per stored event, keys ACLED_COLUMNS in order (None for an empty cell)."""
    words = words or vocabulary()
    for event in events:
        yield event_row(event, words)


def event_row(event: StoredEvent, words: Vocabulary) -> dict[str, Any]:
    """ACLED's columns for one stored event."""
    inter1 = _inter(event.actor1, event.event_type, words)
    inter2 = _inter(event.actor2, event.event_type, words) if event.actor2 else 0
    outlets = _outlets(event.sources, words)
    stamps = [s.ingested_at.timestamp() for s in event.sources if s.ingested_at is not None]
    demonstration = event.event_type in {"Protests", "Riots"}
    return {
        "event_id_cnty": f"{event.iso or DEFAULT_ISO}{event.id}",
        "event_date": event.date.isoformat() if event.date else None,
        "year": event.date.year if event.date else None,
        "time_precision": event.time_precision,
        "disorder_type": words.disorder_by_sub_event.get(
            event.sub_event_type, words.disorder_by_event.get(event.event_type)
        ),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": inter2,
        "interaction": interaction_code(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if _targets_civilians(event) else None,
        "iso": words.iso_numeric.get(event.iso) if event.iso else None,
        "region": words.region,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": "; ".join(name for name, _ in outlets) or None,
        "source_scale": "-".join(dict.fromkeys(scale for _, scale in outlets if scale)) or None,
        "notes": french_note(event, words, [name for name, _ in outlets]),
        "fatalities": event.fatalities,
        "tags": words.demonstration_tags if demonstration else None,
        "timestamp": int(max(stamps)) if stamps else None,
    }


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two inter codes, lower first; a lone actor's code then 0.

    >>> interaction_code(2, 1), interaction_code(1, 7), interaction_code(3, 0)
    (12, 17, 30)
    """
    if not inter2 or not inter1:
        return max(inter1, inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def french_note(event: StoredEvent, words: Vocabulary, outlets: list[str]) -> str:
    """One line in French: date, place, what happened, toll, then the evidence quoted and its outlet.

    >>> from vigie.store.events import StoredEvent
    >>> event = StoredEvent(
    ...     1, date(2019, 3, 23), 1, "Violence against civilians", "Attack", "Dozo militia", None,
    ...     "Civilians", None, "Ogossagou", "Mali", "MLI", "Mopti", "Bankass", None, 14.27, -3.31, 1,
    ...     160, "Des hommes armés ont attaqué\\nle village d’Ogossagou.", ())
    >>> french_note(event, vocabulary(), ["Studio Tamani"])
    'Le 23 mars 2019, à Ogossagou (Mopti) : attaque (Dozo militia contre Civilians), bilan : 160 mort(s). « Des hommes armés ont attaqué le village d’Ogossagou. » (Studio Tamani)'
    """
    parts = []
    if event.date is not None:
        parts.append(f"Le {words.french_date(event.date)}")
    if event.location:
        area = f" ({event.admin1})" if event.admin1 and event.admin1 != event.location else ""
        parts.append(f"à {event.location}{area}")
    head = ", ".join(parts)
    what = words.sub_event_fr.get(event.sub_event_type, event.sub_event_type)
    sides = f"{event.actor1} contre {event.actor2}" if event.actor2 else event.actor1
    line = f"{head} : {what} ({sides})" if head else f"{what[:1].upper()}{what[1:]} ({sides})"
    if event.fatalities:
        line += ", " + words.fatalities.format(n=event.fatalities)
    elif event.fatalities == 0:
        line += ", " + words.no_fatalities
    quote = SPACES.sub(" ", event.evidence).strip()
    line += f". « {quote} »"
    if outlets:
        line += f" ({', '.join(outlets)})"
    return line


def _inter(actor: str | None, event_type: str, words: Vocabulary) -> int:
    if actor is None:
        return 0
    if actor == OTHER and event_type in words.demonstrator_inter:
        return words.demonstrator_inter[event_type]
    return words.inter.get(actor, 8)


def _targets_civilians(event: StoredEvent) -> bool:
    """ACLED's civilian targeting: violence against civilians, or violence whose target is civilians."""
    if event.event_type == "Violence against civilians":
        return True
    return event.event_type in {"Explosions/Remote violence", "Riots"} and event.actor2 == CIVILIANS


def _outlets(sources: Iterable[StoredSource], words: Vocabulary) -> list[tuple[str, str]]:
    """(name, scale) of each distinct outlet, in source order; an unknown one by its host or file name."""
    found: dict[str, str] = {}
    for source in sources:
        outlet = words.outlet_of(source)
        if outlet is not None:
            found.setdefault(outlet.name, outlet.scale)
        else:
            host = urlsplit(source.source).hostname if "://" in source.source else None
            found.setdefault(host or source.document, "")
    return list(found.items())
