"""armsledger: turn news reports about arms transfers into a trustworthy, queryable ledger.

The public Python API is ``armsledger.Ledger`` (a stored ledger) and
``armsledger.extract_paths`` (extraction and linking without a store).
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["Ledger", "extract_paths", "__version__"]


def __getattr__(name: str):  # lazy: importing the package must not load spaCy or DuckDB
    if name in ("Ledger", "extract_paths"):
        from armsledger import api

        return getattr(api, name)
    raise AttributeError(name)
