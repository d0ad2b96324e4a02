"""Segment stage for web pages: a RawDoc read from HTML or a feed entry -> its one Article.

A page carries one article whose title, date and author come from the page's metadata
(ingest/html.py, ingest/feed.py); its text is the title, a blank line, then the body
paragraphs, so that offsets point into the stored document text like those of a dump.
"""

from __future__ import annotations

import re

from vigie.records import Article, Page, RawDoc

# Paragraphs are separated by blank lines: "…à Bamako.\n\nLe ministre…"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def page_text(title: str | None, body: str) -> str:
    """The document text of a page: its title, a blank line, then its body.

    >>> page_text("Ségou : la crue du Bani", "Les eaux montent.")
    'Ségou : la crue du Bani\\n\\nLes eaux montent.'
    """
    return f"{title}\n\n{body}" if title else body


def page_articles(raw: RawDoc, page: Page) -> list[Article]:
    """The one article of a web page, or none when the page has no body text.

    >>> raw = RawDoc("https://x.ml/a", "a", "ab12", 10, "utf-8",
    ...     "Ségou : la crue du Bani\\n\\nLes eaux montent.\\n\\nLes digues tiennent.")
    >>> [(a.title, a.body, a.spans) for a in page_articles(raw, Page("Ségou : la crue du Bani", None, None))]
    [('Ségou : la crue du Bani', 'Les eaux montent.\\n\\nLes digues tiennent.', ((25, 42), (44, 64)))]
    """
    start = len(page.title) + 2 if page.title and raw.text.startswith(page.title) else 0
    spans = []
    offset = start
    for match in [*PARAGRAPH_BREAK.finditer(raw.text, start), None]:
        end = match.start() if match else len(raw.text)
        piece = raw.text[offset:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((offset + lead, offset + len(piece.rstrip())))
        offset = match.end() if match else end
    if not spans:
        return []
    body = "\n\n".join(raw.text[s:e] for s, e in spans)
    return [
        Article(
            doc_id=raw.sha1,
            position=0,
            kind=page.kind,
            title=page.title,
            published=page.published,
            author=page.author,
            body=body,
            start=0,
            end=spans[-1][1],
            spans=tuple(spans),
        )
    ]
