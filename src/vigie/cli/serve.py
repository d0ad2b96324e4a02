"""`vigie serve`: the dashboard and the JSON API over a database, under uvicorn."""

from __future__ import annotations

import gc
import json
import os
import socket
import tempfile
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vigie.cli.options import build_settings, db_option, ingest_paths, print_report
from vigie.settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

    from vigie.store import Store

LOOPBACK = ("127.0.0.1", "localhost", "::1")
SERVED = "VIGIE_SERVED"  # the worker processes' configuration (JSON of Served)


@click.command()
@click.argument("database", required=False, metavar="[DB]")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")  # fmt: skip
@click.option(
    "--demo", is_flag=True, help="First ingest the bundled sample (into a temporary database unless given)."
)
@click.option("--token", default=None, metavar="TOKEN",
              help="Allow flagging events with this token (setting serve_token, VIGIE_SERVE_TOKEN).")  # fmt: skip
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 32),
              help="Server processes: one per core answers concurrent requests in parallel.")  # fmt: skip
@click.pass_context
def serve(
    ctx: click.Context,
    database: str | None,
    db: str | None,
    host: str,
    port: int,
    demo: bool,
    token: str | None,
    workers: int,
) -> None:
    """Serve the dashboard (map, timeline, events, article search, cooperation) and the JSON API.

    Read-only unless a token is configured; every page works offline. The address is
    printed on stdout once the database is open. Stop with Ctrl-C.

    Example: vigie serve --demo
    """
    import uvicorn

    from vigie.store import Store

    with tempfile.TemporaryDirectory(prefix="vigie-demo-") as scratch:
        chosen = database or db
        if demo and chosen is None:
            chosen = str(Path(scratch) / "demo.db")
        settings = build_settings(ctx, chosen)
        if token is not None:
            settings = settings.updated({"serve_token": token}, origin="--token")
        with Store.open(settings.db, create=demo) as store:
            if demo:
                print_report(ingest_paths(_sample(), store, settings, label="Ingesting the sample"))
            port = port or _free_port(host)
            _announce(host, port, settings, workers)
            # loopback by name: only those Host headers (an IPv6 Host has colons the check cannot split)
            hosts = ["127.0.0.1", "localhost"] if host in ("127.0.0.1", "localhost") else ["*"]
            served = Served(settings.db, settings.serve_token, tuple(hosts), settings.serve_query_timeout)
            if workers > 1:  # each worker process opens the database and builds the app (worker_app)
                os.environ[SERVED] = json.dumps(asdict(served))
                uvicorn.run(f"{__name__}:worker_app", factory=True, host=host, port=port, workers=workers,
                            log_level="warning")  # fmt: skip
                return
            app = served.app(store)
            uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning")).run()


@dataclass(frozen=True, slots=True)
class Served:
    """What a server process needs to build the app: handed to worker processes as JSON."""

    db: str
    token: str
    hosts: tuple[str, ...]
    query_timeout: float

    def app(self, store: Store) -> FastAPI:
        from vigie.web import create_app

        app = create_app(store, token=self.token, hosts=self.hosts, query_timeout=self.query_timeout)
        # the 110,000 objects of the loaded modules never die: out of the collector's sight, a
        # full collection takes microseconds instead of 50-60 ms (one request in fifty waited for one)
        gc.freeze()
        return app


def worker_app() -> FastAPI:
    """The app of one worker process of `vigie serve --workers N` (uvicorn's factory)."""
    fields = json.loads(os.environ[SERVED])
    served = Served(fields["db"], fields["token"], tuple(fields["hosts"]), fields["query_timeout"])
    from vigie.store import Store

    return served.app(Store.open(served.db, create=False))


def _sample() -> list[str]:
    folder = Path(str(resources.files("vigie.data") / "sample"))
    return sorted(str(path) for path in folder.glob("*.txt"))


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def _announce(host: str, port: int, settings: Settings, workers: int = 1) -> None:
    from vigie.store import masked

    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Dashboard: http://{shown}:{port}/   JSON API: http://{shown}:{port}/api/", nl=True)
    mode = "flagging allowed with the token" if settings.serve_token else "read-only"
    processes = f", {workers} processes" if workers > 1 else ""
    click.echo(f"Database: {masked(settings.db)} ({mode}{processes}). Stop with Ctrl-C.", err=True)
    if host not in LOOPBACK:
        click.echo(f"Warning: listening on {host}: anyone who can reach it can read the database.", err=True)
