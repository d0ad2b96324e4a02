"""Main-text extraction on the HTML fixtures: word F1 against the known text, titles and dates (issue 6).

Usage: python bench/extraction_bench.py [--out bench/results/extraction.json]

Each page of tests/fixtures/html/ is read by vigie.ingest.html.read_html; its body is compared
with the known paragraphs of tests/fixtures/html/expected.json (bag-of-words F1, the measure
of trafilatura's evaluation); title, publication date (and time) and author must be exact.
Targets: F1 >= 0.95 per article; titles and dates exact.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from vigie.frdate import iso
from vigie.ingest.html import read_html

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "tests" / "fixtures" / "html"
WORD = re.compile(r"\w+")
TARGET_F1 = 0.95


def word_f1(found: str, known: str) -> tuple[float, float, float]:
    got, want = Counter(WORD.findall(found.lower())), Counter(WORD.findall(known.lower()))
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extraction.json")
    args = parser.parse_args()
    expected = json.loads((HTML / "expected.json").read_text(encoding="utf-8"))
    pages = []
    read_html((HTML / next(iter(expected))).read_bytes(), "warm-up")  # imports and caches out of the timing
    started = time.perf_counter()
    for name, known in expected.items():
        raw = read_html((HTML / name).read_bytes(), name)
        assert raw.page is not None
        body = raw.text.split("\n\n", 1)[1] if raw.page.title else raw.text
        precision, recall, f1 = word_f1(body, "\n\n".join(known["body"]))
        pages.append(
            {
                "page": name,
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
                "title_exact": raw.page.title == known["title"],
                "date_exact": iso(raw.page.published) == known["published"],
                "author_exact": raw.page.author == known["author"],
            }
        )
    seconds = time.perf_counter() - started
    f1s = [page["f1"] for page in pages]
    result = {
        "benchmark": "main-text extraction on the HTML fixtures",
        "pages": len(pages),
        "mean_f1": round(sum(f1s) / len(f1s), 4),
        "min_f1": min(f1s),
        "titles_exact": sum(bool(p["title_exact"]) for p in pages),
        "dates_exact": sum(bool(p["date_exact"]) for p in pages),
        "authors_exact": sum(bool(p["author_exact"]) for p in pages),
        "ms_per_page": round(1000 * seconds / len(pages), 1),
        "target_f1": TARGET_F1,
        "meets_target": min(f1s) >= TARGET_F1 and all(p["title_exact"] and p["date_exact"] for p in pages),
        "per_page": pages,
        "date": time.strftime("%Y-%m-%d"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "per_page"}, indent=2))
    if not result["meets_target"]:
        sys.exit("below target")


if __name__ == "__main__":
    main()
