"""PLOVER vocabulary shared by the store, the exports and the dashboard: a PLOVER type -> its quad class.

The table is data (`data/plover_quad.toml`, with the PLOVER manual's definitions it relies on).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal, get_args

from vigie.errors import ConfigError

QuadClass = Literal["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"]


@cache
def quad_classes() -> dict[str, QuadClass]:
    """Every PLOVER type of data/plover_quad.toml -> its quad class, read once."""
    try:
        text = resources.files("vigie.data").joinpath("plover_quad.toml").read_text(encoding="utf-8")
        table = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"data/plover_quad.toml cannot be read: {err}") from err
    classes: dict[str, QuadClass] = {}
    for entry in table["quad_class"]:
        name = entry["name"]
        if name not in get_args(QuadClass):
            raise ConfigError(
                f"data/plover_quad.toml: unknown quad class {name!r}; use one of: {', '.join(get_args(QuadClass))}"
            )
        for plover_type in entry["types"]:
            classes[plover_type] = name
    return classes


def quad_class(plover_type: str) -> QuadClass | None:
    """The quad class of a PLOVER type; None for a type PLOVER does not have.

    >>> quad_class("ACCUSE"), quad_class("AID"), quad_class("SANCTION")
    ('Verbal conflict', 'Material cooperation', 'Material conflict')
    """
    return quad_classes().get(plover_type)
