"""Geo stage: a place name or phrase of French news -> Place (coordinates, regions, ACLED precision).

`Gazetteer.load` reads the bundled gazetteer into memory (see index.py); `locate` and `resolve`
then do no I/O. Phrases are read with the rules of data/geo_patterns.toml: in "à 30 km à l'est
de Tidermène" the place is Tidermène and the precision 2; in "la localité de Tibezas (Région de
Kidal)" the name is unknown, so the answer is the Kidal region, precision 3.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from vigie.geo.context import Hint, Parsed, Reading
from vigie.geo.distance import distance_km, nearness
from vigie.geo.index import PlaceIndex, Points
from vigie.geo.names import CLAUSE, fold_label, fold_name, fold_words
from vigie.geo.patterns import AREA_LEVELS, MAX_NAME_WORDS, PATTERNS, loose_key, skeleton_key
from vigie.geo.supplement import locate_abroad
from vigie.records import Place, PlaceName


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a phrase resolved to: the place (None: unplaced), and whether its name was known; an
    unknown name placed only by its area ("Tibezas (Région de Kidal)") is not known."""

    place: Place | None
    known: bool

    def __repr__(self) -> str:
        return f"Resolution(place={self.place.source_id if self.place else None!r}, known={self.known})"


class Gazetteer(PlaceIndex):
    """Place names of Mali and its neighbours, in memory: `locate` a toponym, `resolve` a phrase."""

    def __init__(
        self,
        places: list[Place],
        codes: list[str],
        levels: list[str],
        names: dict[str, tuple[int, ...]],
        loose: dict[str, tuple[int, ...]],
        meta: dict[str, str],
    ) -> None:
        super().__init__(places, codes, levels, names, loose, meta)
        self._skeletons: dict[str, list[tuple[str, tuple[int, ...]]]] = {}  # consonants -> loose keys
        for key, ids in loose.items():
            if sketch := skeleton_key(key):
                self._skeletons.setdefault(sketch, []).append((key, ids))
        self._read = lru_cache(maxsize=256)(self._read_context)

    def resolve(self, mention: str, context: str = "", hint: str = "", around: Points = ()) -> Place | None:
        """The place a French location phrase names, with its ACLED precision; `context` (its
        sentence), `hint` (the country the article is about) and `around` (the places the rest of
        the article names, see `anchors`) pick homonyms.

        >>> gazetteer = Gazetteer.load()
        >>> place = gazetteer.resolve("à 65 Km à l’Est de la ville de Nioro")
        >>> place.name, place.admin1, place.admin1_2023, place.geo_precision
        ('Nioro', 'Kayes', 'Nioro', 2)
        >>> gazetteer.resolve("dans la localité de Tibezas (Région de Kidal)").source_id
        'region:Kidal'
        >>> gazetteer.resolve("dans la localité de Tibezas") is None
        True
        """
        return self.lookup(mention, f"{context} {hint}".strip(), around).place

    def anchors(self, names: Iterable[str], country: str | None = None) -> Points:
        """Where the unambiguous names of an article are: those whose places (in `country` when it
        has some) all lie within near_km of each other. A homonym is then read near them, the
        standard coherence heuristic of geocoding: a story stays in one area ("à Hombori, dans le
        cercle de Douentza … à Batouma" is the Batouma of Douentza, not of Niafunké).

        >>> gazetteer = Gazetteer.load()
        >>> len(gazetteer.anchors(["Hombori", "Batouma"], "MLI"))
        1
        """
        out: list[tuple[float, float, str]] = []
        for name in dict.fromkeys(names):
            key = fold_name(name)
            if key in PATTERNS.not_places:
                continue
            ids = self._names.get(key) or self._loose.get(loose_key(key), ())
            places = [self.places[i] for i in ids]
            places = [p for p in places if p.country == country] or places
            places = [p for p in places if p.feature_class == "P"] or places
            first = places[0] if places else None
            if first is not None and all(
                distance_km((first.latitude, first.longitude), (p.latitude, p.longitude)) <= PATTERNS.near_km
                for p in places
            ):
                out.append((first.latitude, first.longitude, first.country))
        return tuple(out)

    def lookup(self, mention: str, context: str = "", around: Points = ()) -> Resolution:
        """`resolve`, also telling whether the name itself was known (not only its area).

        >>> gazetteer = Gazetteer.load()
        >>> gazetteer.lookup("Tibezas", "Des hommes armés ont attaqué la localité de Tibezas (Région de Kidal).")
        Resolution(place='region:Kidal', known=False)
        >>> gazetteer.lookup("Kidal", "dans la région de Kidal")
        Resolution(place='region:Kidal', known=True)
        """
        clauses = CLAUSE.split(mention)
        parsed = self._parse(fold_name(clauses[0]))
        reading = self._read(context) if context.strip() else None
        attached = list(self._find_areas(" ".join([parsed.rest, *map(fold_name, clauses[1:])])))
        where = -1
        if reading is not None:
            written = parsed.key or " ".join(fold_name(clauses[0]).split(" ")[-1:])
            where = reading.text.find(f" {written} ") if written else -1
            attached += self._attached(reading, where, len(written))
        ids = parsed.ids or self._sketch(parsed.rest, reading, attached)
        if not ids:
            return Resolution(self._fallback(attached, reading, where), known=False)
        roles = parsed.roles
        if reading is not None and where >= 0 and not _framed(roles):
            roles = self._frame(reading.text[: where + 1])
        best = self._best(self._filter(ids, roles), [], reading, attached, parsed.key, around)
        if reading is not None and where < 0 and not _framed(roles):
            where = next((at for at, key in reading.toponyms if best in self._names[key]), -1)
            if where >= 0:  # written otherwise in the context: "Nioro du Sahel" as "la ville de Nioro"
                roles = self._frame(reading.text[: where + 1])
                best = self._best(self._filter(ids, roles), [], reading, attached, parsed.key, around)
        if attached and not any(self._matches(best, h) for h in attached):
            return Resolution(self._fallback(attached, reading, where), known=False)
        place = self.places[best]
        precision = max([place.geo_precision, *(PATTERNS.role_precision.get(r, 0) for r in roles)])
        return Resolution(
            place if precision == place.geo_precision else replace(place, geo_precision=precision), known=True
        )

    def _parse(self, folded: str) -> Parsed:
        """Roles of the words before the name, then the longest known name; scan on when unknown."""
        first: Parsed | None = None
        start = 0
        while start >= 0:
            roles, at = self._strip(folded, start)
            found = self._longest(folded, at) or (None if first else self._longest(folded, at, loose=True))
            if found and self._ends_name(folded, found[2]):
                if found[0] not in PATTERNS.not_places or any(r in AREA_LEVELS for r in roles):
                    key, ids, end = found
                    return Parsed(roles, key, ids, folded[end + 1 :])
            first = first or Parsed(roles, "", (), folded[at:])
            start = self._next_phrase(folded, start)
        return first or Parsed((), "", (), "")

    def _ends_name(self, folded: str, end: int) -> bool:
        """Whether a name found up to `end` is whole: what follows opens a phrase ("et de", "dans"),
        is another name ("Gao-Ansongo") or a suffix ("Kidal-Nord"), not more of an unknown name."""
        rest = folded[end + 1 :]
        if not rest or PATTERNS.rules.match(rest):
            return True
        word = rest.split(" ", 1)[0]
        return word in PATTERNS.name_suffixes or self._longest(rest, 0) is not None

    @staticmethod
    def _next_phrase(folded: str, start: int) -> int:
        """Offset of the next word that opens a phrase ("à", "près de"), or -1."""
        while (start := folded.find(" ", start) + 1) > 0:
            if PATTERNS.rules.match(folded, start):
                return start
        return -1

    def _strip(self, folded: str, at: int, back: bool = False) -> tuple[tuple[str, ...], int]:
        """Consume the phrase patterns at `at` (also those read `back` from a name in a context);
        stop where a known name is longer than the pattern ("Mare de Toya")."""
        rules, roles_of = (
            (PATTERNS.frame_rules, PATTERNS.frame_roles) if back else (PATTERNS.rules, PATTERNS.roles)
        )
        roles: list[str] = []
        while match := rules.match(folded, at):
            found = self._longest(folded, at)
            if found and found[2] > match.end():
                break
            roles.append(roles_of[int(str(match.lastgroup)[1:])])
            at = match.end() + 1
        return tuple(roles), at

    def _sketch(self, rest: str, reading: Reading | None, attached: Sequence[Hint]) -> tuple[int, ...]:
        """Places whose consonants match an unknown name: all of them when one letter away from a
        long name ("Tidermène"), else those the context supports, by an area it names or a place
        of the same country it names nearby ("Deguessagou" near "Diallassagou")."""
        words = rest.split(" ", MAX_NAME_WORDS)[:MAX_NAME_WORDS]
        hints = [*attached, *(reading.areas if reading else ())]
        points = reading.points if reading else ()
        for count in range(len(words), 0, -1):
            if " ".join(words[:count]) in PATTERNS.not_places:
                return ()  # "Burkina Faso" is not a misspelt "Bourkina"
            loose = loose_key(" ".join(words[:count]))
            similar = self._skeletons.get(skeleton_key(loose), [])
            if len(loose) >= PATTERNS.alone_letters:
                # not in a country the context does not name: "Boulkessi" near "Mondoro" is no "Boulikéssi" of Burkina
                countries = {country for *_, country in points}
                close = [
                    i
                    for key, ids in similar
                    if Levenshtein.distance(key, loose) <= 1
                    for i in ids
                    if not countries or self.places[i].country in countries
                ]
                if close:
                    return tuple(dict.fromkeys(close))
            supported = [
                i
                for _, ids in similar
                for i in ids
                if any(self._matches(i, h) for h in hints) or self._near_compatriot(i, points)
            ]
            if supported:
                return tuple(dict.fromkeys(supported))
        return ()

    def _near_compatriot(self, index: int, points: Sequence[tuple[str, float, float, str]]) -> bool:
        """Whether a place of the same country named in the context is within around_km."""
        place = self.places[index]
        others = [(lat, lon) for _, lat, lon, country in points if country == place.country]
        return bool(others) and nearness(place, others, PATTERNS.near_km, PATTERNS.around_km) > 0

    def _frame(self, before: str) -> tuple[str, ...]:
        """Roles of the phrase that ends `before`: "… à 65 km à l est de la ville de " is near, place."""
        window = before[-PATTERNS.frame_window :]
        match = PATTERNS.frame.search(window[window.find(" ") :])
        return self._strip(match.group(1), 0, back=True)[0] if match else ()

    def _filter(self, ids: tuple[int, ...], roles: Sequence[str]) -> tuple[int, ...]:
        """Keep the areas of the level a "région de" or "cercle de" asks for, when there are some."""
        area = next((r for r in reversed(roles) if r in AREA_LEVELS), None)
        if area is None:
            return ids
        kept = tuple(i for i in ids if self._levels[i] in AREA_LEVELS[area])
        if not kept and area == "region":  # "région de Bourem": no such region, but a cercle
            kept = tuple(i for i in ids if self._levels[i] in AREA_LEVELS["area2"])
        return kept or ids

    def _find_areas(self, folded: str) -> Iterable[Hint]:
        """Areas named as such ("région de Kidal", "cercle de Koro") in a folded text."""
        for match in PATTERNS.areas.finditer(folded):
            found = self._longest(folded, match.end())
            levels = AREA_LEVELS["region" if match.group("region") else "area2"]
            area = next((i for i in found[1] if self._levels[i] in levels), -1) if found else -1
            if area >= 0:
                field = self._levels[area]
                value = fold_label(getattr(self.places[area], field) or "")
                yield Hint(field, value, area, match.start())

    def _attached(self, reading: Reading, where: int, length: int) -> list[Hint]:
        """Areas right after the name in the context, only small words between: "Tibezas (Région de Kidal)"."""
        if where < 0:
            return []
        end = where + length + 1
        return [
            h
            for h in reading.areas
            if 0 <= h.position - end <= PATTERNS.attached_chars
            and PATTERNS.skips.fullmatch(reading.text[end : h.position])
        ]

    def _read_context(self, context: str) -> Reading:
        words = fold_words(context)
        text = f" {' '.join(w for w, _ in words)} "
        countries = tuple(
            Hint("country", PATTERNS.countries[m.group("name")], position=m.start())
            for pattern in PATTERNS.country_hints
            for m in pattern.finditer(text)
        )
        areas = tuple(self._find_areas(text))
        named = {m.end() for m in PATTERNS.areas.finditer(text)}  # "région de Ségou": an area, not a point
        toponyms: list[tuple[int, str]] = []
        points: list[tuple[str, float, float, str]] = []
        offset, index = 0, 0
        while index < len(words):
            word, capitalised = words[index]
            found = self._longest(text, offset + 1) if capitalised and offset + 1 not in named else None
            if found and found[0] not in PATTERNS.not_places and len(found[0]) > 2:
                toponyms.append((offset, found[0]))
                points += [
                    (found[0], self.places[i].latitude, self.places[i].longitude, self.places[i].country)
                    for i in found[1][:5]
                    if not self._levels[i]
                ]
                for _ in range(found[0].count(" ") + 1):
                    offset += len(words[index][0]) + 1
                    index += 1
                continue
            offset += len(word) + 1
            index += 1
        return Reading(text, areas, countries, tuple(toponyms), tuple(points))

    def _fallback(self, attached: Sequence[Hint], reading: Reading | None, where: int) -> Place | None:
        """The area an unknown name is put in: attached to it, else the one area its context names."""
        areas = [h for h in attached if h.area >= 0]
        if not areas and reading is not None and reading.areas:
            distinct = {(h.field, h.value) for h in reading.areas}
            if where < 0 and len(distinct) > 1:
                return None  # several areas and the name is not in the context: no guess
            areas = sorted(reading.areas, key=lambda h: abs(h.position - max(where, 0)))[:1]
        if not areas:
            return None
        return self.places[min(areas, key=lambda h: (self.places[h.area].geo_precision, h.position)).area]


class Recording:
    """A gazetteer that notes each phrase it resolves for one article (the `toponyms` table);
    it stands where the events stage expects a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, article_id: str) -> None:
        self.gazetteer = gazetteer
        self.article_id = article_id
        self.names: list[PlaceName] = []
        self._seen: set[tuple[str, str]] = set()

    def locate(self, name: str, admin1: str | None = None, country: str | None = None) -> Place | None:
        """`Gazetteer.locate`, not noted: the events stage asks it of every capitalised word."""
        return self.gazetteer.locate(name, admin1, country)

    def prominence(self, place: Place) -> int:
        """`Gazetteer.prominence`: how well known a place is."""
        return self.gazetteer.prominence(place)

    def anchors(self, names: Iterable[str], country: str | None = None) -> Points:
        """`Gazetteer.anchors`: where the unambiguous names of an article are."""
        return self.gazetteer.anchors(names, country)

    def resolve(self, mention: str, context: str = "", hint: str = "", around: Points = ()) -> Place | None:
        """`Gazetteer.resolve`, noting the name, its sentence and whether it was known, once each."""
        found = self.gazetteer.lookup(mention, f"{context} {hint}".strip(), around)
        if fold_name(mention) in PATTERNS.not_places:
            return found.place  # "au Mali", "le Sahel": never a place to add
        if (mention, context) not in self._seen:
            self._seen.add((mention, context))
            self.names.append(PlaceName(self.article_id, mention.strip(), context, found.known))
        return found.place

    def resolve_abroad(self, mention: str, context: str = "") -> Place | None:
        """A venue abroad (`vigie.geo.supplement.locate_abroad`: "Moscou", "Abu Dhabi"); the name,
        noted as unknown by `resolve`, is then noted as known."""
        place = locate_abroad(mention)
        if place is not None:
            self.names = [
                replace(noted, resolved=True)
                if (noted.name, noted.sentence) == (mention.strip(), context)
                else noted
                for noted in self.names
            ]
        return place


def _framed(roles: Sequence[str]) -> bool:
    """Whether the words before a name say what it is ("cercle de", "près de"), not just "à"."""
    return any(role != "skip" for role in roles)
