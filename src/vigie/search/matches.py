"""Bounded search work on SQLite: an FTS5 query -> its count, facets and best matches, within a fixed budget.

Reading every match of a word costs what the word is worth: "armée" is in a third of a million
articles, and bm25 over 300,000 matches takes seconds. So a search reads at most:
- CAP matches for its count and facets. A query found in CAP articles or fewer is counted exactly;
  beyond, its matches are read in SLICES slices spread evenly over the index (FTS5 rowids), each
  slice's first CAP // SLICES matches standing for every match of the slice (weighted by the
  rowids they cover over those of the slice): an estimate, said so in the answer;
- for the ranking, a query counted exactly is ranked in full by bm25 (title weighted 5x). Beyond
  CAP matches bm25 is not computed at all (its statistics read every match of each word: a word
  in 800,000 articles, some 100 ms) and the page lists the most recently stored matches first.
At a million articles a cold search reads some 1,000 rows of search_rows, each on a page of its
own (the database is larger than SQLite's 2 GB memory map): CAP is what keeps it under 100 ms.

A prefix ("gouv"*) is the costly exception: FTS5 (without a prefix index) merges the postings of
every word it stands for into one list before it returns a first match, whatever the LIMIT or the
rowid range, and a search asks the index a dozen times (the count, ten slices, the page). So the
words of the index that start with the prefix are listed once (`fts5vocab`), and the count, the
slices and the page ask for any of them ("gouvernement" OR "gouverneur" ...): the same matches in
the same order, streamed (2 s -> see README, Benchmarks). bm25, for a query counted exactly, still
ranks the prefix itself (its statistics differ from those of the words' union).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from vigie.search.rankings import Facet, Ranking
from vigie.search.snippets import fold_word

CAP = 1000  # matches counted, faceted and ranked exactly; beyond, estimated
SLICES = 10  # parts of the index the estimate reads CAP // SLICES matches of
POOL = CAP  # most recently stored matches ranked by bm25: all of them when counted exactly
MATCH = "articles_fts MATCH :fts"
FACETS = ("year", "site", "section")
FACET_NAMES = {"year": "year", "site": "source", "section": "section"}  # column -> facet of the page
EXPANDED = 300  # words a prefix may stand for to be asked as their union; beyond, as a prefix
PHRASE = re.compile(r'"([^"]*)"(\*?)')  # one quoted word of search_terms().fts, starred when a prefix
FOLDED = re.compile(r"[a-z0-9]+")  # a prefix that folds (fold_word) to these is one token of the index
VOCABULARY = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_words USING fts5vocab(main, articles_fts, row)"
)


@dataclass(frozen=True, slots=True)
class Counted:
    """Matches per (year, site, section), weighted when they stand for a slice of the index."""

    groups: dict[tuple[Any, Any, Any], float]
    estimated: bool


def expand_prefixes(connection: Connection, terms: str) -> str:
    """The FTS5 query `terms` with each prefix ("gouv"*) replaced by the words of the index that
    start with it, ("gouvernement" OR "gouverneur" ...): it matches the same articles, but FTS5
    streams it instead of merging every posting first. `terms` as it is when it holds no prefix, or
    one that is not a plain word once folded, or one that stands for more than EXPANDED words.

    >>> expand_prefixes(None, '"Ségou" "armée"')  # type: ignore[arg-type]
    '"Ségou" "armée"'
    """
    parts = PHRASE.findall(terms)
    if not any(star for _, star in parts):
        return terms
    asked = []
    for word, star in parts:
        if not star:
            asked.append(f'"{word}"')
            continue
        folded = fold_word(word)
        if not FOLDED.fullmatch(folded) or len(folded) != len(word):
            return terms
        connection.exec_driver_sql(VOCABULARY)
        words = (
            connection.execute(
                text(
                    f"SELECT term FROM temp.articles_fts_words WHERE term >= :low AND term < :high LIMIT {EXPANDED + 1}"
                ),
                {"low": folded, "high": folded[:-1] + chr(ord(folded[-1]) + 1)},
            )
            .scalars()
            .all()
        )
        if not words or len(words) > EXPANDED:
            return terms  # none: the prefix costs nothing to ask; too many: asked as it is
        asked.append("(" + " OR ".join(f'"{found}"' for found in words) + ")")
    return " AND ".join(asked)


def rank_matches(connection: Connection, terms: str, chosen: dict[str, Any], keep: int) -> Ranking:
    """Count, facet and rank the matches of the FTS5 query `terms` among the facets `chosen`;
    `keep` search_rows ids, best first."""
    streamed = expand_prefixes(connection, terms)
    counted = count_matches(connection, streamed)
    wanted = [(key, n) for key, n in counted.groups.items() if _chosen(key, chosen)]
    total = round(sum(n for _, n in wanted))
    facets: dict[str, dict[str, float]] = {name: {} for name in FACET_NAMES.values()}
    for key, n in wanted:
        for column, value in zip(FACETS, key, strict=True):
            if value is not None:
                counts = facets[FACET_NAMES[column]]
                counts[str(value)] = counts.get(str(value), 0.0) + n
    kept = {
        name: [
            Facet(value, round(n))
            for value, n in sorted(values.items(), key=lambda item: (-item[1], item[0]))[:30]
        ]
        for name, values in facets.items()
    }
    keys = ranked_keys(connection, terms, chosen, keep, 0, not counted.estimated, streamed) if total else []
    return Ranking(total, kept, keys, counted.estimated)


def count_matches(connection: Connection, terms: str) -> Counted:
    """Matches per facet values: all of them up to CAP, else a weighted sample of CAP spread over the index."""
    found = connection.scalar(
        text(f"SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE {MATCH} LIMIT {CAP + 1})"),
        {"fts": terms},
    )
    if (found or 0) <= CAP:
        return Counted(
            {key: float(n) for key, n in _grouped(connection, terms, None, None, CAP + 1)[0].items()}, False
        )
    # two queries: SQLite reads min() or max() of a key from the index only when it is alone
    low = connection.scalar(text("SELECT min(id) FROM search_rows")) or 0
    high = connection.scalar(text("SELECT max(id) FROM search_rows")) or 0
    width = -(-(high + 1 - low) // SLICES)
    starts = list(range(low, high + 1, width))
    per = CAP // SLICES
    # one statement: each slice's first `per` matches (materialized once), weighted by the rowids of
    # the slice over those they cover when the slice holds more, grouped over every slice
    slices = ", ".join(
        f"m{i} AS MATERIALIZED (SELECT rowid FROM articles_fts WHERE {MATCH} AND rowid >= {start} "
        f"AND rowid < {min(start + width, high + 1)} LIMIT {per})"
        for i, start in enumerate(starts)
    )
    weighted = " UNION ALL ".join(
        f"SELECT s.year, s.site, s.section, CASE WHEN (SELECT count(*) FROM m{i}) = {per} THEN "
        f"{min(start + width, high + 1) - start}.0 / ((SELECT max(rowid) FROM m{i}) + 1 - {start}) ELSE 1.0 END AS w "
        f"FROM m{i} CROSS JOIN search_rows s ON s.id = m{i}.rowid"
        for i, start in enumerate(starts)
    )
    groups = {
        (row[0], row[1], row[2]): float(row[3])
        for row in connection.execute(
            text(f"WITH {slices} SELECT year, site, section, sum(w) FROM ({weighted}) GROUP BY 1, 2, 3"),
            {"fts": terms},
        )
    }
    return Counted(groups, True)


def ranked_keys(
    connection: Connection,
    terms: str,
    chosen: dict[str, Any],
    limit: int,
    offset: int,
    relevance: bool,
    streamed: str | None = None,
) -> list[int]:
    """search_rows ids of the matches (of the facets chosen), most recently stored first; with
    `relevance`, the POOL most recently stored ranked by bm25 (title weighted 5x) come first.
    `streamed`: `terms` with its prefixes expanded (expand_prefixes), for all but bm25."""
    where = "".join(f"AND s.{name} = :{name} " for name in chosen)
    matches = (
        f"FROM articles_fts CROSS JOIN search_rows s ON s.id = articles_fts.rowid WHERE {MATCH} {where}"
        "ORDER BY articles_fts.rowid DESC"
    )
    keys: list[int] = []
    ranked = POOL if relevance else 0
    if offset < ranked:
        keys += connection.execute(
            text(
                "SELECT id FROM (SELECT articles_fts.rowid AS id, bm25(articles_fts, 5.0, 1.0) AS score "
                f"{matches} LIMIT {POOL}) ORDER BY score, id LIMIT :limit OFFSET :offset"
            ),
            {"fts": terms, "limit": min(limit, ranked - offset), "offset": offset, **chosen},
        ).scalars()
    if len(keys) < limit and offset + limit > ranked:
        listed = expand_prefixes(connection, terms) if streamed is None else streamed
        keys += connection.execute(
            text(f"SELECT articles_fts.rowid {matches} LIMIT :limit OFFSET :offset"),
            {"fts": listed, "limit": limit - len(keys), "offset": max(offset, ranked), **chosen},
        ).scalars()
    return keys


def _grouped(
    connection: Connection, terms: str, start: int | None, end: int | None, limit: int
) -> tuple[Counter[tuple[Any, Any, Any]], int | None]:
    """The first `limit` matches of rowids start..end-1, per (year, site, section), and the last rowid read."""
    bounds = "" if start is None else "AND rowid >= :start AND rowid < :end "
    groups: Counter[tuple[Any, Any, Any]] = Counter()
    last = None
    for row in connection.execute(
        text(
            "SELECT s.year, s.site, s.section, count(*) AS n, max(m.rowid) AS last FROM "
            f"(SELECT rowid FROM articles_fts WHERE {MATCH} {bounds}LIMIT :limit) m "
            "CROSS JOIN search_rows s ON s.id = m.rowid GROUP BY s.year, s.site, s.section"
        ),
        {"fts": terms, "start": start, "end": end, "limit": limit},
    ):
        groups[(row.year, row.site, row.section)] += row.n
        last = row.last if last is None else max(last, row.last)
    return groups, last


def _chosen(key: tuple[Any, Any, Any], chosen: dict[str, Any]) -> bool:
    return all(key[FACETS.index(name)] == value for name, value in chosen.items())
