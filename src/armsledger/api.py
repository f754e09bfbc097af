"""The Python API: everything the CLI and the web UI do goes through ``Ledger``.

    from armsledger import Ledger
    with Ledger("armsledger.duckdb") as ledger:
        report = ledger.ingest(["articles/"])
        for event in ledger.timeline("S-400"):
            print(event.date, event.type, event.status)

Data flows one way: ingest (read files) -> extract (per article) -> store
(idempotent by content hash) -> link (across all stored records) -> store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from armsledger.catalog import load_catalog
from armsledger.ingest import IngestStats, Problem, iter_files, read_paths
from armsledger.link import link
from armsledger.model import Article, ArticleRecord, Deal, LedgerEvent, LinkResult, Story
from armsledger.store import Store, open_store

DEFAULT_DB = "armsledger.duckdb"

ProgressFn = Callable[[int], None]


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: counts the CLI prints and the exit code depends on."""

    read: int = 0
    added: int = 0
    unchanged: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.skipped]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.skipped]


def _extractor():  # imported lazily: loading spaCy costs a second, and not every command needs it
    from armsledger.extract import Extractor

    return Extractor()


def extract_articles(articles: Iterable[Article], *, workers: int = 1, batch_size: int = 32) -> Iterator[ArticleRecord]:
    """Extract records from articles, in this process or in ``workers`` processes."""
    if workers <= 1:
        yield from _extractor().extract_many(articles, batch_size=batch_size)
        return
    from armsledger.parallel import extract_parallel

    yield from extract_parallel(articles, workers=workers, batch_size=batch_size)


def extract_paths(
    paths: Sequence[str | Path],
    *,
    outlet: str | None = None,
    published: str | None = None,
    workers: int = 1,
    on_problem: Callable[[Problem], None] | None = None,
    progress: ProgressFn | None = None,
) -> LinkResult:
    """Read, extract and link files without a database (``armsledger extract``)."""
    records = []
    for record in extract_articles(read_paths(paths, outlet=outlet, published=published, on_problem=on_problem),
                                   workers=workers):
        records.append(record)
        if progress:
            progress(1)
    return link(records)


class Ledger:
    """A ledger stored in DuckDB (a file path) or PostgreSQL (a ``postgresql://`` URL)."""

    def __init__(self, db: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.db = str(db)
        self.store: Store = open_store(db, read_only=read_only)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        outlet: str | None = None,
        published: str | None = None,
        workers: int = 1,
        batch_size: int = 200,
        on_problem: Callable[[Problem], None] | None = None,
        progress: ProgressFn | None = None,
    ) -> IngestReport:
        """Read, extract and store new articles, then relink the whole ledger.

        Articles already stored (same content hash) are neither re-extracted nor
        re-written, so re-running an ingest is cheap and changes nothing.
        """
        report = IngestReport()
        stats = IngestStats()

        def note(problem: Problem) -> None:
            if problem.kind == "duplicate":  # the same article twice in one run: nothing lost, nothing to do
                report.read += 1
                report.unchanged += 1
                return
            report.problems.append(problem)
            if on_problem:
                on_problem(problem)

        def fresh() -> Iterator[Article]:
            for article in read_paths(paths, outlet=outlet, published=published, on_problem=note, stats=stats):
                report.read += 1
                if progress:
                    progress(1)
                if self.store.has_article(article.hash):
                    report.unchanged += 1
                    continue
                yield article

        batch: list[ArticleRecord] = []
        for record in extract_articles(fresh(), workers=workers):
            batch.append(record)
            report.events += len(record.events)
            if len(batch) >= batch_size:
                added, unchanged = self.store.add_records(batch)
                report.added += added
                report.unchanged += unchanged
                batch = []
        if batch:
            added, unchanged = self.store.add_records(batch)
            report.added += added
            report.unchanged += unchanged
        if report.added or self.store.link_is_stale():
            self.relink()
        return report

    def relink(self) -> LinkResult:
        """Recompute stories, origins, merged events, conflicts and deals from all stored records."""
        result = link(list(self.store.records()))
        self.store.save_link(result)
        return result

    # --- reading -------------------------------------------------------------------------------

    def events(self, **filters: object) -> list[LedgerEvent]:
        return self.store.events(**filters)  # type: ignore[arg-type]

    def timeline(self, query: str, *, include_background: bool = True) -> list[LedgerEvent]:
        """Events about a system and/or country, in date order: "S-400", "TUR", "S-400 Türkiye"."""
        system, country = parse_query(query)
        return self.store.events(system=system, country=country, limit=10_000)

    def stories(self) -> list[Story]:
        return self.store.stories()

    def story(self, story_id: str) -> Story | None:
        return self.store.story(story_id)

    def deals(self, **filters: object) -> list[Deal]:
        return self.store.deals(**filters)  # type: ignore[arg-type]

    def counts(self) -> dict[str, int]:
        return self.store.counts()


def parse_query(query: str) -> tuple[str | None, str | None]:
    """Split a free query into a system designation and an ISO3 country ("S-400 Türkiye" -> S-400, TUR)."""
    catalog = load_catalog()
    words = query.split()
    system = country = None
    # try the longest word runs first so "Arrow 3" and "South Korea" stay whole
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i : i + size])
            if system is None and (found := catalog.find_system(chunk)):
                system = found.designation
                continue
            if country is None:
                c = catalog.resolve_country(chunk)
                if c:
                    country = c.iso3
    if system is None and country is None and query.strip():
        system = query.strip()
    return system, country


def files_to_read(paths: Sequence[str | Path]) -> int:
    """How many files a run will read (for a progress bar's total)."""
    return sum(1 for _ in iter_files(paths))
