"""Events in one parsed article: triggers, the system they concern, the parties and the date.

The flow for each sentence is: find trigger words (lexicon.py), pick the system
the trigger is about (its own phrase first, then the sentence, then what "the
systems" refers back to), map the states around the trigger to supplier and
recipient with the trigger's frame, attach the date expression that hangs from
the trigger, and ask attribution.py and factuality.py who says so and how surely.
Per-article memory is limited to what a reader keeps: the last system named and
who holds which system.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from armsledger.catalog import Catalog, fold, looks_like_designation
from armsledger.extract.attribution import SELF, Attribution, AttributionFinder
from armsledger.extract.factuality import classify, denial_verb, plain_negation
from armsledger.extract.lexicon import (
    ATTEMPT_WORDS,
    DELIVERY_ADJECTIVES,
    DENIAL_NOUNS,
    DENIED_OBJECTS,
    DEPLOYMENT_ADJECTIVES,
    GENERIC_CATEGORIES,
    LATE_WORDS,
    LIFT_VERBS,
    NEAR_WORDS,
    NOUN_TRIGGERS,
    OBJECTION_WORDS,
    PHRASAL_TRIGGERS,
    PROGRAMME_WORDS,
    READY_FOR,
    REJECTABLE,
    REPORT_NOUNS,
    REPORTING_VERBS,
    REQUEST_WORDS,
    SHIP_KINDS,
    VERB_TRIGGERS,
    WEIGHING_WORDS,
)
from armsledger.extract.mentions import GENERIC_SYSTEM_NOUNS, Mention
from armsledger.extract.timex import CALENDAR_WORDS, Timex, find_anaphoric, find_timexes
from armsledger.model import TRANSFER_TYPES, Event

_PRONOUNS = {"it", "its", "they", "their", "them", "itself"}
# nouns that name an arms event only with a system in their own phrase ("a request" alone is not an offer)
# approving a sale is an offer only by the seller's state (GUIDE.md); a third state's approval is a licence
_APPROVE_VERBS = {"approve", "authorise", "authorize", "clear"}
# nouns of a competitor's offer, whose apposition lists what is offered ("three bids: X, Y and Z")
_BID_NOUNS = {"bid", "offer", "proposal"}
_STRICT_NOUNS = {"request", "proposal", "bid", "offer", "talk", "negotiation", "test", "development", "supply", "order",
                 "approval", "trial"}
_STRICT_VERBS = {"ask", "seek", "request", "present", "approve", "authorise", "authorize", "promise", "pledge", "give",
                 "provide", "get", "fire", "launch", "commit", "discuss", "select", "choose", "pick", "settle", "opt",
                 "prefer", "promote", "tout", "market", "table",
                 "pitch", "put", "commission", "come", "go", "strike", "attack", "hit", "destroy", "target", "shoot",
                 "sink", "intercept", "bomb", "lend", "loan", "consider", "weigh", "mull", "study", "contemplate",
                 "explore", "evaluate", "assess", "see", "clear", "win", "pay", "assign", "attach", "allocate",
                 "join"}
# directives whose addressee follows a preposition and controls the infinitive: "demanded from X to buy"
_DIRECTIVE_VERBS = {"demand", "request", "require", "expect", "want", "call", "insist", "press", "pressure",
                    "pressurise", "pressurize", "urge"}
# words for arms in general: a transfer of them has no system, but it is still an event
_ARMS_WORDS = {"weapons", "arms", "munitions", "ammunition", "shells", "armaments", "weaponry", "materiel"}
_DEAL_NOUNS = {"contract", "deal", "agreement", "order", "sale"}
_GENERIC_ARMS_TYPES = {"order", "delivery", "cancellation", "delay"}
# a partner state's veto on a sale ("blocked the sale") and what it can be on
_BLOCK_VERBS = {"block", "veto"}  # ("bar" is mostly a law: "bars re-exports to countries at war")
_BLOCKED_NOUNS = {"sale", "transfer", "export", "deal", "delivery", "purchase", "shipment", "order", "package"}
# an export licence put on hold holds the items it covers: a delay by the licensing state (a licence refused is a
# rejection: "refused to license the engines")
_HOLD_VERBS = {"suspend", "freeze", "withhold", "revoke", "halt", "pause"}
_HOLD_NOUNS = {"suspension", "freeze", "revocation", "halt"}
# Transfers a hold verb holds up (a delay, GUIDE.md), unlike a state suspended from a programme (an exclusion).
_HELD_DEALS = {"transfer", "delivery", "shipment", "handover", "supply", "sale"}
_SIGHT_VERBS = {"see", "spot", "sight", "photograph", "film", "observe"}
_SOURCE_NOUNS = {"source", "supplier", "provider", "origin"}
_GIFT_VERBS = {"donate", "give", "gift", "supply", "provide", "sell", "lend", "loan"}
# What a legislature or a ministry receives that is no arms ("received no request for funds").
_PAPER_NOUNS = {"request", "application", "letter", "complaint", "invitation", "notification", "query", "question"}
_MONEY_NOUNS = {"fund", "funds", "money", "financing", "funding", "budget", "loan", "credit", "payment", "cash"}
_HELD_ARMS_WORDS = _ARMS_WORDS | {"weapon", "military", "defence", "defense"}  # what held shipments may be of
_LICENCE_NOUNS = {"licence", "license", "licences", "licenses", "permit", "permits"}
_ARRIVE_VERBS = {"reach", "arrive", "land"}
_STATE_NOUNS = {"government", "country", "nation", "cabinet"}  # "the government" stands for a state
_FORCE_HEADS = {"navy", "army", "military", "force", "forces", "guard", "corps"}  # "the air force", "the coast guard"
_SERVICE_TITLES = {"minister", "ministry", "secretary"}  # "the French Armed Forces Minister": a cabinet post
_PAIR_NOUNS = {"governments", "countries", "nations", "sides", "capitals"}  # "the two governments": the buyer stands in
_OWN_WORDS = {"own", "indigenous", "new", "domestic", "national"}
_MAKER_NOUNS = {"manufacturer", "maker", "builder", "producer", "manufacturers", "makers"}
# a buyer weighing a purchase: still the buyer's order, one that may come (GUIDE.md: speculated), not an offer
_WEIGH_WORDS = {"consider", "weigh", "mull", "study", "contemplate", "explore", "evaluate"}
_OFFER_WEIGH_WORDS = _WEIGH_WORDS | {"assess", "examine", "review", "look", "compare"}  # "the bids are being
# examined", "we are comparing the two offers"
_PROPOSE_WORDS = {"propose", "proposal", "suggest", "suggestion", "want", "request", "seek", "consider"}
_EXPERIENCER_VERBS = {"face", "receive", "suffer", "avoid", "escape", "risk", "attract", "incur", "expose"}
_AGREE_VERBS = frozenset({"agree", "decide", "consent", "prepare", "offer", "want", "plan", "hope", "choose"})
_LIGHT_VERBS = _EXPERIENCER_VERBS | {"take", "get", "accept", "await", "expect", "welcome"}
# the links a controlled verb climbs to find its subject ("Egypt agreed to buy", "Ghana is close to buying")
_CLIMB_DEPS = {"xcomp", "pcomp", "pobj", "prep", "dobj", "ccomp", "advcl", "acl", "conj", "acomp", "oprd"}
# adjectives whose subject does the infinitive's act: "Ghana is close to buying", "Peru is keen to acquire"
_CONTROL_ADJECTIVES = {"close", "near", "ready", "eager", "keen", "willing", "poised", "set", "likely", "unlikely",
                       "able", "unable", "reluctant", "prepared", "determined", "anxious", "inclined"}
_MONEY = re.compile(
    r"(?:(?:US)?\$|€|£|USD|EUR|GBP)\s?\d[\d.,]*\s?(?:billion|million|bn|m|mn)?\b|"
    r"\d[\d.,]*\s?(?:billion|million|bn)\s(?:dollars|euros|pounds|USD|EUR)",
    re.IGNORECASE,
)
_SCOPE_EDGES = {"relcl", "advcl", "acl", "conj", "parataxis", "ccomp", "appos"}
_CONTENT_VERBS = {"cover", "include", "involve", "comprise", "encompass"}  # "a contract covering X": X is its content


@dataclass(slots=True)
class Extraction:
    """The events of one article, the outlet its lead claim was given to or taken from, if named, and the outlet
    a lead claim came from before a later denial merged into it (the origin is who broke the news, not who denied
    it)."""

    events: list[Event]
    lead_cited: str | None = None
    lead_outlet: str | None = None


@dataclass(slots=True)
class Trigger:
    token: Token
    type: str
    frame: str


@dataclass(slots=True)
class Context:
    """One sentence as the event readers see it: its mentions, triggers and dates, and who may be speaking."""

    sent: Span
    index: int  # of the sentence in the article
    mentions: list[Mention]
    by_token: dict[int, Mention]
    timexes: list[tuple[Timex, Token]]
    triggers: list[Trigger]
    attributions: AttributionFinder
    quote_attribution: Attribution | None  # the quote the sentence belongs to, if it spans sentences


@dataclass(slots=True)
class ArticleState:
    """What a reader remembers while reading one article."""

    last_system: str | None = None
    history: list[str] = field(default_factory=list)  # systems in order of mention
    just_named: list[str] = field(default_factory=list)  # systems the sentence before this one named
    holders: dict[str, str] = field(default_factory=dict)  # system -> state that has (or ordered) it
    received: dict[str, str] = field(default_factory=dict)  # system -> date of its first delivery told as done
    last_subject_state: str | None = None
    topic: str | None = None  # the state last a subject, or its possessor ("Poland's ministry said")
    # the state a paragraph opens on, when it makes none of the arms told ("Some 900 km south-east, Guinea-Bissau is
    # shopping too"): the buyer of that paragraph's transfers whose buyer goes unsaid
    para_topic: str | None = None
    actors: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # type -> last (supplier, recipient)
    focus: list[str] = field(default_factory=list)  # states by how often the article names them
    verbal: set[int] = field(default_factory=set)  # ids of events told by a verb ("signed"), not a noun ("purchase")
    named: list[tuple[int, str]] = field(default_factory=list)  # (token, designation) of every system mention
    turned_down: set[str] = field(default_factory=set)  # systems rejected and not (yet) acquired
    sellers: dict[tuple[str, str | None], str] = field(default_factory=dict)  # (system, buyer) -> seller read
    offers: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # system -> (offerer, offered)
    last_transfer: Event | None = None  # the last order/delivery/offer read, for ellipsis ("Qatar followed")
    last_talks: Event | None = None  # the last deal under discussion, for "a contract could be signed in May"
    last_sanction: Event | None = None  # for "Britain and France followed with measures of their own"
    last_veto: Event | None = None  # the last sale a partner blocked, for "the objection was dropped"
    buyers: dict[str, int] = field(default_factory=dict)  # recipient -> transfers told to it so far
    lead_buyer: str | None = None  # the recipient of the lead's first transfer: whom the story is about
    # the state whose armed service of each kind the article names first ("the Sri Lanka Air Force": "air force")
    forces: dict[str, str] = field(default_factory=dict)
    # weighings of bids not yet told ((sentence, start) -> states whose bids they are, if named): replaced by the
    # bids told next
    stand_ins: dict[tuple[int | None, int | None], frozenset[str]] = field(default_factory=dict)


class EventExtractor:
    """Extracts events from one parsed document. Stateless across articles."""

    def __init__(self, catalog: Catalog, forms: frozenset[str] | None = None) -> None:
        self.catalog = catalog
        # lower-cased forms that can carry a trigger (prefilter.trigger_forms); other tokens are skipped unread
        self.forms = forms
        self._last_attribution: Attribution | None = None
        # (paragraph start, its last named speaker, the sentence that named them)
        self._para_speaker: tuple[int, Attribution, int] | None = None
        self._system_facts: dict[str, tuple[str | None, tuple[str, ...]]] = {}
        self._companies = frozenset(o.name for o in catalog.organisations if o.kind == "company")
        self._text_makers: dict[str, tuple[str, ...]] = {}  # the current article's makers of unlisted systems
        self._named_systems: frozenset[int] = frozenset()  # the current article's tokens that name a system
        self._article_makers: set[str] = set()  # the states that make a system the current article names

    # --- public --------------------------------------------------------------------------------

    def extract(self, doc: Doc, mentions: list[Mention], published: str | None) -> Extraction:
        state = ArticleState()
        self._para_speaker = None
        lead_cited: str | None = None
        counts: dict[str, int] = {}
        lead_end = next(iter(doc.sents)).end if len(doc) else 0
        for m in mentions:
            if m.is_state and m.country and m.canonical not in self._companies:  # a maker ("KAI") sells; not the topic
                counts[m.country] = counts.get(m.country, 0) + (2 if m.start < lead_end else 1)  # the lead's weigh more
        state.focus = sorted(counts, key=lambda c: -counts[c])
        state.named = [(m.start, m.canonical) for m in mentions if m.label == "SYSTEM"]
        self._text_makers = self._makers_named(doc, mentions)
        self._article_makers = {c for _, d in state.named for c in self._makers(d)}
        attributions = AttributionFinder(mentions)
        by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                by_token[i] = m
        quote_sources = self._quote_blocks(doc, attributions)
        events: list[Event] = []
        for s_idx, sent in enumerate(doc.sents):
            sent_mentions = [m for m in mentions if sent.start <= m.start < sent.end]
            if s_idx and "\n" in doc[sent.start - 1].text + doc[sent.start - 1].whitespace_:
                state.para_topic = self._paragraph_state(doc, sent_mentions, state)
            for m in sent_mentions:
                service = _names_forces(m, doc) if m.is_state and m.country else None
                if service:
                    state.forces.setdefault(service, m.country)
            stand_ins = _state_nouns(sent, sent_mentions, state)  # "the government", "the country"
            if stand_ins:
                sent_mentions = sorted(sent_mentions + stand_ins, key=lambda m: m.start)
                by_token.update((m.start, m) for m in stand_ins)
            # a question ("When did Türkiye buy them?") asks; it claims nothing
            asks = sent.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?")
            triggers = [] if asks else self._triggers(sent, sent_mentions, by_token)
            # dates only matter next to a trigger; "Mirage 2000" names a jet, not a year
            timexes = self._timexes(sent, published, sent_mentions) if triggers else []
            # background clauses first ("the S-400s it sold to Ankara"): they tell who holds what
            ordered = sorted(triggers, key=lambda t: (not _in_background(t.token), t.token.i))
            sent_events: list[Event] = []
            ctx = Context(sent, s_idx, sent_mentions, by_token, timexes, triggers, attributions,
                          quote_sources.get(s_idx))
            for trig in ordered:
                ev = self._event(trig, ctx, state)
                rivals = self._rivals_turned_down(ev, trig.token, ctx, state) if ev is not None else []
                if rivals:  # "Both competitors were turned down": each rival named, not the winner
                    sent_events.extend(rivals)
                    state.turned_down.update(r.system for r in rivals if r.system)
                    continue
                weighed = self._offers_weighed(trig, ctx, state)
                if weighed:  # "both offers are being assessed": each offer, not the bare verb
                    sent_events.extend(weighed)
                    continue
                if ev is not None and ev.type == "offer" and _accepted_bid(trig.token):
                    # "Cabinet on Tuesday accepted New Zealand's offer, made in writing in February, of two AW109s":
                    # the acceptance is the buyer's order (of the verb's date); the offer keeps the date it was made
                    made = next((tx.value for tx, r in timexes if any(
                        a.dep_ == "acl" and a.head == trig.token for a in (r, *r.ancestors))), None)
                    sent_events.append(replace(ev, type="order"))
                    ev = replace(ev, date=made or ev.date)
                if ev is not None:
                    sent_events.append(ev)
                    if trig.token.pos_ in ("VERB", "AUX"):
                        state.verbal.add(id(ev))
                    sent_events.extend(self._coordinated(ev, trig.token, sent_mentions, by_token, state, timexes))
                    sent_events.extend(self._coordinated_parties(ev, sent, sent_mentions, trig))
                    sent_events.extend(_more_of(ev, trig.token, timexes))
                    passed_over = self._rejected_rivals(ev, trig.token, ctx, state)
                    sent_events.extend(passed_over)  # ("chose X over Y. The aircraft will land ...": X's, not Y's)
                    state.turned_down.update(r.system for r in passed_over if r.type == "rejection" and r.system)
                    if s_idx <= 1 and lead_cited is None and self._last_attribution is not None:
                        lead_cited = self._last_attribution.cited
                    _note_holder(state, ev)
                    state.actors[ev.type] = (ev.supplier, ev.recipient)
                    if s_idx == 0 and state.lead_buyer is None and ev.type in TRANSFER_TYPES and (
                        ev.recipient in _subject_states(sent, sent_mentions) or ev.type == "offer" and ev.recipient
                        and ev.supplier in _subject_states(sent, sent_mentions)
                    ):  # "The Ghana Armed Forces are close to buying TB2s", "The US has approved a possible sale to
                        state.lead_buyer = ev.recipient  # Tunisia": the story's buyer
                    if ev.type in ("order", "delivery") and ev.recipient and ev.factuality != "negated":
                        state.buyers[ev.recipient] = state.buyers.get(ev.recipient, 0) + 1
                    if ev.system and ev.type == "rejection" and ev.factuality == "asserted" and (
                        self._producer(ev.system) == ev.recipient
                    ):  # "having rejected France's Rafale": a purchase turned down, not a demand about it
                        state.turned_down.add(ev.system)
                    elif ev.system and ev.type in ("order", "delivery"):
                        state.turned_down.discard(ev.system)
                    if ev.type in ("order", "delivery", "offer") and ev.factuality != "negated":
                        state.last_transfer = ev
                    if ev.type in ("negotiation", "offer") and ev.system:
                        state.last_talks = ev
                    if ev.type == "sanction" and ev.supplier and ev.recipient and ev.factuality != "negated":
                        state.last_sanction = ev
                    if ev.type == "offer" and ev.system:
                        state.offers[ev.system] = (ev.supplier, ev.recipient)
                    if ev.type == "rejection" and trig.token.lemma_.lower() in _BLOCK_VERBS:
                        state.last_veto = ev
            sent_events = self._chooser_rejects(self._named_seller_wins(sent_events, sent_mentions, state), state)
            sent_events = _sellers_in_sentence(sent_events)
            for e in sent_events:  # ("buying the vehicles along with Starstreak missiles": each item told has a holder)
                _note_holder(state, e)
                if e.type == "offer" and e.system and e.system not in state.offers:  # ("three proposals: the
                    state.offers[e.system] = (e.supplier, e.recipient)  # Chinese one, Paramount's Mwari and ...")
            events.extend(sorted(sent_events, key=lambda e: e.start or 0))
            if not sent_events:  # "Eswatini's army wants vehicles, the Times of Eswatini reported": no event, but the
                attributions.note_cited(sent, sent_mentions)  # paper that "the paper said" then means
            state.just_named = [m.canonical for m in sent_mentions if m.label == "SYSTEM"]
            for m in sent_mentions:
                if m.label == "SYSTEM":
                    state.last_system = m.canonical
                    state.history.append(m.canonical)
                # a sentence the prefilter left unparsed ("Azerbaijan has its own suppliers.") has no subjects;
                # English puts them first, so a state opening the sentence stands in
                unparsed = not doc[sent.start].pos_ and m.start <= sent.start + 1
                if m.is_state and doc[m.start].dep_ in ("nsubj", "nsubjpass") or (
                    m.is_state and m.span(doc).root.dep_ in ("nsubj", "nsubjpass")
                ) or (m.is_state and unparsed):
                    state.last_subject_state = m.country
                if m.is_state and unparsed and m.canonical not in self._companies:
                    state.topic = m.country  # ("Praia has also been drawn into a quarrel": "the government" is Praia's)
                if m.is_state and m.span(doc).root.dep_ in ("nsubj", "nsubjpass", "poss") and (
                    m.span(doc).root.dep_ != "poss" or m.span(doc).root.head.dep_ in ("nsubj", "nsubjpass")
                ):
                    state.topic = m.country  # "Poland's ministry declined ..." -> "the country" is Poland
            service = next((_bare_service(c) for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            home = _service_state(state, service) if service else None
            if home:  # "The army has reinforced the border. Last week it sent ...": "it" is the army's state
                state.last_subject_state = home
        weighing = {i for i, sent in enumerate(doc.sents) if any(t.lemma_.lower() in WEIGHING_WORDS for t in sent)}
        events = _orders_per_bid(events, weighing, state.stand_ins)
        lead_outlet = next((e.source for e in events if e.sentence == 0 and e.source_kind == "outlet"), None)
        return Extraction(merge_duplicates(events, published, state.verbal), lead_cited, lead_outlet)

    # --- sentences -----------------------------------------------------------------------------

    def _timexes(self, sent: Span, published: str | None, mentions: list[Mention]) -> list[tuple[Timex, Token]]:
        """Date expressions of the sentence with the token they hang from, outside any system's name."""
        named = {i for m in mentions if m.label == "SYSTEM" for i in range(m.start, m.end)}
        out = []
        found = [tx for tx in find_timexes(sent.text, published) if tx.value is not None]  # tense guessed per phrase
        before = sent.doc.text[max(0, sent.start_char - 800) : sent.start_char]
        found += [tx for tx in find_anaphoric(sent.text, before, published)  # "that July", "the following year"
                  if not any(tx.start < f.end and f.start < tx.end for f in found)]
        for tx in sorted(found, key=lambda t: t.start):
            span = sent.doc.char_span(sent.start_char + tx.start, sent.start_char + tx.end, alignment_mode="expand")
            if span is None or all(t.i in named for t in span):
                continue
            out.append((tx, span.root))
        return out

    def _quote_blocks(self, doc: Doc, attributions: AttributionFinder) -> dict[int, Attribution]:
        """Sentences inside a quotation that spans sentences take the attribution where the quote closes; a quotation
        that resumes after its speaker is named ('"A," the minister said. "B. C."') or opens after them ('He said:
        "A. B."') and names no one else keeps that speaker, within the paragraph."""
        result: dict[int, Attribution] = {}
        sents = list(doc.sents)
        open_block: list[int] | None = None  # the sentences of a quotation not yet closed
        speaker: Attribution | None = None  # who the paragraph's last quotation belongs to
        for idx, sent in enumerate(sents):
            n_quotes = sum(1 for t in sent if t.text in ('"', "\u201c", "\u201d"))
            starts_quoted = sent.text.lstrip()[:1] in ('"', "\u201c")
            if idx and "\n" in doc.text[sents[idx - 1].end_char - 1 : sent.start_char + 1]:
                speaker = None  # a new paragraph: a new quotation names its own speaker
            if open_block is not None:
                open_block.append(idx)
                if n_quotes % 2 == 1:  # the quote closes here
                    att = self._closing_attribution(sent, attributions) or speaker
                    if att is not None:
                        for j in open_block:
                            result[j] = att
                    speaker, open_block = att, None
                continue
            own = self._closing_attribution(sent, attributions) if n_quotes else None
            if starts_quoted and n_quotes % 2 == 1:
                open_block = [idx]
            elif own is not None:  # '"A," the minister said.' or 'He said: "A.' (a quotation that goes on)
                speaker = own
                open_block = [] if n_quotes % 2 == 1 else None
            elif starts_quoted and speaker is not None:  # a whole quoted sentence after '"A," he said.'
                result[idx] = speaker
        return result

    def _closing_attribution(self, sent: Span, attributions: AttributionFinder) -> Attribution | None:
        from armsledger.extract.lexicon import REPORTING_VERBS

        for tok in sent:
            if tok.lemma_.lower() in REPORTING_VERBS:
                att = attributions._from_verb(tok)
                if att is not None:
                    return att
        return None

    # --- triggers ------------------------------------------------------------------------------

    def _arms_subject(self, subject: Token) -> bool:
        """ "The first aircraft", "the first Rafales", "Ukraine's first F-16s": a subject that names arms (items,
        a designation, or a system the catalog knows by the words up to the head)."""
        return _items(subject) or _arms_noun(subject) or subject.i in self._named_systems or self.catalog.find_system(
            subject.doc[subject.left_edge.i : subject.i + 1].text) is not None or self.catalog.find_system(
            subject.text) is not None

    def _triggers(self, sent: Span, mentions: list[Mention], by_token: dict[int, Mention]) -> list[Trigger]:
        found: list[Trigger] = []
        handovers: list[Trigger] = []
        forms = self.forms
        # tokens of the systems this article names (also by a ship's own name), for the rules that need a subject
        # or an object to be arms
        self._named_systems = frozenset(i for i, m in by_token.items() if m.label == "SYSTEM")
        for tok in sent:
            if forms is not None and tok.lower_ not in forms:
                continue
            if tok.i in by_token and by_token[tok.i].label != "SYSTEM":
                continue
            hit = self._trigger_of(tok)
            if hit is not None and tok.lemma_.lower() in _STRIKE_NOUNS and tok.pos_ == "NOUN" and not (
                _named_before(tok, by_token)
            ):
                continue  # "the Hamas attacks": only a system's strikes ("TB2 strikes") are its use
            if hit is not None and hit[0] == "delivery" and tok.pos_ == "VERB" and (any(
                c.dep_ == "advmod" and c.lower_ in LATE_WORDS for c in tok.children
            ) or _overdue(tok)):
                hit = ("delay", "mod")  # "was handed over four months late", "will also arrive late"
            if hit is not None:
                found.append(Trigger(tok, *hit))
            if hit is not None and hit[0] == "delivery" and (
                _old_schedule(tok) is not None or _behind(tok) or _later_than(tok) is not None
            ):
                found.append(Trigger(tok, "delay", "mod"))  # "originally due in 2025, would now arrive in 2026"
            if hit is not None and hit[0] == "delay" and _moved_to(tok) is not None:
                handovers.append(Trigger(tok, "delivery", "mod"))  # "their delivery was pushed back to 2027":
                # the handover at its new date, besides the slip (kept apart: the verb stays the delay's)
        verbs = {t.token.i: t for t in found if t.token.pos_ in ("VERB", "AUX")}
        ids = {t.token.i for t in found}
        by_i = {t.token.i: t for t in found}
        kept = []
        for t in found:
            tok = t.token
            head = verbs.get(tok.head.i)
            if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
                head = verbs.get(tok.head.head.i)  # "said no to the offer"
                if head is not None and head.type != "rejection":
                    head = None
            if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass", "pobj") and head is not None and (
                head.type in ("cancellation", "delay", "rejection", "order", "return")
            ) and not (head.type == "rejection" and t.type == "offer") or (
                head is not None and head.type == "negotiation" and t.type == "order" and tok.dep_ == "dobj"
            ) or (
                tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and head is not None
                and head.type in ("cancellation", "delay") and not any(c.dep_ == "dobj" for c in head.token.children)
            ):  # "negotiating the sale of S": the talks are the event; "the deal collapsed", "the delivery has
                # slipped": the collapse or the slip is
                continue  # "cancelled the contract", "signed the deal": one event, carried by the verb
                # (but "turned down a Chinese offer" is two: the offer, and its rejection)
            if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.head.lower_ in _SCHEDULED_WORDS and any(
                c.dep_ == "advmod" and c.lower_ in _ONCE_WORDS for c in tok.head.head.children
            ):
                continue  # "originally scheduled for delivery in 2024": the old date of a delivery told elsewhere
            if _under_deal(tok) and verbs.get(tok.head.head.i) is not None and (
                verbs[tok.head.head.i].type == "order"
            ):  # "Under a 2013 agreement, Portugal sold it 12 jets": the verb tells the deal
                continue  # (a delivery "under a 2017 contract" is another event than the contract)
            if t.type == "test" and tok.pos_ == "NOUN" and (
                tok.lemma_.lower() in _DRILL_NOUNS | {"sortie"} or tok.lower_ in ("firing", "firings")) and any(
                a.i in ids and by_i[a.i].type == "test" for a in list(tok.ancestors)[:3]
            ):
                continue  # "crews fired WMA301 assault guns during the live-fire exercise": one firing, the verb's
            governors = ("delay", "cancellation", "rejection") + (("order",) if t.type == "delivery" and
                                                                   tok.pos_ == "NOUN" else ())
            if t.type in ("order", "delivery") and _governed_by(tok, ids, found, governors):
                continue  # "put off taking delivery", "refusing to let Ankara buy": one event, the delay/refusal
            if t.type == "offer" and tok.pos_ == "NOUN" and any(
                c.dep_ in ("acl", "relcl") and c.i in ids and by_i[c.i].type in ("delay", "cancellation", "rejection")
                for c in tok.children
            ):
                continue  # "a request to put off taking delivery": a request about a delay, not an arms offer
            if t.type == "offer" and tok.pos_ == "VERB" and tok.lemma_.lower() in ("offer", "propose") and any(
                c.i in ids and c.dep_ in ("xcomp", "ccomp") for c in tok.children
            ):
                continue  # "offered to buy back": the embedded transfer is the offer
            kept.append(t)
        return kept + handovers

    def _trigger_of(self, tok: Token) -> tuple[str, str] | None:
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if low == "behind" and tok.head.lemma_.lower() == "be" and any(
            c.dep_ == "pobj" and c.lemma_.lower() in _SCHEDULE_NOUNS for c in tok.children
        ):
            return ("delay", "mod")  # "the aircraft were behind schedule", "the project is well behind schedule"
        if _under_study(tok) and _weighed_offers(tok) is not None:
            return ("order", "get")  # "Both are under study": each offer told may become a purchase
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            for child in tok.children:
                # particles are sometimes parsed as prepositions or adverbs: "cutting Turkey out of the programme"
                if child.dep_ in ("prt", "prep", "advmod") and (lemma, child.lower_) in PHRASAL_TRIGGERS and not (
                    child.lower_ == "for" and any(c.dep_ == "dobj" for c in tok.children)
                ):  # ("signed a contract for 50 tanks": the contract is signed, not "signed for")
                    if (lemma, child.lower_) == ("pay", "for") and not any(
                        g.dep_ == "pobj" and any(t.like_num or t.pos_ == "PROPN" or any(ch.isdigit() for ch in t.text)
                                                 for t in g.subtree if t.i < g.i)
                        and not any(c.dep_ == "prep" and c.lower_ == "for" for c in g.children)
                        for g in child.children
                    ):  # "pay for the upkeep of its jets", "we have paid for these aircraft" (the deal told),
                        return None  # "offered to pay for two Patriots for Ukraine" (a gift funded)
                    if (lemma, child.lower_) == ("push", "back") and any(
                        c.dep_ == "prep" and c.lower_ == "against" for c in tok.children
                    ):
                        return None  # "pushing back against reports that ...": a rebuttal, not a delay
                    if (lemma, child.lower_) == ("send", "back") and any(
                        p.dep_ == "prep" and p.lower_ == "to" and any(
                            g.dep_ == "pobj" and g.lemma_.lower() in _SITE_NOUNS for g in p.children)
                        for h in (tok, child) for p in h.children
                    ):
                        return ("deployment", "self")  # "two of them were sent back to Salak airport"
                    if (lemma, child.lower_) == ("go", "back") and not any(
                        c.dep_ == "nsubj" and (self._arms_subject(c) or _pronoun_items(c, tok)) for c in tok.children
                    ):
                        return None  # "the army went back to China for more": a buyer, not arms going back
                    if (lemma, child.lower_) == ("set", "aside") and not any(
                        c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in _RIVAL_NOUNS or c.pos_ == "PROPN")
                        for c in tok.children
                    ):
                        return None  # "set aside money for it": funds, not a bid turned down
                    return PHRASAL_TRIGGERS[(lemma, child.lower_)]
            if (lemma == "accept" or low == "take" and any(c.dep_ == "prep" and c.lower_ == "from"
                                                          for c in tok.children)) and (
                tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in _AGREE_VERBS
            ) and any(
                c.dep_ == "dobj" and c.lemma_.lower() not in NOUN_TRIGGERS and not any(
                    d.dep_ == "poss" for d in c.children) and (
                    _arms_noun(c) or c.lower_ in SHIP_KINDS or c.lemma_.lower() in SHIP_KINDS)
                for c in tok.children
            ):  # (not "to accept its final jets": a delivery taken; nor "a decision to accept", told apart)
                return ("order", "get")  # "has agreed to take a retired Pohang-class corvette from South Korea",
                # "whether to accept the ship": a state accepting arms (a donation) acquires them
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and (lemma, nxt.lower_) in PHRASAL_TRIGGERS and nxt.dep_ == "amod" and (
                nxt.lower_ in ("back", "up", "off")
            ):  # "have pushed back deliveries of 66 F-16s": the particle misread as the object's adjective
                return PHRASAL_TRIGGERS[(lemma, nxt.lower_)]
            said_no = any(c.lower_ == "no" and c.dep_ in ("dobj", "intj", "ccomp", "npadvmod") for c in tok.children)
            said_no = said_no or any(  # "said no to the offer", with "no" hung from "to"
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "no" for g in c.children)
                for c in tok.children
            )
            if lemma == "say" and said_no:
                return ("rejection", "act")
            if lemma in ("run", "fall", "lag") and any(
                c.lower_ == "late" and c.dep_ in ("advmod", "acomp")
                or c.lower_ == "behind" and (lemma != "run" or any(g.lemma_.lower() in _SCHEDULE_NOUNS
                                                                   for g in c.children))
                for c in tok.children
            ):
                return ("delay", "mod")  # "the frigates are running late", "has fallen years behind schedule"
            if lemma in ("use", "employ") and _combat_use(tok):
                return ("test", "self")  # "used Harop drones to devastating effect", "used ATACMS against airfields"
            if lemma == "operate" and _based_at(tok, _SITE_PREPS):
                return ("deployment", "self")  # "it has been operating at Wallace Air Station since early 2024"
            if lemma in ("base", "place", "keep", "berth", "moor") and _based_at(tok, _SITE_PREPS, named=any(
                c.dep_ == "nsubjpass" and self.catalog.find_system(tok.doc[c.left_edge.i : c.i + 1].text)
                or c.dep_ == "dobj" and self.catalog.find_system(tok.doc[c.left_edge.i : c.right_edge.i + 1].text)
                for c in tok.children)) and not any(  # ("keeps Mirage 2000-5s in Djibouti", however parsed)
                c.dep_ == "dobj" and c.lemma_.lower() in _PURCHASE_NOUNS
                or c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") for c in tok.children
            ):
                return ("deployment", "self")  # "bases a squadron of Su-25s at Kant", "will be placed around the
                # capital", "has kept four of its Bell 412s at X" (not "placed an order", "keep the line busy")
            if lemma in _HOLD_VERBS and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _HELD_DEALS and not any(
                    g.dep_ in ("compound", "amod") and g.pos_ == "NOUN" and g.i not in self._named_systems
                    and g.lower_ not in GENERIC_SYSTEM_NOUNS | _HELD_ARMS_WORDS for g in c.children)  # (not "banana
                for c in tok.children  # shipments")
            ):
                return ("delay", "mod")  # "the transfer was frozen in 2024", "Washington halted deliveries": held
            if _restores_arms(tok):
                return ("offer", "act")  # "lifted its arms embargo on Cyprus", "restored its military cooperation"
            if _cuts_off_arms(tok):
                return ("rejection", "act")  # "cut off military aid to Nicaragua in 1979": arms refused from then on
            if lemma in ("move", "redeploy", "relocate", "shift") and _items_moved_to_a_place(tok):
                return ("deployment", "self")  # "last week two of them moved north to Hanimaadhoo"
            if lemma in ("cross", "roll", "drive") and any(
                c.dep_ == "prep" and c.lower_ == "into" and any(g.pos_ == "PROPN" for g in c.children)
                for c in tok.children
            ) and any(c.dep_ == "nsubj" and any(
                _items(g) or _arms_noun(g) or looks_like_designation(g.text)
                or g.pos_ == "PROPN" and self.catalog.find_system(g.text) for g in (c, *c.conjuncts)
            ) for c in tok.children):
                return ("deployment", "self")  # "300 soldiers and a dozen Puma M26s crossed into Mozambique"
            if lemma in _SITE_SENDS and self._sent_to_a_site(tok):
                return ("deployment", "self")  # "one of the AW139s was sent to Yaviza": moved at home, not sold
            if lemma in _CARRY_VERBS and _carried_troops(tok, self.catalog):
                return ("deployment", "self")  # "the Chetaks lifted a company of soldiers to Benzdorp": the
                # aircraft that carry troops somewhere are deployed with them
            if lemma in ("send", "move", "dispatch", "redeploy", "shift", "relocate") and any(
                c.dep_ == "nsubj" and (_service_kind(c) or c.lemma_.lower() in _PEOPLE_SENT | {"troop", "force"})
                or c.dep_ in ("dobj", "nsubjpass")
                and c.lemma_.lower() in _SENT_UNITS | _PEOPLE_SENT
                and any(_arms_noun(g) or g.pos_ == "PROPN" and self.catalog.find_system(g.text)
                        for w in (c, *(p for p in tok.children if p.lower_ == "with"))
                        for g in w.subtree if g.i > c.i) for c in tok.children
            ):  # ("sent a mechanised company with V-150s to the border", "soldiers in Bushmasters were sent into the
                # highlands": a unit or its men are moved, not sold)
                return ("deployment", "self")  # "the army sent a further company of Marauders to Mocímboa": its
                # own units moved, not a sale
            if _armed_strike(tok):
                return ("test", "self")  # "TB2s flew strikes around Kidal", "the drones struck rebel positions"
            if lemma in ("fire", "engage", "hit") and self._armed_verb(tok) and any(
                g.lemma_.lower() == "target" for c in tok.children
                for g in ((c,) if c.dep_ == "dobj" else c.children if c.dep_ == "prep" and c.lower_ == "at" else ())
            ):
                return ("test", "self")  # "both ships fired at towed targets", "the boat engaged a towed target
                # with its 20mm gun", "one of the boats hit its target during a gunnery drill"
            if lemma in ("fire", "launch") and any(c.dep_ == "dobj" for c in tok.children):
                return ("test", "self")  # "fired dozens of Tomahawks": a firing (strict: a system in the clause)
            if lemma == "fire" and {"from", "at"} <= {c.lower_ for c in tok.children if c.dep_ == "prep"} and any(
                c.dep_ == "prep" and c.lower_ == "from" and any(
                    looks_like_designation(g.text) or self.catalog.find_system(g.text) for g in c.subtree)
                for c in tok.children
            ):
                return ("test", "self")  # "door gunners fired from an AW139 at floating targets": the platform's
            if lemma == "fire" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and (
                tok.doc[tok.i - 2].lower_ == "test"
            ):
                return ("test", "self")
            if lemma in ("take", "bring") and tok.tag_ == "VBG" and tok.dep_ == "advcl" and _troops_leaving(
                tok.head
            ) and any(c.dep_ == "dobj" and any(t.i in self._named_systems for t in c.subtree) for c in tok.children):
                return ("deployment", "self")  # "a platoon left for the UN mission, taking six Humvees with them"
            if lemma in ("put", "place") and any(
                c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "table" for g in c.children)
                for c in tok.children
            ) and any(c.dep_ in ("dobj", "nsubjpass") and (
                any(t.i in self._named_systems for t in c.subtree)
                or any(d.dep_ in ("det", "poss") and d.lower_ != "a" for d in c.children)
            ) for c in tok.children):  # "The Americans put the helicopters on the table in September" (a system
                return ("offer", "give")  # named or told before, not "Beijing has put drones on the table")
            if lemma == "lease" and tok.i + 2 < len(tok.doc) and (
                tok.doc[tok.i + 1].pos_ == "PROPN" or tok.doc[tok.i + 1].lower_ in ("it", "them", "us", "him", "her")
            ) and (tok.doc[tok.i + 2].like_num or tok.doc[tok.i + 2].pos_ == "DET"):
                return ("order", "give")  # "Sweden leased Hungary 14 Gripens", "offered to lease it a squadron of
                # Gripens": the lessor leases out to the first
            if lemma == "lease" and tok.dep_ == "amod":
                return None  # "the leased Swedish Gripens the air force has flown since 2005": the jets, not a deal
            if lemma in _WEIGH_WORDS | {"assess"} and any(
                c.dep_ == "dobj" and (c.pos_ == "PROPN" or any(ch.isdigit() for ch in c.text)) for c in tok.children
            ):
                return ("order", "get")  # "the ministry is assessing Saab's RBS 70 NG": a purchase it may make
            if lemma in _OFFER_WEIGH_WORDS and _weighed_offers(tok) is not None:
                return ("order", "get")  # "both offers are being assessed": each offer told may become a purchase
            if lemma in ("receive", "get") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _PAPER_NOUNS
                or c.dep_ == "nsubjpass" and c.lemma_.lower() in _PAPER_NOUNS | _BID_NOUNS for c in tok.children
            ):  # "the legislature had received no request for funds", "a Colombian proposal had been received in
                return None  # July": paper, not arms, came in (the proposal's noun tells the offer)
            if lemma == "receive" and any(c.dep_ == "dobj" and c.lemma_.lower() in _BID_NOUNS for c in tok.children):
                return ("offer", "get")  # "received rival bids built around the Gripen and the F-16": offers made
            if lemma == "win" and any(c.dep_ == "dobj" and c.lemma_.lower() in _CONTEST_NOUNS for c in tok.children):
                return ("order", "give")  # "Otokar had won the competition with its Arma": the maker's sale
            if lemma in ("assign", "attach", "allocate") and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in _UNIT_NOUNS for g in c.children)
                for c in tok.children
            ) or lemma == "join" and any(c.dep_ == "dobj" and c.lemma_.lower() in _UNIT_NOUNS for c in tok.children):
                return ("deployment", "self")  # "the first K2s were assigned to the 20th Mechanised Brigade"
            if lemma == "join" and any(c.dep_ == "dobj" and c.lemma_.lower() in _FLEET_NOUNS and not any(
                d.dep_ in ("relcl", "acl") or d.lower_ == "a" for d in c.children
            ) for c in tok.children):  # (not "join a fleet that has grown quickly since 2020")
                return ("delivery", "arrive")  # "PLZ-07 howitzers joined the artillery in 2014", "a fifth joined the
                # fleet in 2014", "the OPVs would join the navy in 2028": arms entering a service are delivered
            if lemma == "patrol" and self._armed_verb(tok):
                return ("deployment", "self")  # "the vehicles now patrol Lamu and Garissa counties", "the RG-31s
                # that had been patrolling Manzini"
            if lemma == "serve" and any(c.dep_ == "prep" and c.lower_ in ("with", "in") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in _UNIT_NOUNS | _MISSION_NOUNS for g in c.children)
                    for c in tok.children
            ) and (self._armed_verb(tok) or any(c.dep_ == "nsubj" and c.lower_ in ("they", "it")
                                                  for c in tok.children)):
                return ("deployment", "self")  # "six of the vehicles have served with the platoon in Latvia", "MD
                # 500s, which served with the UN mission in Mali"
            if lemma == "go" and self._armed_verb(tok) and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in _MISSION_NOUNS for g in c.children)
                for c in tok.children
            ):
                return ("deployment", "self")  # "four Casspirs went with an infantry company to the SADC mission"
            if lemma in _SIGHT_VERBS and any(c.dep_ == "auxpass" for c in tok.children) and any(
                c.dep_ == "nsubjpass" and self._arms_subject(c) for c in tok.children
            ) and any(c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "near", "around") and any(
                g.pos_ == "PROPN" or g.lemma_.lower() in _SITE_NOUNS | {"street"} for g in c.subtree)
                for c in tok.children):
                return ("deployment", "self")  # "RG-31 vehicles were seen on the streets of Manzini", "Pantsirs
                # were spotted near Tartus": arms sighted at a place are deployed there
            if lemma == "see" and any(c.dep_ == "dobj" and c.lower_ in ("combat", "action") for c in tok.children):
                return ("test", "self")  # "Bahrain's F-16s have seen combat in Yemen": combat use
            if lemma in ("move", "shift") and _moved_to(tok) is not None:
                return ("delay", "mod")  # "Russia had moved their delivery to the first half of 2027"
            if lemma in ("push", "put", "set", "knock", "throw") and any(
                c.lower_ == "behind" and any(g.lemma_.lower() in _SCHEDULE_NOUNS for g in c.subtree)
                for c in tok.children
            ):
                return ("delay", "mod")  # "pushed the programme two years behind schedule"
            if lemma == "take" and any(c.lemma_ == "delivery" for c in tok.children if c.dep_ == "dobj"):
                return None  # "take delivery of": the noun carries the event
            if lemma in _APPROVE_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in ("purchase", "acquisition",
                                                                                         "procurement")
                                               for c in tok.children):
                return None  # "approved the purchase of ...": the noun carries the event (an order or a licence)
            if lemma == "market" and not any(
                c.dep_ == "dobj" and any(n.dep_ == "nummod" for n in c.children)
                or c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in tok.children
            ):
                return None  # "the consortium that markets the SAMP/T", "marketed abroad as KM-SAM": the trade, no
                # bid (but "is marketing four Alouette IIIs", "marketed the jets to Manila" is one)
            if lemma == "order" and any(c.dep_ == "xcomp" and c.lemma_.lower() in _COMMANDED or c.dep_ == "advmod"
                                        and c.lower_ in _DIRECTIONS for c in tok.children):
                return None  # "Lopes ordered the Guardião south to patrol", "ordered the ministry to buy jets": a
                # command (what it commands may be an event of its own), not a purchase
            if lemma == "exercise" and any(c.dep_ == "dobj" and c.lemma_.lower() == "option" for c in tok.children):
                return ("order", "get")  # "exercised an option on four more": more of the items bought
            if lemma in ("refuse", "decline") and any(
                c.dep_ == "xcomp" and (c.lemma_.lower() in REPORTING_VERBS or c.lemma_.lower() in _SILENT_VERBS)
                for c in tok.children
            ):
                return None  # "refusing to say which country placed the order": silence, not a rejection
            if lemma == "decline" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _BID_NOUNS
                                          for c in tok.children):
                return ("rejection", "act")  # "A proposal from India for Dhruv helicopters was declined in 2025"
            if lemma in _LICENCE_VERBS and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "decline":
                return ("rejection", "licence")  # "the State Department has declined to license the turrets"
            if lemma in ("reject", "refuse", "rebuff", "dismiss") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in DENIED_OBJECTS for c in tok.children
            ):
                return None  # "rejected reports that ...": a denial of the reported event, not a rejection
            if lemma in ("reject", "rebuff") and not any(
                c.dep_ in ("dobj", "nsubjpass")
                and (c.lemma_.lower() in REJECTABLE or c.lower_ in REJECTABLE or c.pos_ == "PROPN")
                for c in tok.children
            ) and not any(c.dep_ == "agent" for c in tok.children) and tok.dep_ != "relcl":
                return None  # "rejected the decision": a reaction, not the rejection of an offer
            if lemma in ("drop", "ditch", "shelve") and any(
                c.lemma_.lower() in _PURCHASE_NOUNS | {"plan", "programme", "program", "idea", "project", "scheme"}
                for c in _undergoers(tok)
            ):
                return ("cancellation", "mod")  # "drop the American purchase", "the idea was shelved in 2020"
            if lemma in ("drop", "ditch", "shelve", "discard", "decline", "waive") and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "option" and _option_for_more(c)
                for c in tok.children
            ):
                return ("cancellation", "mod")  # "dropped an option for six more H225M helicopters": a contract's
            if lemma in ("drop", "ditch", "shelve", "discard") and any(  # option on more, given up
                c.dep_ == "dobj" and c.lemma_.lower() in ("option", "offer", "bid", "proposal") for c in tok.children
            ):
                return ("rejection", "act")  # "dropped the Chinese option": an offer turned down
            if lemma == "follow" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _SIGNING_NOUNS
                                         for c in tok.children):
                return None  # "Signature of a contract could follow by June": the contract tells the event
            if lemma == "follow" and not any(
                c.dep_ in ("agent", "dobj") and c.lower_ != "suit" or c.dep_ == "nsubj" and c.lemma_ in _STRIKE_NOUNS
                for c in tok.children
            ):  # ("strikes followed in October": the noun is the event)
                return ("follow", "ellipsis")  # "Qatar followed with 36", "the rest will follow next year"
            if lemma in ("give", "provide", "get") and not _arms_head(tok) and not any(
                _weapon_like(c) or _lists_arms(c, ("with", "including"))
                or (c.dep_ == "dobj" and any(_lists_arms(g, ("including",)) for g in c.children))
                for c in tok.children
            ):  # "given Ukraine more of its arsenal, including 13 MiG-29 fighters" names arms too
                return None  # "gave the green light", "provided support": only arms given make a delivery
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and (tok.dep_ == "xcomp" or tok.dep_ == "conj" and lemma in ("expect", "await")):
                first_verb = _first_conjunct(tok) if tok.dep_ == "conj" else tok.head  # ("the two Bell 505s have
                # slipped again, the minister said, and are now expected in May 2027": the first verb's subject)
                subjects = [c for c in first_verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ" and tok.head.dep_ == "acomp":
                subjects = [c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                # "the first jets are unlikely to reach Pakistan before 2027": the subject of "are"
            if lemma in ("expect", "await") and any(
                c.dep_ == "dobj" and (_weapon_like(c) or _items(c))
                and not any(g.dep_ in ("relcl", "acl") and g.lemma_.lower() in _ARRIVE_VERBS for g in c.children)
                for c in tok.children
            ):  # ("expect the first systems to reach Armenia": the arrival is the event)
                return ("delivery", "get")  # "Morocco expects the first of its 24 Apaches early next year"
            if tok.dep_ in ("relcl", "acl") and all(c.lower_ in ("which", "that", "who") for c in subjects):
                subjects = [tok.head]  # "expects the first systems, ordered in May, to reach Armenia", "six AW139s,
                # which reached Panama in 2014"
            if not subjects and (due := _due_subject(tok)) is not None:
                subjects = [due]  # "with the first of the jets due to reach the air force in 2028"
            if lemma == "reach" and any(c.dep_ == "dobj" and _place(c) for c in tok.children) and any(
                _items(c) or any(ch.isdigit() for ch in c.text) or self.catalog.find_system(c.text) or any(
                    g.pos_ in ("PROPN", "NUM") for g in c.children if g.dep_ in ("compound", "nummod", "amod"))
                for c in subjects
            ):
                return ("delivery", "arrive")  # "the first F-16s are expected to reach Ukraine this summer"
            if lemma == "discuss" and not any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _DISCUSSED_NOUNS for c in tok.children
            ):
                return None  # only a deal discussed is a negotiation ("the KAAN deal was first discussed in May")
            if lemma == "fly" and any(c.dep_ == "advmod" and c.lower_ == "first" for c in tok.children) and not any(
                c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into") for c in tok.children
            ):
                return ("test", "self")  # "the prototype first flew in February 2024": a maiden flight
            if lemma == "fly" and _flown_from(tok):
                return ("deployment", "self")  # "the US flies MQ-9 Reaper drones out of the Chabelley airstrip"
            if lemma in ("fly", "ferry") and not any(
                (t.dep_ in ("prep", "dative") and t.lower_ in ("to", "into")) or t.dep_ == "dative"
                or (t.dep_ == "advmod" and t.lower_ in ("in", "there", "home"))
                for c in tok.children if c.lower_ not in _NEAR_WORDS for t in (c, *c.children)
            ):  # ("flew missions from the base next to the airport": "next to" is where, not whither)
                return None  # "Romania already flies F-16s": operating, not delivering ("flown to Ankara" is)
            if _licence_hold(tok):
                return ("delay", "licence")  # "Spain suspended the export licence for a C295 transport aircraft"
            if lemma == "clear" and not any(
                c.dep_ in ("dobj", "nsubjpass") and (c.pos_ == "PROPN" or _weapon_like(c) or _items(c))
                for c in tok.children
            ):
                return None  # "the runway was cleared", "cleared the way"; "cleared the sale": the noun tells it
            if lemma in _BLOCK_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in _BLOCKED_NOUNS
                                             for c in tok.children):
                return ("rejection", "act")  # "Berlin blocked the sale in 2023": a partner's veto on a sale
            if _lifts_veto(tok):
                return ("offer", "give")  # "dropped the objection in July": the veto lifted, the sale approved
            if lemma == "commit" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
                g.dep_ == "pobj" and (_weapon_like(g) or _items(g)) for g in c.children) for c in tok.children
            ):
                return ("order", "get")  # "Prague committed to 246 CV90 vehicles in 2023": a purchase
            if lemma == "commit" and not any(c.dep_ == "dobj" for c in tok.children):
                return None  # "committed to buying": the buying is the event
            if lemma == "expect" and any(
                c.dep_ == "nsubjpass" and c.head == tok and (_items(c) or _weapon_like(c))
                or c.dep_ == "nsubj" and c.head != tok and tok.dep_ == "conj" and (_arms_noun(c) or any(
                    t.pos_ in ("PROPN", "NUM") and any(ch.isdigit() for ch in t.text) for t in c.subtree if t.i < c.i))
                for c in subjects
            ) and not any(
                c.dep_ == "xcomp" or c.dep_ == "ccomp" and c.i > tok.i for c in tok.children
            ):  # (not "are expected to become operational", "is expected that ...")
                return ("delivery", "arrive")  # "the first of those are expected in 2028"
            if lemma == "pick" and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("up", "out", "off")
                                       for c in tok.children):
                return None  # "picked up the pace": only "picked the F-35" is a choice
            if lemma == "extend" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _SCHEDULE_NOUNS
                                         for c in tok.children):
                return ("delay", "mod")  # "Islamabad extended the delivery deadline twice"
            if lemma == "collapse" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _PURCHASE_NOUNS | {"sale"}
                                           for c in tok.children):
                return ("cancellation", "mod")  # "the deal eventually collapsed"
            if lemma == "present" and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in tok.children):
                return ("offer", "give")  # "Israel had presented Arrow 4 to German officials" (a system required)
            if lemma in ("come", "go") and (_arms_subject(tok) or any(
                self._arms_subject(tok.head if c.lower_ in ("that", "which") and tok.dep_ == "relcl" else c)
                for c in tok.children if c.dep_ == "nsubj"
            )) and any(
                c.dep_ == "prep" and c.lower_ == ("from" if lemma == "come" else "to")
                and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in tok.children
            ):  # (a place: not "come from other eras")
                return ("delivery", "arrive")  # "the batteries came from Israel", "none has gone to Ukraine"
            if lemma in VERB_TRIGGERS:
                hit = VERB_TRIGGERS[lemma]
                if hit[1] == "give" and any(c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in tok.children):
                    return ("return", "give")  # "handed the systems back to Russia"
                return hit
            if lemma in ("ask", "seek", "request") and any(
                c.dep_ == "prep" and c.lower_ == "for" for c in tok.children
            ):
                return ("offer", "get")  # "asked the United States for more Patriot batteries"
            return None
        if tok.pos_ in ("NOUN", "PROPN") and lemma not in NEAR_WORDS:
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.dep_ in ("compound", "flat"):
                return None  # part of a name: "Sinop Test Range", "Defense Cooperation Agreement Act"
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in NOUN_TRIGGERS:
                return None  # a modifier: "sanctions policy", "delivery schedule"
            if lemma == "flight" and any(c.dep_ == "amod" and c.lower_ in ("maiden", "first") for c in tok.children):
                return ("test", "self")  # "the prototype made its maiden flight in February 2024"
            if lemma == "service" and tok.dep_ == "pobj" and tok.head.lower_ == "into" and (
                tok.head.head.lemma_.lower() in ("bring", "put", "enter", "take", "introduce", "press", "go", "come")
            ):
                return ("deployment", "self")  # "bring the first aircraft into service in 2028"
            if lemma == "service" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "enter":
                return ("deployment", "self")  # "the jets will enter service in 2027"
            if lemma in ("patrol", "station") and tok.dep_ == "pobj" and tok.head.lower_ == "on" and (
                tok.head.head.pos_ in ("VERB", "AUX", "NOUN", "PRON", "NUM")
            ) and (lemma == "patrol" or not any(c.dep_ in ("det", "poss", "compound") for c in tok.children)):
                return ("deployment", "self")  # "they want that first pair on patrol in the South China Sea by 2027",
                # "one of them has been on permanent station near Louisa Reef" (not "on the station's roof")
            if lemma == "duty" and any(c.lower_ in ("combat", "alert") for c in tok.children) and (
                tok.dep_ == "pobj" and tok.head.lower_ in ("on", "into")
                or tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("assume", "take", "enter", "begin", "start")
            ):
                return ("deployment", "self")  # "would be placed on combat duty", "took up alert duty"
            if low == "pen" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "put" and any(
                c.dep_ == "prep" and c.lower_ == "to" for c in tok.head.children
            ):
                return ("order", "get")  # "put pen to paper on 48 KAAN fighters": signed for them
            if lemma == "capability" and not any(c.lower_ == "operational" for c in tok.children):
                return None  # only "initial/full operational capability" is a deployment
            if lemma in ("sale", "transfer") and any(c.dep_ == "amod" and c.lower_ in ("possible", "proposed",
                                                                               "potential") for c in tok.children):
                return ("offer", "give")  # "notified Congress of the possible sale of HIMARS": an offer, not yet a sale
            if _licence_hold(tok):
                return ("delay", "licence")  # "Spain's licence suspension has kept a C295 grounded in Seville"
            if lemma in _STRIKE_NOUNS and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("PROPN", "NOUN", "NUM", "X"):
                return ("test", "self")  # "blamed TB2 strikes for deaths": combat use (a system, see _triggers)
            if lemma in _GOODS_NOUNS and any(_civil_goods(c) for c in tok.children):
                return None  # "suspended banana shipments", "gas supplies": goods, not arms
            if lemma in _DISCUSSED_NOUNS | _HANDOVER_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in (
                "on", "about", "to"
            ) and (
                tok.head.head.lemma_.lower() in _REMARK_WORDS
            ):
                return None  # "Moscow has made no comment on the reported deal": a remark about a deal told already
            if _for_sale(tok):
                return ("offer", "give")  # "advertised for sale", "put up for sale": offered; no sale made yet
            if lemma in ("consideration", "evaluation") and tok.dep_ == "pobj" and tok.head.lower_ == "under":
                return ("order", "get")  # "SPYDER was among the systems under consideration": a purchase that may come
            if lemma in _PURCHASE_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _VALUE_VERBS:
                return None  # "valued the deal at $1.9 billion": a figure for a deal told already
            if _cuts_off_arms(tok):
                return ("rejection", "act")  # "imposed an arms embargo on Fiji", "placed Fiji under an arms embargo"
            if lemma in DENIAL_NOUNS and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in DENIED_OBJECTS for g in c.subtree)
                for c in tok.children
            ):
                return None  # "the government's rejection of the Nikkei story": a denial of a report, not of arms
            if lemma in ("request", "application", "bid") and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in _MONEY_NOUNS for g in c.children)
                for c in tok.children
            ):
                return None  # "a request for funds for aircraft": a budget request, not a request for arms
            if lemma in NOUN_TRIGGERS or low in NOUN_TRIGGERS:
                return NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS[low]
            if lemma == "possession" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "take":
                return NOUN_TRIGGERS["delivery"]  # "the navy took possession of the first boat": "took delivery of"
            if low in ("firing", "firings") and tok.i >= 1 and tok.doc[tok.i - 1].lower_ in ("test", "live"):
                return ("test", "self")  # "a test firing", "the boats had their first live firing"
            if (lemma in _DRILL_NOUNS or lemma == "sortie") and tok.i >= 1 and (
                tok.doc[tok.i - 1].lower_ in ("fire", "firing")
            ):
                return ("test", "self")  # "a live-fire drill", "the BM-21 live-fire exercise", "the A-37s' live-fire
                # sorties": arms fired
            if low == "test" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-":
                return None  # "test-fired": the verb carries the event
            return None
        if tok.pos_ in ("ADJ", "ADV", "NOUN") and lemma in NEAR_WORDS and any(
            c.dep_ == "prep" and c.lower_ in ("to", "of") and any(
                g.lemma_.lower() in ("deal", "agreement", "contract") for g in c.children)
            for c in tok.children
        ):
            return ("negotiation", "mutual")  # "is close to a deal worth $450 million", "on the verge of a deal"
        if tok.pos_ == "ADJ" and _deployed_state(tok) and (
            tok.dep_ in ("acomp", "attr", "oprd", "ccomp")
            or tok.dep_ == "amod" and tok.i > tok.head.i and tok.head.dep_ == "dobj"  # "declared X operational"
            or tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("declare", "make", "deem")  # (parsed as object)
        ):
            return ("deployment", "self")
        if tok.pos_ == "ADJ" and lemma in DELIVERY_ADJECTIVES and (
            tok.dep_ in ("acomp", "attr") and any(c.dep_ == "nsubj" and self._arms_subject(c)
                                                  for c in tok.head.children)
            or tok.dep_ in ("pcomp", "advcl") and any(c.dep_ == "nsubj" and self._arms_subject(c)
                                                      for c in tok.children)
        ) and not any(  # ("..., with the last of them due in 2029": an absolute clause of its own)
            c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" and any(
            g.lemma_.lower() in _UPKEEP_NOUNS for g in c.children) for c in tok.children
        ):  # "due to become operational", "due for a mid-life overhaul" are something else
            return ("delivery", "arrive")  # "The first aircraft are due in 2027"
        return None

    # --- one event -----------------------------------------------------------------------------

    def _paragraph_state(self, doc: Doc, mentions: list[Mention], state: ArticleState) -> str | None:
        """The state a paragraph's first sentence opens a clause on ("Guinea-Bissau is shopping too", "Bissau's
        small navy has had little luck"), unless it makes a system the article names (a seller, not a buyer)."""
        home = state.lead_buyer or _top_buyer(state)
        if any(m.is_state and m.country == home for m in mentions):
            return None  # ("Romania has been Chisinau's most dependable partner": still the story's buyer's)
        for m in mentions:
            if not m.is_state or not m.country or m.canonical in self._companies or m.country in self._article_makers:
                continue
            root = m.span(doc).root
            if doc[m.start].pos_ and not (root.dep_ in ("nsubj", "nsubjpass", "poss") and root.head.dep_ in (
                "ROOT", "nsubj", "nsubjpass") and root.sent.root in (root.head, root.head.head)):
                continue  # (parsed: the main clause's subject, not "... as Haiti has slid deeper")
            if m.end + 2 < len(doc) and (doc[m.end].lower_ in _TOPIC_VERBS or doc[m.end].text in ("'s", "\u2019s")
                                         and doc[m.end + 2].lower_ in _TOPIC_VERBS | _FORCE_HEADS):
                return m.country
        return None

    def _armed_verb(self, verb: Token) -> bool:
        """Whether the verb's subject names arms (:meth:`_arms_subject`), also through a relative pronoun ("the
        RG-31s that had been patrolling Manzini", "MD 500s, which served with the UN mission")."""
        controlled = verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children)
        if controlled:
            verb = verb.head  # ("the boats that had been patrolling": "been" holds the subject)
        nouns = [verb.head if verb.dep_ == "relcl" and c.lower_ in ("that", "which") else c
                 for c in verb.children if c.dep_ == "nsubj"]
        if controlled and any(c.dep_ == "dobj" for c in verb.children):  # "ordered the Guardião to patrol"
            nouns = [c for c in verb.children if c.dep_ == "dobj"]
        return any(self._arms_subject(n) or _weapon_like(n) for n in nouns)

    def _sent_to_a_site(self, verb: Token) -> bool:
        """ "One of the AW139s was sent to Yaviza", "a UH-1H was flown on Monday to Yaviza", "the Coast Guard sent a
        Sentinel-class cutter to Balboa": arms sent to a named place that is no state are moved by their holder
        (a deployment), where "sent to Ukraine" is a transfer."""
        troops = any(c.dep_ == "nsubj" and c.lemma_.lower() in _PEOPLE_SENT | {"troop", "force"}
                     for c in verb.children)  # "Senegalese troops brought Bastions to Bissau": theirs, abroad
        arms = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj") and (
            _items(c) or _arms_noun(c) or c.i in self._named_systems or any(looks_like_designation(g.text) or (
                g.pos_ == "PROPN" and self.catalog.find_system(g.text)) for g in c.subtree)
            or self.catalog.find_system(" ".join(g.text for g in c.subtree if g.dep_ != "det")))]
        if not arms or any(c.dep_ in ("dative", "iobj") and c.pos_ != "ADP" and not looks_like_designation(c.text)
                           for c in verb.children):
            return False  # ("sent Ukraine tanks": a recipient; "brought RG-31 vehicles" misparsed is none)
        places = [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into")
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        return bool(places) and (troops or not any(
            self.catalog.resolve_country(verb.doc[t.left_edge.i : t.i + 1].text) or self.catalog.resolve_country(t.text)
            or self.catalog.find_organisation(t.text) for t in places))

    def _event(self, trig: Trigger, ctx: Context, state: ArticleState) -> Event | None:
        tok = trig.token
        etype, frame = trig.type, trig.frame
        if frame == "ellipsis":
            return self._ellipsis(tok, ctx, state)
        passed = _passed_over(tok)
        if passed:  # "chose the Gripen over the American F-16": the F-16 and its maker are not in this deal
            ctx = replace(ctx, mentions=[m for m in ctx.mentions if m.start not in passed],
                          by_token={i: m for i, m in ctx.by_token.items() if i not in passed})
        sent, mentions, by_token = ctx.sent, ctx.mentions, ctx.by_token
        governor = _governor(tok)
        # a transfer under a request/attempt word is an offer/negotiation about it
        converted = in_talks = False
        if etype in ("order", "delivery", "return") and governor is not None:
            glemma = governor.lemma_.lower()
            if glemma in OBJECTION_WORDS:  # "dropped its objection to further sales of S to Y": approved
                lifted = governor.dep_ == "dobj" and governor.head.lemma_.lower() in LIFT_VERBS
                etype, converted = ("offer" if lifted else "rejection"), True
            if glemma in NEAR_WORDS and etype == "order" and tok.pos_ != "VERB":
                return None  # "on the verge of a deal": the near word carries the talks
            if glemma in ATTEMPT_WORDS or (glemma in NEAR_WORDS and etype == "order"):
                etype, converted = "negotiation", True
            elif glemma in _WEIGH_WORDS and etype == "order" and frame == "get":
                pass  # "was weighing the purchase of two more corvettes": a purchase the buyer may make (speculated)
            elif glemma in _APPROVE_VERBS and etype == "order" and frame == "get" and (
                tok.pos_ == "NOUN" or tok.tag_ == "VBG"
            ) and _buyer_approves(tok, _approver(governor, mentions), by_token):
                pass  # "Slovenia's government approved the purchase of 106 Patria 6x6s", "the cabinet approved buying
                # the vehicles": the buyer's own decision
            elif glemma in REQUEST_WORDS and not (glemma == "consider" and tok.pos_ == "NOUN"):
                etype, converted = "offer", True  # ("consider the arrival as a demonstration" is not an offer)
        if etype == "delivery" and frame == "give" and tok.pos_ == "VERB" and tok.dep_ == "acl" and (
            tok.head.lemma_.lower() in ("contract", "deal", "agreement") and tok.head.dep_ == "dobj"
            and tok.head.head.lemma_.lower() in ("sign", "conclude", "ink", "finalise", "finalize", "win", "award")
        ):  # "France has signed a contract to supply Armenia with Mistral missiles": the contract is the order
            etype = "order"
        if etype == "order" and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() == "be" and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in ("talk", "negotiation")
                                                          for g in c.children) for c in tok.head.children
        ):  # "Vietnam was in advanced talks to buy the BrahMos" (the purpose hung from "was")
            etype, converted, in_talks = "negotiation", True, True
        if etype == "rejection" and governor is not None and governor.lemma_.lower() in REQUEST_WORDS:
            return None  # "demanded from Ankara to refuse the Russian systems": a refusal asked for, not made
        if (etype == "order" and tok.lemma_.lower() == "sale" and governor is not None
                and governor.lemma_.lower() in REQUEST_WORDS):
            etype, converted = "offer", True

        if tok.pos_ in ("VERB",) and tok.lemma_.lower() in _STRICT_VERBS and not _near_system(tok, mentions, by_token):
            return None
        if tok.lemma_.lower() == "design" and not any(
            c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "in" and any(
                g.i in by_token and by_token[g.i].is_state for g in c.children)
            for c in tok.children
        ):  # "designed in Turkey", "designed by Embraer"; not "designed to intercept", "designed with X in mind"
            return None
        # "talks with Kenya were progressing": talks with a party to the deal told before are about that deal
        deal = next((d for d in (state.last_talks, state.last_transfer) if _talks_with_party(tok, by_token, d)),
                    None) if etype == "negotiation" else None
        bidders = _bidders(tok, by_token) if etype == "offer" and tok.pos_ == "NOUN" else set()
        told_offer = next((system for system, (seller, _) in reversed(state.offers.items()) if seller in bidders),
                          None) if bidders else None  # "Seoul made its offer in April": the offer that state told
        on_deal = deal is not None or told_offer is not None
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _STRICT_NOUNS and not _near_system(
            tok, mentions, by_token
        ) and not on_deal:
            return None
        system = self._system(tok, sent, mentions, by_token, state, etype)
        if system is None and deal is not None and tok.pos_ == "NOUN":
            system = deal.system
        system = system or told_offer
        if etype == "exclusion" and not _mentions_programme(tok, sent):
            return None
        veto = (etype == "rejection" and tok.lemma_.lower() in _BLOCK_VERBS) or (etype == "offer" and _lifts_veto(tok))
        if system is None and veto and state.last_veto is not None:
            system = state.last_veto.system  # "Berlin dropped the objection": the veto told before
        if system is None and etype in ("rejection",) and state.history:
            system = self._refer_back("system", state)  # "rejected every US demand to walk away from the deal"
        generic = False
        no_deal = etype in _GENERIC_ARMS_TYPES and _no_deal_for_arms(tok)
        plan_seller = _plan_seller(tok, by_token) if etype == "cancellation" and tok.pos_ == "VERB" else None
        if etype == "sanction" or etype == "rejection" and _cuts_off_arms(tok) or etype == "offer" and (
            _restores_arms(tok)
        ):
            system = None  # (an embargo or an aid cut-off refuses all arms, not one system)
        elif system is None and etype in _GENERIC_ARMS_TYPES and (tok.pos_ == "VERB" and (
            _names_arms(tok) or etype in ("cancellation", "delay") and _made_by_named(tok, by_token)
        ) or no_deal or plan_seller is not None):  # "has not sent any weapons to Ukraine", "cancelled a contract for 12
            # French-designed submarines", "there is no agreement with China for a ship, for missiles or for any
            generic = True  # other military equipment": unnamed arms, kept if both parties are named
        elif system is None:
            return None
        if (etype in ("test", "deployment", "development") and tok.pos_ in ("NOUN", "PROPN")
                and not _near_system(tok, mentions, by_token) and not _named_before(tok, by_token)
                and not any(t.lower_ in GENERIC_SYSTEM_NOUNS or t.lower_ == "system's"
                            or t.lemma_.lower() in _PART_NOUNS or t.dep_ == "nsubj" and (
                                _bare_first(t) or _partitive_of_them(t))
                            for t in sent)):  # ("that first pair on patrol", "the first ... carried out a drill")
            return None

        roles = self._roles(tok, sent, mentions, by_token, state)
        if converted and frame == "give" and governor is not None and "CTRL_OBJ" not in roles and (
            governor.lemma_.lower() in _PROPOSE_WORDS
        ):
            roles.pop("CTRL_SUBJ", None)  # "Washington had proposed sending the systems": the holder would send
        supplier, recipient = self._assign(etype, frame, roles, system, state, mentions, converted, tok)
        offerer, offered = state.offers.get(system, (None, None)) if system else (None, None)
        if etype == "rejection" and offerer is not None and recipient == self._producer(system) != offerer and (
            supplier in (None, offered, offerer)
        ):  # "Both bids were set aside": the Ukrainian firm's L-39 offer turned down by Zimbabwe (the rejecter is the
            supplier, recipient = offered or supplier, offerer  # supplier field), not the Czech maker's
        if deal is not None and system == deal.system and deal.supplier and deal.recipient and (
            recipient in (None, deal.recipient)
        ):  # "There are no talks with Kyiv": the talks of the deal told, between its parties (not the maker's)
            supplier, recipient = deal.supplier, deal.recipient
        holder = state.holders.get(system) if system else None
        published = sent.doc.user_data.get("published") or ""
        if etype == "delivery" and holder is not None and state.received.get(system, "9999")[:4] < published[:4] and (
            _moved_within(tok, mentions)
        ) and not any(
            _first_role(roles, (r,)) not in (None, holder) for r in ("SOURCE", "AGENT", "V_AGENT")
        ):  # "two Z-9s, which China gave the air force in 2015, were flown to Maroua": the holder's own move of
            # arms it has had since an earlier year (not "three more will be flown to Pekanbaru", new ones arriving)
            etype, supplier, recipient = "deployment", holder, None
        if etype == "sanction" and supplier is None and recipient is not None:
            # "Washington warned that Serbia could face sanctions" (not "warned that sanctions will damage ties")
            supplier = _warner(tok, by_token, exclude=recipient)
        last = state.last_transfer
        requester = next((by_token[g.i].country for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.i in by_token and by_token[g.i].is_state), None) if (
            tok.lemma_.lower() in ("request", "order") and tok.pos_ == "NOUN") else None
        if requester is not None and recipient != requester and (  # "a request from New Delhi for 216 Excalibur
            tok.lemma_.lower() == "request" or requester not in self._makers(system)  # rounds", "Patriot orders
        ):  # from Germany and Switzerland": who asks or orders receives (an order "from" the maker is its sale)
            supplier, recipient = (supplier if supplier != requester else self._producer(system)), requester
        if frame == "mutual" and supplier is None and system and last is not None and last.system == system and (
            last.supplier and last.recipient
        ):  # "the two governments signed the transfer arrangement": the parties of the transfer told (an
            supplier, recipient = last.supplier, last.recipient  # unlisted system has no maker to name)
        if etype == "sanction" and recipient is None and supplier is not None and last is not None and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _PURCHASE_NOUNS for h in (tok, tok.head)
            for c in h.children
        ) and last.recipient != supplier:
            recipient = last.recipient  # "the purchase could bring sanctions under US law": on the buyer
        if etype == "offer" and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and (
            tok.head.lemma_.lower() in ("reject", "refuse", "turn", "rebuff", "decline", "spurn")
        ):  # "Y turned down a Chinese offer of S": the offer is X's to Y
            offerer = _first_role(roles, ("MODADJ", "POSS", "SOURCE", "MOD"))
            taker = _first_role(roles, ("V_AGENT", "AGENT"), exclude=offerer)
            if offerer and taker:
                supplier, recipient = offerer, taker
        named = {m.country for m in mentions if m.is_state}
        if tok.lemma_.lower() == "present" and recipient is None:
            # "Embraer had presented the aircraft to senior officers": officials of the buyer the article is about
            audience = any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
                g.lemma_.lower() in _AUDIENCE_NOUNS or _service_kind(g) for g in c.children) for c in tok.children)
            # (or a service of theirs: "presented the Hermes 450 to the air force")
            recipient = _story_buyer(state, {supplier}) if audience else None
            if recipient is None:
                return None  # "presented the report to parliament": only a state (or its officials) is offered to
        approval = tok if tok.lemma_.lower() in _APPROVE_VERBS and tok.pos_ == "VERB" else (
            governor if converted and governor is not None and governor.lemma_.lower() in _APPROVE_VERBS else None)
        if approval is not None and etype == "offer" and system:
            approver = _approver(approval, mentions)
            if approver is not None and approver != self._producer(system):
                return None  # "Washington had to approve the sale to Germany" of Israel's Arrow 3: a licence, no offer
        makers = self._makers(system)
        if len(makers) > 1 and supplier in makers and recipient in makers and supplier not in named:
            if etype in ("order", "delivery") and frame == "get" and recipient in (
                _first_role(roles, ("AGENT",)), _first_role(roles, ("POSS",))
            ):  # "Spain ordered 20 Typhoons": a partner buying its own consortium's product has no foreign seller
                supplier = None
            else:
                # "talks with Italy's Leonardo about the Typhoon": of a jointly built system, the partner state
                # named in the deal sells it (not the first producer); the buyer is the last one, or the article's
                supplier, recipient = recipient, _story_buyer(state, set(makers))
        maker = self._producer(system)
        if etype in ("order", "delivery") and recipient is not None and recipient == maker and maker not in named:
            # "It ordered 32 F-35s": an unnamed buyer is not the maker; it is the state the article is about
            other = next((c for c in (state.topic, *state.focus) if c and c != maker), None)
            if other is not None:
                recipient = other
                if supplier is None or supplier == other:
                    supplier = maker
        if etype in TRANSFER_TYPES and supplier == self._producer(system) and supplier not in named:
            # the maker stands in only when nobody is named: a second-hand deal read before keeps its seller
            supplier = state.sellers.get((system, recipient), supplier)
        if etype in ("cancellation", "delay") and last is not None and (last.system, last.recipient) == (
            system, recipient
        ) and last.supplier and supplier == self._producer(system) and supplier not in named:
            supplier = last.supplier  # "agreed to buy used Mirages from Qatar, but dropped the plan": Qatar's sale
        if etype == "rejection" and supplier is None and system in state.offers:
            offerer, offered = state.offers[system]  # "Milei's team dropped the Chinese option": who was offered it
            if offered is not None and recipient in (None, offerer):
                supplier, recipient = offered, offerer
        if etype == "return" and system and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _MAKER_NOUNS and g.head.lower_ == "to" for g in tok.subtree
        ):  # "returned the two SeaGuardians it had been leasing to their manufacturer": back to the maker's state
            maker = self._producer(system)
            if maker is not None and recipient != maker:
                supplier = recipient if supplier in (None, maker) else supplier
                recipient = maker
        if supplier is None and etype == "return":  # ("the Dhruv had gone back to India"): the buyer the article
            # has told receiving arms, else a state it is mostly about
            supplier = _top_buyer(state, skip=recipient) or next((c for c in state.focus[:2] if c != recipient), None)
        if recipient is None and etype in TRANSFER_TYPES and (etype != "negotiation" or converted) and system:
            # "the deal was signed in 2018": the buyer is the state the article is about
            producer = self._producer(system)
            holder = state.holders.get(system)
            service = _bare_forces(tok)
            forces = _service_state(state, service) if service else None
            if forces not in (None, supplier, producer):
                recipient = forces  # "China supplied the air force's PT-6s": the service named before
            elif holder is not None and holder not in (supplier, producer) and not (
                etype == "offer" and tok.lemma_.lower() in _BID_NOUNS
            ):  # (a bid goes to the buyer the article is about, not to a state already flying the type)
                recipient = holder
            else:
                # a rival's offer goes to the buyer the last offer went to ("Korea offered FA-50s to Mongolia.
                # Russia offered Yak-130s"), not to the state named most
                rival = state.last_talks.recipient if etype == "offer" and state.last_talks else None
                recipient = next((c for c in (rival, state.para_topic, _top_buyer(state, least=2), state.lead_buyer,
                                              *state.focus[:2]) if c not in (None, supplier, producer)), None)
        if veto:  # a veto is on a sale to a buyer: the one the sale goes to, or the one the veto before was on
            before = state.last_veto
            supplier = _first_role(roles, ("AGENT", "POSS", "MODADJ", "CTRL_SUBJ", "V_AGENT")) or (
                before.supplier if before else None)  # "the German government blocked the sale"
            if recipient is None or recipient in makers or recipient == supplier:
                skip = {supplier, *makers}
                recipient = next((c for c in (_first_role(roles, ("GOAL",)), before.recipient if before else None)
                                  if c and c not in skip), None) or _story_buyer(state, skip)
            if supplier is None:
                return None  # a veto nobody is named for
        punitive = etype if etype in state.actors else ("exclusion" if etype == "sanction" else "sanction")
        if etype in ("sanction", "exclusion") and punitive in state.actors:
            # "whether to remove Ankara ... and whether to impose sanctions": the same parties as before
            prev_supplier, prev_recipient = state.actors[punitive]
            supplier = supplier or prev_supplier
            recipient = recipient or (prev_recipient if prev_recipient != supplier else None)
        if etype in ("sanction", "exclusion") and recipient is None:
            recipient = next((c for c in roles.get("SENT", []) if c != supplier), None)
        if etype == "sanction" and recipient is None and supplier is not None and any(
            c.dep_ == "prep" and c.lower_ in ("against", "on") for c in tok.children
        ):  # "American penalties against the officials or banks involved": the buyer the story is about
            recipient = _story_buyer(state, {supplier})
        if generic and plan_seller is not None and supplier in (None, plan_seller) and recipient in (None, plan_seller):
            # "a plan to acquire a patrol vessel from India's Goa Shipyard was abandoned": the article's buyer's plan
            supplier, recipient = plan_seller, _top_buyer(state, skip=plan_seller) or _story_buyer(state, {plan_seller})
        if supplier is None and recipient is None:
            return None
        if generic and etype in ("cancellation", "delay"):
            # "Russia had not cancelled any arms contract with Armenia": of two parties, the one the article
            # knows as a buyer receives; "cancelled a contract for French-designed submarines": the maker sells
            partner = _first_role(roles, ("PARTNER", "V_PARTNER", "GOAL"))
            actor = _first_role(roles, ("AGENT", "CTRL_SUBJ", "V_AGENT"))
            hints = (_producer_hint(n, by_token) for n in tok.subtree if n.lower_ in GENERIC_CATEGORIES)
            hinted = next((h for h in hints if h is not None), None)
            if hinted is not None and actor not in (None, hinted):
                supplier, recipient = hinted, actor
            elif partner is not None and actor not in (None, partner):
                buyers = set(state.holders.values())
                supplier, recipient = (actor, partner) if partner in buyers else (partner, actor)
        if generic and no_deal:  # "there is no agreement with China for missiles": China sells to the buyer
            partner = _first_role(roles, ("PARTNER", "V_PARTNER"))
            if partner is not None:
                supplier = partner
                recipient = recipient if recipient not in (None, partner) else (
                    _top_buyer(state, skip=partner) or _story_buyer(state, {partner}))
        if generic and not (supplier in named and recipient in named) and not (
            (no_deal or plan_seller is not None) and supplier in named and recipient is not None
        ):
            return None  # unnamed arms are an event only between two states the sentence names
        if etype in ("test", "deployment", "development"):
            recipient = None
            holder = state.holders.get(system) if system else None
            if etype != "development" and holder is not None and supplier != holder and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they")
                for h in ((tok, tok.head) if tok.dep_ == "xcomp" else (tok,)) for c in h.children
            ):  # "It has been operating at Wallace Air Station": "it" is the radar, so its holder operates it
                supplier = holder
        if supplier is not None and supplier == recipient:
            recipient = None if etype not in TRANSFER_TYPES else recipient
            if etype in TRANSFER_TYPES:
                return None

        ev = self._claim(Event(type=etype, supplier=supplier, recipient=recipient, system=system), tok, ctx)
        if in_talks and ev.factuality == "planned":
            ev = replace(ev, factuality="asserted")  # the talks are under way; the purchase is what is planned
        return ev

    def _claim(self, ev: Event, tok: Token, ctx: Context) -> Event:
        """Complete an event's parties with what the text says of it: who says so, when, how surely, evidence."""
        etype, sent, attributions = ev.type, ctx.sent, ctx.attributions
        attribution = ctx.quote_attribution or attributions.find(tok, sent)
        background_reason = etype in ("order", "delivery") and _in_reason(tok)
        if background_reason and attribution.hearsay:
            attribution = SELF  # "X will be sanctioned for buying S-400s, Reuters reported": the purchase is known
        denier = denial_verb(tok)
        if denier is not None:  # the source of a denied claim is who denies it
            attribution = attributions._from_verb(denier) or attribution
        date, report_date = self._date(tok, ctx.timexes, ctx.triggers, attribution, etype)
        published = sent.doc.user_data.get("published") or ""
        speaker, paragraph = self._para_speaker, _paragraph_start(sent)
        if attribution is SELF and speaker is not None and speaker[0] == paragraph and (
            speaker[2] in (ctx.index - 1, ctx.index) and not _in_background(tok)
            and not (date and published and date[:4] < published[:4])
        ):  # "Two Bell 412s were flown to Puerto Lempira, she said. Lempira will sail next week ...": her briefing
            attribution = speaker[1]  # goes on in the paragraph's next sentence (not the history told beside it)
        if attribution.kind == "person" and (attribution.verb is not None or (
                speaker is not None and attribution is speaker[1])):
            self._para_speaker = (paragraph, attribution, ctx.index)
        self._last_attribution = attribution
        if attribution.kind in ("person", "official", "outlet"):  # "X said on Monday ... X said talks go on": the
            if report_date is not None:  # same occasion, unless dated anew (only for what is under way when said)
                attributions.spoke_on[_speaker_key(attribution.source)] = report_date
            elif etype in ("negotiation", "delay", "offer") or attribution.kind == "outlet" and etype == "order":
                report_date = attributions.spoke_on.get(_speaker_key(attribution.source))  # ("the paper said X had
                # pitched Y", with "The Fiji Times reported on Tuesday" before)
        future = bool(date and published and date > published)
        factuality = classify(tok, attribution, future_date=future)
        if etype == "offer" and factuality == "speculated" and _notified_sale(tok):
            factuality = "reported" if attribution.hearsay else "asserted"  # "possible sale" is the term of art
        if etype == "delay" and factuality in ("planned", "negated") and (
            _old_schedule(tok) is not None or _behind(tok) or _overdue(tok) or _moved_to(tok, False) is not None
            or _later_than(tok) is not None
        ):  # ("will not arrive before 2028, two years behind schedule": the arrival is put off, the slip is told)
            factuality = "reported" if attribution.hearsay else "asserted"  # the slip is told, not planned
        if background_reason and factuality in ("planned", "speculated"):
            factuality = "asserted"  # "is preparing sanctions for buying S-400s": the plan is the sanction's
        if factuality == "negated" and attribution.kind in ("person", "official") and etype != "rejection" and (
            plain_negation(tok)
        ):  # "Greece is not negotiating the sale, the minister said": a party denies it (not "declined to say")
            factuality = "denied"
        if etype == "rejection" and factuality == "negated" and tok.lemma_.lower() == "renounce":
            factuality = "asserted"  # "Ankara will not renounce the deal": the refusal is the rejection
        if (date is None and report_date is not None and etype not in ("sanction",) and not _in_background(tok)
                and not _in_reason(tok)):
            date = report_date
        source = attribution.source if attribution is not SELF else "self"
        evidence, start, end = _evidence(tok, sent)
        return replace(
            ev,
            date=date,
            factuality=factuality,
            source=source,
            evidence=evidence,
            quantity=_quantity(tok, sent, ctx.by_token) if etype in TRANSFER_TYPES else None,
            value=_value(tok, sent) if etype in TRANSFER_TYPES else None,
            sentence=ctx.index,
            start=start,
            end=end,
            source_kind=attribution.kind,
        )

    def _chooser_rejects(self, events: list[Event], state: ArticleState) -> list[Event]:
        """ "Australia has chosen the Mogami, the minister announced, turning down the MEKO A-200": a rival turned
        down in the sentence of a choice is turned down by the chooser, and it is the rival's maker's loss (not the
        chosen system's seller's)."""
        orders = [e for e in events if e.type == "order" and e.recipient and e.factuality != "negated"]
        if not orders:
            return events
        out = []
        for ev in events:
            order = next((o for o in orders if o.system != ev.system), None) if ev.type == "rejection" else None
            if order is not None and ev.supplier in (None, order.recipient) and (
                ev.recipient in (None, order.recipient, order.supplier)
            ):
                ev = replace(ev, supplier=order.recipient, recipient=self._producer(ev.system))
                if ev.system and ev.factuality == "asserted":
                    state.turned_down.add(ev.system)  # no antecedent for "the first frigate" any more
            out.append(ev)
        return out

    def _named_seller_wins(self, events: list[Event], mentions: list[Mention], state: ArticleState) -> list[Event]:
        """'An agreement signed in 2023 to acquire Mirages from Qatar': two readings of one deal, the maker as
        seller (nobody named on the signing) and Qatar (named on the purchase); the named seller wins. The
        sentence's sellers are then remembered for later mentions of the same deal."""
        named = {m.country for m in mentions if m.is_state}
        out = []
        for ev in events:
            maker = self._producer(ev.system)
            if ev.supplier not in named and any(
                o is not ev and o.type == ev.type and o.recipient == ev.recipient and o.system == ev.system
                and o.date == ev.date and o.supplier in named and o.supplier != ev.supplier for o in events
            ):
                continue
            if ev.type == "delivery" and ev.supplier not in named:
                # "the F-16s Romania bought from Norway landed": Norway's jets (not the maker's, nor those of a
                # seller read in an earlier sentence)
                seller = next((o.supplier for o in events if o.type == "order" and o.system == ev.system
                               and o.recipient == ev.recipient and o.supplier in named and o.supplier != maker), None)
                ev = replace(ev, supplier=seller) if seller is not None else ev
            out.append(ev)
        for ev in out:
            if ev.type in ("order", "delivery", "cancellation") and ev.supplier and ev.system:
                state.sellers.setdefault((ev.system, ev.recipient), ev.supplier)
        return out

    def _rejected_rivals(self, ev: Event, tok: Token, ctx: Context, state: ArticleState) -> list[Event]:
        """ "Estonia chose IRIS-T SLM over Kongsberg's NASAMS", "picked the Type 26 over French and German bids":
        the buyer turns down each rival (GUIDE: a rejection by the chooser of the rival's state)."""
        passed = _passed_over(tok)
        if ev.type != "order" or not passed or ev.recipient is None:
            return []
        rivals: list[tuple[str | None, str]] = []
        for m in ctx.mentions:
            if m.start not in passed:
                continue
            if m.label == "SYSTEM" and m.canonical != ev.system:
                maker = _producer_hint(ctx.sent.doc[m.end - 1], ctx.by_token) or next(
                    (o.country for o in ctx.mentions if o.start in passed and o.is_state and o.end == m.start), None)
                rivals.append((maker or self._producer(m.canonical), m.canonical))
            elif m.is_state and not any(o.label == "SYSTEM" and o.start in passed for o in ctx.mentions):
                bid = next((d for d in reversed(state.history) if self._producer(d) == m.country), None)
                if bid is not None:  # "over French and German bids": each bidder's system told before
                    rivals.append((m.country, bid))
        weighed = tok.lemma_.lower() in _WEIGH_WORDS | {"assess"}  # "weighing X against Y": both may be bought
        out = []
        for maker, system in dict.fromkeys(rivals):
            if maker is None or maker == ev.recipient:
                continue
            out.append(replace(ev, supplier=maker, system=system) if weighed else self._claim(
                Event(type="rejection", supplier=ev.recipient, recipient=maker, system=system), tok, ctx))
        return out

    def _offers_weighed(self, trig: Trigger, ctx: Context, state: ArticleState) -> list[Event]:
        """ "Both offers are being assessed", "we are studying both of them": each offer told to the buyer of
        the latest one may become a purchase (an order per offered system, as sure as the weighing)."""
        tok = trig.token
        bid = _weighed_offers(tok) if trig.type == "order" and (
            tok.lemma_.lower() in _OFFER_WEIGH_WORDS or _under_study(tok)) else None
        if bid is None:
            return []
        latest = state.last_talks.recipient if state.last_talks is not None else None
        offers = [(system, seller) for system, (seller, buyer) in state.offers.items()
                  if buyer == latest and seller and system]
        told = bool(offers)
        named = {ctx.by_token[d.i].country for d in bid.subtree if d.i != bid.i and d.i in ctx.by_token
                 and ctx.by_token[d.i].is_state}  # ("the American and Turkish helicopter offers")
        if named:
            offers = [(system, seller) for system, seller in offers if seller in named]
        elif bid.tag_ == "NN" or bid.lower_ == "it":
            offers = offers[-1:]  # "the offer", "it is being evaluated": the one told last
        elif len(offers) < 2:
            offers = []
        if not told and bid.tag_ == "NNS":  # "is weighing rival offers from India and Japan. ... New Delhi has
            # offered two Dornier 228s": bids told after the weighing; a stand-in the bids then replace
            buyer = latest or state.lead_buyer or _story_buyer(state, named)
            if buyer is None:
                return []
            stand_in = self._claim(Event(type="order", recipient=buyer), tok, ctx)
            if stand_in.factuality in ("asserted", "reported"):
                stand_in = replace(stand_in, factuality="speculated")
            state.stand_ins[(stand_in.sentence, stand_in.start)] = frozenset(c for c in named if c)
            return [stand_in]
        if latest is None or not offers:
            return []
        out = [self._claim(Event(type="order", supplier=seller, recipient=latest, system=system), tok, ctx)
               for system, seller in offers]  # (weighed, so no more than speculated: "looking at the offer")
        # a weighing is under way when said: undated, it is of the day its speaker spoke ("told parliament on
        # Thursday ... Both are under study")
        spoke = ctx.attributions.spoke_on
        said = (spoke.get(_speaker_key(out[0].source)) or next(reversed(spoke.values()), None)) if (
            out[0].source != "self") else None  # (else the day the article's news was told)
        return [replace(e, factuality="speculated" if e.factuality in ("asserted", "reported") else e.factuality,
                        date=e.date or said) for e in out]

    def _rivals_turned_down(self, ev: Event, tok: Token, ctx: Context, state: ArticleState) -> list[Event]:
        """ "Both competitors were turned down", "Two other proposals were set aside: a Chinese offer of PT-6s and
        Pakistan's Super Mushshak": the rivals of the deal told are each turned down by its buyer. The rivals are
        the other systems the sentence names, else those of the sentence before."""
        if ev.type != "rejection" or tok.pos_ != "VERB":
            return []
        patient = next((c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")), None)
        if patient is None or patient.lemma_.lower() not in _RIVAL_NOUNS or not (
            patient.tag_ == "NNS" and any(c.lower_ in ("both", "two", "three", "other", "all", "rival", "competing")
                                          for c in patient.children)
        ):
            return []
        deal = state.last_transfer if state.last_transfer is not None and state.last_transfer.type == "order" else None
        buyer = deal.recipient if deal is not None else ev.supplier
        if buyer is None:
            return []
        doc = tok.doc
        here = [m for m in ctx.mentions if m.label == "SYSTEM"]
        if not any(m.canonical != (deal.system if deal else None) for m in here) and ctx.sent.start > 0:
            before = doc[ctx.sent.start - 1].sent
            here = [Mention(i, i + 1, "SYSTEM", d, None, doc[i].text) for i, d in state.named
                    if before.start <= i < before.end]
        out: list[Event] = []
        for m in here:
            if deal is not None and m.canonical == deal.system or any(e.system == m.canonical for e in out):
                continue
            maker = _rival_maker(doc[m.end - 1], ctx.by_token) or self._producer(m.canonical)
            if maker is None or maker == buyer:
                continue
            rejection = self._claim(Event(type="rejection", supplier=buyer, recipient=maker, system=m.canonical),
                                    tok, ctx)
            if rejection.date is None and deal is not None:
                rejection = replace(rejection, date=deal.date)  # turned down when the winner was chosen
            out.append(rejection)
        return out

    def _ellipsis(self, tok: Token, ctx: Context, state: ArticleState) -> Event | None:
        """ "follow" repeats the last transfer read: "Qatar followed with 36" (another buyer, same deal),
        "the remaining three systems will follow next year" (the rest of a delivery), "the main contract is to
        follow" (the order after a preliminary step)."""
        punitive = state.last_sanction
        if punitive is not None and punitive.sentence is not None and ctx.index - punitive.sentence <= 4 and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(g.lemma_.lower() in _PUNITIVE_NOUNS for g in c.children)
            for c in tok.children
        ):  # "Britain, France and Germany followed with measures of their own": more sanctioners, same target
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            m = ctx.by_token.get(subject.i) if subject is not None else None
            if m is None or not m.is_state or m.country == punitive.recipient:
                return None
            ev = self._claim(Event(type="sanction", supplier=m.country, recipient=punitive.recipient), tok, ctx)
            if ev.date is None and not any(t.lemma_.lower() in ("day", "week", "month", "year") for t in tok.subtree):
                ev.date = punitive.date  # "followed hours later": the same day
            return ev
        # ellipsis resolves locally: the transfer or talks of this or the four sentences before ("in talks over four
        # gunboats; the first two boats would follow in 2027": the boats talked about)
        told = [e for e in (state.last_transfer, state.last_talks) if e is not None and e.system is not None
                and e.sentence is not None and ctx.index - e.sentence <= 4]
        if not told:
            return None
        prev = max(told, key=lambda e: (e.sentence, e.start or 0))
        holder = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_ in ("be", "expect", "set", "due") else tok
        subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].lower_ in _PRONOUNS:
            return None
        subj = subjects[0]
        subj_mention = ctx.by_token.get(subj.i) or _mention_in(subj, ctx.by_token) or next(
            (ctx.by_token[t.i] for t in subj.subtree if t.i < subj.i and t.i in ctx.by_token
             and ctx.by_token[t.i].label == "SYSTEM"), None)  # "Type 63A light tanks followed in 2011"
        base = Event(type=prev.type, supplier=prev.supplier, recipient=prev.recipient, system=prev.system)
        if subj_mention is not None and subj_mention.is_state:
            # another buyer "followed with 36" / "followed suit": the same kind of deal, its own recipient
            if not any((c.dep_ == "prep" and c.lower_ == "with") or c.lower_ == "suit" for c in tok.children):
                return None
            if subj_mention.country == prev.supplier or prev.type not in ("order", "delivery"):
                return None
            base.recipient = subj_mention.country
        elif subj.lemma_.lower() in _PURCHASE_NOUNS:
            base.type = "order"  # "the main contract is to follow"
        elif subj_mention is not None and subj_mention.label == "SYSTEM" or subj.lower_ in GENERIC_SYSTEM_NOUNS or (
            subj.lower_ in ("rest", "remainder", "others", "balance") or subj.like_num
            or any(c.dep_ == "nummod" for c in subj.children)
        ):
            if prev.type not in ("delivery", "order", "negotiation", "offer"):
                return None
            base.type = "delivery"  # "the remaining three systems would follow"
            if subj_mention is not None and subj_mention.label == "SYSTEM":
                base.system = subj_mention.canonical
        else:
            return None
        ev = self._claim(base, tok, ctx)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
            ev.factuality = "negated"  # "No contract has followed"
        return ev

    def _coordinated_parties(self, ev: Event, sent: Span, mentions: list[Mention], trig: Trigger) -> list[Event]:
        """'invoked against China and Turkey', 'Qatar and India ordered', 'F-16s from Denmark and the
        Netherlands': the same event for each listed state, on whichever side the list stands."""
        roles = ("supplier",) if ev.type in ("rejection", "test", "deployment", "development") else (
            "recipient", "supplier")
        doc = sent.doc
        roots = {m.span(doc).root.i: m for m in mentions if m.is_state}
        extra = []
        for role in roles:
            value = getattr(ev, role)
            if value is None:
                continue
            for i, m in roots.items():
                if m.country != value or not _argument_of(doc[i], trig.token):
                    continue  # ("received drones from Türkiye, a sign of how it leans on Ankara and Moscow")
                for conj in doc[i].conjuncts:
                    other = roots.get(conj.i)
                    if other is None or other.country in (value, ev.supplier, ev.recipient) or (
                        trig.frame in ("give", "get") and conj.i > i and any(c.dep_ == "nummod" for c in conj.children)
                    ):  # ("sent 19 to Ukraine and the Netherlands 24": a gapped subject, below)
                        continue
                    extra.append(replace(ev, **{role: other.country}))
        # "which Spain is developing with France and Germany": partners in a development develop it too
        if ev.type == "development":
            for c in trig.token.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    for g in c.children:
                        for t in (g, *g.conjuncts):
                            m = roots.get(t.i)
                            if m is not None and m.country != ev.supplier and all(
                                    e.supplier != m.country for e in extra):
                                extra.append(replace(ev, supplier=m.country))
        # gapping: "X has pledged 18 aircraft and Y six", "X sent 19 to Ukraine and Y 24" -- a counted state
        # conjoined after the object is another subject of the same verb
        subject_role = "supplier" if trig.frame == "give" else "recipient"
        if trig.frame in ("give", "get") and getattr(ev, subject_role) is not None:
            obj_ids = {t.i for c in trig.token.children if c.dep_ in ("dobj", "prep", "dative") for t in c.subtree}
            # (the counted state may hang from the object or, by the parser, from "to Ukraine")
            for i, m in roots.items():
                tok = doc[i]
                if (i in obj_ids and tok.dep_ == "conj" and any(c.dep_ == "nummod" for c in tok.children)
                        and m.country not in (ev.supplier, ev.recipient)):
                    extra.append(replace(ev, **{subject_role: m.country}))
        return extra

    def _coordinated(
        self, ev: Event, tok: Token, mentions: list[Mention], by_token: dict[int, Mention], state: ArticleState,
        timexes: list[tuple[Timex, Token]] | None = None,
    ) -> list[Event]:
        """'agreements for 180 K2 tanks, 672 K9 howitzers and 48 FA-50s': the same event for each listed system;
        'the first 10 tanks and 24 howitzers would arrive': each kind stands for the system of that kind."""
        if ev.system is None:
            return []
        scope = _clause_tokens(tok)
        first = next((m for m in mentions if m.label == "SYSTEM" and m.canonical == ev.system and m.start in scope),
                     None)
        doc = tok.doc
        heads = set()
        if first is not None:
            heads = {first.span(doc).root}
            # ("T-90 crews and Mi-24 gunships fired": also a designation the tagger took for a number)
            if first.span(doc).root.dep_ in ("compound", "nmod", "amod", "nummod"):
                heads.add(first.span(doc).root.head)
            for h in list(heads):  # "a squadron of J-10CE fighters and an FD-2000 system": the unit is the item
                if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lemma_.lower() in (
                    _UNIT_NOUNS | _PART_NOUNS | {"fleet", "number", "battery"}
                ):
                    heads.add(h.head.head)
        extra: list[Event] = []
        seen = {ev.system}
        # "... together with / along with / as well as a FREMM frigate"
        right = max(scope)
        asides = _asides(tok, scope)
        for m in mentions:
            if m.label != "SYSTEM" or m.canonical in seen or m.start in asides:
                continue
            root = m.span(doc).root
            while root.dep_ in ("amod", "compound", "nmod", "nummod", "conj") and root.head.pos_ in ("NOUN", "PROPN"):
                root = root.head  # "a FREMM multi-mission frigate": the phrase's head; "X and Y": the first
            prep = root.head if root.dep_ == "pobj" else None
            along = prep is not None and prep.lower_ == "with" and next(
                (c for c in (prep.head, *prep.head.children, *prep.children) if c.lower_ in ("together", "along")),
                None)
            # in the trigger's phrase, or right after it (the parser may hang ", along with Z" from "said")
            if along and (m.start in scope or prep.i in scope or 0 < min(along.i, prep.i) - right <= 2):
                seen.add(m.canonical)
                extra.append(replace(ev, system=m.canonical))
        # "taking delivery of CH-4 drones in 2018 and of the heavier CH-5 in 2022": a conjoined "of" phrase
        first_prep = None
        if first is not None:
            root = first.span(doc).root
            while root.dep_ in ("amod", "compound", "nmod") and root.head != root:
                root = root.head
            first_prep = root.head if root.dep_ == "pobj" else None
        for m in mentions:
            if first_prep is None or m.label != "SYSTEM" or m.canonical in seen:
                continue
            root = m.span(doc).root
            prep = root.head if root.dep_ == "pobj" else None
            if prep is not None and prep.dep_ == "conj" and prep.lower_ == first_prep.lower_ and (
                prep.head.i in scope or prep.head.head in (first_prep.head, tok, tok.head)
            ):
                seen.add(m.canonical)
                # each phrase may carry its own date, the first one after it
                own = next((tx.value for tx, r in timexes or []
                            if r.i > m.start and r.head.head in (prep.head.head, prep)), ev.date)
                extra.append(replace(ev, system=m.canonical, date=own))
        # "three bids are on the table: Saab's Gripen E, Lockheed Martin's F-16 and Dassault's Rafale": each
        # system of the apposition is offered by its own maker
        if tok.lemma_.lower() in _BID_NOUNS and tok.pos_ == "NOUN":
            for c in tok.children:
                if c.dep_ != "appos":
                    continue
                lineage = {u.i for t in c.subtree if t.dep_ in ("acl", "relcl") for u in t.subtree}  # ("the export
                # model of a system descended from the Tor": a clause about an item, not another bid)
                for m in mentions:
                    if m.label == "SYSTEM" and c.left_edge.i <= m.start <= c.right_edge.i and m.canonical not in seen \
                            and m.start not in lineage:
                        seen.add(m.canonical)
                        maker = self._producer(m.canonical)
                        extra.append(replace(ev, system=m.canonical, supplier=maker if maker != ev.recipient
                                             else ev.supplier))
        # "under a 2015 contract, ..., which also included a FREMM frigate": the deal's other items
        deals = [doc[i] for i in sorted(scope) if doc[i].lemma_.lower() in _PURCHASE_NOUNS]
        for d in deals:
            for holder in [d, *(c for c in d.children if c.dep_ == "appos")]:
                for v in holder.children:
                    if v.dep_ not in ("relcl", "acl") or v.lemma_.lower() not in ("include", "comprise", "cover"):
                        continue
                    inside = range(v.left_edge.i, v.right_edge.i + 1)
                    for m in mentions:
                        if m.label == "SYSTEM" and m.start in inside and m.canonical not in seen:
                            seen.add(m.canonical)
                            extra.append(replace(ev, system=m.canonical))
        doc_kinds = [doc[i] for i in sorted(scope) if doc[i].lower_ in GENERIC_CATEGORIES and i not in by_token]
        if first is None and doc_kinds:
            heads = {doc_kinds[0]}
        for h in heads:
            for conj in _list_items(h):
                if conj.i not in by_token and conj.lower_ in GENERIC_CATEGORIES:
                    if any(c.lower_ in ("other", "another", "any") for c in conj.children):
                        continue  # "Z-9s or any other helicopter": no particular one
                    system = self._refer_back(conj.lower_, state)
                    if system and system not in seen:
                        seen.add(system)
                        extra.append(self._twin(ev, system))
                    continue
            for conj in _list_items(h):  # conjoined arguments are arguments, though "conj" bounds the clause scope
                # "Z-9 helicopters in 2015 and PLZ-07 howitzers a year later": an item may carry its own date
                own = next((tx.value for tx, r in timexes or [] if tx.value and tx.value != ev.date
                            and conj.left_edge.i < r.i <= conj.right_edge.i + 4 and r.i > tok.i), None)
                for t in conj.subtree:
                    m = by_token.get(t.i)
                    if m is not None and m.label == "SYSTEM" and m.canonical not in seen:
                        seen.add(m.canonical)
                        twin = self._twin(ev, m.canonical)
                        extra.append(replace(twin, date=own) if own else twin)
                        break
        return extra

    def _twin(self, ev: Event, system: str) -> Event:
        """The same event for another listed system; a supplier that was only the first system's maker becomes
        this one's maker ("a letter of intent covering the German tanks and the French guns")."""
        twin = replace(ev, system=system)
        producer = self._producer(system)
        if ev.supplier == self._producer(ev.system) and producer and producer != ev.recipient and (
            ev.supplier not in self._makers(system)
        ):  # (a co-producer stays: "a Chinese entity for the J-10C or the JF-17")
            twin.supplier = producer
        return twin

    # --- system --------------------------------------------------------------------------------

    def _system(
        self, tok: Token, sent: Span, mentions: list[Mention], by_token: dict[int, Mention], state: ArticleState,
        etype: str,
    ) -> str | None:
        systems = [m for m in mentions if m.label == "SYSTEM"]
        # "Saab's bid was passed over": a bidder's bid is for its own state's system, wherever it is named
        bids = [tok] if tok.lemma_.lower() in _BID_NOUNS and tok.pos_ == "NOUN" else [
            c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _BID_NOUNS
        ] if etype == "rejection" else []
        for bid in bids:
            owner = next((by_token[c.i].country for c in bid.children if c.dep_ == "poss" and c.i in by_token), None)
            theirs = [m for m in systems if owner and self._producer(m.canonical) == owner]
            if theirs:
                return min(theirs, key=lambda m: abs(m.start - bid.i)).canonical
        verb = tok.head
        if tok.pos_ == "ADJ" and verb.dep_ == "relcl" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in verb.children
        ):
            noun = verb.head  # "the NASAMS fire units that were declared operational": the units' system
            told = [m for m in systems if noun.left_edge.i <= m.start <= noun.i]
            if told:
                return told[-1].canonical
        if etype == "test" and tok.pos_ == "VERB" and _armed_strike(tok):
            # "Buk batteries ... shot down several aircraft, among them a Tu-22M": the arms that fired, not the target
            heads = [c for c in (tok.children if any(c.dep_ == "nsubj" for c in tok.children) else tok.head.children)
                     if c.dep_ in ("nsubj", "nsubjpass")]
            firing = [m for m in systems if any(h.left_edge.i <= m.start <= h.right_edge.i for h in heads)]
            if firing:
                return firing[0].canonical
        if etype == "test" and tok.pos_ == "VERB" and tok.lemma_.lower() in ("use", "employ") and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("it", "them") for c in tok.children
        ):  # "crews used it to shoot down a Kinzhal": the arms named before, not the target
            earlier = [m.canonical for m in systems if m.start < tok.i]
            return earlier[-1] if earlier else state.last_system
        if tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.tag_ == "VBN" and tok.head.dep_ == "acl" and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in tok.children
        ):  # "two C-27Js, ordered in 2010 and delivered in 2015": the conjunct describes the same items
            return self._system(tok.head, sent, mentions, by_token, state, etype)
        if etype == "offer" and tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and tok.head.lower_ in (
            GENERIC_SYSTEM_NOUNS) and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("which", "that") for c in tok.children
        ) and not any(tok.head.left_edge.i <= m.start <= tok.head.i for m in systems) and state.history:
            # "The Brazilian aircraft, which Embraer had formally proposed in June": the kind told before, of the
            # maker the noun names
            return self._refer_back(tok.head.lower_, state, _producer_hint(tok.head, by_token))
        if etype in ("deployment", "test") and tok.dep_ == "xcomp" and not any(
            c.dep_ == "nsubj" for c in tok.children
        ):  # "ordered the Jaguar south to patrol the waters": what the command is given to
            told = [m for c in tok.head.children if c.dep_ == "dobj" for m in systems
                    if c.left_edge.i <= m.start <= c.right_edge.i]
            if told:
                return told[0].canonical
        items = tok.doc[tok.i - 2] if tok.i >= 2 and tok.doc[tok.i - 1].text == "," else None
        named = [m for m in systems if items is not None and items.left_edge.i <= m.start <= items.i]
        if tok.dep_ == "advcl" and tok.tag_ == "VBN" and named and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children
        ):  # "consists of the Casspirs, bought from South Africa in 2019", "fired GMLRS rockets, bought from the
            # United States": the participle the parser hung from the verb describes the items just named
            return named[-1].canonical
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            named = [m for m in systems if tok.head.left_edge.i <= m.start < tok.i]
            if named:  # "Four Shaldag boats, ordered from Israel Shipyards along with Spike missiles": the items
                return named[-1].canonical  # the participle describes, not what comes along
        scope = _clause_tokens(tok)
        if tok.dep_ == "conj" and tok.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
        ):
            # "The two Bell 505 trainers ... have slipped again, the minister said, and are now expected in May
            # 2027": a conjoined verb shares the first verb's subject
            scope |= {t.i for c in _first_conjunct(tok).children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        if etype == "rejection":  # "refusing to let Ankara buy the Patriot": what is refused is in the complement
            scope |= {t.i for t in tok.subtree}
        if etype in ("cancellation", "delay") and tok.pos_ == "VERB":  # "shelved plans to buy the F-35"
            scope |= {t.i for c in tok.children if c.dep_ == "dobj" for t in c.subtree}
        # "signed for four Gripens to replace its F-16s", parsed as a for-to clause: its subject is what was signed for
        scope |= {t.i for c in tok.children if c.dep_ == "advcl" and any(m.lower_ == "for" and m.dep_ == "mark"
                                                                          for m in c.children)
                  for g in c.children if g.dep_ == "nsubj" for t in g.subtree}
        doc = tok.doc
        # a noun phrase's words before its noun are its own, however the parser hung them ("the last Mitsubishi
        # Electric J/FPS-3ME radar", with the designation made a conjunct of "last")
        scope |= {j for i in list(scope) if doc[i].dep_ in ("nsubj", "nsubjpass", "dobj") and doc[i].pos_ == "NOUN"
                  for j in range(doc[i].left_edge.i, doc[i].i)}
        resting = _rests_on(tok, systems) if tok.pos_ == "NOUN" and etype in TRANSFER_TYPES else None
        if resting is not None:  # "the Emirati bid rests on the Calidus B-250", "Beijing's offer is said to centre
            return resting  # on the HQ-17AE, the export model of ... the Tor": what its clause says the deal holds
        rel = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("that", "which")
                    and c.i == c.left_edge.i and c.i > sent.start), None)
        if rel is not None and tok.dep_ not in ("relcl", "acl"):
            named = [m for m in systems if m.end == rel.i or tok.doc[rel.i - 1].left_edge.i <= m.start < rel.i]
            if named:  # "two FPB 72 patrol boats that the French yard Ocea delivered", "a Casa C-212-400 that Spain
                return named[-1].canonical  # delivered": a relative clause the parser hung apart from its noun
        # 1. inside the trigger's own phrase / clause (nearest)
        own = [m for m in systems if m.start in scope]
        if not own:  # "sent Russia 6 million shells and 100 KN-23 missiles": a system in a coordinated object
            conj = {t.i for i in scope if doc[i].dep_ in ("dobj", "pobj", "nsubjpass") and doc[i].pos_ == "NOUN"
                    for c in doc[i].conjuncts if c.i > doc[i].i for t in c.subtree}
            own = [m for m in systems if m.start in conj]
        asides = _asides(tok, scope)
        if any(m.start not in asides for m in own):  # "Two Shaldag boats, ordered along with Spike missiles, entered
            own = [m for m in own if m.start not in asides]  # service": the items, not a clause's aside about them
        if own:
            # "the first NASAMS and IRIS-T SLM fire units will arrive next year, with VL MICA following": an
            # intransitive or passive verb's items are its subject, however near another system is
            subject = {t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            if tok.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in tok.children) and any(
                m.start in subject for m in own
            ):
                own = [m for m in own if m.start in subject]
            carried = {t.i for c in tok.children if c.dep_ == "dobj" for t in c.subtree}
            carrier = etype == "delivery" and tok.pos_ == "VERB" and any(m.start in carried for m in own) and any(
                tok.doc[i].lemma_.lower() in _CARRIER_WORDS for i in subject
            )  # "a flight of Chinese Y-20 transport planes delivered the FK-3": the load, not the carrier
            if carrier:
                own = [m for m in own if m.start in carried]
            nearest = min(own, key=lambda m: abs(m.start - tok.i))
            # "contracted for 24 aircraft of the same type together with a FREMM frigate": a nearer generic
            # argument is the main system, the named one comes along
            generic = [doc[i] for i in scope if doc[i].lower_ in GENERIC_CATEGORIES and i not in by_token
                       and not (carrier and i in subject)
                       and abs(i - tok.i) < abs(nearest.start - tok.i) and doc[i].dep_ in ("pobj", "dobj")
                       and not any(c.lower_ in _OWN_WORDS or c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ == "of"
                                   and any(by_token.get(t.i) in own for g in c.children for t in g.subtree
                                           if t.i <= g.i) for c in doc[i].children)]
            # ("picked another Italian vehicle, the Centauro II", "a squadron of Su-25s": they name it)
            if generic:
                earlier = [m.canonical for m in systems if m.start < generic[0].i]
                back = self._refer_back(generic[0].lower_, state, _producer_hint(generic[0], by_token), earlier)
                if back:
                    return back
            return nearest.canonical
        if tok.lemma_.lower() == "exercise" and tok.pos_ == "VERB":  # "signed for 12 Mi-17s and exercised an option"
            earlier = [m.canonical for m in systems if m.start < tok.i]
            return earlier[-1] if earlier else state.last_system
        # 2. the noun a participle/relative clause hangs from ("S-400 systems sold to ...", "the boats that had
        # been patrolling")
        clause = tok.head if tok.dep_ == "xcomp" and tok.head.dep_ == "relcl" and tok.head.pos_ == "AUX" else tok
        if clause.dep_ in ("relcl", "acl") and clause.head.i in by_token and (
            by_token[clause.head.i].label == "SYSTEM"
        ):
            return by_token[clause.head.i].canonical
        if clause.dep_ in ("relcl", "acl"):
            for t in clause.head.subtree:
                if t.i < clause.i and t.i in by_token and by_token[t.i].label == "SYSTEM":
                    return by_token[t.i].canonical
            if tok.dep_ == "acl" and tok.head.lower_ in GENERIC_CATEGORIES and tok.head.i not in by_token and (
                state.history and _definite(tok.head) and not any(c.dep_ in ("amod", "compound") and (
                    c.lower_ in _OWN_WORDS or c.lower_ in ("newer", "next-generation")) for c in tok.head.children)
            ):  # "the first four launchers, delivered on June 16": the kind told before
                back = self._refer_back(tok.head.lower_, state, _producer_hint(tok.head, by_token))
                if back:
                    return back
        # "... Pantsir-S1 vehicles, the first of which were handed over in 2014" (however the clause is hung)
        antecedent = _of_which_antecedent(tok)
        if antecedent is not None:
            named = [m for m in systems if antecedent.left_edge.i <= m.start <= antecedent.i]
            if named:
                return named[-1].canonical
        # 3. the programme a state is removed from
        if etype == "exclusion":
            progs = [m for m in systems if self._category(m.canonical) == "combat_aircraft"]
            if progs:
                return min(progs, key=lambda m: abs(m.start - tok.i)).canonical
            return self._refer_back("aircraft", state)
        # 4. a generic noun pointing back ("the systems", "the aircraft") in the clause
        doc = tok.doc
        generics = [doc[i] for i in sorted(scope) if doc[i].lower_ in GENERIC_SYSTEM_NOUNS and i not in by_token]
        # "its own air defence system", "is choosing a fighter": not the system named before (but "the first new
        # aircraft" are those of the deal told: new, not second-hand)
        if generics and (any(c.lower_ in _OWN_WORDS and not (c.lower_ == "new" and any(
                             d.dep_ == "det" and d.lower_ == "the" for d in generics[0].children))
                             for c in generics[0].children) or _indefinite(generics[0])
                         or _mixed_makers(generics[0], by_token) or _of_its_own(generics[0])):
            return None  # ("Chinese and Russian equipment": arms in general, not one system)
        if generics:
            # the antecedent may be earlier in this sentence ("signed for 12 F-16s ... has yet to receive a jet")
            earlier = [m.canonical for m in systems if m.start < generics[0].i]
            back = self._refer_back(generics[0].lower_, state, _producer_hint(generics[0], by_token), earlier)
            if back:
                return back
            ahead = self._refer_ahead(generics[0], state) if not state.history and not earlier else None
            if ahead:
                return ahead
        # 5. "the contract", "its purchase", "a 2017 deal": a definite deal refers to the system in focus;
        # a deal verb refers through its definite deal noun ("The contract was signed in 2017")
        deal = tok
        if tok.pos_ in ("VERB", "AUX"):  # "signed the contract", "the contract was signed", "the deal fell apart",
            # "deliveries under the existing contract have slipped"
            deal = next((t for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "nsubj") for t in c.subtree
                         if t.lemma_.lower() in _PURCHASE_NOUNS), tok)
        elif tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ in ("VERB", "AUX"):
            # "the order covers 30 jets, with deliveries scheduled for 2024": the deliveries of that order
            deal = next((c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.lemma_.lower() in _PURCHASE_NOUNS), tok)
        if tok.pos_ == "VERB" and state.history and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _SCHEDULE_NOUNS for c in tok.children
        ):  # "extended the delivery deadline": the deal the story is about
            return self._refer_back("system", state)
        if etype == "delay" and tok.pos_ in ("VERB", "AUX", "ADP") and state.history and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _WORK_NOUNS | _LATE_SUBJECTS
            for c in (tok.head.children if tok.pos_ == "ADP" else tok.children)
        ):  # "the refit at a Japanese shipyard is running late", "the project is now well behind schedule", "the
            # date has slipped": the work on the items of the deal last told, else of the story's system
            told = state.last_transfer.system if state.last_transfer is not None else None
            return told or self._refer_back("system", state)
        last = state.last_transfer
        handover = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                         and c.lemma_.lower() in _HANDOVER_NOUNS and not _indefinite(c)), None) if (
            (etype in ("delay", "cancellation") or etype == "delivery" and _moved_to(tok) is not None)
            and tok.pos_ == "VERB" and state.history) else None
        if handover is not None:
            if any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in handover.children):
                earlier = [m.canonical for m in systems if m.start < tok.i]  # "two K-8s it ordered in 2022; their
                return earlier[-1] if earlier else state.last_system  # delivery has slipped": those just named
            named = {by_token[t.i].canonical for t in sent if t.i < tok.i and t.i in by_token
                     and by_token[t.i].label == "SYSTEM"}
            if len(named) == 1:  # "Two MRTP 16 craft ... were due this year, but the yard had pushed
                return named.pop()  # delivery back": the one system the sentence named (outside the clause too)
            return self._refer_back("system", state)  # "deliveries had been postponed": the story's deal
        if etype == "delivery" and deal is tok and tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NNS" and (
            not any(c.dep_ in ("det", "poss", "prep", "compound", "amod") for c in tok.children)
        ) and last is not None and last.type == "order" and last.system:
            return last.system  # "... ordered S. Deliveries are to begin in 2028": those of the order just told
        if etype == "order" and deal.pos_ == "NOUN" and _indefinite(deal) and _prospective(deal) and state.history:
            # "they are in talks on X; a contract could be signed in May": the deal under discussion, or the one
            # with the partner named ("a separate contract should be concluded with KNDS France")
            partner = next((by_token[g.i].country for h in (deal, deal.head) for c in h.children
                            if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                            if g.i in by_token and by_token[g.i].country), None)
            parties = {partner} if partner else {m.country for m in mentions if m.is_state}
            named = state.history + [m.canonical for m in systems if m.start < tok.i]
            theirs = [d for d in named if self._producer(d) in parties - {None}]  # ("London and Riyadh ...")
            if theirs:
                return theirs[-1]
            talks = state.last_talks  # (talks told further back may be a rival bid: the story's deal then)
            previous = _previous_sentence_start(sent)
            if talks is not None and (talks.start or 0) >= previous:
                return talks.system
            return self._refer_back("system", state)
        just_told = state.last_transfer
        if etype in ("delay", "cancellation") and tok.pos_ == "NOUN" and just_told is not None and (
            tok.dep_ in ("nsubj", "nsubjpass", "dobj") and not any(c.dep_ == "prep" for c in tok.children)
            and just_told.system and (just_told.start or 0) >= _previous_sentence_start(sent)
        ):
            return just_told.system  # "Honduras ordered two A-29s in 2024. A first postponement was
            # announced last November": the slip of the deal told in this sentence or the one before
        if etype == "order" and _unsigned(tok) and state.history:
            # "Nothing has been signed with Airbus", "no contract had been signed": the deal under discussion (with
            # the partner named), not yet a purchase
            partner = next((by_token[g.i].country for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                            for g in c.subtree if g.i in by_token and by_token[g.i].country), None)
            theirs = [d for d in state.history if partner is not None and self._producer(d) == partner]
            if theirs:
                return theirs[-1]
            if state.last_talks is not None and state.last_talks.system:
                return state.last_talks.system
            return self._refer_back("system", state)
        if deal.pos_ in ("NOUN", "PROPN") and etype in TRANSFER_TYPES and (_definite(deal) or (
            etype == "delivery" and any(c.dep_ == "amod" and c.lower_ in ("first", "initial") for c in deal.children)
        )):  # "first deliveries are due in 2028"
            # "after four of the Dhruvs crashed, Quito terminated the contract": the one system the sentence named
            # (not the programme a state is cut from, nor under "the armour deal", a deal of another kind)
            before = [m for m in systems if m.start < tok.i and not (
                doc[m.end - 1].dep_ == "compound" and doc[m.end - 1].head.lemma_.lower() in _PROGRAMME_NOUNS)]
            if len({m.canonical for m in before}) == 1 and _producer_hint(deal, by_token) is None and not any(
                c.dep_ == "compound" for c in deal.children
            ):
                return before[-1].canonical
            if last is not None and last.system and _producer_hint(deal, by_token) is None and any(
                c.dep_ == "det" and c.lower_ == "that" for c in deal.children
            ):
                return last.system  # "Santiago bought ten Super Tucanos in 2008. That purchase went badly"
            if state.history:
                return self._refer_back("system", state, _producer_hint(deal, by_token))
            if before:
                return before[-1].canonical
        # 6. the only system of the sentence, near the trigger, unless the trigger has an object of its own
        # ("Ankara had received no such proposal")
        own_object = tok.pos_ == "VERB" and tok.lemma_.lower() != "reach" and any(  # ("reach Pakistan": a place)
            c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not (
                c.i in by_token and by_token[c.i].label == "DEMONYM")  # ("bought Chinese FN-6 missiles" misparsed)
            for c in tok.children)
        reach = 20 if tok.pos_ == "NOUN" else 12
        if len({m.canonical for m in systems}) == 1 and abs(systems[0].start - tok.i) <= reach and not own_object:
            return systems[0].canonical
        # "would fund 12 more of the vehicles, with delivery planned for 2027": the delivery of what the sentence
        # is about
        bare_with = etype == "delivery" and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and (
            tok.head.lower_ == "with" and not any(c.dep_ == "prep" for c in tok.children))
        if etype in ("test", "deployment") and state.just_named and any(
            c.dep_ == "nsubj" and _partitive_of_them(c)
            for h in ((tok, tok.head) if tok.pos_ == "NOUN" else (tok,)) for c in h.children
        ):  # "Two of them fired their guns at towed targets": some of the arms the sentence before named, or this
            # one before them ("Its A-37Bs were delivered in the 1980s, and two of them flew live-fire sorties")
            before = [m.canonical for m in systems if m.start < tok.i and not any(
                sent.doc[k].text in (";", ":") for k in range(m.end, tok.i))]
            return before[-1] if before else state.just_named[-1]
        if (etype in ("test", "deployment") or bare_with) and state.last_system:
            nouns = [t for t in sent if t.lower_ in GENERIC_SYSTEM_NOUNS and t.i not in by_token]
            if nouns:
                return self._refer_back(nouns[0].lower_, state, _producer_hint(nouns[0], by_token))
        # 7. "They will be delivered in 2028", "talks about buying it", "pledged 19 of them": the items, as a
        # pronoun, are the system last named
        mutual = VERB_TRIGGERS.get(tok.lemma_.lower(), ("", ""))[1] == "mutual" and not _for_objects(tok)
        # ("signed it": a law, a protocol; but "signed for a second batch" bought more)
        moves = etype in TRANSFER_TYPES or etype == "test"  # "would fire them for the first time": a test too
        last = state.last_transfer  # the system of a deal told earlier in this sentence
        told_here = last.system if last is not None and (last.start or 0) >= sent.start_char else None
        if told_here and moves and tok.pos_ == "VERB" and any(_bare_first(c) for c in tok.children):
            return told_here  # "ordered 16 P-8s to replace its CP-140s, and the first is expected in 2026"
        if told_here and etype in ("cancellation", "delay") and tok.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("plan", "programme", "program", "project")
            and _definite(c) for c in tok.children
        ):
            return told_here  # "Yerevan planned to buy eight more, but the plan was shelved": the purchase just told
        due = _due_subject(tok)  # "with the last of them due in 2029", "the first of the jets due to reach X"
        if moves and due is not None and _items(due):
            generic = next((t for t in due.subtree if t.lower_ in GENERIC_SYSTEM_NOUNS and t.i not in by_token), None)
            if generic is None:  # "most of the remaining 32 launchers ..., with the last of them due": the noun
                generic = next((t for t in reversed(sent[: due.i - sent.start])  # "them" stands for
                                if t.lower_ in GENERIC_CATEGORIES and t.i not in by_token), None)
            earlier = [m.canonical for m in systems if m.start < tok.i]
            back = self._refer_back(generic.lower_, state, None, earlier) if generic is not None else (
                earlier[-1] if earlier else self._refer_back("system", state))
            if back:
                return back
        verb = tok.head if tok.pos_ == "ADJ" and tok.dep_ == "acomp" else tok  # ("the first two are due")
        # ("two more are scheduled to arrive": the subject of the verb the infinitive completes)
        controls = (verb, verb.head) if verb.dep_ == "xcomp" else (verb,)
        earlier_here = [m.canonical for m in systems if m.start < tok.i]
        if moves and verb.pos_ in ("VERB", "AUX") and not mutual and (earlier_here or state.last_system) and any(
            _pronoun_items(c, v) for v in controls for c in (*v.children, *_for_objects(v))
        ):  # "14 jets ordered from the US; the first of them landed": a system named earlier in the sentence first
            return earlier_here[-1] if earlier_here else state.last_system
        if tok.pos_ == "NOUN":  # "want that first pair on patrol", "it proceeded to test firing"
            heads: tuple[Token, ...] = (tok, tok.head, tok.head.head)
        elif tok.pos_ == "ADJ" or tok.dep_ == "xcomp":
            heads = (tok, tok.head)  # "they will be operational", "they are to be stationed", "it proceeded to test"
        else:
            heads = (tok,)
        if etype in ("deployment", "test") and state.last_system and any(
            c.dep_ in (("nsubj", "nsubjpass", "dobj") if h is tok or tok.pos_ != "VERB" else ("nsubj", "nsubjpass"))
            and (c.lower_ in ("it", "they", "them") or _pronoun_items(c, h) or c.lemma_.lower() in _PART_NOUNS)
            or c is h and h.lemma_.lower() in _PART_NOUNS
            for h in heads for c in (h, *h.children) if h.pos_ in ("VERB", "AUX", "ADJ", "NOUN")
        ):  # "expects to declare it operational in 2025", "they are to be stationed at Sevare", "it has been
            return state.last_system  # operating at Wallace Air Station", "want that first pair on patrol"
        if etype == "negotiation" and tok.pos_ == "VERB":
            # "London and Riyadh have been haggling over the terms": talks between two states named are about
            # the system one of them makes that the article has told of
            phrase = {t.i for t in tok.subtree}
            sides = {m.country for m in mentions if m.is_state and m.start in phrase}
            theirs = [d for d in state.history if len(sides) >= 2 and self._producer(d) in sides]
            if theirs:
                return theirs[-1]
        return None

    def _refer_back(
        self, noun: str, state: ArticleState, producer: str | None = None, earlier: list[str] | None = None
    ) -> str | None:
        """The system a generic noun stands for: "the aircraft" -> the last aircraft named; "the (Russian) system"
        -> the (Russian-made) system the article is mostly about. ``earlier``: systems named before the noun in
        its own sentence."""
        history = state.history + (earlier or [])
        if producer is not None:  # "the Qatari jets": made in Qatar, or else sold by it (second-hand Mirages)
            sold = {d for (d, _), seller in state.sellers.items() if seller == producer}
            history = [d for d in history if self._producer(d) == producer] or [
                d for d in history if d in sold] or history
        cats = GENERIC_CATEGORIES.get(noun)
        if noun == "system" and earlier and len(set(earlier)) == 1 and producer is None and earlier[0] not in (
            state.turned_down
        ):  # "It bought the FD-2000 ..., and its crews carried out the first live firing of the system": the one
            return earlier[0]  # system its own sentence has named
        if cats is not None and earlier:  # "the contract for 48 KAAN jets ... the Turkish aircraft": the nearest
            near = [d for d in earlier if self._category(d) in cats and producer in (None, self._producer(d))]
            if near:  # (a system just turned down is no antecedent: "having rejected the Rafale, has yet to get a jet")
                return max(enumerate(near), key=lambda p: (p[1] not in state.turned_down, p[0]))[1]
        if cats is not None:
            history = [d for d in history if self._category(d) in cats]
            if not history:
                return None
            just = {d for d in state.just_named if d in history and d not in state.turned_down}
            if len(just) == 1 and not earlier:  # "two MA60 transports ... were held up. The first aircraft will now
                return just.pop()  # arrive in March": the one aircraft the sentence before named
        if not history:
            return None
        counts: dict[str, int] = {}
        for d in history:
            counts[d] = counts.get(d, 0) + 1
        # the system the article is about: most mentioned; among equals, the one named first for "the system"
        # (the subject of the story) and the one named last for a category noun (the nearest antecedent)
        order: dict[str, int] = {}
        for i, d in enumerate(history):
            if cats is not None:
                order[d] = i
            else:
                order.setdefault(d, -i)
        # a system some state orders or receives is a likelier antecedent than one only turned down or discussed
        # a system only turned down ("having rejected France's Rafale") is no antecedent for "the aircraft"
        return max(counts, key=lambda d: (d not in state.turned_down, counts[d], order[d]))

    def _refer_ahead(self, noun: Token, state: ArticleState) -> str | None:
        """A lead that names the kind before the system ("cancelled a contract for 12 submarines ... the Attack
        class"): the first system of that kind named within the next three sentences, when none was named
        before (a system named much later is another item of the story)."""
        cats = GENERIC_CATEGORIES.get(noun.lower_)
        if cats is None or noun.dep_ in ("compound", "amod", "npadvmod") or any(
            c.lower_ in _OWN_WORDS for c in noun.children
        ):  # "anti-aircraft missiles" names no aircraft
            return None
        sents = list(noun.doc.sents)
        here = next(k for k, sent in enumerate(sents) if sent.start <= noun.i < sent.end)
        horizon = sents[min(here + 3, len(sents) - 1)].end
        return next((d for i, d in state.named if noun.i < i < horizon and self._category(d) in cats), None)

    def _category(self, designation: str) -> str | None:
        return self._facts(designation)[0]

    def _producer(self, designation: str | None) -> str | None:
        makers = self._makers(designation)
        return makers[0] if makers else None

    def _makers(self, designation: str | None) -> tuple[str, ...]:
        """Every producer state of a designation (a jointly built system has several), the first one first; for
        a system the catalog lacks, the maker the article names with it."""
        if not designation:
            return ()
        return self._facts(designation)[1] or self._text_makers.get(designation, ())

    def _makers_named(self, doc: Doc, mentions: list[Mention]) -> dict[str, tuple[str, ...]]:
        """ "Mitsubishi Electric J/FPS-3ME radars", "Baykar's Kemankes", "a South Korean Pohang-class corvette":
        the company or state named right before an unlisted system is its maker (the catalog knows the rest)."""
        before = {m.end: m for m in mentions if m.label in ("ORG", "DEMONYM", "COUNTRY") and m.country}
        makers: dict[str, tuple[str, ...]] = {}
        for m in mentions:
            if m.label != "SYSTEM" or m.canonical in makers or self._facts(m.canonical)[1]:
                continue
            end = m.start - 1 if m.start >= 1 and doc[m.start - 1].lower_ in ("'s", "’s") else m.start
            maker = before.get(end)
            if maker is not None and (maker.label != "ORG" or maker.canonical in self._companies):
                makers[m.canonical] = (maker.country,)
        return makers

    def _facts(self, designation: str) -> tuple[str | None, tuple[str, ...]]:
        """(category, producers) of a designation, looked up once per extractor (thousands of calls an article
        otherwise)."""
        facts = self._system_facts.get(designation)
        if facts is None:
            system = self.catalog.find_system(designation)
            facts = (system.category, tuple(system.producers)) if system else (
                ("ship" if designation.endswith(" class") else None), ())  # ("Snake-class boats": a class unlisted)
            self._system_facts[designation] = facts
        return facts

    # --- roles ---------------------------------------------------------------------------------

    def _roles(
        self, tok: Token, sent: Span, mentions: list[Mention], by_token: dict[int, Mention], state: ArticleState
    ) -> dict[str, list[str]]:
        """Syntactic roles of the states around the trigger: AGENT, PATIENT, OBJ, GOAL, SOURCE, ..."""
        roles: dict[str, list[str]] = {}

        def add(role: str, iso: str | None) -> None:
            if iso and iso not in roles.setdefault(role, []):
                roles[role].append(iso)

        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        anchor = tok.head if tok.pos_ == "ADJ" and tok.head != tok else tok  # "became operational in Türkiye"
        if tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.i > tok.head.i and tok.head.dep_ == "dobj":
            anchor = tok.head.head  # "declared its first battery operational": the object's verb
        for m in mentions:
            if not m.is_state:
                continue
            root = m.span(sent.doc).root
            if _names_media(root):
                continue
            role = _relation(root, anchor, passive)
            if role is None:
                continue
            add(role, m.country)
        # relative pronouns: "Greece, which ordered 18 Rafales" -> the noun the clause hangs from
        if tok.dep_ == "relcl":
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who", "that"):
                    m = by_token.get(tok.head.i) or _mention_in(tok.head, by_token)
                    if m is not None and m.is_state:
                        add("AGENT" if c.dep_ == "nsubj" else "PATIENT", m.country)
        # "Israel was also the source of the Ouragan fighters the air force received": the state that was the
        # source of the items received supplied them
        source = next((a for a in list(tok.ancestors)[:4] if a.lemma_.lower() in _SOURCE_NOUNS and a.dep_ == "attr"),
                      None) if tok.dep_ in ("relcl", "acl") else None
        for c in source.head.children if source is not None else ():
            m = by_token.get(c.i) if c.dep_ == "nsubj" else None
            if m is not None and m.is_state:
                add("SOURCE", m.country)
        # "Two UH-1H helicopters donated by Taiwan were handed over": the donor the items' participle names gives
        items = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")] + (
            [tok.head] if tok.dep_ == "relcl" else [])  # ("the Hueys donated by Taiwan, which were handed over")
        for c in items:
            for a in (a for a in c.children if a.dep_ == "acl" and a.lemma_.lower() in _GIFT_VERBS):
                for g in (g for p in a.children if p.dep_ == "agent" for g in p.children):
                    m = by_token.get(g.i)
                    if m is not None and m.is_state:
                        add("V_SOURCE", m.country)
        # "its M270 launchers fired ATACMS": the owner of the subject acts
        for c in tok.children:
            if c.dep_ == "nsubj" and tok.pos_ == "VERB":
                for d in c.children:
                    if d.dep_ == "poss" and d.lower_ in ("its", "their"):
                        add("POSS", _antecedent(d, mentions, state))
        # pronouns: "it sold", "its purchase" -> an earlier subject of this sentence, else of the text
        # ("the first carried out its first drill": "its" is the item the clause is about, not a state)
        item_clause = tok.pos_ == "NOUN" and tok.dep_ == "dobj" and any(
            c.dep_ == "nsubj" and (_items(c) or by_token.get(c.i) is not None and by_token[c.i].label == "SYSTEM")
            for c in tok.head.children)
        for c in tok.children:
            if c.lower_ in _PRONOUNS and c.dep_ in ("nsubj", "poss", "nsubjpass") and not (
                item_clause and c.dep_ == "poss"
            ):
                role = "PATIENT" if c.dep_ == "nsubjpass" else ("POSS" if c.dep_ == "poss" else "AGENT")
                add(role, _antecedent(c, mentions, state))
            elif c.lower_ in ("it", "them") and (c.dep_ == "dative" or c.dep_ == "dobj" and any(
                d.dep_ == "dobj" and d.i > c.i for d in tok.children
            )):  # "sell it F-15s": the pronoun before the items is who receives them
                add("DATIVE", _object_antecedent(tok, mentions, state))
            elif c.dep_ == "xcomp" and tok.lemma_.lower() in ("refuse", "decline", "reject"):
                for d in c.children:  # "refused to sell it F-15s": the refused buyer
                    if d.lower_ in ("it", "them") and d.dep_ in ("dative", "dobj") and any(
                        e.dep_ == "dobj" and e.i > d.i for e in c.children
                    ):
                        add("OBJ", _object_antecedent(tok, mentions, state))
        # "arrived there": the place last named with to/in/into before the trigger
        if any(c.lower_ == "there" and c.dep_ == "advmod" for c in tok.children):
            doc = sent.doc
            states = {m.start: m for m in by_token.values() if m.is_state and m.start < tok.i}  # one per mention
            places = [m for m in states.values()
                      if m.span(doc).root.dep_ == "pobj" and m.span(doc).root.head.lower_ in ("to", "in", "into")]
            if places:
                add("LOC", max(places, key=lambda m: m.start).country)
        # "Ukraine's first F-16s, from Denmark and the Netherlands, are due in July": where the subject comes from
        for c in anchor.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (_items(c) or _arms_noun(c) or c.pos_ == "PROPN"):
                for p in (p for p in c.children if p.dep_ == "prep" and p.lower_ == "from"):
                    for g in p.subtree:
                        m = by_token.get(g.i)
                        if m is not None and m.is_state and g.dep_ in ("pobj", "conj"):
                            add("SOURCE", m.country)
        # "German and Dutch Patriot batteries were deployed": the state that owns what the passive moves
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                for d in c.children:
                    m = by_token.get(d.i)
                    if d.dep_ in ("amod", "compound", "poss", "nmod") and m is not None and m.is_state:
                        add("OWNER", m.country)
        # "Honduras, whose two radars arrived from Israel in 2016": the state the relative clause is about owns them
        if tok.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                d.dep_ == "poss" and d.lower_ == "whose" for d in c.children) for c in tok.children):
            m = by_token.get(tok.head.i) or _mention_in(tok.head, by_token)
            if m is not None and m.is_state:
                add("WHOSE", m.country)
        # "gunships retired by Jordan were handed to Kenya", "F-16s previously operated by the Netherlands": the
        # state that gave the items up sells them second-hand
        for item in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
            for acl in (c for c in item.children if c.dep_ == "acl" and c.lemma_.lower() in _FORMER_OWNER_VERBS):
                for agent in (c for c in acl.children if c.dep_ == "agent"):
                    for g in agent.children:
                        m = by_token.get(g.i)
                        if m is not None and m.is_state:
                            add("FORMER", m.country)
        # "the United States bought 21 of its MiG-29s": part of a stock someone holds, so "its" is the state the
        # article was about before, which sells them second-hand ("Turkey bought its S-400s": its own, once bought)
        if tok.pos_ == "VERB" and tok.lemma_.lower() in ("buy", "purchase", "acquire"):
            part = [c for c in tok.children if c.dep_ == "dobj" and (c.like_num or c.lower_ in ("some", "most"))]
            owned = any(t.dep_ == "poss" and t.lower_ in ("its", "their") and t.head.dep_ == "pobj"
                        and t.head.head.lower_ == "of" and t.head.head.head in part for p in part for t in p.subtree)
            buyers = roles.get("AGENT", [])
            prior = state.last_subject_state
            if owned and buyers and prior and prior not in buyers:
                add("FORMER", prior)
        # controlled subjects: "Egypt agreed to buy", "pressed Turkey to buy", "approached X about buying"
        gov = tok
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or (
            tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound", "poss") and c.i in by_token
                                       and by_token[c.i].is_state for c in tok.children)
        )  # "a French contract", "Turkey's purchase": the noun's own state, not whoever governs the phrase
        reason = light = False
        for _ in range(0 if own_subject else 5):
            if gov.dep_ not in _CLIMB_DEPS or gov.head == gov:
                break
            if gov.dep_ in ("acomp", "oprd") and (gov.lemma_.lower() not in _CONTROL_ADJECTIVES or any(
                c.dep_ == "auxpass" for c in tok.children
            )):
                break  # "the unit is due to be handed over": the subject is what is handed, not who hands it
            child, gov = gov, gov.head
            if gov.lemma_.lower() in _CRITIC_VERBS:
                break  # "The Russian embassy condemned the deliveries": a critic, not a party
            if gov.lower_ in ("for", "over") and gov.pos_ == "ADP" and child.dep_ in ("pcomp", "pobj"):
                reason = True  # "sanctions for buying": the buyer is the one sanctioned, not the sanctioner
            if reason and gov.pos_ in ("VERB", "NOUN"):
                # the target of "imposed sanctions on Y over ...": the prep may hang from the verb or its object
                places = list(gov.children) + [g for c in gov.children if c.dep_ == "dobj" for g in c.children]
                for c in places:
                    m = by_token.get(c.i) or _mention_in(c, by_token)
                    if m is not None and m.is_state and c.dep_ in ("dobj", "nsubjpass"):
                        add("CTRL_SUBJ", m.country)
                    elif c.dep_ == "prep" and c.lower_ in ("on", "against"):
                        for pc in c.children:
                            pm = by_token.get(pc.i)
                            if pm is not None and pm.is_state:
                                add("CTRL_SUBJ", pm.country)
                if "CTRL_SUBJ" in roles:
                    break
                continue
            if gov.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
                continue
            found_subject = False
            if gov.lemma_.lower() in _LIGHT_VERBS and child is tok and child.dep_ == "dobj":
                light = True  # "..., taking delivery of CH-4 drones": whoever does the taking receives them
            controller = _object_controller(gov, child, by_token)
            if controller is not None:  # "the Korean package could lead Poland to drop X": Poland drops it
                add("CTRL_SUBJ", controller)
                break
            for c in gov.children:
                if c == child:
                    continue
                m = by_token.get(c.i) or _mention_in(c, by_token)
                if c.dep_ in ("nsubj",) and m is not None and m.is_state:
                    found_subject = True
                    if gov.lemma_.lower() in _LIGHT_VERBS or light:
                        add("RECEIVER", m.country)  # "Turkey took delivery", "Ankara faced sanctions"
                    else:
                        add("CTRL_SUBJ", m.country)
                elif c.dep_ == "nsubj" and c.lower_ in _PRONOUNS:
                    found_subject = True
                    add("CTRL_SUBJ", _antecedent(c, mentions, state))
                elif c.dep_ == "nsubj" and c.lower_ in ("which", "who", "that") and gov.dep_ == "relcl":
                    found_subject = True  # "Greece, which has asked to buy F-35s"
                    rm = by_token.get(gov.head.i) or _mention_in(gov.head, by_token)
                    if rm is not None and rm.is_state:  # ("Niger, which took delivery of ...": the taker receives)
                        add("RECEIVER" if gov.lemma_.lower() in _LIGHT_VERBS or light else "CTRL_SUBJ", rm.country)
                elif c.dep_ == "nsubj":
                    found_subject = True
                elif child.dep_ == "conj":
                    continue  # "to refuse the Russian systems and to buy ...": a conjunct shares the subject only
                elif c.dep_ in ("dobj", "nsubjpass") and m is not None and m.is_state:
                    add("CTRL_OBJ", m.country)
                elif c.dep_ == "prep" and c.lower_ in ("from", "on") and gov.lemma_.lower() in _DIRECTIVE_VERBS:
                    for pc in c.children:  # "demanded from Ankara to buy", "called on Athens to drop"
                        pm = by_token.get(pc.i) or _mention_in(pc, by_token)
                        if pc.dep_ == "pobj" and pm is not None and pm.is_state:
                            add("CTRL_OBJ", pm.country)
                elif c.dep_ in ("dobj", "dative") and c.pos_ == "PRON":
                    roles.setdefault("CTRL_OBJ_PRONOUN", [])  # "asked us to send": the sender is the one asked
                elif c.dep_ == "poss" and m is not None and m.is_state and gov.pos_ == "NOUN" and (
                    child.dep_ == "acl" and child.tag_ == "VBN" and _arms_noun(gov)
                ):  # "Namibia's two C-27Js, ordered in 2010 and delivered in 2015": the owner received them
                    add("RECEIVER", m.country)
                elif c.dep_ == "poss" and m is not None and m.is_state:
                    add("CTRL_POSS", m.country)
                elif (c.dep_ in ("compound", "amod") and gov.pos_ == "NOUN" and child.dep_ in ("acl", "relcl")
                      and gov.lemma_.lower() not in REQUEST_WORDS  # "a US request to send": the US asks, not sends
                      and m is not None and m.is_state and by_token.get(c.i) is m):
                    add("CTRL_POSS", m.country)  # "the US decision to remove Turkey", "a French contract to supply"
            if gov.pos_ in ("VERB", "AUX") and found_subject:
                break
            if gov.pos_ == "NOUN" and child.dep_ == "acl" and "CTRL_POSS" in roles:
                break  # the owner of "decision/plan/request to X" controls X, not whoever condemns the decision
        # "a contract to supply S to Z": the deal's buyer is where its supply clause sends the items
        if tok.pos_ == "NOUN":
            for c in tok.children:
                if c.dep_ == "acl" and VERB_TRIGGERS.get(c.lemma_.lower(), ("", ""))[1] == "give":
                    for m in mentions:
                        if m.is_state and _relation(m.span(sent.doc).root, c, False) in ("GOAL", "DATIVE"):
                            add("GOAL", m.country)
        # a noun trigger borrows the arguments of the verb it belongs to ("took delivery", "landed in Turkey")
        base = tok.head if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") else tok
        verb = None
        if tok.pos_ in ("NOUN", "PROPN"):
            if base.dep_ in ("nsubj", "nsubjpass", "dobj") and base.head.pos_ in ("VERB", "AUX"):
                verb = base.head
            elif base.dep_ == "pobj" and base.head.dep_ in ("prep", "agent") and base.head.head.pos_ in ("VERB", "AUX"):
                verb = base.head.head
        if verb is not None and verb.lemma_.lower() in _CRITIC_VERBS:
            verb = None  # "The Russian embassy condemned the deliveries": a critic, not a party
        if verb is not None:
            vpassive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
            light = verb.lemma_.lower() in _LIGHT_VERBS
            own = {t.i for t in base.subtree}  # ("American penalties cannot be ruled out": not what is ruled out)
            for m in mentions:
                if not m.is_state or m.start in own:
                    continue
                role = _relation(m.span(sent.doc).root, verb, vpassive)
                if role is None:
                    continue
                if role == "AGENT" and light:
                    role = "RECEIVER"
                add("V_" + role, m.country)
        if base != tok:  # "expulsion ... as well as sanctions": the first conjunct's own arguments
            for m in mentions:
                if m.is_state:
                    role = _relation(m.span(sent.doc).root, base, passive)
                    if role is not None:
                        add(role, m.country)
        add("OTHER", None)
        producers = {self._producer(m.canonical) for m in mentions if m.label == "SYSTEM"}
        holders = set(state.holders.values())
        states = [m.country for m in mentions if m.is_state]
        for iso in sorted(states, key=lambda c: (c not in holders, c in producers)):
            add("SENT", iso)
        return roles

    def _assign(
        self,
        etype: str,
        frame: str,
        roles: dict[str, list[str]],
        system: str | None,
        state: ArticleState,
        mentions: list[Mention],
        converted: bool,
        tok: Token,
    ) -> tuple[str | None, str | None]:
        def first(*names: str, exclude: str | None = None) -> str | None:
            return _first_role(roles, names, exclude)

        producer = self._producer(system)
        holder = state.holders.get(system) if system else None
        agent = first("AGENT", "POSS", "CTRL_SUBJ")
        if frame == "give" and etype == "offer" and _for_sale(tok):
            # "put its Z-9s up for sale": the state holding them offers them, to nobody yet
            seller = first("AGENT", "POSS", "V_AGENT", "V_POSS") or holder or first("SENT", exclude=producer)
            return seller, first("GOAL", "DATIVE", "V_GOAL", exclude=seller)
        if frame == "give" and etype == "offer" and _bid_weighed(tok) and first("V_AGENT", "CTRL_SUBJ"):
            # "Norway turned down rival bids built around France's FDI": the one weighing bids is offered them,
            # by the maker of what they are built around
            recipient = first("V_AGENT", "CTRL_SUBJ")
            maker = producer if producer != recipient else None
            return first("POSS", "MODADJ", exclude=recipient) or maker, recipient
        if frame == "give":
            if converted and "CTRL_OBJ_PRONOUN" in roles and "CTRL_OBJ" not in roles:
                supplier = first("AGENT", "POSS") or holder or producer
            else:
                supplier = first("AGENT", "POSS", "CTRL_OBJ" if converted else "CTRL_SUBJ", "CTRL_SUBJ", "V_AGENT",
                                 "CTRL_POSS")
            recipient = first("GOAL", "DATIVE", "BENEF", "RECEIVER", "LOC", "V_GOAL", "V_LOC", "V_RECEIVER", "V_BENEF",
                              "OBJ", "WHOSE", exclude=supplier)
            if supplier is None and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _RAISING_VERBS and any(
                c.dep_ == "auxpass" for c in tok.head.children
            ):  # "Lockheed Martin is expected to hand over the first Greek aircraft": the one expected gives
                supplier = first("CTRL_OBJ", exclude=recipient)
            if supplier is None:
                supplier = first("FORMER", "MOD", "MODADJ", "V_SOURCE", exclude=recipient)
            if supplier is None:
                told = state.sellers.get((system, holder)) if etype == "delivery" and holder else None
                supplier = holder if (converted or etype == "return") and holder and holder != recipient else (
                    told if told not in (None, recipient) else producer)  # ("Taiwan donated two UH-1Hs ... a third
                # is to follow": from the donor, not the maker)
            if etype == "return" and supplier == recipient:  # "might be sold back to Russia": by whoever holds them
                supplier = first("SENT", exclude=recipient)
            if recipient is None and etype not in ("offer",):
                recipient = holder if holder != supplier else None
            if recipient is None and etype == "offer" and tok.dep_ in ("acl", "relcl"):
                recipient = first("CTRL_SUBJ", exclude=supplier)  # "Chile turned down the X put forward by Y"
            last = state.last_transfer
            if etype == "delivery" and recipient in (None, supplier) and last is not None and (
                last.system == system and last.recipient not in (None, supplier)
            ):  # "... ordered 88 F-35s; the first is to be handed over in the United States": to that buyer
                recipient = last.recipient
            return supplier, recipient
        if frame == "get":
            recipient = first("AGENT", "POSS", "BUYER", "RECEIVER", "CTRL_OBJ" if converted else "CTRL_SUBJ",
                              "CTRL_SUBJ", "CTRL_POSS", "BENEF", "V_AGENT", "V_RECEIVER", "V_BENEF")
            supplier = first("SOURCE", "FORMER", "PARTNER", "MOD", "MODADJ", "V_SOURCE", "V_PARTNER",
                             exclude=recipient) or (first("VIA", exclude=recipient) if etype == "order" else None)
            payer = recipient  # ("ordered through Italy's Leonardo": the seller the deal went through)
            beneficiary = first("BENEF", exclude=payer) if etype == "order" and tok.lemma_.lower() in _BUY_VERBS and (
                any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and any(
                    m.start <= g.i < m.end and m.label in ("COUNTRY", "CAPITAL") for m in mentions)
                    for g in c.children) for c in tok.children)
            ) else None
            if beneficiary is not None and payer is not None and beneficiary != supplier:
                # "the boats Canberra bought for Papua New Guinea": the state bought for receives them, and the one
                # that pays hands them over unless a seller or maker is named
                recipient, supplier = beneficiary, supplier or producer or payer
            if supplier is None and producer != recipient:
                supplier = producer
            elif supplier is None and recipient is not None and recipient == producer == first("CTRL_SUBJ") and (
                tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in ("offer", "propose")
            ):  # "Russia, which offered to buy them": a maker buying back from the state that holds them
                supplier = holder if holder not in (None, recipient) else first("SENT", exclude=recipient) or next(
                    (c for c in state.focus if c != recipient), None)
            elif supplier is None and recipient is not None and recipient not in (
                first("AGENT"), first("POSS"), first("BUYER")
            ):  # "French officials expect the Mistral systems, ordered in May, ...": the maker's people don't buy
                supplier, recipient = producer, first("SENT", exclude=producer) or (
                    holder if holder != producer else None)
            if recipient is None:
                recipient = first("PATIENT", "OBJ", "CTRL_OBJ", exclude=supplier) or (
                    holder if holder != supplier else None)
            return supplier, recipient
        if frame == "arrive":  # "landed in Y", "arrived in Y", "reached Y"
            recipient = first("LOC", "GOAL", "BENEF", "V_LOC", "V_GOAL", "OBJ", "WHOSE") or holder
            supplier = first("MOD", "SOURCE", "AGENT", exclude=recipient) or producer
            return supplier, recipient
        if frame == "mutual":
            parties = [iso for n in ("AGENT", "POSS", "PARTNER", "CTRL_SUBJ", "GOAL", "MOD", "MODADJ", "BENEF", "OBJ",
                                     "CTRL_OBJ", "V_AGENT", "V_PARTNER", "V_RECEIVER", "V_GOAL", "CTRL_POSS")
                       for iso in roles.get(n, [])]
            parties = list(dict.fromkeys(parties))
            seller, buyer = first("AGENT", "CTRL_SUBJ"), first("GOAL")
            if seller and buyer and seller != buyer and producer not in (seller, buyer):
                return seller, buyer  # "negotiating the sale of its Mirages to Ukraine": a second-hand sale
            supplier = producer if producer in parties or producer else None
            partner = first("PARTNER", "V_PARTNER")
            if supplier is None and len(parties) == 1 and partner is not None and tok.pos_ == "NOUN" and (
                partner not in (state.lead_buyer, _top_buyer(state))
            ):  # "Talks with New Delhi on two Aadesh-class patrol vessels opened in January": a type of no known
                # maker is sold by the state the buyer talks with
                buyer = next((c for c in (state.lead_buyer, _top_buyer(state)) if c and c != partner), None) or (
                    _story_buyer(state, {partner}))
                if buyer is not None:
                    return partner, buyer
            if supplier is None and len(parties) >= 2:
                supplier = parties[1]
            recipient = next((p for p in parties if p != supplier), None)
            if recipient is None:
                recipient = holder if holder != supplier else None
            if recipient is None and tok.pos_ == "NOUN" and supplier is not None:
                # "There are no negotiations on the J-10", "negotiations with the Turkish company were continuing":
                # talks the article's buyer holds
                recipient = next((c for c in (state.lead_buyer, _top_buyer(state)) if c and c != supplier), None) or (
                    _story_buyer(state, {supplier}))
            return supplier, recipient
        if frame == "buyback":
            recipient = first("AGENT", "POSS", "CTRL_SUBJ")
            supplier = first("SOURCE", "OBJ", "CTRL_OBJ", "PARTNER", "MOD", exclude=recipient)
            if supplier is None and holder and holder != recipient:
                supplier = holder
            if recipient is None and producer and producer != supplier:
                recipient = producer
            if supplier is None:  # "Moscow stood ready to buy the equipment back": from the state the story is about
                supplier = first("SENT", exclude=recipient) or next((c for c in state.focus if c != recipient), None)
            return supplier, recipient
        if frame == "act":
            if etype == "sanction":
                recipient = first("PATIENT", "OBJ", "GOAL", "RECEIVER", "V_OBJ", "V_PATIENT", "V_RECEIVER", "CTRL_OBJ",
                                  "V_GOAL")
                supplier = first("AGENT", "MODADJ", "POSS", "ISSUER", "V_AGENT", "CTRL_SUBJ", "OF", "V_ISSUER",
                                 exclude=recipient)
                if supplier is None and any(t.lower_ == "caatsa" for t in tok.sent):
                    supplier = "USA"
                return supplier, recipient
            if etype == "exclusion":
                # the programme's maker before a subject borrowed from another clause ("it carries no risk ...,
                # having removed Ankara from the F-35 programme": Washington, not the "it")
                supplier = first("AGENT", "MODADJ", "V_AGENT") or producer or first("CTRL_SUBJ", "CTRL_POSS")
                recipient = first("PATIENT", "OBJ", "OF", "POSS", "RECEIVER", "V_OBJ", "V_PATIENT", "V_RECEIVER",
                                  "CTRL_OBJ", "CTRL_POSS", exclude=supplier)
                return supplier, recipient
            # rejection: the actor rejects a request of the other party
            # ("Malaysian evaluators turned down X": the subject's state rejects; "Turkey's rejection of X" too)
            supplier = first("AGENT", "CTRL_SUBJ", "V_AGENT", "POSS")
            if supplier is None and _passive_bid(tok):  # "Rheinmetall's rival bid was turned down": by the buyer
                supplier = next((c for c in state.focus if c not in roles.get("PATIENT", [])), None)
            supplier = supplier or holder
            recipient = first("MOD", "MODADJ", "SOURCE", "OBJ", "POSS", "V_OBJ", exclude=supplier)
            if recipient is None and _passive_bid(tok):
                recipient = first("PATIENT", exclude=supplier)  # (the bidder's state)
            if supplier is None and "PATIENT" in roles and _passive_bid(tok):
                supplier = first("SENT", exclude=recipient)  # (no focus state: "Saab's bid was passed over" by the
                # buyer the sentence names)
            if recipient is None and producer not in (None, supplier) and _rejects_system(tok, mentions, system):
                recipient = producer  # "picked the Korean design, passing over the Lynx KF41": its maker, not Korea
                supplier = supplier or first("SENT", exclude=producer)  # ("The navy passed over Boeing's F/A-18")
            if recipient is None:
                recipient = first("SENT", exclude=supplier)
            if recipient is None and producer != supplier:
                recipient = producer  # "Switzerland turned down the Rafale": France's offer
            return supplier, recipient
        if frame == "licence":  # the licensing state holds the items back from their buyer
            supplier = first("AGENT", "POSS", "MODADJ", "CTRL_SUBJ", "V_AGENT") or producer
            recipient = first("GOAL", "BENEF", "BUYER", "RECEIVER", "V_GOAL", "V_RECEIVER", exclude=supplier)
            if recipient is None and holder not in (None, supplier):
                recipient = holder
            # ("declined to license the turrets the air force wants": for the buyer the article is about)
            return supplier, recipient or _story_buyer(state, {supplier})
        if frame == "self":
            # "its Chinese-made launchers fired", "Russian-made jets of the Ugandan air force": the maker in the
            # modifier built them; the state acting is another one
            made = _made_states(tok.sent, mentions)
            actor = next((iso for n in ("AGENT", "POSS", "MODADJ", "CTRL_SUBJ", "V_AGENT", "V_POSS", "OWNER")
                          for iso in roles.get(n, []) if iso not in made), None)
            if actor is None and made and _their_items(tok):
                actor = next((c for c in (state.topic, state.last_subject_state) if c not in (None, producer)), None)
            if actor is None and etype == "deployment":  # "American Patriot batteries stationed in Jordan": the USA
                actor = _forces_of(tok, mentions)
            if actor is None and etype == "deployment" and holder is not None:
                actor = holder  # "six of them have served with the contingent in Mali": the state that bought them
            if actor is None and etype == "deployment" and _on_a_mission(tok):
                # "MD 500s, which served with the UN mission in Mali": the host is no actor; the state the story is
                # about sent them
                actor = next((c for c in (state.lead_buyer, _top_buyer(state), *state.focus)
                              if c and c not in roles.get("LOC", []) and c != producer), None)
            if actor is None and etype == "deployment" and tok.dep_ == "advcl" and _troops_leaving(tok.head):
                # "a platoon left for the UN mission in the Central African Republic, taking six Humvees": the
                # state whose men leave (the one the story is about), not where they go
                where = {m.country for m in mentions if m.is_state and tok.head.is_ancestor(tok.doc[m.start])
                         and any(a.lower_ in ("for", "to", "in") for a in tok.doc[m.start].ancestors)}
                actor = next((c for c in (state.lead_buyer, _top_buyer(state), state.topic, *state.focus)
                              if c and c != producer and c not in where), None)
            actor = actor or first("LOC", "V_LOC")
            service = _bare_forces(tok) if actor is None else None
            forces = _service_state(state, service) if service else None
            if forces not in (None, producer):
                actor = forces  # "the air force's K-8s fired rockets": the service the article named
            if actor is None and etype == "test" and holder is None and tok.lemma_.lower() == "trial" and any(
                t.lemma_.lower() in _USER_NOUNS for t in tok.sent
            ):  # "the vehicle was put through army trials in Ladakh": the army of the state the article is about
                # (a buyer's evaluation; a firing by an unnamed army stays the maker's own)
                actor = next((c for c in state.focus[:2] if c != producer), None)
            if etype == "test" and tok.pos_ == "NOUN" and tok.lemma_.lower() in _STRIKE_NOUNS:
                # "TB2 strikes in Tigray", "ATACMS strikes on Russian airfields": the state using the system (not
                # its maker, nor the target)
                actor = first("AGENT", "POSS") or holder or next((c for c in state.focus if c != producer), None)
            if actor is None and etype == "test" and holder is None and tok.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _USER_NOUNS for c in tok.children
            ):  # "air defence crews fired a Soviet-era S-125": the users the article is about, not the maker
                actor = next((c for c in state.focus[:2] if c != producer), None)
            if actor is None and etype == "test" and holder is None and (_in_combat(tok) or any(
                t.lemma_.lower() in _EXERCISE_WORDS for t in tok.sent
            )):  # "MD 530F helicopters had struck an al-Shabaab camp", "the four Defender boats, which fired their
                # guns during the Obangame Express exercise": a state the article has seen buy, not the maker
                actor = next((c for c in (_top_buyer(state, skip=producer), *state.focus[:2])
                              if c not in (None, producer)), None)
            if actor is None and etype == "deployment" and holder is None:
                owner = _possessor_state(tok, mentions)  # "Kuwait's NASAMS fire units were declared operational"
                actor = owner if owner is not None else next(
                    (c for c in (state.lead_buyer, *state.focus[:1]) if c and c != producer), None
                )  # ("the NASAMS fire units that were declared operational around the capital": the home state's)
            if actor is None:  # a prototype's first flight is its maker's test, whoever bought the type since
                makers = etype == "development" or etype == "test" and (holder is None or _maiden(tok))
                actor = producer if makers else holder
            elif etype == "deployment" and holder not in (None, actor) and actor in (
                producer, state.sellers.get((system, holder))) and first(
                "AGENT", "POSS", "MODADJ", "CTRL_SUBJ"
            ) is None:  # "declared operational in front of the Chinese ambassador": the buyer fields it
                actor = holder
            return actor, None
        # mod: delay / cancellation of an existing transfer. "Russia postponed the delivery to Egypt": the actor
        # is the supplier when it makes the system, else the buyer
        actor = first("AGENT", "POSS", "CTRL_SUBJ", "V_AGENT")
        goal = first("GOAL", "BENEF", "V_GOAL", "BUYER", "RECEIVER", "V_RECEIVER")
        if actor is not None and actor == producer:
            return actor, goal or (holder if holder != actor else None)
        recipient = goal or actor or first("OBJ", "CTRL_OBJ") or holder
        supplier = first("MOD", "SOURCE", "PARTNER", "MODADJ", exclude=recipient) or producer
        if supplier == recipient:
            supplier = producer if producer != recipient else None
        return supplier, recipient or agent

    # --- dates ---------------------------------------------------------------------------------

    def _date(
        self, tok: Token, timexes: list[tuple[Timex, Token]], triggers: list[Trigger], attribution: Attribution,
        etype: str,
    ) -> tuple[str | None, str | None]:
        """(date of the event, date of the report about it)."""
        trigger_ids = {t.token.i for t in triggers}
        proxy: dict[int, int] = {}  # governing verb -> the noun trigger it carries ("Testing occurred in 2020")
        for t in triggers:
            head = t.token.head
            if t.token.pos_ in ("NOUN", "PROPN") and t.token.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                head.pos_ in ("VERB", "AUX") and (head.i not in trigger_ids or head.lemma_.lower() == "follow")
            ):  # ("with deliveries to follow next year")
                proxy.setdefault(head.i, t.token.i)
            for c in t.token.children:  # "Under a 2013 agreement, Portugal sold ...": the deal's year is the sale's
                for g in c.children:
                    if _under_deal(g) and t.type == "order":
                        proxy.setdefault(g.i, t.token.i)
            if t.token.pos_ == "ADJ" and t.token.dep_ in ("acomp", "attr") and head.i not in trigger_ids:
                proxy[head.i] = t.token.i  # "the first are due in 2027", the date hung from "are" (its own, before
                # a deal in a phrase of "are": "under the contract concluded in 2024, the first are due in 2028")
            if t.token.pos_ == "VERB" and t.token.dep_ == "xcomp" and (
                head.i not in trigger_ids or head.lemma_.lower() in _APPROVE_VERBS and t.type == "order"
            ):  # "began cutting Turkey out ... on Wednesday", "on October 9 the cabinet approved buying them"
                proxy.setdefault(head.i, t.token.i)
            # "gave on Friday the green light for the sale": the verb that carries the trigger's phrase
            cur = t.token
            for _ in range(4):  # ("not ready for handover until 2027": through the adjective, to "be")
                if cur.dep_ not in ("pobj", "prep", "dobj", "compound", "pcomp", "acomp") and not (
                    cur != t.token and cur.dep_ in ("nsubj", "nsubjpass") and cur.lemma_.lower() in _SIGNING_NOUNS
                ) or cur.head == cur:  # ("Signature of a contract could follow by June": the signing's date)
                    break
                cur = cur.head
                if cur.pos_ in ("VERB", "AUX"):
                    if cur.i not in trigger_ids:
                        proxy.setdefault(cur.i, t.token.i)
                    break
        # "to sign agreements next week to buy tanks": the purpose clause shares the date of its same-kind verb
        kin = {t.token.i for t in triggers
               if t.type == etype and t.token == tok.head and tok.dep_ in ("advcl", "xcomp")}
        # "the contract is expected to be signed in August": the deal noun is dated by the verb that signs it
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
            kin |= {t.token.i for t in triggers if t.type == etype and t.token.head == tok.head
                    and t.token.dep_ == "xcomp"}
        # "under a deal for 30 guns signed in December 2021": the deal is dated by the participle that signs it
        # (hung from the deal or, by the parser, from the items it is for)
        if tok.pos_ == "NOUN":
            kin |= {t.token.i for t in triggers if t.type == etype and t.token.dep_ == "acl" and (
                t.token.head == tok or t.token.head.dep_ == "pobj" and t.token.head.head.head == tok)}
        own: list[Timex] = []
        report: str | None = None
        free: list[Timex] = []
        old = _old_schedule(tok) if etype in ("delivery", "delay") else None
        moved = _moved_to(tok, handover=etype == "delivery") if etype in ("delivery", "delay") else None
        later = _later_than(tok) if etype == "delay" else None
        if old is not None:  # a slip: the delivery takes the new date, the delay the date it was told
            timexes = [(tx, root) for tx, root in timexes
                       if not (tok.is_ancestor(root) if etype == "delay" else old.is_ancestor(root))]
        elif moved is not None:  # "pushed back to 2027": the delivery takes the new date, the delay when it was told
            timexes = [(tx, root) for tx, root in timexes
                       if (moved == root or moved.is_ancestor(root)) == (etype == "delivery")]
        elif etype == "delay" and (_behind(tok) or _overdue(tok) or later is not None):  # ("were supposed to
            # arrive this spring": the old date is not the slip's; "a month later": nor its size)
            timexes = [(tx, root) for tx, root in timexes if not tok.is_ancestor(root) and not (
                later is not None and (later == root or later.is_ancestor(root)))]
        for tx, root in timexes:
            if tx.bound == "until" and etype == "delay":
                continue
            since = root if root.lower_ == "since" else root.head if root.head.lower_ == "since" else None
            since_head = since.head if since is not None else None
            if since_head is not None and since_head.pos_ == "VERB" and since_head != tok and (
                since_head.lemma_.lower() in _TALK_VERBS or since_head != tok.head and not tok.is_ancestor(since_head)
                and since_head.i not in trigger_ids and since_head.i not in proxy
            ):
                continue  # "has sent S since August" dates the sending; "as speculated since October" does not
            owner = _owner(root, trigger_ids | set(proxy), attribution.verb)
            owner = proxy.get(owner, owner) if owner is not None else None
            verb = attribution.verb
            if verb is not None and 0 < root.i - verb.i <= 2 and root.i < tok.i:
                owner = verb.i  # "said on Friday he would allow ...": the date of the saying, however parsed
            if owner == tok.i or owner in kin:
                own.append(tx)
            elif attribution.verb is not None and owner == attribution.verb.i:
                report = tx.value
            elif owner is None:
                free.append(tx)
        if own:
            return own[0].value, report
        if free and len(triggers) == 1:
            return free[0].value, report
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in tok.children):
            head = tok.head  # "gave on Friday the green light ..., approving at the same time the F-16 package"
            for tx, root in timexes:
                if _owner(root, {head.i}, None) == head.i and tx.bound != "since":
                    return tx.value, report
        # "in October, when the Turkish military test-fired the system": a when-clause hanging from a date
        cur = tok
        for _ in range(3):
            if cur.dep_ == "relcl" and any(c.lower_ == "when" for c in cur.children):
                for tx, root in timexes:  # ("has been without them since March, when it returned them")
                    if root.i == cur.head.i or root.is_ancestor(cur.head) and cur.head.dep_ == "pobj":
                        return tx.value, report
            elif cur.dep_ in ("relcl", "acl", "ccomp", "advcl"):
                break  # ("when it returned the drones it had been leasing": the lease is another clause's)
            if cur.head == cur:
                break
            cur = cur.head
        return None, report


# --- helpers -------------------------------------------------------------------------------------


_TALK_VERBS = REPORTING_VERBS | {"speculate", "rumour", "rumor", "hint", "muse"}
_TOPIC_PREPS = frozenset({"on", "over", "about", "for", "regarding", "concerning"})


def _deployed_state(adj: Token) -> bool:
    """An adjective that says a system is in service: "operational", or "ready for duty/service/combat"."""
    lemma = adj.lemma_.lower()
    return lemma in DEPLOYMENT_ADJECTIVES or lemma == "ready" and any(
        p.lower_ == "for" and any(o.lemma_.lower() in READY_FOR for o in p.children)
        or p.lower_ == "combat" and p.i < adj.i  # "should be combat ready in 2028", "combat-ready"
        for p in adj.children
    )


def _governor(tok: Token) -> Token | None:
    """The word a trigger is the complement of ("asked to SEND", "attempts to PURCHASE", "green light for the SALE").

    A conjoined trigger shares its first conjunct's governor ("demanded to refuse X and to BUY instead Y").
    """
    cur = tok
    while cur.dep_ == "conj" and cur.head != cur and cur.head.pos_ == cur.pos_:
        cur = cur.head
    for _ in range(4):
        if cur.head == cur:
            return None
        if cur.dep_ in ("xcomp", "pcomp", "pobj", "prep", "dobj", "ccomp", "acl", "advcl", "compound", "nsubj"):
            via = cur
            reported = cur.dep_ == "ccomp" and any(  # "suggested the jets could arrive": a claim, not a proposal
                c.dep_ == "aux" and c.lower_ in ("could", "may", "might", "will", "would", "can") for c in cur.children
            ) or (cur.dep_ == "ccomp" and cur.tag_ in ("VBD", "VBZ"))
            cur = cur.head
            if reported and cur.lemma_.lower() in ("suggest", "propose"):
                return None
            if cur.lemma_.lower() == "ready" and any(
                c.dep_ == "nsubj" and (_items(c) or c.lower_ in SHIP_KINDS) for c in cur.head.children
            ):
                return None  # "the escorts will not be ready for handover until 2027": the items wait, nobody offers
            if cur.lemma_.lower() == "approach" and via.dep_ == "nsubj":
                return None  # "the missiles, bought in the 1990s, are approaching the end of their life": no request
            if cur.lemma_.lower() in REQUEST_WORDS or cur.lemma_.lower() in ATTEMPT_WORDS:
                return cur
            if cur.lemma_.lower() in OBJECTION_WORDS and cur.pos_ == "NOUN":
                return cur
            veto = next((c for c in cur.children if c.dep_ == "dobj" and c.lemma_.lower() in OBJECTION_WORDS), None)
            if veto is not None and cur.pos_ == "VERB":
                return veto  # "dropped its objection | to further sales", the "to" hung from the verb
            talks = next((c for c in cur.children if c.dep_ == "dobj" and c.lemma_.lower() in ATTEMPT_WORDS), None)
            if talks is not None and cur.pos_ == "VERB" and via.dep_ == "prep" and via.lower_ in _TOPIC_PREPS:
                return talks  # "opened talks with India | on a possible purchase", the "on" hung from the verb
            if cur.lemma_.lower() in NEAR_WORDS and cur.pos_ in ("ADJ", "ADV", "NOUN"):
                return cur  # "close to buying" (not "closed the deal")
            if cur.pos_ == "VERB" and cur.dep_ not in ("xcomp", "pcomp", "acl", "ccomp"):
                return None
        else:
            return None
    return None


def _relation(root: Token, trigger: Token, passive: bool) -> str | None:
    """How a state mention (by its root token) relates to the trigger."""
    if root == trigger:
        return None
    path = [root]
    cur = root
    for _ in range(6):
        if cur.head == cur:
            return None
        if cur.head == trigger:
            break
        cur = cur.head
        path.append(cur)
    else:
        return None
    if cur.head != trigger:
        return None
    for t in path:  # a state in another clause ("..., and brushed aside warnings from Washington") is not a party
        if t.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "acl") or (
            t.dep_ in ("conj", "pcomp") and t.pos_ in ("VERB", "AUX")  # "sanctioned ... for acquiring the Russian S"
        ):
            return None
    if any(t.lemma_.lower() in ("sanction", "penalty", "embargo") for t in path[1:]):
        return None  # "a contract that could expose the country to US penalties": the sanctioner, not a party
    if any(t.lemma_.lower() in _PERMIT_NOUNS for t in path[1:]):
        return None  # "the sale required a re-export licence from Washington": the licensor, not the seller
    if root.dep_ in ("amod", "compound", "poss") and root.head.lemma_.lower() in _EDGE_NOUNS:
        return None  # "ordered for surveillance of the Haitian border", "sent to the Polish frontier": a place
    child = cur
    dep = child.dep_
    inner = root != child  # the mention is a modifier inside the phrase
    if root.dep_ == "poss" and root.head.lemma_.lower() in _PURCHASE_NOUNS | {"programme", "program"} and (
        root.head != trigger
    ):
        return "BUYER"  # "postponement of Turkey's purchase", "pushed Bahrain's F-16 programme behind schedule"
    if any(t.dep_ == "appos" and t.pos_ == "PROPN" for t in path[1:]):
        return None  # "the committee settled on X after weighing designs: Norinco's VN22 from China": a named
    if inner and root.dep_ == "pobj" and root.head.dep_ in ("prep", "dative") and not (  # rival, not the deal
        dep == "nsubj" and not passive
    ):
        own = _PREP_ROLES.get(root.head.lower_)  # "components ... to Turkey" attached low
        if own is not None and own not in ("OF",):
            return own
    if dep == "nsubj":
        return "PATIENT" if passive else ("AGENT" if not inner else "POSS")
    if dep == "nsubjpass":
        return "PATIENT"
    if dep == "agent":
        return "AGENT"
    if dep == "dative" and child.pos_ == "ADP":  # "sold to Ankara" parsed as a dative "to"
        return "GOAL" if child.lower_ in ("to", "into") else "BENEF"
    if dep in ("dobj", "dative", "attr", "oprd"):
        if inner:
            return "MOD"
        return "DATIVE" if dep == "dative" else "OBJ"
    if dep == "poss":
        return "POSS"
    if dep in ("amod", "compound", "nmod"):
        return "MODADJ"
    if dep == "prep":
        role = _PREP_ROLES.get(child.lower_)
        if role == "OF":
            return "MOD" if len(path) > 2 else "OF"
        return role
    return None


_PREP_ROLES = {
    "to": "GOAL", "into": "GOAL", "toward": "GOAL", "towards": "GOAL", "from": "SOURCE", "with": "PARTNER",
    "on": "PATIENT", "against": "PATIENT", "by": "AGENT", "for": "BENEF", "in": "LOC", "at": "LOC",
    "under": "ISSUER", "of": "OF", "through": "VIA",
}
_CONTEST_NOUNS = {"contract", "competition", "tender", "order", "deal", "contest", "race", "bid"}
_RAISING_VERBS = {"expect", "schedule", "set", "slate", "plan", "due", "suppose"}
_UNIT_NOUNS = {"brigade", "division", "squadron", "regiment", "battalion", "corps", "wing", "unit", "flotilla",
               "centre", "center", "platoon", "contingent", "battlegroup", "detachment"}  # (not "join a fleet
# that has grown": more of the same, no unit named)
def _note_holder(state: ArticleState, ev: Event) -> None:
    """Remember who holds a system once the article has told of its purchase or transfer (the first holder)."""
    if ev.type in ("order", "delivery", "delay", "cancellation") and ev.recipient and ev.system and (
        ev.factuality != "negated"
    ):
        state.holders.setdefault(ev.system, ev.recipient)
    if ev.type == "delivery" and ev.system and ev.date and ev.factuality == "asserted":
        state.received[ev.system] = min(ev.date, state.received.get(ev.system, ev.date))


def _partitive_of_them(subject: Token) -> bool:
    """ "Two of them", "both of them", "one of these": a part of what was just named."""
    return (subject.like_num or subject.lower_ in ("both", "all", "one", "some", "each", "several")) and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("them", "these", "those") for g in c.children)
        for c in subject.children)


def _maiden(tok: Token) -> bool:
    """ "the L-15 first flew in 2006", "made its maiden flight": the type's first flight, not a user's sortie
    (a crew's "first live-fire drill" or "first live firing" is its own)."""
    live = tok.i > 0 and tok.doc[tok.i - 1].lower_ == "live"
    return tok.lemma_.lower() not in _DRILL_NOUNS and not live and any(
        c.lower_ in ("first", "maiden") and c.dep_ in ("advmod", "amod") for c in tok.children)


def _cuts_off_arms(tok: Token) -> bool:
    """ "imposed an arms embargo on Fiji", "placed Fiji under an arms embargo", "cut off military aid to
    Nicaragua": a state refuses arms to another from then on (GUIDE: an embargo imposed is a rejection; one lifted
    or renewed is an offer, told by LIFT_VERBS)."""
    lemma = tok.lemma_.lower()
    if lemma in ("embargo", "restriction", "ban") and tok.pos_ == "NOUN":
        on_arms = lemma == "embargo" or any(  # "restrictions on defence trade", "a ban on arms sales"
            c.dep_ == "prep" and c.lower_ == "on" and any(
                g.lower_ in _AID_MODIFIERS or g.lemma_.lower() in _AID_MODIFIERS for g in c.subtree)
            for c in tok.children)
        return on_arms and (tok.dep_ == "dobj" and tok.head.lemma_.lower() in _IMPOSE_VERBS or (
            tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.lemma_.lower() in _IMPOSE_VERBS
        ) or any(c.dep_ == "acl" and c.lemma_.lower() == "impose" for c in tok.children))  # ("... imposed in 2021")
    if tok.pos_ != "VERB":
        return False
    if lemma == "cut" and any(c.lower_ == "off" and c.dep_ in ("prt", "prep", "advmod") for c in tok.children):
        nouns = _AID_NOUNS
    elif lemma in _HALT_AID_VERBS:  # "suspended its military cooperation with Gabon", "cut $17 million in security
        nouns = _COOPERATION_NOUNS  # assistance", "curtailed part of its military assistance"
    else:
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in objects for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                for g in p.children if g.dep_ == "pobj"]
    return any(_arms_aid(c, nouns) for c in objects)


def _arms_aid(noun: Token, nouns: frozenset[str] | set[str]) -> bool:
    """ "military aid", "security assistance", "defence cooperation": one of ``nouns`` that a modifier makes arms
    aid (not "counter-narcotics aid")."""
    return noun.lemma_.lower() in nouns and any(
        g.lemma_.lower() in _AID_MODIFIERS for g in noun.children if g.dep_ in ("amod", "compound"))


def _restores_arms(tok: Token) -> bool:
    """ "Washington lifted its arms embargo on Cyprus", "renewed the lifting of its arms embargo", "Paris restored
    its military cooperation with Gabon": arms are open to the other state again (GUIDE: an embargo lifted or
    renewed is an offer, of no one system)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in LIFT_VERBS | _RESTORE_VERBS:
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    lifting = [c for c in objects if c.lemma_.lower() == "lifting"]
    objects += [g for c in lifting for p in c.children if p.lower_ == "of" for g in p.children]  # ("renewed the
    # lifting of its arms embargo")
    for c in objects:
        curb = c.lemma_.lower() == "embargo" and (lemma in LIFT_VERBS or bool(lifting))
        aid = lemma in _RESTORE_VERBS and _arms_aid(c, _COOPERATION_NOUNS)
        if curb or aid:
            return True
    return False


_RESTORE_VERBS = {"restore", "resume", "renew", "reinstate"}
_LICENCE_VERBS = {"license", "licence", "authorise", "authorize", "approve", "clear"}
_IMPOSE_VERBS = {"impose", "place", "put", "slap", "declare", "keep"}
# words that make aid arms aid ("military aid", "arms sales"; not "counter-narcotics aid")
_AID_MODIFIERS = {"military", "arms", "weapon", "weapons", "defence", "defense", "security"}
_AID_NOUNS = {"aid", "assistance", "sale", "supply", "delivery", "shipment", "transfer"}
_HALT_AID_VERBS = {"suspend", "cut", "curtail", "freeze", "halt", "stop", "end", "withdraw", "reduce"}
_COOPERATION_NOUNS = frozenset({"aid", "assistance", "cooperation"})  # what is halted or restored between states
_BUY_VERBS = {"buy", "purchase", "acquire", "procure"}
_SENT_UNITS = _UNIT_NOUNS - {"centre", "center", "unit"} | {"company", "troop", "column"}
# What troops and their arms go to or serve with abroad ("served with the UN mission in Mali").
# Verbs right after a state that make it the subject a paragraph opens on ("Guinea-Bissau is shopping too").
_TOPIC_VERBS = {"is", "was", "has", "had", "wants", "needs", "plans", "hopes", "will", "would", "also", "too"}
_MISSION_NOUNS = {"mission", "operation", "peacekeeping", "deployment", "contingent"}
# What a commander orders a ship or a unit to do ("ordered the Guardião to patrol"; not "ordered jets to replace").
_COMMANDED = {"patrol", "sail", "deploy", "move", "head", "go", "return", "leave", "search", "escort", "intercept",
              "withdraw", "proceed", "shadow", "guard", "evacuate", "redeploy", "relocate", "buy", "purchase",
              "acquire", "halt", "stop", "suspend", "prepare", "stand"}
_DIRECTIONS = {"north", "south", "east", "west", "home", "back", "out", "away", "north-east", "south-east",
               "north-west", "south-west", "northward", "southward", "eastward", "westward"}
_PEOPLE_SENT = {"soldier", "marine", "sailor", "crew", "commando", "paratrooper", "policeman", "gendarme"}
_CARRIER_WORDS = {"transport", "cargo", "airlifter", "freighter", "flight", "convoy"}
_SIGNING_NOUNS = {"signature", "signing"}
_VALUE_VERBS = {"value", "price", "estimate", "cost"}
_REMARK_WORDS = {"comment", "remark", "response", "reaction", "respond", "react", "question", "answer", "statement"}
_SILENT_VERBS = {"comment", "disclose", "name", "identify", "reveal", "specify", "elaborate", "discuss", "answer"}
_PUNITIVE_NOUNS = {"measure", "sanction", "penalty", "restriction", "step", "embargo"}
_PURCHASE_NOUNS = {"purchase", "acquisition", "order", "deal", "procurement", "contract", "buy", "import", "imports",
                   "arrangement"}  # ("signed the transfer arrangement": a government-to-government deal)

_SCHEDULE_NOUNS = {"deadline", "timeline", "schedule", "timetable"}

_FORMER_OWNER_VERBS = {"retire", "decommission", "operate", "fly", "use", "own", "withdraw", "phase", "declare",
                       "sail", "field"}
_USER_NOUNS = {"army", "navy", "crew", "pilot", "troop", "soldier", "sailor", "gunner", "unit"}
_WORK_NOUNS = {"refit", "work", "construction", "production", "assembly", "overhaul", "upgrade", "build",
               "refurbishment"}
_AUDIENCE_NOUNS = {"officer", "official", "delegation", "commander", "minister", "ministry", "general", "chief",
                   "admiral", "staff", "procurement"}
_LATE_SUBJECTS = {"programme", "program", "project", "date", "plan"}  # what runs late for the items of a deal
_HANDOVER_NOUNS = {"delivery", "shipment", "handover", "transfer", "supply"}

_DISCUSSED_NOUNS = _PURCHASE_NOUNS | {"sale", "transfer", "supply", "package", "export"}


def _producer_hint(noun: Token, by_token: dict[int, Mention]) -> str | None:
    """'the Russian system', "Russia's system": the state a generic noun's modifier names."""
    for c in noun.children:
        m = by_token.get(c.i)
        if m is not None and m.is_state and c.dep_ in ("amod", "compound", "poss", "nmod"):
            return m.country
    for c in noun.children:  # "French-designed submarines", "Korean-built corvettes": the state in the modifier
        if c.dep_ == "amod" and c.lower_ in _MADE_WORDS:
            m = next((by_token[t.i] for t in c.subtree if t.i in by_token and by_token[t.i].is_state), None)
            if m is not None:
                return m.country
    return None


_RIVAL_NOUNS = {"competitor", "rival", "bid", "proposal", "offer", "contender", "design", "alternative", "option",
                "candidate", "bidder", "challenger"}


def _rival_maker(noun: Token, by_token: dict[int, Mention]) -> str | None:
    """The state a rival system is credited to: "Norinco's VN22 from China", "a Chinese offer of PT-6s",
    "Pakistan's Super Mushshak"."""
    while noun.dep_ == "compound" and noun.head.i > noun.i:  # "K-8 jets": the phrase's head
        noun = noun.head
    hint = _producer_hint(noun, by_token)
    if hint is not None:
        return hint
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            m = next((by_token[g.i] for g in c.children if g.i in by_token and by_token[g.i].is_state), None)
            if m is not None:
                return m.country
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _RIVAL_NOUNS:
        return _producer_hint(noun.head.head, by_token)
    return None


_MADE_WORDS = {"made", "built", "designed", "produced", "manufactured", "developed", "supplied"}
# what a "live-fire" or "firing" drill is called: a firing by its crew (a test), never a maker's maiden one
_DRILL_NOUNS = {"drill", "exercise", "shoot"}


def _made_states(sent: Span, mentions: list[Mention]) -> set[str]:
    """States named only as makers in the sentence: "Chinese-made", "US-built" ("Chinese" hangs from "made")."""
    doc = sent.doc
    return {m.country for m in mentions if m.is_state and m.country and sent.start <= m.start < sent.end
            and m.span(doc).root.head.lower_ in _MADE_WORDS and m.span(doc).root.head.dep_ == "amod"}


def _their_items(tok: Token) -> bool:
    """Whether the items of a self event carry "its"/"their" ("Its Chinese-made launchers fired"): an owner
    told before, not named here."""
    args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(g.dep_ == "poss" and g.lower_ in ("its", "their") for a in args for g in a.children)


def _for_sale(tok: Token) -> bool:
    """A bare "for sale" ("advertised for sale", "put up for sale"): items offered, no sale made
    ("the green light for the sale to Greece" is a sale)."""
    return tok.lemma_.lower() == "sale" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and not any(
        c.dep_ in ("det", "poss", "amod", "compound", "prep") for c in tok.children)


def _service_kind(head: Token) -> str | None:
    """The kind of armed service a head word names: "navy", "army", "air force", "coast guard", ... ("military"
    and "armed forces" name them all)."""
    low = head.lower_
    if low in ("navy", "army", "military"):
        return low
    before = head.doc[head.i - 1].lower_ if head.i > 0 else ""
    if low in ("force", "forces", "guard", "corps") and before in _SERVICE_MODIFIERS:
        return "military" if before in ("armed", "defence", "defense") else f"{before} {low.removesuffix('s')}"
    return None


_SERVICE_MODIFIERS = {"air", "armed", "coast", "defence", "defense", "marine"}


def _names_forces(m: Mention, doc: Doc) -> str | None:
    """ "the Sri Lanka Air Force", "Kenya's navy", "the Slovenian Armed Forces": a state named with its service
    (not "the French Armed Forces Minister": a cabinet post named after the services); the service's kind."""
    if m.label == "ORG":  # "the Indian Air Force", "the Philippine Navy" as catalogued
        end = m.end if doc[m.end - 1].lower_ in _FORCE_HEADS else -1
    else:
        i = m.end + (1 if m.end < len(doc) and doc[m.end].lower_ in ("'s", "\u2019s") else 0)
        words = [t.lower_ for t in doc[i : i + 2]]
        end = i + 1 if words[:1] in (["navy"], ["army"], ["military"]) else i + 2 if words in (
            ["air", "force"], ["coast", "guard"], ["armed", "forces"], ["defence", "forces"], ["defense", "forces"],
            ["defence", "force"], ["defense", "force"], ["marine", "corps"]) else -1
    if end <= 0 or (end < len(doc) and doc[end].lower_ in _SERVICE_TITLES):
        return None
    return _service_kind(doc[end - 1])


def _service_state(state: ArticleState, service: str) -> str | None:
    """The state an armed service named without its state belongs to. The first service the article named is
    usually its own ("The Sri Lanka Air Force ... the navy"), unless that state is not the buyer the article is
    about; then the state whose service of that kind was named, else that buyer ("Mozambique ordered ... the air
    force's Mi-24s struck camps", though the Indian Navy was named first)."""
    if state.para_topic is not None:
        return state.para_topic  # ("Guinea-Bissau is shopping too ... the navy had asked Raidco for a price")
    first = next(iter(state.forces.values()), None)
    home = state.lead_buyer or _top_buyer(state)
    if first is not None and first == home:
        return first
    return (None if service == "military" else state.forces.get(service)) or home or first


def _bare_forces(tok: Token) -> str | None:
    """The kind of an armed service named without its state ("the navy", "the air force's PT-6s", "Air force
    Mi-24s") that is the trigger's subject, or owns or receives what it moves: the service is the one the article
    named before."""
    for t in tok.subtree if tok.pos_ in ("VERB", "AUX") else (*tok.subtree, *tok.head.children):
        service = _bare_service(t) if t.lower_ in _FORCE_HEADS and _argument_of(t, tok) else None
        if service:
            return service
    return None


def _bare_service(t: Token) -> str | None:
    """The kind of service ``t`` names when it names one without its state ("the army", not "Kenya's army")."""
    service = _service_kind(t) if t.lower_ in _FORCE_HEADS else None
    if service is None or any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP") for c in t.children):
        return None
    det = [c for c in t.children if c.dep_ in ("det", "poss")]
    return service if all(c.lower_ == "the" for c in det) and (det or t.dep_ == "compound") else None


def _forces_of(tok: Token, mentions: list[Mention]) -> str | None:
    """The state a demonym on the deployed items names ("American Patriot batteries were stationed in Jordan"),
    not a maker's ("Russian-made batteries stationed in Cyprus")."""
    at = {m.start: m for m in mentions}
    for subj in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
        for c in (t for t in subj.subtree if t.i < subj.i):  # "American Patriot batteries"
            m = at.get(c.i)
            if m is not None and m.label == "DEMONYM" and m.country and c.dep_ in ("amod", "compound") and not (
                c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == "-"
            ):
                return m.country
    return None


def _mixed_makers(noun: Token, by_token: dict[int, Mention]) -> bool:
    """ "Chinese and Russian equipment": a generic noun made by two states is arms in general."""
    states = {by_token[t.i].country for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
              for t in (c, *c.conjuncts) if t.i in by_token and by_token[t.i].is_state}
    return len(states) >= 2


def _in_background(tok: Token) -> bool:
    """A relative or participial clause ("the systems it sold to Ankara") describes the past, not the news;
    an infinitive ("a request to put off delivery") does not."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.tag_ in ("VBN", "VBD")):
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


def _governed_by(tok: Token, ids: set[int], found: list[Trigger], types: tuple[str, ...]) -> bool:
    """Is the trigger the complement of another trigger of one of ``types``?"""
    by_i = {t.token.i: t for t in found}
    cur = tok
    for _ in range(4):
        infinitive = cur.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.dep_ not in ("dobj", "pobj", "prep", "pcomp", "xcomp", "ccomp") and not infinitive or cur.head == cur:
            return False  # ("shelved plans to buy S": the buying is the plan's)
        cur = cur.head
        if cur.i in ids and cur.i != tok.i and by_i[cur.i].type in types:
            return True
    return False


def _in_reason(tok: Token) -> bool:
    """'sanctions for buying S-400s', 'over its purchase of': the cause of the news, not the news."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("pcomp", "pobj") and cur.head.lower_ in ("for", "over", "because") and cur.head.pos_ == "ADP":
            return cur.head.head.lemma_.lower() not in ("ready", "due", "scheduled", "slated", "set")  # not a purpose:
            # "ready for handover", "due for delivery in 2027"
        if cur.head == cur:
            return False
        cur = cur.head
    return False


def _definite(tok: Token) -> bool:
    """'the deal', 'its purchase', 'the 2017 contract': a noun that refers to something already known."""
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in ("the", "this", "that"):
            return True
        if c.dep_ == "poss":
            return True
        if c.like_num and re.fullmatch(r"(19|20)\d\d", c.text):
            return True
    return False


def _antecedent(pronoun: Token, mentions: list[Mention], state: ArticleState) -> str | None:
    """The state a pronoun refers to: the last state that was a subject before it in the sentence, else earlier."""
    doc = pronoun.doc
    # "asked Türkiye whether it would sell": a pronoun in the complement of a verb refers to its object
    cur = pronoun.head
    for _ in range(3):
        if cur.head == cur:
            break
        if cur.dep_ in ("ccomp", "xcomp", "advcl") and cur.head.pos_ == "VERB":
            for c in cur.head.children:
                if c.dep_ in ("dobj", "dative") and c.i < pronoun.i:
                    m = next((m for m in mentions if m.is_state and m.start <= c.i < m.end), None)
                    if m is not None:
                        return m.country
            break
        cur = cur.head
    relcl = pronoun.head if pronoun.dep_ == "nsubj" and pronoun.head.dep_ == "relcl" else None
    items = relcl.head if relcl is not None and relcl.head.dep_ in ("pobj", "dobj") else None
    if items is not None and (_arms_noun(items) or _items(items) or any(
        m.label == "SYSTEM" and items.left_edge.i <= m.start <= items.i for m in mentions
    )):  # "thanked the United States for the two Defiant boats it donated, and China for the vehicles it handed
        # over": the state named right before the items the clause tells of, as an object
        near = [m for m in mentions if m.is_state and m.label != "DEMONYM" and m.end <= items.left_edge.i
                and doc[m.start:m.end].root.dep_ in ("dobj", "pobj", "conj", "appos", "dative")
                and not any(t.pos_ == "VERB" for t in doc[m.end:items.left_edge.i])]
        if near:
            return near[-1].country
    best = None
    for m in mentions:
        if m.is_state and m.start < pronoun.i and _subject_state(doc[m.start : m.end].root):
            best = m.country
    return best or state.last_subject_state


def _subject_state(root: Token) -> bool:
    """Whether a state mention is a subject, or names the subject's state ("Turkish officials said they ...")."""
    return root.dep_ in ("nsubj", "nsubjpass") or (
        root.dep_ in ("amod", "compound", "poss") and root.head.dep_ in ("nsubj", "nsubjpass")
        and not _names_media(root)
    )


def _names_media(root: Token) -> bool:
    """ "the Spanish news agency EFE", "a Russian daily": the state only places a news outlet, which is no party to
    what it reports (a "procurement agency" is a state's own)."""
    head = root.head
    if root.dep_ not in ("amod", "compound", "poss", "nmod") or head == root:
        return False
    nouns = [head, *(c for c in head.children if c.dep_ == "compound")]  # ("the Spanish news agency EFE")
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma == "agency" and any(c.lower_ in ("news", "press", "wire") for c in noun.children):
            return True
        if lemma in REPORT_NOUNS and lemma not in ("report", "reports", "agency"):
            return True
    return False


def _state_nouns(sent: Span, mentions: list[Mention], state: ArticleState) -> list[Mention]:
    """Stand-in mentions for "the government" / "the country": a state subject earlier in the sentence, else
    the state last a subject (or its possessor), else the state the article is most about. Only a bare "the X"
    counts ("the Swiss government" names its own state; "the country's" is fine)."""
    found = []
    doc = sent.doc
    for tok in sent:
        pair = tok.lower_ in _PAIR_NOUNS and tok.i >= sent.start + 2 and doc[tok.i - 1].lower_ in ("two", "both") and (
            doc[tok.i - 2].lower_ == "the" or doc[tok.i - 1].lower_ == "both")  # "the two governments discussed"
        if not pair and (tok.lower_ not in _STATE_NOUNS or tok.i > sent.start and doc[tok.i - 1].lower_ != "the"):
            continue
        if not pair and any(c.dep_ not in ("det", "case") or c.dep_ == "det" and c.lower_ != "the"
                            for c in tok.children):
            continue
        if any(m.start <= tok.i < m.end for m in mentions):
            continue
        # a subject of another clause before it; its own clause's subject would be "itself" ("X imposed
        # sanctions on the country's agency" is about another state)
        earlier = [m.country for m in mentions if m.is_state and m.start < tok.i
                   and doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass")
                   and tok not in doc[m.start : m.end].root.head.subtree]
        iso = earlier[-1] if earlier else state.topic or (state.focus[0] if state.focus else None)
        if iso is not None:
            found.append(Mention(tok.i, tok.i + 1, "COUNTRY", iso, iso, tok.text))
    return found


def _more_of(ev: Event, tok: Token, timexes: list[tuple[Timex, Token]]) -> list[Event]:
    """'ordered 18 jets in 2021 and six more in 2022', '... and another 30 in 2021', '... and added 30 more in
    2021': the same deal again, on the later date (however the parser hangs the gapped clause)."""
    if ev.type not in ("order", "delivery") or ev.date is None:
        return []
    doc = tok.doc
    out = []
    for tx, root in timexes:
        if tx.value is None or tx.value == ev.date or root.i <= tok.i:
            continue
        window = doc[max(tok.i, root.i - 6) : root.i]
        words = [t.lower_ for t in window]
        if "and" not in words and "," not in words:
            continue
        k = max(i for i, w in enumerate(words) if w in ("and", ","))
        rest = window[k + 1 :]
        if ev.type == "delivery" and any(t.lemma_.lower() in ("sign", "order", "buy") for t in rest):
            continue  # "landed in Egypt that July, and signed for 30 more in 2021": the more are ordered, not landed
        more = any(t.lower_ == "more" for t in rest) and any(t.like_num for t in rest)
        another = any(t.lower_ == "another" for t in rest) and any(t.like_num for t in rest)
        # "the first arrived in 2011, the second in 2013", "delivered the first in 2011 and a second in 2013": a
        # gapped clause of an ordinal and its own date (no verb of its own)
        dated = {t.i for t in root.subtree}  # ("and last year became ...": "last" dates, it counts nothing)
        gapped = any(t.lower_ in _GAP_ORDINALS and t.i not in dated for t in rest) and not any(
            t.pos_ in ("VERB", "AUX") for t in rest)
        if (more or another) and "and" in words or gapped:
            out.append(replace(ev, date=tx.value))
    return out


_COUNTED_NOUNS = GENERIC_SYSTEM_NOUNS | {"carriers", "carrier", "trainers", "trainer"}  # what a count counts
_FLEET_NOUNS = {"fleet", "navy", "army", "artillery", "inventory", "arsenal", "force", "squadron", "flotilla",
                "coastguard", "guard", "wing"}
_GAP_ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "last", "final", "other", "others", "rest",
                 "remainder", "remaining"}


def _for_objects(verb: Token) -> list[Token]:
    """ "signed for a second batch", "opted for more": what a verb is for."""
    return [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children if g.dep_ == "pobj"]


_MOVE_LEMMAS = {"send", "fly", "move", "go", "dispatch", "ferry", "redeploy"}
# Verbs that move arms to a site ("was sent to Yaviza", "were driven to Apoera", "brought Bastions to Bissau").
_SITE_SENDS = frozenset({"send", "fly", "dispatch", "drive", "bring"})
# Verbs of aircraft or vehicles carrying troops ("the Chetaks lifted a company of soldiers to Benzdorp").
_CARRY_VERBS = frozenset({"lift", "airlift", "ferry", "fly", "carry", "transport", "drop", "insert"})


def _moved_within(verb: Token, mentions: list[Mention]) -> bool:
    """ "were sent to Wabag, the capital of Enga province", "would go to Arawa": items moved to a place the catalog
    does not know as a state (a town, a base), not to a country or a capital."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MOVE_LEMMAS:
        return False
    places = [g for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"
              for g in p.children if g.dep_ == "pobj"]
    return bool(places) and all(
        g.pos_ == "PROPN" and not any(m.is_state and g.left_edge.i <= m.start <= g.right_edge.i for m in mentions)
        for g in places)


def _asides(tok: Token, scope: set[int]) -> set[int]:
    """Token ids of the participial and relative clauses in a trigger's scope that do not hold the trigger: "Two
    Shaldag boats, ordered along with Spike missiles, entered service" tells what entered service outside them."""
    doc = tok.doc
    return {t.i for i in scope if doc[i].dep_ in ("acl", "relcl") and tok not in doc[i].subtree
            and not _noun_as_clause(doc[i]) for t in doc[i].subtree}


def _noun_as_clause(verb: Token) -> bool:
    """A plural noun the parser took for a present-tense clause ("two surplus C-130H Hercules transports":
    "transports" as a relative clause of "surplus", with "Hercules" its subject), which is the item itself: a
    clause in the present with no relative or personal pronoun, right after a noun."""
    return verb.tag_ in ("VBZ", "VBP") and verb.i > 0 and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN") and not any(
        c.tag_ in ("WDT", "WP", "WP$", "PRP") or c.lower_ == "that" or c.dep_ in ("aux", "auxpass", "neg")
        for c in verb.children)


def _of_its_own(noun: Token) -> bool:
    """ "Washington has been supplying equipment of its own": the supplier's own kit, not the system just told."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "own" for g in c.children)
               for c in noun.children)


def _pronoun_items(arg: Token, verb: Token) -> bool:
    """Whether ``arg`` is a pronoun standing for the items moved ("they will be delivered", "buy it", "19 of
    them"), not for a recipient ("sell it F-15s")."""
    if _bare_first(arg):
        return True  # "... ordered 16 jets; the first is expected in 2026"
    part = arg.lower_ in ("first", "last", "rest", "remainder", "all", "both", "most", "half") or arg.like_num
    if arg.dep_ in ("nsubjpass", "nsubj") and part and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("them", "these", "which") for g in c.children)
        for c in arg.children
    ):
        return True  # "the last of them were handed over in 2017", "the first of which are due in 2028", "six of
        # them have served with the platoon"
    if arg.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and arg.lemma_.lower() in _PART_NOUNS and any(
        c.dep_ == "amod" and c.lower_ in _ORDINALS for c in arg.children
    ) and not any(c.dep_ == "appos" or c.dep_ == "prep" and not (c.lower_ == "of" and all(
        g.like_num for g in c.children)) for c in arg.children):  # ("the first batch, 200 Block IV missiles")
        return True  # "a second group will arrive before the summer", "the next batch (of eight) was handed over"
    if arg.dep_ == "nsubjpass":
        return arg.lower_ in ("they", "it", "these", "those")
    if arg.dep_ != "dobj":
        return False
    if arg.lower_ == "more" and not any(c.dep_ == "prep" for c in arg.children):
        return True  # "had planned to buy eight more", "could eventually order more": more of the same
    if arg.lower_ in ("it", "them", "these"):
        return not any(c.dep_ == "dobj" and c.i > arg.i for c in verb.children)
    if arg.pos_ == "NUM" and not any(c.dep_ in ("quantmod", "compound", "nummod") for c in arg.children) and (
        arg.like_num and not _year_like(arg)
        and arg.lower_ not in ("million", "billion", "one")
    ):
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in arg.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("them", "these") for g in c.children)
            for c in arg.children
        )  # "Qatar ordered 24 from Britain": a bare number stands for the items; "19 of them"
    return False


_UPKEEP_NOUNS = {"overhaul", "upgrade", "retirement", "replacement", "modernisation", "modernization", "refit",
                 "maintenance", "review", "inspection", "repair", "decommissioning"}
_PART_NOUNS = {"batch", "group", "pair", "tranche", "lot", "consignment", "shipment", "contingent"}
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "next", "final", "last", "initial", "remaining", "other",
             "whole", "entire"}  # ("the whole batch": all of the items told)


_PLACE_NOUNS = {"army", "navy", "country", "base", "front", "unit", "squadron", "port", "airfield", "troops",
                "force", "forces", "regiment", "brigade", "island", "coast", "barracks", "garrison", "depot", "airport",
                "harbour", "harbor", "capital", "battalion", "division", "fleet", "barrack"}  # (spaCy: "barrack")


_CHOICE_VERBS = {"choose", "select", "pick", "prefer", "favour", "favor", "opt", "settle"}


def _passed_over(tok: Token) -> set[int]:
    """Token ids of the rivals a choice passed over: "chose X over Y", "selected X instead of Y"."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() in _WEIGH_WORDS | {"assess"}:  # "weighing X against Y"
        objects = [c for c in tok.children if c.dep_ == "dobj"]  # (the parser may hang "against" from the object)
        return {t.i for c in (*tok.children, *(g for o in objects for g in o.children))
                if c.dep_ == "prep" and c.lower_ in ("against", "versus") for t in c.subtree}
    if tok.lemma_.lower() not in _CHOICE_VERBS or tok.pos_ != "VERB":
        return set()
    ids: set[int] = set()
    chosen = [o for o in tok.children if o.dep_ == "dobj"] + [  # "opted for the launcher over the HIMARS"
        g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("for", "on")
        for g in p.children if g.dep_ == "pobj"]
    preferred = tok.lemma_.lower() == "prefer"  # "X was preferred to Y", "preferred X to Y"
    for c in (*tok.children, *(g for o in chosen for g in o.children)):
        if c.dep_ == "prep" and (c.lower_ == "over" or c.lower_ == "of" and c.head.lower_ == "instead" or (
            preferred and c.lower_ == "to"
        )):
            ids |= {t.i for t in c.subtree}
        if c.dep_ == "advmod" and c.lower_ == "instead":
            ids |= {t.i for g in c.children if g.dep_ == "prep" for t in g.subtree}
    if ids:  # "over the Gripen, the Typhoon and the Rafale", misparsed as a second object after the rival list
        ids |= {t.i for c in tok.children if c.dep_ == "dobj" and c.i > min(ids) for t in c.subtree}
    return ids


def _passive_bid(verb: Token) -> bool:
    """ "Saab's bid was passed over", "Rheinmetall's rival bid ... was turned down"."""
    return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _BID_NOUNS for c in verb.children)


def _rejects_system(tok: Token, mentions: list[Mention], system: str | None) -> bool:
    """ "passing over the Lynx KF41", "turned down the Rafale": the object turned down is the system itself, so
    the party turned down is its maker (not a state the sentence names for the winner)."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + [
        g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("over", "on") for g in p.children
        if g.dep_ == "pobj"]
    spans = [(min(t.i for t in o.subtree), o.i) for o in objects]
    return any(m.label == "SYSTEM" and m.canonical == system and lo <= m.start <= head
               for m in mentions for lo, head in spans)


_DEAL_FORMS = {"binding", "final", "formal", "firm", "separate", "definitive", "full", "government-to-government"}


def _prospective(deal: Token) -> bool:
    """ "a contract could be signed next year", "a deal is expected to be concluded": the deal being talked
    about, still to be signed (unlike "a deal was signed with Spain", a new one; a "trade deal" is no arms deal)."""
    if any(c.dep_ == "compound" or c.dep_ == "amod" and c.lower_ not in _DEAL_FORMS for c in deal.children):
        return False
    if deal.dep_ == "dobj" and deal.head.lemma_.lower() in ("sign", "conclude", "ink", "finalise", "finalize"):
        verb = deal.head  # "Canberra expected to sign a binding contract with MHI later this year", "will sign a deal"
        return any(c.tag_ == "MD" and c.lower_ != "would" for c in verb.children) or verb.dep_ == "xcomp" and (
            verb.head.lemma_.lower() in ("expect", "plan", "aim", "hope", "intend", "want", "prepare"))
    if deal.dep_ == "pobj" and deal.head.lower_ == "of" and deal.head.head.lemma_.lower() in _SIGNING_NOUNS:
        deal = deal.head.head  # "Signature of a contract could follow by the end of June"
    if deal.dep_ not in ("nsubj", "nsubjpass"):
        return False
    for head in (deal.head, deal.head.head):
        if head.lemma_.lower() == "expect" or any(
            c.tag_ == "MD" or c.dep_ == "acomp" and c.lower_ in ("likely", "ready", "due") for c in head.children
        ):
            return True
        if head.dep_ not in ("xcomp", "conj"):
            break
    return False


def _place(tok: Token) -> bool:
    """Where items can arrive: a named place ("Ukraine", "Čáslav air base") or a force or site ("the army")."""
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in _PLACE_NOUNS or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _object_antecedent(verb: Token, mentions: list[Mention], state: ArticleState) -> str | None:
    """The state an object pronoun ("sell it jets") stands for: never its own clause's subject (that would be
    "itself"), so the state last a subject before this sentence, else the article's main state."""
    own = (verb,) if verb.dep_ == "ccomp" else (verb, verb.head)  # ("agreed to sell it": the head's subject too)
    subjects = {m.country for m in mentions if m.is_state and m.span(verb.doc).root.dep_ == "nsubj"
                and m.span(verb.doc).root.head in own}
    # "Bamako has said nothing about reports that Norinco offered it VN22s": the subject of a clause the
    # pronoun's clause is part of comes first
    above = [a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and a not in own]
    matrix = [m.country for a in above for m in mentions
              if m.is_state and m.span(verb.doc).root.dep_ == "nsubj" and m.span(verb.doc).root.head == a]
    for iso in (*matrix, state.last_subject_state, *state.focus):
        if iso is not None and iso not in subjects:
            return iso
    return None


def _object_controller(gov: Token, child: Token, by_token: dict[int, Mention]) -> str | None:
    """The state object that does what the infinitive says ("led Poland to drop", "forced Cairo to cancel").

    Requests ("pressed Turkey to buy") are read elsewhere: the one asked is the one who would act, but the
    event is the request."""
    infinitive = child.dep_ == "xcomp" or child.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in child.children)  # ("lead Egypt to drop" parses as advcl)
    if not infinitive or gov.pos_ not in ("VERB", "AUX") or gov.lemma_.lower() in (
        REQUEST_WORDS | _DIRECTIVE_VERBS
    ):
        return None
    for c in gov.children:
        if c.dep_ in ("dobj", "dative") and c.i < child.i:
            m = by_token.get(c.i) or _mention_in(c, by_token)
            if m is not None and m.is_state:
                return m.country
    return None


def _mention_in(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    for t in tok.subtree:
        m = by_token.get(t.i)
        if m is not None and m.is_state and t.head == tok:
            return m
    return None


def _approver(verb: Token, mentions: list[Mention]) -> str | None:
    """The state that is the subject of ``verb``, or of the verb it completes ("Washington had to approve"), or
    whose government or cabinet is ("Slovenia's government approved")."""
    for v in (verb, verb.head if verb.dep_ in ("xcomp", "conj") else None):
        if v is None:
            continue
        for m in mentions:
            root = m.span(verb.doc).root
            if m.is_state and root.dep_ in ("nsubj", "nsubjpass") and root.head == v:
                return m.country
            if m.is_state and root.dep_ in ("poss", "amod", "compound") and root.head.lower_ in _STATE_NOUNS and (
                root.head.dep_ == "nsubj" and root.head.head == v
            ):
                return m.country
    return None


def _buyer_approves(purchase: Token, approver: str | None, by_token: dict[int, Mention]) -> bool:
    """Whether a state approving a purchase is its buyer: the purchase has no other state's possessor or "by"."""
    if approver is None:
        return False
    for c in purchase.children:
        m = by_token.get(c.i)
        if c.dep_ == "poss" and m is not None and m.is_state and m.country != approver:
            return False  # "Washington approved Poland's purchase of F-35s": an export licence
        if c.dep_ == "prep" and c.lower_ == "by":
            return False
    return True


_WARN_VERBS = frozenset({"warn", "threaten", "caution"})


def _warner(tok: Token, by_token: dict[int, Mention], exclude: str | None) -> str | None:
    """The state that warns of sanctions ("the US warned that Serbia could face sanctions"): the subject of
    the warning verb the sanction is told under."""
    cur = tok
    for _ in range(4):
        if cur.lemma_.lower() in _WARN_VERBS:
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                m = next((by_token[t.i] for t in subj.subtree if t.i in by_token and by_token[t.i].is_state), None)
                if m is not None and m.country != exclude:
                    return m.country
            return None
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _indefinite(noun: Token) -> bool:
    """ "a multirole fighter": a new, unnamed item ("not a single jet" still means the ones told of)."""
    kids = {c.lower_ for c in noun.children}
    return bool(kids & {"a", "an"}) and "single" not in kids


def _list_items(head: Token) -> list[Token]:
    """The other items of a list ``head`` starts: its conjuncts, and counted appositions the parser made of a
    comma list ("1,000 K2 tanks, 672 K9 howitzers and 48 FA-50s" hangs the howitzers as an apposition)."""
    items = list(head.conjuncts)
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and (
            child.conjuncts or any(c.dep_ == "nummod" for c in child.children)
        ):
            items += [child, *child.conjuncts]
    return list(dict.fromkeys(items))


def _sellers_in_sentence(events: list[Event]) -> list[Event]:
    """ "The corvettes that Seoul is giving to Hanoi will not be ready for handover until 2027": a transfer
    whose seller the sentence leaves unsaid (an unlisted system has no maker to fall back on) is the one the
    sentence names for the same items going to the same buyer."""
    out = []
    for ev in events:
        if ev.supplier is None and ev.system and ev.type in ("order", "delivery"):
            named = {e.supplier for e in events if e.system == ev.system and e.supplier
                     and e.type in ("order", "delivery") and e.recipient in (None, ev.recipient)}
            if len(named) == 1:
                ev = replace(ev, supplier=named.pop())
        elif ev.system and ev.type in ("cancellation", "delay"):
            # "a contract signed in 2021 for two used Mi-17s from the Czech Republic was cancelled in 2023": the
            # deal called off is the one the sentence tells, with its seller (not the type's maker)
            named = {e.supplier for e in events if e.system == ev.system and e.supplier and e.type == "order"
                     and e.recipient == ev.recipient}
            if len(named) == 1 and ev.supplier not in named:
                ev = replace(ev, supplier=named.pop())
        out.append(ev)
    return out


def _argument_of(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` hangs from the trigger without another verb between them: "Qatar and India ordered",
    "F-16s from Denmark and the Netherlands", or from a verb it depends on ("the US and Britain answered by
    sanctioning Iran Air"); not "received drones, a sign of how it leans on Ankara and Moscow"."""
    cur = tok
    for _ in range(6):
        if cur == trigger or cur.is_ancestor(trigger):
            return True
        if cur != tok and cur.pos_ in ("VERB", "AUX") or cur.head == cur:
            return False
        cur = cur.head
    return False


_WEIGHING_VERBS = {"turn", "reject", "receive", "weigh", "assess", "evaluate", "consider", "study", "drop", "rebuff",
                   "decline", "examine", "review"}


def _bid_weighed(tok: Token) -> bool:
    """ "turned down rival bids", "is weighing two proposals": bids that are the object of their buyer's verb."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _BID_NOUNS and tok.dep_ in ("dobj", "nsubjpass") and (
        tok.head.lemma_.lower() in _WEIGHING_VERBS)


def _tells_contents(participle: Token) -> bool:
    """ "covering X", "including X", "built around X", "based on X": a participle saying what a deal holds (and
    the finite "the bid rests on X", "the offer centres on X")."""
    lemma = participle.lemma_.lower()
    return lemma in _CONTENT_VERBS or lemma in {"build", "base"} | _RESTS_ON and any(
        c.dep_ == "prep" and c.lower_ in ("around", "on") for c in participle.children)


def _clause_tokens(tok: Token) -> set[int]:
    """Token ids in the trigger's phrase, not descending into other clauses."""
    ids: set[int] = set()
    if tok.pos_ == "ADJ" and tok.head != tok:  # "the systems would be fully operational"
        tok = tok.head
    stack = [tok]
    while stack:
        cur = stack.pop()
        ids.add(cur.i)
        for c in cur.children:
            if c.dep_ in _SCOPE_EDGES and c != tok and not (
                c.dep_ == "appos" and cur.lemma_.lower() in _PURCHASE_NOUNS | GENERIC_SYSTEM_NOUNS | _BID_NOUNS
            ) and not (c.dep_ in ("acl", "advcl") and _tells_contents(c)) and not (
                c.dep_ in ("acl", "relcl") and _noun_as_clause(c)
            ):
                # (but "its last purchase, the Pantsir-S1 system, arrived": the apposition names what was bought,
                # and "signed a contract covering Mistral missiles", "a proposal built around the Hürkuş": the
                # participle says what the contract holds; and a plural noun parsed as a clause is no clause)
                continue
            stack.append(c)
    # a noun trigger modified by a designation ("the S-400 purchase") or governing one via "of"
    if tok.head != tok and tok.dep_ in ("compound", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        ids.add(tok.head.i)
    # "the first tanks are to be shipped", "Egypt's jets are expected to arrive": the subject that controls it;
    # "the radars were due last year but have not arrived": a conjoined verb shares its head's subject; and
    # through both ("the craft completed trials and are due to be handed over")
    if tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "conj"):
        cur = tok
        while cur.dep_ in ("xcomp", "acomp", "conj") and cur.head is not cur and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in cur.children
        ):
            cur = cur.head
        if cur is not tok:
            for c in cur.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    ids.update(t.i for t in c.subtree)
    # "took delivery of ...", "imposed sanctions": the governing verb's object phrase
    if tok.dep_ in ("dobj", "pobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        for c in tok.head.children:
            if c.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and c != tok:
                ids.update(t.i for t in c.subtree)
    return ids


_STRIKE_NOUNS = {"strike", "attack", "raid"}


def _named_before(noun: Token, by_token: dict[int, Mention]) -> bool:
    """ "TB2 strikes", "ATACMS strikes": a system named right before the noun, however the parser hung it."""
    return noun.i - 1 in by_token and by_token[noun.i - 1].label == "SYSTEM"


_PROGRAMME_NOUNS = {"programme", "program", "project", "consortium", "partnership"}
_GOODS_NOUNS = {"delivery", "shipment", "supply", "airlift", "consignment", "export", "import"}
_KIT_WORDS = _ARMS_WORDS | {"arm", "weapon", "munition", "shell", "round", "rocket", "bomb", "hardware", "military",
                            "defence", "defense", "aid", "part", "spare", "kit", "armament"}


def _civil_goods(mod: Token) -> bool:
    """A common noun modifying a delivery that names no arms ("banana shipments", "grain deliveries"); a
    designation or an arms word ("S-400 supplies", "ammunition shipments") does."""
    return mod.dep_ == "compound" and mod.pos_ == "NOUN" and not any(ch.isdigit() for ch in mod.text) and not (
        mod.lower_ in GENERIC_SYSTEM_NOUNS or mod.lemma_.lower() in GENERIC_SYSTEM_NOUNS
        or mod.lower_ in _KIT_WORDS or mod.lemma_.lower() in _KIT_WORDS)


def _weapon_like(tok: Token) -> bool:
    """Whether an argument names arms: a generic weapon noun ("tanks") or a designation ("T-72s", "HIMARS")."""
    if tok.dep_ not in ("dobj", "pobj", "nsubjpass"):
        return False
    return tok.lower_ in GENERIC_SYSTEM_NOUNS or tok.lemma_.lower() in GENERIC_SYSTEM_NOUNS or any(
        looks_like_designation(t.text) or t.pos_ in ("PROPN", "NUM") and any(ch.isdigit() or ch.isupper()
                                                                             for ch in t.text[1:])
        for t in tok.subtree if t.i <= tok.i
    )


def _combat_use(verb: Token) -> bool:
    """ "used Storm Shadows against Russian ships", "used Harop drones to devastating effect in the war": arms
    used in combat (a firing, like a test) and not merely operated ("the air force uses F-16s")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]  # ("Kyrgyz TB2s were used against")
    firing = any(c.dep_ in ("xcomp", "advcl") and (c.lemma_.lower() in _COMBAT_VERBS | {"fire", "launch"} or (
        c.lemma_.lower() in ("bring", "take", "knock") and any(g.lower_ in ("down", "out") for g in c.children)))
                 for c in verb.children)  # ("used them to bring down helicopters", "to take out radars")
    if not any(_weapon_like(c) or any(t.pos_ == "PROPN" for t in c.subtree if t.i < c.i)
               or firing and c.lower_ in ("them", "it", "they") for c in objects):
        return False  # ("Harop loitering munitions": a name on a munition; "used them to fire rockets")
    if any(t.lemma_.lower() in ("training", "exercise", "drill", "exercises") for t in verb.subtree):
        return False  # "uses F-16s in training against aggressor squadrons"
    if firing:
        return True
    # the prepositions may hang from the object or a participle ("missiles against ships", "..., also bought
    # from Israel, to devastating effect")
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dep", "acl", "advcl"))]
    return any(c.dep_ == "prep" and (c.lower_ == "against" or c.lower_ in ("in", "to") and any(
        g.lemma_.lower() in _COMBAT_NOUNS for g in c.children if g.dep_ == "pobj"))
        for h in heads for c in h.children)


_EXERCISE_WORDS = {"exercise", "drill", "manoeuvre", "maneuver", "gunnery", "sortie"}
_COMBAT_NOUNS = {"effect", "combat", "war", "battle", "fighting", "offensive", "attack", "attacks", "strike",
                 "strikes"}
_COMBAT_VERBS = {"strike", "attack", "hit", "destroy", "target", "shoot", "sink", "intercept", "down", "bomb"}


_HANDOVER_VERBS = _ARRIVE_VERBS | {"deliver", "come"}  # the verbs a delivery's slip is told with
_ONCE_WORDS = {"originally", "initially", "previously", "first", "once"}
_SCHEDULED_WORDS = {"due", "scheduled", "planned", "expected", "set", "slated", "promised"}


def _overdue(tok: Token) -> bool:
    """A handover that was owed and has not come: "were supposed to be handed over last year" (a past "supposed
    to"), "were due in 2023 but have not (yet) arrived" (a denied arrival after a past "due")."""
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_.lower() in ("suppose", "mean") and any(
        c.dep_ in ("auxpass", "aux") and c.lower_ in ("was", "were") for c in head.children
    ):
        return True
    return tok.dep_ == "conj" and any(c.dep_ == "neg" for c in tok.children) and head.lower_ in ("was", "were") and (
        any(c.dep_ == "acomp" and c.lower_ == "due" for c in head.children))


def _old_schedule(tok: Token) -> Token | None:
    """ "Four Mi-24s, originally due before the end of 2025, would now arrive in the second half of this year":
    the word that gives a delivery's former date (a slip: the delivery moved, and a delay). It modifies the
    delivered items or the delivery verb, and the verb says "now" or the schedule word is "originally"."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in _HANDOVER_VERBS:
        return None
    holders = [tok, *(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))]
    for h in holders:
        for c in h.children:
            word = c if c.lower_ in _SCHEDULED_WORDS else None
            if word is None and c.dep_ in ("acl", "amod", "advcl", "appos"):
                word = next((g for g in c.subtree if g.lower_ in _SCHEDULED_WORDS), None)
            if word is not None and c.i != tok.i and any(
                g.dep_ == "advmod" and g.lower_ in _ONCE_WORDS for g in word.children
            ) and not any(g.lower_ == "as" for g in word.children):  # ("arrived in 2023, as originally planned")
                return word
    return None


_CRITIC_VERBS = {"condemn", "criticise", "criticize", "denounce", "decry", "protest", "deplore", "slam", "blast"}
_PERMIT_NOUNS = {"licence", "license", "permit", "permission", "waiver", "authorisation", "authorization"}
_EDGE_NOUNS = {"border", "frontier", "coast", "coastline", "waters", "airspace", "borderland"}
_SITE_PREPS = frozenset({"at", "from", "in", "around", "near", "along"})
_SITE_NOUNS = {"capital", "border", "south", "north", "east", "west", "base", "airport", "port", "coast", "region",
               "province", "frontier", "city", "airstrip", "airfield", "facility"}
_NEAR_WORDS = {"next", "close", "near", "adjacent"}
_RESTS_ON = {"rest", "hinge", "revolve", "centre", "center"}  # "the bid rests on X", "the offer centres on X"


def _rests_on(deal: Token, systems: list[Mention]) -> str | None:
    """The system a deal noun's own clause says it rests, hinges, revolves or centres on ("the bid rests on X",
    "the offer is said to centre on X", with "centre" tagged a noun); not one in an aside about the deal. A verb
    saying what the deal holds counts too, also as the second of two verbs sharing the deal ("Negotiations opened in
    January and cover a single Guardian-class vessel")."""
    if deal.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verbs = [deal.head, *(c for c in deal.head.children if c.dep_ == "xcomp" or c.dep_ == "conj" and c.pos_ == "VERB"
                          and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))]
    told = any(c.dep_ == "relcl" for c in deal.children)  # ("The agreement, which Yonhap said was signed this week,
    # covers ...": the clause tells the deal, "covers" only what it holds)
    content = next((v for v in verbs if (v.pos_ == "VERB" or v.dep_ == "xcomp") and (
        v.lemma_.lower() in _RESTS_ON and _tells_contents(v) or v.lemma_.lower() in _CONTENT_VERBS and not told
        and any(c.dep_ == "dobj" for c in v.children))), None)
    if content is None:
        return None
    after = [m for m in systems if m.start > deal.i and content.left_edge.i <= m.start <= content.right_edge.i
             and not deal.left_edge.i <= m.start <= deal.right_edge.i]
    return after[0].canonical if after else None


def _flown_from(verb: Token) -> bool:
    """ "The US flies MQ-9 Reaper drones out of the Chabelley airstrip", "Japan's P-3Cs fly anti-piracy missions
    from the facility at the airport": arms flown from a base are deployed there (not "flew them to Ankara", a
    delivery, nor "Romania flies F-16s", no place)."""
    arms = any(c.dep_ == "nsubj" and (_arms_noun(c) or _items(c)) or c.dep_ in ("dobj", "prep") and c.lower_ not in (
        "from", "out") and any(looks_like_designation(g.text) or g.lemma_.lower() in GENERIC_SYSTEM_NOUNS
                               for g in c.subtree) for c in verb.children)  # ("flies MQ-9 Reaper drones", misparsed)
    return arms and any(c.dep_ == "prep" and c.lower_ in ("from", "out") and any(
        g.dep_ == "pobj" and c in (g.head, g.head.head) and (g.pos_ == "PROPN" or g.lemma_.lower() in _SITE_NOUNS)
        and not any(
            m.lower_ in ("test", "trial", "trials") for m in g.children)  # ("from a shore-based test facility")
        for g in c.subtree)
        for h in (verb, *(o for o in verb.children if o.dep_ == "dobj")) for c in h.children)


def _based_at(verb: Token, preps: frozenset[str] = frozenset({"at", "from"}), named: bool = False) -> bool:
    """ "The radar has been operating at Wallace Air Station", "the navy plans to operate its aircraft from INS
    Rajali": arms operated at or from a named place are deployed there (not "the firm operates in 20 countries":
    the arms must be the subject or the object, or ``named`` says the subject is a catalogued system). Verbs of
    placing take wider sites ("based in the south of the country", "placed around the capital")."""
    wide = "in" in preps
    at_place = any(c.dep_ == "prep" and c.lower_ in preps and any(
        g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.lemma_.lower() in _SITE_NOUNS and (wide or any(
            n.dep_ == "compound" and n.pos_ == "PROPN" for n in g.children))) for g in c.children)
        for h in (verb, *(o for o in verb.children if o.dep_ == "dobj")) for c in h.children) or any(
        c.dep_ == "advmod" and c.lower_ == "there" for c in verb.children)  # ("berthed there": the site just told)
    if not at_place:
        return False  # ("at Kasane air base": a site noun the name makes a place)
    objects = any(c.dep_ == "dobj" and (_weapon_like(c) or c.lower_ in GENERIC_SYSTEM_NOUNS or _items(c))
                  for c in verb.children) or verb.dep_ == "relcl" and _arms_noun(verb.head)  # "the corvettes
    # China has kept at Ream"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "xcomp":  # "they are to be based at Gao": the subject of "are"
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return objects or named or any(_items(c) or c.lower_ in ("it", "they") or any(
        looks_like_designation(t.text) for t in c.subtree if t.i <= c.i) for c in subjects)


_SORTIE_NOUNS = {"strike", "sortie", "mission", "raid"}


def _due_subject(tok: Token) -> Token | None:
    """The items an absolute "due" clause is about: "with the last of them DUE in 2029" (the adjective's own
    subject), "with the first of the jets due to REACH the air force" (the noun "due" hangs from)."""
    if tok.lower_ == "due" and tok.dep_ in ("pcomp", "advcl"):
        return next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.dep_ == "xcomp" and tok.head.lower_ == "due" and tok.head.dep_ == "prep":
        return tok.head.head
    return None


def _armed_strike(verb: Token) -> bool:
    """ "TB2s flew strikes around Kidal", "the drones struck rebel positions", "a Harpoon sank the ship": arms
    as the subject of a combat verb are used in combat, a firing (GUIDE.md: a test). A crew or a state as the
    subject ("the army flies missions") names no arms; that is left to "used X against" (_combat_use). Only the
    past tells a use: "the system intercepts missiles above the atmosphere" tells what it can do."""
    lemma = verb.lemma_.lower()
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    if lemma == "fly":
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in _SORTIE_NOUNS for c in verb.children):
            return False
    elif lemma not in _COMBAT_VERBS or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "Mohajer-6s delivered to Ethiopia in 2021 struck rebel positions"
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_arms_noun(x) or _items(x) or _pronoun_items(x, verb) or x.pos_ == "NOUN" and any(
        t.dep_ == "compound" and t.pos_ == "PROPN" for t in x.children)
               for c in subjects for x in (c, *c.conjuncts))  # ("Wing Loong IIs", a name on a noun; not "the Royal
    # Norwegian Air Force"; "Buk-M1 and Osa-AK batteries ... shot down": a conjunct names the arms)


_MAKER_NOUNS = frozenset({"manufacturer", "maker", "company", "firm", "builder", "shipyard", "yard", "contractor",
                          "supplier", "vendor", "group", "manufacturers", "makers", "companies", "firms"})
_STARTS = frozenset({"begin", "open", "start", "resume", "continue", "progress", "stall"})


def _bidders(bid: Token, by_token: dict[int, Mention]) -> set[str]:
    """The states whose bid noun this is: "Seoul's offer", or "its offer" as the object of "Seoul made"."""
    if bid.lemma_.lower() not in _BID_NOUNS:
        return set()
    owners = []
    for c in bid.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            owners.append(c)
        elif c.dep_ == "poss" and bid.dep_ == "dobj":
            owners += [g for g in bid.head.children if g.dep_ == "nsubj"]
    return {by_token[c.i].country for c in owners if c.i in by_token and by_token[c.i].is_state}


def _option_for_more(option: Token) -> bool:
    """ "an option for six more H225Ms", "the option on four additional ships": a contract option on further
    items (not "the Chinese option", one offer among others)."""
    return any(p.dep_ == "prep" and p.lower_ in ("for", "on") and any(
        t.lower_ in ("more", "additional", "further", "extra") for t in p.subtree) for p in option.children)


def _previous_sentence_start(sent: Span) -> int:
    """Character offset where the sentence before ``sent`` begins (``sent``'s own start for the first)."""
    return sent.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char


def _paragraph_start(sent: Span) -> int:
    """Character offset where the sentence's paragraph begins (paragraphs are split by blank lines)."""
    text = sent.doc.text
    return text.rfind("\n\n", 0, sent.start_char) + 1


def _possessor_state(tok: Token, mentions: list[Mention]) -> str | None:
    """The state owning the subject of an adjective's or passive's clause: "Kuwait's units were declared
    operational", "the Kuwaiti army's NASAMS units became operational"."""
    anchor = tok.head if tok.pos_ == "ADJ" else tok
    for subj in (c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")):
        for m in mentions:
            root = tok.doc[m.start:m.end].root
            if m.is_state and m.label in ("COUNTRY", "DEMONYM") and root.dep_ in ("poss", "amod", "compound") and (
                subj.left_edge.i <= m.start < subj.i
            ):
                return m.country
    return None


def _talks_with_party(tok: Token, by_token: dict[int, Mention], deal: Event | None) -> bool:
    """ "talks with Kenya", "talks with the American side", "talks with the Texas-based manufacturer": talks
    with a party to the deal told last (or its maker); bare "Talks began in March", "There are negotiations,
    which began in May" in a sentence naming no system are those talks too."""
    if deal is None:
        return False
    withs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
             for g in c.children if g.dep_ == "pobj"]
    for g in withs:
        named = [by_token[t.i] for t in g.subtree if t.i in by_token]
        if any(m.is_state and m.country in (deal.supplier, deal.recipient)
               or m.label == "ORG" and m.country == deal.supplier for m in named) or (
            g.lemma_.lower() in _MAKER_NOUNS and not any(m.is_state for m in named)
        ):  # (not "talks with Chinese state-owned firms", another seller's)
            return True
    if withs or any(by_token[t.i].label == "SYSTEM" for t in tok.sent if t.i in by_token) or any(
        c.dep_ == "prep" and c.lower_ in ("for", "on", "over", "about") or c.lower_ in ("those", "these", "such")
        for c in tok.children
    ):  # ("no negotiation for one", "those talks" just told: other talks)
        return False
    head = tok.head
    return tok.pos_ == "NOUN" and (
        tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _STARTS
        or tok.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)
    )


def _in_combat(tok: Token) -> bool:
    """A firing told as combat ("struck a camp", "used X against ships", "saw combat"), not a trial."""
    return tok.pos_ == "VERB" and (_armed_strike(tok) or _combat_use(tok) or tok.lemma_.lower() == "see") or (
        tok.pos_ == "NOUN" and tok.lemma_.lower() in _STRIKE_NOUNS)


def _arms_head(verb: Token) -> bool:
    """ "the escorts that Japan is giving to the Philippines": a relative clause on arms, whose noun is the
    verb's object."""
    head = verb.head
    return verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN") and (_arms_noun(head) or head.lower_ in SHIP_KINDS)


def _arms_noun(noun: Token) -> bool:
    """Whether a noun phrase names arms by its head or its words before it: "the drones", "TB2s", "the
    J/FPS-3ME radar" (whatever its role, unlike _weapon_like)."""
    return noun.lower_ in GENERIC_SYSTEM_NOUNS or noun.lemma_.lower() in GENERIC_SYSTEM_NOUNS or any(
        looks_like_designation(t.text) for t in noun.subtree if t.i <= noun.i)


def _notified_sale(tok: Token) -> bool:
    """ "Washington notified Congress of the possible sale", "the State Department cleared a possible sale of 12
    AH-1Z": the formal notice of a sale, an offer made (the "possible" is the notice's wording, not a hedge)."""
    if tok.lemma_.lower() not in ("sale", "transfer") or not any(
        c.dep_ == "amod" and c.lower_ in ("possible", "proposed", "potential") for c in tok.children
    ):
        return False
    cur = tok
    for _ in range(3):
        cur = cur.head
        if cur.pos_ == "VERB":
            return cur.lemma_.lower() in ("notify", "approve", "clear", "authorise", "authorize", "announce")
    return False


_SLIP_VERBS = {"push", "move", "shift", "postpone", "delay", "defer", "reschedule", "put"}


def _moved_to(tok: Token, handover: bool = True) -> Token | None:
    """ "Their delivery has been pushed back to the first half of 2027", "Russia had moved their delivery to
    2027", "had pushed the handover ceremony back to April": a handover put off to a new date. Returns the
    preposition that holds the new date (a planned delivery at that date, besides the delay, which is dated when
    it was told). ``handover=False`` takes whatever was put off (the delay is dated when told all the same)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _SLIP_VERBS:
        return None
    moved = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if handover:
        moved = [c for c in moved if c.lemma_.lower() in _HANDOVER_NOUNS | {"arrival"} or c.lemma_.lower() == (
            "ceremony") and not any(g.lower_ in ("signing", "contract") for g in c.children)]
    if not moved:
        return None
    for h in (tok, *moved, *(c for c in tok.children if c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "off"))):
        for c in h.children:  # ("moved their delivery to 2027": the noun's "to")
            if c.dep_ == "prep" and c.lower_ in ("to", "until", "into", "till") and any(
                g.ent_type_ == "DATE" or g.like_num or g.lower_ in CALENDAR_WORDS or _MID_YEAR.fullmatch(g.text)
                for g in c.subtree
            ):  # ("back to mid-2027", one token)
                return c
    return None


_MID_YEAR = re.compile(r"(?:mid|early|late)-(?:19|20)\d\d", re.IGNORECASE)


def _behind(tok: Token) -> bool:
    """ "would now reach India a year or more behind schedule", "will not arrive before 2028, two years behind
    schedule": a delivery told with its slip (a delay, told now, besides the delivery at its date)."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _HANDOVER_VERBS and any(
        c.dep_ in ("prep", "advmod") and c.lower_ == "behind" and any(g.lemma_.lower() in _SCHEDULE_NOUNS
                                                                     for g in c.subtree)
        for h in (tok, *(a for a in tok.children if a.dep_ in ("npadvmod", "advmod", "prep")))
        for c in (h, *h.children)
    )


def _on_a_mission(verb: Token) -> bool:
    """ "served with the UN peacekeeping mission in Mali", "went ... to the SADC mission in Cabo Delgado": arms
    with a mission abroad, whose place names the host."""
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in _MISSION_NOUNS for g in c.children)
               for c in verb.children)


_LEAVE_VERBS = {"leave", "depart", "sail", "fly", "head", "move", "deploy", "rotate", "go", "set", "travel"}


def _men(noun: Token, words: set[str]) -> bool:
    """ "a platoon", "35 soldiers", "a company of soldiers": people or a unit (or one of ``words``), not arms."""
    return noun.lemma_.lower() in _PEOPLE_SENT | _SENT_UNITS | words or any(
        g.lemma_.lower() in _PEOPLE_SENT | {"troop"} for g in noun.subtree)


def _troops_leaving(verb: Token) -> bool:
    """ "a platoon of 35 soldiers left Sarajevo", "a battle group is due to leave for the mission": men or a
    unit (the subject) leaving, also through "is due to" / "would"."""
    verbs = [verb] + [x for c in verb.children if c.dep_ in ("acomp", "xcomp") for x in (c, *c.children)
                      if x.dep_ == "xcomp"]
    men = any(c.dep_ == "nsubj" and _men(c, {"troop", "group", "force"}) for c in verb.children)
    return men and any(v.lemma_.lower() in _LEAVE_VERBS for v in verbs)


def _carried_troops(verb: Token, catalog: Catalog) -> bool:
    """ "The air force's Chetaks lifted a company of soldiers to Benzdorp", "two Mi-17s flew troops into the
    north": arms as the subject carrying men or a unit (the object) to a named place."""
    carriers = [c for c in verb.children if c.dep_ == "nsubj" and (
        _arms_noun(c) or _items(c) or catalog.find_system(c.text))]
    men = [c for c in verb.children if c.dep_ == "dobj" and _men(c, {"troop", "force", "police", "personnel"})]
    place = any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(
        g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in verb.children)
    return bool(carriers and men and place)


def _items_moved_to_a_place(verb: Token) -> bool:
    """ "Two of them moved north to Hanimaadhoo", "the drones have relocated to Obock": arms that move
    themselves (no object) to a named place are deployed there."""
    return not any(c.dep_ == "dobj" for c in verb.children) and any(  # (or moved by others: "the plane was moved")
        c.dep_ in ("nsubj", "nsubjpass") and (_items(c) or _arms_noun(c) or _pronoun_items(c, verb))
        for c in verb.children
    ) and any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(
        g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for h in (verb, *verb.children)
        for c in h.children if h is verb or h.dep_ == "advmod")


def _later_than(tok: Token) -> Token | None:
    """ "will now arrive in November, a month later than the US embassy had indicated", "are now due in
    November, Farah said, a month later than previously announced": a handover told with its slip (a delay,
    told now, besides the delivery at its new date). The parser hangs "later" from the verb, from "be" of "due",
    or from the reporting verb set in between."""
    holders = [tok, tok.head] if tok.dep_ == "acomp" else [tok]
    holders += [c for h in holders for c in h.children if c.dep_ == "parataxis" and c.lemma_.lower() in
                REPORTING_VERBS]
    return next((c for h in holders for c in h.children if c.dep_ == "advmod" and c.lower_ == "later" and any(
        g.lower_ == "than" for g in c.subtree)), None)


def _licence_hold(tok: Token) -> bool:
    """ "suspended the export licence for a C295", "the licence suspension", "a freeze on export permits": an
    export licence held back (the verb or noun of the hold, with a licence as its object, compound or "of"/"on")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        return lemma in _HOLD_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _LICENCE_NOUNS for c in tok.children)
    return lemma in _HOLD_NOUNS and any(
        c.dep_ == "compound" and c.lower_ in _LICENCE_NOUNS
        or c.dep_ == "prep" and c.lower_ in ("of", "on") and any(g.lower_ in _LICENCE_NOUNS for g in c.children)
        for c in tok.children)


def _arms_subject(verb: Token) -> bool:
    """Whether the verb's subject names arms: "the Barak 8 batteries came from Israel", "none of the missiles
    has gone to Ukraine" (not "the decision came from Ankara")."""
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        if c.lower_ in ("that", "which") and verb.dep_ == "relcl":
            c = verb.head  # "a dozen Mirage 5s that came from Israel": the noun the clause describes
        if c.lemma_.lower() in GENERIC_SYSTEM_NOUNS or _items(c) or any(
            looks_like_designation(t.text) for t in c.subtree if t.i <= c.i
        ):
            return True
        if any(p.dep_ == "prep" and p.lower_ == "of" and any(_weapon_like(g) for g in p.children) for p in c.children):
            return True
    return False


def _of_which_antecedent(tok: Token) -> Token | None:
    """ "X vehicles, the first of which were handed over": the noun the clause's "of which" subject stands
    for, the noun before the comma (the parser may hang the clause from the main verb instead)."""
    for subj in tok.children:
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not any(t.lower_ in ("which", "whom") and t.head.lower_ == "of" for t in subj.subtree):
            continue
        i = subj.left_edge.i - 1
        doc = tok.doc
        while i >= 0 and doc[i].is_punct:
            i -= 1
        if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
            return None
        noun = doc[i]
        while noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i:
            noun = noun.head
        return noun
    return None


def _under_deal(noun: Token) -> bool:
    """ "under a 2013 agreement": a deal noun framing the clause's verb."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and (
        noun.lemma_.lower() in _PURCHASE_NOUNS or noun.lemma_.lower() == "agreement")


def _lists_arms(prep: Token, words: tuple[str, ...]) -> bool:
    """Whether a preposition ("with", "including") introduces arms: "including 13 MiG-29 fighters"."""
    return prep.dep_ == "prep" and prep.lower_ in words and any(map(_weapon_like, prep.children))


def _items(tok: Token) -> bool:
    """Whether a subject names arms: "the aircraft", or a part of them ("the first of those aircraft",
    "the remaining six of the jets")."""
    if tok.lower_ in GENERIC_SYSTEM_NOUNS:
        return True
    if _bare_first(tok):
        return True
    part = tok.lower_ in ("first", "last", "rest", "remainder", "remaining", "bulk", "balance") or tok.like_num or (
        tok.lemma_.lower() in ("batch", "consignment", "shipment", "lot", "tranche", "pair", "delivery"))
    return part and any(  # "the first of those": the items named before; "a first batch of eight": a number of them
        c.dep_ == "prep" and c.lower_ == "of" and any(
            _weapon_like(g) or g.lower_ in ("those", "them", "these", "which")
            or g.like_num and not _year_like(g) for g in c.children)
        for c in tok.children
    )


def _year_like(tok: Token) -> bool:
    """ "2019", "1998": a number that is a year, not a count of items."""
    return len(tok.text) == 4 and tok.text[:2] in ("19", "20")


_COUNTED_ORDINALS = {"second", "third", "fourth", "fifth", "sixth"}


def _bare_first(tok: Token) -> bool:
    """ "the first", "the first two", "the last four", "six", "three more" standing alone for items told before
    ("... ordered 16 jets; the first is expected in 2026", "six arrived in January", "a second arrived in 2015")."""
    articles = ("the",)
    if tok.lower_ in ("first", "last"):
        first = tok
    elif tok.lower_ in _COUNTED_ORDINALS:  # "a second arrived in 2015", "the third followed a year later"
        first, articles = tok, ("a", "the")
    elif tok.like_num and not _year_like(tok):
        first = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ in ("first", "last")), None)
        if first is None and tok.lower_ not in ("one", "million", "billion") and tok.dep_ in ("nsubj", "nsubjpass") \
                and all(c.lower_ in ("more", "further", "other", "another", "remaining") for c in tok.children):
            return True  # "six arrived in January", "three more are due in the autumn"
    else:
        return False
    return first is not None and tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ in articles for c in (*tok.children, *first.children)
    ) and not any(c.dep_ in ("prep", "compound") or c.pos_ in ("NOUN", "PROPN") for c in tok.children)


def _first_role(roles: dict[str, list[str]], names: tuple[str, ...], exclude: str | None = None) -> str | None:
    """The first state found in the roles ``names``, in that order, other than ``exclude``."""
    return next((iso for n in names for iso in roles.get(n, []) if iso != exclude), None)


def _subject_states(sent: Span, mentions: list[Mention]) -> set[str]:
    """States a sentence is about: its subjects, or the state a subject belongs to ("the Ghana Armed Forces",
    "Poland's defence ministry")."""
    out: set[str] = set()
    for m in mentions:
        if not (m.is_state and m.country):
            continue
        root = sent.doc[m.start:m.end].root
        if root.dep_ in ("compound", "poss", "amod", "nmod"):
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass"):
            out.add(m.country)
    return out


def _weighed_offers(tok: Token) -> Token | None:
    """The offers a weighing verb weighs when they are not named: "both offers/bids" (object or passive
    subject), "both of them", "the two proposals", "the American and Turkish helicopter offers" (their makers'
    states named), "the French proposal", "looking at the offer", "it is a serious proposal and it is being
    evaluated" (the one offer told last)."""
    args = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if _under_study(tok):  # "Both are under study", "the two bids remain under evaluation": what is studied
        args = [c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.lemma_.lower() == "look":  # "looking at the French proposal"
        args = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "at" for g in c.children
                if g.dep_ == "pobj"]
    for c in args:
        if c.lemma_.lower() in _BID_NOUNS | {"option"} and c.tag_ == "NNS" and any(
            d.lower_ in ("both", "two", "all", "competing", "rival") for d in c.children
        ):
            return c
        if c.lower_ == "both" and (not list(c.children) or any(
            p.lower_ == "of" and any(g.lower_ == "them" for g in p.children) for p in c.children
        )):
            return c  # ("studying both", "both of them", "both were being evaluated")
        if c.lemma_.lower() in _BID_NOUNS and (c.tag_ == "NNS" and any(  # ("the Korean and German bids")
            d.dep_ in ("amod", "compound") and d.pos_ in ("ADJ", "PROPN") and d.text[:1].isupper() for d in c.children
        ) or c.tag_ == "NN" and any(d.lower_ in ("the", "this", "that") for d in c.children)):
            return c
        if c.lower_ in GENERIC_SYSTEM_NOUNS and c.dep_ == "dobj" and any(
            d.dep_ == "amod" and d.pos_ == "ADJ" and d.text[:1].isupper() for d in c.children
        ) and any(d.lower_ == "the" for d in c.children):
            return c  # "evaluating the Brazilian and South African aircraft": the bids of the states it names
        if c.lower_ == "it" and c.dep_ == "nsubjpass" and any(t.lemma_.lower() in _BID_NOUNS for t in tok.sent
                                                              if t.i < tok.i):
            return c  # ("It is a serious proposal and it is being evaluated")
    return None


_STUDY_NOUNS = {"study", "evaluation", "review", "consideration", "assessment", "examination"}


def _under_study(tok: Token) -> bool:
    """ "under study", "under evaluation", "under consideration": a noun saying its clause's subject is weighed."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _STUDY_NOUNS and tok.dep_ == "pobj" and (
        tok.head.lower_ == "under" and tok.head.head != tok.head)


def _accepted_bid(tok: Token) -> bool:
    """ "accepted New Zealand's offer", "the offer was accepted": a bid its buyer takes up."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _BID_NOUNS and tok.dep_ in ("dobj", "nsubjpass") and (
        tok.head.lemma_.lower() == "accept" and not any(c.dep_ == "neg" for c in tok.head.children))


def _speaker_key(source: str | None) -> str:
    """One key for a speaker however the article writes it ("The Fiji Times" in the lead, "the paper" after)."""
    key = (source or "").casefold()
    return key[4:] if key.startswith("the ") else key


def _top_buyer(state: ArticleState, least: int = 1, skip: str | None = None) -> str | None:
    """The state the article has told receiving the most transfers (at least ``least``), ties going to the
    one it names most."""
    rank = {c: i for i, c in enumerate(state.focus)}
    buyers = [c for c in state.buyers if state.buyers[c] >= least and c != skip]
    return min(buyers, key=lambda c: (-state.buyers[c], rank.get(c, len(rank))), default=None)


def _story_buyer(state: ArticleState, skip: set[str | None]) -> str | None:
    """The buyer the article is about: the last one told, else the last subject state, else the most named."""
    buyer = state.last_transfer.recipient if state.last_transfer else None
    return next((c for c in (buyer, state.topic, *state.focus) if c and c not in skip), None)


def _lifts_veto(tok: Token) -> bool:
    """ "dropped the objection", "lifted its veto" with nothing after it: a veto told before, now lifted
    ("dropped its objection to sales of S to Y" is read through the transfer it governs)."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in LIFT_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in OBJECTION_WORDS and not any(g.dep_ == "prep" for g in c.children)
        for c in tok.children
    ) and not any(c.dep_ == "prep" and c.lower_ in ("to", "on", "against") for c in tok.children)


def _made_by_named(verb: Token, by_token: dict[int, Mention]) -> bool:
    """ "cancelled a contract for 12 French-designed submarines": a kind of arms whose maker the phrase names,
    no system named (the verb's object, or what its deal noun is "for")."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns += [g for n in nouns if n.lemma_.lower() in _DEAL_NOUNS for p in n.children
              if p.dep_ == "prep" and p.lower_ in ("for", "of") for g in p.children if g.dep_ == "pobj"]
    return any(n.lower_ in GENERIC_CATEGORIES and _producer_hint(n, by_token) is not None for n in nouns)


def _orders_per_bid(
    events: list[Event], weighing: set[int], stand_ins: dict[tuple[int | None, int | None], frozenset[str]]
) -> list[Event]:
    """ "Malawi is considering buying transport helicopters, the Nyasa Times reported. ... Rosoboronexport had
    pitched the Mi-171Sh; Airbus is understood to have proposed H215s": a purchase weighed before its bids are
    told may go to any of the bids the next sentences name (an order per bid, as unsure as the weighing); not a
    deal that "could be signed", nor a weighed purchase of a system it names. A stand-in for bids weighed before
    they are told ("weighing two bids: a French proposal for ..., and a Turkish offer of ...") gives way to them,
    also to those later in its own sentence, of the states it names if it names any."""
    def standing_in(e: Event) -> bool:
        return e.type == "order" and e.system is None and e.supplier is None and (e.sentence, e.start) in stand_ins

    out = list(events)
    have = {(e.type, e.supplier, e.recipient, e.system, e.date) for e in events}
    for weighed in events:
        stand_in = standing_in(weighed)
        if weighed.type != "order" or weighed.factuality != "speculated" or (
            weighed.sentence not in weighing and not stand_in
        ) or (weighed.recipient is None or weighed.system and _letters(weighed.system) in _letters(weighed.evidence)):
            continue  # (a weighed purchase of a system it names is that system's alone)
        named = stand_ins.get((weighed.sentence, weighed.start), frozenset()) if stand_in else frozenset()
        for bid in events:
            key = ("order", bid.supplier, bid.recipient, bid.system, weighed.date)
            later = bid.sentence is not None and weighed.sentence is not None and (
                weighed.sentence < bid.sentence <= weighed.sentence + _BID_WINDOW
                or stand_in and bid.sentence == weighed.sentence and (bid.start or 0) > (weighed.start or 0))
            if bid.type == "offer" and bid.recipient == weighed.recipient and bid.system and bid.supplier and (
                bid.factuality in ("asserted", "reported") and later and key not in have
                and (*key[:4], None) not in have  # (an order of another date is another deal: "ordered in 2010")
                and (not named or bid.supplier in named)
            ):
                have.add(key)
                out.append(replace(weighed, supplier=bid.supplier, system=bid.system))
    return [e for e in out if not standing_in(e)]


_BID_WINDOW = 3  # sentences after a weighed purchase in which its bids are told


def _letters(text: str) -> str:
    """Letters and digits only, folded: "F-110" and "F110" alike."""
    return "".join(c for c in fold(text).casefold() if c.isalnum())


def _first_conjunct(verb: Token) -> Token:
    """The verb a conjoined verb shares its subject with, past a reporting aside the parser put between ("have
    slipped again, the minister said, and are now expected in May": "expected" hangs from "said")."""
    head = verb.head
    if head.lemma_.lower() in REPORTING_VERBS and head.dep_ in ("parataxis", "ccomp") and head.head != head:
        return head.head
    return head


def _undergoers(verb: Token) -> list[Token]:
    """What a verb acts on: its object or passive subject, or, for a passive verb conjoined without a subject of
    its own, the first verb's subject ("a plan to acquire ..., agreed in 2022, was abandoned in 2025" is parsed as
    "plan agreed, and was abandoned")."""
    args = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not args and verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.children
    ):
        args = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return args


def _unsigned(verb: Token) -> bool:
    """ "Nothing has been signed", "no contract had been awarded": a signing that has not happened (no system
    named)."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ("sign", "award", "conclude", "finalise", "finalize") and any(
        c.dep_ == "nsubjpass" and (c.lower_ == "nothing" or c.lemma_.lower() in _DEAL_NOUNS and any(
            d.lower_ == "no" for d in c.children)) for c in verb.children)


def _plan_seller(verb: Token, by_token: dict[int, Mention]) -> str | None:
    """ "An earlier plan to acquire a fast patrol vessel from India's Goa Shipyard ... was abandoned", "a project
    to buy an Indian-built patrol vessel had been dropped": the state a dropped purchase plan of unnamed arms
    would have bought from (the "from" of its purchase, or the arms' maker)."""
    for plan in (c for c in _undergoers(verb) if c.lemma_.lower() in _PLAN_NOUNS):
        for buy in (c for c in plan.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _BUY_VERBS):
            items = [c for c in buy.children if c.dep_ == "dobj" and c.lower_ in GENERIC_CATEGORIES]
            if not items:
                continue
            hint = _producer_hint(items[0], by_token)
            if hint is not None:
                return hint
            for p in (c for h in (buy, items[0]) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"):
                for g in p.subtree:
                    m = by_token.get(g.i)
                    if m is not None and m.country and m.label in ("COUNTRY", "DEMONYM", "ORG", "CAPITAL"):
                        return m.country
    return None


_PLAN_NOUNS = {"plan", "project", "programme", "program", "proposal", "bid", "effort", "attempt"}


def _no_deal_for_arms(tok: Token) -> bool:
    """ "There is no agreement with China for a ship, for missiles or for any other military equipment": a deal
    noun with "no", for arms of any kind (each "for" phrase, however the list is parsed)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _DEAL_NOUNS or not any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children
    ):
        return False
    things = [g for p in tok.subtree if p.dep_ in ("prep", "conj") and p.lower_ == "for" for g in p.children
              if g.dep_ == "pobj"]
    return any(g.lower_ in _ARMS_WORDS or g.lower_ in GENERIC_SYSTEM_NOUNS or g.lemma_.lower() in GENERIC_SYSTEM_NOUNS
               or g.lemma_.lower() == "equipment" and any(m.lower_ in _AID_MODIFIERS for m in g.children)
               for g in things)


def _names_arms(tok: Token) -> bool:
    """Whether a verb's items are arms in general ("sent weapons", "signed an arms contract")."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and (c.lower_ in _ARMS_WORDS or c.lemma_.lower() in _DEAL_NOUNS and any(
            g.dep_ == "compound" and g.lower_ in _ARMS_WORDS for g in c.children
        )):  # "sent weapons", "cancelled any arms contract"
            return True
        if c.dep_ == "prep" and c.lower_ in ("for", "of") and any(g.lower_ in _ARMS_WORDS for g in c.children):
            return True
    return False


def _near_system(tok: Token, mentions: list[Mention], by_token: dict[int, Mention]) -> bool:
    if any(_pronoun_items(c, tok) for c in tok.children):
        return True  # "pledged two of them": the pronoun stands for a system named before
    head = by_token.get(tok.head.i) or next((by_token[t.i] for t in tok.head.lefts if t.i in by_token), None)
    if tok.dep_ in ("acl", "relcl") and head is not None and head.label == "SYSTEM":
        return True  # "the Type 31 put forward by Britain", "the Abukuma-class escorts that Japan is giving"
    scope = _clause_tokens(tok)
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        # "opened talks on a second package, for Chunmoo launchers": the topic hung from the verb
        scope |= {t.i for c in tok.head.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS for t in c.subtree}
        if tok.lemma_.lower() in _DRILL_NOUNS:  # "staged a live-fire exercise with its M113s"
            scope |= {t.i for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
        # "put two Z-10s through trials", "the vehicle was put through army trials": the verb's arguments
        scope |= {t.i for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") for t in c.subtree}
    if any(m.label == "SYSTEM" and m.start in scope for m in mentions):
        return True
    if tok.pos_ == "NOUN" and _rests_on(tok, [m for m in mentions if m.label == "SYSTEM"]) is not None:
        return True  # "talks opened in January and cover a single Guardian-class vessel"
    doc = tok.doc
    return any(doc[i].lower_ in GENERIC_SYSTEM_NOUNS and i not in by_token and doc[i].i != tok.i for i in scope)


def _mentions_programme(tok: Token, sent: Span) -> bool:
    return any(t.lemma_.lower() in PROGRAMME_WORDS for t in sent)


def _owner(root: Token, trigger_ids: set[int], report_verb: Token | None) -> int | None:
    """The trigger (or reporting verb) a date expression hangs from."""
    if root.i not in trigger_ids:
        head = root.head
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") and (
            head.head.i not in trigger_ids
        ):
            return None  # "the law CAATSA of 2017"
        if root.dep_ in ("nummod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN") and head.i not in trigger_ids:
            return None  # "a 2017 US law"
    cur = root
    for _ in range(8):
        if cur.i in trigger_ids or (report_verb is not None and cur.i == report_verb.i):
            return cur.i
        if cur.head == cur:
            return None
        # a date in another clause belongs to that clause, except that a when-clause dates its main clause
        # ("signed the contract when Putin visited in October 2018")
        when_clause = cur.dep_ == "advcl" and any(
            c.lower_ in ("when", "as") and c.dep_ in ("advmod", "mark") for c in cur.children
        )
        if cur.dep_ in ("conj", "advcl", "relcl", "ccomp", "parataxis") and cur.pos_ in ("VERB", "AUX") and (
            not when_clause
        ):
            return None
        cur = cur.head
    return None


def _evidence(tok: Token, sent: Span) -> tuple[str, int, int]:
    """The clause that carries the event, as an exact substring of the article."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head != head and head.dep_ not in ("ROOT",):
        head = head.head
    tokens = [t for t in head.subtree if sent.start <= t.i < sent.end]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    if end - start > 260:
        start = max(sent.start_char, tok.idx - 120)
        end = min(sent.end_char, tok.idx + len(tok.text) + 120)
    text = sent.text[start - sent.start_char : end - sent.start_char]  # Doc.text would re-join the whole article
    stripped = text.strip(" ,;:\"'\u201c\u201d")
    offset = text.find(stripped)
    return stripped, start + offset, start + offset + len(stripped)


def _quantity(tok: Token, sent: Span, by_token: dict[int, Mention]) -> str | None:
    def counted(noun: Token) -> bool:
        return noun.i in by_token and by_token[noun.i].label == "SYSTEM" or noun.lower_ in _COUNTED_NOUNS

    for t in sorted(_clause_tokens(tok)):
        num = sent.doc[t]
        if num.i in by_token and by_token[num.i].label == "SYSTEM":
            continue  # the number of a designation ("OPV 58 S", "Type 037", "Mbombe 6"), not a count
        if num.like_num and num.dep_ == "nummod" and not re.fullmatch(r"(19|20)\d\d", num.text) and counted(num.head):
            return f"{num.text} {num.head.text}"
        if num.like_num and num.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj") and not re.fullmatch(
            r"(19|20)\d\d", num.text
        ):  # "plans to buy eight of the Indian trainers", "about 90 of the Turkish-made vehicles"
            items = [g for p in num.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj" and counted(g)]
            if items:
                return f"{num.text} {items[0].text}"
        if num.lower_ in ("pair", "dozen") and num.pos_ == "NOUN":  # "a pair of FPB 98 boats", "a dozen Humvees"
            items = [g for p in num.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj"]
            if any(g.i in by_token and by_token[g.i].label == "SYSTEM" or g.lower_ in GENERIC_SYSTEM_NOUNS
                   for g in items):
                return f"a {num.lower_} of {items[0].text}"
    return None


def _value(tok: Token, sent: Span) -> str | None:
    match = _MONEY.search(sent.text)
    return match.group(0).strip() if match else None


def _date_rank(date: str | None) -> int:
    return len(date) if date else 0


def merge_duplicates(events: list[Event], published: str | None = None, verbal: set[int] | None = None) -> list[Event]:
    """One event per type, parties, system and date (GUIDE.md): an undated mention merges into a dated one,
    except that news the lead tells with a verb ("Egypt and France signed a contract") never merges into a
    dated event from years before; a noun in the lead ("Turkey's purchase") is the known deal and does."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    verbal = verbal or set()

    def news_vs_history(undated: Event, dated: Event) -> bool:
        return (year is not None and id(undated) in verbal and undated.sentence is not None and undated.sentence <= 1
                and dated.date is not None and dated.date[:4].isdigit() and int(dated.date[:4]) < year - 1)

    out: list[Event] = []
    for ev in events:
        twin = None
        for prev in out:
            if prev.key() != ev.key():
                continue
            plan, fact = (prev, ev) if prev.factuality == "planned" else (ev, prev)
            if plan.factuality == "planned" and fact.factuality != "planned" and plan.date and not fact.date:
                continue  # "the first arrived" / "has yet to receive one" and "the rest will follow in 2027"
            if prev.date is None and ev.date is not None and news_vs_history(prev, ev):
                continue
            if ev.date is None and prev.date is not None and news_vs_history(ev, prev):
                continue
            if prev.date == ev.date or prev.date is None or ev.date is None or ev.type == "negotiation":
                twin = prev  # (talks between the same parties on the same system are one set of talks, told
                break  # as under way on the report's day and as opened in June: they date from their start)
        if twin is None:
            out.append(ev)
            continue
        if twin.type == "negotiation" and twin.date and ev.date and (
            ev.date.startswith(twin.date) or ev.date < twin.date and not twin.date.startswith(ev.date)
        ):
            twin.date = ev.date  # the earlier start, or the same month told to the day, and who tells it
            if ev.factuality == twin.factuality:
                twin.source, twin.source_kind = ev.source, ev.source_kind
        if twin.date is None and ev.date is not None:
            twin.date = ev.date
        if ev.factuality == "denied" and ev.source_kind in ("person", "official") and (
            twin.factuality == "reported" and twin.source_kind in ("outlet", "reports")
        ):  # "Africa Intelligence reported that Malawi agreed to buy Anka drones ... 'Malawi has not purchased
            # drones from Turkey,' the minister said": the article tells the press claim once, as the party denies it
            twin.factuality, twin.source, twin.source_kind = ev.factuality, ev.source, ev.source_kind
        twin.quantity = twin.quantity or ev.quantity
        twin.value = twin.value or ev.value
    for ev in out:
        denial = next((o for o in out if o is not ev and o.key() == ev.key() and o.factuality == "denied"
                       and o.source_kind in ("person", "official")), None)
        if denial is not None and ev.factuality == "reported" and ev.source_kind in ("outlet", "reports"):
            # a press claim dated apart from the party's denial ("denied on Wednesday that it had signed ... a
            # report last week that Kampala had signed in January"): the article tells the claim as denied
            ev.factuality, ev.source, ev.source_kind = denial.factuality, denial.source, denial.source_kind
    # "no negotiations with the Russian side on Su-35 aircraft" after "talks with Russia on Su-35s for Baku":
    # a mention that leaves the buyer out is the same deal, not another one with an unknown buyer
    return [ev for ev in out if not (ev.recipient is None and ev.type in _BUYER_TYPES and any(
        o is not ev and o.recipient is not None and (o.type, o.supplier, o.system) == (ev.type, ev.supplier, ev.system)
        for o in out))]


_BUYER_TYPES = {"order", "negotiation", "delivery", "offer", "delay", "cancellation"}
