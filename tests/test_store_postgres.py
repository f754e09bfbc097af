"""PostgreSQL-specific store tests; the shared contract runs on both backends in test_store.py.

Needs a server: ``export ARMSLEDGER_TEST_PG=$(scripts/pg-start.sh)``. Without it the tests that
need one are skipped with that reason; with ``CI`` set they fail instead, so CI cannot skip them.
"""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from armsledger.model import (
    EVENT_TYPES,
    FACTUALITY,
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
from armsledger.store import Store, StoreError, open_store
from pg_server import PG_ENV, fresh_schemas, pg_url_or_skip, schema_url


@pytest.fixture
def new_schema_url() -> Iterator[Callable[[], str]]:
    """Makes URLs of fresh, empty schemas (dropped afterwards) on the test server."""
    with fresh_schemas() as make:
        yield make


# --- the skip/fail gate itself (no server needed) --------------------------------------------------


def test_without_a_server_the_tests_skip_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PG_ENV, raising=False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="scripts/pg-start.sh"):
        pg_url_or_skip()


def test_under_ci_a_missing_server_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PG_ENV, raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=f"{PG_ENV} is not"):
        pg_url_or_skip()


def test_unreachable_server_error_hides_the_password() -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as err:
        open_store("postgresql://someone:s3cret-pw@127.0.0.1:1/nothing?connect_timeout=3")
    assert "s3cret-pw" not in str(err.value)
    assert "someone:***@127.0.0.1:1" in str(err.value)


# --- against a server -------------------------------------------------------------------------------


def test_schema_missing_from_search_path_is_explained() -> None:
    with pytest.raises(StoreError, match="no schema on the search_path"):
        open_store(schema_url(pg_url_or_skip(), "no_such_schema_" + uuid.uuid4().hex[:6]))


def synthetic(seed: int, n_articles: int = 60, n_events: int = 80) -> tuple[list[ArticleRecord], LinkResult]:
    """Varied data that exercises sorting and matching: mixed date precision, case, Unicode, NULLs."""
    rnd = random.Random(seed)
    countries = ["TUR", "RUS", "POL", "KOR", "USA", "IND", None]
    systems = ["S-400", "K2", "Patriot", "F-35A", "Su-57E", "Bayraktar TB2", "ÇELİK", None]

    def date() -> str | None:
        y = rnd.randint(2015, 2026)
        return rnd.choice(
            [None, f"{y}", f"{y}-{rnd.randint(1, 12):02d}", f"{y}-{rnd.randint(1, 12):02d}-0{rnd.randint(1, 9)}"]
        )

    records = []
    for i in range(n_articles):
        events = [
            Event(
                type=rnd.choice(EVENT_TYPES),
                supplier=rnd.choice(countries),
                recipient=rnd.choice(countries),
                system=rnd.choice(systems),
                date=date(),
                factuality=rnd.choice(FACTUALITY),
                evidence=f"évidence {i}.{j}",
                start=j,
                end=j + 5,
                sentence=j,
            )
            for j in range(rnd.randint(0, 4))
        ]
        records.append(ArticleRecord(Article(id=f"art-{i % 50}", text=f"Text {i} — ünïcode", outlet="Ö"), events))
    events = []
    for k in range(n_events):
        arts = rnd.sample(range(n_articles), rnd.randint(1, 3))
        events.append(
            LedgerEvent(
                id=f"ev-{k:03d}",
                type=rnd.choice(EVENT_TYPES),
                supplier=rnd.choice(countries),
                recipient=rnd.choice(countries),
                system=rnd.choice(systems),
                date=date(),
                status="s",
                factuality=rnd.choice(FACTUALITY),
                origins=[f"o{a}" for a in arts],
                claims=[
                    Claim(
                        article_id=f"art-{a}",
                        outlet="X",
                        published=date(),
                        source="self",
                        factuality="asserted",
                        evidence="e",
                        date=date(),
                    )
                    for a in arts
                ],
                stories=[f"st-{k % 7}"],
            )
        )
    stories = [Story(id=f"st-{s}", title=f"Story {s}", article_ids=[f"art-{s}"]) for s in range(7)]
    conflicts = [
        Conflict(field="date", event={"type": "order"}, values=["2019", "2020"], articles=[[f"art-{c}"]])
        for c in range(10)
    ]
    deals = [
        Deal(id=f"d{d}", supplier="RUS", recipient=rnd.choice(countries), system=rnd.choice(systems), status="ordered")
        for d in range(12)
    ]
    records += records[:5]  # exact duplicates: unchanged on re-add
    return records, LinkResult(records=records, stories=stories, events=events, conflicts=conflicts, deals=deals)


def test_same_data_gives_the_same_results_as_duckdb(new_schema_url: Callable[[], str], tmp_path: Path) -> None:
    records, link = synthetic(seed=7)
    stores: list[Store] = [open_store(tmp_path / "ledger.duckdb"), open_store(new_schema_url())]
    try:
        answers = []
        for s in stores:
            added = s.add_records(records, batch_size=16)
            s.save_link(link)
            queries = [
                added,
                s.renamed,
                s.counts(),
                list(s.records()),
                s.stories(),
                s.conflicts(),
                s.deals(),
                s.conflicts(story="st-3"),
                s.deals(system="k2"),
                s.deals(country="tur"),
                s.events(),
                s.events(limit=7, offset=5),
                s.events(system="su-57e"),
                s.events(country="pol"),
                s.events(since="2019-03-01"),
                s.events(until="2020"),
                s.events(since="2018", until="2018-06"),
                s.events(type="delivery", factuality="asserted"),
                s.events(story="st-2"),
                s.search("s400"),
                s.search("ÇELİK"),
                s.search("çelik"),
                s.search("tb2 tur"),
                s.search("order"),
            ]
            answers.append(queries)
        duck, pg = answers
        for i, (a, b) in enumerate(zip(duck, pg, strict=True)):
            assert a == b, f"query #{i} differs between DuckDB and PostgreSQL"
        assert duck[0][1] > 0 and duck[1]  # the data did exercise duplicates and id versions
        assert len(duck[10]) == len(link.events)
    finally:
        for s in stores:
            s.close()


def test_concurrent_writers_are_serialised(new_schema_url: Callable[[], str]) -> None:
    url = new_schema_url()
    open_store(url).close()
    # Same ids, different texts from each writer: ids must still get distinct versions, hashes stay unique.
    shared = [ArticleRecord(Article(id=f"c{i}", text=f"shared {i}")) for i in range(60)]
    results: dict[str, tuple[int, int]] = {}
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            with open_store(url) as s:
                own = [ArticleRecord(Article(id=f"c{i}", text=f"{name} {i}")) for i in range(60)]
                mixed = [r for pair in zip(shared, own, strict=True) for r in pair]
                results[name] = s.add_records(mixed, batch_size=5)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("w1", "w2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert sum(a for a, _ in results.values()) == 180  # 60 shared once + 60 own each
    assert sum(u for _, u in results.values()) == 60
    with open_store(url, read_only=True) as s:
        stored = list(s.records())
        assert len(stored) == 180
        assert len({r.article.id for r in stored}) == 180
        assert len({r.article.hash for r in stored}) == 180
        assert {r.article.id for r in stored if r.article.id.startswith("c0")} == {"c0", "c0~v2", "c0~v3"}
