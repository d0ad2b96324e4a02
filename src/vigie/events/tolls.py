"""Tolls: how many people a sentence says were killed, in all, per place, and when two figures compete.

FORMAT.md's rules: deaths on all sides are added up ("17 soldats tués et 22 terroristes
neutralisés" -> 39), "neutralisés" counts as killed, approximate number words count as their
value ("une dizaine" 10), vague words give no number, wounded are not dead, 0 only when the text
says nobody died; two figures for one event (the army's and a local source's) give the lowest
specific one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vigie.events.lexicon import fold_text
from vigie.frnumber import APPROXIMATE, UNITS, parse_number

# a number as news prints it: digits, or French number words ("dix-sept", "vingt et un", "une dizaine")
_WORD = "|".join(sorted((*UNITS, *APPROXIMATE), key=len, reverse=True))
NUMBER = rf"(\d[\d \u00a0.]*\d|\d|(?:une?\s+)?(?:{_WORD})(?:[\s-](?:et[\s-])?(?:{_WORD}))*)(?!\w)"
DEATHS = (
    r"(?:morts?|tues?|tuees?|neutralises?|corps|victimes|ont peri|ont perdu la vie|ont ete tues|ont ete tuees|"
    r"ont trouve la mort|executes?|executees?|decedes?|cadavres|elimines?|abattus?|sans vie|perdu la vie|tombes|"
    r"massacres|massacrees?|egorges?|egorgees?|assassines?|assassinees?|fusilles?|fusillees?|decapites?|"
    r"ont succombe|a succombe)"
)
DEATH_WORD = re.compile(DEATHS)
# "21 morts à Karou, 14 à Ouatagouna": a number, its unit maybe, then the place

# a toll: "23 morts", "17 militaires tués", "a fait au moins 22 morts", "203 combattants neutralisés"
# (the auxiliary "ont été" is not counted among the words between: "quatre supplétifs civils de
# l'armée ont été tués")
TOLL = re.compile(
    rf"(?<!\w){NUMBER}\s+(?:(?:[a-z'\-]+,?\s+){{0,5}}?)(?:(?:ont|a|avaient|sont)\s+(?:ete\s+)?)?{DEATHS}(?!\w)"
)

# a range of figures, its lowest counted (FORMAT.md: the lowest specific figure): "de 30 à 32 morts",
# "entre 30 et 40 morts"
RANGE = re.compile(rf"(?:\bde|\bentre)\s+{NUMBER}\s+(?:a|et)\s+$")
# ... but a toll that rose from one figure to another is the last one: "le bilan est passé de 30 à
# 86 morts"
ROSE = re.compile(r"(?:passe|passant|grimpe|monte|alourdi|revu a la hausse)\s+$")
# an explanation in brackets is not part of the count: "4 VDP (Volontaires pour la défense de la patrie) tués"
BRACKETS = re.compile(r"\s*\([^()]{1,80}\)")
# nor is a part of it told in apposition: "neuf personnes, dont six VDP, ont été tuées" (nine)
APPOSITION = re.compile(r",\s*dont\s+[^,.;:]{1,80},")
# a toll after its verb: "tuant sept civils", "ont neutralisé au moins une dizaine de terroristes"
# a day told between the verb and its toll: "ont exécuté mardi 12 villageois", "a tué dimanche 1er juin
# plus de trente soldats"
_DAY = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|avant-hier"
_MONTH = r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
WHEN = rf"(?:(?:{_DAY})\s+(?:(?:matin|soir|dernier|\d{{1,2}}(?:er)?\s+(?:{_MONTH})(?:\s+\d{{4}})?),?\s+)?)?"
TOLL_AFTER = re.compile(
    r"(?:(?:tuant|tue|tues|faisant|a fait|ont fait|neutraliser|neutralisant|neutralise|abattu|abattant|executant|"
    r"coute la vie a|coute la vie de|mort de|la mort de|la vie a|eliminer|eliminant|elimine|execute|"
    r"egorge|egorgeant|massacre|massacrant|assassine|fusille|"
    # a force's loss of its men: "l'armée a perdu 12 hommes", "déplore la perte de sept soldats"
    r"a perdu|ont perdu|avoir perdu|perdant|la perte de|la perte d')\s*|(?:mort|vie) d'|"
    r"(?:execution|massacre|assassinat|meurtre)s? (?:de\s+|d'))"
    rf"{WHEN}(?:ses\s+|leurs\s+|les\s+)?(?:au moins\s+|pres de\s+|plus de\s+|plus d'|environ\s+|quelque\s+)?"
    rf"(?<!\w){NUMBER}\s+(?!bless)"
)
NO_CASUALTY = re.compile(
    r"sans (?:faire de )?(?:victime|blesse|perte|deplorer)|aucune? (?:perte|victime|deces|mort)|pas de victime"
    r"|n'a fait aucune|n'ont fait aucune|aucun mort n'est|aucun deces n'a"
)
# who a toll counts: "trois casques bleus ont été tués", "sept civils"
PEOPLE = re.compile(
    r"(?:soldat|militaire|civil|personne|casque|terroriste|assaillant|villageois|passager|enfant|femme|homme|"
    r"gendarme|policier|membre|combattant|jihadiste|djihadiste|otage|eleve|agent|chauffeur|fidele|victime|"
    r"habitant|mort|corps|individu|elements?|garde|ressortissant|touriste|expatrie|client|paysan|berger|"
    r"elu|maire|chef|imam|enseignant|conducteur|pecheur|cultivateur|notable|pelerin|"
    r"vdp|volontaire|suppletif|douanier|forain|orpailleur|commercant|jeune|fds|famas?|suspect|gens|parmi|dont|de|d'|"
    r"nourrisson|bebe|fillette|garcon|vieillard|epouse|mari|fils|fille|frere|parent|proche|pere|mere|"
    r"eleveur|transporteur|commando|kamikaze|rebelle|insurge|bandit|ravisseur|assaillant|ennemi|"
    r"presume|employe|ouvrier|occupant|travailleur|recrue|officier|sous-officier|caporal|sergent|lieutenant|capitaine|commandant|colonel|guide|dozo|chasseur)"
)
# a clause boundary between two tolls of two places: "… à Yara ; à Dissa, on dénombre deux morts"
CLAUSES = re.compile(r"\s*[;:]\s*|,\s*(?:et\s+)?(?=(?:a|au|dans|pour)\s+[a-z])|\s+et\s+(?=(?:a|au)\s)")
# another source's figure for the same deaths: "selon des sources militaires, tandis qu'un élu évoque
# « plus de 20 morts »", "d'autres sources parlent de 20 morts"
ALTERNATIVE = re.compile(
    r"tandis qu|alors qu|d'autres sources|selon d'autres|un autre bilan|nouveau bilan|bilan (?:revu|revise)|"
    r"evoqu|parlent de|avance pour sa part|pour sa part|de son cote|contre \d"
)
WOUNDED = re.compile(r"bless")
# a figure that says not whose dead: "12 morts", "sept victimes"
UNSAID = re.compile(
    r"(?:morts?|victimes?|corps|cadavres|tue|tues|tuee|tuees|personnes? tuee|parmi|dont|de\b|d')"
)
# the people a figure counts are civilians: "trois civils", "deux villageois", "cinq personnes"
CIVILIAN_DEAD = re.compile(
    r"(?:civil|personne|villageois|habitant|passager|enfant|femme|eleve|fidele|commercant|berger|eleveur|"
    r"paysan|cultivateur|pecheur|orpailleur|forain|chauffeur|elu|maire|notable|pelerin|touriste|expatrie)"
)
MAX_TOLL = 100_000
# "21 morts à Karou, 14 à Ouatagouna", "tuant sept personnes à A et quatre à B": a number, who it
# counts maybe, then the place
PER_PLACE = re.compile(
    rf"(?<!\w){NUMBER}\s+(?:(?:morts?|tues|victimes|autres|{PEOPLE.pattern}[a-z]*)\s+)?"
    # "trois personnes ont été tuées à A et deux autres à B": the verb of the first told once
    r"(?:(?:ont ete|ont|sont)\s+(?:tues|tuees|tue|tuee|executees?|executes)\s+)?"
    r"(?:a|au|aux|dans|pour)\s+"
)
# another figure after a comma between a figure and the death word: the toll's own figure is that one
LATER_FIGURE = re.compile(rf",\s+(?:au moins\s+|plus de\s+)?{NUMBER}\s")
# a figure coordinated with a toll, its death word shared: "12 militaires et 4 civils tués" (16)
COORDINATED = re.compile(
    rf"(?<!\w){NUMBER}\s+{PEOPLE.pattern}[a-z'\-]*\s+(?:[a-z'\-]+\s+){{0,2}}?(?:et|,)\s+(?:d'|de\s+)?$"
)
# a figure coordinated after a toll told after its verb: "tuant trois civils [et deux soldats]"
FOLLOWING = re.compile(
    rf"[a-z'\-]+(?:\s+[a-z'\-]+){{0,2}}?\s*(?:,|et)\s+(?:au moins\s+)?(?<!\w){NUMBER}\s+(?={PEOPLE.pattern})"
)
# the attackers' side of a toll: "17 terroristes neutralisés", "côté ennemi, 77 morts"
ATTACKERS = re.compile(
    r"terroriste|assaillant|jihadiste|djihadiste|ennemi|combattant|bandit|insurge|rebelle|criminel|elements? du"
)


def find_toll(text: str) -> int | None:
    """Deaths a sentence reports, all sides added up; the lowest figure when two sources compete;
    0 when it says nobody died.

    >>> find_toll("Un bilan provisoire de 17 militaires tués, 22 blessés et 4 civils tués.")
    21
    >>> find_toll("Plusieurs terroristes ont été neutralisés.") is None
    True
    >>> find_toll("Selon un communiqué de l'état-major, deux soldats ont été tués et trois autres blessés.")
    2
    >>> find_toll("Selon un élu local, huit civils ont été tués et plusieurs greniers incendiés.")
    8
    >>> find_toll("faisant au moins 18 morts selon des sources militaires, tandis qu'un élu évoque « plus de 20 morts »")
    18
    """
    folded = fold_text(text)
    alternative = ALTERNATIVE.search(folded)
    if alternative is not None:
        before, after = _count(folded[: alternative.start()]), _count(folded[alternative.start() :])
        figures = [value for value in (before, after) if value is not None]
        if len(figures) == 2:
            return min(figures)
    total = _count(folded)
    if total is not None:
        return total
    return 0 if NO_CASUALTY.search(folded) else None


def tolls_by_place(text: str, places: list[str]) -> dict[str, int | None]:
    """The toll each named place gets when a sentence gives one per place: "trois personnes ont été
    tuées à Yara ; à Dissa, on dénombre deux morts" -> Yara 3, Dissa 2; None for a place whose clause
    gives none.

    >>> tolls_by_place("trois personnes ont été tuées et quinze blessées à Yara ; à Dissa, on dénombre deux morts", ["Yara", "Dissa"])
    {'Yara': 3, 'Dissa': 2}
    >>> tolls_by_place("« Trois personnes ont été tuées à Ouro et deux autres à Kobou », a-t-il dit.", ["Ouro", "Kobou"])
    {'Ouro': 3, 'Kobou': 2}
    >>> tolls_by_place("Bilan : 21 morts à Karou, 14 à Ouatagouna et 7 à Dirga.", ["Ouatagouna", "Karou", "Dirga"])
    {'Ouatagouna': 14, 'Karou': 21, 'Dirga': 7}
    """
    folded = fold_text(text)
    keys = {place: fold_text(place) for place in places}
    out: dict[str, int | None] = {place: None for place in places}
    if DEATH_WORD.search(folded) or TOLL_AFTER.search(
        folded
    ):  # "21 morts à Karou, 14 à Ouatagouna et 7 à Dirga": a number before each place
        for match in PER_PLACE.finditer(folded):
            for place, key in keys.items():
                if key and folded.startswith(key, match.end()) and out[place] is None:
                    out[place] = _number(match.group(1))
        if sum(value is not None for value in out.values()) >= 2:
            return out
        out = {place: None for place in places}
    pieces = [piece for piece in CLAUSES.split(folded) if piece and piece.strip()]
    for piece in pieces:
        named = [
            place
            for place, key in keys.items()
            if key and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", piece)
        ]
        if len(named) == 1:
            value = _count(piece)
            if value is None and NO_CASUALTY.search(piece):
                value = 0
            if value is not None:
                out[named[0]] = value
    return out


def toll_sides(text: str) -> frozenset[str]:
    """Whose deaths a sentence counts: "attackers" ("30 terroristes neutralisés", "côté ennemi, 77
    morts"), "others" (soldiers, civilians, people), both, or none.

    >>> sorted(toll_sides("Cinq soldats ont été tués et vingt-sept blessés."))
    ['others']
    >>> sorted(toll_sides("L'armée affirme avoir neutralisé plus d'une centaine d'assaillants."))
    ['attackers']
    """
    folded = fold_text(text)
    sides: set[str] = set()
    _count(folded, sides)
    return frozenset(sides)


def adds_up(told: Sequence[str], more: str) -> bool:
    """Whether a later sentence's toll counts another side than the event's sentences did: deaths
    on all sides add up (FORMAT.md), so "Cinq soldats ont été tués." then "L'armée dit avoir
    neutralisé une centaine d'assaillants." is 105; a second figure for a side already counted
    ("au total, douze militaires tués") or another source's figure is not added.

    >>> adds_up(["Cinq soldats ont été tués."], "L'armée dit avoir neutralisé une centaine d'assaillants.")
    True
    >>> adds_up(["Cinq soldats ont été tués."], "Au total, douze militaires ont été tués en trois jours.")
    False
    """
    counted = frozenset[str]().union(*(toll_sides(text) for text in told))
    new = toll_sides(more)
    return bool(counted and new and not counted & new and not ALTERNATIVE.search(fold_text(more)))


# deaths told on top of those counted: "deux autres soldats ont succombé", "portant le bilan à"
MORE_DEAD = re.compile(r"\bautres?\b|supplementaire|succomb|s'ajout|portant le bilan|porte le bilan|alourdi")


# a figure given first and superseded since: "un premier bilan faisait état de 12 soldats tués"
FIRST_FIGURE = re.compile(
    r"premier bilan|dans un premier temps|initialement|bilan initial|precedent bilan|d'abord"
)


def another_figure(told: Sequence[str], more: str) -> bool:
    """Whether a later sentence gives another figure for deaths already counted (another source's
    bilan, the army's own): FORMAT.md keeps the lowest specific one. Deaths told as more ("deux
    autres soldats ont succombé") are not another figure.

    >>> another_figure(["Au moins 16 morts ont été enregistrés, selon des sources locales."], "L'armée annonce de son côté un bilan de 5 morts.")
    True
    >>> another_figure(["Trois soldats ont été tués."], "Deux autres militaires ont succombé à leurs blessures.")
    False
    >>> another_figure(["Cinq soldats ont été tués."], "L'armée dit avoir neutralisé une centaine d'assaillants.")
    False
    """
    counted = frozenset[str]().union(*(toll_sides(text) for text in told))
    new = toll_sides(more)
    folded = fold_text(more)
    return bool(
        counted
        and new
        and new <= counted
        and not MORE_DEAD.search(folded)
        and not FIRST_FIGURE.search(folded)
    )


def civilian_toll(text: str) -> tuple[int | None, int | None]:
    """The deaths a sentence counts among civilians and among the others (soldiers, fighters), for a
    raid that is two events (FORMAT.md: "a civilian massacre and a clash with soldiers in the same raid
    are two events"): each event its own dead.

    >>> civilian_toll("Trois civils et deux soldats ont été tués lors de l'attaque du convoi.")
    (3, 2)
    >>> civilian_toll("Deux villageois ont été tués lors d'une attaque contre le poste.")
    (2, None)
    >>> civilian_toll("L'attaque du poste et du marché a fait douze morts.")
    (None, None)
    """
    parts: list[tuple[int, str]] = []
    _count(fold_text(text), parts=parts)
    civilian = [value for value, window in parts if CIVILIAN_DEAD.match(window)]
    # "12 morts" says not whose: a toll over both events, null on each (FORMAT.md)
    other = [value for value, window in parts if not CIVILIAN_DEAD.match(window) and not UNSAID.match(window)]
    return (sum(civilian) if civilian else None, sum(other) if other else None)


def _count(
    folded: str, sides: set[str] | None = None, parts: list[tuple[int, str]] | None = None
) -> int | None:
    folded = APPOSITION.sub("", BRACKETS.sub("", folded))
    total, seen = 0, False
    counted: list[tuple[int, int]] = []
    for match in [*_overlapping(TOLL, folded), *_following(_overlapping(TOLL_AFTER, folded), folded)]:
        if any(start < match.end(1) and match.start(1) < end for start, end in counted):
            continue  # "tuant 17 soldats tués": one number, counted once
        if WOUNDED.search(folded[match.end(1) : match.end(1) + 12]):
            continue  # "quinze blessés"
        if LATER_FIGURE.search(folded, match.end(1), match.end()):
            continue  # "Selon un élu local, huit civils ont été tués": the figure of the toll is the second
        after = folded[match.end(1) :].split(maxsplit=1)
        if not after or not (PEOPLE.match(after[0]) or DEATH_WORD.match(after[0])):
            continue  # "un véhicule terroriste neutralisé", "deux frappes ont neutralisé": nobody counted
        value = _number(match.group(1))
        before = folded[max(0, match.start(1) - 60) : match.start(1)]
        lowest = RANGE.search(before)
        if lowest is not None and ROSE.search(before[: lowest.start()]):
            lowest = None
        if value is not None and lowest is not None:
            value = min(value, _number(lowest.group(1)) or value)  # "de 30 à 32 morts": 30
        coordinated = COORDINATED.search(before) if lowest is None else None
        if value is not None and coordinated is not None:
            start = match.start(1) - len(before) + coordinated.start(1)
            if not any(s <= start < e for s, e in counted):
                # "douze soldats et quatre supplétifs civils … ont été tués": both counted
                value += _number(coordinated.group(1)) or 0
                counted.append((start, match.start(1) - len(before) + coordinated.end(1)))
        if value is not None and value < MAX_TOLL:
            counted.append((match.start(1), match.end(1)))
            total += value
            seen = True
            if parts is not None:
                parts.append((value, folded[match.end(1) :].lstrip()))
            if sides is not None:
                window = folded[max(0, match.start(1) - 20) : match.end() + 15]
                sides.add("attackers" if ATTACKERS.search(window) else "others")
    return total if seen else None


def _following(matches: list[re.Match[str]], folded: str) -> list[re.Match[str]]:
    """The matches of a toll after its verb, and the figures coordinated after each: "tuant trois
    civils et deux soldats" counts "deux" too."""
    out = []
    for match in matches:
        out.append(match)
        while (more := FOLLOWING.match(folded, match.end())) is not None:
            out.append(more)
            match = more
    return out


def _overlapping(pattern: re.Pattern[str], folded: str) -> list[re.Match[str]]:
    """Every match, each tried from the start after the last one's: "selon un communiqué, deux
    soldats ont été tués" holds "un … tués", which counts nobody, and "deux soldats … tués"."""
    found = []
    at = 0
    while (match := pattern.search(folded, at)) is not None:
        found.append(match)
        at = match.start() + 1
    return found


def _number(phrase: str) -> int | None:
    """The first number a phrase holds: "au moins 22" -> 22, "une dizaine" -> 10, "trois casques" -> 3."""
    words = phrase.split()
    for first in range(len(words)):
        for last in range(len(words), first, -1):  # "trois casques bleus ont été" -> "trois"
            value = parse_number(" ".join(words[first:last]))
            if value is not None and (last == len(words) or PEOPLE.match(words[last])):
                return value  # "un véhicule terroriste neutralisé" counts nobody
    return None
