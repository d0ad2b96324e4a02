"""Geo stage, patterns: the phrase rules and rankings of data/geo_patterns.toml, compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from vigie.geo.names import fold_name

MAX_NAME_WORDS = 6  # "Forêt Classée de Bougouni-Foulaboula" folds to 5 words
# Yagha" for an admin2 area (a Burkina department is an admin3)
AREA_LEVELS = {"region": ("admin1", "admin1_2023"), "area2": ("admin2", "admin3")}


@dataclass(frozen=True, slots=True)
class Patterns:
    """The phrase rules and rankings of data/geo_patterns.toml, compiled."""

    rules: re.Pattern[str]  # one alternative per prefix pattern, named r<index>
    roles: tuple[str, ...]  # role of each alternative
    frame_rules: re.Pattern[str]  # the same with the patterns read back from a name only
    frame_roles: tuple[str, ...]
    frame: re.Pattern[str]  # a run of patterns ending a text
    areas: re.Pattern[str]  # "région de", "cercle de" anywhere in a text
    country_hints: tuple[re.Pattern[str], ...]
    countries: dict[str, str]  # folded country name -> ISO3
    former_regions: dict[str, str]  # folded: "menaka" -> "gao"
    country_tier: dict[str, int]  # ISO3 -> preference, Mali first
    feature_rank: tuple[str, ...]
    class_rank: tuple[str, ...]
    precision: dict[str, int]
    role_precision: dict[str, int]
    major_population: int
    major_codes: frozenset[str]
    near_km: float
    around_km: float
    loose: tuple[tuple[re.Pattern[str], str], ...]
    skeleton: re.Pattern[str]
    min_consonants: int
    alone_letters: int
    skips: re.Pattern[str]  # a run of "skip" words: "dans la", "et de"
    attached_chars: int
    frame_window: int
    not_places: frozenset[str]
    name_suffixes: frozenset[str]

    @classmethod
    def load(cls) -> Patterns:
        text = resources.files("vigie.data").joinpath("geo_patterns.toml").read_text(encoding="utf-8")
        table: dict[str, Any] = tomllib.loads(text)
        rules, roles = _alternatives(table["prefix"])
        frame_rules, frame_roles = _alternatives([*table["frame"], *table["prefix"]])
        anything = "|".join(
            f"(?:{p})" for rule in [*table["frame"], *table["prefix"]] for p in rule["patterns"]
        )
        area_parts = [
            f"(?P<{rule['role']}>{'|'.join(rule['patterns'])})"
            for rule in table["prefix"]
            if rule["role"] in AREA_LEVELS
        ]
        skips = "|".join(p for rule in table["prefix"] if rule["role"] == "skip" for p in rule["patterns"])
        countries = table["countries"]
        return cls(
            rules=rules,
            roles=roles,
            frame_rules=frame_rules,
            frame_roles=frame_roles,
            frame=re.compile(f"(?:^| )((?:(?:{anything}) )+)$"),
            areas=re.compile(f"(?<![a-z0-9])(?:{'|'.join(area_parts)}) "),
            country_hints=tuple(re.compile(p) for p in table["country_hints"]),
            countries={name: iso for iso, names in countries.items() for name in names},
            former_regions={fold_name(new): fold_name(old) for new, old in table["former_regions"].items()},
            country_tier={iso: tier for tier, iso in enumerate(countries)},
            feature_rank=tuple(table["feature_rank"]),
            class_rank=tuple(table["class_rank"]),
            precision=dict(table["precision"]),
            role_precision=dict(table["role_precision"]),
            major_population=int(table["major_population"]),
            major_codes=frozenset(table["major_codes"]),
            near_km=float(table["proximity"]["near_km"]),
            around_km=float(table["proximity"]["around_km"]),
            loose=tuple((re.compile(r["pattern"]), r["replace"]) for r in table["loose"]),
            skeleton=re.compile(table["skeleton"]["drop"]),
            min_consonants=int(table["skeleton"]["min_consonants"]),
            alone_letters=int(table["skeleton"]["alone_letters"]),
            skips=re.compile(f" ?(?:(?:{skips}) )*"),
            attached_chars=int(table["attached_chars"]),
            frame_window=int(table["frame_window"]),
            not_places=frozenset(table["not_places"]),
            name_suffixes=frozenset(table["name_suffixes"]),
        )

    def rank_of(self, feature_class: str, feature_code: str) -> int:
        """Position of a feature kind in the ranking (lower is preferred for a bare name)."""
        if feature_code in self.feature_rank:
            return self.feature_rank.index(feature_code)
        if feature_class in self.class_rank:
            return len(self.feature_rank) + self.class_rank.index(feature_class)
        return len(self.feature_rank) + len(self.class_rank)

    def precision_of(self, feature_class: str, feature_code: str) -> int:
        return self.precision.get(feature_code, self.precision.get(feature_class, 2))


def _alternatives(rules: list[dict[str, Any]]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regex trying each pattern in turn (group r<i>), and the role of each group."""
    roles = [rule["role"] for rule in rules for _ in rule["patterns"]]
    parts = [f"(?P<r{i}>{p})" for i, p in enumerate(p for rule in rules for p in rule["patterns"])]
    return re.compile(f"(?:{'|'.join(parts)})(?= |$)"), tuple(roles)


PATTERNS = Patterns.load()


def skeleton_key(loose: str) -> str:
    """Consonants of a loose key, for a last-resort match ("" when too short to be telling).

    >>> skeleton_key(loose_key("ogossagou")) == skeleton_key(loose_key("ogassagou"))
    True
    """
    skeleton = PATTERNS.skeleton.sub("", loose)
    return skeleton if len(skeleton) > PATTERNS.min_consonants else ""


def loose_key(key: str) -> str:
    """A spelling-tolerant key, tried when the exact one is unknown.

    >>> loose_key(fold_name("Ouagadou")) == loose_key(fold_name("Wagadou"))
    True
    """
    for pattern, replacement in PATTERNS.loose:
        key = pattern.sub(replacement, key)
    return key
