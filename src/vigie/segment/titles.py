"""Headline-shaped lines: which is the same title printed again, a standfirst, a subheading, a pull
quote, and how much a line reads as a headline rather than a kicker or a caption.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from vigie.frdate import fold
from vigie.segment.lines import Classified, Line
from vigie.segment.shapes import WORD, has_finite_verb, is_cut_short

MAX_INTERTITLE_WORDS = 10  # "Gendarmerie de Kimparana visée", "Acte 1 – Niger : l'embuscade de Teguey"
# without " : ": "Le Burkina Faso et le Niger affichent leur solidarité avec Bamako"
MAX_LONG_INTERTITLE_WORDS = 14
MIN_SPANS_BEFORE_LONG_INTERTITLE = 2  # a body that has gone on this long is not a teaser's summary
MIN_STANDFIRST_WORDS = 8
MIN_PULL_QUOTE_WORDS = 6  # a shorter quote on its own line is a subheading: "« Attitude condescendante »"
PULL_QUOTE_REACH = 4  # lines on either side where the quoted paragraph is looked for
SAME_TITLE = 90.0


def same_title(a: str | None, b: str) -> bool:
    """The same headline printed twice, with other apostrophes, an ellipsis or a site's prefix.

    >>> same_title("allAfrica.com: Mali: Tombouctou sous le choc après l'attaque", "Mali: Tombouctou sous le choc après l’attaque")
    True
    """
    if a is None:
        return False
    key_a, key_b = title_key(a), title_key(b)
    if key_a == key_b:
        return True
    shorter, longer = sorted((key_a, key_b), key=len)
    if len(shorter) >= 15 and (longer.endswith(shorter) or longer.startswith(shorter)):
        return True
    return fuzz.ratio(key_a, key_b) >= SAME_TITLE


def is_beginning(text: str, title: str | None) -> bool:
    """Only the first words of the title: "COMMUNIQUÉ DU GOUVERNEMENT DE LA TRANSITION" under
    "Communiqué du Gouvernement de la Transition relatif aux propos …" heads the text, it does not
    print the headline again."""
    if title is None:
        return False
    key, whole = title_key(text), title_key(title)
    return len(key) < len(whole) and whole.startswith(key)


def title_key(title: str) -> str:
    return " ".join(WORD.findall(fold(title).replace("’", "'").replace("`", "'")))


def is_standfirst(title: str | None, text: str, words: int) -> bool:
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


def is_intertitle(text: str, words: int, spans: int) -> bool:
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


def is_pull_quote(lines: list[Classified], index: int) -> bool:
    """A quote printed on its own line that a paragraph near it says too: "« Nous avons l'impression
    que la guerre a simplement changé de forme »"."""
    key = title_key(lines[index].text)
    if not lines[index].text.lstrip().startswith(("«", '"', "“")) or len(key.split()) < MIN_PULL_QUOTE_WORDS:
        return False
    near = lines[max(0, index - PULL_QUOTE_REACH) : index] + lines[index + 1 : index + 1 + PULL_QUOTE_REACH]
    return any(line.kind is Line.PARAGRAPH and key in title_key(line.text) for line in near)
