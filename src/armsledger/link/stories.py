"""Stories: articles that report the same *new development*.

An article is placed by its **central event**: among the events that are not
background (dated within ``window_days`` of publication, or undated), the one
in the earliest sentence; within that sentence a dated event before an undated
one, then one whose system the title names. Other events of that sentence with
the same type and date are central too ("F-35s for Greece and F-16s for
Turkey cleared"). A 2017 order that twenty articles recall is background and
never places an article, so shared background cannot merge two stories.

An article's keys are its central event and the current events whose system
its headline names ("Santo Domingo denies buying Israeli drones, gives new
Super Tucano figures" is also about the Super Tucano deal). Two articles share
a story when

- two of their keys have the same *type family* — a report and its denial or
  confirmation share a type; the life of one deal (offer, talks, rejection,
  order, delay, cancellation, delivery, deployment, return) is one
  ``transfer``: a follow-up on the same system weeks later is told as a slip,
  a first delivery or a denial of the order — the same system, compatible
  parties (equal, or one side names a subset, with the items not flowing the
  other way: a buy-back is not the sale), and anchors (central-event date
  joined with the publication date) within ``window_days``; or
- both tell, as news, two or more of the same bids (system, seller, buyer:
  offers, talks, orders, rejections) and were published within the window:
  follow-ups on one competition lead with whichever bid moved ("Malawi weighs
  the H215 and the Z-9" then "talks with Airbus on the H215"); or
- their texts are near-duplicates (MinHash LSH on word 4-shingles, estimated
  Jaccard >= 0.5, published within the window), unless their central events
  say they are different stories.

Clustering is sub-quadratic: central keys are blocked by (family, system) and
swept in time order, keeping one open chain per party set; shared bids are
blocked by pairs of bids (at most ``_MAX_BIDS`` per article); near duplicates
come from LSH buckets rather than pairwise comparison.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations, pairwise

import numpy as np
from datasketch import MinHash, MinHashLSH

from armsledger.link.common import (
    UnionFind,
    date_span,
    gap_days,
    month_of,
    norm_system,
    outlet_label,
    precision,
    published_span,
    slug,
    stable_hash,
)
from armsledger.model import ACTOR_ONLY_TYPES, ArticleRecord, Event, Story

# Event types that answer one another within one development.
FAMILY: dict[str, str] = {
    "offer": "transfer",
    "negotiation": "transfer",
    "rejection": "transfer",
    "order": "transfer",
    "delay": "transfer",
    "cancellation": "transfer",
    "delivery": "transfer",
    "deployment": "transfer",
    "return": "transfer",
}

NUM_PERM = 64
SHINGLE = 4
NEAR_DUP_JACCARD = 0.5
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class StoryKey:
    """What an article's central development is about, for blocking and comparison."""

    family: str
    system: str | None
    parties: frozenset[str]
    flow: tuple[str | None, str | None] = (None, None)  # (from, to) of a transfer; a rejection's is unknown

    def compatible(self, other: StoryKey) -> bool:
        """Same parties (or a subset), and the items do not flow the other way (a buy-back is not the sale)."""
        (a_from, a_to), (b_from, b_to) = self.flow, other.flow
        reversed_flow = (a_from is not None and a_from == b_to) or (a_to is not None and a_to == b_from)
        return parties_compatible(self.parties, other.parties) and not reversed_flow


@dataclass(slots=True)
class StoryPlan:
    """The clustering result that the other linking steps build on."""

    order: list[int]  # record indices in canonical order (published, id)
    position: list[int]  # record index -> rank in ``order``
    central: list[int | None]  # record index -> index of its central event (or None)
    story_of: list[str] = field(default_factory=list)  # record index -> story id
    members: dict[str, list[int]] = field(default_factory=dict)  # story id -> record indices, canonical order
    echoes: list[tuple[int, int]] = field(default_factory=list)  # near-duplicate pairs (earlier, later)

    def central_event(self, records: list[ArticleRecord], i: int) -> Event | None:
        c = self.central[i]
        return records[i].events[c] if c is not None else None


def family_of(event_type: str) -> str:
    return FAMILY.get(event_type, event_type)


def is_background(event: Event, pub: tuple[int, int] | None, window_days: int) -> bool:
    """An event dated away from the publication: history the article recalls, not its news.

    Year-only dates count as current only in the publication year ("by the end
    of the year"); a bare "2019" in a 2020 article is background.
    """
    span = date_span(event.date)
    if span is None or pub is None:
        return False
    if span[2] == 1:
        return span[0] > pub[1] or span[1] < pub[0]
    return gap_days((span[0], span[1]), pub) > window_days


def named_in(title_slug: str, event: Event) -> bool:
    """Whether a headline (as a slug) names the event's system, as filed ("A-29") or by its designation."""
    if not title_slug or not event.system:
        return False
    return any(form and form in title_slug for form in (slug(event.system), norm_system(event.system)))


def central_event(record: ArticleRecord, window_days: int) -> int | None:
    """Index of the article's central event.

    The earliest sentence wins; within it a dated (day or month) event beats an
    undated one ("sanctions for buying S-400s" is about the sanction), then an
    event whose system the title names, then text order.
    """
    pub = published_span(record)
    title = slug(record.article.title)
    title_words = (record.article.title or "").lower()
    best: tuple[int, int, bool, bool, int, int] | None = None
    best_i: int | None = None
    for i, ev in enumerate(record.events):
        if is_background(ev, pub, window_days):
            continue
        in_title = named_in(title, ev)
        prec = precision(ev.date)
        type_in_title = any(w in title_words for w in TITLE_WORDS.get(ev.type, ()))
        rank = (
            ev.sentence if ev.sentence is not None else 10**6,
            -(prec if prec >= 2 else (1 if prec == 0 else 0)),  # day/month > undated > year
            not type_in_title,  # the headline names the news: "US poised to sanction Turkey over S-400"
            not in_title,
            ev.start if ev.start is not None else 10**9,
            i,
        )
        if best is None or rank < best:
            best, best_i = rank, i
    return best_i


# Stems a headline uses for each event type.
TITLE_WORDS: dict[str, tuple[str, ...]] = {
    "negotiation": ("talk", "negotiat"),
    "offer": ("offer", "buy back", "buyback", "repurchas", "clear", "approv", "green light", "request", "seek"),
    "order": ("order", "buy", "purchas", "deal", "contract", "sign"),
    "delivery": ("deliver", "shipment", "arriv", "receiv", "supplies", "airlift", "transfer"),
    "delay": ("delay", "postpon", "put off", "push"),
    "cancellation": ("cancel", "scrap", "drop", "tear"),
    "return": ("return", "hand back", "send back"),
    "rejection": ("reject", "refus", "turn down", "rebuff"),
    "sanction": ("sanction", "penalt", "caatsa"),
    "exclusion": ("remov", "expel", "exclu", "suspend", "kick"),
    "test": ("test", "fire"),
    "deployment": ("deploy", "operational", "station", "induct"),
    "development": ("develop", "unveil"),
}


def story_key(event: Event) -> StoryKey | None:
    parties = frozenset(p for p in (event.supplier, event.recipient) if p)
    system = None if event.type == "sanction" else norm_system(event.system)
    if system is None and not parties:
        return None
    if event.type == "deployment":
        flow = (None, event.supplier)  # the state that deploys holds the items
    elif family_of(event.type) == "transfer" and event.type != "rejection":  # a buyer or a seller may reject
        flow = (event.supplier, event.recipient)
    else:
        flow = (None, None)
    return StoryKey(family_of(event.type), system, parties, flow)


def lead_keys(record: ArticleRecord, central: int | None, window_days: int) -> list[StoryKey]:
    """The central key, same-type same-date events of the central sentence, and current events the headline names.

    "US clears F-35s for Greece and F-16s for Turkey" is one development with two
    keys; an article about either sale belongs to its story. A follow-up that
    leads with a denial of drones but headlines "new Super Tucano figures" also
    belongs to the Super Tucano story.
    """
    if central is None:
        return []
    ev = record.events[central]
    pub = published_span(record)
    title = slug(record.article.title)

    def co_event(j: int, other: Event) -> bool:
        if j == central or is_background(other, pub, window_days):
            return False
        if named_in(title, other):
            return True
        # an undated co-event of the lead ("approving at the same time the F-16 package") counts too
        return (
            bool(ev.date)
            and ev.sentence is not None
            and other.sentence == ev.sentence
            and other.type == ev.type
            and other.date in (ev.date, None)
        )

    keys: list[StoryKey] = []
    for k in [story_key(ev)] + [story_key(o) for j, o in enumerate(record.events) if co_event(j, o)]:
        if k is not None and k not in keys:
            keys.append(k)
    return keys


def parties_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Same parties, or one side names a subset (a missing supplier or recipient)."""
    if a == b:
        return True
    if not a or not b:
        return False
    return a <= b or b <= a


def keys_compatible(a: list[StoryKey], b: list[StoryKey]) -> bool:
    return any(x.family == y.family and x.system == y.system and x.compatible(y) for x in a for y in b)


def _anchor(record: ArticleRecord, event: Event, window_days: int) -> tuple[int, int] | None:
    """Time interval of the development: the central date (day or month) joined with the publication date."""
    pub = published_span(record)
    span = date_span(event.date)
    if span is not None and span[2] >= 2 and not is_background(event, pub, window_days):
        if pub is None:
            return span[0], span[1]
        return min(span[0], pub[0]), max(span[1], pub[1])
    return pub


def _shingles(text: str) -> list[bytes]:
    words = _WORD_RE.findall(text.lower())
    if len(words) < 2 * SHINGLE:
        return []
    return list({" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)})


def near_duplicates(records: list[ArticleRecord], order: list[int], window_days: int) -> list[tuple[int, int]]:
    """Pairs (earlier, later) of near-duplicate texts published within the window, via MinHash LSH.

    LSH proposes candidates; each is confirmed on the estimated Jaccard similarity
    (share of equal MinHash values), so a bucket collision alone never links two texts.
    """
    template = MinHash(num_perm=NUM_PERM, seed=1)
    # datasketch >= 2 wants the hashing scheme named when permutations are reused
    scheme = {"scheme": template.scheme} if hasattr(template, "scheme") else {}
    lsh = MinHashLSH(threshold=NEAR_DUP_JACCARD, num_perm=NUM_PERM)
    signatures: dict[int, np.ndarray] = {}
    pairs: list[tuple[int, int]] = []
    for i in order:
        shingles = _shingles(records[i].article.text or "")
        if not shingles:
            continue
        m = MinHash(num_perm=NUM_PERM, seed=1, permutations=template.permutations, **scheme)
        m.update_batch(shingles)
        candidates = sorted(lsh.query(m))
        if candidates:
            matrix = np.stack([signatures[j] for j in candidates])
            similarity = np.count_nonzero(matrix == m.hashvalues, axis=1) / NUM_PERM
            pub_i = published_span(records[i])
            for j, sim in zip(candidates, similarity, strict=True):
                if sim < NEAR_DUP_JACCARD:
                    continue
                pub_j = published_span(records[j])
                if pub_i is not None and pub_j is not None and gap_days(pub_i, pub_j) > window_days:
                    continue
                pairs.append((j, i))
        lsh.insert(i, m)
        signatures[i] = m.hashvalues
    return pairs


def cluster(records: list[ArticleRecord], window_days: int) -> StoryPlan:
    """Group records into stories; returns the plan with deterministic, readable story ids."""
    n = len(records)
    order = sorted(range(n), key=lambda i: (records[i].article.published or "", records[i].article.id, i))
    position = [0] * n
    for rank, i in enumerate(order):
        position[i] = rank
    central = [central_event(r, window_days) for r in records]
    keys = [lead_keys(records[i], central[i], window_days) for i in range(n)]
    uf = UnionFind(n)

    # 1. central keys, blocked by (family, system) and swept in time order
    items: list[tuple[tuple[str, str], int, int, int, StoryKey]] = []
    for i in range(n):
        if central[i] is None:
            continue
        anchor = _anchor(records[i], records[i].events[central[i]], window_days)
        if anchor is None:
            continue
        for k in keys[i]:
            items.append(((k.family, k.system or ""), anchor[0], anchor[1], position[i], k))
    items.sort(key=lambda t: (t[0], t[1], t[3]))
    block: tuple[str, str] | None = None
    open_chains: dict[StoryKey, tuple[int, int]] = {}  # key -> (latest end, representative record)
    for blk, lo, hi, pos, key in items:
        i = order[pos]
        if blk != block:
            block, open_chains = blk, {}
        for k in [k for k, (end, _) in open_chains.items() if lo - end > window_days]:
            del open_chains[k]
        for k, (_end, rep) in open_chains.items():
            if k.compatible(key):
                uf.union(rep, i)
        end, rep = open_chains.get(key, (hi, i))
        open_chains[key] = (max(end, hi), rep)

    # 1b. follow-ups on one competition: the same buyer weighing the same bids ("Airbus's H215 and China's Z-9"),
    # whichever of them each article leads with
    # (blocked by pairs of bids, so the sweep stays linear in the articles that tell two or more)
    by_pair: dict[tuple[tuple[str, str, str], ...], list[int]] = {}
    for pos, i in enumerate(order):
        bids = sorted(_current_bids(records[i], window_days))[:_MAX_BIDS]
        for pair in combinations(bids, _SHARED_BIDS):
            by_pair.setdefault(pair, []).append(pos)
    for positions in by_pair.values():
        for a, b in pairwise(positions):  # (in time order: each joins the one before it if near enough)
            if _within(records[order[a]], records[order[b]], window_days):
                uf.union(order[a], order[b])

    # 2. near-duplicate texts (echoes), unless their central events disagree
    echoes = []
    for a, b in near_duplicates(records, order, window_days):
        if keys[a] and keys[b] and not keys_compatible(keys[a], keys[b]):
            continue
        uf.union(a, b)
        echoes.append((a, b))

    plan = StoryPlan(order=order, position=position, central=central, echoes=echoes)
    groups = sorted(uf.groups().values(), key=lambda g: min(position[i] for i in g))
    producers = _likely_producers(records)
    plan.story_of = [""] * n
    used: set[str] = set()
    for group in groups:
        members = sorted(group, key=lambda i: position[i])
        sid = _story_id(records, members, central, used, producers)
        used.add(sid)
        plan.members[sid] = members
        for i in members:
            plan.story_of[i] = sid
    return plan


_SHARED_BIDS = 2  # (system, seller, buyer) deals two articles must both tell as news to follow one competition
_MAX_BIDS = 12  # bids of one article compared (a list of every system a buyer has is no competition)
_BID_TYPES = frozenset({"offer", "negotiation", "order", "rejection"})


def _current_bids(record: ArticleRecord, window_days: int) -> set[tuple[str, str, str]]:
    """The (system, seller, buyer) deals an article tells as news: offers, talks, orders or rejections of named
    systems that are not history (background dates)."""
    pub = published_span(record)
    return {(norm_system(e.system) or "", e.supplier, e.recipient) for e in record.events
            if e.type in _BID_TYPES and e.system and e.supplier and e.recipient and e.factuality != "negated"
            and not is_background(e, pub, window_days)}


def _within(a: ArticleRecord, b: ArticleRecord, window_days: int) -> bool:
    """Whether two articles were published within the story window of each other."""
    pa, pb = published_span(a), published_span(b)
    return pa is not None and pb is not None and gap_days(pa, pb) <= window_days


def _story_event(records: list[ArticleRecord], members: list[int], central: list[int | None]) -> Event | None:
    """The development the story is about: the commonest central type, as the earliest article states it."""
    centrals = [(i, records[i].events[central[i]]) for i in members if central[i] is not None]
    if not centrals:
        return None
    counts = Counter(family_of(e.type) for _, e in centrals)
    top = max(counts.values())
    for _, e in centrals:
        if counts[family_of(e.type)] == top:
            return e
    return None


def _likely_producers(records: list[ArticleRecord]) -> dict[str, str]:
    """System -> the state that most often supplies it in orders and deliveries (its likely producer)."""
    counts: dict[str, Counter[str]] = {}
    for r in records:
        for e in r.events:
            sysn = norm_system(e.system)
            if e.type in ("order", "delivery") and e.supplier and sysn:
                counts.setdefault(sysn, Counter())[e.supplier] += 1
    return {k: min(c, key=lambda s: (-c[s], s)) for k, c in counts.items()}


def _story_id(
    records: list[ArticleRecord],
    members: list[int],
    central: list[int | None],
    used: set[str],
    producers: dict[str, str],
) -> str:
    """Readable deterministic slug: ``tur-s400-offer-2025-09`` (+ a short hash when taken).

    The slug names the state the story is about: the recipient, or the actor for
    tests, deployments and developments — unless the recipient is the system's
    own producer (a buy-back), when the holder is the subject.
    """
    first = records[members[0]]
    month = month_of(first.article.published)
    ev = _story_event(records, members, central)
    if ev is not None:
        actor = ev.supplier if ev.type in ACTOR_ONLY_TYPES else (ev.recipient or ev.supplier)
        if ev.supplier and ev.recipient and producers.get(norm_system(ev.system) or "") == ev.recipient:
            actor = ev.supplier
        parts = [slug(actor), slug(None if ev.type == "sanction" else ev.system), ev.type, month]
        base = "-".join(p for p in parts if p)
    else:
        base = "-".join(p for p in ("story", month) if p)
    ids = ",".join(sorted(records[i].article.id for i in members))
    if ev is not None and base not in used:
        return base
    k = 0
    while f"{base}-{stable_hash(ids, k, n=6)}" in used:
        k += 1
    return f"{base}-{stable_hash(ids, k, n=6)}"


def build_stories(
    records: list[ArticleRecord],
    plan: StoryPlan,
    event_ids_of: dict[int, list[str]],
    edges_of: dict[str, list[tuple[str, str, str]]],
) -> list[Story]:
    """Story records: members in time order, who broke it, what it involves, which ledger events it backs."""
    stories = []
    for sid, members in plan.members.items():
        recs = [records[i] for i in members]
        first = recs[0]
        origin = first.origin if first.origin and first.origin != ["self"] else [outlet_label(first)]
        systems: list[str] = []
        countries: list[str] = []
        for i in members:
            ev = plan.central_event(records, i)
            if ev is None:
                continue
            if ev.system and ev.type != "sanction" and ev.system not in systems:
                systems.append(ev.system)
            for p in (ev.supplier, ev.recipient):
                if p and p not in countries:
                    countries.append(p)
        event_ids = list(dict.fromkeys(eid for i in members for eid in event_ids_of.get(i, [])))
        pubs = [r.article.published for r in recs if r.article.published]
        stories.append(
            Story(
                id=sid,
                title=first.article.title or (first.article.text or "")[:80],
                article_ids=[r.article.id for r in recs],
                origin=list(origin),
                first_published=min(pubs) if pubs else None,
                last_published=max(pubs) if pubs else None,
                systems=systems,
                countries=countries,
                event_ids=event_ids,
                edges=edges_of.get(sid, []),
            )
        )
    return stories
