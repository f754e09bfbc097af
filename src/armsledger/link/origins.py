"""Origins: who first reported a claim, so that echoes of one outlet count once.

Per article, the origin comes from the attribution of its central event:

- an outlet or agency source ("Nefes reported") -> that outlet;
- unnamed media ("local media have begun reporting") -> the first outlet the
  article cites, else the phrase itself;
- a named person who spoke to a news agency the article cites ("told
  Sputnik") -> the agency, because the agency's interview is the first report
  (also for a denial given in such an interview);
- a cited outlet the headline names ("… – Disclose") -> that outlet, unless
  the central claim is a denial;
- anything else (the article's own reporting, a ministry statement, an official
  quoted directly) -> ``self``.

Within a story the origin is then refined along citations: an article that
cites an outlet whose own article is in the story inherits that article's
origin ("Türkiye Today citing Nefes" -> Nefes), and an article confirming or
relaying a development cites the outlet that broke it earlier in the story
("a contract that Disclose revealed" -> Disclose). A denial never inherits the
origin of the report it answers: it is its own news.
"""

from __future__ import annotations

import re

from armsledger.link.common import norm_name, outlet_label, same_name
from armsledger.link.stories import StoryPlan
from armsledger.model import ArticleRecord, Event

# Wire services: a named person "told X" makes X the first reporter. Broad reference list, not corpus-specific.
# fmt: off
WIRE_AGENCIES: tuple[str, ...] = (
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "TASS", "ITAR-TASS",
    "RIA Novosti", "RIA", "Sputnik", "Sputnik News", "Interfax", "Interfax-Ukraine", "Xinhua", "Anadolu",
    "Anadolu Agency", "ANKA", "ANI", "PTI", "Press Trust of India", "IANS", "IRNA", "Tasnim", "Fars", "Mehr", "ISNA",
    "Yonhap", "Yonhap News Agency", "Kyodo", "Kyodo News", "Jiji", "dpa", "EFE", "ANSA", "Europa Press", "UNIAN",
    "Ukrinform", "APA", "Trend", "AzerTac", "BelTA", "Bernama", "Antara", "Tanjug", "KCNA", "SANA", "WAM", "SPA",
    "Saudi Press Agency", "MENA", "KUNA", "QNA", "Petra", "BTA", "PAP", "CTK", "MTI", "Lusa", "Belga", "ANP", "NTB",
    "TT", "STT", "Ritzau", "Keystone-SDA", "Prensa Latina", "Notimex",
)
_AGENCY_NAMES = {norm_name(a) for a in WIRE_AGENCIES if a}
_REPORT_WORDS = frozenset({
    "report", "reports", "reported", "media", "press", "newspaper", "newspapers", "outlet", "outlets",
    "publication", "publications", "daily", "dailies", "news",
})
_ANONYMOUS_WORDS = frozenset({
    "source", "sources", "people", "person", "insider", "insiders", "officials", "official", "diplomats",
    "diplomat", "familiar", "anonymity", "analysts",
})
_INSTITUTION_WORDS = frozenset({
    "ministry", "ministries", "department", "agency", "office", "administration", "government", "military", "army",
    "forces", "force", "navy", "house", "kremlin", "pentagon", "council", "committee", "service", "presidency",
    "embassy", "spokesman", "spokesperson", "command", "company", "corporation", "inc", "ltd", "group",
    "industries", "state", "senate", "congress", "parliament", "cabinet", "bureau", "directorate", "organization",
    "organisation", "staff",
})
# fmt: on
POSITIVE = ("asserted", "reported", "speculated", "planned")


def is_agency(name: str | None) -> bool:
    return norm_name(name) in _AGENCY_NAMES


def source_kind(event: Event, record: ArticleRecord) -> str:
    """The event's ``source_kind`` from extraction, else a conservative guess from the source name."""
    if event.source_kind:
        return event.source_kind
    src = (event.source or "").strip()
    if not src or norm_name(src) == "self":
        return "self"
    if any(same_name(src, c) for c in record.cited):
        return "agency" if is_agency(src) else "outlet"
    if is_agency(src):
        return "agency"
    words = set(re.findall(r"[a-z]+", src.lower()))
    if words & _ANONYMOUS_WORDS:
        return "anonymous"
    if words & _REPORT_WORDS:
        return "reports"
    tokens = src.split()
    if 2 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens) and not words & _INSTITUTION_WORDS:
        return "person"
    return "official"


def _cited_name(name: str, record: ArticleRecord) -> str:
    """Prefer the spelling the article's citation list uses."""
    for c in record.cited:
        if same_name(name, c):
            return c
    return name


def infer_origin(record: ArticleRecord, central: Event | None) -> list[str]:
    """Origin of one article from its central event and its citations (no story context)."""
    if central is None:
        return ["self"]
    kind = source_kind(central, record)
    if kind in ("outlet", "agency"):
        return [_cited_name(central.source, record)]
    if kind == "reports":
        return [record.cited[0]] if record.cited else [central.source]
    if kind == "person":
        sources = [e.source for e in record.events]
        for c in record.cited:
            if is_agency(c) and not any(same_name(c, s) for s in sources):
                return [c]
    if central.factuality in POSITIVE:
        # "Egypt orders 30 more Rafales – Disclose": a cited outlet named in the headline broke the story
        title = norm_name(record.article.title)
        for c in record.cited:
            name = norm_name(c)
            if len(name) >= 3 and name in title:
                return [c]
    return ["self"]


def _base_origin(record: ArticleRecord, central: Event | None) -> list[str]:
    """Extraction's origin when it names an outlet; else what the story's central event says.

    Extraction decides from its own reading of the lead; linking knows the
    central event the story was built on, so it may upgrade ``self`` to the
    outlet or agency that event traces to, but never overrides a named origin.
    """
    if record.origin and record.origin != ["self"]:
        return list(record.origin)
    return infer_origin(record, central)


def _root(record: ArticleRecord) -> list[str]:
    """The origin to inherit from an article: its own origin, or its outlet when it is its own reporting."""
    if record.origin and record.origin != ["self"]:
        return list(record.origin)
    return [outlet_label(record)]


def refine(records: list[ArticleRecord], plan: StoryPlan) -> None:
    """Set ``record.origin`` for every record, following citation chains inside each story."""
    for members in plan.members.values():
        by_outlet: dict[str, int] = {}  # outlet name -> earliest member published by it
        by_origin: dict[str, tuple[int, str]] = {}  # origin name -> (earliest member, spelling), positive centrals
        for i in members:
            rec = records[i]
            central = plan.central_event(records, i)
            origin = _base_origin(rec, central)
            positive = central is not None and central.factuality in POSITIVE
            lead = (rec.article.text or "").strip().split("\n\n", 1)[0]
            on_record = central is not None and central.source_kind == "person" and origin == ["self"] and not any(
                name in lead for name in rec.cited
            )  # (a minister speaking on record is the article's own news, though it names the paper that broke it
            # later on; a lead that credits the paper, "first reported by Kompas", still follows it)
            names = [] if on_record else list(rec.cited) + [o for o in origin if o != "self"]
            best: tuple[int, list[str]] | None = None
            for name in names:
                j = _lookup(by_outlet, name)
                if j is not None and j != i:
                    cand = (plan.position[j], _root(records[j]))
                    best = cand if best is None or cand[0] < best[0] else best
                if positive:
                    hit = _lookup_origin(by_origin, name)
                    if hit is not None:
                        cand = (plan.position[hit[0]], [hit[1]])
                        best = cand if best is None or cand[0] < best[0] else best
            if best is not None:
                origin = best[1]
            elif not positive and origin != ["self"]:
                # a denial answers the story's earlier report; it is not that report's echo
                answered = [o for o in origin if _lookup(by_outlet, o) is not None or _lookup_origin(by_origin, o)]
                if answered:
                    origin = ["self"]
            rec.origin = origin or ["self"]
            by_outlet.setdefault(norm_name(rec.article.outlet), i)
            if positive:
                for o in rec.origin:
                    if o != "self":
                        by_origin.setdefault(norm_name(o), (i, o))


def _lookup(index: dict[str, int], name: str) -> int | None:
    key = norm_name(name)
    if not key:
        return None
    if key in index:
        return index[key]
    if len(index) <= 256:  # loose match ("Reuters" vs "Reuters agency") on small stories only
        for k, v in index.items():
            if k and same_name(k, key):
                return v
    return None


def _lookup_origin(index: dict[str, tuple[int, str]], name: str) -> tuple[int, str] | None:
    key = norm_name(name)
    if not key:
        return None
    if key in index:
        return index[key]
    if len(index) <= 256:
        for k, v in index.items():
            if same_name(k, key):
                return v
    return None


def claim_origin(record: ArticleRecord, event: Event, is_central: bool) -> str:
    """The independent origin one claim traces back to.

    The central claim follows the article's (refined) origin; a claim attributed
    to an outlet goes to that outlet; anything the article reports itself —
    including officials it quotes — counts as the article's outlet.
    """
    if is_central and record.origin and record.origin != ["self"]:
        return record.origin[0]
    kind = source_kind(event, record)
    if kind in ("outlet", "agency"):
        return _cited_name(event.source, record)
    if kind == "reports":
        return f"{event.source} (via {outlet_label(record)})"
    return outlet_label(record)


def story_edges(records: list[ArticleRecord], plan: StoryPlan) -> dict[str, list[tuple[str, str, str]]]:
    """Citation and echo edges between outlets, per story, for the source graph."""
    edges: dict[str, list[tuple[str, str, str]]] = {}
    for sid, members in plan.members.items():
        out: list[tuple[str, str, str]] = []
        for i in members:
            me = outlet_label(records[i])
            for c in records[i].cited:
                edge = (me, c, "cites")
                if edge not in out and not same_name(me, c):
                    out.append(edge)
        edges[sid] = out
    for a, b in plan.echoes:
        sid = plan.story_of[b]
        edge = (outlet_label(records[b]), outlet_label(records[a]), "echoes")
        if edge not in edges[sid] and edge[0] != edge[1]:
            edges[sid].append(edge)
    return edges
