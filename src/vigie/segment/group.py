"""Grouping: classified lines of a page -> items (headline, date, author, body paragraphs).

Where a line stands decides what it is. A headline candidate is a title only when a body follows
it (after its date line, byline, captions and widgets); before the body, the candidate nearest to
it wins, a sentence after the title is its standfirst, and short lines after a dated title are
captions. Inside a body, a short line followed by more body is a subheading. A list marker ("Sur
le même sujet", "Les articles de l'auteur") opens a zone where a headline with a summary is a
teaser and a headline alone is a link; a comments marker opens a zone of readers' comments.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum, auto

from rapidfuzz import fuzz

from vigie.frdate import fold
from vigie.segment.lines import (
    WORD,
    Classified,
    Line,
    has_finite_verb,
    is_cut_short,
    is_person,
    is_site_name,
)
from vigie.segment.published import Stamp

MAX_INTERTITLE_WORDS = 10  # "Gendarmerie de Kimparana visée", "Acte 1 – Niger : l'embuscade de Teguey"
MAX_LONG_INTERTITLE_WORDS = (
    14  # without " : ": "Le Burkina Faso et le Niger affichent leur solidarité avec Bamako"
)
MIN_STANDFIRST_WORDS = 8
MAX_TAGGED_ITEM_SPANS = 2  # a listing's items (lead and a line) end at the next tag; a long article does not
MIN_SUMMARY_WORDS = 10  # a teaser's summary under its headline in a list of other articles
MIN_UNTITLED_TEASER_WORDS = 20  # an untitled line after an article: a teaser, or a bio or a notice
MAX_REPEATED_WORDS = 4  # a short line printed several times is the site's or a section's name
CAPTION_BLOCK_LINES = 3  # lines that follow a photo credit in its block are its caption
SKIPPED = {Line.FURNITURE, Line.NAV, Line.CAPTION, Line.TAG, Line.DATE, Line.BYLINE}
MIN_OPENING_WORDS = 12  # an untitled line opening a page is a paragraph, or the site's slogan
SAME_TITLE = 90.0


class Zone(Enum):
    MAIN = auto()
    RELATED = auto()  # after "Sur le même sujet": teasers and links
    COMMENTS = auto()  # after "Commentaires (3)": readers' comments


@dataclass(slots=True)
class Item:
    """An article being assembled from lines."""

    title: str | None = None
    title_start: int | None = None
    anchored: bool = False  # a date line or a byline came after the title, before the body
    teaser: bool = False  # opened in a list of other articles, or by "Lire aussi"
    stamp: Stamp | None = None
    author: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False  # a signature, a tag or a list marker ended it
    closed_by_list: bool = False  # only a list marker ended it: its body may go on after the links
    reprinted: bool = False  # the title was just printed again after the lead: a caption may follow
    body_last: bool = False  # the last line given to it was body text (not a date, byline or caption)
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Ahead:
    """The next line that is not a date, byline, caption or widget, and what was passed on the way."""

    kind: Line | None  # None at the end of the page
    index: int
    dated: bool  # a date line or a byline was passed


def group_lines(lines: list[Classified]) -> list[Item]:
    """Items of a page, in reading order; items without a body are dropped."""
    lines = _settle(lines)
    items: list[Item] = []
    zone = Zone.MAIN
    for index, line in enumerate(lines):
        current = items[-1] if items else None
        kind = line.kind
        if zone is Zone.COMMENTS:
            if kind is Line.RELATED or kind is Line.READ_ALSO:
                zone = Zone.RELATED
            elif (
                kind is Line.HEADLINE
                and _ahead(lines, index).dated
                and _ahead(lines, index).kind is Line.PARAGRAPH
            ):
                zone = Zone.MAIN  # a new dated article after the comments
            else:
                continue  # a reader's comment
        if kind in (Line.FURNITURE, Line.NAV, Line.CAPTION, Line.BLANK):
            continue
        if kind is Line.TAG:
            if current is not None and current.spans and not current.closed:
                ahead = _ahead(lines, index)
                if zone is Zone.MAIN and ahead.kind is Line.PARAGRAPH and not ahead.dated:
                    _add(current, line)  # a one-word subheading: "Burkina Faso", "Diplomatie"
                elif current.body_last and len(current.spans) <= MAX_TAGGED_ITEM_SPANS:
                    current.closed = True  # a tag between an item's text and the next item's headline
                # else a section label inside a long article, or under its headline's date and caption
            continue
        if kind is Line.COMMENTS and not any(item.spans for item in items):
            continue  # "4 commentaires" among the headline's widgets: a counter, the comments come later
        if kind is Line.COMMENTS or kind is Line.RELATED:
            if current is not None and not current.closed:
                current.closed = True
                current.closed_by_list = kind is Line.RELATED and bool(current.spans) and not current.teaser
            zone = Zone.COMMENTS if kind is Line.COMMENTS else Zone.RELATED
            continue
        if kind is Line.READ_ALSO:
            if _teaser_follows(lines, index):
                items.append(_new(line, title=line.text, teaser=True))
            continue
        if kind is Line.DATE:
            _date(lines, index, items)
            if items:
                items[-1].body_last = False
            continue
        if kind is Line.BYLINE:
            if current is not None:
                current.body_last = False
            if current is not None and not current.closed:
                current.author = current.author or line.author
                current.anchored = current.anchored or not current.spans
            continue
        if kind is Line.SIGNATURE:
            if current is not None and current.spans:
                current.author = current.author or line.author
                current.closed = True
            continue
        if kind is Line.HEADLINE:
            _headline(lines, index, items, zone)
            continue
        zone = _paragraph(lines, index, items, zone)
    return [item for item in items if item.spans]


def _settle(lines: list[Classified]) -> list[Classified]:
    """Classes that depend on the page: a short line printed several times is furniture; a line
    above a menu, before any body, is the site's masthead; the lines that follow a photo credit
    in its block are its caption."""
    counts = Counter(fold(line.text) for line in lines if line.kind is Line.HEADLINE)
    first_body = next((i for i, line in enumerate(lines) if line.kind is Line.PARAGRAPH), len(lines))
    out = []
    caption_block, caption_left = -1, 0
    for index, line in enumerate(lines):
        kind = line.kind
        if kind is Line.HEADLINE and line.words <= MAX_REPEATED_WORDS and counts[fold(line.text)] > 1:
            kind = Line.FURNITURE  # "Faso Actu", "Côte d'Ivoire" printed again and again
        following = lines[index + 1] if index + 1 < len(lines) else None
        if kind in (Line.HEADLINE, Line.PARAGRAPH) and index < first_body and following is not None:
            if following.kind is Line.NAV:
                kind = Line.FURNITURE  # "L'ESSOR - Quotidien national d'information" above its menu
        if kind is Line.CAPTION:
            caption_block, caption_left = line.block, CAPTION_BLOCK_LINES
        elif line.block == caption_block and caption_left > 0 and kind in (Line.HEADLINE, Line.PARAGRAPH):
            kind = Line.CAPTION  # "© aBamako.com par DR" / "Patrouille de la gendarmerie sur l'axe …"
            caption_left -= 1
        else:
            caption_left = 0
        out.append(line if kind is line.kind else _with_kind(line, kind))
    return out


def _with_kind(line: Classified, kind: Line) -> Classified:
    return Classified(kind, line.start, line.end, line.text, line.stamp, line.author, line.block, line.words)


def _ahead(lines: list[Classified], index: int) -> Ahead:
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


def _new(line: Classified, title: str | None = None, teaser: bool = False) -> Item:
    return Item(
        title=title,
        title_start=line.start if title is not None else None,
        teaser=teaser,
        start=line.start,
        end=line.end,
    )


def _teaser_follows(lines: list[Classified], index: int) -> bool:
    """ "Lire aussi : <title>" gives a teaser when a summary follows it that is cut short or stands
    alone; inside an article followed by more of its body, it is a link."""
    ahead = _ahead(lines, index)
    if ahead.kind is not Line.PARAGRAPH:
        return False
    if is_cut_short(lines[ahead.index].text):
        return True
    after = _ahead(lines, ahead.index)
    return after.kind in (None, Line.READ_ALSO, Line.RELATED, Line.COMMENTS, Line.SIGNATURE)


def _date(lines: list[Classified], index: int, items: list[Item]) -> None:
    line = lines[index]
    current = items[-1] if items else None
    if current is not None and current.stamp is None:
        current.stamp = line.stamp
        current.author = current.author or line.author
        current.anchored = current.anchored or not current.spans
        current.end = max(current.end, line.end)
        return
    if current is not None and (not current.spans or not current.body_last):
        return  # "Modifié le …" after "Publié le …", with or without a standfirst before them
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is not None and following.kind in (Line.FURNITURE, Line.CAPTION):
        ahead = _ahead(lines, index)  # "12 mars 2025 · 🌍" / "#Diplomatie" / the post's text
        following = lines[ahead.index] if ahead.kind is not None and not ahead.dated else None
    if following is not None and following.kind in (Line.PARAGRAPH, Line.HEADLINE):
        item = _new(line)  # a dated post: "10 mars 2025 · 🌍" then its text
        item.stamp, item.author = line.stamp, line.author
        items.append(item)
    # else a date widget among menus: not an article's date


def _headline(lines: list[Classified], index: int, items: list[Item], zone: Zone) -> None:
    line = lines[index]
    text = line.text
    current = items[-1] if items else None
    ahead = _ahead(lines, index)
    if current is not None and len(current.spans) <= 1 and same_title(current.title, text):
        _retitle(current, line)  # printed again after its lead: "#Titre / lead / Publié … / #Titre / body"
        current.reprinted = bool(current.spans)
        return
    if current is not None and current.reprinted:
        return  # a photo caption under the reprinted title
    if current is not None and not current.spans and not current.closed:
        if current.title is None or same_title(current.title, text):
            _retitle(current, line)
        elif current.anchored:
            if ahead.kind is Line.PARAGRAPH and (ahead.dated or zone is Zone.RELATED):
                items.append(_new(line, title=text, teaser=zone is Zone.RELATED))
            # else a caption under a dated headline ("La ville de Kayes")
        elif zone is Zone.MAIN and _is_standfirst(current.title, text, line.words):
            _add(current, line)
        elif title_score(text) >= title_score(current.title):
            _retitle(current, line)  # the most headline-like candidate, the nearest the body on a tie
        # else a caption or a kicker beside the headline
        return
    if current is not None and current.spans and not current.closed and not current.teaser:
        if (
            zone is Zone.MAIN
            and ahead.kind is Line.PARAGRAPH
            and not ahead.dated
            and _is_intertitle(text, line.words)
        ):
            _add(current, line)  # a subheading: "Gendarmerie de Kimparana visée"
            return
        if ahead.kind is not Line.PARAGRAPH and is_person(text):
            current.author = current.author or text  # "Mamadou Traoré" under the body
            current.closed = True
            return
        if ahead.kind is Line.PARAGRAPH or (ahead.kind is Line.HEADLINE and ahead.dated):
            items.append(_new(line, title=text, teaser=zone is Zone.RELATED))
        return  # a link without summary, keywords, an alt text
    if current is not None and current.spans and is_person(text) and ahead.kind is not Line.PARAGRAPH:
        current.author = current.author or text
        current.closed = True
        return
    if ahead.kind in (Line.PARAGRAPH, Line.HEADLINE) or ahead.dated:
        if is_site_name(text, fold(text), line.words) and ahead.kind is not Line.PARAGRAPH:
            return  # "PressAfrik", "MALI TRIBUNE" above the page's headline
        items.append(_new(line, title=text, teaser=zone is Zone.RELATED))


def _retitle(item: Item, line: Classified) -> None:
    item.title = line.text
    item.title_start = line.start
    item.start = min(item.start, line.start) if item.stamp is not None or item.spans else line.start
    item.end = max(item.end, line.end)


def same_title(a: str | None, b: str) -> bool:
    """The same headline printed twice, with other apostrophes, an ellipsis or a site's prefix.

    >>> same_title("allAfrica.com: Mali: Tombouctou sous le choc après l'attaque", "Mali: Tombouctou sous le choc après l’attaque")
    True
    """
    if a is None:
        return False
    key_a, key_b = _title_key(a), _title_key(b)
    if key_a == key_b:
        return True
    shorter, longer = sorted((key_a, key_b), key=len)
    if len(shorter) >= 15 and (longer.endswith(shorter) or longer.startswith(shorter)):
        return True
    return fuzz.ratio(key_a, key_b) >= SAME_TITLE


def _title_key(title: str) -> str:
    return " ".join(WORD.findall(fold(title).replace("’", "'").replace("`", "'")))


def _is_standfirst(title: str | None, text: str, words: int) -> bool:
    """A sentence under a real headline is its standfirst: "L'attaque a été revendiquée jeudi par le GSIM"."""
    if title is None or words < MIN_STANDFIRST_WORDS or " : " in text or not has_finite_verb(text):
        return False
    return ":" in title or len(title.split()) >= 5


def title_score(text: str | None) -> int:
    """How much a line reads as a headline rather than a kicker, a caption or a site's name: a
    "Place : news" shape and a headline's length count for it, a short label against it.

    >>> title_score("Mali : Clash d'un avion de combat à Gao"), title_score("Achat des nouveaux aéronefs")
    (3, -1)
    """
    if text is None:
        return -10
    words = len(text.split())
    score = 2 if re.search(r"\w\s*:\s+\w", text) else 0
    score += 1 if 6 <= words <= 30 else 0
    score -= 2 if words <= 3 else 0
    if not score and not has_finite_verb(text):
        score -= 1  # "Des soldats maliens en patrouille", "CAN 2025 – Groupe A"
    return score


def _is_intertitle(text: str, words: int) -> bool:
    if is_cut_short(text):
        return False
    return words <= MAX_INTERTITLE_WORDS or (words <= MAX_LONG_INTERTITLE_WORDS and " : " not in text)


def _add(item: Item, line: Classified) -> None:
    item.spans.append((line.start, line.end))
    item.end = line.end
    item.reprinted = False
    item.body_last = True


def _paragraph(lines: list[Classified], index: int, items: list[Item], zone: Zone) -> Zone:
    """Add a body paragraph to its item, or open an untitled teaser; the zone that follows."""
    line = lines[index]
    current = items[-1] if items else None
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is not None and following.kind is Line.TAG and following.block == line.block:
        return zone  # a summary glued to the tag of the next item: "…perspectives.\nSécurité UNE"
    if current is None:
        if line.words >= MIN_OPENING_WORDS:
            items.append(_new(line))
            _add(items[-1], line)
        return zone
    if zone is Zone.RELATED and current.closed_by_list and not is_cut_short(line.text):
        current.closed = current.closed_by_list = False  # "À lire aussi" and its links inside a body
        _add(current, line)
        return Zone.MAIN
    if (
        zone is Zone.RELATED
        and not current.spans
        and line.words < MIN_SUMMARY_WORDS
        and not is_cut_short(line.text)
    ):
        return zone  # "Cours différés d'au moins 15 minutes." under a bare link: not its summary
    if current.closed or (current.teaser and current.spans) or (zone is Zone.RELATED and current.spans):
        if line.words >= MIN_UNTITLED_TEASER_WORDS or is_cut_short(line.text):
            items.append(_new(line, teaser=True))
            _add(items[-1], line)
        return zone  # a short line after an article: an author's bio, a notice
    _add(current, line)
    return zone
