"""Article search: a French query -> ranked articles with highlighted snippets and facets.

SQLite uses the FTS5 index `articles_fts` (accent-insensitive, bm25); PostgreSQL its French
text search. Snippets mark hits with MARK_START/MARK_END, private-use characters that no
scraped text carries, so that the page can escape the text first and add <mark> after.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    bindparam,
    column,
    extract,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.sql.elements import TextClause

from vigie.search.matches import CAP, POOL, rank_matches, ranked_keys
from vigie.search.rankings import RANKINGS, Facet, Ranking
from vigie.search.snippets import fold_word, mark_all, snippet
from vigie.store import Store
from vigie.store.packed import unpack
from vigie.store.schema import ArticleRow, DocumentRow

MARK_START = "\ue000"
MARK_END = "\ue001"
WORD = re.compile(r"\w+\*?")  # "l'armée" -> "l", "armée"; "attaq*" keeps its prefix star
MIN_PREFIX = 3  # letters before "*": "s*" would expand to most words of the index
MAX_PREFIXES = 3  # prefixes per query: each one expands to many words
MAX_TERMS = 8  # words per query
SNIPPET_WORDS = 24
# FTS5 rowids (search_rows.id, migration 0005_search_rows) of the articles matching :fts
MATCHED = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts"
RANKED = 60  # ranks kept per query: the first three pages of 20
PG_CAP = 2000  # PostgreSQL: matches read for the count, facets and page; beyond, estimated
SECTION = re.compile(r"://[^/]+/([^/?#]+)/")  # the first folder of a URL's path, as _section_column()
EPOCH = datetime(1970, 1, 1)
SEARCH_ROWS = table(
    "search_rows", column("id"), column("article_id"), column("year"), column("site"), column("section")
)


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """What the search page asks: words (any accents), facets chosen, a page."""

    q: str = ""
    year: int | None = None
    source: str | None = None
    section: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ArticleHit:
    id: str
    title: str | None
    published: str | None
    kind: str
    doc_name: str
    source: str
    snippet: str  # hits between MARK_START and MARK_END
    title_marked: str | None = None  # the title with its hits marked (None: no words searched)


@dataclass(frozen=True, slots=True)
class ArticlePage:
    hits: list[ArticleHit]
    total: int
    limit: int
    offset: int
    facets: dict[str, list[Facet]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # how the query was bounded: "s*: a prefix needs 3 letters; …"
    estimated: bool = False  # total and facets estimated from a sample of the matches (search.matches)


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One stored article with its paragraphs and their offsets into the document text."""

    id: str
    title: str | None
    published: str | None
    author: str | None
    kind: str
    doc_name: str
    source: str
    paragraphs: list[tuple[int, str]]  # (offset into the document text, paragraph)


@dataclass(frozen=True, slots=True)
class Terms:
    """What a typed query searches: quoted words, some prefixes, and what was changed to keep it cheap."""

    words: tuple[str, ...]
    prefixes: frozenset[str]  # words searched as prefixes ("attaq" for "attaq*")
    notes: tuple[str, ...] = ()  # one line per change: a prefix too short, terms over the cap

    @property
    def fts(self) -> str:
        """The FTS5 query: every word quoted, all required, prefixes starred."""
        return " ".join(f'"{word}"' + ("*" if word in self.prefixes else "") for word in self.words)


def search_terms(typed: str) -> Terms:
    """The words of a query, within the bounds that keep one search cheap: a prefix needs
    MIN_PREFIX letters ("a*" would expand to most of the index), at most MAX_PREFIXES prefixes
    and MAX_TERMS words; what goes beyond is searched as whole words or left out, with a note.

    >>> search_terms("attaque à Ségou").fts
    '"attaque" "à" "Ségou"'
    >>> found = search_terms("s* attaq*")
    >>> found.fts, found.notes
    ('"s" "attaq"*', ('s*: a prefix needs 3 letters; searched as the word s',))
    """
    words: list[str] = []
    prefixes: set[str] = set()
    notes: list[str] = []
    for typed_word in WORD.findall(typed):
        word = typed_word.rstrip("*")
        if len(words) >= MAX_TERMS:
            notes.append(f"only the first {MAX_TERMS} words are searched")
            break
        if typed_word.endswith("*"):
            if len(word) < MIN_PREFIX:
                notes.append(
                    f"{typed_word}: a prefix needs {MIN_PREFIX} letters; searched as the word {word}"
                )
            elif len(prefixes) >= MAX_PREFIXES:
                notes.append(f"{typed_word}: at most {MAX_PREFIXES} prefixes; searched as the word {word}")
            else:
                prefixes.add(word)
        if word not in words:
            words.append(word)
    return Terms(tuple(words), frozenset(prefixes), tuple(notes))


def fts_query(words: str) -> str:
    """Turn what a user typed into an FTS5 query: every word quoted, all required.

    >>> fts_query("attaque à Ségou")
    '"attaque" "à" "Ségou"'
    >>> fts_query('l\\'armée "OR" attaq*')
    '"l" "armée" "OR" "attaq"*'
    >>> fts_query("«»")
    ''
    """
    return search_terms(words).fts


def has_words(typed: str | None) -> bool:
    """Whether a query holds a word to search (punctuation alone, "«»", holds none).

    >>> has_words("«»"), has_words("  "), has_words("Ségou")
    (False, False, True)
    """
    return bool(typed and WORD.search(typed))


def site_of(name: str, url: str | None = None) -> str:
    """The site a document came from: its URL's host, else its name's first word (as the sample names them).

    >>> site_of("essor-2023-05-08-mangue-sikasso.txt"), site_of("x.html", "https://www.maliweb.net/securite/x.html")
    ('essor', 'maliweb.net')
    """
    if url and "://" in url:
        return url.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
    return name.split("-", 1)[0]


def search_articles(store: Store, query: ArticleQuery) -> ArticlePage:
    """Ranked articles matching `query.q` (newest first when q is empty), with year and source facets."""
    terms = search_terms(query.q)
    if query.q.strip() and not terms.words:
        return ArticlePage([], 0, query.limit, query.offset)
    with store.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            page = _pg_search(connection, replace(query, q=" ".join(terms.words)))
        else:
            page = _sqlite_search(connection, query)
    notes = terms.notes + page.notes
    return replace(page, notes=notes) if notes else page


def _bounds(total: int, estimated: bool) -> tuple[str, ...]:
    """What a search of many matches did not read in full (search.matches)."""
    if estimated:
        return (
            f"about {total:,} matches: the count and facets are estimated from {CAP:,} of them, "
            "the most recently stored come first",
        )
    if total > POOL:
        return (f"the best of the {POOL:,} most recently stored matches come first",)
    return ()


def matching_ids(connection: Connection, words: str) -> Select[Any] | TextClause:
    """A sub-query of the ids of the articles matching `words` (for event text filters too)."""
    if connection.dialect.name == "postgresql":
        return select(ArticleRow.id).where(
            _pg_document().op("@@")(func.websearch_to_tsquery("french", words))
        )
    return text(f"SELECT article_id FROM search_rows WHERE id IN ({MATCHED})").bindparams(
        fts=fts_query(words)
    )


def get_article(store: Store, article_id: str) -> ArticleView | None:
    """One article with its paragraphs, or None."""
    query = (
        select(
            ArticleRow.id,
            ArticleRow.title,
            ArticleRow.published,
            ArticleRow.published_has_time,
            ArticleRow.author,
            ArticleRow.kind,
            ArticleRow.spans,
            DocumentRow.name,
            DocumentRow.source,
            DocumentRow.packed,
        )
        .join(DocumentRow, DocumentRow.id == ArticleRow.document_id)
        .where(ArticleRow.id == article_id)
    )
    with store.engine.connect() as connection:
        found = connection.execute(query).first()
    if found is None:
        return None
    row = found._mapping
    document_text = unpack(row["packed"])
    spans = [(int(s), int(e)) for s, e in json.loads(row["spans"])]
    return ArticleView(
        id=row["id"],
        title=row["title"],
        published=published_text(row["published"], row["published_has_time"]),
        author=row["author"],
        kind=row["kind"],
        doc_name=row["name"],
        source=row["source"],
        paragraphs=[(start, document_text[start:end]) for start, end in spans],
    )


def published_text(published: datetime | str | None, has_time: bool) -> str | None:
    """ISO date, with the minutes when the page gave a time (raw SQLite rows give a string)."""
    if published is None:
        return None
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    return published.isoformat(timespec="minutes") if has_time else published.date().isoformat()


def _sqlite_search(connection: Connection, query: ArticleQuery) -> ArticlePage:
    """Count and facet on the narrow search_rows table, rank on the index alone, read bodies only
    for the page shown. The count, facets and first RANKED ranks of a query are kept until the
    next change of the index (search_version, migration 0008_weekly_counts): paging, or coming
    back to a word found in most of 100,000 articles, does not count and rank its matches again."""
    terms = fts_query(query.q) if query.q.strip() else ""
    chosen = {name: value for name, value in (("year", query.year), ("site", query.source),
                                              ("section", query.section)) if value}  # fmt: skip
    version, ranking = RANKINGS.get(connection, (terms, *chosen.items()))
    if ranking is None:
        ranking = _rank(connection, terms, chosen)
        RANKINGS.put(connection, (terms, *chosen.items()), version, ranking)
    total, facets = ranking.total, ranking.facets
    if not terms:
        return ArticlePage(_newest(connection, query, False), total, query.limit, query.offset, facets)
    estimated = ranking.estimated
    if query.offset + query.limit <= RANKED:
        keys = ranking.keys[query.offset : query.offset + query.limit]
    else:
        keys = ranked_keys(connection, terms, chosen, query.limit, query.offset, not estimated)
    order = {key: place for place, key in enumerate(keys)}
    if not order:
        return ArticlePage([], total, query.limit, query.offset, facets, _bounds(total, estimated), estimated)
    shown = text(
        """
        SELECT s.id AS key, a.id, a.title, vigie_article_text(d.packed, a.spans) AS body, a.published, a.published_has_time, a.kind, d.name,
               d.source, d.url
        FROM search_rows s JOIN articles a ON a.id = s.article_id JOIN documents d ON d.id = a.document_id
        WHERE s.id IN :keys
        """
    ).bindparams(bindparam("keys", expanding=True))
    rows = connection.execute(shown, {"keys": list(order)}).all()
    searched = search_terms(query.q)
    words = frozenset(fold_word(word) for word in searched.words if word not in searched.prefixes)
    prefixes = frozenset(fold_word(word) for word in searched.prefixes)
    hits = [
        _hit(
            row._mapping,
            snippet(row.body, words, prefixes, MARK_START, MARK_END, SNIPPET_WORDS),
            mark_all(row.title, words, prefixes, MARK_START, MARK_END) if row.title else None,
        )
        for row in sorted(rows, key=lambda r: order[r.key])
    ]
    return ArticlePage(hits, total, query.limit, query.offset, facets, _bounds(total, estimated), estimated)


def _rank(connection: Connection, terms: str, chosen: dict[str, Any]) -> Ranking:
    """Count the matches per year, site and section, and rank the first RANKED of them; without
    words, read the counts kept per year, site and section (migration 0017_search_facets)."""
    if terms:
        return rank_matches(connection, terms, chosen, RANKED)
    where = "".join(f" AND {name} = :{name}" for name in chosen)
    counts: dict[str, dict[str, int]] = {"year": {}, "source": {}, "section": {}}
    total = 0
    for row in connection.execute(
        text(f"SELECT year, site, section, n FROM search_facets WHERE n > 0{where}"), chosen
    ):
        total += row.n
        for name, value in (("year", row.year), ("source", row.site), ("section", row.section)):
            if value:  # 0 and "" stand for none
                counts[name][str(value)] = counts[name].get(str(value), 0) + row.n
    return Ranking(total, {name: _ranked_facets(values) for name, values in counts.items()}, [])


def _ranked_facets(counts: dict[str, int]) -> list[Facet]:
    return [Facet(value, n) for value, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:30]]


def _pg_search(connection: Connection, query: ArticleQuery) -> ArticlePage:
    """PostgreSQL: the first PG_CAP matches found by the GIN index give the count and facets (exact
    up to PG_CAP, else scaled to the planner's estimate of the matches), the page shows the newest
    of them. Ranking by ts_rank would compute each match's text vector again: 0.8 ms an article."""
    terms = query.q.strip()
    if not terms:
        return _pg_unsearched(connection, query)
    tsquery = func.websearch_to_tsquery("french", terms)
    matched = (
        select(ArticleRow.id, ArticleRow.published, DocumentRow.name, DocumentRow.url)
        .join(DocumentRow, DocumentRow.id == ArticleRow.document_id)
        .where(_pg_document().op("@@")(tsquery), *_facet_filters(query, True))
    )
    sample = connection.execute(matched.limit(PG_CAP + 1)).all()
    estimated = len(sample) > PG_CAP
    total = max(_pg_estimate(connection, matched), len(sample)) if estimated else len(sample)
    sample = sample[:PG_CAP]
    scale = total / len(sample) if sample else 0.0
    counts: dict[str, Counter[str]] = {"year": Counter(), "source": Counter(), "section": Counter()}
    for row in sample:
        section = SECTION.search(row.url or "")
        for name, value in (("year", row.published.year if row.published else None),
                            ("source", site_of(row.name, row.url)), ("section", section and section[1])):  # fmt: skip
            if value is not None:
                counts[name][str(value)] += 1
    facets = {
        name: _ranked_facets({v: round(n * scale) for v, n in values.items()})
        for name, values in counts.items()
    }
    newest = sorted(
        sample, key=lambda row: (row.published is None, -(row.published or EPOCH).timestamp(), row.id)
    )
    shown = [row.id for row in newest[query.offset : query.offset + query.limit]]
    notes = (
        f"about {total:,} matches: the count and facets are estimated from {PG_CAP:,} of them, the newest "
        "of which come first",
    )
    return ArticlePage(
        _pg_hits(connection, query, shown),
        total,
        query.limit,
        query.offset,
        facets,
        notes if estimated else (),
        estimated,
    )


def _pg_estimate(connection: Connection, statement: Any) -> int:
    """The planner's estimate of the rows of `statement` (from the statistics of the GIN index)."""
    compiled = statement.compile(dialect=connection.dialect)
    plan: Any = connection.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {compiled}", compiled.params).scalar()
    return int((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"])


def _pg_unsearched(connection: Connection, query: ArticleQuery) -> ArticlePage:
    base = (
        select(ArticleRow.id)
        .join(DocumentRow, DocumentRow.id == ArticleRow.document_id)
        .where(*_facet_filters(query, True))
    )
    total = connection.scalar(select(func.count()).select_from(base.subquery())) or 0
    facets = {
        "year": _facet(connection, base, _year(), query),
        "source": _facet(connection, base, _site_column(), query),
        "section": _facet(connection, base, _section_column(), query),
    }
    return ArticlePage(_newest(connection, query, True), total, query.limit, query.offset, facets)


def _pg_hits(connection: Connection, query: ArticleQuery, shown: list[str]) -> list[ArticleHit]:
    """The articles `shown`, in that order, their hits marked."""
    if not shown:
        return []
    tsquery = func.websearch_to_tsquery("french", query.q)
    options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords=10"
    snippet = func.ts_headline("french", ArticleRow.body, tsquery, options).label("snippet")
    title = func.ts_headline(
        "french", ArticleRow.title, tsquery, f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
    ).label("title_marked")
    rows = connection.execute(_listing(snippet, title).where(ArticleRow.id.in_(shown))).all()
    place = {article_id: n for n, article_id in enumerate(shown)}
    return [
        _hit(row._mapping, row.snippet, row.title_marked) for row in sorted(rows, key=lambda r: place[r.id])
    ]


def _newest(connection: Connection, query: ArticleQuery, postgres: bool) -> list[ArticleHit]:
    statement = (
        _listing(func.substr(_body(postgres), 1, 240).label("snippet"))
        .where(*_facet_filters(query, postgres))
        .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id)
        .limit(query.limit)
        .offset(query.offset)
    )
    return [_hit(row._mapping, row.snippet) for row in connection.execute(statement)]


def _listing(*extra: ColumnElement[Any]) -> Select[Any]:
    return select(
        ArticleRow.id,
        ArticleRow.title,
        ArticleRow.published,
        ArticleRow.published_has_time,
        ArticleRow.kind,
        DocumentRow.name,
        DocumentRow.source,
        DocumentRow.url,
        *extra,
    ).join(DocumentRow, DocumentRow.id == ArticleRow.document_id)


def _hit(row: Any, snippet: str, title_marked: str | None = None) -> ArticleHit:
    return ArticleHit(
        id=row["id"],
        title=row["title"],
        published=published_text(row["published"], row["published_has_time"]),
        kind=row["kind"],
        doc_name=row["name"],
        source=site_of(row["name"], row["url"]),
        snippet=snippet or "",
        title_marked=title_marked,
    )


def _facet_filters(query: ArticleQuery, postgres: bool) -> list[ColumnElement[bool]]:
    if not postgres:
        chosen = [
            condition
            for condition, value in ((SEARCH_ROWS.c.year == query.year, query.year),
                                     (SEARCH_ROWS.c.site == query.source, query.source),
                                     (SEARCH_ROWS.c.section == query.section, query.section))
            if value
        ]  # fmt: skip
        return [ArticleRow.id.in_(select(SEARCH_ROWS.c.article_id).where(*chosen))] if chosen else []
    filters: list[ColumnElement[bool]] = []
    if query.year is not None:
        filters.append(_year() == query.year)
    if query.source:
        filters.append(_site_column() == query.source)
    if query.section:
        filters.append(_section_column() == query.section)
    return filters


def _facet(
    connection: Connection, base: Select[Any], column: ColumnElement[Any], query: ArticleQuery
) -> list[Facet]:
    """Counts per value of `column` among the articles `base` selects."""
    ids = base.subquery()
    statement = (
        select(column.label("value"), func.count().label("n"))
        .select_from(ArticleRow)
        .join(DocumentRow, DocumentRow.id == ArticleRow.document_id)
        .where(ArticleRow.id.in_(select(ids.c.id)))
        .group_by(column)
        .order_by(func.count().desc(), column)
        .limit(30)
    )
    return [
        Facet(str(row.value), int(row.n)) for row in connection.execute(statement) if row.value is not None
    ]


def _year() -> ColumnElement[Any]:
    return extract("year", ArticleRow.published)


def _site_column() -> ColumnElement[Any]:
    """PostgreSQL: the URL's host without "www.", else the name's first word, as site_of() does."""
    host = func.regexp_replace(func.substring(DocumentRow.url, "://([^/]+)"), "^www[.]", "")
    return func.coalesce(host, func.split_part(DocumentRow.name, literal("-"), 1))


def _section_column() -> ColumnElement[Any]:
    """PostgreSQL: the first folder of the URL's path ("…/securite/x.html" -> "securite")."""
    return func.substring(DocumentRow.url, "://[^/]+/([^/?#]+)/")


def _body(postgres: bool) -> ColumnElement[Any]:
    """An article's body: a column on PostgreSQL, cut out of the document's text on SQLite (0014)."""
    if postgres:
        return ArticleRow.__table__.c.body
    return func.vigie_article_text(DocumentRow.packed, ArticleRow.spans)


def _pg_document() -> ColumnElement[Any]:
    # the very expression of the migration's GIN index, so that PostgreSQL uses it
    return literal_column("to_tsvector('french', coalesce(articles.title, '') || ' ' || articles.body)")
