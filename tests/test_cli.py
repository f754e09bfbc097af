"""The CLI end to end through click's CliRunner: ingest, queries, extract, export, evaluate, demo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from armsledger.cli import demo_paths, main

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding the shipped demo corpus (ingested once for the module)."""
    db = str(tmp_path_factory.mktemp("cli") / "demo.duckdb")
    result = CliRunner().invoke(main, ["ingest", "--db", db, *map(str, demo_paths())])
    assert result.exit_code == 0, result.output
    return db


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, f"{args}: {result.output}"
    return result.output


@pytest.mark.parametrize(
    "command",
    ["ingest", "events", "timeline", "stories", "story", "deals", "extract", "export", "evaluate", "demo", "serve"],
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    text = run(command, "--help")
    assert "Example" in text
    assert "Usage: main" in text or "Usage: armsledger" in text or "Usage:" in text


def test_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    inputs = [str(DATA / "article.json"), str(DATA / "articles.jsonl")]
    first = CliRunner().invoke(main, ["ingest", "--db", db, *inputs])
    assert first.exit_code == 0, first.output
    # article.json and the first line of articles.jsonl are the same article: stored once
    assert "read 4 articles: 3 ingested, 1 unchanged, 0 skipped" in first.output
    from armsledger.store import open_store

    with open_store(db) as store:
        counts_before = store.counts()
    second = CliRunner().invoke(main, ["ingest", "--db", db, *inputs])
    assert second.exit_code == 0, second.output
    assert "read 4 articles: 0 ingested, 4 unchanged, 0 skipped" in second.output
    with open_store(db) as store:
        assert store.counts() == counts_before


def test_ingest_exit_code_says_something_was_skipped(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text("")
    db = str(tmp_path / "s.duckdb")
    result = CliRunner().invoke(main, ["ingest", "--db", db, str(empty), str(DATA / "article.json")])
    assert result.exit_code == 1
    assert "1 skipped" in result.output
    assert "1 ingested" in result.output


def test_timeline_shows_the_seed_story(demo_db: str) -> None:
    out = run("timeline", "S-400 Türkiye", "--db", demo_db, "--json")
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    keys = {(e["type"], e["date"]) for e in events}
    assert any(t == "order" and (d or "").startswith("2017") for t, d in keys), keys  # 2017, or 2017-09 if precise
    assert ("delivery", "2019-07-12") in keys
    assert ("test", "2020-10") in keys
    offers = [e for e in events if e["type"] == "offer" and e["supplier"] == "TUR" and e["recipient"] == "RUS"]
    assert offers, "the buy-back offer is missing"
    claims = [c for e in offers for c in e["claims"]]
    assert any(c["source"] == "Nefes" and c["factuality"] == "reported" for c in claims)
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates), "timeline must be chronological"


def test_events_filters(demo_db: str) -> None:
    out = run("events", "--db", demo_db, "--type", "delivery", "--country", "Türkiye", "--json")
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert events and all(e["type"] == "delivery" for e in events)
    assert all("TUR" in (e["supplier"], e["recipient"]) for e in events)
    bad = CliRunner().invoke(main, ["events", "--db", demo_db, "--country", "Atlantis"])
    assert bad.exit_code != 0 and "unknown country" in bad.output


def test_stories_and_story(demo_db: str) -> None:
    out = run("stories", "--db", demo_db)
    assert "stories" in out
    from armsledger.api import Ledger

    with Ledger(demo_db, read_only=True) as ledger:
        story_id = max(ledger.stories(), key=lambda s: len(s.article_ids)).id
    shown = run("story", story_id, "--db", demo_db)
    assert story_id in shown and "origin" in shown
    missing = CliRunner().invoke(main, ["story", "no-such-story", "--db", demo_db])
    assert missing.exit_code != 0 and "no story" in missing.output


def test_exports(demo_db: str, tmp_path: Path) -> None:
    out = run("export", "--db", demo_db, "--format", "jsonl")
    lines = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    assert lines and {"id", "type", "claims", "n_origins"} <= set(lines[0])
    target = tmp_path / "deals.csv"
    run("export", "--db", demo_db, "--format", "csv", "-o", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert rows and {"supplier", "recipient", "designation", "status"} <= set(rows[0])
    plover = tmp_path / "plover.json"
    run("export", "--db", demo_db, "--format", "plover", "-o", str(plover))
    records = json.loads(plover.read_text())
    assert records and all(r["event_type"] in {"AID", "AGREE", "SANCTION", "REJECT", "CONSULT", "COOPERATE",
                                               "MOBILIZE", "REDUCE", "RETREAT"} for r in records)


def test_extract_prints_the_gold_format() -> None:
    out = run("extract", str(CORPUS / "t01.json"), "--format", "jsonl")
    line = json.loads(out.strip().splitlines()[-1])
    assert set(line) == {"id", "story", "origin", "events", "conflicts"}
    assert line["id"] == "t01"
    for ev in line["events"]:
        assert set(ev) == {"type", "supplier", "recipient", "system", "date", "factuality", "source", "evidence"}


def test_evaluate_prints_the_scorer_figures_and_a_confusion_table() -> None:
    out = run("evaluate", str(CORPUS))
    assert "event_f1=" in out and "factuality confusion" in out


def test_demo_prints_the_timeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = run("demo")
    assert "timeline" in out and "S-400" in out
    assert "2019-07-12" in out and "2020-10" in out
    assert (tmp_path / "demo.duckdb").exists()
