"""The process pool: same records as one process, in input order, bounded read-ahead, clear failures.

Most tests swap the worker's Extractor for a tiny fake (``parallel._make_extractor``
is replaced before the pool forks, so the workers inherit it): that keeps them
fast and lets them force what a real run only does by accident, such as chunks
finishing out of order or a worker dying. One test runs the real Extractor.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from armsledger import parallel
from armsledger.model import Article, ArticleRecord, Event

pytestmark = pytest.mark.skipif(
    "fork" not in mp.get_all_start_methods(), reason="the fakes reach the workers by fork inheritance (Linux)"
)

DEMO = Path(__file__).resolve().parents[1] / "src" / "armsledger" / "demo_data"


class FakeExtractor:
    """Records one event per article; sleeps longer on early chunks so later chunks finish first."""

    def __init__(self, fail_on: str | None = None, die_on: str | None = None) -> None:
        self.fail_on = fail_on
        self.die_on = die_on

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleRecord]:
        for article in articles:
            if article.id == self.fail_on:
                raise ValueError(f"cannot read {article.id}")
            if article.id == self.die_on:
                os._exit(3)
            n = int(article.id.split("-")[1])
            if n < 8:
                time.sleep(0.05 * (8 - n))
            yield ArticleRecord(article=article, events=[Event(type="order", evidence=str(os.getpid()))])


def _articles(n: int, pulled: list[int] | None = None) -> Iterator[Article]:
    for i in range(n):
        if pulled is not None:
            pulled.append(i)
        yield Article(id=f"a-{i}", text=f"Article number {i}.")


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch):
    def use(**kwargs: str) -> None:
        monkeypatch.setattr(parallel, "_make_extractor", lambda: FakeExtractor(**kwargs))

    use()
    return use


def test_records_come_back_in_input_order_from_several_workers(fake) -> None:
    records = list(parallel.extract_parallel(_articles(40), workers=2, chunk=2))
    assert [r.article.id for r in records] == [f"a-{i}" for i in range(40)]
    # both workers did part of the work (the fake writes its pid into each event)
    assert len({r.events[0].evidence for r in records}) == 2
    assert str(os.getpid()) not in {r.events[0].evidence for r in records}


def test_input_is_read_only_a_bounded_window_ahead(fake) -> None:
    pulled: list[int] = []
    stream = parallel.extract_parallel(_articles(10_000, pulled), workers=2, chunk=5, in_flight=3)
    first = next(stream)
    assert first.article.id == "a-0"
    assert len(pulled) <= 3 * 5  # in_flight chunks, not the whole input
    for _ in range(20):
        next(stream)
    assert len(pulled) <= 21 + 3 * 5
    stream.close()
    assert mp.active_children() == []  # closing early leaves no worker behind


def test_an_error_in_a_worker_names_the_chunk(fake) -> None:
    fake(fail_on="a-13")
    with pytest.raises(ValueError, match="cannot read a-13") as info:
        list(parallel.extract_parallel(_articles(30), workers=2, chunk=4))
    assert any("'a-12' .. 'a-15'" in note for note in getattr(info.value, "__notes__", []))
    assert mp.active_children() == []


def test_a_dying_worker_is_reported_not_hung(fake) -> None:
    fake(die_on="a-5")
    with pytest.raises(parallel.WorkerDiedError, match="--workers"):
        list(parallel.extract_parallel(_articles(30), workers=2, chunk=4))


def test_bad_arguments_are_refused_before_any_work() -> None:
    with pytest.raises(ValueError, match="workers must be at least 1"):
        next(parallel.extract_parallel([], workers=0))
    with pytest.raises(ValueError, match="chunk"):
        next(parallel.extract_parallel([], workers=2, chunk=0))
    with pytest.raises(ValueError, match="not available"):
        next(parallel.extract_parallel([Article(id="x", text="y")], workers=2, start_method="teleport"))


def test_empty_input_gives_no_records(fake) -> None:
    assert list(parallel.extract_parallel(iter([]), workers=2)) == []


def _demo_articles() -> list[Article]:
    """The demo stories, twice over under new ids, so the pool gets several chunks."""
    out = []
    for copy in range(2):
        for path in sorted(DEMO.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            out.append(Article(id=f"{data.get('id', path.stem)}-{copy}", text=data["text"], outlet=data.get("outlet"),
                               published=data.get("published"), title=data.get("title")))
    return out


def test_real_extractor_gives_the_same_records_as_one_process() -> None:
    from armsledger.extract import Extractor

    articles = _demo_articles()
    expected = [r.to_dict() for r in Extractor().extract_many(articles, batch_size=4)]
    got = [r.to_dict() for r in parallel.extract_parallel(articles, workers=2, batch_size=4, chunk=3)]
    assert got == expected
    assert sum(len(r["events"]) for r in got) > 0  # the comparison is about real extraction output
