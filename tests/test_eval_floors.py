"""Quality gate: `vigie eval` on the shared gold sets stays above tests/eval_floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import EVAL, FIXTURES, _need_shared
from vigie.cli import cli

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))


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
    result = CliRunner().invoke(cli, ["eval", *args, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    for name, floor in FLOORS[gold_set].items():
        section, key = name.split(".")
        assert figures[section][key] >= floor, f"{gold_set} {name} = {figures[section][key]} < {floor}"
