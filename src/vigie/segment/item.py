"""An item being assembled from a page's lines (`Item`), and what lies ahead of a line (`look_ahead`):
the records `vigie.segment.group` and `vigie.segment.dated` share."""

from __future__ import annotations

from dataclasses import dataclass, field

from vigie.segment.lines import Classified, Line
from vigie.segment.published import Stamp

SKIPPED = (
    Line.FURNITURE,
    Line.NAV,
    Line.CAPTION,
    Line.TAG,
    Line.DATE,
    Line.BYLINE,
)  # a tuple: Enum hashes slowly


@dataclass(slots=True)
class Item:
    """An article being assembled from lines."""

    title: str | None = None
    title_start: int | None = None
    anchored: bool = False  # a date line or a byline came after the title, before the body
    teaser: bool = False  # opened in a list of other articles, or by "Lire aussi"
    stamp: Stamp | None = None
    updated: bool = False  # the stamp is the last update's ("Mis à jour le …"): a "Publié le …" beats it
    author: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False  # a signature, a tag or a list marker ended it
    closed_by_list: bool = False  # only a list marker ended it: its body may go on after the links
    reprinted: bool = False  # the title was just printed again after the lead: a caption may follow
    body_last: bool = False  # the last line given to it was body text (not a date, byline or caption)
    signed: bool = False  # a signature under its body ended it: a complete article, however short
    signed_at: bool = False  # its text ends "Bamako, le 4 août 2024": a signatory follows, no author
    # a "Place : news" line was one of its subheadings (a digest: "Mali : les commerçants de Kati
    # baissent le rideau" / text / "Niger : …"): the next lines of that shape over text are too
    shaped_subheads: bool = False
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Ahead:
    """The next line that is not a date, byline, caption or widget, and what was passed on the way."""

    kind: Line | None  # None at the end of the page
    index: int
    dated: bool  # a date line or a byline was passed


def look_ahead(lines: list[Classified], index: int) -> Ahead:
    """The next line that is not a date, byline, caption or widget (`SKIPPED`)."""
    dated = False
    for j in range(index + 1, len(lines)):
        kind = lines[j].kind
        if kind in (Line.DATE, Line.BYLINE):
            dated = True
            continue
        if kind in SKIPPED:
            continue
        return Ahead(kind, j, dated)
    return Ahead(None, len(lines), dated)


def new_item(line: Classified, title: str | None = None, teaser: bool = False) -> Item:
    """An item opened at `line` (its title, or its first text)."""
    return Item(
        title=title,
        title_start=line.start if title is not None else None,
        teaser=teaser,
        start=line.start,
        end=line.end,
    )


def add_line(item: Item, line: Classified) -> None:
    """Give a body line to the item."""
    item.spans.append((line.start, line.end))
    item.end = line.end
    item.reprinted = False
    item.body_last = True
