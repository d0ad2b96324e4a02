"""The shape of a line: a headline, a menu, a tag, a summary cut short, a clause, a site's name.

Predicates on one line's text, read by the classifier (`lines.py`) and by the page-level rules.
"""

from __future__ import annotations

import re

from vigie.segment.vocabulary import VOCABULARY

# Teasers end in ".." or "-.", or are cut with "…" / "… Voir plus" / ".. Lire la suite"
CUT_SHORT = re.compile(
    r"(?:[^.]\.\.|^-\.|…|\.\.\.|\[(?:\.\.\.|…)\]|\bvoir plus|\blire la suite)\s*$", re.IGNORECASE
)
# "Affaire à suivre…", "À suivre...": a column's closing words, not a cut
TO_BE_CONTINUED = re.compile(r"\b(?:à|a) suivre\s*(?:…|\.\.\.)\s*$", re.IGNORECASE)
CUT_REACH = 24  # characters at a paragraph's end where a cut is looked for
SENTENCE_END = re.compile(r"[.!;,:]$")
# "Bamako riposte", "Les FAMa ont neutralisé": a finite verb, as far as a few endings tell
# (read on the lower-cased line with its accents: "a" has, "à" is a preposition). Nouns and adverbs
# in "-ement", "-emment", "-ument" are no verbs ("Le gouvernement", "notamment", "un document"),
# nor are the words of data/page_furniture.toml's `not_verbs` ("président", "retrait")
FINITE_VERB = re.compile(
    r"(?<![\w'’])(?:a|ont|est|sont|était|étaient|avait|avaient|sera|seront|fait|font|va|vont|doit|peut|"
    r"reste|restent|semble|devient|s'est|s’est|se sont|n'a|n’a|n'ont|n’ont|n'est|n’est)(?![\w'’])"
    r"|\w{3,}(?:(?<!em)(?<!mm)(?<!um)ent|ait|aient|era|eront)(?!\w)"
)
# separators of menus and breadcrumbs: "Accueil > Actu > Afrique", "Accueil » Politique »"; a longer
# line with one of them is a headline ("Coopération Mali / Russie : signature d'un accord …")
MAX_SINGLE_CRUMB_WORDS = 6
CRUMB = re.compile(r"\s(?:>|›|»|/)\s|\s(?:›|»)$")
HASHTAG = re.compile(r"#[\w_]+")
WORD = re.compile(r"[\w'’-]+")
# domain-like tokens: "Koaci.com", "aBamako.com", "Bamada.net"
DOMAIN = re.compile(r"\w\.(?:com|net|org|info|ml|bf|ne|sn|ma|fr|media|africa|tv|biz)\b", re.IGNORECASE)

MAX_HEADLINE_WORDS = 32
MIN_CUT_SUMMARY_WORDS = 16  # a line this long cut with "…" is a summary, not a headline cut short
MAX_PLAIN_HEADLINE_WORDS = 20  # a longer headline has the "Place : news" shape
# "Mali : …", "Burkina/Biba : …": the shape of a news headline
HEAD_COLON = re.compile(r"^[^:]{2,80}\s?:\s+\S")
# "allAfrica.com: Mali: …": a headline printed with the site's name before it
SITE_PREFIX = re.compile(r"^\w[\w-]*\.(?:com|net|org|info|ml|bf|ne|sn|africa)\s*:\s+[A-ZÀ-Ý]")

# Words that may stand lower-case inside a person's name or a menu: "Ag", "ould", "de", "ben"
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


def is_menu(line: str, folded: str) -> bool:
    """Navigation: "Accueil > Actu > Afrique", "Politique | Economie | Société", "Afrique International
    Économie Sport Multimédia Nos émissions".

    >>> is_menu("Sécurité / Défense", "securite / defense"), is_menu("Mali / Russie : un accord sur le nucléaire civil", "")
    (True, False)
    """
    crumbs = len(CRUMB.findall(" " + line + " ")) if "«" not in line and line[:1].isupper() else 0
    if crumbs > 1 or (crumbs == 1 and len(line.split()) <= MAX_SINGLE_CRUMB_WORDS):
        return True  # not a headline that names two parties: "Coopération Mali / Russie : signature …"
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

    >>> is_cut_short("Les FAMa ont neutral.."), is_cut_short("Le bilan est lourd."), is_cut_short("Affaire à suivre…")
    (True, False, False)
    """
    tail = max(0, len(paragraph) - CUT_REACH)  # the end only
    return CUT_SHORT.search(paragraph, tail) is not None and TO_BE_CONTINUED.search(paragraph, tail) is None


def has_finite_verb(text: str) -> bool:
    """Whether a line reads as a clause ("L'armée a repris le camp") rather than a label
    ("Des soldats sénégalais et maliens à Diboli"), judged from a few verb forms.

    >>> has_finite_verb("Les habitants réclament le retour de l'armée"), has_finite_verb("Le financement du gouvernement")
    (True, False)
    >>> has_finite_verb("Le retrait du président"), has_finite_verb("Le président a reçu le document")
    (False, True)
    """
    return any(match.group() not in VOCABULARY.not_verbs for match in FINITE_VERB.finditer(text.lower()))


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
