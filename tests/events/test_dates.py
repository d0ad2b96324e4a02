"""Which day dates an act (issue 10, "Dates"): dates named inside a noun phrase, relative days and
the years of undated pages, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from vigie.events import merge_events
from vigie.events.context import Timeline, trigger_day
from vigie.pipeline import Stages
from vigie.records import Article, Sentence


def _analysed(stages: Stages, text: str) -> list[Sentence]:
    article = Article("d" * 40, 0, "full", None, None, None, text, 0, len(text), ((0, len(text)),))
    return list(stages.analyzer(article, text).sentences)


def test_a_date_naming_an_accord_does_not_date_the_act_told_about_it(stages: Stages) -> None:
    sentence = (
        "Selon la radio nationale, c'est le 12 mars que Niamey a dénoncé la convention du 4 juin 2013, "
        "ce qui laisse trois mois aux coopérants pour partir."
    )
    [analysed] = _analysed(stages, sentence)
    timeline = Timeline([analysed], date(2024, 3, 15), None)
    assert trigger_day(analysed, sentence.index("dénoncé"), timeline[0]).day == date(2024, 3, 12)


def test_a_date_of_a_past_coup_does_not_date_the_visit(stages: Stages) -> None:
    sentence = "Le ministre a rencontré le 9 mai à Ouagadougou les auteurs du putsch du 30 septembre 2022."
    [analysed] = _analysed(stages, sentence)
    timeline = Timeline([analysed], date(2024, 5, 10), None)
    assert trigger_day(analysed, sentence.index("rencontré"), timeline[0]).day == date(2024, 5, 9)


def _timeline(stages: Stages, sentences: list[str], published: date) -> Timeline:
    analysed = _analysed(stages, " ".join(sentences))
    assert [s.text for s in analysed] == sentences  # one sentence each, as written
    return Timeline(analysed, published, None)


def test_news_that_comes_days_after_an_attack_dates_the_attack_back_from_the_story(stages: Stages) -> None:
    timeline = _timeline(
        stages,
        [
            "Le ministre burkinabè de la Défense a été reçu le mardi 14 mai 2024 à Niamey par le général Tiani.",
            "Cette visite intervient trois jours après l'embuscade contre le poste de Téra.",
            "Les deux hommes ont parlé de la sécurité de la frontière.",
        ],
        date(2024, 5, 16),
    )
    # the visit is the story's day; the ambush, three days before it (not three days after)
    assert (timeline[1].when.day, timeline[1].when.precision) == (date(2024, 5, 11), 1)
    # the story goes on from the visit
    assert timeline[2].when.day == date(2024, 5, 14)


def test_the_day_before_and_a_day_the_complement_states_itself(stages: Stages) -> None:
    timeline = _timeline(
        stages,
        [
            "Des hommes armés ont attaqué le jeudi 9 mai 2024 le poste de douane de Markoye.",
            "Cette attaque survient au lendemain d'une autre, qui avait visé la brigade de Dori.",
            "Ce drame intervient une semaine après celle qui a frappé le jeudi 2 mai le camp de Boulkessi.",
        ],
        date(2024, 5, 10),
    )
    assert timeline[1].when.day == date(2024, 5, 8)
    assert timeline[2].when.day == date(2024, 5, 2)


def test_some_days_before_the_story_is_no_day(stages: Stages) -> None:
    timeline = _timeline(
        stages,
        [
            "Un convoi de camions a été incendié le vendredi 17 mai 2024 près de Kolondiéba.",
            "Cette nouvelle attaque intervient quelques jours seulement après un premier assaut sur le même axe.",
        ],
        date(2024, 5, 18),
    )
    assert (timeline[1].when.day, timeline[1].when.precision) == (None, 3)


def test_an_event_told_in_a_week_then_on_its_day_takes_its_day(stages: Stages) -> None:
    body = (
        "L'armée malienne a payé un lourd tribut la semaine dernière, avec une embuscade meurtrière à "
        "Diabaly, dans le cercle de Niono. Dans la nuit du mardi 5 au mercredi 6 mars, une unité de "
        "l'armée déployée dans le cercle de Niono a été prise pour cible par des hommes armés à moto."
    )
    published = date(2024, 3, 11)
    article = Article("d" * 40, 0, "full", None, published, None, body, 0, len(body), ((0, len(body)),))
    analysis = stages.analyzer(article, body)
    events = merge_events(stages.extractor(article, analysis, stages.gazetteer).events)
    assert [(e.event_type, e.date, e.date_precision) for e in events] == [("Battles", date(2024, 3, 6), 1)]
