"""Per-article extraction: a pure function of one article plus the reference data.

``Extractor.extract(article)`` parses the text once, finds catalog mentions,
reads out events with their claims, and names the article's origin. Nothing
here looks at other articles, so extraction parallelises trivially (processes
locally, Spark executors for archives).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from armsledger.catalog import Catalog, load_catalog
from armsledger.extract.events import EventExtractor, Extraction
from armsledger.extract.lexicon import SHIP_KINDS
from armsledger.extract.mentions import Mention, MentionFinder
from armsledger.extract.prefilter import SAY_FORMS, Prefilter, trigger_forms
from armsledger.model import Article, ArticleRecord, Event
from armsledger.nlp import load_nlp

__all__ = ["Extractor", "extract_article", "article_origin"]


class Extractor:
    """Holds the pipeline and matchers; build once, call ``extract`` per article."""

    def __init__(self, nlp: Language | None = None, catalog: Catalog | None = None, *, prefilter: bool = True) -> None:
        self.nlp = nlp or load_nlp()
        self.catalog = catalog or load_catalog()
        self.mentions = MentionFinder(self.nlp, self.catalog)
        self.events = EventExtractor(self.catalog, trigger_forms(self.nlp) | SAY_FORMS)
        # parse only the sentences that can hold an event (extract/prefilter.py); False parses every sentence
        self.prefilter = Prefilter(self.nlp, self.mentions) if prefilter else None

    def extract(self, article: Article) -> ArticleRecord:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleRecord]:
        """Extract a stream of articles, parsing in batches with ``nlp.pipe``.

        Articles that name no weapon system and no sanction cannot yield an event
        (every event type but sanctions needs a system), so they skip the parser:
        a text scan gives their states and outlets. Output order is input order.
        """
        for chunk in _chunks(articles, batch_size):
            quick: dict[int, ArticleRecord] = {}
            parse: list[tuple[str, int]] = []
            for i, article in enumerate(chunk):
                record = self._without_parse(article)
                if record is None:
                    parse.append((blank_dateline(article.text or ""), i))
                else:
                    quick[i] = record
            parsed: dict[int, ArticleRecord] = {}
            if self.prefilter is None:
                for doc, i in self.nlp.pipe(parse, as_tuples=True, batch_size=batch_size):
                    parsed[i] = self._from_doc(doc, chunk[i], self.mentions.find(doc), True)
            else:
                for prepared, i in self.prefilter.pipe(parse, batch_size=batch_size):
                    parsed[i] = self._from_doc(prepared.doc, chunk[i], prepared.mentions, prepared.parsed)
            for i in range(len(chunk)):
                yield quick[i] if i in quick else parsed[i]

    def _from_doc(self, doc: Doc, article: Article, mentions: list[Mention], parsed: bool) -> ArticleRecord:
        doc.user_data["published"] = article.published
        # a doc the prefilter left wholly unparsed has no tagged token, hence no trigger
        extraction = self.events.extract(doc, mentions, article.published) if parsed else Extraction([])
        filed = self._filed_names(mentions)
        events = [replace(e, system=filed[e.system]) if e.system in filed else e for e in extraction.events]
        systems = list(dict.fromkeys(filed.get(m.canonical, m.canonical) for m in mentions if m.label == "SYSTEM"))
        countries = list(dict.fromkeys(m.country for m in mentions if m.is_state and m.country))
        cited = list(dict.fromkeys(m.canonical for m in mentions if m.label == "OUTLET"))
        record = ArticleRecord(article=article, events=events, systems=systems, countries=countries,
                               cited=cited)
        record.origin = article_origin(record, extraction.lead_cited, extraction.lead_outlet)
        return record

    def _filed_names(self, mentions: list[Mention]) -> dict[str, str]:
        """Designation -> the name this article files it under, for systems with two top-level names
        ("Super Tucano"/"A-29", "GM200"/"Ground Master 200") or two spellings ("Hürkuş"/"Hurkus"): a
        designation with a number over a name (an article that once writes "A-29" files its "Super Tucanos"
        as A-29, as analysts do), then the one the article writes most, ties to the first."""
        tally: dict[str, Counter[str]] = {}
        for m in mentions:
            system = self.catalog.find_system(m.canonical) if m.label == "SYSTEM" else None
            if system is not None:
                tally.setdefault(m.canonical, Counter())[system.filed_name(m.text)] += 1
        return {
            canonical: max(names, key=lambda n, names=names: (any(c.isdigit() for c in n), names[n]))
            for canonical, names in tally.items()
        }

    def _without_parse(self, article: Article) -> ArticleRecord | None:
        """The record of an article that cannot hold an event, or None if it needs parsing."""
        text = article.text or ""
        if _SANCTION_WORDS.search(text) or self.mentions.names_a_designation(text) or (
            _SHIP_CLASS.search(text) or self.mentions.names_by_kind(text)
        ):
            return None
        found = self.mentions.scan(text)
        if any(label == "SYSTEM" for label, _, _ in found):
            return None
        countries = list(dict.fromkeys(country for label, _, country in found if country and label != "OUTLET"
                                       and label != "SYSTEM"))
        cited = list(dict.fromkeys(canonical for label, canonical, _ in found if label == "OUTLET"))
        return ArticleRecord(article=article, countries=countries, cited=cited, origin=["self"])


# events that need no system (sanctions, arms embargoes)
_SANCTION_WORDS = re.compile(r"\b(sanction|penal|caatsa|blacklist|embargo)", re.IGNORECASE)
# "Abukuma-class destroyer escorts": a ship class the catalog lacks (see MentionFinder._unseen_classes)
_SHIP_CLASS = re.compile(r"\b[A-Z][a-z]+[-\u2011 ]class\s+(?:\S+\s+)?(?:" + "|".join(sorted(SHIP_KINDS)) + r")\b")
# "ANKARA –", "NEW DELHI:", "Berlin, September 28, 2023 –", "WASHINGTON, Jan 26 –": where a story was filed
_DATELINE = re.compile(
    r"\A\s*(?:[A-Z][A-Za-z'.]+(?: [A-Z][A-Za-z'.]+){0,2})"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,\s*\d{4})?)?\s*(?:[\u2013\u2014]|--?|:)\s+(?=[A-Z\"\u201c])"
)


def blank_dateline(text: str) -> str:
    """The text with its leading dateline turned to spaces (offsets unchanged).

    The parser reads "BERLIN – The first ... has arrived" as a noun phrase with a clause hanging from the
    city, which hides the main verb; the dateline says where the story was filed, not who did what.
    """
    m = _DATELINE.match(text)
    return " " * m.end() + text[m.end():] if m else text


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def article_origin(record: ArticleRecord, lead_cited: str | None = None, lead_outlet: str | None = None) -> list[str]:
    """Who first reported the article's central claim, as named in the text; ``["self"]`` otherwise.

    The central claim is the first event of the lead; if it is hearsay its
    source is the origin (an outlet, or "local media"); an on-record official
    relayed directly leaves the article its own origin. ``lead_outlet`` is the
    outlet a lead claim came from before a denial later in the article merged
    into it: the outlet still broke the news.
    """
    lead = [ev for ev in record.events if ev.sentence is not None and ev.sentence == 0]
    # the news of a lead is its hearsay claim if it has one ("Amid X, local media report that Y")
    central: Event | None = next((ev for ev in lead if ev.source_kind in ("outlet", "reports")), None)
    if central is None:
        central = lead[0] if lead else (record.events[0] if record.events else None)
    if lead_cited:  # "the official told Sputnik", "citing Bloomberg": that outlet broke it
        return [lead_cited]
    if central is None or central.source_kind not in ("outlet", "reports", "anonymous"):
        return [lead_outlet] if lead_outlet else ["self"]
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
