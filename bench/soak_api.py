"""Soak test of the web UI and JSON API: many requests, valid and invalid, against a real server.

    .venv/bin/python bench/soak_api.py [--n 10000] [--seed 0] [--max-seconds 900] [--db STORE] [--json OUT]

Builds a store from the demo corpus (``src/armsledger/demo_data``) in a temporary folder (or uses
``--db``), starts ``armsledger.web.serve`` in a subprocess on 127.0.0.1 at a free port, and sends
``--n`` requests over one keep-alive ``httpx`` client: every page and API endpoint, with valid
parameters and with the invalid ones a browser, a script or a scanner sends (bad numbers, unknown
parameters, control characters, overlong values, unknown ids, traversal paths, wrong methods).

It prints the request count, errors (5xx answers, connection errors, timeouts, and 200 answers
from the JSON API whose body is not JSON), 4xx answers, latency percentiles, and the server's
resident memory (``VmRSS`` from ``/proc``) before, during and after the run, so that a leak shows
as steady growth rather than a one-off warm-up step. Exit status 1 if there was any error.

Traffic goes to the loopback address only; the loop is bounded by ``--n`` and ``--max-seconds``,
and the server is stopped at the end, whatever happened.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

HOST = "127.0.0.1"  # loopback only: this tool never targets another address
DEMO = Path(__file__).resolve().parents[1] / "src" / "armsledger" / "demo_data"

SERVER = "import sys; from armsledger.web import serve; serve(sys.argv[1], host=sys.argv[2], port=int(sys.argv[3]))"


# --- server lifecycle -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def rss_kib(pid: int) -> int | None:
    """Resident memory of a process in KiB (Linux ``/proc``); None where unavailable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def build_demo_store(folder: Path) -> Path:
    """Ingest the demo corpus into a fresh DuckDB store (then closed, so the server can open it)."""
    from armsledger.api import Ledger

    db = folder / "soak.duckdb"
    with Ledger(db) as ledger:
        report = ledger.ingest(sorted(DEMO.glob("*.json")))
    if not report.added:
        raise SystemExit(f"soak: no demo articles ingested from {DEMO}: {[str(p) for p in report.problems]}")
    return db


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), HOST, str(port)], stdout=out,
                                stderr=subprocess.STDOUT)  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"soak: the server exited with {proc.returncode}; its log:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/openapi.json", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    stop_server(proc)
    raise SystemExit(f"soak: the server did not answer within 60 s; its log:\n{log.read_text()[-3000:]}")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # uvicorn shuts down cleanly on SIGINT
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# --- the request mix ------------------------------------------------------------------------------


@dataclass(slots=True)
class Ids:
    """Real ids from the store, so that valid requests reach the store and render real pages."""

    events: list[str]
    stories: list[str]
    articles: list[str]
    systems: list[str]
    countries: list[str]


def store_ids(db: Path) -> Ids:
    from armsledger.store import open_store

    store = open_store(db, read_only=True)
    try:
        events = store.events(limit=100_000)
        return Ids(
            events=[e.id for e in events],
            stories=[s.id for s in store.stories()],
            articles=[r.article.id for r in store.records()],
            systems=sorted({e.system for e in events if e.system}),
            countries=sorted({c for e in events for c in (e.supplier, e.recipient) if c}),
        )
    finally:
        store.close()


# method, path, params, and whether a 200 is the only right answer (valid ids, plain pages)
Request = tuple[str, str, dict[str, str] | list[tuple[str, str]] | None, bool]

JUNK = [
    "", " ", "'", "' OR 1=1 --", "\"; DROP TABLE articles; --", "%", "%%", "_", "\\", "../../etc/passwd",
    "<script>alert(1)</script>", "{{7*7}}", "${jndi:x}", "S-400" * 60, "Türkiye", "Россия", "😀", "\u202e",
    "a\x00b", "\x1b[31m", "9" * 40, "-1", "0", "1e9", "NaN", "null", "[]", "2025-02-30", "0000", "99999",
]  # fmt: skip
TYPES = ["order", "delivery", "offer", "negotiation", "cancellation", "test", "sanction", "bogus", "ORDER"]
FACTS = ["asserted", "reported", "denied", "speculated", "planned", "negated", "maybe"]
DATES = ["2017", "2019-07", "2019-07-12", "2025", "2025-09", "2025-13", "2019-02-30", "19", "later"]
STATIC = ["/static/app.css", "/static/app.js", "/static/favicon.svg"]
NOWHERE = ["/nope", "/api/nope", "/static/../pyproject.toml", "/static/%2e%2e/README.md", "/events/",
           "/api/stories//graph", "/articles/" + "x" * 300]  # fmt: skip


def request_mix(ids: Ids, rng: random.Random) -> list[tuple[int, str, Callable[[], Request]]]:
    """(weight, route, maker) triples; each maker draws one request. Roughly 60% valid, 40% invalid."""
    pick = rng.choice

    def event_filters(*, offset: bool = True) -> dict[str, str]:
        params: dict[str, str] = {}
        for name, values in (
            ("system", [*ids.systems, "Patriot", pick(JUNK)]),
            ("country", [*ids.countries, "Türkiye", "Ankara", "Atlantis", pick(JUNK)]),
            ("type", TYPES),
            ("factuality", FACTS),
            ("since", DATES),
            ("until", DATES),
            ("story", [*ids.stories, "no-such-story"]),
            ("q", ["S-400", "Türkiye S-400", "K2 Poland", "sold", pick(JUNK)]),
            ("limit", ["1", "10", "100", "1000", "1001", "0", "-5", "ten", "99999999999999"]),
            ("offset", ["0", "5", "100000", "-1", "x", str(2**31)]),
        ):
            if (offset or name != "offset") and rng.random() < 0.25:
                params[name] = pick(values)
        return params

    def by_id(prefix: str, known: list[str], suffix: str = "") -> Callable[[], Request]:
        """A page of one item: 80% a real id (must answer 200), 20% junk (must answer 4xx, never 5xx)."""

        def make() -> Request:
            valid = bool(known) and rng.random() < 0.8
            raw = pick(known) if valid else (pick(JUNK) or "x")
            return "GET", f"{prefix}{quote(raw, safe='')}{suffix}", None, valid

        return make

    return [
        # pages
        (8, "/", lambda: ("GET", "/", event_filters(), False)),
        (5, "/timeline", lambda: ("GET", "/timeline", event_filters(offset=False), False)),
        (5, "/events/{id}", by_id("/events/", ids.events)),
        (3, "/stories", lambda: ("GET", "/stories", pick([None, {"limit": "2"}, {"offset": "1"}, {"limit": "abc"}]),
                                 False)),  # fmt: skip
        (4, "/stories/{id}", by_id("/stories/", ids.stories)),
        (3, "/stories/{id}/graph", by_id("/stories/", ids.stories, "/graph")),
        (3, "/deals", lambda: ("GET", "/deals", pick([None, {"system": pick(ids.systems or ["S-400"])},
                                                      {"country": "POL"}, {"country": "Narnia"}, {"limit": "0"}]),
                               False)),  # fmt: skip
        (4, "/articles/{id}", by_id("/articles/", ids.articles)),
        (1, "/api", lambda: ("GET", "/api", None, True)),
        # JSON API
        (10, "/api/events", lambda: ("GET", "/api/events", event_filters(), False)),
        (6, "/api/events/{id}", by_id("/api/events/", ids.events)),
        (6, "/api/timeline", lambda: ("GET", "/api/timeline", event_filters(offset=False), False)),
        (6, "/api/search", lambda: ("GET", "/api/search", pick([
            {"q": pick(["S-400", "K2", "Türkiye", "sold back"])}, {"q": pick(JUNK)},
            {"q": "S-400", "limit": pick(["5", "0", "x"])}, None]), False)),  # fmt: skip
        (3, "/api/stories", lambda: ("GET", "/api/stories", pick([None, {"limit": "1", "offset": "1"},
                                                                  {"offset": "-3"}]), False)),  # fmt: skip
        (4, "/api/stories/{id}", by_id("/api/stories/", ids.stories)),
        (3, "/api/stories/{id}/graph", by_id("/api/stories/", ids.stories, "/graph")),
        (3, "/api/deals", lambda: ("GET", "/api/deals", pick([None, {"system": "K2"}, {"country": "TUR"},
                                                              {"bogus": "1"}]), False)),  # fmt: skip
        (4, "/api/articles/{id}", by_id("/api/articles/", ids.articles)),
        (1, "/api/openapi.json", lambda: ("GET", "/api/openapi.json", None, True)),
        (2, "/static/*", lambda: ("GET", pick(STATIC), None, True)),
        # plainly invalid: repeats, unknown parameters, wrong methods, unknown paths, traversal; and HEAD
        (2, "repeated param", lambda: ("GET", "/api/events", [("system", "S-400"), ("system", "K2")], False)),
        (2, "unknown param", lambda: ("GET", pick(["/api/events", "/", "/api/stories"]), {"sytem": "S-400"}, False)),
        (2, "wrong method", lambda: (pick(["POST", "PUT", "DELETE", "PATCH"]),
                                     pick(["/", "/api/events", "/api/search"]), None, False)),  # fmt: skip
        (2, "no such path", lambda: ("GET", pick(NOWHERE), None, False)),
        (2, "HEAD", lambda: ("HEAD", pick(["/", "/api/events", "/stories", "/static/app.css"]), None, True)),
    ]


# --- the run --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Results:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)  # what went wrong -> count
    unexpected: Counter[str] = field(default_factory=Counter)  # route -> non-200 answers where 200 was due
    by_route: dict[str, list[float]] = field(default_factory=dict)  # route -> latencies (ms)
    error_examples: list[str] = field(default_factory=list)
    rss_kib: list[tuple[int, int | None]] = field(default_factory=list)  # (requests sent, server RSS)

    def error(self, what: str, example: str) -> None:
        self.errors[what] += 1
        if len(self.error_examples) < 10:
            self.error_examples.append(example)


def soak(base: str, server_pid: int, ids: Ids, n: int, seed: int, max_seconds: float) -> tuple[Results, float]:
    rng = random.Random(seed)
    mix = request_mix(ids, rng)
    weights = [w for w, _, _ in mix]
    routes = [(name, make) for _, name, make in mix]
    res = Results()
    checkpoint = max(1, n // 10)
    res.rss_kib.append((0, rss_kib(server_pid)))
    deadline = time.monotonic() + max_seconds
    t_start = time.monotonic()
    with httpx.Client(base_url=base, timeout=10.0, follow_redirects=False) as client:
        for i in range(1, n + 1):
            if time.monotonic() > deadline:
                print(f"soak: stopped at the {max_seconds:.0f} s limit after {i - 1} requests", file=sys.stderr)
                break
            route, make = rng.choices(routes, weights)[0]
            method, path, params, must_succeed = make()
            label = f"{method} {path[:80]} {params!r}"[:300]
            t0 = time.perf_counter()
            try:
                response = client.request(method, path, params=params)
            except httpx.HTTPError as exc:
                res.latencies_ms.append((time.perf_counter() - t0) * 1000)
                res.error(f"transport: {type(exc).__name__}", f"{label}: {exc}")
                continue
            elapsed = (time.perf_counter() - t0) * 1000
            res.latencies_ms.append(elapsed)
            res.by_route.setdefault(route, []).append(elapsed)
            res.statuses[response.status_code] += 1
            if must_succeed and response.status_code != 200:
                res.unexpected[route] += 1
                res.error_examples.append(f"{label}: {response.status_code} where 200 was due")
            if response.status_code >= 500:
                res.error(f"HTTP {response.status_code}", f"{label}: {response.text[:200]}")
            elif response.status_code == 200 and method == "GET" and path.startswith("/api/"):
                try:
                    response.json()
                except ValueError:
                    res.error("API 200 with a non-JSON body", label)
            if i % checkpoint == 0:
                res.rss_kib.append((i, rss_kib(server_pid)))
    return res, time.monotonic() - t_start


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=1000, method="inclusive")[min(998, max(0, round(q * 1000) - 1))]


def report(res: Results, wall: float) -> dict[str, Any]:
    sent = len(res.latencies_ms)
    by_class = Counter(f"{s // 100}xx" for s in res.statuses.elements())
    rss = [kib for _, kib in res.rss_kib if kib is not None]
    summary = {
        "requests": sent,
        "seconds": round(wall, 1),
        "requests_per_second": round(sent / wall, 1) if wall else None,
        "errors": sum(res.errors.values()),
        "errors_by_kind": dict(res.errors),
        "status_classes": dict(sorted(by_class.items())),
        "statuses": dict(sorted(res.statuses.items())),
        "latency_ms": {
            "p50": round(percentile(res.latencies_ms, 0.50), 2),
            "p95": round(percentile(res.latencies_ms, 0.95), 2),
            "p99": round(percentile(res.latencies_ms, 0.99), 2),
            "max": round(max(res.latencies_ms), 2) if res.latencies_ms else None,
        },
        "server_rss_mib": {
            "before": round(rss[0] / 1024, 1) if rss else None,
            "after": round(rss[-1] / 1024, 1) if rss else None,
            "after_first_10pct": round(rss[1] / 1024, 1) if len(rss) > 1 else None,
            "samples": [(i, round(k / 1024, 1) if k else None) for i, k in res.rss_kib],
        },
        "unexpected_non_200": dict(res.unexpected),
        "p95_ms_by_route": {r: round(percentile(v, 0.95), 1) for r, v in sorted(res.by_route.items())},
        "error_examples": res.error_examples[:10],
    }
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="requests to send (default 10,000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the request mix")
    parser.add_argument("--max-seconds", type=float, default=900, help="stop sending after this long")
    parser.add_argument("--db", type=Path, help="an existing store to serve (default: the demo corpus, built anew)")
    parser.add_argument("--json", type=Path, help="also write the summary as JSON to this file")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")

    with tempfile.TemporaryDirectory(prefix="armsledger-soak-") as tmp:
        folder = Path(tmp)
        db = args.db or build_demo_store(folder)
        ids = store_ids(db)
        port = free_port()
        log = folder / "server.log"
        server = start_server(db, port, log)
        try:
            res, wall = soak(f"http://{HOST}:{port}", server.pid, ids, args.n, args.seed, args.max_seconds)
            res.rss_kib.append((len(res.latencies_ms), rss_kib(server.pid)))
            alive = server.poll() is None
        finally:
            stop_server(server)
        summary = report(res, wall)
        summary["server_alive_at_end"] = alive
        summary["store"] = {"events": len(ids.events), "stories": len(ids.stories), "articles": len(ids.articles)}
        if not alive:
            summary["errors"] += 1
            summary["server_log_tail"] = log.read_text(errors="replace")[-2000:]

    lat = summary["latency_ms"]
    mem = summary["server_rss_mib"]
    print(f"requests: {summary['requests']} in {summary['seconds']} s ({summary['requests_per_second']}/s) "
          f"over a store of {summary['store']}")  # fmt: skip
    print(f"errors (5xx, connection, bad JSON): {summary['errors']} {summary['errors_by_kind'] or ''}")
    print(f"4xx: {summary['status_classes'].get('4xx', 0)}   by status: {summary['statuses']}")
    print(f"non-200 where 200 was due (valid ids, plain pages): {summary['unexpected_non_200'] or 0}")
    print(f"latency ms: p50 {lat['p50']}  p95 {lat['p95']}  p99 {lat['p99']}  max {lat['max']}")
    print(f"server RSS MiB: before {mem['before']}, after 10% {mem['after_first_10pct']}, after {mem['after']}")
    print(f"  samples (requests, MiB): {mem['samples']}")
    slow = sorted(summary["p95_ms_by_route"].items(), key=lambda kv: -kv[1])[:5]
    print("  slowest routes by p95 ms: " + ", ".join(f"{r} {v}" for r, v in slow))
    for example in summary["error_examples"]:
        print(f"  error: {example}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
