"""The Spark job gives, article for article, what the local Extractor gives.

Runs Spark in local mode (``local[2]``, two partitions) on the dev corpus,
converted to a JSONL file and to a Parquet file. Spark needs PySpark and a Java
runtime: without them those tests skip with the reason on a developer machine
and fail under CI (``CI`` set), where ``scripts/spark-setup.sh`` must have run.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest

from armsledger.model import Article, ArticleRecord, Event

DEV = Path(os.environ.get("ARMSLEDGER_DEV_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"))


def _missing_pyspark() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "PySpark is not installed (pip install -r requirements.txt)"
    return None


def _missing_java() -> str | None:
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and (Path(java_home) / "bin" / "java").exists()):
        return "no Java runtime for Spark (bash scripts/spark-setup.sh)"
    return None


NO_PYSPARK, NO_JAVA = _missing_pyspark(), _missing_java()
if (NO_PYSPARK or NO_JAVA) and os.environ.get("CI"):
    pytest.fail(f"CI must run the Spark tests: {NO_PYSPARK or NO_JAVA}", pytrace=False)
pytestmark = pytest.mark.skipif(NO_PYSPARK is not None, reason=NO_PYSPARK or "")
needs_java = pytest.mark.skipif(NO_JAVA is not None, reason=NO_JAVA or "")

spark_job = pytest.importorskip("armsledger.spark_job")


# --- no Spark session needed -------------------------------------------------------------------


def test_rows_become_articles_like_ingest_makes_them() -> None:
    row = {"id": " d1 ", "text": "  Text.  ", "published": "2025-09-15T08:00:00Z", "outlet": "", "gold": {}}
    article = spark_job.article_from_row(row)
    assert article is not None
    assert (article.id, article.text, article.published, article.outlet, article.language) == (
        "d1", "Text.", "2025-09-15", None, "en")
    assert article.hash == Article(id="d1", text="Text.").hash
    assert spark_job.article_from_row({"id": "x", "text": "   "}) is None
    assert spark_job.article_from_row({"id": "x"}) is None


def test_output_schema_covers_every_event_field_and_round_trips() -> None:
    schema = spark_job.output_schema()
    event_fields = schema["events"].dataType.elementType.fieldNames()
    assert event_fields == [f.name for f in dataclasses.fields(Event)]
    record = ArticleRecord(
        article=Article(id="a", text="t", outlet="O", published="2025-01-02"),
        events=[Event(type="order", supplier="RUS", recipient="TUR", system="S-400", sentence=2, start=5, end=9)],
        systems=["S-400"], countries=["RUS", "TUR"], cited=["Nefes"], origin=["Nefes"],
    )
    row = spark_job.record_to_row(7, record)
    assert len(row) == len(schema.fields)
    named = dict(zip(schema.fieldNames(), row, strict=True))
    named["events"] = [dict(zip(event_fields, e, strict=True)) for e in named["events"]]
    assert spark_job.row_to_record(named).to_dict() == record.to_dict()


def test_input_format_is_told_by_name_or_refused(tmp_path: Path) -> None:
    assert spark_job.input_format(str(tmp_path / "a.jsonl")) == "jsonl"
    assert spark_job.input_format(str(tmp_path / "a.parquet")) == "parquet"
    with pytest.raises(ValueError, match="--format"):
        spark_job.input_format(str(tmp_path / "a.csv"))


# --- the job -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark():
    """One local[2] session for the module; run() uses it and leaves it running."""
    session, _created = spark_job._session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def dev_articles() -> list[Article]:
    from armsledger.ingest import read_paths

    if not DEV.is_dir():
        pytest.fail(f"the dev corpus is missing at {DEV}; set ARMSLEDGER_DEV_CORPUS", pytrace=False)
    articles = list(read_paths([DEV]))
    assert len(articles) >= 10
    return articles


@pytest.fixture(scope="module")
def local_records(dev_articles: list[Article]) -> list[dict]:
    from armsledger.extract import Extractor

    return [r.to_dict() for r in Extractor().extract_many(dev_articles)]


def _jsonl(articles: list[Article], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
        fh.write("\n")
        fh.write(json.dumps({"id": "empty", "text": ""}) + "\n")  # dropped, like ingest drops it
    return path


@needs_java
def test_spark_output_equals_local_extraction(spark, dev_articles, local_records, tmp_path: Path) -> None:
    source = _jsonl(dev_articles, tmp_path / "dev.jsonl")
    out = tmp_path / "records"
    summary = spark_job.run(str(source), str(out), "local[2]")
    assert summary.records == len(dev_articles)
    assert len(list(out.glob("*.parquet"))) == 2  # really split over two partitions
    got = [r.to_dict() for r in spark_job.read_records(str(out))]
    assert [r["article"]["id"] for r in got] == [a.id for a in dev_articles]  # input order
    assert got == local_records
    assert summary.events == sum(len(r["events"]) for r in local_records) > 0

    with pytest.raises(FileExistsError, match="--overwrite"):
        spark_job.run(str(source), str(out), "local[2]")


@needs_java
def test_parquet_input_gives_the_same_records(spark, dev_articles, local_records, tmp_path: Path) -> None:
    import duckdb

    source = _jsonl(dev_articles, tmp_path / "dev.jsonl")
    parquet = tmp_path / "dev.parquet"
    duckdb.execute(f"COPY (SELECT * FROM read_json_auto('{source}')) TO '{parquet}' (FORMAT parquet)")
    out = tmp_path / "records"
    spark_job.run(str(parquet), str(out), "local[2]", partitions=3)
    got = [r.to_dict() for r in spark_job.read_records(str(out))]
    assert got == local_records


def test_reading_a_missing_output_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="spark_job"):
        spark_job.read_records(str(tmp_path / "nothing"))
