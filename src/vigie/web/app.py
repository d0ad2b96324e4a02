"""Dashboard: a Store -> a FastAPI app serving the JSON API (vigie.api) and server-rendered pages.

Pages work with no network: our own CSS and one small script, SVG drawn on the server. Every
scraped string goes through Jinja2's autoescaping; a strict Content-Security-Policy forbids
inline scripts and styles and any other origin.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, quote_plus, urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from vigie import api
from vigie.api import ArticleId, EventId, EventQuery, InteractionQuery, SearchQuery, error_response, mark_html
from vigie.export import notes_by_id
from vigie.plover import quad_class
from vigie.search import (
    EventFilter,
    MapPoint,
    count_actors,
    count_parties,
    directed_counts,
    drawn_from,
    find_events,
    find_interactions,
    get_article,
    get_event,
    interaction_sources,
    map_points,
    search_articles,
)
from vigie.store import Store, is_stopped_query
from vigie.web.charts import TYPE_COLOURS, MapDrawing, dots_markup, draw_map, escape_text, highlight
from vigie.web.i18n import (
    LANGUAGES,
    field_label,
    party_label,
    plover_label,
    precision_label,
    quad_label,
    sub_type_label,
    translator,
    type_label,
)
from vigie.web.marks import toll_range
from vigie.web.timeline import timeline_of

log = logging.getLogger(__name__)

HERE = Path(str(resources.files("vigie.web")))
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
REGIONS = ("Bamako", "Gao", "Kayes", "Kidal", "Koulikoro", "Ménaka", "Mopti", "Ségou", "Sikasso",
           "Taoudénit", "Tombouctou")  # fmt: skip
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "RETREAT",
                "CONCEDE")  # fmt: skip
MATRIX_PARTIES = 15
ACTORS_TTL = 60.0  # seconds
MAPS_KEPT = 8  # drawn maps kept per process (search.events.MAP_POINTS dots each)


def create_app(
    store: Store, token: str = "", hosts: Sequence[str] = ("*",), query_timeout: float | None = None
) -> FastAPI:
    """The dashboard and the API over `store`; `token` non-empty allows flagging events.

    `hosts`: the Host headers answered; `vigie serve` on the loopback answers only loopback
    names, so that a web page cannot reach the dashboard by rebinding its own domain name.
    `query_timeout`: seconds after which a query is stopped and the request answered 503.
    """
    if query_timeout is not None:
        store.bound_queries(query_timeout)
    app = FastAPI(
        title="Vigie",
        summary="Articles, ACLED events and PLOVER interactions from French-language Sahel news.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.token = token
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    pages = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True)
    )
    pages.globals.update(TYPE_COLOURS=TYPE_COLOURS, REGIONS=REGIONS, PLOVER_TYPES=PLOVER_TYPES)

    def render(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        lang = lang_of(request)
        html = pages.get_template(name).render(
            request=request, lang=lang, t=translator(lang), type_label=lambda v: type_label(v, lang),
            quad_label=lambda v: quad_label(v, lang), sub_type_label=lambda v: sub_type_label(v, lang),
            plover_label=lambda v: plover_label(v, lang), party_label=lambda v: party_label(v, lang),
            field_label=lambda v: field_label(v, lang), precision_label=lambda f, v: precision_label(f, v, lang),
            query=lambda **changes: with_query(request, **changes), **values,
        )  # fmt: skip
        response = HTMLResponse(html, status_code=status)
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie("lang", lang, samesite="strict", httponly=True)
        return response

    actors: list[tuple[float, list[str]]] = []

    def known_actors() -> list[str]:
        """The actors of the filter menu, counted again at most once a minute."""
        if not actors or time.monotonic() - actors[0][0] > ACTORS_TTL:
            actors[:] = [
                (time.monotonic(), [item.name for item in count_actors(store, EventFilter(), limit=100)])
            ]
        return actors[0][1]

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for header, value in SECURITY_HEADERS.items():
            response.headers.setdefault(header, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        # a 405 keeps its Allow header (RFC 9110), a 401 its WWW-Authenticate
        return error_page(request, err.status_code, str(err.detail), err.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> Response:
        first = err.errors()[0] if err.errors() else {}
        loc = [str(part) for part in first.get("loc", ())]
        where = ".".join(loc[1:] if len(loc) > 1 and loc[0] in ("query", "body", "path", "header") else loc)
        message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
        return error_page(request, 422, f"{where or 'request'}: {message}")

    @app.exception_handler(OperationalError)
    async def stopped(request: Request, err: OperationalError) -> Response:
        if not is_stopped_query(err):
            return await failed(request, err)
        return error_page(
            request,
            503,
            f"the query took over {query_timeout:g} s and was stopped; narrow it: longer words, fewer "
            "prefixes, a shorter period",
        )

    @app.exception_handler(Exception)
    async def failed(request: Request, err: Exception) -> Response:
        # outside the middleware that sets the security headers: set them here
        log.error("%s %s failed", request.method, request.url.path, exc_info=err)
        response = error_page(request, 500, "internal error; the server's log has the details")
        response.headers.update(SECURITY_HEADERS)
        return response

    def error_page(
        request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
    ) -> Response:
        if request.url.path.startswith("/api"):
            response: Response = error_response(status, message)
        else:
            response = render(request, "error.html", status=status, status_code=status, message=message)
        response.headers.update(headers or {})
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request, query: Annotated[EventQuery, Query()]) -> HTMLResponse:
        filters = query.to_filter()
        page = find_events(store, filters, query.limit, query.offset)
        return render(
            request,
            "dashboard.html",
            form=query,
            page=page,
            **drawn_map(tuple(map_points(store, filters)), request, lang_of(request)),
            timeline=timeline_of(store, filters, lang_of(request)),
            brush_base=with_query(request, start=None, end=None),
            actors=known_actors(),
            downloads=download_links(request, "/api/events", ("csv", "geojson", "jsonl")),
        )

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: EventId) -> HTMLResponse:
        found = get_event(store, event_id)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id}")
        # the French notes of the exports (vigie.export), with every outlet that reports it
        event = replace(found.event, notes=notes_by_id(store, [event_id]).get(event_id))
        articles = []
        for article_id, article in found.articles.items():
            ranges = [(s.start, s.end) for s in found.sources if s.article_id == article_id]
            toll = toll_range(article.paragraphs, ranges, event.fatalities)
            articles.append((article, highlight(article.paragraphs, ranges, [toll] if toll else [])))
        point = (
            [
                MapPoint(
                    event.latitude,
                    event.longitude,
                    event.location,
                    event.admin1,
                    event.event_type,
                    1,
                    event.id,
                )
            ]
            if event.latitude is not None and event.longitude is not None
            else []
        )
        mini = draw_map(point, marker=14)
        lang = lang_of(request)
        back = with_query(request, lang=None)
        return render(request, "event.html", found=found, event=event, articles=articles,
                      can_flag=bool(app.state.token), mini=mini, mini_dots=dots_markup(mini.dots, lang),
                      back="/" + (back if back != "?" else ""),
                      tolled=any(kind == "toll" for _, pieces in articles for piece in pieces
                                 for _, kind in piece))  # fmt: skip

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, query: Annotated[SearchQuery, Query()]) -> HTMLResponse:
        page = search_articles(store, query.to_query())
        snippets = {hit.id: Markup(mark_html(hit.snippet)) for hit in page.hits}
        titles = {hit.id: Markup(mark_html(hit.title_marked)) for hit in page.hits if hit.title_marked}
        return render(
            request,
            "search.html",
            form=query,
            page=page,
            snippets=snippets,
            titles=titles,
            downloads=download_links(request, "/api/articles", ("csv", "jsonl")),
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: ArticleId) -> HTMLResponse:
        article = get_article(store, article_id)
        if article is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return render(request, "article.html", article=article, pieces=highlight(article.paragraphs, []),
                      drawn=drawn_from(store, article_id))  # fmt: skip

    @app.get("/cooperation", response_class=HTMLResponse, include_in_schema=False)
    def cooperation(request: Request, query: Annotated[InteractionQuery, Query()]) -> HTMLResponse:
        filters = query.to_filter()
        matrix = replace(filters, source=None, target=None, types=())  # the matrices show every cell
        parties = [item.name for item in count_parties(store, matrix)][:MATRIX_PARTIES]
        sides: dict[str, dict[tuple[str, str], dict[str, int]]] = {"cooperation": {}, "conflict": {}}
        for row in directed_counts(store, matrix):
            quad = quad_class(row.type) or ""
            side = "cooperation" if quad.endswith("cooperation") else "conflict"
            sides[side].setdefault((row.source, row.target), {})[row.type] = row.count
        peaks = {
            side: max((sum(v.values()) for v in cells.values()), default=1) for side, cells in sides.items()
        }
        page = find_interactions(store, filters, query.limit, query.offset)
        return render(
            request,
            "cooperation.html",
            form=query,
            parties=parties,
            sides=sides,
            peaks=peaks,
            page=page,
            sources=interaction_sources(store, [item.id for item in page.items]),
            downloads=download_links(request, "/api/interactions", ("csv", "geojson", "jsonl")),
        )

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        schema = app.openapi()
        routes = [
            (method.upper(), path, operation.get("summary", ""), operation.get("description", ""),
             [p for p in operation.get("parameters", []) if p.get("in") == "query"])
            for path, methods in schema["paths"].items()
            for method, operation in methods.items()
        ]  # fmt: skip
        return render(request, "api.html", routes=routes)

    return app


def drawn_map(points: tuple[MapPoint, ...], request: Request, lang: str) -> dict[str, Any]:
    """The dashboard's map (`drawing`) and its dots as links (`dots`)."""
    kept = with_query(request, location=None, event_type=None)  # the page's filters, but these two
    page = with_query(request, lang=None)
    drawing, dots = _drawn(points, lang, f"{kept}&" if kept != "?" else "?", page if page != "?" else "")
    return {"drawing": drawing, "dots": dots}


@lru_cache(maxsize=MAPS_KEPT)
def _drawn(points: tuple[MapPoint, ...], lang: str, chosen: str, opened: str) -> tuple[MapDrawing, Markup]:
    """A map and its dots, kept for the same points, language and query (the other pages of the
    same list, or the same filters asked again: the map of every event, 2,000 dots, is drawn once
    until its points change). Each dot is a link: one event opens its page, several filter the list
    to them. The links are written escaped: the page's query escaped once, each name quoted once
    per process (quote_plus leaves nothing to escape)."""
    drawing = draw_map(list(points))
    chosen, opened = escape_text(chosen), escape_text(opened)

    def href(point: MapPoint) -> str:
        if point.count == 1:
            event = point.event_id if type(point.event_id) is int else quote(str(point.event_id), safe="")
            return f"/events/{event}{opened}"
        return f"{chosen}location={_quoted(point.location or '')}&amp;event_type={_quoted(point.event_type)}"

    return drawing, dots_markup(drawing.dots, lang, href)


@lru_cache(maxsize=16384)
def _quoted(value: str) -> str:
    """`value` quoted as urlencode quotes a query's value, kept: the maps name the same places."""
    return quote_plus(value)


def lang_of(request: Request) -> str:
    """?lang= first, then the cookie a previous choice left, then French."""
    for chosen in (request.query_params.get("lang"), request.cookies.get("lang")):
        if chosen in LANGUAGES:
            return chosen
    return "fr"


def with_query(request: Request, **changes: object) -> str:
    """The current page's query string with some parameters changed (None removes one)."""
    params: dict[str, str] = {k: v for k, v in request.query_params.items() if v != ""}
    params.pop("offset", None)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value.isoformat() if isinstance(value, date) else str(value)
    return "?" + urlencode(params) if params else "?"


def download_links(request: Request, path: str, formats: tuple[str, ...]) -> list[tuple[str, str]]:
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "limit", "lang", "format")}
    return [(fmt, f"{path}?{urlencode(params | {'format': fmt})}") for fmt in formats]
