"""Extraction of large archives on Apache Spark: articles in, one Parquet row of extraction per article out.

    python -m armsledger.spark_job articles.jsonl records.parquet --master "local[2]"
    spark-submit --master yarn "$(python -c 'import armsledger.spark_job as m; print(m.__file__)')" \
        hdfs:///news/2025/ hdfs:///ledger/records/

    from armsledger.spark_job import run, read_records
    run("articles.jsonl", "records.parquet", master="local[2]")
    result = link(read_records("records.parquet"))   # linking runs on the records, never re-parses

The job does exactly what ``Extractor.extract_many`` does on one machine: rows
become :class:`~armsledger.model.Article` s (same fields, same content hash),
each partition streams through one Extractor per Python worker process (a
module-level lazy singleton, so the model is loaded once per executor process,
not per partition or row), and the records are written as Parquet.

Input: JSON Lines (``.jsonl``/``.ndjson``/``.json``, one article per line, a
file or a folder of them) or Parquet, with the corpus fields ``id, text,
outlet, published, title, url, language`` (others, like ``gold``, are ignored;
``source_path`` and ``hash`` are kept when present). Rows without text are
dropped.

Output (Parquet, one row per article; a folder of part files as Spark writes it):

=============================  =====================================================================
column                         content
=============================  =====================================================================
``ordinal``                    int64: the row's position in the input (``read_records`` sorts by it)
``id`` ... ``hash``            the Article fields (``id, text, outlet, published, title, url,
                               language, source_path, hash``), strings
``origin``                     list<string>: per-article origin (``["self"]`` or outlet names)
``systems``, ``countries``     list<string>: canonical systems, ISO3 codes mentioned
``cited``                      list<string>: outlets and agencies the article cites
``events``                     list<struct>: one struct per Event, fields as in ``model.Event``
                               (``type, supplier, recipient, system, date, factuality, source,
                               evidence, quantity, value`` strings; ``sentence, start, end`` int64;
                               ``source_kind`` string)
=============================  =====================================================================

Events are nested structs rather than JSON strings so the output can be
queried directly (``SELECT e.system, count(*) FROM 'records/*.parquet',
unnest(events) AS t(e) GROUP BY 1`` in DuckDB). ``story`` and ``conflicts``
are not written: they come from linking, which needs all records at once.

Requires PySpark (pinned in requirements.txt) and Java 17+ (``scripts/spark-setup.sh``).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from armsledger.model import Article, ArticleRecord, Event

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import DataType, StructType

    from armsledger.extract import Extractor

__all__ = ["ARTICLE_FIELDS", "JobSummary", "SparkUnavailableError", "article_from_row", "iter_records", "main",
           "read_records", "run"]

#: Article columns read from the input and written to the output, in output order.
ARTICLE_FIELDS: tuple[str, ...] = ("id", "text", "outlet", "published", "title", "url", "language", "source_path",
                                   "hash")
_LIST_FIELDS: tuple[str, ...] = ("origin", "systems", "countries", "cited")
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")


class SparkUnavailableError(RuntimeError):
    """PySpark or Java is missing; the message says how to install them."""


@dataclass(slots=True)
class JobSummary:
    """What one run wrote."""

    output: str
    records: int
    events: int
    seconds: float


# --- executor side -----------------------------------------------------------------------------

_EXTRACTOR: Extractor | None = None


def _extractor() -> Extractor:
    """The executor process's Extractor, built on first use and kept while the Python worker lives.

    Spark reuses Python worker processes across tasks (``spark.python.worker.reuse``),
    so the model is loaded once per worker process, not once per partition.
    """
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from armsledger.extract import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_row(row: dict[str, Any]) -> Article | None:
    """An Article from one input row (``None`` when it has no text), as the ingest readers build it.

    Same field rules as ``armsledger.ingest``: strings are trimmed, dates
    normalised to ISO, the language defaults to ``en``, and the content hash is
    computed from title and text unless the row carries one.
    """
    from armsledger.ingest import normalise_date

    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    raw_date = _clean(row.get("published"))
    return Article(
        id=_clean(row.get("id")) or "",
        text=text.strip(),
        outlet=_clean(row.get("outlet")),
        published=normalise_date(raw_date) if raw_date else None,
        title=_clean(row.get("title")),
        url=_clean(row.get("url")),
        language=_clean(row.get("language")) or "en",
        source_path=_clean(row.get("source_path")),
        hash=_clean(row.get("hash")) or "",
    )


def _event_tuple(event: Event) -> tuple[Any, ...]:
    return tuple(getattr(event, f.name) for f in dataclasses.fields(Event))


def record_to_row(ordinal: int, record: ArticleRecord) -> tuple[Any, ...]:
    """One output row, in the column order of :func:`output_schema`."""
    article = record.article
    return (
        ordinal,
        *(getattr(article, name) for name in ARTICLE_FIELDS),
        *(list(getattr(record, name)) for name in _LIST_FIELDS),
        [_event_tuple(e) for e in record.events],
    )


def _extract_partition(rows: Iterable[Any], batch_size: int = 32) -> Iterator[tuple[Any, ...]]:
    """mapPartitions body: stream a partition's rows through the worker's Extractor."""
    ordinals: dict[int, int] = {}

    def articles() -> Iterator[Article]:
        for row in rows:
            data = row.asDict()
            article = article_from_row(data)
            if article is None:
                continue
            ordinals[id(article)] = data["ordinal"]
            yield article

    for record in _extractor().extract_many(articles(), batch_size=batch_size):
        yield record_to_row(ordinals.pop(id(record.article)), record)


# --- schema ------------------------------------------------------------------------------------


def _spark_type(annotation: str) -> DataType:
    from pyspark.sql.types import LongType, StringType

    base = annotation.replace("None |", "").replace("| None", "").strip()
    if base == "str":
        return StringType()
    if base == "int":
        return LongType()
    raise TypeError(f"model.Event field type {annotation!r} has no Parquet mapping; extend spark_job._spark_type")


def output_schema() -> StructType:
    """The Parquet schema of the output; the event struct follows ``model.Event`` field by field."""
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

    event = StructType([StructField(f.name, _spark_type(str(f.type)), True) for f in dataclasses.fields(Event)])
    return StructType(
        [StructField("ordinal", LongType(), False)]
        + [StructField(name, StringType(), name != "id" and name != "text") for name in ARTICLE_FIELDS]
        + [StructField(name, ArrayType(StringType(), False), False) for name in _LIST_FIELDS]
        + [StructField("events", ArrayType(event, False), False)]
    )


def input_schema() -> StructType:
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(name, StringType(), True) for name in ARTICLE_FIELDS])


# --- driver side -------------------------------------------------------------------------------


def _require_spark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise SparkUnavailableError(
            "PySpark is not installed; install the pinned version with '.venv/bin/pip install -r requirements.txt'"
        ) from exc
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and (Path(java_home) / "bin" / "java").exists()):
        raise SparkUnavailableError(
            "Spark needs a Java runtime (17 or newer) and none was found; run 'bash scripts/spark-setup.sh' "
            "(installs openjdk-17-jre-headless) or set JAVA_HOME"
        )


def input_format(path: str) -> str:
    """``parquet`` or ``jsonl``, from the path: a ``.parquet`` file or a folder holding Parquet files is Parquet."""
    p = Path(path)
    if p.suffix.lower() == ".parquet":
        return "parquet"
    if p.suffix.lower() in JSON_SUFFIXES:
        return "jsonl"
    if p.is_dir():
        if any(p.glob("*.parquet")):
            return "parquet"
        if any(q.suffix.lower() in JSON_SUFFIXES for q in p.iterdir()):
            return "jsonl"
    if "://" in path:  # a remote folder we cannot list from here: Spark's own default
        return "parquet"
    raise ValueError(
        f"cannot tell the format of {path!r}: name it .jsonl or .parquet, or pass --format jsonl|parquet"
    )


def _read_articles(spark: SparkSession, path: str, fmt: str) -> DataFrame:
    from pyspark.sql import functions as F

    if fmt == "jsonl":
        df = spark.read.schema(input_schema()).option("mode", "PERMISSIVE").json(path)
    elif fmt == "parquet":
        df = spark.read.parquet(path)
        present = set(df.columns)
        df = df.select(
            *[(F.col(n) if n in present else F.lit(None)).cast("string").alias(n) for n in ARTICLE_FIELDS]
        )
    else:
        raise ValueError(f"unknown input format {fmt!r}; use jsonl or parquet")
    return df.withColumn("ordinal", F.monotonically_increasing_id())


def _session(master: str | None) -> tuple[SparkSession, bool]:
    """The active session, or a new one (second value: whether we created it and must stop it)."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    # The executors must run this interpreter (the one that has armsledger and spaCy installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.appName("armsledger-extract")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.python.worker.reuse", "true")
    )
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark, True


def run(
    input: str,
    output: str,
    master: str | None = None,
    *,
    fmt: str | None = None,
    partitions: int | None = None,
    batch_size: int = 32,
    overwrite: bool = False,
) -> JobSummary:
    """Extract every article of ``input`` (JSONL or Parquet) into Parquet records at ``output``.

    ``master`` is a Spark master URL (``local[2]``, ``spark://host:7077``, ``yarn``);
    ``None`` leaves it to ``spark-submit`` or PySpark's default (``local[*]``).
    ``partitions`` defaults to at least the cluster's default parallelism, so a
    single input file still keeps every core busy. An existing ``output`` is an
    error unless ``overwrite``.
    """
    _require_spark()
    started = time.perf_counter()
    if "://" not in output and Path(output).exists() and not overwrite:
        raise FileExistsError(f"{output} already exists; pass --overwrite to replace it, or choose another output")
    spark, created = _session(master)
    try:
        df = _read_articles(spark, input, fmt or input_format(input))
        target = partitions or max(df.rdd.getNumPartitions(), spark.sparkContext.defaultParallelism)
        if target != df.rdd.getNumPartitions():
            df = df.repartition(target)
        size = batch_size
        rows = df.rdd.mapPartitions(lambda part: _extract_partition(part, size))
        out = spark.createDataFrame(rows, output_schema(), verifySchema=False)
        out.write.mode("overwrite" if overwrite else "errorifexists").parquet(output)
        counts = spark.read.parquet(output).selectExpr("count(*) AS n", "coalesce(sum(size(events)), 0) AS e").first()
        return JobSummary(output=output, records=int(counts["n"]), events=int(counts["e"]),
                          seconds=time.perf_counter() - started)
    finally:
        if created:
            spark.stop()


# --- reading the output back -------------------------------------------------------------------


def _parquet_glob(output: str) -> str:
    p = Path(output)
    if p.is_dir():
        if not any(p.glob("*.parquet")):
            raise FileNotFoundError(f"{output} holds no Parquet files; is it the output of a finished spark_job run?")
        return str(p / "*.parquet")
    if not p.exists():
        raise FileNotFoundError(f"{output} does not exist; run 'python -m armsledger.spark_job INPUT {output}' first")
    return str(p)


def row_to_record(row: dict[str, Any]) -> ArticleRecord:
    """Inverse of :func:`record_to_row` (as a column-name dict)."""
    article = Article(**{name: row.get(name) for name in ARTICLE_FIELDS})
    return ArticleRecord(
        article=article,
        events=[Event.from_dict(e) for e in row.get("events") or []],
        **{name: list(row.get(name) or []) for name in _LIST_FIELDS},
    )


def iter_records(output: str, *, batch: int = 1000) -> Iterator[ArticleRecord]:
    """Stream the records of a finished run in input order, without Spark (DuckDB reads the Parquet)."""
    import duckdb

    con = duckdb.connect()
    try:
        cur = con.execute("SELECT * FROM read_parquet(?) ORDER BY ordinal", [_parquet_glob(output)])
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(batch):
            for values in rows:
                yield row_to_record(dict(zip(names, values, strict=True)))
    finally:
        con.close()


def read_records(output: str) -> list[ArticleRecord]:
    """All records of a finished run, in input order, ready for ``armsledger.link.link``."""
    return list(iter_records(output))


# --- command line ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m armsledger.spark_job",
        description="Extract arms-transfer records from a JSONL or Parquet archive of articles with Spark.",
    )
    parser.add_argument("input", help="JSONL file/folder or Parquet file/folder of articles")
    parser.add_argument("output", help="folder to write the Parquet records to")
    parser.add_argument("--master", default=None, help='Spark master URL, e.g. "local[2]" (default: PySpark\'s)')
    parser.add_argument("--format", dest="fmt", choices=("jsonl", "parquet"), default=None,
                        help="input format (default: from the name)")
    parser.add_argument("--partitions", type=int, default=None, help="partitions to extract in (default: cores)")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size in each worker")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing output")
    args = parser.parse_args(argv)
    try:
        summary = run(args.input, args.output, args.master, fmt=args.fmt, partitions=args.partitions,
                      batch_size=args.batch_size, overwrite=args.overwrite)
    except (SparkUnavailableError, FileExistsError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {summary.records} records with {summary.events} events to {summary.output} "
          f"in {summary.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    # Run through the importable module, not __main__: Spark ships functions of __main__ by value,
    # which would give every task fresh globals and so a fresh Extractor per partition.
    from armsledger.spark_job import main as _main

    sys.exit(_main())
