"""Query-parameter validation shared by the pages and the JSON API.

Every parameter a handler reads goes through here, so a bad value becomes a
:class:`ParamError` (rendered as ``{"error": ..., "param": ...}`` with status
400) before it reaches the store, and a request can never turn into a 500.
Unknown parameters are rejected too: a typo such as ``?sytem=S-400`` would
otherwise silently return the unfiltered ledger.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from starlette.datastructures import QueryParams

from armsledger.model import EVENT_TYPES, FACTUALITY

MAX_STR = 200
MAX_LIMIT = 1000
# Offsets beyond this are refused: no ledger is that large, and it keeps the value inside a 32-bit SQL integer.
MAX_OFFSET = 2**31 - 1
DEFAULT_LIMIT = 100

_ISO3_RE = re.compile(r"^[A-Za-z]{3}$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Parameters every URL may carry whatever the endpoint (the access token).
ALWAYS_ALLOWED = frozenset({"token"})


class ParamError(ValueError):
    """A query or path parameter that cannot be used; ``status`` is the HTTP status to answer with."""

    def __init__(self, param: str | None, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.param = param
        self.message = message
        self.status = status

    def to_dict(self) -> dict[str, Any]:
        return {"error": self.message, "param": self.param}


class NotFound(ParamError):
    """An id that names nothing in the store (404)."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(param, message, status=404)


def check_known(params: QueryParams, allowed: set[str] | frozenset[str]) -> None:
    """Refuse parameters the endpoint does not know and parameters given twice."""
    for name in params:
        if name not in allowed and name not in ALWAYS_ALLOWED:
            known = ", ".join(sorted(allowed)) or "none"
            raise ParamError(name[:MAX_STR], f"unknown parameter {name[:MAX_STR]!r}; this endpoint accepts: {known}")
        if len(params.getlist(name)) > 1:
            raise ParamError(name, f"parameter {name!r} is given more than once; give it once")


def text(params: QueryParams, name: str, *, max_len: int = MAX_STR) -> str | None:
    """An optional free-text parameter: trimmed, at most ``max_len`` characters, no control characters.

    An empty value counts as absent, so an empty form field filters nothing.
    """
    raw = params.get(name)
    if raw is None:
        return None
    value = raw.strip()
    if not value:
        return None
    return check_text(name, value, max_len=max_len)


def check_text(name: str, value: str, *, max_len: int = MAX_STR) -> str:
    """Length and character checks for any string that reaches the store (path ids included)."""
    if len(value) > max_len:
        raise ParamError(name, f"{name} is {len(value)} characters long; at most {max_len} are allowed")
    if _CONTROL_RE.search(value):
        raise ParamError(name, f"{name} contains control characters; remove them")
    return value


def choice(params: QueryParams, name: str, options: tuple[str, ...]) -> str | None:
    """An optional parameter from a fixed list (case-insensitive)."""
    value = text(params, name)
    if value is None:
        return None
    low = value.lower()
    if low not in options:
        raise ParamError(name, f"{name} must be one of: {', '.join(options)} (got {value!r})")
    return low


def iso_date(params: QueryParams, name: str) -> str | None:
    """An optional date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar."""
    value = text(params, name, max_len=10)
    if value is None:
        return None
    m = _DATE_RE.match(value)
    if not m:
        raise ParamError(name, f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD (got {value!r})")
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        date(year, month, day)
    except ValueError:
        raise ParamError(name, f"{name} {value!r} is not a calendar date") from None
    return value


def integer(params: QueryParams, name: str, default: int, *, low: int, high: int) -> int:
    """An optional integer within ``low..high``."""
    raw = params.get(name)
    if raw is None or not raw.strip():
        return default
    raw = raw.strip()
    if len(raw) > 12 or not re.fullmatch(r"[+-]?\d+", raw):
        raise ParamError(name, f"{name} must be a whole number from {low} to {high} (got {raw[:40]!r})")
    value = int(raw)
    if not low <= value <= high:
        raise ParamError(name, f"{name} must be from {low} to {high} (got {value})")
    return value


def country(params: QueryParams, name: str = "country") -> str | None:
    """An optional state: an ISO 3166-1 alpha-3 code, or a name the catalog knows ("Türkiye")."""
    value = text(params, name)
    if value is None:
        return None
    if _ISO3_RE.match(value):
        return value.upper()
    from .labels import find_country  # the catalog is loaded only when a name needs resolving

    iso3 = find_country(value)
    if iso3 is None:
        raise ParamError(name, f"unknown country {value!r}; use an ISO 3166-1 alpha-3 code such as TUR or RUS")
    return iso3


def path_id(value: str, name: str = "id") -> str:
    """An id taken from the URL path."""
    return check_text(name, value)


@dataclass(slots=True)
class EventFilter:
    """The filters of the event list, the timeline and their JSON twins (all optional)."""

    q: str | None = None
    system: str | None = None
    country: str | None = None
    type: str | None = None
    factuality: str | None = None
    since: str | None = None
    until: str | None = None
    story: str | None = None

    def store_kwargs(self) -> dict[str, str]:
        """The filters the store's ``events()`` takes (everything but ``q``), without empty ones."""
        return {k: v for k, v in asdict(self).items() if v is not None and k != "q"}

    def query(self) -> dict[str, str]:
        """The filters as URL query parameters (to build shareable links)."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    @property
    def empty(self) -> bool:
        return not self.query()


EVENT_FILTER_PARAMS = frozenset({"q", "system", "country", "type", "factuality", "since", "until", "story"})
PAGE_PARAMS = frozenset({"limit", "offset"})


def event_filter(params: QueryParams, *, allow_q: bool = True) -> EventFilter:
    """Read and validate the event filters."""
    f = EventFilter(
        q=text(params, "q") if allow_q else None,
        system=text(params, "system"),
        country=country(params),
        type=choice(params, "type", EVENT_TYPES),
        factuality=choice(params, "factuality", FACTUALITY),
        since=iso_date(params, "since"),
        until=iso_date(params, "until"),
        story=text(params, "story"),
    )
    if f.since and f.until and f.since[: len(f.until)] > f.until[: len(f.since)]:
        raise ParamError("until", f"until ({f.until}) is before since ({f.since}); swap them")
    return f


def paging(params: QueryParams, *, default_limit: int = DEFAULT_LIMIT) -> tuple[int, int]:
    """``limit`` (1..1000) and ``offset`` (0 or more)."""
    limit = integer(params, "limit", default_limit, low=1, high=MAX_LIMIT)
    offset = integer(params, "offset", 0, low=0, high=MAX_OFFSET)
    return limit, offset
