"""The `vigie` command: exit codes, messages, exports and the demo, through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tests.conftest import EVAL, FIXTURES
from vigie.cli import cli

COMMANDS = [
    ["ingest"],
    ["demo"],
    ["export"],
    ["export", "documents"],
    ["export", "articles"],
    ["eval"],
    ["settings"],
    ["spark"],
    ["spark", "ingest"],
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: vigie " in result.output


def test_ingest_then_export_documents(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    result = runner.invoke(
        cli, ["--setting", "extract", "false", "ingest", str(EVAL / "seeds"), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().endswith(
        "5 documents, 49 articles (45 teasers), 0 events, 0 interactions, 0 linked as near-duplicates; 0 unchanged; 0 documents skipped"
    )
    out = tmp_path / "docs.jsonl"
    result = runner.invoke(cli, ["export", "documents", "--format", "jsonl", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in records] == sorted(p.name for p in (EVAL / "seeds").glob("*.txt"))
    first = records[2]["articles"][0]
    assert {k: first[k] for k in ("title", "published", "author", "kind")} == {
        "title": "Lutte contre le terrorisme : La Russie annonce «se tenir aux côtés du Mali et des pays de l'AES»",
        "published": "2024-08-01T19:43",
        "author": "Souleymane SIDIBE",
        "kind": "full",
    }
    assert first["first_words"] == "La Russie annonce se tenir fermement aux côtés"
    assert records[2]["events"] == [] and records[2]["interactions"] == []


def test_export_articles_in_three_formats(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    runner.invoke(cli, ["--setting", "extract", "false", "ingest", str(FIXTURES / "text"), "--db", str(db)])
    as_csv = runner.invoke(cli, ["export", "articles", "--format", "csv", "--db", str(db)])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == 14
    as_jsonl = runner.invoke(cli, ["export", "articles", "--format", "jsonl", "--db", str(db)])
    records = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    assert [r["title"] or "" for r in records] == [r["title"] for r in rows]
    parquet = tmp_path / "a.parquet"
    result = runner.invoke(
        cli, ["export", "articles", "--format", "parquet", "-o", str(parquet), "--db", str(db)]
    )
    assert result.exit_code == 0
    table = pq.read_table(parquet)
    assert table.num_rows == 14
    assert table.column("title").to_pylist() == [r["title"] for r in records]
    japon = next(r for r in records if r["doc"] == "maliweb-2019-03-26-japon-riz.txt" and r["kind"] == "full")
    assert "’" in japon["body"] and "Ã" not in japon["body"]  # read from cp1252


def test_stdin_is_one_document(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    text = (EVAL / "dev" / "dev_025.txt").read_text(encoding="utf-8")
    result = runner.invoke(cli, ["--setting", "extract", "false", "ingest", "-", "--db", str(db)], input=text)
    assert result.exit_code == 0, result.output
    assert "1 documents, 1 articles (0 teasers)" in result.stderr
    again = runner.invoke(cli, ["--setting", "extract", "false", "ingest", "-", "--db", str(db)], input=text)
    assert (
        "0 documents, 0 articles (0 teasers), 0 events, 0 interactions, 0 linked as near-duplicates; 1 unchanged"
        in again.stderr
    )


def test_bad_inputs_give_one_line_each_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(EVAL / "dev" / "dev_001.txt", batch / "good.txt")
    (batch / "empty.txt").write_bytes(b"")
    result = runner.invoke(
        cli,
        [
            "--setting",
            "extract",
            "false",
            "ingest",
            str(batch),
            str(tmp_path / "nothing*.txt"),
            "--db",
            str(tmp_path / "v.db"),
        ],
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"skipped: {batch / 'empty.txt'}: empty file, nothing to ingest",
        f"skipped: {tmp_path / 'nothing*.txt'}: no such file, folder or glob match",
        "1 documents, 1 articles (0 teasers), 0 events, 0 interactions, 0 linked as near-duplicates; 0 unchanged; 2 documents skipped",
    ]


def test_database_in_a_missing_folder_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["ingest", str(EVAL / "seeds"), "--db", str(tmp_path / "no" / "v.db")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot create database {tmp_path / 'no' / 'v.db'}: folder {tmp_path / 'no'} does not exist\n"
    )


def test_unknown_setting_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--setting", "max_byte", "10", "ingest", str(EVAL / "seeds")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown setting 'max_byte' in --setting. Known settings: ")


def test_max_bytes_setting_applies(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli,
        [
            "--setting",
            "max_bytes",
            "1000",
            "ingest",
            str(EVAL / "dev" / "dev_013.txt"),
            "--db",
            str(tmp_path / "v.db"),
        ],
    )
    assert result.exit_code == 1
    assert "dev_013.txt: file is 0.0 MB, above the limit of 0.0 MB" in result.stderr


def test_demo_ingests_the_bundled_sample(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(cli, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"sqlite:///{db} holds 8 documents, 32 articles (25 teasers)." in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == "amap-2023-09-17-charte-liptako-gourma.txt"
    assert (
        "  full    2023-09-13T18:20  Région de Gao : les FAMa repoussent une attaque d'envergure contre le camp "
        "de Bourem — Seydou KONATÉ"
    ) in lines
    # the README shows what the demo prints: its counts cannot go stale
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = [line for line in readme.splitlines() if line.startswith("8 documents, 32 articles")]
    assert shown and set(shown) <= set(result.output.splitlines()), shown


def test_eval_json_on_our_fixtures(runner: CliRunner) -> None:
    gold = FIXTURES / "text" / "fixtures.gold.jsonl"
    result = runner.invoke(cli, ["eval", "--gold", str(gold), "--docs", str(gold.parent), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"]["f1"] == 1.0
    assert figures["articles"]["published_accuracy"] == 1.0
    assert figures["events"]["gold"] == 6


def test_eval_without_its_documents_says_where_it_looked(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "mine.gold.jsonl"
    gold.write_text('{"doc": "a.txt", "articles": [], "events": [], "interactions": []}\n', encoding="utf-8")
    result = runner.invoke(cli, ["eval", "--gold", str(gold)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: 1 gold documents are not in {tmp_path / 'mine'} (first: a.txt). Use --docs DIR\n"
    )
