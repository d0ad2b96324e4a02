"""Export, ACLED names: Vigie's actor names and inter codes -> ACLED's full names and labels.

`vigie export events --actor-names acled` writes "Military Forces of Mali (2021-)" for the gold
format's "Military Forces of Mali", "JNIM: Group for Support of Islam and Muslims" for "JNIM",
"State Forces" for inter code 1 and "State Forces-Rebel Groups" for interaction 12, from the
table data/acled_actors.toml (its sources are quoted there).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Period:
    """One ACLED name of an actor and the days it is in force (None: open)."""

    name: str
    since: date | None
    until: date | None

    def holds(self, day: date | None) -> bool:
        """Whether the name is in force on `day` (an unknown day takes the newest name)."""
        if day is None:
            return self.until is None
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class AcledNames:
    """data/acled_actors.toml, loaded once."""

    actors: dict[str, tuple[Period, ...]]
    demonstrators: dict[str, str]  # event type -> ACLED name of Vigie's "Other" in it
    inter_labels: dict[int, str]
    sole_labels: dict[int, str]

    @classmethod
    def load(cls) -> AcledNames:
        text = resources.files("vigie.data").joinpath("acled_actors.toml").read_text(encoding="utf-8")
        table: dict[str, Any] = tomllib.loads(text)
        actors = {
            str(actor["vigie"]): tuple(
                Period(str(item["name"]), _day(item.get("from")), _day(item.get("until")))
                for item in actor["names"]
            )
            for actor in table["actor"]
        }
        return cls(
            actors=actors,
            demonstrators={str(k): str(v) for k, v in table["demonstrators"].items()},
            inter_labels={int(k): str(v) for k, v in table["inter_labels"].items()},
            sole_labels={int(k): str(v) for k, v in table["sole_labels"].items()},
        )

    def actor(self, name: str | None, day: date | None, country: str, event_type: str) -> str | None:
        """ACLED's name of a Vigie actor on `day` in `country` (English name).

        >>> names = acled_names()
        >>> names.actor("Military Forces of Mali", date(2023, 5, 2), "Mali", "Battles")
        'Military Forces of Mali (2021-)'
        >>> names.actor("Civilians", date(2019, 3, 23), "Burkina Faso", "Violence against civilians")
        'Civilians (Burkina Faso)'
        >>> names.actor("Other", date(2022, 1, 14), "Mali", "Protests")
        'Protesters (Mali)'
        """
        if name is None:
            return None
        if name == "Other" and event_type in self.demonstrators:
            return self.demonstrators[event_type].format(country=country)
        for period in self.actors.get(name, ()):
            if period.holds(day):
                return period.name.format(country=country)
        return name

    def inter(self, code: int) -> str | None:
        """The label of an inter code; 0 (no second actor) is empty."""
        return self.inter_labels.get(code)

    def interaction(self, inter1: int, inter2: int) -> str:
        """The label of a pair of inter codes, lower first, as ACLED's interaction.

        >>> acled_names().interaction(2, 1), acled_names().interaction(7, 0)
        ('State Forces-Rebel Groups', 'Sole Civilians')
        """
        if not inter1 or not inter2:
            return self.sole_labels[max(inter1, inter2)]
        low, high = sorted((inter1, inter2))
        return f"{self.inter_labels[low]}-{self.inter_labels[high]}"


_NAMES: list[AcledNames] = []


def acled_names() -> AcledNames:
    """The ACLED names table, read on first use."""
    if not _NAMES:
        _NAMES.append(AcledNames.load())
    return _NAMES[0]


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value is not None else None
