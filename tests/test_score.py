"""Scoring as FORMAT.md defines it: matching rules for articles, events and interactions."""

from __future__ import annotations

from typing import Any

from vigie.score import score


def _doc(articles: list[Any] = (), events: list[Any] = (), interactions: list[Any] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {
        "doc": "d.txt",
        "articles": list(articles),
        "events": list(events),
        "interactions": list(interactions),
    }


def _article(
    title: str | None, first_words: str = "-.", published: str | None = None, kind: str = "teaser"
) -> dict[str, Any]:
    return {"title": title, "published": published, "author": None, "kind": kind, "first_words": first_words}


def _event(**fields: Any) -> dict[str, Any]:
    event = {
        "date": "2025-09-11", "date_precision": 1, "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Mali", "actor2": "JNIM",
        "location": "Nioro du Sahel", "admin1": "Kayes", "country": "Mali", "geo_precision": 2,
        "fatalities": None, "evidence": "…",
    }  # fmt: skip
    event.update(fields)
    return event


def test_titles_match_fuzzily_and_untitled_teasers_by_first_words() -> None:
    gold = _doc([
        _article("Kidal : Un véhicule terroriste neutralisé à Tibezas", published="2025-09-12T18:59"),
        _article(None, "Pour 2026, il est attendu une croissance de"),
        _article("Nioro : Plusieurs terroristes neutralisés par les FAMa"),
    ])  # fmt: skip
    mine = _doc([
        _article("KIDAL : un véhicule terroriste neutralisé à Tibézas", published="2025-09-12"),
        _article(None, "Pour 2026, il est attendu une croissance de 5,5%"),
        _article("Sécurité UNE"),
    ])  # fmt: skip
    figures = score([gold], [mine]).articles
    assert (figures.gold, figures.predicted, figures.matched) == (3, 3, 2)
    assert round(figures.f1, 4) == 0.6667
    assert figures.accuracy("published") == 0.5


def test_events_match_on_type_day_and_place() -> None:
    gold = _doc(events=[_event(), _event(date="2025-09-13", location="Sandaré", sub_event_type="Attack")])
    mine = _doc(
        events=[
            _event(date="2025-09-12", location="nioro du sahel", fatalities=3),  # a day off: matches
            _event(date="2025-09-13", location="Lambatara"),  # another place, same day
            _event(event_type="Battles", sub_event_type="Armed clash"),  # another type
        ]
    )
    scores = score([gold], [mine])
    assert (scores.events.matched, scores.events.gold, scores.events.predicted) == (1, 2, 3)
    assert scores.events.accuracy("fatalities") == 0.0
    assert scores.events.accuracy("date") == 0.0
    assert scores.events_by_type["Battles"].predicted == 1


def test_region_only_events_match_on_admin1_across_the_2023_layout() -> None:
    gold = _doc(events=[_event(location="Région de Nioro", admin1="Nioro", geo_precision=3)])
    mine = _doc(events=[_event(location="Kayes", admin1="Kayes", geo_precision=3)])
    scores = score([gold], [mine])
    assert scores.events.matched == 1
    assert scores.events.accuracy("admin1") == 1.0
    assert scores.events.accuracy("location") == 0.0


def test_events_match_by_distance_when_coordinates_are_known() -> None:
    gold = _doc(events=[_event(location="Nioro")])
    mine = _doc(events=[_event(location="Tibezas", latitude=15.25, longitude=-9.55)])

    def locate(name: str, admin1: str | None) -> tuple[float, float] | None:
        return (15.23, -9.59) if name == "Nioro" else None

    scores = score([gold], [mine], locate)
    assert scores.events.matched == 1
    assert scores.events.errors_km[0] < 5


def test_aes_counts_as_its_three_members() -> None:
    gold = _doc(
        interactions=[
            {
                "date": "2025-09-22",
                "type": "REJECT",
                "parties": ["AES", "ICC"],
                "location": None,
                "evidence": "…",
            }
        ]
    )
    mine = _doc(
        interactions=[
            {"date": "2025-09-22", "type": "REJECT", "parties": [p, "ICC"], "location": None, "evidence": "…"}
            for p in ("BFA", "MLI", "NER")
        ]
    )
    scores = score([gold], [mine])
    assert (scores.interactions.gold, scores.interactions.predicted, scores.interactions.matched) == (3, 3, 3)
    assert scores.interactions.f1 == 1.0


def test_interactions_need_the_same_type_and_close_dates() -> None:
    gold = _doc(
        interactions=[
            {"date": None, "type": "AGREE", "parties": ["MLI", "RUS"], "location": None, "evidence": "…"}
        ]
    )
    mine = _doc(
        interactions=[
            {
                "date": "2024-01-02",
                "type": "AGREE",
                "parties": ["MLI", "RUS"],
                "location": None,
                "evidence": "…",
            },
            {"date": None, "type": "CONSULT", "parties": ["MLI", "RUS"], "location": None, "evidence": "…"},
        ]
    )
    assert score([gold], [mine]).interactions.matched == 0
