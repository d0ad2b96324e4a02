"""Page-level classes: what a line is, told by the rest of its page (lines -> the same lines, some
of them of another class).

A short line printed several times is the site's or a section's name; a line above the menu,
before any body, is the masthead; a line that prints a headline with the site's name (a <title>)
is a headline without that name; an interview's questions, one speaker's, answered by another's,
are its text; the lines that follow a photo credit in its block are its caption, unless a
headline with its date line under it heads the article.
"""

from __future__ import annotations

import re
from collections import Counter

from vigie.frdate import fold
from vigie.segment.lines import Classified, Line
from vigie.segment.published import find_dateline
from vigie.segment.shapes import HEAD_COLON, MAX_HEADLINE_WORDS, has_finite_verb, is_cut_short, is_headline
from vigie.segment.vocabulary import VOCABULARY

MAX_REPEATED_WORDS = 4  # a short line printed several times is the site's or a section's name
CAPTION_BLOCK_LINES = 3  # lines that follow a photo credit in its block are its caption
MIN_BODY_WORDS = 15  # a sentence this long with a verb is body text, never a caption
MAX_CREDIT_WORDS = 8  # "© aBamako.com par DR", "Photo : DIRPA": a credit alone, its caption below
HEAD_REACH = 2  # lines between a headline and its date line: a standfirst at most
NOT_TEXT = (Line.FURNITURE, Line.NAV, Line.CAPTION)  # tuples of classes: an Enum hashes slowly
MAX_MASTHEAD_WORDS = 8  # "Un Peuple - Un But - Une Foi": a longer line above a menu is a headline
MAX_SPEAKER_WORDS = 4  # "MALI TRIBUNE", "Hamadou Ag Sidi"
MAX_SITE_NAME_WORDS = 4  # "Sikasso Info", "Malijet", "THE SAHEL STANDARD"
MIN_TITLE_LINE_WORDS = 5
MAX_TITLE_LINE_WORDS = MAX_HEADLINE_WORDS + MAX_SITE_NAME_WORDS + 1  # a headline, a separator, a name
TITLE_LINE_KINDS = (Line.HEADLINE, Line.FURNITURE, Line.PARAGRAPH)
MAX_HEADLINE_CHARS = 260
HEAD_LOOKBACK = 8  # lines above a dotted line where its headline would stand
MAX_DOTTED_HEADLINE_WORDS = 20  # a headline some sites close with a period: "Mali : l'armée reprend Léré."
ITEM_STARTS = (Line.DATE, Line.PARAGRAPH)  # what may follow a headline that opens an item
# how a sentence ends, and a headline does not ("!" and "?" end headlines too)
UNTITLED_END = re.compile(r"[.;,:]$")
# what separates a headline from the site's name in a <title>: "… - Sikasso Info", "Sikasso Info | …"
SITE_SEPARATOR = re.compile(r"\s[-–—|]\s")


def settle_lines(lines: list[Classified]) -> list[Classified]:
    """Classes that depend on the page: a short line printed several times is furniture; a line
    above a menu, before any body, is the site's masthead; the lines that follow a photo credit
    in its block are its caption."""
    lines = _headlines_over_dates(_title_lines(lines))
    counts = Counter(line.folded for line in lines if line.kind is Line.HEADLINE)
    questions = {(_speaker(line.text), line.folded) for line in lines if line.text.endswith("?")}
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
        if (
            kind in (Line.HEADLINE, Line.PARAGRAPH)
            and below is Line.NAV
            and not lines[index].titled
            and not _headline_over_menu(lines[index])
        ):
            masthead.add(index)  # "PRIMATURE - République du Mali" / "Un Peuple - Un But - Une Foi" / menu
        elif kind is not Line.FURNITURE:
            below = kind
    out = []
    caption_block, caption_left = -1, 0
    for index, line in enumerate(lines):
        kind = line.kind
        if kind is Line.HEADLINE and line.words <= MAX_REPEATED_WORDS and counts[line.folded] > 1:
            kind = Line.FURNITURE  # "Faso Actu", "Côte d'Ivoire" printed again and again
        if index in masthead:
            kind = Line.FURNITURE  # "L'ESSOR - Quotidien national d'information" above its menu
        if kind is Line.HEADLINE and line.text.endswith("?") and _speaker(line.text) in interview:
            kind = Line.PARAGRAPH  # an interview's question: "MALI TRIBUNE : Que font les forces … ?"
        if kind is Line.CAPTION:
            # a bare credit ("© aBamako.com par DR") has its caption on the next lines; a caption
            # that says what the photo shows ("Le pont de Gaya, le 18 mars 2024 (Photo ActuNiger)") is whole
            bare = line.words <= MAX_CREDIT_WORDS
            caption_block, caption_left = line.block, CAPTION_BLOCK_LINES if bare else 0
        elif (
            line.block == caption_block
            and caption_left > 0
            and kind in (Line.HEADLINE, Line.PARAGRAPH)
            and not is_cut_short(line.text)  # a summary cut by the page is no caption
            and find_dateline(line.text) is None  # "Ménaka (Mali), 12 fév 2024 (AFP) - …" opens a body
            and not _reads_as_body(line)
            and not _heads_article(lines, index)
        ):
            kind = Line.CAPTION  # "© aBamako.com par DR" / "Patrouille de la gendarmerie sur l'axe …"
            caption_left -= 1
        else:
            caption_left = 0
        out.append(line if kind is line.kind else _with_kind(line, kind))
    return out


def _reads_as_body(line: Classified) -> bool:
    """A sentence of a body's length with a verb ("Les autorités régionales ont annoncé la réouverture
    de la route …"), not a caption, which names what the photo shows ("Des camions au poste de contrôle
    de la sortie sud de la ville, le 3 mars 2022"), though no blank line parts it from the credit."""
    return line.words >= MIN_BODY_WORDS and line.text.endswith((".", "»", "!")) and has_finite_verb(line.text)


def _headline_over_menu(line: Classified) -> bool:
    """A news headline over a breadcrumb ("Mali : le gouvernement annonce la réouverture des écoles …"
    / "Accueil > Actualités > Société"), not a masthead or a slogan ("L'ESSOR - Quotidien national
    d'information", "Un Peuple - Un But - Une Foi"): the "Place : news" shape, or a headline's length."""
    return line.words > MAX_MASTHEAD_WORDS or (
        line.words >= MIN_TITLE_LINE_WORDS and HEAD_COLON.match(line.text) is not None
    )


def _headlines_over_dates(lines: list[Classified]) -> list[Classified]:
    """A line without a sentence's end that opens an item is a headline however long, when a date
    line or the body follows it ("Le Mali, le Burkina Faso et le Niger annoncent … après des mois de
    tensions" / "Publié le 28 janvier 2024"), or a publication line or a byline does; so is an
    exclaimed one ("Kidal : l'armée est de retour !") and a short one closed by a period when no
    headline stands above it ("Mali : l'armée reprend Léré.")."""
    out = lines
    for index, line in enumerate(lines):
        if line.kind is not Line.PARAGRAPH or not _headline_shaped(lines, index):
            continue
        below = (other for other in lines[index + 1 :] if other.kind not in NOT_TEXT)
        under = next(below, None)
        if under is None or not (
            _is_publication(under) or under.kind in ITEM_STARTS and _opens(lines, index)
        ):
            continue
        if under.kind is Line.PARAGRAPH and UNTITLED_END.search(line.text) is not None:
            continue  # a dotted line straight over a paragraph is a sentence
        body = under if under.kind is Line.PARAGRAPH else None
        body = body or next((other for other in below if other.kind not in (Line.DATE, Line.BYLINE)), None)
        if body is not None and body.kind is Line.PARAGRAPH:
            out = out if out is not lines else list(lines)
            out[index] = _with_kind(line, Line.HEADLINE)
    return out


def _headline_shaped(lines: list[Classified], index: int) -> bool:
    line = lines[index]
    text = line.text
    if line.words > MAX_HEADLINE_WORDS or len(text) > MAX_HEADLINE_CHARS:
        return False
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if UNTITLED_END.search(text) is not None:  # most body paragraphs: a short dotted line at most
        if not text.endswith(".") or line.words > MAX_DOTTED_HEADLINE_WORDS or ". " in text:
            return False
        if is_cut_short(text):
            return False  # "Les FAMa ont neutral.."
        for other in reversed(lines[max(0, index - HEAD_LOOKBACK) : index]):
            if other.kind not in NOT_TEXT and other.kind is not Line.TAG:
                return other.kind is not Line.HEADLINE  # else a standfirst under its headline
    return not is_cut_short(text)


def _opens(lines: list[Classified], index: int) -> bool:
    """Nothing of a body stands right above the line: it opens an item, it is not a body's last line."""
    above = next((other for other in reversed(lines[:index]) if other.kind not in NOT_TEXT), None)
    return above is None or above.kind not in (Line.PARAGRAPH, Line.HEADLINE, Line.DATE, Line.BYLINE)


def _is_publication(line: Classified | None) -> bool:
    """A byline, or a date line that says it dates the article: "Publié le …", "Mis à jour le …"."""
    return line is not None and (
        line.kind is Line.BYLINE
        or (line.kind is Line.DATE and VOCABULARY.publication.search(line.folded) is not None)
    )


def _title_lines(lines: list[Classified]) -> list[Classified]:
    """Lines that print a headline with the site's name, as a page's <title> does: "Koutiala : la
    colère … tourne à l'émeute - Sikasso Info", "Sikasso Info | Koutiala : …", the site's name being
    printed alone elsewhere on the page. They are headlines, without the site's name."""
    sites = {line.folded for line in lines if line.words <= MAX_SITE_NAME_WORDS and line.kind is not Line.TAG}
    out = []
    for line in lines:
        title = (
            _without_site(line.text, sites)
            if line.kind in TITLE_LINE_KINDS and line.words <= MAX_TITLE_LINE_WORDS and _separated(line.text)
            else None
        )
        if title is None:
            out.append(line)
        else:
            out.append(
                line._replace(
                    kind=Line.HEADLINE, text=title, words=len(title.split()), titled=True, folded=fold(title)
                )
            )
    return out


def _separated(text: str) -> bool:
    return "-" in text or "|" in text or "–" in text or "—" in text  # before SITE_SEPARATOR, for speed


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
    return line._replace(kind=kind)
