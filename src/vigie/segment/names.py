"""Names in bylines and signatures: who a byline names ("Par Souleymane SIDIBE", "Propos recueillis
par …"), whether a line is a person's name, the newsroom, initials or an agency signing a dispatch.
"""

from __future__ import annotations

import re

from vigie.frdate import fold
from vigie.segment.published import find_stamp
from vigie.segment.shapes import DOMAIN, NAME_PARTICLES, SENTENCE_END, has_finite_verb
from vigie.segment.vocabulary import VOCABULARY

# "✍️ Moussa Diarra": a pen before the name; the words of a byline ("Par", "Propos recueillis par") are data
PEN = re.compile(r"^✍\ufe0f?\s*")
# pieces of a date line or a byline: "Par X | Lundi 14 Juillet 2025 à 19:40 | Lu 1 742 fois"
PIECES = re.compile(r"\s*(?:\||·|•|\s[-–—]\s|\s[-–—]$|^[-–—]\s)\s*")
# "La Rédaction", "Rédaction Lessor", "Par la rédaction"
NEWSROOM = re.compile(r"^(?:la\s+)?redaction(?:\s+\S+)?$")
DIGIT = re.compile(r"\d")
# "S.", "B.G", "O.B": initials
INITIALS = re.compile(r"^(?:[A-ZÀ-Ý]\.){1,3}[A-ZÀ-Ý]?\.?$")
# words of French grammar that are in no one's name ("À SUIVRE LA SEMAINE PROCHAINE", "Retour sur
# la semaine"): prepositions and articles besides the particles of names ("de", "ag", "ould")
NOT_IN_NAMES = {"a", "au", "aux", "pour", "sur", "dans", "en", "avec", "sans", "chez", "vers", "un", "une"}


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


def author_of(line: str) -> str | None:
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
    if is_agency(folded):
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
    if not 2 <= len(words) <= 6 or len(text) > 60 or DIGIT.search(text):
        return False
    if SENTENCE_END.search(text.rstrip(".")) or ":" in text:
        return False
    named = 0
    for word in words:
        core = word.strip("-'’")
        folded = fold(core).rstrip(".")
        if folded in NAME_PARTICLES:
            continue
        if folded in NOT_IN_NAMES and not core.endswith(".") and not (len(core) == 1 and core.isascii()):
            return False  # "À SUIVRE …"; not the initial of "Zeinabou A. SANI"
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
    if NEWSROOM.match(folded) or is_agency(folded):
        return True
    if INITIALS.match(line) and sum(c.isalpha() for c in line) >= 2:
        return True  # "S.T.C.", "B.G": the author's initials under the body
    words = line.split()
    if not is_person(line):
        return False
    upper = any(len(w.strip(".-")) >= 2 and w.strip(".-").isupper() for w in words)
    initial = any(INITIALS.match(w) for w in words)
    return upper or initial


def is_agency(folded: str) -> bool:
    """ "Avec AFP", "(Belga)", "AIB/Sidwaya", "AMAP-Yorosso", "Lefaso.net", "AFP" """
    text = folded.strip(" ()[]")
    text = re.sub(r"^(avec|source|sources|par)\s*:?\s+", "", text)
    pieces = [p for p in re.split(r"[\s/-]+", text) if p]
    if not pieces or len(pieces) > 3:
        return False
    return pieces[0] in VOCABULARY.agencies or text in VOCABULARY.agencies
