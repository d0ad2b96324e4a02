"""Interactions: the parsed sentences of an article -> PLOVER interactions between states and organisations.

Match, then build. A sentence reports one interaction per PLOVER type whose trigger it holds
(patterns/plover.toml); its parties are the countries, organisations, capitals, seats of power
and leaders it names (patterns/countries.toml, patterns/leaders.toml). For a directed type
(SUPPORT, AID, REJECT, ACCUSE, SANCTION, REQUEST) the parse says who acts on whom: the subject of
the trigger is the source, its object or its "à" complement the target. A sentence that names
one party only has the article's own country as the other (a Nigerien paper's "reçu par
l'ambassadeur de Turquie" is Niger and Turkey). Dates come from the article's timeline; an
interaction with no date of its own stays undated (FORMAT.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from itertools import combinations, pairwise

from vigie.events.context import Timeline
from vigie.events.frames import Frame, frame, is_subordinate, preposition, token_at
from vigie.events.lexicon import (
    compile_phrases,
    fold_text,
    load_actors,
    load_country_names,
    load_members,
    load_parties,
    read_table,
)
from vigie.frdate import find_days, find_span
from vigie.nlp import Analysis
from vigie.records import Article, Evidence, Interaction, PloverType, Sentence

MAX_PARTIES = 5
# "en 2006", "depuis 2005": history with a year only is not annotated
YEAR_ONLY = re.compile(r"(?:en|depuis|des|dès)\s+(?:19|20)\d\d(?!\d)")
# a country or capital named as the venue: "à Accra", "au Ghana", "en Égypte"
VENUE_BEFORE = re.compile(r"(?:^|\s)(?:a|au|en|aux)\s+$")
# a capital after "de" names a place, not a government: "le sommet d'Accra", "la décision de Paris"
CAPITAL_OF = re.compile(r"(?:^|\s)(?:de|d'|d’|du|des|depuis)\s*$")  # "depuis Bamako": from where
# where it took place: "à Moscou", "à Abu Dhabi"
VENUE = re.compile(r"(?<!\w)à\s+((?:[A-ZÀ-Ý][\w'’\-]+)(?:\s+[A-ZÀ-Ý][\w'’\-]+)?)")
# "les deux pays", "les deux ministres": the parties of the interaction told just before
# "les trois pays", "ces trois pays", "les deux chefs d'Etat": as many parties as were told together before
GROUP = re.compile(
    r"(?<!\w)(?:les|des|ces|aux) (deux|trois|quatre|cinq) (?:pays|etats|gouvernements|chefs d'etat|capitales|delegations|armees)(?!\w)"
)
BOTH_SIDES = re.compile(
    r"(?<!\w)(?:les|des|aux) deux (?:pays|parties|ministres|hommes|delegations|chefs|presidents|capitales|"
    r"gouvernements|homologues|dirigeants|etats|departements|premiers ministres|armees|responsables)(?!\w)"
)
# two parties as one subject: "les délégations malienne et russe", "la Russie et la Chine"
COORDINATED = re.compile(
    r"^\s*(?:,|et|,\s*et)\s+(?:(?:la|le|les|l'|des|du|de la|de l')\s*)?(?:pays (?:de la|de l'|du|membres de la)\s*)?$"
)
# a visit to a foreign capital names the host: "le président tchadien s'est rendu à Niamey"
VISIT = re.compile(
    r"(?:rendus?|rendues?|visite(?: officielle| de travail| d'amitie)?|arrivee?s?|sejourn\w*)\s+(?:a|au|en)\s+$"
)
BORDER = re.compile(
    r"(?:frontieres?|cote|rive|territoire|sol|eaux|capitale|ville|espace aerien|presse|television|lac|golfe de|"
    r"bassin du|bassin du lac)\s+$"
)  # "la frontière nigérienne", "le lac Tchad", "le golfe de Guinée": a place, not a party
# who reports it, not who acts: "selon l'agence mauritanienne Al-Akhbar", "d'après la télévision
# nationale", "a rapporté l'Agence nigérienne de presse" (a news source is no party to the act)
NEWS_SOURCE = re.compile(
    r"(?:selon|d'apres|a en croire|rapporte|a rapporte|a indique|cite par|citant)\s+(?:l'|la |le |les |un |une )?"
    r"(?:agence|television|radio|journal|quotidien|site|media|medias|presse|chaine)[^,;]*"
)
# who acts for a state when no country is named: "le ministre", "le gouvernement", "les autorités"
OFFICIAL = re.compile(
    r"president|ministre|ministere|gouvernement|autorites|ambassad|chef de l'etat|porte-parole|transition|"
    r"etat-major|diplomat|delegation|conseil|armee|etat|junte|pouvoir|koulouba|colonel|general|capitaine|"
    r"premier ministre|primature|\broi\b|\bemir|souverain|chef de la diplomatie|representant|envoye|emissaire"
)
# "les juntes au pouvoir au Niger, au Mali et au Burkina Faso": the states, not where it happened
IN_POWER = re.compile(r"au pouvoir (?:a|au|en|aux)\s+(?:[^,;]*(?:,|et)\s+(?:a|au|en|aux)\s+)*$")
# "il", "elle": an official when the sentence before names one
PRONOUN = re.compile(r"(?<!\w)(?:il|elle|ils|elles)(?!\w)")
# the occasion, not a party: "en marge de la session de l'Assemblée générale des Nations unies"
OCCASION = re.compile(r"en marge (?:de|du|des|d')[^,;]*")
# a sentence with a trigger and no party of its own takes the parties of an interaction told
# at most this many sentences before ("La rencontre a permis la signature de cinq accords.")
CARRY_SENTENCES = 2
# acts whose noun names the giver in its "de" phrase ("le soutien de la Russie"); not so for
# REJECT or ACCUSE ("le retrait du Mali", "le rejet de la demande": who withdraws, what is rejected)
GIVEN = {"SUPPORT", "AID", "COOPERATE", "REQUEST", "SANCTION"}
# a visit or a session lasts several days: reports of one within a day of each other are one
SPANNING = {"CONSULT"}
# a joint operation or a session told as a period ("menée du 15 au 22 décembre"): its middle day
# (the annotation convention for multi-day meetings and operations, TRAIN_SOURCES.md)
OVER_A_PERIOD = {"CONSULT", "COOPERATE"}
# "Dans une lettre adressée à la présidence du Conseil de sécurité, le ministre accuse…": a
# fronted prepositional phrase does not hold the subject
FRONTED = re.compile(
    r"^(?:dans|selon|au cours|lors|en marge|par|pour|apres|a l'issue|a la suite|face|malgre|depuis)\b[^,]*,"
)
# "notre pays", "nos autorités": the country of the page
OUR = re.compile(r"(?<!\w)(?:notre pays|nos autorites|notre gouvernement|notre armee|nos forces)(?!\w)")
# a subject that points back to the sentence before: "Il a accusé…", "Le diplomate a demandé au
# Conseil…", "La délégation était porteuse…": its party is the one told there, not the page's country
ANAPHOR = re.compile(
    r"\s*(?:il|elle|ils|elles|le diplomate|la diplomate|la delegation|cette delegation|l'emissaire|"
    r"les emissaires|l'envoye|l'envoyee|le chef de la delegation|le visiteur|son hote|l'hote)\b"
)
# verbs whose complement is an act not yet done (FORMAT.md: plans and promises are not interactions)
PROMISED = frozenset({"promettre", "envisager", "prévoir", "projeter", "vouloir", "souhaiter", "proposer"})
# "son homologue burkinabè", "ses homologues": the counterpart named by its demonym is a party
COUNTERPART = re.compile(r"\b(?:son|ses|leur|leurs) homologues?\b")


@dataclass(frozen=True, slots=True)
class Rule:
    type: PloverType
    priority: int
    directed: bool
    pattern: re.Pattern[str]
    weak: bool = False
    requires: re.Pattern[str] | None = None  # words the sentence must also hold
    to_home: bool = False  # every party named acts towards the article's country (condolences)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A PLOVER type a sentence reports and where its trigger phrase stands (folded offsets)."""

    type: PloverType
    start: int
    end: int
    directed: bool = False
    to_home: bool = False


@dataclass(frozen=True, slots=True)
class Party:
    code: str
    start: int
    end: int
    venue: bool = False  # "au Niger": the venue, unless a directed act points there ("sanctions au Niger")


class DiplomacyRules:
    """The PLOVER lexicons, loaded once; `extract` is pure."""

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
            )
            for t in table["trigger"]
        )
        self.any_rule = re.compile("|".join(f"(?:{r.pattern.pattern})" for r in self.rules))
        self.parties, self.capitals = load_parties()
        self.members = load_members()
        self.countries = frozenset(load_country_names())  # "les trois pays" are states, not organisations
        self.names = load_actors().named  # "Groupe de soutien à l'islam…" holds no SUPPORT
        self.not_interactions = compile_phrases(table["not_interactions"]["patterns"])
        self.masks = compile_phrases(table["masks"]["patterns"])
        self.topics = compile_phrases(table["topics"]["patterns"])
        self.joint_forces = compile_phrases(table["joint"]["forces"])
        self.joint_acts = compile_phrases(table["joint"]["acts"])
        self.topical = frozenset(table["topics"]["types"])

    def find_types(self, folded: str) -> list[PloverType]:
        """The PLOVER types a folded sentence reports, the most specific first.

        >>> DiplomacyRules().find_types(fold_text("Abdoulaye Diop a été reçu à Moscou par son homologue russe."))
        ['CONSULT']
        >>> DiplomacyRules().find_types(fold_text("Les deux pays ont signé cinq accords de coopération."))
        ['AGREE']
        >>> DiplomacyRules().find_types(fold_text("La rencontre a permis la signature de cinq accords."))
        ['AGREE', 'CONSULT']
        >>> DiplomacyRules().find_types(fold_text("Le GSIM (Groupe de soutien à l'islam et aux musulmans)."))
        []
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
        if self.any_rule.search(masked) is None:
            return []  # most sentences hold none: one search instead of one per rule
        topics = [(m.start(), _clause_end(folded, m.end())) for m in self.topics.finditer(masked)]
        for rule in self.rules:
            if rule.type in best and rule.priority <= best[rule.type][0].priority:
                continue
            if rule.requires is not None and rule.requires.search(masked) is None:
                continue
            for match in rule.pattern.finditer(masked):
                if rule.type in self.topical and any(a <= match.start() < b for a, b in topics):
                    continue  # "les échanges ont porté sur la coopération militaire": a topic, no act
                trigger = Trigger(rule.type, match.start(), match.end(), rule.directed, rule.to_home)
                if told is None or told(trigger):
                    best[rule.type] = (rule, match)
                    break
        ranked = sorted(best.values(), key=lambda item: -item[0].priority)
        kept: list[tuple[Rule, re.Match[str]]] = []
        for rule, match in ranked:
            if any(match.start() < m.end() and m.start() < match.end() for _, m in kept):
                continue  # "a remis un message": the consultation, not a donation
            kept.append((rule, match))
        if any(not rule.weak for rule, _ in kept):
            kept = [(rule, match) for rule, match in kept if not rule.weak]
        if any(rule.to_home for rule, _ in kept):  # "dénonce un assassinat": the condemnation, no accusation
            kept = [(rule, match) for rule, match in kept if rule.type != "ACCUSE"]
        return [
            Trigger(rule.type, match.start(), match.end(), rule.directed, rule.to_home)
            for rule, match in kept
        ]

    def extract(
        self,
        article: Article,
        analysis: Analysis,
        timeline: Timeline | None = None,
        home: str = "MLI",
        reference_year: int | None = None,
    ) -> list[Interaction]:
        """The interactions an article reports, one per type, pair of parties and day."""
        sentences = list(analysis.sentences)
        if timeline is None:
            timeline = Timeline(sentences, _day(article.published), reference_year)
        start = 1 if analysis.has_title else 0
        indexes: Sequence[int] = range(start, len(sentences))
        if analysis.has_title and len(article.body.split()) < 3:
            indexes = [0]
        found: list[Interaction] = []
        told = self._title_pairs(analysis, home)  # the last sentence with an interaction, its pairs
        groups: list[list[str]] = []  # the parties each sentence named together, in reading order
        if analysis.has_title and sentences:
            groups.append(self._named(sentences[0]))
        for index in indexes:
            sentence = sentences[index]
            if index in analysis.irrealis:
                continue
            folded = fold_text(sentence.text)
            dated = timeline[index]
            day = dated.act_day
            if indexes == [0] and day is None:
                day = _day(article.published)  # a headline without text: the news of its day
            triggers = self.find_triggers(folded, sentence.text, partial(self._realis, sentence))
            joint = self._joint_forces(folded, sentence.text)
            if joint and all(t.type != "COOPERATE" for t in triggers):
                triggers.append(Trigger("COOPERATE", joint[0], joint[0]))
            if not triggers or self.not_interactions.search(folded):
                groups.append(self._named(sentence))
                continue
            if YEAR_ONLY.search(folded) and not dated.stated:
                continue  # "en 2006, les deux pays avaient signé…": history
            fronted = FRONTED.match(folded)
            anaphor = ANAPHOR.match(folded[fronted.end() if fronted else 0 :]) is not None
            parties = self._parties(
                folded,
                sentence.text,
                home,
                _group(folded, groups, self.countries),
                _told_before(groups, home) if anaphor else (),
            )
            groups.append(self._named(sentence))
            acts: list[tuple[PloverType, list[tuple[str, str, str]]]] = []
            for trigger in triggers:
                pairs = self._apart_from_members(
                    self._pairs(
                        trigger,
                        parties,
                        sentence,
                        fronted.end() if fronted else 0,
                        folded,
                        home,
                        fold_text(sentences[index - 1].text) if index > 0 else "",
                    )
                )
                if joint and trigger.type == "COOPERATE" and trigger.start == trigger.end == joint[0]:
                    pairs = [(a, b, "COOPERATE") for a, b in combinations(joint[1], 2)]
                if not parties and told is not None:
                    if BOTH_SIDES.search(folded):
                        pairs = [_one_pair(told[1], home)]  # "les deux pays": one pair
                    elif index - told[0] <= CARRY_SENTENCES and not trigger.directed:
                        pairs = told[1]
                if pairs:
                    acts.append((trigger.type, pairs))
            if not acts:
                continue
            told = (index, [pair for _, pairs in acts for pair in pairs][:6])
            venue = VENUE.search(sentence.text)
            evidence = Evidence(article.id, sentence.text, sentence.start, sentence.end)
            dated_acts = _dated_acts(
                triggers, find_days(sentence.text, _day(article.published), reference_year)
            )
            span = find_span(sentence.text, _day(article.published), reference_year)
            for kind, pairs in acts:
                when = dated_acts.get(kind, day)
                if span is not None and kind in OVER_A_PERIOD:
                    when = span[0] + (span[1] - span[0]) // 2
                for source, target, _ in pairs:
                    found.append(
                        Interaction(
                            type=kind,
                            parties=tuple(sorted((source, target))),  # type: ignore[arg-type]
                            date=when,
                            location=venue.group(1) if venue else None,
                            place=None,
                            evidence=(evidence,),
                            source=source,
                            target=target,
                        )
                    )
        return merge_interactions(found)

    def _joint_forces(self, folded: str, original: str) -> tuple[int, list[str]] | None:
        """Where the forces of two states or more are told acting together in an operation, and the
        states: "une opération menée par les forces armées du Mali, du Niger et du Burkina Faso",
        "grâce à l'action des vecteurs aériens burkinabè et maliens" (PLOVER COOPERATE: a joint
        military operation; `[joint]` of plover.toml)."""
        if self.joint_acts.search(folded) is None:
            return None
        found = [f for f in self.parties.find(folded, original) if f.names]
        for forces in self.joint_forces.finditer(folded):
            chain = [f for f in found if forces.end() <= f.start <= forces.end() + 12][:1]
            for item in found[found.index(chain[0]) + 1 :] if chain else []:
                if not COORDINATED.match(folded[chain[-1].end : item.start]):
                    break
                chain.append(item)
            codes = list(dict.fromkeys(f.names[0].canonical for f in chain))
            if len(codes) >= 2 and all(code in self.countries for code in codes):
                return forces.start(), codes
        return None

    def _realis(self, sentence: Sentence, trigger: Trigger) -> bool:
        """A trigger told as a fact of the sentence, not a plan or a wish ("doit se rendre",
        "pourrait signer"), nor an aside in a relative clause or an apposition."""
        if not sentence.tokens:
            return True
        index = token_at(sentence, sentence.start + trigger.start)
        if index is None:
            return True
        if is_subordinate(sentence, index, participles=trigger.type != "COOPERATE") and not _finite(
            sentence, index
        ):
            return False
        roles = frame(sentence, index)
        head = sentence.tokens[roles.trigger].head
        if sentence.tokens[head].lemma.lower() in PROMISED:
            return False  # "il a promis l'assistance de la Russie": a promise, not an act
        return roles.realis and not roles.negated

    def _apart_from_members(self, pairs: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
        """The pairs but those of an organisation with one of its own members ("les trois pays ont
        signé la charte de l'AES": the states, not the Alliance and each of them)."""
        return [
            (a, b, kind)
            for a, b, kind in pairs
            if b not in self.members.get(a, ()) and a not in self.members.get(b, ())
        ]

    def _title_pairs(self, analysis: Analysis, home: str) -> tuple[int, list[tuple[str, str, str]]] | None:
        """The parties a title names ("Paraphe des accords … de la Fédération de Russie"), paired."""
        if not analysis.has_title or not analysis.sentences:
            return None
        title = analysis.sentences[0]
        folded = fold_text(title.text)
        parties = self._parties(folded, title.text, home)
        pairs = self._apart_from_members(
            self._pairs(Trigger("CONSULT", 0, 0), parties, title, 0, folded, home)
        )
        return (-CARRY_SENTENCES - 1, pairs) if pairs else None  # only "les deux pays" refers to it

    def _named(self, sentence: Sentence) -> list[str]:
        """The parties a sentence names, as codes, in order."""
        codes = [
            f.names[0].canonical
            for f in self.parties.find(fold_text(sentence.text), sentence.text)
            if f.names
        ]
        return list(dict.fromkeys(codes))

    def _parties(
        self,
        folded: str,
        original: str,
        home: str,
        group: tuple[int, int, list[str]] | None = None,
        told_before: Sequence[str] = (),
    ) -> list[Party]:
        """The parties a sentence names, in text order; one foreign party alone gets the article's
        country beside it (or the host of a visit); "les trois pays" names the three told before."""
        parties: list[Party] = []
        if group is not None:
            start, end, codes = group
            parties += [Party(code, start, end) for code in codes]
        ours = OUR.search(folded)
        if ours is not None:
            parties.append(Party(home, ours.start(), ours.end()))
        visited: str | None = None
        occasions = [m.span() for m in OCCASION.finditer(folded)]
        occasions += [m.span() for m in NEWS_SOURCE.finditer(folded)]
        for item in self.parties.find(folded, original):
            if any(start <= item.start < end for start, end in occasions):
                continue
            if BORDER.search(folded[max(0, item.start - 14) : item.start]):
                continue  # "la frontière nigérienne": a place, not a party
            before = folded[max(0, item.start - 6) : item.start]
            capital = fold_text(item.text) in self.capitals
            in_power = IN_POWER.search(folded[max(0, item.start - 24) : item.start]) is not None
            venue = (
                not in_power
                and any(alias.canonical in self.countries for alias in item.names[:1])  # "au Conseil de
                and VENUE_BEFORE.search(before) is not None  # sécurité": an organisation is spoken to
                and (item.text[:1].isupper() or not before.endswith("aux "))
            )  # "au Niger", "à Accra": a place; "aux autorités maliennes": a party spoken to
            if VISIT.search(folded[max(0, item.start - 40) : item.start]) and item.names:
                visited = visited or item.names[0].canonical  # "s'est rendu à Niamey": the host
            if (venue and (capital or before.endswith("a "))) or (
                capital and CAPITAL_OF.search(folded[max(0, item.start - 8) : item.start])
            ):
                continue  # "à Accra": where it happened; "le sommet d'Accra": a place
            for alias in item.names[
                :1
            ]:  # "Au Sénégal voisin, le président Macky Sall": the venue's state acts
                if all(p.code != alias.canonical or (p.venue and not venue) for p in parties):
                    parties.append(Party(alias.canonical, item.start, item.end, venue))
        parties = sorted(parties, key=lambda p: p.start)[:MAX_PARTIES]
        named = [p for p in parties if not p.venue]
        if len(named) == 1 and named[0].code != home:
            told = [code for code in told_before if code != named[0].code]  # "Le diplomate a demandé à l'ONU"
            host = visited if visited is not None and visited != named[0].code else (told or [home])[-1]
            parties.append(Party(host, -1, -1))  # the article's country, or the host of a visit
        return parties if len(parties) >= 2 else []

    def _pairs(
        self,
        trigger: Trigger,
        parties: list[Party],
        sentence: Sentence,
        subject_from: int,
        folded: str,
        home: str,
        previous: str = "",
    ) -> list[tuple[str, str, str]]:
        """Who acts on whom: (source, target, type) per pair; `previous` is the sentence before (folded),
        which says who "il" is.

        Directed types pair the sources (the subject of the trigger, or the parties named before
        it) with the targets (its object or "à" complement, or the parties after it); the article's
        country stands in for a missing side. Symmetric types pair the article's country with each
        partner, or, without it, every two parties (each with each when three or more are listed).
        """
        if not parties:
            return []
        named = [p for p in parties if not p.venue]
        codes = [p.code for p in named]
        if trigger.to_home:  # "l'UA a dénoncé un assassinat ignoble": with the country that suffered it
            return [(code, home, trigger.type) for code in dict.fromkeys(codes) if code != home]
        if trigger.directed:
            sources, targets = self._roles(trigger, parties, sentence, subject_from, folded, home, previous)
            if not sources or not targets:
                return []
            return [(a, b, trigger.type) for a in sources for b in targets if a != b]
        if _listed(
            named, trigger, folded
        ):  # "les chefs d'État du Mali, du Burkina Faso et du Niger ont signé"
            listed = [p.code for p in named if 0 <= p.start < trigger.start]
            return [(a, b, trigger.type) for a, b in combinations(listed, 2)]
        spans = [(p.start, p.end) for p in named if p.start >= 0]
        if len(spans) > len(
            set(spans)
        ):  # "les trois pays ont signé": the states told together before, each with each
            return [(a, b, trigger.type) for a, b in combinations(dict.fromkeys(codes), 2)]
        if home in codes:
            return [(home, other, trigger.type) for other in dict.fromkeys(codes) if other != home]
        return [(a, b, trigger.type) for a, b in combinations(dict.fromkeys(codes), 2)]

    def _roles(
        self,
        trigger: Trigger,
        parties: list[Party],
        sentence: Sentence,
        subject_from: int,
        folded: str,
        home: str,
        previous: str = "",
    ) -> tuple[list[str], list[str]]:
        named = [p for p in parties if not p.venue]
        explicit = [p for p in named if p.start >= 0]
        roles = self._frame(sentence, trigger)
        sources: list[str] = []
        targets: list[str] = []
        if roles is not None and (roles.agent or roles.patient or roles.obliques):
            offset = sentence.start
            for party in explicit:  # "le général Abdourahamane Tiani" overlaps the subject "Tiani"
                start, end = party.start + offset, party.end + offset
                if any(p.start < end and start < p.end for p in roles.agent):
                    sources.append(party.code)
                elif any(p.start <= start < p.end for p in roles.patient + roles.obliques):
                    targets.append(party.code)
            for a, b in pairwise(explicit):  # "accusé le Sénégal et la Gambie": the parser may hang
                if a.code in targets and COORDINATED.match(folded[a.end : b.start]):  # the second
                    targets.append(b.code)  # conjunct on the verb; the list is one object
        if not sources and not targets:  # positional: the subject before the trigger, the object after
            before = [p for p in named if subject_from <= p.start < trigger.start]
            after = [p for p in parties if p.start >= trigger.start]
            sources = [p.code for p in before]
            targets = [p.code for p in after[:1]]
            for a, b in pairwise(after):
                if not COORDINATED.match(folded[a.end : b.start]):
                    break
                targets.append(b.code)
        sources = list(dict.fromkeys(sources))
        targets = [t for t in dict.fromkeys(targets) if t not in sources]
        if (
            not sources
            and len(targets) >= 2
            and roles is not None
            and not roles.agent
            and sentence.tokens[roles.trigger].pos == "NOUN"
        ):
            sources, targets = (
                targets[:1],
                targets[1:],
            )  # "le retrait du Mali du G5 Sahel": who withdraws, from what
        if not sources and targets:  # "Le Roi Mohammed VI a adressé un message de félicitations au
            sources = [  # président …": the act's noun has no giver; the party before it gives
                p.code for p in named if subject_from <= p.start < trigger.start and p.code not in targets
            ][:1]
        if not sources:  # no party named as the subject: the article's country, when a state acts
            subject = folded[subject_from : trigger.start]
            official = OFFICIAL.search(subject) or (PRONOUN.search(subject) and OFFICIAL.search(previous))
            if not official:
                return [], []  # "il demande aux autorités françaises": a person, not a state, asks
            implied = next((p.code for p in parties if p.start < 0), home)  # the page's country, or the
            sources = (  # party "il", "le diplomate" points back to
                [implied]
                if implied not in targets
                else [p.code for p in explicit if p.code not in targets][:1]
            )
        if not targets:
            rest = [p.code for p in parties if p.code not in sources]
            targets = rest[:1] if rest else ([home] if home not in sources else [])
        return sources, targets

    def _frame(self, sentence: Sentence, trigger: Trigger) -> Frame | None:
        if not sentence.tokens:
            return None
        index = token_at(sentence, sentence.start + trigger.start)
        if index is None:
            return None
        roles = frame(sentence, index)
        if trigger.type in GIVEN and sentence.tokens[roles.trigger].pos == "NOUN":
            # "la solidarité du Sénégal", "un don du Japon", "les sanctions de la CEDEAO": the first
            # "de" phrase of the act's noun is who gives it
            givers = tuple(
                p for p in roles.patient if preposition(sentence, p.head) in {"de", "du", "des", "d'"}
            )[:1]
            roles = replace(
                roles, agent=roles.agent + givers, patient=tuple(p for p in roles.patient if p not in givers)
            )
        return roles


NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5}


def _with_pluperfect(patterns: list[str]) -> list[str]:
    """The patterns, with the pluperfect of each one in the passé composé: "a reçu" also as
    "avait reçu", "ont signé" as "avaient signé" (background told in the past is still told).

    >>> _with_pluperfect(["a recu", "ont ete recu*", "audience"])
    ['a recu', 'ont ete recu*', 'audience', 'avait recu', 'avaient ete recu*']
    """
    more = [f"avait {p[2:]}" for p in patterns if p.startswith("a ")]
    more += [f"avaient {p[4:]}" for p in patterns if p.startswith("ont ")]
    return patterns + more


def _finite(sentence: Sentence, index: int) -> bool:
    """A participle the parser hung as a modifier ("acl") though its auxiliary makes it a finite verb:
    "le président a « fermement » condamné l'attaque" (a relative clause is "acl:relcl")."""
    tokens = sentence.tokens
    if tokens[index].dep != "acl" or tokens[index].form != "Part":
        return False
    if any(t.head == index and t.dep == "aux:tense" and t.form == "Fin" for t in tokens):
        return True
    for before in reversed(tokens[max(0, index - 4) : index]):  # "a « fermement » condamné"
        if before.pos == "AUX":
            return before.form == "Fin"
        if before.pos not in {"PUNCT", "ADV"} and not before.text.endswith("ment"):  # an adverb the
            return False  # tagger took for a noun
    return False


def _told_before(groups: list[list[str]], home: str) -> list[str]:
    """The parties of the last sentence that named one besides the page's country (two at most back)."""
    for codes in reversed(groups[-3:]):
        if any(code != home for code in codes):
            return codes
    return []


def _clause_end(folded: str, start: int) -> int:
    """Where the clause that goes on at `start` ends: the next full stop or semicolon."""
    ends = [i for i in (folded.find(".", start), folded.find(";", start)) if i >= 0]
    return min(ends) if ends else len(folded)


def _group(
    folded: str, groups: list[list[str]], countries: frozenset[str]
) -> tuple[int, int, list[str]] | None:
    """The states "les trois pays" stands for: the last sentence that named that many together."""
    match = GROUP.search(folded)
    if match is None:
        return None
    count = NUMBERS[match.group(1)]
    for named in reversed(groups):
        codes = [code for code in named if code in countries]
        if len(codes) >= count:
            return match.start(), match.end(), codes[:count]
    return None


def _listed(parties: list[Party], trigger: Trigger, folded: str) -> bool:
    """Three parties or more, listed together before the trigger: each acts with each."""
    before = [p for p in parties if 0 <= p.start < trigger.start]
    return len(before) >= 3 and all(COORDINATED.match(folded[a.end : b.start]) for a, b in pairwise(before))


def _dated_acts(triggers: list[Trigger], days: list[tuple[int, date]]) -> dict[PloverType, date]:
    """The acts of a sentence that dates two ("en visite depuis le 18 février, il a assisté le 20
    février à la signature…"): each type takes its nearest day, when the days differ."""
    if len(triggers) < 2 or len({day for _, day in days}) < 2:
        return {}

    def nearest(trigger: Trigger) -> date:
        return min(days, key=lambda item: abs(item[0] - trigger.start))[1]

    return {trigger.type: nearest(trigger) for trigger in triggers[:3]}


def _one_pair(pairs: list[tuple[str, str, str]], home: str) -> tuple[str, str, str]:
    """The pair "les deux pays" means: the article's country and its partner when it is in one."""
    homes = [pair for pair in pairs if home in pair[:2]]
    return (homes or pairs)[0]


def _day(value: object) -> date | None:
    from datetime import datetime

    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def merge_interactions(interactions: Iterable[Interaction]) -> list[Interaction]:
    """One interaction per type and pair of parties within a day of each other.

    A report without a date joins a dated one of the same type and parties (and gives it its
    evidence); a visit or session told on two days running is one; the first date told is kept.
    """
    merged: list[Interaction] = []
    for item in interactions:
        for i, kept in enumerate(merged):
            if kept.type == item.type and kept.parties == item.parties and _close(kept, item):
                extra = tuple(e for e in item.evidence if e not in kept.evidence)
                merged[i] = replace(
                    kept,
                    date=kept.date or item.date,
                    location=kept.location or item.location,
                    evidence=kept.evidence + extra,
                )
                break
        else:
            merged.append(item)
    return merged


def _close(a: Interaction, b: Interaction) -> bool:
    if a.date is None or b.date is None:
        return True
    return abs((a.date - b.date).days) <= (1 if a.type in SPANNING else 0)
