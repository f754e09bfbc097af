"""Benchmark: end-to-end ``Ledger.ingest`` of many synthetic articles into a fresh DuckDB.

    .venv/bin/python bench/bench_ingest.py [--n 100000] [--arms-share 0.1] [--workers 1]
                                           [--slice 10000] [--dir DIR] [--keep]

Writes ``--n`` synthetic articles (``bench/synth.py``) to a JSONL file on disk,
then ingests that file into a new DuckDB database, streaming: nothing holds the
whole input. Prints the time taken by the first and the last ``--slice``
articles stored (the per-article cost must not grow with the size of the
store), every slice in between, the final relink, and the peak resident memory
of this process and of the extraction workers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import generate  # noqa: E402

from armsledger.api import Ledger  # noqa: E402
from armsledger.model import ArticleRecord, LinkResult  # noqa: E402


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def write_jsonl(path: Path, n: int, share: float, seed: int) -> int:
    """Stream ``n`` synthetic articles to ``path``; returns its size in bytes."""
    with path.open("w", encoding="utf-8") as fh:
        for article in generate(n, arms_share=share, seed=seed):
            fh.write(json.dumps({"id": article.id, "outlet": article.outlet, "published": article.published,
                                 "title": article.title, "text": article.text}, ensure_ascii=False))
            fh.write("\n")
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles to ingest (default 100000)")
    parser.add_argument("--arms-share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="extraction processes (as armsledger ingest --workers)")
    parser.add_argument("--slice", type=int, default=10_000, help="articles per timed slice (default 10000)")
    parser.add_argument("--dir", default=None, help="where to put the JSONL and the database (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the JSONL and the database afterwards")
    args = parser.parse_args(argv)
    if args.n < 1 or args.slice < 1:
        parser.error("--n and --slice must be positive")

    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="armsledger-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    source, db = work / "articles.jsonl", work / "bench.duckdb"
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    print(f"bench_ingest: {args.n} articles ({args.arms_share:.0%} arms), workers {args.workers}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    size = write_jsonl(source, args.n, args.arms_share, args.seed)
    print(f"  wrote {source} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")

    stored = 0
    marks: list[float] = []  # time at which each slice of stored articles was complete
    try:
        with Ledger(db) as ledger:
            store = ledger.store
            add_records = store.add_records

            def timed_add(records: Iterable[ArticleRecord], **kwargs: Any) -> tuple[int, int]:
                nonlocal stored
                batch = list(records)
                result = add_records(batch, **kwargs)
                before, stored = stored, stored + len(batch)
                for _ in range(before // args.slice, stored // args.slice):
                    marks.append(time.perf_counter())
                return result

            store.add_records = timed_add  # type: ignore[method-assign]
            begin = time.perf_counter()
            relink_at: list[float] = []
            relink = ledger.relink

            def timed_relink() -> LinkResult:
                relink_at.append(time.perf_counter())
                return relink()

            ledger.relink = timed_relink  # type: ignore[method-assign]
            report = ledger.ingest([str(source)], workers=args.workers)
            end = time.perf_counter()
            counts = ledger.counts()
    finally:
        if not args.keep and not args.dir:
            shutil.rmtree(work, ignore_errors=True)

    extract_end = relink_at[0] if relink_at else end
    slices = [b - a for a, b in zip([begin, *marks], marks, strict=False)]
    print(f"  ingest: read {report.read}, added {report.added}, unchanged {report.unchanged}, events {report.events}, "
          f"problems {len(report.problems)}")
    if slices:
        print(f"  first {args.slice} articles stored in {slices[0]:.1f} s; last full slice in {slices[-1]:.1f} s "
              f"(ratio last/first {slices[-1] / slices[0]:.2f})")
        print("  every slice (s): " + " ".join(f"{s:.1f}" for s in slices))
    print(f"  read+extract+store {extract_end - begin:.1f} s ({report.added / (extract_end - begin):.0f} art/s), "
          f"final relink {end - extract_end:.1f} s, total {end - begin:.1f} s")
    print(f"  peak RSS: this process {_peak_mb():.0f} MB, largest worker {_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    print(f"  store: {counts}")
    if args.keep or args.dir:
        print(f"  kept {source} and {db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
