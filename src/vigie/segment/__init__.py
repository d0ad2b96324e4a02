"""Segment stage: a RawDoc (one page or page dump) -> Articles (full articles and teasers), furniture dropped.

The lines of a hard-wrapped page are first joined into paragraphs (`wrap.py`); each line is
classified by what it is (`lines.py`), then grouped by where it stands (`group.py`); publication
dates are read in every form pages print them (`published.py`), and a newspaper page's folio dates
the articles that print none. docs/segmentation.md
tells the whole design.
"""

from __future__ import annotations

from collections.abc import Callable

from vigie.frdate import fold
from vigie.records import Article, Kind, RawDoc
from vigie.segment.group import group_lines
from vigie.segment.item import Item
from vigie.segment.lines import (
    Classified,
    Line,
    classify_line,
    is_cut_short,
    is_edition,
    is_tag,
    read_line,
    strip_hashtags,
)
from vigie.segment.published import Stamp, find_dateline, page_year
from vigie.segment.wrap import double_spaced, logical_lines, physical_lines

__all__ = ["Line", "classify_line", "split_articles"]

LONG_TEASER_WORDS = 120
# An article's own line that prints only a month ("Publié en janvier 2024") gives it no `published`:
# the gold of train says so (sec-north-024), against FORMAT.md's "2024-08 when only the month is
# printed", which still holds for a monthly's folio ("Février 2024 | N° 118"), the date of its issue.
# True gives such articles their month (`published_month`). docs/segmentation.md, Conventions.
MONTH_ONLY_PUBLISHED = False


def split_articles(raw: RawDoc) -> list[Article]:
    """Cut a page dump into its articles and teasers, in reading order.

    >>> doc = RawDoc("x.txt", "x.txt", "ab12", 0, "utf-8",
    ...     "Kidal : Un camp attaqué\\n\\nPublié jeudi 01 août 2024 à 19:43\\n\\nPar Moussa DIARRA\\n\\n"
    ...     "Des hommes armés ont attaqué le camp ce jeudi.\\n\\nLe bilan est lourd.\\n\\n"
    ...     "Lire aussi : Gao : Un convoi visé\\n\\nUn convoi a sauté sur une mi..")
    >>> [(a.kind, a.title, a.author, a.first_words) for a in split_articles(doc)]
    [('full', 'Kidal : Un camp attaqué', 'Moussa DIARRA', 'Des hommes armés ont attaqué le camp ce'), ('teaser', 'Gao : Un convoi visé', None, 'Un convoi a sauté sur une mi..')]
    """
    lines = classify_lines(raw.text)
    items = group_lines(lines)
    edition = edition_stamp(lines)
    year = _PageYear(raw.text)  # read only for a date printed without its year
    return [_build(raw, position, item, len(items), year, edition) for position, item in enumerate(items)]


class _PageYear:
    """The year a page implies (`page_year`), read once, and only when asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.read = False
        self.year: int | None = None

    def __call__(self) -> int | None:
        if not self.read:
            self.year, self.read = page_year(self.text), True
        return self.year


def edition_stamp(lines: list[Classified]) -> Stamp | None:
    """The date a newspaper page's folio prints, which dates the articles that print none:
    "L'ESSOR N°19254 du 14 juin 2022 Page 5", "Édition du samedi 5 avril 2025"."""
    return next((line.stamp for line in lines if line.kind is Line.DATE and is_edition(line.folded)), None)


def classify_lines(text: str) -> list[Classified]:
    """The logical lines of a document (a hard-wrapped paragraph is one), classified, with their
    offsets and blocks."""
    physical = physical_lines(text)
    physical = double_spaced(physical) or physical  # a print view: one blank line inside a paragraph
    lines = logical_lines(physical, lambda line: is_tag(fold(line)))
    return [read_line(line.text, line.start, line.block, line.end, line.gap) for line in lines]


def _build(
    raw: RawDoc, position: int, item: Item, count: int, year: Callable[[], int | None], edition: Stamp | None
) -> Article:
    text = raw.text
    spans = list(item.spans)
    first_start, first_end = spans[0]
    skip = strip_hashtags(text[first_start:first_end])  # "#Coopération_Burkina_Ghana Le Président…"
    spans[0] = (first_start + skip, first_end)
    paragraphs = [text[s:e] for s, e in spans]
    stamp = item.stamp
    if stamp is not None and stamp.month_only and not MONTH_ONLY_PUBLISHED:
        stamp = None  # "Publié en janvier 2024" dates no article (docs/segmentation.md, Conventions)
    for paragraph in paragraphs[:2] if stamp is None else ():
        # "Bamako, 8 sept 2023 (AFP) - …", after a standfirst maybe
        stamp = find_dateline(paragraph, body=True)
        if stamp is not None:
            break
    stamp = stamp or edition
    published = stamp.resolve(stamp.year or year()) if stamp is not None else None
    return Article(
        doc_id=raw.sha1,
        position=position,
        kind=_kind(item, paragraphs, count),
        title=item.title,
        published=published,
        author=item.author,
        body="\n\n".join(paragraphs),
        start=min([item.start] + ([item.title_start] if item.title_start is not None else [])),
        end=item.end,
        spans=tuple(spans),
        published_month=stamp is not None and published is not None and stamp.month_only,
    )


def _kind(item: Item, paragraphs: list[str], count: int) -> Kind:
    if item.teaser or not paragraphs:
        return "teaser"
    if is_cut_short(paragraphs[-1]):
        return "teaser"
    if (
        count > 1
        and len(paragraphs) == 1
        and len(paragraphs[0].split()) < LONG_TEASER_WORDS
        and not item.signed
    ):
        return "teaser"
    return "full"
