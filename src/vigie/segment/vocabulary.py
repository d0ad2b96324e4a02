"""The vocabulary of page furniture, data/page_furniture.toml, compiled: section names, furniture,
menus, captions, markers of lists, comments and boxes, words of bylines and dates, agencies, words
that are no person's name. Every segmentation module reads `VOCABULARY`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources


class Markers:
    """A long list of marker patterns, searched fast: those that open a line ("^abonnez-vous")
    are tried at its start only, the others anywhere (one alternation of all would try every
    pattern at every position of every body paragraph)."""

    def __init__(self, patterns: list[str]) -> None:
        opening = [p[1:] for p in patterns if p.startswith("^")]
        anywhere = [p for p in patterns if not p.startswith("^")]
        self.opening = _alternation(opening) if opening else None
        self.anywhere = _alternation(anywhere) if anywhere else None

    def search(self, text: str) -> re.Match[str] | None:
        """Like `re.Pattern.search` over all the patterns (a match at the line's start first).

        >>> Markers(["^abonnez-vous", "newsletter"]).search("inscrivez-vous a notre newsletter").group()
        'newsletter'
        """
        found = self.opening.match(text) if self.opening is not None else None
        if found is None and self.anywhere is not None:
            found = self.anywhere.search(text)
        return found


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The vocabulary of data/page_furniture.toml, compiled."""

    sections: frozenset[str]
    furniture: Markers
    nav: re.Pattern[str]
    captions: Markers
    related: re.Pattern[str]
    comments: Markers
    rights: re.Pattern[str]
    asides: re.Pattern[str]
    read_also: re.Pattern[str]
    publication: re.Pattern[str]
    today: re.Pattern[str]
    bylines: re.Pattern[str]
    edition: re.Pattern[str]
    agencies: frozenset[str]
    not_names: frozenset[str]
    not_verbs: frozenset[str]

    @classmethod
    def load(cls) -> Vocabulary:
        text = resources.files("vigie.data").joinpath("page_furniture.toml").read_text(encoding="utf-8")
        table = tomllib.loads(text)
        return cls(
            sections=frozenset(table["sections"]),
            furniture=Markers(table["furniture"]),
            nav=_alternation(table["nav"]),
            captions=Markers(table["captions"]),
            related=_alternation(table["related"]),
            comments=Markers(table["comments"]),
            rights=_alternation(table["rights"]),
            asides=_alternation(table["asides"]),
            read_also=_alternation(table["read_also"]),
            publication=_alternation(table["publication"]),
            today=_alternation(table["today"]),
            bylines=re.compile(r"(?:^|(?<=\s))(?:" + "|".join(table["bylines"]) + r")\s*:?\s+(?=\S)"),
            edition=_alternation(table["edition"]),
            agencies=frozenset(table["agencies"]),
            not_names=frozenset(table["not_names"]),
            not_verbs=frozenset(table["not_verbs"]),
        )


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


VOCABULARY = Vocabulary.load()
