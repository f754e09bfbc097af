"""Benchmark: extraction throughput against the bare spaCy pipeline, and the process pool's speed-up.

    .venv/bin/python bench/bench_extract.py [--n 2000] [--arms-share 0.1] [--arms-n 500]
                                            [--workers 2] [--batch-size 32] [--seed 0] [--start-method fork]

Prints, for a mix of synthetic news (``--arms-share`` of it about arms) and for
arms-only news:

* ``Extractor.extract_many`` — articles/s, tokens/s, peak RSS, events found;
* the baseline: the full ``en_core_web_sm`` pipeline (``nlp.pipe``, same texts,
  same batch size), measured in the same run — and the ratio of the two
  (issue 6 targets: >= 10x on the 10% mix, >= 2x on arms-only);
* ``extract_parallel(workers=W)`` against one process on the mix (target >= 1.7x
  with 2 workers on a 2-core machine).

Every measurement runs in a fresh interpreter (so peak RSS is its own and no
cache carries over); model loading is not timed, generation of the synthetic
articles neither. Throughput is wall-clock; CPU seconds are printed too,
because a busy machine slows wall time but hardly CPU time. The pool figure is
the steady rate once the first chunk has come back (worker start-up, about a
model load, is printed separately).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import generate  # noqa: E402

from armsledger.model import Article  # noqa: E402

WARM_UP = 8  # articles of another seed, run before timing (first calls allocate)


def _articles(n: int, share: float, seed: int) -> list[Article]:
    return list(generate(n, arms_share=share, seed=seed))


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _cpu(who: int | None = None) -> float:
    """CPU seconds used so far by this process and its finished children (or only by ``who``)."""
    if who is not None:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime
    return _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)


# --- measurements (each runs in its own spawned interpreter) -------------------------------------


def run_baseline(n: int, share: float, seed: int, batch_size: int) -> dict[str, Any]:
    """The full pipeline over the texts: what extraction costs without the first pass."""
    from armsledger.nlp import load_nlp

    nlp = load_nlp()
    list(nlp.pipe([a.text for a in _articles(WARM_UP, share, seed + 1)]))
    texts = [a.text for a in _articles(n, share, seed)]
    cpu, wall = _cpu(), time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return {"wall": time.perf_counter() - wall, "cpu": _cpu() - cpu, "tokens": tokens, "rss": _peak_mb(),
            "pipes": ",".join(nlp.pipe_names)}


def run_extract(n: int, share: float, seed: int, batch_size: int) -> dict[str, Any]:
    """``Extractor.extract_many`` in this process."""
    from armsledger.extract import Extractor

    extractor = Extractor()
    list(extractor.extract_many(_articles(WARM_UP, share, seed + 1)))
    articles = _articles(n, share, seed)
    tokens = sum(len(extractor.nlp.make_doc(a.text)) for a in articles)
    cpu, wall = _cpu(), time.perf_counter()
    events = sum(len(r.events) for r in extractor.extract_many(articles, batch_size=batch_size))
    return {"wall": time.perf_counter() - wall, "cpu": _cpu() - cpu, "tokens": tokens, "events": events,
            "rss": _peak_mb()}


def run_parallel(n: int, share: float, seed: int, batch_size: int, workers: int, start_method: str) -> dict[str, Any]:
    """``extract_parallel``: total time, and the steady rate after the first chunk (start-up excluded)."""
    from armsledger.parallel import extract_parallel

    # what starting the pool costs the workers (imports, model load): a pool run over a single article
    startup_cpu = _cpu(resource.RUSAGE_CHILDREN)
    list(extract_parallel(_articles(1, share, seed + 1), workers=workers, start_method=start_method))
    startup_cpu = _cpu(resource.RUSAGE_CHILDREN) - startup_cpu
    articles = _articles(n, share, seed)
    cpu, wall = _cpu(), time.perf_counter()
    parent_cpu, workers_cpu = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    first_at, first_count, events, count = None, 0, 0, 0
    for record in extract_parallel(articles, workers=workers, batch_size=batch_size, start_method=start_method):
        count += 1
        events += len(record.events)
        if first_at is None:
            first_at = time.perf_counter()
    end = time.perf_counter()
    # records arrive a chunk at a time: the first chunk's records all came at first_at
    first_count = min(64, count)
    steady = (count - first_count) / (end - first_at) if first_at and end > first_at else float("nan")
    parent_cpu = _cpu(resource.RUSAGE_SELF) - parent_cpu
    workers_cpu = _cpu(resource.RUSAGE_CHILDREN) - workers_cpu  # counted once the pool has joined its workers
    return {"wall": end - wall, "cpu": _cpu() - cpu, "events": events, "startup": (first_at or end) - wall,
            "parent_cpu": parent_cpu, "workers_cpu": workers_cpu, "startup_cpu": startup_cpu,
            "steady": steady, "rss": _peak_mb(), "rss_workers": _peak_mb(resource.RUSAGE_CHILDREN)}


def _in_fresh_process(fn: Any, *args: Any) -> dict[str, Any]:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


# --- report --------------------------------------------------------------------------------------


def _rates(label: str, r: dict[str, Any], n: int, tokens: int) -> str:
    return (f"  {label:<28} {n / r['wall']:8.1f} art/s {tokens / r['wall']:9.0f} tok/s   "
            f"cpu {r['cpu']:6.1f} s ({n / r['cpu']:7.1f} art/cpu-s)   peak RSS {r['rss']:5.0f} MB")


def compare(title: str, n: int, share: float, seed: int, batch_size: int) -> tuple[float, float]:
    base = _in_fresh_process(run_baseline, n, share, seed, batch_size)
    ext = _in_fresh_process(run_extract, n, share, seed, batch_size)
    tokens = base["tokens"]
    print(f"\n{title}: {n} articles, {tokens} tokens (seed {seed}, batch {batch_size})")
    print(f"  baseline pipeline: {base['pipes']}")
    print(_rates("baseline nlp.pipe", base, n, tokens))
    print(_rates("Extractor.extract_many", ext, n, tokens) + f"   events {ext['events']}")
    wall_ratio, cpu_ratio = base["wall"] / ext["wall"], base["cpu"] / ext["cpu"]
    print(f"  extractor / baseline: {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x cpu")
    return wall_ratio, cpu_ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in the mix (default 2000)")
    parser.add_argument("--arms-share", type=float, default=0.1, help="share of arms articles in the mix")
    parser.add_argument("--arms-n", type=int, default=None, help="arms-only articles (default: n / 4)")
    parser.add_argument("--workers", type=int, default=2, help="pool size to compare with one process (0: skip)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start-method", default=None, help="fork | forkserver | spawn (default: the platform's)")
    parser.add_argument("--pool-only", action="store_true", help="only the process-pool comparison")
    args = parser.parse_args(argv)
    from armsledger.parallel import default_start_method

    start_method = args.start_method or default_start_method()
    arms_n = args.arms_n or max(1, args.n // 4)
    print(f"bench_extract: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")

    mix = arms = None
    if not args.pool_only:
        mix = compare(f"mix ({args.arms_share:.0%} arms)", args.n, args.arms_share, args.seed, args.batch_size)
        arms = compare("arms-only", arms_n, 1.0, args.seed, args.batch_size)

    if args.workers and args.workers > 1:
        one = _in_fresh_process(run_extract, args.n, args.arms_share, args.seed, args.batch_size)
        many = _in_fresh_process(run_parallel, args.n, args.arms_share, args.seed, args.batch_size, args.workers,
                                 start_method)
        single_rate = args.n / one["wall"]
        print(f"\nprocess pool on the mix ({args.n} articles, start method {start_method}):")
        print(f"  1 process        {single_rate:8.1f} art/s (cpu {one['cpu']:.1f} s, peak RSS {one['rss']:.0f} MB)")
        print(f"  {args.workers} workers        {many['steady']:8.1f} art/s steady; {args.n / many['wall']:.1f} art/s "
              f"with {many['startup']:.1f} s start-up, cpu {many['cpu']:.1f} s (parent peak RSS {many['rss']:.0f} MB, "
              f"largest worker {many['rss_workers']:.0f} MB)")
        print(f"  speed-up {many['steady'] / single_rate:.2f}x steady, {one['wall'] / many['wall']:.2f}x end to end"
              f" (events {one['events']} vs {many['events']})")
        # What the pool would reach with the cores to itself: the extraction CPU is split over the workers, and
        # the parent (reading, pickling) competes with them for the cores. Start-up is left out, as above.
        work = max(many["workers_cpu"] - many["startup_cpu"], 1e-9)
        cores = min(args.workers, os.cpu_count() or 1)
        ideal = one["cpu"] / max(work / args.workers, (work + many["parent_cpu"]) / cores)
        print(f"  cpu: 1 process {one['cpu']:.1f} s; pool: workers {many['workers_cpu']:.1f} s (of which start-up "
              f"{many['startup_cpu']:.1f} s), parent {many['parent_cpu']:.1f} s "
              f"-> {ideal:.2f}x expected on {cores} otherwise idle cores")
    if mix and arms:
        print(f"\nsummary: extraction runs {mix[0]:.2f}x (target 10x) the full pipeline's speed on the mix, "
              f"{arms[0]:.2f}x (target 2x) on arms-only news")
    print(f"load average {os.getloadavg()[0]:.1f} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
