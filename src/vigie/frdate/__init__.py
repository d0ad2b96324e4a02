"""French dates: the day a sentence says something happened, and the days and periods it names.

`calendar` reads printed dates and folds accents; `relative` resolves the words of news time
("jeudi dernier", "la veille", "trois jours après l'attaque", "la semaine dernière").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from vigie.frdate.calendar import (
    DM,
    FULL_DATE,
    MONTH,
    MONTHS,
    WD,
    WEEKDAY_ALT,
    WEEKDAYS,
    YEAR,
    EventDate,
    find_date,
    fold,
    iso,
)
from vigie.frdate.relative import (
    AGO,
    MONTH_ONLY,
    PERIOD,
    RELATIVE,
    RELATIVE_TO,
    SMALL_NUMBERS,
    THIS_WEEK,
    WEEKDAY,
    WEEKEND,
    YESTERDAY,
    find_counted_back,
    find_period,
    find_relative,
    find_relative_to,
    find_weekday,
    follows_since,
)

__all__ = [
    "FULL_DATE",
    "MONTHS",
    "RELATIVE_TO",
    "WEEKDAYS",
    "EventDate",
    "find_counted_back",
    "find_date",
    "find_days",
    "find_event_date",
    "find_span",
    "last_named_day",
    "names_a_time",
    "report_day",
    "fold",
    "iso",
]

# "dans la nuit du vendredi 6 au samedi 7 mars 2015": the night gives its second day
NIGHT = re.compile(rf"nuit du {WD}{DM}(?:\s+{MONTH})?(?:\s+{YEAR})?\s+au\s+{WD}{DM}\s+{MONTH}(?:\s+{YEAR})?")
# "du 23 au 31 mars 2022", "du mercredi 1er au dimanche 5 février 2017", "les 13 et 14 janvier 2017"
RANGE = re.compile(
    rf"(?:du|les) {WD}{DM}(?:\s+{MONTH})?(?:\s+{YEAR})?\s+(?:au|et) {WD}{DM}\s+{MONTH}(?:\s+{YEAR})?"
)
# "le jeudi 11 septembre", "13 septembre 2025", "1er octobre"
DAY_MONTH = re.compile(rf"(?<!\d)(?:({WEEKDAY_ALT})\s+)?{DM}\s+{MONTH}(?:\s+{YEAR})?(?!\w)")
# "en mars 2019", "fin janvier 2022"
MONTH_YEAR = re.compile(rf"(?<!\d\s)(?<!\d)(?:en |fin |debut |mi-)?{MONTH}\s+{YEAR}(?!\w)")
# "le 15/12/2024", "le 03.02.2025": a date printed in figures in the body of an article
NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/.]\d)")
# "le 12 courant", "le 3 du mois en cours": a day of the month the page is published in (the
# administrative French of Sahelian communiqués and papers)
THIS_MONTH = re.compile(r"(?<!\d)(\d{1,2})(?:er)?\s+(?:courant|du mois (?:en )?cours|de ce mois)(?!\w)")
# "la veille", "le lendemain": a day before or after another
SHIFTED = re.compile(r"(?<!\w)(?:la veille|le lendemain)(?!\w)")
DIGIT = re.compile(r"\d")  # what NIGHT, RANGE, DAY_MONTH and MONTH_YEAR all need
FUTURE_DAYS = 7  # a day-month after publication by more than this is taken from the year before


# a date that says when something was published, not when it happened
REPORTED_ON = re.compile(
    r"(?:publiee?s?|date|datee?|diffusee?s?|rendue? publique?|communique|rapport|lettre|note)\s+(?:le|du|en date du)\s+$"
)
# the words before the day a communiqué or a report bears: "un communiqué publié hier", "daté du
# jeudi 14 mars", "lu lundi à la télévision"; FORMAT.md: the relative days of the text count from it
REPORT_HEAD = re.compile(
    r"(?<!\w)(?:publiee?s?|datee?s?|diffusee?s?|rendue? publique?s?|lue?s?|communique|rapport|lettre|note)"
    r"\s+(?:le |du |en date du |ce |dans la (?:soiree|journee) (?:du |de |d')?)?$"
)
REPORT_HEAD_WORD = re.compile(
    r"publie|date|diffuse|rendue? publi|(?<!\w)lue?s?(?!\w)|communique|rapport|lettre|note"
)
# a date from which a decision takes effect is not the day it was taken
EFFECT_FROM = re.compile(
    r"(?:a compter|a partir|avec effet|prendra effet|effectif|effective)\s+(?:du|de|au|le)?\s*$"
)
# a date that names an accord (when it was concluded, since when it holds) is not the day of the
# act the sentence tells: "dénonce l'accord conclu le 24 avril 1961", "l'accord du 17 décembre
# 2018", "l'accord sur les visas, en vigueur depuis le 14 avril 2005"
OF_AN_ACCORD = re.compile(
    r"(?:(?:accord|traite|convention|charte|protocole|memorandum|contrat)s?(?:\s+[\w'-]+){0,4}?\s+"
    r"(?:du|(?:conclue?s?|signee?s?|paraphee?s?|ratifiee?s?)\s+(?:le|en)|en date du)"
    r"|en vigueur depuis(?: le)?)\s+$"
)


def find_event_date(
    sentence: str,
    published: date | None,
    previous: date | None = None,
    reference_year: int | None = None,
    story: date | None = None,
) -> EventDate | None:
    """The day a sentence says something happened, resolved against the publication date.

    `previous` is the day the text named last ("le même jour", "ce jour-là", "la veille");
    `story` the day of the story told before ("trois jours après l'attaque"), `previous` when not
    given; `reference_year` dates a day-month without year when nothing else does. None: no date said.

    >>> find_event_date("Les FAMa ont frappé ce jeudi 11 septembre des positions.", date(2025, 9, 11))
    EventDate(day=datetime.date(2025, 9, 11), precision=1)
    >>> find_event_date("dans la nuit du dimanche 9 au lundi 10 juin 2019", None)
    EventDate(day=datetime.date(2019, 6, 10), precision=1)
    >>> find_event_date("Quatre étrangers ont été enlevés jeudi dans la soirée.", date(2022, 5, 21))
    EventDate(day=datetime.date(2022, 5, 19), precision=1)
    >>> find_event_date("Hier, le ministre a reçu l'ambassadeur.", date(2022, 5, 21))
    EventDate(day=datetime.date(2022, 5, 20), precision=1)
    >>> find_event_date("L'attaque a été repoussée la nuit dernière.", date(2022, 5, 21))
    EventDate(day=datetime.date(2022, 5, 21), precision=1)
    >>> find_event_date("L'opération a été menée du 23 au 31 mars 2022 à Moura.", date(2022, 4, 2))
    EventDate(day=datetime.date(2022, 3, 23), precision=3)
    >>> find_event_date("Dans un communiqué publié le 15 mars, un poste a été attaqué le 10 mars.", date(2025, 3, 20))
    EventDate(day=datetime.date(2025, 3, 10), precision=1)
    >>> find_event_date("Le Niger a annoncé samedi 2 décembre son retrait, à compter du 29 novembre.", date(2023, 12, 3))
    EventDate(day=datetime.date(2023, 12, 2), precision=1)
    >>> find_event_date("Jeudi dernier, le gouvernement a suspendu les rotations.", date(2022, 7, 21))  # a Thursday
    EventDate(day=datetime.date(2022, 7, 14), precision=1)
    >>> find_event_date("Les trois pays ont quitté la CEDEAO en janvier.", date(2025, 5, 17))
    EventDate(day=datetime.date(2025, 1, 1), precision=3)
    >>> find_event_date("Trois jours après l'attaque, des milliers de personnes ont manifesté.", date(2023, 3, 8), date(2023, 2, 27), story=date(2023, 2, 26))
    EventDate(day=datetime.date(2023, 3, 1), precision=1)
    """
    text = fold(sentence)
    report = _report(text, published, reference_year)
    if report is not None:
        # "Dans un communiqué daté du jeudi 14 mars, l'état-major indique que le camp a été attaqué
        # mardi": the relative days of the sentence count from the communiqué's day, which is the
        # act's only when the sentence names no other
        return find_event_date(report[0], report[1], previous, reference_year, story)
    # a night, a range, a day-month and a month-year all hold a number: most sentences have none
    numbered = DIGIT.search(text) is not None
    found = (
        (_night(text, published, reference_year) or _range(text, published, reference_year))
        if numbered
        else None
    )
    if found is None and numbered:
        every = list(DAY_MONTH.finditer(text))
        matches = [
            m
            for m in every
            if not EFFECT_FROM.search(text[max(0, m.start() - 30) : m.start()])
            and not OF_AN_ACCORD.search(text[max(0, m.start() - 60) : m.start()])
        ]
        # "depuis le 26 juillet": when a state began, the sentence's date only when it names no other
        matches = [m for m in matches if not follows_since(text, m.start())] or matches
        told = [m for m in matches if not REPORTED_ON.search(text[max(0, m.start() - 30) : m.start()])]
        chosen = (told or matches)[:1]  # "un communiqué publié le 15 mars : … attaqué le 10 mars"
        if chosen:
            first = chosen[0]
            # "depuis le mardi 18 février 2014, … le jeudi 20 février": the year carries forward
            year = first[4] or next(
                (m[4] for m in reversed(every) if m.start() < first.start() and m[4]), None
            )
            day = _day_month(first[2], first[3], year, first[1], published, reference_year)
            found = EventDate(day, 1) if day else None
    if found is None and numbered:
        found = _numeric(text, published)
    if found is None:
        found = find_relative_to(text, story or previous)
    if found is None:
        shifted = SHIFTED.search(text)
        before = last_named_day(text[: shifted.start()], published, reference_year) if shifted else None
        found = find_relative(text, published, before or previous)
    if found is None and published is not None:
        ago = AGO.search(text)
        if ago is not None:
            count = SMALL_NUMBERS.get(ago[1]) or (int(ago[1]) if ago[1].isdigit() else 0)
            days = count * (7 if ago[2].startswith("semaine") else 1)
            found = EventDate(published - timedelta(days=days), 1 if days <= 3 else 2)
    if found is None:
        found = find_weekday(text, published)
    if found is None and numbered:
        match = MONTH_YEAR.search(text)
        if match:
            found = EventDate(date(int(match[2]), MONTHS[match[1]], 1), 3)
    if found is None and published is not None:
        found = find_period(text, published)
    return found


def names_a_time(sentence: str) -> bool:
    """The sentence names a day, a week or a month, resolved or not: what it tells is dated by its
    own words (an undated act of it is an earlier or a vague one, not the news told again).

    >>> names_a_time("En octobre 2023, une délégation avait été reçue."), names_a_time("Il a salué ce geste.")
    (True, False)
    """
    text = fold(sentence)
    patterns = (DAY_MONTH, MONTH_YEAR, NUMERIC_DATE, THIS_MONTH) if DIGIT.search(text) else ()
    return any(
        pattern.search(text)
        for pattern in (*patterns, MONTH_ONLY, PERIOD, THIS_WEEK, WEEKEND, WEEKDAY, RELATIVE, AGO)
    )


def report_day(sentence: str, published: date | None, reference_year: int | None = None) -> date | None:
    """The day of a communiqué or a report the sentence names beside a relative day ("mardi", "la
    veille"), which counts from it (FORMAT.md: "relative dates resolve against … a communiqué's own
    date"); None when the sentence names no other relative day.

    >>> report_day("Dans un communiqué daté du jeudi 14 mars 2024, l'armée dit avoir été attaquée mardi.", None)
    datetime.date(2024, 3, 14)
    >>> report_day("Dans une lettre datée du 19 août 2024 et rendue publique le lendemain, le Mali accuse Kiev.", None) is None
    True
    """
    report = _report(fold(sentence), published, reference_year)
    return report[1] if report is not None else None


def _report(text: str, published: date | None, reference_year: int | None) -> tuple[str, date] | None:
    """The folded text without the days it gives to a communiqué or a report ("publié hier", "daté
    du 14 mars", "rendue publique le lendemain"), and the first of those days, when the text names
    another relative day to count from it; else None."""
    if not REPORT_HEAD_WORD.search(text):
        return None
    spans: list[tuple[int, int, date | None]] = []
    if DIGIT.search(text):
        spans += [
            (m.start(), m.end(), _day_month(m[2], m[3], m[4], m[1], published, reference_year))
            for m in DAY_MONTH.finditer(text)
        ]
    spans += [(m.start(), m.end(), None) for m in RELATIVE.finditer(text)]
    if published is not None:
        spans += [
            (m.start(), m.end(), published - timedelta(days=2 if m[1] == "avant-hier" else 1))
            for m in YESTERDAY.finditer(text)
        ]
        for match in WEEKDAY.finditer(text):
            weekday = find_weekday(match[0], published)
            spans.append((match.start(), match.end(), weekday.day if weekday is not None else None))
    reports = sorted(
        (span for span in spans if REPORT_HEAD.search(text[max(0, span[0] - 40) : span[0]])),
        key=lambda span: span[0],
    )
    first = next((day for _, _, day in reports if day is not None), None)
    if first is None:
        return None
    rest = text
    for start, end, _ in reports:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    if not any(pattern.search(rest) for pattern in (WEEKDAY, RELATIVE, AGO)):
        return None
    return rest, first


def find_days(
    sentence: str, published: date | None, reference_year: int | None = None
) -> list[tuple[int, date]]:
    """Every day-month a sentence names, with its offset: a sentence may tell two dated acts.

    >>> find_days("En visite depuis le mardi 18 février 2014, le roi a assisté le jeudi 20 février à la signature.", None)
    [(20, datetime.date(2014, 2, 18)), (63, datetime.date(2014, 2, 20))]
    """
    text = fold(sentence)
    found: list[tuple[int, date]] = []
    year: str | None = None
    for match in DAY_MONTH.finditer(text) if DIGIT.search(text) else ():
        year = match[4] or year  # "le 18 février 2014 … le 20 février": the year carries forward
        day = _day_month(match[2], match[3], year, match[1], published, reference_year)
        if day is not None:
            found.append((match.start(), day))
    return found


def _day_month(
    day: str,
    month: str,
    year: str | None,
    weekday: str | None,
    published: date | None,
    reference_year: int | None,
) -> date | None:
    number, month_number = int(day), MONTHS[month]
    if year:
        return _safe(int(year), month_number, number)
    if published is not None:
        guess = _safe(published.year, month_number, number)
        if guess is not None and (guess - published).days > FUTURE_DAYS:
            guess = _safe(published.year - 1, month_number, number)
        return guess
    if weekday is not None and reference_year is not None:
        # no year, no publication date: the page's latest stated year, or the year after or before it,
        # where the weekday fits; a weekday fits some other year every five to eleven years, and a
        # jump that far is a misprinted weekday, not the news's year
        for candidate in (reference_year, reference_year + 1, reference_year - 1):
            guess = _safe(candidate, month_number, number)
            if guess is not None and WEEKDAYS[guess.weekday()] == weekday:
                return guess
    if reference_year is not None:
        return _safe(reference_year, month_number, number)
    return None


def last_named_day(text: str, published: date | None, reference_year: int | None = None) -> date | None:
    """The last day-month or weekday a text names: what a "la veille" or a "le lendemain" after it
    counts from ("L'armée a fait savoir mardi que des terroristes avaient attaqué la veille …").

    >>> last_named_day("L'armée a fait savoir mardi que des terroristes", date(2024, 4, 26))
    datetime.date(2024, 4, 23)
    """
    before = fold(text)
    days = find_days(before, published, reference_year)
    if days:
        return days[-1][1]
    weekdays = [m for m in WEEKDAY.finditer(before) if not follows_since(before, m.start())]
    if weekdays and published is not None:
        weekday = find_weekday(weekdays[-1][0], published)
        return weekday.day if weekday is not None else None
    return None


def _numeric(text: str, published: date | None) -> EventDate | None:
    """ "le 15/12/2024" (day first, as French writes it), "le 12 courant" (of the publication's month)."""
    match = NUMERIC_DATE.search(text)
    if match is not None:
        day = _safe(int(match[4]), int(match[3]), int(match[1]))
        if day is not None:
            return EventDate(day, 1)
    current = THIS_MONTH.search(text)
    if current is not None and published is not None:
        day = _safe(published.year, published.month, int(current[1]))
        return EventDate(day, 1) if day is not None else None
    return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _night(text: str, published: date | None, reference_year: int | None) -> EventDate | None:
    match = NIGHT.search(text)
    if match:
        day = _day_month(match[4], match[5], match[6] or match[3], None, published, reference_year)
        return EventDate(day, 1) if day else None
    return None


def _range(text: str, published: date | None, reference_year: int | None) -> EventDate | None:
    span = find_span(text, published, reference_year)
    if span is None:
        return None
    first, last = span
    return EventDate(first, 2 if (last - first).days <= FUTURE_DAYS else 3)


def find_span(
    sentence: str, published: date | None, reference_year: int | None = None
) -> tuple[date, date] | None:
    """The first and last day of a period a sentence states ("du 15 au 22 décembre"), or None.

    >>> find_span("Une opération a été menée du 25 novembre au 9 décembre 2021.", None)
    (datetime.date(2021, 11, 25), datetime.date(2021, 12, 9))
    """
    match = RANGE.search(fold(sentence))
    if not match:
        return None
    year = match[3] or match[6]
    last = _day_month(match[4], match[5], year, None, published, reference_year)
    first = _day_month(match[1], match[2] or match[5], year, None, published, reference_year)
    if first is None or last is None:
        return None
    return first, last
