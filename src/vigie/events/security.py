"""Security events: the parsed sentences of an article -> ACLED events (type, actors, date, place, toll).

Match, then build. `find_triggers` says which ACLED types a sentence may report (rules in
patterns/acled.toml); the trigger's frame (`frames.py`, from the dependency parse) says who acted
and on whom; the codebook decides the type from them (an assault on soldiers is a battle, on
villagers an attack on civilians: `coding.py`); `Timeline` dates the sentence; `siting.py` and the
gazetteer place it, one event per place; `tolls.py` counts the dead. Reports of one event are merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from vigie.events.claims import CLAIM_ACTIVE, CLAIM_OF_TOLD, Claims
from vigie.events.coding import DISTINCT_ACTS, Coder
from vigie.events.confidence import PLUPERFECT, EventFilter, Seen, features
from vigie.events.context import Dated, Timeline, trigger_day
from vigie.events.frames import Phrase
from vigie.events.lexicon import (
    Sieve,
    compile_phrases,
    fold_text,
    load_actors,
    load_country_words,
    load_parties,
    read_table,
)
from vigie.events.objects import load_object_triggers, object_matches, with_object, with_objects
from vigie.events.places import Toponym
from vigie.events.reports import Report, later_tolls, merge_reports
from vigie.events.siting import (
    COUNTRY_HINT,
    Locate,
    Siting,
    adjacent,
    article_names,
    inside,
    listed,
    respective_tolls,
)
from vigie.events.telling import earlier_phrases, reference_scope, subheading
from vigie.events.tolls import civilian_toll, find_toll, tolls_by_place
from vigie.events.triggers import Match, Trigger, main_match
from vigie.frdate import EventDate
from vigie.frnumber import parse_number
from vigie.geo.index import Points
from vigie.nlp import Analysis
from vigie.records import Article, Event, Evidence, Place, Sentence

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
# "l'année dernière", "en 2017": a year only, too vague to pin an event (FORMAT.md)
YEAR_ONLY = re.compile(
    r"l'annee derniere|l'an dernier|l'an passe|l'annee precedente|(?:en|depuis|des) (?:19|20)\d\d(?!\d)"
)
# a series told first, then its outcome place by place ("Les FAMa ont mené plusieurs frappes dans
# la région de Mopti. Dans la localité de A, dix terroristes ont été neutralisés. Près de B, un
# dépôt a été détruit."): each outcome, told in the passive without its agent, is an event of the
# series at its place (issue 10: one event per place)
SERIES = re.compile(
    r"\b(?:plusieurs|des|une serie d'|une serie de|de nombreuses|de multiples|deux|trois|quatre|cinq)\s+"
    r"(?:\w+\s+)?(?:frappes|raids|bombardements|attaques|operations|offensives)\b"
)
OUTCOME = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+ete\s+(?:\w+\s+)?(?:neutralis|detrui|tue|abattu|incendi|endommag|elimin)\w*\b(?!\s+par\b)"
)
# "Puis dix autres ont subi le même sort à Y": the act told before, again, at another place
SAME_FATE = re.compile(r"\b(?:subi|subir|subissent|connu|connaitre|connaissent|connurent)\s+le meme sort\b")
CARRY_VICTIMS = 2  # sentences after an attack told without its target that may say who was hit
# "prendre" in a locution is no taking of people: "ont été pris pour cible", "pris à partie", "pris
# d'assaut", "prises en embuscade" (an attack, told by the trigger that follows)
LOCUTION = re.compile(r"\s+(?:pour cibles?|a partie|d'assaut|en (?:embuscade|tenaille|etau|chasse))\b")


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
        self.not_events = compile_phrases(table["not_events"]["patterns"])
        self.not_events_except = compile_phrases(table["not_events"].get("except", []))
        self.masks = compile_phrases(table["masks"]["patterns"])
        self.actors = load_actors()
        self.filter = EventFilter.load()
        self.coder = Coder(table["targets"], self.actors, table["defused"]["verbs"])
        self.claims = Claims(self.actors, self.coder.sides)
        self.object_triggers = load_object_triggers(table)
        self.ground_fight = compile_phrases(table["ground_fight"]["patterns"])
        self.shown = (
            frozenset(w.lower() for w in table["shown"]["verbs"]),
            frozenset(w.lower() for w in table["shown"]["objects"]),
        )
        self.counts = frozenset(w.lower() for w in table["counts"]["lemmas"])
        self.siting = Siting(load_country_words(), load_parties()[1])

    def find_triggers(self, folded: str, context: str | None = None) -> list[Match]:
        """The triggers of a folded (and masked) sentence, the most specific first; a trigger's
        `requires` words are looked for in `context` (the sentence with the names of organisations
        kept: "l'état-major des armées a frappé" is the army's) when given.

        >>> rules = SecurityRules()
        >>> [m.trigger.sub_event_type for m in rules.find_triggers(fold_text("Le camp a été frappé par un attentat-suicide au véhicule piégé."))][:1]
        ['Suicide bomb']
        >>> rules.find_triggers(fold_text("Le Mali a réceptionné de nouveaux drones Bayraktar."))
        []
        """
        found: dict[tuple[str, str, str], Match] = {}
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
            if trigger.requires is not None and trigger.requires.search(context or folded) is None:
                continue
            # one match per type and kind: a clash word and a violence word both typing a battle are
            # both kept, for the clause they stand in may tell background (`triggers.main_match`)
            key = (trigger.event_type, trigger.sub_event_type, trigger.kind)
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
        focus = self.siting.title_places(sentences[0], locate) if analysis.has_title else []
        around = locate.anchors(article_names(sentences), country) if locate is not None else ()
        reports: list[Report] = []
        series: Event | None = None  # a series of strikes or attacks told before its places
        for index in indexes:
            sentence = sentences[index]
            dated = timeline[index]
            # "La riposte de Konfourou", "Nouvelle attaque à Ménaka": a section's heading places
            # what the text below it tells, and founds no event of its own
            heading = subheading(sentence)
            folded = fold_text(sentence.text)
            anaphoric = bool(ANAPHORIC_EVENT.search(folded))
            # "Le lendemain, le JNIM a revendiqué l'opération, affirmant avoir enlevé un policier": the
            # claim of the event told before; its date is the claim's, what it tells is that event's
            stated = dated.stated and not (anaphoric and CLAIM_ACTIVE.search(folded))
            after = " ".join(s.text for s in sentences[index + 1 : index + 1 + CARRY_VICTIMS])
            told = self._from_sentence(
                article,
                sentence,
                analysis,
                locate,
                dated.when,
                dated.stated,
                country,
                focus,
                after,
                dated,
                around,
            )
            if not told and reports and SAME_FATE.search(folded):
                told = self._same_fate(reports[-1].event, sentence, analysis, locate, dated, country, around)
            if (
                series is not None
                and OUTCOME.search(folded)
                and (not dated.stated or self._struck_enemy(series, sentence, dated, country))
            ):
                told = self._same_fate(series, sentence, analysis, locate, dated, country, around) or told
            elif told and SERIES.search(folded):
                series = told[0][0]
            elif dated.stated:
                series = None
            for event, from_focus in told:
                # "Jeudi, l'EIGS a revendiqué l'attaque": a claim of the event told before, dated by the claim
                claim = bool(reports) and CLAIM_OF_TOLD.search(folded) is not None
                if not heading:
                    reports.append(Report(event, index, stated and not claim, anaphoric or claim, from_focus))
                if event.place is not None and event.location:
                    focus = [
                        (Toponym(event.location, 0, 0, "direct"), event.place, event.place.geo_precision)
                    ]
        events = merge_reports(reports)
        claimant = self.claims.claimant(sentences, timeline.published)
        if claimant is None and analysis.has_title:  # "Mali : le Jnim frappe un convoi …"
            claimant = self.coder.sides.headline_author(sentences[0].text, timeline.published)
        if claimant is not None:
            events = [self.claims.claimed(event, claimant) for event in events]
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
        around: Points = (),
    ) -> list[tuple[Event, bool]]:
        """The events a sentence reports, each with whether its place is the one told before;
        `after` is the text of the sentences that follow (who the victims were, when it does not say)."""
        folded = fold_text(sentence.text)
        if self.not_events.search(self.not_events_except.sub(lambda m: " " * len(m.group()), folded)):
            return []  # "la cérémonie de rétrocession du camp": a hand-over, not a ceremony only
        masked = self._masked(folded, sentence, analysis)
        matches = self.find_triggers(masked, self.masks.sub(lambda m: " " * len(m.group()), folded))
        matches = with_objects(matches, object_matches(sentence, self.object_triggers, self.counts))
        if not matches:
            return []
        match = main_match(matches, folded, sentence, self.ground_fight)
        when = trigger_day(sentence, match.start, dated) if dated is not None else when
        roles = self.coder.frame_at(sentence, match.start)
        if roles is not None and (not roles.realis or roles.negated):
            return []
        if roles is not None and with_object(sentence, roles.trigger, *self.shown):
            return []  # "le président a manifesté son soutien": shown, not demonstrated
        if PLUPERFECT.search(folded) and not stated:
            return []  # an earlier story without its own date: background, not pinned
        if YEAR_ONLY.search(folded) and not stated:
            return []  # "Boura avait déjà subi une attaque l'année dernière"
        source = SOURCE_FIRST.match(folded)  # "Selon le maire et la gendarmerie de Koutiala, …"
        told_from = source.end() if source else 0
        found_actors = [f for f in self.actors.named.find(folded, sentence.text) if f.start >= told_from]
        hint = COUNTRY_HINT.get(country, "")
        places = self.siting.places(sentence, analysis, found_actors, locate, told_from, hint, around)
        # "a reçu à Ouagadougou une délégation … après l'attaque": the attack is the time of another
        # act, placed only by words of its own ("après l'attaque qui a visé Aorema"); "le plus
        # meurtrier depuis celui du camp de Boni", "d'où partaient des terroristes pour piller A et
        # B": the places of another time or of a purpose are not this event's
        scope = reference_scope(sentence, match.start)
        hidden = [(0, scope[0]), (scope[1], len(sentence.text))] if scope is not None else []
        hidden += earlier_phrases(sentence, match.start)
        if places and hidden:
            text = sentence.text
            for a, b in hidden:
                text = text[:a] + " " * (b - a) + text[b:]
            places = self.siting.places(
                replace(sentence, text=text), analysis, found_actors, locate, told_from, hint, around
            )
            if not places:
                return []
        if scope is not None and not places:
            return []  # "portés disparus après l'attaque": the sentence tells another act
        from_focus = False
        if (
            not places and focus and focus[0][1] is not None
        ):  # "… bloqué au Burkina Faso": not the Niger town told before
            named = self.siting.country_place(folded, sentence, locate, country, stated)
            places = (
                named
                if named and named[0][1] is not None and named[0][1].country != focus[0][1].country
                else []
            )
        if places and focus and not stated and all(t.role == "home" for t, _, _ in places):
            places = []  # "En poste à Bouna, les gendarmes … ont été appréhendés": the story's place, not their post
        if (
            not places
            and focus
            and (
                ANAPHORIC_PLACE.search(folded)
                or ANAPHORIC_EVENT.search(folded)
                or stated
                or own_act(match, matches)
            )
        ):
            places, from_focus = focus[:1], True
        elif (
            len(places) == 1
            and places[0][0].role == "region"  # not an unknown village placed by its region
            and focus
            and inside(focus[0][1], places[0][1])
        ):
            places = focus[:1]  # "dans la région de Kayes" of an attack the headline puts "près de Diéma"
        if not places:
            places = self.siting.country_place(folded, sentence, locate, country, stated)
        if not places:
            return []
        if focus and focus[0][1] is not None:  # an unknown village of the story: near the place told before
            near = max(2, focus[0][1].geo_precision)
            places = [
                (t, p or replace(focus[0][1], geo_precision=near), n if p else near) for t, p, n in places
            ]
        if len(places) > 1:
            tolls = tolls_by_place(sentence.text, [t.name for t, _, _ in places])
            tolls = (
                respective_tolls(sentence.text, list(tolls)) or tolls
            )  # "respectivement six et deux morts"
            joint = find_toll(sentence.text)
            names = [t.name for t, _, _ in places]
            own = sum(value is not None for value in tolls_by_place(after, names).values()) >= 2
            counted = roles is not None and any(  # "a interpellé cinq individus": one outcome for the list
                0 < (parse_number(word) or 0) < 1000
                for phrase in roles.patient
                for word in phrase.text.split()
            )
            if (
                all(value is None for value in tolls.values())
                and (joint is not None or counted or adjacent(sentence.text, places))
                and not own
                and listed(sentence.text, places)
            ):
                # "ont fait irruption à A, B et C … et y ont tué 11 civils", "ont interpellé cinq
                # suspects à A, B et C": adjacent villages with one joint outcome are one event at
                # the first named, near it (FORMAT.md), unless the next sentences give each its own
                # toll ("70 morts à A et 30 à B")
                first, place, _ = places[0]
                places, tolls = [(first, place, 2)], {first.name: joint}
            elif all(value is None for value in tolls.values()):
                tolls = {t.name: None for t, _, _ in places}
        else:
            tolls = {places[0][0].name: find_toll(sentence.text)}
        events: list[tuple[Event, bool]] = []
        for toponym, place, precision in places:
            where = place.country if place is not None else country
            decided = self.coder.decide(
                match, roles, sentence, folded, when.day, where, told_from, matches, after
            )
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
            self.claims.claimant([sentence], when.day)
            if "revendiqu" in folded or "reclam" in folded
            else None
        )
        if claimant is not None:  # "Le Jnim a revendiqué des tirs de roquettes contre …": this event's author
            events = [(self.claims.claimed(event, claimant), focused) for event, focused in events]
        return events

    def _struck_enemy(self, series: Event, sentence: Sentence, dated: Dated, country: str) -> bool:
        """Whether a dated outcome told in the passive after the state's series of strikes is one
        of them: the army's communiqués date each ("Le 3 mars, à A, un regroupement de terroristes a
        été neutralisé. Le 4 mars, près de B, un dépôt a été détruit"); an outcome that names the
        state's forces or civilians ("deux soldats ont été tués") is another story."""
        if not series.actor1.startswith("Military Forces"):
            return False
        text = sentence.text
        side = self.coder.sides.read((Phrase(0, 0, len(text), text),), dated.when.day, country, whole=True)
        return not side.civilian and not any(map(self.coder.targets.holds, side.named))

    def _same_fate(
        self,
        last: Event,
        sentence: Sentence,
        analysis: Analysis,
        locate: Locate | None,
        dated: Dated,
        country: str,
        around: Points,
    ) -> list[tuple[Event, bool]]:
        """ "Dix-huit autres ont subi le même sort à Y": the act told before, at each place this
        sentence names, on its own day or the day told before (issue 10: one event per place)."""
        hint = COUNTRY_HINT.get(country, "")
        places = self.siting.places(sentence, analysis, [], locate, 0, hint, around)
        evidence = (Evidence(last.evidence[0].article_id, sentence.text, sentence.start, sentence.end),)
        when = dated.when if dated.stated else None
        return [
            (
                replace(
                    last,
                    location=toponym.name,
                    place=None if place is None else replace(place, geo_precision=precision),
                    date=when.day if when is not None else last.date,
                    date_precision=when.precision if when is not None else last.date_precision,
                    fatalities=find_toll(sentence.text)
                    if last.event_type != "Strategic developments"
                    else None,
                    evidence=evidence,
                ),
                False,
            )
            for toponym, place, precision in places
            if fold_text(toponym.name) != fold_text(last.location or "")
        ]

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


def own_act(match: Match, matches: list[Match]) -> bool:
    """An act of its own told after an event, at its place ("Les opérations de ratissage qui ont
    suivi ont conduit à l'interpellation de …"); a capture told with killings goes on telling the
    fight ("trois combattants tués et un autre capturé")."""
    if match.trigger.sub_event_type not in DISTINCT_ACTS:
        return False
    return match.trigger.event_type == "Explosions/Remote violence" or all(
        m.trigger.kind not in {"violence", "clash"} for m in matches
    )
