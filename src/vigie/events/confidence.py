"""Events stage, last step: how likely a candidate event is one the text reports, from what the
rules saw when they found it (a trained logistic model, data/event_filter.json).

The rules find candidates: a trigger, its roles, a place and a date. Many candidates on pages
nobody tuned the rules on are background ("Il s'agit de la troisième embuscade depuis…"), a place
taken from the sentence before, or a report's date taken for the event's. The model weighs the
signs of each (a date stated in the sentence, a place introduced as one, the lead, a toll) and
keeps a candidate when the weighted sum clears the threshold. `scripts/train_event_filter.py`
fits the weights on seeds, dev and train and writes the file; without the file every candidate
is kept.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from vigie.events.lexicon import fold_text
from vigie.records import Event

FILE = "event_filter.json"
EVENT_TYPES = (
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Strategic developments",
    "Protests",
    "Riots",
)
SUB_TYPES = (
    "Armed clash",
    "Attack",
    "Abduction/forced disappearance",
    "Remote explosive/landmine/IED",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Arrests",
    "Looting/property destruction",
    "Peaceful protest",
)
STATE_LED = ("Arrests", "Air/drone strike", "Disrupted weapons use", "Looting/property destruction")
UNIDENTIFIED = "Unidentified Armed Group"
# the sentence tells what someone says, or what might have happened
HEARSAY = re.compile(r"\b(?:selon|d'apres|aurait|auraient|affirme|affirment|accus\w*|denonc\w*)\b")
BACKGROUND = re.compile(
    r"\b(?:depuis|deja|dernier(?:e|s|es)? en date|il s'agit|rappel\w*|precedent\w*|apres celle|"
    r"quelques (?:jours|semaines|mois) (?:apres|avant)|intervient|survient)\b"
)
# "avait été attaqué", "avaient tué": an earlier story (security.py skips it when undated)
PLUPERFECT = re.compile(
    r"\b(?:avait|avaient|etait|etaient)\s+(?:\w+\s+)?(?:ete\s+)?\w+(?:e|es|ee|ees|i|is|it|its|u|us|t|ts)\b"
)
QUOTE = re.compile(r"[«»\"“”]")


@dataclass(frozen=True, slots=True)
class Seen:
    """What the rules knew of a candidate besides the event itself."""

    sentence: int  # index of its first sentence among the article's body sentences
    sentences: int  # how many body sentences the article has
    stated: bool  # its first sentence states its own date
    anaphoric: bool  # its first sentence tells an event told before ("l'attaque")
    told_before: bool  # its place is the place of the event told before
    events: int  # candidates in the article
    title: str  # the article's headline, folded ("" without one)
    country: str  # ISO3 of the article's country
    mentions: int = 1  # body sentences that name its place
    teaser: bool = False  # the article is a teaser (its headline and first lines)


def features(event: Event, seen: Seen) -> dict[str, float]:
    """The named features of one candidate (all in [0, 1]).

    >>> from datetime import date
    >>> from vigie.records import Evidence
    >>> event = Event("Battles", "Armed clash", date(2024, 1, 2), 1, UNIDENTIFIED, "Military Forces of Mali",
    ...     "Boni", None, 3, (Evidence("d", "Des hommes armés ont attaqué Boni mardi.", 0, 40),))
    >>> f = features(event, Seen(0, 5, True, False, False, 1, "boni : attaque", "MLI"))
    >>> f["lead"], f["stated"], f["in_title"], f["toll"], f["type:Battles"]
    (1.0, 1.0, 1.0, 1.0, 1.0)
    """
    sentence = event.evidence[0].sentence if event.evidence else ""
    folded = fold_text(sentence)
    place = event.place
    location = fold_text(event.location or "")
    out = {
        "bias": 1.0,
        "lead": float(seen.sentence <= 1),
        "early": float(seen.sentence <= 4),
        "position": seen.sentence / max(seen.sentences, 1),
        "stated": float(seen.stated),
        "anaphoric": float(seen.anaphoric),
        "told_before": float(seen.told_before),
        "reports": min(len(event.evidence), 4) / 4,
        "many_events": min(seen.events, 8) / 8,
        "day_precise": float(event.date is not None and event.date_precision == 1),
        "no_date": float(event.date is None),
        "placed": float(place is not None),
        "precision_1": float(place is not None and place.geo_precision == 1),
        "region_only": float(place is not None and place.geo_precision == 3),
        "abroad": float(place is not None and place.country != seen.country),
        "in_title": float(bool(location) and location in seen.title),
        "toll": float(event.fatalities is not None),
        "unidentified": float(event.actor1 == UNIDENTIFIED),
        "no_target": float(event.actor2 is None),
        "state_led": float(event.sub_event_type in STATE_LED),
        "hearsay": float(bool(HEARSAY.search(folded))),
        "background": float(bool(BACKGROUND.search(folded))),
        "pluperfect": float(bool(PLUPERFECT.search(folded))),
        "quoted": float(bool(QUOTE.search(sentence))),
        "long_sentence": min(len(sentence.split()), 60) / 60,
        "week_precise": float(event.date_precision == 2),
        "place_named_again": float(seen.mentions >= 2),
        "teaser": float(seen.teaser),
        "teaser_undated": float(seen.teaser and not seen.stated),
    }
    for name in SUB_TYPES:
        out[f"sub:{name}"] = float(event.sub_event_type == name)
    for name in EVENT_TYPES:
        out[f"type:{name}"] = float(event.event_type == name)
    return out


@dataclass(frozen=True, slots=True)
class EventFilter:
    """A logistic model over `features`: keep a candidate whose probability clears `threshold`."""

    weights: Mapping[str, float]
    threshold: float

    @classmethod
    def load(cls) -> EventFilter | None:
        """The trained filter shipped in vigie.data, None when there is none."""
        path = resources.files("vigie.data").joinpath(FILE)
        if not path.is_file():
            return None
        table = json.loads(path.read_text(encoding="utf-8"))
        return cls(dict(table["weights"]), float(table["threshold"]))

    def probability(self, values: Mapping[str, float]) -> float:
        """The model's probability that the candidate is an event the text reports."""
        total = sum(self.weights.get(name, 0.0) * value for name, value in values.items())
        return 1.0 / (1.0 + math.exp(-max(min(total, 30.0), -30.0)))

    def keep(self, values: Mapping[str, float]) -> bool:
        return self.probability(values) >= self.threshold
