"""Ingest stage: paths (files, folders, globs, "-") -> RawDoc records, or a named reason to skip.

Each input's format is found from its content (ingest/sniff.py): page dumps (text.py), HTML
pages (html.py), RSS/Atom feeds (feed.py), WARC archives (warc.py) and JSONL (jsonl.py).
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from vigie.errors import DocumentError
from vigie.ingest.feed import read_feed
from vigie.ingest.html import read_html
from vigie.ingest.jsonl import read_jsonl
from vigie.ingest.sniff import SNIFF_BYTES, sniff_format
from vigie.ingest.text import read_text
from vigie.ingest.warc import read_warc
from vigie.records import RawDoc

STDIN = "-"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
# Web inputs taken from folders: pages, feeds, archives ("crawl.warc.gz") and JSONL
WEB_SUFFIXES = {".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".warc", ".jsonl"}
# A glob's wildcards: "dumps/**/*.txt", "page-?.html", "[ab]*.xml"
MAGIC = re.compile(r"[*?[]")
# What a path that is not a regular file is, for the reason it is passed over
FILE_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
              (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Source:
    """A place to read one document from: a file path, or standard input."""

    location: str

    @property
    def name(self) -> str:
        return "stdin" if self.location == STDIN else Path(self.location).name

    @property
    def shown(self) -> str:
        """The path as messages print it: quoted when it holds a line break or another control character."""
        return "<stdin>" if self.location == STDIN else shown(self.location)


@dataclass(frozen=True, slots=True)
class PassedOver:
    """A file inside a folder or glob that is not an input Vigie reads (a photo, a FIFO): counted, not read."""

    location: str
    reason: str  # "unknown kind of file (.jpg)"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about a document that was read and kept all the same."""

    location: str
    message: str  # names the file: "x.txt: 3 bytes are not valid UTF-8; …"


def shown(path: str) -> str:
    """A path for a one-line message: as is, or quoted with escapes when it holds control characters.

    >>> shown("dumps/kidal.txt"), shown("dumps/kidal\\n.txt")
    ('dumps/kidal.txt', "'dumps/kidal\\\\n.txt'")
    """
    return path if path.isprintable() else repr(path)


def find_sources(paths: Iterable[str]) -> Iterator[Source | DocumentError | PassedOver]:
    """Expand files, folders (recursively: text, HTML, feed, WARC and JSONL files) and globs into
    sources, in sorted order.

    A path that matches nothing, or that is not a regular file (a FIFO would block the batch for
    ever), is yielded as a DocumentError so the batch can report it; files of other kinds inside
    folders and globs are yielded as PassedOver, to be counted.
    """
    for given in paths:
        if given == STDIN:
            yield Source(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _folder_sources(path)
            continue
        if path.exists() or path.is_symlink():
            kind = _file_kind(given)
            if kind is None:
                yield Source(str(path))
            else:
                yield DocumentError(
                    f"{shown(given)}: not a regular file ({kind}); Vigie reads files, folders, globs and - (stdin)"
                )
            continue
        matches = expand_glob(given)
        if matches:
            for match in matches:
                kind = _file_kind(match)
                if kind is None:
                    yield Source(match)
                elif kind != "a folder":
                    yield PassedOver(match, f"not a regular file ({kind})")
            continue
        yield DocumentError(f"{shown(given)}: no such file, folder or glob match")


def _folder_sources(folder: Path) -> Iterator[Source | DocumentError | PassedOver]:
    """The inputs of a folder and its sub-folders (symbolic links to folders are not followed)."""
    for child in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in child.relative_to(folder).parts):
            continue  # hidden files and folders (".git/"), as a shell glob leaves them
        if child.is_symlink() and not child.exists():
            yield DocumentError(f"{shown(str(child))}: cannot read: the link points to a missing file")
            continue
        kind = _file_kind(str(child))
        if kind == "a folder":
            continue
        if kind is not None:
            yield PassedOver(str(child), f"not a regular file ({kind})")
        elif child.suffix.lower() in TEXT_SUFFIXES | WEB_SUFFIXES or child.name.lower().endswith(".warc.gz"):
            yield Source(str(child))
        else:
            yield PassedOver(str(child), f"unknown kind of file ({child.suffix.lower()})")


def _file_kind(path: str) -> str | None:
    """None for a regular file (links followed), else what it is: "a FIFO", "a folder"…"""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # a dangling link or an unreadable path: reading it names the problem
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in FILE_KINDS if test(mode)), "not a file")


def expand_glob(pattern: str) -> list[str]:
    """The paths a glob matches, sorted; `**` matches any depth, and each real folder is visited
    once, so that a symbolic link looping back to its parent ends the walk instead of going 40 deep.

    Like the shell, wildcards do not match names starting with a dot.
    """
    if "**" not in pattern:
        return sorted(glob.glob(pattern))  # no recursion, so no loop
    parts = pattern.split(os.sep)
    base = os.sep if pattern.startswith(os.sep) else ""
    found: dict[str, str] = {}  # real path -> first path that reached it
    for match in _match(base, [part for part in parts if part], set()):
        found.setdefault(os.path.realpath(match), match)
    return sorted(found.values())


def _match(base: str, parts: list[str], walked: set[tuple[int, int, int]]) -> Iterator[str]:
    if not parts:
        if base:
            yield base
        return
    head, rest = parts[0], parts[1:]
    if head == "**":
        yield from _match(base, rest, walked)  # zero folders
        for folder in _sub_folders(base, set()):
            key = (len(rest), *_identity(folder))
            if key not in walked:  # "**/**" or two paths to one folder: match the rest once
                walked.add(key)
                yield from _match(folder, rest, walked)
        return
    if not MAGIC.search(head):
        candidate = os.path.join(base, head)
        if os.path.lexists(candidate):
            yield from _match(candidate, rest, walked)
        return
    for name in _names(base):
        if (head.startswith(".") or not name.startswith(".")) and fnmatch.fnmatchcase(name, head):
            yield from _match(os.path.join(base, name), rest, walked)


def _sub_folders(base: str, seen: set[tuple[int, int]]) -> Iterator[str]:
    """Every folder under `base`, links followed, each real folder once (depth first, sorted)."""
    seen.add(_identity(base))
    for name in _names(base):
        path = os.path.join(base, name)
        if name.startswith(".") or not os.path.isdir(path):
            continue
        if _identity(path) in seen:
            continue
        yield path
        yield from _sub_folders(path, seen)


def _identity(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path or ".")
    except OSError:
        return (-1, hash(path))
    return (info.st_dev, info.st_ino)


def _names(base: str) -> list[str]:
    try:
        return sorted(os.listdir(base or "."))
    except OSError:
        return []


def read_documents(source: Source, max_bytes: int) -> Iterator[RawDoc | DocumentError | Notice]:
    """The documents of one source: one for a dump or a page, one per entry, record or line otherwise.

    A source or a part of it that cannot be used is yielded as a DocumentError with the reason;
    what the user should know about a document kept (bytes replaced) as a Notice.
    """
    where = source.shown
    if source.location != STDIN:
        try:
            with open_regular(source.location) as stream:
                if sniff_format(stream.read(SNIFF_BYTES)) == "warc":
                    stream.seek(0)
                    yield from read_warc(stream, where, max_bytes)
                    return
        except DocumentError as err:
            yield err
            return
        except OSError as err:
            yield DocumentError(f"{where}: cannot read: {err.strerror or err}")
            return
    try:
        data = _read_bytes(source, max_bytes)
    except DocumentError as err:
        yield err
        return
    yield from read_data(source, data, max_bytes)


def read_data(source: Source, data: bytes, max_bytes: int) -> Iterator[RawDoc | DocumentError | Notice]:
    """The documents in the bytes of one source read by other means (a cluster's filesystem, for
    `vigie spark ingest`), found as `read_documents` finds them in a file."""
    where = source.shown
    fmt = sniff_format(data[:SNIFF_BYTES])
    if fmt != "warc":  # an archive's limit is per record, as when it is streamed from a file
        try:
            _check_size(where, data, max_bytes)
        except DocumentError as err:
            yield err
            return
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
            doc, notice = _read_page(source, data, fmt)
        except DocumentError as err:
            yield err
            return
        yield doc
        if notice is not None:
            yield notice


def read(source: Source, max_bytes: int) -> RawDoc:
    """Read and decode one page dump or HTML page; raise DocumentError with the reason when it is unusable."""
    data = _read_bytes(source, max_bytes)
    fmt = sniff_format(data[:SNIFF_BYTES])
    if fmt not in ("text", "html"):
        raise DocumentError(f"{source.shown}: a {fmt} input holds several documents; use read_documents")
    return _read_page(source, data, fmt)[0]


def open_regular(path: str) -> BinaryIO:
    """Open a regular file for reading; a FIFO, device or socket is refused without blocking on it."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in FILE_KINDS if test(mode)), "not a file")
            raise DocumentError(f"{shown(path)}: cannot read: not a regular file ({kind})")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _read_page(source: Source, data: bytes, fmt: str) -> tuple[RawDoc, Notice | None]:
    if fmt == "html":
        return read_html(data, source.shown), None
    sha1 = hashlib.sha1(data).hexdigest()
    decoded = read_text(data, source.shown)
    notice = None
    if decoded.bad_bytes:
        notice = Notice(
            source.location,
            f"{source.shown}: {decoded.bad_bytes} bytes are not valid UTF-8; read as UTF-8 with each "
            "replaced by \ufffd (check the file's encoding)",
        )
    doc = RawDoc(
        # each text piped in is its own document: a second pipe must not replace the first
        source=source.location if source.location != STDIN else f"<stdin>:{sha1[:12]}",
        name=source.name,
        sha1=sha1,
        size=len(data),
        encoding=decoded.encoding,
        text=decoded.text,
    )
    return doc, notice


def _read_bytes(source: Source, max_bytes: int) -> bytes:
    where = source.shown
    try:
        if source.location == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open_regular(source.location) as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > max_bytes:
                    raise DocumentError(
                        f"{where}: file is {size / 1e6:.1f} MB, above the limit of {max_bytes / 1e6:.1f} MB; "
                        "split it, or raise the limit with --setting max_bytes N"
                    )
                data = handle.read(max_bytes + 1)
    except OSError as err:
        raise DocumentError(f"{where}: cannot read: {err.strerror or err}") from err
    _check_size(where, data, max_bytes)
    return data


def _check_size(where: str, data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise DocumentError(
            f"{where}: input is over the limit of {max_bytes / 1e6:.1f} MB; "
            "raise it with --setting max_bytes N"
        )
    if not data.strip():
        raise DocumentError(f"{where}: empty file, nothing to ingest")
