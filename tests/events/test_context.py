"""An article's timeline (issue 10, "Dates"): which day each sentence tells, on texts written for it."""

from __future__ import annotations

from datetime import date

from vigie.events.context import Timeline, page_country, trigger_day
from vigie.events.lexicon import load_parties
from vigie.pipeline import Stages
from vigie.records import Article, Sentence


def _timeline(stages: Stages, sentences: list[str], published: date) -> Timeline:
    text = " ".join(sentences)
    article = Article("d" * 40, 0, "full", None, published, None, text, 0, len(text), ((0, len(text)),))
    analysed = list(stages.analyzer(article, text).sentences)
    assert [s.text for s in analysed] == sentences  # one sentence each, as written
    return Timeline(analysed, published, None)


def test_an_event_told_far_from_its_date_takes_the_publication_day_week_precise(stages: Stages) -> None:
    timeline = _timeline(
        stages,
        [
            "Le samedi 2 mars 2024, des hommes armés ont attaqué le village de Tondibi.",
            "Le bilan est lourd.",
            "Plusieurs maisons ont été détruites.",
            "Les habitants ont fui vers la ville.",
            "Selon un élu, les assaillants ont aussi emporté du bétail.",
            "Vers 23 heures, un second groupe a tiré sur le poste de gendarmerie.",
        ],
        date(2024, 3, 5),
    )
    # two sentences on: the exact day; further: the publication day, week-precise (FORMAT.md)
    assert (timeline[2].when.day, timeline[2].when.precision) == (date(2024, 3, 2), 1)
    assert (timeline[4].when.day, timeline[4].when.precision) == (date(2024, 3, 5), 2)
    # a time of day without a day belongs to the day told
    assert (timeline[5].when.day, timeline[5].when.precision) == (date(2024, 3, 2), 1)


def test_an_interaction_told_in_the_pluperfect_without_a_day_is_undated(stages: Stages) -> None:
    timeline = _timeline(
        stages,
        [
            "Le ministre ghanéen a été reçu mardi par le président de la Transition.",
            "Auparavant, Accra avait fermé sa frontière aux camions burkinabè.",
            "Avant l'audience, la délégation avait rencontré le Premier ministre.",
            "En septembre dernier, les deux pays avaient signé un accord de transport.",
            "Les deux parties ont convenu de rouvrir la frontière.",
        ],
        date(2024, 3, 14),
    )
    tuesday = date(2024, 3, 12)
    assert timeline[0].act_day == tuesday
    assert timeline[1].act_day is None  # before the story: no day stated
    assert timeline[2].act_day == tuesday  # dated by the act it precedes
    assert timeline[3].act_day is None  # a month only (FORMAT.md: interactions need a day)
    assert timeline[4].act_day == tuesday


def test_the_story_goes_on_from_the_day_of_the_main_clause(stages: Stages) -> None:
    timeline = _timeline(
        stages,
        [
            "La commission d'enquête a publié ce mardi son rapport sur la frappe aérienne survenue le 3 janvier.",
            "Elle recommande aux autorités de dédommager les familles.",
        ],
        date(2024, 3, 14),
    )
    # the report's day, not the strike's, is the day of what follows
    assert timeline[1].act_day == date(2024, 3, 12)


def test_that_day_refers_to_the_day_named_last(stages: Stages) -> None:
    timeline = _timeline(
        stages,
        [
            "Le porte-parole a présenté ce mercredi le bilan des attaques du samedi 9 mars.",
            "Ce jour-là, des jihadistes ont attaqué deux positions de l'armée.",
            "Trois jours après l'attaque, des milliers de personnes ont manifesté à Kandi.",
        ],
        date(2024, 3, 14),
    )
    assert timeline[1].when.day == date(2024, 3, 9)
    assert timeline[2].when.day == date(2024, 3, 12)


def test_a_sentence_stating_two_days_dates_each_act_by_the_day_its_verb_governs(stages: Stages) -> None:
    sentence = "Le commerçant, libéré le 9 octobre, avait été enlevé le 3 octobre à Dinangourou par des hommes armés."
    timeline = _timeline(stages, [sentence], date(2025, 10, 20))
    [analysed] = _analysed(stages, sentence, date(2025, 10, 20))
    assert timeline[0].when.day == date(2025, 10, 9)  # the first day the sentence names
    assert trigger_day(analysed, sentence.index("enlevé"), timeline[0]).day == date(2025, 10, 3)
    assert trigger_day(analysed, sentence.index("libéré"), timeline[0]).day == date(2025, 10, 9)


def _analysed(stages: Stages, text: str, published: date) -> list[Sentence]:
    article = Article("d" * 40, 0, "full", None, published, None, text, 0, len(text), ((0, len(text)),))
    return list(stages.analyzer(article, text).sentences)


def test_a_page_naming_a_neighbour_only_by_its_border_is_of_its_home_country() -> None:
    """Issue 10: "frontalière du Burkina Faso" names the neighbour, not the page's country."""
    parties = load_parties()[0]
    border = (
        "Des hommes armés ont attaqué Kouri, localité frontalière du Burkina Faso, dans le cercle de "
        "Yorosso. Près de la frontière avec le Burkina Faso, un autre poste a été visé."
    )
    assert page_country(border, parties) == "MLI"
    assert page_country("Des hommes armés ont attaqué Djibo, au Burkina Faso.", parties) == "BFA"
