"""The PostgreSQL server the store tests share: its URL, and throwaway schemas on it.

Not a test module: ``test_store.py`` and ``test_store_postgres.py`` import it, so the skip/fail gate and the
schema handling live in one place.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

PG_ENV = "ARMSLEDGER_TEST_PG"


def pg_url_or_skip() -> str:
    """The test server's URL; skip (or, under CI, fail) when none is configured."""
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {PG_ENV} is not: start a server with scripts/pg-start.sh and export its URL")
    pytest.skip(f"{PG_ENV} is not set; run `export {PG_ENV}=$(scripts/pg-start.sh)` to test the PostgreSQL backend")


def schema_url(base: str, schema: str) -> str:
    """``base`` with its search_path set to ``schema``."""
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}"


@contextmanager
def fresh_schemas() -> Iterator[Callable[[], str]]:
    """A maker of URLs of fresh, empty schemas on the test server; every schema it made is dropped on exit."""
    import psycopg

    base = pg_url_or_skip()
    made: list[str] = []

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        made.append(schema)
        return schema_url(base, schema)

    try:
        yield make
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            for schema in made:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
