"""Rewrite README's quality tables from `vigie eval --json` on every set of vigie.quality.QUALITY_SETS.

Usage: python scripts/quality_table.py [--readme README.md] [--check]

Run from the project root with ../shared beside it. --check prints the difference and exits 1
when the README's tables are not those of the current figures (tests/test_eval_floors.py does
the same check in CI).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from vigie.quality import QUALITY_SETS, current, eval_arguments, replaced, tables


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, default=Path("README.md"))
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    figures = {}
    for item in QUALITY_SETS:
        print(f"eval: {item.label}", file=sys.stderr, flush=True)
        out = subprocess.run(
            [sys.executable, "-m", "vigie", "eval", *eval_arguments(item), "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
        figures[item.label] = json.loads(out.stdout)
    table = tables(figures)
    readme = args.readme.read_text(encoding="utf-8")
    if args.check:
        if current(readme) != table:
            print("README's quality tables are stale; run python scripts/quality_table.py", file=sys.stderr)
            print(table)
            return 1
        return 0
    args.readme.write_text(replaced(readme, table), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
