"""`vigie places …`: place names the gazetteer did not know, and places users add from a CSV."""

from __future__ import annotations

import json
from pathlib import Path

import click

from vigie.cli.options import build_settings, db_option, say
from vigie.errors import InputError
from vigie.records import Place


@click.group(invoke_without_command=True)
@click.option("--unresolved", is_flag=True, help="List the place names the gazetteer did not know.")
@click.option("--examples", default=2, show_default=True, help="Example sentences per unresolved name.")
@click.option("--limit", type=int, default=None, help="Only the N most frequent unresolved names.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of text.")
@db_option
@click.pass_context
def places(
    ctx: click.Context, unresolved: bool, examples: int, limit: int | None, as_json: bool, db: str | None
) -> None:
    """Places users added (default), or with --unresolved the place names met in articles that the
    gazetteer did not know, most frequent first, with example sentences. Add the missing ones with
    `vigie places add FILE`.

    Example: vigie places --unresolved --limit 20
    """
    if ctx.invoked_subcommand is not None:
        return
    # imported here, not at the top: `vigie --help` and the light commands start without them
    from vigie.store import Store
    from vigie.store.places import unresolved_names, user_places

    settings = build_settings(ctx, db)
    with Store.open(settings.db, create=False) as store:
        if unresolved:
            names = unresolved_names(store, examples=examples, limit=limit)
            for item in names:
                if as_json:
                    record = {"name": item.name, "count": item.count, "sentences": list(item.sentences)}
                    click.echo(json.dumps(record, ensure_ascii=False))
                    continue
                click.echo(f"{item.count:>5}  {item.name}")
                for sentence in item.sentences:
                    click.echo(f"       « {sentence} »")
            click.echo(f"{len(names)} unresolved place names", err=True)
            return
        added = user_places(store)
    for place in added:
        if as_json:
            click.echo(json.dumps(_place_record(place), ensure_ascii=False))
        else:
            regions = " / ".join(dict.fromkeys(r for r in (place.admin1, place.admin1_2023) if r))
            click.echo(
                f"{place.name}\t{place.latitude:.5f}\t{place.longitude:.5f}\t{place.country}\t"
                f"{regions or '-'}\t{place.admin2 or '-'}\t{place.source_id}"
            )
    click.echo(f"{len(added)} places added by users", err=True)


@places.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.pass_context
def add(ctx: click.Context, file: Path, db: str | None) -> None:
    """Add places from a CSV file (header: name,latitude,longitude,country and optionally
    admin1,admin2,admin3,feature_class,population), then place the stored events and
    interactions that named them. A bad row stops the whole file, with its line number.

    Example: vigie places add my_places.csv
    """
    from vigie.geo import Gazetteer
    from vigie.geo.boundary import Boundaries
    from vigie.geo.user import read_user_places
    from vigie.store import Store
    from vigie.store.places import add_places, regeocode, user_places

    settings = build_settings(ctx, db)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{file} is not UTF-8 text ({err.reason}); save it as CSV UTF-8") from err
    except OSError as err:
        raise InputError(f"cannot read {file}: {err.strerror}") from err
    with Store.open(settings.db) as store, store.writing(say):
        known = user_places(store)
        new = read_user_places(text, file.name, Gazetteer.load(extra=known), Boundaries.load())
        added = add_places(store, new, file.name)
        gazetteer = Gazetteer.load(extra=user_places(store))
        done = regeocode(store, gazetteer, [place.name for place in added])
    click.echo(
        f"{len(added)} places added from {file.name}; {done.toponyms} place names now resolved, "
        f"{done.events} events and {done.interactions} interactions placed",
        err=True,
    )


def _place_record(place: Place) -> dict[str, object]:
    fields = ("name", "latitude", "longitude", "country", "admin1", "admin1_2023", "admin2", "admin3",
              "feature_class", "population", "source_id")  # fmt: skip
    return {name: getattr(place, name) for name in fields}
