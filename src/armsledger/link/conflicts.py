"""Conflicts: where claims about one event disagree, within a story or within one article.

A conflict needs a real disagreement, so several readings are *not* conflicts:

- one article is more precise than another ("2019-07" vs "2019-07-12");
- an article that gives both dates itself ("the first planes landed on Friday,
  another on Saturday"): the dates are a series of instances, not a dispute,
  and so is any other article's date inside such a series;
- dates years apart (a 2015 order and a 2021 order of the same jets), or this
  week's news against a date years back;
- a plan against what happened (a completion date is not a start date), and
  speculation; two schedules can disagree, though;
- figures of differently dated orders (a framework agreement and a later
  executive contract); only offers and requests are re-quoted across years.

Disagreements that *are* reported: ``date`` (two sources give incompatible
dates, or a report is contradicted by the date on record), ``quantity`` and
``value`` (figures that cannot be the same amount), and ``factuality`` (a
denial, or a negation of something said to have already happened). Every
conflict carries the article ids behind each value, a reconciliation hint when
a likely one exists, and is attached to the story's article that first makes it
visible — once per story, field and event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from armsledger.link.common import (
    EventKey,
    compatible,
    date_span,
    event_key,
    gap_days,
    parse_money,
    parse_quantity,
    precision,
    published_span,
    same_amount,
    year_of,
)
from armsledger.link.stories import StoryPlan, is_background
from armsledger.model import ArticleRecord, Conflict, Event

MAX_DATE_GAP_YEARS = 2  # "sold in 2017" vs "sold in 2019" is one deal; 2015 vs 2021 are two
MAX_FIGURE_GAP_YEARS = 3  # a package's value is quoted from request (2021) to approval (2024)
REVISED_TYPES = ("offer", "negotiation")  # one package, re-quoted as it moves from request to approval
SERIES_DAYS = 92  # one article asserting dates this close describes a series (an airlift, instalments)
POSITIVE = ("asserted", "reported", "speculated", "planned")


@dataclass(slots=True)
class ClaimRef:
    """One claim of a story, by position: cheap to copy, and the record stays the single source of truth."""

    rec: int  # record index
    ev: int  # event index in the record
    pos: int  # canonical position of the record (time order)
    current: bool = True  # the claim's date is near its article's publication (news, not background)


@dataclass(slots=True)
class Finding:
    """A conflict plus what the other steps need: where it is shown and which claims it joins."""

    conflict: Conflict
    story: str
    attach: int  # record index the conflict is shown on
    claims: list[tuple[int, int]] = field(default_factory=list)  # (record, event) of the disagreeing claims


Groups = dict[EventKey, list[ClaimRef]]
FigureGroup = list[tuple[ClaimRef, Any]]
Result = tuple[Conflict, int, list[tuple[int, int]]] | None


def _key_sort(key: EventKey) -> tuple[str, ...]:
    return tuple(x or "" for x in key)


def detect(records: list[ArticleRecord], plan: StoryPlan, window_days: int) -> list[Finding]:
    """All conflicts of all stories; also appends each to ``record.conflicts`` of its article."""
    findings: list[Finding] = []
    for sid, members in plan.members.items():
        groups: dict[EventKey, list[ClaimRef]] = {}
        for i in members:
            pub = published_span(records[i])
            for j, ev in enumerate(records[i].events):
                current = not is_background(ev, pub, window_days)
                groups.setdefault(event_key(ev), []).append(ClaimRef(i, j, plan.position[i], current))
        for key in sorted(groups, key=_key_sort):
            claims = groups[key]
            for detector in (_date_conflict, _quantity_conflict, _value_conflict, _factuality_conflict):
                found = detector(records, key, claims, groups)
                if found is None:
                    continue
                conflict, attach, involved = found
                findings.append(Finding(conflict, sid, attach, involved))
                records[attach].conflicts.append(conflict)
    return findings


def _span(value: str) -> tuple[int, int]:
    span = date_span(value)
    return (span[0], span[1]) if span else (0, 0)


def _event(records: list[ArticleRecord], c: ClaimRef) -> Event:
    return records[c.rec].events[c.ev]


def _event_dict(records: list[ArticleRecord], key: EventKey, claims: list[ClaimRef]) -> dict[str, Any]:
    system = None
    if key[0] != "sanction":
        systems = Counter(_event(records, c).system for c in claims if _event(records, c).system)
        system = systems.most_common(1)[0][0] if systems else None
    return {"type": key[0], "supplier": key[1], "recipient": key[2], "system": system}


def _ids(records: list[ArticleRecord], refs: list[ClaimRef]) -> list[str]:
    """Article ids behind some claims, in time order, once each."""
    return list(dict.fromkeys(records[c.rec].article.id for c in sorted(refs, key=lambda r: r.pos)))


# --- dates ---------------------------------------------------------------------------------


def _date_conflict(records: list[ArticleRecord], key: EventKey, claims: list[ClaimRef], groups: Groups) -> Result:
    dated = [
        c
        for c in claims
        if _event(records, c).factuality in ("asserted", "reported", "planned")
        and precision(_event(records, c).date) > 0
    ]
    if len(dated) < 2:
        return None
    dates_of: dict[int, list[str]] = {}
    by_date: dict[str, list[ClaimRef]] = {}
    for c in dated:
        d = _event(records, c).date or ""
        dates_of.setdefault(c.rec, []).append(d)
        by_date.setdefault(d, []).append(c)
    if len(by_date) < 2:
        return None
    asserted_of: dict[int, set[str]] = {}
    for c in dated:
        e = _event(records, c)
        if e.factuality == "asserted" and e.date:
            asserted_of.setdefault(c.rec, set()).add(e.date)
    series = any(
        not compatible(x, y) and gap_days(_span(x), _span(y)) <= SERIES_DAYS
        for ds in asserted_of.values()
        if len(ds) > 1
        for x in ds
        for y in ds
    )
    order = sorted(by_date, key=lambda d: min(c.pos for c in by_date[d]))
    dates_set = {rec: set(ds) for rec, ds in dates_of.items()}
    at: dict[tuple[int, str], list[ClaimRef]] = {}  # (record, date) -> claims
    for c in dated:
        at.setdefault((c.rec, _event(records, c).date or ""), []).append(c)
    knows_cache: dict[tuple[int, str], bool] = {}

    def knows(rec: int, d: str) -> bool:
        """Whether an article gives a date compatible with ``d`` (then ``d`` is another instance to it)."""
        k = (rec, d)
        if k not in knows_cache:
            knows_cache[k] = any(compatible(d, x) for x in dates_set[rec])
        return knows_cache[k]

    hits: list[tuple[str, str, int, int]] = []  # (x, y, visible-at position, record index)
    for xi, x in enumerate(order):
        for y in order[xi + 1 :]:
            yx, yy = year_of(x), year_of(y)
            if compatible(x, y) or yx is None or yy is None or abs(yx - yy) > MAX_DATE_GAP_YEARS:
                continue
            candidates: list[tuple[int, int]] = []  # (visible-at position, record index)
            # within one article: only a report against the date on record (two asserted dates are two instances)
            for rec in {c.rec for c in by_date[x]} & {c.rec for c in by_date[y]}:
                kx = {(_event(records, c).factuality, c.current) for c in at[(rec, x)]}
                ky = {(_event(records, c).factuality, c.current) for c in at[(rec, y)]}
                if any({fa, fb} == {"asserted", "reported"} and ca == cb for fa, ca in kx for fb, cb in ky):
                    candidates.append((at[(rec, x)][0].pos, rec))
            # across articles: sides that do not know each other's date, by (factuality, news-or-background)
            side_x = _earliest_by_kind(records, [c for c in by_date[x] if not knows(c.rec, y)])
            side_y = _earliest_by_kind(records, [c for c in by_date[y] if not knows(c.rec, x)])
            for (fa, ca), a in side_x.items():
                for (fb, cb), b in side_y.items():
                    if ca != cb:
                        continue  # this week's news and a date years back are different instances
                    if {fa, fb} == {"planned", "asserted"}:
                        continue  # a plan and what happened (a completion date vs a start) do not disagree
                    if series and fa == fb == "asserted":
                        continue  # an article lists several dates: a series, and this is one more of it
                    candidates.append(max((a.pos, a.rec), (b.pos, b.rec)))
            if candidates:
                pos, rec = min(candidates)
                hits.append((x, y, pos, rec))
    if not hits:
        return None
    values = [d for d in order if any(d in (h[0], h[1]) for h in hits)]
    attach = min(hits, key=lambda h: h[2])[3]
    refs = [c for v in values for c in by_date[v]]
    conflict = Conflict(
        field="date",
        event=_event_dict(records, key, claims),
        values=values,
        note=_date_hint(records, key, values, by_date, groups),
        articles=[_ids(records, by_date[v]) for v in values],
    )
    return conflict, attach, [(c.rec, c.ev) for c in refs]


def _earliest_by_kind(records: list[ArticleRecord], refs: list[ClaimRef]) -> dict[tuple[str, bool], ClaimRef]:
    """The earliest claim per (factuality, current): enough to find the first pair that disagrees."""
    out: dict[tuple[str, bool], ClaimRef] = {}
    for c in refs:
        k = (_event(records, c).factuality, c.current)
        if k not in out or c.pos < out[k].pos:
            out[k] = c
    return out


def _date_hint(
    records: list[ArticleRecord], key: EventKey, values: list[str], by_date: dict[str, list[ClaimRef]], groups: Groups
) -> str:
    years = [year_of(v) for v in values]
    if key[0] == "order":
        deliveries = groups.get(("delivery", key[1], key[2], key[3]), [])
        delivery_years = {
            year_of(_event(records, c).date)
            for c in deliveries
            if _event(records, c).date and _event(records, c).factuality in ("asserted", "reported")
        }
        for v, yv in zip(values, years, strict=True):
            earlier = [w for w, yw in zip(values, years, strict=True) if yw is not None and yv is not None and yw < yv]
            if yv in delivery_years and earlier and year_of(earlier[0]) not in delivery_years:
                return (
                    f"{earlier[0]} is the order (contract) year and {v} the delivery year: "
                    f"'sold in {yv}' most likely refers to the delivery"
                )
    facts = {v: {_event(records, c).factuality for c in by_date[v]} for v in values}
    if any("planned" in f for f in facts.values()):
        return (
            "the sources give different schedules: the plan may have slipped, or one counts the first "
            "delivery and the other the whole"
        )
    reported = [v for v in values if facts[v] == {"reported"}]
    asserted = [v for v in values if "asserted" in facts[v]]
    if reported and asserted:
        r, a = reported[0], asserted[0]
        expected = any(
            (date_span(r) or (0, 0))[0] > (published_span(records[c.rec]) or (0, 10**9))[1] for c in by_date[r]
        )
        if expected:
            return f"expected vs actual: {r} was the date reports expected; {a} is when it happened on the record"
        return (
            f"reported vs announced: reports date it to {r}; {a} is the date on the record "
            "(an announcement can follow the actual signing)"
        )
    if key[0] == "delivery":
        return (
            "the sides may date the delivery differently (first shipment vs arrival or official acceptance); "
            "check which milestone each source means"
        )
    if len({y for y in years if y is not None}) == 1:
        return (
            f"all dates fall in {years[0]}: they may mark different milestones of one deal "
            "(signature, announcement, financing, entry into force)"
        )
    return "sources give different dates; check whether they describe different stages of the event"


# --- quantities and values -----------------------------------------------------------------


def _figure_conflict(
    records: list[ArticleRecord],
    key: EventKey,
    claims: list[ClaimRef],
    fieldname: str,
    parse: Callable[[str | None], Any],
    same: Callable[[Any, Any], bool],
) -> tuple[list[FigureGroup], list[tuple[int, int, int, int]]] | None:
    items = []
    for c in claims:
        ev = _event(records, c)
        if ev.factuality not in ("asserted", "reported", "planned"):
            continue
        parsed = parse(getattr(ev, fieldname))
        if parsed is not None:
            items.append((c, parsed))
    if len(items) < 2:
        return None
    groups: list[FigureGroup] = []
    for c, parsed in sorted(items, key=lambda t: (t[0].pos, t[0].ev)):
        for g in groups:
            if same(g[0][1], parsed):
                g.append((c, parsed))
                break
        else:
            groups.append([(c, parsed)])
    if len(groups) < 2:
        return None
    groups_of: dict[int, set[int]] = {}
    by_rec: list[dict[int, list[ClaimRef]]] = [{} for _ in groups]  # group -> record -> claims
    for gi, g in enumerate(groups):
        for c, _ in g:
            groups_of.setdefault(c.rec, set()).add(gi)
            by_rec[gi].setdefault(c.rec, []).append(c)

    def comparable(ea: Event, eb: Event) -> bool:
        dated = precision(ea.date) > 0 and precision(eb.date) > 0
        if key[0] == "delivery":
            # deliveries come in batches: only the same dated delivery can disagree
            return dated and compatible(ea.date, eb.date) and "planned" not in (ea.factuality, eb.factuality)
        if dated and not compatible(ea.date, eb.date):
            ya, yb = year_of(ea.date) or 0, year_of(eb.date) or 0
            # differently dated orders are different contracts (framework, executive); offers are re-quoted; but
            # a day and the next month ("signed on 13 October" / "in November") are one signing told twice
            return key[0] in REVISED_TYPES and abs(ya - yb) <= MAX_FIGURE_GAP_YEARS or _close(ea.date, eb.date)
        return True

    def earliest(g: FigureGroup, other: int) -> dict[tuple[str | None, str], ClaimRef]:
        """Per (date, factuality): the earliest claim whose article does not also give the other figure."""
        out: dict[tuple[str | None, str], ClaimRef] = {}
        for c, _ in g:
            if other in groups_of[c.rec]:
                continue  # that article gives both figures: for it they are two things, not a dispute
            e = _event(records, c)
            k = (e.date, e.factuality)
            if k not in out or c.pos < out[k].pos:
                out[k] = c
        return out

    hits = []
    for gi in range(len(groups)):
        for gj in range(gi + 1, len(groups)):
            candidates: list[tuple[int, int]] = []
            # within one article: two figures for one claim (same date), e.g. two sources quoted side by side
            for rec in by_rec[gi].keys() & by_rec[gj].keys():
                ai, bj = by_rec[gi][rec], by_rec[gj][rec]
                if any(
                    _event(records, a).date == _event(records, b).date
                    and comparable(_event(records, a), _event(records, b))
                    for a in ai
                    for b in bj
                ):
                    candidates.append((ai[0].pos, rec))
            # across articles
            side_a, side_b = earliest(groups[gi], gj), earliest(groups[gj], gi)
            for a in side_a.values():
                for b in side_b.values():
                    if comparable(_event(records, a), _event(records, b)):
                        candidates.append(max((a.pos, a.rec), (b.pos, b.rec)))
            if candidates:
                pos, rec = min(candidates)
                hits.append((gi, gj, pos, rec))
    if not hits:
        return None
    return groups, hits


def _figures_result(
    records: list[ArticleRecord],
    key: EventKey,
    claims: list[ClaimRef],
    fieldname: str,
    groups: list[FigureGroup],
    hits: list[tuple[int, int, int, int]],
    note_fn: Callable[[list[FigureGroup]], str],
) -> Result:
    involved = sorted({g for h in hits for g in h[:2]})
    values = [getattr(_event(records, groups[g][0][0]), fieldname) for g in involved]
    conflict = Conflict(
        field=fieldname,
        event=_event_dict(records, key, claims),
        values=values,
        note=note_fn([groups[g] for g in involved]),
        articles=[_ids(records, [c for c, _ in groups[g]]) for g in involved],
    )
    attach = min(hits, key=lambda h: h[2])[3]
    return conflict, attach, [(c.rec, c.ev) for g in involved for c, _ in groups[g]]


def _close(a: str | None, b: str | None) -> bool:
    """A day and a month (or a year) within ``SERIES_DAYS`` of each other: one event dated as closely as each
    source could ("on 13 October" / "in November"); two months apart at the same precision are two steps (a
    framework in July, an executive contract in August)."""
    if precision(a) == precision(b):
        return False
    sa, sb = _span(a or ""), _span(b or "")
    if not (sa[0] and sb[0]):
        return False
    return max(sa[0], sb[0]) - min(sa[1], sb[1]) <= SERIES_DAYS


def _quantity_conflict(records: list[ArticleRecord], key: EventKey, claims: list[ClaimRef], groups: Groups) -> Result:
    found = _figure_conflict(records, key, claims, "quantity", parse_quantity, lambda a, b: a == b)
    if found is None:
        return None

    def note(gs: list[FigureGroup]) -> str:
        planned = [g for g in gs if all(_event(records, c).factuality == "planned" for c, _ in g)]
        firm = [g for g in gs if not all(_event(records, c).factuality == "planned" for c, _ in g)]
        if planned and firm:
            p, f = planned[0][0][1], firm[0][0][1]
            if f < p:
                return f"planned vs firm: the {f} are likely firm orders within the planned {p}"
            return f"planned vs firm: {p} were planned, {f} are reported as firm"
        if key[0] == "delivery":
            return "one figure may count a single batch, the other the whole delivery"
        return "different counts: one may include options, a later batch or the whole programme"

    return _figures_result(records, key, claims, "quantity", *found, note)


def _value_conflict(records: list[ArticleRecord], key: EventKey, claims: list[ClaimRef], groups: Groups) -> Result:
    found = _figure_conflict(records, key, claims, "value", parse_money, same_amount)
    if found is None:
        return None
    involved_recs = {c.rec for g in found[0] for c, _ in g}

    def note(gs: list[FigureGroup]) -> str:
        amounts = [g[0][1] for g in gs]
        (x, cx), (y, cy) = amounts[0], amounts[1]
        if cx == cy or cx is None or cy is None:
            diff = abs(x - y)
            for r in sorted(involved_recs):
                for ev in records[r].events:
                    other = parse_money(ev.value)
                    if other is None or event_key(ev) == key or (other[1] not in (cx, None)):
                        continue
                    if diff and abs(other[0] - diff) <= 0.1 * diff:
                        return (
                            f"total vs part of a package: the larger figure likely includes the "
                            f"{ev.value} of related contracts"
                        )
            return (
                "different estimates: one may be the whole package (support, options, financing), "
                "the other the contract alone"
            )
        return (
            f"figures in different currencies ({cx}, {cy}) that conversion does not reconcile: "
            "they may cover different scopes (total programme vs first contract)"
        )

    return _figures_result(records, key, claims, "value", *found, note)


# --- factuality ----------------------------------------------------------------------------


def _factuality_conflict(records: list[ArticleRecord], key: EventKey, claims: list[ClaimRef], groups: Groups) -> Result:
    """A denial against any claim that it happened; a negation against a claim that it already had.

    Works on date buckets (few per event), so a story with thousands of claims
    and denials stays linear.
    """
    negatives = [c for c in claims if _event(records, c).factuality in ("denied", "negated")]
    if not negatives:
        return None
    positives = sorted((c for c in claims if _event(records, c).factuality in POSITIVE), key=lambda c: c.pos)
    by_date: dict[str | None, list[ClaimRef]] = {}  # every positive claim
    factual: dict[str | None, list[ClaimRef]] = {}  # asserted or reported: what a negation can contradict
    for c in positives:
        d = _event(records, c).date
        by_date.setdefault(d, []).append(c)
        if _event(records, c).factuality in ("asserted", "reported"):
            factual.setdefault(d, []).append(c)
    recs_with_positive = {c.rec for c in positives}
    matched: dict[str | None, int] = {}  # bucket -> claims up to this position count as counterparts
    neg_refs: list[ClaimRef] = []
    visible: list[tuple[int, int]] = []  # (position, record) where a disagreement becomes visible
    implicit: list[ClaimRef] = []
    for n in negatives:
        en = _event(records, n)
        hit = False
        if en.factuality == "denied":
            for d, bucket in by_date.items():
                if compatible(d, en.date):
                    hit = True
                    matched[d] = 10**9
                    visible.append(max((bucket[0].pos, bucket[0].rec), (n.pos, n.rec)))
            if not hit:  # a denial answers a claim even when no other article carries it
                implicit.append(n)
                visible.append((n.pos, n.rec))
                hit = True
        else:
            if not en.date and n.rec in recs_with_positive:
                continue  # the article states an instance itself: its "not yet" is about another one
            pub = published_span(records[n.rec])
            for d, bucket in factual.items():
                if not compatible(d, en.date):
                    continue
                span = date_span(d)
                if span is not None and pub is not None and span[1] > pub[1]:
                    continue  # "has not happened" does not contradict a later date
                first = next((c for c in bucket if c.rec != n.rec and (span is not None or c.pos <= n.pos)), None)
                if first is None:
                    continue
                hit = True
                matched[d] = max(matched.get(d, -1), 10**9 if span is not None else n.pos)
                visible.append(max((first.pos, first.rec), (n.pos, n.rec)))
        if hit:
            neg_refs.append(n)
    if not neg_refs:
        return None
    pos_refs = [c for d, limit in matched.items() for c in by_date.get(d, []) if c.pos <= limit]
    facts = Counter(_event(records, c).factuality for c in pos_refs)
    pos_value = min(facts, key=lambda f: (-facts[f], POSITIVE.index(f))) if facts else "reported"
    neg_values = sorted({_event(records, c).factuality for c in neg_refs}, key=["denied", "negated"].index)
    who = (
        ", ".join(
            dict.fromkeys(
                "the article" if s == "self" else s for s in (_event(records, c).source for c in neg_refs) if s
            )
        )
        or "a party"
    )
    first_neg = min(neg_refs, key=lambda c: c.pos)
    if not pos_refs:
        note = f"the article reports a claim denied by {who}"
    elif min(c.pos for c in pos_refs) <= first_neg.pos:
        note = f"report later {neg_values[0]} by {who}"
    else:
        note = f"{neg_values[0]} by {who}, yet later {pos_value}"
    conflict = Conflict(
        field="factuality",
        event=_event_dict(records, key, claims),
        values=[pos_value, *neg_values],
        note=note,
        articles=[_ids(records, pos_refs), _ids(records, neg_refs)],
    )
    return conflict, min(visible)[1], []
