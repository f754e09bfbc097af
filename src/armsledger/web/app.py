"""The Starlette application: routes for the pages and the JSON API, security middleware, error pages.

Each page and its ``/api/`` twin call the same :class:`~armsledger.web.data.LedgerData` method; the
page renders the dict the API returns. Handlers are sync (Starlette runs them in its thread pool).
"""

from __future__ import annotations

import functools
import hmac
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from armsledger.model import EVENT_TYPES, FACTUALITY
from armsledger.store import Store, StoreError, open_store

from . import params as P
from .data import LedgerData
from .labels import FACTUALITY_STYLE, country_name, factuality_style
from .openapi import openapi_document
from .params import EVENT_FILTER_PARAMS, PAGE_PARAMS, ParamError

log = logging.getLogger("armsledger.web")

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "armsledger_token"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


# --- middleware ----------------------------------------------------------------------------------


class GuardMiddleware:
    """Security headers on every response; the optional token; the optional Host check.

    Written as plain ASGI (not BaseHTTPMiddleware) so that it wraps every response, the router's
    404s and the static files included, without buffering bodies.
    """

    def __init__(self, app: ASGIApp, *, token: str | None, allowed_hosts: list[str] | None) -> None:
        self.app = app
        self.token = token
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in SECURITY_HEADERS.items():
                    headers[k] = v
                if self.token:
                    headers["cache-control"] = "no-store"
            await send(message)

        request = Request(scope)
        response = self._refuse(request)
        # Static files (CSS, JS, icon) hold no ledger data; serving them lets the token page be styled.
        if response is None and self.token and not request.url.path.startswith("/static/"):
            response = self._authenticate(request)
        if response is not None:
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refuse(self, request: Request) -> Response | None:
        """DNS-rebinding guard: a loopback server answers only to loopback host names."""
        if self.allowed_hosts is None:
            return None
        host = request.headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if name.lower() in self.allowed_hosts:
            return None
        return JSONResponse({"error": f"host {host[:100]!r} is not served here; use 127.0.0.1", "param": "host"},
                            status_code=400)  # fmt: skip

    def _authenticate(self, request: Request) -> Response | None:
        assert self.token is not None
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer " and _same(auth[7:].strip(), self.token):
            return None
        given = request.query_params.get("token")
        if given is not None and _same(given, self.token):
            if request.method == "GET" and not _is_api(request):
                # Trade the URL token for a cookie, and drop it from the address bar and history.
                rest = request.url.remove_query_params("token")
                target = rest.path + (f"?{rest.query}" if rest.query else "")
                response = RedirectResponse(target, status_code=303)
                response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict", path="/")
                return response
            return None
        cookie = request.cookies.get(TOKEN_COOKIE)
        if cookie is not None and _same(cookie, self.token):
            return None
        message = "this server needs a token: send 'Authorization: Bearer TOKEN' or add ?token=TOKEN"
        if given is not None or auth:
            message = "wrong token; " + message
        headers = {"www-authenticate": "Bearer"}
        if _is_api(request) or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"error": message, "param": "token"}, status_code=401, headers=headers)
        return _templates().TemplateResponse(
            request, "token.html", {"message": message, "action": request.url.path, "nav": ""},
            status_code=401, headers=headers,
        )  # fmt: skip


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8", "replace"), b.encode("utf-8", "replace"))


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path == "/api/openapi.json" or (path.startswith("/api/"))


# --- templates -----------------------------------------------------------------------------------


def _qs(base: dict[str, Any] | None = None, **overrides: Any) -> str:
    """A query string from a dict of filters, with overrides (None drops a key): "?system=S-400&offset=100"."""
    merged = {**(base or {}), **overrides}
    items = [(k, v) for k, v in merged.items() if v is not None and v != ""]
    return "?" + urlencode(items) if items else ""


def _path(*parts: str) -> str:
    """A URL path with each dynamic part percent-encoded."""
    return "/" + "/".join(quote(str(p), safe="") for p in parts)


@functools.cache
def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every value is escaped unless a template says otherwise (none does)
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        qs=_qs, path=_path, country_name=country_name, fstyle=factuality_style, FACTUALITY=FACTUALITY,
        FACTUALITY_STYLE=FACTUALITY_STYLE, EVENT_TYPES=EVENT_TYPES, MAX_STR=P.MAX_STR,
    )  # fmt: skip
    return Jinja2Templates(env=env)


def _render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    return _templates().TemplateResponse(request, name, context, status_code=status_code)


def _error_response(request: Request, status: int, message: str, param: str | None) -> Response:
    if _is_api(request):
        return JSONResponse({"error": message, "param": param}, status_code=status)
    return _render(request, "error.html", {"status": status, "message": message, "param": param, "nav": ""},
                   status_code=status)  # fmt: skip


def _guarded(handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
    """Turn every failure into a clear 4xx/5xx answer of the right kind (JSON or page), never a traceback."""

    @functools.wraps(handler)
    def wrapper(request: Request) -> Response:
        try:
            return handler(request)
        except ParamError as exc:
            return _error_response(request, exc.status, exc.message, exc.param)
        except StoreError as exc:
            log.error("store error on %s: %s", request.url.path, exc)
            return _error_response(request, 503, f"the ledger store is not available: {exc}", None)
        except Exception:
            log.exception("unexpected error on %s", request.url.path)
            return _error_response(request, 500, "internal error; the server log has the details", None)

    return wrapper


# --- handlers ------------------------------------------------------------------------------------


class Handlers:
    """Route handlers bound to one ledger."""

    def __init__(self, data: LedgerData, *, token_required: bool) -> None:
        self.data = data
        self.token_required = token_required

    @staticmethod
    def _events_args(request: Request, *, default_limit: int = P.DEFAULT_LIMIT) -> tuple[P.EventFilter, int, int]:
        P.check_known(request.query_params, EVENT_FILTER_PARAMS | PAGE_PARAMS)
        f = P.event_filter(request.query_params)
        limit, offset = P.paging(request.query_params, default_limit=default_limit)
        return f, limit, offset

    @staticmethod
    def _id(request: Request) -> str:
        return P.path_id(request.path_params["id"])

    @staticmethod
    def _no_params(request: Request) -> None:
        P.check_known(request.query_params, frozenset())

    # pages

    def home(self, request: Request) -> Response:
        f, limit, offset = self._events_args(request)
        result = self.data.find_events(f, limit=limit, offset=offset)
        timeline = _timeline_filter(f)
        return _render(request, "home.html", {
            "nav": "search", "f": f, "result": result, "counts": self.data.counts(), "timeline_query": timeline,
        })  # fmt: skip

    def timeline(self, request: Request) -> Response:
        f, limit, _ = self._timeline_args(request)
        return _render(request, "timeline.html", {"nav": "timeline", "f": f, "t": self.data.timeline(f, limit=limit)})

    def event(self, request: Request) -> Response:
        self._no_params(request)
        return _render(request, "event.html", {"nav": "", "d": self.data.event(self._id(request))})

    def stories(self, request: Request) -> Response:
        P.check_known(request.query_params, PAGE_PARAMS)
        limit, offset = P.paging(request.query_params)
        return _render(request, "stories.html", {"nav": "stories", "d": self.data.stories(limit=limit, offset=offset)})

    def story(self, request: Request) -> Response:
        self._no_params(request)
        return _render(request, "story.html", {"nav": "stories", "d": self.data.story(self._id(request))})

    def story_graph(self, request: Request) -> Response:
        self._no_params(request)
        return _render(request, "graph.html", {"nav": "stories", "d": self.data.story_graph(self._id(request))})

    def deals(self, request: Request) -> Response:
        system, country, limit, offset = self._deal_args(request)
        d = self.data.deals(system=system, country=country, limit=limit, offset=offset)
        return _render(request, "deals.html", {"nav": "deals", "d": d, "system": system, "country": country})

    def article(self, request: Request) -> Response:
        self._no_params(request)
        return _render(request, "article.html", {"nav": "", "d": self.data.article(self._id(request))})

    def api_docs(self, request: Request) -> Response:
        self._no_params(request)
        return _render(request, "api.html", {"nav": "api", "doc": openapi_document(),
                                             "token_required": self.token_required})  # fmt: skip

    # JSON

    def api_events(self, request: Request) -> Response:
        f, limit, offset = self._events_args(request)
        return JSONResponse(self.data.find_events(f, limit=limit, offset=offset))

    def api_event(self, request: Request) -> Response:
        self._no_params(request)
        return JSONResponse(self.data.event(self._id(request)))

    def api_timeline(self, request: Request) -> Response:
        f, limit, _ = self._timeline_args(request)
        return JSONResponse(self.data.timeline(f, limit=limit))

    def api_search(self, request: Request) -> Response:
        P.check_known(request.query_params, frozenset({"q", "limit"}))
        q = P.text(request.query_params, "q")
        if q is None:
            raise ParamError("q", "q is required: the words to search for, e.g. ?q=S-400")
        limit = P.integer(request.query_params, "limit", 50, low=1, high=P.MAX_LIMIT)
        return JSONResponse(self.data.search(q, limit=limit))

    def api_stories(self, request: Request) -> Response:
        P.check_known(request.query_params, PAGE_PARAMS)
        limit, offset = P.paging(request.query_params)
        return JSONResponse(self.data.stories(limit=limit, offset=offset))

    def api_story(self, request: Request) -> Response:
        self._no_params(request)
        return JSONResponse(self.data.story(self._id(request)))

    def api_story_graph(self, request: Request) -> Response:
        self._no_params(request)
        return JSONResponse(self.data.story_graph(self._id(request)))

    def api_deals(self, request: Request) -> Response:
        system, country, limit, offset = self._deal_args(request)
        return JSONResponse(self.data.deals(system=system, country=country, limit=limit, offset=offset))

    def api_article(self, request: Request) -> Response:
        self._no_params(request)
        return JSONResponse(self.data.article(self._id(request)))

    def api_openapi(self, request: Request) -> Response:
        self._no_params(request)
        return JSONResponse(openapi_document())

    # shared argument parsing

    @staticmethod
    def _timeline_args(request: Request) -> tuple[P.EventFilter, int, int]:
        P.check_known(request.query_params, EVENT_FILTER_PARAMS | {"limit"})
        f = P.event_filter(request.query_params)
        limit = P.integer(request.query_params, "limit", P.MAX_LIMIT, low=1, high=P.MAX_LIMIT)
        return f, limit, 0

    @staticmethod
    def _deal_args(request: Request) -> tuple[str | None, str | None, int, int]:
        P.check_known(request.query_params, frozenset({"system", "country"}) | PAGE_PARAMS)
        system = P.text(request.query_params, "system")
        country = P.country(request.query_params)
        limit, offset = P.paging(request.query_params)
        return system, country, limit, offset


def _timeline_filter(f: P.EventFilter) -> dict[str, str]:
    """The timeline link for a search: the free text read as a system and/or country where possible."""
    query = {k: v for k, v in f.query().items() if k != "q"}
    if f.q and not (f.system or f.country):
        try:
            from armsledger.api import parse_query

            system, country = parse_query(f.q)
        except Exception:  # catalog or API not available: fall back to the raw words as a system
            log.debug("parse_query failed for %r", f.q, exc_info=True)
            system, country = f.q, None
        if system:
            query["system"] = system
        if country:
            query["country"] = country
    return query


# --- the application ----------------------------------------------------------------------------


def create_app(db: str | Store, *, token: str | None = None, allowed_hosts: list[str] | None = None) -> Starlette:
    """The web application over a ledger.

    ``db`` is a store path/URL (opened read-only) or an open :class:`Store` (used as is, e.g. in
    tests). With ``token``, every request must carry it (``Authorization: Bearer``, ``?token=`` or the
    cookie that ``?token=`` sets). With ``allowed_hosts``, other Host headers are refused.
    """
    store = open_store(db, read_only=True) if isinstance(db, str | Path) else db
    owned = not isinstance(db, Store)
    h = Handlers(LedgerData(store), token_required=bool(token))

    def route(path: str, fn: Callable[[Request], Response], name: str) -> Route:
        return Route(path, _guarded(fn), methods=["GET", "HEAD"], name=name)

    routes = [
        route("/", h.home, "home"),
        route("/timeline", h.timeline, "timeline"),
        route("/events/{id:path}", h.event, "event"),
        route("/stories", h.stories, "stories"),
        route("/stories/{id}/graph", h.story_graph, "story_graph"),
        route("/stories/{id:path}", h.story, "story"),
        route("/deals", h.deals, "deals"),
        route("/articles/{id:path}", h.article, "article"),
        route("/api", h.api_docs, "api_docs"),
        route("/api/openapi.json", h.api_openapi, "api_openapi"),
        route("/api/events", h.api_events, "api_events"),
        route("/api/events/{id:path}", h.api_event, "api_event"),
        route("/api/timeline", h.api_timeline, "api_timeline"),
        route("/api/search", h.api_search, "api_search"),
        route("/api/stories", h.api_stories, "api_stories"),
        route("/api/stories/{id}/graph", h.api_story_graph, "api_story_graph"),
        route("/api/stories/{id:path}", h.api_story, "api_story"),
        route("/api/deals", h.api_deals, "api_deals"),
        route("/api/articles/{id:path}", h.api_article, "api_article"),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = {404: f"nothing at {request.url.path[:200]!r}", 405: "method not allowed; this server is read-only"}
        return _error_response(request, exc.status_code, message.get(exc.status_code, str(exc.detail)), None)

    async def lifespan(app: Starlette):  # type: ignore[no-untyped-def]
        yield
        if owned:
            store.close()

    from contextlib import asynccontextmanager

    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error},
                    lifespan=asynccontextmanager(lifespan))  # fmt: skip
    app.add_middleware(GuardMiddleware, token=token, allowed_hosts=allowed_hosts)
    app.state.data = h.data
    return app


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the web UI with uvicorn until interrupted (``armsledger serve``)."""
    import uvicorn

    allowed = [*LOOPBACK_HOSTS] if host in LOOPBACK_HOSTS else None
    try:
        app = create_app(db, token=token, allowed_hosts=allowed)
    except StoreError as exc:
        raise SystemExit(f"armsledger serve: {exc}") from None
    shown = f"[{host}]" if ":" in host else host
    print(f"armsledger: serving {db} read-only at http://{shown}:{port}/" + (" (token required)" if token else ""))
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)

