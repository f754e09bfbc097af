"""Small shared helpers for linking: partial dates, event keys, figures, ids.

Everything here is pure and cheap: linking runs these functions millions of
times on large archives, so the date helpers are cached and nothing parses text
beyond the short ``quantity`` / ``value`` strings extraction already isolated.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import lru_cache

from armsledger.catalog import load_catalog
from armsledger.model import ArticleRecord, Event

# --- partial dates ("2019", "2019-07", "2019-07-12") ----------------------------------------

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@lru_cache(maxsize=65536)
def date_span(value: str | None) -> tuple[int, int, int] | None:
    """``(first day, last day, precision)`` of a partial ISO date as ordinals; precision 1=year, 2=month, 3=day.

    Returns None for missing or malformed dates, so callers treat them as undated
    instead of failing on one bad record.
    """
    if not value:
        return None
    m = _DATE_RE.match(value.strip())
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3))).toordinal()
            return d, d, 3
        if m.group(2):
            mo = int(m.group(2))
            first = date(y, mo, 1).toordinal()
            last = (date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)).toordinal() - 1
            return first, last, 2
        return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal(), 1
    except ValueError:
        return None


def precision(value: str | None) -> int:
    """0 for undated, else 1 (year), 2 (month) or 3 (day)."""
    span = date_span(value)
    return span[2] if span else 0


def year_of(value: str | None) -> int | None:
    span = date_span(value)
    return date.fromordinal(span[0]).year if span else None


def compatible(a: str | None, b: str | None) -> bool:
    """Two dates can describe the same moment: equal, one refines the other, or one is missing.

    "2019-07" and "2019-07-12" are compatible (one article is more precise);
    "2017-09" and "2017-12" are not.
    """
    sa, sb = date_span(a), date_span(b)
    if sa is None or sb is None:
        return True
    coarse, fine = (sa, sb) if sa[2] <= sb[2] else (sb, sa)
    return coarse[0] <= fine[0] and fine[1] <= coarse[1]


def gap_days(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two closed ordinal intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return b[0] - a[1]
    if b[1] < a[0]:
        return a[0] - b[1]
    return 0


def published_span(record: ArticleRecord) -> tuple[int, int] | None:
    span = date_span(record.article.published)
    return (span[0], span[1]) if span else None


def outlet_label(record: ArticleRecord) -> str:
    """The article's outlet as an origin name; an unknown outlet stays distinct per article."""
    outlet = (record.article.outlet or "").strip()
    if not outlet or outlet.lower() in ("unknown", "n/a", "none"):
        return f"article {record.article.id}"
    return outlet


def month_of(value: str | None) -> str | None:
    """ "YYYY-MM" of a date, for readable story ids."""
    if not value:
        return None
    m = _DATE_RE.match(value)
    if not m:
        return None
    return f"{m.group(1)}-{int(m.group(2)):02d}" if m.group(2) else m.group(1)


# --- names and keys ------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def norm_system(value: str | None) -> str | None:
    """Spelling-insensitive system designation: "S-400s" and "S 400" -> "s400" (as the scorer does); a name
    the catalog knows by its designation, so the "A-29" one article files and the "Super Tucano" another are one."""
    if not value:
        return None
    system = load_catalog().find_system(value)
    s = _NON_ALNUM.sub("", (system.designation if system is not None else value).lower())
    if re.search(r"\ds$", s):
        s = s[:-1]
    return s or None


_NON_ALNUM = re.compile(r"[^0-9a-z]")


@lru_cache(maxsize=65536)
def norm_name(value: str | None) -> str:
    """Case- and punctuation-insensitive name of an outlet or source; a known outlet by its catalog name, so
    that the "PTI" one article cites and the "Press Trust of India" another cites are one source."""
    outlet = load_catalog().find_outlet(value) if value else None
    return _NON_ALNUM.sub("", (outlet.name if outlet is not None else value or "").lower())


def same_name(a: str | None, b: str | None) -> bool:
    """Loose name equality: "Reuters" matches "Reuters agency", "WSJ" does not match "Wall Street Journal"."""
    x, y = norm_name(a), norm_name(b)
    if not x or not y:
        return False
    return x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x))


EventKey = tuple[str, str | None, str | None, str | None]


def event_key(event: Event) -> EventKey:
    """Identity of an event across articles: type, parties, normalised system (sanctions have no system)."""
    system = None if event.type == "sanction" else norm_system(event.system)
    return (event.type, (event.supplier or None), (event.recipient or None), system)


def stable_hash(*parts: object, n: int = 12) -> str:
    """Short deterministic hex digest: ids must not change between runs or machines."""
    payload = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:n]


def slug(value: str | None) -> str:
    """Lower-case alphanumeric slug ("S-400" -> "s400", "Arrow 3" -> "arrow3")."""
    return re.sub(r"[^0-9a-z]+", "", (value or "").lower())


# --- quantities and values -----------------------------------------------------------------

# fmt: off
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12, "two dozen": 24,
    "pair": 2,
}
# fmt: on
_NUM_RE = re.compile(r"\d{1,3}(?:[,\u202f ]\d{3})+|\d+(?:\.\d+)?")


def parse_quantity(text: str | None) -> int | None:
    """The count in a quantity as written: "30", "five regiments", "up to 40", "600,000" -> int."""
    if not text:
        return None
    low = text.lower()
    m = _NUM_RE.search(low)
    if m:
        try:
            return int(float(re.sub(r"[,\u202f ]", "", m.group(0))))
        except ValueError:
            return None
    for word in sorted(NUMBER_WORDS, key=len, reverse=True):
        if re.search(rf"\b{word}\b", low):
            return NUMBER_WORDS[word]
    return None


# fmt: off
_CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD",
    "s$": "SGD", "€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY", "₽": "RUB", "₺": "TRY", "₩": "KRW",
}
_CURRENCY_WORDS = {
    "usd": "USD", "dollar": "USD", "dollars": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR", "gbp": "GBP",
    "pound": "GBP", "pounds": "GBP", "inr": "INR", "rupee": "INR", "rupees": "INR", "rub": "RUB", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "try": "TRY", "lira": "TRY", "jpy": "JPY", "yen": "JPY",
    "krw": "KRW", "won": "KRW", "cny": "CNY", "yuan": "CNY", "chf": "CHF", "francs": "CHF", "sek": "SEK",
    "kronor": "SEK", "pln": "PLN", "zloty": "PLN", "aud": "AUD", "cad": "CAD",
}
_SCALES = {
    "trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6,
    "mln": 1e6, "thousand": 1e3, "k": 1e3, "crore": 1e7, "lakh": 1e5,
}
# Rough USD rates: only used to decide whether two figures in different currencies can be one amount.
USD_RATE = {
    "USD": 1.0, "EUR": 1.1, "GBP": 1.27, "INR": 0.012, "RUB": 0.011, "TRY": 0.03, "JPY": 0.007, "KRW": 0.00075,
    "CNY": 0.14, "CHF": 1.12, "SEK": 0.095, "PLN": 0.25, "AUD": 0.66, "CAD": 0.73, "NZD": 0.6, "HKD": 0.13,
    "SGD": 0.74,
}
# fmt: on
_MONEY_RE = re.compile(
    r"(?P<pre>(?:us|au|ca|nz|hk|[acs])\$|[$€£₹¥₽₺₩]|\b(?:usd|eur|gbp|inr|rub|try|jpy|krw|cny|chf|sek|pln|aud|cad)\b)?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<scale>trillion|billion|million|thousand|crore|lakh|bn|tn|mln|mn|m|b|k)?\b\.?\s*"
    r"(?P<post>[a-z]+)?",
    re.IGNORECASE,
)


def parse_money(text: str | None) -> tuple[float, str | None] | None:
    """``(amount, ISO currency)`` of a value as written: "$2.5bn", "4.5 billion dollars", "€3.75 billion"."""
    if not text:
        return None
    for m in _MONEY_RE.finditer(text.lower()):
        pre, post = m.group("pre"), (m.group("post") or "")
        currency = _CURRENCY_SYMBOLS.get(pre or "") or _CURRENCY_WORDS.get((pre or "").strip())
        currency = currency or _CURRENCY_WORDS.get(post)
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        if currency is None and scale == 1.0:
            continue  # a bare number is not a value
        return float(m.group("num").replace(",", "")) * scale, currency
    return None


def same_amount(
    a: tuple[float, str | None], b: tuple[float, str | None], *, same_tol: float = 0.02, cross_tol: float = 0.15
) -> bool:
    """Whether two parsed values can be one figure: within 2% in one currency, 15% after rough conversion."""
    (x, cx), (y, cy) = a, b
    if cx == cy or cx is None or cy is None:
        return abs(x - y) <= same_tol * max(x, y)
    if cx in USD_RATE and cy in USD_RATE:
        ux, uy = x * USD_RATE[cx], y * USD_RATE[cy]
        return abs(ux - uy) <= cross_tol * max(ux, uy)
    return False


# --- union-find ----------------------------------------------------------------------------


class UnionFind:
    """Disjoint sets over 0..n-1 with path halving; the smaller index stays root (deterministic)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out
