"""Security events: the parsed sentences of an article -> ACLED events (type, actors, date, place, toll).

Match, then build. `find_triggers` says which ACLED types a sentence may report (rules in
patterns/acled.toml); the trigger's frame (`frames.py`, from the dependency parse) says who acted
and on whom; the codebook decides the type from them (an assault on soldiers is a battle, on
villagers an attack on civilians); `Timeline` dates the sentence; `places.py` and the gazetteer
place it, one event per place; `tolls.py` counts the dead. Reports of one event are merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import Protocol

from vigie.events.confidence import PLUPERFECT, EventFilter, Seen, features
from vigie.events.context import Dated, Timeline, trigger_day
from vigie.events.frames import Frame, Phrase, frame, token_at
from vigie.events.lexicon import (
    Found,
    Sieve,
    compile_phrases,
    fold_text,
    load_actors,
    load_country_words,
    load_parties,
    read_table,
)
from vigie.events.places import Toponym, find_toponyms
from vigie.events.reports import Report, later_tolls, merge_reports
from vigie.events.tolls import civilian_toll, find_toll, tolls_by_place
from vigie.frdate import EventDate
from vigie.geo.boundary import Boundaries
from vigie.nlp import Analysis
from vigie.records import Article, Event, EventType, Evidence, Place, Sentence, SubEventType
from vigie.segment.published import DATELINE  # "Bamako, 8 sept 2023 (AFP) - ": where the report was written

UNIDENTIFIED = "Unidentified Armed Group"
CIVILIANS = "Civilians"
OTHER = "Other"
MALI_FORCES = "Military Forces of Mali"
# "revendiqué par l'organisation État islamique": the claimant is the attacker of the article's event
# "des hommes armés se réclamant du JNIM": the attackers name their group themselves
CLAIM = re.compile(r"revendiqu\w*\s+(?:\w+\s+){0,3}?par\s+|se reclam\w*\s+(?:de|du|des)\b")
# "Le CSP a revendiqué l'opération": the claimant before the verb
CLAIM_ACTIVE = re.compile(r"\b(?:a|ont|avait|avoir)\s+(?:\w+\s+)?revendique\b")
# "les assaillants, vraisemblablement de l'EIGS", "les ravisseurs seraient des éléments de la katiba"
AUTHOR = re.compile(r"(?:assaillants|attaquants|ravisseurs|auteurs)\b")
AUTHOR_REACH = 60  # characters after "les assaillants" where their group may be named
NOT_CLAIMANTS = {UNIDENTIFIED, CIVILIANS, "MINUSMA"}
# "plusieurs spécialistes soupçonnent l'EIGS": suspicion names no author
SUSPICION = re.compile(r"soupcon|suspect|pourrait|pourraient|hypothese|accus")
# "Radisson Blu de Bamako", "Président Modibo Keïta de Bamako": the place is after the last "de"
TAIL = re.compile(r"\s(?:de|du|d')\s*([A-ZÀ-Ý][\w\-]*\w(?:\s+[A-ZÀ-Ý][\w\-]*\w)*)$")
# "dans la localité de Tibezas", "le village peul d'Ogossagou": an unknown name given as a place
PLACE_WORD_BEFORE = re.compile(
    r"(?:localite|village|hameau|commune|ville|camp|poste|quartier|site|campement|secteur|foret|zone|axe|domicile|pont)"
    r"(?:\s+\w+){0,2}?\s+(?:de\s+|d'|du\s+)$"
)
# ", un campement du département de Tillia", ", dans la région de Diffa", " (région de Kidal)": what
# follows a name that is a place
PLACE_WORD_AFTER = re.compile(
    r"^\s*(?:,\s*|\()\s*(?:(?:un|une|le|la|petit|petite|gros)\s+)?(?:village|localite|hameau|campement|commune|ville|"
    r"bourgade|chef-lieu|site|dans la region|dans le cercle|dans le departement|dans la province|dans la commune|"
    r"region|cercle|departement|province|a \d+ km|situe|non loin|pres)"
)
# the country an article is about, named beside a place name to pick among homonyms
COUNTRY_HINT = {"MLI": "Mali", "BFA": "Burkina Faso", "NER": "Niger"}
# an event told only as "au Burkina Faso", "dans le nord du Mali": the country is its place
IN_COUNTRY = re.compile(
    r"(?:\bau|dans (?:le |l')(?:nord|sud|centre|est|ouest)(?:[- ](?:est|ouest))? du|sur le territoire du"
    r"|a travers le)\s+(mali|burkina(?: faso)?|niger)\b(?!\s+(?:et|ou)\b)"
)
COUNTRY_OF_WORD = {"mali": "MLI", "burkina": "BFA", "burkina faso": "BFA", "niger": "NER"}
# "à Moura", "dans Gao": a name spaCy calls a place, introduced as one
AT_PLACE = re.compile(r"(?:^|\s)(?:a|dans|pres de)\s+$")  # "à Tominian"
LOCATIVE_BEFORE = re.compile(r"(?:^|\s)(?:a|au|dans|vers|sur|pres de|de)\s+$")
# "ont attaqué Ogossagou": the object of an attack verb is a place
ATTACKED_BEFORE = re.compile(
    r"(?:attaque|attaquent|attaquaient|assiege|pris d'assaut|investi|encercle|vise|visant|frappe|bombarde)\s+$"
)
# between two names of one list: "Diallassagou, Dianweli et Deguessagou"
LISTED = re.compile(r"^\s*(?:,|et|,\s*et|ou)\s*(?:de\s+|d'|du\s+|a\s+|à\s+)?$")
# "à l'est de Nioro, ainsi qu'au nord de Kayes": two places struck
ALSO = re.compile(r"ainsi qu|de meme qu|et aussi")
# "Selon le maire et un responsable de la gendarmerie de Koutiala, …": the source, not the event
SOURCE_FIRST = re.compile(r"^(?:selon|d'apres|de source)\b[^,]{0,150},")
# a place told again: "le village", "la localité", "sur place", "les lieux": the place told before
ANAPHORIC_PLACE = re.compile(
    r"\b(?:le|ce|du|au) (?:village|hameau|campement|poste|camp|site)\b|\b(?:la|cette|de la) (?:localite|ville|commune|zone|base)\b"
    r"|\bsur place\b|\bles lieux\b|\bsur les lieux\b|\bmeme axe\b|\bmeme troncon\b|\bmeme zone\b|\by\b"
)
# an event told again: "l'attaque", "cette embuscade", "l'assaut": one event, not a new one
ANAPHORIC_EVENT = re.compile(
    r"\b(?:l'|cette |cet |la meme |le meme |de l'|de cette |a l')(?:attaque|assaut|embuscade|operation|agression|"
    r"offensive|explosion|frappe|incursion|tuerie|massacre|drame|raid)\b"
)
# armed men as the subject of an active verb: "des individus armés ont incendié"
ARMED_WORDS = re.compile(
    r"(?:hommes|individus|elements|assaillants|inconnus|jihadistes|djihadistes|terroristes|combattants|bandits)\b"
)
# "l'année dernière", "en 2017": a year only, too vague to pin an event (FORMAT.md)
YEAR_ONLY = re.compile(
    r"l'annee derniere|l'an dernier|l'an passe|l'annee precedente|(?:en|depuis|des) (?:19|20)\d\d(?!\d)"
)
# "où aucun décès n'a été signalé": burning without killing is property destruction
NO_DEATHS = re.compile(r"aucun (?:deces|mort)|sans (?:faire de )?(?:victime|mort)|pas de (?:victime|mort)")
# operations led by state forces: "les FAMa ont neutralisé", "une opération de ratissage"
STATE_ACTION = re.compile(
    r"neutralis|operation|ratissage|elimin|mis en deroute|mettent en deroute|repouss|riposte|reconnaissance offensive|"
    r"aeroterrestre|bilan d'une|traque|interpell|frappe"
)
# the target of an attack: "contre le poste de police et le campement de Diré"
AGAINST = re.compile(
    r"(?<!\w)contre\s+((?:l'|le |la |les |des |un |une |leur |sa |son |ses )[^,.;:()«»]{3,80})"
)
# where a phrase goes on to say where: "une base de l'armée | dans le village d'Indelimane"
LOCATIVE_TAIL = re.compile(r",?\s+(?:dans|a|au|aux|pres|non loin|sur|situee?s?|entre|vers|en)\s")
CARRY_VICTIMS = 2  # sentences after an attack told without its target that may say who was hit
MAX_PLACES = 6  # a sentence listing more places than this is a summary, not events
# "prendre" in a locution is no taking of people: "ont été pris pour cible", "pris à partie", "pris
# d'assaut", "prises en embuscade" (an attack, told by the trigger that follows)
LOCUTION = re.compile(r"\s+(?:pour cibles?|a partie|d'assaut|en (?:embuscade|tenaille|etau|chasse))\b")
# an attack repelled: who attacked is actor1 (ACLED's initiator), the defenders actor2
REPELLED = re.compile(
    r"(?:attaque|assaut|incursion|offensive)s?\b(?:[\s,]+[\w'-]+){0,14}?[\s,]+(?:a|ont|avait|avaient)\s+"
    r"(?:(?:elle|ete|aussi|egalement)\s+){0,3}(?:repouss|dejou|mise? en echec)"
    r"|(?:repouss\w*|dejou\w*|mis en echec)\s+(?:[\w'-]+\s+){0,3}?(?:attaque|assaut|incursion|offensive)s?\b"
)
RELATIVE_PRONOUNS = {"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles"}
STATE_LED = {"Air/drone strike", "Arrests", "Disrupted weapons use"}
# the state's word for fighters it killed: "une frappe a neutralisé un groupe de cinq personnes"
NEUTRALISED = re.compile(r"neutralis|elimin")
CIVILIAN_DEAD = re.compile(r"\bcivil|enfants|femmes")
# a UN mission or an NGO tells of an air strike, it is not struck by it (FORMAT.md: investigating bodies)
NOT_STRUCK = {"MINUSMA", OTHER}
# army words that name a place or a unit of whatever force holds it: "le camp de la gendarmerie"
INSTALLATIONS = {"camp", "detachement", "garnison", "unites", "patrouille"}


class Locate(Protocol):
    """What the events stage needs of the gazetteer (vigie.geo.Gazetteer)."""

    def locate(self, name: str, admin1: str | None = None, country: str | None = None) -> Place | None: ...

    def resolve(self, mention: str, context: str = "", hint: str = "") -> Place | None: ...


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger entry of patterns/acled.toml."""

    event_type: EventType
    sub_event_type: SubEventType
    priority: int
    kind: str  # fixed, violence, clash, state
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger found in a sentence (offsets into the folded sentence)."""

    trigger: Trigger
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Side:
    """The actors one role of a frame names."""

    named: tuple[str, ...]  # canonical actors
    armed: bool  # names armed forces or their installations (soldiers, a camp, a post)
    civilian: bool  # names unarmed people or their places (villagers, a village, a bus)
    forces: bool = False  # names them in words, not only as an actor ("le poste", not "des hommes armés")


class SecurityRules:
    """The ACLED lexicons, loaded once; `extract` is pure."""

    def __init__(self) -> None:
        table = read_table("acled.toml")
        self.triggers = tuple(
            Trigger(
                t["event_type"],
                t["sub_event_type"],
                int(t["priority"]),
                t.get("kind", "fixed"),
                compile_phrases(t["patterns"]),
                compile_phrases(t["requires"]) if t.get("requires") else None,
            )
            for t in table["trigger"]
        )
        self.sieve = Sieve([t["patterns"] for t in table["trigger"]])  # which triggers may match
        self.civilian_targets = compile_phrases(table["targets"]["civilians"])
        self.armed_targets = compile_phrases(table["targets"]["armed"])
        self.escorted_targets = compile_phrases(table["targets"]["escorted"])
        self.not_events = compile_phrases(table["not_events"]["patterns"])
        self.masks = compile_phrases(table["masks"]["patterns"])
        self.actors = load_actors()
        self.countries = load_country_words()
        self.capitals = load_parties()[1]
        self.filter = EventFilter.load()
        borders = Boundaries.load()
        self.country_places = {
            iso: Place(name, lat, lon, iso, None, None, None, None, 3, "A", 0, f"country:{iso}")
            for iso, name in COUNTRY_HINT.items()
            if (centre := borders.centre(iso)) is not None
            for lat, lon in [centre]
        }

    def find_triggers(self, folded: str) -> list[Match]:
        """The triggers of a folded (and masked) sentence, the most specific first.

        >>> rules = SecurityRules()
        >>> [m.trigger.sub_event_type for m in rules.find_triggers(fold_text("Le camp a été frappé par un attentat-suicide au véhicule piégé."))][:1]
        ['Suicide bomb']
        >>> rules.find_triggers(fold_text("Le Mali a réceptionné de nouveaux drones Bayraktar."))
        []
        """
        found: dict[tuple[str, str], Match] = {}
        for index in self.sieve.candidates(folded):  # a few look-ups rule out the others' searches
            trigger = self.triggers[index]
            match = trigger.pattern.search(folded)
            while (
                match is not None
                and LOCUTION.match(folded, match.end())
                and match.group().endswith(("pris", "prises"))
            ):
                match = trigger.pattern.search(folded, match.end())  # "pris pour cible": no one taken
            if match is None:
                continue
            if trigger.requires is not None and trigger.requires.search(folded) is None:
                continue
            key = (trigger.event_type, trigger.sub_event_type)
            if key not in found or trigger.priority > found[key].trigger.priority:
                found[key] = Match(trigger, match.start(), match.end())
        return sorted(found.values(), key=lambda m: -m.trigger.priority)

    def extract(
        self,
        article: Article,
        analysis: Analysis,
        locate: Locate | None,
        timeline: Timeline,
        country: str,
        reference_year: int | None = None,
    ) -> list[Event]:
        """The events an article reports, one per type, place and day, merged when reported twice:
        the candidates the event filter keeps (all of them without a filter)."""
        found = self.candidates(article, analysis, locate, timeline, country, reference_year)
        if self.filter is None:
            return [event for event, _ in found]
        return [event for event, seen in found if self.filter.keep(features(event, seen))]

    def candidates(
        self,
        article: Article,
        analysis: Analysis,
        locate: Locate | None,
        timeline: Timeline,
        country: str,
        reference_year: int | None = None,
    ) -> list[tuple[Event, Seen]]:
        """Every event the rules find in an article, with what they knew of it (`Seen`)."""
        sentences = list(analysis.sentences)
        body_from = 1 if analysis.has_title else 0
        indexes: Sequence[int] = range(body_from, len(sentences))
        if analysis.has_title and len(article.body.split()) < 3:
            indexes = [0]  # a teaser without text: its headline is all there is
        focus = self._title_places(sentences[0], locate) if analysis.has_title else []
        reports: list[Report] = []
        for index in indexes:
            sentence = sentences[index]
            dated = timeline[index]
            anaphoric = bool(ANAPHORIC_EVENT.search(fold_text(sentence.text)))
            after = " ".join(s.text for s in sentences[index + 1 : index + 1 + CARRY_VICTIMS])
            for event, from_focus in self._from_sentence(
                article, sentence, analysis, locate, dated.when, dated.stated, country, focus, after, dated
            ):
                reports.append(Report(event, index, dated.stated, anaphoric, from_focus))
                if event.place is not None and event.location:
                    focus = [
                        (Toponym(event.location, 0, 0, "direct"), event.place, event.place.geo_precision)
                    ]
        events = merge_reports(reports)
        claimant = self._claimant(sentences, timeline.published)
        if claimant is not None:
            events = [self._claimed(event, claimant) for event in events]
        events = later_tolls(events, sentences[body_from:], self.not_events)
        if analysis.has_title and len([e for e in events if e.event_type != "Strategic developments"]) == 1:
            toll = find_toll(
                sentences[0].text
            )  # "Mali: une trentaine de morts dans l'attaque du camp de Kwala"
            events = [
                replace(e, fatalities=toll)
                if e.fatalities is None and e.event_type != "Strategic developments"
                else e
                for e in events
            ]
        first: dict[int, Report] = {}
        for report in reports:
            first.setdefault(report.event.evidence[0].start, report)
        body = max(len(sentences) - body_from, 1)
        title = fold_text(sentences[0].text) if analysis.has_title and sentences else ""
        out: list[tuple[Event, Seen]] = []
        for event in events:
            found = first.get(event.evidence[0].start)
            seen = Seen(
                sentence=(found.sentence - body_from) if found else 0,
                sentences=body,
                stated=found.stated if found else False,
                anaphoric=found.anaphoric if found else False,
                told_before=found.told_before if found else False,
                events=len(events),
                title=title,
                country=country,
                teaser=article.kind == "teaser",
                mentions=sum(
                    1
                    for sentence in sentences[body_from:]
                    if event.location and event.location in sentence.text
                ),
            )
            out.append((event, seen))
        return out

    # -- one sentence -------------------------------------------------------------------------

    def _from_sentence(
        self,
        article: Article,
        sentence: Sentence,
        analysis: Analysis,
        locate: Locate | None,
        when: EventDate,
        stated: bool,
        country: str,
        focus: list[tuple[Toponym, Place | None, int]],
        after: str = "",
        dated: Dated | None = None,
    ) -> list[tuple[Event, bool]]:
        """The events a sentence reports, each with whether its place is the one told before;
        `after` is the text of the sentences that follow (who the victims were, when it does not say)."""
        folded = fold_text(sentence.text)
        if self.not_events.search(folded):
            return []
        masked = self._masked(folded, sentence, analysis)
        matches = self.find_triggers(masked)
        if not matches:
            return []
        match = _main_match(matches, folded)
        when = trigger_day(sentence, match.start, dated) if dated is not None else when
        roles = self._frame(sentence, match)
        if roles is not None and (not roles.realis or roles.negated):
            return []
        if PLUPERFECT.search(folded) and not stated:
            return []  # an earlier story without its own date: background, not pinned
        if YEAR_ONLY.search(folded) and not stated:
            return []  # "Boura avait déjà subi une attaque l'année dernière"
        source = SOURCE_FIRST.match(folded)  # "Selon le maire et la gendarmerie de Koutiala, …"
        told_from = source.end() if source else 0
        found_actors = [f for f in self.actors.named.find(folded, sentence.text) if f.start >= told_from]
        places = self._places(
            sentence, analysis, found_actors, locate, told_from, COUNTRY_HINT.get(country, "")
        )
        from_focus = False
        if (
            not places
            and focus
            and (ANAPHORIC_PLACE.search(folded) or ANAPHORIC_EVENT.search(folded) or stated)
        ):
            places, from_focus = focus[:1], True
        elif (
            len(places) == 1
            and places[0][0].role == "region"  # not an unknown village placed by its region
            and focus
            and _inside(focus[0][1], places[0][1])
        ):
            places = focus[:1]  # "dans la région de Kayes" of an attack the headline puts "près de Diéma"
        if not places:
            places = self._country_place(folded, sentence, locate, country, stated)
        if not places:
            return []
        if len(places) > 1:
            tolls = tolls_by_place(sentence.text, [t.name for t, _, _ in places])
            joint = find_toll(sentence.text)
            names = [t.name for t, _, _ in places]
            own = sum(value is not None for value in tolls_by_place(after, names).values()) >= 2
            if (
                all(value is None for value in tolls.values())
                and joint is not None
                and not own
                and _listed(sentence.text, places)
            ):
                # "ont fait irruption à A, B et C … et y ont tué 11 civils": adjacent villages with one
                # joint outcome are one event at the first named, near it (FORMAT.md), unless the next
                # sentences give each its own toll ("70 morts à A et 30 à B")
                first, place, _ = places[0]
                places, tolls = [(first, place, 2)], {first.name: joint}
            elif all(value is None for value in tolls.values()):
                tolls = {t.name: None for t, _, _ in places}
        else:
            tolls = {places[0][0].name: find_toll(sentence.text)}
        events: list[tuple[Event, bool]] = []
        for toponym, place, precision in places:
            where = place.country if place is not None else country
            decided = self._decide(match, roles, sentence, folded, when.day, where, told_from, matches, after)
            toll = tolls.get(toponym.name)
            split = {event_type for event_type, *_ in decided} >= {"Battles", "Violence against civilians"}
            civilian, others = civilian_toll(sentence.text) if split and toll is not None else (toll, toll)
            for event_type, sub_type, actor1, actor2 in decided:
                # a raid that is two events: the civilians' dead are the massacre's, the others the clash's
                fatalities = civilian if event_type == "Violence against civilians" else others
                events.append(
                    (
                        Event(
                            event_type=event_type,
                            sub_event_type=sub_type,
                            date=when.day,
                            date_precision=when.precision,
                            actor1=actor1,
                            actor2=actor2 if actor2 != actor1 else None,
                            location=toponym.name,
                            place=None if place is None else replace(place, geo_precision=precision),
                            fatalities=fatalities,
                            evidence=(Evidence(article.id, sentence.text, sentence.start, sentence.end),),
                        ),
                        from_focus,
                    )
                )
        claimant = (
            self._claimant([sentence], when.day) if "revendiqu" in folded or "reclam" in folded else None
        )
        if claimant is not None:  # "Le Jnim a revendiqué des tirs de roquettes contre …": this event's author
            events = [(self._claimed(event, claimant), focused) for event, focused in events]
        return events

    def _antecedent(
        self, roles: Frame, sentence: Sentence, patient: Side, day: date | None, country: str
    ) -> bool:
        """Whether the patient of a passive trigger names state forces, a relative pronoun read as
        the noun it stands for ("l'armée qui a été frappée": the army)."""
        if patient.forces:
            return True
        if not roles.patient or fold_text(roles.patient[0].text) not in RELATIVE_PRONOUNS:
            return False
        word = sentence.tokens[sentence.tokens[roles.trigger].head]
        return self._side((Phrase(0, word.start, word.end, word.text),), day, country).forces

    def _frame(self, sentence: Sentence, match: Match) -> Frame | None:
        return self._frame_at(sentence, match.start)

    def _frame_at(self, sentence: Sentence, start: int) -> Frame | None:
        if not sentence.tokens:
            return None
        index = token_at(sentence, sentence.start + start)
        return frame(sentence, index) if index is not None else None

    def _masked(self, folded: str, sentence: Sentence, analysis: Analysis) -> str:
        """The sentence with names of organisations and `masks` phrases blanked for trigger search:
        "Comité national du rassemblement pour le développement" holds no protest."""
        spans = [m.span() for m in self.masks.finditer(folded)]
        spans += [
            (m.start - sentence.start, m.end - sentence.start)
            for m in analysis.mentions
            if m.label == "ORG" and sentence.start <= m.start < sentence.end and len(m.text.split()) >= 3
        ]
        spans += [
            (f.start, f.end)
            for f in self.actors.named.find(folded, sentence.text)
            if len(f.text.split()) >= 3
        ]
        for start, end in spans:
            folded = folded[:start] + " " * (end - start) + folded[end:]
        return folded

    # -- type and actors ----------------------------------------------------------------------

    def _side(self, phrases: tuple[Phrase, ...], day: date | None, country: str, whole: bool = False) -> Side:
        named: list[str] = []
        armed = civilian = False
        for item in phrases:
            folded = fold_text(item.text)
            core = folded if whole else LOCATIVE_TAIL.split(folded, maxsplit=1)[0]
            if not self.armed_targets.search(core) and not self.civilian_targets.search(core):
                core = folded  # "irruption dans trois villages": the place is the target
            # "une base de l'armée dans le village de X": a base, not a village
            for found in self.actors.named.find(folded, item.text):
                named.append(self._canonical(found, day))
            police = self.actors.police.find(folded, folded)
            # "un camp de déplacés": a civilian place whose words hold an army word
            civilian_places = [m.span() for m in self.civilian_targets.finditer(folded)]
            for found in self.actors.army.find(folded, folded):
                if police and fold_text(found.text) in INSTALLATIONS:
                    continue  # "le camp de la gendarmerie", "une patrouille de police": the police's
                if _within((found.start, found.end), civilian_places):
                    continue
                named.append(self.actors.national_forces.get(country, MALI_FORCES))
            for _ in police:
                named.append(
                    self.actors.national_police.get(
                        country, self.actors.national_forces.get(country, MALI_FORCES)
                    )
                )
            civilian_spans = [m.span() for m in self.civilian_targets.finditer(core)]
            armed_spans = [
                m.span() for m in self.armed_targets.finditer(core) if not _within(m.span(), civilian_spans)
            ]
            unarmed = any(  # "supplétifs civils de l'armée" are armed
                not any(a <= m.start() and m.end() <= b for a, b in armed_spans)
                for m in self.civilian_targets.finditer(core)
            )
            escorted = not unarmed and self.escorted_targets.search(core) is not None
            armed = armed or bool(armed_spans) or escorted
            civilian = civilian or unarmed
        named = list(dict.fromkeys(named))
        forces = armed
        armed = armed or any(n not in self.actors.unarmed for n in named)
        civilian = civilian or any(n in self.actors.unarmed for n in named)
        return Side(tuple(named), armed, civilian, forces)

    def _decide(
        self,
        match: Match,
        roles: Frame | None,
        sentence: Sentence,
        folded: str,
        day: date | None,
        country: str,
        told_from: int = 0,
        matches: Sequence[Match] = (),
        after: str = "",
    ) -> list[tuple[EventType, SubEventType, str, str | None]]:
        """The type(s) and actors of a sentence's event, from its trigger and the roles around it."""
        trigger = match.trigger
        agents = list(roles.agent) if roles else []
        patients = list(roles.patient) if roles else []
        if trigger.kind == "violence":  # "deux civils ont été tués lors d'une attaque contre le poste": both
            for other in matches:
                if other.trigger.kind == "violence":
                    for start in _all_starts(other.trigger.pattern, folded):
                        more = self._frame_at(sentence, start)
                        if more is not None:
                            agents += more.agent
                            patients += more.patient
        if trigger.kind in {"violence", "clash"}:  # "une attaque simultanée contre le poste et le campement"
            for against in AGAINST.finditer(sentence.text):
                patients.append(
                    Phrase(
                        0,
                        sentence.start + against.start(1),
                        sentence.start + against.end(1),
                        against.group(1),
                    )
                )
        agent = self._side(tuple(agents), day, country)
        patient = self._side(tuple(patients), day, country)
        told = sentence.text[told_from:]
        whole = self._side(
            (Phrase(0, sentence.start + told_from, sentence.end, told),), day, country, whole=True
        )
        state = self.actors.national_forces.get(country, MALI_FORCES)
        if after and not (
            patient.armed
            or patient.civilian
            or whole.forces
            or whole.civilian
            or any(map(self._is_state, whole.named))
        ):
            # "À Djibo, l'attaque a débuté vers 5h30." then "Des dizaines de soldats ont été tués":
            # the victims told next say whom the attack was against
            later = self._side((Phrase(0, 0, len(after), after),), day, country, whole=True)
            whole = Side(whole.named, later.armed, later.civilian, later.forces or later.armed)
        doer = self._doer(agent, whole, folded)
        if trigger.event_type in {"Protests", "Riots"}:
            target = _first(patient.named) if trigger.sub_event_type != "Peaceful protest" else None
            if trigger.sub_event_type == "Mob violence":
                target = CIVILIANS
            return [(trigger.event_type, trigger.sub_event_type, OTHER, target)]
        if trigger.kind == "state" or trigger.sub_event_type in STATE_LED:
            actor1 = (
                _first([n for n in agent.named if n not in self.actors.unarmed])
                or _first(
                    [
                        n
                        for n in whole.named
                        if self._is_state(n) or n in {"Wagner Group/Africa Corps", OTHER, "FLA"}
                    ]
                )
                or state
            )
            if trigger.sub_event_type == "Arrests":
                state_named = any(
                    self._is_state(n) or n in {OTHER, "Wagner Group/Africa Corps"} for n in whole.named
                )
                if patient.civilian and (doer is None or not self._is_state(doer)) and not state_named:
                    # "des passagers avaient été capturés": taken by armed men, an abduction
                    return [
                        (
                            "Violence against civilians",
                            "Abduction/forced disappearance",
                            doer or UNIDENTIFIED,
                            CIVILIANS,
                        )
                    ]
                arrested = _first([n for n in patient.named if n != actor1 and not self._is_state(n)])
                return [(trigger.event_type, trigger.sub_event_type, actor1, arrested or CIVILIANS)]
            air = trigger.sub_event_type == "Air/drone strike"
            if (
                air
                and roles is not None
                and roles.passive
                and not roles.agent
                and self._antecedent(roles, sentence, patient, day, country)
            ):
                return []  # "c'est l'armée qui a été frappée": the army was hit, it struck no one
            target = _first([n for n in patient.named if n != actor1]) or _first(
                [
                    n
                    for n in whole.named
                    if n != actor1 and not self._is_state(n) and not (air and n in NOT_STRUCK)
                ]
            )  # "selon le rapport de la MINUSMA, la frappe a fait 22 morts": who tells it was not struck
            if air and target is None and whole.forces and not self._is_state(actor1):
                target = state  # "le camp de Soumpi … cible d'une attaque aux drones revendiquée par le FLA"
            if air and target is None:
                target = CIVILIANS if whole.civilian and not whole.armed else UNIDENTIFIED
            if (
                air
                and target == CIVILIANS
                and NEUTRALISED.search(folded)
                and not CIVILIAN_DEAD.search(folded)
            ):
                target = (
                    UNIDENTIFIED  # "neutralisé un groupe de cinq personnes": the army's word for fighters
                )
            if trigger.sub_event_type == "Disrupted weapons use":
                target = target if target not in {CIVILIANS} else None
            return [(trigger.event_type, trigger.sub_event_type, actor1, target)]
        if (
            trigger.event_type == "Explosions/Remote violence"
            or trigger.event_type == "Violence against civilians"
            and trigger.kind == "fixed"
        ):
            actor1 = doer or UNIDENTIFIED
            if trigger.event_type == "Violence against civilians":
                return [(trigger.event_type, trigger.sub_event_type, actor1, CIVILIANS)]
            if trigger.sub_event_type == "Remote explosive/landmine/IED" and doer in self.hit_by_mines(whole):
                # "un véhicule de l'armée a sauté sur une mine": who drove onto it was hit, the one
                # who laid it is unnamed (ACLED: actor1 the group that planted the device)
                return [(trigger.event_type, trigger.sub_event_type, UNIDENTIFIED, doer)]
            target = self._target(patient, whole, actor1, state)
            return [(trigger.event_type, trigger.sub_event_type, actor1, target)]
        if trigger.event_type == "Strategic developments":
            return [self._development(trigger, agent, patient, whole, doer, state)]
        if trigger.kind == "violence":
            return self._violence(agent, patient, whole, doer, state, folded)
        if trigger.kind == "clash" or trigger.event_type == "Battles":
            if trigger.sub_event_type == "Government regains territory":
                return [
                    (
                        trigger.event_type,
                        trigger.sub_event_type,
                        doer or state,
                        _first(
                            [n for n in whole.named if not self._is_state(n) and n not in self.actors.unarmed]
                        )
                        or UNIDENTIFIED,
                    )
                ]
            if trigger.sub_event_type == "Non-state actor overtakes territory":
                taker = doer if doer is not None and not self._is_state(doer) else UNIDENTIFIED
                return [(trigger.event_type, trigger.sub_event_type, taker, state)]  # the state loses it
            battle = self._battle(agent, patient, whole, doer, state, folded)
            if REPELLED.search(folded) and battle[3] is not None and self._defends(battle[2]):
                # "les FAMa ont repoussé une attaque": the attackers began it, they are actor1
                battle = (battle[0], battle[1], battle[3], battle[2])
            return [battle]
        return self._violence(agent, patient, whole, doer, state, folded)

    def hit_by_mines(self, whole: Side) -> set[str]:
        """The actors that an explosive device laid on a road strikes rather than lays: state
        forces, peacekeepers and foreign forces."""
        return {
            n
            for n in whole.named
            if self._is_state(n) or n in {"MINUSMA", "Wagner Group/Africa Corps", OTHER}
        }

    def _defends(self, actor: str) -> bool:
        """Whether an actor is one that holds positions attacked by others: state forces,
        peacekeepers, a village militia."""
        return self._is_state(actor) or actor in {"MINUSMA", "Dozo militia", "Wagner Group/Africa Corps"}

    def _doer(self, agent: Side, whole: Side, folded: str) -> str | None:
        """Who acted: the named actor of the agent role, a named group of the sentence, else none."""
        acting = [n for n in agent.named if n not in self.actors.unarmed]
        named_groups = [n for n in acting if n not in {UNIDENTIFIED} and not self._is_state(n)]
        if named_groups:
            return named_groups[0]
        if acting:
            return acting[0]
        return None

    def _violence(
        self, agent: Side, patient: Side, whole: Side, doer: str | None, state: str, folded: str
    ) -> list[tuple[EventType, SubEventType, str, str | None]]:
        """An assault or a killing: the target decides (codebook): armed targets make a battle,
        unarmed ones an attack on civilians; both make both."""
        whole_armed = whole.forces or any(self._is_state(n) and n != doer for n in whole.named)
        armed_target = patient.armed or (
            not patient.named and not patient.civilian and whole_armed and not whole.civilian
        )  # "des hommes armés ont attaqué Ogossagou": the attackers are armed, not the target
        civilian_target = patient.civilian or (not patient.armed and not armed_target)
        actor1 = doer or UNIDENTIFIED
        out: list[tuple[EventType, SubEventType, str, str | None]] = []
        groups_hit = [n for n in patient.named if not self._is_state(n) and n not in self.actors.unarmed]
        if doer is None and groups_hit and len(groups_hit) == len(patient.named) and not patient.civilian:
            # "l'armée annonce avoir éliminé une dizaine de terroristes": the fighters killed with no
            # one else named as their killer fell to the state's forces (the army's communiqués)
            killers = _first([n for n in whole.named if self._is_state(n)]) or state
            return [("Battles", "Armed clash", killers, _named_first(groups_hit))]
        if doer is not None and self._is_state(doer) and not patient.civilian:
            enemy = _first(
                [
                    n
                    for n in patient.named + whole.named
                    if not self._is_state(n) and n not in self.actors.unarmed
                ]
            )
            return [("Battles", "Armed clash", doer, enemy or UNIDENTIFIED)]
        if armed_target:
            forces = _first([n for n in patient.named if n not in self.actors.unarmed and n != actor1])
            if forces is None:
                forces = _first([n for n in whole.named if self._is_state(n) and n != actor1]) or state
            out.append(("Battles", "Armed clash", actor1, forces))
        if civilian_target and (patient.civilian or not armed_target):
            out.append(("Violence against civilians", "Attack", actor1, CIVILIANS))
        return out

    def _battle(
        self, agent: Side, patient: Side, whole: Side, doer: str | None, state: str, folded: str = ""
    ) -> tuple[EventType, SubEventType, str, str | None]:
        actor1 = doer
        forces_named = [n for n in whole.named if self._is_state(n)]
        if actor1 is None and forces_named and STATE_ACTION.search(folded):
            actor1 = forces_named[0]  # "l'armée annonce 203 terroristes neutralisés"
        groups_hit = [n for n in patient.named if not self._is_state(n) and n not in self.actors.unarmed]
        if actor1 is None and groups_hit and not [n for n in patient.named if self._is_state(n)]:
            return (
                "Battles",
                "Armed clash",
                forces_named[0] if forces_named else state,
                _named_first(groups_hit),
            )
        if actor1 is None:
            groups = [n for n in whole.named if not self._is_state(n) and n not in self.actors.unarmed]
            actor1 = groups[0] if groups else UNIDENTIFIED
        if self._is_state(actor1):
            other = _first(
                [
                    n
                    for n in patient.named + whole.named
                    if not self._is_state(n) and n not in self.actors.unarmed
                ]
            )
            return ("Battles", "Armed clash", actor1, other or UNIDENTIFIED)
        forces = _first([n for n in patient.named if n != actor1 and n not in self.actors.unarmed]) or _first(
            [n for n in whole.named if self._is_state(n) or n in {"MINUSMA", "Wagner Group/Africa Corps"}]
        )
        return ("Battles", "Armed clash", actor1, forces or state)

    def _development(
        self, trigger: Trigger, agent: Side, patient: Side, whole: Side, doer: str | None, state: str
    ) -> tuple[EventType, SubEventType, str, str | None]:
        sub = trigger.sub_event_type
        if sub == "Looting/property destruction":
            if doer is not None and self._is_state(doer):
                return (trigger.event_type, sub, doer, UNIDENTIFIED)
            return (
                trigger.event_type,
                sub,
                doer
                or _first([n for n in whole.named if n not in self.actors.unarmed and not self._is_state(n)])
                or UNIDENTIFIED,
                CIVILIANS,
            )
        if sub == "Non-violent transfer of territory":
            return (
                trigger.event_type,
                sub,
                doer or state,
                _first([n for n in patient.named + whole.named if n != doer]),
            )
        actor1 = doer or _first([n for n in whole.named if n not in self.actors.unarmed]) or state
        return (
            trigger.event_type,
            sub,
            actor1,
            _first([n for n in patient.named if n != actor1 and n not in self.actors.unarmed]),
        )

    def _target(self, patient: Side, whole: Side, actor1: str, state: str) -> str | None:
        named = [n for n in patient.named if n != actor1]
        if named:
            return named[0]
        if patient.civilian and not patient.armed:
            return CIVILIANS
        if patient.armed:
            return state
        forces = [
            n for n in whole.named if n != actor1 and (self._is_state(n) or n in {"MINUSMA", CIVILIANS})
        ]
        if forces:
            return forces[0]
        return CIVILIANS if whole.civilian and not whole.armed else state if whole.armed else None

    def _is_state(self, name: str) -> bool:
        return name.startswith("Military Forces") or name.startswith("Police Forces")

    def _canonical(self, found: Found, day: date | None) -> str:
        valid = [a for a in found.names if a.valid_on(day)] or list(found.names)
        return valid[0].canonical if valid else UNIDENTIFIED

    # -- places -------------------------------------------------------------------------------

    def _title_places(
        self, title: Sentence, locate: Locate | None
    ) -> list[tuple[Toponym, Place | None, int]]:
        """The place a headline names ("Mali : blocus jihadiste sur le village de Dinangourou",
        "… pris pour cible près de Diéma"), else the place it opens with ("Kidal : …")."""
        if locate is None:
            return []
        places = self._places(title, Analysis((title,), (), frozenset(), True), [], locate)
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

    def _country_place(
        self, folded: str, sentence: Sentence, locate: Locate | None, country: str, stated: bool
    ) -> list[tuple[Toponym, Place | None, int]]:
        """A dated event placed only in a country ("dans le nord du Burkina Faso", "au Mali"):
        FORMAT.md codes the country's French name, region null, precision 3."""
        if not stated:
            return []
        found = {COUNTRY_OF_WORD[m.group(1)] for m in IN_COUNTRY.finditer(folded)}
        if len(found) != 1:
            return []
        place = self.country_places.get(found.pop())
        if place is None:
            return []
        return [(Toponym(place.name, 0, 0, "direct"), place, 3)]

    def _places(
        self,
        sentence: Sentence,
        analysis: Analysis,
        actors: list[Found],
        locate: Locate | None,
        told_from: int = 0,
        hint: str = "",
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
            introduced = _introduced(text, toponym)  # "à Nouna", "le village de Sakoani", "X, un campement"
            at = AT_PLACE.search(fold_text(text[max(0, toponym.start - 12) : toponym.start]))
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
            if fold_text(named.name) in self.capitals and not LOCATIVE_BEFORE.search(
                fold_text(text[max(0, named.start - 14) : named.start])
            ):
                continue  # "en guerre contre Bamako", "Bamako accuse Alger": the government, not a place
            place = locate.resolve(named.name, text, hint) if locate is not None else None
            resolved.append((named, place))
        direct_known = any(t.role in {"direct", "cercle"} and p is not None for t, p in resolved)
        subordinate = {id(t) for t, _ in resolved if t.qualifies and direct_known}
        for role, precision in (("direct", 1), ("reference", 2), ("route", 2), ("cercle", 2), ("region", 3)):
            chosen = [(t, p) for t, p in resolved if t.role == role and id(t) not in subordinate]
            if (
                role == "reference"
                and len(chosen) >= 2
                and (
                    "entre" in fold_text(text[: chosen[1][0].start])
                    or chosen[0][0].end + 1 == chosen[1][0].start
                )
            ):
                # "entre Oursi et Déou", "l'axe Oursi-Déou": the better-known of the two (FORMAT.md)
                chosen = sorted(chosen, key=lambda item: -(item[1].population if item[1] is not None else -1))
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
                containers = [(t, p) for t, p in resolved if t.role in {"cercle", "region"} and p is not None]
                if (
                    containers
                ):  # "les villages de Daoutegeft et Dirga, dans le cercle d'Ansongo": placed there
                    area_role, area = containers[0]
                    chosen = [
                        (
                            t,
                            p
                            if p is not None
                            else replace(area, geo_precision=2 if area_role.role == "cercle" else 3),
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
        tail = TAIL.search(toponym.name)
        if tail is not None and locate.locate(tail.group(1)) is not None:
            offset = toponym.end - len(tail.group(1))
            return Toponym(tail.group(1), offset, toponym.end, toponym.role, toponym.qualifies)
        return None

    # -- article-wide -------------------------------------------------------------------------

    def _claimed(self, event: Event, claimant: str) -> Event:
        """An attack of the article's day with no named author takes the group that claimed it."""
        if event.actor1 not in {UNIDENTIFIED} or event.sub_event_type in STATE_LED:
            return event
        if event.event_type == "Battles" and event.actor2 in {None, UNIDENTIFIED, claimant}:
            return replace(event, actor1=claimant, actor2=event.actor2 if event.actor2 != claimant else None)
        return replace(event, actor1=claimant)

    def _claimant(self, sentences: Sequence[Sentence], day: date | None) -> str | None:
        """The group that claimed the article's attack, or that the text names as its author."""
        for sentence in sentences:
            folded = fold_text(sentence.text)
            if SUSPICION.search(folded):
                continue
            found = self.actors.named.find(folded, sentence.text)
            active = CLAIM_ACTIVE.search(folded)
            if active is not None:  # "Le CSP a revendiqué l'opération"
                before = [self._canonical(f, day) for f in found if f.end <= active.start()]
                named = [n for n in before if n not in NOT_CLAIMANTS and not self._is_state(n)]
                if named:
                    return named[-1]
            claim = CLAIM.search(folded)
            author = AUTHOR.search(folded)
            if claim is None and author is None:
                continue
            end = claim.end() if claim is not None else author.end() if author is not None else 0
            reach = len(folded) if claim is not None else end + AUTHOR_REACH
            named = [self._canonical(f, day) for f in found if end <= f.start < reach]
            specific = [n for n in named if n not in NOT_CLAIMANTS and not self._is_state(n)]
            if specific:
                return specific[0]
        return None


def _within(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a span lies inside a longer one of a list ("camp" in "camp de déplacés")."""
    return any(a <= span[0] and span[1] <= b and b - a > span[1] - span[0] for a, b in spans)


def _main_match(matches: list[Match], folded: str) -> Match:
    """The trigger that types the sentence: the most specific, except that burning and looting
    are the damage of an assault when people were killed in it ("exécutant les habitants et
    incendiant le marché" is an attack on civilians)."""
    best = matches[0]
    if best.trigger.sub_event_type == "Looting/property destruction":
        violence = [m for m in matches if m.trigger.kind in {"violence", "clash"}]
        if violence and not NO_DEATHS.search(folded):
            return violence[0]
    return best


def _inside(place: Place | None, region: Place | None) -> bool:
    """Whether a precise place lies in a region-only place."""
    if place is None or region is None or place.geo_precision == 3:
        return False
    return place.admin1 is not None and place.admin1 == region.admin1


def _all_starts(pattern: re.Pattern[str], folded: str) -> list[int]:
    return [m.start() for m in pattern.finditer(folded)][:4]


def _named_first(groups: Sequence[str]) -> str:
    """The group a phrase names, before the generic fighters: "six combattants de l'État islamique"."""
    return next((g for g in groups if g != UNIDENTIFIED), groups[0])


def _first(names: Sequence[str]) -> str | None:
    return names[0] if names else None


def _listed(text: str, places: Sequence[tuple[Toponym, Place | None, int]]) -> bool:
    """Whether the places are one list of the sentence: "à Dambam, Gudba et Tokabangou"."""
    ordered = sorted((t for t, _, _ in places), key=lambda t: t.start)
    return all(LISTED.match(text[a.end : b.start]) is not None for a, b in pairwise(ordered))


def _precision(place: Place | None, default: int) -> int:
    if place is None:
        return default
    return max(default, place.geo_precision)


def _introduced(sentence: str, toponym: Toponym) -> bool:
    """A name introduced as a place: "dans la localité de Tibezas", "le village de Sincina", "à
    Bakorat, un campement du département de Tillia", "à Chétima Wango, dans la région de Diffa"."""
    before = fold_text(sentence[max(0, toponym.start - 40) : toponym.start])
    after = fold_text(sentence[toponym.end : toponym.end + 60])
    scene = fold_text(sentence[: toponym.start]).strip() == "a"  # "À Bankass aussi, des habitants …"
    return bool(
        scene
        or PLACE_WORD_BEFORE.search(before)
        or ATTACKED_BEFORE.search(before)
        or (LOCATIVE_BEFORE.search(before) and PLACE_WORD_AFTER.match(after))
    )


def _without_dateline(text: str) -> str:
    """The sentence with its opening dateline blanked: "Bamako, le 27 mars 2020 – …" is not where it happened."""
    match = DATELINE.match(text)
    return " " * match.end() + text[match.end() :] if match else text
