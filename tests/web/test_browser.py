"""The dashboard in a real browser: Playwright driving Debian's Chromium (nothing downloaded).

`vigie serve --demo` runs as a user would start it, on a free loopback port: open the map,
filter it, open an event, see its sentence highlighted, flag it with the token. A second
server shows an article holding <script> and <img onerror> as text. Screenshots are kept in
test-artifacts/browser/. Skipped where Chromium is not installed, except in CI, where
scripts/test.sh installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
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
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _need_chromium()
    database = tmp_path_factory.mktemp("browser") / "demo.db"
    with _serve(["--demo", "--db", str(database), "--token", TOKEN]) as url:
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
    page.wait_for_url(f"**/events/{event_id}")
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
    assert page.locator("#matrix tbody tr").count() >= 3
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
