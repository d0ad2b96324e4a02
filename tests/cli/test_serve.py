"""`vigie serve`: its help and its one-line errors (the running server is tested in tests/web)."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from vigie.cli import cli


def test_serve_help_names_the_options() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db URL", "--host TEXT", "--port INTEGER RANGE", "--demo", "--token TOKEN"):
        assert option in result.output
    assert "Example: vigie serve --demo" in result.output


def test_serve_on_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "absent" / "vigie.db"
    result = CliRunner().invoke(cli, ["serve", str(missing)])
    assert result.exit_code == 1
    assert (
        result.output == f"Error: no database at {missing}: check the path, or create one with vigie ingest\n"
    )


def test_serve_prints_the_database_url_without_its_password() -> None:
    from vigie.cli.serve import _announce
    from vigie.settings import Settings

    result = CliRunner().invoke(
        click.Command(
            "x",
            callback=lambda: _announce("127.0.0.1", 8000, Settings(db="postgresql://vigie:s3cr3t@db/veille")),
        )
    )
    assert "s3cr3t" not in result.output
    assert "Database: postgresql://vigie:***@db/veille (read-only). Stop with Ctrl-C." in result.output


def test_serve_with_two_worker_processes_answers(tmp_path: Path) -> None:
    """`--workers 2`: one process per core, each with its own connection to the database."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    from tests.rows import fill
    from vigie.store import Store

    db = tmp_path / "small.db"
    with Store.open(f"sqlite:///{db}") as store:
        fill(store)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "vigie", "serve", str(db), "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        answers = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(answers) < 4:
            try:
                answers.append(
                    httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=5).json()["total"]
                )
            except httpx.TransportError:
                time.sleep(0.2)
        assert answers == [2, 2, 2, 2]
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert f"Database: sqlite:///{db} (read-only, 2 processes). Stop with Ctrl-C." in stderr
