"""Tolls: coordinated figures, ranges and bracketed explanations (issue 10)."""

from __future__ import annotations

import pytest

from vigie.events.tolls import find_toll


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        # two figures share one death word: both are dead (FORMAT.md: deaths on all sides add up)
        ("Huit soldats et trois supplétifs civils de l'armée ont été tués jeudi près de Gorom.", 11),
        ("Le bilan fait état de sept gendarmes et d'un civil tués.", 8),
        # an explanation in brackets between the figure and its death word
        ("Le bilan s'établit à 9 militaires et 2 VDP (Volontaires pour la défense de la patrie) tués.", 11),
        # a range: the lowest specific figure (FORMAT.md)
        ("Des sources locales font état de 25 à 28 morts parmi les forains.", 25),
        ("Entre 12 et 15 morts, selon des élus de la commune.", 12),
        # killings told by their manner: executed, massacred, slaughtered, murdered
        ("Des hommes armés ont exécuté cinq éleveurs au bord du puits.", 5),
        ("Onze villageois ont été massacrés dans la nuit.", 11),
        ("Les assaillants ont égorgé deux bergers avant de repartir.", 2),
        ("Quatre élus locaux ont été assassinés depuis janvier, dont deux maires.", 4),
        # "un massacre" is the noun, not one person killed
        ("Le hameau de Dangatène a été le théâtre d'un massacre dans la nuit de samedi.", None),
        # a figure beside a toll that counts things, not people, is not added
        ("Deux camions ont été incendiés et quatre chauffeurs tués.", 4),
    ],
)
def test_coordinated_and_ranged_tolls(sentence: str, toll: int | None) -> None:
    assert find_toll(sentence) == toll
