"""Store, text side: a document's text kept once, compressed; an article's body cut out of it.

`documents.packed` (migration 0014) holds the zlib-compressed UTF-8 text of a document; an article
keeps only the offsets of its paragraphs (`articles.spans`), and its body is those paragraphs of
the document's text joined by blank lines, as the segmenter made it. On SQLite the full-text index
reads bodies through the view `article_texts` and the SQL function `vigie_article_text(packed,
spans)`, which `vigie.store` registers on each connection it opens.
"""

from __future__ import annotations

import json
import zlib

LEVEL = 6  # zlib's default: level 9 saves 1 % more for twice the time
PARAGRAPH_BREAK = "\n\n"
SQL_FUNCTION = "vigie_article_text"


def pack(text: str) -> bytes:
    """A document's text as stored.

    >>> unpack(pack("Ségou : accrochage près de Dogofry"))
    'Ségou : accrochage près de Dogofry'
    """
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


def article_text(text: str, spans: str | list[list[int]] | tuple[tuple[int, int], ...]) -> str:
    """An article's body: its paragraphs (offsets into the document's text) joined by blank lines.

    >>> article_text("Kidal\\n\\nLes FAMa ont riposté.\\nPub\\nLe calme est revenu.", "[[7, 28], [33, 53]]")
    'Les FAMa ont riposté.\\n\\nLe calme est revenu.'
    """
    pairs = json.loads(spans) if isinstance(spans, str) else spans
    return PARAGRAPH_BREAK.join(text[int(start) : int(end)] for start, end in pairs)


class TextCache:
    """Unpacks documents, keeping the last one: the articles of a dump are read one after the other."""

    def __init__(self) -> None:
        self._last: tuple[bytes, str] = (b"", "")
        self.interrupted = False  # Ctrl-C came while SQLite ran the SQL function

    def text(self, packed: bytes) -> str:
        last = self._last  # one tuple, read and replaced whole: threads may share the cache
        if packed == last[0]:
            return last[1]
        text = unpack(packed)
        self._last = (packed, text)
        return text

    def remember(self, packed: bytes, text: str) -> None:
        """The text of a document being stored: the index reads its articles without unpacking it."""
        self._last = (packed, text)

    def article_text(self, packed: bytes | None, spans: str | None) -> str | None:
        """The SQL function vigie_article_text(packed, spans); null for null arguments."""
        if packed is None or spans is None:
            return None
        return article_text(self.text(packed), spans)


def note_interrupt(signum: int, frame: object) -> None:
    """The command's SIGINT handler: Ctrl-C noted, then raised as usual. When it lands inside
    SQLite's call of vigie_article_text, sqlite3 turns it into "user-defined function raised
    exception"; the note lets the store raise it again (`raise_interrupt`)."""
    SHARED.interrupted = True
    raise KeyboardInterrupt


def raise_interrupt() -> None:
    """Raise the Ctrl-C that came while SQLite ran the SQL function, if one did: the statement
    failed because of it, and the command must stop as on any Ctrl-C, not report a store error."""
    if SHARED.interrupted:
        SHARED.interrupted = False
        raise KeyboardInterrupt


SHARED = TextCache()  # the SQL function's, for every connection of the process


def register(connection: object) -> None:
    """Give a sqlite3 connection the SQL function vigie_article_text (deterministic: usable in an index
    or a view)."""
    connection.create_function(SQL_FUNCTION, 2, SHARED.article_text, deterministic=True)  # type: ignore[attr-defined]
