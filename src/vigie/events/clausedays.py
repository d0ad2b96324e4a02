"""The day of one act within its sentence: the `Dated` record of a sentence (its own day, its
story's, the clauses that state their own), and which of them dates the trigger of an event or an
interaction, read on the dependency parse ("libéré le 9 octobre, il avait été enlevé le 3
octobre": the 3rd; "a confirmé dimanche que … avaient été interpellés fin août": late August).
`context.Timeline` builds the records in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from vigie.events.lexicon import fold_text
from vigie.events.tree import subtree, token_at
from vigie.frdate import MONTHS, WEEKDAYS, EventDate, find_event_date, last_named_day, names_a_time
from vigie.records import Sentence, Token

DATE_WORDS = re.compile(
    r"(?<!\w)(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|la veille|le lendemain"
    r"|(?:en|au) debut de (?:la |cette )?semaine)(?!\w)"
    r"|(?<!\d)\d{1,2}(?:er)?\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
)
# the nouns of a date itself ("le jeudi 3 janvier", "dans la nuit", "la veille")
TIME_NOUNS = {
    *MONTHS,
    *WEEKDAYS,
    "jour",
    "nuit",
    "soiree",
    "matin",
    "matinee",
    "apres-midi",
    "veille",
    "lendemain",
}
# the verbs of a report: their date is when it was told ("a appris l'AIB, jeudi, auprès de sources")
SAYING = {"annoncer", "apprendre", "indiquer", "préciser", "déclarer", "confirmer", "affirmer", "rapporter",
          "publier", "révéler", "signaler", "expliquer", "ajouter", "souligner", "dire", "assurer", "rendre"}  # fmt: skip
# "au pouvoir depuis le 26 juillet": the start of a state, not the day of an act
SINCE_WORD = re.compile(r"(?<!\w)depuis(?!\w)")


@dataclass(frozen=True, slots=True)
class Dated:
    """The date of one sentence: its own (stated) or the one it takes from its story."""

    when: EventDate
    stated: bool  # the sentence states its own date
    narrative: date | None = None  # the last day stated before it in the article (or its own)
    vague: bool = False  # it states a week or a month ("la semaine dernière", "en septembre"), no day
    earlier: bool = False  # told in the pluperfect without a day: before the story, undated
    days: tuple[tuple[int, date], ...] = ()  # two days or more the sentence states, at their offsets
    clauses: tuple[tuple[int, int, EventDate], ...] = ()  # clauses stating a date of their own, their span
    aside: bool = False  # its day is stated only in a relative clause: the day of a thing it names
    reported: bool = False  # its day is the day a report was made ("a annoncé lundi l'armée")

    @property
    def act_day(self) -> date | None:
        """The day of an interaction told in this sentence: its own day, else the story's; none
        when the sentence names only a week or a month, or tells in the pluperfect what happened
        before the story (FORMAT.md: an interaction's date is null when the text states none)."""
        if self.stated:
            return None if self.vague else self.when.day
        return None if self.earlier else self.narrative


def main_clause_date(
    sentence: Sentence,
    text: str,
    published: date | None,
    previous: date | None,
    reference_year: int | None,
    story: date | None,
) -> date | None:
    """The day the sentence's main verb is dated by, None when its dates all belong to a noun or a
    subordinate clause: in "La MINUSMA a rendu public ce mardi le rapport sur la frappe effectuée le
    3 janvier", the report's day (the story goes on from it), not the strike's."""
    tokens = sentence.tokens
    if not tokens:
        found = find_event_date(text, published, previous, reference_year, story)
        return found.day if found is not None else None
    shift = len(sentence.text) - len(text)  # the words after a dateline
    root = next((i for i, token in enumerate(tokens) if token.dep == "ROOT"), 0)
    for match in DATE_WORDS.finditer(fold_text(text)):
        index = token_at(sentence, sentence.start + shift + match.start())
        # a date before the main verb frames it ("Réuni ce mardi 12 juillet, le Conseil a répondu")
        if index is None or (index > root and not _governed_by_root(tokens, index)):
            continue
        words = text[match.start() : match.end() + 16]  # "jeudi 3 janvier 2021", "vendredi dernier"
        found = find_event_date(words, published, previous, reference_year, story)
        if found is not None and found.day is not None:
            return found.day
    return None


def trigger_day(sentence: Sentence, start: int, dated: Dated) -> EventDate:
    """The date of the act whose trigger stands at `start` (an offset in the sentence): in a sentence
    stating two days ("enlevé le 3 octobre, il a été libéré le 9 octobre"), the day the trigger
    governs in the parse; else the sentence's date."""
    if not sentence.tokens:
        return dated.when
    trigger = token_at(sentence, sentence.start + start)
    if trigger is None:
        return dated.when
    if len({day for _, day in dated.days}) > 1:
        for offset, day in dated.days:
            index = token_at(sentence, sentence.start + offset)
            if index is not None and _governed_by(sentence.tokens, index, trigger):
                return EventDate(day, 1)
    # "Le gouverneur a confirmé dimanche que dix suspects avaient été interpellés fin août": the
    # clause of the act dates it, not the report's verb
    inside = [(end - first, when) for first, end, when in dated.clauses if first <= start < end]
    if inside:
        return min(inside, key=lambda item: item[0])[1]
    # "Paris a réclamé samedi la libération de X, arrêté à Bamako": a participle set after a noun
    # tells what was done to it before the sentence's act, on a day the sentence does not give
    token = sentence.tokens[trigger]
    if dated.stated and token.dep == "acl" and token.form == "Part" and dated.when.precision == 1:
        return EventDate(dated.when.day, 2)
    return dated.when


def act_day_at(sentence: Sentence, start: int, dated: Dated, default: date | None) -> date | None:
    """The day of the interaction whose trigger stands at `start`: the day of its own clause when
    that clause states one (a month or a week only: none), else `default` (the sentence's)."""
    when = trigger_day(sentence, start, dated)
    if when.day == dated.when.day:  # no clause of its own (a participle's act: the sentence's day)
        # "Le Sénégal a condamné l'attaque qui a visé samedi Barsalogho": Saturday is the attack's
        # day; the condemnation's own clause states none (FORMAT.md: null)
        if dated.aside and not any(first <= start < end for first, end, _ in dated.clauses):
            return None
        return default
    return when.day if when.precision == 1 else None


def clause_dates(
    sentence: Sentence,
    text: str,
    context: tuple[date | None, date | None, int | None, date | None],
) -> tuple[tuple[int, int, EventDate], ...]:
    """The subordinate, participial or coordinated clauses of a sentence that state a date of their
    own: (start, end, date), offsets in the sentence."""
    tokens = sentence.tokens
    if not tokens:
        return ()
    shift = len(sentence.text) - len(text)  # the words after a dateline
    out: list[tuple[int, int, EventDate]] = []
    for index, token in enumerate(tokens):
        if token.pos != "VERB" or token.dep == "ROOT" or token.head == index or token.lemma in SAYING:
            continue  # "…, a appris l'AIB jeudi": the day of a report, never of the act
        span = subtree(sentence, index)
        first = tokens[span[0]].start - sentence.start
        end = tokens[span[-1]].end - sentence.start
        if first < shift or end - first >= len(sentence.text) - shift - 1:
            continue
        # the clause's own words: a clause inside it ("dont les accords ont été dénoncés début
        # août") dates its own verb, not this one
        words = sentence.text[first:end]
        for inner in span:
            if inner != index and tokens[inner].pos == "VERB" and tokens[inner].head != inner:
                nested = subtree(sentence, inner)
                a, b = tokens[nested[0]].start - sentence.start, tokens[nested[-1]].end - sentence.start
                words = words[: a - first] + " " * (b - a) + words[b - first :]
        if not names_a_time(words) or SINCE_WORD.search(fold_text(words)):
            continue  # "au pouvoir depuis le 26 juillet": when a state began, no act's day
        # "a fait savoir mardi que des terroristes avaient attaqué la veille": the day named before
        # the clause is what its "la veille" counts from
        before = last_named_day(sentence.text[shift:first], context[0], context[2]) if first > shift else None
        own = find_event_date(words, context[0], before or context[1], *context[2:])
        if own is not None and own.day is not None:
            out.append((first, end, own))
    return tuple(out)


def relative_dated(sentence: Sentence, clauses: tuple[tuple[int, int, EventDate], ...]) -> bool:
    """One of the clauses that state a date is a relative clause in a past tense ("l'attaque qui a
    visé samedi …": a thing done before); one in the present ("la session, qui se tient ce lundi")
    frames the act told around it."""
    spans = {(first, end) for first, end, _ in clauses}
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        past = token.tense in {"Past", "Imp"} or any(
            other.head == index and other.dep == "aux:tense" for other in tokens
        )
        if token.dep == "acl:relcl" and past:
            span = subtree(sentence, index)
            first = sentence.tokens[span[0]].start - sentence.start
            if (first, sentence.tokens[span[-1]].end - sentence.start) in spans:
                return True
    return False


def _governed_by(tokens: tuple[Token, ...], index: int, trigger: int) -> bool:
    """The date word at `index` belongs to the clause of the trigger at `trigger` (its verb or noun):
    its chain of heads reaches the trigger before any other verb, and before any noun that is not
    a time word: "l'accord du 17 décembre 2018" names when the accord was made, not the day it was
    denounced, and "le coup d'État du 26 juillet" dates the coup, not the act told about it."""
    targets = {trigger, tokens[trigger].head} if tokens[trigger].pos == "AUX" else {trigger}
    for _ in range(len(tokens)):
        head = tokens[index].head
        if head == index:
            return False
        if head in targets:
            return True
        if tokens[head].pos in {"VERB", "AUX"}:
            return False
        if tokens[head].pos in {"NOUN", "PROPN"} and fold_text(tokens[head].text) not in TIME_NOUNS:
            return False
        index = head
    return False


def _governed_by_root(tokens: tuple[Token, ...], index: int) -> bool:
    """The date word at `index` modifies the main verb (or a verb coordinated with it), not a noun
    ("le coup d'État du 26 juillet") nor a participle or a subordinate verb."""
    seen = 0
    while seen < len(tokens):
        head = tokens[index].head
        if head == index:
            return True  # the date word is the root: a headline "Attaques du 17 avril"
        token = tokens[head]
        if token.pos in {"VERB", "AUX"} or token.dep == "ROOT":
            return token.dep == "ROOT" or (token.dep == "conj" and tokens[token.head].dep == "ROOT")
        if token.pos in {"NOUN", "PROPN"} and fold_text(token.text) not in TIME_NOUNS:
            return False
        index, seen = head, seen + 1
    return False
