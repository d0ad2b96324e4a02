"""Snippets: an article's text and the searched words -> the text with its hits marked, as FTS5 would.

Marking in Python, on the page of articles shown, spares the index a second MATCH: for a prefix
("séc*") that MATCH merges the postings of every word it expands to, tens of milliseconds at
100,000 articles, for twenty snippets. Words match as the index matches them: any case, any accents
(unicode61, remove_diacritics 2), a prefix by its start.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"\w+")  # FTS5's unicode61 tokens: runs of letters and digits
# Where a sentence starts: after ". ", "! ", "? " or at a line start
SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n)(?=\w)")


@lru_cache(maxsize=1 << 16)  # the words of news repeat: a page of twenty articles folds 4,000 tokens
def fold_word(word: str) -> str:
    """A word as the index keeps it: lower-case, without accents.

    >>> fold_word("SÉGOU"), fold_word("Neutralisés")
    ('segou', 'neutralises')
    """
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=1 << 16)
def is_hit(token: str, words: frozenset[str], prefixes: frozenset[str]) -> bool:
    folded = fold_word(token)
    return folded in words or any(folded.startswith(prefix) for prefix in prefixes)


def mark_all(text: str, words: frozenset[str], prefixes: frozenset[str], start: str, end: str) -> str:
    """The text with every hit between `start` and `end` (FTS5's highlight()).

    >>> mark_all("Ségou : accrochage", frozenset({"segou"}), frozenset(), "[", "]")
    '[Ségou] : accrochage'
    """
    return TOKEN.sub(
        lambda m: f"{start}{m.group()}{end}" if is_hit(m.group(), words, prefixes) else m.group(), text
    )


def snippet(
    text: str, words: frozenset[str], prefixes: frozenset[str], start: str, end: str, size: int
) -> str:
    """A window of `size` words holding the most searched words, hits marked, "…" where text is cut
    (FTS5's snippet()): it starts at a sentence when one starts near the first hit.

    >>> snippet("Le calme est revenu. Les FAMa ont neutralisé des terroristes près de Ségou hier.",
    ...         frozenset({"terroristes"}), frozenset({"neutralis"}), "[", "]", 8)
    '…Les FAMa ont [neutralisé] des [terroristes] près de…'
    """
    tokens = list(TOKEN.finditer(text))
    if not tokens:
        return text[:240]
    hits = [i for i, token in enumerate(tokens) if is_hit(token.group(), words, prefixes)]
    sentence_starts = {m.end() for m in SENTENCE_START.finditer(text)}
    opening = [i for i, token in enumerate(tokens) if token.start() in sentence_starts] if hits else []
    candidates = {0}
    for hit in hits:
        candidates.add(max(0, hit - 2))
        before = [i for i in opening[bisect.bisect_left(opening, hit - size // 2) :] if i <= hit]
        candidates.update(before[:1])
    latest = max(0, len(tokens) - size)  # a window near the end still shows `size` words
    best, best_score = 0, (-1, -1, False, 0)
    for first in sorted({min(first, latest) for first in candidates}):
        window = hits[bisect.bisect_left(hits, first) : bisect.bisect_left(hits, first + size)]
        found = {fold_word(tokens[i].group()) for i in window}
        score = (len(found), len(window), first == 0 or tokens[first].start() in sentence_starts, -first)
        if score > best_score:
            best, best_score = first, score
    last = min(len(tokens), best + size) - 1
    left = 0 if best == 0 else tokens[best].start()
    right = len(text) if last == len(tokens) - 1 else tokens[last].end()
    shown = mark_all(text[left:right], words, prefixes, start, end)
    return ("…" if left > 0 else "") + shown + ("…" if right < len(text) else "")
