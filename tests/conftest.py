"""Shared fixtures: paths to the evaluation data beside the repository, temporary stores."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vigie.ingest import Source, read
from vigie.records import RawDoc
from vigie.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _need_shared() -> None:
    if not EVAL.is_dir():
        message = f"the evaluation data is not at {EVAL} (clone the project beside shared/)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def eval_dir() -> Path:
    _need_shared()
    return EVAL


def load_gold(name: str) -> dict[str, dict[str, Any]]:
    """Gold records of one gold set, by document name."""
    _need_shared()
    path = EVAL / f"{name}.gold.jsonl"
    return {
        record["doc"]: record for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    }


def read_doc(path: Path) -> RawDoc:
    return read(Source(str(path)), max_bytes=20_000_000)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'test.db'}") as opened:
        yield opened


@pytest.fixture
def news_store(store: Store) -> Store:
    """A store holding the rows of tests/rows.py: two articles, two events, one interaction."""
    from tests.rows import fill

    fill(store)
    return store
