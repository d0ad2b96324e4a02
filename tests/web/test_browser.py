"""The dashboard in a real browser: Playwright driving Debian's Chromium (nothing downloaded).

`vigie serve --demo` runs as a user would start it, on a free loopback port: open the map,
filter it, open an event, see its sentence highlighted, flag it with the token. A second
server shows an article holding <script> and <img onerror> as text. Screenshots are kept in
test-artifacts/browser/. Skipped where Chromium is not installed, except in CI, where
scripts/test.sh installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip
ARTIFACTS = ROOT / "test-artifacts" / "browser"
TOKEN = "jeton-de-test"

pytestmark = pytest.mark.slow


def _need_chromium() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(
                "Chromium is missing; scripts/test.sh should have installed it (apt-get install chromium)"
            )
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def _serve(arguments: list[str]) -> Iterator[str]:
    """Start `vigie serve` on a free loopback port, wait until it answers, stop it afterwards."""
    port = _free_port()
    log = tempfile.TemporaryFile(mode="w+")  # a file, not a pipe: a chatty server never blocks on it
    process = subprocess.Popen(
        [sys.executable, "-m", "vigie", "serve", *arguments, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == f"Dashboard: {url}/   JSON API: {url}/api/\n"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                log.seek(0)
                raise AssertionError(f"vigie serve did not start: {log.read()}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser") / "demo.db"


@pytest.fixture(scope="module")
def demo_url(demo_db: Path) -> Iterator[str]:
    _need_chromium()
    with _serve(["--demo", "--db", str(demo_db), "--token", TOKEN]) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


def test_map_filter_event_and_highlighted_sentence(demo_url: str, browser: object) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: blocked.append(message.text) if "Content Security" in message.text else None,
    )
    page.goto(demo_url + "/")
    expect(page.locator("h2").first).to_have_text("Carte")
    all_dots = page.locator("#map a.dot").count()
    assert all_dots >= 10
    page.screenshot(path=ARTIFACTS / "1-map.png", full_page=True)

    page.select_option("#event_type", "Violence against civilians")
    page.click("#apply")
    page.wait_for_url("**event_type=Violence+against+civilians**")
    dots = page.locator("#map a.dot")
    assert 0 < dots.count() < all_dots
    assert page.locator("#events tbody tr").count() == int(
        page.locator("p.count").first.inner_text().split()[0]
    )
    page.screenshot(path=ARTIFACTS / "2-filtered.png", full_page=True)

    single = page.locator("#map circle[data-count='1']").first
    event_id = single.get_attribute("data-event")
    page.locator(f"#map a.dot:has(circle[data-event='{event_id}'][data-count='1'])").first.click()
    page.wait_for_url(re.compile(rf"/events/{event_id}\?event_type=Violence"))  # the list's filters kept
    evidence = page.locator("mark.evidence").first
    expect(evidence).to_be_visible()
    sentence = httpx.get(f"{demo_url}/api/events/{event_id}").json()["sources"][0]["sentence"]
    assert evidence.inner_text() == sentence
    page.screenshot(path=ARTIFACTS / "3-event.png", full_page=True)

    page.fill("#token", "mauvais")
    page.click("#flag-button")
    expect(page.locator("#flag-result")).to_contain_text("a valid token is needed")
    page.fill("#token", TOKEN)
    page.click("#flag-button")
    expect(page.locator("#flag-note")).to_have_text("Signalé comme erroné")
    page.screenshot(path=ARTIFACTS / "4-flagged.png", full_page=True)
    assert blocked == []
    page.close()


def test_search_and_english(demo_url: str, browser: object) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(demo_url + "/articles")
    page.fill("#q", "segou")
    page.press("#q", "Enter")
    page.wait_for_url("**q=segou**")
    expect(page.locator(".hit mark").first).to_be_visible()
    assert page.locator(".hit h3 mark").first.inner_text() == "Ségou"
    page.click("#lang-en")
    expect(page.locator("header nav a").first).to_have_text("Map and events")
    page.screenshot(path=ARTIFACTS / "5-search-en.png", full_page=True)
    page.goto(demo_url + "/cooperation")
    assert page.locator("#matrix-cooperation tbody tr").count() >= 3
    assert page.locator("#matrix-conflict tbody tr").count() >= 3
    page.locator("#matrix-conflict td a").first.click()
    page.wait_for_url(re.compile(r"/cooperation\?source=\w+&target=\w+&quad=conflict"))
    quads = page.locator("#interactions-list small.quad").all_inner_texts()
    assert quads and all(quad.endswith("conflict") for quad in quads)
    page.screenshot(path=ARTIFACTS / "6-cooperation.png", full_page=True)
    page.close()


def test_hostile_article_renders_as_text(tmp_path: Path, browser: object) -> None:
    from playwright.sync_api import Browser

    from tests.rows import HOSTILE, fill
    from vigie.store import Store

    assert isinstance(browser, Browser)
    database = tmp_path / "hostile.db"
    with Store.open(f"sqlite:///{database}") as store:
        fill(store)
    dialogs: list[str] = []
    with _serve([str(database)]) as url:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url + "/events/1")
        page.goto(url + "/articles?q=mairie")
        page.goto(url + "/articles/0000000000000000000000000000000000000000:0")
        assert HOSTILE in page.locator("#article").inner_text()
        assert page.locator("#article script, #article img").count() == 0
        page.screenshot(path=ARTIFACTS / "7-hostile-article.png", full_page=True)
        assert dialogs == []
        page.close()


def test_timeline_hover_and_brush(demo_url: str, browser: object) -> None:
    """Issue 13: the timeline reads its counts out on hover, and a drag across bars filters the page."""
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(demo_url + "/")
    expect(page.locator("#timeline-title")).to_have_text("Événements par mois")
    bins = page.locator("#timeline g.bin")
    assert bins.count() == 15  # February 2023 to April 2024
    assert (
        page.locator("#timeline text.y-tick").count() >= 3
        and page.locator("#timeline text.x-tick").count() >= 5
    )
    assert page.locator("#timeline-legend li").count() >= 3
    busy = page.locator("#timeline g.bin:not([data-count='0'])").first
    busy.hover()
    expect(page.locator("#timeline-readout")).to_contain_text("événement(s)")
    assert "févr. 2023" == page.locator("#timeline text.x-tick").first.text_content()
    page.screenshot(path=ARTIFACTS / "8-timeline-hover.png", full_page=True)

    first, last = bins.nth(7).bounding_box(), bins.nth(9).bounding_box()  # September to November 2023
    assert first is not None and last is not None
    page.mouse.move(first["x"] + first["width"] / 2, first["y"] + first["height"] - 3)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] / 2, last["y"] + last["height"] - 3, steps=5)
    page.mouse.up()
    page.wait_for_url("**start=2023-09-01&end=2023-11-30**")
    expect(page.locator("#timeline-title")).to_have_text("Événements par semaine")
    dates = page.locator("#events tbody tr td:first-child").all_inner_texts()
    assert dates and all("2023-09-01" <= day <= "2023-11-30" for day in dates)
    page.screenshot(path=ARTIFACTS / "9-timeline-brushed.png", full_page=True)
    assert errors == []  # no 404, not even a favicon
    page.close()


def test_map_legend_and_event_page(demo_url: str, browser: object) -> None:
    """Issue 13: legends for size and colour, the 2023 regions, then an event page in French with
    its toll sentence marked, a small map and a way back to the filtered list."""
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(demo_url + "/?admin1=Mopti")
    expect(page.locator("#map-legend")).to_be_visible()
    expect(page.locator("#legend-sizes figcaption")).to_have_text("Nombre d'événements")
    assert page.locator("#map path.region").count() == 10
    assert "Ménaka" in page.locator("#map text.region-label").all_text_contents()
    assert "Bandiagara" in page.locator("#map text.region-2023-label").all_text_contents()
    expect(page.locator("#scale-bar")).to_be_visible()
    page.locator("#map").screenshot(path=ARTIFACTS / "10-map.png")

    page.locator("#events tbody tr", has_text="Bankass").locator("a").first.click()
    page.wait_for_url(re.compile(r"/events/\d+\?admin1=Mopti$"))
    labels = page.locator("#fields th").all_inner_texts()
    assert "Précision du lieu" in labels and "geo_precision" not in labels
    expect(page.locator("tr[data-field='flagged'] td")).to_have_text("non")
    expect(page.locator("mark.toll").first).to_contain_text("Deux militaires ont perdu la vie")
    expect(page.locator(".mini svg circle.disc")).to_have_count(1)
    page.screenshot(path=ARTIFACTS / "11-event-page.png", full_page=True)
    page.click("#back")
    page.wait_for_url(demo_url + "/?admin1=Mopti")
    page.close()


def test_report_opens_offline(demo_url: str, demo_db: Path, browser: object, tmp_path: Path) -> None:
    """Issue 13: `vigie report` writes a page that a browser shows with no request but the file itself."""
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    out = tmp_path / "rapport.html"
    done = subprocess.run(
        [sys.executable, "-m", "vigie", "report", "--from", "2023-09-01", "--to", "2023-12-31", "--db", str(demo_db),
         "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    page = browser.new_page(viewport={"width": 900, "height": 1273})  # an A4 page, at 900 pixels wide
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(out.as_uri())
    assert requests == [out.as_uri()]
    assert page.locator("#headline .card").count() == 3
    assert page.locator("#map g.dot").count() >= 4 and page.locator("#timeline g.bin").count() >= 10
    assert page.locator("#deadliest blockquote").count() >= 2
    page.screenshot(path=ARTIFACTS / "12-report-page-1.png")
    page.screenshot(path=ARTIFACTS / "13-report.png", full_page=True)
    page.close()
