"""Result rows of the Spark job: a document's records survive the trip to a Parquet row and back (issue 14)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tests.conftest import FIXTURES
from vigie.ingest import Source, read_documents
from vigie.pipeline import Stages, segment
from vigie.records import Page, RawDoc
from vigie.settings import Settings
from vigie.spark.analyse import Options, Task, analyse_partition
from vigie.spark.rows import COLUMNS, decode, read_row

BOUREM = (
    Path(__file__).resolve().parents[2] / "src" / "vigie" / "data" / "sample" / "essor-2023-09-13-bourem.txt"
)
GAO = FIXTURES / "html" / "journaldumali-2024-02-08-gao-convoi.html"


def _rows(tasks: list[Task], extract: bool = True) -> list[dict[str, object]]:
    options = Options(Settings().nlp_model if extract else None, 20_000_000)
    return [
        dict(zip([name for name, _ in COLUMNS], row, strict=True))
        for row in analyse_partition(tasks, options)
    ]


def test_a_dump_and_its_extraction_come_back_equal_from_a_parquet_file(tmp_path: Path) -> None:
    rows = _rows([Task(0, str(BOUREM)), Task(1, str(GAO))])
    table = pa.Table.from_pylist(rows)
    pq.write_table(table, tmp_path / "part.parquet")
    back = [read_row(row) for row in pq.read_table(tmp_path / "part.parquet").to_pylist()]
    stages = Stages.load(Settings().nlp_model)
    for result, path in zip(back, [BOUREM, GAO], strict=True):
        (raw,) = [doc for doc in read_documents(Source(str(path)), 20_000_000) if isinstance(doc, RawDoc)]
        articles = segment(raw)
        assert result.kind == "document" and result.location == raw.source
        assert result.raw == raw
        assert result.articles == articles
        assert result.found == stages(raw, articles)
    bourem = back[0]
    assert bourem.found is not None
    events, interactions, toponyms = bourem.found
    assert len(events) == 4 and interactions == []
    assert [a.kind for a in bourem.articles or []] == ["full"] + ["teaser"] * 5
    assert isinstance(back[1].raw.page if back[1].raw else None, Page)


def test_a_skip_keeps_its_reason_and_an_unread_file_has_no_document(tmp_path: Path) -> None:
    empty = tmp_path / "vide.txt"
    empty.write_text("\n\n", encoding="utf-8")
    (row,) = _rows([Task(3, str(empty))], extract=False)
    result = read_row(row)
    assert (result.kind, result.source_index, result.raw) == ("skipped", 3, None)
    assert result.message == f"{empty}: empty file, nothing to ingest"


def test_dates_keep_their_kind() -> None:
    published = date | datetime | None
    assert decode(published, "2024-08-05") == date(2024, 8, 5)
    assert decode(published, "2024-08-05T09:30:00") == datetime(2024, 8, 5, 9, 30)
    assert decode(tuple[tuple[int, int], ...], [[0, 12], [14, 80]]) == ((0, 12), (14, 80))
