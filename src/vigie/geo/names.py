"""Geo stage, names: the folded keys place names are looked up by (case, accents, hyphens, numerals)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# "d’Abeïbara", "Ti-n-Essako", "(Région de Kidal)": all but letters and digits separate words
NON_WORD = re.compile(r"[\W_]+")
# "Kolondiéba, Région de Bougouni", "Tibezas (Région de Kidal)": a comma or bracket ends the name
CLAUSE = re.compile(r"[,;:()\[\]«»\"]")
# "Commune IV" = "Commune 4": Roman numerals after the first word of a name
ROMAN = {
    "i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6",
    "vii": "7", "viii": "8", "ix": "9", "x": "10", "xi": "11", "xii": "12",
}  # fmt: skip
# "région de Bougouni" asks for a region of either layout, "cercle de Koro" or "province du


def _fold_table() -> dict[int, str]:
    """str.translate table: "É" -> "E", "ï" -> "i", "œ" -> "oe"; combining accents removed."""
    table = {ord("œ"): "oe", ord("Œ"): "OE", ord("æ"): "ae", ord("Æ"): "AE"}
    for code in range(0xC0, 0x250):
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        if base and base != chr(code):
            table[code] = base
    table.update(dict.fromkeys(range(0x300, 0x370), ""))  # combining accents of decomposed text
    return table


FOLD = _fold_table()


def fold_words(text: str) -> list[tuple[str, bool]]:
    """The words of `text` folded (see `fold_name`), each with whether it was capitalised."""
    words: list[tuple[str, bool]] = []
    for raw in NON_WORD.split(unicodedata.normalize("NFC", text)):
        word = raw.translate(FOLD).lower()
        if word:
            words.append((ROMAN.get(word, word) if words else word, raw[0].isupper()))
    return words


def fold_name(text: str) -> str:
    """The key a name is looked up by: case, accents, apostrophes, hyphens and numerals folded.

    >>> fold_name("Nioro-du-Sahel"), fold_name("SÉGOU"), fold_name("d’Abeïbara")
    ('nioro du sahel', 'segou', 'd abeibara')
    >>> fold_name("Commune IV") == fold_name("commune 4")
    True
    """
    return " ".join(word for word, _ in fold_words(text))


@lru_cache(maxsize=4096)
def fold_label(value: str) -> str:
    """`fold_name`, cached: admin names are folded again and again while ranking homonyms."""
    return fold_name(value)
