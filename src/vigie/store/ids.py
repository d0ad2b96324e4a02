"""Store, identifiers: an event's or an interaction's id, derived from the sentence that first told it.

The same documents ingested into a new database give the same ids, whatever the row order: the id
is a hash of the article id (the sha1 of the document's bytes and the article's position), the
offset of the earliest sentence of that article that tells it, and the fields that tell two items
of one sentence apart (an event's type and place, an interaction's type and parties). The actors,
the date, the toll and the coordinates are left out, so an event keeps its id when a re-extraction
corrects them (a new actor alias, a better date rule). An event told by several documents keeps the
id of the first one stored (near-duplicates join it, see `merging`).

Ids are integers in [2^32, 2^53): above the row numbers of databases made before migration
0015_stable_ids, and exact as JSON numbers in a browser. Never change KEY_VERSION's derivation:
the stored ids of every database depend on it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from vigie.geo.names import fold_name
from vigie.records import Event, Evidence, Interaction

KEY_VERSION = "vigie-id-1"
LOWEST = 1 << 32
SPAN = (1 << 53) - LOWEST


def stable_id(*parts: str, salt: int = 0) -> int:
    """An integer in [2^32, 2^53) from the parts; `salt` > 0 gives another one for a collision.

    >>> stable_id("event", "ab:0", "12", "Battles", "boni")
    8242365676924430
    >>> stable_id("event", "ab:0", "12", "Battles", "boni", salt=1) != stable_id("event", "ab:0", "12", "Battles", "boni")
    True
    """
    key = "\x1f".join((KEY_VERSION, *parts, str(salt) if salt else ""))
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return LOWEST + int.from_bytes(digest[:8], "big") % SPAN


def event_id(article_id: str, start: int, event_type: str, location: str | None, salt: int = 0) -> int:
    """The id of an event first told at `start` of article `article_id`, of that type and place.

    >>> event_id("9f2c:0", 118, "Battles", "Boni") == event_id("9f2c:0", 118, "Battles", "BONI")
    True
    """
    return stable_id("event", article_id, str(start), event_type, fold_name(location or ""), salt=salt)


def interaction_id(
    article_id: str, start: int, plover_type: str, parties: tuple[str, str], salt: int = 0
) -> int:
    """The id of an interaction first told at `start` of article `article_id`, of that type and pair."""
    low, high = sorted(parties)
    return stable_id("interaction", article_id, str(start), plover_type, low, high, salt=salt)


def first_told(evidence: Iterable[Evidence]) -> Evidence:
    """The evidence an id is derived from: the earliest sentence of the earliest article."""
    return min(evidence, key=lambda item: (_position(item.article_id), item.article_id, item.start))


def id_of_event(event: Event, salt: int = 0) -> int:
    """`event_id` of an extracted event (from its earliest sentence)."""
    first = first_told(event.evidence)
    return event_id(first.article_id, first.start, event.event_type, event.location, salt)


def id_of_interaction(told: Interaction, salt: int = 0) -> int:
    """`interaction_id` of an extracted interaction (from its earliest sentence)."""
    first = first_told(told.evidence)
    return interaction_id(first.article_id, first.start, told.type, told.parties, salt)


def _position(article_id: str) -> int:
    """An article's position in its document: "9f2c…:12" -> 12."""
    tail = article_id.rpartition(":")[2]
    return int(tail) if tail.isdigit() else 0
