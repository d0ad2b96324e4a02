"""Score: predicted FORMAT.md records against gold records -> the figures of FORMAT.md's scoring section."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from vigie.frdate import fold
from vigie.geo import distance_km

Record = dict[str, Any]
# (name, admin1) -> (lat, lon) of a place, or None: lets scoring compare gold places by distance
Locate = Callable[[str, str | None], tuple[float, float] | None]

TITLE_RATIO = 90.0
MAX_KM = 25.0
WHITESPACE = re.compile(r"\s+")
AES_MEMBERS = ("BFA", "MLI", "NER")
# Mali's 2023 regions and the region each was carved from
NEW_REGIONS = {
    "nioro": "kayes", "kita": "kayes", "dioila": "koulikoro", "nara": "koulikoro",
    "bougouni": "sikasso", "koutiala": "sikasso", "san": "segou", "douentza": "mopti",
    "bandiagara": "mopti",
}  # fmt: skip


@dataclass(slots=True)
class Figures:
    """Counts for one kind of record, and the accuracies over matched pairs."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    agree: dict[str, int] = field(default_factory=dict)
    compared: dict[str, int] = field(default_factory=dict)
    errors_km: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def count(self, name: str, same: bool) -> None:
        self.compared[name] = self.compared.get(name, 0) + 1
        self.agree[name] = self.agree.get(name, 0) + int(same)

    def accuracy(self, name: str) -> float | None:
        compared = self.compared.get(name, 0)
        return self.agree.get(name, 0) / compared if compared else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }
        for name in self.compared:
            value = self.accuracy(name)
            out[f"{name}_accuracy"] = None if value is None else round(value, 4)
        if self.errors_km:
            ordered = sorted(self.errors_km)
            out["coordinate_error_km_median"] = round(ordered[len(ordered) // 2], 2)
            out["coordinate_error_km_mean"] = round(sum(ordered) / len(ordered), 2)
        return out


@dataclass(slots=True)
class Scores:
    articles: Figures = field(default_factory=Figures)
    events: Figures = field(default_factory=Figures)
    interactions: Figures = field(default_factory=Figures)
    events_by_type: dict[str, Figures] = field(default_factory=dict)
    interactions_by_type: dict[str, Figures] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles.as_dict(),
            "events": self.events.as_dict(),
            "interactions": self.interactions.as_dict(),
            "events_by_type": {k: v.as_dict() for k, v in sorted(self.events_by_type.items())},
            "interactions_by_type": {k: v.as_dict() for k, v in sorted(self.interactions_by_type.items())},
        }


def score(gold: Iterable[Record], predicted: Iterable[Record], locate: Locate | None = None) -> Scores:
    """Score every gold document against the predicted record of the same `doc` name."""
    by_doc = {record["doc"]: record for record in predicted}
    scores = Scores()
    for gold_record in gold:
        mine = by_doc.get(gold_record["doc"], {"articles": [], "events": [], "interactions": []})
        score_articles(gold_record["articles"], mine["articles"], scores.articles)
        score_events(gold_record["events"], mine["events"], scores, locate)
        score_interactions(gold_record["interactions"], mine["interactions"], scores)
    return scores


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching, best score first."""
    used_gold: set[int] = set()
    used_mine: set[int] = set()
    out = []
    for _, g, m in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if g not in used_gold and m not in used_mine:
            used_gold.add(g)
            used_mine.add(m)
            out.append((g, m))
    return out


def _space(text: str | None) -> str:
    return WHITESPACE.sub(" ", text or "").strip()


def match_articles(gold: list[Record], mine: list[Record]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index): on title (fuzzy ratio >= 90, lower-cased) or, for
    untitled teasers, on first_words."""
    pairs = []
    for g, gold_article in enumerate(gold):
        for m, my_article in enumerate(mine):
            similarity = article_similarity(gold_article, my_article)
            if similarity is not None:
                pairs.append((similarity, g, m))
    return _greedy(pairs)


def score_articles(gold: list[Record], mine: list[Record], figures: Figures) -> None:
    """Count articles and their matches, and compare the fields of matched pairs."""
    figures.gold += len(gold)
    figures.predicted += len(mine)
    for g, m in match_articles(gold, mine):
        figures.matched += 1
        figures.count("published", gold[g]["published"] == mine[m]["published"])
        figures.count("kind", gold[g]["kind"] == mine[m]["kind"])
        figures.count("author", _space(gold[g]["author"]) == _space(mine[m]["author"]))


def article_similarity(gold: Record, mine: Record) -> float | None:
    """The fuzzy ratio of two articles' titles (or untitled teasers' first words), None under 90."""
    if gold["title"]:
        if not mine["title"]:
            return None
        ratio = fuzz.ratio(_space(gold["title"]).lower(), _space(mine["title"]).lower())
        return ratio if ratio >= TITLE_RATIO else None
    if mine["title"]:
        return None
    words = _space(gold["first_words"]).split()
    mine_words = _space(mine["first_words"]).split()[: len(words)]
    ratio = fuzz.ratio(" ".join(words), " ".join(mine_words))
    return ratio if ratio >= TITLE_RATIO else None


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates; 0 when both are null, None when only one is."""
    if a is None or b is None:
        return 0 if a is None and b is None else None
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def _place_key(name: str | None) -> str:
    return " ".join(re.findall(r"\w+", fold(name or "")))


def _region(admin1: str | None) -> str:
    key = _place_key(admin1)
    return NEW_REGIONS.get(key, key)


def _coordinates(event: Record, locate: Locate | None) -> tuple[float, float] | None:
    if event.get("latitude") is not None and event.get("longitude") is not None:
        return float(event["latitude"]), float(event["longitude"])
    if locate is not None and event.get("location"):
        return locate(event["location"], event.get("admin1"))
    return None


def places_agree(gold: Record, mine: Record, locate: Locate | None) -> bool:
    """Same normalised name, within 25 km, or the same region when either is placed by region only."""
    if _place_key(gold["location"]) and _place_key(gold["location"]) == _place_key(mine.get("location")):
        return True
    a, b = _coordinates(gold, locate), _coordinates(mine, locate)
    if a is not None and b is not None and distance_km(a, b) <= MAX_KM:
        return True
    regional = gold.get("geo_precision") == 3 or mine.get("geo_precision") == 3
    return (
        regional
        and bool(_region(gold.get("admin1")))
        and _region(gold.get("admin1")) == _region(mine.get("admin1"))
    )


def match_events(gold: list[Record], mine: list[Record], locate: Locate | None) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index): same event_type, dates within a day, agreeing places."""
    pairs = []
    for g, gold_event in enumerate(gold):
        for m, my_event in enumerate(mine):
            if gold_event["event_type"] != my_event["event_type"]:
                continue
            days = days_apart(gold_event["date"], my_event.get("date"))
            if days is None or days > 1 or not places_agree(gold_event, my_event, locate):
                continue
            pairs.append((-float(days), g, m))
    return _greedy(pairs)


def score_events(gold: list[Record], mine: list[Record], scores: Scores, locate: Locate | None) -> None:
    """Count events and their matches; then compare the other fields of matched pairs."""
    matches = match_events(gold, mine, locate)
    for gold_event in gold:
        for figures in _both(scores.events, scores.events_by_type, gold_event["event_type"]):
            figures.gold += 1
    for my_event in mine:
        for figures in _both(scores.events, scores.events_by_type, my_event["event_type"]):
            figures.predicted += 1
    for g, m in matches:
        for figures in _both(scores.events, scores.events_by_type, gold[g]["event_type"]):
            figures.matched += 1
            _compare_event(gold[g], mine[m], figures, locate)


def _both(overall: Figures, by_type: dict[str, Figures], label: str) -> tuple[Figures, Figures]:
    """The overall figures and those of one type, to count a record in both."""
    return overall, by_type.setdefault(label, Figures())


def _compare_event(gold: Record, mine: Record, figures: Figures, locate: Locate | None) -> None:
    figures.count("sub_event_type", gold["sub_event_type"] == mine.get("sub_event_type"))
    figures.count("actor1", gold["actor1"] == mine.get("actor1"))
    figures.count("actor2", gold["actor2"] == mine.get("actor2"))
    figures.count("fatalities", gold["fatalities"] == mine.get("fatalities"))
    figures.count("date", gold["date"] == mine.get("date"))
    figures.count("admin1", _region(gold.get("admin1")) == _region(mine.get("admin1")))
    same_place = bool(_place_key(gold["location"])) and _place_key(gold["location"]) == _place_key(
        mine.get("location")
    )
    a, b = _coordinates(gold, locate), _coordinates(mine, locate)
    if a is not None and b is not None:
        figures.errors_km.append(distance_km(a, b))
        same_place = same_place or distance_km(a, b) <= MAX_KM
    figures.count("location", same_place)


def _expand(parties: list[str]) -> set[tuple[str, str]]:
    """Pairs of parties, with AES expanded into its members (FORMAT.md "Several parties")."""
    sides = [list(AES_MEMBERS) if p == "AES" else [p] for p in parties]
    if len(sides) != 2:
        return set()
    return {tuple(sorted((a, b))) for a in sides[0] for b in sides[1] if a != b}  # type: ignore[misc]


Paired = tuple[Record, tuple[str, str]]


def interaction_pairs(records: list[Record]) -> list[Paired]:
    """Each interaction once per pair of parties it counts for (AES expanded into its members)."""
    return [(r, pair) for r in records for pair in sorted(_expand(list(r.get("parties", []))))]


def match_interactions(gold_items: list[Paired], mine_items: list[Paired]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of expanded interactions: same type, same parties as
    a set, dates within a day."""
    pairs = []
    for g, (gold_record, gold_pair) in enumerate(gold_items):
        for m, (my_record, my_pair) in enumerate(mine_items):
            if gold_record["type"] != my_record.get("type") or gold_pair != my_pair:
                continue
            days = days_apart(gold_record["date"], my_record.get("date"))
            if days is not None and days <= 1:
                pairs.append((-float(days), g, m))
    return _greedy(pairs)


def score_interactions(gold: list[Record], mine: list[Record], scores: Scores) -> None:
    """Match on type, parties as a set (AES expanded) and dates within a day."""
    gold_items = interaction_pairs(gold)
    mine_items = interaction_pairs(mine)
    matches = match_interactions(gold_items, mine_items)
    for record, _ in gold_items:
        for figures in _both(scores.interactions, scores.interactions_by_type, record["type"]):
            figures.gold += 1
    for record, _ in mine_items:
        for figures in _both(scores.interactions, scores.interactions_by_type, record["type"]):
            figures.predicted += 1
    for g, m in matches:
        for figures in _both(scores.interactions, scores.interactions_by_type, gold_items[g][0]["type"]):
            figures.matched += 1
            figures.count("date", gold_items[g][0]["date"] == mine_items[m][0].get("date"))
