"""French calendar words: month and weekday names, accent folding, printed dates -> date / datetime."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "janv": 1, "fev": 2, "fevr": 2, "mar": 3, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_ALT = "|".join(WEEKDAYS)

# "jeudi 01 août 2024 à 19:43", "1er juillet 2012", "13 septembre 2025 à 17h07", "3 déc. 2022"
FULL_DATE = re.compile(
    rf"\b(?:(?P<weekday>{WEEKDAY_ALT})\s+)?(?P<day>[0-3]?\d)(?:er|e)?\s+"
    rf"(?P<month>{MONTH_ALT})\.?\s+(?P<year>(?:19|20)\d\d)\b"
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


# The rules fold a sentence many times over (its date, its days, its period, its lexicons): the
# folding of the last few short texts is kept; a long text (a whole page) is folded afresh.
FOLDS_KEPT = 1024
FOLD_KEPT_CHARS = 2_000


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping the length, so that "Août" and "aout" compare equal.

    >>> fold("Publié le 1er Août à Ségou")
    'publie le 1er aout a segou'
    """
    return _folded(text) if len(text) <= FOLD_KEPT_CHARS else _fold(text)


def _fold(text: str) -> str:
    return ACCENTED.sub(_unaccent, text).lower()


_folded = lru_cache(maxsize=FOLDS_KEPT)(_fold)


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


# pieces of the date patterns of `frdate` and `frdate.relative`: "jeudi ", "1er", "août", "2024"
WD = rf"(?:(?:{WEEKDAY_ALT})\s+)?"
DM = r"(\d{1,2})(?:er|e)?"
MONTH = rf"({MONTH_ALT})\.?"
YEAR = r"((?:19|20)\d\d)"
