"""Linking across articles: stories, origins, merged ledger events, conflicts and deals.

Linking reads only extracted :class:`~armsledger.model.ArticleRecord` objects
(it never re-parses text, except hashing word shingles for near-duplicate
detection) and stays sub-quadratic in the number of articles: stories are
blocked by (event family, system) and swept in time order, and near-duplicates
come from MinHash LSH buckets.

Steps, each in its own module:

1. :mod:`.stories` — central event per article, story clustering, story ids;
2. :mod:`.origins` — per-article origin refined along citations in a story;
3. :mod:`.conflicts` — disagreements between claims within a story;
4. :mod:`.merge` — ledger events with their claims and independent origins;
5. :mod:`.deals` — one trade-register row per (supplier, recipient, system).
"""

from __future__ import annotations

from collections.abc import Sequence

from armsledger.link import conflicts as _conflicts
from armsledger.link import deals as _deals
from armsledger.link import merge as _merge
from armsledger.link import origins as _origins
from armsledger.link import stories as _stories
from armsledger.model import ArticleRecord, LinkResult

__all__ = ["link"]


def link(records: Sequence[ArticleRecord], *, window_days: int = 30) -> LinkResult:
    """Link extracted records into stories, ledger events, conflicts and deals.

    Fills ``record.story``, ``record.origin`` (refined within the story) and
    ``record.conflicts`` in place and returns everything derived. The result
    does not depend on the order of ``records``; linking the same records again
    gives the same ids. ``window_days`` is how far apart (in days) two reports
    of one development may be.
    """
    if window_days < 1:
        raise ValueError(f"window_days must be a positive number of days, got {window_days!r}")
    recs = list(records)
    seen: dict[str, int] = {}
    for n, rec in enumerate(recs):
        if not isinstance(rec, ArticleRecord):
            raise TypeError(f"link() expects ArticleRecord objects; item {n} is {type(rec).__name__}")
        if rec.article.id in seen:
            raise ValueError(
                f"article id {rec.article.id!r} appears twice (items {seen[rec.article.id]} and {n}); "
                "give every article a unique id before linking"
            )
        seen[rec.article.id] = n
        rec.conflicts = []

    plan = _stories.cluster(recs, window_days)
    for i, rec in enumerate(recs):
        rec.story = plan.story_of[i]
    _origins.refine(recs, plan)
    findings = _conflicts.detect(recs, plan, window_days)
    events, event_ids_of = _merge.build_events(recs, plan, findings, window_days)
    stories = _stories.build_stories(recs, plan, event_ids_of, _origins.story_edges(recs, plan))
    stories.sort(key=lambda s: (s.first_published or "", s.id))
    return LinkResult(
        records=recs,
        stories=stories,
        events=events,
        conflicts=[f.conflict for f in findings],
        deals=_deals.build_deals(events),
    )
