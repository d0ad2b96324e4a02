"""Dashboard pages: scraped text shown as text, strict CSP, highlighted sentence, French then English."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.rows import BORA
from vigie.store import Store
from vigie.web import create_app
from vigie.web.app import CSP


@pytest.fixture
def client(news_store: Store) -> TestClient:
    return TestClient(create_app(news_store))


@pytest.mark.parametrize("path", ["/articles/0000000000000000000000000000000000000000:0", "/events/1",
                                  "/articles?q=mairie", "/?text=mairie"])  # fmt: skip
def test_markup_in_articles_is_shown_as_text(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    if path != "/?text=mairie":
        assert "&lt;script&gt;alert(&#39;vigie&#39;)&lt;/script&gt;" in page.text
        assert "&lt;img src=x onerror=alert(1)&gt;" in page.text


def test_every_page_has_a_strict_csp(client: TestClient) -> None:
    for path in (
        "/",
        "/articles",
        "/cooperation",
        "/events/1",
        "/api/events",
        "/api/docs",
        "/static/vigie.css",
    ):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP, path
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_event_page_highlights_the_source_sentence(client: TestClient) -> None:
    page = client.get("/events/1").text
    assert f'<mark class="evidence">{BORA}</mark>' in page.replace("&#39;", "'")
    assert 'href="/articles/0000000000000000000000000000000000000000:0"' in page
    assert "Tableau de bord en lecture seule" in page


def test_french_by_default_english_on_request(client: TestClient) -> None:
    assert '<h2 id="timeline-title">Événements par mois</h2>' in client.get("/").text
    english = client.get("/?lang=en")
    assert '<h2 id="timeline-title">Events per month</h2>' in english.text
    assert english.cookies.get("lang") == "en"
    assert "Events per month" in client.get("/").text  # the choice is remembered


def test_filters_are_in_the_url_for_map_list_and_downloads(client: TestClient) -> None:
    page = client.get("/", params={"admin1": "Mopti"}).text
    assert page.count('<a class="dot"') == 1  # one dot
    assert 'href="/api/events?admin1=Mopti&amp;format=csv"' in page
    assert "1 événements" in page


def test_unknown_pages_are_html_errors(client: TestClient) -> None:
    page = client.get("/events/404")
    assert page.status_code == 404
    assert "no event with id 404" in page.text and page.headers["content-type"].startswith("text/html")


def test_search_page_has_facets_and_marks(client: TestClient) -> None:
    page = client.get("/articles", params={"q": "segou"}).text
    assert "<mark>SEGOU</mark>" in page
    assert 'href="?q=segou&amp;year=2023"' in page


def test_loopback_dashboard_answers_loopback_names_only(news_store: Store) -> None:
    client = TestClient(
        create_app(news_store, hosts=("127.0.0.1", "localhost")), base_url="http://127.0.0.1:8000"
    )
    assert client.get("/api/events").status_code == 200
    rebound = client.get("/api/events", headers={"Host": "attacker.example:8000"})
    assert rebound.status_code == 400


def test_flagged_filter_in_the_dashboard(news_store: Store) -> None:
    from vigie.search import set_flag

    set_flag(news_store, 2, True)
    client = TestClient(create_app(news_store))
    flagged = client.get("/", params={"flagged": "true"}).text
    assert '<option value="true" selected>signalés</option>' in flagged
    assert 'href="/events/2?flagged=true"' in flagged and 'href="/events/1' not in flagged
    assert client.get("/", params={"flagged": ""}).status_code == 200


def test_cooperation_lists_who_acted_on_whom_with_names(client: TestClient, news_store: Store) -> None:
    """Issue 13: "Mali → France" (codes on hover), the quad class in the interface language; an
    interaction stored before Vigie kept the direction shows its pair, "Mali — Niger"; cooperation
    and conflict in two matrices, rows who acts, each cell a link to its interactions."""
    from tests.test_api import add_accusation

    add_accusation(news_store)
    page = client.get("/cooperation").text
    assert (
        '<span class="direction"><abbr title="MLI">Mali</abbr> → <abbr title="FRA">France</abbr></span>'
        in page
    )
    assert '<span class="pair"><abbr title="MLI">Mali</abbr> — <abbr title="NER">Niger</abbr></span>' in page
    assert '<small class="quad" title="Classe PLOVER">Conflit verbal</small>' in page
    assert '<small class="quad" title="Classe PLOVER">Coopération matérielle</small>' in page
    assert "Accuser <small>(ACCUSE)</small>" in page and "Qui → qui" in page
    conflict = page[page.index('id="matrix-conflict"') :]
    cooperation = page[page.index('id="matrix-cooperation"') : page.index('id="matrix-conflict"')]
    assert 'href="?source=MLI&amp;target=FRA&amp;quad=conflict#interactions">1</a>' in conflict
    assert "quad=conflict" not in cooperation and 'quad=cooperation#interactions">1</a>' in cooperation
    chosen = client.get("/cooperation", params={"source": "MLI", "target": "FRA", "quad": "conflict"}).text
    listed = chosen[chosen.index('id="interactions-list"') :]
    assert "1 interactions" in chosen and "Accuser" in listed and "Coopérer" not in listed
    assert 'href="/articles/0000000000000000000000000000000000000000:0"' in listed  # its source
    english = client.get("/cooperation", params={"lang": "en"}).text
    assert '<small class="quad" title="PLOVER quad class">Verbal conflict</small>' in english
    assert "Who → whom" in english
