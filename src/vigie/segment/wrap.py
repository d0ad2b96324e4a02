"""Hard-wrapped pages: the physical lines of a document -> its logical lines (one per paragraph or headline).

Most dumps print a paragraph on one line. A PDF's text layer ("46-character columns") and a
newspaper's text edition ("wrapped at 75 characters") print it over several lines, cut at the
column's width, with no blank line between them. Such a page is told by its many lines that stop
without a sentence's end and go on in lower case ("Les Forces armées maliennes ont pris" /
"possession, hier lundi 13 juin, du camp"); on such a page, a line goes on on the next when the
next line opens in lower case, or when the next line's first word would not have fitted on it,
and a headline printed in capitals over two lines is one headline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

# a line that stops where a sentence, a quote or a list item may stop: "… de la task force européenne Takuba."
TERMINAL_CHARS = frozenset('.!?:;»"”)…')
# what a line that goes on the previous one opens with: "possession, hier …", "» des FAMa …"
CONTINUED = re.compile(r"^(?:[a-zà-ÿœ]|[»”),;])")
# the text of a line from its first visible character to its last (a blank line has none)
NON_BLANK = re.compile(r"\S(?:[^\n]*\S)?")
# a line that opens with an address is furniture, not the rest of a sentence: "www.essor.ml …"
ADDRESS = re.compile(r"^\S*\w\.[a-z]{2,}\b|^\S*://")
MIN_WRAPPED_PAIRS = 3  # a page with fewer such lines is not hard-wrapped: one-line paragraphs
# the lines cut by a column are about its width ("paix à leurs âmes" under a reader's name is not)
MIN_FULL_WIDTH = 0.8
MAX_OVER_WIDTH = 1.1  # a line this much wider than the column is a headline or furniture printed whole
MIN_COLUMN_WIDTH = 30  # characters: "Moussa K. - il y a 2 jours" over "courage aux sinistrés" is no column
MIN_WRAPPED_SHARE = 0.25  # of the pairs of adjacent lines
MIN_CAPITALS = 0.8  # share of upper-case letters in a headline printed in capitals
MIN_DOUBLE_SPACED = 0.5  # of the pairs of adjacent lines, one blank line apart on a double-spaced page


class Physical(NamedTuple):
    """A non-blank line of the document: offsets of the stripped line, and its block."""

    start: int
    end: int
    text: str
    block: int  # lines not separated by a blank line share a block
    gap: int = 0  # blank lines just before it


class Logical(NamedTuple):
    """One or more physical lines read as one: offsets into the document, text with the breaks joined."""

    start: int
    end: int
    text: str
    block: int
    gap: int = 0  # blank lines just before its first physical line


def physical_lines(text: str) -> list[Physical]:
    """The non-blank lines of a document, stripped, with their offsets and blocks."""
    out: list[Physical] = []
    block = 0
    previous = -1  # where the last line ended, -1 before the first: it has no line above
    for match in NON_BLANK.finditer(text):
        start, end = match.span()
        gap = text.count("\n", previous, start) - 1 if previous >= 0 else text.count("\n", 0, start)
        block += gap > 0
        out.append(Physical(start, end, match.group(), block, gap))
        previous = end
    return out


def double_spaced(lines: list[Physical]) -> list[Physical] | None:
    """The lines of a double-spaced page (a print view, a word processor's text) with its real blocks:
    one blank line between the lines of a paragraph, two or more between paragraphs. None when
    the page is not one: its lines cut mid-sentence are not followed by a single blank line.

    >>> page = physical_lines("Réunis samedi à Banibangou, les éleveurs\\n\\nde la commune ont demandé le retour\\n\\n"
    ...     "d'une unité des forces de défense.\\n\\n\\nLe préfet a promis de transmettre\\n\\nleurs doléances.")
    >>> [line.block for line in double_spaced(page)]
    [0, 0, 0, 1, 1]
    """
    single = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if b.gap == 1]
    if len(single) < MIN_WRAPPED_PAIRS or len(single) < MIN_DOUBLE_SPACED * (len(lines) - 1):
        return None
    if sum(_goes_on(a.text, b.text) for a, b in single) < MIN_WRAPPED_SHARE * len(single):
        return None
    out: list[Physical] = []
    block = 0
    for index, line in enumerate(lines):
        block += index > 0 and line.gap != 1
        out.append(Physical(line.start, line.end, line.text, block, line.gap))
    return out


def logical_lines(lines: list[Physical], is_label: Callable[[str], bool]) -> list[Logical]:
    """Join the lines of a hard-wrapped page into paragraphs and headlines; other pages are left
    as they are. `is_label` tells a rubric ("NATION", "FAITS DIVERS"), which is never joined.

    >>> page = physical_lines("SÉCURITÉ\\nMÉNAKA : LA FORCE BARKHANE REMET\\nSON CAMP AUX FAMa\\n"
    ...     "Les Forces armées maliennes ont pris\\npossession, hier lundi 13 juin, du camp\\n"
    ...     "militaire de Ménaka, jusque-là occupé par la\\nforce française Barkhane et par des\\n"
    ...     "éléments de la task force européenne Takuba.")
    >>> [line.text for line in logical_lines(page, lambda text: text == "SÉCURITÉ")]
    ['SÉCURITÉ', 'MÉNAKA : LA FORCE BARKHANE REMET SON CAMP AUX FAMa', 'Les Forces armées maliennes ont pris possession, hier lundi 13 juin, du camp militaire de Ménaka, jusque-là occupé par la force française Barkhane et par des éléments de la task force européenne Takuba.']
    """
    pairs = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if a.block == b.block]
    wrapped = [a for a, b in pairs if _goes_on(a.text, b.text)]
    width = max((len(line.text) for line in wrapped), default=0)
    full = [line for line in wrapped if len(line.text) >= MIN_FULL_WIDTH * width]
    wider = [line for line in lines if len(line.text) > MAX_OVER_WIDTH * width]
    if (
        width < MIN_COLUMN_WIDTH
        or len(full) < MIN_WRAPPED_PAIRS
        or len(wrapped) < MIN_WRAPPED_SHARE * len(pairs)
        or len(wider) >= len(full)  # one-line paragraphs run past the "column": it is none
    ):
        return [Logical(line.start, line.end, line.text, line.block, line.gap) for line in lines]
    out: list[Logical] = []
    inside = False  # the last line was joined to the one before it: a paragraph is being read
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        if previous is not None and previous.block == line.block:
            after = lines[index + 1] if index + 1 < len(lines) else None
            goes_on = after is not None and after.block == line.block and _goes_on(line.text, after.text)
            if _joins(previous.text, line.text, width, inside or goes_on, is_label):
                last = out[-1]
                out[-1] = Logical(last.start, line.end, _join(last.text, line.text), last.block, last.gap)
                inside = True
                continue
        out.append(Logical(line.start, line.end, line.text, line.block, line.gap))
        inside = False
    return out


def _goes_on(line: str, following: str) -> bool:
    """A line cut before its sentence's end, the next opening in lower case (not with an address)."""
    return (
        line[-1:] not in TERMINAL_CHARS
        and CONTINUED.match(following) is not None
        and not ADDRESS.match(following)
    )


def _joins(
    line: str, following: str, width: int, in_paragraph: bool, is_label: Callable[[str], bool]
) -> bool:
    """Whether `following` goes on `line` (two physical lines of a hard-wrapped page); `in_paragraph`:
    `line` goes on a line before it, or `following` goes on the line after it."""
    if line[-1:] in TERMINAL_CHARS or is_label(following) or is_label(line):
        return False
    if _goes_on(line, following):
        return True
    if _capitals(line) and _capitals(following):
        return True  # "MÉNAKA : LA FORCE BARKHANE REMET" / "SON CAMP AUX FAMa"
    if _capitals(line) or _capitals(following) or not in_paragraph or len(line) > width:
        return False
    return len(line) + 1 + len(following.split()[0]) > width  # the next word did not fit


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= MIN_CAPITALS * len(letters)


def _join(text: str, following: str) -> str:
    if re.search(r"\w-$", text) and following[:1].islower():
        return text[:-1] + following  # "mili-" / "taires"
    if text.endswith("-"):
        return text + following  # "Jean-" / "Marie"
    return text + " " + following
