"""Tolls of issue 10 on sentences written for them: per village, appositions, presumed fighters,
another source's figure, a figure superseded, tolls told in the lead or a later sentence."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.extracting import article_events as _events
from vigie.events.tolls import another_figure, find_toll, tolls_by_place
from vigie.pipeline import Stages


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        # "présumés" between the figure and whom it counts (the army's word for fighters it killed)
        ("Lundi, l'armée a neutralisé 15 présumés terroristes lors d'une opération près de Tessit.", 15),
        ("Les FDS affirment avoir abattu une vingtaine de présumés jihadistes.", 20),
        # a part told in apposition is inside the figure, not added to it
        ("Samedi, onze personnes, dont quatre Volontaires pour la défense de la patrie, ont été tuées.", 11),
        # "la mort d'une vingtaine": the figure after an elided article
        ("« Cette embuscade a causé la mort d'une quinzaine de soldats », selon un élu.", 15),
        # victims named by kinship or age
        ("Trois femmes et deux nourrissons ont été tués dans la frappe.", 5),
        # wounded are not dead
        ("L'explosion a fait deux morts et onze blessés parmi les passagers.", 2),
        # a day told between the verb and its toll
        ("Des éléments de l'EIGS ont exécuté mardi 12 villageois à Tillia.", 12),
        ("Le Jnim a tué dimanche 3 mars plus de vingt soldats, selon deux sources.", 20),
        # the killing told as a noun: "l'exécution de 33 civils", "le massacre de 40 villageois"
        ("La commission a documenté l'exécution de 33 civils dans le cercle de Niono.", 33),
        ("Des ONG dénoncent le massacre de 40 villageois peuls.", 40),
        ("Le hameau a été le théâtre d'un massacre dans la nuit.", None),
        # workers are people too
        ("Six employés d'une société minière ont été tués dans l'embuscade.", 6),
    ],
)
def test_a_sentence_gives_its_toll(sentence: str, toll: int | None) -> None:
    assert find_toll(sentence) == toll


def test_each_village_gets_the_figure_told_before_its_name() -> None:
    sentence = "Les assaillants ont incendié des greniers, tuant neuf personnes à Bani et trois à Kéréna."
    assert tolls_by_place(sentence, ["Bani", "Kéréna"]) == {"Bani": 9, "Kéréna": 3}


def test_another_source_s_figure_is_told_apart_from_more_deaths() -> None:
    told = ["Une vingtaine de morts ont été dénombrés par des sources locales."]
    assert another_figure(told, "De son côté, l'état-major annonce un bilan de 8 militaires tués.")
    assert not another_figure(told, "Trois autres soldats ont succombé à leurs blessures à l'hôpital.")
    assert not another_figure(told, "Un premier bilan faisait état de 12 morts.")


def test_two_figures_for_one_event_keep_the_lowest(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Un convoi de l'armée est tombé jeudi dans une embuscade près de Mondoro. Au moins 23 morts ont "
        "été recensés, selon des sources locales. L'état-major annonce de son côté un bilan de 9 morts.",
        date(2022, 6, 10),
    )
    assert (event.location, event.fatalities) == ("Mondoro", 9)


def test_a_lead_s_toll_goes_to_the_event_the_next_sentence_places(stages: Stages) -> None:
    [event] = _events(
        stages,
        "Trois soldats ont perdu la vie lundi dans l'explosion d'un engin artisanal dans le centre du pays. "
        "Selon des sources sécuritaires, leur véhicule a sauté sur la mine à la sortie du village de Hombori.",
        date(2022, 2, 9),
    )
    assert (event.sub_event_type, event.location, event.fatalities) == (
        "Remote explosive/landmine/IED",
        "Hombori",
        3,
    )


def test_a_toll_told_before_a_later_event_is_not_shared_with_it(stages: Stages) -> None:
    events = _events(
        stages,
        "Mardi, des hommes armés ont attaqué le poste militaire de Tessit. Douze soldats ont été tués, "
        "selon une source sécuritaire. Le même jour, des assaillants ont attaqué le poste de Talataye.",
        date(2022, 8, 10),
    )
    tolls = {e.location: e.fatalities for e in events}
    assert tolls["Tessit"] == 12 and tolls.get("Talataye") is None
