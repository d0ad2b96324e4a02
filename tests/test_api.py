"""JSON API: one error shape, filters, downloads in the export formats, flagging behind a token."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, update

from tests.rows import fill
from vigie.export import ACLED_COLUMNS, INTERACTION_COLUMNS
from vigie.store import Store
from vigie.store.schema import EventRow, InteractionRow, InteractionSourceRow
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


ACCUSATION = "Bamako accuse Paris de violations répétées de l'espace aérien malien."


def add_accusation(store: Store) -> None:
    """A directed interaction beside the rows of tests/rows.py: Mali accuses France, placed at Bamako."""
    with store.engine.begin() as connection:
        connection.execute(
            insert(InteractionRow),
            {"id": 2, "interaction_date": date(2022, 8, 15), "type": "ACCUSE", "party1": "FRA",
             "party2": "MLI", "source_party": "MLI", "target_party": "FRA", "location": "Bamako",
             "latitude": 12.65, "longitude": -8.0, "evidence": ACCUSATION},
        )  # fmt: skip
        connection.execute(
            insert(InteractionSourceRow),
            {"interaction_id": 2, "article_id": f"{0:040d}:0", "start_offset": 0,
             "end_offset": len(ACCUSATION), "sentence": ACCUSATION},
        )  # fmt: skip


def test_interactions_say_who_acted_on_whom(client: TestClient, news_store: Store) -> None:
    """Issue 13: the JSON items and every download carry source_party, target_party and quad_class;
    party1/party2 stay the sorted pair; an interaction stored before 0012 has no direction."""
    add_accusation(news_store)
    items = client.get("/api/interactions").json()["items"]
    assert [
        (i["type"], i["party1"], i["party2"], i["source_party"], i["target_party"], i["quad_class"])
        for i in items
    ] == [  # newest first
        ("COOPERATE", "MLI", "NER", None, None, "Material cooperation"),
        ("ACCUSE", "FRA", "MLI", "MLI", "FRA", "Verbal conflict"),
    ]
    response = client.get("/api/interactions", params={"type": "ACCUSE", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == INTERACTION_COLUMNS
    assert [(r["source_party"], r["target_party"], r["quad_class"]) for r in rows] == [
        ("MLI", "FRA", "Verbal conflict")
    ]
    geojson = client.get("/api/interactions", params={"format": "geojson"}).json()
    [feature] = geojson["features"]  # the one placed interaction
    assert feature["geometry"]["coordinates"] == [-8.0, 12.65]
    assert {k: feature["properties"][k] for k in ("party1", "party2", "source_party", "target_party", "quad_class")} == {
        "party1": "FRA", "party2": "MLI", "source_party": "MLI", "target_party": "FRA", "quad_class": "Verbal conflict"
    }  # fmt: skip
    lines = client.get("/api/interactions", params={"party": "NER", "format": "jsonl"}).text.splitlines()
    assert [(r["source_party"], r["target_party"], r["quad_class"]) for r in map(json.loads, lines)] == [
        (None, None, "Material cooperation")
    ]


def test_the_openapi_document_declares_the_interaction_fields(client: TestClient) -> None:
    document = client.get("/api/openapi.json").json()
    ok = document["paths"]["/api/interactions"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"]["$ref"] == "#/components/schemas/InteractionPageBody"
    item = document["components"]["schemas"]["InteractionItem"]
    assert {"party1", "party2", "source_party", "target_party", "quad_class"} <= set(item["required"])
    assert item["properties"]["quad_class"]["anyOf"][0]["enum"] == [
        "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"
    ]  # fmt: skip
    assert "PLOVER's source" in item["properties"]["source_party"]["description"]


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


# Filters of punctuation alone (issue 12: each built `MATCH ''`, a server error on the API and the dashboard)
PUNCTUATION = ['"', "(", ")", "*", "«»", "-", "'", "''", "^", ":", "+", "!", "?", ".", ",", ";", "…", "–",
               "—", "/", "\\", "#", "%", "&", "@", "[]", "{}", "<>", "|", "~", "=", "\x05"]  # fmt: skip


@pytest.mark.parametrize("text", PUNCTUATION)
def test_a_text_filter_without_words_filters_nothing(client: TestClient, text: str) -> None:
    answer = client.get("/api/events", params={"text": text})
    assert answer.status_code == 200
    assert answer.json()["total"] == 2
    assert client.get("/", params={"text": text}).status_code == 200
    assert client.get("/api/articles", params={"q": text}).json()["total"] == 0


@pytest.mark.parametrize("path", ["/api/events/9223372036854775808", "/api/events/99999999999999999999999"])
def test_ids_beyond_the_database_integers_are_refused(client: TestClient, path: str) -> None:
    """Issue 12: ids over 2^63 raised OverflowError, a 500."""
    assert_error(client.get(path), 422, "event_id: Input should be less than or equal to 9223372036854775807")
    page = client.get(path.removeprefix("/api"))
    assert page.status_code == 422
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    assert "event_id: Input should be less than or equal to 9223372036854775807" in page.text


def test_an_unexpected_error_keeps_the_error_shape_and_the_security_headers(news_store: Store) -> None:
    with news_store.engine.begin() as connection:  # a database broken under the server
        connection.exec_driver_sql("DROP TABLE interactions")
    broken = TestClient(create_app(news_store), raise_server_exceptions=False)
    answer = broken.get("/api/interactions")
    assert_error(answer, 500, "internal error; the server's log has the details")
    assert answer.headers["x-content-type-options"] == "nosniff"
    page = broken.get("/cooperation")
    assert page.status_code == 500 and page.headers["x-frame-options"] == "DENY"
    assert "internal error" in page.text


def test_an_undeclared_method_is_405_with_allow(client: TestClient) -> None:
    answer = client.request("TRACE", "/api/events/1")
    assert_error(answer, 405, "Method Not Allowed")
    assert answer.headers["allow"] == "GET"
    assert answer.headers["content-security-policy"].startswith("default-src 'none'")


@pytest.mark.parametrize("header", ["s3cret", "Basic s3cret", "Bearer", "Token s3cret"])
def test_a_token_without_the_bearer_scheme_is_refused(client: TestClient, header: str) -> None:
    """Issue 12: a bare token was taken for "Bearer <token>"."""
    answer = client.post("/api/events/1/flag", json={"flagged": True}, headers={"Authorization": header})
    assert_error(answer, 401, "a valid token is needed to flag events: send Authorization: Bearer <token>")
    assert answer.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/events/1").json()["item"]["flagged"] is False


@pytest.mark.parametrize(("body", "message"), [({}, "flagged: Field required"), (None, "body: Field required"),
                                               ({"flagged": "yes"}, "flagged: Input should be a valid boolean")])  # fmt: skip
def test_flagging_needs_an_explicit_boolean(client: TestClient, body: Any, message: str) -> None:
    """Issue 12: an empty body flagged the event."""
    answer = client.post("/api/events/1/flag", json=body, headers={"Authorization": "Bearer s3cret"})
    assert_error(answer, 422, message)
    assert client.get("/api/events/1").json()["item"]["flagged"] is False


@pytest.mark.parametrize(
    ("params", "message"),
    [({"start": "2024-13-01"}, "start: month must be in 1..12"),
     ({"start": "20240101"}, "start: must be a day, YYYY-MM-DD (or empty)"),
     ({"limit": "1.0"}, "limit: must be a whole number, written with digits only"),
     ({"flagged": "yes"}, "flagged: must be true, false or empty"),
     ({"bbox": "1,2,3,nan"}, "bbox: '1,2,3,nan' must be west,south,east,north, e.g. -5.5,13,-2.5,16")],
)  # fmt: skip
def test_values_the_schema_does_not_declare_are_refused(
    client: TestClient, params: dict[str, str], message: str
) -> None:
    """Issue 12: "start=" and other values outside the declared schema were taken (and the reverse)."""
    assert_error(client.get("/api/events", params=params), 422, message)


def test_declared_values_are_taken(client: TestClient) -> None:
    for params in (
        {"start": "", "end": "", "flagged": ""},
        {"bbox": "170,-90,-170,90"},
        {"bbox": "0,50,1,10"},
    ):
        assert client.get("/api/events", params=params).status_code == 200
    assert client.get("/api/events", params={"bbox": "170,-90,-170,90"}).json()["total"] == 0  # across 180°
    assert client.get("/api/events", params={"bbox": "-7,13,-1,16"}).json()["total"] == 2


def test_the_openapi_document_declares_formats_statuses_and_limits(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    events = paths["/api/events"]["get"]
    assert set(events["responses"]["200"]["content"]) == {
        "application/json", "text/csv", "application/geo+json", "application/x-ndjson"
    }  # fmt: skip
    assert set(events["responses"]) == {"200", "422", "503"}
    assert set(paths["/api/events/{event_id}"]["get"]["responses"]) == {"200", "404", "422", "503"}
    flag = paths["/api/events/{event_id}/flag"]["post"]
    assert set(flag["responses"]) == {"200", "400", "401", "403", "404", "422", "503"}
    assert flag["security"] == [{"HTTPBearer": []}]
    event_id = paths["/api/events/{event_id}"]["get"]["parameters"][0]["schema"]
    assert (event_id["minimum"], event_id["maximum"]) == (0, 2**63 - 1)
    text = next(p for p in events["parameters"] if p["name"] == "text")
    assert text["schema"]["anyOf"][0]["maxLength"] == 200


def test_short_prefixes_and_long_queries_are_bounded_and_said(client: TestClient) -> None:
    """Issue 12: "q=a*" cost 1-2.5 s at 100,000 articles; six prefixes at once, 38 s each."""
    answer = client.get("/api/articles", params={"q": "la* mairie"}).json()
    assert answer["total"] == 1
    assert answer["notes"] == ["la*: a prefix needs 3 letters; searched as the word la"]
    many = client.get(
        "/api/articles", params={"q": "att* boni* mai* seg* poste un deux trois quatre cinq"}
    ).json()
    assert many["notes"] == [
        "seg*: at most 3 prefixes; searched as the word seg",
        "only the first 8 words are searched",
    ]
    page = client.get("/articles", params={"q": "la* mairie"})
    assert "la*: a prefix needs 3 letters; searched as the word la" in page.text


def test_a_query_over_the_time_bound_is_stopped_with_503(tmp_path: Any) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'big.db'}") as store:
        fill(store)
        with store.engine.begin() as connection:  # enough rows that counting them takes thousands of steps
            connection.exec_driver_sql(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                "INSERT INTO search_rows (article_id, year, site, section) SELECT 'x' || i, 2024, 'essor', NULL FROM n"
            )
        bounded = TestClient(create_app(store, query_timeout=0.0))
        answer = bounded.get("/api/articles", params={"year": 2024})
        assert_error(
            answer,
            503,
            "the query took over 0 s and was stopped; narrow it: longer words, fewer prefixes, a shorter period",
        )
        assert answer.headers["x-content-type-options"] == "nosniff"


NOTE = (
    "Le 4 août 2024, à Boni (Mopti) : affrontement armé (Military Forces of Mali contre JNIM), bilan : 3 mort(s). "
    "« Des hommes armés ont attaqué le poste de sécurité de Boni dans la nuit du 3 au 4 août. » (L'Essor)"
)


def test_events_carry_the_notes_of_the_exports(client: TestClient) -> None:
    """Issue 13: `notes` (the ACLED export's French summary) in the API's list and detail too."""
    assert client.get("/api/events/1").json()["item"]["notes"] == NOTE
    listed = client.get("/api/events", params={"admin1": "Mopti"}).json()["items"]
    assert [item["notes"] for item in listed] == [NOTE]
    assert NOTE.replace("'", "&#39;") in client.get("/events/1").text


def test_csv_download_follows_acled_and_geojson_has_ids(client: TestClient, news_store: Store) -> None:
    """The dashboard's CSV is an ACLED file (0 where no toll is reported); GeoJSON features have ids."""
    with news_store.engine.begin() as connection:
        connection.execute(update(EventRow).where(EventRow.id == 2).values(fatalities=None))
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv"}).text)))
    assert sorted(r["fatalities"] for r in rows) == ["0", "3"]
    lines = client.get("/api/events", params={"format": "jsonl"}).text.splitlines()
    assert sorted(json.loads(line)["fatalities"] or 0 for line in lines) == [0, 3]
    assert None in [json.loads(line)["fatalities"] for line in lines]
    features = client.get("/api/events", params={"format": "geojson"}).json()["features"]
    assert sorted(f["id"] for f in features) == ["MLI1", "MLI2"]
