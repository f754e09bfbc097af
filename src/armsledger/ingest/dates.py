"""Publication dates from whatever a source wrote, to ISO.

The day is kept *as written*: "2025-09-15T01:30:00+03:00" is 2025-09-15 (the
outlet's own dateline), not the UTC day, because relative dates in the text
("on Sunday") are written from the outlet's calendar.

Precision is never invented: "September 2025" gives "2025-09" and "2025"
gives "2025" (the Article model allows both); a string without a year gives
None. Impossible dates ("2025-13-45") and years outside 1900-2100 give None.
Numeric dates are read month-first only when the first number cannot be a
day-first reading ("09/14/2025"); otherwise day-first ("14/09/2025",
"03/04/2025" = 3 April), the convention of most non-US outlets.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_tz

from dateutil import parser as _dateutil

MIN_YEAR = 1900
MAX_YEAR = 2100

_ISO = re.compile(
    r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?"  # 2025, 2025-09, 2025-09-14, 2025/09/14
    r"(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2})?)?\s*$"
)
_ISO_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T.*)?\s*$")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_LABEL = re.compile(r"^\s*(?:published|updated|posted|first published|date)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_SENTINELS = (datetime(1111, 1, 1), datetime(1112, 2, 2))


def _valid(year: int, month: int | None, day: int | None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _parts(match: re.Match[str]) -> tuple[int, int | None, int | None]:
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def normalise_date(value: str | None) -> str | None:
    """Any date string -> "YYYY-MM-DD" (or "YYYY-MM"/"YYYY" when only that is given); None if impossible."""
    if value is None:
        return None
    text = _LABEL.sub("", str(value)).strip()
    if not text:
        return None
    match = _ISO.match(text) or _ISO_COMPACT.match(text)
    if match:  # ISO 8601: decide here, so that an impossible ISO date is not "rescued" by a fuzzier parser
        return _valid(*_parts(match))
    match = _NUMERIC.match(text)
    if match:
        first, second, year = (int(g) for g in match.groups())
        day, month = (second, first) if first <= 12 < second else (first, second)
        return _valid(year, month, day)
    rfc = parsedate_tz(text)  # RFC 822/2822 as in RSS: "Sun, 14 Sep 2025 10:00:00 +0300"
    if rfc and re.search(r"\d{1,2}\s+[A-Za-z]{3}", text):
        return _valid(rfc[0], rfc[1], rfc[2])
    return _parse_words(text)


def _parse_words(text: str) -> str | None:
    """Dates written with month names ("14 September 2025", "Sept. 14, 2025, 10:00 CET")."""
    results = []
    for default in _SENTINELS:  # parse twice: a field that follows the default was not in the string
        try:
            results.append(_dateutil.parse(text, default=default, ignoretz=True, dayfirst=True))
        except (ValueError, OverflowError, TypeError):
            return None
    first, second = results
    if first.year != second.year:
        return None
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day and month is not None else None
    return _valid(first.year, month, day)
