"""Article context: what a whole article tells the sentences of its events and interactions.

The country it is about (its headline "Niger : …", its dateline, the country it names most),
the place its headline names, and the dates its sentences state, so that a sentence that states
none takes the date of the sentence before it or of the lead ("Dans la matinée du dimanche 15
décembre 2024, … Le village a été …"), else the publication date with ACLED's week precision.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from vigie.events.lexicon import Gazette, fold_text
from vigie.frdate import EventDate, find_event_date
from vigie.records import Sentence
from vigie.segment.published import DATELINE, find_dateline

HOME = "MLI"  # a Malian paper's news when nothing else tells
# "Niger : …", "Burkina/Biba : …", "Mali: …": the country a headline opens with
HEAD = re.compile(r"^\s*#?\s*([^:]{2,40}?)\s*:\s")
# the countries of the outlets this tool reads; the one a page names most is its country
OUTLETS = ("MLI", "BFA", "NER")
# the states whose news this tool follows
SAHEL = ("MLI", "BFA", "NER", "TCD", "MRT", "BEN", "TGO", "CIV", "GIN", "SEN", "DZA", "NGA", "GHA")
# "a rendu public vendredi le bilan", "indique dans un communiqué publié le 1er avril": a report's date
REPORT_DATE = re.compile(
    r"(?:rendu public|rendu publique|publie|communique|annonce|indique|precise|declare|fait savoir|"
    r"revendique|confirme|affirme)\w*\s+(?:ce\s+|le\s+|dans la (?:soiree|journee|nuit) de\s+)?"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d{1,2}(?:er)?\s+[a-z]+)"
)
DATE_WORDS = re.compile(
    r"(?<!\w)(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|la veille|le lendemain)(?!\w)"
    r"|(?<!\d)\d{1,2}(?:er)?\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
)
# a story goes on in the next sentence: its date carries over this many sentences without one
CARRY = 2


@dataclass(frozen=True, slots=True)
class Dated:
    """The date of one sentence: its own (stated) or the one it takes from its story."""

    when: EventDate
    stated: bool  # the sentence states its own date
    narrative: date | None = None  # the last day stated before it in the article (or its own)


class Timeline:
    """The dates of an article's sentences, resolved in reading order."""

    def __init__(self, sentences: list[Sentence], published: date | None, reference_year: int | None) -> None:
        self.published = published
        self.dated: list[Dated] = []
        previous: date | None = None
        told: date | None = None
        last_stated = -10
        lead: date | None = None
        for index, sentence in enumerate(sentences):
            folded = fold_text(sentence.text)
            text, anchor = _after_dateline(sentence.text, published, reference_year)
            found = find_event_date(text, anchor, previous, reference_year)
            if found is not None and found.day is not None:
                if REPORT_DATE.search(folded) and len(DATE_WORDS.findall(folded)) == 1:
                    found = EventDate(found.day, max(found.precision, 2))  # when it was told, not done
                if found.precision == 1:
                    previous = found.day
                    last_stated = index
                    lead = lead or found.day
                if found.precision <= 2:
                    told = found.day  # "ont annoncé dimanche": the story's day, if only week-precise
                self.dated.append(Dated(found, True, found.day if found.precision <= 2 else previous))
                continue
            if previous is not None and index - last_stated <= CARRY:
                self.dated.append(Dated(EventDate(previous, 1), False, previous))
            elif lead is not None and index <= CARRY + 1:
                self.dated.append(Dated(EventDate(lead, 1), False, previous or told))
            elif published is not None:
                self.dated.append(Dated(EventDate(published, 2), False, previous or told))
            else:
                self.dated.append(Dated(EventDate(None, 3), False, previous or told))

    def __getitem__(self, index: int) -> Dated:
        return self.dated[index]


def _after_dateline(text: str, published: date | None, reference_year: int | None) -> tuple[str, date | None]:
    """A sentence opening on a dateline ("Ouagadougou, 9 avr 2022 (AFP) - … tués vendredi"): its
    words after the dateline, and the dateline's day, which its relative dates count from.

    >>> _after_dateline("Bamako, 8 sept 2023 (AFP) - Deux attaques ont fait jeudi 49 morts", None, None)
    ('Deux attaques ont fait jeudi 49 morts', datetime.date(2023, 9, 8))
    """
    match = DATELINE.match(text[:120])
    stamp = find_dateline(text) if match is not None else None
    if match is None or stamp is None or stamp.day is None:
        return text, published
    year = stamp.year or (published.year if published else reference_year)
    if year is None:
        return text[match.end() :], published
    try:
        return text[match.end() :], date(year, stamp.month, stamp.day)
    except ValueError:
        return text, published


def article_country(title: str | None, home: str, parties: Gazette) -> str:
    """The country an article is about: the one its headline opens with ("Niger : …"), else the
    country of its page (`page_country`).

    >>> from vigie.events.lexicon import load_parties
    >>> article_country("Niger : l'armée reprend Tillia", "MLI", load_parties()[0])
    'NER'
    """
    if title:
        head = HEAD.match(title)
        if head is not None:  # "Niger : …", "Burkina/Biba : …": a headline opening with a country's name
            name = head.group(1).split("/")[0].strip()
            found = parties.find(fold_text(name), name)
            if len(found) == 1 and found[0].end - found[0].start >= len(name) - 1:
                code = found[0].names[0].canonical
                if code in SAHEL:
                    return code
    return home


def page_country(text: str, parties: Gazette) -> str:
    """The country a page is from: the state of the Sahel it names most (a Malian, Burkinabè or
    Nigerien outlet names its own country again and again), Mali when it names none."""
    counts: Counter[str] = Counter(code for code in _codes(parties, text) if code in OUTLETS)
    return counts.most_common(1)[0][0] if counts else HOME


def _codes(parties: Gazette, text: str) -> list[str]:
    return [alias.canonical for found in parties.find(fold_text(text), text) for alias in found.names[:1]]


def day_of(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
