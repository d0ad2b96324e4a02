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

from collections import Counter
from enum import Enum, auto

from vigie.segment.dated import is_signed_at, take_date
from vigie.segment.item import SKIPPED, Item, add_line, look_ahead, new_item
from vigie.segment.lines import Classified, Line, is_edition
from vigie.segment.names import is_person
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
MIN_OPENING_WORDS = 12  # an untitled line opening a page is a paragraph, or the site's slogan
HEADLINE_SCORE = 3  # title_score of a "Place : news" headline of a headline's length


class Zone(Enum):
    MAIN = auto()
    RELATED = auto()  # after "Sur le même sujet": teasers and links
    COMMENTS = auto()  # after "Commentaires (3)": readers' comments
    ASIDE = auto()  # after "À propos de l'auteur", "Avis de perte": a box that is no article


def group_lines(lines: list[Classified]) -> list[Item]:
    """Items of a page, in reading order; items without a body are dropped."""
    lines = settle_lines(lines)
    gaps = Counter(line.gap for line in lines if line.kind is Line.PARAGRAPH)
    usual_gap = gaps.most_common(1)[0][0] if gaps else 0  # between a body's paragraphs
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
                and look_ahead(lines, index).dated
                and look_ahead(lines, index).kind is Line.PARAGRAPH
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
                ahead = look_ahead(lines, index)
                if zone is Zone.MAIN and ahead.kind is Line.PARAGRAPH and not ahead.dated:
                    add_line(current, line)  # a one-word subheading: "Burkina Faso", "Diplomatie"
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
                items.append(new_item(line, title=line.text, teaser=True))
            continue
        if kind is Line.DATE and current is not None and is_signed_at(current, line):
            add_line(current, line)  # "Bamako, le 4 août 2024" closing a communiqué, its signatory below
            current.signed_at = True
            continue
        if kind is Line.DATE and is_edition(line.folded):
            continue  # a newspaper's folio "N°19254 du 14 juin 2022 Page 5" dates the page (edition_stamp)
        if kind is Line.DATE:
            take_date(lines, index, items)
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
            _headline(lines, index, items, zone, usual_gap)
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
    ahead = look_ahead(lines, index)
    if line.kind is Line.HEADLINE:
        if ahead.kind is not Line.PARAGRAPH:
            return False
        summary = lines[ahead.index]
        return ahead.dated or is_cut_short(summary.text) or summary.words >= MIN_UNTITLED_TEASER_WORDS
    if line.kind is Line.TAG and ahead.kind is Line.HEADLINE:
        return look_ahead(lines, ahead.index).kind is Line.PARAGRAPH
    return False


def _is_credit(lines: list[Classified], index: int, item: Item) -> bool:
    """A signature between a headline (and its standfirst) and the date line over the body is the
    article's credit, not its end: "Mali: …" / standfirst / "AFP" / "Publié le 05.03.2024 à 14h10"."""
    if item.stamp is not None or len(item.spans) > 1 or item.closed:
        return False
    following = next((line for line in lines[index + 1 :] if line.kind not in NOT_TEXT), None)
    if following is None or following.kind is not Line.DATE:
        return False
    return look_ahead(lines, lines.index(following)).kind is Line.PARAGRAPH


def _is_byline(lines: list[Classified], index: int, item: Item) -> bool:
    """A name alone between a dated headline and its body is its byline, printed without "Par":
    "Kidal : …" / "Mis à jour le 03/02/2024 à 10h12" / "Rédaction" / the body."""
    if item.spans or item.closed or item.title is None or item.stamp is None:
        return False
    return look_ahead(lines, index).kind is Line.PARAGRAPH


def _teaser_follows(lines: list[Classified], index: int) -> bool:
    """ "Lire aussi : <title>" gives a teaser when a summary follows it that is cut short or stands
    alone; inside an article followed by more of its body, it is a link."""
    ahead = look_ahead(lines, index)
    if ahead.kind is not Line.PARAGRAPH:
        return False
    if is_cut_short(lines[ahead.index].text):
        return True
    after = look_ahead(lines, ahead.index)
    return after.kind in (None, Line.READ_ALSO, Line.RELATED, Line.COMMENTS, Line.SIGNATURE)


def _headline(lines: list[Classified], index: int, items: list[Item], zone: Zone, usual_gap: int) -> None:
    line = lines[index]
    text = line.text
    current = items[-1] if items else None
    ahead = look_ahead(lines, index)
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
                items.append(new_item(line, title=text, teaser=zone is Zone.RELATED))
            # else a caption under a dated headline ("La ville de Kayes")
        elif zone is Zone.MAIN and is_standfirst(current.title, text, line.words):
            add_line(current, line)
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
                (is_intertitle(text, line.words, len(current.spans)) and not _sibling(current, text))
                or (
                    shaped
                    and line.gap <= usual_gap  # a wider gap sets the next article apart
                    and (current.shaped_subheads or _in_dated_body(lines, index, current))
                )
            ) and not _cut(lines, index):
                add_line(current, line)  # a subheading: "Gendarmerie de Kimparana visée"
                current.shaped_subheads = current.shaped_subheads or shaped
                return
        if ahead.kind is not Line.PARAGRAPH and is_person(text):
            current.author = current.author or text  # "Mamadou Traoré" under the body
            current.closed = True
            return
        if ahead.kind is Line.PARAGRAPH or (ahead.kind is Line.HEADLINE and ahead.dated):
            items.append(new_item(line, title=text, teaser=zone is Zone.RELATED))
        return  # a link without summary, keywords, an alt text
    if current is not None and current.spans and is_person(text) and ahead.kind is not Line.PARAGRAPH:
        current.author = current.author or text
        current.closed = True
        return
    if ahead.kind in (Line.PARAGRAPH, Line.HEADLINE) or ahead.dated:
        if is_site_name(text, line.folded, line.words) and ahead.kind is not Line.PARAGRAPH:
            return  # "PressAfrik", "MALI TRIBUNE" above the page's headline
        items.append(new_item(line, title=text, teaser=zone is Zone.RELATED))


def _in_dated_body(lines: list[Classified], index: int, item: Item) -> bool:
    """A "Place : news" line inside the body of a dated article, over text that is no summary cut
    short (printed no farther from the text above than the page's paragraphs are from each other):
    a digest's subheading ("Tillabéri : les commerçants de Téra réclament …")."""
    if not (item.anchored and item.stamp is not None):
        return False
    return not is_cut_short(lines[look_ahead(lines, index).index].text)


def _sibling(item: Item, text: str) -> bool:
    """A headline printed in the style of the item's title, capitals and "Place : news" shape both,
    after a lead of a paragraph or two: the next item of a listing, not a subheading ("SÉGOU : LES
    RIZICULTEURS …" / lead / "KOULIKORO : UN CENTRE DE SANTÉ INAUGURÉ À BANAMBA" / lead)."""
    title = item.title
    if title is None or len(item.spans) > MAX_TAGGED_ITEM_SPANS:
        return False
    return all(_capitals(t) and HEAD_COLON.match(t) is not None for t in (title, text))


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


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
            items.append(new_item(line))
            add_line(items[-1], line)
        return zone
    if zone is Zone.RELATED and current.closed_by_list and not is_cut_short(line.text):
        current.closed = current.closed_by_list = False  # "À lire aussi" and its links inside a body
        add_line(current, line)
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
            items.append(new_item(line, teaser=True))
            add_line(items[-1], line)
        return zone  # a short line after an article: an author's bio, a notice
    add_line(current, line)
    return zone
