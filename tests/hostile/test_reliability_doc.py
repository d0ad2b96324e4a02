"""docs/reliability.md names, for each promise, the test that proves it: every named test exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# `tests/test_api.py::test_a_query_over_the_time_bound_is_stopped_with_503`, then `::test_other` of the same file
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)((?:::\w+)?)`|`::(\w+)`")


def test_every_test_the_reliability_page_names_exists() -> None:
    text = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    named: list[tuple[str, str]] = []
    current = ""
    for match in REFERENCE.finditer(text):
        if match.group(1):
            current = match.group(1)
            if match.group(2):
                named.append((current, match.group(2)[2:]))
        else:
            named.append((current, match.group(3)))
    assert len(named) >= 30
    missing = [
        f"{path}::{name}"
        for path, name in named
        if not re.search(rf"^def {name}\(", (ROOT / path).read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert missing == []
