"""Opening a database another process holds locked waits for it instead of failing."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

import vigie.store
from vigie.errors import StoreError
from vigie.store import Store


def _hold(path: Path, seconds: float, held: threading.Event) -> None:
    """Lock the file as a backup or a process creating it does, for `seconds`: no one reads meanwhile."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
    connection.execute("BEGIN EXCLUSIVE")
    connection.execute("CREATE TABLE IF NOT EXISTS holder (n INTEGER)")
    held.set()
    time.sleep(seconds)
    connection.execute("COMMIT")
    connection.close()


def test_opening_a_locked_database_waits_until_it_is_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "vigie.db"
    with Store.open(f"sqlite:///{path}") as store:
        revision = store.revision()
    held = threading.Event()
    monkeypatch.setattr(vigie.store, "OPEN_WAIT_SECONDS", 60.0)
    # the busy timeout (10 s) runs out once while the file is held 12 s: the open tries again
    holder = threading.Thread(target=_hold, args=(path, 12.0, held))
    holder.start()
    held.wait()
    started = time.monotonic()
    with Store.open(f"sqlite:///{path}") as store:
        assert store.revision() == revision
    holder.join()
    assert time.monotonic() - started >= 10.0


def test_a_database_locked_for_longer_than_the_wait_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "vigie.db"
    Store.open(f"sqlite:///{path}").close()
    held = threading.Event()
    monkeypatch.setattr(vigie.store, "OPEN_WAIT_SECONDS", 0.0)
    holder = threading.Thread(target=_hold, args=(path, 11.0, held))
    holder.start()
    held.wait()
    with pytest.raises(StoreError, match="cannot open database .*database is locked"):
        Store.open(f"sqlite:///{path}")
    holder.join()
