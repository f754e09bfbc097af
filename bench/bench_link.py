"""Benchmark: link 20,000 synthetic extraction records (most not about arms) and report time and memory.

    .venv/bin/python bench/bench_link.py [--n 20000] [--arms-share 0.1] [--seed 0] [--window-days 21]

Prints wall time of ``link()`` (records are generated beforehand), the peak
resident memory of the process, the story B-cubed F1 against the generator's
true story labels, and what was linked. Targets on a 2-core machine: under 2
minutes and under 2 GB for 20,000 records.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import synthetic_records  # noqa: E402

from armsledger.link import link  # noqa: E402

SCORE_PY = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def b_cubed(gold: dict[str, str], pred: dict[str, str]) -> float:
    """Story B-cubed F1 (the scorer's function when shared/ is present, else the same formula here)."""
    if SCORE_PY.is_file():
        spec = importlib.util.spec_from_file_location("armsledger_score", SCORE_PY)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return float(module.b_cubed(gold, pred)[2])
    g_cl: dict[str, set[str]] = defaultdict(set)
    p_cl: dict[str, set[str]] = defaultdict(set)
    for i in gold:
        g_cl[gold[i]].add(i)
        p_cl[pred[i]].add(i)
    prec = sum(len(g_cl[gold[i]] & p_cl[pred[i]]) / len(p_cl[pred[i]]) for i in gold) / len(gold)
    rec = sum(len(g_cl[gold[i]] & p_cl[pred[i]]) / len(g_cl[gold[i]]) for i in gold) / len(gold)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--arms-share", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--window-days", type=int, default=21)
    args = ap.parse_args()

    t0 = time.perf_counter()
    truth: dict[str, str] = {}
    records = list(synthetic_records(args.n, args.arms_share, args.seed, truth=truth))
    t_gen = time.perf_counter() - t0
    rss_before = peak_rss_mb()

    t1 = time.perf_counter()
    result = link(records, window_days=args.window_days)
    t_link = time.perf_counter() - t1
    rss_after = peak_rss_mb()

    pred = {r.article.id: r.story or "" for r in records}
    arms_ids = {r.article.id for r in records if r.events}
    arms_truth = {i: s for i, s in truth.items() if i in arms_ids}
    print(f"records          {len(records):>10,}  ({len(arms_ids):,} with events; generated in {t_gen:.1f} s)")
    print(f"link wall time   {t_link:>10.1f} s")
    print(f"peak RSS         {rss_after:>10.0f} MB  (before linking {rss_before:.0f} MB)")
    print(f"stories          {len(result.stories):>10,}")
    print(f"ledger events    {len(result.events):>10,}")
    print(f"conflicts        {len(result.conflicts):>10,}")
    print(f"deals            {len(result.deals):>10,}")
    print(
        f"story B3 F1      {b_cubed(truth, pred):>10.3f}  (arms articles only: "
        f"{b_cubed(arms_truth, {i: pred[i] for i in arms_truth}):.3f})"
    )


if __name__ == "__main__":
    main()
