"""Issue 13's dashboard: a timeline with axes and tooltips, a map with legends and the regions the
filter offers, event pages in the interface language with the toll sentence marked, article pages
listing what was drawn from them."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from tests.rows import BORA
from vigie.search import PeriodCount
from vigie.store import Store
from vigie.web import create_app
from vigie.web.charts import draw_map, region_centres
from vigie.web.timeline import draw_timeline


@pytest.fixture
def client(news_store: Store) -> TestClient:
    return TestClient(create_app(news_store))


def test_timeline_draws_every_period_with_axes_and_tooltips() -> None:
    counts = [
        PeriodCount(date(2024, 1, 1), "Battles", 4, 12, 3),
        PeriodCount(date(2024, 1, 1), "Protests", 2, 0, 0),
        PeriodCount(date(2024, 3, 1), "Battles", 1, 0, 0),
    ]
    drawing = draw_timeline(counts, "month", (date(2024, 1, 15), date(2024, 4, 2)), "fr")
    assert [b.start for b in drawing.bins] == [
        date(2024, 1, 1),
        date(2024, 2, 1),
        date(2024, 3, 1),
        date(2024, 4, 1),
    ]
    assert [b.count for b in drawing.bins] == [6, 0, 1, 0]  # an empty month is a gap, not skipped
    assert drawing.bins[0].end == date(2024, 1, 31)
    assert (
        drawing.bins[0].tip
        == "janvier 2024 : 6 événement(s), 12 mort(s)\nManifestations : 2\nAffrontements : 4"
    )
    assert drawing.bins[2].tip.startswith("mars 2024 : 1 événement(s), aucun bilan chiffré")
    assert [value for _, value in drawing.y_ticks] == [0, 2, 4, 6]
    assert [label for _, label in drawing.x_ticks] == ["janv. 2024", "févr. 2024", "mars 2024", "avr. 2024"]
    assert drawing.keys == ["Battles", "Protests"] and drawing.title == "Événements par mois"
    english = draw_timeline(counts, "month", (date(2024, 1, 15), date(2024, 4, 2)), "en")
    assert english.bins[0].tip.splitlines()[0] == "January 2024: 6 event(s), 12 fatalities"


def test_dashboard_timeline_bins_link_to_their_period(client: TestClient) -> None:
    page = client.get("/", params={"event_type": "Battles"}).text
    assert '<h2 id="timeline-title">Événements par mois</h2>' in page
    bins = re.findall(r'<g class="bin" data-start="([0-9-]+)" data-end="([0-9-]+)" data-count="(\d+)"', page)
    assert len(bins) == 19 and bins[0] == ("2023-02-01", "2023-02-28", "1") and bins[-1][2] == "1"
    assert 'href="?event_type=Battles&amp;start=2024-08-01&amp;end=2024-08-31"' in page
    assert 'data-base="?event_type=Battles"' in page  # the script brushes into these filters
    assert "<title>août 2024 : 1 événement(s), 3 mort(s)\nAffrontements : 1</title>" in page
    week = client.get("/", params={"start": "2024-07-20", "end": "2024-08-10"}).text
    assert '<h2 id="timeline-title">Événements par semaine</h2>' in week


def test_map_draws_the_filters_regions_with_legends(client: TestClient) -> None:
    page = client.get("/").text
    regions = set(re.findall(r'<path class="region[^"]*" d="[^"]+" data-region="([^"]+)"', page))
    assert regions == {"Bamako", "Gao", "Kayes", "Kidal", "Koulikoro", "Ménaka", "Mopti", "Ségou", "Sikasso",
                       "Tombouctou"}  # fmt: skip
    assert '<text class="region-2023-label"' in page and ">Nioro</text>" in page  # 2023 regions, dashed
    assert ">Taoudénit*</text>" in page  # no outline in any source: its seat
    for neighbour in (
        "Algérie",
        "Niger",
        "Burkina Faso",
        "Mauritanie",
        "Sénégal",
        "Guinée",
        "Côte d&#39;Ivoire",
    ):
        assert f">{neighbour}</text>" in page
    assert '<g class="scale" id="scale-bar">' in page and ">200 km</text>" in page
    legend = page[page.index('id="map-legend"') :]
    assert "Nombre d&#39;événements" in legend and "centre de région seulement" in legend
    assert re.findall(r'text-anchor="middle" font-size="10" fill="#555">(\d+)</text>', legend) == [
        "1",
        "5",
        "10",
    ]
    assert '<link rel="icon" href="/static/favicon.svg"' in page


def test_an_event_at_a_regions_centre_is_a_ring() -> None:
    from vigie.search import MapPoint

    latitude, longitude = sorted(region_centres())[0]
    drawing = draw_map(
        [
            MapPoint(latitude, longitude, "Mopti", "Mopti", "Battles", 2, 7),
            MapPoint(15.02, -1.98, "Boni", "Mopti", "Battles", 1, 8),
        ]  # fmt: skip
    )
    assert [(dot.point.event_id, dot.approximate) for dot in drawing.dots] == [(7, True), (8, False)]


def test_map_dots_escape_names_and_link_to_their_events() -> None:
    """Each dot's title and link written escaped (the names escaped and quoted once per process,
    the page's query once per map): a place with an apostrophe and an ampersand, at a region's
    centre, and a single event linking to its page with the page's query."""
    from vigie.search import MapPoint
    from vigie.web.app import _drawn

    latitude, longitude = sorted(region_centres())[0]
    points = (
        MapPoint(latitude, longitude, "N'Tahaka & Tarkint", "Gao", "Battles", 3, 7),
        MapPoint(16.27, -0.04, "Bourem", "Gao", "Riots", 1, 8),
    )
    _, dots = _drawn(points, "fr", "?start=2024-01-01&", "?start=2024-01-01")
    first, second = str(dots).split("\n")
    assert first.startswith(
        '<a class="dot" href="?start=2024-01-01&amp;location=N%27Tahaka+%26+Tarkint&amp;event_type=Battles">'
        '<circle class="ring" '
    )
    assert first.endswith(
        'r="7.8" fill="none" stroke="#c0392b" data-event="7" data-count="3"><title>N&#39;Tahaka &amp; '
        "Tarkint: Affrontements (3) — centre de région seulement (lieu exact inconnu)</title></circle></a>"
    )
    assert second == (
        '<a class="dot" href="/events/8?start=2024-01-01"><circle class="disc" cx="467.3" cy="352.4" '
        'r="6.0" fill="#795548" data-event="8" data-count="1"><title>Bourem: Émeutes (1)</title></circle></a>'
    )


def test_event_page_speaks_the_interface_language(client: TestClient) -> None:
    page = client.get("/events/1", params={"admin1": "Mopti"}).text
    fields = dict(re.findall(r'<tr data-field="\w+"><th>([^<]+)</th><td>(.*?)</td></tr>', page, re.S))
    assert fields["Type d&#39;événement"] == "Affrontements <small>(Battles)</small>"
    assert fields["Sous-type"] == "Affrontement armé <small>(Armed clash)</small>"
    assert fields["Précision du lieu"] == "1 (la localité elle-même)"
    assert fields["Signalé comme erroné"] == "non"
    assert "flagged" not in fields and "False" not in page
    assert '<mark class="evidence">' + BORA.replace("'", "&#39;") + "</mark>" in page
    assert '<mark class="toll">Le bilan fait état de trois soldats tués.</mark>' in page
    assert '<a id="back" href="/?admin1=Mopti">' in page  # back to the list it came from
    assert '<svg id="map" class="map"' in page and 'data-event="1"' in page  # its small map
    english = client.get("/events/1", params={"lang": "en"}).text
    assert (
        "<th>Event type</th><td>Battles</td>" in english and "<th>Flagged as wrong</th><td>no</td>" in english
    )


def test_article_page_lists_what_was_drawn_from_it(client: TestClient) -> None:
    page = client.get("/articles/0000000000000000000000000000000000000001:0").text
    drawn = page[page.index('id="drawn"') :]
    assert '<a href="/events/2">2023-02-27</a>' in drawn and "Affrontement armé" in drawn
    assert "Interactions (1)" in drawn and '<abbr title="NER">Niger</abbr>' in drawn


def test_interactions_by_direction_and_quad_class(client: TestClient, news_store: Store) -> None:
    """The cooperation cells' filters (who acts, towards whom, cooperation or conflict) hold in the
    JSON list and in the downloads."""
    from tests.test_api import add_accusation

    add_accusation(news_store)
    listed = client.get("/api/interactions", params={"source": "MLI", "target": "FRA"}).json()["items"]
    assert [(i["type"], i["source_party"], i["target_party"]) for i in listed] == [("ACCUSE", "MLI", "FRA")]
    assert [
        i["type"] for i in client.get("/api/interactions", params={"quad": "cooperation"}).json()["items"]
    ] == ["COOPERATE"]
    csv = client.get("/api/interactions", params={"quad": "conflict", "format": "csv"}).text.splitlines()
    assert len(csv) == 2 and "ACCUSE" in csv[1]
    assert client.get("/api/interactions", params={"quad": "hostile"}).status_code == 422


def test_the_map_kept_for_other_pages_is_drawn_again_when_its_points_change(
    client: TestClient, news_store: Store
) -> None:
    """The drawn map is kept for the same points and query (every page of the list shows it), and
    an event added at a new place draws it again: a dot more, linked to the event's page."""
    from sqlalchemy import insert

    from vigie.store.schema import EventRow

    def dots(page: str) -> list[str]:
        return re.findall(r'<a class="dot" href="([^"]+)">', page)

    first = dots(client.get("/").text)
    assert first and dots(client.get("/", params={"offset": 50}).text) == first
    with news_store.engine.begin() as connection:
        connection.execute(
            insert(EventRow).values(id=999, event_date=date(2024, 9, 1), time_precision=1, event_type="Riots",
                                    sub_event_type="Violent demonstration", actor1="Rioters (Mali)",
                                    location="Douentza", admin1="Mopti", latitude=15.0, longitude=-2.95,
                                    evidence="Des jeunes ont incendié la mairie de Douentza.", flagged=False)
        )  # fmt: skip
    after = dots(client.get("/", params={"offset": 50}).text)
    assert len(after) == len(first) + 1 and "/events/999" in after
    assert "/events/999?event_type=Riots" in dots(client.get("/", params={"event_type": "Riots"}).text)
