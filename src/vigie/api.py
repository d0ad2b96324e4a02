"""JSON API: HTTP query parameters -> search functions -> JSON (or CSV, GeoJSON, JSONL downloads).

Thin functions over vigie.search; pydantic validates the query parameters (here only). Every
error has one shape: {"ok": false, "error": "...", "status": 404}. Reads need nothing; the one
write (flagging an event) needs the token the administrator configured (setting `serve_token`).
"""

from __future__ import annotations

import hmac
import io
import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from markupsafe import escape
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StrictBool,
    WithJsonSchema,
    field_validator,
)

from vigie.export import (
    ACLED_COLUMNS,
    ACLED_FILE,
    INTERACTION_COLUMNS,
    Style,
    event_rows,
    interaction_rows,
    notes_by_id,
    write_csv,
    write_geojson,
    write_jsonl,
)
from vigie.plover import QuadClass, quad_classes
from vigie.search import (
    MARK_END,
    MARK_START,
    ArticleQuery,
    EventFilter,
    InteractionFilter,
    WeekCount,
    count_actors,
    count_parties,
    count_places,
    find_events,
    find_interactions,
    get_article,
    get_event,
    has_words,
    list_events,
    list_interactions,
    map_points,
    pair_counts,
    search_articles,
    set_flag,
    weekly_counts,
)
from vigie.store import Store
from vigie.store.events import Filter, read_events, read_interactions

Format = Literal["json", "csv", "geojson", "jsonl"]
MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}
MAX_ID = 2**63 - 1  # the largest id a database integer holds
# "-5.5,13,-2.5,16": west,south,east,north, decimal degrees
BBOX = r"^-?[0-9]{1,3}(\.[0-9]{1,12})?(,-?[0-9]{1,3}(\.[0-9]{1,12})?){3}$"
DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # "2024-08-01"
WHOLE = re.compile(r"^-?[0-9]{1,40}$")  # "50": digits only, as JSON Schema's integer
# "Authorization: Bearer s3cret" (RFC 6750); a bare token, or another scheme, is no token
BEARER = HTTPBearer(auto_error=False, description="The token `vigie serve` was given (--token, serve_token).")

router = APIRouter(prefix="/api")


def _day(value: object) -> object:
    """A day as the API takes it: YYYY-MM-DD, or empty (the dashboard's blank field) for none."""
    if value is None or value == "" or isinstance(value, date):
        return None if value == "" else value
    if isinstance(value, str) and DAY.match(value):
        return date.fromisoformat(value)  # ValueError for "2024-02-30": a 422 naming the field
    raise ValueError("must be a day, YYYY-MM-DD (or empty)")


def _whole(value: object) -> object:
    """An integer written with digits only ("1.0", " 1", "1_000" are refused, as the schema says)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and WHOLE.match(value):
        return int(value)
    raise ValueError("must be a whole number, written with digits only")


def _blank_or_whole(value: object) -> object:
    return None if value == "" or value is None else _whole(value)


def _flag(value: object) -> object:
    """true, false, or empty for either: nothing else ("yes", "1") is taken for a boolean."""
    if value is None or isinstance(value, bool):
        return value
    choices: dict[object, bool | None] = {"true": True, "false": False, "": None}
    if value in choices:
        return choices[value]
    raise ValueError("must be true, false or empty")


BLANK: dict[str, JsonValue] = {"type": "string", "maxLength": 0, "description": "empty: no filter"}
Day = Annotated[
    date | None,
    BeforeValidator(_day),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, BLANK]}),
]
Flag = Annotated[
    bool | None, BeforeValidator(_flag), WithJsonSchema({"type": "string", "enum": ["true", "false", ""]})
]
Whole = Annotated[int, BeforeValidator(_whole)]
Year = Annotated[
    int | None,
    BeforeValidator(_blank_or_whole),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2100}, BLANK]}),
]


class ErrorBody(BaseModel):
    """The one error shape of the API."""

    ok: Literal[False]
    error: str = Field(description="What failed, on what, and what to do next.")
    status: int


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


Responses = dict[int | str, dict[str, Any]]
INVALID: Responses = {
    422: _error("A parameter is not valid; the error names it and what is expected."),
    503: _error("The query took longer than serve_query_timeout and was stopped; narrow it."),
}
NOT_FOUND: Responses = {404: _error("No such item.")}
# The list routes answer JSON, or with format= the same items as a download
DOWNLOADS: Responses = {
    200: {
        "description": "JSON, or with format=csv|geojson|jsonl a download of every matching item.",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
            "application/geo+json": {"schema": {"type": "object"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}
ARTICLE_DOWNLOADS: Responses = {
    200: {
        "description": "JSON, or with format=csv|jsonl a download of the page of articles. In JSON, "
        "`estimated` is true when a query found in more than 1,000 articles was counted, and its "
        "facets made, from a sample of its matches (`notes` says so).",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}
JSON_ONLY: Responses = {
    200: {"description": "JSON.", "content": {"application/json": {"schema": {"type": "object"}}}}
}


class InteractionItem(BaseModel):
    """One PLOVER interaction as the API lists it."""

    id: int
    date: str | None = Field(description="Day it happened, YYYY-MM-DD; null when the text gives none.")
    type: str = Field(description='PLOVER type, e.g. "ACCUSE".')
    party1: str = Field(
        description="First of the two parties in alphabetical order (the gold format's pair)."
    )
    party2: str = Field(description="Second of the two parties in alphabetical order.")
    source_party: str | None = Field(
        description='Who acts (PLOVER\'s source), ISO3 or organisation code: MLI in "Bamako accuse Paris"; '
        "for symmetric acts such as CONSULT the party named first. Null when unknown (interactions "
        "stored before Vigie kept the direction)."
    )
    target_party: str | None = Field(description="Who is acted upon (PLOVER's target): FRA in the example.")
    quad_class: QuadClass | None = Field(description="The type's PLOVER quad class.")
    location: str | None = Field(description="Where it took place, as written; null if not said.")
    latitude: float | None
    longitude: float | None
    evidence: str = Field(description="The sentence that reports it.")


class InteractionPageBody(BaseModel):
    """A page of interactions."""

    ok: Literal[True]
    total: int = Field(description="How many interactions match in all.")
    limit: int
    offset: int
    items: list[InteractionItem]


INTERACTION_DOWNLOADS: Responses = {
    200: {
        "model": InteractionPageBody,
        "description": "JSON, or with format=csv|geojson|jsonl a download of every matching interaction "
        "(the export's columns: party1, party2, source_party, target_party, quad_class…).",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/geo+json": {"schema": {"type": "object"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}


class Paging(BaseModel):
    limit: Whole = Field(50, ge=1, le=500, description="How many items per page.")
    offset: Whole = Field(0, ge=0, le=1_000_000, description="How many items to skip.")


class EventQuery(Paging):
    """Filters shared by the event list, the map, the timeline and the downloads."""

    start: Day = Field(None, description="First day, inclusive (YYYY-MM-DD).")
    end: Day = Field(None, description="Last day, inclusive (YYYY-MM-DD).")
    event_type: str | None = Field(None, max_length=60, description='ACLED type, e.g. "Battles".')
    sub_event_type: str | None = Field(None, max_length=80, description='ACLED sub-type, e.g. "Armed clash".')
    actor: str | None = Field(None, max_length=200, description="First or second actor, exactly.")
    admin1: str | None = Field(None, max_length=80, description='Region, e.g. "Mopti".')
    location: str | None = Field(None, max_length=200, description="Place name, exactly.")
    bbox: str | None = Field(
        None,
        max_length=100,
        description="west,south,east,north in decimal degrees; west > east crosses the antimeridian.",
        json_schema_extra={"anyOf": [{"type": "string", "pattern": BBOX}, BLANK]},
    )
    text: str | None = Field(
        None,
        max_length=200,
        description="Words of a sentence reporting the event (any case and accents); no word: no filter.",
    )
    flagged: Flag = Field(None, description="Only flagged (true) or unflagged (false) events.")
    format: Format = Field("json", description="json, or a download: csv (ACLED columns), geojson, jsonl.")

    @field_validator("event_type", "sub_event_type", "actor", "admin1", "location", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("bbox", mode="before")
    @classmethod
    def _blank_bbox_is_none(cls, value: object) -> object:
        if value == "" or value is None:
            return None
        if not isinstance(value, str) or not re.match(BBOX, value):
            raise ValueError(f"{value!r} must be west,south,east,north, e.g. -5.5,13,-2.5,16")
        return value

    @field_validator("text", mode="before")
    @classmethod
    def _no_words_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not has_words(value) else value

    def to_filter(self) -> EventFilter:
        return EventFilter(
            start=self.start,
            end=self.end,
            event_type=self.event_type,
            sub_event_type=self.sub_event_type,
            actor=self.actor,
            admin1=self.admin1,
            location=self.location,
            bbox=parse_bbox(self.bbox) if self.bbox else None,
            text=self.text,
            flagged=self.flagged,
        )


class InteractionQuery(Paging):
    party: str | None = Field(None, max_length=20, description='Either party, e.g. "MLI" or "ECOWAS".')
    type: str | None = Field(None, max_length=20, description='PLOVER type, e.g. "AGREE".')
    start: Day = Field(None, description="First day, inclusive (YYYY-MM-DD).")
    end: Day = Field(None, description="Last day, inclusive (YYYY-MM-DD).")
    source: str | None = Field(
        None, max_length=20, description='Who acts, e.g. "MLI" in "Bamako accuse Paris".'
    )
    target: str | None = Field(None, max_length=20, description='Who is acted upon, e.g. "FRA".')
    quad: Literal["cooperation", "conflict", ""] = Field(
        "", description="Only cooperation (verbal or material) or conflict (verbal or material) types."
    )
    format: Format = Field("json", description="json, or a download: csv, geojson, jsonl.")

    @field_validator("party", "type", "source", "target", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    def to_filter(self) -> InteractionFilter:
        return InteractionFilter(
            party=self.party,
            type=self.type,
            start=self.start,
            end=self.end,
            source=self.source,
            target=self.target,
            types=types_of_quad(self.quad) if self.quad else (),
        )


class SearchQuery(Paging):
    q: str = Field(
        "",
        max_length=300,
        description="French words, accents optional; word* for a prefix of 3 letters or more. At most 8 "
        "words and 3 prefixes are searched; the answer's notes say what was left out.",
    )
    year: Year = Field(None, ge=1900, le=2100, description="Publication year.")
    source: str | None = Field(None, max_length=100, description='Site, e.g. "essor".')
    section: str | None = Field(None, max_length=100, description='Section of a web page, e.g. "securite".')
    limit: Whole = Field(20, ge=1, le=200, description="How many articles per page.")
    format: Literal["json", "csv", "jsonl"] = Field("json", description="json, or a download: csv, jsonl.")

    @field_validator("source", "section", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    def to_query(self) -> ArticleQuery:
        return ArticleQuery(
            q=self.q,
            year=self.year,
            source=self.source,
            section=self.section,
            limit=self.limit,
            offset=self.offset,
        )


class FlagBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    flagged: StrictBool = Field(description="true: the event is wrong; false: clear the flag.")


EventId = Annotated[int, Path(ge=0, le=MAX_ID, description="The event's id."), BeforeValidator(_whole)]
ArticleId = Annotated[
    str, Path(max_length=200, description='The article\'s id: "<document sha1>:<position>".')
]


def types_of_quad(side: str) -> tuple[str, ...]:
    """The PLOVER types of the cooperation (or conflict) quad classes.

    >>> "AID" in types_of_quad("cooperation"), "ACCUSE" in types_of_quad("cooperation")
    (True, False)
    """
    return tuple(sorted(plover_type for plover_type, quad in quad_classes().items() if quad.endswith(side)))


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """ "west,south,east,north" -> four floats (BBOX, checked by the query model, gives their form).

    >>> parse_bbox("-5.5,13,-2.5,16")
    (-5.5, 13.0, -2.5, 16.0)
    """
    west, south, east, north = (float(part) for part in value.split(","))
    return west, south, east, north


def error_response(status: int, message: str) -> JSONResponse:
    """The one error shape of the API."""
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get("/", responses=JSON_ONLY)
def index(request: Request) -> dict[str, Any]:
    """What the API offers: each endpoint with its summary."""
    return {
        "ok": True,
        "openapi": "/api/openapi.json",
        "endpoints": [
            {"path": route.path, "summary": (route.endpoint.__doc__ or "").split("\n")[0]}
            for route in router.routes
            if hasattr(route, "endpoint") and hasattr(route, "path")
        ],
    }


@router.get("/articles", responses=ARTICLE_DOWNLOADS | INVALID)
def articles(request: Request, query: Annotated[SearchQuery, Query()]) -> Any:
    """Articles matching French words (accent-insensitive, ranked, hits marked), with facets."""
    page = search_articles(store_of(request), query.to_query())
    items = [
        plain(hit)
        | {
            "snippet_html": mark_html(hit.snippet),
            "title_html": mark_html(hit.title_marked or hit.title or ""),
        }
        for hit in page.hits
    ]
    if query.format != "json":
        return _download(items, "articles", query.format, tuple(items[0]) if items else ("id",), "id")
    facets = {name: [plain(f) for f in values] for name, values in page.facets.items()}
    return as_json(
        _page(items, page.total, page.limit, page.offset)
        | {"facets": facets, "notes": list(page.notes), "estimated": page.estimated}
    )


@router.get("/articles/{article_id}", responses=JSON_ONLY | NOT_FOUND | INVALID)
def article(request: Request, article_id: ArticleId) -> Response:
    """One article with its paragraphs (offsets into its document's text)."""
    found = get_article(store_of(request), article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return as_json({"ok": True, "item": plain(found)})


@router.get("/events", responses=DOWNLOADS | INVALID)
def events(request: Request, query: Annotated[EventQuery, Query()]) -> Any:
    """Events matching the filters, newest first; format=csv|geojson|jsonl downloads them all."""
    store = store_of(request)
    if query.format != "json":
        return _download_events(store, query)
    page = find_events(store, query.to_filter(), query.limit, query.offset)
    notes = notes_by_id(store, [item.id for item in page.items])
    items = [plain(item) | {"notes": notes.get(item.id)} for item in page.items]
    return as_json(_page(items, page.total, page.limit, page.offset))


@router.get("/events/map", responses=JSON_ONLY | INVALID)
def events_map(request: Request, query: Annotated[EventQuery, Query()]) -> Response:
    """Placed events grouped by coordinates and type (count, newest event id), for the map."""
    points = map_points(store_of(request), query.to_filter())
    return as_json({"ok": True, "items": [plain(point) for point in points]})


@router.get("/events/{event_id}", responses=JSON_ONLY | NOT_FOUND | INVALID)
def event(request: Request, event_id: EventId) -> Response:
    """One event with every field, its source sentences and their articles."""
    store = store_of(request)
    found = get_event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id}")
    item = plain(found.event) | {"notes": notes_by_id(store, [event_id]).get(event_id)}
    return as_json({"ok": True, "item": item, "sources": [plain(s) for s in found.sources]})


@router.post(
    "/events/{event_id}/flag",
    responses=JSON_ONLY
    | NOT_FOUND
    | INVALID
    | {
        400: _error("The body is not JSON."),
        401: _error("No token, or not the configured one: send Authorization: Bearer <token>."),
        403: _error("Flagging is off: the dashboard runs without a token."),
    },
)
def flag(
    request: Request,
    event_id: EventId,
    body: FlagBody,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None,
) -> dict[str, Any]:
    """Flag an event as wrong (or clear the flag); needs `Authorization: Bearer <serve_token>`."""
    check_token(request, credentials.credentials if credentials is not None else None)
    if not set_flag(store_of(request), event_id, body.flagged):
        raise HTTPException(404, f"no event with id {event_id}")
    return {"ok": True, "id": event_id, "flagged": body.flagged}


@router.get("/stats", responses=JSON_ONLY | INVALID)
def stats(request: Request, query: Annotated[EventQuery, Query()]) -> Response:
    """Events per week (Mondays) by type and by region, for the matching events."""
    store, filters = store_of(request), query.to_filter()
    by_type = weekly_counts(store, filters, "event_type")
    if filters.admin1:  # one region: its weeks are the sums of the weeks by type
        weeks: dict[date, int] = {}
        for row in by_type:
            weeks[row.week] = weeks.get(row.week, 0) + row.count
        by_region = [WeekCount(week, filters.admin1, n) for week, n in weeks.items()]
    else:
        by_region = weekly_counts(store, filters, "admin1")
    return as_json({"ok": True, "by_type": _weeks(by_type), "by_region": _weeks(by_region)})


def _weeks(rows: list[WeekCount]) -> list[dict[str, Any]]:
    """Weekly counts as JSON objects (thousands for a region over years: built directly, dates as text)."""
    text: dict[date, str] = {}
    return [
        {"week": text.get(row.week) or text.setdefault(row.week, row.week.isoformat()), "key": row.key,
         "count": row.count}
        for row in rows
    ]  # fmt: skip


@router.get("/places", responses=JSON_ONLY | INVALID)
def places(request: Request, query: Annotated[EventQuery, Query()]) -> Response:
    """Places of the matching events, with region, coordinates and number of events."""
    return as_json(
        {"ok": True, "items": [plain(row) for row in count_places(store_of(request), query.to_filter())]}
    )


@router.get("/actors", responses=JSON_ONLY | INVALID)
def actors(request: Request, query: Annotated[EventQuery, Query()]) -> Response:
    """Actors of the matching events, by number of events."""
    return as_json(
        {"ok": True, "items": [plain(row) for row in count_actors(store_of(request), query.to_filter())]}
    )


@router.get("/interactions", responses=INTERACTION_DOWNLOADS | INVALID)
def interactions(request: Request, query: Annotated[InteractionQuery, Query()]) -> Any:
    """Interactions matching the filters, newest first; format=csv|geojson|jsonl downloads them all."""
    store = store_of(request)
    if query.format != "json":
        return _download_interactions(store, query)
    page = find_interactions(store, query.to_filter(), query.limit, query.offset)
    return as_json(_page([plain(item) for item in page.items], page.total, page.limit, page.offset))


@router.get("/interactions/matrix", responses=JSON_ONLY | INVALID)
def matrix(request: Request, query: Annotated[InteractionQuery, Query()]) -> Response:
    """Interactions per pair of parties and PLOVER type: the cooperation matrix."""
    return as_json(
        {"ok": True, "items": [plain(row) for row in pair_counts(store_of(request), query.to_filter())]}
    )


@router.get("/countries", responses=JSON_ONLY | INVALID)
def countries(request: Request, query: Annotated[InteractionQuery, Query()]) -> Response:
    """Countries and organisations of the matching interactions, by number of interactions."""
    items = count_parties(store_of(request), query.to_filter())
    return as_json({"ok": True, "items": [plain(row) for row in items]})


def check_token(request: Request, given: str | None) -> None:
    """Writes need the configured token (`given`: what followed "Bearer "); without one configured
    the dashboard is read-only."""
    token: str = request.app.state.token
    if not token:
        raise HTTPException(
            403,
            "the dashboard is read-only: restart it with --token (or VIGIE_SERVE_TOKEN) to allow flagging",
        )
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(
            401,
            "a valid token is needed to flag events: send Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )


def mark_html(snippet: str) -> str:
    """A snippet as HTML: the text escaped, then its marked hits wrapped in <mark>."""
    return str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def event_filter_of(query: EventQuery) -> Filter:
    """The export's coarser filter (dates, type), refined by ids afterwards."""
    return Filter(since=query.start, until=query.end, types=(query.event_type,) if query.event_type else ())


def _download_events(store: Store, query: EventQuery) -> Response:
    wanted = {item.id for item in list_events(store, query.to_filter())}
    stored = (item for item in read_events(store, event_filter_of(query)) if item.id in wanted)
    # the CSV follows ACLED's files (0 fatalities where none is reported); JSONL and GeoJSON keep null
    rows = event_rows(stored, style=ACLED_FILE if query.format == "csv" else Style())
    return _download(rows, "events", query.format, ACLED_COLUMNS, "event_id_cnty")


def _download_interactions(store: Store, query: InteractionQuery) -> Response:
    coarse = Filter(
        since=query.start,
        until=query.end,
        types=(query.type,) if query.type else (),
        countries=(query.party,) if query.party else (),
    )
    stored = read_interactions(store, coarse)
    if query.source or query.target or query.quad:  # who acts on whom, a quad class: refined by ids
        wanted = {item.id for item in list_interactions(store, query.to_filter())}
        stored = (item for item in stored if item.id in wanted)
    return _download(interaction_rows(stored), "interactions", query.format, INTERACTION_COLUMNS, "id")


def _download(
    rows: Iterable[dict[str, Any]], name: str, fmt: str, columns: tuple[str, ...], id_key: str
) -> Response:
    out = io.StringIO()
    writers: dict[str, Callable[[], object]] = {
        "csv": lambda: write_csv(rows, columns, out),
        "geojson": lambda: write_geojson(rows, out, id_key=id_key),
        "jsonl": lambda: write_jsonl(rows, out),
    }
    writers[fmt]()
    extension = "geojson" if fmt == "geojson" else fmt
    return Response(
        out.getvalue(),
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="vigie-{name}.{extension}"'},
    )


def plain(record: Any) -> dict[str, Any]:
    """A search record as a dict, shallowly (dataclasses.asdict deep-copies: 10x slower)."""
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


def as_json(payload: dict[str, Any]) -> Response:
    """JSON straight from json.dumps (dates as ISO strings): much faster than FastAPI's encoder."""
    return Response(json.dumps(payload, ensure_ascii=False, default=str), media_type="application/json")


def _page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"ok": True, "total": total, "limit": limit, "offset": offset, "items": items}
