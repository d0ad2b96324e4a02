"""Security events: sentences of an analysed article -> ACLED events (type, actors, date, place, toll).

Match, then build: `find_triggers` says which ACLED sub-event type a sentence reports (rules
in patterns/acled.toml), then `SecurityRules.extract` builds one event per place named, with
actors from patterns/actors.toml, the date resolved against the publication date and the
place resolved by the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import pairwise
from typing import Protocol

from vigie.events.lexicon import (
    Found,
    compile_phrases,
    fold_text,
    load_actors,
    load_country_words,
    read_table,
)
from vigie.events.places import Toponym, find_toponyms
from vigie.frdate import EventDate, find_event_date
from vigie.frnumber import parse_number
from vigie.nlp import Analysis
from vigie.records import Article, Event, EventType, Evidence, Place, Sentence, SubEventType

UNIDENTIFIED = "Unidentified Armed Group"
CIVILIANS = "Civilians"
MALI_FORCES = "Military Forces of Mali"
STATE_LED: set[str] = {
    "Air/drone strike", "Arrests", "Disrupted weapons use", "Looting/property destruction", "Other",
    "Government regains territory",
}  # fmt: skip
# "revendiqué par l'organisation État islamique": the claimant is the attacker of the article's event
CLAIM = re.compile(r"revendiqu\w*\s+(?:\w+\s+){0,3}?par\s+")
# "Le CSP a revendiqué l'opération": the claimant before the verb
CLAIM_ACTIVE = re.compile(r"\b(?:a|ont)\s+revendique\b")
# "les assaillants, vraisemblablement de l'EIGS", "les ravisseurs seraient des éléments de la katiba"
AUTHOR = re.compile(r"(?:assaillants|attaquants|ravisseurs|auteurs)\b")
AUTHOR_REACH = 60  # characters after "les assaillants" where their group may be named
NOT_CLAIMANTS = {"Unidentified Armed Group", "Civilians", "MINUSMA"}
# "plusieurs spécialistes soupçonnent l'EIGS": suspicion names no author
SUSPICION = re.compile(r"soupcon|suspect|pourrait|pourraient|hypothese")
# "attaqué par des hommes armés": the agent of a passive verb
PASSIVE_AGENT = re.compile(
    r"\w+(?:e|ee|es|ees|is|ise|ises|u|ue|us|ues)\s+(?:[\w']+\s+){0,6}?par\s+(?:des?|les?|la|l'|un|une)?\s*$"
)
# a toll: "23 morts", "17 militaires tués", "a fait au moins 22 morts", "203 combattants neutralisés"
TOLL = re.compile(
    r"(?<!\w)(\d[\d \u00a0.]*\d|\d|(?:une?\s+)?[a-z]+(?:[\s-](?:et[\s-])?[a-z]+)*)\s+"
    r"(?:(?:[a-z'\-]+\s+){0,4}?)(?:morts?|tues?|tuees?|neutralises?|corps|victimes|ont peri|ont perdu la vie|"
    r"ont ete tues|executes?|decedes?|cadavres)(?!\w)"
)
# verbs of an operation led by state forces: "les FAMa ont neutralisé / repoussé / frappé"
STATE_ACTION = re.compile(
    r"neutralis|repouss|frapp|deroute|ripost|bombard|interpell|detrui|aneanti|poursuivi|traque"
)
# a toll after its verb: "tuant sept civils", "ont permis de neutraliser une douzaine de terroristes"
TOLL_AFTER = re.compile(
    r"(?:tuant|tue|tues|faisant|a fait|ont fait|neutraliser|neutralisant|abattu|abattant|executant)\s+"
    r"(?:au moins\s+|pres de\s+|plus de\s+|environ\s+)?(\d[\d \u00a0.]*\d|\d|(?:une?\s+)?[a-z]+(?:-[a-z]+)*)\s+"
    r"(?!bless)"
)
NO_CASUALTY = re.compile(r"sans (?:faire de )?(?:victime|blesse|perte)|aucune perte|pas de victime")
# "Radisson Blu de Bamako", "Président Modibo Keïta de Bamako": the place is after the last "de"
TAIL = re.compile(r"\s(?:de|du|d')\s*([A-ZÀ-Ý][\w\-]*\w(?:\s+[A-ZÀ-Ý][\w\-]*\w)*)$")
# "dans la localité de Tibezas", "le village peul d'Ogossagou": an unknown name given as a place
PLACE_WORD_BEFORE = re.compile(
    r"(?:localite|village|hameau|commune|ville|camp|poste|quartier|site)(?:\s+\w+)?\s+(?:de\s+|d'|du\s+)$"
)
# "à Moura", "dans Gao": a name spaCy calls a place, introduced as one
LOCATIVE_BEFORE = re.compile(r"(?:^|\s)(?:a|au|dans|vers|sur|pres de|de)\s+$")
# "Bamako, le 27 mars 2020 – ": the place the report was written in
DATELINE = re.compile(r"^[A-ZÀ-Ý][\w'’ -]{1,30},\s*le\s+[^–—-]{6,40}?\d{4}\s*[–—-]\s")
# "ont attaqué Ogossagou": the object of an attack verb is a place
ATTACKED_BEFORE = re.compile(r"(?:attaque|attaquent|attaquaient|assiege|pris d'assaut|investi|encercle)\s+$")
# "attaqués par des combattants de la katiba": the agent phrase, blanked when counting targets
AGENT_PHRASE = re.compile(r"\bpar\s+(?:des|les|un|une|la|le|l')\s*[^,.;:]*")
# "a rendu public vendredi le bilan", "indique dans un communiqué publié le 1er avril": a report's date
REPORT_DATE = re.compile(
    r"(?:rendu public|rendu publique|publie|communique|annonce|indique|precise|declare|fait savoir)\w*\s+"
    r"(?:ce\s+|le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d{1,2}(?:er)?\s+[a-z]+)"
)
DATE_WORDS = re.compile(
    r"(?<!\w)(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|la veille|le lendemain)(?!\w)"
    r"|(?<!\d)\d{1,2}(?:er)?\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
)
# between two names of one list: "Diallassagou, Dianweli et Deguessagou"
LISTED = re.compile(r"^\s*(?:,|et|,\s*et)\s*$")
# "à l'est de Nioro, ainsi qu'au nord de Kayes": two places struck
ALSO = re.compile(r"ainsi qu|de meme qu|et aussi")
# "Selon le maire et un responsable de la gendarmerie de Koutiala, …": the source, not the event
SOURCE_FIRST = re.compile(r"^(?:selon|d'apres|de source)\b[^,]{0,150},")
# who a toll counts: "trois casques bleus ont été tués", "sept civils"
PEOPLE = re.compile(
    r"(?:soldat|militaire|civil|personne|casque|terroriste|assaillant|villageois|passager|enfant|femme|homme|"
    r"gendarme|policier|membre|combattant|jihadiste|djihadiste|otage|eleve|agent|chauffeur|fidele|victime|"
    r"habitant|mort|corps|individu|elements?|garde|ressortissant|touriste|expatrie|client|paysan|berger)"
)
# armed men as the subject of an active verb: "des individus armés ont incendié"
ARMED_SUBJECT = re.compile(
    r"(?:hommes|individus|elements|assaillants|inconnus)\s+(?:lourdement\s+)?armes\s+(?:non identifies\s+)?(?:ont|a)\s"
)
MAX_PLACES = 6  # a sentence listing more places than this is a summary, not events


class Locate(Protocol):
    """What the events stage needs of the gazetteer (vigie.geo.Gazetteer)."""

    def locate(self, name: str, admin1: str | None = None, country: str | None = None) -> Place | None: ...

    def resolve(self, mention: str, context: str = "") -> Place | None: ...


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: EventType
    sub_event_type: SubEventType
    priority: int
    attack: bool  # generic assault words: the target decides the type
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Match:
    """A sentence that reports a sub-event type."""

    event_type: EventType
    sub_event_type: SubEventType


class SecurityRules:
    """The ACLED lexicons, loaded once; `extract` is pure."""

    def __init__(self) -> None:
        table = read_table("acled.toml")
        self.triggers = tuple(
            Trigger(
                t["event_type"],
                t["sub_event_type"],
                int(t["priority"]),
                t.get("kind") == "attack",
                compile_phrases(t["patterns"]),
            )
            for t in table["trigger"]
        )
        self.civilian_targets = compile_phrases(table["targets"]["civilians"])
        self.armed_targets = compile_phrases(table["targets"]["armed"])
        self.not_events = compile_phrases(table["not_events"]["patterns"])
        self.masks = compile_phrases(table["masks"]["patterns"])
        self.actors, self.generic, self.national, self.inter, self.unarmed = load_actors()
        self.countries = load_country_words()

    def find_trigger(self, folded: str) -> Match | None:
        """The sub-event type a folded sentence reports, or None.

        >>> rules = SecurityRules()
        >>> rules.find_trigger(fold_text("Des hommes armés ont attaqué le village de Sobane Da."))
        Match(event_type='Violence against civilians', sub_event_type='Attack')
        >>> rules.find_trigger(fold_text("Le camp a été frappé par un attentat-suicide au véhicule piégé."))
        Match(event_type='Explosions/Remote violence', sub_event_type='Suicide bomb')
        >>> rules.find_trigger(fold_text("Ce plan prévoit le recrutement de 24.000 nouveaux soldats.")) is None
        True
        """
        if self.not_events.search(folded):
            return None
        found = [t for t in self.triggers if t.pattern.search(folded)]
        if not found:
            return None
        best = max(found, key=lambda t: t.priority)
        if best.attack:
            return self._attack_type(folded)
        return Match(best.event_type, best.sub_event_type)

    def _attack_type(self, folded: str) -> Match:
        targets = AGENT_PHRASE.sub(" ", folded)  # "attaqués par des combattants": the attacker, not a target
        civilians = len(self.civilian_targets.findall(targets))
        armed = len(self.armed_targets.findall(targets))
        if armed == 0 or civilians > armed:
            return Match("Violence against civilians", "Attack")
        return Match("Battles", "Armed clash")

    def extract(
        self, article: Article, analysis: Analysis, locate: Locate | None, reference_year: int | None
    ) -> list[Event]:
        """The events an article reports, one per place and day, merged when reported twice."""
        published = _day(article.published)
        sentences = list(analysis.sentences)
        body_from = 1 if analysis.has_title else 0
        events = self._from_sentences(
            article, sentences, range(body_from, len(sentences)), analysis, locate, published, reference_year
        )
        if not events and analysis.has_title and _is_empty_body(article.body):
            events = self._from_sentences(
                article, sentences, [0], analysis, locate, published, reference_year
            )
        claimant = self._claimant(sentences, published)
        if claimant is not None and events:
            first = events[0]
            if (
                first.sub_event_type not in STATE_LED
                and first.actor1 in {UNIDENTIFIED, "Other", MALI_FORCES}
                and (claimant != first.actor1)
            ):
                actor2 = first.actor2
                if first.event_type == "Battles" and actor2 in {None, UNIDENTIFIED, claimant, MALI_FORCES}:
                    actor2 = self.national.get(first.place.country if first.place else "MLI", MALI_FORCES)
                events[0] = replace(first, actor1=claimant, actor2=actor2)
        events = _merge_same_spot(events)
        events = self._later_tolls(events, sentences[body_from:])
        if len(events) == 1 and events[0].fatalities is None:
            events[0] = replace(events[0], fatalities=self._article_toll(sentences))
        return events

    def _later_tolls(self, events: list[Event], sentences: Sequence[Sentence]) -> list[Event]:
        """Tolls told after the event, in a sentence of their own ("Trois Casques bleus ont été tués."):
        they go to the event told just before, or to the one whose place the sentence names."""
        if not events:
            return events
        told = {e.start for event in events for e in event.evidence}
        for sentence in sentences:
            if sentence.start in told:
                continue
            folded = fold_text(sentence.text)
            toll = _toll(folded)
            if toll is None or self.not_events.search(folded) or DATE_WORDS.search(folded):
                continue  # no toll, a general one ("depuis le début de l'année"), or one dated apart
            before = [i for i, event in enumerate(events) if event.evidence[0].start < sentence.start]
            named = [i for i in before if _names_place(sentence.text, events[i])]
            chosen = named[-1] if named else before[-1] if before else None
            if chosen is not None and events[chosen].fatalities is None:
                events[chosen] = replace(events[chosen], fatalities=toll)
        return events

    def _from_sentences(
        self,
        article: Article,
        sentences: Sequence[Sentence],
        indexes: Sequence[int] | range,
        analysis: Analysis,
        locate: Locate | None,
        published: date | None,
        reference_year: int | None,
    ) -> list[Event]:
        events: list[Event] = []
        previous: date | None = None  # the last day the article named: "Le poste a été attaqué vers 1 heure"
        for index in indexes:
            sentence = sentences[index]
            folded = fold_text(sentence.text)
            when = find_event_date(sentence.text, published, previous, reference_year)
            if when is not None and when.precision == 1:
                previous = when.day
            if index in analysis.irrealis:
                continue
            match = self.find_trigger(self._masked(folded, sentence, analysis))
            if match is None:
                continue
            if when is not None and REPORT_DATE.search(folded) and len(DATE_WORDS.findall(folded)) == 1:
                when = EventDate(when.day, 2)  # "a rendu public vendredi le bilan": when it was told
            if when is None:
                when = EventDate(previous, 1) if previous else EventDate(published, 2) if published else None
            when = when or EventDate(None, 3)
            source = SOURCE_FIRST.match(folded)  # "Selon le maire et la gendarmerie de Koutiala, …"
            told_from = source.end() if source else 0
            found = [f for f in self.actors.find(folded, sentence.text) if f.start >= told_from]
            places = self._places(sentence, analysis, found, locate, told_from)
            if not places:
                continue
            toll = None if len(places) > 1 else _toll(folded)
            for toponym, place, precision in places:
                country = place.country if place is not None else "MLI"
                actor1, actor2 = self._actors(match, found, folded, when.day, country)
                if actor2 == actor1:  # one side named twice ("les FAMa … l'armée"): the other side is unnamed
                    actor2 = UNIDENTIFIED if actor1 in self.national.values() else None
                events.append(
                    Event(
                        event_type=match.event_type,
                        sub_event_type=match.sub_event_type,
                        date=when.day,
                        date_precision=when.precision,
                        actor1=actor1,
                        actor2=actor2,
                        location=toponym.name,
                        place=None if place is None else replace(place, geo_precision=precision),
                        fatalities=toll,
                        evidence=(Evidence(article.id, sentence.text, sentence.start, sentence.end),),
                    )
                )
        return events

    def _masked(self, folded: str, sentence: Sentence, analysis: Analysis) -> str:
        """The sentence with names of organisations and `masks` phrases blanked for trigger search:
        "Comité national du rassemblement pour le développement" holds no protest."""
        spans = [m.span() for m in self.masks.finditer(folded)]
        spans += [
            (m.start - sentence.start, m.end - sentence.start)
            for m in analysis.mentions
            if m.label == "ORG" and sentence.start <= m.start < sentence.end and len(m.text.split()) >= 3
        ]
        for start, end in spans:
            folded = folded[:start] + " " * (end - start) + folded[end:]
        return folded

    def _places(
        self,
        sentence: Sentence,
        analysis: Analysis,
        actors: list[Found],
        locate: Locate | None,
        told_from: int = 0,
    ) -> list[tuple[Toponym, Place | None, int]]:
        """The places an event of this sentence is at: direct ones, else references, else containers."""
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
                bool(resolved)
                and len(toponym.name) > 3  # "Sebabougou, Cer." is a teaser cut short
                and LISTED.match(text[resolved[-1][0].end : toponym.start]) is not None
            )  # "les villages de Diallassagou, Dianweli et Deguessagou": listed with a place
            overlaps = [(s, e) for s, e in taken if s < toponym.end and toponym.start < e]
            if any((s, e) in actor_spans for s, e in overlaps) or (
                overlaps and toponym.role == "direct" and not listed
            ):
                continue  # "Souleymane Dembélé", "katiba Macina": a person or an actor, not a place
            named = self._known_name(toponym, locate)
            if named is None:
                said = any(start <= toponym.start and toponym.end <= end for start, end in places_said)
                said = said and bool(
                    LOCATIVE_BEFORE.search(fold_text(text[max(0, toponym.start - 12) : toponym.start]))
                )
                if not (said or listed or _looks_like_place(text, toponym)):
                    continue
                named = toponym
            if fold_text(named.name) in self.countries:
                continue  # "au Niger", "la France": a country, not where the event is
            place = locate.resolve(named.name, text) if locate is not None else None
            resolved.append((named, place))
        direct_known = any(t.role in {"direct", "cercle"} and p is not None for t, p in resolved)
        subordinate = {id(t) for t, _ in resolved if t.qualifies and direct_known}
        for role, precision in (("direct", 1), ("reference", 2), ("route", 2), ("cercle", 2), ("region", 3)):
            chosen = [(t, p) for t, p in resolved if t.role == role and id(t) not in subordinate]
            if role in {"reference", "route"}:  # "à l'est de X": one place described, however many references
                chosen = chosen[:1] + [
                    (t, p)
                    for (a, _), (t, p) in pairwise(chosen)
                    if role == "reference" and ALSO.search(text[a.end : t.start])
                ]  # "… de Nioro du Sahel, ainsi qu'au nord de Kayes": a second place
            if role == "cercle":  # "la commune de Dialloubé, dans le cercle de Mopti": the commune
                chosen = chosen[:1] + [
                    (t, p) for (a, _), (t, p) in pairwise(chosen) if LISTED.match(text[a.end : t.start])
                ]  # "dans les cercles de Goundam et de Niafunké": both
            if chosen:
                return [(t, p, _precision(p, precision)) for t, p in chosen[:MAX_PLACES]]
        return []

    def _known_name(self, toponym: Toponym, locate: Locate | None) -> Toponym | None:
        """The toponym, or its tail after "de" ("Radisson Blu de Bamako" -> "Bamako"), if the gazetteer knows it."""
        if locate is None:
            return toponym
        if locate.locate(toponym.name) is not None:
            return toponym
        tail = TAIL.search(toponym.name)
        if tail is not None and locate.locate(tail.group(1)) is not None:
            offset = toponym.end - len(tail.group(1))
            return Toponym(tail.group(1), offset, toponym.end, toponym.role, toponym.qualifies)
        return None

    def _is_actor(self, name: str) -> bool:
        return bool(self.actors.find(fold_text(name), name))

    def _actors(
        self, match: Match, found: list[Found], folded: str, day: date | None, country: str
    ) -> tuple[str, str | None]:
        names = [self._canonical(f, day) for f in found]
        generic = [self.national.get(country, MALI_FORCES) for _ in self.generic.find(folded, folded)]
        state = [
            n for n in names if n.startswith("Military Forces") or n.startswith("Police Forces")
        ] + generic
        foreign = [n for n in names if n in {"MINUSMA", "Wagner Group/Africa Corps"}]
        armed = [n for n in names if n not in self.unarmed and n not in state and n not in foreign]
        named_groups = [n for n in armed if n != UNIDENTIFIED]
        if named_groups:  # "des combattants de la katiba Macina": the named group, not "combattants"
            armed = named_groups + [n for n in armed if n == UNIDENTIFIED]
        civilians = [n for n in names if n in self.unarmed]
        agent = self._passive_agent(found, folded, day)
        if agent == UNIDENTIFIED and named_groups:
            agent = named_groups[0]
        if match.event_type == "Protests":
            return "Other", None
        if match.sub_event_type in STATE_LED:
            if match.sub_event_type == "Looting/property destruction" and not state:
                if named_groups:  # "des hommes armés d'Ansar Dine ont détruit les mausolées"
                    return named_groups[0], CIVILIANS
                if ARMED_SUBJECT.search(folded):  # "des individus armés ont incendié le relais"
                    return UNIDENTIFIED, CIVILIANS
            actor1 = (state + foreign + [MALI_FORCES])[0]
            if match.sub_event_type == "Arrests":
                return actor1, (civilians + armed + [None])[0]
            return actor1, (armed + [UNIDENTIFIED])[0]
        if match.event_type == "Violence against civilians":
            return (agent if agent and agent not in self.unarmed else (armed + [UNIDENTIFIED])[0]), CIVILIANS
        forces = state + foreign
        if agent is not None and agent not in self.unarmed:
            other = (armed + [UNIDENTIFIED])[0] if agent in forces else (forces + civilians + [None])[0]
            return agent, other
        first_state = min((f.start for f in found if self._canonical(f, day) in forces), default=None)
        first_armed = min((f.start for f in found if self._canonical(f, day) in armed), default=None)
        state_leads = first_state is not None and (first_armed is None or first_state < first_armed)
        if forces and (state_leads or not armed) and STATE_ACTION.search(folded):
            return forces[0], (armed + [UNIDENTIFIED])[0]  # "les FAMa ont repoussé / neutralisé"
        return (armed + [UNIDENTIFIED])[0], (forces + civilians + [None])[0]

    def _canonical(self, found: Found, day: date | None) -> str:
        valid = [a for a in found.names if a.valid_on(day)] or list(found.names)
        return valid[0].canonical if valid else UNIDENTIFIED

    def _passive_agent(self, found: list[Found], folded: str, day: date | None) -> str | None:
        for item in found:
            if PASSIVE_AGENT.search(folded[max(0, item.start - 80) : item.start]):
                return self._canonical(item, day)
        return None

    def _claimant(self, sentences: Sequence[Sentence], day: date | None) -> str | None:
        """The group that claimed the article's attack, or that the text names as its author."""
        for sentence in sentences:
            folded = fold_text(sentence.text)
            if SUSPICION.search(folded):
                continue
            found = self.actors.find(folded, sentence.text)
            active = CLAIM_ACTIVE.search(folded)
            if active is not None:  # "Le CSP a revendiqué l'opération"
                before = [self._canonical(f, day) for f in found if f.end <= active.start()]
                named = [
                    n for n in before if n not in {UNIDENTIFIED, CIVILIANS} and not n.startswith("Military")
                ]
                if named:
                    return named[-1]
            claim = CLAIM.search(folded)
            author = AUTHOR.search(folded)
            if claim is None and author is None:
                continue
            end = claim.end() if claim is not None else author.end() if author is not None else 0
            reach = (
                len(folded) if claim is not None else end + AUTHOR_REACH
            )  # "les assaillants, vraisemblablement de l'EIGS"
            named = [self._canonical(f, day) for f in found if end <= f.start < reach]
            specific = [
                n for n in named if n not in NOT_CLAIMANTS and not n.startswith(("Military", "Police"))
            ]
            if specific:
                return specific[0]
        return None

    def _article_toll(self, sentences: Sequence[Sentence]) -> int | None:
        """The largest toll one sentence of the article gives, for an article about one event."""
        tolls = [t for s in sentences if (t := _toll(fold_text(s.text))) is not None]
        return max(tolls) if tolls else None


def _toll(folded: str) -> int | None:
    """Deaths a sentence reports, all sides added up; 0 when it says nobody died.

    >>> _toll(fold_text("Un bilan provisoire de 17 militaires tués, 22 blessés et 4 civils tués."))
    21
    >>> _toll(fold_text("Plusieurs terroristes ont été neutralisés.")) is None
    True
    """
    total, seen = 0, False
    counted: list[tuple[int, int]] = []
    for match in [*TOLL.finditer(folded), *TOLL_AFTER.finditer(folded)]:
        if any(start < match.end(1) and match.start(1) < end for start, end in counted):
            continue  # "tuant 17 soldats tués": one number, counted once
        value = _number(match.group(1))
        if value is not None and value < 100_000:
            counted.append((match.start(1), match.end(1)))
            total += value
            seen = True
    if seen:
        return total
    return 0 if NO_CASUALTY.search(folded) else None


def _number(phrase: str) -> int | None:
    """The first number a phrase holds: "au moins 22" -> 22, "une dizaine" -> 10, "trois casques" -> 3."""
    words = phrase.split()
    for first in range(len(words)):
        for last in range(len(words), first, -1):  # "trois casques bleus ont été" -> "trois"
            value = parse_number(" ".join(words[first:last]))
            if value is not None and (last == len(words) or PEOPLE.match(words[last])):
                return value  # "un véhicule terroriste neutralisé" counts nobody
    return None


def _precision(place: Place | None, default: int) -> int:
    if place is None:
        return default
    return max(default, place.geo_precision)


def _merge_same_spot(events: list[Event]) -> list[Event]:
    """Within one article, reports of one place and day are one event, typed by its first report.

    "Le poste d'Indelimane a subi une attaque" then "l'attaque a débuté par des tirs de mortier sur
    le poste d'Indelimane": one armed clash, not a clash and a shelling.
    """
    out: list[Event] = []
    for event in events:
        key = (fold_text(event.location or ""), event.date)
        for i, kept in enumerate(out):
            if (fold_text(kept.location or ""), kept.date) == key:
                out[i] = replace(
                    kept,
                    evidence=kept.evidence + event.evidence,
                    fatalities=kept.fatalities if kept.fatalities is not None else event.fatalities,
                    actor2=kept.actor2 or event.actor2,
                )
                break
        else:
            out.append(event)
    return out


def _names_place(sentence: str, event: Event) -> bool:
    return bool(event.location) and str(event.location) in sentence


def _looks_like_place(sentence: str, toponym: Toponym) -> bool:
    """An unknown name introduced as a place: "dans la localité de Tibezas", "le village de Sincina"."""
    before = fold_text(sentence[max(0, toponym.start - 40) : toponym.start])
    return bool(PLACE_WORD_BEFORE.search(before) or ATTACKED_BEFORE.search(before))


def _without_dateline(text: str) -> str:
    """The sentence with its opening dateline blanked: "Bamako, le 27 mars 2020 – …" is not where it happened."""
    match = DATELINE.match(text)
    return " " * match.end() + text[match.end() :] if match else text


def _is_empty_body(body: str) -> bool:
    return len(body.split()) < 3


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
