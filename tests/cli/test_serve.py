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
