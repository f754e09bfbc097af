"""The store's contract, held against both backends.

Every test taking the ``url`` fixture runs on DuckDB and on PostgreSQL (the latter needs a server:
``export ARMSLEDGER_TEST_PG=$(scripts/pg-start.sh)``; without it those cases are skipped with the
reason, and with ``CI`` set they fail instead). DuckDB-only behaviour (the lock file) follows.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from armsledger.model import (
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
from armsledger.store import (
    SCHEMA_VERSION,
    ReadOnlyStoreError,
    SchemaVersionError,
    Store,
    StoreError,
    StoreLockedError,
    migrations,
    open_store,
)
from pg_server import fresh_schemas


@pytest.fixture(params=["duckdb", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store location: a new DuckDB file, or a fresh PostgreSQL schema."""
    if request.param == "duckdb":
        yield str(tmp_path / "sub" / "ledger.duckdb")
        return
    with fresh_schemas() as make:
        yield make()


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with open_store(url) as s:
        yield s


# --- hand-built data (invented wording; no extractor involved) ---------------------------------


def make_records() -> list[ArticleRecord]:
    full = Article(
        id="a1",
        text="Ankara took delivery of the first S-400 batteries on Friday.\n\nÜnïcode «quotes» and — dashes.",
        outlet="Example Wire",
        published="2019-07-12",
        title="Türkiye receives S-400",
        url="https://example.org/a1?x=1&y=%20",
        language="en",
        source_path="/data/feed/a1.json",
    )
    bare = Article(id="a2", text="A short note with no metadata at all.")
    return [
        ArticleRecord(
            article=full,
            events=[
                Event(
                    type="delivery",
                    supplier="RUS",
                    recipient="TUR",
                    system="S-400",
                    date="2019-07-12",
                    factuality="asserted",
                    source="self",
                    evidence="took delivery of the first S-400 batteries",
                    quantity="two batteries",
                    value="$2.5 billion",
                    sentence=0,
                    start=7,
                    end=50,
                    source_kind="self",
                ),
                Event(type="test", supplier="TUR", system="S-400", factuality="planned", source="Defence Ministry"),
            ],
            systems=["S-400"],
            countries=["TUR", "RUS"],
            cited=["Agency X"],
            origin=["Agency X"],
        ),
        ArticleRecord(article=bare),
        ArticleRecord(
            article=Article(id="a3", text="Seoul and Warsaw talk K2 tanks.", outlet="Vistula Daily", published="2019"),
            events=[
                Event(
                    type="negotiation",
                    supplier="KOR",
                    recipient="POL",
                    system="K2",
                    date="2019",
                    factuality="reported",
                    source="Yonhap",
                    evidence="talk K2 tanks",
                    start=17,
                    end=30,
                ),
                Event(
                    type="delivery", supplier="KOR", recipient="POL", system="K2", date="2019", factuality="speculated"
                ),
                Event(
                    type="offer",
                    supplier="TUR",
                    recipient="RUS",
                    system="S-400",
                    date="2025-09",
                    factuality="reported",
                    source="Nefes",
                ),
            ],
            systems=["K2", "S-400"],
            countries=["KOR", "POL"],
        ),
        # Already carries linking output, as a re-imported JSONL record would.
        ArticleRecord(
            article=Article(id="a4", text="Officials deny any S-400 resale.", outlet="Ankara Dispatch"),
            events=[Event(type="return", supplier="TUR", recipient="RUS", system="S-400", factuality="denied")],
            origin=["self"],
            story="imported-story",
            conflicts=[Conflict(field="factuality", event={"type": "return"}, values=["reported", "denied"], note="n")],
        ),
    ]


def _claim(article_id: str, **kw: object) -> Claim:
    base: dict[str, object] = {"outlet": "O", "published": "2019-01-01", "source": "self", "factuality": "asserted"}
    base.update(evidence=f"evidence in {article_id}", **kw)
    return Claim(article_id=article_id, **base)  # type: ignore[arg-type]


def make_link(records: list[ArticleRecord]) -> LinkResult:
    def ev(
        id_: str,
        type_: str,
        sup: str | None,
        rec: str | None,
        sys_: str | None,
        date: str | None,
        fact: str = "asserted",
        stories: tuple[str, ...] = (),
        arts: tuple[str, ...] = ("a1",),
    ) -> LedgerEvent:
        return LedgerEvent(
            id=id_,
            type=type_,
            supplier=sup,
            recipient=rec,
            system=sys_,
            date=date,
            status=f"{fact} by {len(arts)} origin(s)",
            factuality=fact,
            origins=[f"origin-{a}" for a in arts],
            claims=[_claim(a, date=date, quantity="2", start=1, end=9) for a in arts],
            stories=list(stories),
        )

    events = [  # deliberately not in date order
        ev("e-offer", "offer", "TUR", "RUS", "S-400", "2025-09", "reported", ("s2",), ("a3",)),
        ev("e-order", "order", "RUS", "TUR", "S-400", "2017-09", stories=("s1",)),
        ev("e-test", "test", "TUR", None, "S-400", None),
        ev("e-deliv", "delivery", "RUS", "TUR", "S-400", "2019-07-12", stories=("s1",), arts=("a1", "a4")),
        ev("e-k2", "delivery", "KOR", "POL", "K2", "2019", "speculated", ("s3",), ("a3",)),
        ev("e-patriot", "order", "USA", "POL", "Patriot", "2018"),
        ev("e-k2neg", "negotiation", "KOR", "POL", "K2", "2019", "reported", ("s3",), ("a3",)),
    ]
    stories = [
        Story(
            id="s1",
            title="Türkiye gets S-400",
            article_ids=["a1", "a4"],
            origin=["Agency X"],
            first_published="2019-07-12",
            last_published="2019-07-13",
            systems=["S-400"],
            countries=["RUS", "TUR"],
            event_ids=["e-order", "e-deliv"],
            edges=[("Outlet B", "Agency X", "cites")],
        ),
        Story(id="s2", title="Buy-back", article_ids=["a3"], event_ids=["e-offer", "e-test"]),
        Story(id="s3", title="K2 talks", article_ids=["a2"], event_ids=["e-k2", "e-k2neg"]),
    ]
    conflicts = [
        Conflict(
            field="date",
            event={"type": "delivery", "supplier": "RUS", "recipient": "TUR", "system": "S-400"},
            values=["2019-07-12", "2019-07"],
            note="more precise date wins",
            articles=[["a1"], ["a4"]],
        ),
        Conflict(
            field="factuality",
            event={"type": "offer", "supplier": "TUR", "recipient": "RUS", "system": "S-400"},
            values=["reported", "denied"],
            note="denied by the recipient",
            articles=[["a3"], []],
        ),
        Conflict(
            field="quantity",
            event={"type": "delivery", "supplier": "KOR", "recipient": "POL", "system": "K2"},
            values=["180", "1000"],
            note="no article ids: matched through the story's events",
        ),
    ]
    deals = [
        Deal(
            id="d1",
            supplier="RUS",
            recipient="TUR",
            system="S-400",
            status="delivered",
            order_year="2017",
            delivery_years=["2019", "2020"],
            quantity="4 batteries",
            value="$2.5 billion",
            event_ids=["e-order", "e-deliv"],
        ),
        Deal(id="d2", supplier="KOR", recipient="POL", system="K2", status="negotiating", event_ids=["e-k2neg"]),
    ]
    linked = [dataclasses.replace(r) for r in records]
    for r in linked:
        r.story = {"a1": "s1", "a4": "s1", "a3": "s2", "a2": "s3"}[r.article.id]
        r.origin = ["Linked Origin"] if r.article.id == "a1" else r.origin
        r.conflicts = [conflicts[0]] if r.article.id in ("a1", "a4") else []
    return LinkResult(records=linked, stories=stories, events=events, conflicts=conflicts, deals=deals)


@pytest.fixture
def filled(store: Store) -> tuple[Store, LinkResult]:
    records = make_records()
    store.add_records(records)
    link = make_link(records)
    store.save_link(link)
    return store, link


# --- articles and extraction ------------------------------------------------------------------


def test_new_store_is_at_current_version_and_empty(url: str) -> None:
    with open_store(url) as s:
        assert s.schema_version == SCHEMA_VERSION == 1
        assert s.counts() == dict.fromkeys(("articles", "claims", "events", "stories", "conflicts", "deals"), 0)
        assert list(s.records()) == []


def test_records_round_trip_every_field(store: Store) -> None:
    records = make_records()
    assert store.add_records(records, batch_size=3) == (4, 0)
    assert list(store.records()) == records  # order, Article fields, Event fields, record lists
    for rec in records:
        assert store.has_article(rec.article.hash)
        assert store.article(rec.article.id) == rec.article
        assert store.article_events(rec.article.id) == rec.events
    assert store.article("missing") is None
    assert store.article_events("missing") == []
    assert not store.has_article("0" * 32)
    assert store.counts()["articles"] == 4
    assert store.counts()["claims"] == sum(len(r.events) for r in records)


def test_records_stream_across_pages(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import armsledger.store.base as base

    monkeypatch.setattr(base, "RECORD_PAGE", 3)
    records = [
        ArticleRecord(Article(id=f"p{i}", text=f"text {i}"), events=[Event(type="order", evidence=str(i))] * (i % 3))
        for i in range(10)
    ]
    store.add_records(records, batch_size=4)
    assert list(store.records()) == records


def test_re_adding_is_idempotent(store: Store) -> None:
    records = make_records()
    assert store.add_records(records) == (4, 0)
    before = store.counts()
    assert store.add_records(make_records(), batch_size=2) == (0, 4)
    # the same content under another id, and twice within one batch, is still the same article
    copy = ArticleRecord(Article(id="elsewhere", text=records[0].article.text, title=records[0].article.title))
    assert store.add_records([copy, copy]) == (0, 2)
    assert store.counts() == before
    assert list(store.records()) == records


def test_same_id_with_new_text_is_kept_as_a_version(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    first = ArticleRecord(Article(id="x", text="first text"), events=[Event(type="offer")])
    store.add_records([first])
    second = ArticleRecord(Article(id="x", text="second text"), events=[Event(type="order")])
    third = ArticleRecord(Article(id="x", text="third text"))
    with caplog.at_level(logging.WARNING, logger="armsledger.store"):
        assert store.add_records([second, third]) == (2, 0)
    assert store.renamed == [("x", "x~v2"), ("x", "x~v3")]
    assert "x~v2" in caplog.text
    assert store.article("x").text == "first text"
    assert store.article("x~v2").text == "second text"
    assert store.article("x~v3").text == "third text"
    assert store.article_events("x~v2") == [Event(type="order")]
    assert [r.article.id for r in store.records()] == ["x", "x~v2", "x~v3"]
    # re-adding any version changes nothing; a versioned id that already exists literally is skipped over
    assert store.add_records([second]) == (0, 1)
    store.add_records([ArticleRecord(Article(id="y~v2", text="literal"))])
    store.add_records([ArticleRecord(Article(id="y", text="y1")), ArticleRecord(Article(id="y", text="y2"))])
    assert store.renamed == [("y", "y~v3")]


def test_batch_size_must_be_positive(store: Store) -> None:
    with pytest.raises(ValueError):
        store.add_records(make_records(), batch_size=0)


KILLED_RUN = textwrap.dedent(
    """
    import os, signal, sys
    from armsledger.model import Article, ArticleRecord, Event
    from armsledger.store import open_store

    store = open_store(sys.argv[1])
    real = store._insert_many
    calls = []

    def insert_then_die(table, cols, rows):
        real(table, cols, rows)
        calls.append(table)
        if calls.count("articles") == 3:  # third batch: its articles are written, its claims are not
            os.kill(os.getpid(), signal.SIGKILL)

    store._insert_many = insert_then_die
    recs = (ArticleRecord(Article(id=f"k{i}", text=f"text {i}"), events=[Event(type="order", evidence=f"{i}/{j}")
            for j in range(3)]) for i in range(100))
    store.add_records(recs, batch_size=10)
    """
)


def test_killed_run_keeps_committed_batches_only(url: str) -> None:
    open_store(url).close()
    proc = subprocess.run([sys.executable, "-c", KILLED_RUN, url], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    if not url.startswith("postgresql"):
        lock = Path(url + ".lock")
        assert lock.exists()  # left behind by the killed writer, naming a dead PID ...
    with open_store(url) as s:  # ... which does not stop the next writer
        assert s.counts()["articles"] == 20
        assert s.counts()["claims"] == 60
        assert all(len(r.events) == 3 for r in s.records())
        assert s.add_records([ArticleRecord(Article(id="after", text="after"))]) == (1, 0)


# --- linking result ------------------------------------------------------------------------------


def test_save_link_round_trip(filled: tuple[Store, LinkResult]) -> None:
    store, link = filled
    assert store.counts() == {"articles": 4, "claims": 6, "events": 7, "stories": 3, "conflicts": 3, "deals": 2}
    assert store.stories() == link.stories
    assert store.story("s1") == link.stories[0]
    assert store.story("nope") is None
    assert store.stories(limit=1, offset=1) == [link.stories[1]]
    assert store.conflicts() == link.conflicts
    assert store.deals() == link.deals
    for e in link.events:
        assert store.event(e.id) == e
    assert store.event("nope") is None
    by_id = {r.article.id: r for r in store.records()}
    for r in link.records:
        assert by_id[r.article.id].story == r.story
        assert by_id[r.article.id].origin == r.origin
        assert by_id[r.article.id].conflicts == r.conflicts
        assert by_id[r.article.id].events == r.events


def test_save_link_replaces_the_previous_result(filled: tuple[Store, LinkResult]) -> None:
    store, link = filled
    records = list(store.records())
    new_event = dataclasses.replace(link.events[0], id="e-new", stories=["s9"])
    only = dataclasses.replace(records[2], story="s9", origin=["Other"], conflicts=[])
    new = LinkResult(records=[only], stories=[Story(id="s9", title="new", article_ids=["a3"])], events=[new_event])
    store.save_link(new)
    assert store.counts() == {"articles": 4, "claims": 6, "events": 1, "stories": 1, "conflicts": 0, "deals": 0}
    assert store.events() == [new_event]
    assert store.event("e-order") is None
    assert store.stories() == new.stories
    assert store.conflicts() == [] and store.deals() == []
    after = {r.article.id: r for r in store.records()}
    assert after["a3"].story == "s9" and after["a3"].origin == ["Other"]
    # articles the new result does not mention lose their old linking output; extracted origin returns
    assert after["a1"].story is None and after["a1"].conflicts == []
    assert after["a1"].origin == make_records()[0].origin
    assert after["a4"].story is None  # even the link state it was imported with


def test_failed_save_link_keeps_the_previous_result(filled: tuple[Store, LinkResult]) -> None:
    store, link = filled
    before = (store.counts(), store.events(), store.stories(), list(store.records()))
    broken = dataclasses.replace(link, events=[link.events[0], link.events[0]])  # one id twice
    with pytest.raises(StoreError, match="previous one is kept"):
        store.save_link(broken)
    assert (store.counts(), store.events(), store.stories(), list(store.records())) == before


def test_save_link_skips_records_not_in_the_store(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    records = make_records()
    store.add_records(records[:1])
    with caplog.at_level(logging.WARNING, logger="armsledger.store"):
        store.save_link(make_link(records))
    assert "3 of 4 linked records are not in store" in caplog.text
    assert [r.story for r in store.records()] == ["s1"]


# --- ledger queries ------------------------------------------------------------------------------


def ids(events: list[LedgerEvent]) -> list[str]:
    return [e.id for e in events]


def test_events_order_is_date_nulls_last_then_life_cycle(filled: tuple[Store, LinkResult]) -> None:
    store, _ = filled
    # same date "2019": negotiation before delivery; undated last
    assert ids(store.events()) == ["e-order", "e-patriot", "e-k2neg", "e-k2", "e-deliv", "e-offer", "e-test"]
    assert ids(store.events(limit=2, offset=1)) == ["e-patriot", "e-k2neg"]
    assert store.events(offset=99) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"system": "s-400"}, ["e-order", "e-deliv", "e-offer", "e-test"]),
        ({"system": "S-4"}, []),  # canonical designation, not a substring
        ({"country": "pol"}, ["e-patriot", "e-k2neg", "e-k2"]),
        ({"country": "TUR"}, ["e-order", "e-deliv", "e-offer", "e-test"]),  # either side, and actor-only events
        ({"type": "delivery"}, ["e-k2", "e-deliv"]),
        ({"factuality": "reported"}, ["e-k2neg", "e-offer"]),
        ({"since": "2019-01-01"}, ["e-k2neg", "e-k2", "e-deliv", "e-offer"]),  # "2019" is within
        ({"until": "2019-06-30"}, ["e-order", "e-patriot", "e-k2neg", "e-k2"]),  # so is it here; 2019-07-12 is not
        ({"since": "2019-01-01", "until": "2019-06-30"}, ["e-k2neg", "e-k2"]),
        ({"since": "2019", "until": "2019"}, ["e-k2neg", "e-k2", "e-deliv"]),
        ({"until": "2018"}, ["e-order", "e-patriot"]),
        ({"since": "2017-10"}, ["e-patriot", "e-k2neg", "e-k2", "e-deliv", "e-offer"]),
        ({"story": "s1"}, ["e-order", "e-deliv"]),
        ({"story": "s2"}, ["e-offer", "e-test"]),  # e-test only via the story's event_ids
        ({"story": "none"}, []),
        ({"system": "K2", "country": "KOR", "type": "delivery"}, ["e-k2"]),
        ({"country": "RUS", "since": "2018", "factuality": "asserted"}, ["e-deliv"]),
    ],
)
def test_events_filters(filled: tuple[Store, LinkResult], filters: dict[str, str], expected: list[str]) -> None:
    store, link = filled
    found = store.events(**filters)
    assert ids(found) == expected
    by_id = {e.id: e for e in link.events}
    assert found == [by_id[i] for i in expected]  # with claims and stories


def test_search(filled: tuple[Store, LinkResult]) -> None:
    store, _ = filled
    assert ids(store.search("s400")) == ["e-order", "e-deliv", "e-offer", "e-test"]
    assert ids(store.search("S-400 rus delivery")) == ["e-deliv"]
    assert ids(store.search("patriot")) == ["e-patriot"]
    assert ids(store.search("K2", limit=1)) == ["e-k2neg"]
    assert store.search("   ") == [] and store.search("zzz") == []
    assert store.search("%") == []  # no wildcard semantics


def test_conflicts_and_deals_filters(filled: tuple[Store, LinkResult]) -> None:
    store, link = filled
    c = link.conflicts
    assert store.conflicts(story="s1") == [c[0]]  # through its articles a1, a4
    assert store.conflicts(story="s2") == [c[1]]
    assert store.conflicts(story="s3") == [c[2]]  # no articles named: through the story's events
    assert store.conflicts(story="none") == []
    assert store.deals(system="s-400") == [link.deals[0]]
    assert store.deals(country="pol") == [link.deals[1]]
    assert store.deals(system="K2", country="TUR") == []


# --- modes, versions, migrations ------------------------------------------------------------------


DRIVER_ERRORS: tuple[type[BaseException], ...] = (duckdb.Error,)
try:
    import psycopg

    DRIVER_ERRORS += (psycopg.Error,)
except ImportError:  # pragma: no cover
    pass


def test_read_only_cannot_write(url: str) -> None:
    with open_store(url) as s:
        s.add_records(make_records())
    with open_store(url, read_only=True) as ro:
        assert ro.read_only
        assert len(list(ro.records())) == 4
        with pytest.raises(ReadOnlyStoreError, match="read-only"):
            ro.add_records(make_records())
        with pytest.raises(ReadOnlyStoreError):
            ro.save_link(make_link(make_records()))
        with pytest.raises(DRIVER_ERRORS):  # the engine refuses too, not only our guard
            ro._run("CREATE TABLE intruder (a INTEGER)")
    if not url.startswith("postgresql"):
        assert not Path(url + ".lock").exists()


def test_newer_schema_version_asks_to_upgrade(url: str) -> None:
    with open_store(url) as s:
        s._set_meta("schema_version", "99")
    for read_only in (False, True):
        with pytest.raises(SchemaVersionError, match=r"schema version 99.*upgrade armsledger"):
            open_store(url, read_only=read_only)


def test_migrations_run_in_order_and_roll_back_on_failure(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(url) as s:
        s.add_records(make_records())

    def add_notes(store: Store) -> None:
        store._run("CREATE TABLE notes (article_id TEXT, note TEXT)")
        store._run("INSERT INTO notes SELECT id, 'migrated' FROM articles")

    def boom(store: Store) -> None:
        store._run("CREATE TABLE half_done (a INTEGER)")
        raise RuntimeError("migration bug")

    v2 = migrations.Migration(2, "notes", apply=add_notes)
    v3 = migrations.Migration(3, "broken", apply=boom)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, v2))
    with pytest.raises(SchemaVersionError, match="needs migrating to 2"):
        open_store(url, read_only=True)
    with open_store(url) as s:
        assert s.schema_version == 2
        assert s._query("SELECT count(*) FROM notes")[0][0] == 4
        assert len(list(s.records())) == 4
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, v3))
    with pytest.raises(RuntimeError, match="migration bug"):
        open_store(url)
    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], v2))
    with open_store(url) as s:
        assert s.schema_version == 2
        assert "half_done" not in s._table_names()


def test_version_less_store_with_foreign_tables_is_refused(url: str) -> None:
    with open_store(url) as s:
        s._run("DROP TABLE meta")
    with pytest.raises(StoreError, match="not an armsledger store"):
        open_store(url)


# --- DuckDB specifics -----------------------------------------------------------------------------


def test_memory_store_and_parent_dirs(tmp_path: Path) -> None:
    with open_store(":memory:") as s:
        assert s.add_records(make_records()) == (4, 0)
    with pytest.raises(StoreError, match="in-memory"):
        open_store(":memory:", read_only=True)
    deep = tmp_path / "a" / "b" / "ledger.duckdb"
    open_store(deep).close()
    assert deep.exists()
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


@pytest.mark.parametrize("kind", ["zero-byte", "duckdb-without-tables"])
def test_migrates_an_empty_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "empty.duckdb"
    if kind == "zero-byte":
        path.touch()
    else:
        duckdb.connect(str(path)).close()
    with open_store(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s._query("SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]


def test_not_a_duckdb_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("hello")
    with pytest.raises(StoreError, match="is it a DuckDB file"):
        open_store(path)


HOLD = textwrap.dedent(
    """
    import sys
    from armsledger.store import open_store
    s = open_store(sys.argv[1], read_only=sys.argv[2] == "ro")
    print("ready", flush=True)
    sys.stdin.readline()
    s.close()
    """
)
TRY_OPEN = "import sys\nfrom armsledger.store import open_store\nopen_store(sys.argv[1]).close()"


def test_second_writer_is_told_who_holds_the_store(tmp_path: Path) -> None:
    path = tmp_path / "ledger.duckdb"
    expected = f"store {path} is in use by PID {os.getpid()}; wait for it to finish or use another --db"
    with open_store(path):
        assert Path(f"{path}.lock").read_text().strip() == str(os.getpid())
        proc = subprocess.run([sys.executable, "-c", TRY_OPEN, str(path)], capture_output=True, text=True, timeout=60)
        assert proc.returncode != 0
        assert f"StoreLockedError: {expected}" in proc.stderr
        with pytest.raises(StoreLockedError) as err:  # a second open in the same process, too
            open_store(path)
        assert str(err.value) == expected
    assert not Path(f"{path}.lock").exists()
    proc = subprocess.run([sys.executable, "-c", TRY_OPEN, str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_stale_lock_of_a_dead_pid_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "ledger.duckdb"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    Path(f"{path}.lock").write_text(f"{dead.pid}\n")
    with open_store(path):
        assert Path(f"{path}.lock").read_text().strip() == str(os.getpid())


@pytest.mark.parametrize("holder", ["rw", "ro"])
def test_reader_and_writer_collide_with_a_clear_message(tmp_path: Path, holder: str) -> None:
    path = tmp_path / "ledger.duckdb"
    open_store(path).close()
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        if holder == "rw":  # a writer is running: the web server cannot open the file meanwhile
            with pytest.raises(StoreLockedError, match=rf"in use by PID {child.pid}; wait"):
                open_store(path, read_only=True)
        else:  # readers are running: a writer cannot open it (DuckDB forbids both at once)
            with pytest.raises(StoreLockedError, match=rf"in use by PID {child.pid}; wait"):
                open_store(path)
            assert not Path(f"{path}.lock").exists()  # the failed writer released its lock file
            with open_store(path, read_only=True) as ro:  # while other readers are welcome
                assert ro.counts()["articles"] == 0
    finally:
        child.communicate("\n", timeout=60)
