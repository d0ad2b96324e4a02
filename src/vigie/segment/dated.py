"""Date lines among a page's items: which item a date line dates, a "Publié le …" that beats a
"Mis à jour le …", a date of today over a headline printed with its own date, and the place and
date a communiqué is signed at."""

from __future__ import annotations

import re

from vigie.segment.item import SKIPPED, Item, look_ahead, new_item
from vigie.segment.lines import Classified, Line
from vigie.segment.published import PUBLISHED_AFTER, UPDATED_FIRST, find_dateline

# where and when a communiqué or a letter was signed: "Bamako, le 4 août 2024", "Fait à Niamey, le 10 octobre 2023"
SIGNED_AT = re.compile(r"^(?:Fait à\s+)?[A-ZÀ-Ý][\w'’ -]{1,30},\s+le\s+\S+(?:\s+\S+){1,3}$")


def is_signed_at(item: Item, line: Classified) -> bool:
    """ "Bamako, le 4 août 2024" under a dated article's body: where and when its text was signed."""
    return (
        bool(item.spans)
        and item.body_last
        and item.stamp is not None
        and SIGNED_AT.match(line.text) is not None
    )


def take_date(lines: list[Classified], index: int, items: list[Item]) -> None:
    """Date the current item with the date line at `index`, or open a dated post, or leave a widget."""
    line = lines[index]
    current = items[-1] if items else None
    if current is not None and (
        current.stamp is None or (current.updated and not current.spans and not is_update(line))
    ):
        current.stamp = line.stamp
        current.updated = is_update(line)
        current.author = current.author or line.author
        current.anchored = current.anchored or not current.spans
        current.end = max(current.end, line.end)
        return
    if current is not None and (not current.spans or not current.body_last):
        return  # "Modifié le …" after "Publié le …", with or without a standfirst before them
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is not None and following.kind in (Line.FURNITURE, Line.CAPTION):
        ahead = look_ahead(lines, index)  # "12 mars 2025 · 🌍" / "#Diplomatie" / the post's text
        following = lines[ahead.index] if ahead.kind is not None and not ahead.dated else None
    if (
        following is not None
        and following.kind is Line.HEADLINE
        and has_own_date(lines, lines.index(following))
    ):
        return  # a today widget over a headline printed with its own date: "Vendredi 24 novembre 2023"
    if following is not None and following.kind in (Line.PARAGRAPH, Line.HEADLINE):
        item = new_item(line)  # a dated post: "10 mars 2025 · 🌍" then its text
        item.stamp, item.author = line.stamp, line.author
        items.append(item)
    # else a date widget among menus: not an article's date


def is_update(line: Classified) -> bool:
    """A date line of the last update: "Mis à jour le 03/02/2024 à 10h12", "Modifié le : 21/06/2021"."""
    return UPDATED_FIRST.match(line.folded) is not None and PUBLISHED_AFTER.search(line.folded) is None


def has_own_date(lines: list[Classified], index: int) -> bool:
    """A headline with a date line under it (after other headline-shaped lines: the masthead, a kicker,
    a standfirst), or whose text opens with a dateline ("Tessalit (Mali), 22 novembre 2023 (APA) - …")."""
    for line in lines[index + 1 :]:
        if line.kind is Line.DATE:
            return True
        if line.kind is Line.HEADLINE:
            continue  # the site's name, a kicker or a standfirst, then the headline's own date line
        if line.kind not in SKIPPED:
            return line.kind is Line.PARAGRAPH and find_dateline(line.text) is not None
    return False
