"""Grouping: classified lines of a page -> items (headline, date, author, body paragraphs).

Where a line stands decides what it is. A headline candidate is a title only when a body follows
it (after its date line, byline, captions and widgets); before the body, the candidate nearest to
it wins, a sentence after the title is its standfirst, and short lines after a dated title are
captions. Inside a body, a short line followed by more body is a subheading (a long one too, once
the body has gone on), an interview's question is text, and a quote printed again beside its
paragraph is dropped. A list marker ("Sur le même sujet", "Les articles de l'auteur") opens a zone
where a headline with a summary is a teaser and a headline alone is a link; a comments marker opens
a zone of readers' comments; a box marker ("À propos de l'auteur", "Avis de perte", "Newsletter")
opens a zone that is no article, up to the next list, rubric or headline with a date or a summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum, auto

from vigie.segment.lines import Classified, Line, is_edition
from vigie.segment.names import is_person
from vigie.segment.published import PUBLISHED_AFTER, UPDATED_FIRST, Stamp, find_dateline
from vigie.segment.settle import NOT_TEXT, settle_lines
from vigie.segment.shapes import HEAD_COLON, is_cut_short, is_site_name
from vigie.segment.titles import (
    is_beginning,
    is_intertitle,
    is_pull_quote,
    is_standfirst,
    same_title,
    title_score,
)

MAX_TAGGED_ITEM_SPANS = 2  # a listing's items (lead and a line) end at the next tag; a long article does not
MIN_SUMMARY_WORDS = 10  # a teaser's summary under its headline in a list of other articles
MIN_UNTITLED_TEASER_WORDS = 20  # an untitled line after an article: a teaser, or a bio or a notice
SKIPPED = (
    Line.FURNITURE,
    Line.NAV,
    Line.CAPTION,
    Line.TAG,
    Line.DATE,
    Line.BYLINE,
)  # a tuple: Enum hashes slowly
# where and when a communiqué or a letter was signed: "Bamako, le 4 août 2024", "Fait à Niamey, le 10 octobre 2023"
SIGNED_AT = re.compile(r"^(?:Fait à\s+)?[A-ZÀ-Ý][\w'’ -]{1,30},\s+le\s+\S+(?:\s+\S+){1,3}$")
MIN_OPENING_WORDS = 12
HEADLINE_SCORE = 3  # title_score of a "Place : news" headline of a headline's length  # an untitled line opening a page is a paragraph, or the site's slogan


class Zone(Enum):
    MAIN = auto()
    RELATED = auto()  # after "Sur le même sujet": teasers and links
    COMMENTS = auto()  # after "Commentaires (3)": readers' comments
    ASIDE = auto()  # after "À propos de l'auteur", "Avis de perte": a box that is no article


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


def group_lines(lines: list[Classified]) -> list[Item]:
    """Items of a page, in reading order; items without a body are dropped."""
    lines = settle_lines(lines)
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
                and not _is_reader(line.text)
            ):
                zone = Zone.MAIN  # a new dated article after the comments
            else:
                continue  # a reader's comment
        if zone is Zone.ASIDE:
            if kind in (Line.RELATED, Line.READ_ALSO, Line.COMMENTS) or _opens_article(lines, index):
                zone = Zone.MAIN
            else:
                continue  # the author's biography, a classified, a newsletter's blurb
        if kind in (Line.FURNITURE, Line.NAV, Line.CAPTION, Line.BLANK):
            continue
        if kind is Line.ASIDE:
            if current is not None:
                current.closed = True
            zone = Zone.ASIDE
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
        if kind is Line.DATE and current is not None and _is_signed_at(current, line):
            _add(current, line)  # "Bamako, le 4 août 2024" closing a communiqué, its signatory below
            current.signed_at = True
            continue
        if kind is Line.DATE and is_edition(line.folded):
            continue  # a newspaper's folio "N°19254 du 14 juin 2022 Page 5" dates the page (edition_stamp)
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
            if current is not None and _is_credit(lines, index, current):
                current.author = current.author or line.author  # "AFP" over "Publié le …" and the body
                continue
            if current is not None and _is_byline(lines, index, current):
                current.author = current.author or line.author  # "Mis à jour le …" / "Rédaction" / body
                continue
            if current is not None and current.spans:
                if not current.signed_at:
                    current.author = current.author or line.author
                current.closed = current.signed = True
            continue
        if kind is Line.HEADLINE:
            _headline(lines, index, items, zone)
            continue
        zone = _paragraph(lines, index, items, zone)
    return [item for item in items if item.spans]


def _is_reader(text: str) -> bool:
    """A reader's name over a dated comment ("Bakary Sissoko", "Un citoyen"), not a headline."""
    return is_person(text) or title_score(text) <= 0


def _opens_article(lines: list[Classified], index: int) -> bool:
    """A headline with its date or a teaser's summary, or a rubric over a headline and a body: an
    article starts, after a box that was none ("FAITS DIVERS" / "MARKALA : …" / "Jeudi dernier, …")."""
    line = lines[index]
    ahead = _ahead(lines, index)
    if line.kind is Line.HEADLINE:
        if ahead.kind is not Line.PARAGRAPH:
            return False
        summary = lines[ahead.index]
        return ahead.dated or is_cut_short(summary.text) or summary.words >= MIN_UNTITLED_TEASER_WORDS
    if line.kind is Line.TAG and ahead.kind is Line.HEADLINE:
        return _ahead(lines, ahead.index).kind is Line.PARAGRAPH
    return False


def _is_credit(lines: list[Classified], index: int, item: Item) -> bool:
    """A signature between a headline (and its standfirst) and the date line over the body is the
    article's credit, not its end: "Mali: …" / standfirst / "AFP" / "Publié le 05.03.2024 à 14h10"."""
    if item.stamp is not None or len(item.spans) > 1 or item.closed:
        return False
    following = next((line for line in lines[index + 1 :] if line.kind not in NOT_TEXT), None)
    if following is None or following.kind is not Line.DATE:
        return False
    return _ahead(lines, lines.index(following)).kind is Line.PARAGRAPH


def _is_byline(lines: list[Classified], index: int, item: Item) -> bool:
    """A name alone between a dated headline and its body is its byline, printed without "Par":
    "Kidal : …" / "Mis à jour le 03/02/2024 à 10h12" / "Rédaction" / the body."""
    if item.spans or item.closed or item.title is None or item.stamp is None:
        return False
    return _ahead(lines, index).kind is Line.PARAGRAPH


def _is_signed_at(item: Item, line: Classified) -> bool:
    """ "Bamako, le 4 août 2024" under a dated article's body: where and when its text was signed."""
    return (
        bool(item.spans)
        and item.body_last
        and item.stamp is not None
        and SIGNED_AT.match(line.text) is not None
    )


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
    if current is not None and (
        current.stamp is None or (current.updated and not current.spans and not _is_update(line))
    ):
        current.stamp = line.stamp
        current.updated = _is_update(line)
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
    if (
        following is not None
        and following.kind is Line.HEADLINE
        and _has_own_date(lines, lines.index(following))
    ):
        return  # a today widget over a headline printed with its own date: "Vendredi 24 novembre 2023"
    if following is not None and following.kind in (Line.PARAGRAPH, Line.HEADLINE):
        item = _new(line)  # a dated post: "10 mars 2025 · 🌍" then its text
        item.stamp, item.author = line.stamp, line.author
        items.append(item)
    # else a date widget among menus: not an article's date


def _is_update(line: Classified) -> bool:
    """A date line of the last update: "Mis à jour le 03/02/2024 à 10h12", "Modifié le : 21/06/2021"."""
    return UPDATED_FIRST.match(line.folded) is not None and PUBLISHED_AFTER.search(line.folded) is None


def _has_own_date(lines: list[Classified], index: int) -> bool:
    """A headline with a date line under it (after other headline-shaped lines: the masthead, a kicker,
    a standfirst), or whose text opens with a dateline ("Tessalit (Mali), 22 novembre 2023 (APA) - …")."""
    for line in lines[index + 1 :]:
        if line.kind is Line.DATE:
            return True
        if line.kind is Line.HEADLINE:
            continue  # the site's name, a kicker or a standfirst, then the headline's own date line
        if line.kind not in SKIPPED:
            return line.kind is Line.PARAGRAPH and find_dateline(line.text) is not None
    return False


def _headline(lines: list[Classified], index: int, items: list[Item], zone: Zone) -> None:
    line = lines[index]
    text = line.text
    current = items[-1] if items else None
    ahead = _ahead(lines, index)
    if (
        current is not None
        and len(current.spans) <= 1
        and same_title(current.title, text)
        and not is_beginning(text, current.title)
    ):
        _retitle(current, line)  # printed again after its lead: "#Titre / lead / Publié … / #Titre / body"
        current.reprinted = bool(current.spans)
        return
    if current is not None and current.reprinted:
        return  # a photo caption under the reprinted title
    if current is not None and not current.spans and not current.closed:
        if current.title is None or same_title(current.title, text):
            _retitle(current, line)
        elif current.anchored:
            if ahead.kind is Line.PARAGRAPH and (
                ahead.dated or zone is Zone.RELATED or _next_headline(current.title, text)
            ):
                items.append(_new(line, title=text, teaser=zone is Zone.RELATED))
            # else a caption under a dated headline ("La ville de Kayes")
        elif zone is Zone.MAIN and is_standfirst(current.title, text, line.words):
            _add(current, line)
        elif title_score(text) >= title_score(current.title):
            _retitle(current, line)  # the most headline-like candidate, the nearest the body on a tie
        # else a caption or a kicker beside the headline
        return
    if current is not None and current.spans and not current.closed and not current.teaser:
        if zone is Zone.MAIN and ahead.kind is Line.PARAGRAPH and not ahead.dated:
            if is_pull_quote(lines, index):
                return  # « … » printed again, large, beside the paragraph that says it
            shaped = HEAD_COLON.match(text) is not None
            if (
                is_intertitle(text, line.words, len(current.spans)) or (shaped and current.shaped_subheads)
            ) and not _cut(lines, index):
                _add(current, line)  # a subheading: "Gendarmerie de Kimparana visée"
                current.shaped_subheads = current.shaped_subheads or shaped
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
        if is_site_name(text, line.folded, line.words) and ahead.kind is not Line.PARAGRAPH:
            return  # "PressAfrik", "MALI TRIBUNE" above the page's headline
        items.append(_new(line, title=text, teaser=zone is Zone.RELATED))


def _next_headline(dated: str | None, text: str) -> bool:
    """A headline of the "Place : news" shape under another one and its date, with no body between:
    the first was a bare link with its date ("Burkina : la ligne Ouagadougou-Moscou ouverte ?" /
    "28/11/2023"), this one opens the next item. A caption under a dated headline is a label
    ("La ville de Kayes"), never a headline as well made as the title above it (a standfirst is a
    sentence: its period makes it text)."""
    score = title_score(text)
    return score >= HEADLINE_SCORE and score >= title_score(dated) and HEAD_COLON.match(text) is not None


def _retitle(item: Item, line: Classified) -> None:
    if not (item.title is not None and _cut_title(line.text) and not _cut_title(item.title)):
        item.title = line.text  # not "… trafiquants de drogue…" over the same title printed whole
        item.title_start = line.start
    item.start = min(item.start, line.start) if item.stamp is not None or item.spans else line.start
    item.end = max(item.end, line.end)


def _cut_title(text: str) -> bool:
    return text.endswith(("…", "..."))


def _cut(lines: list[Classified], index: int) -> bool:
    """The body paragraph just before this line is cut short: it was a teaser's summary, and what
    follows is another item."""
    previous = next((line for line in reversed(lines[:index]) if line.kind not in SKIPPED), None)
    return previous is not None and previous.kind is Line.PARAGRAPH and is_cut_short(previous.text)


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
    if (
        following is not None
        and following.kind is Line.TAG
        and following.block == line.block
        and not (current is not None and current.teaser and not current.spans)
    ):
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
