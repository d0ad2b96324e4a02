"""`vigie serve`: the dashboard and the JSON API over a database, under uvicorn."""

from __future__ import annotations

import gc
import socket
import tempfile
from importlib import resources
from pathlib import Path

import click

from vigie.cli.options import build_settings, db_option, ingest_paths, print_report
from vigie.settings import Settings
from vigie.store import Store, masked

LOOPBACK = ("127.0.0.1", "localhost", "::1")


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
@click.pass_context
def serve(
    ctx: click.Context,
    database: str | None,
    db: str | None,
    host: str,
    port: int,
    demo: bool,
    token: str | None,
) -> None:
    """Serve the dashboard (map, timeline, events, article search, cooperation) and the JSON API.

    Read-only unless a token is configured; every page works offline. The address is
    printed on stdout once the database is open. Stop with Ctrl-C.

    Example: vigie serve --demo
    """
    import uvicorn

    from vigie.web import create_app

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
            _announce(host, port, settings)
            # loopback by name: only those Host headers (an IPv6 Host has colons the check cannot split)
            hosts = ["127.0.0.1", "localhost"] if host in ("127.0.0.1", "localhost") else ["*"]
            app = create_app(
                store, token=settings.serve_token, hosts=hosts, query_timeout=settings.serve_query_timeout
            )
            # the 110,000 objects of the loaded modules never die: out of the collector's sight, a
            # full collection takes microseconds instead of 50-60 ms (one request in fifty waited for one)
            gc.freeze()
            uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning")).run()


def _sample() -> list[str]:
    folder = Path(str(resources.files("vigie.data") / "sample"))
    return sorted(str(path) for path in folder.glob("*.txt"))


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def _announce(host: str, port: int, settings: Settings) -> None:
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Dashboard: http://{shown}:{port}/   JSON API: http://{shown}:{port}/api/", nl=True)
    mode = "flagging allowed with the token" if settings.serve_token else "read-only"
    click.echo(f"Database: {masked(settings.db)} ({mode}). Stop with Ctrl-C.", err=True)
    if host not in LOOPBACK:
        click.echo(f"Warning: listening on {host}: anyone who can reach it can read the database.", err=True)
