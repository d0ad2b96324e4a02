"""Public names and documentation of the package."""

from __future__ import annotations

import vigie
from tests.conftest import ROOT
from vigie.cli import cli


def test_all_lists_the_public_names() -> None:
    public = {name for name in vars(vigie) if not name.startswith("_") and name[0].isupper()}
    assert set(vigie.__all__) == public


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"vigie {name}" in readme, name
        for sub in getattr(command, "commands", {}):
            assert f"vigie {name} {sub}" in readme, f"{name} {sub}"
