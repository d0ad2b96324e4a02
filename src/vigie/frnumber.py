"""French numbers: "23", "1 200", "sept", "dix-sept", "une dizaine" -> int (vague words -> None)."""

from __future__ import annotations

import re

from vigie.frdate import fold

UNITS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
}  # fmt: skip
# "une dizaine" 10, "une vingtaine" 20, "une centaine" 100: approximate words count as their value
APPROXIMATE = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}  # fmt: skip
# "plusieurs", "de nombreux", "des dizaines": no number
VAGUE = {"plusieurs", "nombreux", "nombreuses", "dizaines", "centaines", "milliers", "quelques"}
DIGITS = re.compile(r"^\d{1,3}(?:[ \u00a0.]\d{3})*$|^\d+$")


def parse_number(text: str) -> int | None:
    """The value of a number written in digits or in French words; None for vague words.

    >>> [parse_number(t) for t in ["23", "1 200", "20.000", "sept", "dix-sept", "une dizaine", "plusieurs"]]
    [23, 1200, 20000, 7, 17, 10, None]
    >>> parse_number("quatre-vingt-dix"), parse_number("vingt et un"), parse_number("une douzaine")
    (90, 21, 12)
    """
    cleaned = fold(text.strip())
    if DIGITS.match(cleaned):
        return int(re.sub(r"[ \u00a0.]", "", cleaned))
    words = [w for w in re.split(r"[\s-]+", cleaned) if w and w not in {"et", "d'une", "d'un"}]
    if not words or any(w in VAGUE for w in words):
        return None
    if words[0] in {"une", "un"} and len(words) == 2 and words[1] in APPROXIMATE:
        return APPROXIMATE[words[1]]
    if len(words) == 1 and words[0] in APPROXIMATE:
        return APPROXIMATE[words[0]]
    total, current = 0, 0
    for word in words:
        if word not in UNITS:
            return None
        value = UNITS[word]
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        elif word == "vingt" and current == 4:  # "quatre-vingt"
            current = 80
        else:
            current += value
    return total + current
