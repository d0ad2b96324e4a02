"""`vigie serve`: its help and its one-line errors (the running server is tested in tests/web)."""

from __future__ import annotations

from pathlib import Path

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
    assert result.output == (
        f"Error: cannot create database {missing}: folder {missing.parent} does not exist\n"
    )
