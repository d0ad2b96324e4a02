"""Interactions: sentences of an analysed article -> PLOVER interactions between states and organisations.

Match, then build: a sentence reports a PLOVER type when one of its triggers
(patterns/plover.toml) is there, and names its parties with patterns/countries.toml. A
bilateral sentence of a Malian paper that names only the foreign side ("reçu par son homologue
russe") has Mali as the other party.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import combinations, pairwise

from vigie.events.lexicon import compile_phrases, fold_text, load_actors, load_parties, read_table
from vigie.frdate import find_days, find_event_date
from vigie.nlp import Analysis
from vigie.records import Article, Evidence, Interaction, PloverType

HOME = "MLI"
# types where a subject acts on an object: "la MINUSMA recommande aux autorités maliennes"
DIRECTED = {"SUPPORT", "AID", "REJECT", "ACCUSE", "SANCTION", "REQUEST"}
MAX_PARTIES = 4
# "en 2006", "depuis 2005": history with a year only is not annotated
YEAR_ONLY = re.compile(r"(?:en|depuis|des|dès)\s+(?:19|20)\d\d(?!\d)")
# a country or capital named as the venue: "à Accra", "au Ghana", "en Égypte"
VENUE_BEFORE = re.compile(r"(?:^|\s)(?:a|au|en|aux)\s+$")
# a capital after "de" names a place, not a government: "le sommet d'Accra", "la décision de Paris"
CAPITAL_OF = re.compile(r"(?:^|\s)(?:de|d'|d’|du|des)\s*$")
# where it took place: "à Moscou", "à Abu Dhabi"
VENUE = re.compile(r"(?<!\w)à\s+((?:[A-ZÀ-Ý][\w'’\-]+)(?:\s+[A-ZÀ-Ý][\w'’\-]+)?)")
# "les deux pays", "les deux ministres": the parties of the interaction told just before
BOTH_SIDES = re.compile(
    r"(?<!\w)(?:les|des|aux) deux (?:pays|parties|ministres|hommes|delegations|chefs|presidents|capitales|"
    r"gouvernements|homologues|dirigeants|etats|departements)(?!\w)"
)
# two parties as one subject: "les délégations malienne et russe", "la Russie et la Chine"
COORDINATED = re.compile(
    r"^\s*(?:,|et|,\s*et)\s+(?:(?:la|le|les|l'|des|du|de la|de l')\s*)?(?:pays (?:de la|de l'|du|membres de la)\s*)?$"
)
# a visit to a foreign capital names the host: "le président tchadien s'est rendu à Niamey"
VISIT = re.compile(
    r"(?:rendus?|rendues?|visite(?: officielle| de travail| d'amitie)?|arrivee?s?|sejourn\w*)\s+(?:a|au|en)\s+$"
)
BORDER = re.compile(r"(?:frontieres?|cote|rive|territoire)\s+$")
# who acts for a state when no country is named: "le ministre", "le gouvernement", "les autorités"
OFFICIAL = re.compile(
    r"president|ministre|ministere|gouvernement|autorites|ambassad|chef de l'etat|porte-parole|transition|"
    r"etat-major|diplomat|delegation|conseil|armee|etat|junte|pouvoir|bamako|koulouba|colonel|general"
)
# the occasion, not a party: "en marge de la session de l'Assemblée générale des Nations unies"
OCCASION = re.compile(r"en marge (?:de|du|des|d')[^,;]*")
# a sentence with a trigger and no party of its own takes the parties of an interaction told
# at most this many sentences before ("La rencontre a permis la signature de cinq accords.")
CARRY_SENTENCES = 2
# a visit or a session lasts several days: reports of one within a day of each other are one
SPANNING = {"CONSULT"}
# "Dans une lettre adressée à la présidence du Conseil de sécurité, le ministre accuse…": a
# fronted prepositional phrase does not hold the subject
FRONTED = re.compile(
    r"^(?:dans|selon|au cours|lors|en marge|par|pour|apres|a l'issue|a la suite|face|malgre|depuis)\b[^,]*,"
)


@dataclass(frozen=True, slots=True)
class Rule:
    type: PloverType
    priority: int
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Trigger:
    """The PLOVER type a sentence reports and where its trigger phrase stands (folded offsets)."""

    type: PloverType
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Party:
    code: str
    start: int
    end: int
    venue: bool = False  # "au Niger": the venue, unless a directed act points there ("sanctions au Niger")


class DiplomacyRules:
    """The PLOVER lexicons, loaded once; `extract` is pure."""

    def __init__(self) -> None:
        table = read_table("plover.toml")
        self.rules = tuple(
            Rule(t["type"], int(t["priority"]), compile_phrases(t["patterns"])) for t in table["trigger"]
        )
        self.parties, self.capitals = load_parties()
        self.names = load_actors().named  # "Groupe de soutien à l'islam…" holds no SUPPORT
        self.not_interactions = compile_phrases(table["not_interactions"]["patterns"])

    def find_types(self, folded: str) -> list[PloverType]:
        """The PLOVER type a folded sentence reports (the most specific one), or nothing.

        >>> DiplomacyRules().find_types(fold_text("Abdoulaye Diop a été reçu à Moscou par son homologue russe."))
        ['CONSULT']
        >>> DiplomacyRules().find_types(fold_text("La rencontre a permis la signature de cinq accords."))
        ['AGREE']
        >>> DiplomacyRules().find_types(fold_text("Le GSIM (Groupe de soutien à l'islam et aux musulmans)."))
        []
        """
        trigger = self.find_trigger(folded, folded)
        return [trigger.type] if trigger else []

    def find_trigger(self, folded: str, original: str) -> Trigger | None:
        """The most specific trigger of a sentence (highest priority), or None."""
        triggers = self.find_triggers(folded, original)
        return triggers[0] if triggers else None

    def find_triggers(self, folded: str, original: str) -> list[Trigger]:
        """The best trigger of each type a sentence holds, most specific first."""
        masked = folded
        for name in self.names.find(folded, original):
            masked = masked[: name.start] + "#" * (name.end - name.start) + masked[name.end :]
        best: dict[str, tuple[Rule, re.Match[str]]] = {}
        for rule in self.rules:
            match = rule.pattern.search(masked)
            if match and (rule.type not in best or rule.priority > best[rule.type][0].priority):
                best[rule.type] = (rule, match)
        ranked = sorted(best.values(), key=lambda item: -item[0].priority)
        return [Trigger(rule.type, match.start(), match.end()) for rule, match in ranked]

    def extract(self, article: Article, analysis: Analysis, reference_year: int | None) -> list[Interaction]:
        """The interactions an article reports, one per type, pair of parties and day."""
        published = article.published.date() if isinstance(article.published, datetime) else article.published
        sentences = list(analysis.sentences)
        start = 1 if analysis.has_title else 0
        indexes: Sequence[int] = range(start, len(sentences))
        if analysis.has_title and len(article.body.split()) < 3:
            indexes = [0]
        found: list[Interaction] = []
        previous: date | None = None
        told = self._title_pairs(analysis)  # the last sentence with an interaction, its pairs
        for index in indexes:
            sentence = sentences[index]
            if index in analysis.irrealis:
                continue
            folded = fold_text(sentence.text)
            when = find_event_date(sentence.text, published, previous, reference_year)
            day = when.day if when is not None and when.precision <= 2 else None
            triggers = self.find_triggers(folded, sentence.text)
            trigger = triggers[0] if triggers else None
            history = YEAR_ONLY.search(folded) and day is None
            if trigger is None or history or self.not_interactions.search(folded):
                previous = day if when is not None and when.precision == 1 else previous
                continue
            fronted = FRONTED.match(folded)
            parties = self._parties(folded, sentence.text)
            pairs = _pairs(trigger, parties, fronted.end() if fronted else 0, folded)
            if not parties and told is not None:
                if BOTH_SIDES.search(folded):
                    pairs = _one_pair(told[1])  # "les deux pays": one pair
                elif index - told[0] <= CARRY_SENTENCES and trigger.type not in DIRECTED:
                    pairs = told[1]
            if not pairs:
                previous = day if when is not None and when.precision == 1 else previous
                continue
            day = day or previous
            previous = day or previous
            told = (index, pairs)
            venue = VENUE.search(sentence.text)
            evidence = Evidence(article.id, sentence.text, sentence.start, sentence.end)
            told_acts = _dated_acts(triggers, find_days(sentence.text, published, reference_year)) or [
                (trigger.type, day)
            ]
            for kind, when_told in told_acts:
                for pair in pairs:
                    found.append(
                        Interaction(
                            type=kind,
                            parties=pair,
                            date=when_told,
                            location=venue.group(1) if venue else None,
                            place=None,
                            evidence=(evidence,),
                        )
                    )
        return merge_interactions(found)

    def _title_pairs(self, analysis: Analysis) -> tuple[int, list[tuple[str, str]]] | None:
        """The parties a title names ("Paraphe des accords … de la Fédération de Russie"), paired."""
        if not analysis.has_title or not analysis.sentences:
            return None
        title = analysis.sentences[0].text
        parties = self._parties(fold_text(title), title)
        pairs = _pairs(Trigger("CONSULT", 0, 0), parties)
        return (-CARRY_SENTENCES - 1, pairs) if pairs else None  # only "les deux pays" refers to it

    def _parties(self, folded: str, original: str) -> list[Party]:
        """The parties a sentence names, in text order; one foreign party alone gets Mali beside it."""
        parties: list[Party] = []
        visited: str | None = None
        occasions = [m.span() for m in OCCASION.finditer(folded)]
        for item in self.parties.find(folded, original):
            if any(start <= item.start < end for start, end in occasions):
                continue
            if BORDER.search(folded[max(0, item.start - 14) : item.start]):
                continue  # "la frontière nigérienne": a place, not a party
            before = folded[max(0, item.start - 6) : item.start]
            capital = fold_text(item.text) in self.capitals
            venue = VENUE_BEFORE.search(before) is not None
            if VISIT.search(folded[max(0, item.start - 40) : item.start]) and item.names:
                visited = visited or item.names[0].canonical  # "s'est rendu à Niamey": the host
            if (venue and (capital or before.endswith("a "))) or (capital and CAPITAL_OF.search(before)):
                continue  # "à Accra": where it happened; "le sommet d'Accra": a place
            for alias in item.names:
                if all(p.code != alias.canonical for p in parties):
                    parties.append(Party(alias.canonical, item.start, item.end, venue))
        parties = parties[:MAX_PARTIES]
        named = [p for p in parties if not p.venue]
        if len(named) == 1 and named[0].code != HOME:
            host = visited if visited is not None and visited != named[0].code else HOME
            parties.append(Party(host, -1, -1))  # the Malian side of a Malian paper's news, or the host
        return parties if len(parties) >= 2 else []


def _pairs(
    trigger: Trigger, parties: list[Party], subject_from: int = 0, folded: str = ""
) -> list[tuple[str, str]]:
    """Who interacts with whom.

    Directed types pair the subjects (parties named before the trigger) with the objects (after
    it); Mali stands in for a missing side. Other types pair Mali with each partner, or, without
    Mali, every two parties.
    """
    named = [p for p in parties if not p.venue]
    codes = [p.code for p in named]
    if trigger.type in DIRECTED:
        before = [p for p in named if subject_from <= p.start < trigger.start]
        subjects = [p.code for p in before]
        after = [p for p in parties if p.start >= trigger.start]
        if not subjects:  # "le retrait du Mali du G5 Sahel": the first party after acts
            if all(p.code != HOME for p in after) and not OFFICIAL.search(
                folded[subject_from : trigger.start]
            ):
                return []  # "il demande aux autorités françaises": a person, not a state, asks
            subjects = [HOME] if all(p.code != HOME for p in after) else [after[0].code]
            after = [p for p in after if p.code not in subjects]
        objects = [p.code for p in after[:1]]  # the object, and those listed with it
        for a, b in pairwise(after):
            if not COORDINATED.match(folded[a.end : b.start]):
                break
            objects.append(b.code)
        if not objects and len(subjects) > 1:
            if any(COORDINATED.match(folded[a.end : b.start]) for a, b in pairwise(before)):
                return []  # "les délégations malienne et russe ont dénoncé…" acts on no party
            return _pairs(Trigger("CONSULT", 0, 0), parties)  # both named before a far trigger
        pairs = [(a, b) for a in subjects for b in objects or [HOME]]
    elif _listed(named, trigger, folded):  # "les chefs d'État du Mali, du Burkina Faso et du Niger ont signé"
        pairs = list(combinations([p.code for p in named if 0 <= p.start < trigger.start], 2))
    elif HOME in codes:
        pairs = [(HOME, other) for other in codes if other != HOME]
    else:
        pairs = list(combinations(codes, 2))
    return sorted({tuple(sorted(pair)) for pair in pairs if pair[0] != pair[1]})  # type: ignore[misc]


def _listed(parties: list[Party], trigger: Trigger, folded: str) -> bool:
    """Three parties or more, listed together before the trigger: each acts with each."""
    before = [p for p in parties if 0 <= p.start < trigger.start]
    return len(before) >= 3 and all(COORDINATED.match(folded[a.end : b.start]) for a, b in pairwise(before))


def _dated_acts(
    triggers: list[Trigger], days: list[tuple[int, date]]
) -> list[tuple[PloverType, date | None]]:
    """The two acts of a sentence that dates two ("en visite depuis le 18 février, il a assisté le
    20 février à la signature…"): each of the two best triggers takes its nearest day; nothing
    when they fall on one day."""
    if len(triggers) < 2 or len({day for _, day in days}) < 2:
        return []

    def nearest(trigger: Trigger) -> date:
        return min(days, key=lambda item: abs(item[0] - trigger.start))[1]

    first, second = triggers[0], triggers[1]
    if nearest(first) == nearest(second):
        return []
    return [(first.type, nearest(first)), (second.type, nearest(second))]


def _one_pair(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pair "les deux pays" means: Mali and its partner when Mali is in one."""
    home = [pair for pair in pairs if HOME in pair]
    return (home or pairs)[:1]


def merge_interactions(interactions: Iterable[Interaction]) -> list[Interaction]:
    """One interaction per type and pair of parties within a day of each other.

    A report without a date joins a dated one of the same type and parties (and gives it its
    evidence); a visit or session told on two days running is one; the first date told is kept.
    """
    merged: list[Interaction] = []
    for item in interactions:
        for i, kept in enumerate(merged):
            if kept.type == item.type and kept.parties == item.parties and _close(kept, item):
                extra = tuple(e for e in item.evidence if e not in kept.evidence)
                merged[i] = replace(
                    kept,
                    date=kept.date or item.date,
                    location=kept.location or item.location,
                    evidence=kept.evidence + extra,
                )
                break
        else:
            merged.append(item)
    return merged


def _close(a: Interaction, b: Interaction) -> bool:
    if a.date is None or b.date is None:
        return True
    return abs((a.date - b.date).days) <= (1 if a.type in SPANNING else 0)
