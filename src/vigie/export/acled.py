"""Export, events: stored events -> rows with ACLED's columns, in ACLED's order and vocabulary.

A script written for an ACLED download (CSV or API) reads these rows unchanged: numeric
`inter1`/`inter2`/`interaction` codes (or ACLED's labels and full actor names, `Style.actor_names`),
numeric `iso`, `disorder_type`, `civilian_targeting`, `region`, `source`/`source_scale` from the
outlets of data/acled_export.toml. No row lacks `event_date`, `year`, `country`, `iso` or
`source_scale`: an event the text does not date takes its report's publication day (time precision
3), one the gazetteer could not place is Mali's (Vigie's coverage). Two columns are ours:
`event_id_cnty` is the country's ISO3 code and the event's stable id (vigie.store.ids:
"MLI4821…"), the same in every database that ingested the same documents; `notes` is a French
summary that quotes the evidence. `fatalities` is null where no number is reported (Vigie's
convention: unknown), 0 in ACLED's files (`Style.zero_fatalities`, ACLED's convention).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any, Literal
from urllib.parse import urlsplit

from vigie.events.lexicon import load_actors, load_country_names, read_table
from vigie.export.acled_names import acled_names
from vigie.geo.names import fold_name
from vigie.store import Store
from vigie.store.events import StoredEvent, StoredSource, read_events_by_id

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
    "geo_precision": "int32", "fatalities": "int64", "event_date": "date", "timestamp": "timestamp",
}  # fmt: skip
# With ACLED's labels (--actor-names acled) the inter codes are text
ACLED_NAMED_TYPES = {k: v for k, v in ACLED_TYPES.items() if k not in ("inter1", "inter2", "interaction")}
UNDATED_PRECISION = 3  # ACLED's time precision of a date known to the month or less: the report's day
DEFAULT_ISO = "MLI"  # an event the gazetteer could not place is numbered as Mali's, Vigie's coverage
CIVILIANS = "Civilians"
OTHER = "Other"
SPACES = re.compile(r"\s+")  # the evidence on one line: "attaqué\nle poste" -> "attaqué le poste"


ActorNames = Literal["vigie", "acled"]


@dataclass(frozen=True, slots=True)
class Style:
    """Where ACLED's conventions and Vigie's differ, which the rows follow."""

    zero_fatalities: bool = False  # True: 0 where no number is reported (ACLED); False: null (unknown)
    actor_names: ActorNames = "vigie"  # "acled": full names ("JNIM: Group for Support…") and labels


ACLED_FILE = Style(zero_fatalities=True)  # CSV and Parquet, read by scripts written for ACLED's files


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
    unknown_outlet_scale: str
    inter: dict[str, int]  # canonical actor -> ACLED inter code (events/patterns/actors.toml)
    country_names: dict[str, str]  # ISO3 -> English name (events/patterns/countries.toml)
    country_codes: dict[str, str]  # folded French or English country name -> ISO3: "burkina faso" -> "BFA"

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
            unknown_outlet_scale=table["unknown_outlet_scale"],
            inter=load_actors().inter,
            country_names=load_country_names(),
            country_codes={
                fold_name(name): str(party["code"])
                for party in read_table("countries.toml")["party"]
                if "english" in party
                for name in (*party["names"], party["english"])
            },
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


def event_rows(
    events: Iterable[StoredEvent], words: Vocabulary | None = None, style: Style = Style()
) -> Iterator[dict[str, Any]]:
    """One row per stored event, keys ACLED_COLUMNS in order (None for an empty cell)."""
    words = words or vocabulary()
    for event in events:
        yield event_row(event, words, style)


def event_row(event: StoredEvent, words: Vocabulary, style: Style = Style()) -> dict[str, Any]:
    """ACLED's columns for one stored event."""
    inter1 = _inter(event.actor1, event.event_type, words)
    inter2 = _inter(event.actor2, event.event_type, words) if event.actor2 else 0
    outlets = _outlets(event.sources, words)
    stamps = [s.ingested_at.timestamp() for s in event.sources if s.ingested_at is not None]
    demonstration = event.event_type in {"Protests", "Riots"}
    day, precision = event_day(event)
    # placed by the gazetteer, else a country named as the place ("au Burkina Faso"), else Mali
    iso = event.iso or words.country_codes.get(fold_name(event.location or "")) or DEFAULT_ISO
    country = event.country or words.country_names.get(iso, iso)
    row: dict[str, Any] = {
        "event_id_cnty": f"{iso}{event.id}",
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": precision,
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
        "iso": words.iso_numeric.get(iso),
        "region": words.region,
        "country": country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": "; ".join(name for name, _ in outlets) or None,
        "source_scale": "-".join(dict.fromkeys(scale for _, scale in outlets if scale))
        or words.unknown_outlet_scale,
        "notes": french_note(event, words, [name for name, _ in outlets]),
        "fatalities": 0 if event.fatalities is None and style.zero_fatalities else event.fatalities,
        "tags": words.demonstration_tags if demonstration else None,
        "timestamp": int(max(stamps)) if stamps else None,
    }
    if style.actor_names == "acled":
        names = acled_names()
        row["actor1"] = names.actor(event.actor1, day, country, event.event_type)
        row["actor2"] = names.actor(event.actor2, day, country, event.event_type)
        row["inter1"] = names.inter(inter1)
        row["inter2"] = names.inter(inter2)
        row["interaction"] = names.interaction(inter1, inter2)
    return row


def event_day(event: StoredEvent) -> tuple[date | None, int]:
    """The event's day and ACLED time precision; an undated event takes the day its first report
    was published (or the page captured), at precision 3: ACLED has no undated event."""
    if event.date is not None:
        return event.date, event.time_precision
    days = [source.published for source in event.sources if source.published is not None]
    if not days:
        days = [source.ingested_at.date() for source in event.sources if source.ingested_at is not None]
    return (min(days), UNDATED_PRECISION) if days else (None, event.time_precision)


def notes_by_id(store: Store, ids: Iterable[int]) -> dict[int, str]:
    """The French `notes` of these stored events (the API and the event page show them)."""
    words = vocabulary()
    return {
        event_id: french_note(event, words, [name for name, _ in _outlets(event.sources, words)])
        for event_id, event in read_events_by_id(store, ids).items()
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
