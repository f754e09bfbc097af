"""Extraction in a pool of worker processes, streamed and in input order.

Extraction is a pure function of one article (DESIGN.md), so the only
questions are how to feed the workers and how to keep memory flat:

* **One Extractor per worker.** Building the spaCy pipeline and the catalog
  matchers takes a few seconds, so each worker builds it once in the pool's
  initializer and keeps it for every chunk it is handed.
* **Chunks, a bounded window.** The input is cut into chunks of ``chunk``
  articles; at most ``in_flight`` chunks (default ``2 * workers``) are queued
  or running at once, and the next chunk is read from the input only when the
  oldest one has been handed back. A 10-million-article JSONL therefore never
  sits in memory, and neither do its records (``Pool.imap`` would read the
  whole input ahead).
* **Input order.** Chunks are handed back first-in first-out, so records come
  out in the order the articles went in, whatever worker finished first.
* **fork on Linux.** Workers start with the ``fork`` method where the platform
  has it: no new interpreter, and spaCy and the extractor modules, imported
  once in the parent, come along. Each worker
  still builds its own Extractor (the model load dominates start-up, about
  2-3 s, so ``forkserver`` and ``spawn`` start almost as fast; measured with
  ``bench/bench_extract.py --pool-only --start-method ...``). ``forkserver`` is
  the safer choice in a parent with many threads, ``spawn`` the only one on
  macOS and Windows (the default there).

    for record in extract_parallel(read_paths(["archive/"]), workers=2):
        store(record)
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING

from armsledger.model import Article, ArticleRecord

if TYPE_CHECKING:
    from armsledger.extract import Extractor

__all__ = ["WorkerDiedError", "default_start_method", "extract_parallel"]

START_METHODS: tuple[str, ...] = ("fork", "forkserver", "spawn")


class WorkerDiedError(RuntimeError):
    """A worker process ended abruptly (killed, out of memory); the run cannot go on."""


def default_start_method() -> str:
    """``fork`` where the platform has it (Linux), else ``spawn`` (macOS, Windows)."""
    return "fork" if "fork" in mp.get_all_start_methods() else "spawn"


# --- worker side -------------------------------------------------------------------------------

_WORKER_EXTRACTOR: Extractor | None = None
_WORKER_BATCH_SIZE = 32


def _make_extractor() -> Extractor:
    """The worker's Extractor (a seam: tests replace it before forking the pool)."""
    from armsledger.extract import Extractor

    return Extractor()


def _init_worker(batch_size: int) -> None:
    """Build the process's Extractor once, before any chunk arrives."""
    global _WORKER_EXTRACTOR, _WORKER_BATCH_SIZE
    # Ctrl-C goes to the whole process group; the parent decides how to stop, workers just finish.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_EXTRACTOR = _make_extractor()
    _WORKER_BATCH_SIZE = batch_size


def _extract_chunk(articles: list[Article]) -> list[ArticleRecord]:
    """Runs in a worker: one chunk through the process's Extractor."""
    extractor = _WORKER_EXTRACTOR
    if extractor is None:  # the initializer did not run (should not happen); build it here
        _init_worker(_WORKER_BATCH_SIZE)
        extractor = _WORKER_EXTRACTOR
    assert extractor is not None
    try:
        return list(extractor.extract_many(articles, batch_size=_WORKER_BATCH_SIZE))
    except Exception as exc:
        first, last = articles[0].id, articles[-1].id
        exc.add_note(f"while extracting the chunk of articles {first!r} .. {last!r} in worker process {os.getpid()}")
        raise


# --- parent side -------------------------------------------------------------------------------


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while piece := list(islice(it, size)):
        yield piece


def extract_parallel(
    articles: Iterable[Article],
    *,
    workers: int,
    batch_size: int = 32,
    chunk: int = 64,
    in_flight: int | None = None,
    start_method: str | None = None,
) -> Iterator[ArticleRecord]:
    """Extract ``articles`` in ``workers`` processes; records come out in input order.

    ``chunk`` articles travel to a worker together (fewer, larger messages);
    ``in_flight`` bounds how many chunks are read ahead of the consumer
    (default ``2 * workers``: one running and one queued per worker).
    ``batch_size`` is the ``nlp.pipe`` batch inside each worker. With
    ``workers=1`` the articles are extracted in this process, no pool.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if chunk < 1 or batch_size < 1:
        raise ValueError(f"chunk and batch_size must be at least 1, got chunk={chunk}, batch_size={batch_size}")
    if workers == 1:
        yield from _make_extractor().extract_many(articles, batch_size=batch_size)
        return
    method = start_method or default_start_method()
    if method not in mp.get_all_start_methods():
        raise ValueError(
            f"start method {method!r} is not available here; use one of {', '.join(mp.get_all_start_methods())}"
        )
    limit = max(1, in_flight if in_flight is not None else 2 * workers)
    if method == "fork":
        # import spaCy and the extractor once here: forked workers inherit the modules instead of each importing them
        import armsledger.extract  # noqa: F401
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=mp.get_context(method), initializer=_init_worker, initargs=(batch_size,)
    )
    pending: deque[Future[list[ArticleRecord]]] = deque()
    try:
        for piece in _chunks(articles, chunk):
            pending.append(pool.submit(_extract_chunk, piece))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool as exc:
        raise WorkerDiedError(
            "an extraction worker process died abruptly (killed, or out of memory); "
            "rerun with fewer --workers or a smaller chunk, or with --workers 1 to see the error in this process"
        ) from exc
    finally:
        # Reached on success, on an error and when the consumer stops early (generator closed):
        # drop queued chunks and let running ones finish so no worker is left behind.
        for fut in pending:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
