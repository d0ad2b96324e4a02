"""Lines of a page: what each line is, from the line itself and the vocabulary of data/page_furniture.toml.

The classes are general, not one site's layout: a headline, a date line ("Publié le …", a
dateline), a byline, a signature, a tag, furniture (menus, widgets, banners, footers), a
caption (photo credits and alt texts), markers that open a list of other articles, the readers'
comments or a box that is no article (the author's biography, a classified), "Lire aussi :
<title>", and body paragraphs. Where a line sits (before a body, inside one, after it) is decided
later, in `vigie.segment.group`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import Enum, auto
from functools import lru_cache
from importlib import resources

from vigie.frdate import fold
from vigie.segment.published import Stamp, find_stamp


class Markers:
    """A long list of marker patterns, searched fast: those that open a line ("^abonnez-vous")
    are tried at its start only, the others anywhere (one alternation of all would try every
    pattern at every position of every body paragraph)."""

    def __init__(self, patterns: list[str]) -> None:
        opening = [p[1:] for p in patterns if p.startswith("^")]
        anywhere = [p for p in patterns if not p.startswith("^")]
        self.opening = _alternation(opening) if opening else None
        self.anywhere = _alternation(anywhere) if anywhere else None

    def search(self, text: str) -> re.Match[str] | None:
        """Like `re.Pattern.search` over all the patterns (a match at the line's start first).

        >>> Markers(["^abonnez-vous", "newsletter"]).search("inscrivez-vous a notre newsletter").group()
        'newsletter'
        """
        found = self.opening.match(text) if self.opening is not None else None
        if found is None and self.anywhere is not None:
            found = self.anywhere.search(text)
        return found


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The vocabulary of data/page_furniture.toml, compiled."""

    sections: frozenset[str]
    furniture: Markers
    nav: re.Pattern[str]
    captions: Markers
    related: re.Pattern[str]
    comments: Markers
    rights: re.Pattern[str]
    asides: re.Pattern[str]
    read_also: re.Pattern[str]
    publication: re.Pattern[str]
    bylines: re.Pattern[str]
    edition: re.Pattern[str]
    agencies: frozenset[str]
    not_names: frozenset[str]

    @classmethod
    def load(cls) -> Vocabulary:
        text = resources.files("vigie.data").joinpath("page_furniture.toml").read_text(encoding="utf-8")
        table = tomllib.loads(text)
        return cls(
            sections=frozenset(table["sections"]),
            furniture=Markers(table["furniture"]),
            nav=_alternation(table["nav"]),
            captions=Markers(table["captions"]),
            related=_alternation(table["related"]),
            comments=Markers(table["comments"]),
            rights=_alternation(table["rights"]),
            asides=_alternation(table["asides"]),
            read_also=_alternation(table["read_also"]),
            publication=_alternation(table["publication"]),
            bylines=re.compile(r"(?:^|(?<=\s))(?:" + "|".join(table["bylines"]) + r")\s*:?\s+(?=\S)"),
            edition=_alternation(table["edition"]),
            agencies=frozenset(table["agencies"]),
            not_names=frozenset(table["not_names"]),
        )


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


VOCABULARY = Vocabulary.load()


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


@dataclass(frozen=True, slots=True)
class Classified:
    """One non-blank line of a document: its class, where it is, and what it carries."""

    kind: Line
    start: int  # offsets of the stripped line in the document text
    end: int
    text: str  # the line; the title for a headline or "Lire aussi", the name for a byline
    stamp: Stamp | None = None  # the date a date line prints
    author: str | None = None  # the name a byline or a date line prints
    block: int = 0  # lines not separated by a blank line share a block
    words: int = 0
    titled: bool = False  # a headline printed with the site's name, as in a <title>: the name is cut off


# "✍️ Moussa Diarra": a pen before the name; the words of a byline ("Par", "Propos recueillis par") are data
PEN = re.compile(r"^✍\ufe0f?\s*")
# pieces of a date line or a byline: "Par X | Lundi 14 Juillet 2025 à 19:40 | Lu 1 742 fois"
PIECES = re.compile(r"\s*(?:\||·|•|\s[-–—]\s|\s[-–—]$|^[-–—]\s)\s*")
# "La Rédaction", "Rédaction Lessor", "Par la rédaction"
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
# "S.", "B.G", "O.B": initials
INITIALS = re.compile(r"^(?:[A-ZÀ-Ý]\.){1,3}[A-ZÀ-Ý]?\.?$")
# Teasers end in ".." or "-.", or are cut with "…" / "… Voir plus" / ".. Lire la suite"
CUT_SHORT = re.compile(r"(?:[^.]\.\.|^-\.|…|\.\.\.|\bvoir plus|\blire la suite)\s*$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!;,:]$")
# "Bamako riposte", "Les FAMa ont neutralisé": a finite verb, as far as a few endings tell
# (read on the lower-cased line with its accents: "a" has, "à" is a preposition)
FINITE_VERB = re.compile(
    r"(?<![\w'’])(?:a|ont|est|sont|était|étaient|avait|avaient|sera|seront|fait|font|va|vont|doit|peut|"
    r"reste|restent|semble|devient|s'est|s’est|se sont|n'a|n’a|n'ont|n’ont|n'est|n’est)(?![\w'’])"
    r"|\w{3,}(?:ent|ait|aient|era|eront)(?!\w)"
)
# separators of menus and breadcrumbs: "Accueil > Actu > Afrique", "Accueil » Politique »"
CRUMB = re.compile(r"\s(?:>|›|»|/)\s|\s(?:›|»)$")
HASHTAG = re.compile(r"#[\w_]+")
WORD = re.compile(r"[\w'’-]+")
# counters and reading aids inside date lines: "Lu 1 742 fois", "2 commentaires", "4 min de lecture"
COUNTERS = re.compile(
    r"lu\s+[\d\s]+fois|\d+\s+commentaires?|\d+\s+min(?:utes?)?(?:\s+de\s+lecture)?|\(\w[\w ./-]{0,25}\)"
)
# a time left in a date line: "à 19:43", "08h47", "11h20min", "- 10:02"
TIME = re.compile(r"(?:a\s+)?\d{1,2}\s*[h:]\s*\d{2}(?:\s*min)?|[+-]\d{4}|\b\d{1,2}h\b")
# domain-like tokens: "Koaci.com", "aBamako.com", "Bamada.net"
DOMAIN = re.compile(r"\w\.(?:com|net|org|info|ml|bf|ne|sn|ma|fr|media|africa|tv|biz)\b", re.IGNORECASE)

MAX_HEADLINE_WORDS = 32
MAX_BYLINE_WORDS = 10
MAX_DATE_LEFTOVER = 2  # words besides the date, times, counters, outlets and the author in a date line
MAX_PUBLICATION_LEFTOVER = 8  # the same when the line opens with "Publié", "Mis à jour"…
MAX_CAPTION_WORDS = 45
MAX_SITE_WORDS = 8
MIN_CUT_SUMMARY_WORDS = 16  # a line this long cut with "…" is a summary, not a headline cut short
MAX_PLAIN_HEADLINE_WORDS = 20  # a longer headline has the "Place : news" shape
# "Mali : …", "Burkina/Biba : …": the shape of a news headline
HEAD_COLON = re.compile(r"^[^:]{2,80}\s?:\s+\S")
# "allAfrica.com: Mali: …": a headline printed with the site's name before it
SITE_PREFIX = re.compile(r"^\w[\w-]*\.(?:com|net|org|info|ml|bf|ne|sn|africa)\s*:\s+[A-ZÀ-Ý]")


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


def read_line(line: str, start: int = 0, block: int = 0, end: int | None = None) -> Classified:
    """Classify one stripped line that starts at `start` in the document text (and ends at `end`,
    when it was joined from several lines of a hard-wrapped page)."""
    end = start + len(line) if end is None else end
    words = len(line.split())
    if not line:
        return Classified(Line.BLANK, start, end, line)
    kind, text, stamp, author = _classified(line, words)
    return Classified(kind, start, end, text, stamp, author, block, words)


@lru_cache(maxsize=CLASSIFIED_LINES)
def _classified(line: str, words: int) -> tuple[Line, str, Stamp | None, str | None]:
    """What a line is, on its own; kept for the lines a site prints on every page (menus, footers,
    widgets), which make up much of a dump."""
    return _classify(line, fold(line).replace("’", "'").replace("\u00a0", " "), words)


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
    dated = read_date_line(line, folded, words)
    if dated is not None:
        return Line.DATE, line, dated[0], dated[1]
    byline = byline_name(line, folded)
    if byline is not None and words <= MAX_BYLINE_WORDS:
        name = author_name(byline)
        if name is not None:
            return Line.BYLINE, name, None, name  # before sites: "Par la rédaction de Bamada.net"
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
    if _is_menu(line, folded):
        return Line.NAV, line, None, None
    if is_signature(line, folded):
        name = None if _is_agency(folded) else author_name(line)
        return Line.SIGNATURE, line, None, name
    if is_headline(line, words):
        return Line.HEADLINE, line.lstrip("#").strip(), None, None
    return Line.PARAGRAPH, line, None, None


def byline_name(line: str, folded: str) -> str | None:
    """What follows the words of a byline, or None when the line is not one.

    >>> byline_name("Propos recueillis par Fatoumata B. KONÉ", "propos recueillis par fatoumata b. kone")
    'Fatoumata B. KONÉ'
    >>> byline_name("Par arrêté n°2025-4743/MM-SG du 13 octobre", "par arrete n°2025-4743/mm-sg du 13 octobre")
    'arrêté n°2025-4743/MM-SG du 13 octobre'
    """
    pen = PEN.match(line)
    skip = pen.end() if pen is not None else 0
    words = VOCABULARY.bylines.match(folded, skip)
    if words is None:
        return line[skip:].strip() or None if pen is not None else None
    return line[words.end() :].strip() or None


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
    author = _author_of(line)
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


def is_edition(folded: str) -> bool:
    """A newspaper page's folio, whose date is the page's: "l'essor n°19254 du 14 juin 2022 page 5";
    not a sentence that cites a decree ("Par arrêté n°2025-4743/MM-SG du 13 octobre 2025, …").

    >>> is_edition("l'essor n°19254 du 14 juin 2022 page 5"), is_edition("par arrete n°2025-4743/mm-sg du 13 octobre 2025")
    (True, False)
    """
    return VOCABULARY.edition.search(folded) is not None and not folded.rstrip().endswith(".")


def _author_of(line: str) -> str | None:
    """The author a date line or byline names: after "Par", or a person's name among its pieces."""
    pieces = [piece.strip() for piece in PIECES.split(line) if piece and piece.strip()]
    for piece in pieces:
        by = VOCABULARY.bylines.search(fold(piece))
        if by is not None:
            return author_name(piece[by.end() :])
    for piece in pieces:
        if find_stamp(piece) is None and not any(ch.isdigit() for ch in piece):
            name = author_name(piece, strict=True)
            if name is not None:
                return name
    return None


def author_name(text: str, strict: bool = False) -> str | None:
    """The person (or newsroom) a byline names, without its parenthesis: "Abdoulaye HAROUNA (ONEP)"
    -> "Abdoulaye HAROUNA"; None for an outlet, an agency or a sentence.

    >>> author_name("Claire Mbaye (Dakar, correspondance)"), author_name("Le Pays", strict=True), author_name("AFP")
    ('Claire Mbaye', None, None)
    """
    name = re.sub(r"\s*\([^)]*\)\s*$", "", text).strip(" .,;-–—|✍️").strip()
    name = re.sub(r"\s*[|,]\s*(rédacteur|redacteur|journaliste|correspondant)\b.*$", "", name, flags=re.I)
    folded = fold(name)
    if not name or len(name) > 60 or any(c.isdigit() for c in name):
        return None
    if _is_agency(folded):
        return None
    if NEWSROOM.match(folded):
        return name
    if is_person(name):
        return name
    if not strict and (INITIALS.match(name) or len(name.split()) <= 5 and not SENTENCE_END.search(name)):
        if len(name.split()) <= 5 and not has_finite_verb(name):
            return name  # "correspondant à Niamey", "Sahelien.com", "RFI": what the byline says
    if strict and INITIALS.match(name.replace(" ", "")) and len(name) <= 5:
        return name  # "BS", "B.G"
    return None


def is_person(text: str) -> bool:
    """A person's name as printed in a byline: "Souleymane SIDIBE", "Sidiki Y. Dembélé", "S. Guindo",
    "Ismaël Dicko"; not a site or a section ("Studio Tamani", "Le Pays").

    >>> is_person("Aïssata DIALLO"), is_person("Sécurité au centre"), is_person("Faso Actu"), is_person("S. Guindo")
    (True, False, False, True)
    """
    words = text.split()
    if not 2 <= len(words) <= 6 or len(text) > 60 or any(c.isdigit() for c in text):
        return False
    if SENTENCE_END.search(text.rstrip(".")) or ":" in text:
        return False
    named = 0
    for word in words:
        core = word.strip("-'’")
        folded = fold(core).rstrip(".")
        if folded in NAME_PARTICLES:
            continue
        if folded in VOCABULARY.not_names or folded in VOCABULARY.sections or DOMAIN.search(core):
            return False
        if INITIALS.match(core):
            continue
        if not core or not core[0].isupper() or not core.replace("-", "").replace("'", "").isalpha():
            return False
        if not (core.isupper() or core[1:].islower() or "-" in core):
            return False
        named += 1
    first = fold(words[0])
    return named >= 1 and first not in {"le", "la", "les", "l'"} and not first.startswith("l'")


def is_signature(line: str, folded: str) -> bool:
    """A line that signs an article: a name with a capitalised surname ("Souleymane SIDIBE"),
    initials with a name ("S. Guindo"), the newsroom, or an agency ("Avec AFP", "(Belga)")."""
    if NEWSROOM.match(folded) or _is_agency(folded):
        return True
    if INITIALS.match(line) and sum(c.isalpha() for c in line) >= 2:
        return True  # "S.T.C.", "B.G": the author's initials under the body
    words = line.split()
    if not is_person(line):
        return False
    upper = any(len(w.strip(".-")) >= 2 and w.strip(".-").isupper() for w in words)
    initial = any(INITIALS.match(w) for w in words)
    return upper or initial


def _is_agency(folded: str) -> bool:
    """ "Avec AFP", "(Belga)", "AIB/Sidwaya", "AMAP-Yorosso", "Lefaso.net", "AFP" """
    text = folded.strip(" ()[]")
    text = re.sub(r"^(avec|source|sources|par)\s*:?\s+", "", text)
    pieces = [p for p in re.split(r"[\s/-]+", text) if p]
    if not pieces or len(pieces) > 3:
        return False
    return pieces[0] in VOCABULARY.agencies or text in VOCABULARY.agencies


def _is_menu(line: str, folded: str) -> bool:
    """Navigation: "Accueil > Actu > Afrique", "Politique | Economie | Société", "Afrique International
    Économie Sport Multimédia Nos émissions"."""
    if "«" not in line and len(CRUMB.findall(" " + line + " ")) >= 1 and line[:1].isupper():
        return True
    items = [item.strip() for item in re.split(r"\s*[|·•]\s*|\s{2,}|\]\s*\[", line) if item.strip()]
    if len(items) >= 3 and all(len(item.split()) <= 4 for item in items) and not SENTENCE_END.search(line):
        return True
    words = WORD.findall(folded)
    if len(words) >= 4 and ":" not in line and not SENTENCE_END.search(line):
        capitalised = [
            w for w in line.split() if w[:1].isupper() or w.lower() in NAME_PARTICLES or w in {"&"}
        ]
        sections = sum(1 for w in words if w in VOCABULARY.sections)
        return len(capitalised) == len(line.split()) and sections >= 2
    return False


def is_tag(folded: str) -> bool:
    """A line made only of section names: "securite une", "faits divers"."""
    words = folded.split()
    if not words or len(words) > 8:
        return False
    i = 0
    while i < len(words):
        if " ".join(words[i : i + 2]) in VOCABULARY.sections:
            i += 2
        elif words[i] in VOCABULARY.sections:
            i += 1
        else:
            return False
    return True


def is_headline(line: str, words: int | None = None) -> bool:
    """A line that may be a headline: short, not ending like a sentence, opening with a capital.

    >>> is_headline("Voici le communiqué du gouvernorat :"), is_headline("Tombouctou sous le choc…")
    (False, True)
    """
    count = len(line.split()) if words is None else words
    if count > MAX_HEADLINE_WORDS or len(line) > 260:
        return False
    if SENTENCE_END.search(line) and not line.endswith("..."):
        return False
    if count >= MIN_CUT_SUMMARY_WORDS and is_cut_short(line):
        return False  # a summary cut by the page: "Trois civils ont été tués mardi par l'explosion…"
    if count > MAX_PLAIN_HEADLINE_WORDS and not HEAD_COLON.search(line) and has_finite_verb(line):
        return False  # a sentence closing on a quote: "« Aucun répit », martèle l'état-major, qui …"
    if line.startswith("#") or SITE_PREFIX.match(line):
        return True  # "#Ménaka : …", "allAfrica.com: Mali: Tombouctou sous le choc"
    first = line.lstrip("«\"“'( ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def is_cut_short(paragraph: str) -> bool:
    """A teaser's summary, cut by the page: "… les positions enne..", "-.", "… Voir plus".

    >>> is_cut_short("Les FAMa ont neutral.."), is_cut_short("Le bilan est lourd.")
    (True, False)
    """
    return CUT_SHORT.search(paragraph) is not None


def has_finite_verb(text: str) -> bool:
    """Whether a line reads as a clause ("L'armée a repris le camp") rather than a label
    ("Des soldats sénégalais et maliens à Diboli"), judged from a few verb forms."""
    return FINITE_VERB.search(text.lower()) is not None


def is_site_name(line: str, folded: str, words: int) -> bool:
    """A short line naming a site or a page: "i24NEWS", "PressAfrik", "Sahelien.com", "MALI TRIBUNE"."""
    if words > 6:
        return False
    if DOMAIN.search(line):
        return True
    tokens = WORD.findall(folded)
    if any(token in VOCABULARY.not_names for token in tokens if token not in {"le", "la", "les", "l'"}):
        return words <= 4 and ":" not in line
    letters = [c for c in line if c.isalpha()]
    return words <= 3 and bool(letters) and all(c.isupper() for c in letters) and ":" not in line


def strip_hashtags(paragraph: str) -> int:
    """How many characters of leading hashtags to skip: "#Coopération_Burkina_Ghana Le Président…".

    >>> strip_hashtags("#Visite Le Président ghanéen est attendu")
    8
    """
    offset = 0
    while True:
        match = HASHTAG.match(paragraph, offset)
        if match is None:
            return offset
        rest = paragraph[match.end() :]
        skipped = match.end() + (len(rest) - len(rest.lstrip()))
        if skipped >= len(paragraph):
            return offset
        offset = skipped
