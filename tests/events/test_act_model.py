"""The trained weighing of the rules' PLOVER types (events/act_model.py) and its training script."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from vigie.events.act_model import ActModel, features
from vigie.events.acts import Trigger
from vigie.pipeline import Stages
from vigie.records import Article, Sentence

ROOT = Path(__file__).resolve().parents[2]
# a reproach told with an expulsion: the words "hostile" and "expulser" make ACCUSE likely, and
# the model doubts a consultation in such a sentence
WEIGHTS = {
    "ACCUSE": {"bias": -3.0, "hostile": 5.0},
    "CONSULT": {"bias": 2.0, "expulser": -6.0},
}
EXPULSION = (
    "Le gouvernement malien a expulsé mardi l'ambassadeur de France, à qui il reproche des propos hostiles, "
    "au terme d'un entretien au ministère."
)


def _sentence(stages: Stages, text: str) -> Sentence:
    article = Article(
        "f" * 40, 0, "full", None, date(2025, 2, 5), None, text, 0, len(text), ((0, len(text)),)
    )
    return stages.analyzer(article, text).sentences[0]


def test_the_model_adds_a_type_it_is_sure_of_and_drops_one_it_rejects(stages: Stages) -> None:
    model = ActModel(WEIGHTS, add=0.8, drop=0.2)
    sentence = _sentence(stages, EXPULSION)
    assert {"hostile", "expulser", "rule:SANCTION"} <= features(sentence, ["SANCTION"])
    triggers = [Trigger("SANCTION", 27, 33, True), Trigger("CONSULT", 100, 109)]
    revised = model.revise(sentence, triggers, frozenset({"SANCTION", "ACCUSE"}))
    # SANCTION has no weights: the rules stand; CONSULT is dropped; ACCUSE is told at the first trigger
    assert [(t.type, t.start, t.directed) for t in revised] == [("SANCTION", 27, True), ("ACCUSE", 27, True)]


def test_without_triggers_the_model_adds_nothing(stages: Stages) -> None:
    model = ActModel(WEIGHTS, add=0.5, drop=0.0)
    assert model.revise(_sentence(stages, EXPULSION), [], frozenset()) == []


def test_the_extraction_takes_the_types_the_model_revises(stages: Stages) -> None:
    text = "Le gouvernement malien a expulsé mardi l'ambassadeur de France, à qui il reproche des propos hostiles."
    article = Article(
        "f" * 40, 0, "full", None, date(2025, 2, 5), None, text, 0, len(text), ((0, len(text)),)
    )
    analysis = stages.analyzer(article, text)
    rules = stages.extractor.diplomacy
    shipped = rules.act_model
    try:
        rules.act_model = None
        alone = {
            (i.type, i.parties) for i in stages.extractor(article, analysis, stages.gazetteer).interactions
        }
        rules.act_model = ActModel(WEIGHTS, add=0.8, drop=0.2)
        revised = {
            (i.type, i.parties) for i in stages.extractor(article, analysis, stages.gazetteer).interactions
        }
    finally:
        rules.act_model = shipped
    assert ("SANCTION", ("FRA", "MLI")) in alone
    assert revised - alone == {("ACCUSE", ("FRA", "MLI"))}


def test_the_training_script_refuses_the_valid_set(tmp_path: Path) -> None:
    gold = tmp_path / "valid.gold.jsonl"
    gold.write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_plover_types.py"), str(gold)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "never fit on it" in done.stderr
