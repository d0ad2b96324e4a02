"""Interactions stage, one step: the PLOVER types a sentence tells, weighed by a model trained on
the annotated sentences (data/act_types.json), beside the trigger rules of `events/acts.py`.

The rules find a trigger phrase per type; the words around it decide the type the annotators
gave: an expulsion that reproaches is REJECT and ACCUSE, a delegation carrying messages of
solidarity is CONSULT and SUPPORT, an ambassador's expulsion is read by the gold as REJECT where
the rules see SANCTION. One logistic model per PLOVER type weighs the sentence's lemmas (folded)
and the types the rules found in it, and the rules' types are revised only where the rules found
a trigger (their parties and roles are then read at that trigger): a type the model is confident
of is added, a rule type it strongly rejects is dropped. `scripts/train_plover_types.py` fits the
weights on seeds, dev and train and chooses both thresholds by held-out folds of train; without
the file the rules' types stand.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from vigie.events.acts import Trigger
from vigie.events.lexicon import fold_text
from vigie.records import PloverType, Sentence

FILE = "act_types.json"
TYPES: tuple[PloverType, ...] = (
    "CONSULT",
    "AGREE",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "REJECT",
    "ACCUSE",
    "SANCTION",
    "REQUEST",
)
# word classes whose lemmas tell an act: proper names, numbers and punctuation say who and when
CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV", "AUX", "ADP"})


def features(sentence: Sentence, rule_types: Iterable[str]) -> set[str]:
    """The named features of a sentence: its content lemmas (folded) and the types the rules found.

    >>> from vigie.records import Token
    >>> words = [("Bamako", "Bamako", "PROPN"), ("a", "avoir", "AUX"), ("expulsé", "expulser", "VERB")]
    >>> tokens = tuple(Token(w, 0, 0, lemma, pos, "dep", 0) for w, lemma, pos in words)
    >>> sorted(features(Sentence("Bamako a expulsé", 0, 16, tokens), ["SANCTION"]))
    ['avoir', 'expulser', 'rule:SANCTION']
    """
    found = {f"rule:{kind}" for kind in rule_types}
    if sentence.tokens:
        words = [fold_text(t.lemma.lower()) for t in sentence.tokens if t.pos in CONTENT]
    else:
        words = fold_text(sentence.text.lower()).split()
    found.update(word for word in words if len(word) > 1 and word.isalpha())
    return found


@dataclass(frozen=True, slots=True)
class ActModel:
    """Per PLOVER type, logistic weights over `features`; `add` and `drop` are the probabilities
    above which a type the rules missed is added, and below which a rule type is dropped."""

    weights: Mapping[str, Mapping[str, float]]
    add: float
    drop: float

    @classmethod
    def load(cls) -> ActModel | None:
        """The model shipped in vigie.data, None when there is none."""
        path = resources.files("vigie.data").joinpath(FILE)
        if not path.is_file():
            return None
        table = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            {kind: dict(weights) for kind, weights in table["weights"].items()},
            float(table["add"]),
            float(table["drop"]),
        )

    def probabilities(self, values: set[str]) -> dict[PloverType, float]:
        """The probability of each type the model knows, for a sentence's features."""
        out: dict[PloverType, float] = {}
        for kind in TYPES:
            weights = self.weights.get(kind)
            if weights is None:
                continue
            total = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) for name in values)
            out[kind] = 1.0 / (1.0 + math.exp(-max(min(total, 30.0), -30.0)))
        return out

    def revise(
        self, sentence: Sentence, triggers: Sequence[Trigger], directed: frozenset[str]
    ) -> list[Trigger]:
        """The rules' triggers of a sentence, less the types the model rejects, plus the types it is
        confident of, each told at the rules' first trigger (where its parties are read)."""
        if not triggers:
            return list(triggers)
        found = {t.type for t in triggers}
        chances = self.probabilities(features(sentence, found))
        kept = [t for t in triggers if chances.get(t.type, 1.0) >= self.drop]
        first = triggers[0]
        for kind, chance in sorted(chances.items(), key=lambda item: -item[1]):
            if kind not in found and chance >= self.add:
                kept.append(Trigger(kind, first.start, first.end, kind in directed, False))
        return kept
