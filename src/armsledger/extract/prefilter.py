"""Cheap first pass: run the statistical pipeline only on sentences that can carry an event.

Most news is not about arms, and many sentences of an arms story cannot be an
event. The statistical pipeline (tok2vec, tagger, parser, NER) costs some
fifty times the tokenizer, so an article is first only tokenized, the
catalog matchers run on the tokens, and a sentence (split at punctuation and
paragraph breaks, no model) goes through the pipeline only when

* it has a trigger word form (``sold``, ``deliveries``, ``sanctions``: any
  inflection of a lexicon trigger), and
* a weapon system is named in it or earlier in the article (an event without
  its own system takes it from context: "the purchase", "the systems
  arrived"), or it is about sanctions, the one event type without a system;

or when it names, with a reporting verb, the speaker of a quotation a chosen
sentence of its paragraph belongs to ('"We signed for six," the minister said.').

An article with no such sentence is never parsed: it cannot have an event,
because ``EventExtractor`` only fires on tagged tokens. The statistical NER,
which extraction uses only for people named as sources, runs only on parsed
sentences with a reporting word and a proper noun the catalog does not cover.

Each chosen sentence is parsed as its own small Doc, and its annotations are
written back into the article's tokenized Doc with ``Doc.from_array``; the
other sentences get a flat placeholder tree (every token hangs from the first),
so ``doc.sents`` still splits them and their tokens, having no tags or lemmas,
never trigger anything. Offsets, sentence indices and the rest of extraction
are unchanged.

Because a sentence is parsed on its own, its annotations depend on its text
only, so they are cached (LRU by exact text): echoes copy the original report
sentence for sentence, and a copied sentence costs a dictionary lookup.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from armsledger.extract.lexicon import (
    DELIVERY_ADJECTIVES,
    DEPLOYMENT_ADJECTIVES,
    GENERIC_CATEGORIES,
    NOUN_TRIGGERS,
    PHRASAL_TRIGGERS,
    REPORTING_VERBS,
    VERB_TRIGGERS,
)
from armsledger.extract.mentions import Mention, MentionFinder, may_be_person

T = TypeVar("T")
_KINDS = frozenset(GENERIC_CATEGORIES)  # nouns that name a kind of system ("submarines", "jets")

# Past tenses and participles the suffix rules below cannot make.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "buy": ("bought",), "sell": ("sold",), "send": ("sent",), "fly": ("flew", "flown"), "hold": ("held",),
    "give": ("gave", "given"), "resell": ("resold",), "put": ("put",), "cut": ("cut",), "say": ("said",),
    "tell": ("told",), "write": ("wrote", "written"), "speak": ("spoke", "spoken"), "learn": ("learnt",),
    "lend": ("lent",), "win": ("won",),
}  # fmt: skip
_VOWELS = "aeiou"
#: Forms of "say": "said no to the offer" is a rejection without a trigger word of its own.
SAY_FORMS = frozenset({"say", "says", "said", "saying"})
_FOLLOW_FORMS = frozenset({"follow", "follows", "followed", "following"})
_SENT_END = frozenset({".", "!", "?", "...", "\u2026"})
_NUMBERED = frozenset({"No", "Nos", "Mk", "Vol", "Art", "Fig"})  # "No. 3 Squadron", "Mk. 2"
_CLOSERS = frozenset({'"', "\u201d", "\u2019", "'", ")", "]"})
_QUOTES = frozenset({'"', "\u201c", "\u201d"})
#: Token attributes a parsed sentence hands back to the article's Doc.
ATTRS: tuple[int, ...] = (TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE)
_COL_HEAD, _COL_DEP = ATTRS.index(HEAD), ATTRS.index(DEP)


def inflections(lemma: str) -> set[str]:
    """Generous English inflections of a lemma ("ship" -> ships, shipped, shipping, ...).

    Over-generating is harmless here: a wrong form only costs a parse.
    """
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        forms.add(w[:-1] + "ing")
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS:  # ship -> shipped, cancel -> cancelled
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    forms.update(_IRREGULAR.get(w, ()))
    return forms


def _forms(lemmas: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for lemma in lemmas:
        out |= inflections(lemma)
    return frozenset(out)


# Lemmas that EventExtractor._trigger_of turns into triggers by a rule of its own, outside the lexicon's tables.
# Keep in step with it: tests/test_prefilter.py fails when a firing trigger's form is missing here.
_RULE_LEMMAS = ("ask", "seek", "request", "fire", "firing", "drop", "ditch", "shelve", "dismiss", "follow",
                "launch", "close", "closer", "near", "nearer", "verge", "brink", "cusp", "discard", "reach",
                "flight", "expect", "await", "service", "pen", "block", "veto", "lift", "waive", "withdraw",
                "ready", "extend", "collapse", "present", "come", "go", "use", "employ", "duty", "run", "fall", "lag",
                "freeze", "withhold", "revoke", "halt", "pause", "revocation", "strike", "attack", "hit", "destroy",
                "target", "shoot", "sink", "intercept", "bomb", "operate", "patrol", "exercise", "consider", "weigh",
                "mull", "study", "contemplate", "explore", "evaluate", "assess", "see", "push", "knock", "sound",
                "consideration", "evaluation", "win", "assign", "attach", "allocate", "join", "base", "place", "move",
                "dispatch", "redeploy", "keep", "berth", "moor", "serve", "embargo", "cut", "restriction", "ban",
                "license", "licence", "behind", "possession", "drill", "shift", "relocate", "look", "examine",
                "review", "curtail", "reduce", "restore", "resume", "renew", "reinstate", "cross", "roll", "drive",
                "bring", "ferry", "airlift", "carry", "transport", "insert", "engage", "sortie", "compare", "spot",
                "sight", "photograph", "film", "observe", "put", "assessment", "examination", "accept")
# Forms of everyday verbs whose rules fire in one form only ("a platoon left, taking six Humvees with it", "a proposal
# ... was declined"): the others would send every sentence with "take" or "declined to comment" to the parser.
_RULE_FORMS = frozenset({"taking", "declined", "take"})

_WAIT_FORMS = _forms(("expect", "await"))
#: Forms of the reporting verbs: a quotation's speaker is named with one ("told reporters", "added").
_REPORT_FORMS = _forms(REPORTING_VERBS)

#: Lemmas that may carry a trigger.
TRIGGER_LEMMAS: frozenset[str] = frozenset(
    [*VERB_TRIGGERS, *(verb for verb, _ in PHRASAL_TRIGGERS), *NOUN_TRIGGERS, *DEPLOYMENT_ADJECTIVES,
     *DELIVERY_ADJECTIVES, *_RULE_LEMMAS]
)


def trigger_forms(nlp: Language) -> frozenset[str]:
    """Lower-cased token forms that may carry a trigger: regular inflections of the trigger lemmas,
    plus the irregular forms the pipeline's own lemmatizer maps to them ("torn" -> "tear")."""
    forms = set(_forms(TRIGGER_LEMMAS)) | _RULE_FORMS
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_exc"):
            exceptions = lookups.get_table("lemma_exc")
            for pos in ("verb", "noun", "adj"):
                for form, lemmas in (exceptions.get(pos) or {}).items():
                    if TRIGGER_LEMMAS.intersection(lemmas):
                        forms.add(form.lower())
    return frozenset(forms)


#: Trigger forms of the events that need no system (GUIDE.md: ``system`` is null for sanctions, and for an arms
#: embargo, which refuses every system).
SANCTION_FORMS: frozenset[str] = _forms(
    [lemma for lemma, (etype, _frame) in {**VERB_TRIGGERS, **NOUN_TRIGGERS}.items() if etype == "sanction"]
    + ["embargo"]  # (not "restriction" or "ban", everyday words: those need a system named, like any trigger)
)


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start, by punctuation and paragraph breaks (no model).

    A whitespace token stays with the sentence before it, as the parser keeps it.
    """
    starts = [0]
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if tok.is_space and "\n" in tok.text:
            if i + 1 < n:
                starts.append(i + 1)
            i += 1
            continue
        if tok.text in _SENT_END and not (
            tok.text == "." and 0 < i < n - 2 and not doc[i - 1].whitespace_ and doc[i - 1].text in _NUMBERED
            and doc[i + 1].is_digit
        ):  # ("No. 3 Maritime Squadron": an abbreviation's point)
            j = i + 1
            while j < n and doc[j].text in _CLOSERS:
                j += 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n and (doc[j - 1].whitespace_ or doc[j - 1].is_space):
                first = doc[j].text[:1]
                if first.isupper() or first.isdigit() or first in "\"\u201c\u2018'(":
                    starts.append(j)
            i = max(j, i + 1)
            continue
        i += 1
    return sorted(set(starts))


def may_name_a_person(doc: Doc, covered: frozenset[int]) -> bool:
    """Whether the NER could matter here: a proper noun no catalog entry covers, where attribution looks for
    a source (the subject of a reporting verb, the words just before it, "according to X"). People matter
    only as sources; elsewhere an outlet or a state is already known, and the NER costs as much as the parser."""
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc):
            places = [t for c in doc[tok.i + 1].children if c.dep_ == "pobj" for t in c.subtree]
        elif tok.lemma_.lower() in REPORTING_VERBS:
            places = [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree]
            places += doc[max(0, tok.i - 3) : tok.i]  # a subject the parser attached elsewhere
            if tok.dep_ == "acl":
                places += tok.head.subtree  # "..., the daily Nefes reported"
        else:
            continue
        if any(t.pos_ == "PROPN" and t.i not in covered for t in places):
            return True
    return False


@dataclass(slots=True)
class Prepared:
    """One article's Doc after the first pass, and what the pass found."""

    doc: Doc  # tokenized; annotated (tags, parse, people) only where ``parsed``
    mentions: list[Mention]
    parsed: bool  # whether any sentence went through the statistical pipeline


class Prefilter:
    """Tokenize, match the catalog, choose sentences, parse only those; build once per pipeline."""

    def __init__(self, nlp: Language, mentions: MentionFinder, *, cache_size: int = 20_000) -> None:
        self.nlp = nlp
        self.mentions = mentions
        self.has_ner = "ner" in nlp.pipe_names
        self.trigger_forms = trigger_forms(nlp)
        self.cache: OrderedDict[str, numpy.ndarray] = OrderedDict()
        self.cache_size = cache_size
        self.dep_root = nlp.vocab.strings.add("ROOT")
        self.dep_flat = nlp.vocab.strings.add("dep")

    def pipe(self, items: Iterable[tuple[str, T]], batch_size: int = 32) -> Iterator[tuple[Prepared, T]]:
        """First pass over ``(text, context)`` pairs, a batch at a time; yields in input order."""
        batch: list[tuple[str, T]] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    # --- choosing sentences --------------------------------------------------------------------

    def select(self, doc: Doc, bounds: list[tuple[int, int]], mentions: list[Mention]) -> list[bool]:
        """Which sentences (token ranges) need the statistical pipeline."""
        n = len(bounds)
        has_system = [False] * n
        s = 0
        for m in mentions:
            while s < n - 1 and m.start >= bounds[s][1]:
                s += 1
            if m.label == "SYSTEM":
                has_system[s] = True
        need = [False] * n
        seen_system = seen_sanction = False
        named_later = any(has_system)
        for k, (a, b) in enumerate(bounds):
            seen_system = seen_system or has_system[k]
            words = {t.lower_ for t in doc[a:b]}
            hits = words & self.trigger_forms
            if hits and hits <= _WAIT_FORMS and not (has_system[k] or words & _KINDS):
                continue  # "expected" alone is everywhere; "Morocco expects its 24 Apaches" names what is awaited
            if hits or ("no" in words and words & SAY_FORMS):
                # "12 submarines" before the system is named: the events reader looks ahead for it;
                # "Britain followed with measures of its own" repeats a sanction read before
                sanction = bool(words & SANCTION_FORMS)
                need[k] = seen_system or sanction or (named_later and bool(words & _KINDS)) or (
                    seen_sanction and bool(words & _FOLLOW_FORMS))
                seen_sanction = seen_sanction or sanction
        self._quote_speakers(doc, bounds, need)
        return need

    def _quote_speakers(self, doc: Doc, bounds: list[tuple[int, int]], need: list[bool]) -> None:
        """Also parse where a chosen sentence's quotation names its speaker: '"We signed for six," the minister
        said. "The first arrives in May."' names him in a sentence with no trigger, before or after the claim."""
        quoted = [False] * len(bounds)  # inside a quotation or holding a quote mark
        paragraph = [0] * len(bounds)
        open_quote, para = False, 0
        for k, (a, b) in enumerate(bounds):
            if k and any(t.is_space and "\n" in t.text for t in doc[bounds[k - 1][0] : a]):
                para, open_quote = para + 1, False
            marks = sum(1 for t in doc[a:b] if t.text in _QUOTES)
            quoted[k] = open_quote or marks > 0
            open_quote = open_quote != (marks % 2 == 1)
            paragraph[k] = para
        claims = {paragraph[k] for k in range(len(bounds)) if need[k] and quoted[k]}
        for k, (a, b) in enumerate(bounds):
            if not need[k] and quoted[k] and paragraph[k] in claims and any(
                t.lower_ in _REPORT_FORMS for t in doc[a:b]
            ):
                need[k] = True

    # --- parsing -------------------------------------------------------------------------------

    def _batch(self, items: list[tuple[str, T]]) -> Iterator[tuple[Prepared, T]]:
        plans = []
        arrays: dict[str, numpy.ndarray] = {}  # this batch's sentence annotations, safe from cache eviction
        todo: dict[str, tuple[Doc, frozenset[int]]] = {}  # sentence text -> (its own Doc, catalog-covered tokens)
        for text, context in items:
            doc = self.nlp.make_doc(text)
            mentions = self.mentions.find(doc, text)
            starts = sentence_starts(doc) if len(doc) else [0]
            bounds = list(zip(starts, starts[1:] + [len(doc)], strict=True)) if len(doc) else []
            need = self.select(doc, bounds, mentions)
            keys: list[str | None] = []
            for (a, b), parse in zip(bounds, need, strict=True):
                if not parse:
                    keys.append(None)
                    continue
                span = doc[a:b]
                key = span.text  # the trailing space does not change the parse: an echo's last sentence still hits
                keys.append(key)
                if key in arrays or key in todo:
                    continue
                if key in self.cache:
                    self.cache.move_to_end(key)
                    arrays[key] = self.cache[key]
                    continue
                covered = frozenset(i - a for m in mentions if a <= m.start < b for i in range(m.start, min(m.end, b)))
                todo[key] = (span.as_doc(), covered)
            plans.append((doc, mentions, bounds, keys, context))
        arrays.update(self._parse(todo))
        for doc, mentions, bounds, keys, context in plans:
            if not any(k is not None for k in keys):  # nothing can be an event here
                yield Prepared(doc, mentions, False), context
                continue
            doc.from_array(list(ATTRS), self._annotations(len(doc), bounds, keys, arrays))
            yield Prepared(doc, self._with_people(doc, mentions), True), context

    def _parse(self, todo: dict[str, tuple[Doc, frozenset[int]]]) -> dict[str, numpy.ndarray]:
        """Parse new sentences (NER only where a person may be named) and cache their annotations."""
        if not todo:
            return {}
        pieces = list(todo.values())
        docs = list(self.nlp.pipe((d for d, _ in pieces), batch_size=max(32, len(todo)), disable=["ner"]))
        if self.has_ner:
            wanted = [d for d, (_, covered) in zip(docs, pieces, strict=True) if may_name_a_person(d, covered)]
            for _ in self.nlp.get_pipe("ner").pipe(wanted, batch_size=max(32, len(wanted))):
                pass
        fresh = {key: d.to_array(list(ATTRS)) for key, d in zip(todo, docs, strict=True)}
        if self.cache_size > 0:
            self.cache.update(fresh)
            while len(self.cache) > self.cache_size:
                self.cache.popitem(last=False)
        return fresh

    def _annotations(
        self, length: int, bounds: list[tuple[int, int]], keys: list[str | None], arrays: dict[str, numpy.ndarray]
    ) -> numpy.ndarray:
        """The article's attribute array: parsed sentences' annotations, flat trees elsewhere."""
        out = numpy.zeros((length, len(ATTRS)), dtype=numpy.uint64)
        for (a, b), key in zip(bounds, keys, strict=True):
            if key is not None:
                out[a:b] = arrays[key]
                continue
            out[a, _COL_DEP] = self.dep_root
            out[a + 1 : b, _COL_DEP] = self.dep_flat
            out[a + 1 : b, _COL_HEAD] = (a - numpy.arange(a + 1, b, dtype=numpy.int64)).astype(numpy.uint64)
        return out

    def _with_people(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """The first pass's mentions, plus people where the NER found some (rare: names as sources)."""
        if any(may_be_person(ent) for ent in doc.ents):
            return self.mentions.with_people(doc, mentions)
        return mentions
