"""French dates: calendar dates and times written in French text -> date / datetime."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "janv": 1, "fev": 2, "fevr": 2, "mar": 3, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(WEEKDAYS)

# "jeudi 01 août 2024 à 19:43", "1er juillet 2012", "13 septembre 2025 à 17h07", "3 déc. 2022"
FULL_DATE = re.compile(
    rf"\b(?:(?P<weekday>{_WEEKDAY_ALT})\s+)?(?P<day>[0-3]?\d)(?:er|e)?\s+"
    rf"(?P<month>{_MONTH_ALT})\.?\s+(?P<year>(?:19|20)\d\d)\b"
    r"(?:\s*(?:a|à|,|-)?\s*(?P<hour>[0-2]?\d)\s*(?:h|:)\s*(?P<minute>[0-5]\d)\b)?",
    re.IGNORECASE,
)


def _accent_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x250):  # Latin-1 Supplement and Latin Extended-A/B: "é", "Ï", "ő"
        base = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c))
        if base != chr(code) and len(base) == 1:
            table[code] = base
    return table


# One character in, one character out: offsets in folded text are offsets in the original.
ACCENTS = _accent_table()
_ACCENTED = {chr(code): base for code, base in ACCENTS.items()}
# re.sub over the few accented letters is several times faster than str.translate on a line
ACCENTED = re.compile("[" + "".join(sorted(_ACCENTED)) + "]")  # "é", "Ï", "À"


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping the length, so that "Août" and "aout" compare equal.

    >>> fold("Publié le 1er Août à Ségou")
    'publie le 1er aout a segou'
    """
    return ACCENTED.sub(_unaccent, text).lower()


def _unaccent(match: re.Match[str]) -> str:
    return _ACCENTED[match.group()]


def find_date(text: str) -> date | datetime | None:
    """The first full French date in `text` (with its time when one is printed beside it).

    >>> find_date("Publié jeudi 01 août 2024 à 19:43")
    datetime.datetime(2024, 8, 1, 19, 43)
    >>> find_date("Publié le lundi 2 juillet 2012")
    datetime.date(2012, 7, 2)
    >>> find_date("Bamako, le 1er décembre 2022 –")
    datetime.date(2022, 12, 1)
    >>> find_date("le 31 février 2022") is None
    True
    """
    for match in FULL_DATE.finditer(fold(text)):
        found = _build(match)
        if found is not None:
            return found
    return None


def _build(match: re.Match[str]) -> date | datetime | None:
    month = MONTHS[match["month"]]
    try:
        day = date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        return None
    if match["hour"] is None:
        return day
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23:
        return day
    return datetime(day.year, day.month, day.day, hour, minute)


def iso(value: date | datetime | None, month_only: bool = False) -> str | None:
    """FORMAT.md's form: "YYYY-MM-DDTHH:MM" for a time, "YYYY-MM-DD" for a day, "YYYY-MM" for a month.

    >>> iso(datetime(2024, 8, 1, 19, 43)), iso(date(2012, 7, 2)), iso(date(2024, 1, 1), month_only=True)
    ('2024-08-01T19:43', '2012-07-02', '2024-01')
    """
    if value is None:
        return None
    if month_only:
        return value.strftime("%Y-%m")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


@dataclass(frozen=True, slots=True)
class EventDate:
    """The day something happened, with ACLED's time precision (1 day, 2 week, 3 month)."""

    day: date | None
    precision: int


_WD = rf"(?:(?:{_WEEKDAY_ALT})\s+)?"
_DM = r"(\d{1,2})(?:er|e)?"
_MONTH = rf"({_MONTH_ALT})\.?"
_YEAR = r"((?:19|20)\d\d)"
# "dans la nuit du vendredi 6 au samedi 7 mars 2015": the night gives its second day
NIGHT = re.compile(
    rf"nuit du {_WD}{_DM}(?:\s+{_MONTH})?(?:\s+{_YEAR})?\s+au\s+{_WD}{_DM}\s+{_MONTH}(?:\s+{_YEAR})?"
)
# "dans la nuit de samedi à dimanche" (the second day), "dans la soirée de dimanche à hier lundi"
# (an evening is the first day's)
NIGHT_WEEKDAYS = re.compile(
    rf"(nuit|soiree) (?:de|du) ({_WEEKDAY_ALT}) (?:a|au) (?:hier |ce )?({_WEEKDAY_ALT})"
)
# "du 23 au 31 mars 2022", "du mercredi 1er au dimanche 5 février 2017", "les 13 et 14 janvier 2017"
RANGE = re.compile(
    rf"(?:du|les) {_WD}{_DM}(?:\s+{_MONTH})?(?:\s+{_YEAR})?\s+(?:au|et) {_WD}{_DM}\s+{_MONTH}(?:\s+{_YEAR})?"
)
# "le jeudi 11 septembre", "13 septembre 2025", "1er octobre"
DAY_MONTH = re.compile(rf"(?<!\d)(?:({_WEEKDAY_ALT})\s+)?{_DM}\s+{_MONTH}(?:\s+{_YEAR})?(?!\w)")
# "ce jeudi", "dimanche", "vendredi dernier" (the one before the day of publication)
WEEKDAY = re.compile(rf"(?<!\w)({_WEEKDAY_ALT})(?!\w)( dernier| passe)?")
# "hier", "avant-hier", "la veille", "le lendemain", "trois jours plus tôt"; anaphoric days ("ce
# jour-là", "le jour même", "le même jour") are the day the text named last
RELATIVE = re.compile(
    r"(?<!\w)(avant-hier|hier|aujourd'hui|ce jour-la|le jour-meme|le jour meme|ce meme jour|cette nuit-la|"
    r"ce jour|ce matin|cette nuit|la veille|le lendemain|le meme jour|la meme nuit|a cette date|"
    r"(\w+) jours? plus (tot|tard))(?!\w)"
)
ANAPHORIC = {"ce jour-la", "le jour-meme", "le jour meme", "ce meme jour", "cette nuit-la", "le meme jour",
             "la meme nuit", "a cette date"}  # fmt: skip
# "à ce jour", "jusqu'à ce jour": so far, not a day
NOT_A_DAY = re.compile(r"(?:\ba|jusqu'a|jusqu'a present et)\s+$")
# "trois jours après l'attaque", "deux jours avant le drame", "au lendemain de l'attaque", "la
# veille du scrutin": counted from the day of the story the noun names, not from the last date told
RELATIVE_TO = re.compile(
    r"(?<!\w)(?:(\w+) (jours?|semaines?) (avant|apres)|(?:au |le )(lendemain)|(?:a )?la (veille)) "
    r"(?:de (?:l'|la |ce |cet |cette |son |sa |leur )|d'|du |des |l'|le |la |les |ce |cet |cette |ces |son |sa |ses |leurs? )"
)
# "en mars 2019", "fin janvier 2022"
MONTH_YEAR = re.compile(rf"(?<!\d\s)(?<!\d)(?:en |fin |debut |mi-)?{_MONTH}\s+{_YEAR}(?!\w)")
# a month without its year: "en janvier", "en septembre dernier", "fin août", "mi-mars", "début
# mai": the latest such month up to publication (FORMAT.md: a month only is its 1st, precision 3;
# "fin" and "mi-" name the last and middle part of it)
MONTH_ONLY = re.compile(
    rf"(?<!\w)(en|fin|debut|mi-|courant|au mois d'|au mois de)\s?{_MONTH}(?: (dernier|passe))?(?!\s*\d)(?!\w)"
)
PART_OF_MONTH = {"fin": 25, "mi-": 15}
# "la semaine dernière", "le mois dernier", "au début du mois": a week or a month, not a day
PERIOD = re.compile(
    r"(?<!\w)(?:((?:la|en (?:fin|debut) de(?: la)?) semaine (?:derniere|passee))|(le mois (?:dernier|passe))|"
    r"(?:au |en )(debut|fin) (?:du|de ce) mois)(?!\w)"
)
# "depuis le 26 juillet", "depuis le coup d'État du 26 juillet", "depuis dimanche": when an ongoing
# state began, not the day of the act the sentence tells
SINCE = re.compile(r"\bdepuis\b[^,;:.]{0,50}$")
SMALL_NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                 "huit": 8, "dix": 10, "quinze": 15}  # fmt: skip
# "il y a deux semaines", "il y a trois jours", "deux jours avant le drame": counted back from publication
AGO = re.compile(r"(?<!\w)il y a (un|une|deux|trois|quatre|cinq|six|sept|huit|\d+) (jours?|semaines?)(?!\w)")
YEARS_AHEAD = 6  # how far past the page's latest stated year an undated weekday's year is sought
FUTURE_DAYS = 7  # a day-month after publication by more than this is taken from the year before


# a date that says when something was published, not when it happened
REPORTED_ON = re.compile(
    r"(?:publiee?s?|date|datee?|diffusee?s?|rendue? publique?|communique|rapport|lettre|note)\s+(?:le|du|en date du)\s+$"
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
    found = _night(text, published, reference_year) or _range(text, published, reference_year)
    if found is None:
        every = list(DAY_MONTH.finditer(text))
        matches = [
            m
            for m in every
            if not EFFECT_FROM.search(text[max(0, m.start() - 30) : m.start()])
            and not OF_AN_ACCORD.search(text[max(0, m.start() - 60) : m.start()])
        ]
        # "depuis le 26 juillet": when a state began, the sentence's date only when it names no other
        matches = [m for m in matches if not _since(text, m.start())] or matches
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
    if found is None:
        found = _relative_to(text, story or previous)
    if found is None:
        found = _relative(text, published, previous)
    if found is None and published is not None:
        ago = AGO.search(text)
        if ago is not None:
            count = SMALL_NUMBERS.get(ago[1]) or (int(ago[1]) if ago[1].isdigit() else 0)
            days = count * (7 if ago[2].startswith("semaine") else 1)
            found = EventDate(published - timedelta(days=days), 1 if days <= 3 else 2)
    if found is None:
        found = _weekday(text, published)
    if found is None:
        match = MONTH_YEAR.search(text)
        if match:
            found = EventDate(date(int(match[2]), MONTHS[match[1]], 1), 3)
    if found is None and published is not None:
        found = _period(text, published)
    return found


def _weekday(text: str, published: date | None) -> EventDate | None:
    """ "dans la nuit de samedi à dimanche", "jeudi", "vendredi dernier", but not "depuis dimanche"."""
    night = NIGHT_WEEKDAYS.search(text)
    if night is not None:
        day = _last_weekday(night[2] if night[1] == "soiree" else night[3], published) if published else None
        return EventDate(day, 1) if day else None
    matches = list(WEEKDAY.finditer(text))
    matches = [m for m in matches if not _since(text, m.start())] or matches
    if not matches:
        return None
    day = _last_weekday(matches[0][1], published, strictly=bool(matches[0][2])) if published else None
    return EventDate(day, 1) if day else None


def _since(text: str, start: int) -> bool:
    """The date at `start` opens with "depuis": "depuis dimanche", "depuis le coup d'État du 26 juillet"."""
    return bool(SINCE.search(text[max(0, start - 60) : start]))


def _period(text: str, published: date) -> EventDate | None:
    """A week or a month the sentence names without a day: "la semaine dernière", "en septembre
    dernier", "fin août", "au début du mois"."""
    period = PERIOD.search(text)
    if period is not None:
        if period[1]:
            return EventDate(published - timedelta(days=7), 2)
        first = published.replace(day=1)
        if period[2]:
            return EventDate((first - timedelta(days=1)).replace(day=1), 3)
        return EventDate(first.replace(day=25) if period[3] == "fin" else first, 3)
    for match in MONTH_ONLY.finditer(text):
        if _since(text, match.start()):
            continue
        month = MONTHS[match[2]]
        year = (
            published.year
            if month < published.month or (month == published.month and not match[3])
            else published.year - 1
        )
        return EventDate(date(year, month, PART_OF_MONTH.get(match[1], 1)), 3)
    return None


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
    for match in DAY_MONTH.finditer(text):
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
        # no year, no publication date: the first year from the page's latest stated year on where the
        # weekday fits (a page gives the years of past events, seldom the year of its news), else
        # the latest before it
        later = range(reference_year, reference_year + YEARS_AHEAD + 1)
        for candidate in [*later, *range(reference_year - 1, reference_year - 12, -1)]:
            guess = _safe(candidate, month_number, number)
            if guess is not None and WEEKDAYS[guess.weekday()] == weekday:
                return guess
    if reference_year is not None:
        return _safe(reference_year, month_number, number)
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


def _relative_to(text: str, story: date | None) -> EventDate | None:
    """ "trois jours après l'attaque", "au lendemain de l'attaque", "la veille du scrutin": the day
    of the story the noun names, shifted."""
    match = RELATIVE_TO.search(text)
    if match is None or story is None:
        return None
    if match[4] or match[5]:
        return EventDate(story + timedelta(days=1 if match[4] else -1), 1)
    count = SMALL_NUMBERS.get(match[1]) or (int(match[1]) if match[1].isdigit() else 0)
    if not count:
        return None
    days = count * (7 if match[2].startswith("semaine") else 1)
    return EventDate(story + timedelta(days=days if match[3] == "apres" else -days), 1 if days <= 3 else 2)


def _relative(text: str, published: date | None, previous: date | None) -> EventDate | None:
    match = next(
        (
            m
            for m in RELATIVE.finditer(text)
            if not NOT_A_DAY.search(text[max(0, m.start() - 20) : m.start()])
        ),
        None,
    )
    if not match:
        return None
    word = match[1]
    if word in ANAPHORIC:
        return EventDate(previous or published, 1) if (previous or published) else None
    if word in {"la veille", "le lendemain"} or match[2]:
        anchor = previous or published
        if anchor is None:
            return None
        if match[2]:
            count = SMALL_NUMBERS.get(match[2]) or (int(match[2]) if match[2].isdigit() else 0)
            if not count:
                return None
            shift = -count if match[3] == "tot" else count
        else:
            shift = -1 if word == "la veille" else 1
        return EventDate(anchor + timedelta(days=shift), 1)
    if published is None:
        return None
    shift = {"avant-hier": -2, "hier": -1}.get(word, 0)
    return EventDate(published + timedelta(days=shift), 1)


def _last_weekday(weekday: str, published: date, strictly: bool = False) -> date:
    """The latest day with that name on or before publication ("jeudi" in a Saturday paper);
    strictly before it for "jeudi dernier" (in a Thursday paper: the week before)."""
    back = (published.weekday() - WEEKDAYS.index(weekday)) % 7
    return published - timedelta(days=back or (7 if strictly else 0))
