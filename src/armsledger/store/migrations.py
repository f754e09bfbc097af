"""Schema versions and the steps between them.

A store records its version in ``meta.schema_version``. Opening a store with an older version
applies every later step here in order, each in its own transaction, so a crash mid-migration
leaves the store at the last completed version rather than half-migrated. A store without a
``meta`` table is version 0 (an empty file or a fresh PostgreSQL schema).

To change the schema: add ``migrate_vN.sql`` (portable SQL, or give ``apply`` a function when the
two backends must differ) and append ``Migration(N, ...)``. Never edit an existing step: stores in
the field were built by it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import Store


@dataclass(frozen=True, slots=True)
class Migration:
    """One step from ``version - 1`` to ``version``."""

    version: int
    description: str
    sql_file: str | None = None  # a file next to this module
    apply: Callable[[Store], None] | None = None  # for steps SQL alone cannot express

    def statements(self) -> list[str]:
        """The SQL statements of ``sql_file``, comments stripped."""
        if self.sql_file is None:
            return []
        text = resources.files(__package__).joinpath(self.sql_file).read_text(encoding="utf-8")
        return split_sql(text)


def split_sql(text: str) -> list[str]:
    """Split a schema file into statements (the files contain no ';' inside strings)."""
    text = re.sub(r"--[^\n]*", "", text)
    return [s.strip() for s in text.split(";") if s.strip()]


MIGRATIONS: tuple[Migration, ...] = (Migration(1, "initial schema", sql_file="schema_v1.sql"),)

# Tables version 1 creates; a version-0 database that already has one of them is not ours.
V1_TABLES: frozenset[str] = frozenset(
    m[1] for s in MIGRATIONS[0].statements() if (m := re.match(r"CREATE TABLE (\w+)", s))
)


def latest_version() -> int:
    """The schema version this code writes."""
    return MIGRATIONS[-1].version if MIGRATIONS else 0
