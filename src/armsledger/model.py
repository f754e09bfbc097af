"""The records that flow through the pipeline: ingest -> extract -> link -> store.

Everything here is a plain dataclass so that records pickle cheaply (process
pools, Spark) and serialise to the gold format of ``shared/corpus/GUIDE.md``
without a translation layer.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "negotiation",
    "offer",
    "order",
    "delivery",
    "delay",
    "cancellation",
    "return",
    "rejection",
    "sanction",
    "exclusion",
    "test",
    "deployment",
    "development",
)
TRANSFER_TYPES: frozenset[str] = frozenset(EVENT_TYPES[:7])
ACTOR_ONLY_TYPES: frozenset[str] = frozenset({"test", "deployment", "development"})

FACTUALITY: tuple[str, ...] = ("asserted", "reported", "speculated", "planned", "denied", "negated")


def normalise_text(text: str) -> str:
    """Canonical form used for hashing: NFC, unified newlines, trimmed lines."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.strip() for ln in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def content_hash(title: str | None, text: str) -> str:
    """Stable identity of an article's content (title + normalised text).

    Two copies of one article from different files or feeds hash the same, so
    re-ingesting never adds rows.
    """
    payload = normalise_text(title or "") + "\n\n" + normalise_text(text)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


@dataclass(slots=True)
class Article:
    """One news article as read from any source format."""

    id: str
    text: str
    outlet: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD (or YYYY-MM / YYYY when only that is known)
    title: str | None = None
    url: str | None = None
    language: str | None = None
    source_path: str | None = None  # file the article came from (for messages)
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.title, self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One claim of one event in one article (gold format plus provenance).

    The first eight fields are exactly the gold event of GUIDE.md; the rest
    are what the ledger needs to show evidence and detect conflicts.
    """

    type: str
    supplier: str | None = None
    recipient: str | None = None
    system: str | None = None
    date: str | None = None
    factuality: str = "asserted"
    source: str = "self"
    evidence: str = ""
    quantity: str | None = None  # as written: "30", "five regiments", "four batteries"
    value: str | None = None  # as written: "$2.5 billion", "€3.75bn"
    sentence: int | None = None  # index of the sentence in the article
    start: int | None = None  # character span of the evidence in Article.text
    end: int | None = None
    source_kind: str | None = None  # self | outlet | agency | person | official | anonymous | reports

    def key(self) -> tuple[str, str | None, str | None, str | None]:
        """Identity of the event regardless of date and wording."""
        return (self.type, self.supplier, self.recipient, self.system)

    def gold(self) -> dict[str, Any]:
        """The event in the gold format of GUIDE.md."""
        return {
            "type": self.type,
            "supplier": self.supplier,
            "recipient": self.recipient,
            "system": self.system,
            "date": self.date,
            "factuality": self.factuality,
            "source": self.source,
            "evidence": self.evidence,
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(slots=True)
class Conflict:
    """A field on which claims about one event disagree (GUIDE.md format)."""

    field: str  # date | quantity | value | factuality
    event: dict[str, Any]  # {"type", "supplier", "recipient", "system"}
    values: list[str]
    note: str = ""
    articles: list[list[str]] = field(default_factory=list)  # article ids behind each value

    def gold(self) -> dict[str, Any]:
        return {"field": self.field, "event": self.event, "values": self.values, "note": self.note}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ArticleRecord:
    """Everything extraction reads out of one article; the unit that linking works on."""

    article: Article
    events: list[Event] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)  # canonical systems mentioned
    countries: list[str] = field(default_factory=list)  # ISO3 codes mentioned
    cited: list[str] = field(default_factory=list)  # outlets/agencies the article cites, in order
    origin: list[str] = field(default_factory=list)  # per-article origin ("self" or outlet names)
    story: str | None = None  # filled by linking
    conflicts: list[Conflict] = field(default_factory=list)  # filled by linking

    def gold(self) -> dict[str, Any]:
        """The record in the gold format (one line of ``extract --format jsonl``)."""
        return {
            "id": self.article.id,
            "story": self.story,
            "origin": self.origin or ["self"],
            "events": [e.gold() for e in self.events],
            "conflicts": [c.gold() for c in self.conflicts],
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "systems": self.systems,
            "countries": self.countries,
            "cited": self.cited,
            "origin": self.origin,
            "story": self.story,
            "conflicts": [c.to_dict() for c in self.conflicts],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        return cls(
            article=Article(**data["article"]),
            events=[Event.from_dict(e) for e in data.get("events", [])],
            systems=list(data.get("systems", [])),
            countries=list(data.get("countries", [])),
            cited=list(data.get("cited", [])),
            origin=list(data.get("origin", [])),
            story=data.get("story"),
            conflicts=[Conflict(**c) for c in data.get("conflicts", [])],
        )


# --- records produced by linking (across articles) ---------------------------------------


@dataclass(slots=True)
class Claim:
    """One article's statement about a ledger event: who says it, how sure, in which words."""

    article_id: str
    outlet: str | None
    published: str | None
    source: str
    factuality: str
    evidence: str
    date: str | None = None  # the date this claim gives the event
    quantity: str | None = None
    value: str | None = None
    origin: str = "self"  # independent origin this claim traces back to
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class LedgerEvent:
    """An event merged across articles, backed by its claims."""

    id: str
    type: str
    supplier: str | None
    recipient: str | None
    system: str | None
    date: str | None  # best-supported date
    status: str  # e.g. "asserted by 3 origins", "reported by 1 origin; denied by TUR"
    factuality: str  # overall: the strongest reading across claims
    origins: list[str] = field(default_factory=list)  # independent origins
    claims: list[Claim] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)

    @property
    def n_origins(self) -> int:
        return len(self.origins)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["n_origins"] = self.n_origins
        return d


@dataclass(slots=True)
class Story:
    """Articles that report the same new development."""

    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    origin: list[str] = field(default_factory=list)  # who broke it
    first_published: str | None = None
    last_published: str | None = None
    systems: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (from outlet, to outlet, "cites"|"echoes")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Deal:
    """SIPRI-like trade-register row derived from ledger events."""

    id: str
    supplier: str | None
    recipient: str | None
    system: str | None
    status: str  # rumoured | negotiating | ordered | delivering | delivered | cancelled | returned
    order_year: str | None = None
    delivery_years: list[str] = field(default_factory=list)
    quantity: str | None = None
    value: str | None = None
    event_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class LinkResult:
    """Everything linking derives from a set of article records."""

    records: list[ArticleRecord]  # with story, origin and conflicts filled in
    stories: list[Story] = field(default_factory=list)
    events: list[LedgerEvent] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)
