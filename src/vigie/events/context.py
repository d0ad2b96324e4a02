"""Article context: what a whole article tells the sentences of its events and interactions.

The country it is about (its headline "Niger : …", its dateline, the country it names most),
the place its headline names, and the dates its sentences state, so that a sentence that states
none takes the date of the sentence before it or of the lead ("Dans la matinée du dimanche 15
décembre 2024, … Le village a été …"), else the publication date with ACLED's week precision.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta

from vigie.events.clausedays import DATE_WORDS, clause_dates, main_clause_date, relative_dated
from vigie.events.clausedays import Dated as Dated
from vigie.events.clausedays import act_day_at as act_day_at
from vigie.events.clausedays import trigger_day as trigger_day
from vigie.events.confidence import PLUPERFECT
from vigie.events.lexicon import Gazette, fold_text
from vigie.frdate import (
    RELATIVE_TO,
    EventDate,
    find_counted_back,
    find_days,
    find_event_date,
    report_day,
)
from vigie.records import Sentence
from vigie.segment.published import DATELINE, find_dateline

HOME = "MLI"  # a Malian paper's news when nothing else tells
# "Niger : …", "Burkina/Biba : …", "Mali: …": the country a headline opens with
HEAD = re.compile(r"^\s*#?\s*([^:]{2,40}?)\s*:\s")
# the countries of the outlets this tool reads; the one a page names most is its country
OUTLETS = ("MLI", "BFA", "NER")
# a border names the neighbour, not the page's country: "Koury, localité frontalière du Burkina Faso",
# "près de la frontière avec le Niger"
BORDER_BEFORE = re.compile(
    r"frontali\w*\s+(?:du|de la|de l'|des|d')\s*$|frontieres?\s+(?:du|de la|avec (?:le|la|l'))\s*$"
)
# the states whose news this tool follows
SAHEL = ("MLI", "BFA", "NER", "TCD", "MRT", "BEN", "TGO", "CIV", "GIN", "SEN", "DZA", "NGA", "GHA")
# "a rendu public vendredi le bilan", "indique dans un communiqué publié le 1er avril": a report's date
REPORT_DATE = re.compile(
    r"(?:rendu public|rendu publique|publie|communique|annonce|indique|precise|declare|fait savoir|"
    r"revendique|confirme|affirme)\w*\s+(?:ce\s+|le\s+|dans la (?:soiree|journee|nuit) de\s+)?"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d{1,2}(?:er)?\s+[a-z]+)"
)
# a story goes on in the next sentence: its date carries over this many sentences without one
# as the exact day; further on, an event takes the publication date, week-precise (FORMAT.md "Dates
# when the text states none": "otherwise the publication date with date_precision 2")
CARRY = 2
# "Puis dix-huit autres ont subi le même sort à Y. Enfin, à Z, …": a story told step by step goes on
# in each sentence its connective opens, however many steps it tells
# ("dans la foulée", "peu après" anywhere in a sentence are `SAME_TIME`)
SEQUEL = re.compile(r"^\W*(?:puis|ensuite|enfin|par la suite|peu avant|plus tard)\b")
# "vers 23 heures", "à 10h15", "peu après minuit": a time of day without a day is the day told before
CLOCK = re.compile(
    r"(?<!\w)(?:vers|a|aux alentours de|autour de|peu (?:apres|avant)) (?:\d{1,2} ?(?:h|heures?)\b|minuit\b)"
)
# words that tell the story's own time, however far from the sentence that stated its day:
# "Simultanément, des obus ont été tirés", "Dans la foulée, l'aviation a frappé", "Au même moment"
SAME_TIME = re.compile(
    r"(?<!\w)(?:simultanement|au meme moment|dans la foulee|peu apres|quelques (?:minutes|heures) (?:plus tard|apres)"
    r"|dans la confusion|dans le meme temps|pendant ce temps|qui (?:a|ont) suivi)(?!\w)"
)
# a part of the day ("a condamné dans l'après-midi", "ce matin"): the day the story is telling
TIME_OF_DAY = re.compile(
    r"(?<!\w)(?:dans (?:l'apres-midi|la matinee|la soiree|la journee)|ce (?:matin|soir)|cet apres-midi"
    r"|en (?:fin|debut) (?:de )?(?:matinee|journee|soiree|d'apres-midi))(?!\w)"
)
# "L'attaque s'est produite dans la nuit du 24 au 25 septembre", "La rencontre a eu lieu mardi", "Les
# faits remontent à dimanche": a sentence whose subject is the act just told, a definite noun, and
# whose verb only says when it happened
OCCURRED = re.compile(
    r"^\W*(?:l'|le |la |les |ce |cet |cette |ces )[\w-]+(?: (?:de |d'|du |des )?[\w-]+){0,2}? (?:(?:s'est|se sont) (?:produite?s?|deroulee?s?)|(?:a|ont) eu lieu"
    r"|(?:est|sont) survenue?s?|remonten?t? a|(?:s'est|se sont) (?:tenue?s?|passee?s?)"
    r"|(?:a|ont) ete (?:menee?s?|perpetree?s?|lancee?s?|commise?s?))(?!\w)"
)
RARE = 2  # a name told in this many sentences or fewer is a detail of one story
AHEAD = 2  # how far after an undated lead the sentence telling its time may come
ONE_OF_SEVERAL = re.compile(
    r"^\W*(?:la|le|les) (?:premiere?s?|seconde?s?|deuxiemes?|dernieres?|autres?)(?!\w)"
)
# "Avant la signature, la délégation avait été reçue…": a pluperfect dated by the act it precedes
BEFORE_THE_ACT = re.compile(r"^\s*(?:avant|apres|lors|au cours) (?:de |d'|du |des )?(?:l'|le |la |les )")


class Timeline:
    """The dates of an article's sentences, resolved in reading order."""

    def __init__(self, sentences: list[Sentence], published: date | None, reference_year: int | None) -> None:
        self.published = published
        self.dated: list[Dated] = []
        previous: date | None = None  # the last day stated precisely
        named: date | None = None  # the last day the text named ("ce jour-là" refers to it)
        story: date | None = (
            None  # the last day stated by itself ("trois jours après l'attaque" counts from it)
        )
        told: date | None = None
        narrative: date | None = None  # the last day a main clause stated: the story interactions take
        last_stated = -10
        lead: date | None = None
        rare = _rare_names(sentences)
        days_of: dict[str, date] = {}  # the names of places and people a dated sentence told, its day
        for index, sentence in enumerate(sentences):
            folded = fold_text(sentence.text)
            text, anchor = _after_dateline(sentence.text, published, reference_year)
            found = find_event_date(text, anchor, named or previous, reference_year, story)
            back = _counted_back(text, anchor, reference_year, story or previous)
            if back is not None:
                # "Cette attaque survient au lendemain d'une autre, à Diallabougou": the subject is the
                # story told again, the complement the new act, which the sentence's events take
                base, when = back
                if base.precision == 1:
                    previous, named, last_stated = base.day, base.day, index
                carried = base.day if base.precision == 1 else narrative or previous
                self.dated.append(Dated(when, True, carried, vague=when.day is None))
                continue
            if found is not None and found.day is not None:
                found = _told_day(text, found, (anchor, named or previous, reference_year, story))
                # "un communiqué daté du 14 mars indique que le camp a été attaqué mardi": the clauses
                # count their days from the communiqué's
                counted_from = report_day(text, anchor, reference_year) or anchor
                clauses = clause_dates(
                    sentence, text, (counted_from, named or previous, reference_year, story)
                )
                reported = bool(REPORT_DATE.search(folded)) and len(DATE_WORDS.findall(folded)) == 1
                if reported:
                    found = EventDate(found.day, max(found.precision, 2))  # when it was told, not done
                vague = found.precision == 3 or (found.precision == 2 and not DATE_WORDS.search(folded))
                if found.precision == 1:
                    previous = found.day
                    last_stated = index
                    days_of.update((name, found.day) for name in _names(sentence, rare) if found.day)
                    lead = lead or found.day
                    if not RELATIVE_TO.search(folded):
                        story = found.day
                if found.precision <= 2:
                    told = found.day  # "ont annoncé dimanche": the story's day, if only week-precise
                days = find_days(text, anchor, reference_year)
                named = days[-1][1] if days else (found.day if found.precision == 1 else named)
                aside = False
                if found.precision == 1:
                    main = main_clause_date(sentence, text, anchor, named, reference_year, story)
                    narrative = main if main is not None else narrative
                    aside = main is None and relative_dated(sentence, clauses)
                shift = len(sentence.text) - len(text)  # the words after a dateline
                several = (
                    tuple((offset + shift, day) for offset, day in days)
                    if len({day for _, day in days}) > 1
                    else ()
                )
                self.dated.append(
                    Dated(
                        found,
                        True,
                        narrative or previous,
                        vague=vague,
                        days=several,
                        clauses=clauses,
                        aside=aside,
                        reported=reported and found.precision == 2,
                    )
                )
                continue
            earlier = _is_pluperfect(sentence) and not BEFORE_THE_ACT.match(folded)
            if text != sentence.text and anchor is not None and narrative is None:
                # "Niamey, 5 mars 2024 (ANP) - Le Premier ministre a reçu l'ambassadeur du Maroc": the
                # dateline's day is the news's (FORMAT.md: datelines date what they open)
                narrative = anchor
            goes_on = bool(SEQUEL.match(folded)) and bool(self.dated) and self.dated[-1].when.day == previous
            if previous is not None and (
                index - last_stated <= CARRY or CLOCK.search(folded) or SAME_TIME.search(folded) or goes_on
            ):
                when = EventDate(previous, 1)
            elif lead is not None and index <= CARRY + 1:
                when = EventDate(lead, 1)
            elif _names(sentence, rare) & set(days_of):
                # "Vendredi 1er février, des hommes armés ont attaqué Yara, Dissa et Boilla. […]
                # Boilla a été livré aux flammes": a place the dated story named is its day
                when = EventDate(max(days_of[name] for name in _names(sentence, rare) if name in days_of), 1)
            elif published is not None:
                when = EventDate(published, 2)
            elif previous is not None:
                when = EventDate(previous, 2)  # an undated page: the day its story states last
            else:
                when = EventDate(None, 3)
            self.dated.append(Dated(when, False, narrative or previous or told, earlier=earlier))
        self._dated_after(sentences)

    def _dated_after(self, sentences: list[Sentence]) -> None:
        """A lead that states no day takes the day a sentence after it gives when that sentence
        only says when what was told happened ("Des hommes armés ont attaqué le village de X.
        L'attaque s'est produite dans la nuit du 24 au 25 septembre."; "… La cérémonie de remise
        s'est déroulée le 19 janvier"): news tells the act first and its time after, within
        `AHEAD` sentences that state no day of their own."""
        for index, here in enumerate(self.dated):
            if here.when.precision == 1 or (here.stated and not here.reported):
                continue
            for ahead in range(index + 1, min(index + 1 + AHEAD, len(self.dated))):
                after = self.dated[ahead]
                if after.when.precision == 1 and after.stated:
                    told = fold_text(sentences[ahead].text)
                    # "Deux attaques ont été enregistrées … La première s'est produite samedi"
                    if OCCURRED.search(told) and not ONE_OF_SEVERAL.match(told):
                        self.dated[index] = replace(here, when=after.when, narrative=after.when.day)
                    break
                if after.when.precision == 1:
                    break  # a sentence dated by the story before: the lead is not this story's start

    def __getitem__(self, index: int) -> Dated:
        return self.dated[index]


def _rare_names(sentences: list[Sentence]) -> set[str]:
    """The proper names an article tells in one or two sentences only: a village, a person; not the
    country, the army or the capital it names throughout."""
    counts: Counter[str] = Counter(name for sentence in sentences for name in _names(sentence, None))
    return {name for name, count in counts.items() if count <= RARE}


def _names(sentence: Sentence, among: set[str] | None) -> set[str]:
    """The proper nouns of a sentence (from the parse), limited to `among` when given."""
    names = {token.text for token in sentence.tokens if token.pos == "PROPN" and len(token.text) > 2}
    return names if among is None else names & among


def _counted_back(
    text: str, published: date | None, reference_year: int | None, story: date | None
) -> tuple[EventDate, EventDate] | None:
    """ "Ce déplacement intervient deux jours après l'attaque de Sandaré": the day of the news its
    subject names again (the story's), and the day of the act its complement names, counted back
    from it ("quelques jours après": no day). None when the sentence is not so built or nothing
    anchors it."""
    back = find_counted_back(fold_text(text))
    if back is None:
        return None
    offset, shift = back
    days = find_days(text, published, reference_year)
    before = [day for at, day in days if at < offset]
    inside = [day for at, day in days if at >= offset]  # "… après l'attaque qui a visé le 15 avril"
    if before:
        base = EventDate(before[0], 1)
    elif story is not None:
        base = EventDate(story, 1)
    elif published is not None:
        base = EventDate(published, 2)  # the news of the page: its day, week-precise
    else:
        return None
    assert base.day is not None
    if inside:
        when = EventDate(inside[0], 1)
    elif shift is None:
        when = EventDate(None, 3)
    else:
        when = EventDate(base.day + timedelta(days=shift), max(base.precision, 1 if abs(shift) <= 3 else 2))
    return base, when


def _told_day(
    text: str, found: EventDate, counting: tuple[date | None, date | None, int | None, date | None]
) -> EventDate:
    """The day of what a report tells, not of the report: "Le gouverneur a annoncé jeudi que le
    village avait été attaqué lundi" is Monday's story, and the sentences after it go on with Monday.

    >>> _told_day("Le gouverneur a annoncé jeudi que Boni avait été attaqué lundi.",
    ...           EventDate(date(2024, 3, 14), 1), (date(2024, 3, 14), None, None, None))
    EventDate(day=datetime.date(2024, 3, 11), precision=1)
    """
    folded = fold_text(text)
    report = REPORT_DATE.search(folded)
    if report is None or len(DATE_WORDS.findall(folded)) < 2:
        return found
    told = find_event_date(text[report.end() :], *counting)
    return told if told is not None and told.day is not None and told.day != found.day else found


def _is_pluperfect(sentence: Sentence) -> bool:
    """The main verb in the pluperfect ("avait reçu", "s'était rendue"): the parse's root takes an
    auxiliary of tense in the imperfect; without a parse, the words.

    >>> _is_pluperfect(Sentence("Auparavant, le Bénin avait interdit l'accès à ses eaux.", 0, 55))
    True
    """
    tokens = sentence.tokens
    if not tokens:
        return bool(PLUPERFECT.search(fold_text(sentence.text)))
    return any(
        token.dep == "aux:tense"  # not "était visée" (a passive in the imperfect)
        and token.lemma in {"avoir", "être"}
        and token.tense == "Imp"
        and tokens[token.head].dep == "ROOT"
        for token in tokens
    )


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
    """The parties a text names, not the neighbours named by a border."""
    folded = fold_text(text)
    return [
        alias.canonical
        for found in parties.find(folded, text)
        if not BORDER_BEFORE.search(folded[max(0, found.start - 30) : found.start])
        for alias in found.names[:1]
    ]


def day_of(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
