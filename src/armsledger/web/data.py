"""What the pages and the JSON API show, computed once: each page renders the dict its API twin returns.

All store access goes through :class:`LedgerData`, which holds the read-only
store and serialises calls on it (Starlette runs sync handlers in a thread
pool; one DuckDB connection must not run two statements at once).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from armsledger.model import Article, Claim, Conflict, Deal, LedgerEvent, Story
from armsledger.store import Store

from .layout import date_span, disputes, graph_layout, story_origins, timeline_layout
from .params import EventFilter, NotFound

T = TypeVar("T")

# How many matches a free-text search considers before the other filters and paging apply.
SEARCH_CAP = 10_000
# Evidence context: a paragraph longer than this is cut around the evidence.
CONTEXT_CHARS = 900
STORY_SCAN_PAGE = 1000


# --- evidence highlighting ----------------------------------------------------------------------


def evidence_span(text: str, start: int | None, end: int | None, evidence: str) -> tuple[int, int] | None:
    """The character span of a claim's evidence in its article: the stored span when it is usable,
    else the first occurrence of the evidence text, else None."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return start, end
    if evidence:
        i = text.find(evidence)
        if i >= 0:
            return i, i + len(evidence)
    return None


def evidence_context(text: str, span: tuple[int, int] | None) -> dict[str, Any]:
    """The paragraph around a span as {before, mark, after}; the template wraps ``mark`` in <mark>."""
    if span is None:
        return {"before": "", "mark": "", "after": "", "found": False}
    start, end = span
    p0 = text.rfind("\n\n", 0, start)
    p0 = 0 if p0 < 0 else p0 + 2
    p1 = text.find("\n\n", end)
    p1 = len(text) if p1 < 0 else p1
    before, after = text[p0:start], text[end:p1]
    room = max(0, CONTEXT_CHARS - (end - start)) // 2
    if len(before) > room:
        before = "…" + before[len(before) - room :].lstrip()
    if len(after) > room:
        after = after[:room].rstrip() + "…"
    return {"before": before, "mark": text[start:end], "after": after, "found": True}


def highlight_paragraphs(text: str, spans: list[tuple[int, int, int]]) -> list[list[dict[str, Any]]]:
    """Split an article into paragraphs of segments, marking the spans.

    ``spans`` are (start, end, number) with ``number`` the 1-based index of the event they belong
    to; overlapping spans are merged and keep every number. Segments are plain text: the template
    escapes them, so highlighting can never inject markup.
    """
    merged: list[list[Any]] = []
    for s, e, n in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2].append(n)
        else:
            merged.append([s, e, [n]])
    paragraphs: list[list[dict[str, Any]]] = []
    pos = 0
    for block in text.split("\n\n"):
        b0, b1 = pos, pos + len(block)
        pos = b1 + 2
        segs: list[dict[str, Any]] = []
        cur = b0
        for s, e, ns in merged:
            if e <= b0 or s >= b1:
                continue
            s, e = max(s, b0), min(e, b1)
            if s > cur:
                segs.append({"text": text[cur:s], "mark": False})
            segs.append({"text": text[s:e], "mark": True, "events": sorted(set(ns))})
            cur = e
        if cur < b1:
            segs.append({"text": text[cur:b1], "mark": False})
        if any(seg["text"].strip() for seg in segs):
            paragraphs.append(segs)
    return paragraphs


# --- record -> dict -----------------------------------------------------------------------------


def article_meta(a: Article | None, article_id: str) -> dict[str, Any]:
    """The few article fields lists need (no text)."""
    if a is None:
        return {"id": article_id, "title": None, "outlet": None, "published": None, "url": None, "missing": True}
    return {"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published, "url": a.url,
            "missing": False}  # fmt: skip


def event_dict(e: LedgerEvent) -> dict[str, Any]:
    d = e.to_dict()
    d["disputed"] = disputes(e)
    return d


def _matches(e: LedgerEvent, f: EventFilter) -> bool:
    """The store's event filters, applied in Python to free-text search results."""
    if f.system and (e.system or "").casefold() != f.system.casefold():
        return False
    if f.country and f.country not in (e.supplier, e.recipient):
        return False
    if f.type and e.type != f.type:
        return False
    if f.factuality and e.factuality != f.factuality:
        return False
    if f.story and f.story not in e.stories:
        return False
    if f.since or f.until:
        if not e.date:
            return False
        if f.since and e.date[: len(f.since)] < f.since[: len(e.date)]:
            return False
        if f.until and e.date[: len(f.until)] > f.until[: len(e.date)]:
            return False
    return True


class LedgerData:
    """The read side of the ledger as the web UI needs it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()

    def _call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return fn(*args, **kwargs)

    def _article(self, article_id: str, cache: dict[str, Article | None]) -> Article | None:
        if article_id not in cache:
            cache[article_id] = self._call(self.store.article, article_id)
        return cache[article_id]

    # --- ledger-wide ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return self._call(self.store.counts)

    def find_events(self, f: EventFilter, *, limit: int, offset: int) -> dict[str, Any]:
        """Filtered events, one page of them, plus the offset of the next page (None on the last)."""
        truncated = False
        if f.q:
            hits = self._call(self.store.search, f.q, limit=SEARCH_CAP)
            truncated = len(hits) >= SEARCH_CAP
            hits = [e for e in hits if _matches(e, f)]
            page = hits[offset : offset + limit + 1]
        else:
            page = self._call(self.store.events, **f.store_kwargs(), limit=limit + 1, offset=offset)
        more = len(page) > limit
        return {
            "filters": f.query(),
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if more else None,
            "search_truncated": truncated,
            "events": [event_dict(e) for e in page[:limit]],
        }

    def search(self, q: str, *, limit: int) -> dict[str, Any]:
        hits = self._call(self.store.search, q, limit=limit)
        return {"q": q, "limit": limit, "events": [event_dict(e) for e in hits]}

    def timeline(self, f: EventFilter, *, limit: int) -> dict[str, Any]:
        """Events in date order with their positions on the time axis."""
        page = self.find_events(f, limit=limit, offset=0)
        events = [_event_from_dict(d) for d in page["events"]]
        layout = timeline_layout(events)
        for d in page["events"]:
            span = date_span(d["date"])
            d["date_range"] = [span[0].isoformat(), span[1].isoformat()] if span else None
        return {
            "filters": page["filters"],
            "limit": limit,
            "truncated": page["next_offset"] is not None,
            "events": page["events"],
            "layout": layout.to_dict(),
        }

    # --- one event ------------------------------------------------------------------------------

    def event(self, event_id: str) -> dict[str, Any]:
        """An event with each claim beside its source article and the evidence in context."""
        e = self._call(self.store.event, event_id)
        if e is None:
            raise NotFound("id", f"no event {event_id!r} in this ledger")
        cache: dict[str, Article | None] = {}
        claims = []
        for c in e.claims:
            a = self._article(c.article_id, cache)
            span = evidence_span(a.text, c.start, c.end, c.evidence) if a is not None else None
            context = evidence_context(a.text, span) if a is not None else evidence_context("", None)
            claims.append({"claim": c.to_dict(), "article": article_meta(a, c.article_id), "context": context})
        stories = [{"id": s, "title": (st.title if (st := self._call(self.store.story, s)) else None)}
                   for s in e.stories]  # fmt: skip
        return {"event": event_dict(e), "claims": claims, "stories": stories}

    # --- stories --------------------------------------------------------------------------------

    def stories(self, *, limit: int, offset: int) -> dict[str, Any]:
        rows = self._call(self.store.stories, limit=limit + 1, offset=offset)
        more = len(rows) > limit
        return {
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if more else None,
            "stories": [_story_dict(s) for s in rows[:limit]],
        }

    def _story(self, story_id: str) -> Story:
        s = self._call(self.store.story, story_id)
        if s is None:
            raise NotFound("id", f"no story {story_id!r} in this ledger")
        return s

    def story(self, story_id: str) -> dict[str, Any]:
        """A story: its articles, origin chain, merged events and conflicts (each value beside its articles)."""
        s = self._story(story_id)
        cache: dict[str, Article | None] = {}
        articles = [article_meta(self._article(a, cache), a) for a in s.article_ids]
        events = self._call(self.store.events, story=s.id, limit=1000)
        conflicts = [self._conflict(c, cache) for c in self._call(self.store.conflicts, story=s.id)]
        return {
            "story": _story_dict(s),
            "origins": story_origins(s, articles),
            "chains": origin_chains(s, articles),
            "articles": articles,
            "events": [event_dict(e) for e in events],
            "conflicts": conflicts,
        }

    def _conflict(self, c: Conflict, cache: dict[str, Article | None]) -> dict[str, Any]:
        sides = []
        for i, value in enumerate(c.values):
            ids = c.articles[i] if i < len(c.articles) else []
            sides.append({"value": value, "articles": [article_meta(self._article(a, cache), a) for a in ids]})
        d = c.to_dict()
        d["sides"] = sides
        return d

    def story_graph(self, story_id: str) -> dict[str, Any]:
        s = self._story(story_id)
        cache: dict[str, Article | None] = {}
        articles = [article_meta(self._article(a, cache), a) for a in s.article_ids]
        layout = graph_layout(s, articles)
        return {"story": _story_dict(s), "graph": layout.to_dict()}

    # --- deals and articles ---------------------------------------------------------------------

    def deals(self, *, system: str | None, country: str | None, limit: int, offset: int) -> dict[str, Any]:
        rows: list[Deal] = self._call(self.store.deals, system=system, country=country)
        page = rows[offset : offset + limit]
        deals = []
        # one query for the whole page, not one per linked event
        linked = self._call(self.store.events_by_id, [eid for deal in page for eid in deal.event_ids[:50]])
        for deal in page:
            d = deal.to_dict()
            # "order 2017", "delivery 2019": what each linked event is, so the register reads on its own
            d["events"] = [_event_summary(linked.get(eid), eid) for eid in deal.event_ids[:50]]
            deals.append(d)
        return {
            "filters": {k: v for k, v in (("system", system), ("country", country)) if v},
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if len(rows) > offset + limit else None,
            "total": len(rows),
            "deals": deals,
        }

    def article(self, article_id: str) -> dict[str, Any]:
        """An article with the events extracted from it, their evidence marked in the text."""
        a = self._call(self.store.article, article_id)
        if a is None:
            raise NotFound("id", f"no article {article_id!r} in this ledger")
        events = self._call(self.store.article_events, article_id)
        spans: list[tuple[int, int, int]] = []
        ev_dicts = []
        for i, ev in enumerate(events, start=1):
            span = evidence_span(a.text, ev.start, ev.end, ev.evidence)
            if span:
                spans.append((span[0], span[1], i))
            d = ev.to_dict()
            d["number"] = i
            d["located"] = span is not None
            ev_dicts.append(d)
        return {
            "article": a.to_dict(),
            "story": self._story_of(a.id),
            "events": ev_dicts,
            "paragraphs": highlight_paragraphs(a.text, spans),
        }

    def _story_of(self, article_id: str) -> dict[str, Any] | None:
        """The story an article belongs to (a scan over stories: the store has no reverse index)."""
        offset = 0
        while True:
            rows = self._call(self.store.stories, limit=STORY_SCAN_PAGE, offset=offset)
            for s in rows:
                if article_id in s.article_ids:
                    return {"id": s.id, "title": s.title}
            if len(rows) < STORY_SCAN_PAGE:
                return None
            offset += STORY_SCAN_PAGE


def _event_summary(e: LedgerEvent | None, event_id: str) -> dict[str, Any]:
    if e is None:
        return {"id": event_id, "type": None, "date": None, "factuality": None}
    return {"id": e.id, "type": e.type, "date": e.date, "factuality": e.factuality}


def _story_dict(s: Story) -> dict[str, Any]:
    d = s.to_dict()
    d["edges"] = [list(e) for e in s.edges]
    d["n_articles"] = len(s.article_ids)
    d["n_events"] = len(s.event_ids)
    return d


def _event_from_dict(d: dict[str, Any]) -> LedgerEvent:
    claims = [Claim(**c) for c in d["claims"]]
    return LedgerEvent(
        id=d["id"], type=d["type"], supplier=d["supplier"], recipient=d["recipient"], system=d["system"],
        date=d["date"], status=d["status"], factuality=d["factuality"], origins=list(d["origins"]), claims=claims,
        stories=list(d["stories"]),
    )  # fmt: skip


def origin_chains(s: Story, articles: list[dict[str, Any]]) -> list[list[dict[str, str]]]:
    """For each outlet of the story, the path of cites/echoes links back to the origin.

    Each chain is a list of steps {outlet, kind} from the outlet to the origin, e.g. Balkan
    Monitor -echoes-> Türkiye Today -cites-> Nefes; outlets with no path to the origin get a chain
    of one step.
    """
    origins = set(story_origins(s, articles))
    # Walked both ways: which end of an edge is the source is the linker's convention, and a chain
    # reads the same either way ("A -cites- B": A's report came through B).
    links: dict[str, list[tuple[str, str]]] = {}
    for src, dst, kind in s.edges:
        links.setdefault(src, []).append((dst, kind))
        links.setdefault(dst, []).append((src, kind))
    next_hop: dict[str, tuple[str, str]] = {}  # outlet -> (neighbour one step nearer the origin, kind)
    frontier = sorted(origins)
    reached = set(origins)
    while frontier:
        nxt = []
        for n in frontier:
            for m, kind in sorted(links.get(n, [])):
                if m not in reached:
                    reached.add(m)
                    next_hop[m] = (n, kind)
                    nxt.append(m)
        frontier = nxt
    chains = []
    outlets = list(dict.fromkeys(a["outlet"] for a in articles if a.get("outlet")))
    for outlet in outlets:
        if outlet in origins:
            continue
        chain = [{"outlet": outlet, "kind": ""}]
        cur = outlet
        while cur in next_hop and len(chain) < 50:
            nxt_outlet, kind = next_hop[cur]
            chain[-1]["kind"] = kind
            chain.append({"outlet": nxt_outlet, "kind": ""})
            cur = nxt_outlet
        chains.append(chain)
    return chains
