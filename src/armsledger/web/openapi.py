"""The OpenAPI 3 description of the JSON API, written by hand.

Hand-written rather than generated from docstrings because the parameter
rules (enums, ranges, date patterns) live in ``params.py`` as code; this
document states them once more for clients, and a test checks that every
route it lists answers and every API route is listed.
"""

from __future__ import annotations

from typing import Any

from armsledger.model import EVENT_TYPES, FACTUALITY

from .params import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_STR

_STR = {"type": "string", "maxLength": MAX_STR}
_DATE = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$", "example": "2019-07"}


def _q(name: str, description: str, schema: dict[str, Any], *, required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


def _id(what: str) -> dict[str, Any]:
    return {"name": "id", "in": "path", "required": True, "description": f"The {what}'s id.", "schema": _STR}


FILTERS = [
    _q("system", "Weapon system designation, matched case-insensitively (S-400).", _STR),
    _q("country", "State on either side: ISO 3166-1 alpha-3 code (TUR) or a country name the catalog knows.", _STR),
    _q("type", "Event type.", {"type": "string", "enum": list(EVENT_TYPES)}),
    _q("factuality", "Overall factuality of the event.", {"type": "string", "enum": list(FACTUALITY)}),
    _q("since", "Earliest date, YYYY, YYYY-MM or YYYY-MM-DD (compared on the common prefix).", _DATE),
    _q("until", "Latest date, YYYY, YYYY-MM or YYYY-MM-DD (compared on the common prefix).", _DATE),
    _q("story", "Only events of this story.", _STR),
]
Q = _q("q", "Free-text search: every word must match the system, a country code or the event type.", _STR)
LIMIT = _q("limit", f"Page size, 1 to {MAX_LIMIT}.", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT,
                                                    "default": DEFAULT_LIMIT})  # fmt: skip
OFFSET = _q("offset", "Rows to skip.", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0})
TOKEN = _q("token", "Access token, when the server was started with --token (or send Authorization: Bearer).", _STR)

def _response(description: str, schema: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}  # fmt: skip


def _op(
    summary: str, description: str, params: list[dict[str, Any]], schema: str, *, by_id: bool = False
) -> dict[str, Any]:
    responses = {
        "200": _response("OK", schema),
        "400": _response("A parameter is invalid", "Error"),
        "401": _response("Token required", "Error"),
    }
    if by_id:
        responses["404"] = _response("No such id", "Error")
    return {"get": {"summary": summary, "description": description, "parameters": [*params, TOKEN],
                    "responses": responses}}  # fmt: skip


_OBJ = {"type": "object"}
_CLAIM = {
    "type": "object",
    "properties": {k: {"type": ["string", "null"]} for k in (
        "article_id", "outlet", "published", "source", "factuality", "evidence", "date", "quantity", "value", "origin",
    )} | {"start": {"type": ["integer", "null"]}, "end": {"type": ["integer", "null"]}},
}  # fmt: skip
_EVENT = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "type": {"type": "string", "enum": list(EVENT_TYPES)},
        "supplier": {"type": ["string", "null"]},
        "recipient": {"type": ["string", "null"]},
        "system": {"type": ["string", "null"]},
        "date": {"type": ["string", "null"]},
        "status": {"type": "string"},
        "factuality": {"type": "string", "enum": list(FACTUALITY)},
        "origins": {"type": "array", "items": {"type": "string"}},
        "n_origins": {"type": "integer"},
        "claims": {"type": "array", "items": {"$ref": "#/components/schemas/Claim"}},
        "stories": {"type": "array", "items": {"type": "string"}},
        "disputed": {"type": "array", "items": {"type": "string"}, "description": "'denied by X' phrases"},
    },
}
_PAGE = {"limit": {"type": "integer"}, "offset": {"type": "integer"}, "next_offset": {"type": ["integer", "null"]}}


def _list(key: str, item: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    props: dict[str, Any] = {key: {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}}}
    props.update(extra or {})
    return {"type": "object", "properties": props}


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document served at /api/openapi.json."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "armsledger API",
            "version": "1",
            "description": "Read-only access to an armsledger ledger: arms-transfer events with the claims behind "
            "them, stories, provenance graphs, conflicts and a SIPRI-like trade register. Errors are JSON "
            '{"error": message, "param": name}.',
        },
        "paths": {
            "/api/events": _op("List events", "Ledger events with their claims, in date order (undated last).",
                               [Q, *FILTERS, LIMIT, OFFSET], "EventList"),
            "/api/events/{id}": _op("One event", "An event with each claim beside its article and the evidence in "
                                    "context.", [_id("event")], "EventDetail", by_id=True),
            "/api/timeline": _op("Timeline", "Filtered events with their positions on the timeline's time axis.",
                                 [Q, *FILTERS, LIMIT], "Timeline"),
            "/api/search": _op("Search events", "Free-text search over systems, country codes and event types.",
                               [{**Q, "required": True}, LIMIT], "SearchResult"),
            "/api/stories": _op("List stories", "Stories (articles reporting one development).", [LIMIT, OFFSET],
                                "StoryList"),
            "/api/stories/{id}": _op("One story", "A story's articles, origin chains, merged events and conflicts.",
                                     [_id("story")], "StoryDetail", by_id=True),
            "/api/stories/{id}/graph": _op("Provenance graph", "Outlets as nodes and cites/echoes links as edges, "
                                           "with a layered layout.", [_id("story")], "Graph", by_id=True),
            "/api/deals": _op("Trade register", "SIPRI-like rows derived from the ledger's events.",
                              [FILTERS[0], FILTERS[1], LIMIT, OFFSET], "DealList"),
            "/api/articles/{id}": _op("One article", "An article's text and the events extracted from it.",
                                      [_id("article")], "ArticleDetail", by_id=True),
        },  # fmt: skip
        "components": {
            "schemas": {
                "Error": {"type": "object", "required": ["error"],
                          "properties": {"error": {"type": "string"}, "param": {"type": ["string", "null"]}}},
                "Claim": _CLAIM,
                "Event": _EVENT,
                "EventList": _list("events", "Event", {**_PAGE, "filters": _OBJ}),
                "SearchResult": _list("events", "Event", {"q": {"type": "string"}}),
                "EventDetail": {"type": "object", "properties": {"event": {"$ref": "#/components/schemas/Event"},
                                                                 "claims": {"type": "array", "items": _OBJ},
                                                                 "stories": {"type": "array", "items": _OBJ}}},
                "Timeline": _list("events", "Event", {"layout": _OBJ, "filters": _OBJ}),
                "Story": _OBJ,
                "StoryList": _list("stories", "Story", _PAGE),
                "StoryDetail": {"type": "object", "properties": {
                    "story": {"$ref": "#/components/schemas/Story"}, "articles": {"type": "array", "items": _OBJ},
                    "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
                    "conflicts": {"type": "array", "items": _OBJ}, "chains": {"type": "array"}}},
                "Graph": {"type": "object", "properties": {"story": _OBJ, "graph": _OBJ}},
                "Deal": _OBJ,
                "DealList": _list("deals", "Deal", {**_PAGE, "total": {"type": "integer"}}),
                "ArticleDetail": {"type": "object", "properties": {"article": _OBJ, "events": {"type": "array"},
                                                                   "story": {"type": ["object", "null"]}}},
            },  # fmt: skip
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
