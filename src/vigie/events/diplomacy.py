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
from itertools import combinations

from vigie.events.act_model import ActModel
from vigie.events.acts import Acts, Trigger
from vigie.events.clauses import (
    ancestors,
    bare_apposition,
    finite,
    in_its_clause,
    opened_by_relative,
    told_as_main,
    told_as_plan,
)
from vigie.events.context import TIME_OF_DAY, Timeline, act_day_at
from vigie.events.frames import frame
from vigie.events.lexicon import fold_text
from vigie.events.mood import is_negated, is_subordinate
from vigie.events.parties import COORDINATED, PartyFinder, group, points_back, told_before
from vigie.events.roles import pair_parties
from vigie.events.tree import children, subtree, token_at
from vigie.frdate import find_days, find_span, names_a_time
from vigie.nlp import Analysis
from vigie.records import Article, Evidence, Interaction, PloverType, Sentence

# how what is asked hangs on the word that asks it: its object, an infinitive, a "de"/"à" phrase
COMPLEMENTS = frozenset({"obj", "iobj", "xcomp", "ccomp", "obl", "nmod", "acl"})
# "en 2006", "depuis 2005": history with a year only is not annotated
YEAR_ONLY = re.compile(r"(?:en|depuis|des|dès)\s+(?:19|20)\d\d(?!\d)")
# where it took place: "à Moscou", "à Abu Dhabi"
VENUE = re.compile(r"(?<!\w)à\s+((?:[A-ZÀ-Ý][\w'’\-]+)(?:\s+[A-ZÀ-Ý][\w'’\-]+)?)")
BOTH_SIDES = re.compile(
    r"(?<!\w)(?:les|des|aux) deux (?:pays|parties|ministres|hommes|delegations|chefs|presidents|capitales|"
    r"gouvernements|homologues|dirigeants|etats|departements|premiers ministres|armees|responsables)(?!\w)"
)
# a sentence with a trigger and no party of its own takes the parties of an interaction told
# at most this many sentences before ("La rencontre a permis la signature de cinq accords.")
CARRY_SENTENCES = 2
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
# who can be received in audience: officials, envoys, delegations (anything else received is a thing)
PEOPLE = re.compile(
    r"ministr|ambassad|président|presid|délégation|delegation|homologue|émissaire|envoy|chef|secrétaire|"
    r"représentant|directeur|directrice|général|colonel|capitaine|commandant|officier|responsable|"
    r"diplomate|chargé|consul|roi|prince|émir|premier|vice|membre|sénateur|député|gouverneur|maire|"
    r"conseiller|patron|dirigeant|hôte|visiteur|personnalité|porte-parole|haut|"
    r"m\.|mme|monsieur|madame|sem$|excellence"  # civilities: "M. Amadou Bâ, ministre …", "SEM …"
)

WEEKDAYS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"})


class DiplomacyRules:
    """The PLOVER lexicons, loaded once; `extract` is pure."""

    def __init__(self) -> None:
        self.acts = Acts()
        self.party_finder = PartyFinder()
        self.act_model = ActModel.load()  # the trained weighing of the rules' types, if shipped
        self.directed = frozenset(rule.type for rule in self.acts.rules if rule.directed)

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
        people = self.party_finder.people(sentences)  # officials named with their state, and where
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
            if self.act_model is not None:  # the types the annotated sentences say its words tell
                triggers = self.act_model.revise(sentence, triggers, self.directed)
            known = {name: code for told_at, name, code in people if told_at < index}
            if not triggers or self.acts.not_interactions.search(folded):
                groups.append(self.party_finder.named(sentence, known))
                continue
            if YEAR_ONLY.search(folded) and not dated.stated:
                continue  # "en 2006, les deux pays avaient signé…": history
            fronted = FRONTED.match(folded)
            anaphor = points_back(sentence, folded, fronted.end() if fronted else 0)
            parties = self.party_finder.find(
                folded,
                sentence.text,
                home,
                group(
                    folded,
                    groups,
                    self.party_finder.countries,
                    self.party_finder.gazette,
                    sentence.text,
                    self.party_finder.members,
                ),
                told_before(groups, home) if anaphor else (),
                known,
            )
            groups.append(self.party_finder.named(sentence, known))
            acts: list[tuple[PloverType, list[tuple[str, str, str]]]] = []
            for trigger in triggers:
                pairs = self.party_finder.apart_from_members(
                    pair_parties(
                        trigger,
                        in_its_clause(sentence, trigger, parties),
                        sentence,
                        fronted.end() if fronted else 0,
                        folded,
                        home,
                        fold_text(sentences[index - 1].text) if index > 0 else "",
                        told_before(groups[:-1], home),
                    ),
                    parties,
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
        return self._members_for_their_organisation(merge_interactions(found))

    def _members_for_their_organisation(self, found: list[Interaction]) -> list[Interaction]:
        """Drop an act with an organisation told the same day with each of its members ("Lavrov a
        réuni ses homologues du Mali, du Burkina Faso et du Niger", then "les pays de l'AES"): the
        states stand for it, and it is no party a second time."""
        told = {(i.type, i.date, frozenset(i.parties)) for i in found}
        members = self.party_finder.members
        return [
            i
            for i in found
            if not any(
                members.get(org)
                and all((i.type, i.date, frozenset((other, m))) in told for m in members[org])
                for org, other in (i.parties, i.parties[::-1])
            )
        ]

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
        if opened_by_relative(sentence, index) or told_as_plan(sentence, index):
            return False
        roles = frame(sentence, index)
        head = sentence.tokens[roles.trigger].head
        if sentence.tokens[head].lemma.lower() in self.acts.not_done or _under(
            sentence, index, self.acts.not_done
        ):
            return False  # "il a promis l'assistance de la Russie", "a renoncé à signer l'accord"
        if _going_on(sentence, index, self.acts.since):
            return False  # "depuis la rupture, la Russie forme l'armée malienne": a state, no act
        if _in_background(sentence, index, self.acts.background):
            return False  # "depuis la rupture avec la France, la Russie forme l'armée": a date, no news
        if trigger.type != "REQUEST" and _under(sentence, index, self.acts.requesting):
            return False  # "a demandé au Conseil de sanctionner ces acteurs": what is asked
        if sentence.tokens[head].lemma.lower() == "aller" and sentence.tokens[head].tense in {"Pres", "Fut"}:
            return False  # "les soldats vont quitter le pays": the near future
        tokens = sentence.tokens
        if any(
            tokens[i].lemma.lower() in self.acts.ongoing
            for up in ancestors(sentence, index)
            for i in children(sentence, up)
        ):
            return False  # "Ouagadougou accuse régulièrement Abidjan de …": a habit, no act of a day
        if (
            trigger.type == "CONSULT"
            and tokens[roles.trigger].lemma.lower() == "recevoir"
            and roles.patient
            and not any(_a_person(sentence, p.head) for p in roles.patient)
        ):
            return False  # "Bamako a reçu de nouveaux appareils": things received, no audience
        if trigger.negative:
            return roles.realis  # "n'engagent nullement le Niger": the refusal is told by its negation
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
            pair_parties(Trigger("CONSULT", 0, 0), parties, title, 0, folded, home)
        )
        return (-CARRY_SENTENCES - 1, pairs) if pairs else None  # only "les deux pays" refers to it


def _under(sentence: Sentence, index: int, lemmas: frozenset[str]) -> bool:
    """A trigger in the complement of one of these words: of a request ("a demandé au Conseil de
    trouver une formulation permettant de sanctionner …": what is asked, no act done), of a promise
    or a renouncement ("a renoncé à signer l'accord"). Its subject ("la demande du Mali a été
    rejetée") is no complement, nor a clause beside it ("a exigé son départ et retiré l'agrément")."""
    tokens = sentence.tokens
    path = ancestors(sentence, index)
    for below, above in zip(path, path[1:], strict=False):
        if tokens[below].dep.startswith("nsubj"):
            return False
        if tokens[above].lemma.lower() in lemmas:
            return tokens[below].dep.split(":")[0] in COMPLEMENTS
    return False


def _going_on(sentence: Sentence, index: int, prepositions: frozenset[str]) -> bool:
    """The verb that governs a trigger is in a simple tense (no auxiliary) with a "depuis" phrase: a
    state that goes on ("la Russie forme l'armée depuis la rupture"), not an act done on a day."""
    tokens = sentence.tokens
    for up in ancestors(sentence, index):
        if tokens[up].pos not in {"VERB", "AUX"}:
            continue
        under = children(sentence, up)
        # a simple tense: the tagger reads "fournit" as a passé simple as often as a present
        if tokens[up].tense not in {"Pres", "Imp", "Past"} or any(
            tokens[i].dep.startswith("aux") for i in under
        ):
            return False
        return any(
            tokens[i].dep.startswith("obl")
            and any(
                tokens[c].dep == "case" and tokens[c].lemma.lower() in prepositions
                for c in children(sentence, i)
            )
            for i in under
        )
    return False


def _in_background(sentence: Sentence, index: int, prepositions: frozenset[str]) -> bool:
    """A trigger in a phrase of time that dates the news ("depuis la fin de l'accord, dont Bamako
    s'est retiré, …"): the word it hangs on, or one above it, is introduced by such a preposition.
    A phrase that gives the act its own day tells it ("après l'entretien téléphonique du 26 mars")."""
    tokens = sentence.tokens
    return any(
        tokens[child].dep == "case"
        and tokens[child].lemma.lower() in prepositions
        and not names_a_time(" ".join(tokens[i].text for i in sorted(subtree(sentence, up))))
        for up in ancestors(sentence, index)
        if tokens[up].pos in {"NOUN", "PROPN"}
        for child in children(sentence, up)
    )


def _a_person(sentence: Sentence, head: int) -> bool:
    """A received object that is someone: a name, a pronoun or a word for an official; a day the
    parser took for the object ("a reçu le mardi 5 mars son homologue") hides what was received."""
    token = sentence.tokens[head]
    return (
        token.lemma.lower() in WEEKDAYS
        or token.pos in {"PROPN", "PRON"}
        or PEOPLE.match(token.lemma.lower()) is not None
    )


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
