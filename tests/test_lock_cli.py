"""Two processes, one DuckDB store: the second is told clearly who holds it, and nothing breaks.

DuckDB admits one writing process per file. Without armsledger's lock a second ``ingest`` would
die with DuckDB's own error, which names neither the other command nor what to do. The user must
instead see one line on stderr: the store, "in use by PID N", and a way out; the exit code must be
non-zero so scripts notice; and the first ingest must finish as if nothing had happened.

The first ingest is the real CLI with its extraction step held back until the test says go, so
the second process is guaranteed to arrive while the first holds the store (no timing races).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "armsledger.cli"]
TIMEOUT = 120

# The real `armsledger ingest`, paused after it has opened (and locked) the store and before it
# extracts anything, until the file named by GO_FILE exists.
PAUSED_INGEST = r"""
import os, sys, time
from armsledger import api

original = api.extract_articles
def extract_articles(articles, **kw):
    deadline = time.monotonic() + 120
    while not os.path.exists(os.environ["GO_FILE"]):
        if time.monotonic() > deadline:
            raise SystemExit("test never said go")
        time.sleep(0.05)
    yield from original(articles, **kw)
api.extract_articles = extract_articles

from armsledger.cli import main
sys.argv = ["armsledger", *sys.argv[1:]]
main()
"""

TEXTS = [
    "Poland has signed a contract to buy 180 K2 main battle tanks from South Korea, the ministry said on Monday.",
    "Russia delivered the first S-400 air defence systems to Turkey in July 2019, officials said.",
    "Egypt will receive 30 Rafale fighter jets from France next year, Reuters reported.",
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        article = {"id": f"lock-{i}", "outlet": "Test Wire", "published": "2025-09-1" + str(i), "text": text}
        (folder / f"a{i}.json").write_text(json.dumps(article), encoding="utf-8")
    return folder


def _wait_for_lock(lock: Path, pid: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the first ingest ended (exit {proc.returncode}) before it locked the store: "
                        f"{proc.stderr.read() if proc.stderr else ''}")  # fmt: skip
        if lock.exists() and lock.read_text().strip() == str(pid):
            return
        time.sleep(0.05)
    pytest.fail(f"the first ingest never wrote its PID {pid} into {lock}")


@pytest.fixture()
def holder(corpus: Path, tmp_path: Path):
    """A first ``armsledger ingest`` that holds the store until released; yields (process, db, go)."""
    db = tmp_path / "ledger.duckdb"
    go = tmp_path / "go"
    env = {**os.environ, "GO_FILE": str(go)}
    cmd = [sys.executable, "-c", PAUSED_INGEST, "ingest", str(corpus), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        _wait_for_lock(db.with_name(db.name + ".lock"), proc.pid, proc)
        yield proc, db, go
    finally:
        go.touch()
        try:
            proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()


def _assert_clear_refusal(result: subprocess.CompletedProcess[str], pid: int, db: Path) -> None:
    assert result.returncode != 0, "a refused command must exit non-zero so scripts notice"
    assert f"in use by PID {pid}" in result.stderr, result.stderr[-2000:]
    assert str(db.name) in result.stderr, "the message must name the store"
    assert "Traceback" not in result.stderr, (
        "the refusal is shown as a Python traceback instead of one clear line:\n" + result.stderr[-2000:]
    )
    assert len(result.stderr.strip().splitlines()) <= 3, result.stderr
    assert not result.stdout.strip(), "messages belong on stderr"


def test_second_ingest_is_refused_with_the_holders_pid(holder, corpus: Path) -> None:
    proc, db, go = holder
    second = subprocess.run([*CLI, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True,
                            timeout=TIMEOUT)  # fmt: skip
    assert proc.poll() is None, "the first ingest should still hold the store"
    _assert_clear_refusal(second, proc.pid, db)

    go.touch()  # the first ingest goes on and completes normally
    assert proc.wait(timeout=TIMEOUT) == 0, proc.stderr.read() if proc.stderr else ""
    assert not db.with_name(db.name + ".lock").exists(), "the lock file must go when its owner finishes"

    # ...and now the store is free: a re-run finds everything already there.
    again = subprocess.run([*CLI, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True,
                           timeout=TIMEOUT)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert f"0 ingested, {len(TEXTS)} unchanged" in again.stderr, again.stderr


def test_reader_during_an_ingest_is_refused_clearly(holder) -> None:
    """A query command while an ingest writes gets the same clear message, not DuckDB's."""
    proc, db, _ = holder
    reader = subprocess.run([*CLI, "events", "--db", str(db)], capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.poll() is None, "the ingest should still hold the store"
    _assert_clear_refusal(reader, proc.pid, db)
