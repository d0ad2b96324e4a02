"""Ingest stage: paths (files, folders, globs, "-") -> RawDoc records, or a named reason to skip."""

from __future__ import annotations

import glob
import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vigie.errors import DocumentError
from vigie.ingest.text import decode_text
from vigie.records import RawDoc

STDIN = "-"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


@dataclass(frozen=True, slots=True)
class Source:
    """A place to read one document from: a file path, or standard input."""

    location: str

    @property
    def name(self) -> str:
        return "stdin" if self.location == STDIN else Path(self.location).name


def find_sources(paths: Iterable[str]) -> Iterator[Source | DocumentError]:
    """Expand files, folders (recursively, text files only) and globs into sources, in sorted order.

    A path that matches nothing is yielded as a DocumentError so the batch can report it.
    """
    for given in paths:
        if given == STDIN:
            yield Source(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_symlink() and not child.exists():
                    yield DocumentError(f"{child}: cannot read: the link points to a missing file")
                elif (
                    child.is_file()
                    and child.suffix.lower() in TEXT_SUFFIXES
                    and not child.name.startswith(".")
                ):
                    yield Source(str(child))
            continue
        if path.exists() or path.is_symlink():
            yield Source(str(path))
            continue
        matches = sorted(glob.glob(given, recursive=True))
        if matches:
            for match in matches:
                if Path(match).is_file():
                    yield Source(match)
            continue
        yield DocumentError(f"{given}: no such file, folder or glob match")


def read(source: Source, max_bytes: int) -> RawDoc:
    """Read and decode one source; raise DocumentError with the reason when it is unusable."""
    data = _read_bytes(source, max_bytes)
    sha1 = hashlib.sha1(data).hexdigest()
    text, encoding = decode_text(data, source.location)
    return RawDoc(
        # each text piped in is its own document: a second pipe must not replace the first
        source=source.location if source.location != STDIN else f"<stdin>:{sha1[:12]}",
        name=source.name,
        sha1=sha1,
        size=len(data),
        encoding=encoding,
        text=text,
    )


def _read_bytes(source: Source, max_bytes: int) -> bytes:
    where = source.location if source.location != STDIN else "<stdin>"
    try:
        if source.location == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            path = Path(source.location)
            if not path.is_file():
                raise DocumentError(f"{where}: cannot read: not a regular file")
            size = path.stat().st_size
            if size > max_bytes:
                raise DocumentError(
                    f"{where}: file is {size / 1e6:.1f} MB, above the limit of {max_bytes / 1e6:.1f} MB; "
                    "split it, or raise the limit with --setting max_bytes N"
                )
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
    except OSError as err:
        raise DocumentError(f"{where}: cannot read: {err.strerror or err}") from err
    if len(data) > max_bytes:
        raise DocumentError(
            f"{where}: input is over the limit of {max_bytes / 1e6:.1f} MB; "
            "raise it with --setting max_bytes N"
        )
    if not data.strip():
        raise DocumentError(f"{where}: empty file, nothing to ingest")
    return data
