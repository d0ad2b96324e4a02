"""Feed input: RSS or Atom bytes -> one RawDoc per entry (title, date, author from the entry).

The bytes are first parsed by defusedxml, which refuses entity declarations: a feed with an
entity bomb ("billion laughs") is refused before feedparser sees it.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
import feedparser
import lxml.html
from defusedxml import DefusedXmlException

from vigie.errors import DocumentError
from vigie.page import page_text
from vigie.records import Kind, Page, RawDoc
from vigie.segment import Line, classify_line

# Block elements whose text is one paragraph of an entry's HTML content: "<p>Les FAMa ont…</p>"
PARAGRAPHS = "//p | //li | //blockquote | //h2 | //h3"
# <?xml version="1.0" encoding="gb2312"?>
DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']{1,40})["']""")
# Encodings the XML parser reads itself; any other is decoded here and handed over as UTF-8
EXPAT_ENCODINGS = {"utf-8", "utf-16", "iso8859-1", "ascii"}


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, as the feed prints it."""

    link: str
    title: str | None
    published: date | datetime | None
    author: str | None
    body: str
    kind: Kind  # "full" with content:encoded, "teaser" with a summary only


def parse_feed(data: bytes, where: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed, in feed order; raise DocumentError on a dangerous or empty feed."""
    data = as_utf8(data, where)
    try:
        defusedxml.ElementTree.fromstring(data)
    except DefusedXmlException as err:
        raise DocumentError(
            f"{where}: feed refused: it declares XML entities ({type(err).__name__}), "
            "as an entity bomb does; ask the publisher for a plain RSS or Atom feed"
        ) from err
    except (ParseError, ValueError, LookupError):
        pass  # feedparser reads ill-formed feeds leniently
    parsed: Any = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        raise DocumentError(f"{where}: not an RSS or Atom feed, or a feed without entries")
    entries = []
    for item in parsed.entries:
        link = str(item.get("link") or "").strip()
        if not link:
            continue
        content = item.get("content") or []
        html = str(content[0].get("value", "")) if content else str(item.get("summary") or "")
        entries.append(
            FeedEntry(
                link=link,
                title=_clean(item.get("title")),
                published=_date(item.get("published") or item.get("updated")),
                author=_clean(item.get("author")),
                body=_text(html),
                kind="full" if content else "teaser",
            )
        )
    return entries


def as_utf8(data: bytes, where: str) -> bytes:
    """A feed in an encoding the XML parser cannot read (multi-byte "gb2312", "shift_jis"), as UTF-8
    with its declaration changed to match; a feed in an encoding nobody knows, refused unless it is UTF-8.

    >>> as_utf8('<?xml version="1.0" encoding="gb2312"?><rss>Bamako 新闻</rss>'.encode("gb2312"), "f.xml").decode()
    '<?xml version="1.0" encoding="utf-8"?><rss>Bamako 新闻</rss>'
    """
    found = DECLARED.match(data)
    if found is None:
        return data
    declared = found.group(1).decode("ascii", errors="replace").strip()
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise DocumentError(
                f"{where}: feed declares the unknown encoding {declared!r} and is not UTF-8; "
                "ask the publisher for a UTF-8 feed"
            ) from None
        name = "utf-8"  # a name nobody knows over UTF-8 bytes: read as UTF-8
    else:
        if name in EXPAT_ENCODINGS:
            return data
    rest = data[found.end(1) :].decode(name, errors="replace").encode("utf-8")
    return data[: found.start(1)] + b"utf-8" + rest


def feed_links(data: bytes, where: str) -> list[str]:
    """The links of a feed's entries, in feed order."""
    return [entry.link for entry in parse_feed(data, where)]


def read_feed(data: bytes, where: str, captured: datetime | None = None) -> list[RawDoc]:
    """One document per feed entry that has text, with the entry's link as URL.

    Its source is the feed and the link, so that the entry and the page it links to (the full
    article, a teaser of which the entry often is) are stored side by side as near-duplicates.
    """
    docs = []
    for entry in parse_feed(data, where):
        if not entry.body:
            continue
        text = page_text(entry.title, entry.body)
        docs.append(
            RawDoc(
                # the entry is a document of its own beside the page it links to: "essor.xml#https://…"
                source=f"{where}#{entry.link}",
                name=entry.link.rstrip("/").rsplit("/", 1)[-1] or entry.link,
                sha1=hashlib.sha1(f"{entry.link}\n{text}".encode()).hexdigest(),
                size=len(text.encode()),
                encoding="utf-8",
                text=text,
                url=entry.link,
                captured=captured,
                format="feed",
                page=Page(entry.title, entry.published, entry.author, kind=entry.kind),
            )
        )
    return docs


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _date(value: object) -> date | datetime | None:
    """A feed date as printed, local time kept: RFC 822 (RSS) or ISO 8601 (Atom).

    >>> _date("Tue, 12 Mar 2024 09:15:00 +0000"), _date("2024-03-12T09:15:00Z"), _date("hier")
    (datetime.datetime(2024, 3, 12, 9, 15), datetime.datetime(2024, 3, 12, 9, 15), None)
    """
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return parsedate_to_datetime(text).replace(tzinfo=None)
    except (TypeError, ValueError):
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def _text(html: str) -> str:
    """An entry's HTML as paragraphs separated by blank lines.

    >>> _text("<p>Les eaux du Bani montent.</p><p>Les digues tiennent.</p>")
    'Les eaux du Bani montent.\\n\\nLes digues tiennent.'
    """
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    blocks = root.xpath(PARAGRAPHS) or [root]
    lines = [" ".join(block.text_content().split()) for block in blocks]
    # "L'article … est apparu en premier sur L'Essor." closes WordPress feed entries
    return "\n\n".join(line for line in lines if line and classify_line(line)[0] is not Line.FURNITURE)
