"""PLOVER's quad classes (data/plover_quad.toml): every PLOVER type in exactly one, as the manual has them."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import get_args

import pytest

from vigie.plover import QuadClass, quad_class, quad_classes
from vigie.records import PloverType
from vigie.web.app import PLOVER_TYPES


def test_every_type_vigie_extracts_or_lists_has_one_quad_class() -> None:
    assert set(get_args(PloverType)) | set(PLOVER_TYPES) == set(quad_classes())
    text = resources.files("vigie.data").joinpath("plover_quad.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    listed = [t for entry in table["quad_class"] for t in entry["types"]]
    assert len(listed) == len(set(listed)) == 16  # PLOVER's sixteen event types, each once
    assert [(entry["code"], entry["name"]) for entry in table["quad_class"]] == list(
        enumerate(get_args(QuadClass), start=1)
    )


@pytest.mark.parametrize(
    ("plover_type", "expected"),
    [
        ("CONSULT", "Verbal cooperation"), ("AGREE", "Verbal cooperation"), ("SUPPORT", "Verbal cooperation"),
        ("COOPERATE", "Material cooperation"), ("AID", "Material cooperation"),
        ("REQUEST", "Verbal conflict"), ("ACCUSE", "Verbal conflict"), ("REJECT", "Verbal conflict"),
        ("SANCTION", "Material conflict"), ("ASSAULT", "Material conflict"),
    ],
)  # fmt: skip
def test_quad_class_of_the_types_vigie_extracts(plover_type: str, expected: str) -> None:
    assert quad_class(plover_type) == expected


def test_a_type_plover_does_not_have_has_no_quad_class() -> None:
    assert quad_class("DEMAND") is None  # CAMEO's word; PLOVER says REQUEST
