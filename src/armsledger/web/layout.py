"""Deterministic layouts for the two pictures: the timeline and the provenance graph.

Both are computed here in Python and drawn as inline SVG by the templates, so
the pictures need no JavaScript, the JSON API can return the same geometry,
and tests can check it. Coordinates are in SVG user units of a fixed-width
viewBox; the SVG scales to the page width.
"""

from __future__ import annotations

import calendar
import math
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from armsledger.model import ACTOR_ONLY_TYPES, EVENT_TYPES, LedgerEvent, Story

from .labels import DISPUTING, factuality_style

# --- dates --------------------------------------------------------------------------------------


def date_span(value: str | None) -> tuple[date, date] | None:
    """The days a ledger date may mean: "2019" -> 2019-01-01..2019-12-31; None if undated or unreadable."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2][:2]))
        return day, day
    except (ValueError, IndexError):
        return None


# --- shapes -------------------------------------------------------------------------------------


def shape_path(shape: str, cx: float, cy: float, r: float) -> str:
    """SVG path data for a marker shape centred on (cx, cy) with "radius" r."""
    f = _fmt
    if shape == "square":
        s = r * 0.9
        return f"M{f(cx - s)},{f(cy - s)}H{f(cx + s)}V{f(cy + s)}H{f(cx - s)}Z"
    if shape == "diamond":
        d = r * 1.2
        return f"M{f(cx)},{f(cy - d)}L{f(cx + d)},{f(cy)}L{f(cx)},{f(cy + d)}L{f(cx - d)},{f(cy)}Z"
    if shape == "triangle":
        h = r * 1.15
        return f"M{f(cx)},{f(cy - h)}L{f(cx + h)},{f(cy + h * 0.8)}L{f(cx - h)},{f(cy + h * 0.8)}Z"
    if shape == "cross":
        w = r * 0.38
        pts = [(-1, -1 + w), (-w, 0), (-1, 1 - w), (-1 + w, 1), (0, w), (1 - w, 1), (1, 1 - w), (w, 0), (1, -1 + w),
               (1 - w, -1), (0, -w), (-1 + w, -1)]  # fmt: skip
        s = r * 1.05
        return "M" + "L".join(f"{f(cx + x * s)},{f(cy + y * s)}" for x, y in pts) + "Z"
    # circle (also the base of "slashed", whose slash the template draws on top)
    return (
        f"M{f(cx - r)},{f(cy)}A{f(r)},{f(r)} 0 1,0 {f(cx + r)},{f(cy)}"
        f"A{f(r)},{f(r)} 0 1,0 {f(cx - r)},{f(cy)}Z"
    )


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def marker_radius(n_origins: int) -> float:
    """Marker size grows with the number of independent origins (capped, so one event cannot dominate)."""
    return 5.0 + 2.0 * min(max(n_origins, 1), 6)


# --- timeline -----------------------------------------------------------------------------------

TL_WIDTH = 1280  # about the width the page gives it on a laptop, so text in the SVG keeps its size
TL_LEFT = 118  # room for the lane labels
TL_RIGHT = 24
TL_TOP = 34  # room for the axis labels
TL_ROW = 32  # height of one stacking row inside a lane
TL_MIN_GAP = 30  # markers closer than this (horizontally) go to the next row of their lane
TL_CHAR = 6.6  # average width of a character of the 11px marker captions


@dataclass(slots=True)
class Marker:
    id: str
    x: float
    y: float
    r: float
    x0: float  # extent of the date's uncertainty (a year-only date spans the year)
    x1: float
    path: str
    shape: str
    colour: str
    factuality: str
    disputed: list[str]  # "denied by Ankara Dispatch" ... for the extra badge
    label: str
    date: str | None
    text: str  # short caption ("TUR → RUS"), drawn at text_x when there is room
    text_x: float | None


@dataclass(slots=True)
class Lane:
    type: str
    y: float
    height: float


@dataclass(slots=True)
class Tick:
    x: float
    label: str
    major: bool


@dataclass(slots=True)
class TimelineLayout:
    width: int
    height: int
    start: str | None
    end: str | None
    lanes: list[Lane] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


def event_label(e: LedgerEvent) -> str:
    """"offer S-400 TUR → RUS, 2025-09 (reported, 1 origin)": one line for tooltips and screen readers."""
    parties = " → ".join(p for p in (e.supplier, e.recipient) if p)
    bits = [e.type, e.system or "", parties]
    head = " ".join(b for b in bits if b)
    n = e.n_origins
    return f"{head}, {e.date or 'undated'} ({e.factuality}, {n} origin{'s' if n != 1 else ''})"


def disputes(e: LedgerEvent) -> list[str]:
    """Claims that deny or negate the event, as "denied by SOURCE" phrases."""
    out: list[str] = []
    for c in e.claims:
        if c.factuality in DISPUTING:
            who = c.source if c.source and c.source != "self" else (c.outlet or "the article")
            phrase = f"{c.factuality} by {who}"
            if phrase not in out:
                out.append(phrase)
    return out


def _ticks(start: date, end: date, to_x: Any) -> list[Tick]:
    days = (end - start).days
    ticks: list[Tick] = []
    if days <= 800:
        step = 1 if days <= 400 else 3
        y, m = start.year, start.month
        while True:
            d = date(y, m, 1)
            if d > end:
                break
            if d >= start:
                major = m == 1
                label = str(y) if major else calendar.month_abbr[m]
                ticks.append(Tick(to_x(d), label, major))
            m += step
            while m > 12:
                m -= 12
                y += 1
        return ticks
    years = end.year - start.year + 1
    step = max(1, math.ceil(years / 12))
    for y in range(start.year, end.year + 2):
        d = date(y, 1, 1)
        if start <= d <= end and (y % step == 0 or step == 1):
            ticks.append(Tick(to_x(d), str(y), True))
    return ticks


def _caption(e: LedgerEvent, with_system: bool) -> str:
    parties = "→".join(p or "?" for p in (e.supplier, e.recipient)) if (e.supplier or e.recipient) else ""
    if e.type in ACTOR_ONLY_TYPES and e.recipient is None and e.supplier:
        parties = e.supplier  # tests, deployments, developments have one actor
    bits = [e.system if with_system and e.system else "", parties]
    return " ".join(b for b in bits if b)


def timeline_layout(events: Sequence[LedgerEvent]) -> TimelineLayout:
    """Place events on a time axis, one lane per event type, colour and shape by factuality.

    Events close in time stack in rows of their lane; each marker gets a short caption (parties,
    and the system when several are shown) where it fits before the next marker of its row.
    """
    dated = [(e, span) for e in events if (span := date_span(e.date)) is not None]
    undated = [e.id for e in events if date_span(e.date) is None]
    if not dated:
        return TimelineLayout(width=TL_WIDTH, height=TL_TOP + 10, start=None, end=None, undated=undated)
    lo = min(s[0] for _, s in dated)
    hi = max(s[1] for _, s in dated)
    pad = max(timedelta(days=20), (hi - lo) * 0.03)
    if (hi - lo).days < 60:
        pad = timedelta(days=90)
    start, end = lo - pad, hi + pad + (hi - lo) * 0.05  # extra room on the right for the last captions
    total = (end - start).days or 1
    inner = TL_WIDTH - TL_LEFT - TL_RIGHT

    def to_x(d: date) -> float:
        return round(TL_LEFT + inner * (d - start).days / total, 1)

    with_system = len({e.system for e, _ in dated}) > 1
    types = [t for t in EVENT_TYPES if any(e.type == t for e, _ in dated)]
    types += sorted({e.type for e, _ in dated} - set(types))
    lanes: list[Lane] = []
    markers: list[Marker] = []
    y = float(TL_TOP)
    for t in types:
        rows: list[float] = []  # right-most x used in each stacking row of this lane
        placed: list[tuple[LedgerEvent, float, float, float, int]] = []
        lane_events = sorted(((e, s) for e, s in dated if e.type == t), key=lambda es: (es[1][0], es[1][1], es[0].id))
        for e, (d0, d1) in lane_events:
            mid = d0 + (d1 - d0) / 2
            x = to_x(mid)
            row = next((i for i, right in enumerate(rows) if x - right >= TL_MIN_GAP), None)
            if row is None:
                rows.append(x)
                row = len(rows) - 1
            rows[row] = x
            placed.append((e, x, to_x(d0), to_x(d1), row))
        height = TL_ROW * max(1, len(rows)) + 8
        lanes.append(Lane(t, y, height))
        for k, (e, x, x0, x1, row) in enumerate(placed):
            style = factuality_style(e.factuality)
            cy = y + 4 + TL_ROW * row + TL_ROW / 2
            r = marker_radius(e.n_origins)
            text = _caption(e, with_system)
            start_x = x + r + (14 if disputes(e) else 5)
            nxt = next((p[1] for p in placed[k + 1 :] if p[4] == row), TL_WIDTH - TL_RIGHT + 40)
            fits = text and start_x + len(text) * TL_CHAR < min(nxt - marker_radius(6), TL_WIDTH - 4)
            markers.append(
                Marker(
                    id=e.id, x=x, y=cy, r=r, x0=x0, x1=x1, path=shape_path(style["shape"], x, cy, r),
                    shape=style["shape"], colour=style["colour"], factuality=e.factuality, disputed=disputes(e),
                    label=event_label(e), date=e.date, text=text, text_x=round(start_x, 1) if fits else None,
                )  # fmt: skip
            )
        y += height
    return TimelineLayout(
        width=TL_WIDTH, height=int(y + 6), start=start.isoformat(), end=end.isoformat(), lanes=lanes,
        ticks=_ticks(start, end, to_x), markers=markers, undated=undated,
    )  # fmt: skip


# --- provenance graph ---------------------------------------------------------------------------

G_MARGIN = 24
G_NODE_W = 220
G_NODE_H = 46
G_COL = 310  # distance between layers
G_ROW = 70  # distance between nodes of one layer


@dataclass(slots=True)
class Node:
    id: str  # the outlet name
    label: str  # shortened for the box; the full name is in the tooltip
    layer: int
    x: float
    y: float
    origin: bool
    articles: list[dict[str, Any]]  # this story's articles from the outlet: {id, title, published}
    reachable: bool  # linked to the origin through cites/echoes edges


@dataclass(slots=True)
class GraphEdge:
    source: str
    target: str
    kind: str  # cites | echoes
    path: str  # SVG path data
    label_x: float
    label_y: float


@dataclass(slots=True)
class GraphLayout:
    width: int
    height: int
    node_width: int = G_NODE_W
    node_height: int = G_NODE_H
    nodes: list[Node] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    origin: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


G_LABEL_CHAR = 8.4  # average width of a character of the 14px bold node labels


def _short(name: str, room: float) -> str:
    """The name cut to fit ``room`` SVG units (an estimate: SVG text does not wrap or clip itself)."""
    n = max(4, int(room / G_LABEL_CHAR))
    return name if len(name) <= n else name[: n - 1].rstrip() + "…"


def story_origins(story: Story, articles: Iterable[dict[str, Any]]) -> list[str]:
    """The outlets the story started from; for a self-reported story, the outlet of its earliest article."""
    named = [o for o in story.origin if o and o != "self"]
    if named:
        return named
    dated = sorted((a for a in articles if a.get("outlet")), key=lambda a: (a.get("published") or "9999", a["id"]))
    return [dated[0]["outlet"]] if dated else []


def graph_layout(story: Story, articles: Sequence[dict[str, Any]]) -> GraphLayout:
    """Layered left-to-right layout: the origin in the first column, each outlet one column further
    than its nearest link to the origin; outlets not linked to it come last.

    ``articles`` are the story's articles as {id, title, outlet, published}. Edges are drawn in the
    direction stored, (from, to, kind) read as "from cites/echoes to".
    """
    origins = story_origins(story, articles)
    names: list[str] = []

    def add(name: str | None) -> None:
        if name and name not in names:
            names.append(name)

    for o in origins:
        add(o)
    for src, dst, _ in story.edges:
        add(src)
        add(dst)
    for a in articles:
        add(a.get("outlet"))

    neighbours: dict[str, set[str]] = {n: set() for n in names}
    for src, dst, _ in story.edges:
        neighbours[src].add(dst)
        neighbours[dst].add(src)
    layer: dict[str, int] = {}
    queue = deque(o for o in origins)
    for o in origins:
        layer[o] = 0
    while queue:
        n = queue.popleft()
        for m in sorted(neighbours[n]):
            if m not in layer:
                layer[m] = layer[n] + 1
                queue.append(m)
    deepest = max(layer.values(), default=-1)
    for n in names:
        if n not in layer:
            layer[n] = deepest + 1

    n_layers = max(layer.values(), default=0) + 1
    columns: list[list[str]] = [[] for _ in range(n_layers)]
    position: dict[str, float] = {}
    for i in range(n_layers):
        members = [n for n in names if layer[n] == i]

        def barycentre(n: str) -> float:
            prev = [position[m] for m in neighbours[n] if m in position]
            return sum(prev) / len(prev) if prev else math.inf

        members.sort(key=lambda n: (barycentre(n), n.casefold()))
        columns[i] = members
        for j, n in enumerate(members):
            position[n] = j

    tallest = max((len(c) for c in columns), default=1)
    height = G_MARGIN * 2 + (max(1, tallest) - 1) * G_ROW + G_NODE_H
    width = G_MARGIN * 2 + (n_layers - 1) * G_COL + G_NODE_W
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for a in articles:
        if a.get("outlet"):
            by_outlet.setdefault(a["outlet"], []).append(
                {"id": a["id"], "title": a.get("title"), "published": a.get("published")}
            )
    nodes: dict[str, Node] = {}
    for i, members in enumerate(columns):
        offset = (tallest - len(members)) * G_ROW / 2  # centre short columns
        for j, n in enumerate(members):
            nodes[n] = Node(
                id=n, label=_short(n, G_NODE_W - (40 if n in origins else 20)), layer=i, x=G_MARGIN + i * G_COL,
                y=G_MARGIN + offset + j * G_ROW, origin=n in origins, articles=by_outlet.get(n, []),
                reachable=layer[n] <= deepest,
            )  # fmt: skip

    edges: list[GraphEdge] = []
    seen: set[tuple[str, str, str]] = set()
    for src, dst, kind in story.edges:
        if (src, dst, kind) in seen or src == dst:
            continue
        seen.add((src, dst, kind))
        a, b = nodes[src], nodes[dst]
        ay, by = a.y + G_NODE_H / 2, b.y + G_NODE_H / 2
        if a.layer == b.layer:  # same column: a bow out to the right
            x = a.x + G_NODE_W
            bow = x + 40 + 10 * abs(ay - by) / G_ROW
            path = f"M{_fmt(x)},{_fmt(ay)}C{_fmt(bow)},{_fmt(ay)} {_fmt(bow)},{_fmt(by)} {_fmt(x + 4)},{_fmt(by)}"
            lx, ly = bow - 10, (ay + by) / 2
        else:
            if a.layer < b.layer:
                x0, x1 = a.x + G_NODE_W, b.x - 4
            else:
                x0, x1 = a.x, b.x + G_NODE_W + 4
            mx = (x0 + x1) / 2
            path = f"M{_fmt(x0)},{_fmt(ay)}C{_fmt(mx)},{_fmt(ay)} {_fmt(mx)},{_fmt(by)} {_fmt(x1)},{_fmt(by)}"
            lx, ly = mx, (ay + by) / 2 - 6
        edges.append(GraphEdge(src, dst, kind, path, round(lx, 1), round(ly, 1)))
    if any(e.label_x > width - 20 for e in edges):
        width += 60
    ordered = [nodes[n] for c in columns for n in c]
    return GraphLayout(width=int(width), height=int(height), nodes=ordered, edges=edges, origin=origins)
