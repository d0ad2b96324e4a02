"""Ingest stage: paths (files, folders, globs, "-") -> RawDoc records, or a named reason to skip.

Each input's format is found from its content (ingest/sniff.py): page dumps (text.py), HTML
pages (html.py), RSS/Atom feeds (feed.py), WARC archives (warc.py) and JSONL (jsonl.py).
"""

from __future__ import annotations

import glob
import hashlib
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vigie.errors import DocumentError
from vigie.ingest.feed import read_feed
from vigie.ingest.html import read_html
from vigie.ingest.jsonl import read_jsonl
from vigie.ingest.sniff import SNIFF_BYTES, sniff_format
from vigie.ingest.text import decode_text
from vigie.ingest.warc import read_warc
from vigie.records import RawDoc

STDIN = "-"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
# Web inputs taken from folders: pages, feeds, archives ("crawl.warc.gz") and JSONL
WEB_SUFFIXES = {".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".warc", ".jsonl"}


@dataclass(frozen=True, slots=True)
class Source:
    """A place to read one document from: a file path, or standard input."""

    location: str

    @property
    def name(self) -> str:
        return "stdin" if self.location == STDIN else Path(self.location).name


def find_sources(paths: Iterable[str]) -> Iterator[Source | DocumentError]:
    """Expand files, folders (recursively: text, HTML, feed, WARC and JSONL files) and globs into
    sources, in sorted order.

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
                    and (
                        child.suffix.lower() in TEXT_SUFFIXES | WEB_SUFFIXES
                        or child.name.lower().endswith(".warc.gz")
                    )
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


def read_documents(source: Source, max_bytes: int) -> Iterator[RawDoc | DocumentError]:
    """The documents of one source: one for a dump or a page, one per entry, record or line otherwise.

    A source or a part of it that cannot be used is yielded as a DocumentError with the reason.
    """
    where = source.location if source.location != STDIN else "<stdin>"
    if source.location != STDIN and _head_format(Path(source.location)) == "warc":
        try:
            with Path(source.location).open("rb") as stream:
                yield from read_warc(stream, where, max_bytes)
        except OSError as err:
            yield DocumentError(f"{where}: cannot read: {err.strerror or err}")
        return
    try:
        data = _read_bytes(source, max_bytes)
    except DocumentError as err:
        yield err
        return
    fmt = sniff_format(data[:SNIFF_BYTES])
    if fmt == "warc":
        yield from read_warc(io.BytesIO(data), where, max_bytes)
    elif fmt == "jsonl":
        yield from read_jsonl(data, where)
    elif fmt == "feed":
        try:
            yield from read_feed(data, where)
        except DocumentError as err:
            yield err
    else:
        try:
            yield _read_page(source, data, fmt)
        except DocumentError as err:
            yield err


def read(source: Source, max_bytes: int) -> RawDoc:
    """Read and decode one page dump or HTML page; raise DocumentError with the reason when it is unusable."""
    data = _read_bytes(source, max_bytes)
    fmt = sniff_format(data[:SNIFF_BYTES])
    if fmt not in ("text", "html"):
        raise DocumentError(f"{source.location}: a {fmt} input holds several documents; use read_documents")
    return _read_page(source, data, fmt)


def _head_format(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return sniff_format(handle.read(SNIFF_BYTES))
    except OSError:
        return "text"  # _read_bytes names the problem


def _read_page(source: Source, data: bytes, fmt: str) -> RawDoc:
    if fmt == "html":
        return read_html(data, source.location if source.location != STDIN else "<stdin>")
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
