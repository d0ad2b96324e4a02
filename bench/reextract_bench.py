"""Re-extraction: `vigie reextract` over a database of the seed, dev and train documents, against
the ingest that made it.

Usage: python bench/reextract_bench.py [--shared ../shared] [--out bench/results/reextract.json]

Ingests seeds + dev + train (with extraction) into a fresh SQLite database, exports it
(`document_records`), reads every document again with the same lexicons, exports it again and
checks that nothing changed (ids, flags, sources, clusters). Each phase loads the spaCy model
beforehand, so the times are the work on the documents.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

from vigie.export import document_records
from vigie.pipeline import Stages, run
from vigie.reextract import load_stages, reextract
from vigie.settings import Settings
from vigie.store import Store


def snapshot(store: Store) -> list[dict[str, Any]]:
    return list(document_records(store.articles(), store.document_extractions()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "results" / "reextract.json"
    )
    args = parser.parse_args()
    paths = [str(args.shared / "eval" / name) for name in ("seeds", "dev", "train")]
    settings = Settings(workers=1)  # one process each: the ingest compared with a re-extraction
    Stages.load(settings.nlp_model)
    stages = load_stages(settings.nlp_model)
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/bench.db") as store:
        started = time.perf_counter()
        ingest = run(paths, store, settings)
        ingest_s = time.perf_counter() - started
        before = snapshot(store)
        started = time.perf_counter()
        report = reextract(store, stages)
        reextract_s = time.perf_counter() - started
        unchanged = snapshot(store) == before
    result = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "documents": ingest.documents,
        "articles": ingest.articles,
        "events": ingest.events,
        "interactions": ingest.interactions,
        "ingest_s": round(ingest_s, 1),
        "reextract_s": round(reextract_s, 1),
        "reextract_documents_per_s": round(report.documents / reextract_s, 2),
        "summary": report.summary(),
        "unchanged": unchanged,
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
