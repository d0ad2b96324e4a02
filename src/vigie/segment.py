"""Segment stage: a RawDoc (one page dump) -> Articles (full articles and teasers), furniture dropped.

A dump is read line by line. Each line is first classified (headline, paragraph, "Publié …",
byline, signature, tag, "Lire aussi :", furniture), then a small state machine groups the
lines into items: a headline opens an item, paragraphs fill it, a signature closes it, a
"Lire aussi :" or an author's listing opens teasers of one paragraph each.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum, auto
from importlib import resources

from vigie.frdate import find_date, fold
from vigie.records import Article, Kind, RawDoc


@dataclass(frozen=True, slots=True)
class Furniture:
    """The page-furniture vocabulary of data/page_furniture.toml, compiled."""

    sections: frozenset[str]
    furniture: re.Pattern[str]  # one alternation of all the patterns of the file
    listing_markers: re.Pattern[str]
    read_also: re.Pattern[str]

    @classmethod
    def load(cls) -> Furniture:
        text = resources.files("vigie.data").joinpath("page_furniture.toml").read_text(encoding="utf-8")
        table = tomllib.loads(text)
        return cls(
            sections=frozenset(table["sections"]),
            furniture=_alternation(table["furniture"]),
            listing_markers=_alternation(table["listing_markers"]),
            read_also=_alternation(table["read_also"]),
        )


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


FURNITURE = Furniture.load()

# "Publié jeudi 01 août 2024 à 19:43", "Publié le lundi 2 juillet 2012", "Mis à jour le 3 mai 2022"
PUBLISHED = re.compile(r"^(?:publie|mis a jour|mise a jour|date de publication)\b")
# "Par Souleymane SIDIBE", "Par : Moussa Diarra"
BYLINE = re.compile(r"^Par\s*:?\s+(?P<name>\S.*?)\s*$")
# "Bamako, le 2 octobre 2019", "Samedi 13 novembre 2021", "Ségou, le 6 février 2017"
DATE_LINE = re.compile(
    r"^(?:[a-z][a-z' -]{1,30},\s*)?(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"\d{1,2}(?:er)?\s+[a-z]+\.?\s+\d{4}\.?$"
)
# "Bamako, le 27 mars 2020 – Le président…": a dateline opening the first paragraph
DATELINE_PREFIX = re.compile(r"^[a-z][a-z' -]{1,30},\s*le\s+[^–—-]{6,40}?\d{4}\s*[–—-]\s")
# "La Rédaction", "Rédaction Lessor"
NEWSROOM = re.compile(r"^(?:la\s+)?redaction(?:\s+\S+)?$")
# Words that may stand lower-case inside a person's name: "Ag", "ould", "de", "ben"
NAME_PARTICLES = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "ag",
    "ould",
    "ben",
    "bin",
    "el",
    "al",
    "dit",
    "et",
    "van",
    "von",
}
# Teasers end in ".." or "-.": "…les positions enne..", "-."
CUT_SHORT = re.compile(r"(?:[^.]\.\.|^-\.)$")
SENTENCE_END = re.compile(r"[.!…;,]$")
WORD = re.compile(r"[\w'’-]+")

MAX_HEADLINE_CHARS = 260
MAX_HEADLINE_WORDS = 40
MAX_INTERTITLE_WORDS = 8
LONG_TEASER_WORDS = 120


class Line(Enum):
    BLANK = auto()
    FURNITURE = auto()
    LISTING = auto()  # "Les articles de l'auteur"
    TAG = auto()  # "Sécurité UNE"
    READ_ALSO = auto()  # "Lire aussi : <title>"
    PUBLISHED = auto()  # "Publié jeudi 01 août 2024 à 19:43"
    BYLINE = auto()  # "Par Souleymane SIDIBE"
    SIGNATURE = auto()  # "Souleymane SIDIBE" alone after a body
    DATE = auto()  # "Bamako, le 2 octobre 2019"
    HEADLINE = auto()
    PARAGRAPH = auto()


@dataclass(frozen=True, slots=True)
class Classified:
    kind: Line
    start: int  # offsets of the stripped line in the document text
    end: int
    text: str  # the stripped line; the title, name or date text for typed lines
    value: date | datetime | None = None


def classify_line(line: str) -> tuple[Line, str]:
    """The type of one stripped line, and the text it carries (title, name or the line).

    >>> classify_line("Actualité Actualité Sécurité UNE")
    (<Line.TAG: 4>, 'Actualité Actualité Sécurité UNE')
    >>> classify_line("Lire aussi : Kidal : Un véhicule neutralisé")
    (<Line.READ_ALSO: 5>, 'Kidal : Un véhicule neutralisé')
    >>> classify_line("Par Souleymane SIDIBE")
    (<Line.BYLINE: 7>, 'Souleymane SIDIBE')
    >>> classify_line("Par arrêté n°2025-4743/MM-SG du 13 octobre 2025, le ministre a procédé..")[0]
    <Line.PARAGRAPH: 11>
    >>> classify_line("#Mali : Les FAMa mettent en déroute les GAT")
    (<Line.HEADLINE: 10>, 'Mali : Les FAMa mettent en déroute les GAT')
    """
    if not line:
        return Line.BLANK, line
    folded = fold(line).replace("’", "'").replace("\u00a0", " ")
    if FURNITURE.furniture.search(folded):
        return Line.FURNITURE, line
    if FURNITURE.listing_markers.search(folded):
        return Line.LISTING, line
    found = FURNITURE.read_also.search(folded)
    if found:
        return Line.READ_ALSO, line[found.end() :].strip().lstrip("#").strip()
    if _is_tag(folded):
        return Line.TAG, line
    if PUBLISHED.search(folded) and find_date(line) is not None:
        return Line.PUBLISHED, line
    byline = BYLINE.match(line)
    if byline and _is_name(byline["name"]):
        return Line.BYLINE, byline["name"]
    if DATE_LINE.match(folded) and find_date(line) is not None:
        return Line.DATE, line
    if _is_name(line) or NEWSROOM.match(folded):
        return Line.SIGNATURE, line
    if _is_headline(line):
        return Line.HEADLINE, line.lstrip("#").strip()
    return Line.PARAGRAPH, line


def _is_tag(folded: str) -> bool:
    words = folded.split()
    if not words or len(words) > 8:
        return False
    i = 0
    while i < len(words):
        if i + 2 < len(words) + 1 and " ".join(words[i : i + 2]) in FURNITURE.sections:
            i += 2
        elif words[i] in FURNITURE.sections:
            i += 1
        else:
            return False
    return True


def _is_name(text: str) -> bool:
    """A person's name as printed in a byline: "Souleymane SIDIBE", "Cheick Oumar SOW".

    >>> _is_name("Aïssata DIALLO"), _is_name("Sécurité au centre"), _is_name("SÉCURITÉ AU CENTRE")
    (True, False, False)
    """
    words = text.split()
    if not 2 <= len(words) <= 6 or len(text) > 60 or any(c.isdigit() for c in text):
        return False
    if SENTENCE_END.search(text) or ":" in text:
        return False
    upper = title = 0
    for word in words:
        core = word.strip("-'’.")
        if core.lower() in NAME_PARTICLES:
            continue
        if not core or not core[0].isupper():
            return False
        if len(core) >= 2 and core.isupper():
            upper += 1
        elif core[1:].islower() or len(core) == 1:
            title += 1
    return upper >= 1 and title >= 1


def _is_plain_name(text: str) -> bool:
    """A name printed without capitals: "Moussa Diarra" (2 to 4 capitalised words)."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        w.lower() in NAME_PARTICLES
        or (w[0].isupper() and w[1:].replace("-", "").isalpha() and w[1:].islower())
        for w in words
    )


def _is_headline(line: str) -> bool:
    if line.startswith("#"):
        return True
    if len(line) > MAX_HEADLINE_CHARS or len(line.split()) > MAX_HEADLINE_WORDS:
        return False
    if SENTENCE_END.search(line):
        return False
    first = line.lstrip("«\"“'( ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


@dataclass(slots=True)
class _Item:
    """An article being assembled from lines."""

    title: str | None = None
    title_start: int | None = None
    title_confirmed: bool = False  # the title was printed twice, or with "#"
    teaser: bool = False  # from "Lire aussi" or an author's listing
    published: date | datetime | None = None
    author: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False  # a signature ended it
    last: Line = Line.BLANK
    start: int = 0
    end: int = 0


def split_articles(raw: RawDoc) -> list[Article]:
    """Cut a page dump into its articles and teasers, in reading order.

    >>> doc = RawDoc("x.txt", "x.txt", "ab12", 0, "utf-8",
    ...     "Kidal : Un camp attaqué\\n\\nPublié jeudi 01 août 2024 à 19:43\\n\\nPar Moussa DIARRA\\n\\n"
    ...     "Des hommes armés ont attaqué le camp ce jeudi.\\n\\nLe bilan est lourd.\\n\\n"
    ...     "Lire aussi : Gao : Un convoi visé\\n\\nUn convoi a sauté sur une mi..")
    >>> [(a.kind, a.title, a.author, a.first_words) for a in split_articles(doc)]
    [('full', 'Kidal : Un camp attaqué', 'Moussa DIARRA', 'Des hommes armés ont attaqué le camp ce'), ('teaser', 'Gao : Un convoi visé', None, 'Un convoi a sauté sur une mi..')]
    """
    lines = list(_classify(raw.text))
    items = _group(lines)
    return [_build(raw, position, item, len(items)) for position, item in enumerate(items)]


def _classify(text: str) -> list[Classified]:
    out: list[Classified] = []
    offset = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        start = offset + (len(raw_line) - len(raw_line.lstrip()))
        offset += len(raw_line) + 1
        kind, value_text = classify_line(stripped)
        if kind is Line.BLANK:
            continue
        value = find_date(stripped) if kind in (Line.PUBLISHED, Line.DATE) else None
        out.append(Classified(kind, start, start + len(stripped), value_text, value))
    return out


def _same_title(a: str | None, b: str) -> bool:
    return a is not None and _title_key(a) == _title_key(b)


def _title_key(title: str) -> str:
    return " ".join(WORD.findall(fold(title)))


def _group(lines: list[Classified]) -> list[_Item]:
    items: list[_Item] = []
    listing = False  # inside "Les articles de l'auteur": every item is a teaser
    pending_teaser = False  # "Lire aussi :" printed without a title: the next headline is its title
    for index, line in enumerate(lines):
        current = items[-1] if items else None
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        kind = line.kind
        if kind in (Line.FURNITURE, Line.TAG):
            continue
        if kind is Line.LISTING:
            listing = True
            if current is not None:
                current.closed = True
            continue
        if kind is Line.READ_ALSO:
            if line.text:
                items.append(_new_item(line, title=line.text, teaser=True))
            else:
                pending_teaser = True
            continue
        if kind is Line.PUBLISHED or kind is Line.DATE:
            if current is None:
                items.append(_new_item(line, teaser=listing))
                current = items[-1]
            if current.published is None:
                current.published = line.value
            current.end = line.end
            current.last = kind
            continue
        if kind is Line.BYLINE or kind is Line.SIGNATURE:
            if current is not None:
                if current.author is None:
                    current.author = line.text
                current.end = line.end
                if kind is Line.SIGNATURE and current.spans:
                    current.closed = True
                current.last = kind
            continue
        if kind is Line.HEADLINE and current is not None and current.spans and not current.closed:
            if _is_plain_name(line.text) and (nxt is None or nxt.kind is not Line.PARAGRAPH):
                kind = Line.SIGNATURE  # "Moussa Diarra" closing an article
                if current.author is None:
                    current.author = line.text
                current.closed = True
                current.end = line.end
                continue
        if kind is Line.HEADLINE:
            if current is None or pending_teaser:
                items.append(_new_item(line, title=line.text, teaser=listing or pending_teaser))
                pending_teaser = False
            elif current.title_confirmed and current.last is Line.HEADLINE:
                current.end = line.end  # a photo caption under the repeated headline
            elif _same_title(current.title, line.text):
                current.title = line.text  # the printing just before the body is the headline
                current.title_confirmed = True
                current.last = Line.HEADLINE
                current.end = line.end
            elif current.teaser and not current.spans:
                _add_paragraph(current, line)  # a teaser lead cut without a final stop
            elif not current.spans:
                # no body yet: an earlier line was a caption ("Achat des nouveaux aéronefs" / tag / title)
                current.title, current.title_start = line.text, line.start
                current.end = line.end
                current.last = Line.HEADLINE
            elif _is_intertitle(line, current, nxt, listing):
                _add_paragraph(current, line)
            else:
                items.append(_new_item(line, title=line.text, teaser=listing))
            continue
        # a paragraph
        if nxt is not None and nxt.kind is Line.TAG and nxt.start - line.end == 1:
            # a summary line glued to the tag of the next item: "…perspectives.\nSécurité UNE"
            continue
        if current is None or current.closed or (current.teaser and current.spans):
            items.append(_new_item(line, teaser=listing or (current is not None)))
            current = items[-1]
        _add_paragraph(current, line)
    return [item for item in items if item.spans]


def _new_item(line: Classified, title: str | None = None, teaser: bool = False) -> _Item:
    return _Item(
        title=title,
        title_start=line.start if title is not None else None,
        teaser=teaser,
        start=line.start,
        end=line.end,
        last=line.kind,
    )


def _add_paragraph(item: _Item, line: Classified) -> None:
    item.spans.append((line.start, line.end))
    item.end = line.end
    item.last = Line.PARAGRAPH


def _is_intertitle(line: Classified, current: _Item, nxt: Classified | None, listing: bool) -> bool:
    """A short subheading inside a full article body ("Un bilan très lourd")."""
    return (
        not listing
        and not current.teaser
        and not current.closed
        and len(current.spans) >= 2
        and len(line.text.split()) <= MAX_INTERTITLE_WORDS
        and " : " not in line.text
        and nxt is not None
        and nxt.kind is Line.PARAGRAPH
    )


def _build(raw: RawDoc, position: int, item: _Item, count: int) -> Article:
    text = raw.text
    paragraphs = [text[s:e] for s, e in item.spans]
    body = "\n\n".join(paragraphs)
    published = item.published
    if published is None and paragraphs:
        prefix = DATELINE_PREFIX.match(fold(paragraphs[0]))
        if prefix:
            published = find_date(paragraphs[0][: prefix.end()])
    return Article(
        doc_id=raw.sha1,
        position=position,
        kind=_kind(item, paragraphs, count),
        title=item.title,
        published=published,
        author=item.author,
        body=body,
        start=min([item.start] + ([item.title_start] if item.title_start is not None else [])),
        end=item.end,
        spans=tuple(item.spans),
    )


def _kind(item: _Item, paragraphs: list[str], count: int) -> Kind:
    if item.teaser or not paragraphs:
        return "teaser"
    if CUT_SHORT.search(paragraphs[-1]):
        return "teaser"
    if count > 1 and len(paragraphs) == 1 and len(paragraphs[0].split()) < LONG_TEASER_WORDS:
        return "teaser"
    return "full"
