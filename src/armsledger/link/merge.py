"""Merge: one ledger event per real-world event, backed by every claim about it.

Claims share an event when they have the same key (type, supplier, recipient,
system) and their dates can be one moment. Instances of a key are built in
this order, so that the result does not depend on input order:

1. claims with the same date are one instance;
2. claims whose dates a story conflict ties together ("2017-09" vs "2017-12"
   for one contract) are one instance: the disagreement is kept as a conflict,
   not turned into two events;
3. a coarser date joins the finer instance it contains ("2019-07" joins
   "2019-07-12"; if it contains several, the best supported one);
4. an undated claim joins an instance of its own story — the nearest in time
   (within the window) when it is the article's central claim, the best
   supported one when it is background — else any instance, else the undated
   instance of the key. A claim that something happened (not a plan or a
   guess) never joins an instance that starts after its article appeared.

The event's date is the most precise, then most common, date among asserted
claims (else reported, else planned). Overall factuality is the strongest
reading (asserted > reported > planned > speculated > denied > negated);
denials stay visible in ``status``. Origins are independent: echoes of one
outlet count once, and each article that is its own reporting counts as its
outlet. Ids hash the key and the date, so they survive relinking.
"""

from __future__ import annotations

import re
from collections import Counter

from armsledger.catalog import load_catalog
from armsledger.link.common import (
    EventKey,
    UnionFind,
    compatible,
    date_span,
    event_key,
    gap_days,
    norm_name,
    precision,
    published_span,
    stable_hash,
)
from armsledger.link.conflicts import Finding
from armsledger.link.origins import claim_origin
from armsledger.link.stories import StoryPlan
from armsledger.model import ArticleRecord, Claim, LedgerEvent

FACTUALITY_RANK = ("asserted", "reported", "planned", "speculated", "denied", "negated")


def build_events(
    records: list[ArticleRecord], plan: StoryPlan, findings: list[Finding], window_days: int
) -> tuple[list[LedgerEvent], dict[int, list[str]]]:
    """Ledger events (in time order of their first claim) and, per record index, the ids of the events it backs.

    Each record's list starts with the event of its central claim.
    """
    by_key: dict[EventKey, list[tuple[int, int]]] = {}
    for i in plan.order:
        for j, ev in enumerate(records[i].events):
            by_key.setdefault(event_key(ev), []).append((i, j))
    links: dict[EventKey, list[list[tuple[int, int]]]] = {}
    for f in findings:
        if f.conflict.field == "date" and f.claims:
            i, j = f.claims[0]
            links.setdefault(event_key(records[i].events[j]), []).append(f.claims)

    events: list[LedgerEvent] = []
    event_of: dict[tuple[int, int], str] = {}
    used_ids: set[str] = set()
    for key in sorted(by_key, key=lambda k: tuple(x or "" for x in k)):
        for instance in _instances(records, plan, by_key[key], links.get(key, []), window_days):
            event = _ledger_event(records, plan, key, instance, used_ids)
            events.append(event)
            for claim in instance:
                event_of[claim] = event.id
    events.sort(key=lambda e: (e.claims[0].published or "", e.id))
    rank = {e.id: n for n, e in enumerate(events)}
    ids_of: dict[int, list[str]] = {}
    for (i, _j), eid in event_of.items():
        ids = ids_of.setdefault(i, [])
        if eid not in ids:
            ids.append(eid)
    for i, ids in ids_of.items():
        c = plan.central[i]
        central_id = event_of.get((i, c)) if c is not None else None
        ids.sort(key=lambda eid: (eid != central_id, rank[eid]))
    return events, ids_of


def _instances(
    records: list[ArticleRecord],
    plan: StoryPlan,
    claims: list[tuple[int, int]],
    links: list[list[tuple[int, int]]],
    window_days: int,
) -> list[list[tuple[int, int]]]:
    """Split the claims of one key into event instances (see the module docstring)."""
    local = {c: n for n, c in enumerate(claims)}
    uf = UnionFind(len(claims))
    date_of = [records[i].events[j].date for i, j in claims]
    first_with: dict[str, int] = {}
    for n, d in enumerate(date_of):
        if precision(d) > 0:
            assert d is not None
            if d in first_with:
                uf.union(first_with[d], n)
            else:
                first_with[d] = n
    for group in links:
        members = [local[c] for c in group if c in local]
        for m in members[1:]:
            uf.union(members[0], m)
    # coarser dates join the finer instance they contain
    distinct = sorted(first_with, key=lambda d: (-precision(d), d))
    for d in distinct:
        p = precision(d)
        candidates = {uf.find(first_with[f]) for f in distinct if precision(f) > p and compatible(d, f)}
        if not candidates:
            continue
        size, earliest = _root_stats(uf, date_of)
        target = min(candidates, key=lambda r: (-size[r], earliest[r], r))
        uf.union(target, first_with[d])
    # undated claims join an instance
    size, _ = _root_stats(uf, date_of)
    dated_roots = sorted(size)
    spans: dict[int, set[tuple[int, int]]] = {}  # distinct date intervals per instance
    stories_of: dict[int, set[str]] = {}
    for n in range(len(claims)):
        if precision(date_of[n]) > 0:
            r = uf.find(n)
            s = date_span(date_of[n])
            assert s is not None
            spans.setdefault(r, set()).add((s[0], s[1]))
            stories_of.setdefault(r, set()).add(plan.story_of[claims[n][0]])
    first_day = {r: min(s[0] for s in ss) for r, ss in spans.items()}
    undated_root: int | None = None
    for n, (i, j) in enumerate(claims):
        if precision(date_of[n]) > 0:
            continue
        story = plan.story_of[i]
        pub = published_span(records[i])
        roots = dated_roots
        if pub is not None and records[i].events[j].factuality not in ("planned", "speculated"):
            # a claim that something happened cannot be about an instance that starts after publication
            roots = [r for r in dated_roots if first_day[r] <= pub[1]]
        same_story = [r for r in roots if story in stories_of[r]]
        pool = same_story or roots
        target: int | None = None
        if pool:

            def distance(r: int, pub: tuple[int, int] | None = pub) -> int:
                return min(gap_days(s, pub) for s in spans[r]) if pub else 0

            if plan.central[i] == j:
                near = [r for r in pool if pub is not None and distance(r) <= window_days]
                if near:
                    target = min(near, key=lambda r: (distance(r), -size[r], r))
            else:
                target = min(pool, key=lambda r: (-size[r], distance(r), r))
        if target is None:
            if undated_root is None:
                undated_root = n
                continue
            target = undated_root
        uf.union(target, n)
    return [[claims[n] for n in sorted(g)] for g in sorted(uf.groups().values(), key=min)]


def _root_stats(uf: UnionFind, date_of: list[str | None]) -> tuple[Counter[int], dict[int, str]]:
    """Per instance root: number of dated claims and earliest date (for deterministic tie-breaks)."""
    size: Counter[int] = Counter()
    earliest: dict[int, str] = {}
    for n, d in enumerate(date_of):
        if d and precision(d) > 0:
            r = uf.find(n)
            size[r] += 1
            earliest[r] = min(earliest.get(r, d), d)
    return size, earliest


def _best_date(dates: list[tuple[str, str]]) -> str | None:
    """Most precise, then most common, then earliest date among (date, factuality) pairs of the best-supported kind."""
    for wanted in (("asserted",), ("reported",), ("planned", "speculated"), FACTUALITY_RANK):
        pool = [d for d, f in dates if f in wanted and precision(d) > 0]
        if pool:
            top = max(precision(d) for d in pool)
            counts = Counter(d for d in pool if precision(d) == top)
            return min(counts, key=lambda d: (-counts[d], -sum(compatible(d, x) for x in pool), d))
    return None


def _ledger_event(
    records: list[ArticleRecord],
    plan: StoryPlan,
    key: EventKey,
    instance: list[tuple[int, int]],
    used_ids: set[str],
) -> LedgerEvent:
    claims: list[Claim] = []
    stories: list[str] = []
    systems: Counter[str] = Counter()
    for i, j in sorted(instance, key=lambda c: (plan.position[c[0]], c[1])):
        rec, ev = records[i], records[i].events[j]
        if ev.system:
            systems[ev.system] += 1
        story = plan.story_of[i]
        if story not in stories:
            stories.append(story)
        claims.append(
            Claim(
                article_id=rec.article.id,
                outlet=rec.article.outlet,
                published=rec.article.published,
                source=ev.source,
                factuality=ev.factuality,
                evidence=ev.evidence,
                date=ev.date,
                quantity=ev.quantity,
                value=ev.value,
                origin=claim_origin(rec, ev, plan.central[i] == j),
                start=ev.start,
                end=ev.end,
            )
        )
    # "local media" in a story whose report names its outlet is an echo of that outlet, not a second source
    named = [c.origin for c in claims if c.factuality == "reported" and not _unnamed(c.origin)]
    if named:
        for c in claims:
            if _unnamed(c.origin):
                c.origin = named[0]
    best = _best_date([(c.date, c.factuality) for c in claims if c.date])
    facts = {c.factuality for c in claims}
    factuality = next((f for f in FACTUALITY_RANK if f in facts), claims[0].factuality)
    origins: list[str] = []
    seen: set[str] = set()
    for c in claims:
        if c.factuality in ("denied", "negated"):
            continue
        k = norm_name(c.origin)
        if k not in seen:
            seen.add(k)
            origins.append(c.origin)
    base = f"ev-{stable_hash(*key, best)}"
    eid, k = base, 0
    while eid in used_ids:
        k += 1
        eid = f"{base}-{k}"
    used_ids.add(eid)
    system = None if key[0] == "sanction" else (systems.most_common(1)[0][0] if systems else None)
    return LedgerEvent(
        id=eid,
        type=key[0],
        supplier=key[1],
        recipient=key[2],
        system=system,
        date=best,
        status=_status(claims),
        factuality=factuality,
        origins=origins,
        claims=claims,
        stories=stories,
    )


_UNNAMED_WORDS = ("media", "reports", "report", "press", "newspapers", "outlets")


def _unnamed(origin: str) -> bool:
    """'local media', 'reports in Turkish media': a source the text does not name."""
    words = re.findall(r"[a-z]+", (origin or "").lower())
    return bool(words) and any(w in _UNNAMED_WORDS for w in words) and load_catalog().find_outlet(origin) is None


def _status(claims: list[Claim]) -> str:
    """Readable support summary: "asserted by 2 origins; reported by 1 origin; denied by Turkish officials"."""
    parts = []
    for fact in ("asserted", "reported", "planned", "speculated"):
        n = len({norm_name(c.origin) for c in claims if c.factuality == fact})
        if n:
            parts.append(f"{fact} by {n} origin{'s' if n > 1 else ''}")
    for fact in ("denied", "negated"):
        who: list[str] = []
        for c in claims:
            if c.factuality == fact:
                name = c.outlet or c.article_id if c.source == "self" else c.source
                if name not in who:
                    who.append(name)
        if who:
            parts.append(f"{fact} by {', '.join(who)}")
    return "; ".join(parts)
