"""The store's shared logic: everything except connecting, placeholders, bulk inserts and locking.

The store is the only place with state. It keeps three layers, written by different stages:

* ``articles`` + ``claims``: what ingest and extraction produced, one row per distinct content hash.
  Rows are immutable; adding an article already stored changes nothing, which is what makes
  re-ingesting idempotent.
* the linking result (stories, ledger events with their claims, conflicts, deals, and each article's
  story/origin/conflicts): replaced as a whole by ``save_link`` in one transaction, so readers see
  either the old or the new result, never a mixture.
* ``meta``: the schema version (see ``migrations.py``).

Subclasses implement the small ``_query`` / ``_run`` / ``_insert_many`` / ``_transaction`` / ``_close``
hooks. All SQL here is written once, with ``?`` placeholders and portable syntax; every value goes
through a parameter. Identifiers that are interpolated come from constants in this module.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from itertools import islice
from types import TracebackType
from typing import Any

from ..model import (
    EVENT_TYPES,
    Article,
    ArticleRecord,
    Claim,
    Conflict,
    Deal,
    Event,
    LedgerEvent,
    LinkResult,
    Story,
)
from . import migrations

log = logging.getLogger("armsledger.store")

Row = tuple[Any, ...]

# Largest number of values sent in one IN (...) list.
IN_CHUNK = 500
# Articles fetched per round trip while streaming records().
RECORD_PAGE = 500


class StoreError(Exception):
    """Any problem opening or using a store; the message says what to do."""


class StoreLockedError(StoreError):
    """Another process is writing the store (or reading it, where the engine forbids both at once)."""


class SchemaVersionError(StoreError):
    """The store's schema version does not match what this code can use."""


class ReadOnlyStoreError(StoreError):
    """A write was attempted on a store opened with ``read_only=True``."""


def locked_message(location: str, pid: int | None) -> str:
    """The one wording of the in-use error, whichever layer detects it."""
    who = f"PID {pid}" if pid else "another process"
    return f"store {location} is in use by {who}; wait for it to finish or use another --db"


# --- column lists (the order of the INSERTs and of the SELECTs that read them back) ----------

ARTICLE_COLS = (
    "seq", "id", "base_id", "hash", "outlet", "published", "title", "url", "language", "text",
    "source_path", "ingested_at", "systems", "countries", "cited", "origin",
)  # fmt: skip
CLAIM_COLS = (
    "article_seq", "seq", "article_id", "type", "supplier", "recipient", "system", "date", "factuality",
    "source", "evidence", "quantity", "value", "sentence", "start_char", "end_char", "source_kind",
)  # fmt: skip
LINK_COLS = ("article_seq", "story", "origin", "conflicts")
LINK_STAGE_COLS = ("hash", "story", "origin", "conflicts")
STORY_COLS = (
    "id", "seq", "title", "origin", "first_published", "last_published", "systems", "countries", "edges",
)  # fmt: skip
EVENT_COLS = (
    "id", "seq", "type", "type_rank", "supplier", "recipient", "system", "date", "status", "factuality", "origins",
)  # fmt: skip
EVENT_CLAIM_COLS = (
    "event_id", "seq", "article_id", "outlet", "published", "source", "factuality", "evidence", "date",
    "quantity", "value", "origin", "start_char", "end_char",
)  # fmt: skip
CONFLICT_COLS = (
    "seq", "field", "event", "event_type", "supplier", "recipient", "system", "field_values", "note", "articles",
)  # fmt: skip
DEAL_COLS = (
    "id", "seq", "supplier", "recipient", "system", "status", "order_year", "delivery_years", "quantity",
    "value", "event_ids",
)  # fmt: skip

# Every table that holds the linking result; save_link() empties them all.
LINK_TABLES = (
    "article_links", "article_links_stage", "stories", "story_articles", "story_events", "ledger_events",
    "event_stories", "event_claims", "conflicts", "conflict_articles", "deals",
)  # fmt: skip

_TYPE_RANK = {t: i for i, t in enumerate(EVENT_TYPES)}


def _cols(cols: Sequence[str], prefix: str = "") -> str:
    return ", ".join(prefix + c for c in cols)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _load(text: str | None, default: Any = None) -> Any:
    if text is None:
        return default
    return [] if text == "[]" else json.loads(text)  # most lists are empty; skip the parser


def _chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _date_prefix_cond(op: str) -> str:
    """Compare ``e.date`` with a bound on their common prefix, so "2019" lies within 2019-01-01..2019-12-31."""
    common = "least(length(e.date), length(CAST(? AS TEXT)))"
    return f"(e.date IS NOT NULL AND substr(e.date, 1, {common}) {op} substr(CAST(? AS TEXT), 1, {common}))"


class Store(AbstractContextManager["Store"]):
    """A ledger store. Open one with :func:`armsledger.store.open_store`.

    Not safe for concurrent writes from several threads of one process; concurrent reads are
    (each backend's connection serialises statements).
    """

    backend: str = "abstract"
    # Appended to text sort keys: both backends then order strings bytewise.
    _collate: str = ""

    def __init__(self, location: str, *, read_only: bool) -> None:
        self.location = location
        self.read_only = read_only
        self.schema_version = 0
        # (id given, id stored) for each article stored under a versioned id by the last add_records().
        self.renamed: list[tuple[str, str]] = []
        self._closed = False

    # --- backend hooks ------------------------------------------------------------------------

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one statement and return its rows."""
        raise NotImplementedError

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement that returns nothing."""
        raise NotImplementedError

    def _insert_many(self, table: str, cols: Sequence[str], rows: Sequence[Row]) -> None:
        """Insert many rows fast (each backend has its own bulk path; row-by-row is far too slow)."""
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[None]:
        """One write transaction, serialised against other writers of the same store."""
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def _table_names(self) -> set[str]:
        rows = self._query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        return {r[0] for r in rows}

    # --- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection and release the store for other writers."""
        if not self._closed:
            self._closed = True
            self._close()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<{type(self).__name__} {self.location} v{self.schema_version} {mode}>"

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(f"store {self.location} is open read-only; open it without read_only to write")

    # --- schema versions ----------------------------------------------------------------------

    def _stored_version(self) -> int:
        if "meta" not in self._table_names():
            return 0
        rows = self._query("SELECT value FROM meta WHERE key = ?", ["schema_version"])
        if not rows:
            return 0
        try:
            return int(rows[0][0])
        except ValueError as exc:
            raise SchemaVersionError(f"store {self.location} has an unreadable schema_version {rows[0][0]!r}") from exc

    def _init_schema(self) -> None:
        """Check the schema version and migrate an older store (called by subclasses once connected)."""
        latest = migrations.latest_version()
        version = self._stored_version()
        if version > latest:
            raise SchemaVersionError(
                f"store {self.location} has schema version {version}, but this armsledger only knows versions "
                f"up to {latest}; upgrade armsledger (pip install -U armsledger) to open it"
            )
        if version < latest:
            if self.read_only:
                raise SchemaVersionError(
                    f"store {self.location} has schema version {version} and needs migrating to {latest}; "
                    "open it once for writing (any armsledger command that writes to it) and retry"
                )
            if version == 0:
                clash = migrations.V1_TABLES & self._table_names()
                if clash:
                    raise StoreError(
                        f"{self.location} is not an armsledger store (it has table(s) {', '.join(sorted(clash))} "
                        "but no schema version); use another --db"
                    )
            self._migrate()
        self.schema_version = self._stored_version()

    def _migrate(self) -> None:
        for step in migrations.MIGRATIONS:
            with self._transaction():
                # Re-read inside the transaction: another process may have migrated meanwhile.
                current = self._stored_version()
                if step.version <= current:
                    continue
                if step.version != current + 1:
                    raise SchemaVersionError(f"no migration from schema version {current} to {step.version}")
                log.info("migrating store %s to schema version %d (%s)", self.location, step.version, step.description)
                for statement in step.statements():
                    self._run(statement)
                if step.apply is not None:
                    step.apply(self)
                self._set_meta("schema_version", str(step.version))

    def _set_meta(self, key: str, value: str) -> None:
        self._run(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    # --- articles and their extraction -------------------------------------------------------

    def has_article(self, hash: str) -> bool:
        """Whether an article with this content hash is stored (lets ingest skip extraction)."""
        return bool(self._query("SELECT 1 FROM articles WHERE hash = ?", [hash]))

    def add_records(self, records: Iterable[ArticleRecord], *, batch_size: int = 200) -> tuple[int, int]:
        """Store extracted records; returns (added, unchanged).

        Idempotent by content hash. Each batch is one transaction: a killed run loses at most the
        batch in flight and never leaves an article without its events. A new text under an id
        already stored is kept as a version ``<id>~v2``, ``~v3``...; ``self.renamed`` lists those.
        """
        self._check_writable()
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.renamed = []
        added = unchanged = 0
        for batch in _batched(records, batch_size):
            with self._transaction():
                a, u = self._add_batch(batch)
            added += a
            unchanged += u
        return added, unchanged

    def _add_batch(self, batch: list[ArticleRecord]) -> tuple[int, int]:
        hashes = list(dict.fromkeys(r.article.hash for r in batch))
        seen: set[str] = set()
        for chunk in _chunks(hashes):
            seen.update(
                r[0] for r in self._query(f"SELECT hash FROM articles WHERE hash IN ({_marks(len(chunk))})", chunk)
            )
        fresh: list[ArticleRecord] = []
        for rec in batch:
            if rec.article.hash not in seen:
                seen.add(rec.article.hash)
                fresh.append(rec)
        if not fresh:
            return 0, len(batch)

        ids = self._assign_ids([r.article.id for r in fresh])
        seq = self._query("SELECT coalesce(max(seq), 0) FROM articles")[0][0]
        now = datetime.now(UTC).replace(tzinfo=None)
        articles: list[Row] = []
        claims: list[Row] = []
        links: list[Row] = []
        for rec, stored_id in zip(fresh, ids, strict=True):
            seq += 1
            a = rec.article
            if stored_id != a.id:
                self.renamed.append((a.id, stored_id))
                log.warning(
                    "article id %r is already stored with a different text; stored this one as %r", a.id, stored_id
                )
            articles.append((
                seq, stored_id, a.id, a.hash, a.outlet, a.published, a.title, a.url, a.language, a.text,
                a.source_path, now, _dump(rec.systems), _dump(rec.countries), _dump(rec.cited), _dump(rec.origin),
            ))  # fmt: skip
            for i, e in enumerate(rec.events):
                claims.append((
                    seq, i, stored_id, e.type, e.supplier, e.recipient, e.system, e.date, e.factuality, e.source,
                    e.evidence, e.quantity, e.value, e.sentence, e.start, e.end, e.source_kind,
                ))  # fmt: skip
            # A record that already carries linking output (e.g. re-imported JSONL) keeps it.
            if rec.story is not None or rec.conflicts:
                links.append((seq, rec.story, None, _dump([c.to_dict() for c in rec.conflicts])))
        self._insert_many("articles", ARTICLE_COLS, articles)
        self._insert_many("claims", CLAIM_COLS, claims)
        self._insert_many("article_links", LINK_COLS, links)
        return len(fresh), len(batch) - len(fresh)

    def _assign_ids(self, wanted: list[str]) -> list[str]:
        """Stored ids for new articles: the given id if free, else the next free ``<id>~vN``."""
        base = list(dict.fromkeys(wanted))
        taken: set[str] = set()
        for chunk in _chunks(base, IN_CHUNK // 2):
            m = _marks(len(chunk))
            rows = self._query(f"SELECT id FROM articles WHERE base_id IN ({m}) OR id IN ({m})", [*chunk, *chunk])
            taken.update(r[0] for r in rows)
        while True:
            result: list[str] = []
            claimed: set[str] = set()
            for id_ in wanted:
                candidate, n = id_, 1
                while candidate in taken or candidate in claimed:
                    n += 1
                    candidate = f"{id_}~v{n}"
                claimed.add(candidate)
                result.append(candidate)
            # A generated "<id>~vN" may exist as an article's own id; check and go round again if so.
            generated = [c for c, w in zip(result, wanted, strict=True) if c != w]
            clashes: set[str] = set()
            for chunk in _chunks(generated):
                clashes.update(
                    r[0] for r in self._query(f"SELECT id FROM articles WHERE id IN ({_marks(len(chunk))})", chunk)
                )
            if not clashes:
                return result
            taken |= clashes

    _ARTICLE_SELECT = (
        "SELECT a.seq, a.id, a.text, a.outlet, a.published, a.title, a.url, a.language, a.source_path, a.hash, "
        "a.systems, a.countries, a.cited, a.origin FROM articles a"
    )

    @staticmethod
    def _article(row: Row) -> Article:
        return Article(
            id=row[1], text=row[2], outlet=row[3], published=row[4], title=row[5], url=row[6],
            language=row[7], source_path=row[8], hash=row[9],
        )  # fmt: skip

    @staticmethod
    def _event(row: Row) -> Event:
        # row: type .. source_kind, in CLAIM_COLS order from "type"
        return Event(
            type=row[0], supplier=row[1], recipient=row[2], system=row[3], date=row[4], factuality=row[5],
            source=row[6], evidence=row[7], quantity=row[8], value=row[9], sentence=row[10], start=row[11],
            end=row[12], source_kind=row[13],
        )  # fmt: skip

    _EVENT_FIELDS = _cols(CLAIM_COLS[3:])

    def records(self) -> Iterator[ArticleRecord]:
        """Every stored record in insertion order, with its latest linking output; streamed page by page.

        ``origin`` is the linker's per-article origin when the article has been linked, else the
        extracted one. Pages are read by seq range, so memory stays flat however large the store.
        """
        last = 0
        while True:
            # Find the page's seq range on the narrow seq column first; then every query is a range scan,
            # which costs the same however large the store is (a LIMIT over wide rows does not).
            high = self._query(
                "SELECT max(seq) FROM (SELECT seq FROM articles WHERE seq > ? ORDER BY seq LIMIT ?) page",
                [last, RECORD_PAGE],
            )[0][0]
            if high is None:
                return
            rows = self._query(f"{self._ARTICLE_SELECT} WHERE a.seq > ? AND a.seq <= ? ORDER BY a.seq", [last, high])
            events: dict[int, list[Event]] = {}
            for r in self._query(
                f"SELECT article_seq, {self._EVENT_FIELDS} FROM claims WHERE article_seq > ? AND article_seq <= ? "
                "ORDER BY article_seq, seq",
                [last, high],
            ):
                events.setdefault(r[0], []).append(self._event(r[1:]))
            links = {
                r[0]: r[1:]
                for r in self._query(
                    "SELECT article_seq, story, origin, conflicts FROM article_links "
                    "WHERE article_seq > ? AND article_seq <= ?",
                    [last, high],
                )
            }
            for row in rows:
                story, origin, conflicts = links.get(row[0], (None, None, None))
                linked_origin = _load(origin)
                yield ArticleRecord(
                    article=self._article(row),
                    events=events.get(row[0], []),
                    systems=_load(row[10], []),
                    countries=_load(row[11], []),
                    cited=_load(row[12], []),
                    origin=linked_origin if linked_origin is not None else _load(row[13], []),
                    story=story,
                    conflicts=[Conflict(**c) for c in _load(conflicts, [])],
                )
            last = high

    def article(self, article_id: str) -> Article | None:
        """The article stored under this id (versions have their ``~vN`` id)."""
        rows = self._query(f"{self._ARTICLE_SELECT} WHERE a.id = ?", [article_id])
        return self._article(rows[0]) if rows else None

    def article_events(self, article_id: str) -> list[Event]:
        """The events extracted from one article, in article order."""
        return [
            self._event(r)
            for r in self._query(
                f"SELECT {self._EVENT_FIELDS} FROM claims WHERE article_seq = (SELECT seq FROM articles WHERE id = ?) "
                "ORDER BY seq",
                [article_id],
            )
        ]

    def counts(self) -> dict[str, int]:
        """Row counts for status displays."""
        tables = {
            "articles": "articles", "claims": "claims", "events": "ledger_events", "stories": "stories",
            "conflicts": "conflicts", "deals": "deals",
        }  # fmt: skip
        return {name: int(self._query(f"SELECT count(*) FROM {table}")[0][0]) for name, table in tables.items()}

    # --- the linking result -------------------------------------------------------------------

    def link_is_stale(self) -> bool:
        """Whether some stored articles are not covered by the saved linking result.

        True after a run was killed between storing articles and saving the link, so
        the next ingest relinks even when it adds nothing.
        """
        rows = self._query("SELECT value FROM meta WHERE key = ?", ["linked_articles"])
        linked = int(rows[0][0]) if rows and str(rows[0][0]).isdigit() else -1
        return linked != self.counts()["articles"]

    def save_link(self, result: LinkResult) -> None:
        """Replace the previous linking result with ``result``, atomically.

        Per-article output (story, origin, conflicts) is matched to stored articles by content
        hash; records whose article is not stored are skipped with a warning.
        """
        self._check_writable()
        stories, story_articles, story_events = [], [], []
        for i, s in enumerate(result.stories):
            stories.append((
                s.id, i, s.title, _dump(s.origin), s.first_published, s.last_published, _dump(s.systems),
                _dump(s.countries), _dump([list(e) for e in s.edges]),
            ))  # fmt: skip
            story_articles += [(s.id, j, a) for j, a in enumerate(s.article_ids)]
            story_events += [(s.id, j, e) for j, e in enumerate(s.event_ids)]
        events, event_stories, event_claims = [], [], []
        for i, e in enumerate(result.events):
            events.append((
                e.id, i, e.type, _TYPE_RANK.get(e.type, len(_TYPE_RANK)), e.supplier, e.recipient, e.system,
                e.date, e.status, e.factuality, _dump(e.origins),
            ))  # fmt: skip
            event_stories += [(e.id, j, s) for j, s in enumerate(e.stories)]
            event_claims += [
                (
                    e.id,
                    j,
                    c.article_id,
                    c.outlet,
                    c.published,
                    c.source,
                    c.factuality,
                    c.evidence,
                    c.date,
                    c.quantity,
                    c.value,
                    c.origin,
                    c.start,
                    c.end,
                )  # fmt: skip
                for j, c in enumerate(e.claims)
            ]
        conflicts, conflict_articles = [], []
        for i, c in enumerate(result.conflicts):
            ev = c.event or {}
            conflicts.append((
                i, c.field, _dump(ev), ev.get("type"), ev.get("supplier"), ev.get("recipient"), ev.get("system"),
                _dump(c.values), c.note, _dump(c.articles),
            ))  # fmt: skip
            conflict_articles += [(i, a) for a in dict.fromkeys(a for group in c.articles for a in group)]
        deals = [
            (
                d.id,
                i,
                d.supplier,
                d.recipient,
                d.system,
                d.status,
                d.order_year,
                _dump(d.delivery_years),
                d.quantity,
                d.value,
                _dump(d.event_ids),
            )  # fmt: skip
            for i, d in enumerate(result.deals)
        ]
        stage = [
            (r.article.hash, r.story, _dump(r.origin), _dump([c.to_dict() for c in r.conflicts]))
            for r in result.records
        ]
        try:
            linked = self._replace_link(
                stories,
                story_articles,
                story_events,
                events,
                event_stories,
                event_claims,
                conflicts,
                conflict_articles,
                deals,
                stage,
            )
        except StoreError:
            raise
        except Exception as exc:  # the driver's error, e.g. two events with one id
            raise StoreError(f"could not save the linking result (the previous one is kept): {exc}") from exc
        # written after the link commits: a crash in between only makes the next ingest relink again
        self._set_meta("linked_articles", str(self.counts()["articles"]))
        distinct = len({row[0] for row in stage})
        if linked < distinct:
            log.warning(
                "save_link: %d of %d linked records are not in store %s; their per-article output was "
                "skipped (add_records them first)",
                distinct - linked,
                distinct,
                self.location,
            )

    def _replace_link(
        self, stories: list[Row], story_articles: list[Row], story_events: list[Row], events: list[Row],
        event_stories: list[Row], event_claims: list[Row], conflicts: list[Row], conflict_articles: list[Row],
        deals: list[Row], stage: list[Row],
    ) -> int:  # fmt: skip
        with self._transaction():
            for table in LINK_TABLES:
                self._run(f"DELETE FROM {table}")
            self._insert_many("stories", STORY_COLS, stories)
            self._insert_many("story_articles", ("story_id", "seq", "article_id"), story_articles)
            self._insert_many("story_events", ("story_id", "seq", "event_id"), story_events)
            self._insert_many("ledger_events", EVENT_COLS, events)
            self._insert_many("event_stories", ("event_id", "seq", "story_id"), event_stories)
            self._insert_many("event_claims", EVENT_CLAIM_COLS, event_claims)
            self._insert_many("conflicts", CONFLICT_COLS, conflicts)
            self._insert_many("conflict_articles", ("conflict_seq", "article_id"), conflict_articles)
            self._insert_many("deals", DEAL_COLS, deals)
            self._insert_many("article_links_stage", LINK_STAGE_COLS, stage)
            # DISTINCT ON hash would differ by backend; a record listed twice keeps one row via min().
            self._run(
                f"INSERT INTO article_links ({_cols(LINK_COLS)}) "
                "SELECT a.seq, min(s.story), min(s.origin), min(s.conflicts) "
                "FROM article_links_stage s JOIN articles a ON a.hash = s.hash GROUP BY a.seq"
            )
            linked = int(self._query("SELECT count(*) FROM article_links")[0][0])
            self._run("DELETE FROM article_links_stage")
        return linked

    # --- ledger queries -----------------------------------------------------------------------

    def events(
        self,
        *,
        system: str | None = None,
        country: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        factuality: str | None = None,
        story: str | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[LedgerEvent]:
        """Ledger events with their claims, filtered and ordered by date (undated last), then type in
        life-cycle order (negotiation, offer, order, delivery, ...; see ``EVENT_TYPES``), then linker order.

        ``country`` matches either side; ``system`` the canonical designation, case-insensitively;
        ``since``/``until`` compare on the common prefix of the two dates, so an event dated
        "2019" is inside since=2019-01-01 and until=2019-06-30 alike.
        """
        where: list[str] = []
        params: list[Any] = []
        if system:
            where.append("lower(e.system) = lower(CAST(? AS TEXT))")
            params.append(system)
        if country:
            where.append("(e.supplier = ? OR e.recipient = ?)")
            params += [country.upper()] * 2
        if type:
            where.append("e.type = ?")
            params.append(type.lower())
        if factuality:
            where.append("e.factuality = ?")
            params.append(factuality.lower())
        if since:
            where.append(_date_prefix_cond(">="))
            params += [since] * 3
        if until:
            where.append(_date_prefix_cond("<="))
            params += [until] * 3
        if story:
            where.append(
                "(e.id IN (SELECT event_id FROM event_stories WHERE story_id = ?) "
                "OR e.id IN (SELECT event_id FROM story_events WHERE story_id = ?))"
            )
            params += [story, story]
        return self._select_events(where, params, limit=limit, offset=offset)

    def event(self, event_id: str) -> LedgerEvent | None:
        """One ledger event by id, with its claims."""
        found = self._select_events(["e.id = ?"], [event_id], limit=1, offset=0)
        return found[0] if found else None

    def events_by_id(self, event_ids: Sequence[str]) -> dict[str, LedgerEvent]:
        """Several ledger events in one query (a page of deals links to many events)."""
        ids = list(dict.fromkeys(event_ids))
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        found = self._select_events([f"e.id IN ({marks})"], ids, limit=len(ids), offset=0)
        return {e.id: e for e in found}

    def search(self, q: str, limit: int = 50) -> list[LedgerEvent]:
        """Events matching every word of ``q`` as part of the system (ignoring case, '-' and spaces),
        a country code on either side, or the event type. Meant for the web UI's search box."""
        where: list[str] = []
        params: list[Any] = []
        for term in q.split():
            squashed = term.lower().replace("-", "")
            if not squashed:
                continue
            where.append(
                "(strpos(replace(replace(lower(coalesce(e.system, '')), '-', ''), ' ', ''), CAST(? AS TEXT)) > 0 "
                "OR e.supplier = ? OR e.recipient = ? OR e.type = ?)"
            )
            params += [squashed, term.upper(), term.upper(), term.lower()]
        if not where:
            return []
        return self._select_events(where, params, limit=limit, offset=0)

    def _select_events(self, where: list[str], params: list[Any], *, limit: int, offset: int) -> list[LedgerEvent]:
        sql = f"SELECT {_cols(EVENT_COLS, 'e.')} FROM ledger_events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY e.date{self._collate} NULLS LAST, e.type_rank, e.seq LIMIT ? OFFSET ?"
        rows = self._query(sql, [*params, max(0, int(limit)), max(0, int(offset))])
        ids = [r[0] for r in rows]
        claims = self._children("event_claims", "event_id", EVENT_CLAIM_COLS[2:], ids)
        stories = self._children("event_stories", "event_id", ("story_id",), ids)
        return [
            LedgerEvent(
                id=r[0],
                type=r[2],
                supplier=r[4],
                recipient=r[5],
                system=r[6],
                date=r[7],
                status=r[8],
                factuality=r[9],
                origins=_load(r[10], []),
                claims=[
                    Claim(
                        article_id=c[0],
                        outlet=c[1],
                        published=c[2],
                        source=c[3],
                        factuality=c[4],
                        evidence=c[5],
                        date=c[6],
                        quantity=c[7],
                        value=c[8],
                        origin=c[9],
                        start=c[10],
                        end=c[11],
                    )  # fmt: skip
                    for c in claims.get(r[0], [])
                ],
                stories=[s[0] for s in stories.get(r[0], [])],
            )  # fmt: skip
            for r in rows
        ]

    def _children(self, table: str, key: str, cols: Sequence[str], keys: Sequence[str]) -> dict[str, list[Row]]:
        """Rows of a child table for many parents, grouped by parent and in ``seq`` order."""
        out: dict[str, list[Row]] = {}
        for chunk in _chunks(list(keys)):
            for r in self._query(
                f"SELECT {key}, {_cols(cols)} FROM {table} WHERE {key} IN ({_marks(len(chunk))}) ORDER BY {key}, seq",
                chunk,
            ):
                out.setdefault(r[0], []).append(r[1:])
        return out

    def stories(self, *, limit: int = 1000, offset: int = 0) -> list[Story]:
        """Stories in the linker's order."""
        return self._select_stories("", [], limit=limit, offset=offset)

    def story(self, story_id: str) -> Story | None:
        found = self._select_stories("WHERE id = ?", [story_id], limit=1, offset=0)
        return found[0] if found else None

    def _select_stories(self, where: str, params: list[Any], *, limit: int, offset: int) -> list[Story]:
        rows = self._query(
            f"SELECT {_cols(STORY_COLS)} FROM stories {where} ORDER BY seq LIMIT ? OFFSET ?",
            [*params, max(0, int(limit)), max(0, int(offset))],
        )
        ids = [r[0] for r in rows]
        articles = self._children("story_articles", "story_id", ("article_id",), ids)
        events = self._children("story_events", "story_id", ("event_id",), ids)
        return [
            Story(
                id=r[0],
                title=r[2],
                origin=_load(r[3], []),
                first_published=r[4],
                last_published=r[5],
                systems=_load(r[6], []),
                countries=_load(r[7], []),
                article_ids=[a[0] for a in articles.get(r[0], [])],
                event_ids=[e[0] for e in events.get(r[0], [])],
                edges=[tuple(e) for e in _load(r[8], [])],
            )  # fmt: skip
            for r in rows
        ]

    def conflicts(self, *, story: str | None = None) -> list[Conflict]:
        """Conflicts in the linker's order; with ``story``, those involving the story's articles
        (or, for a conflict that names no articles, one of the story's events)."""
        sql = f"SELECT {_cols(CONFLICT_COLS, 'c.')} FROM conflicts c"
        params: list[Any] = []
        if story:
            sql += (
                " WHERE c.seq IN (SELECT ca.conflict_seq FROM conflict_articles ca"
                " JOIN story_articles sa ON sa.article_id = ca.article_id WHERE sa.story_id = ?)"
                " OR (c.articles = '[]' AND EXISTS (SELECT 1 FROM ledger_events e"
                " WHERE (e.id IN (SELECT event_id FROM story_events WHERE story_id = ?)"
                " OR e.id IN (SELECT event_id FROM event_stories WHERE story_id = ?))"
                " AND e.type = c.event_type AND e.supplier IS NOT DISTINCT FROM c.supplier"
                " AND e.recipient IS NOT DISTINCT FROM c.recipient AND e.system IS NOT DISTINCT FROM c.system))"
            )
            params = [story, story, story]
        sql += " ORDER BY c.seq"
        return [
            Conflict(field=r[1], event=_load(r[2], {}), values=_load(r[7], []), note=r[8], articles=_load(r[9], []))
            for r in self._query(sql, params)
        ]

    def deals(self, *, system: str | None = None, country: str | None = None) -> list[Deal]:
        """Trade-register rows in the linker's order, optionally for one system and/or country (either side)."""
        where: list[str] = []
        params: list[Any] = []
        if system:
            where.append("lower(system) = lower(CAST(? AS TEXT))")
            params.append(system)
        if country:
            where.append("(supplier = ? OR recipient = ?)")
            params += [country.upper()] * 2
        sql = f"SELECT {_cols(DEAL_COLS)} FROM deals"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq"
        return [
            Deal(
                id=r[0],
                supplier=r[2],
                recipient=r[3],
                system=r[4],
                status=r[5],
                order_year=r[6],
                delivery_years=_load(r[7], []),
                quantity=r[8],
                value=r[9],
                event_ids=_load(r[10], []),
            )  # fmt: skip
            for r in self._query(sql, params)
        ]
