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
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import Enum, auto

from rapidfuzz import fuzz

from vigie.frdate import fold
from vigie.segment.lines import (
    WORD,
    Classified,
    Line,
    has_finite_verb,
    is_cut_short,
    is_headline,
    is_person,
    is_site_name,
)
from vigie.segment.published import Stamp

MAX_INTERTITLE_WORDS = 10  # "Gendarmerie de Kimparana visée", "Acte 1 – Niger : l'embuscade de Teguey"
MAX_LONG_INTERTITLE_WORDS = (
    14  # without " : ": "Le Burkina Faso et le Niger affichent leur solidarité avec Bamako"
)
MIN_STANDFIRST_WORDS = 8
HEAD_REACH = 2  # lines between a headline and its date line: a standfirst at most
MIN_SPANS_BEFORE_LONG_INTERTITLE = 2  # a body that has gone on this long is not a teaser's summary
MIN_PULL_QUOTE_WORDS = 6  # a shorter quote on its own line is a subheading: "« Attitude condescendante »"
PULL_QUOTE_REACH = 4  # lines on either side where the quoted paragraph is looked for
MAX_TAGGED_ITEM_SPANS = 2  # a listing's items (lead and a line) end at the next tag; a long article does not
MIN_SUMMARY_WORDS = 10  # a teaser's summary under its headline in a list of other articles
MIN_UNTITLED_TEASER_WORDS = 20  # an untitled line after an article: a teaser, or a bio or a notice
MAX_REPEATED_WORDS = 4  # a short line printed several times is the site's or a section's name
CAPTION_BLOCK_LINES = 3  # lines that follow a photo credit in its block are its caption
SKIPPED = {Line.FURNITURE, Line.NAV, Line.CAPTION, Line.TAG, Line.DATE, Line.BYLINE}
NOT_TEXT = {Line.FURNITURE, Line.NAV, Line.CAPTION}
# where and when a communiqué or a letter was signed: "Bamako, le 4 août 2024", "Fait à Niamey, le 10 octobre 2023"
SIGNED_AT = re.compile(r"^(?:Fait à\s+)?[A-ZÀ-Ý][\w'’ -]{1,30},\s+le\s+\S+(?:\s+\S+){1,3}$")
MIN_OPENING_WORDS = 12  # an untitled line opening a page is a paragraph, or the site's slogan
SAME_TITLE = 90.0
MAX_SPEAKER_WORDS = 4
MAX_SITE_NAME_WORDS = 4  # "Sikasso Info", "Malijet", "THE SAHEL STANDARD"
MIN_TITLE_LINE_WORDS = 5
TITLE_LINE_KINDS = {Line.HEADLINE, Line.FURNITURE, Line.PARAGRAPH}
# what separates a headline from the site's name in a <title>: "… - Sikasso Info", "Sikasso Info | …"
SITE_SEPARATOR = re.compile(r"\s[-–—|]\s")


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
    author: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False  # a signature, a tag or a list marker ended it
    closed_by_list: bool = False  # only a list marker ended it: its body may go on after the links
    reprinted: bool = False  # the title was just printed again after the lead: a caption may follow
    body_last: bool = False  # the last line given to it was body text (not a date, byline or caption)
    signed: bool = False  # a signature under its body ended it: a complete article, however short
    signed_at: bool = False  # its text ends "Bamako, le 4 août 2024": a signatory follows, no author
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


def _is_signed_at(item: Item, line: Classified) -> bool:
    """ "Bamako, le 4 août 2024" under a dated article's body: where and when its text was signed."""
    return (
        bool(item.spans)
        and item.body_last
        and item.stamp is not None
        and SIGNED_AT.match(line.text) is not None
    )


def _settle(lines: list[Classified]) -> list[Classified]:
    """Classes that depend on the page: a short line printed several times is furniture; a line
    above a menu, before any body, is the site's masthead; the lines that follow a photo credit
    in its block are its caption."""
    lines = _title_lines(lines)
    counts = Counter(fold(line.text) for line in lines if line.kind is Line.HEADLINE)
    questions = {(_speaker(line.text), fold(line.text)) for line in lines if line.text.endswith("?")}
    asked = Counter(speaker for speaker, _ in questions if speaker is not None)  # different questions
    answers = Counter(_speaker(line.text) for line in lines if line.kind is Line.PARAGRAPH)
    interview = {
        speaker
        for speaker, count in asked.items()
        if count > 1 and any(n > 1 for other, n in answers.items() if other not in (None, speaker))
    }  # "MALI TRIBUNE : … ?" twice or more, answered by "Hamadou Ag Sidi : …" twice or more
    first_body = next((i for i, line in enumerate(lines) if line.kind is Line.PARAGRAPH), len(lines))
    masthead = set()
    below: Line | None = None  # the class of the nearest line below that is neither furniture nor masthead
    for index in range(first_body - 1, -1, -1):
        kind = lines[index].kind
        if kind in (Line.HEADLINE, Line.PARAGRAPH) and below is Line.NAV and not lines[index].titled:
            masthead.add(index)  # "PRIMATURE - République du Mali" / "Un Peuple - Un But - Une Foi" / menu
        elif kind is not Line.FURNITURE:
            below = kind
    out = []
    caption_block, caption_left = -1, 0
    for index, line in enumerate(lines):
        kind = line.kind
        if kind is Line.HEADLINE and line.words <= MAX_REPEATED_WORDS and counts[fold(line.text)] > 1:
            kind = Line.FURNITURE  # "Faso Actu", "Côte d'Ivoire" printed again and again
        if index in masthead:
            kind = Line.FURNITURE  # "L'ESSOR - Quotidien national d'information" above its menu
        if kind is Line.HEADLINE and line.text.endswith("?") and _speaker(line.text) in interview:
            kind = Line.PARAGRAPH  # an interview's question: "MALI TRIBUNE : Que font les forces … ?"
        if kind is Line.CAPTION:
            caption_block, caption_left = line.block, CAPTION_BLOCK_LINES
        elif (
            line.block == caption_block
            and caption_left > 0
            and kind in (Line.HEADLINE, Line.PARAGRAPH)
            and not is_cut_short(line.text)  # a summary cut by the page is no caption
            and not _heads_article(lines, index)
        ):
            kind = Line.CAPTION  # "© aBamako.com par DR" / "Patrouille de la gendarmerie sur l'axe …"
            caption_left -= 1
        else:
            caption_left = 0
        out.append(line if kind is line.kind else _with_kind(line, kind))
    return out


def _title_lines(lines: list[Classified]) -> list[Classified]:
    """Lines that print a headline with the site's name, as a page's <title> does: "Koutiala : la
    colère … tourne à l'émeute - Sikasso Info", "Sikasso Info | Koutiala : …", the site's name being
    printed alone elsewhere on the page. They are headlines, without the site's name."""
    sites = {
        fold(line.text) for line in lines if line.words <= MAX_SITE_NAME_WORDS and line.kind is not Line.TAG
    }
    out = []
    for line in lines:
        title = _without_site(line.text, sites) if line.kind in TITLE_LINE_KINDS else None
        if title is None:
            out.append(line)
        else:
            out.append(replace(line, kind=Line.HEADLINE, text=title, words=len(title.split()), titled=True))
    return out


def _without_site(text: str, sites: set[str]) -> str | None:
    for match in SITE_SEPARATOR.finditer(text):
        before, after = text[: match.start()].strip(), text[match.end() :].strip()
        for site, title in ((after, before), (before, after)):
            if fold(site) in sites and len(title.split()) >= MIN_TITLE_LINE_WORDS and is_headline(title):
                return title
    return None


def _heads_article(lines: list[Classified], index: int) -> bool:
    """A headline with its date line just under it (after a standfirst maybe) heads an article, though
    it stands under a photo credit: "© Sputnik" / "Mali : le blé offert …" / standfirst / "24.01.2024"."""
    following = [line for line in lines[index + 1 :] if line.kind not in NOT_TEXT][:HEAD_REACH]
    return lines[index].kind is Line.HEADLINE and any(line.kind is Line.DATE for line in following)


def _speaker(text: str) -> str | None:
    """Who speaks in an interview's turn, as printed before " : ": "MALI TRIBUNE", "Hamadou Ag Sidi"."""
    label, colon, _ = text.partition(" : ")
    return fold(label) if colon and len(label.split()) <= MAX_SPEAKER_WORDS else None


def _with_kind(line: Classified, kind: Line) -> Classified:
    return replace(line, kind=kind)


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
    if (
        current is not None
        and len(current.spans) <= 1
        and same_title(current.title, text)
        and not _is_beginning(text, current.title)
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
        if zone is Zone.MAIN and ahead.kind is Line.PARAGRAPH and not ahead.dated:
            if _is_pull_quote(lines, index):
                return  # « … » printed again, large, beside the paragraph that says it
            if _is_intertitle(text, line.words, len(current.spans)) and not _cut(lines, index):
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


def _is_beginning(text: str, title: str | None) -> bool:
    """Only the first words of the title: "COMMUNIQUÉ DU GOUVERNEMENT DE LA TRANSITION" under
    "Communiqué du Gouvernement de la Transition relatif aux propos …" heads the text, it does not
    print the headline again."""
    if title is None:
        return False
    key, title_key = _title_key(text), _title_key(title)
    return len(key) < len(title_key) and title_key.startswith(key)


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


def _is_intertitle(text: str, words: int, spans: int) -> bool:
    """A subheading inside a body of `spans` paragraphs: short; or long without the "Place : news"
    shape of a headline, once the body has gone on for a while; or a question ("MALI TRIBUNE : Que
    font les forces de défense et de sécurité ?"), as interviews print them."""
    if is_cut_short(text):
        return False
    if words <= MAX_INTERTITLE_WORDS:
        return True
    if " : " in text:
        return text.endswith("?") and spans >= MIN_SPANS_BEFORE_LONG_INTERTITLE
    return words <= MAX_LONG_INTERTITLE_WORDS or spans >= MIN_SPANS_BEFORE_LONG_INTERTITLE


def _cut(lines: list[Classified], index: int) -> bool:
    """The body paragraph just before this line is cut short: it was a teaser's summary, and what
    follows is another item."""
    previous = next((line for line in reversed(lines[:index]) if line.kind not in SKIPPED), None)
    return previous is not None and previous.kind is Line.PARAGRAPH and is_cut_short(previous.text)


def _is_pull_quote(lines: list[Classified], index: int) -> bool:
    """A quote printed on its own line that a paragraph near it says too: "« Nous avons l'impression
    que la guerre a simplement changé de forme »"."""
    key = _title_key(lines[index].text)
    if not lines[index].text.lstrip().startswith(("«", '"', "“")) or len(key.split()) < MIN_PULL_QUOTE_WORDS:
        return False
    near = lines[max(0, index - PULL_QUOTE_REACH) : index] + lines[index + 1 : index + 1 + PULL_QUOTE_REACH]
    return any(line.kind is Line.PARAGRAPH and key in _title_key(line.text) for line in near)


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
