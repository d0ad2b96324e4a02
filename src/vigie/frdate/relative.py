"""French relative dates: weekdays, "hier", "la veille", "trois jours après l'attaque", "la semaine
dernière", "en septembre dernier" -> the day (or week, or month) they name, counted from an anchor."""

from __future__ import annotations

import re
from datetime import date, timedelta

from vigie.frdate.calendar import MONTH, MONTHS, WEEKDAY_ALT, WEEKDAYS, EventDate

# "dans la nuit de samedi à dimanche" (the second day), "dans la soirée de dimanche à hier lundi"
# (an evening is the first day's)
NIGHT_WEEKDAYS = re.compile(
    rf"(nuit|soiree) (?:de|du) ({WEEKDAY_ALT}) (?:a|au) (?:hier |ce )?({WEEKDAY_ALT})"
)
# "ce jeudi", "dimanche", "vendredi dernier" (the one before the day of publication)
WEEKDAY = re.compile(rf"(?<!\w)({WEEKDAY_ALT})(?!\w)( dernier| passe)?")
# "hier", "avant-hier", "la veille", "le lendemain", "trois jours plus tôt", "une semaine plus
# tard" (counted from the day told last); anaphoric days ("ce
# jour-là", "le jour même", "le même jour") are the day the text named last; "cette nuit", "la nuit
# dernière" end on the day of publication (a night is its second day, as "de samedi à dimanche")
RELATIVE = re.compile(
    r"(?<!\w)(avant-hier|hier|aujourd'hui|ce jour-la|le jour-meme|le jour meme|ce meme jour|cette nuit-la|"
    r"ce jour|ce matin|cette nuit|la nuit derniere|la veille|le lendemain|le meme jour|la meme nuit|a cette date|"
    r"(\w+) (jours?|semaines?) plus (tot|tard))(?!\w)"
)
# "publié hier", "diffusé avant-hier": the day a report names for itself
YESTERDAY = re.compile(r"(?<!\w)(avant-hier|hier)(?!\w)")
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
# "Ce déplacement intervient deux jours après l'attaque de Sandaré", "Cette livraison survient au
# lendemain d'une attaque": the news the subject names is the story's day, and the act its
# complement names is counted back from it (the reverse of "trois jours après l'attaque, ils ont …")
COUNTED_BACK = re.compile(
    r"(?:^|, )(?:ce|cet|cette|ces) [\w'-]+(?: [\w'-]+){0,3}? "
    r"(?:intervien\w*|survien\w*|arrive\w*|a lieu|ont lieu|se produit|se tien\w*) (?:\w+ )?"
    r"(?:(\w+) (jours?|semaines?) (?:\w+ )?(apres|avant)|(au lendemain)|(a la veille)) "
)
# "en mars 2019", "fin janvier 2022"
# a month without its year: "en janvier", "en septembre dernier", "fin août", "mi-mars", "début
# mai": the latest such month up to publication (FORMAT.md: a month only is its 1st, precision 3;
# "fin" and "mi-" name the last and middle part of it)
MONTH_ONLY = re.compile(
    rf"(?<!\w)(en|fin|debut|mi-|courant|au mois d'|au mois de)\s?{MONTH}(?: (dernier|passe))?(?!\s*\d)(?!\w)"
)
PART_OF_MONTH = {"fin": 25, "mi-": 15}
# "la semaine dernière", "le mois dernier", "au début du mois": a week or a month, not a day
PERIOD = re.compile(
    r"(?<!\w)(?:((?:la|en (?:fin|debut) de(?: la)?) semaine (?:derniere|passee))|(le mois (?:dernier|passe))|"
    r"(?:au |en )(debut|fin) (?:du|de ce) mois)(?!\w)"
)
# "en début de semaine", "au début de cette semaine": the first days of the publication's week (its
# Monday, ACLED's week precision)
THIS_WEEK = re.compile(
    r"(?<!\w)(?:en|au) debut de (?:la |cette )?semaine(?! (?:derniere|passee|prochaine))(?!\w)"
)
# "ce week-end", "le week-end dernier": its Sunday (within a day of either day of it), week-precise
WEEKEND = re.compile(r"(?<!\w)(?:ce|le|du|au cours du) (?:week-end|weekend|week end)( dernier| passe)?(?!\w)")
# "depuis le 26 juillet", "depuis le coup d'État du 26 juillet", "depuis dimanche": when an ongoing
# state began, not the day of the act the sentence tells
SINCE = re.compile(r"\bdepuis\b[^,;:.]{0,50}$")
SMALL_NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                 "huit": 8, "dix": 10, "quinze": 15}  # fmt: skip
# "il y a deux semaines", "il y a trois jours", "deux jours avant le drame": counted back from publication
AGO = re.compile(r"(?<!\w)il y a (un|une|deux|trois|quatre|cinq|six|sept|huit|\d+) (jours?|semaines?)(?!\w)")


def find_weekday(text: str, published: date | None) -> EventDate | None:
    """ "dans la nuit de samedi à dimanche", "jeudi", "vendredi dernier", but not "depuis dimanche"."""
    night = NIGHT_WEEKDAYS.search(text)
    if night is not None:
        day = _last_weekday(night[2] if night[1] == "soiree" else night[3], published) if published else None
        return EventDate(day, 1) if day else None
    matches = list(WEEKDAY.finditer(text))
    matches = [m for m in matches if not follows_since(text, m.start())] or matches
    if not matches:
        return None
    day = _last_weekday(matches[0][1], published, strictly=bool(matches[0][2])) if published else None
    return EventDate(day, 1) if day else None


def follows_since(text: str, start: int) -> bool:
    """The date at `start` opens with "depuis": "depuis dimanche", "depuis le coup d'État du 26 juillet"."""
    return bool(SINCE.search(text[max(0, start - 60) : start]))


def find_period(text: str, published: date) -> EventDate | None:
    """A week or a month the sentence names without a day: "la semaine dernière", "en septembre
    dernier", "fin août", "au début du mois", "en début de semaine".

    >>> find_period("recu en debut de semaine a niamey", date(2024, 9, 12))  # folded; a Thursday
    EventDate(day=datetime.date(2024, 9, 9), precision=2)
    >>> find_period("attaque ce week-end a ouro", date(2024, 9, 16))  # a Monday
    EventDate(day=datetime.date(2024, 9, 15), precision=2)
    """
    if THIS_WEEK.search(text):
        return EventDate(published - timedelta(days=published.weekday()), 2)
    weekend = WEEKEND.search(text)
    if weekend is not None:
        return EventDate(_last_weekday("dimanche", published, strictly=bool(weekend[1])), 2)
    period = PERIOD.search(text)
    if period is not None:
        if period[1]:
            return EventDate(published - timedelta(days=7), 2)
        first = published.replace(day=1)
        if period[2]:
            return EventDate((first - timedelta(days=1)).replace(day=1), 3)
        return EventDate(first.replace(day=25) if period[3] == "fin" else first, 3)
    for match in MONTH_ONLY.finditer(text):
        if follows_since(text, match.start()):
            continue
        month = MONTHS[match[2]]
        year = (
            published.year
            if month < published.month or (month == published.month and not match[3])
            else published.year - 1
        )
        return EventDate(date(year, month, PART_OF_MONTH.get(match[1], 1)), 3)
    return None


def find_relative_to(text: str, story: date | None) -> EventDate | None:
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


def find_counted_back(text: str) -> tuple[int, int | None] | None:
    """ "Ce déplacement intervient deux jours après l'attaque": where the complement starts, and
    how many days its act lies from the story's day (None: "quelques jours après", no count).

    >>> find_counted_back("ce deplacement intervient deux jours apres l'attaque de sandare")
    (26, -2)
    >>> find_counted_back("cette nouvelle attaque intervient quelques jours seulement apres un assaut")
    (34, None)
    """
    match = COUNTED_BACK.search(text)
    if match is None:
        return None
    if match[4] or match[5]:
        return match.start(4) if match[4] else match.start(5), -1 if match[4] else 1
    count = SMALL_NUMBERS.get(match[1]) or (int(match[1]) if match[1].isdigit() else 0)
    days = count * (7 if match[2].startswith("semaine") else 1)
    return match.start(1), (None if not days else -days if match[3] == "apres" else days)


def find_relative(text: str, published: date | None, previous: date | None) -> EventDate | None:
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
        precision = 1
        if match[2]:
            count = SMALL_NUMBERS.get(match[2]) or (int(match[2]) if match[2].isdigit() else 0)
            if not count:
                return None
            if match[3].startswith("semaine"):  # "une semaine plus tôt": that week (ACLED precision 2)
                count, precision = count * 7, 2
            shift = -count if match[4] == "tot" else count
        else:
            shift = -1 if word == "la veille" else 1
        return EventDate(anchor + timedelta(days=shift), precision)
    if published is None:
        return None
    shift = {"avant-hier": -2, "hier": -1}.get(word, 0)
    return EventDate(published + timedelta(days=shift), 1)


def _last_weekday(weekday: str, published: date, strictly: bool = False) -> date:
    """The latest day with that name on or before publication ("jeudi" in a Saturday paper);
    strictly before it for "jeudi dernier" (in a Thursday paper: the week before)."""
    back = (published.weekday() - WEEKDAYS.index(weekday)) % 7
    return published - timedelta(days=back or (7 if strictly else 0))
