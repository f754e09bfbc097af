"""Human labels for codes: country names from the catalog, factuality glyphs and wording.

The catalog is optional here: if its data cannot be loaded the UI still works
and shows bare ISO3 codes, because a broken reference file must not take the
ledger's viewer down with it.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

log = logging.getLogger("armsledger.web")

# Colour *and* shape *and* a word for each factuality value, so that nothing relies on colour alone.
FACTUALITY_STYLE: dict[str, dict[str, str]] = {
    "asserted": {"colour": "#1b7837", "shape": "circle", "glyph": "●", "help": "stated as fact"},
    "reported": {"colour": "#b35806", "shape": "square", "glyph": "■", "help": "attributed to a report, not confirmed"},
    "speculated": {"colour": "#762a83", "shape": "diamond", "glyph": "◆", "help": "possible or hypothetical"},
    "planned": {"colour": "#2166ac", "shape": "triangle", "glyph": "▲", "help": "scheduled or intended"},
    "denied": {"colour": "#b2182b", "shape": "cross", "glyph": "✖", "help": "an involved party denies it"},
    "negated": {"colour": "#4d4d4d", "shape": "slashed", "glyph": "⊘", "help": "the text says it did not happen"},
}
UNKNOWN_STYLE = {"colour": "#555555", "shape": "circle", "glyph": "○", "help": "unknown"}
DISPUTING = frozenset({"denied", "negated"})


def factuality_style(value: str | None) -> dict[str, str]:
    return FACTUALITY_STYLE.get(value or "", UNKNOWN_STYLE)


@functools.cache
def _catalog() -> Any:
    try:
        from armsledger.catalog import load_catalog

        return load_catalog()
    except Exception as exc:  # a missing or broken data file: fall back to bare codes
        log.warning("web UI: catalog not available, showing country codes only (%s)", exc)
        return None


def country_name(iso3: str | None) -> str:
    """'Türkiye' for 'TUR'; the code itself when the catalog does not know it."""
    if not iso3:
        return ""
    cat = _catalog()
    c = cat.country(iso3) if cat is not None else None
    return c.name if c is not None else iso3


def find_country(text: str) -> str | None:
    """ISO3 code of a country name, or None."""
    cat = _catalog()
    if cat is None:
        return None
    try:
        c = cat.find_country(text)
    except Exception:  # a lookup bug must read as "unknown country", not a 500
        log.exception("catalog lookup failed for %r", text)
        return None
    return c.iso3 if c is not None else None
