"""Interactions: the parsed sentences of an article -> PLOVER interactions between states and organisations.

Match, then build. A sentence reports one interaction per PLOVER type whose trigger it holds
(`events/acts.py`, patterns/plover.toml); its parties are the countries, organisations, capitals,
seats of power and leaders it names (`events/parties.py`, patterns/countries.toml,
patterns/leaders.toml). For a directed type
(SUPPORT, AID, REJECT, ACCUSE, SANCTION, REQUEST) the parse says who acts on whom: the subject of
the trigger is the source, its object or its "à" complement the target. A sentence that names
one party only has the article's own country as the other (a Nigerien paper's "reçu par
l'ambassadeur de Turquie" is Niger and Turkey). Dates come from the article's timeline; an
interaction with no date of its own stays undated (FORMAT.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from itertools import combinations, pairwise

from vigie.events.acts import Acts, Trigger
from vigie.events.clauses import (
    ancestors,
    bare_apposition,
    finite,
    in_its_clause,
    opened_by_relative,
    told_as_main,
)
from vigie.events.context import TIME_OF_DAY, Timeline, act_day_at
from vigie.events.frames import (
    Frame,
    Phrase,
    children,
    frame,
    is_negated,
    is_subordinate,
    preposition,
    subtree,
    token_at,
)
from vigie.events.lexicon import fold_text
from vigie.events.parties import ANAPHOR, COORDINATED, Party, PartyFinder, group, told_before
from vigie.frdate import find_days, find_span, names_a_time
from vigie.nlp import Analysis
from vigie.records import Article, Evidence, Interaction, PloverType, Sentence

# "en 2006", "depuis 2005": history with a year only is not annotated
YEAR_ONLY = re.compile(r"(?:en|depuis|des|dès)\s+(?:19|20)\d\d(?!\d)")
# where it took place: "à Moscou", "à Abu Dhabi"
VENUE = re.compile(r"(?<!\w)à\s+((?:[A-ZÀ-Ý][\w'’\-]+)(?:\s+[A-ZÀ-Ý][\w'’\-]+)?)")
BOTH_SIDES = re.compile(
    r"(?<!\w)(?:les|des|aux) deux (?:pays|parties|ministres|hommes|delegations|chefs|presidents|capitales|"
    r"gouvernements|homologues|dirigeants|etats|departements|premiers ministres|armees|responsables)(?!\w)"
)
# who acts for a state when no country is named: "le ministre", "le gouvernement", "les autorités"
OFFICIAL = re.compile(
    r"president|ministre|ministere|gouvernement|autorites|ambassad|chef de l'etat|porte-parole|transition|"
    r"etat-major|diplomat|delegation|conseil|armee|etat|junte|pouvoir|koulouba|colonel|general|capitaine|"
    r"premier ministre|primature|\broi\b|\bemir|souverain|chef de la diplomatie|representant|envoye|emissaire"
)
# "il", "elle": an official when the sentence before names one
PRONOUN = re.compile(r"(?<!\w)(?:il|elle|ils|elles)(?!\w)")
# a sentence with a trigger and no party of its own takes the parties of an interaction told
# at most this many sentences before ("La rencontre a permis la signature de cinq accords.")
CARRY_SENTENCES = 2
# acts whose noun names the giver in its "de" phrase ("le soutien de la Russie"); not so for
# REJECT or ACCUSE ("le retrait du Mali", "le rejet de la demande": who withdraws, what is rejected)
GIVEN = {"SUPPORT", "AID", "COOPERATE", "REQUEST", "SANCTION"}
# prepositions of the complement an act is aimed at, beside its object
TOWARDS = frozenset({"à", "au", "aux", "contre", "envers", "auprès", "avec", "vis-à-vis"})
# a visit or a session lasts several days: reports of one within a day of each other are one
SPANNING = {"CONSULT"}
# a joint operation or a session told as a period ("menée du 15 au 22 décembre"): its middle day
# (the annotation convention for multi-day meetings and operations, TRAIN_SOURCES.md)
OVER_A_PERIOD = {"CONSULT", "COOPERATE"}
# condolences and the condemnation of an attack come after it: told without a day of their own,
# they are not dated by the attack's story (FORMAT.md: an interaction the text gives no day is null);
# a part of the day of their own ("dans l'après-midi") is the day the story tells
REACTION = re.compile(
    r"condoleances|compassion|condamn\w*(?: \S+){0,3} (?:attaque|attentat|assassinat|massacre)"
)
# "Dans une lettre adressée à la présidence du Conseil de sécurité, le ministre accuse…": a
# fronted prepositional phrase does not hold the subject
FRONTED = re.compile(
    r"^(?:dans|selon|au cours|lors|en marge|par|pour|apres|a l'issue|a la suite|face|malgre|depuis)\b[^,]*,"
)
# verbs whose complement is an act not yet done (FORMAT.md: plans and promises are not interactions)
PROMISED = frozenset({"promettre", "envisager", "prévoir", "projeter", "vouloir", "souhaiter", "proposer"})


class DiplomacyRules:
    """The PLOVER lexicons, loaded once; `extract` is pure."""

    def __init__(self) -> None:
        self.acts = Acts()
        self.party_finder = PartyFinder()

    def find_types(self, folded: str) -> list[PloverType]:
        """The PLOVER types a folded sentence reports, the most specific first (`Acts.find_types`)."""
        return self.acts.find_types(folded)

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
            groups.append(self.party_finder.named(sentences[0]))
        for index in indexes:
            sentence = sentences[index]
            if index in analysis.irrealis:
                continue
            folded = fold_text(sentence.text)
            dated = timeline[index]
            day = dated.act_day
            if indexes == [0] and day is None:
                day = _day(article.published)  # a headline without text: the news of its day
            triggers = self.acts.find_triggers(folded, sentence.text, partial(self._realis, sentence))
            joint = self._joint_forces(folded, sentence.text)
            if joint and all(t.type != "COOPERATE" for t in triggers):
                triggers.append(Trigger("COOPERATE", joint[0], joint[0]))
            if not triggers or self.acts.not_interactions.search(folded):
                groups.append(self.party_finder.named(sentence))
                continue
            if YEAR_ONLY.search(folded) and not dated.stated:
                continue  # "en 2006, les deux pays avaient signé…": history
            fronted = FRONTED.match(folded)
            anaphor = ANAPHOR.match(folded[fronted.end() if fronted else 0 :]) is not None
            parties = self.party_finder.find(
                folded,
                sentence.text,
                home,
                group(folded, groups, self.party_finder.countries, self.party_finder.gazette, sentence.text),
                told_before(groups, home) if anaphor else (),
            )
            groups.append(self.party_finder.named(sentence))
            acts: list[tuple[PloverType, list[tuple[str, str, str]]]] = []
            for trigger in triggers:
                pairs = self.party_finder.apart_from_members(
                    self._pairs(
                        trigger,
                        in_its_clause(sentence, trigger, parties),
                        sentence,
                        fronted.end() if fronted else 0,
                        folded,
                        home,
                        fold_text(sentences[index - 1].text) if index > 0 else "",
                        told_before(groups[:-1], home),
                    )
                )
                if joint and trigger.type == "COOPERATE":  # the joint forces and whoever supports them
                    together = joint[1] + [p.code for p in parties if p.start >= 0 and not p.venue]
                    pairs = [(a, b, "COOPERATE") for a, b in combinations(dict.fromkeys(together), 2)]
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
            own = {t.type: act_day_at(sentence, t.start, dated, day) for t in reversed(triggers)}
            for kind, pairs in acts:
                when = dated_acts.get(kind, own.get(kind, day))
                if kind == "SUPPORT" and not dated.stated and _reacts(triggers, folded):
                    # undated, unless it names its part of the day ("a condamné dans l'après-midi")
                    when = when if TIME_OF_DAY.search(folded) else None
                if span is not None and kind in OVER_A_PERIOD:
                    when = span[0] + (span[1] - span[0]) // 2
                published = _day(article.published)
                if when is not None and published is not None and when > published:
                    continue  # "le président reçoit lundi les chefs d'État": after the page, a plan
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
        if self.acts.joint_acts.search(folded) is None:
            return None
        found = [f for f in self.party_finder.gazette.find(folded, original) if f.names]
        for forces in self.acts.joint_forces.finditer(folded):
            chain = [f for f in found if forces.end() <= f.start <= forces.end() + 12][:1]
            for item in found[found.index(chain[0]) + 1 :] if chain else []:
                if not COORDINATED.match(folded[chain[-1].end : item.start]):
                    break
                chain.append(item)
            codes = list(dict.fromkeys(f.names[0].canonical for f in chain))
            if len(codes) >= 2 and all(code in self.party_finder.countries for code in codes):
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
        if (
            is_subordinate(sentence, index, participles=trigger.type != "COOPERATE")
            and not finite(sentence, index)
            and not bare_apposition(sentence, index)
            and not told_as_main(sentence, index)
        ):
            return False
        if opened_by_relative(sentence, index):
            return False
        roles = frame(sentence, index)
        head = sentence.tokens[roles.trigger].head
        if sentence.tokens[head].lemma.lower() in PROMISED:
            return False  # "il a promis l'assistance de la Russie": a promise, not an act
        if sentence.tokens[head].lemma.lower() == "aller" and sentence.tokens[head].tense in {"Pres", "Fut"}:
            return False  # "les soldats vont quitter le pays": the near future
        # "les soldats ne sont pas des mercenaires": a predicate noun negated by its copula
        return roles.realis and not roles.negated and not is_negated(sentence, roles.trigger)

    def _title_pairs(self, analysis: Analysis, home: str) -> tuple[int, list[tuple[str, str, str]]] | None:
        """The parties a title names ("Paraphe des accords … de la Fédération de Russie"), paired."""
        if not analysis.has_title or not analysis.sentences:
            return None
        title = analysis.sentences[0]
        folded = fold_text(title.text)
        parties = self.party_finder.find(folded, title.text, home)
        pairs = self.party_finder.apart_from_members(
            self._pairs(Trigger("CONSULT", 0, 0), parties, title, 0, folded, home)
        )
        return (-CARRY_SENTENCES - 1, pairs) if pairs else None  # only "les deux pays" refers to it

    def _pairs(
        self,
        trigger: Trigger,
        parties: list[Party],
        sentence: Sentence,
        subject_from: int,
        folded: str,
        home: str,
        previous: str = "",
        told: Sequence[str] = (),
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
            sources, targets = self._roles(
                trigger, parties, sentence, subject_from, folded, home, previous, told
            )
            if not sources or not targets:
                return []
            return [(a, b, trigger.type) for a in sources for b in targets if a != b]
        if _listed(
            named, _list_may_stand(sentence, trigger), folded
        ):  # "les chefs d'État du Mali, du Burkina Faso et du Niger ont signé",
            # "la réunion tripartite des armées du Sénégal, du Mali et de la Mauritanie": each with each
            return [(a, b, trigger.type) for a, b in combinations(dict.fromkeys(codes), 2)]
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
        told: Sequence[str] = (),
    ) -> tuple[list[str], list[str]]:
        named = [p for p in parties if not p.venue]
        explicit = [p for p in named if p.start >= 0]
        roles = self._frame(sentence, trigger)
        sources: list[str] = []
        targets: list[str] = []
        if roles is not None and (roles.agent or roles.patient or roles.obliques):
            sources, targets = _cast(explicit, roles, sentence)
            if not sources and not targets and (verb := _verb_of(sentence, roles.trigger)) is not None:
                # "Sonko a assuré le Mali de la solidarité du Sénégal": the act's noun names no one,
                # the verb it completes says who gives it to whom
                roles = frame(sentence, verb)
                sources, targets = _cast(explicit, roles, sentence)
            if not sources:  # "l'ambassadeur du Mali, Issa Konfourou, a accusé": the title before the name
                sources = [p.code for p in explicit if _in_title(p, roles.agent, sentence, folded)]
                targets = [code for code in targets if code not in sources]
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
            earlier = [code for code in told if code not in targets] if PRONOUN.search(subject) else []
            earlier = [code for code in earlier if code != home] + [code for code in earlier if code == home]
            # "il a appelé ces deux pays à …": "il" is the party the sentence before named first
            implied = next((p.code for p in parties if p.start < 0), earlier[0] if earlier else home)
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
        word = sentence.tokens[roles.trigger]
        if not roles.agent and word.pos == "VERB" and word.dep == "conj" and word.head != roles.trigger:
            # "le ministre accuse la France … et demande une réunion": coordinated verbs share a subject
            roles = replace(roles, agent=frame(sentence, word.head).agent)
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


def _listed(parties: list[Party], may_stand: tuple[int, int, list[tuple[int, int]]], folded: str) -> bool:
    """Three parties or more listed together where the act's own parties stand — before the trigger,
    or in the trigger's phrase or its clause's subject ("la réunion tripartite des armées du Sénégal,
    du Mali et de la Mauritanie"): a many-party act, one entry per pair (FORMAT.md). A list in
    another phrase ("interviennent après la sortie du Mali, du Burkina et du Niger") is not."""
    start, trigger, spans = may_stand
    run: list[Party] = []
    for party in (p for p in parties if p.start >= 0):
        if not (start <= party.start < trigger or any(a <= party.start < b for a, b in spans)):
            run = []
            continue
        if run and (run[-1].code == party.code or not COORDINATED.match(folded[run[-1].end : party.start])):
            run = []
        run.append(party)
        if len(run) >= 3:
            return True
    return False


def _list_may_stand(sentence: Sentence, trigger: Trigger) -> tuple[int, int, list[tuple[int, int]]]:
    """Where the parties of an act may be listed (sentence offsets): from the start to the trigger,
    and the spans of the trigger word's phrase and of its clause's subject."""
    spans: list[tuple[int, int]] = []
    index = token_at(sentence, sentence.start + trigger.start) if sentence.tokens else None
    if index is not None:
        heads = [index]
        verb = next(
            (i for i in ancestors(sentence, index) if sentence.tokens[i].pos in {"VERB", "AUX"}), None
        )
        if verb is not None:
            heads += [
                i for i in children(sentence, verb) if sentence.tokens[i].dep in {"nsubj", "nsubj:pass"}
            ]
        for head in heads:
            words = [sentence.tokens[i] for i in subtree(sentence, head)]
            spans.append((words[0].start - sentence.start, words[-1].end - sentence.start))
        # the words after the trigger up to the next verb: its phrase when the parser split it
        # ("la réunion tripartite des commandements du Sénégal, du Mali et …")
        verbs = [t for t in sentence.tokens[index + 1 :] if t.pos in {"VERB", "AUX"}]
        end = verbs[0].start if verbs else sentence.end
        spans.append((trigger.start, end - sentence.start))
    return 0, trigger.start, spans


def _cast(explicit: list[Party], roles: Frame, sentence: Sentence) -> tuple[list[str], list[str]]:
    """The parties in the agent (sources) and in the object or addressed complements (targets)."""
    sources: list[str] = []
    targets: list[str] = []
    offset = sentence.start
    for party in explicit:  # "le général Abdourahamane Tiani" overlaps the subject "Tiani"
        start, end = party.start + offset, party.end + offset
        if any(p.start < end and start < p.end for p in roles.agent):
            sources.append(party.code)
        elif any(p.start <= start < p.end for p in roles.patient + _addressed(roles, sentence)):
            targets.append(party.code)
    return sources, targets


def _verb_of(sentence: Sentence, noun: int) -> int | None:
    """The verb a trigger noun completes ("a exprimé sa solidarité": exprimer), if it is a noun."""
    if sentence.tokens[noun].pos not in {"NOUN", "PROPN"}:
        return None
    for index in ancestors(sentence, noun)[1:]:
        if sentence.tokens[index].pos in {"VERB", "AUX"}:
            return index
    return None


def _addressed(roles: Frame, sentence: Sentence) -> tuple[Phrase, ...]:
    """The complements that name whom an act is aimed at: "au Conseil", "contre la France", "auprès
    de l'ONU"; not a time or the occasion ("lors d'une réunion du Conseil de sécurité") when the act
    has an object. Without an object, every complement may."""
    if not roles.patient:
        return roles.obliques
    return tuple(p for p in roles.obliques if preposition(sentence, p.head) in TOWARDS)


def _in_title(party: Party, agent: tuple[Phrase, ...], sentence: Sentence, folded: str) -> bool:
    """A party named in the title set off by a comma before the name that is the subject: "l'ambassadeur
    du Mali auprès des Nations unies, Issa Konfourou, a accusé …" (the parser takes the name for the
    subject and the title for another phrase; French news names an official by title, then name)."""
    for phrase in agent:
        start = phrase.start - sentence.start
        before = folded[:start].rstrip()
        if not before.endswith(","):
            continue
        comma = len(before) - 1
        opening = max(folded.rfind(",", 0, comma), folded.rfind(":", 0, comma)) + 1
        if opening <= party.start < comma:
            return True
    return False


def _dated_acts(triggers: list[Trigger], days: list[tuple[int, date]]) -> dict[PloverType, date]:
    """The acts of a sentence that dates two ("en visite depuis le 18 février, il a assisté le 20
    février à la signature…"): each type takes its nearest day, when the days differ."""
    if len(triggers) < 2 or len({day for _, day in days}) < 2:
        return {}

    def nearest(trigger: Trigger) -> date:
        return min(days, key=lambda item: abs(item[0] - trigger.start))[1]

    return {trigger.type: nearest(trigger) for trigger in triggers[:3]}


def _reacts(triggers: list[Trigger], folded: str) -> bool:
    """The sentence's support is a reaction to an attack: a condemnation, condolences."""
    return any(t.to_home for t in triggers) or REACTION.search(folded) is not None


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
        undated = b if b.date is None else a
        # "En octobre 2023, une délégation avait été reçue": undated by its own words, another act
        return a.date == b.date or not names_a_time(undated.evidence[0].sentence)
    return abs((a.date - b.date).days) <= (1 if a.type in SPANNING else 0)
