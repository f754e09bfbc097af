"""Per-article extraction: a pure function of one article plus the reference data.

``Extractor.extract(article)`` parses the text once, finds catalog mentions,
reads out events with their claims, and names the article's origin. Nothing
here looks at other articles, so extraction parallelises trivially (processes
locally, Spark executors for archives).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from armsledger.catalog import Catalog, load_catalog
from armsledger.extract.events import EventExtractor
from armsledger.extract.mentions import MentionFinder
from armsledger.model import Article, ArticleRecord, Event
from armsledger.nlp import load_nlp

__all__ = ["Extractor", "extract_article", "article_origin"]


class Extractor:
    """Holds the pipeline and matchers; build once, call ``extract`` per article."""

    def __init__(self, nlp: Language | None = None, catalog: Catalog | None = None) -> None:
        self.nlp = nlp or load_nlp()
        self.catalog = catalog or load_catalog()
        self.mentions = MentionFinder(self.nlp, self.catalog)
        self.events = EventExtractor(self.catalog)

    def extract(self, article: Article) -> ArticleRecord:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleRecord]:
        """Extract a stream of articles, parsing in batches with ``nlp.pipe``."""
        pairs = ((a.text or "", a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            doc.user_data["published"] = article.published
            mentions = self.mentions.find(doc)
            extraction = self.events.extract(doc, mentions, article.published)
            events = extraction.events
            systems = list(dict.fromkeys(m.canonical for m in mentions if m.label == "SYSTEM"))
            countries = list(dict.fromkeys(m.country for m in mentions if m.is_state and m.country))
            cited = list(dict.fromkeys(m.canonical for m in mentions if m.label == "OUTLET"))
            record = ArticleRecord(
                article=article, events=events, systems=systems, countries=countries, cited=cited
            )
            record.origin = article_origin(record, extraction.lead_cited)
            yield record


def article_origin(record: ArticleRecord, lead_cited: str | None = None) -> list[str]:
    """Who first reported the article's central claim, as named in the text; ``["self"]`` otherwise.

    The central claim is the first event of the lead; if it is hearsay its
    source is the origin (an outlet, or "local media"); an on-record official
    relayed directly leaves the article its own origin.
    """
    lead = [ev for ev in record.events if ev.sentence is not None and ev.sentence <= 1]
    # the news of a lead is its hearsay claim if it has one ("Amid X, local media report that Y")
    central: Event | None = next((ev for ev in lead if ev.source_kind in ("outlet", "reports")), None)
    if central is None:
        central = lead[0] if lead else (record.events[0] if record.events else None)
    if lead_cited:  # "the official told Sputnik", "citing Bloomberg": that outlet broke it
        return [lead_cited]
    if central is None or central.source_kind not in ("outlet", "reports", "anonymous"):
        return ["self"]
    if central.source_kind == "anonymous":
        return ["self"]
    return [central.source]


def extract_article(article: Article) -> ArticleRecord:
    """Convenience for one article with the default pipeline (cached per process)."""
    return _default().extract(article)


_EXTRACTOR: Extractor | None = None


def _default() -> Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR
