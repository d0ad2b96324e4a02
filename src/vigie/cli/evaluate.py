"""`vigie eval` (score against gold annotations) and `vigie settings`."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from vigie.cli.options import build_settings, ingest_paths
from vigie.errors import VigieError
from vigie.settings import SETTINGS

if TYPE_CHECKING:
    from vigie.mismatch import Mismatch
    from vigie.score import Scores

GOLD_SUFFIX = ".gold.jsonl"


@click.command("eval")
@click.option(
    "--gold",
    "gold_paths",
    required=True,
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold file; repeat to pool several sets into one score (seeds and dev).",
)
@click.option(
    "--docs",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the gold documents (default: beside each gold file, e.g. seeds.gold.jsonl -> seeds/).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option(
    "--errors",
    is_flag=True,
    help="Also list, per document, every missed and spurious article, event and interaction with "
    "the reason it did not match, and matched pairs whose fields differ.",
)
@click.pass_context
def evaluate(
    ctx: click.Context, gold_paths: tuple[Path, ...], docs: Path | None, as_json: bool, errors: bool
) -> None:
    """Ingest a gold set's documents into a temporary database and score the output.

    Prints precision, recall and F1 for articles, events and interactions, and the
    accuracies over matched pairs, as defined in the gold format's scoring section.

    Example: vigie eval --gold ../shared/eval/seeds.gold.jsonl --gold ../shared/eval/dev.gold.jsonl
    """
    # imported here, not at the top: `vigie --help` and the light commands start without them
    from vigie import export as exporting
    from vigie.mismatch import find_mismatches
    from vigie.score import score
    from vigie.store import Store

    settings = build_settings(ctx)
    gold: list[dict[str, Any]] = []
    paths: list[str] = []
    for gold_path in gold_paths:
        records = _read_gold(gold_path)
        folder = docs if docs is not None else gold_path.with_name(gold_path.name.removesuffix(GOLD_SUFFIX))
        missing = [r["doc"] for r in records if not (folder / r["doc"]).is_file()]
        if missing:
            raise VigieError(
                f"{len(missing)} gold documents are not in {folder} (first: {missing[0]}). Use --docs DIR"
            )
        gold += records
        paths += [str(folder / r["doc"]) for r in records]
    with tempfile.TemporaryDirectory(prefix="vigie-eval-") as tmp:
        settings = settings.updated({"db": f"sqlite:///{Path(tmp) / 'eval.db'}"}, origin="eval")
        with Store.open(settings.db) as store:
            report = ingest_paths(paths, store, settings, label="Evaluating")
            predicted = list(exporting.document_records(store.articles(), store.document_extractions()))
    for skip in report.skipped:
        click.echo(f"skipped: {skip.reason}", err=True)
    scores = score(gold, predicted)
    mismatches = find_mismatches(gold, predicted) if errors else []
    if as_json:
        figures = scores.as_dict()
        if errors:
            figures["errors"] = [item.as_dict() for item in mismatches]
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    if errors:
        _print_mismatches(mismatches)
    _print_scores(scores, " + ".join(p.name for p in gold_paths))


def _print_mismatches(mismatches: list[Mismatch]) -> None:
    """One block per document: each record scoring left unpaired, its reason and its sentence."""
    doc = None
    for item in mismatches:
        if item.doc != doc:
            doc = item.doc
            click.echo(f"\n{doc}")
        click.echo(f"  {item.kind} {item.side}: {item.item}")
        click.echo(f"      {item.reason}")
        if item.evidence:
            click.echo(f"      « {item.evidence} »")
    click.echo(
        f"\n{sum(m.side == 'missed' for m in mismatches)} missed, "
        f"{sum(m.side == 'spurious' for m in mismatches)} spurious, "
        f"{sum(m.side == 'differs' for m in mismatches)} paired with differing fields\n"
    )


def _read_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise VigieError(f"{path}:{number} is not JSON: {err.msg}") from err
    return records


def _print_scores(scores: Scores, name: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"vigie eval — {name}")
    for column in ("", "gold", "predicted", "matched", "P", "R", "F1", "accuracy over matched pairs"):
        table.add_column(column)
    rows = [("articles", scores.articles), ("events", scores.events), ("interactions", scores.interactions)]
    rows += [(f"  events: {k}", v) for k, v in sorted(scores.events_by_type.items())]
    rows += [(f"  interactions: {k}", v) for k, v in sorted(scores.interactions_by_type.items())]
    for label, figures in rows:
        accuracies = ", ".join(
            f"{key} {value:.2f}" for key in figures.compared if (value := figures.accuracy(key)) is not None
        )
        table.add_row(
            label,
            str(figures.gold),
            str(figures.predicted),
            str(figures.matched),
            f"{figures.precision:.2f}",
            f"{figures.recall:.2f}",
            f"{figures.f1:.2f}",
            accuracies,
        )
    Console(width=160).print(table)
    a, e, i = scores.articles, scores.events, scores.interactions
    click.echo(
        f"articles F1 {a.f1:.3f} (published {_pct(a.accuracy('published'))}, kind {_pct(a.accuracy('kind'))}); "
        f"events F1 {e.f1:.3f}; interactions F1 {i.f1:.3f}"
    )


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@click.command("settings")
def list_settings() -> None:
    """List every setting with its default and meaning (set in vigie.toml, VIGIE_<NAME> or --setting).

    Example: vigie settings
    """
    for setting in SETTINGS:
        click.echo(f"{setting.name} = {setting.default!r}\n    {setting.help}")
