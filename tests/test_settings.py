"""Settings: one documented table; defaults <- vigie.toml <- VIGIE_* <- --setting."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vigie.errors import ConfigError
from vigie.settings import SETTINGS, Settings


def test_every_setting_is_in_the_table_with_its_default() -> None:
    assert [s.name for s in SETTINGS] == [f.name for f in fields(Settings)]
    defaults = Settings()
    for setting in SETTINGS:
        assert getattr(defaults, setting.name) == setting.default
        assert setting.help.endswith(".")


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme, setting.name


def test_layers_override_in_order(tmp_path: Path) -> None:
    config = tmp_path / "vigie.toml"
    config.write_text(
        'max_bytes = 1000\ndb = "sqlite:///from-file.db"\ndedup_threshold = 0.7\n', encoding="utf-8"
    )
    settings = Settings.build(
        config=config,
        env={"VIGIE_MAX_BYTES": "2000", "VIGIE_UNRELATED": "x", "HOME": "/root"},
        overrides={"dedup_threshold": "0.8"},
    )
    assert settings == Settings(db="sqlite:///from-file.db", max_bytes=2000, dedup_threshold=0.8)


def test_bad_values_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="setting max_bytes from --setting must be a int, got 'lots'"):
        Settings.build(env={}, overrides={"max_bytes": "lots"})
    broken = tmp_path / "vigie.toml"
    broken.write_text("max_bytes = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="vigie.toml cannot be read"):
        Settings.build(config=broken, env={})
    with pytest.raises(ConfigError, match="configuration file .*absent.toml does not exist"):
        Settings.build(config=tmp_path / "absent.toml", env={})
