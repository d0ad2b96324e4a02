"""Event page marks: an article's paragraphs, an event's sentences and its toll -> where the toll is told.

The store keeps the sentences that report an event; the number of dead often comes in another one
("Le bilan fait état de sept morts."). The event page marks that sentence too: the one, nearest to
the event's own sentence, whose toll (events.tolls.find_toll) is the event's fatalities.
"""

from __future__ import annotations

import re

from vigie.events.tolls import find_toll

# a sentence ends at . ! ? or … (maybe closed by a quote) before a space and a capital or a quote
SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"]?\s+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])")  # "… en fuite. Le bilan …"
MAX_DISTANCE = 2000  # characters: a toll this far from the event's sentence is another event's


def sentences(paragraphs: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence, offsets into the document text.

    >>> sentences([(100, "Les FAMa ont riposté. Le bilan est de sept morts.")])
    [(100, 121, 'Les FAMa ont riposté.'), (122, 149, 'Le bilan est de sept morts.')]
    """
    found = []
    for offset, text in paragraphs:
        start = 0
        for match in SENTENCE_END.finditer(text):
            end = match.start() + len(match.group(0).rstrip())
            found.append((offset + start, offset + end, text[start:end]))
            start = match.end()
        if text[start:].strip():
            found.append((offset + start, offset + len(text.rstrip()), text[start:].rstrip()))
    return found


def toll_range(
    paragraphs: list[tuple[int, str]], evidence: list[tuple[int, int]], fatalities: int | None
) -> tuple[int, int] | None:
    """Where the article gives the event's toll, when it is not in the event's own sentences.

    >>> text = "Des hommes armés ont attaqué Boni. Le bilan est de sept morts."
    >>> toll_range([(0, text)], [(0, 34)], 7)
    (35, 62)
    """
    if fatalities is None or not evidence:
        return None
    told = [(start, end, text) for start, end, text in sentences(paragraphs)]
    if any(find_toll(text) == fatalities for start, end, text in told if _inside((start, end), evidence)):
        return None
    candidates = [
        (min(abs(start - e_start) for e_start, _ in evidence), start, end)
        for start, end, text in told
        if not _inside((start, end), evidence) and find_toll(text) == fatalities
    ]
    near = [item for item in candidates if item[0] <= MAX_DISTANCE]
    if not near:
        return None
    _, start, end = min(near)
    return start, end


def _inside(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in ranges) or any(
        span[0] <= start and end <= span[1] for start, end in ranges
    )
