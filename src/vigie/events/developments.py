"""Coding a strategic development: who acted, and on whom, for the ACLED type a trigger gave.

ACLED's Strategic developments are acts of armed groups that are "not themselves recorded as
political violence": property looted or destroyed, a location handed over without fighting, a
blockade, a base established. Looting is an armed group's act on civilians (by the state's forces,
on an unidentified group's goods); a location handed over goes to the one that takes it (FORMAT.md:
"actor1 the force that takes it, actor2 the one that leaves"): in the Sahel the state's forces take
the camps that the UN mission and foreign forces leave.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from vigie.events.sides import UNIDENTIFIED, Side, is_state
from vigie.records import EventType, SubEventType

CIVILIANS = "Civilians"


def development(
    kinds: tuple[EventType, SubEventType],
    patient: Side,
    whole: Side,
    doer: str | None,
    state: str,
    unarmed: Collection[str],
) -> tuple[EventType, SubEventType, str, str | None]:
    """Type, actor1 and actor2 of a strategic development, from the roles its frame names (`doer`:
    the acting role's actor; `whole`: every actor the sentence names; `state`: the forces of the
    country where it happened)."""
    event_type, sub = kinds
    if sub == "Looting/property destruction":
        if doer is not None and is_state(doer):
            return (event_type, sub, doer, UNIDENTIFIED)
        groups = [n for n in patient.named if n not in unarmed and not is_state(n)]
        if (doer is None or doer in groups) and groups and patient.armed and not patient.civilian:
            # "l'état-major annonce avoir détruit une base terroriste": an armed group's bases and
            # refuges are destroyed by the state's forces, named or not
            return (event_type, sub, state, groups[0])
        others = [n for n in whole.named if n not in unarmed and not is_state(n)]
        return (event_type, sub, doer or _first(others) or UNIDENTIFIED, CIVILIANS)
    if sub == "Non-violent transfer of territory":
        # "la MINUSMA a remis son camp aux FAMa", "le camp a été rétrocédé à l'armée par la force
        # onusienne": the state's forces named take it, whoever the verb's subject is
        named = list(dict.fromkeys(patient.named + whole.named + ((doer,) if doer else ())))
        taker = _first([n for n in named if is_state(n)]) or doer or state
        leaver = _first([n for n in named if n != taker and n not in unarmed and not is_state(n)])
        return (event_type, sub, taker, leaver)
    actor1 = doer or _first([n for n in whole.named if n not in unarmed]) or state
    return (event_type, sub, actor1, _first([n for n in patient.named if n != actor1 and n not in unarmed]))


def _first(names: Sequence[str]) -> str | None:
    return names[0] if names else None
