"""The shared-server backend: PostgreSQL through psycopg 3, same schema and results as DuckDB.

Where it differs from the embedded backend, and why:

* placeholders: the shared SQL uses ``?``; it is rewritten to psycopg's ``%s`` once per statement.
* locking: several processes may write one database, so every write transaction first takes a
  transaction-scoped advisory lock keyed by the schema. Writers then run one after the other,
  which keeps hash de-duplication and ``~vN`` id versioning race-free; readers never wait.
* bulk inserts use ``COPY ... FROM STDIN``.
* text sorts use ``COLLATE "C"`` so ordering is bytewise, as in DuckDB, whatever the database locale.

The connection is in autocommit mode outside explicit transactions so that a long-lived reader
(the web server) never sits "idle in transaction". ``read_only=True`` makes the session read-only
on the server side as well. The schema is the first one on the URL's ``search_path``
(``?options=-csearch_path%3Dname`` selects another, as the tests do).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .base import Row, Store, StoreError

try:
    import psycopg
except ImportError as exc:  # pragma: no cover - psycopg is a declared dependency
    raise StoreError("the PostgreSQL backend needs psycopg 3: pip install 'psycopg[binary]'") from exc


def redact(url: str) -> str:
    """The URL with its password hidden, for messages and logs."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


class PostgresStore(Store):
    """Store in a PostgreSQL database (the schema first on ``search_path``)."""

    backend = "postgresql"
    _collate = ' COLLATE "C"'

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        super().__init__(redact(url), read_only=read_only)
        self._sql_cache: dict[str, str] = {}
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.location}: {str(exc).strip()}; check that the server is "
                "running and the URL is right (scripts/pg-start.sh starts a local test server)"
            ) from exc
        try:
            if read_only:
                self._conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            schema = self._query("SELECT current_schema()")[0][0]
            if schema is None:
                raise StoreError(
                    f"{self.location}: no schema on the search_path exists; create it or fix the URL's search_path"
                )
            self.pg_schema: str = schema
            digest = hashlib.sha256(f"armsledger:{schema}".encode()).digest()
            self._lock_key = int.from_bytes(digest[:8], "big", signed=True)
            self._init_schema()
        except BaseException:
            self._conn.close()
            raise

    def _sql(self, sql: str) -> str:
        out = self._sql_cache.get(sql)
        if out is None:
            out = self._sql_cache[sql] = sql.replace("%", "%%").replace("?", "%s")
        return out

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._conn.cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            return cur.fetchall() if cur.description is not None else []

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._conn.cursor() as cur:
            cur.execute(self._sql(sql), list(params))

    def _insert_many(self, table: str, cols: Sequence[str], rows: Sequence[Row]) -> None:
        if not rows:
            return
        with self._conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            self._run("SELECT pg_advisory_xact_lock(?)", [self._lock_key])
            yield

    def _close(self) -> None:
        self._conn.close()
