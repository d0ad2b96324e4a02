"""Siting a security event: the places a sentence puts it at, resolved in the gazetteer.

Direct places ("à Nouna", "le village de Sakoani") come first, then references ("à l'est de X"),
routes, cercles and regions; a country alone places an event that says no more (FORMAT.md: its
name, precision 3). Names of actors, people and governments ("Bamako accuse Alger") are not places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Protocol

from vigie.events.lexicon import Found, fold_text
from vigie.events.places import Toponym, find_toponyms
from vigie.events.tree import token_at
from vigie.frnumber import parse_number
from vigie.geo.boundary import Boundaries
from vigie.geo.index import Points
from vigie.nlp import Analysis
from vigie.records import Place, Sentence
from vigie.segment.published import DATELINE  # "Bamako, 8 sept 2023 (AFP) - ": where the report was written

# "Radisson Blu de Bamako", "Président Modibo Keïta de Bamako": the place is after the last "de"
TAIL = re.compile(r"\s(?:de|du|d')\s*([A-ZÀ-Ý][\w\-]*\w(?:\s+[A-ZÀ-Ý][\w\-]*\w)*)$")
# "dans la localité de Tibezas", "le village peul d'Ogossagou": an unknown name given as a place
PLACE_WORD_BEFORE = re.compile(
    r"(?:localite|village|hameau|commune|ville|camp|poste|quartier|site|campement|secteur|foret|zone|axe|domicile|pont)"
    r"s?(?:\s+\w+){0,2}?\s+(?:de\s+|d'|du\s+)$"  # "les villages voisins d'Idiely": plural too
)
# what a town holds, named by its town: "le marché de Diafarabé", "les greniers de Dinangourou" (a
# name the gazetteer knows after these is the place, though the tagger reads a person)
HELD_BEFORE = re.compile(
    r"(?:marche|foire|mosquee|eglise|ecole|mairie|prefecture|gare|dispensaire|centre de sante|greniers?|"
    r"boutiques|maisons|habitations|puits|barrage|mine|site d'orpaillage)\s+(?:de\s+|d'|du\s+)$"
)
# ", un campement du département de Tillia", ", dans la région de Diffa", " (région de Kidal)": what
# follows a name that is a place
PLACE_WORD_AFTER = re.compile(
    r"^\s*(?:,\s*|\()\s*(?:(?:un|une|le|la|petit|petite|gros)\s+)?(?:village|localite|hameau|campement|commune|ville|"
    r"bourgade|chef-lieu|site|dans la region|dans le cercle|dans le departement|dans la province|dans la commune|"
    r"region|cercle|departement|province|a \d+ km|situe|non loin|pres|"
    # "à Wourougoudou, à l'ouest d'Arbinda": a name placed by its bearing from a town
    r"(?:a l'|au )(?:nord|sud|est|ouest)(?:-est|-ouest)?\s+(?:de|d'|du))"
)
# the country an article is about, named beside a place name to pick among homonyms
COUNTRY_HINT = {"MLI": "Mali", "BFA": "Burkina Faso", "NER": "Niger"}
# an event told only as "au Burkina Faso", "dans le nord du Mali": the country is its place
IN_COUNTRY = re.compile(
    r"(?:\bau|dans (?:le |l')(?:nord|sud|centre|est|ouest)(?:[- ](?:est|ouest))? du|sur le territoire du"
    r"|a travers le)\s+(mali|burkina(?: faso)?|niger)\b(?!\s+(?:et|ou)\b)"
)
APPOSED = re.compile(r"[A-ZÀ-Ý][\w'’-]*\w\s*,\s*$")  # "Gao, " before "au Mali"
COUNTRY_OF_WORD = {"mali": "MLI", "burkina": "BFA", "burkina faso": "BFA", "niger": "NER"}
# "à Moura", "dans Gao": a name spaCy calls a place, introduced as one
AT_PLACE = re.compile(r"(?:^|\s)(?:a|dans|pres de)\s+$")  # "à Tominian"
LOCATIVE_BEFORE = re.compile(
    r"(?:^|\s)(?:a|au|dans|vers|sur|pres de|de)\s+$|(?:^|\s)pres d'$"
)  # "près d'Intahaka"
# "ont attaqué Ogossagou": the object of an attack verb is a place
ATTACKED_BEFORE = re.compile(
    r"(?:attaque|attaquent|attaquaient|assiege|pris d'assaut|investi|encercle|vise|visant|frappe|bombarde)\s+$"
)
# between two names of one list: "Diallassagou, Dianweli et Deguessagou"
LISTED = re.compile(r"^\s*(?:,|et|,\s*et|ou)\s*(?:de\s+|d'|du\s+|a\s+|à\s+)?$")
# "à l'est de Nioro, ainsi qu'au nord de Kayes": two places struck
# ("la première entre Dia et Diafarabé, la seconde entre Koumara et Macina": two places)
# ("au nord-est de Kidal … ; dans la même zone, au sud d'Attara, une autre frappe": a semicolon
# opens a clause of its own, with its own place)
ALSO = re.compile(r"ainsi qu|de meme qu|et aussi|(?:la|le) (?:seconde?|deuxieme)\b|l'autre\b|;")
# a place told before, then its container: "dans cette commune du département de Bosso"
THIS_PLACE_IN = re.compile(
    r"\b(?:ce|cette|cet)\s+(?:village|localite|commune|hameau|ville|campement|bourgade)\s+"
    r"(?:du|de la|de l')\s*(?:cercle|departement|commune|region|province|prefecture)\s+(?:de\s+|d'|du\s+)?$"
)
# a locative put first after a connective: "Puis, à X,", "Enfin, à X,", "Le même jour, à X,"
FRONTED = re.compile(r"^\W*(?:[\w'-]+\s+){0,3}?[\w'-]+\s*,\s*a\s+$")
# a second place told with the preposition of the first: "…, et de Diougani", "…, ainsi qu'à Boni"
PARALLEL = re.compile(r"(?:,\s*|\s)(?:et|ainsi qu'|ainsi que|puis)\s*(de|d'|a)\s*$")
# "faisant respectivement six et deux morts": one figure per place listed, in order
RESPECTIVELY = re.compile(
    r"\brespectivement\s+((?:[\w-]+(?:\s*,\s*|\s+et\s+|\s+))+?)(?:morts?|tues?|victimes)\b"
)
# a building or quarter named after its town: "à Moscou, au Crocus City Hall"
VENUE_AFTER = re.compile(r"^\s*,\s*(?:au|a la|a l'|aux|dans le|dans la|dans l')\s*$")
# between the two ends of one stretch of road: "entre Oursi et Déou", "l'axe Oursi-Déou",
# "la route reliant Douentza à Boni"
ENDS = re.compile(r"^\s*(?:et|-|a|à)\s*(?:de\s+|d'|du\s+|la ville de\s+|la localite de\s+)?$")
MAX_PLACES = 6  # a sentence listing more places than this is a summary, not events


class Locate(Protocol):
    """What the events stage needs of the gazetteer (vigie.geo.Gazetteer)."""

    def locate(self, name: str, admin1: str | None = None, country: str | None = None) -> Place | None: ...

    def resolve(
        self, mention: str, context: str = "", hint: str = "", around: Points = ()
    ) -> Place | None: ...

    def anchors(self, names: Iterable[str], country: str | None = None) -> Points: ...

    def prominence(self, place: Place) -> int: ...


class Siting:
    """Where the events of a sentence happened (country words and capitals loaded once)."""

    def __init__(self, countries: frozenset[str], capitals: frozenset[str]) -> None:
        self.countries = countries | frozenset(COUNTRY_OF_WORD)  # and the short "Burkina"
        self.capitals = capitals
        borders = Boundaries.load()
        self.country_places = {
            iso: Place(name, lat, lon, iso, None, None, None, None, 3, "A", 0, f"country:{iso}")
            for iso, name in COUNTRY_HINT.items()
            if (centre := borders.centre(iso)) is not None
            for lat, lon in [centre]
        }

    def title_places(self, title: Sentence, locate: Locate | None) -> list[tuple[Toponym, Place | None, int]]:
        """The place a headline names ("Mali : blocus jihadiste sur le village de Dinangourou",
        "… pris pour cible près de Diéma"), else the place it opens with ("Kidal : …")."""
        if locate is None:
            return []
        places = self.places(title, Analysis((title,), (), frozenset(), True), [], locate)
        if places:
            return places[:1]
        head = re.match(r"^\s*#?\s*([^:]{2,40}?)\s*:\s", title.text)
        if head is None:
            return []
        name = head.group(1).strip()
        place = locate.locate(name)
        if place is None or fold_text(name) in self.countries:
            return []
        return [(Toponym(name, 0, len(name), "direct"), place, place.geo_precision)]

    def country_place(
        self, folded: str, sentence: Sentence, locate: Locate | None, country: str, stated: bool
    ) -> list[tuple[Toponym, Place | None, int]]:
        """A dated event placed only in a country ("dans le nord du Burkina Faso", "au Mali"):
        FORMAT.md codes the country's French name, region null, precision 3."""
        if not stated:
            return []
        found = {
            COUNTRY_OF_WORD[m.group(1)]
            for m in IN_COUNTRY.finditer(folded)
            if not APPOSED.search(sentence.text[: m.start()])
        }  # "pour rejoindre Gao, au Mali, …": the country of a place named, not where it happened
        if len(found) != 1:
            return []
        place = self.country_places.get(found.pop())
        if place is None:
            return []
        return [(Toponym(place.name, 0, 0, "direct"), place, 3)]

    def places(
        self,
        sentence: Sentence,
        analysis: Analysis,
        actors: list[Found],
        locate: Locate | None,
        told_from: int = 0,
        hint: str = "",
        around: Points = (),
    ) -> list[tuple[Toponym, Place | None, int]]:
        """The places an event of this sentence is at: direct ones, else references, else containers;
        `around` are the places the article names unambiguously (they pick among homonyms)."""
        text = sentence.text
        people = [
            (m.start - sentence.start, m.end - sentence.start)
            for m in analysis.mentions
            if m.label in {"PER", "ORG", "MISC"} and sentence.start <= m.start < sentence.end
        ]
        actor_spans = {(f.start, f.end) for f in actors}
        taken = [(f.start, f.end) for f in actors] + people
        resolved: list[tuple[Toponym, Place | None]] = []
        places_said = [
            (m.start - sentence.start, m.end - sentence.start)
            for m in analysis.mentions
            if m.label == "LOC" and sentence.start <= m.start < sentence.end
        ]
        text_for_places = _without_dateline(text)
        for toponym in find_toponyms(text_for_places):
            if toponym.role == "other" or toponym.start < told_from:
                continue  # "Selon la gendarmerie de Koutiala, …": who tells it, not where
            listed = (
                (
                    bool(resolved)
                    and len(toponym.name) > 3  # "Sebabougou, Cer." is a teaser cut short
                    and LISTED.match(text[resolved[-1][0].end : toponym.start]) is not None
                )
                or _coordinated(sentence, toponym, resolved)
            )
            # "les villages de Diallassagou, Dianweli et Deguessagou": listed with a place
            overlaps = [(s, e) for s, e in taken if s < toponym.end and toponym.start < e]
            tail = TAIL.search(toponym.name)
            if overlaps and tail is not None and max(e for _, e in overlaps) <= toponym.start + tail.start(1):
                # "du camp de la MINUSMA de Tessalit": the actor's place after it, not the actor
                begins = toponym.start + tail.start(1)
                toponym = Toponym(tail.group(1), begins, toponym.end, toponym.role, toponym.qualifies)
                overlaps = []
            introduced = _introduced(text, toponym)  # "à Nouna", "le village de Sakoani", "X, un campement"
            at = AT_PLACE.search(
                fold_text(text[max(0, toponym.start - 12) : toponym.start])
            ) or HELD_BEFORE.search(fold_text(text[max(0, toponym.start - 30) : toponym.start]))
            known_at = at is not None and locate is not None and locate.locate(toponym.name) is not None
            if any((s, e) in actor_spans for s, e in overlaps) or (
                overlaps and toponym.role == "direct" and not listed and not introduced and not known_at
            ):  # ("à Tominian", a known place after "à", is a place even when the parser saw a person)
                continue  # "Souleymane Dembélé", "katiba Macina": a person or an actor, not a place
            named = self._known_name(toponym, locate)
            if named is None:
                said = any(start <= toponym.start and toponym.end <= end for start, end in places_said)
                said = said and bool(
                    LOCATIVE_BEFORE.search(fold_text(text[max(0, toponym.start - 12) : toponym.start]))
                )
                if not (said or listed or introduced):
                    continue
                named = toponym
            if fold_text(named.name) in self.countries:
                continue  # "au Niger", "la France": a country, not where the event is
            if toponym.role in {"cercle", "region"} and THIS_PLACE_IN.search(
                fold_text(text[: toponym.start])
            ):
                return []  # "dans cette commune du département de Bosso": the place told before, inside Bosso
            if fold_text(named.name) in self.capitals and not LOCATIVE_BEFORE.search(
                fold_text(text[max(0, named.start - 14) : named.start])
            ):
                continue  # "en guerre contre Bamako", "Bamako accuse Alger": the government, not a place
            # the article's country picks among homonyms ("au Niger": Bosso by Lake Chad, not Bosso of Ségou)
            if (
                locate is not None
                and resolved
                and resolved[-1][0].role == "direct"
                and toponym.role == "direct"
                and VENUE_AFTER.match(fold_text(text[resolved[-1][0].end : toponym.start]))
                and locate.locate(named.name) is None
            ):
                continue  # "à Moscou, au Crocus City Hall": a building of the town named before
            place = (
                locate.resolve(named.name, text, f"au {hint}" if hint else "", around)
                if locate is not None
                else None
            )
            resolved.append((named, place))
        direct_known = any(t.role in {"direct", "cercle", "home"} and p is not None for t, p in resolved)
        subordinate = {id(t) for t, _ in resolved if t.qualifies and direct_known}
        for role, precision in (
            ("direct", 1),
            ("reference", 2),
            ("route", 2),
            ("cercle", 2),
            ("region", 3),
            ("home", 1),
        ):
            chosen = [(t, p) for t, p in resolved if t.role == role and id(t) not in subordinate]
            if role in {"reference", "route"} and locate is not None:
                chosen = _better_known_ends(text, chosen, locate)  # "entre Oursi et Déou": one place
            if role == "reference" and any(p is not None for _, p in chosen):
                # "dans la zone de Mousafa, à 35 km au sud de Dioumara": an area the gazetteer does not
                # know, described by a town it knows, is near that town
                chosen = [(t, p) for t, p in chosen if p is not None]
            if role in {"reference", "route"}:  # "à l'est de X": one place described, however many references
                chosen = chosen[:1] + [
                    (t, p)
                    for (a, _), (t, p) in pairwise(chosen)
                    if role == "reference" and ALSO.search(fold_text(text[a.end : t.start]))
                ]  # "… de Nioro du Sahel, ainsi qu'au nord de Kayes": a second place
            if role == "cercle":  # "la commune de Dialloubé, dans le cercle de Mopti": the commune
                chosen = chosen[:1] + [
                    (t, p) for (a, _), (t, p) in pairwise(chosen) if LISTED.match(text[a.end : t.start])
                ]  # "dans les cercles de Goundam et de Niafunké": both
            if chosen:
                containers = [(t, p) for t, p in resolved if t.role in {"cercle", "region"} and p is not None]
                if not containers and role == "direct":
                    # "au village de Tiboulkoum, à l'ouest d'Arbinda": an unknown village near a known
                    # town is placed near the town (precision 2), under its own name
                    containers = [(t, p) for t, p in resolved if t.role == "reference" and p is not None][:1]
                if (
                    containers
                ):  # "les villages de Daoutegeft et Dirga, dans le cercle d'Ansongo": placed there
                    area_role, area = containers[0]
                    chosen = [
                        (
                            t,
                            p
                            if p is not None
                            else replace(area, geo_precision=3 if area_role.role == "region" else 2),
                        )
                        for t, p in chosen
                    ]
                return [(t, p, _precision(p, precision)) for t, p in chosen[:MAX_PLACES]]
        return []

    def _known_name(self, toponym: Toponym, locate: Locate | None) -> Toponym | None:
        """The toponym, or its tail after "de" ("Radisson Blu de Bamako" -> "Bamako"), if the gazetteer knows it."""
        if locate is None:
            return toponym
        if locate.locate(toponym.name) is not None:
            return toponym
        if toponym.role == "region":  # "la région de l'Est", "du Sahel": a region named by a common word
            region = locate.resolve(f"région de {toponym.name}")
            if region is not None and region.feature_class == "A" and region.geo_precision == 3:
                return toponym
        tail = TAIL.search(toponym.name)
        if tail is not None and locate.locate(tail.group(1)) is not None:
            offset = toponym.end - len(tail.group(1))
            return Toponym(tail.group(1), offset, toponym.end, toponym.role, toponym.qualifies)
        return None


def _coordinated(sentence: Sentence, toponym: Toponym, resolved: list[tuple[Toponym, Place | None]]) -> bool:
    """Whether the parse coordinates a name with a place taken before ("les villages de Yoro, où …,
    et de Diougani, où …"): a list, however long the words between, though the tagger reads a person."""
    if not resolved:
        return False
    text = fold_text(sentence.text)
    before = PARALLEL.search(text[max(0, toponym.start - 20) : toponym.start])
    last = resolved[-1][0]
    if before is not None and re.search(
        rf"(?:^|\s){before.group(1)}\s*$", text[max(0, last.start - 4) : last.start]
    ):
        return True  # the preposition of the place before, repeated: "à Yoro, où …, et à Diougani, où …"
    index = token_at(sentence, sentence.start + toponym.start) if sentence.tokens else None
    if index is None or sentence.tokens[index].dep != "conj":
        return False
    head = sentence.tokens[sentence.tokens[index].head].start - sentence.start
    return any(t.start <= head < t.end for t, _ in resolved)


def respective_tolls(text: str, names: Sequence[str]) -> dict[str, int | None]:
    """The figures "respectivement" gives the places of a list, in order ("ont visé A et B,
    faisant respectivement six et deux morts": six at A, two at B); {} when they do not pair up."""
    match = RESPECTIVELY.search(fold_text(text))
    if match is None:
        return {}
    figures = [n for word in re.findall(r"[\w-]+", match.group(1)) if (n := parse_number(word)) is not None]
    return dict(zip(names, figures, strict=True)) if len(figures) == len(names) > 1 else {}


# "les villages voisins de Doulin et de Bourdala": adjacent villages, named as such
ADJACENT_BEFORE = re.compile(
    r"(?:villages|localites|hameaux|campements)\s+voisins?e?s?\s+(?:de\s+|d'|du\s+)$"
)


def adjacent(text: str, places: Sequence[tuple[Toponym, Place | None, int]]) -> bool:
    """Whether a list of places is told as adjacent villages ("ont fait irruption dans les villages
    voisins de A et de B"): one list, with nothing of its own told of each (FORMAT.md: adjacent
    villages given one joint outcome are one event at the first named)."""
    first = min((t for t, _, _ in places), key=lambda t: t.start)
    return bool(ADJACENT_BEFORE.search(fold_text(text[max(0, first.start - 40) : first.start]))) and listed(
        text, places
    )


def inside(place: Place | None, region: Place | None) -> bool:
    """Whether a precise place lies in a region-only place."""
    if place is None or region is None or place.geo_precision == 3:
        return False
    return place.admin1 is not None and place.admin1 == region.admin1


def listed(text: str, places: Sequence[tuple[Toponym, Place | None, int]]) -> bool:
    """Whether the places are one list of the sentence: "à Dambam, Gudba et Tokabangou"."""
    ordered = sorted((t for t, _, _ in places), key=lambda t: t.start)
    return all(LISTED.match(text[a.end : b.start]) is not None for a, b in pairwise(ordered))


def _better_known_ends(
    text: str, chosen: list[tuple[Toponym, Place | None]], locate: Locate
) -> list[tuple[Toponym, Place | None]]:
    """Each stretch of road told by its two ends ("entre Teguey et Bankilaré", "l'axe Oursi-Déou",
    "reliant Douentza à Boni") reduced to its better-known end (FORMAT.md), at precision 2: the
    seat of the higher administrative level, else the larger town, else the one the gazetteer
    spells as written, else the second named (the press names the small place first and anchors
    it with the town it leads to)."""
    out: list[tuple[Toponym, Place | None]] = []
    paired = False
    for index, item in enumerate(chosen):
        if paired:
            paired = False
            continue
        if index + 1 < len(chosen):
            following = chosen[index + 1]
            between = fold_text(text[item[0].end : following[0].start])
            road = item[0].role == "route" or "entre" in fold_text(
                text[max(0, item[0].start - 40) : item[0].start]
            )
            if ENDS.match(between) and (road or between.strip() == "-"):
                folded = fold_text(text)
                out.append(max((following, item), key=lambda end: _known(end, locate, folded)))
                paired = True
                continue
        out.append(item)
    return out


def _known(
    end: tuple[Toponym, Place | None], locate: Locate, folded: str = ""
) -> tuple[bool, int, int, bool]:
    """Rank of a road's end: whether the sentence names it again ("sur l'axe Bankass-Koro, à une
    quinzaine de kilomètres de Bankass": the text itself says which end it was near), its
    administrative level, its size, whether the gazetteer has the name as written (not only a near
    spelling)."""
    toponym, place = end
    again = len(re.findall(rf"(?<!\w){re.escape(fold_text(toponym.name))}(?!\w)", folded)) >= 2
    if place is None:
        return (again, -1, -1, False)
    return (
        again,
        locate.prominence(place),
        place.population,
        fold_text(place.name) == fold_text(toponym.name),
    )


def _precision(place: Place | None, default: int) -> int:
    if place is None:
        return default
    return max(default, place.geo_precision)


def _introduced(sentence: str, toponym: Toponym) -> bool:
    """A name introduced as a place: "dans la localité de Tibezas", "le village de Sincina", "à
    Bakorat, un campement du département de Tillia", "à Chétima Wango, dans la région de Diffa"."""
    before = fold_text(sentence[max(0, toponym.start - 40) : toponym.start])
    after = fold_text(sentence[toponym.end : toponym.end + 60])
    # "À Bankass aussi, des habitants …", "Enfin, à Trignien, les terroristes …": a locative put
    # first, set off by commas, is where the clause happens
    scene = fold_text(sentence[: toponym.start]).strip() == "a" or bool(
        FRONTED.search(fold_text(sentence[: toponym.start])) and re.match(r"\s*,", sentence[toponym.end :])
    )
    return bool(
        scene
        or PLACE_WORD_BEFORE.search(before)
        or ATTACKED_BEFORE.search(before)
        or (LOCATIVE_BEFORE.search(before) and PLACE_WORD_AFTER.match(after))
    )


def article_names(sentences: Iterable[Sentence]) -> list[str]:
    """The toponyms an article names in the roles of a scene, a reference or an area (not the
    origins, titles and reporting places of `places.OTHER_BEFORE`): the story's area."""
    return [
        t.name
        for sentence in sentences
        for t in find_toponyms(_without_dateline(sentence.text))
        if t.role != "other"
    ]


def _without_dateline(text: str) -> str:
    """The sentence with its opening dateline blanked: "Bamako, le 27 mars 2020 – …" is not where it happened."""
    match = DATELINE.match(text)
    return " " * match.end() + text[match.end() :] if match else text
