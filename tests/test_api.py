"""JSON API: one error shape, filters, downloads in the export formats, flagging behind a token."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from vigie.export import ACLED_COLUMNS
from vigie.store import Store
from vigie.web import create_app


@pytest.fixture
def client(news_store: Store) -> TestClient:
    return TestClient(create_app(news_store, token="s3cret"))


def assert_error(response: Any, status: int, message: str) -> None:
    """Every endpoint answers an error with the same shape."""
    assert response.status_code == status
    assert response.json() == {"ok": False, "error": message, "status": status}


def test_error_shape_is_the_same_everywhere(client: TestClient) -> None:
    assert_error(client.get("/api/events/99"), 404, "no event with id 99")
    assert_error(client.get("/api/articles/nope"), 404, "no article with id 'nope'")
    assert_error(
        client.get("/api/events?bbox=1,2"),
        422,
        "bbox: '1,2' must be west,south,east,north, e.g. -5.5,13,-2.5,16",
    )
    assert_error(client.get("/api/events?limit=0"), 422, "limit: Input should be greater than or equal to 1")
    assert_error(client.get("/api/nothing"), 404, "Not Found")


def test_events_filtered_and_paged(client: TestClient) -> None:
    answer = client.get("/api/events", params={"admin1": "Mopti", "limit": 1}).json()
    assert answer["total"] == 1 and answer["limit"] == 1
    assert answer["items"][0]["location"] == "Boni"
    assert answer["items"][0]["evidence"].startswith("Des hommes armés ont attaqué")
    empty = client.get("/api/events", params={"start": "2025-01-01", "event_type": ""}).json()
    assert empty["total"] == 0


def test_search_returns_escaped_marked_snippets(client: TestClient) -> None:
    answer = client.get("/api/articles", params={"q": "mairie"}).json()
    assert answer["total"] == 1
    html = answer["items"][0]["snippet_html"]
    assert "&lt;script&gt;alert(&#39;vigie&#39;)&lt;/script&gt;" in html
    assert "<mark>mairie</mark>" in html
    assert answer["facets"]["source"] == [{"value": "essor", "count": 1}]


def test_downloads_use_the_export_rows(client: TestClient) -> None:
    response = client.get("/api/events", params={"admin1": "Mopti", "format": "csv"})
    assert response.headers["content-disposition"] == 'attachment; filename="vigie-events.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert [(row["location"], row["admin1"]) for row in rows] == [("Boni", "Mopti")]
    geojson = client.get("/api/events", params={"format": "geojson"}).json()
    assert [f["geometry"]["coordinates"] for f in geojson["features"]] == [[-6.26, 13.43], [-1.98, 15.02]]
    lines = client.get("/api/interactions", params={"format": "jsonl"}).text.splitlines()
    assert [(r["party1"], r["party2"], r["type"]) for r in map(json.loads, lines)] == [
        ("MLI", "NER", "COOPERATE")
    ]


def test_flagging_needs_the_token(client: TestClient, news_store: Store) -> None:
    url = "/api/events/1/flag"
    assert_error(
        client.post(url, json={"flagged": True}),
        401,
        "a valid token is needed to flag events: send Authorization: Bearer <token>",
    )
    assert_error(client.post(url, json={"flagged": True}, headers={"Authorization": "Bearer wrong"}), 401,
                 "a valid token is needed to flag events: send Authorization: Bearer <token>")  # fmt: skip
    done = client.post(url, json={"flagged": True}, headers={"Authorization": "Bearer s3cret"})
    assert done.json() == {"ok": True, "id": 1, "flagged": True}
    assert client.get("/api/events/1").json()["item"]["flagged"] is True
    read_only = TestClient(create_app(news_store))
    assert_error(
        read_only.post(url, json={"flagged": False}, headers={"Authorization": "Bearer s3cret"}),
        403,
        "the dashboard is read-only: restart it with --token (or VIGIE_SERVE_TOKEN) to allow flagging",
    )


def test_stats_matrix_and_lists(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["by_type"] == [
        {"week": "2023-02-27", "key": "Battles", "count": 1},
        {"week": "2024-07-29", "key": "Battles", "count": 1},
    ]
    assert client.get("/api/interactions/matrix").json()["items"] == [
        {"party1": "MLI", "party2": "NER", "type": "COOPERATE", "count": 1}
    ]
    assert client.get("/api/actors").json()["items"][0] == {"name": "JNIM", "count": 2}
    assert [p["location"] for p in client.get("/api/places").json()["items"]] == ["Boni", "Ségou"]
    assert client.get("/api/countries").json()["items"] == [
        {"name": "MLI", "count": 1},
        {"name": "NER", "count": 1},
    ]
    assert "/api/events" in client.get("/api/openapi.json").json()["paths"]


def test_stats_of_one_region(client: TestClient) -> None:
    stats = client.get("/api/stats", params={"admin1": "Mopti"}).json()
    assert stats["by_type"] == [{"week": "2024-07-29", "key": "Battles", "count": 1}]
    assert stats["by_region"] == [{"week": "2024-07-29", "key": "Mopti", "count": 1}]
