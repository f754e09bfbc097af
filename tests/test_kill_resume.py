"""Kill an ingest with SIGKILL, run it again, and get exactly the store an uninterrupted run gives.

The design promises that "an interrupted run loses nothing already committed" and that
re-ingesting changes nothing. A user whose laptop sleeps, whose job is OOM-killed or who hits
Ctrl-C twice simply re-runs the command; this test checks that the re-run repairs everything:
no article lost, none stored twice, every article with all its events, and the linking result
(ledger events, stories, conflicts, deals) the same as if nothing had happened.

Two kinds of kill:

- random: ``armsledger ingest`` is killed after a random delay within the measured length of a
  run (seeded delays; where they land still depends on the machine's speed), whatever it was
  doing then;
- targeted: the CLI runs with one store method wrapped to SIGKILL the process at a chosen point
  (between two batch commits, inside a transaction, after the articles are committed but
  before linking is saved), so the narrow windows that a random delay rarely hits are tested
  on every run.

A random round takes about 6 s (a killed run plus a full run, each mostly spaCy start-up). The
20-round test (about 2 minutes) and the rarer targeted points are marked ``slow`` (about 2.5
minutes together); the default run keeps 3 random rounds and the two targeted points that matter
most (about 45 s). The slow ones alone: ``pytest -m slow tests/test_kill_resume.py``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from armsledger.store import open_store

CLI = [sys.executable, "-m", "armsledger.cli"]
N_ARTICLES = 60
SEED = 20250914
RUN_TIMEOUT = 180  # seconds for one ingest; a hang is a failure, not a stuck CI

# --- a tiny deterministic corpus -------------------------------------------------------------------

# (designation, supplier ISO3 and name, noun) — catalog systems, so extraction finds events
SYSTEMS = [
    ("S-400", "Russia", "air defence systems"),
    ("Su-35", "Russia", "fighter jets"),
    ("F-35", "the United States", "stealth fighters"),
    ("Patriot", "the United States", "air defence batteries"),
    ("Rafale", "France", "fighter jets"),
    ("Leopard 2", "Germany", "main battle tanks"),
    ("K2", "South Korea", "main battle tanks"),
    ("Bayraktar TB2", "Turkey", "armed drones"),
]
RECIPIENTS = [("India", "New Delhi"), ("Egypt", "Cairo"), ("Poland", "Warsaw"), ("Greece", "Athens"),
              ("Indonesia", "Jakarta"), ("Qatar", "Doha"), ("Brazil", "Brasilia"), ("Morocco", "Rabat")]  # fmt: skip
AGENCIES = ["Reuters", "AFP", "Bloomberg", "TASS"]
OUTLETS = ["Harbour Gazette", "Plain Wire", "Capital Dispatch", "Northern Ledger", "Coastal Times", "Daily Bulletin"]
FILLER = [
    "Analysts said the programme reflects a wider push to modernise the armed forces.",
    "Parliament is expected to debate the defence budget later this year.",
    "The ministry did not give further details.",
    "Officials declined to comment on the financing of the contract.",
]


def corpus_articles(n: int = N_ARTICLES, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` short articles: stories broken by an agency and echoed by outlets citing it.

    Each story gives the linker real work (several articles per story, an origin to trace, a
    background order and a delivery to merge across articles), so that a wrong resume shows up
    in the stories and ledger events and not only in the article table.
    """
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    story = 0
    while len(out) < n:
        story += 1
        system, supplier, noun = rng.choice(SYSTEMS)
        recipient, capital = rng.choice(RECIPIENTS)
        agency = rng.choice(AGENCIES)
        qty = rng.randint(4, 120)
        year = rng.randint(2012, 2021)
        month, day = rng.randint(1, 12), rng.randint(1, 20)
        lead = f"{recipient} has signed a contract to buy {qty} {system} {noun} from {supplier}"
        background = f"{recipient} first ordered the {system} in {year}, and deliveries began in {year + 2}."
        for k in range(rng.randint(2, 5)):
            if len(out) >= n:
                break
            outlet = agency if k == 0 else rng.choice(OUTLETS)
            if k == 0:
                text = f"{lead}, {agency} reported on Monday. {background}"
            elif k % 3 == 1:
                text = f"Citing {agency}, {outlet} said {lead}. {background}"
            elif k % 3 == 2:
                text = (f"{lead}, according to {agency}. Officials in {capital} denied that the deal had been "
                        f"signed. {background}")  # fmt: skip
            else:
                text = f"{supplier} will deliver the {system} {noun} to {recipient} next year, {agency} reported."
            text += "\n\n" + " ".join(rng.sample(FILLER, 2))
            out.append({
                "id": f"kr-{story:02d}-{k}",
                "outlet": outlet,
                "published": f"2025-{month:02d}-{day + k:02d}",
                "title": f"{recipient} and the {system}",
                "text": text,
            })  # fmt: skip
    return out


def write_corpus(folder: Path) -> Path:
    """One small JSON Lines file per article, as a crawler's inbox would hold them."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in corpus_articles():
        (folder / f"{article['id']}.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    return folder


# --- running the CLI ------------------------------------------------------------------------------

# Runs the real CLI with one store method wrapped to SIGKILL this process at a chosen point.
# KILL_AT names the point; ARMSLEDGER_TEST_BATCH (optional) sets the ingest batch size.
KILLER = r"""
import functools, os, signal, sys
from armsledger import api
from armsledger.store import duckdb_store
from armsledger.store.base import Store

point = os.environ["KILL_AT"]
calls = {"n": 0}

def die():
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)

batch = os.environ.get("ARMSLEDGER_TEST_BATCH")
if batch:
    api.Ledger.ingest = functools.partialmethod(api.Ledger.ingest, batch_size=int(batch))

if point == "second-batch":  # die as the second batch commits: the first is stored, the rest is not
    original_add = Store.add_records
    def add_records(self, records, **kw):
        calls["n"] += 1
        if calls["n"] == 2:
            die()
        return original_add(self, records, **kw)
    Store.add_records = add_records
elif point in ("claims-insert", "events-insert"):  # die inside an open write transaction
    table = {"claims-insert": "claims", "events-insert": "ledger_events"}[point]
    original_insert = duckdb_store.DuckDBStore._insert_many
    def _insert_many(self, name, cols, rows):
        if name == table and rows:
            die()
        return original_insert(self, name, cols, rows)
    duckdb_store.DuckDBStore._insert_many = _insert_many
elif point == "before-link":  # every article committed, linking not yet saved
    def relink(self):
        die()
    api.Ledger.relink = relink
elif point == "after-link":  # everything saved, the process dies before closing the store
    original_save = Store.save_link
    def save_link(self, result):
        original_save(self, result)
        die()
    Store.save_link = save_link
else:
    raise SystemExit(f"unknown KILL_AT {point!r}")

from armsledger.cli import main
sys.argv = ["armsledger", *sys.argv[1:]]
main()
"""


def ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [*CLI, "ingest", str(corpus), "--db", str(db), "--quiet"]


def run_ingest(corpus: Path, db: Path) -> subprocess.CompletedProcess[str]:
    """One uninterrupted ingest; it must succeed without a traceback."""
    proc = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, timeout=RUN_TIMEOUT)
    assert proc.returncode == 0, f"ingest failed ({proc.returncode}):\n{proc.stderr[-3000:]}"
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return proc


def snapshot(db: Path) -> dict[str, Any]:
    """Everything a user can see in the store, in an order-independent, comparable form."""
    store = open_store(db, read_only=True)
    try:
        records = list(store.records())
        dump = lambda obj: json.dumps(obj, sort_keys=True, ensure_ascii=False)  # noqa: E731
        return {
            "articles": sorted((r.article.id, r.article.hash) for r in records),
            "events": {r.article.id: sorted(dump(e.to_dict()) for e in r.events) for r in records},
            "links": {r.article.id: dump([r.story, r.origin, [c.to_dict() for c in r.conflicts]]) for r in records},
            "ledger": sorted(dump(e.to_dict()) for e in store.events(limit=1_000_000)),
            "stories": sorted(dump(s.to_dict()) for s in store.stories(limit=1_000_000)),
            "conflicts": sorted(dump(c.to_dict()) for c in store.conflicts()),
            "deals": sorted(dump(d.to_dict()) for d in store.deals()),
            "counts": store.counts(),
        }
    finally:
        store.close()


def assert_same_store(got: dict[str, Any], want: dict[str, Any], context: str) -> None:
    """Compare part by part, so a failure says what was lost or doubled rather than dumping both stores."""
    assert got["counts"] == want["counts"], f"{context}: row counts differ"
    for part in ("articles", "events", "links", "ledger", "stories", "conflicts", "deals"):
        if got[part] != want[part]:
            if isinstance(want[part], dict):
                diff = sorted(k for k in set(got[part]) | set(want[part]) if got[part].get(k) != want[part].get(k))
            else:
                diff = sorted(set(got[part]) ^ set(want[part]))
            pytest.fail(f"{context}: {part} differ from an uninterrupted run; first differences: {diff[:3]}")


def assert_no_orphans(db: Path) -> None:
    """An article is stored with all its events or not at all: never a claim without its article."""
    store = open_store(db, read_only=True)
    try:
        orphans = store._query("SELECT count(*) FROM claims WHERE article_seq NOT IN (SELECT seq FROM articles)")
        assert orphans[0][0] == 0, "claims without an article after a kill"
    finally:
        store.close()


# --- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("kill-resume") / "inbox")


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The store of an uninterrupted run, and how long that run took (the window for random kills)."""
    db = tmp_path_factory.mktemp("reference") / "ref.duckdb"
    t0 = time.monotonic()
    run_ingest(corpus, db)
    duration = time.monotonic() - t0
    snap = snapshot(db)
    # The corpus must exercise every part of the comparison, or a lossy resume could pass unnoticed.
    assert len(snap["articles"]) == N_ARTICLES
    assert sum(len(v) for v in snap["events"].values()) >= N_ARTICLES, "extraction found too few events"
    assert snap["ledger"] and snap["stories"], "linking produced no ledger events or stories"
    assert any(json.loads(s)["article_ids"][1:] for s in snap["stories"]), "no story has two articles"
    return {"snapshot": snap, "duration": duration}


# --- random kill points ---------------------------------------------------------------------------


def kill_and_resume(corpus: Path, db: Path, delay: float) -> str:
    """Start an ingest, SIGKILL it after ``delay`` seconds (if still running), then re-run it to the end."""
    proc = subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=delay)
        outcome = "finished before the kill"
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        outcome = "killed"
    finally:
        if proc.poll() is None:  # never leave a child behind, whatever failed above
            proc.kill()
            proc.wait()
    run_ingest(corpus, db)
    return outcome


def _rounds(n: int, corpus: Path, reference: dict[str, Any], tmp_path: Path) -> list[str]:
    rng = random.Random(SEED + n)
    outcomes = []
    for i in range(n):
        # within the run's measured length (less a margin: later runs may be a little faster)
        delay = rng.uniform(0.05, 0.9 * reference["duration"])
        db = tmp_path / f"round{i}.duckdb"
        outcome = kill_and_resume(corpus, db, delay)
        outcomes.append(outcome)
        assert_no_orphans(db)
        assert_same_store(snapshot(db), reference["snapshot"], f"round {i} ({outcome} at {delay:.2f}s)")
    return outcomes


def test_kill_at_random_points_then_resume_3_rounds(corpus: Path, reference: dict[str, Any], tmp_path: Path) -> None:
    outcomes = _rounds(3, corpus, reference, tmp_path)
    assert "killed" in outcomes, "no round killed the run; the corpus is too small for the kill window"


@pytest.mark.slow
def test_kill_at_random_points_then_resume_20_rounds(corpus: Path, reference: dict[str, Any], tmp_path: Path) -> None:
    outcomes = _rounds(20, corpus, reference, tmp_path)
    assert outcomes.count("killed") >= 10, f"too few rounds killed the run: {outcomes}"


@pytest.mark.slow
def test_two_uninterrupted_runs_give_the_same_store(corpus: Path, reference: dict[str, Any], tmp_path: Path) -> None:
    """The premise of every comparison here: ingest is deterministic across processes (hash seeds differ)."""
    db = tmp_path / "again.duckdb"
    run_ingest(corpus, db)
    assert_same_store(snapshot(db), reference["snapshot"], "a second uninterrupted run")


@pytest.mark.slow
def test_resume_after_a_completed_run_changes_nothing(corpus: Path, reference: dict[str, Any], tmp_path: Path) -> None:
    db = tmp_path / "twice.duckdb"
    run_ingest(corpus, db)
    again = run_ingest(corpus, db)
    assert f"0 ingested, {N_ARTICLES} unchanged" in again.stderr, again.stderr
    assert_same_store(snapshot(db), reference["snapshot"], "after re-ingesting a complete store")


# --- targeted kill points -------------------------------------------------------------------------

# (kill point, batch size): "second-batch" needs several batches to have one committed before the kill
TARGETED = [
    pytest.param("before-link", None, id="articles-committed-before-link"),
    pytest.param("second-batch", 20, id="between-batch-commits"),
    pytest.param("claims-insert", None, id="inside-article-transaction", marks=pytest.mark.slow),
    pytest.param("events-insert", None, id="inside-link-transaction", marks=pytest.mark.slow),
    pytest.param("after-link", None, id="after-link-saved", marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("point", "batch"), TARGETED)
def test_kill_at_a_chosen_point_then_resume(point: str, batch: int | None, corpus: Path,
                                            reference: dict[str, Any], tmp_path: Path) -> None:  # fmt: skip
    db = tmp_path / f"{point}.duckdb"
    env = {**os.environ, "KILL_AT": point}
    if batch:
        env["ARMSLEDGER_TEST_BATCH"] = str(batch)
    cmd = [sys.executable, "-c", KILLER, "ingest", str(corpus), "--db", str(db), "--quiet"]
    killed = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
    assert killed.returncode == -signal.SIGKILL, (
        f"the run was not killed at {point!r} (exit {killed.returncode}); the kill point is never reached:\n"
        f"{killed.stderr[-2000:]}"
    )
    run_ingest(corpus, db)
    assert_no_orphans(db)
    assert_same_store(snapshot(db), reference["snapshot"], f"killed at {point}")
