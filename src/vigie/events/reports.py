"""Reports of one event merged: the sentences of an article that tell one event again, and tolls
told after it.

An event told again ("l'attaque", "les assaillants") without a date of its own joins the last one;
reports of one type, place and day merge; a named group replaces an unidentified one; tolls told
later go to the event told before (wounded are not dead; deaths on all sides add up; two figures
for one side: the first given).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from vigie.events.coding import distinct
from vigie.events.lexicon import fold_text
from vigie.events.places import find_toponyms
from vigie.events.tolls import adds_up, another_figure, find_toll, tolls_by_place
from vigie.geo import distance_km
from vigie.records import Event, Sentence

UNIDENTIFIED = "Unidentified Armed Group"
# a toll revised upwards supersedes the figures given before it
REVISED = re.compile(r"porte le bilan|portant le bilan|nouveau bilan|bilan (?:revu|revise|actualise)|alourdi")
# a toll over several events: "lors de deux attaques", "dans une série d'attaques"
SEVERAL_EVENTS = re.compile(
    r"\b(?:attaques|assauts|embuscades|frappes|explosions|incidents|raids|operations|violences|serie d)\b"
)
CIVILIANS = "Civilians"
REMOTE = "Explosions/Remote violence"  # an act told again as a strike ("dans cette frappe") was one
NEAR_KM = 25.0  # two reports of one type and day this close are one place (as the scorer reads places)


@dataclass(frozen=True, slots=True)
class Report:
    """A report of an event in one sentence."""

    event: Event
    sentence: int
    stated: bool  # the sentence states its own date
    anaphoric: bool  # "l'attaque", "cette embuscade": the event told before
    told_before: bool = False  # placed only by the place of the event told before ("le village")


def merge_reports(reports: list[Report]) -> list[Event]:
    """Reports of one event in an article are one event: the same place and day, an event told
    again ("l'attaque", "cette embuscade") without a date of its own, or a sentence that goes on
    telling the last event ("Lourdement armés, les assaillants ont encerclé le village")."""
    out: list[Event] = []
    borrowed: list[bool] = []  # placed only by the place told before (the headline's, the last event's)
    for report in reports:
        event = report.event
        elsewhere = (  # "Au village de Gnondo, les assaillants …": the raid goes on at another place
            not report.told_before
            and not (out and borrowed[-1])
            and event.place is not None
            and bool(out)
            and fold_text(out[-1].location or "") != fold_text(event.location or "")
        )
        if (
            out
            and not report.stated
            and (report.told_before or report.anaphoric)
            and not elsewhere
            and (not distinct_events(out[-1], event) or report.anaphoric and event.event_type == REMOTE)
        ):  # "Lors de la même opération, une mine a été découverte": the arrests stay, the mine is another
            if distinct_events(out[-1], event):  # "… détruit une base. … dans cette frappe": it was a strike
                out[-1] = replace(
                    out[-1],
                    event_type=event.event_type,
                    sub_event_type=event.sub_event_type,
                    actor1=event.actor1,
                    actor2=event.actor2,
                )
            out[-1] = combine(out[-1], event, borrowed[-1] and not report.told_before)
            borrowed[-1] = borrowed[-1] and report.told_before
            continue
        place = fold_text(event.location or "")
        for i, kept in enumerate(out):
            if distinct_events(kept, event):
                continue
            same_place = fold_text(kept.location or "") == place
            close = _days(kept.date, event.date) <= (1 if kept.event_type == event.event_type else 0)
            if same_place and close and (kept.event_type == event.event_type or report.anaphoric):
                out[i] = combine(kept, event)
                break
            if close and kept.event_type == event.event_type and _within_country(kept, event):
                # "… dans le nord du Burkina Faso" then "… à Namissiguima": one event, placed by the second
                out[i] = combine(kept, event)
                break
            if (
                report.anaphoric
                and not report.stated
                and not elsewhere
                and kept.date == event.date
                and kept.event_type == event.event_type
            ):
                out[i] = combine(kept, event, borrowed[i] and not report.told_before)
                borrowed[i] = borrowed[i] and report.told_before
                break
        else:
            out.append(event)
            borrowed.append(report.told_before)
    return detailed(summed_up(out))


def detailed(events: list[Event]) -> list[Event]:
    """A village of a list ("ont fait irruption dans trois villages : Yara, Dissa et Boilla") whose own
    outcome is told after it, as another act of the same authors ("Boilla, où aucun décès n'a été
    signalé, a été livré aux flammes"): the village's event is that act, not the list's (FORMAT.md:
    enumerated localities with their own outcomes are separate events)."""
    listed: dict[int, set[str]] = {}
    for event in events:
        listed.setdefault(event.evidence[0].start, set()).add(fold_text(event.location or ""))
    return [
        event
        for event in events
        if not (
            len(listed[event.evidence[0].start]) >= 2
            and len(event.evidence) == 1
            and event.fatalities is None
            and any(
                later.evidence[0].start > event.evidence[0].start
                and fold_text(later.location or "") == fold_text(event.location or "")
                and later.actor1 == event.actor1
                and later.event_type != event.event_type
                and _days(later.date, event.date) <= 1
                for later in events
            )
        )
    ]


def summed_up(events: list[Event]) -> list[Event]:
    """A report over a commune or a cercle ("deux attaques ont frappé la commune de Djibo", "des
    femmes enlevées dans la commune d'Arbinda") followed by reports of its type and day at villages
    inside it: the villages are the events (FORMAT.md, one event per place), the summary adds its
    sentence to the first of them, and its toll when that village is the only one told."""
    out = list(events)
    for area in events:
        if not _area_report(area):
            continue
        told = area.evidence[0].start
        inside = [
            e
            for e in out
            if e is not area
            and (e.event_type, e.sub_event_type) == (area.event_type, area.sub_event_type)
            and e.evidence[0].start > told
            and _days(e.date, area.date) <= 1
            and not _area_report(e)
            and _inside(e, area)
        ]
        if not inside or area not in out:
            continue
        first = inside[0]
        merged = replace(
            first,
            evidence=area.evidence + tuple(e for e in first.evidence if e not in area.evidence),
            fatalities=area.fatalities if first.fatalities is None and len(inside) == 1 else first.fatalities,
            actor1=area.actor1 if first.actor1 == UNIDENTIFIED else first.actor1,
            actor2=first.actor2 or area.actor2,
        )
        if first.place is None and area.place is not None:  # an unknown village, placed in its commune
            merged = replace(
                merged, place=replace(area.place, geo_precision=max(2, area.place.geo_precision))
            )
        out[out.index(first)] = merged
        out.remove(area)
    return out


def _area_report(event: Event) -> bool:
    """Whether a report is placed by the commune, cercle or province its sentence names."""
    if event.place is None or not event.location or not event.evidence:
        return False
    name = fold_text(event.location)
    return any(
        t.role == "cercle" and fold_text(t.name) == name for t in find_toponyms(event.evidence[0].sentence)
    )


def _inside(village: Event, area: Event) -> bool:
    """Whether a report at a village lies in the area another report is placed by: an unknown
    village told after it, one placed in it, one of its cercle or province, or one within 25 km."""
    if village.place is None or area.place is None:
        return area.place is not None and bool(village.location)
    if village.place.source_id == area.place.source_id:
        return fold_text(village.location or "") != fold_text(area.location or "")
    if village.place.country != area.place.country:
        return False
    if area.place.admin2 is not None and village.place.admin2 == area.place.admin2:
        return True
    return (
        distance_km(
            (village.place.latitude, village.place.longitude), (area.place.latitude, area.place.longitude)
        )
        <= NEAR_KM
    )


def distinct_events(kept: Event, event: Event) -> bool:
    """Whether a report tells an act of its own, not the event told before (an arrest after a raid;
    "une mine a explosé … Dans la foulée, l'aviation a mené une frappe contre les auteurs présumés":
    an explosion and the strike that answered it)."""
    return distinct(
        (kept.event_type, kept.sub_event_type),
        (event.event_type, event.sub_event_type),
        ((kept.actor1, kept.actor2), (event.actor1, event.actor2)),
    )


def _is_country(event: Event) -> bool:
    return event.place is not None and event.place.source_id.startswith("country:")


def _within_country(a: Event, b: Event) -> bool:
    """Whether one of two events is placed only by a country the other lies in."""
    if a.place is None or b.place is None or _is_country(a) == _is_country(b):
        return False
    return a.place.country == b.place.country


def _days(a: date | None, b: date | None) -> int:
    if a is None or b is None:
        return 0 if a == b else 99
    return abs((a - b).days)


def combine(kept: Event, other: Event, placed_by_other: bool = False) -> Event:
    """One event from two reports: the first report's, with a named group for an unidentified
    author, the first toll given, and every piece of evidence. `placed_by_other`: the first report
    borrowed its place (an ambush "au centre du pays" under a headline "près de Bandiagara"), the
    second names its own ("l'attaque s'est produite aux environs de Bougou"), which places it."""
    named = other.actor1 not in {UNIDENTIFIED, CIVILIANS} and not other.actor1.startswith(
        ("Military", "Police")
    )
    if placed_by_other and other.place is not None and other.location:
        kept = replace(kept, location=other.location, place=other.place)
    elif _is_country(kept) and _within_country(kept, other):
        kept = replace(kept, location=other.location, place=other.place)  # the report that places it
    return replace(
        kept,
        evidence=kept.evidence + tuple(e for e in other.evidence if e not in kept.evidence),
        fatalities=kept.fatalities
        if other.fatalities is None
        else other.fatalities
        if kept.fatalities is None
        else kept.fatalities + other.fatalities
        if adds_up([e.sentence for e in kept.evidence], other.evidence[0].sentence)
        else kept.fatalities,
        actor1=other.actor1 if kept.actor1 == UNIDENTIFIED and named else kept.actor1,
        # the other side a report of another kind names is not this act's ("composants d'engins explosifs
        # … saisis" after a cache found: no mine hit anyone)
        actor2=kept.actor2 or (other.actor2 if other.sub_event_type == kept.sub_event_type else None),
    )


def later_tolls(
    events: list[Event], sentences: Sequence[Sentence], not_events: re.Pattern[str]
) -> list[Event]:
    """Tolls told after the event, in a sentence of their own ("Trois Casques bleus ont été tués."):
    they go to the event told just before, or to the one whose place the sentence names."""
    if not events:
        return events
    told = {e.start for event in events for e in event.evidence}
    counted = [[e.sentence for e in event.evidence] for event in events]  # the sentences tolled
    for sentence in sentences:
        if sentence.start in told:
            continue
        folded = fold_text(sentence.text)
        toll = find_toll(sentence.text)
        if toll is None or not_events.search(folded):
            continue
        before = [i for i, event in enumerate(events) if event.evidence[0].start < sentence.start]
        named = [i for i in before if _names_place(sentence.text, events[i])]
        if len({events[i].location for i in named}) >= 2:
            # "21 morts à Karou, 14 à Ouatagouna, 7 à Daoutegeft": each place its own toll
            per_place = tolls_by_place(sentence.text, [str(events[i].location) for i in named])
            for i in named:
                value = per_place.get(str(events[i].location))
                if value is not None and events[i].fatalities is None:
                    events[i] = replace(events[i], fatalities=value)
            continue
        if not named and before and _shared([events[i] for i in before], len(before) - 1) >= 2:
            continue  # a toll over several events of the day: null on each (FORMAT.md)
        chosen = named[-1] if named else before[-1] if before else _led(events, folded)
        if chosen is None:
            continue
        kept = events[chosen].fatalities
        if kept is None:
            events[chosen] = replace(events[chosen], fatalities=toll)
        elif adds_up(counted[chosen], sentence.text):
            events[chosen] = replace(events[chosen], fatalities=kept + toll)  # the other side's dead
        elif another_figure(counted[chosen], sentence.text) and not _revised(counted[chosen]):
            # "au moins 16 morts selon des sources locales" then "l'armée annonce 5 morts": two
            # figures for one event, the lowest specific one (FORMAT.md)
            events[chosen] = replace(events[chosen], fatalities=min(kept, toll))
        counted[chosen].append(sentence.text)
    return events


def _led(events: list[Event], folded: str) -> int | None:
    """The event a lead sentence with no place of its own sums up ("Deux militaires ont perdu la vie
    mercredi dans l'explosion d'une mine", then "un pick-up a roulé sur l'engin à Dansan"): the first
    event told after it, unless the lead counts the dead of several attacks ("lors de deux attaques")
    or the article tells several of one type and day. A strategic development has no toll."""
    first = min(range(len(events)), key=lambda i: events[i].evidence[0].start)
    if SEVERAL_EVENTS.search(folded) or events[first].event_type == "Strategic developments":
        return None
    return first if _shared(events, first) < 2 else None


def _revised(told: Sequence[str]) -> bool:
    """Whether the event's sentences give a revised toll ("la CNDH porte le bilan à 34 morts"): the
    figures told before it are superseded, not a second source's."""
    return any(REVISED.search(fold_text(text)) for text in told)


def _shared(events: list[Event], index: int) -> int:
    """How many events share the type and day of one."""
    kept = events[index]
    return sum(1 for e in events if e.event_type == kept.event_type and e.date == kept.date)


def _names_place(sentence: str, event: Event) -> bool:
    return bool(event.location) and str(event.location) in sentence
