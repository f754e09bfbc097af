"""The embedded backend: one DuckDB file (or ``:memory:``), one writer process at a time.

DuckDB allows either one read-write process or any number of read-only processes per file. A
writer therefore takes ``PATH.lock`` first (see ``lock.py``) so that a second writer learns who
holds the store; readers (the web server) open with ``read_only=True`` and take no lock. DuckDB's
own refusal, when a reader and a writer collide, is translated into the same message.

Statements autocommit unless wrapped in ``BEGIN``/``COMMIT``, which ``_transaction`` does. Bulk
inserts pass one list per column and ``unnest`` them in a single statement: DuckDB's
``executemany`` runs one statement per row and is ~40x slower here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from .base import Row, Store, StoreError, StoreLockedError, locked_message
from .lock import WriteLock

_PID_RE = re.compile(r"\(PID (\d+)\)")


class DuckDBStore(Store):
    """Store in a DuckDB database file, or in memory for ``":memory:"``."""

    backend = "duckdb"

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        memory = str(path) == ":memory:"
        super().__init__(":memory:" if memory else str(path), read_only=read_only)
        self.path: Path | None = None if memory else Path(path)
        self._lock: WriteLock | None = None
        self._types: dict[str, dict[str, str]] = {}
        if memory and read_only:
            raise StoreError("an in-memory store cannot be opened read-only (it would always be empty)")
        if self.path is not None:
            if read_only and not self.path.exists():
                raise StoreError(f"no store at {self.path}; create it first by ingesting articles into it")
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._lock = WriteLock(self.path)
                self._lock.acquire()
                # A zero-byte file (touch, NamedTemporaryFile) is a new store; DuckDB would reject it.
                if self.path.exists() and self.path.stat().st_size == 0:
                    self.path.unlink()
            elif self.path.stat().st_size == 0:
                raise StoreError(f"store {self.path} is empty; create it first by ingesting articles into it")
        try:
            try:
                self._con = duckdb.connect(":memory:" if memory else str(self.path), read_only=read_only)
            except duckdb.IOException as exc:
                if "lock" in str(exc).lower():
                    match = _PID_RE.search(str(exc))
                    raise StoreLockedError(locked_message(self.location, int(match[1]) if match else None)) from exc
                raise StoreError(f"cannot open store {self.location} (is it a DuckDB file?): {exc}") from exc
            except duckdb.Error as exc:
                raise StoreError(f"cannot open store {self.location} (is it a DuckDB file?): {exc}") from exc
            try:
                self._init_schema()
            except BaseException:
                self._con.close()
                raise
        except BaseException:
            if self._lock is not None:
                self._lock.release()
            raise

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._con.execute(sql, list(params)).fetchall()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(sql, list(params))

    def _column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            rows = self._query(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = ?",
                [table],
            )
            self._types[table] = {name: dtype for name, dtype in rows}
        return self._types[table]

    def _insert_many(self, table: str, cols: Sequence[str], rows: Sequence[Row]) -> None:
        if not rows:
            return
        types = self._column_types(table)
        columns = [list(c) for c in zip(*rows, strict=True)]
        select = ", ".join(f"unnest(CAST(? AS {types[c]}[]))" for c in cols)
        self._con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {select}", columns)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    def _close(self) -> None:
        try:
            self._con.close()
        finally:
            if self._lock is not None:
                self._lock.release()
