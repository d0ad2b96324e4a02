"""Lines of a page: what each line is, from the line itself and the vocabulary of data/page_furniture.toml.

The classes are general, not one site's layout: a headline, a date line ("Publié le …", a
dateline), a byline, a signature, a tag, furniture (menus, widgets, banners, footers), a
caption (photo credits and alt texts), markers that open a list of other articles, the readers'
comments or a box that is no article (the author's biography, a classified), "Lire aussi :
<title>", and body paragraphs. Where a line sits (before a body, inside one, after it) is decided
later, in `vigie.segment.group`.

The rule families live beside it: `vocabulary.py` (the data), `shapes.py` (headlines, menus, tags,
cut summaries), `names.py` (bylines and signatures), `published.py` (dates).
"""

from __future__ import annotations

import re
from enum import Enum, auto
from functools import lru_cache
from typing import NamedTuple

from vigie.frdate import fold
from vigie.segment.names import author_name, author_of, byline_name, is_agency, is_person, is_signature
from vigie.segment.published import Stamp, find_stamp
from vigie.segment.shapes import (
    DOMAIN,
    MAX_HEADLINE_WORDS,
    WORD,
    has_finite_verb,
    is_cut_short,
    is_headline,
    is_menu,
    is_site_name,
    is_tag,
    strip_hashtags,
)
from vigie.segment.vocabulary import VOCABULARY

__all__ = [
    "Classified",
    "Line",
    "classify_line",
    "has_finite_verb",
    "is_cut_short",
    "is_edition",
    "is_headline",
    "is_person",
    "is_site_name",
    "is_tag",
    "read_date_line",
    "read_line",
    "strip_hashtags",
]


class Line(Enum):
    BLANK = auto()
    FURNITURE = auto()  # share and login widgets, banners, counters, footers, site names
    NAV = auto()  # menus and breadcrumbs: "Accueil > Actu > Afrique", "Politique | Economie | Société"
    CAPTION = auto()  # "© aBamako.com par DR", "Peut être une image de 4 personnes", "[Photo : …]"
    RELATED = auto()  # "Sur le même sujet", "Les articles de l'auteur": other articles follow
    COMMENTS = auto()  # "Commentaires (3)": readers' comments follow
    ASIDE = auto()  # "À propos de l'auteur", "Avis de perte", "Newsletter": a box that is no article follows
    TAG = auto()  # "Sécurité UNE"
    READ_ALSO = auto()  # "Lire aussi : <title>"
    DATE = auto()  # "Publié jeudi 01 août 2024 à 19:43", "11.04.2024", "Paris, 5 mai 2021 (AFP) -"
    BYLINE = auto()  # "Par Souleymane SIDIBE"
    SIGNATURE = auto()  # "Souleymane SIDIBE", "La Rédaction", "Avec AFP" under a body
    HEADLINE = auto()
    PARAGRAPH = auto()


class Classified(NamedTuple):
    """One non-blank line of a document: its class, where it is, and what it carries (a named tuple:
    a page makes many, and a tuple is built several times faster than a frozen dataclass)."""

    kind: Line
    start: int  # offsets of the stripped line in the document text
    end: int
    text: str  # the line; the title for a headline or "Lire aussi", the name for a byline
    stamp: Stamp | None = None  # the date a date line prints
    author: str | None = None  # the name a byline or a date line prints
    block: int = 0  # lines not separated by a blank line share a block
    words: int = 0
    titled: bool = False  # a headline printed with the site's name, as in a <title>: the name is cut off
    folded: str = ""  # the text lower-cased without accents (vigie.frdate.fold)
    gap: int = 0  # blank lines just before it


# counters and reading aids inside date lines: "Lu 1 742 fois", "2 commentaires", "4 min de lecture"
COUNTERS = re.compile(
    r"lu\s+[\d\s]+fois|il y a \d+ (?:minutes?|heures?|jours?)|\d+\s+commentaires?|\d+\s+min(?:utes?)?(?:\s+de\s+lecture)?|\(\w[\w ./-]{0,25}\)"
)
# a time left in a date line: "à 19:43", "08h47", "11h20min", "- 10:02"
TIME = re.compile(r"(?:a\s+)?\d{1,2}\s*[h:]\s*\d{2}(?:\s*min)?|[+-]\d{4}|\b\d{1,2}h\b")

MAX_BYLINE_WORDS = 10
MAX_DATE_LEFTOVER = 2  # words besides the date, times, counters, outlets and the author in a date line
MAX_PUBLICATION_LEFTOVER = 8  # the same when the line opens with "Publié", "Mis à jour"…
MAX_CAPTION_WORDS = 45
MAX_SITE_WORDS = 8


def classify_line(line: str) -> tuple[Line, str]:
    """The class of one stripped line, and the text it carries (title, name or the line).

    >>> classify_line("Actualité Actualité Sécurité UNE")[0].name
    'TAG'
    >>> classify_line("Lire aussi : Kidal : Un véhicule neutralisé")[1]
    'Kidal : Un véhicule neutralisé'
    >>> classify_line("Par Souleymane SIDIBE")[1]
    'Souleymane SIDIBE'
    >>> classify_line("Par arrêté n°2025-4743/MM-SG du 13 octobre 2025, le ministre a procédé..")[0].name
    'PARAGRAPH'
    >>> kind, title = classify_line("#Mali : Les FAMa mettent en déroute les GAT"); kind.name, title
    ('HEADLINE', 'Mali : Les FAMa mettent en déroute les GAT')
    >>> [classify_line(line)[0].name for line in ("Accueil > Actu > Afrique", "© aBamako.com par DR")]
    ['NAV', 'CAPTION']
    """
    found = read_line(line)
    return found.kind, found.text


CLASSIFIED_LINES = 50_000  # lines whose class is kept (a dump repeats its site's furniture on every page)
MARKER_REACH = 240  # characters of a line searched for furniture, list, box and date markers


def read_line(line: str, start: int = 0, block: int = 0, end: int | None = None, gap: int = 0) -> Classified:
    """Classify one stripped line that starts at `start` in the document text (and ends at `end`,
    when it was joined from several lines of a hard-wrapped page)."""
    end = start + len(line) if end is None else end
    if not line:
        return Classified(Line.BLANK, start, end, line)
    kind, text, stamp, author, words, folded = _classified(line)
    return Classified(kind, start, end, text, stamp, author, block, words, folded=folded, gap=gap)


@lru_cache(maxsize=CLASSIFIED_LINES)
def _classified(line: str) -> tuple[Line, str, Stamp | None, str | None, int, str]:
    """What a line is, on its own, its word count and its folded text; kept for the lines a site
    prints on every page (menus, footers, widgets), which make up much of a dump."""
    words = len(line.split())
    kind, text, stamp, author = _classify(line, fold(line).replace("’", "'").replace("\u00a0", " "), words)
    return kind, text, stamp, author, words, fold(text)


def _classify(line: str, folded: str, words: int) -> tuple[Line, str, Stamp | None, str | None]:
    # the markers of furniture, lists, boxes and dates open their lines: a long paragraph is read for
    # them in its first characters only (the searches are long alternations; body text is most of a page)
    head = folded[:MARKER_REACH]
    if all(token.startswith("#") for token in line.split()):
        return Line.FURNITURE, line, None, None  # "#BurkinaFaso #ONU"
    if words == 1 and line[:1].isalpha() and line[:1].islower():
        return Line.FURNITURE, line, None, None  # "i24NEWS", "africanews."
    if VOCABULARY.asides.search(head):
        return Line.ASIDE, line, None, None
    published = VOCABULARY.publication.search(head) is not None  # about the article, not its readers
    if VOCABULARY.comments.search(head) and not published:
        return Line.COMMENTS, line, None, None
    if VOCABULARY.related.search(head):
        return Line.RELATED, line, None, None
    read_also = VOCABULARY.read_also.search(head)
    if read_also and len(line) - read_also.end() > 10:
        return Line.READ_ALSO, line[read_also.end() :].strip().lstrip("#").strip(), None, None
    if VOCABULARY.rights.search(head):
        return Line.FURNITURE, line, None, None  # "© 2024 Bamada.net - Tous droits réservés"
    if words <= MAX_CAPTION_WORDS and VOCABULARY.captions.search(head):
        return Line.CAPTION, line, None, None
    if VOCABULARY.today.match(head):
        return Line.FURNITURE, line, None, None  # "Aujourd'hui : lundi 12 février 2024": a widget
    dated = read_date_line(line, folded, words)
    if dated is not None:
        return Line.DATE, line, dated[0], dated[1]
    byline = byline_name(line, folded)
    if byline is not None and words <= MAX_BYLINE_WORDS:
        name = author_name(byline)
        if name is not None:
            return Line.BYLINE, name, None, name  # before sites: "Par la rédaction de Bamada.net"
        if is_agency(fold(byline)):
            return Line.BYLINE, line, None, None  # "Par AFP": a dispatch's credit, no author
    if published and words <= MAX_PUBLICATION_LEFTOVER:
        return Line.FURNITURE, line, None, None  # "Mis à jour il y a 3 heures": no date printed
    if VOCABULARY.nav.search(head):
        return Line.NAV, line, None, None
    if VOCABULARY.furniture.search(head):
        return Line.FURNITURE, line, None, None
    if words <= MAX_SITE_WORDS and DOMAIN.search(line) and not has_finite_verb(line):
        return Line.FURNITURE, line, None, None  # "maliactu.net — le Mali en temps réel"
    if is_tag(folded):
        return Line.TAG, line, None, None
    if is_menu(line, folded):
        return Line.NAV, line, None, None
    if is_signature(line, folded):
        name = None if is_agency(folded) else author_name(line)
        return Line.SIGNATURE, line, None, name
    if is_headline(line, words):
        return Line.HEADLINE, line.lstrip("#").strip(), None, None
    return Line.PARAGRAPH, line, None, None


def read_date_line(line: str, folded: str, words: int) -> tuple[Stamp, str | None] | None:
    """The date (and author) of a publication line, or None when the line is not one.

    A date line is made of a date and little else: "Publié le 05/12/2023 à 07:45 | Lu 2314 fois",
    "Par Sahelien.com | 16 août 2023", "Lundi 31 mai 2021 | Le Pays", "Paris, 5 mai 2021 (AFP) -".

    >>> read_date_line("Yacouba Diarra |23.12.2022 - Mise à jour : 23.12.2022", "yacouba diarra |23.12.2022 - mise a jour : 23.12.2022", 8)[1]
    'Yacouba Diarra'
    >>> read_date_line("Vendredi 1er février 2019, des hommes armés ont fait irruption dans trois villages.", "vendredi 1er fevrier 2019, des hommes armes ont fait irruption dans trois villages.", 14) is None
    True
    """
    if words > MAX_HEADLINE_WORDS:
        return None
    found = find_stamp(line)
    if found is None:
        return None
    stamp, start, end = found
    published = VOCABULARY.publication.search(folded) is not None or is_edition(folded)
    author = author_of(line)
    rest = folded[:start] + " " + folded[end:]
    rest = COUNTERS.sub(" ", TIME.sub(" ", rest))
    rest = VOCABULARY.publication.sub(" ", rest.strip())
    leftover = [
        word
        for word in WORD.findall(rest)
        if word not in {"le", "la", "a", "par", "et", "du", "de", "mis", "jour", "modifie", "publie", "en"}
        and word not in VOCABULARY.agencies
        and word not in VOCABULARY.sections
        and not DOMAIN.search(word + ".")
        and not word.isdigit()
    ]
    if author is not None:
        name_words = set(WORD.findall(fold(author)))
        leftover = [word for word in leftover if word not in name_words]
    leftover = [word for word in leftover if not DOMAIN.search(line) or word not in fold(line).split(".")[0]]
    limit = MAX_PUBLICATION_LEFTOVER if published else MAX_DATE_LEFTOVER
    if len(leftover) > limit or (not published and line.rstrip().endswith(".") and len(leftover) > 1):
        return None
    return stamp, author


@lru_cache(maxsize=CLASSIFIED_LINES)
def is_edition(folded: str) -> bool:
    """A newspaper page's folio, whose date is the page's: "l'essor n°19254 du 14 juin 2022 page 5";
    not a sentence that cites a decree ("Par arrêté n°2025-4743/MM-SG du 13 octobre 2025, …").

    >>> is_edition("l'essor n°19254 du 14 juin 2022 page 5"), is_edition("par arrete n°2025-4743/mm-sg du 13 octobre 2025")
    (True, False)
    """
    return VOCABULARY.edition.search(folded) is not None and not folded.rstrip().endswith(".")
