"""Who a claim comes from: reporting verbs and their subjects, "according to", hedges, quotes.

An attribution is found per trigger token. It names the source as written
("Nefes", "Mevlut Cavusoglu", "people familiar with the deliberations") and
classifies it, because the *kind* of source decides factuality: an outlet or an
anonymous source makes a claim ``reported``; an on-record official keeps it
``asserted`` (GUIDE.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from armsledger.extract.lexicon import ANONYMOUS_SOURCES, REPORT_HEDGES, REPORT_NOUNS, REPORTING_VERBS
from armsledger.extract.mentions import GENERIC_SYSTEM_NOUNS, STATE_LABELS, Mention

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "some", "two",
                "three", "four", "five", "several", "many", "other", "both", "all"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "madam"}
_RANKS = {"General", "Lieutenant", "Colonel", "Major", "Captain", "Admiral", "Brigadier", "Commodore", "Marshal",
          "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Adm.", "Brig."}  # before a name the tagger missed
# "according to the agreed timeline": documents and plans are not who says so
_NOT_SOURCES = {"timeline", "schedule", "plan", "contract", "agreement", "deal", "document", "data", "figure",
                "estimate", "term", "law", "rule", "budget", "programme", "program"}
_CLAUSE_EDGES = {"relcl", "acl", "appos", "advcl", "conj"}


@dataclass(slots=True)
class Attribution:
    """The source of a claim and what kind of source it is."""

    source: str
    kind: str  # self | outlet | person | official | anonymous | reports
    verb: Token | None = None  # the reporting verb, for dates ("reported on Saturday")
    cited: str | None = None  # "citing X": the outlet the source relies on

    @property
    def hearsay(self) -> bool:
        return self.kind in ("outlet", "anonymous", "reports")


SELF = Attribution("self", "self")


class AttributionFinder:
    """Finds the attribution of triggers in one document, remembering the outlets it cites."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.last_outlet: str | None = None  # the outlet most recently cited (for "the publication", "reportedly")
        self.open_quote: Attribution | None = None
        self.spoke_on: dict[str, str] = {}  # source -> the date the article last gave for what it said
        self._people = [m for m in mentions if m.label == "PERSON"]
        self._outlets = [m for m in mentions if m.label == "OUTLET"]
        # organisations the article spells out somewhere ("the Defense Security Cooperation Agency")
        self._spelled_out = {m.canonical for m in mentions if m.label == "ORG" and " " in m.text}
        self._titled: dict[str, str | None] | None = None  # title word -> the one person the article gives it

    def _person_titled(self, head: Token) -> str | None:
        """The person the article names with the title ``head`` ("the prime minister" after "Prime Minister Ulf
        Kristersson"; "a deputy defence minister said" before "Colonel Nurlan Asanbekov, the deputy minister"),
        if exactly one person carries it."""
        if self._titled is None:
            self._titled = {}
            for m in self._people:
                root = head.doc[m.end - 1]
                titles = [t for t in head.doc[max(0, m.start - 4) : m.start] if t.dep_ == "compound"
                          and t.head.i in range(m.start, m.end)]  # "Prime Minister Ulf Kristersson"
                titles += [t for t in root.children if t.dep_ == "appos"]  # "Ulf Kristersson, the prime minister"
                if root.dep_ == "appos":
                    titles.append(root.head)  # "the deputy minister, Nurlan Asanbekov"
                for t in titles:
                    word = t.lemma_.lower()
                    if word in _TITLE_WORDS:
                        known = self._titled.get(word, m.canonical)
                        self._titled[word] = m.canonical if known == m.canonical else None
        return self._titled.get(head.lemma_.lower())

    def _person_before(self, pronoun: Token) -> str | None:
        """The person "he" or "she" stands for: the last speaker named in this sentence or the ones before it (up to
        ``_PRONOUN_REACH``), the way a report names a speaker once and goes on with "he said" ("Colonel Ruben
        Alvarado, the spokesman, told reporters ... The contract was signed in October, he said"), however many
        paragraphs of his later."""
        doc = pronoun.doc
        upto = [s.start for s in doc.sents if s.start <= pronoun.i] if doc.has_annotation("SENT_START") else [0]
        floor = upto[max(0, len(upto) - _PRONOUN_REACH)]  # the pronoun's sentence and those before it
        before = [m for m in self._people if floor <= m.start and m.end <= pronoun.i and _speaks(m, doc)]
        return before[-1].canonical if before else None

    # --- naming sources ------------------------------------------------------------------------

    def note_cited(self, sent: Span, mentions: list[Mention]) -> None:
        """Remember the outlet a sentence without an event names ("..., the Times of Eswatini reported", "the
        point raised by the Sunday Times"): "the paper said" and "is understood to" in the next sentences mean it."""
        outlets = [m for m in mentions if m.label == "OUTLET"]
        if outlets:
            self.last_outlet = outlets[-1].canonical

    def _cite(self, outlet: str) -> Attribution:
        """An outlet named as the source, remembered as the one "the paper" and "reportedly" then mean."""
        self.last_outlet = outlet
        return Attribution(outlet, "outlet")

    def _name(self, head: Token) -> Attribution:
        """Turn the subject of a reporting verb into a named, classified source."""
        if head.lower_ in ("he", "she"):
            person = self._person_before(head)
            if person is not None:  # "..., he said": the person last named
                return Attribution(person, "person")
        if head.pos_ in ("ADP", "PRON", "DET", "SCONJ") and head.i not in self.by_token:
            return SELF  # "of which", "it", "that": no name to give
        if head.lemma_.lower() in _DOCUMENT_NOUNS and head.text.islower() and head.i not in self.by_token:
            # (not a name: "the Andean Defence Letter reported")
            issuer = next((c for c in head.children if c.dep_ in ("poss", "compound") and c.pos_ in ("NOUN", "PROPN")
                           and c.ent_type_ not in ("DATE", "TIME")), None)
            if issuer is None:
                issuer = _releaser(head)
            if issuer is not None:  # "the ministry's statement", "a ministry statement": who issued it
                return self._name(issuer)
        mention = self.by_token.get(head.i)
        if mention is None or mention.label not in ("OUTLET", "PERSON"):
            # "Turkish media outlet Nefes", "Dmitry Shugaev, director of ...": the best-named entity in the phrase
            rank = {"OUTLET": 0, "PERSON": 1, "ORG": 2}
            inside = [self.by_token[t.i] for t in head.subtree
                      if t.i in self.by_token and self.by_token[t.i].label in rank
                      and (t.dep_ in ("compound", "appos", "flat", "nsubj", "poss", "nmod") or t.i == head.i)]
            if mention is not None and mention.label in rank:
                inside.append(mention)
            if inside:
                mention = min(inside, key=lambda m: (rank[m.label], abs(m.start - head.i)))
        if mention is not None:
            if mention.label == "OUTLET":
                self.last_outlet = mention.canonical
                return Attribution(mention.text, "outlet")
            if mention.label == "PERSON" and not _named_publication(head):
                return Attribution(mention.canonical, "person")
            if mention.label == "PERSON":  # "the daily La Prensa reported": a paper the tagger took for a person
                return self._cite(mention.canonical)
            if mention.label == "ORG":
                # "DSCA" after "the Defense Security Cooperation Agency (DSCA)": the full name; an acronym the
                # article never spells out ("the UPDF said") is the name its readers know
                acronym = mention.text.isupper() and " " not in mention.text
                spelled = acronym and mention.canonical in self._spelled_out
                return Attribution(mention.canonical if spelled else mention.text, "official")
            if mention.label in ("COUNTRY", "CAPITAL", "METONYM", "DEMONYM") and mention.start <= head.i < mention.end:
                return Attribution(mention.text, "official")
        if head.lemma_.lower() in REPORT_NOUNS and head.lemma_.lower() not in ("report", "media", "press"):
            title = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                          and c.i not in self.by_token), None)
            if title is not None:  # "the private news agency Sahara Medias": a publication the catalog lacks
                return self._cite(self._phrase(title))
        phrase = self._phrase(head)
        lemma = head.lemma_.lower()
        if head.lower_ in REPORT_NOUNS or head.lower_ in ANONYMOUS_SOURCES:
            lemma = head.lower_  # spaCy lemmatises "media" to "medium"
        if lemma in REPORT_NOUNS and self.last_outlet and (lemma not in ("report", "reports", "media") or any(
            c.lower_ in ("same", "that", "this") for c in head.children if c.dep_ in ("amod", "det")
        )):  # "the agency said", "the same report said": the outlet just cited
            return Attribution(self.last_outlet, "outlet")
        if lemma in REPORT_NOUNS:  # "a Turkish newspaper reported": an outlet, even unnamed
            return Attribution(phrase, "reports")
        if lemma in ("report", "media", "press") or head.lower_ in ("reports",):
            return Attribution(phrase, "reports")
        if lemma in ANONYMOUS_SOURCES or head.lower_ in ANONYMOUS_SOURCES:
            anonymous = lemma in ("source", "people", "person", "insider") or _unnamed(head)
            return Attribution(phrase, "anonymous" if anonymous else "official")
        if head.pos_ == "PRON":
            return SELF
        if head.lemma_.lower() in _TITLE_WORDS and not any(t.pos_ == "PROPN" for t in head.subtree):
            person = self._person_titled(head)
            if person is not None:
                return Attribution(person, "person")
        if head.pos_ == "PROPN":  # "Marizamunda said", a surname the tagger missed: the person named in full before
            named = [m.canonical for m in self._people if m.end <= head.i and m.canonical.endswith(" " + phrase)]
            if named:
                return Attribution(named[-1], "person")
            papers = [m.canonical for m in self._outlets if m.end <= head.i and m.canonical.endswith(" " + phrase)]
            if papers:  # "the Independent wrote" after "the weekly Zimbabwe Independent reported": that paper
                return self._cite(papers[-1])
            if _named_publication(head):  # "the weekly Semanario Universidad reported": a publication the catalog
                kinds = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound", "nmod")}  # lacks
                return self._cite(" ".join(w for w in phrase.split() if w.lower() not in kinds or w[:1].isupper()))
        return Attribution(phrase, "official")

    def _phrase(self, head: Token) -> str:
        """The compact noun phrase of ``head``: modifiers to its left, "familiar with ..." to its right."""
        left = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "det")]
        start = min([head.i] + [min(t.i for t in x.subtree) for x in left])
        end = head.i + 1
        for right in head.rights:
            if right.dep_ in ("amod", "acl", "prep") and right.lower_ in ("familiar", "close", "with", "of", "in"):
                end = max(t.i for t in right.subtree) + 1
                break
        words = [t.text for t in head.doc[start:end] if not (t.is_punct or t.is_space)]
        while words and (words[0].lower() in _DETERMINERS or words[0].rstrip(".").lower() in _HONORIFICS
                         or len(words) > 1 and words[0] in _RANKS and words[1][:1].isupper()):
            words.pop(0)  # "the", "Mr", "Colonel": not part of the name
        return " ".join(words) or head.text

    # --- finding attributions ------------------------------------------------------------------

    def find(self, trigger: Token, sent: Span) -> Attribution:
        """The attribution governing ``trigger`` within its sentence, else the quote it belongs to."""
        # 1. a reporting verb above the trigger ("X said that ... trigger")
        tok = trigger
        while tok.head != tok:
            child, tok = tok, tok.head
            if tok.lemma_.lower() == "declare" and trigger.pos_ == "ADJ":
                continue  # "declared the battery operational": the declaration is the act, not a report of it
            if tok.lemma_.lower() in REPORTING_VERBS and child.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "advcl",
                                                                          "conj", "prep", "pobj", "nsubj") or (
                tok.lemma_.lower() in _THAT_REPORTERS and child.dep_ == "ccomp"
            ):  # ("She complained that Washington had refused ...", not "complained about its shrinking fleet")
                if any(c.dep_ == "dobj" and c.lower_ == "nothing" for c in tok.children):
                    report = _report_that(trigger, sent)  # "Bamako has said nothing about a report that ...":
                    return self._name(report) if report is not None else SELF  # silence is nobody's claim
                att = self._from_verb(tok)
                if att is not None and child.dep_ != "nsubj":
                    return att
        # 1b. the "that" clause of a report or claim noun: "the Nyasa Times account that Rosoboronexport had
        # pitched Mi-171Sh helicopters" is the paper's claim, whoever goes on to discuss it
        claim = _report_that(trigger, sent, _CLAIM_NOUNS)
        if claim is not None:
            that = next(w.i for w in sent.doc[claim.i + 1:trigger.i] if w.lower_ == "that")
            owner = next((self.by_token[t.i] for t in sent.doc[claim.left_edge.i:that] if t.i in self.by_token
                          and self.by_token[t.i].label in ("OUTLET", "PERSON")), None)  # ("the claim by X that")
            if owner is not None and owner.label == "OUTLET":
                return self._cite(owner.canonical)
            if owner is not None:
                return Attribution(owner.canonical, "person")
            named = next((c for c in claim.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None) or (
                next((g for p in claim.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.subtree
                      if g.pos_ == "PROPN" and g.i < that and g.dep_ in ("pobj", "appos")), None))
            if named is not None:  # ("a Nyasa Times story that ...": a publication the catalog lacks)
                return self._cite(self._phrase(named))
            return Attribution("reports", "reports")
        # 2. "according to X" anywhere on the trigger's clause or the sentence
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                anchor = t.head
                while anchor.pos_ not in ("VERB", "AUX") and anchor.head != anchor:
                    anchor = anchor.head
                if anchor.dep_ == "conj" and anchor != trigger and not anchor.is_ancestor(trigger):
                    continue  # "X sent them in 2022, and crews have used them ..., according to Y": Y tells the use
                objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
                if objs and objs[0].lemma_.lower() not in _NOT_SOURCES:
                    att = self._name(objs[0])
                    if att.kind == "official" and objs[0].pos_ == "PROPN" and objs[0].i not in self.by_token and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in objs[0].children
                    ):  # "according to the Levant Security Brief": a publication the catalog lacks (not a person)
                        att.kind = "outlet"
                        self.last_outlet = att.source
                    return att
        # 2b. "by the minister's count", "by Lisbon's account": the reckoning's owner says so
        for t in sent:
            if t.lower_ == "by" and t.i < trigger.i:
                noun = next((g for g in t.children if g.dep_ == "pobj" and g.lemma_.lower() in _RECKONING_NOUNS), None)
                owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
                if owner is not None:
                    att = self._name(owner)
                    if att.kind != "self":
                        return att
        # 3. a sentence-final attribution ("..., Nefes reported on Saturday.") attached below the root
        root = sent.root
        for t in sent:
            if (t.lemma_.lower() in REPORTING_VERBS and t != root and t.dep_ in ("advcl", "parataxis", "ccomp")
                    and t.head == root and t.i > trigger.i
                    and not any(c.dep_ == "ccomp" for c in t.children)):  # "..., arguing that Y" reports Y only
                att = self._from_verb(t)
                if att is not None:
                    return att
        for t in root.children:  # "Nor, she added, had Harare signed anything": a reporting clause set off by commas
            words = [w.i for w in t.subtree if not w.is_punct]
            if t.dep_ == "parataxis" and t.lemma_.lower() in REPORTING_VERBS and t.i < trigger.i and (
                words[0] > sent.start and t.doc[words[0] - 1].text == ","
                and words[-1] + 1 < sent.end and t.doc[words[-1] + 1].text == ","
            ):
                att = self._from_verb(t)
                if att is not None:
                    return att
        if root.lemma_.lower() in REPORTING_VERBS and root.i > trigger.i:
            att = self._from_verb(root)
            if att is not None:
                return att
        # 3b. "..., the daily Nefes reported on Saturday, citing ...": a comma-led attribution after the claim,
        # wherever the parser attached it
        for t in sent:
            if t.i > trigger.i and t.lemma_.lower() in REPORTING_VERBS and t.pos_ == "VERB" and not any(
                c.dep_ == "ccomp" for c in t.children
            ):  # "..., and the minister has said that Y" reports Y, not what came before
                subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not subj and t.dep_ == "acl":
                    subj = [t.head]
                window = t.doc[max(sent.start, subj[0].left_edge.i - 2):subj[0].i] if subj else []
                if subj and any(x.text == "," for x in window):  # '..., Nefes reported' / '...," Cavusoglu stated'
                    att = self._from_verb(t)
                    if att is not None:
                        return att
        # 4. a hedge on the trigger's own clause: "reportedly", "allegedly" -> the outlet the article relies on
        clause = set()
        tok = trigger
        while True:
            clause.add(tok.i)
            if tok.head == tok or tok.dep_ in _CLAUSE_EDGES:
                break
            tok = tok.head
        if any(t.lower_ in REPORT_HEDGES and t.head.i in clause for t in sent) or any(
            sent.doc[i].dep_ == "xcomp" and _hearsay_raiser(sent.doc[i].head) for i in clause
        ):  # ("Airbus is understood to have proposed four H215s", "is said to have offered")
            return Attribution(self.last_outlet, "outlet") if self.last_outlet else Attribution("reports", "reports")
        return SELF

    def _from_verb(self, verb: Token) -> Attribution | None:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [
            c for c in verb.children if c.dep_ == "nsubjpass"  # (but "a postponement was announced by the
            and not any(a.dep_ == "agent" for a in verb.children)]  # ministry": who announced it, below)
        if verb.lemma_.lower() == "according" or _hearsay_raiser(verb) and any(
            c.dep_ == "xcomp" for c in verb.children
        ):
            return None  # ("Saab is said to have offered Gripens": hearsay about Saab, not Saab speaking)
        # "Guatemala has bought two King Air aircraft ..., the daily Prensa Libre reported": arms the parser made
        # the subject say nothing; the speaker is found as for a subject it missed
        subjects = [c for c in subjects if not (c.lower_ in GENERIC_SYSTEM_NOUNS or c.i in self.by_token
                                                and self.by_token[c.i].label == "SYSTEM")]
        if not subjects:
            agents = [c for c in verb.children if c.dep_ == "agent"]
            subjects = [p for a in agents for p in a.children if p.dep_ == "pobj"]
        if not subjects and verb.dep_ == "acl" and verb.head.i in self.by_token:
            subjects = [verb.head]  # "..., the daily Nefes reported on Saturday" parsed as a participle
        if not subjects and verb.dep_ in ("xcomp", "conj") and verb.head != verb:
            # "local media have begun reporting that ...", "confirmed and said ..."
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() not in ("cite", "quote")
        if not subjects and participle:  # ("citing X" names the report's own source, not the report's author)
            # "X demanded ..., threatening sanctions": a participle's subject is the clause's, however deep
            # the parser attached it
            up = verb.head
            for _ in range(4):
                if any(c.dep_ == "nsubjpass" for c in up.children):
                    break  # "proposals were rejected by Turkey, arguing ...": not the passive's subject
                subjects = [c for c in up.children if c.dep_ == "nsubj"]
                if subjects or up.head == up:
                    break
                up = up.head
        if not subjects and verb.i > 0 and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN"):
            # "..., the head of Russia's arms agency said on Sunday": a subject the parser attached elsewhere
            head = verb.doc[verb.i - 1]
            while head.head != head and head.head.i < verb.i and head.dep_ in ("pobj", "compound", "poss", "prep",
                                                                                  "amod", "flat"):
                head = head.head
            while head.pos_ == "ADP" and head.head != head:
                head = head.head
            subjects = [head]
        # "Nefes, which wrote that ...": the relative pronoun stands for the noun the clause hangs from
        subjects = [verb.head if t.lower_ in ("which", "who", "that") and verb.dep_ == "relcl" else t for t in subjects]
        # a dateline ("NEW DELHI:", "ANKARA –") is where the story was filed, not who says it
        # ("The UPDF said" is a force by its acronym, not a dateline)
        subjects = [t for t in subjects if not (t.i < 4 and t.text.isupper() and len(t.text) > 2) or (
            t.i in self.by_token and self.by_token[t.i].label in ("ORG", "OUTLET"))]
        if not subjects:
            return None
        att = self._name(subjects[0])
        if att.kind == "self":
            return None
        head = subjects[0]
        titled = any(c.dep_ == "compound" and c.lemma_.lower() in REPORT_NOUNS for c in head.children)
        if (att.kind == "official" or att.kind == "person" and titled) and verb.lemma_.lower() == "report" and (
            head.pos_ == "PROPN"
        ) and (
            head.i not in self.by_token or self.by_token[head.i].label not in ("PERSON", *STATE_LABELS) or titled
        ):  # "Africa Intelligence reported", "the news agency Sahel Wire reported": a name the catalog lacks,
            # reporting (or called an agency), is a news outlet
            att.kind = "outlet"
            self.last_outlet = att.source
        if att.kind == "official" and any(
            t.lower_ == "anonymity" for c in verb.children if c.dep_ not in ("ccomp", "xcomp") for t in c.subtree
        ):
            att.kind = "anonymous"  # "Officials, speaking on condition of anonymity, said ..."
        for c in verb.subtree:
            if c.lower_ in ("citing", "quoting"):
                for obj in c.subtree:
                    m = self.by_token.get(obj.i)
                    if m is not None and m.label == "OUTLET":
                        att.cited = m.canonical
                        break
        if att.cited is None:
            # "X told Sputnik", "said in an interview with TASS", "speaking to Reuters": the outlet that published it
            for c in verb.children:
                targets = list(c.subtree) if c.dep_ in ("dobj", "dative") or (
                    c.dep_ == "prep" and c.lower_ in ("to", "with")) else []
                for t in targets:
                    m = self.by_token.get(t.i)
                    if m is not None and m.label == "OUTLET":
                        att.cited = m.canonical
                        break
        att.verb = verb
        return att


# verbs that report only through their "that" clause ("complained that", "replied that")
_THAT_REPORTERS = frozenset({"complain", "reply", "respond", "protest", "boast", "retort", "counter", "answer"})
# titles an article gives one named person and then uses alone ("the minister said")
_PRONOUN_REACH = 20  # sentences back (its own included) in which "he said" finds its speaker
_TITLE_WORDS = {"minister", "spokesman", "spokeswoman", "spokesperson", "secretary", "president", "ambassador",
                "commander", "chief", "director", "premier", "chairman", "chairwoman"}
# papers a source issues: the source is their issuer ("the ministry's statement said" -> the ministry)
_DOCUMENT_NOUNS = {"statement", "timetable", "schedule", "announcement", "notice", "letter", "document", "release",
                   "communique", "communiqué", "filing", "website", "figures", "data", "footage", "photograph",
                   "image", "video", "picture", "imagery"}
_RELEASE_VERBS = {"release", "publish", "issue", "post", "share", "distribute", "circulate", "broadcast", "air"}


def _releaser(noun: Token) -> Token | None:
    """Who put out the document or pictures ``noun``: "photographs released by the general staff", "video the
    ministry released" (however the parser hangs the verb: a clause of the noun or of the sentence)."""
    doc = noun.doc
    for verb in doc[noun.i + 1 : noun.i + 6]:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _RELEASE_VERBS:
            continue
        if verb.head == noun and verb.dep_ == "acl":  # "released by the general staff"
            return next((g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
        return next((c for c in verb.children if c.dep_ == "nsubj" and noun.i < c.i < verb.i
                     and c.pos_ in ("NOUN", "PROPN")), None)  # "video the ministry released"
    return None


def _speaks(person: Mention, doc: Doc) -> bool:
    """A person named as the subject of a clause (their own or a "who" clause) or after "according to" is someone a
    later "he said" can stand for; "a report in the daily X", where the parser took a paper for a person, is not."""
    if not doc[person.start].pos_:  # a sentence the prefilter left unparsed: a name after a title, a speaker
        return True
    root = doc[person.start : person.end].root
    while root.dep_ in ("appos", "compound", "flat") and root.head != root:
        if root.dep_ == "compound" and root.head.i >= person.end and root.head.pos_ == "NOUN":
            return False  # "the Rostov plant", "the Biden administration": a name modifying a thing
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "relcl" and any(
        w.dep_ == "nsubj" and w.lower_ == "who" for w in c.children) for c in root.children
    ):  # "... in the presence of the minister, who said ...": a relative clause makes a subject of him too
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.i > 0 and doc[root.head.i - 1].lower_ == (
        "according")


def _unnamed(head: Token) -> bool:
    """'officials, speaking on condition of anonymity' / 'a senior official' are anonymous."""
    text = " ".join(t.lower_ for t in head.subtree)
    return "anonymity" in text or "not to be named" in text or "familiar" in text


_CLAIM_NOUNS = frozenset({"report", "reports", "account", "accounts", "claim", "claims", "allegation", "allegations",
                          "story", "stories", "rumour", "rumours", "rumor", "rumors", "suggestion", "suggestions"})


def _report_that(trigger: Token, sent: Span, nouns: frozenset[str] = frozenset({"report", "reports"})) -> Token | None:
    """ "a report earlier this month that Norinco offered it VN22s": the report noun whose "that" clause holds
    the trigger (however the parser attached the clause)."""
    for t in sent:
        if t.i >= trigger.i:
            break
        if t.lower_ in nouns and t.pos_ == "NOUN" and any(
            w.lower_ == "that" and (w.dep_ == "mark" or w.dep_ == "advmod" and w.pos_ == "SCONJ" or w.dep_ == "dobj"
                                    and w.head == trigger and any(
                c.dep_ == "nsubj" or c.dep_ == "dobj" and c.i != w.i for c in trigger.children
            ))  # ("a story that X had pitched Y", "the claim that X agreed to buy Y", misparsed)
            for w in t.doc[t.i + 1:trigger.i]
        ) and not any(w.pos_ == "VERB" and not w.is_ancestor(trigger) for w in t.doc[t.i + 1:trigger.i]):
            return t  # ("the claim that Malawi had agreed to buy Anka drones": the verbs above the trigger)
    return None


_RECKONING_NOUNS = frozenset({"count", "account", "reckoning", "estimate", "tally", "telling"})
_RAISERS = frozenset({"understand", "believe", "say", "report", "rumour", "rumor", "think", "reckon"})


def _hearsay_raiser(verb: Token) -> bool:
    """ "is understood to", "is believed to", "is said to", "is reported to": a passive raising verb that hedges
    what follows as hearsay (the speaker is the report the article relies on)."""
    return verb.lemma_.lower() in _RAISERS and any(c.dep_ == "auxpass" for c in verb.children)


def _named_publication(head: Token) -> bool:
    """ "the daily La Prensa", "the newspaper Nyasa Times", "the Praia weekly Expresso das Ilhas": a name its
    report noun marks as a publication (the noun may hang from any word of the name)."""
    name = [t for t in head.subtree if t.i <= head.i]
    return head.pos_ == "PROPN" and not any(t.lower_ in _TITLE_WORDS for t in name) and any(
        c.dep_ in ("amod", "compound", "nmod") and c.pos_ != "PROPN" and c.lemma_.lower() in REPORT_NOUNS
        for t in name for c in t.children)  # ("agency spokesman Marek Zawadzki": a person)
