"""Lexicons of the events stage: the TOML files of events/patterns compiled into matchers.

A pattern is a French phrase. Matching runs on text folded by `fold_text` (lower case, no
accents, one apostrophe), which keeps every offset of the original text. In a pattern, a word
ending in "*" matches any ending and a lone "*" matches one to three words.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from vigie.errors import ConfigError
from vigie.frdate import fold

CACHE_SIZE = 2048  # sentences whose aliases a gazette keeps
FOLDED_KEPT = 256  # texts whose folding `fold_text` keeps (an article asks again for a third of them)
LETTERS = re.compile(r"\w+")  # a run of letters or digits: what `Sieve` looks words up by
WORDS_KEPT = 50_000  # the words whose lists a Sieve keeps (the vocabulary of a few thousand articles)
WORD_GAP = r"[\s'’\-«»\"“”]+"  # between the words of a phrase: "cache d'armes", "attentat-suicide", "d'« illégitime »"


@lru_cache(maxsize=FOLDED_KEPT)
def fold_text(text: str) -> str:
    """Fold for matching; one character in, one out, so offsets carry over. The rules fold the
    same sentence and names many times over an article: the last answers are kept.

    >>> fold_text("L’armée malienne")
    "l'armee malienne"
    """
    return fold(text).replace("’", "'")


def compile_phrases(patterns: list[str]) -> re.Pattern[str]:
    """One regex for a list of phrases, longest first, on word boundaries.

    >>> bool(compile_phrases(["cache* d'armes"]).search("une importante cache d'armes et de munitions"))
    True
    >>> compile_phrases(["detrui* * base*"]).search("ont detruit de nouvelles bases").group()
    'detruit de nouvelles bases'
    """
    if not patterns:
        return re.compile(r"(?!x)x")  # matches nothing
    alternatives = [_phrase(p) for p in sorted(set(patterns), key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + _alternation(alternatives) + r")(?!\w)")


# A phrase's regex as a list of pieces: a letter it must hold (True, "a") or a regex (False, r"\w*")
Piece = tuple[bool, str]


def _phrase(pattern: str) -> list[Piece]:
    pieces: list[Piece] = []
    for word in fold_text(pattern).split():
        if pieces:
            pieces.append((False, WORD_GAP))
        if word == "*":  # one to three words: "détruit * bases" matches "détruit de nouvelles bases"
            pieces.append((False, r"[\w'’\-]+(?:[\s'’\-]+[\w'’\-]+){0,2}"))
        elif word.endswith("*"):
            pieces += [(True, c) for c in word[:-1]] + [(False, r"\w*")]
        else:
            pieces += [(True, c) for c in word]
    return pieces


def _alternation(alternatives: list[list[Piece]]) -> str:
    r"""The alternatives as one regex that tries them in the same order, with those of a common
    first letter gathered behind it ("eta(?:ts|…)"): the regex engine tries each alternative at
    each position of the text, so a few hundred phrases cost a few hundred tests per character;
    gathered, a test per distinct first letter. Alternatives with different first letters cannot
    both match at one position, so the first alternative that matches is the one it was before.

    >>> print(_alternation([_phrase("etats"), _phrase("eta*"), _phrase("mali")]))
    eta(?:ts|\w*)|mali
    """
    return "|".join(_gathered(alternatives))


def _gathered(alternatives: list[list[Piece]]) -> list[str]:
    if len(alternatives) > 1 and all(alt and alt[0][0] for alt in alternatives):
        groups: dict[str, list[list[Piece]]] = {}
        for alt in alternatives:
            groups.setdefault(alt[0][1], []).append(alt[1:])
        out = []
        for letter, rests in groups.items():
            inner = _gathered(rests)
            out.append(re.escape(letter) + (inner[0] if len(inner) == 1 else f"(?:{'|'.join(inner)})"))
        return out
    return ["".join(re.escape(text) if letter else text for letter, text in alt) for alt in alternatives]


class Sieve:
    """Which of several phrase lists (each one `compile_phrases`' regex) a folded text may match,
    told from its words in a few look-ups, so that only those regexes run.

    Each phrase holds a word of letters the text must hold whole ("armes" of "cache* d'armes"), or
    begin one of its words with ("attaqu" of "attaqu*"): a list none of whose phrases' words the
    text holds cannot match. A phrase of wildcards only keeps its list always in.

    >>> sieve = Sieve([["cache* d'armes"], ["attaqu*", "embuscade"], ["* bases"]])
    >>> sieve.candidates(fold_text("Une cache d'armes a été découverte après l'attaque."))
    [0, 1]
    >>> sieve.candidates(fold_text("Le convoi est arrivé à Gao."))
    []
    """

    def __init__(self, lists: list[list[str]]) -> None:
        self.words: dict[str, set[int]] = {}  # a whole word -> the lists one of whose phrases holds it
        self.stems: dict[str, set[int]] = {}  # the same for the beginnings of words ("attaqu*")
        self.always: set[int] = set()
        for index, phrases in enumerate(lists):
            for phrase in phrases:
                key = _key_word(phrase)
                if key is None:
                    self.always.add(index)
                else:
                    (self.stems if key[1] else self.words).setdefault(key[0], set()).add(index)
        # the stems by their first letters, so that a word is compared with a few of them only
        self.head = min((len(stem) for stem in self.stems), default=1)
        self.by_head: dict[str, list[tuple[str, set[int]]]] = {}
        for stem, owners in self.stems.items():
            self.by_head.setdefault(stem[: self.head], []).append((stem, owners))
        self._owners: dict[str, frozenset[int]] = {}  # a word of a text -> the lists it may open

    def candidates(self, folded: str) -> list[int]:
        """The indexes of the lists that may match `folded`, in order."""
        found = set(self.always)
        known = self._owners
        if len(known) > WORDS_KEPT:
            known.clear()
        for word in set(LETTERS.findall(folded)):
            owners = known.get(word)
            if owners is None:
                owners = known[word] = self._owners_of(word)
            if owners:
                found |= owners
        return sorted(found)

    def _owners_of(self, word: str) -> frozenset[int]:
        """The lists one of whose phrases holds `word`, whole or as the beginning of a word."""
        found = set(self.words.get(word, ()))
        for stem, owners in self.by_head.get(word[: self.head], ()):
            if word.startswith(stem):
                found |= owners
        return frozenset(found)


def _key_word(phrase: str) -> tuple[str, bool] | None:
    """The longest run of letters a phrase's matches always hold, and whether it may go on
    (the end of a word written "attaqu*"); None for a phrase of wildcards only. A run between
    two non-letters of a phrase word stands between two non-letters of the text too (the regex
    joins the words of a phrase by WORD_GAP and bounds it by non-letters)."""
    runs: list[tuple[str, bool]] = []
    for word in fold_text(phrase).split():
        if word == "*":
            continue
        body = word[:-1] if word.endswith("*") else word
        for run in LETTERS.finditer(body):
            runs.append((run.group(), word.endswith("*") and run.end() == len(body)))
    return max(runs, key=lambda run: (len(run[0]), not run[1])) if runs else None


def read_table(name: str) -> dict[str, Any]:
    """A TOML file of events/patterns."""
    try:
        text = resources.files("vigie.events").joinpath("patterns").joinpath(name).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"pattern file events/patterns/{name} cannot be read: {err}") from err


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing an actor, valid for events in [since, until]."""

    canonical: str
    since: date | None
    until: date | None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.until is None
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class Found:
    """A lexicon phrase found in a text: offsets into that text, and what it names."""

    start: int
    end: int
    text: str
    names: tuple[Alias, ...]


class Gazette:
    """Aliases -> canonical names, with one matcher over all of them.

    Acronyms ("FAN", "EAU", "UA": two capitals or more, one word) match with their case, so
    that "eau" or "fan" in running text are not taken for them; other aliases ignore case.
    """

    def __init__(self, aliases: dict[str, list[Alias]]) -> None:
        acronyms = {k: v for k, v in aliases.items() if _is_acronym(k)}
        words = {k: v for k, v in aliases.items() if k not in acronyms}
        self.folded = {fold_text(k): v for k, v in words.items()}
        self.exact = {k: v for k, v in acronyms.items()}
        self.pattern = compile_phrases(list(words))
        self.acronym_pattern = re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(k) for k in sorted(acronyms, key=len, reverse=True))
            + r")(?!\w)"
            if acronyms
            else r"(?!x)x"
        )
        self._wild = [(compile_phrases([k]), v) for k, v in words.items() if "*" in k]
        self._cache: dict[tuple[str, str], tuple[Found, ...]] = {}

    def find(self, folded: str, original: str) -> list[Found]:
        """Every alias in a text (given folded and as written), in text order, longest first.
        The rules ask it of the same sentence many times: the last answers are kept."""
        key = (folded, original)
        cached = self._cache.get(key)
        if cached is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[key] = tuple(self._find(folded, original))
        return list(cached)

    def _find(self, folded: str, original: str) -> list[Found]:
        found = [
            Found(m.start(), m.end(), m.group(), self._names(m.group()))
            for m in self.pattern.finditer(folded)
        ]
        found += [
            Found(m.start(), m.end(), m.group(), tuple(self.exact[m.group()]))
            for m in self.acronym_pattern.finditer(original)
        ]
        found.sort(key=lambda f: (f.start, -(f.end - f.start)))
        out: list[Found] = []
        for item in found:  # drop a match inside a longer one: "EIS" inside "EIGS" cannot happen, "armee" inside "armee malienne" can
            if out and item.start < out[-1].end:
                continue
            out.append(item)
        return out

    def _names(self, matched: str) -> tuple[Alias, ...]:
        exact = self.folded.get(re.sub(WORD_GAP, " ", matched)) or self.folded.get(matched)
        if exact is not None:
            return tuple(exact)
        for pattern, names in self._wild:
            if pattern.fullmatch(matched):
                return tuple(names)
        return ()


def _is_acronym(alias: str) -> bool:
    """ "FAMa", "CSP-PSD", "EIGS" are acronyms; "Mali", "G5 Sahel" are not, nor hyphenated names
    ("Etats-Unis", "Guinee-Bissau", "N'Djamena"), which ignore case and accents like other words
    ("les États-Unis")."""
    return " " not in alias and sum(c.isupper() for c in alias) >= 2 and sum(c.islower() for c in alias) <= 2


def _day(value: object) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@dataclass(frozen=True, slots=True)
class Actors:
    """The actors lexicon (patterns/actors.toml), compiled."""

    named: Gazette  # aliases of canonical actors: "FAMa", "GSIM", "hommes armés"
    army: Gazette  # words for an army that name no country: "l'armée", "un poste militaire"
    police: Gazette  # words for the police that name no country: "les gendarmes", "le commissariat"
    national_forces: dict[str, str]  # ISO3 -> the country's military forces
    national_police: dict[str, str]  # ISO3 -> the country's police (its military outside Mali)
    foreign_forces: dict[
        str, str
    ]  # ISO3 -> the actor ACLED codes for the forces of a state outside the Sahel
    inter: dict[str, int]  # ACLED inter codes
    unarmed: frozenset[str]  # actors that are victims, not fighters: "Civilians"


def load_actors() -> Actors:
    """Actors: named aliases, generic army and police words, national forces by ISO3, inter codes."""
    table = read_table("actors.toml")
    named: dict[str, list[Alias]] = {}
    army: dict[str, list[Alias]] = {}
    police: dict[str, list[Alias]] = {}
    inter: dict[str, int] = {}
    unarmed = set()
    for actor in table["actor"]:
        name = actor["name"]
        inter[name] = int(actor.get("inter", 8))
        if actor.get("armed", True) is False:
            unarmed.add(name)
        for item in actor.get("aliases", []):
            if isinstance(item, str):
                alias, since, until = item, None, None
            else:
                alias, since, until = item["alias"], _day(item.get("from")), _day(item.get("until"))
            named.setdefault(alias, []).append(Alias(name, since, until))
        for alias in actor.get("generic", []):
            army.setdefault(alias, []).append(Alias(name, None, None))
        for alias in actor.get("police", []):
            police.setdefault(alias, []).append(Alias(name, None, None))
    national = {str(k): str(v) for k, v in table.get("national_forces", {}).items()}
    national_police = {str(k): str(v) for k, v in table.get("national_police", {}).items()}
    foreign = {str(k): str(v) for k, v in table.get("foreign_forces", {}).items()}
    return Actors(
        Gazette(named),
        Gazette(army),
        Gazette(police),
        national,
        national_police,
        foreign,
        inter,
        frozenset(unarmed),
    )


def load_parties() -> tuple[Gazette, frozenset[str]]:
    """Countries and organisations: names -> ISO3 or organisation code; the folded capitals."""
    aliases: dict[str, list[Alias]] = {}
    capitals: set[str] = set()
    for party in read_table("countries.toml")["party"]:
        for name in party["names"] + party.get("capitals", []):
            aliases.setdefault(name, []).append(Alias(party["code"], None, None))
        capitals.update(fold_text(name) for name in party.get("capitals", []))
    for leader in read_table("leaders.toml")["leader"]:  # "le capitaine Ibrahim Traoré", "le Quai d'Orsay"
        for name in leader["names"]:
            aliases.setdefault(name, []).append(Alias(leader["code"], None, None))
    return Gazette(aliases), frozenset(capitals)


def load_country_names() -> dict[str, str]:
    """ISO3 -> English country name, as ACLED writes it ("CIV" -> "Ivory Coast")."""
    return {p["code"]: p["english"] for p in read_table("countries.toml")["party"] if "english" in p}


def load_members() -> dict[str, frozenset[str]]:
    """Organisation code -> the codes of its member states ("AES" -> BFA, MLI, NER)."""
    return {
        p["code"]: frozenset(p["members"]) for p in read_table("countries.toml")["party"] if "members" in p
    }


def load_country_words() -> frozenset[str]:
    """Folded names of countries (not their capitals): "niger", "france", "cote d'ivoire"."""
    return frozenset(
        fold_text(p["names"][0]) for p in read_table("countries.toml")["party"] if "english" in p
    )
