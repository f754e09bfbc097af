"""How certain a claim is: negation, denial, modality, hedges — each cue scoped to its clause.

A cue only counts when it sits on the trigger's own verb chain: the trigger,
its auxiliaries and modifiers, and the verbs governing it through complement
clauses ("is considering buying", "refrained from imposing"). A relative or
adverbial clause is a scope boundary, so "the request reportedly comes as
Türkiye develops its own system" leaves the development asserted.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from armsledger.extract.attribution import Attribution
from armsledger.extract.lexicon import (
    DENIAL_NOUNS,
    DENIAL_WORDS,
    DENIED_OBJECTS,
    FUTURE_MODALS,
    NEGATING_VERBS,
    NEGATION_WORDS,
    NOUN_TRIGGERS,
    PLANNED_WORDS,
    REPORT_HEDGES,
    REPORTING_VERBS,
    SPECULATIVE_MODALS,
    SPECULATIVE_WORDS,
    WEIGHING_WORDS,
)

# Dependencies through which a governing word still scopes over the trigger.
_PASS_UP = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "aux", "auxpass", "acomp", "attr", "nsubj",
            "nsubjpass", "compound", "amod", "oprd", "advmod", "dep", "nmod", "poss"}
# Nouns of intent whose infinitive is the event intended ("no plans to buy", "an intention to order").
_INTENT_NOUNS = {"plan", "intention", "intent", "desire", "wish", "ambition"}
# Clause boundaries: cues above them do not reach the trigger.
_BOUNDARY = {"relcl", "advcl", "acl", "appos", "conj", "parataxis", "cc", "mark", "npadvmod"}


def _chain(trigger: Token, max_up: int = 5) -> list[Token]:
    """The trigger and the words that govern it within its clause."""
    chain = [trigger]
    tok = trigger
    for _ in range(max_up):
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in _INTENT_NOUNS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):  # "has no plans to buy", "the plan to buy": the plan's own cues govern the purchase
            tok = tok.head
            chain.append(tok)
            continue
        if tok.head == tok or tok.dep_ in _BOUNDARY:
            break
        if tok.dep_ not in _PASS_UP:
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _cues(chain: list[Token]) -> list[tuple[Token, str]]:
    """(token, role) pairs of every word on the chain and of its auxiliaries/modifiers."""
    out: list[tuple[Token, str]] = []
    for tok in chain:
        out.append((tok, "head"))
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass", "neg", "advmod", "amod", "det", "mark", "prep", "acomp", "npadvmod"):
                out.append((c, c.dep_))
    return out


def classify(trigger: Token, attribution: Attribution, *, future_date: bool = False) -> str:
    """One of asserted, reported, speculated, planned, denied, negated (GUIDE.md)."""
    if trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_.lower() in DENIAL_WORDS | {"exclude"} and (
        _negated(trigger.head)
    ):  # "did not rule out sanctions on Ethiopia", "penalties cannot be ruled out": left open, not denied
        return "speculated"
    if denial_verb(trigger) is not None:
        return "denied"
    chain = _chain(trigger)
    cues = _cues(chain)
    lemmas = {t.lemma_.lower() for t, _ in cues} | {t.lower_ for t, _ in cues}
    if any(t.lemma_.lower() == "set" and any(c.lower_ in ("aside", "up", "out") for c in t.children) for t, _ in cues):
        lemmas -= {"set"}  # "the bids were set aside in April": turned down, not "set to" (scheduled)
    # denial: a party denies a report or the event ("ruled out any postponement", "dismissed reports that ...")
    for tok in chain[1:]:
        lemma = tok.lemma_.lower()
        if lemma in ("rule", "exclude") and _negated(tok) and (lemma == "exclude" or any(
            c.lower_ == "out" for c in tok.children
        )):
            return "speculated"  # "did not rule out that Ukraine could receive older jets": left open
        if lemma in DENIAL_WORDS and lemma != "reject" or (lemma == "reject" and _objects_report(tok)):
            if lemma == "rule" and not any(c.lower_ == "out" for c in tok.children) or _negated(tok):
                continue
            return "denied"
    if _refuted_appositive(trigger):
        return "denied"
    # negation on the trigger's own chain
    infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in trigger.children)
    for tok in chain:  # "No agreement has been concluded", "no deliveries have been made"
        if _nothing_subject(tok):
            return "negated"
    if any(c.dep_ == "dobj" and (c.lower_ in ("nothing", "none") or any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in trigger.children):
        return "negated"  # "has supplied no weapons", "signed no new contract", "had signed nothing", "delivered none"
    if _nor_inverted(trigger):
        return "negated"  # "Nor had Harare signed anything": the inverted "nor" clause denies it
    for tok, role in cues:
        if role == "neg" and _judged(tok.head):
            continue  # "it is not fair to exclude Turkey": a judgement of the event, which still happens
        if role == "neg" and tok.head.lemma_ == "be" and trigger.dep_ == "nsubj" and trigger.head == tok.head and (
            trigger.pos_ in ("NOUN", "PROPN") and not _unsettled(tok.head)
        ):
            continue  # "the purchase, ordered in 2023, is not part of the review": said of the event, which stands
        if role == "neg" and _not_until(tok.head):
            continue  # "will not arrive until 2027": the timing is negated, the event comes then
        if role == "neg" or (role == "det" and tok.lower_ == "no"):
            return "negated"
        if tok.lemma_.lower() in NEGATING_VERBS and tok != trigger and not (
            tok.lemma_.lower() == "decline" and trigger.pos_ == "NOUN" and trigger.head == tok
        ):  # (but "a proposal ... was declined": the proposal was made, and turned down)
            return "negated"
        if tok.lower_ == "yet" and (infinitive or any(c.lower_ == "to" for c in tok.head.children)):
            return "negated"  # "has yet to sign"
    if _counterfactual(chain):
        return "negated"  # "would have delivered ... if the deal had not collapsed"
    if _under_speculation_noun(trigger):
        return "speculated"  # "speculation that Egypt will buy"
    # conditional / interrogative speculation about the event itself
    for tok, _role in cues:
        if tok.lower_ in ("whether", "if") and tok.head in chain:
            return "speculated"
    if any(_conditional(tok) for tok in chain):
        return "speculated"
    # a possibility stays one whoever tells it ("a contract could be signed next year, the paper said"); a
    # "potential repurchase" that a paper reports is the paper's report
    for tok, role in cues:
        if role in ("aux", "auxpass") and tok.lower_ in SPECULATIVE_MODALS:
            return "speculated"
    if lemmas & WEIGHING_WORDS:
        return "speculated"  # "is weighing the purchase of X, the daily reported": a choice still open, whoever
        # tells it (a "potential repurchase" a paper reports is the paper's report)
    if attribution.hearsay:
        return "reported"
    if any(t.lower_ in REPORT_HEDGES for t, _ in cues):
        return "reported"
    if lemmas & SPECULATIVE_WORDS:
        return "speculated"
    if trigger.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return "asserted"  # "signed for 12 more last month; the first are due in 2027": what was done is no plan
    for tok, role in cues:
        if role in ("aux", "auxpass") and (tok.lower_ in FUTURE_MODALS or tok.lower_ == "would"):
            if tok.lower_ == "would" and any(c.lower_ == "have" for c in tok.head.children if c.dep_ == "aux"):
                continue  # counterfactual "would have placed": a past proposal, not a plan
            return "planned"
    if lemmas & PLANNED_WORDS or _is_to_be(chain):
        return "planned"
    if future_date:
        return "planned"
    return "asserted"


# Adjectives that judge an event rather than deny it: "it is not fair / right / acceptable to exclude Turkey"
_JUDGEMENTS = {"fair", "right", "wise", "acceptable", "appropriate", "reasonable", "justified", "legitimate", "just",
               "helpful", "constructive"}


def _judged(verb: Token) -> bool:
    """Whether ``verb`` is a copula carrying a judgement ("is not fair"), so its "not" negates the judgement."""
    return verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in _JUDGEMENTS for c in verb.children)


_SETTLED = {"deal", "final", "certain", "done", "sealed", "complete", "definite", "agreed", "settled", "finalised",
            "finalized", "happen", "happening", "signed", "binding"}


def _unsettled(copula: Token) -> bool:
    """Whether "is not ..." says the event itself is not settled ("the sale is not a done deal", "not final")."""
    return any(c.dep_ in ("attr", "acomp") and c.lower_ in _SETTLED for c in copula.children)


_UNTIL = {"until", "till", "before"}
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "year", "month", "spring", "summer", "autumn", "fall", "winter", "end"}


def _not_until(verb: Token) -> bool:
    """Whether a negated verb is bounded by a date ("not expected before 2028", "not until next year"), which puts
    the event at that date rather than denying it."""
    return any(
        prep.dep_ == "prep" and prep.lower_ in _UNTIL
        and any(t.like_num or t.lower_ in _MONTH_WORDS or re.search(r"\d{4}", t.text)  # ("until mid-2027")
                for t in prep.subtree if t != prep)
        for prep in verb.children
    )


def _no_subject(subject: Token) -> bool:
    """ "None of the missiles has gone", "not one of the jets has arrived", "nobody has sold": nothing did."""
    return subject.lower_ in ("none", "neither", "nothing", "nobody", "no-one") or (
        subject.lower_ == "one" and any(c.dep_ in ("neg", "advmod") and c.lower_ == "not" for c in subject.children)
    )


def _nothing_subject(verb: Token) -> bool:
    """Whether the verb's subject says nothing/nobody did it ("No agreement has been concluded", "No one has
    offered us Z-9s", "Nobody has sold us ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (_no_subject(c) or any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in verb.children)


def _nor_inverted(verb: Token) -> bool:
    """ "Nor had Harare signed anything", "neither has Lima received one": "nor" before an inverted auxiliary."""
    subject = next((c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ in ("cc", "preconj") and c.lower_ in ("nor", "neither") and c.i < subject for c in verb.children
    ) and any(c.dep_ in ("aux", "auxpass") and c.i < subject for c in verb.children)


def _conditional(verb: Token) -> bool:
    """Whether the verb's clause holds only under a condition ("if it does, the first helicopters would arrive in
    2029", "even if a contract were signed, deliveries would start in 2028"): hypothetical, so speculated."""
    return any(c.lower_ == "would" and c.dep_ == "aux" for c in verb.children) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children)


def plain_negation(trigger: Token) -> bool:
    """Whether the trigger's own chain carries "not"/"never"/"no" (as opposed to "declined to", "failed to"),
    leaving out reporting verbs ("officials have not said whether ..." negates the saying, not the event)."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("neg", "det", "advmod")
               or c.dep_ == "dobj" and c.lower_ in ("nothing", "none")  # "has signed nothing" (= not anything)
               for tok in _chain(trigger) if tok.lemma_.lower() not in REPORTING_VERBS for c in tok.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


_FALSE_WORDS = frozenset({"false", "untrue", "baseless", "groundless", "unfounded", "incorrect", "wrong", "inaccurate",
                          "fabricated", "fake"})
# what a claim "is" when it is denied: "the story was pure invention", "the report is a fabrication"
_FALSE_NOUNS = frozenset({"invention", "fabrication", "fiction", "fantasy", "nonsense", "lie", "lies", "rumour",
                          "rumor", "speculation", "disinformation", "misinformation", "imagination", "fake"})


def denial_verb(trigger: Token, max_up: int = 7) -> Token | None:
    """The verb of a denial that covers the trigger: "dismissed reports that X had offered to buy ..."

    A denial reaches through clause boundaries, unlike other cues, because what
    is denied is the whole reported proposition; it must be a denial verb whose
    object is a report/claim noun, or "ruled out"/"denied" with the event as object.
    """
    tok = trigger
    for _ in range(max_up):
        if tok.head == tok:
            return None
        child, tok = tok, tok.head
        lemma = tok.lemma_.lower()
        if child != trigger and child.pos_ == "NOUN" and child.lemma_.lower() in NOUN_TRIGGERS:
            return None  # "ruled out any delay in the delivery": the delay is denied, not the delivery
        content = child.dep_ in ("acl", "ccomp") or child.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ not in ("that", "which") for c in child.children)  # ("the report that
        # Chad had bought ...", parsed as a relative clause with "that" its object)
        if lemma in DENIED_OBJECTS and content and tok.pos_ == "NOUN":
            # "Any claim that the Arma has been selected is false", "pushing back against reports that ..."
            verb = tok.head
            false = next((c for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() in _FALSE_WORDS
                          or c.dep_ == "attr" and c.lemma_.lower() in _FALSE_NOUNS), None)
            if tok.dep_ in ("nsubj", "nsubjpass") and false is not None:
                return false  # (who calls it false is whoever the sentence quotes, not the claim)
            if tok.dep_ == "pobj" and tok.head.lower_ == "against" and verb.head.lemma_.lower() == "push" and any(
                c.lower_ == "back" for c in verb.head.children
            ):
                return verb.head
        if lemma in DENIAL_WORDS and child.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass"):
            if lemma == "rule" and not any(c.lower_ == "out" for c in tok.children) or _negated(tok):
                continue  # ("has not ruled out a second batch": no denial)
            if lemma == "reject" and child.lemma_.lower() not in DENIED_OBJECTS:
                continue
            return tok
        if tok.pos_ == "VERB" and child.dep_ == "ccomp" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in DENIAL_NOUNS for c in tok.children
        ):  # "repeated the government's rejection of the story, that Cambodia had agreed to buy ...": a denial
            return tok
        if tok.pos_ in ("VERB", "AUX") and child.dep_ in ("relcl", "advcl", "conj"):
            return None
    return None


def _counterfactual(chain: list[Token]) -> bool:
    for tok in chain:
        auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
        if "would" in auxes and "have" in auxes and tok.tag_ == "VBN":
            return any(c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in tok.children)
    return False


def _under_speculation_noun(trigger: Token) -> bool:
    tok = trigger
    for _ in range(4):
        if tok.head == tok:
            return False
        child, tok = tok, tok.head
        if tok.lemma_.lower() in ("speculation", "possibility", "rumour", "rumor", "prospect", "likelihood") and (
            child.dep_ in ("acl", "ccomp", "relcl", "pcomp", "pobj", "prep")
        ):
            return True
    return False


def _objects_report(verb: Token) -> bool:
    return any(c.lower_ in DENIED_OBJECTS or c.lemma_.lower() in DENIED_OBJECTS for c in verb.children)


def _refuted_appositive(trigger: Token) -> bool:
    """'..., a claim Turkish officials quickly refuted' denies the clause it follows."""
    sent = trigger.sent
    for tok in sent:
        if tok.lemma_.lower() in ("refute", "deny", "dismiss") and tok.i > trigger.i:
            head = tok.head
            if head.lower_ in DENIED_OBJECTS and head.dep_ in ("appos", "npadvmod", "dobj", "attr"):
                return True
    return False


def _is_to_be(chain: list[Token]) -> bool:
    """'is to reach', 'are to be delivered' (tagged VB or VBN): a scheduled event."""
    for tok in chain:
        passive = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in tok.children)
        if (tok.tag_ == "VB" or passive) and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children):
            head = tok.head
            if head.lemma_ == "be" and head.dep_ in ("ROOT", "ccomp", "relcl", "conj") and not any(
                c.dep_ == "acomp" for c in head.children
            ):  # "it is (not) fair to exclude" judges the event, it does not schedule it
                return True
    return False


def negation_words() -> frozenset[str]:
    """Exposed for tests and the CLI's explain output."""
    return NEGATION_WORDS
