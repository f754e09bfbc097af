"""The ``armsledger`` command: a thin shell over ``armsledger.api``.

Each command parses its options, calls the API and prints. Messages go to
stderr, data to stdout, so ``armsledger extract DIR --format jsonl > out.jsonl``
stays clean.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from armsledger import api
from armsledger.model import EVENT_TYPES, FACTUALITY, LedgerEvent

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

DB_OPTION = click.option(
    "--db",
    default=api.DEFAULT_DB,
    show_default=True,
    envvar="ARMSLEDGER_DB",
    help="Store: a DuckDB file path or a postgresql:// URL (env ARMSLEDGER_DB).",
)
FACT_STYLE = {
    "asserted": "green",
    "reported": "yellow",
    "speculated": "magenta",
    "planned": "cyan",
    "denied": "red",
    "negated": "red",
}


def _progress(total: int | None, label: str) -> Progress:
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


class _Group(click.Group):
    """Turns store errors (locked, wrong schema version, unreachable server) into one-line messages."""

    def invoke(self, ctx: click.Context) -> object:
        from armsledger.store import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="armsledger")
def main() -> None:
    """armsledger: turn news reports about arms transfers into a queryable ledger.

    \b
    Typical session:
      armsledger ingest articles/            # read, extract, store, link
      armsledger timeline "S-400 Türkiye"    # what happened, who says so
      armsledger stories                     # which reports are one story
      armsledger export --format csv > deals.csv
    Run any command with --help for its options and an example.
    """


# --- ingest ------------------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--outlet", help="Outlet for inputs that do not name one (plain text).")
@click.option("--published", help="Publication date YYYY-MM-DD for inputs that do not give one.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Extraction processes.")
@click.option("--quiet", "-q", is_flag=True, help="Only print the summary.")
def ingest(paths: Sequence[Path], db: str, outlet: str | None, published: str | None, workers: int,
           quiet: bool) -> None:
    """Read articles (JSON, JSONL, TXT, HTML, RSS/Atom or folders), extract events and store them.

    Re-ingesting the same articles changes nothing. Unreadable inputs are
    reported one line each and skipped; the exit code is 1 if anything was
    skipped, 0 otherwise.

    \b
    Example:
      armsledger ingest ../shared/corpus/seeds --outlet "Army Recognition" --published 2025-09-15
    """
    report = _run_ingest(paths, db, outlet, published, workers, quiet)
    _print_ingest_summary(report)
    sys.exit(1 if report.skipped else 0)


def _run_ingest(paths: Sequence[Path], db: str, outlet: str | None, published: str | None, workers: int,
                quiet: bool) -> api.IngestReport:
    def on_problem(problem: object) -> None:
        if not quiet:
            err.print(f"[yellow]{problem}[/]", markup=True, highlight=False)

    with api.Ledger(db) as ledger, _progress(None, "ingest") as bar:
        task = bar.add_task("ingest", total=None)
        return ledger.ingest(list(paths), outlet=outlet, published=published, workers=workers,
                             on_problem=on_problem, progress=lambda n: bar.advance(task, n))


def _print_ingest_summary(report: api.IngestReport) -> None:
    reasons: dict[str, int] = {}
    for p in report.skipped:
        reasons[p.kind] = reasons.get(p.kind, 0) + 1
    why = ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items()))
    err.print(
        f"read {report.read} articles: {report.added} ingested, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped{f' ({why})' if why else ''}, {len(report.warnings)} warnings; "
        f"{report.events} event claims extracted"
    )


# --- queries -----------------------------------------------------------------------------------


@main.command()
@DB_OPTION
@click.option("--system", help="Weapon system, any alias (S-400, 'SA-21 Growler', F-35A).")
@click.option("--country", help="ISO3 code or name of a state on either side (TUR, Türkiye, Ankara).")
@click.option("--type", "etype", type=click.Choice(EVENT_TYPES), help="Event type.")
@click.option("--factuality", type=click.Choice(FACTUALITY), help="Overall factuality.")
@click.option("--since", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest date.")
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
def events(db: str, system: str | None, country: str | None, etype: str | None, factuality: str | None,
           since: str | None, until: str | None, limit: int, as_json: bool) -> None:
    """List ledger events (merged across articles) with their independent sources.

    \b
    Example:
      armsledger events --system S-400 --country TUR --since 2019
    """
    sys_name, iso = _resolve(system, country)
    with api.Ledger(db, read_only=True) as ledger:
        rows = ledger.events(system=sys_name, country=iso, type=etype, factuality=factuality, since=since,
                             until=until, limit=limit)
    _print_events(rows, as_json, title="events")


@main.command()
@click.argument("query")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
def timeline(query: str, db: str, as_json: bool) -> None:
    """Chronological events for a system and/or a country, with factuality and source counts.

    \b
    Examples:
      armsledger timeline S-400
      armsledger timeline "S-400 Türkiye"
      armsledger timeline IND
    """
    with api.Ledger(db, read_only=True) as ledger:
        rows = ledger.timeline(query)
    _print_events(rows, as_json, title=f"timeline: {query}")


def _resolve(system: str | None, country: str | None) -> tuple[str | None, str | None]:
    from armsledger.catalog import load_catalog

    catalog = load_catalog()
    if system:
        found = catalog.find_system(system)
        system = found.designation if found else system
    if country:
        c = catalog.resolve_country(country)
        if c is None:
            raise click.BadParameter(f"unknown country {country!r}; use an ISO3 code such as TUR or a name",
                                     param_hint="--country")
        country = c.iso3
    return system, country


def _print_events(rows: list[LedgerEvent], as_json: bool, title: str) -> None:
    if as_json:
        for ev in rows:
            out.print(json.dumps(ev.to_dict(), ensure_ascii=False), markup=False)
        return
    if not rows:
        err.print("no events match; try a broader query, or ingest articles first (armsledger ingest PATH)")
        return
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("date", "event", "parties", "system", "factuality", "sources"):
        table.add_column(col, no_wrap=True)
    table.add_column("status / first claim", overflow="fold", min_width=30)
    for ev in rows:
        first = ev.claims[0] if ev.claims else None
        claim = f"{first.source}: “{first.evidence[:90]}”" if first else ""
        table.add_row(
            ev.date or "—",
            ev.type,
            f"{ev.supplier or '?'} → {ev.recipient or '—'}",
            ev.system or "—",
            f"[{FACT_STYLE.get(ev.factuality, 'white')}]{ev.factuality}[/]",
            str(ev.n_origins),
            f"{ev.status}\n[dim]{claim}[/]",
        )
    out.print(table)


@main.command()
@DB_OPTION
def stories(db: str) -> None:
    """List stories: groups of articles reporting the same new development.

    \b
    Example:
      armsledger stories
    """
    with api.Ledger(db, read_only=True) as ledger:
        rows = ledger.stories()
    if not rows:
        err.print("no stories yet; ingest articles first (armsledger ingest PATH)")
        return
    table = Table(title="stories")
    for col in ("story", "articles", "first", "last", "origin", "systems", "countries"):
        table.add_column(col, overflow="fold")
    for s in rows:
        table.add_row(s.id, str(len(s.article_ids)), s.first_published or "", s.last_published or "",
                      ", ".join(s.origin), ", ".join(s.systems), ", ".join(s.countries))
    out.print(table)


@main.command()
@click.argument("story_id")
@DB_OPTION
def story(story_id: str, db: str) -> None:
    """Show one story: its articles, origin chain, merged events and conflicts.

    \b
    Example:
      armsledger story tur-s400-offer-2025-09
    """
    with api.Ledger(db, read_only=True) as ledger:
        s = ledger.story(story_id)
        if s is None:
            known = ", ".join(x.id for x in ledger.stories()[:10])
            raise click.ClickException(f"no story {story_id!r}; known stories include: {known}")
        evs = ledger.events(story=story_id, limit=10_000)
        conflicts = ledger.store.conflicts(story=story_id)
        articles = [ledger.store.article(a) for a in s.article_ids]
    out.print(f"[bold]{s.id}[/]  {s.title}")
    out.print(f"origin: {', '.join(s.origin) or 'self'}   articles: {len(s.article_ids)}   "
              f"{s.first_published} … {s.last_published}")
    for a in articles:
        if a is not None:
            out.print(f"  • {a.published or '????-??-??'}  {a.outlet or '(unknown outlet)'}: {a.title or a.id}")
    if s.edges:
        out.print("provenance:")
        for src, dst, kind in s.edges:
            out.print(f"  {src} —{kind}→ {dst}")
    _print_events(evs, False, title="events in this story")
    if conflicts:
        out.print("[bold]conflicts[/]")
        for c in conflicts:
            ev = c.event
            out.print(f"  {c.field} of {ev.get('type')} {ev.get('supplier')}→{ev.get('recipient')} "
                      f"{ev.get('system') or ''}: {' vs '.join(c.values)}")
            if c.note:
                out.print(f"    [dim]{c.note}[/]")


@main.command()
@DB_OPTION
@click.option("--system", help="Weapon system.")
@click.option("--country", help="State on either side.")
def deals(db: str, system: str | None, country: str | None) -> None:
    """SIPRI-style trade register: one row per supplier, recipient and system.

    \b
    Example:
      armsledger deals --country IND
    """
    sys_name, iso = _resolve(system, country)
    with api.Ledger(db, read_only=True) as ledger:
        rows = ledger.deals(system=sys_name, country=iso)
    table = Table(title="deals")
    for col in ("supplier", "recipient", "system", "status", "ordered", "delivered", "number", "value"):
        table.add_column(col, overflow="fold")
    for d in rows:
        table.add_row(d.supplier or "?", d.recipient or "?", d.system or "?", d.status, d.order_year or "",
                      ", ".join(d.delivery_years), d.quantity or "", d.value or "")
    out.print(table)


# --- extract / export / evaluate ---------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "records"]), default="jsonl", show_default=True,
              help="jsonl: one line per article in the gold format of the annotation guide; "
                   "records: full records with spans, quantities and values.")
@click.option("--outlet", help="Outlet for inputs that do not name one.")
@click.option("--published", help="Publication date for inputs that do not give one.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Extraction processes.")
def extract(paths: Sequence[Path], fmt: str, outlet: str | None, published: str | None, workers: int) -> None:
    """Extract events from files without a database, printing one JSON line per article.

    The jsonl output is exactly what the scorer expects.

    \b
    Example:
      armsledger extract ../shared/corpus/dev --format jsonl > out.jsonl
      python ../shared/eval/score.py ../shared/corpus/dev out.jsonl
    """
    def on_problem(problem: object) -> None:
        err.print(f"[yellow]{problem}[/]")

    with _progress(None, "extract") as bar:
        task = bar.add_task("extract", total=None)
        result = api.extract_paths(list(paths), outlet=outlet, published=published, workers=workers,
                                   on_problem=on_problem, progress=lambda n: bar.advance(task, n))
    for record in result.records:
        line = record.gold() if fmt == "jsonl" else record.to_dict()
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "plover"]), default="jsonl", show_default=True,
              help="jsonl: ledger events with claims; csv: SIPRI-style deals; plover: PLOVER-style event JSON.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default stdout).")
def export(db: str, fmt: str, output: Path | None) -> None:
    """Export the ledger.

    \b
    Examples:
      armsledger export --format csv -o deals.csv
      armsledger export --format plover > events.plover.json
    """
    from armsledger import export as exporters

    with api.Ledger(db, read_only=True) as ledger:
        handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if fmt == "jsonl":
                n = exporters.write_jsonl(ledger.events(limit=1_000_000), handle)
            elif fmt == "csv":
                n = exporters.write_sipri_csv(ledger.deals(), handle)
            else:
                n = exporters.write_plover(ledger.events(limit=1_000_000), handle)
        finally:
            if output:
                handle.close()
    err.print(f"exported {n} {'deals' if fmt == 'csv' else 'events'}")


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this JSONL instead of extracting GOLD_DIR now.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Also write figures here.")
def evaluate(gold_dir: Path, predictions: Path | None, json_out: Path | None) -> None:
    """Score extraction against an annotated corpus (same figures as the project's score.py).

    \b
    Example:
      armsledger evaluate ../shared/corpus/dev
    """
    from armsledger import evaluate as ev

    gold = ev.load_gold(gold_dir)
    if not gold:
        raise click.ClickException(f"no annotated *.json files in {gold_dir}")
    if predictions:
        preds = ev.load_predictions(predictions)
    else:
        result = api.extract_paths([gold_dir])
        preds = {r.article.id: r.gold() for r in result.records}
    res = ev.score(gold, preds)
    out.print(ev.format_report(res), markup=False)
    if json_out:
        json_out.write_text(json.dumps(res, indent=1), encoding="utf-8")


# --- demo ---------------------------------------------------------------------------------------


def demo_paths() -> list[Path]:
    """The sample articles shipped in the package."""
    folder = resources.files("armsledger") / "demo_data"
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith(".json"))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--db", default=None, help="Store to use (default: a fresh demo.duckdb in the current folder).")
@click.option("--query", default="S-400 Türkiye", show_default=True, help="Timeline to print.")
def demo(paths: Sequence[Path], db: str | None, query: str) -> None:
    """Ingest sample articles and print the S-400 timeline and its stories.

    Without PATHS, uses the sample corpus shipped with armsledger (invented
    articles echoing the 2025 S-400 buy-back story, plus unrelated news).

    \b
    Examples:
      armsledger demo
      armsledger demo ../shared/corpus/dev/d01.json ../shared/corpus/dev/d02.json
    """
    inputs = list(paths) or demo_paths()
    target = db or "demo.duckdb"
    if db is None:
        for suffix in ("", ".wal", ".lock"):
            Path(target + suffix).unlink(missing_ok=True)
    err.print(f"demo: ingesting {len(inputs)} file(s) into {target}")
    report = _run_ingest(inputs, target, None, None, 1, False)
    _print_ingest_summary(report)
    with api.Ledger(target, read_only=True) as ledger:
        rows = ledger.timeline(query)
        story_rows = ledger.stories()
    _print_events(rows, False, title=f"timeline: {query}")
    if story_rows:
        out.print("[bold]stories[/]")
        for s in story_rows:
            out.print(f"  {s.id}: {len(s.article_ids)} article(s), origin {', '.join(s.origin) or 'self'}")
    err.print(f"explore further: armsledger stories --db {target}; armsledger story ID --db {target}")


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="ARMSLEDGER_TOKEN", help="Require this token (env ARMSLEDGER_TOKEN); "
              "mandatory when binding to a non-loopback address.")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the analyst web UI and JSON API (read-only on the store).

    \b
    Example:
      armsledger serve --db demo.duckdb   # then open http://127.0.0.1:8000
    """
    from armsledger.web import serve as run_server

    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        raise click.UsageError("binding to a non-loopback address needs --token (or ARMSLEDGER_TOKEN)")
    run_server(db, host=host, port=port, token=token)


if __name__ == "__main__":
    main()
