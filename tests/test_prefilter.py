"""The cheap first pass must not change what extraction finds, only how fast.

Guards against drift: a trigger rule added to ``EventExtractor._trigger_of`` whose
word forms the prefilter does not know would silently lose events, so the first
test parses texts fully and checks every firing trigger's form is covered.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from armsledger.extract import Extractor
from armsledger.extract.prefilter import may_name_a_person, sentence_starts, trigger_forms
from armsledger.model import Article

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from synth import generate  # noqa: E402


def _texts() -> list[Article]:
    out = []
    for folder in (ROOT / "src" / "armsledger" / "demo_data", ROOT / "tests" / "corpus"):
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            out.append(Article(id=path.stem, text=data["text"], published=data.get("published")))
    return out + list(generate(120, arms_share=0.5, seed=3))


@pytest.fixture(scope="module")
def full() -> Extractor:
    return Extractor(prefilter=False)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return _texts()


def test_every_firing_trigger_form_is_known_to_the_prefilter(full: Extractor, articles: list[Article]) -> None:
    forms = trigger_forms(full.nlp)
    missing = set()
    for doc in full.nlp.pipe(a.text for a in articles):
        for tok in doc:
            if full.events._trigger_of(tok) is not None and tok.lower_ not in forms:
                missing.add((tok.lower_, tok.lemma_))
    assert not missing, f"add these lemmas to prefilter._RULE_LEMMAS or the lexicon: {sorted(missing)}"


def test_prefiltered_extraction_finds_the_same_events(full: Extractor, articles: list[Article]) -> None:
    fast = Extractor(nlp=full.nlp, catalog=full.catalog)

    def key(records):  # noqa: ANN001, ANN202
        fields = ("type", "supplier", "recipient", "system", "date", "factuality", "source")
        return [[tuple(getattr(e, f) for f in fields) for e in r.events] for r in records]

    slow_records = list(full.extract_many(articles))
    fast_records = list(fast.extract_many(articles))
    assert key(fast_records) == key(slow_records)
    assert [(r.systems, r.countries, r.cited) for r in fast_records] == [
        (r.systems, r.countries, r.cited) for r in slow_records
    ]
    assert sum(len(r.events) for r in fast_records) > 50


def test_news_without_a_system_is_never_parsed(full: Extractor) -> None:
    fast = Extractor(nlp=full.nlp, catalog=full.catalog)
    sport = "The club signed a new striker from Turkey on Monday. He was sold for 20 million euros."
    arms = "Poland signed a contract to buy 48 K2 tanks from South Korea on Monday."
    (sport_doc, _), (arms_doc, _) = list(fast.prefilter.pipe([(sport, 1), (arms, 2)]))
    assert not sport_doc.parsed and sport_doc.doc[0].pos_ == ""
    assert arms_doc.parsed and arms_doc.doc[1].pos_ == "VERB"


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Defence Minister Yasar Guler said Ankara would buy more S-400s.", True),
        ("The deal will be signed soon, said Dmitry Shugaev, head of the agency.", True),
        ("Greece will buy 20 F-35s, according to Nikos Dendias.", True),
        ("Lockheed Martin will build the F-35s for Greece in Fort Worth, Greek officials said.", False),
        ("Greece will buy 20 F-35s from Lockheed Martin's plant in Fort Worth.", False),
    ],
)
def test_the_ner_runs_only_where_a_person_may_be_the_source(full: Extractor, sentence: str, wanted: bool) -> None:
    """The NER costs as much as the parser; people matter only as sources of claims."""
    doc = full.nlp(sentence, disable=["ner"])
    covered = frozenset(i for m in full.mentions.find(doc) for i in range(m.start, m.end))
    assert may_name_a_person(doc, covered) is wanted


def test_a_copied_sentence_is_parsed_once(full: Extractor) -> None:
    fast = Extractor(nlp=full.nlp, catalog=full.catalog)
    text = "Egypt has ordered 24 Rafale jets from France. The deal was signed in Cairo."
    first = fast.extract(Article(id="a", text=text))
    cached = len(fast.prefilter.cache)
    echo = fast.extract(Article(id="b", text=text + " Officials would not comment."))
    assert len(fast.prefilter.cache) == cached  # nothing new needed parsing
    assert [e.gold() for e in echo.events] == [e.gold() for e in first.events]


def test_sentences_split_at_punctuation_and_paragraphs_not_abbreviations(full: Extractor) -> None:
    doc = full.nlp.make_doc("The U.S. sold F-16s to Greece. Athens said so.\n\nA new paragraph starts here")
    starts = sentence_starts(doc)
    assert [doc[i].text for i in starts] == ["The", "Athens", "A"]


def test_a_tiny_cache_still_gives_the_same_records(full: Extractor, articles: list[Article]) -> None:
    """Eviction in the middle of a batch must not lose the annotations that batch needs."""
    fast = Extractor(nlp=full.nlp, catalog=full.catalog)
    fast.prefilter.cache_size = 1
    tiny = [r.to_dict() for r in fast.extract_many(articles[:40], batch_size=16)]
    roomy = [r.to_dict() for r in Extractor(nlp=full.nlp, catalog=full.catalog).extract_many(articles[:40])]
    assert tiny == roomy
    assert len(fast.prefilter.cache) <= 1
