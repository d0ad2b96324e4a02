"""Reading inputs: folders, globs, limits, and one clear reason per unusable file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from vigie.errors import DocumentError
from vigie.ingest import PassedOver, Source, find_sources, read

TEXT = "Kidal : Un véhicule neutralisé\n\nLes vecteurs aériens des FAMa ont frappé un pick-up.\n"


def test_folders_and_globs_expand_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    found = [s.location for s in find_sources([str(tmp_path)]) if isinstance(s, Source)]
    assert found == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]
    globbed = [s.location for s in find_sources([str(tmp_path / "**" / "*.txt")]) if isinstance(s, Source)]
    assert globbed == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]


def test_missing_path_is_reported(tmp_path: Path) -> None:
    [error] = list(find_sources([str(tmp_path / "absent.txt")]))
    assert isinstance(error, DocumentError)
    assert str(error) == f"{tmp_path / 'absent.txt'}: no such file, folder or glob match"


def test_dangling_link_in_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    [error] = list(find_sources([str(tmp_path)]))
    assert isinstance(error, DocumentError)
    assert "gone.txt: cannot read" in str(error)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "vide.txt"
    path.write_bytes(b"  \n\n")
    with pytest.raises(DocumentError, match="vide.txt: empty file, nothing to ingest"):
        read(Source(str(path)), max_bytes=1000)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "enorme.txt"
    with path.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse: 200 MB on paper, nothing on disk
    with pytest.raises(DocumentError, match=r"enorme\.txt: file is 200\.0 MB, above the limit of 20\.0 MB"):
        read(Source(str(path)), max_bytes=20_000_000)


def test_same_bytes_same_id(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(TEXT, encoding="utf-8")
    two.write_text(TEXT, encoding="utf-8")
    first, second = read(Source(str(one)), 10_000), read(Source(str(two)), 10_000)
    assert first.sha1 == second.sha1
    assert len(first.sha1) == 40
    assert (first.name, second.name) == ("one.txt", "two.txt")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """Issue 12: a FIFO named on the command line blocked the batch for ever."""
    fifo = tmp_path / "tube.txt"
    os.mkfifo(fifo)
    [error] = list(find_sources([str(fifo)]))
    assert (
        str(error) == f"{fifo}: not a regular file (a FIFO); Vigie reads files, folders, globs and - (stdin)"
    )
    with pytest.raises(DocumentError, match=r"tube\.txt: cannot read: not a regular file \(a FIFO\)"):
        read(Source(str(fifo)), max_bytes=1000)


def test_files_of_unknown_kind_in_folders_are_passed_over_and_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    os.mkfifo(tmp_path / "tube.txt")
    found = list(find_sources([str(tmp_path)]))
    assert found == [
        Source(str(tmp_path / "a.txt")),
        PassedOver(str(tmp_path / "photo.jpg"), "unknown kind of file (.jpg)"),
        PassedOver(str(tmp_path / "tube.txt"), "not a regular file (a FIFO)"),
    ]


def test_a_glob_visits_each_real_folder_once_through_symlink_loops(tmp_path: Path) -> None:
    """Issue 12: `**` followed a link to its parent 40 levels deep (and two links, 2^40 paths)."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "sub" / "again").symlink_to(tmp_path)
    (tmp_path / "elsewhere").symlink_to(tmp_path / "sub")
    started = time.monotonic()
    found = [s.location for s in find_sources([str(tmp_path / "**" / "*.txt")]) if isinstance(s, Source)]
    assert found == [str(tmp_path / "b.txt"), str(tmp_path / "elsewhere" / "a.txt")]
    assert time.monotonic() - started < 2


def test_a_file_name_with_a_line_break_is_quoted_in_its_message(tmp_path: Path) -> None:
    """Issue 12: the skip line of "vide\\n.txt" spanned two lines."""
    path = tmp_path / "vide\n.txt"
    path.write_bytes(b"")
    with pytest.raises(DocumentError) as raised:
        read(Source(str(path)), max_bytes=1000)
    assert str(raised.value) == f"{str(path)!r}: empty file, nothing to ingest"
    assert "\n" not in str(raised.value)
