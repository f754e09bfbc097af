"""armsledger's store: articles, their extraction and the latest linking result, behind one interface.

``open_store("ledger.duckdb")`` gives the embedded DuckDB backend (the default; one writer process
at a time), ``open_store("postgresql://user@host:5432/db")`` a shared PostgreSQL server. Both
backends run the same SQL (``base.py``) on the same schema (``schema_v1.sql`` + migrations) and
return the same results for the same data.
"""

from __future__ import annotations

from pathlib import Path

from .base import ReadOnlyStoreError, SchemaVersionError, Store, StoreError, StoreLockedError
from .duckdb_store import DuckDBStore
from .migrations import latest_version

__all__ = [
    "SCHEMA_VERSION",
    "DuckDBStore",
    "ReadOnlyStoreError",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "StoreLockedError",
    "is_postgres_url",
    "open_store",
]

SCHEMA_VERSION: int = latest_version()


def is_postgres_url(url: str | Path) -> bool:
    """Whether ``url`` names a PostgreSQL database rather than a DuckDB file."""
    return isinstance(url, str) and url.startswith(("postgresql://", "postgres://"))


def open_store(url: str | Path, *, read_only: bool = False) -> Store:
    """Open (creating or migrating as needed) the store at ``url``.

    ``url`` is a DuckDB file path (parent directories are created), ``":memory:"``, or a
    ``postgresql://`` URL. ``read_only=True`` takes no write lock and refuses writes; it is what
    the web server uses so that it can run next to readers and, on PostgreSQL, next to writers.
    """
    if is_postgres_url(url):
        from .postgres_store import PostgresStore  # psycopg is only imported when needed

        return PostgresStore(str(url), read_only=read_only)
    if not str(url):
        raise StoreError("no store given; pass a .duckdb path or a postgresql:// URL")
    return DuckDBStore(url, read_only=read_only)
