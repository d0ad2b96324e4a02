"""README's quality tables, written from `vigie eval --json` figures so that they cannot go stale.

`scripts/quality_table.py` runs the evaluations of `QUALITY_SETS` and rewrites the two tables
between the README's `<!-- quality:start -->` and `<!-- quality:end -->` markers;
`tests/test_eval_floors.py` checks that the README holds the tables of the figures it measures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

START = "<!-- quality:start -->"
END = "<!-- quality:end -->"


@dataclass(frozen=True, slots=True)
class QualitySet:
    """One row of the tables: its label and the gold files (and folder) `vigie eval` reads."""

    label: str
    golds: tuple[str, ...]  # paths relative to the project root ("../shared/eval/dev.gold.jsonl")
    docs: str | None = None  # --docs, for our own fixtures


EVAL = "../shared/eval"
QUALITY_SETS = (
    QualitySet(
        "seeds + dev + train, pooled (issue 10)",
        tuple(f"{EVAL}/{name}.gold.jsonl" for name in ("seeds", "dev", "train")),
    ),
    QualitySet("seeds (5 documents)", (f"{EVAL}/seeds.gold.jsonl",)),
    QualitySet("dev (30 documents)", (f"{EVAL}/dev.gold.jsonl",)),
    QualitySet("train (108 documents)", (f"{EVAL}/train.gold.jsonl",)),
    QualitySet("**valid** (24 documents, held out)", (f"{EVAL}/valid.gold.jsonl",)),
    QualitySet(
        "our page layouts, pages/", ("tests/fixtures/pages/pages.gold.jsonl",), "tests/fixtures/pages"
    ),
    QualitySet(
        "our page layouts, pages2/", ("tests/fixtures/pages2/pages2.gold.jsonl",), "tests/fixtures/pages2"
    ),
    QualitySet(
        "our page layouts, pages3/ (articles only)",
        ("tests/fixtures/pages3/pages3.gold.jsonl",),
        "tests/fixtures/pages3",
    ),
    QualitySet(
        "our page layouts, pages4/ (articles only)",
        ("tests/fixtures/pages4/pages4.gold.jsonl",),
        "tests/fixtures/pages4",
    ),
    QualitySet("our sample", ("src/vigie/data/sample/sample.gold.jsonl",), "src/vigie/data/sample"),
    QualitySet("our text fixtures", ("tests/fixtures/text/fixtures.gold.jsonl",), "tests/fixtures/text"),
)
ACCURACIES = ("sub_event_type", "actor1", "actor2", "date", "fatalities", "admin1", "location")


def eval_arguments(item: QualitySet) -> list[str]:
    """The `vigie eval` arguments of one set (without --json)."""
    args = [arg for gold in item.golds for arg in ("--gold", gold)]
    return args + (["--docs", item.docs] if item.docs else [])


def tables(figures: dict[str, dict[str, Any]]) -> str:
    """The two markdown tables (scores; accuracies over matched events) of the figures of each
    set, keyed by label, in the order of `QUALITY_SETS`.

    >>> one = {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "matched": 1, "gold": 2}
    >>> print(tables({"seeds (5 documents)": {"articles": one | {"published_accuracy": 1.0,
    ...     "kind_accuracy": 1.0}, "events": one, "interactions": one}}).splitlines()[2])
    | seeds (5 documents) | 1.00 / 0.50 / 0.67 | 1.00 | 1.00 | 1.00 / 0.50 / **0.67** (1/2) | 1.00 / 0.50 / **0.67** (1/2) |
    """
    scores = [
        "| gold set | articles P / R / F1 | published | kind | events P / R / F1 (matched/gold) "
        "| interactions P / R / F1 (matched/gold) |",
        "|---|---|---|---|---|---|",
    ]
    details = [
        "| gold set | " + " | ".join(ACCURACIES) + " | interaction date |",
        "|---" * (len(ACCURACIES) + 2) + "|",
    ]
    for item in QUALITY_SETS:
        if item.label not in figures:
            continue
        found = figures[item.label]
        articles, events, interactions = found["articles"], found["events"], found["interactions"]
        scores.append(
            f"| {item.label} | {_prf(articles)} | {_share(articles.get('published_accuracy'))} "
            f"| {_share(articles.get('kind_accuracy'))} | {_prf(events, True)} | {_prf(interactions, True)} |"
        )
        if events.get("gold"):
            cells = [_share(events.get(f"{name}_accuracy")) for name in ACCURACIES]
            cells.append(_share(interactions.get("date_accuracy")))
            details.append(f"| {item.label} | " + " | ".join(cells) + " |")
    return "\n".join(scores) + "\n\nOver matched events (and interaction dates):\n\n" + "\n".join(details)


def replaced(readme: str, table: str) -> str:
    """The README with `table` between its quality markers."""
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    if not rest or END not in rest:
        raise ValueError(f"the README has no {START} … {END} block")
    return f"{head}{START}\n{table}\n{END}{tail}"


def current(readme: str) -> str:
    """The tables the README holds between its quality markers."""
    return readme.partition(START)[2].partition(END)[0].strip("\n")


def _prf(figures: dict[str, Any], counts: bool = False) -> str:
    if counts and not figures.get("gold"):
        return "—"  # a set annotated for articles only
    text = f"{figures['precision']:.2f} / {figures['recall']:.2f} / "
    text += f"**{figures['f1']:.2f}**" if counts else f"{figures['f1']:.2f}"
    return text + (f" ({figures['matched']}/{figures['gold']})" if counts else "")


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
