"""French dates in news sentences (issue 10, "Dates"): each rule on sentences written for it."""

from __future__ import annotations

from datetime import date

import pytest

from vigie.frdate import EventDate, find_event_date

THURSDAY = date(2024, 3, 14)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # "jeudi dernier" in a Thursday paper is the week before; "jeudi" alone is the day itself
        (
            "Jeudi dernier, le ministre a reçu l'ambassadeur du Ghana.",
            THURSDAY,
            EventDate(date(2024, 3, 7), 1),
        ),
        ("Jeudi, le ministre a reçu l'ambassadeur du Ghana.", THURSDAY, EventDate(THURSDAY, 1)),
        ("Le ministre a reçu mardi dernier son homologue.", THURSDAY, EventDate(date(2024, 3, 12), 1)),
        # an evening runs into the next day but is the first day's; a night is the second's
        (
            "Le poste a été attaqué dans la soirée de samedi à dimanche.",
            THURSDAY,
            EventDate(date(2024, 3, 9), 1),
        ),
        (
            "Le poste a été attaqué dans la nuit de samedi à dimanche.",
            THURSDAY,
            EventDate(date(2024, 3, 10), 1),
        ),
        # "depuis dimanche" says since when something goes on; the act has its own day
        (
            "Depuis dimanche, des rumeurs couraient sur l'enlèvement de dix bergers, mardi, près de Djibo.",
            THURSDAY,
            EventDate(date(2024, 3, 12), 1),
        ),
        # a date that only begins a state is the sentence's when it names no other
        (
            "Depuis le lundi 4 mars 2024, la commune vit sous la menace d'hommes armés.",
            THURSDAY,
            EventDate(date(2024, 3, 4), 1),
        ),
    ],
)
def test_weekdays_resolve_against_the_publication_day(
    sentence: str, published: date, expected: EventDate
) -> None:
    assert find_event_date(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # FORMAT.md: a month only is its first day, precision 3, in the latest such month
        ("Les deux pays ont rompu leurs relations en janvier.", EventDate(date(2024, 1, 1), 3)),
        ("En octobre dernier, la délégation avait été reçue à Niamey.", EventDate(date(2023, 10, 1), 3)),
        (
            "Les agents ont été interpellés fin février, selon la gendarmerie.",
            EventDate(date(2024, 2, 25), 3),
        ),
        ("Au début du mois, Bamako avait réclamé son rappel.", EventDate(date(2024, 3, 1), 3)),
        ("Le mois dernier, le gouverneur avait signé le décret.", EventDate(date(2024, 2, 1), 3)),
        # a week, not a day
        ("La semaine dernière, un convoi a été bloqué à Kaya.", EventDate(date(2024, 3, 7), 2)),
        ("L'ambassadeur a remis en fin de semaine dernière un don de riz.", EventDate(date(2024, 3, 7), 2)),
    ],
)
def test_a_month_or_a_week_without_a_day_is_a_period(sentence: str, expected: EventDate) -> None:
    assert find_event_date(sentence, THURSDAY) == expected


def test_so_far_is_not_a_day() -> None:
    assert find_event_date("Aucun bilan officiel n'a été publié à ce jour.", THURSDAY) is None
    assert find_event_date("Aucune revendication n'a été enregistrée jusqu'à ce jour.", THURSDAY) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Deux jours plus tard, le camp de Léré a essuyé des tirs.", EventDate(date(2024, 2, 4), 1)),
        ("Une semaine plus tôt, ils avaient attaqué le poste de Loulouni.", EventDate(date(2024, 1, 26), 2)),
        ("Trois semaines plus tard, la route a été minée.", EventDate(date(2024, 2, 23), 2)),
    ],
)
def test_days_and_weeks_counted_from_the_day_told_last(sentence: str, expected: EventDate) -> None:
    # a week counted is that week (ACLED time precision 2), a few days counted the day itself
    assert find_event_date(sentence, THURSDAY, date(2024, 2, 2)) == expected


def test_that_day_is_the_day_named_last() -> None:
    found = find_event_date(
        "Ce jour-là, des hommes armés ont incendié le marché.", THURSDAY, date(2024, 2, 2)
    )
    assert found == EventDate(date(2024, 2, 2), 1)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Deux jours après l'embuscade, des centaines de femmes ont marché vers la mairie.",
            date(2024, 3, 4),
        ),
        ("Trois jours avant le drame, un commerçant avait été enlevé sur la même route.", date(2024, 2, 28)),
        ("Au lendemain de l'attaque, le gouverneur s'est rendu sur les lieux.", date(2024, 3, 3)),
        ("À la veille du scrutin, deux bureaux de vote ont été incendiés.", date(2024, 3, 1)),
    ],
)
def test_days_counted_from_an_event_of_the_story(sentence: str, expected: date) -> None:
    # the story's day, not the last day told ("le lendemain" told just before is 3 March)
    found = find_event_date(sentence, THURSDAY, previous=date(2024, 3, 3), story=date(2024, 3, 2))
    assert found is not None and found.day == expected and found.precision == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the weekday fits the year after the page's latest stated year
        ("Les faits remontent au samedi 14 septembre, à la sortie de la ville.", date(2024, 9, 14)),
        # a Monday 3 March only comes back in 2025 (and 2014): a misprinted weekday, the page's year
        ("Les faits remontent au lundi 3 mars, à la sortie de la ville.", date(2023, 3, 3)),
    ],
)
def test_an_undated_pages_weekday_moves_its_year_by_one_at_most(sentence: str, expected: date) -> None:
    found = find_event_date(sentence, None, None, reference_year=2023)
    assert found is not None and found.day == expected
