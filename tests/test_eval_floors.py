"""Quality gate: `vigie eval` on the shared gold sets stays above tests/eval_floors.json, and the
README's quality tables are those of the figures the current code gives."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import EVAL, FIXTURES, _need_shared
from vigie.cli import cli
from vigie.quality import QUALITY_SETS, current, eval_arguments, tables

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))


@cache
def _figures(args: tuple[str, ...]) -> dict[str, Any]:
    """`vigie eval --json` of these (absolute) arguments, once per test session."""
    result = CliRunner().invoke(cli, ["eval", *args, "--json"])
    assert result.exit_code == 0, result.output
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


def _absolute(args: list[str]) -> tuple[str, ...]:
    return tuple(str((ROOT / arg).resolve()) if not arg.startswith("--") else arg for arg in args)


@pytest.mark.parametrize("gold_set", [k for k in FLOORS if not k.startswith("_")])
def test_figures_stay_above_their_floors(gold_set: str) -> None:
    if (FIXTURES / gold_set).is_dir():  # our own page-layout fixtures
        args = [
            "--gold",
            str(FIXTURES / gold_set / f"{gold_set}.gold.jsonl"),
            "--docs",
            str(FIXTURES / gold_set),
        ]
    else:
        _need_shared()
        args = ["--gold", str(EVAL / f"{gold_set}.gold.jsonl")]
    figures = _figures(_absolute(args))
    for name, floor in FLOORS[gold_set].items():
        section, key = name.split(".")
        assert figures[section][key] >= floor, f"{gold_set} {name} = {figures[section][key]} < {floor}"


def test_the_readme_shows_the_figures_of_the_current_code() -> None:
    _need_shared()
    figures = {item.label: _figures(_absolute(eval_arguments(item))) for item in QUALITY_SETS}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert current(readme) == tables(figures), (
        "README's quality tables are stale: python scripts/quality_table.py"
    )
