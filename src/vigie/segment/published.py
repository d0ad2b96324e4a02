"""Publication dates as pages print them: "Publié le 05/12/2023 à 07:45", "3 JUIN 2025", "11.04.2024",
"Publié en janvier 2024", "juin 16, 2022", "2024-12-26T14:07+0100", datelines ("Bamako, 8 sept 2023 (AFP) -",
"JOHANNESBURG, 22 août (Reuters) -", "17.01.2024, Sputnik Afrique").

A `Stamp` keeps what is printed (a year may be missing, a day may be missing); `Stamp.resolve`
turns it into a date with the year the page implies.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources

from vigie.frdate import MONTHS, WEEKDAYS, fold


def _foreign_months() -> dict[str, int]:
    """Month names of other languages pages print (data/page_furniture.toml): "february" -> 2."""
    text = resources.files("vigie.data").joinpath("page_furniture.toml").read_text(encoding="utf-8")
    return {str(name): int(number) for name, number in tomllib.loads(text)["months"].items()}


MONTH_NAMES = MONTHS | _foreign_months()
_MONTH = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
# a time after a date: "à 19:43", "à 11h20min", "- 08:41", " 08h47", ", 10:05", "at 11:20", " | 10h05"
_TIME = r"(?:\s*(?:a|à|at|,|-|–|—|\||·|•)?\s*(?P<hour>[0-2]?\d)\s*(?:h|:)\s*(?P<minute>[0-5]\d)(?:\s*min)?)?"
# "jeudi 01 août 2024 à 19:43", "1er juillet 2012", "3 déc. 2022", "22 févr.", "Samedi, 22 mars 2025 08:40"
TEXT_DATE = re.compile(
    rf"(?<![\w/.])(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<day>[0-3]?\d)(?:er|e)?\s+(?P<month>{_MONTH})\.?"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?(?!\w){_TIME}"
)
# "juin 16, 2022", "août 2, 2023 à 10:05"
MONTH_FIRST = re.compile(
    rf"(?<!\w)(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d),\s*(?P<year>(?:19|20)\d\d)(?!\d){_TIME}"
)
# "12/03/2024", "02.12.2023", "18-03-2025", "06/10/21", "23.12.2022 - 10:02"
NUMERIC = re.compile(
    r"(?<![\d/.])(?P<day>[0-3]?\d)(?P<sep>[./-])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d|\d\d)(?![\d/.]\d)"
    + _TIME
)
# "2024-12-26T14:07+0100", "2025-10-13 08:15", "2024/03/12"
ISO = re.compile(
    r"(?<![\d/])(?P<year>(?:19|20)\d\d)(?P<sep>[-/])(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?![\d/])"
    r"(?:[Tt ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?"
)
# a line that gives the last update before the publication: "Mis à jour le 12 mars 2024 à 15h30 -
# Publié le 12 mars 2024 à 09h00"; the date after "Publié" is the article's
UPDATED_FIRST = re.compile(
    r"^\W*(?:mis(?:e)? a jour|derniere mise a jour|modifie(?:e)?|actualise(?:e)?|updated)\b"
)
PUBLISHED_AFTER = re.compile(r"\b(?:publie(?:e)?|paru|mis(?:e)? en ligne|published)\b")
# "Publié en janvier 2024", "janvier 2024"
MONTH_ONLY = re.compile(rf"(?<!\d\s)(?<!\w)(?P<month>{_MONTH})\.?\s+(?P<year>(?:19|20)\d\d)(?!\d)")
# a dateline opening a paragraph: "Bamako, 8 sept 2023 (AFP) - ", "Douentza (Mali), 3 sept 2019 (AFP) - ",
# "Bamako, le 27 mars 2020 – ", "Ouagadougou, 5 nov. 2023 (AIB) - ", "JOHANNESBURG, 22 août (Reuters) -",
# "BAMAKO, Mali, 12 mars 2024 (AFP) -", "Niamey, 12 mars 2024 (ANP)-Le …"
_DATELINE_HEAD = (
    r"^(?P<place>[A-ZÀ-Ý][\w'’ .-]{1,40}?)(?:\s*\([^()]{1,30}\))?(?:,\s*[A-ZÀ-Ý][^\W\d_]+(?:[ -][A-ZÀ-Ý][^\W\d_]+)?)?,\s*(?:le\s+)?"
    r"(?P<date>[^()–—]{4,40}?)\s*(?:\((?P<agency>[^()]{1,20})\))?\s*"
)
_DASHED = r"[-–—]+(?:\s|$)|(?<=\))[-–—]+"
DATELINE = re.compile(_DATELINE_HEAD + f"(?:{_DASHED})")
# inside a body, a dateline may end with its agency, a colon or a period: "Bamako, 14 mars 2024 (AMAP)
# Le …", "Kidal, 14 novembre 2023 : l'armée …", "Mopti, 12 mars 2024. Le …"; a caption may open the
# same way ("Gao, le 3 mars 2022 : des soldats en patrouille"), so a line is told from a caption by
# the dashed form only
OPEN_DATELINE = re.compile(
    _DATELINE_HEAD + f"(?:{_DASHED}" + r"|(?<=\))\s*(?=[A-ZÀ-Ý«\"“])|:\s+(?=[\w«\"“])|\.\s+(?=[A-ZÀ-Ý«\"“]))"
)
# "17.01.2024, Sputnik Afrique": a date, then the outlet
DATE_THEN_OUTLET = re.compile(r"^(?P<date>[\d./-]{8,10}),\s*\S")
# "… lors d'une cérémonie présidée par le chef de l'État. 20.01.2023, Sputnik Afrique": the same at the end
TRAILING_DATELINE = re.compile(r"\s(?P<date>\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d),\s*[A-ZÀ-Ý][\w' -]{2,30}$")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date as printed: the year or the day may be missing ("22 févr.", "janvier 2024")."""

    year: int | None
    month: int
    day: int | None  # None: only the month is printed
    hour: int | None = None
    minute: int | None = None
    weekday: int | None = None  # 0 Monday … 6 Sunday, when printed

    def resolve(self, reference_year: int | None) -> date | datetime | None:
        """The date, with the year the page implies when none is printed (the latest year up to
        `reference_year` whose calendar fits the printed weekday); the 1st for a month alone.

        >>> Stamp(2024, 8, 1, 19, 43).resolve(None)
        datetime.datetime(2024, 8, 1, 19, 43)
        >>> Stamp(None, 3, 22, weekday=5).resolve(2026)  # "samedi 22 mars": 2025 fits
        datetime.date(2025, 3, 22)
        """
        year = self.year
        if year is None:
            if reference_year is None:
                return None
            year = reference_year
            if self.weekday is not None and self.day is not None:
                for candidate in range(reference_year, reference_year - 8, -1):
                    found = _day(candidate, self.month, self.day)
                    if found is not None and found.weekday() == self.weekday:
                        year = candidate
                        break
        day = _day(year, self.month, self.day or 1)
        if day is None:
            return None
        if self.hour is not None and self.minute is not None and self.hour < 24 and self.day is not None:
            return datetime(day.year, day.month, day.day, self.hour, self.minute)
        return day

    @property
    def month_only(self) -> bool:
        return self.day is None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_stamp(text: str) -> tuple[Stamp, int, int] | None:
    """The first publication date a line prints, and where (offsets into the line).

    >>> find_stamp("Publié le 05/12/2023 à 07:45 | Lu 2314 fois")[0]
    Stamp(year=2023, month=12, day=5, hour=7, minute=45, weekday=None)
    >>> find_stamp("3 JUIN 2025")[0]
    Stamp(year=2025, month=6, day=3, hour=None, minute=None, weekday=None)
    >>> find_stamp("Publié en janvier 2024")[0]
    Stamp(year=2024, month=1, day=None, hour=None, minute=None, weekday=None)
    >>> find_stamp("malikunafoninet · 22 févr. · 4 min de lecture")[0]
    Stamp(year=None, month=2, day=22, hour=None, minute=None, weekday=None)
    >>> find_stamp("juin 16, 2022 - Rédaction")[0]
    Stamp(year=2022, month=6, day=16, hour=None, minute=None, weekday=None)
    >>> find_stamp("Posted on February 18, 2025 by Admin")[0]
    Stamp(year=2025, month=2, day=18, hour=None, minute=None, weekday=None)
    >>> find_stamp("il y a 2 jours") is None
    True
    >>> find_stamp("Mis à jour le 12 mars 2024 à 15h30 - Publié le 12 mars 2024 à 09h00")[0].hour
    9
    """
    folded = fold(text)
    if UPDATED_FIRST.match(folded):
        publication = PUBLISHED_AFTER.search(folded)
        if publication is not None:
            later = _first_stamp(folded, publication.end())
            if later is not None:
                return later
    return _first_stamp(folded, 0)


def _first_stamp(folded: str, position: int) -> tuple[Stamp, int, int] | None:
    """The first date printed at or after `position` of a folded line."""
    found: list[tuple[Stamp, int, int]] = []
    for pattern in (TEXT_DATE, MONTH_FIRST, NUMERIC, ISO):
        for match in pattern.finditer(folded, position):
            stamp = _stamp(match, pattern)
            if stamp is not None:
                found.append((stamp, match.start(), match.end()))
                break
    if not found:
        month = MONTH_ONLY.search(folded, position)
        if month is not None:
            found.append(
                (Stamp(int(month["year"]), MONTH_NAMES[month["month"]], None), month.start(), month.end())
            )
    return min(found, key=lambda item: item[1]) if found else None


def _stamp(match: re.Match[str], pattern: re.Pattern[str]) -> Stamp | None:
    groups = match.groupdict()
    month = MONTH_NAMES[groups["month"]] if pattern in (TEXT_DATE, MONTH_FIRST) else int(groups["month"])
    day = int(groups["day"])
    year_text = groups.get("year")
    year = None if year_text is None else int(year_text) + (2000 if len(year_text) == 2 else 0)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is not None and _day(year, month, day) is None:
        return None
    hour = int(groups["hour"]) if groups.get("hour") else None
    minute = int(groups["minute"]) if groups.get("minute") else None
    weekday = WEEKDAYS.index(groups["weekday"]) if groups.get("weekday") else None
    return Stamp(year, month, day, hour, minute, weekday)


def find_dateline(paragraph: str, body: bool = False) -> Stamp | None:
    """The date of a dateline opening a paragraph, if it opens with one; of a paragraph known to be
    body text (`body`), also one closed by its agency, a colon or a period (`OPEN_DATELINE`).

    >>> find_dateline("Bamako, 8 sept 2023 (AFP) - Deux attaques « terroristes » distinctes ont fait jeudi 49 morts")
    Stamp(year=2023, month=9, day=8, hour=None, minute=None, weekday=None)
    >>> find_dateline("JOHANNESBURG, 22 août (Reuters) - Le président sud-africain a déclaré")
    Stamp(year=None, month=8, day=22, hour=None, minute=None, weekday=None)
    >>> find_dateline("Selon le maire, 12 personnes ont été tuées - un bilan provisoire") is None
    True
    >>> find_dateline("Bamako a reçu de nouveaux appareils russes. 20.01.2023, Sputnik Afrique")
    Stamp(year=2023, month=1, day=20, hour=None, minute=None, weekday=None)
    """
    head = paragraph[:120]
    match = (OPEN_DATELINE if body else DATELINE).match(head)
    text = match["date"] if match is not None else None
    if match is None:
        outlet: re.Match[str] | None = DATE_THEN_OUTLET.match(head) or TRAILING_DATELINE.search(
            paragraph[-60:]
        )
        text = outlet["date"] if outlet is not None else None
    if text is None:
        return None
    found = find_stamp(text)
    if found is None:
        return None
    stamp, start, end = found
    if fold(text[:start]).strip() or len(text[end:].strip(" ,.")) > 6:
        return None  # "Selon le maire, 12 personnes ont été tuées - …": words around the number
    return stamp


# "© 2003-2023", "© MaliTribune 2023", "Copyright © 2025": the page's own year
COPYRIGHT = re.compile(
    r"(?:©|copyright)\D{0,40}?((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?", re.IGNORECASE
)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def page_year(text: str) -> int | None:
    """The year a page implies: its copyright line, else the latest year of a full date it prints,
    else the latest year it names.

    >>> page_year("Mis à jour en mars … Lefaso.net © 2003-2023 | Contacts")
    2023
    >>> page_year("le 13 septembre 2025 … le 22/09/2025")
    2025
    """
    copyright_years = [int(m[2] or m[1]) for m in COPYRIGHT.finditer(text)]
    if copyright_years:
        return max(copyright_years)
    years = [
        stamp.year
        for match in TEXT_DATE.finditer(fold(text))
        if (stamp := _stamp(match, TEXT_DATE)) is not None and stamp.year is not None
    ]
    years += [int(m["year"]) for m in NUMERIC.finditer(text) if len(m["year"]) == 4]
    if not years:
        years = [int(year) for year in YEAR.findall(text)]
    return max(years) if years else None
