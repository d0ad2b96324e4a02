"""Rankings kept across the processes of `vigie serve --workers N`, never across databases."""

from __future__ import annotations

from pathlib import Path

from tests.rows import fill
from vigie.search.rankings import Facet, Ranking, Rankings
from vigie.store import Store

RANKING = Ranking(1, {"year": [Facet("2024", 1)], "source": [], "section": []}, [1])


def test_a_ranking_kept_by_one_process_is_read_by_another(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store, store.engine.connect() as connection:
        fill(store)
        one, other = Rankings(size=8), Rankings(size=8)  # two worker processes
        version, found = one.get(connection, ('"mairie"',))
        assert found is None
        one.put(connection, ('"mairie"',), version, RANKING)
        assert other.get(connection, ('"mairie"',)) == (version, RANKING)


def test_a_new_database_at_the_same_path_does_not_read_the_old_rankings(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store.open(f"sqlite:///{path}") as store, store.engine.connect() as connection:
        fill(store)
        version, _ = Rankings(size=8).get(connection, ('"boni"',))
        Rankings(size=8).put(connection, ('"boni"',), version, RANKING)
    for name in ("a.db", "a.db-wal", "a.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    with Store.open(f"sqlite:///{path}") as store, store.engine.connect() as connection:
        fill(store)
        assert Rankings(size=8).get(connection, ('"boni"',)) == (version, None)
