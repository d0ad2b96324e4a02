"""One event told by near-duplicate articles of two documents is stored once, with both sources."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EVAL, FIXTURES
from vigie import export as exporting
from vigie.pipeline import run
from vigie.settings import Settings
from vigie.store import Store

PAGES = FIXTURES / "nearduplicates"


def test_near_duplicates_of_two_documents_share_their_event(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'vigie.db'}")
    with Store.open(settings.db) as store:
        report = run(sorted(str(p) for p in PAGES.glob("*.txt")), store, settings)
        assert report.ok
        extractions = store.document_extractions()
        stored = list(store.articles())
    clusters = {item.cluster_id for item in stored if item.article.title and "Boni" in item.article.title}
    assert len(clusters) == 1  # the two printings are near-duplicates
    events = [e for events, _ in extractions.values() for e in events]
    ids = {e["id"] for e in events}
    assert len(extractions) == 2 and len(ids) == 1  # each document lists the one stored event
    [event] = [e for e in events if e["id"] in ids][:1]
    assert (event["event_type"], event["date"], event["location"]) == ("Battles", "2024-03-04", "Boni")
    documents = {s["article_id"].split(":")[0] for e in events for s in e["sources"]}
    assert documents == set(extractions)  # sentences of both documents


def test_replacing_one_printing_keeps_the_event_of_the_other(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'vigie.db'}")
    copy = tmp_path / "essor.txt"
    copy.write_text((PAGES / "essor-2024-03-05-douentza.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with Store.open(settings.db) as store:
        run([str(copy), str(PAGES / "maliweb-2024-03-06-boni.txt")], store, settings)
        copy.write_text(  # the same page now holds another article, with no event
            "Accueil\nSécurité UNE\n\nBamako : la foire de l'artisanat ouvre ses portes\n\nLa foire de "
            "l'artisanat s'est ouverte samedi à Bamako avec plus de deux cents exposants venus de toutes les "
            "régions du pays.\n",
            encoding="utf-8",
        )
        run([str(copy)], store, settings)
        records = list(exporting.document_records(store.articles(), store.document_extractions()))
    events = [e for r in records for e in r["events"]]
    assert [(e["location"], len(e["sources"])) for e in events] == [("Boni", 1)]


def test_villages_side_by_side_stay_apart_when_two_printings_merge(tmp_path: Path) -> None:
    """dev_023 names four villages attacked together: two printings give four events, not one."""
    settings = Settings(db=f"sqlite:///{tmp_path / 'vigie.db'}")
    text = (EVAL / "dev" / "dev_023.txt").read_bytes()
    for copy in ("a", "b"):
        (tmp_path / f"{copy}.txt").write_bytes(text + f"\n\nRéf. {copy}\n".encode())
    with Store.open(settings.db) as store:
        once = run([str(tmp_path / "a.txt")], store, settings).events
        run([str(tmp_path / "b.txt")], store, settings)
        extractions = store.document_extractions()
    ids = [{e["id"] for e in events} for events, _ in extractions.values()]
    assert len(ids) == 2 and ids[0] == ids[1]  # both documents list the same stored events
    assert len(ids[0]) == once
