"""Interactions: sentences of an analysed article -> PLOVER interactions between states and organisations.

Match, then build: a sentence reports a PLOVER type when one of its triggers
(patterns/plover.toml) is there, and names its parties with patterns/countries.toml. A
bilateral sentence of a Malian paper that names only the foreign side ("reçu par son homologue
russe") has Mali as the other party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import combinations

from vigie.events.lexicon import compile_phrases, fold_text, load_parties, read_table
from vigie.frdate import find_event_date
from vigie.nlp import Analysis
from vigie.records import Article, Evidence, Interaction, PloverType

HOME = "MLI"
# types where the first party named acts on the others; the rest pair every two parties
DIRECTED = {"SUPPORT", "AID", "REJECT", "ACCUSE", "SANCTION", "REQUEST"}
MAX_PARTIES = 4
# "en 2006", "depuis 2005": history with a year only is not annotated
YEAR_ONLY = re.compile(r"(?:en|depuis|des|dès)\s+(?:19|20)\d\d(?!\d)")
# a country or capital named as the venue: "à Accra", "au Ghana", "en Égypte"
VENUE_BEFORE = re.compile(r"(?:^|\s)(?:a|au|en|aux)\s+$")
# where it took place: "à Moscou", "à Abu Dhabi"
VENUE = re.compile(r"(?<!\w)à\s+((?:[A-ZÀ-Ý][\w'’\-]+)(?:\s+[A-ZÀ-Ý][\w'’\-]+)?)")


@dataclass(frozen=True, slots=True)
class Rule:
    type: PloverType
    priority: int
    pattern: re.Pattern[str]


class DiplomacyRules:
    """The PLOVER lexicons, loaded once; `extract` is pure."""

    def __init__(self) -> None:
        table = read_table("plover.toml")
        self.rules = tuple(
            Rule(t["type"], int(t["priority"]), compile_phrases(t["patterns"])) for t in table["trigger"]
        )
        self.parties = load_parties()
        self.not_interactions = compile_phrases(table["not_interactions"]["patterns"])

    def find_types(self, folded: str) -> list[PloverType]:
        """The PLOVER type a folded sentence reports (the most specific one), or nothing.

        >>> DiplomacyRules().find_types(fold_text("Abdoulaye Diop a été reçu à Moscou par son homologue russe."))
        ['CONSULT']
        >>> DiplomacyRules().find_types(fold_text("La rencontre a permis la signature de cinq accords."))
        ['AGREE']
        """
        found = [rule for rule in self.rules if rule.pattern.search(folded)]
        return [max(found, key=lambda rule: rule.priority).type] if found else []

    def extract(self, article: Article, analysis: Analysis, reference_year: int | None) -> list[Interaction]:
        """The interactions an article reports, one per type, pair of parties and day."""
        published = article.published.date() if isinstance(article.published, datetime) else article.published
        sentences = list(analysis.sentences)
        start = 1 if analysis.has_title else 0
        indexes: Sequence[int] = range(start, len(sentences))
        if analysis.has_title and len(article.body.split()) < 3:
            indexes = [0]
        found: dict[tuple[str, tuple[str, str], date | None], Interaction] = {}
        previous: date | None = None
        for index in indexes:
            sentence = sentences[index]
            if index in analysis.irrealis:
                continue
            folded = fold_text(sentence.text)
            told = find_event_date(sentence.text, published, previous, reference_year)
            if told is not None and told.precision == 1 and index not in analysis.irrealis:
                previous = told.day  # the running date of the article
            types = self.find_types(folded)
            if not types or YEAR_ONLY.search(folded) or self.not_interactions.search(folded):
                continue
            parties = self._parties(folded, sentence.text)
            if not parties:
                continue
            when = find_event_date(sentence.text, published, previous, reference_year)
            day = when.day if when is not None and when.precision == 1 else previous
            previous = day or previous
            venue = VENUE.search(sentence.text)
            evidence = Evidence(article.id, sentence.text, sentence.start, sentence.end)
            for kind in types:
                for pair in _pairs(kind, parties):
                    key = (kind, pair, day)
                    if key in found:
                        found[key] = replace(found[key], evidence=found[key].evidence + (evidence,))
                    else:
                        found[key] = Interaction(
                            type=kind,
                            parties=pair,
                            date=day,
                            location=venue.group(1) if venue else None,
                            place=None,
                            evidence=(evidence,),
                        )
        return list(found.values())

    def _parties(self, folded: str, original: str) -> list[str]:
        codes: list[str] = []
        for item in self.parties.find(folded, original):
            if VENUE_BEFORE.search(folded[max(0, item.start - 6) : item.start]):
                continue  # "à Accra, au Ghana": where it happened, not who took part
            for alias in item.names:
                if alias.canonical not in codes:
                    codes.append(alias.canonical)
        codes = codes[:MAX_PARTIES]
        if len(codes) == 1 and codes[0] != HOME:
            codes.append(HOME)  # the Malian side of a Malian paper's bilateral news
        return codes if len(codes) >= 2 else []


def _pairs(kind: str, parties: list[str]) -> list[tuple[str, str]]:
    if kind in DIRECTED:
        first = parties[0]
        pairs = [(first, other) for other in parties[1:]]
    else:
        pairs = list(combinations(parties, 2))
    return sorted({tuple(sorted(pair)) for pair in pairs if pair[0] != pair[1]})  # type: ignore[misc]
