"""The served API does what its OpenAPI document says, checked by Schemathesis (issue 12).

`vigie serve` runs on a free loopback port over a small database (tests/rows.py); Schemathesis
reads /api/openapi.json and sends generated requests, valid and not, with every check on: no server
error, only declared status codes and content types, bodies that match their schemas, invalid
values refused and valid ones taken, 405 with Allow to undeclared methods, 401 without the token.
The seed is fixed and the examples per operation bounded, so that the run is the same each time.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.rows import fill
from vigie.store import Store

TOKEN = "s3cret"
EXAMPLES = 30
SEED = 12


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("contract") / "small.db"
    with Store.open(f"sqlite:///{db}") as store:
        fill(store)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "vigie", "serve", str(db), "--port", str(port), "--token", TOKEN],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("vigie serve did not answer within 60 s")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_api_does_what_its_openapi_document_says(served: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", f"{served}/api/openapi.json",
         "--checks", "all", "--max-examples", str(EXAMPLES), "--seed", str(SEED), "--workers", "1",
         "--header", f"Authorization: Bearer {TOKEN}", "--max-response-time", "5"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:]
    assert "failures" not in result.stdout.split("SUMMARY", 1)[-1]
    assert "Tested: 13" in result.stdout  # every operation of the document
