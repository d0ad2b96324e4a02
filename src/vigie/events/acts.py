"""Acts: the PLOVER types a French sentence tells, found by the trigger phrases of patterns/plover.toml.

Each type has trigger phrases with a priority; a sentence tells one act per type (FORMAT.md: a
meeting that produced an agreement and declared support is CONSULT, AGREE and SUPPORT), the
best-placed phrase of each type that the caller accepts as told (not in a relative clause, not a
plan). Masks blank phrases that hold a trigger word but tell no act (a press interview, a denied
accusation); a COOPERATE word in what talks were about is a topic, not an act.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from vigie.events.lexicon import Sieve, compile_phrases, load_actors, read_table
from vigie.frdate.calendar import DM, MONTH, WEEKDAY_ALT, YEAR
from vigie.records import PloverType

# what a meeting produces: a meeting that ended in an agreement or declared support is CONSULT,
# AGREE and SUPPORT (FORMAT.md), so a weak meeting word stays beside these; beside other acts ("réunis en sommet, les chefs
# d'État ont décidé des sanctions") it is only the setting
PRODUCED = frozenset({"AGREE", "SUPPORT"})
# the fight against armed groups, not support given to them
FIGHT = re.compile(r"(?<!\w)(?:contre|lutte|combat|face|guerre)(?!\w)")
# what may stand between a phrase of time and the meeting word it governs: "de la", "du", "d'une"
ARTICLE_ONLY = re.compile(
    r"^\s*(?:(?:de|d'|du|des|a|au|aux)\s*)?(?:(?:la|le|les|l'|un|une|ce|cet|cette|ces)\s*)?$"
)

# French sets a phrase of time between a verb and its object or agent ("a convoqué le lundi 8
# janvier 2024 l'ambassadeur", "Reçu mardi 4 juin par le Premier ministre", "a reçu, ce mardi, le
# ministre"): blanked to spaces (a gap between words), the trigger's words follow one another
INSERTED_TIME = re.compile(
    rf"(?:,\s*)?(?<!\w)(?:(?:ce|le)\s+)?(?:(?:{WEEKDAY_ALT})(?:\s+{DM}\s+{MONTH}(?:\s+{YEAR})?)?"
    rf"|{DM}\s+{MONTH}(?:\s+{YEAR})?)(?:\s+(?:dernier|matin|soir))?(?!\w)(?:\s*,)?"
)


@dataclass(frozen=True, slots=True)
class Rule:
    type: PloverType
    priority: int
    directed: bool
    pattern: re.Pattern[str]
    weak: bool = False
    requires: re.Pattern[str] | None = None  # words the sentence must also hold
    to_home: bool = False  # every party named acts towards the article's country (condolences)
    excludes: frozenset[str] = frozenset()  # types this act subsumes in its sentence (a summons, no meeting)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A PLOVER type a sentence reports and where its trigger phrase stands (folded offsets)."""

    type: PloverType
    start: int
    end: int
    directed: bool = False
    to_home: bool = False
    # the phrase holds its own negation ("n'engagent nullement", "ne reconnaît pas"): the act is
    # told by it, and who refuses whose decision the parse does not say (the subject is the decision)
    negative: bool = False


# a negation inside a trigger phrase
NEGATIVE = re.compile(r"(?<!\w)(?:n'|(?:ne|pas|nullement|aucune?|jamais)(?!\w))")


class Acts:
    """The trigger lexicon of plover.toml, compiled once."""

    def __init__(self) -> None:
        table = read_table("plover.toml")
        self.rules = tuple(
            Rule(
                t["type"],
                int(t["priority"]),
                bool(t.get("directed", False)),
                compile_phrases(_with_pluperfect(t["patterns"])),
                bool(t.get("weak", False)),
                compile_phrases(t["requires"]) if t.get("requires") else None,
                t.get("toward") == "home",
                frozenset(t.get("excludes", ())),
            )
            for t in table["trigger"]
        )
        # which rules may match a sentence, told from its words
        self.sieve = Sieve([_with_pluperfect(t["patterns"]) for t in table["trigger"]])
        self.names = load_actors().named  # "Groupe de soutien à l'islam…" holds no SUPPORT
        self.not_interactions = compile_phrases(table["not_interactions"]["patterns"])
        self.masks = compile_phrases(table["masks"]["patterns"])
        self.topics = compile_phrases(table["topics"]["patterns"])
        self.topical = frozenset(table["topics"]["types"])
        self.joint_forces = compile_phrases(table["joint"]["forces"])
        self.joint_acts = compile_phrases(table["joint"]["acts"])
        self.time_references = compile_phrases(table["time_references"]["patterns"])
        self.abetting = compile_phrases(table["abetting"]["patterns"])
        self.abetted = frozenset(table["abetting"]["types"])
        self.requesting = frozenset(table["frames"]["requesting"])
        self.not_done = frozenset(table["frames"]["not_done"])
        self.ongoing = frozenset(table["frames"]["ongoing"])
        self.background = frozenset(table["frames"]["background"])
        self.since = frozenset(table["frames"]["since"])

    def find_types(self, folded: str) -> list[PloverType]:
        """The PLOVER types a folded sentence reports, the most specific first.

        >>> from vigie.events.lexicon import fold_text
        >>> Acts().find_types(fold_text("Abdoulaye Diop a été reçu à Moscou par son homologue russe."))
        ['CONSULT']
        >>> Acts().find_types(fold_text("Les deux pays ont signé cinq accords de coopération."))
        ['AGREE']
        >>> Acts().find_types(fold_text("La rencontre a permis la signature de cinq accords."))
        ['AGREE', 'CONSULT']
        >>> Acts().find_types(fold_text("Le GSIM (Groupe de soutien à l'islam et aux musulmans)."))
        []
        >>> Acts().find_types(fold_text("Le Niger a rappelé le jeudi 4 mai 2023 son ambassadeur à Alger."))
        ['REJECT']
        """
        return [trigger.type for trigger in self.find_triggers(folded, folded)]

    def find_trigger(self, folded: str, original: str) -> Trigger | None:
        """The most specific trigger of a sentence (highest priority), or None."""
        triggers = self.find_triggers(folded, original)
        return triggers[0] if triggers else None

    def find_triggers(
        self, folded: str, original: str, told: Callable[[Trigger], bool] | None = None
    ) -> list[Trigger]:
        """The best trigger of each type a sentence holds, most specific first; with `told`, the
        best of those it accepts ("a été reçu …, à qui il a remis un message": the reception, not
        the message handed over in the relative clause)."""
        masked = self.masks.sub(lambda m: "#" * len(m.group()), folded)
        for name in self.names.find(folded, original):
            masked = masked[: name.start] + "#" * (name.end - name.start) + masked[name.end :]
        best: dict[str, tuple[Rule, re.Match[str]]] = {}
        candidates = self.sieve.candidates(masked)  # a few look-ups rule out the others' searches
        if not candidates:
            return []  # most sentences hold none
        # after the sieve: no trigger phrase holds a day's or a month's name, most sentences none
        masked = INSERTED_TIME.sub(lambda m: " " * len(m.group()), masked)
        topics = [(m.start(), _clause_end(folded, m.end())) for m in self.topics.finditer(masked)]
        for rule in (self.rules[index] for index in candidates):
            if rule.type in best and rule.priority <= best[rule.type][0].priority:
                continue
            if rule.requires is not None and rule.requires.search(masked) is None:
                continue
            for match in rule.pattern.finditer(masked):
                if rule.type in self.topical and any(a <= match.start() < b for a, b in topics):
                    continue  # "les échanges ont porté sur la coopération militaire": a topic, no act
                if rule.type in self.abetted and self._abets(folded, match.end()):
                    continue  # "de soutien aux groupes terroristes": what an accusation charges
                if rule.weak and self._dates_only(masked, match.start()):
                    continue  # "à la veille du sommet": the occasion that dates the news, no meeting
                trigger = _trigger(rule, match)
                if told is None or told(trigger):
                    best[rule.type] = (rule, match)
                    break
        ranked = sorted(best.values(), key=lambda item: -item[0].priority)
        kept: list[tuple[Rule, re.Match[str]]] = []
        for rule, match in ranked:
            if any(match.start() < m.end() and m.start() < match.end() for _, m in kept):
                continue  # "a remis un message": the consultation, not a donation
            if any(rule.type in other.excludes for other, _ in kept):
                continue  # "a convoqué l'ambassadeur … l'entretien a duré une heure": the summons only
            kept.append((rule, match))
        if any(not rule.weak and rule.type not in PRODUCED for rule, _ in kept):
            kept = [(rule, match) for rule, match in kept if not rule.weak]
        if any(rule.to_home for rule, _ in kept):  # "dénonce un assassinat": the condemnation, no accusation
            kept = [(rule, match) for rule, match in kept if rule.type != "ACCUSE"]
        return [_trigger(rule, match) for rule, match in kept]

    def _abets(self, folded: str, end: int) -> bool:
        """Support given to armed groups: "de soutien aux groupes terroristes"; not support in the
        fight against them ("soutiennent le Niger dans la lutte contre le terrorisme")."""
        after = _clause_after(folded, end)
        found = self.abetting.search(after)
        return found is not None and FIGHT.search(after[: found.start()]) is None

    def _dates_only(self, folded: str, start: int) -> bool:
        """A meeting word governed by a phrase of time ("à la veille du sommet", "après la
        réunion"): it dates the sentence's news and is not the act told.

        >>> from vigie.events.lexicon import fold_text
        >>> text = fold_text("Ce bilan tombe à la veille du sommet de Pau.")
        >>> Acts()._dates_only(text, text.index("sommet"))
        True
        >>> text = fold_text("Le sommet de Niamey s'est ouvert samedi.")
        >>> Acts()._dates_only(text, text.index("sommet"))
        False
        """
        before = folded[max(0, start - 40) : start]
        last = next(reversed(list(self.time_references.finditer(before))), None)
        return last is not None and ARTICLE_ONLY.match(before[last.end() :]) is not None


def _trigger(rule: Rule, match: re.Match[str]) -> Trigger:
    negative = NEGATIVE.search(match.group()) is not None
    return Trigger(
        rule.type, match.start(), match.end(), rule.directed and not negative, rule.to_home, negative
    )


def _with_pluperfect(patterns: list[str]) -> list[str]:
    """The patterns, with the pluperfect of each one in the passé composé: "a reçu" also as
    "avait reçu", "ont signé" as "avaient signé", "s'est rendu" as "s'était rendu" (background
    told in the past is still told).

    >>> _with_pluperfect(["a recu", "ont ete recu*", "audience"])
    ['a recu', 'ont ete recu*', 'audience', 'avait recu', 'avaient ete recu*']
    """
    more = [f"avait {p[2:]}" for p in patterns if p.startswith("a ")]
    more += [f"avaient {p[4:]}" for p in patterns if p.startswith("ont ")]
    # the verbs conjugated with "être": "s'est entretenu" as "s'était entretenu", "se sont rendus"
    # as "s'étaient rendus", "est arrivé" as "était arrivé"
    for present, past in (
        ("s'est ", "s'etait "),
        ("se sont ", "s'etaient "),
        ("est ", "etait "),
        ("sont ", "etaient "),
    ):
        more += [past + p[len(present) :] for p in patterns if p.startswith(present)]
    return patterns + more


def _clause_after(folded: str, end: int) -> str:
    """The words after a trigger in its phrase: up to 60 characters, to the next comma or stop."""
    window = folded[end : end + 60]
    stops = [i for i in (window.find(","), window.find(";"), window.find(".")) if i >= 0]
    return window[: min(stops)] if stops else window


def _clause_end(folded: str, start: int) -> int:
    """Where the clause that goes on at `start` ends: the next full stop or semicolon."""
    ends = [i for i in (folded.find(".", start), folded.find(";", start)) if i >= 0]
    return min(ends) if ends else len(folded)
