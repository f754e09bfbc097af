"""Finds catalog entities in a parsed document: systems, states, organisations, outlets, people.

spaCy's statistical NER is trained on general news and regularly tags an outlet
as a person ("Nefes") or a designation as an organisation ("S-400"), so the
catalog's surface forms are matched with PhraseMatchers and the NER is used only
for people. Every mention carries the ISO3 code of the state it stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from armsledger.catalog import DESIGNATION_RE, Catalog, looks_like_designation, normalise_designation
from armsledger.extract.lexicon import NAME_KINDS, SHIP_KINDS

# Labels that stand for a state (directly or through an institution).
STATE_LABELS = frozenset({"COUNTRY", "DEMONYM", "CAPITAL", "METONYM", "ORG"})

# Generic nouns that refer back to the last system mentioned ("the systems", "the jets").
GENERIC_SYSTEM_NOUNS = frozenset(
    {
        "system", "systems", "battery", "batteries", "missile", "missiles", "jet", "jets", "aircraft",
        "fighter", "fighters", "plane", "planes", "helicopter", "helicopters", "tank", "tanks", "platform",
        "complex", "complexes", "unit", "units", "regiment", "regiments", "squadron", "squadrons",
        "interceptor", "interceptors", "frigate", "frigates", "submarine", "submarines", "drone", "drones",
        "equipment", "components", "component", "shipment", "shipments", "rifles", "howitzers", "vessel",
        "vessels", "ship", "ships", "launcher", "launchers", "radar", "radars", "airframe", "airframes",
        "elements", "gun", "guns", "howitzer", "warplane", "warplanes", "boat", "boats", "corvette", "corvettes",
        "destroyer", "destroyers", "vehicle", "vehicles", "rifle", "escort", "escorts", "warship", "warships",
        "gunship", "gunships", "cruiser", "cruisers", "minehunter", "minehunters", "design", "designs",
        "turboprop", "turboprops", "craft", "cutter", "cutters",
    }
)

# Whitespace-delimited chunks that can hold a designation (always a digit) or a hyphenated pair of states:
# the per-token rules below only look at tokens inside them instead of walking every token.
_HAS_DIGIT = re.compile(r"\S*\d\S*")
_HAS_HYPHEN = re.compile(r"\S*-\S*")
#: Ranks and titles written before a person's name ("Brigadier General Joseph Tchoumbou Kamga", "Defence Minister
#: Clive Brissett", "spokesman Sok Dara"), to find people in sentences no NER ran on.
_TITLES_BEFORE_NAMES = frozenset({
    "General", "Colonel", "Major", "Captain", "Brigadier", "Lieutenant", "Admiral", "Commodore", "Marshal", "Commander",
    "Minister", "Secretary", "President", "Ambassador", "Director", "Spokesman", "Spokeswoman", "Senator", "Governor",
    "Commissioner", "spokesman", "spokeswoman", "Gen", "Col", "Maj", "Capt", "Lt", "Adm", "Brig", "Mr", "Mrs", "Ms",
    "Dr",
})  # fmt: skip
_RANK_WORD = re.compile(r"\b(?:" + "|".join(sorted(_TITLES_BEFORE_NAMES, key=len, reverse=True)) + r")\b\.?")
_PERSON_TITLE = re.compile(r"^(Mr|Mrs|Ms|Dr|Gen|Col|Maj|Lt|Adm|Sen|Rep|President|Minister)\.?$")


@dataclass(slots=True)
class Mention:
    """An entity mention: token span, what it is, and the state it stands for."""

    start: int  # token index (doc-level)
    end: int
    label: str  # SYSTEM | COUNTRY | DEMONYM | CAPITAL | METONYM | ORG | OUTLET | PERSON | GENERIC
    canonical: str  # system designation, ISO3, organisation/outlet name, person name
    country: str | None  # ISO3 the mention stands for (states, organisations, outlets)
    text: str

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]

    @property
    def is_state(self) -> bool:
        return self.label in STATE_LABELS and self.country is not None


_WORD = re.compile(r"\w+|[^\w\s]")


def _same_sentence(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens i and j are in one sentence, read from punctuation (mentions are found before parsing)."""
    lo, hi = min(i, j), max(i, j)
    return hi - lo <= 40 and not any(doc[k].text in (".", "!", "?") or "\n" in doc[k].text for k in range(lo, hi))


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of word and punctuation pieces: one tokenisation for catalog forms and articles."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


class MentionFinder:
    """Matches the catalog's surface forms in a Doc; built once per pipeline.

    Forms and text are split into pieces by one regular expression and matched
    through a trie of lower-cased pieces, so building costs milliseconds (spaCy's
    PhraseMatcher needs every one of 20k+ forms tokenised first, which takes
    seconds); case-sensitive forms are checked against the original text.
    """

    def __init__(self, nlp: Language, catalog: Catalog) -> None:
        self.catalog = catalog
        self.meta: dict[str, tuple[str, str, str | None]] = {}
        self.trie: dict = {}
        seen: set[tuple[str, bool]] = set()
        for sf in catalog.surface_forms():
            if (sf.text, sf.case_sensitive) in seen or not sf.text.strip():
                continue
            seen.add((sf.text, sf.case_sensitive))
            key = f"{sf.label}|{sf.canonical}"
            if key not in self.meta:
                self.meta[key] = (sf.label, sf.canonical, self._country_of(sf.label, sf.canonical))
            node = self.trie
            for _, _, piece in _words(sf.text):
                node = node.setdefault(piece.lower(), {})
            node.setdefault(None, []).append((key, sf.text if sf.case_sensitive else None))

    def scan(self, text: str) -> list[tuple[str, str, str | None]]:
        """(label, canonical, ISO3) of catalog forms in raw text, without parsing (the prefilter's view).

        Capitals are kept only when capitalised, as in ``find``.
        """
        out = []
        for start, _end, key in self._match_chars(text):
            label, canonical, country = self.meta[key]
            if label == "CAPITAL" and not text[start:start + 1].isupper():
                continue
            out.append((label, canonical, country))
        return out

    def _match_chars(self, text: str) -> list[tuple[int, int, str]]:
        """(char start, char end, key) of every catalog form in ``text`` (all lengths, possibly overlapping)."""
        pieces = _words(text)
        lowered = [w.lower() for _, _, w in pieces]
        found = []
        for i in range(len(pieces)):
            if i and pieces[i - 1][1] == pieces[i][0] and pieces[i][2][0].isalnum() and pieces[i - 1][2][-1].isalnum():
                continue
            node = self.trie
            for j in range(i, len(pieces)):
                node = node.get(lowered[j])
                if node is None:
                    break
                ends = node.get(None)
                if not ends:
                    continue
                nxt = pieces[j + 1] if j + 1 < len(pieces) else None
                if nxt is not None and nxt[0] == pieces[j][1] and nxt[2][0].isalnum() and pieces[j][2][-1].isalnum():
                    continue  # inside a longer word
                start, end = pieces[i][0], pieces[j][1]
                for key, exact in ends:
                    if exact is None or _same_pieces(exact, text[start:end]):
                        found.append((start, end, key))
        return found

    def _country_of(self, label: str, canonical: str) -> str | None:
        if label in ("COUNTRY", "DEMONYM", "CAPITAL", "METONYM"):
            return canonical
        if label == "ORG":
            org = self.catalog.find_organisation(canonical)
            return org.country if org else None
        if label == "OUTLET":
            outlet = self.catalog.find_outlet(canonical)
            return outlet.country if outlet else None
        return None

    def find(self, doc: Doc, text: str | None = None) -> list[Mention]:
        """All mentions in ``doc``, longest match first, without overlaps, in text order.

        ``text`` is ``doc.text`` when the caller has it (``Doc.text`` re-joins every token).
        """
        text = doc.text if text is None else text
        candidates: list[tuple[int, int, str]] = []
        for cstart, cend, key in self._match_chars(text):
            span = doc.char_span(cstart, cend, alignment_mode="expand")
            if span is not None and len(span):
                candidates.append((span.start, span.end, key))
        # Longest first; on ties prefer outlets/organisations over the places inside their names.
        order = {"OUTLET": 0, "ORG": 1, "SYSTEM": 2, "COUNTRY": 3, "METONYM": 4, "CAPITAL": 5, "DEMONYM": 6}
        candidates.sort(key=lambda c: (-(c[1] - c[0]), order.get(c[2].split("|", 1)[0], 9), c[0]))
        taken = [False] * len(doc)
        mentions: list[Mention] = []
        for start, end, key in candidates:
            if any(taken[start:end]):
                continue
            label, canonical, country = self.meta[key]
            if label == "CAPITAL" and (not doc[start].text[:1].isupper() or _seat(doc, end) or _name_tail(doc, start)):
                continue
            if label in ("COUNTRY", "CAPITAL") and end < len(doc) and doc[end].text in _PLACE_WORDS:
                continue  # "the air force academy at China Bay", "China Lake": a place named after, not the state
            for i in range(start, end):
                taken[i] = True
            mentions.append(Mention(start, end, label, canonical, country, doc[start:end].text))
        mentions = self._of_kind(doc, taken, mentions)
        mentions = _surnames_freed(doc, taken, mentions, self.catalog)
        mentions.extend(self._unseen_designations(doc, taken, _tokens_in(doc, text, _HAS_DIGIT)))
        mentions.extend(self._hyphen_compounds(doc, taken, _tokens_in(doc, text, _HAS_HYPHEN)))
        if "class" in text:
            mentions.extend(self._unseen_classes(doc, taken, _tokens_in(doc, text, _CLASS_WORD)))
        mentions = self._vessel_names(doc, taken, mentions)
        mentions.extend(self._people(doc, taken))
        mentions.extend(_short_forms(doc, text, taken, mentions))
        mentions.sort(key=lambda m: m.start)
        return self._group_makers(doc, mentions)

    def _group_makers(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A multinational group stands for the home state that builds the system its sentence names: "Airbus
        offered CN235 aircraft" is a Spanish offer, "Airbus H145 helicopters" German ones (the nearest system
        with a maker among the group's states; its first state if that one builds it too, or if none does)."""
        out = []
        for m in mentions:
            org = self.catalog.find_organisation(m.canonical) if m.label == "ORG" else None
            if org is not None and org.partners:
                homes = (org.country, *org.partners)
                systems = sorted((s for s in mentions if s.label == "SYSTEM" and _same_sentence(doc, m.start, s.start)),
                                 key=lambda s: abs(s.start - m.start))
                for s in systems:
                    system = self.catalog.find_system(s.canonical)
                    makers = system.producers if system else ()
                    maker = org.country if org.country in makers else next((p for p in makers if p in homes), None)
                    if maker is not None:
                        m = Mention(m.start, m.end, m.label, m.canonical, maker, m.text)
                        break
            out.append(m)
        return out

    def _of_kind(self, doc: Doc, taken: list[bool], mentions: list[Mention]) -> list[Mention]:
        """Bare names that systems of several kinds share, read by the kind noun after them: "Cougar mine-protected
        vehicles" are Cougar MRAPs, not the helicopter the name alone matches; "Bastion carriers" are Arquus APCs,
        which the name alone does not match at all (Catalog.of_kind)."""
        out: list[tuple[Mention, tuple[str, ...] | None]] = []
        read: dict[str, set[str]] = {}  # bare name -> the systems its kind nouns made it in this article
        for m in mentions:
            kinds = _kind_after(doc, m.end) if m.label == "SYSTEM" else None
            system = self.catalog.of_kind(m.text, kinds) if kinds and m.end - m.start == 1 else None
            if system is not None and system.designation != m.canonical:
                current = self.catalog.find_system(m.canonical)
                if current is None or current.category not in kinds:
                    m = Mention(m.start, m.end, m.label, system.designation, m.country, m.text)
                    read.setdefault(self.catalog.bare_name(m.text) or "", set()).add(system.designation)
            out.append((m, kinds))
        # one sense per article: "the Mistral contract" after "Mistral air defence missiles" is the missile's
        found = []
        for m, kinds in out:
            sense = read.get(self.catalog.bare_name(m.text) or "", ()) if m.label == "SYSTEM" and not kinds else ()
            found.append(Mention(m.start, m.end, m.label, next(iter(sense)), m.country, m.text) if len(sense) == 1
                         else m)
        for tok in doc:
            if taken[tok.i] or not tok.is_title or not tok.is_alpha or tok.i == 0 or (
                doc[tok.i - 1].text in _OPENERS or doc[tok.i - 1].is_space
            ):
                continue  # (capitalised mid-sentence only: "Hunter" opening a sentence may be anyone)
            kinds = _kind_after(doc, tok.i + 1)
            system = self.catalog.of_kind(tok.text, kinds) if kinds else None
            if system is not None:
                taken[tok.i] = True
                found.append(Mention(tok.i, tok.i + 1, "SYSTEM", system.designation, None, tok.text))
        return found

    def _unseen_designations(self, doc: Doc, taken: list[bool], where: list[int]) -> list[Mention]:
        """Designations missing from the catalog (``KF-21``, ``HQ-9B``) are still systems."""
        found = []
        for i in where:
            tok = doc[i]
            if taken[tok.i]:
                continue
            text = tok.text
            if self.is_designation(text):
                canonical = re.sub(r"(?<=\d)s$", "", text)
                start = tok.i
                if tok.i >= 2 and doc[tok.i - 1].text == "/" and not doc[tok.i - 1].whitespace_ and (
                    not doc[tok.i - 2].whitespace_ and re.fullmatch(r"[A-Z]{1,3}", doc[tok.i - 2].text)
                    and not taken[tok.i - 2]
                ):  # "J/FPS-3ME", "AN/TPY-2": the service prefix the tokenizer split off is part of the name
                    start = tok.i - 2
                    canonical = f"{doc[start].text}/{canonical}"
                for i in range(start, tok.i + 1):
                    taken[i] = True
                family = self._family(canonical)  # "KT-1P", "F-16V": an export variant of a known system
                found.append(Mention(start, tok.i + 1, "SYSTEM", family or canonical, None, doc[start:tok.i + 1].text))
        return found

    def _unseen_classes(self, doc: Doc, taken: list[bool], where: list[int]) -> list[Mention]:
        """Ship classes missing from the catalog ("Abukuma-class destroyer escorts", "Pohang class corvettes") are
        systems, named "<Name> class" like the catalog's own classes."""
        found = []
        for tok in (doc[i] for i in where):
            if tok.lower_ != "class" or tok.i < 1 or taken[tok.i] or not any(
                t.lower_ in SHIP_KINDS for t in doc[tok.i + 1 : tok.i + 3]
            ):
                continue  # ("world-class", "the middle class": no ship follows)
            name = doc[tok.i - 2] if doc[tok.i - 1].text in ("-", "\u2011") and tok.i >= 2 else doc[tok.i - 1]
            if taken[name.i] or not name.text[:1].isupper() or not name.is_alpha or (
                self.catalog.find_country(name.text) is not None or name.text in _NOT_FAMILIES
            ):
                continue  # ("a Japanese-class ship", "the Type class")
            first = name.i
            while first >= 2 and doc[first - 1].lower_ in _NAME_LINKS and doc[first - 2].text[:1].isupper() and (
                doc[first - 2].is_alpha and not taken[first - 2]
            ):
                first -= 2  # ("Viana do Castelo-class", "Almirante de Grau-class": a name with a link word)
            for i in range(first, tok.i + 1):
                taken[i] = True
            full = doc[first : name.i + 1].text
            found.append(Mention(first, tok.i + 1, "SYSTEM", f"{full} class", None, doc[first:tok.i + 1].text))
        return found

    def _vessel_names(self, doc: Doc, taken: list[bool], mentions: list[Mention]) -> list[Mention]:
        """A ship's own name stands for its class once the article has tied the two: "the FPB 98 patrol boat
        Jaguar", "the Stan Patrol 5009 Guardião", "The Sines, a Viana do Castelo-class ship". Later "the Jaguar"
        or "NRP Sines" is that class (analysts file the class), not the SEPECAT jet the bare word would match."""
        names: dict[str, str] = {}
        for m in mentions:
            if m.label != "SYSTEM" or not self._naval(m.canonical):
                continue
            name = _name_after(doc, m.end) or _name_before(doc, m.start)
            if name is not None and not any(taken[i] and not _is_system_at(mentions, i) for i in range(*name)):
                names.setdefault(doc[name[0] : name[1]].text, m.canonical)
        if not names:
            return mentions
        out = list(mentions)
        for tok in doc:
            for name, canonical in names.items():
                words = name.split()
                end = tok.i + len(words)
                if [t.text for t in doc[tok.i : min(end, len(doc))]] != words or end < len(doc) and (
                    doc[end].text[:1].isupper() and doc[end].is_alpha
                ):
                    continue
                over = [o for o in out if o.start < end and tok.i < o.end]
                if any(o.label != "SYSTEM" or (o.start, o.end) != (tok.i, end) for o in over):
                    continue  # (inside a longer name, or a person's, an outlet's)
                if any(o.canonical == canonical for o in over):
                    continue
                out = [o for o in out if o not in over]
                if _ties(doc, tok.i, end, out, canonical):
                    continue  # (the name right after its class: the class's mention stands for both; a jet the
                    # bare name would match is dropped, "the FPB 98 patrol boat Jaguar")
                for i in range(tok.i, end):
                    taken[i] = True
                out.append(Mention(tok.i, end, "SYSTEM", canonical, None, doc[tok.i:end].text))
        return sorted(out, key=lambda m: m.start)

    def _naval(self, canonical: str) -> bool:
        system = self.catalog.find_system(canonical)
        return canonical.endswith(" class") if system is None else system.category in ("ship", "submarine")

    def names_by_kind(self, text: str) -> bool:
        """Whether raw text has a bare name before a noun of its kind ("Bastion carriers"), which only
        :meth:`find`'s reading by kind makes a system (the prefilter's view)."""
        for m in _TITLE_WORD.finditer(text):
            if self.catalog.bare_name(m.group()) is None:
                continue
            for word in _TAIL_WORDS.findall(text, m.end(), m.end() + 80)[:6]:
                if word.lower() in NAME_KINDS and (word.islower() or word.isupper()):
                    return True
                if not word.islower():
                    break
        return False

    def names_a_designation(self, text: str) -> bool:
        """Whether raw text holds a word that is a designation, known or not (a designation has a number)."""
        return any(self.is_designation(w.strip(".,;:()\"'")) for w in _HAS_DIGIT.findall(text))

    def is_designation(self, text: str) -> bool:
        """A designation, known or not: "KF-21", and "K-8W", which fails the unseen-designation test (one letter,
        one digit) but is a variant of the catalog's K-8."""
        return looks_like_designation(text) or self._family(re.sub(r"(?<=[A-Z])s$", "", text)) is not None

    def _family(self, designation: str) -> str | None:
        """The catalog system an unseen designation is a variant of: the same prefix and number with a letter
        suffix ("KT-1P" -> "KT-1", "Z-10ME" -> "Z-10")."""
        m = DESIGNATION_RE.match(designation)
        if m is None or not m["suffix"] or not m["prefix"]:
            return None
        system = self.catalog.find_system(m["prefix"] + m["sep"] + m["number"])
        return system.designation if system is not None else None

    def _hyphen_compounds(self, doc: Doc, taken: list[bool], where: list[int]) -> list[Mention]:
        """``U.S.-Türkiye ties`` is one token for spaCy but names two states."""
        found = []
        for i in where:
            tok = doc[i]
            if "-" not in tok.text or tok.like_num:
                continue
            states = []
            for part in tok.text.split("-"):
                country = self.catalog.find_country(part) if len(part) > 1 else None
                if country is not None and country.iso3 not in states:
                    states.append(country.iso3)
            if len(states) < (2 if taken[tok.i] else 1):
                continue
            # the pair's first state may already be matched on this token; add the others
            for iso in states[1:] if taken[tok.i] else states:
                found.append(Mention(tok.i, tok.i + 1, "COUNTRY", iso, iso, tok.text))
            taken[tok.i] = True
        return found

    def with_people(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` plus the people the NER has since found in ``doc`` (cheaper than a new ``find``)."""
        first_names = _first_names(doc, mentions)
        if first_names:  # "then-president Rafael Correa": a person, not the Israeli company Rafael
            mentions = [m for m in mentions if m not in first_names]
        taken = [False] * len(doc)
        for m in mentions:
            taken[m.start : m.end] = [True] * (m.end - m.start)
        people = self._people(doc, taken, [m for m in mentions if m.label == "PERSON"])
        return sorted(mentions + people, key=lambda m: m.start) if people else mentions

    def _people(self, doc: Doc, taken: list[bool], known: list[Mention] | None = None) -> list[Mention]:
        found = []
        full: dict[str, str] = {}  # surname -> the full name the article gave first ("Marizamunda" -> "Juvenal ...")
        for m in known or ():  # (people found before the parse, after their titles: "Defence Minister Pål Jonson")
            if " " in m.canonical:
                full.setdefault(m.canonical.rsplit(" ", 1)[1], m.canonical)
        ents = [e for e in doc.ents if not any(taken[e.start : e.end])]
        for ent in ents:
            if not may_be_person(ent):
                continue  # ("the ministry's permanent secretary, Ruvimbo Mapfumo," tagged as an organisation)
            start = ent.start
            if doc[start].text in _SHIP_PREFIXES:
                continue  # "HMS Glasgow", "BRP Miguel Malvar", "INS Rajali": a ship or a naval base, nobody speaking
            while start < ent.end and _PERSON_TITLE.match(doc[start].text):
                start += 1
            if start >= ent.end:
                continue
            name = re.sub(r"['\u2019]s?$", "", doc[start : ent.end].text.strip(" ,"))  # "Dendias's" -> "Dendias"
            if self.catalog.find_country(name) or self.catalog.find_outlet(name):
                continue
            for i in range(ent.start, ent.end):
                taken[i] = True
            if " " in name:
                full.setdefault(name.rsplit(" ", 1)[1], name)
            found.append(Mention(start, ent.end, "PERSON", full.get(name, name), None, name))
        for ent in ents:  # "According to Mapfumo", "al-Enezi said": a surname of someone named in full before
            name = ent.text.strip(" ,")
            if ent.label_ in _MISTAKEN_NAME_LABELS and name in full and not any(taken[ent.start : ent.end]):
                taken[ent.start : ent.end] = [True] * (ent.end - ent.start)
                found.append(Mention(ent.start, ent.end, "PERSON", full[name], None, name))
        found += self._titled_names(doc, taken, full)
        return found

    def _titled_names(self, doc: Doc, taken: list[bool], full: dict[str, str]) -> list[Mention]:
        """People named after a rank or title in sentences the prefilter left unparsed (no NER ran there):
        '..., whatever you may have read," Brigadier General Joseph Tchoumbou Kamga, the ministry's director,
        told reporters' — two to four capitalised words after "General", "Minister", "spokesman" and the like."""
        found = []
        done = -1
        for i in _tokens_in(doc, doc.text, _RANK_WORD):  # (a regex pass: most articles name no one)
            tok = doc[i]
            if i < done or tok.pos_ or taken[i] or tok.text.rstrip(".") not in _TITLES_BEFORE_NAMES:
                continue
            j = i + 1
            while j < len(doc) and doc[j].text.rstrip(".") in _TITLES_BEFORE_NAMES:
                j += 1  # "Brigadier General", "Defence Minister"
            k = j
            while k < len(doc) and k - j < 4 and not taken[k] and doc[k].is_alpha and doc[k].text[:1].isupper() and (
                doc[k].text not in _TITLES_BEFORE_NAMES and not doc[k].is_stop
            ):
                k += 1
            if k - j >= 2:
                name = doc[j:k].text
                full.setdefault(name.rsplit(" ", 1)[1], name)
                taken[j:k] = [True] * (k - j)
                found.append(Mention(j, k, "PERSON", full.get(name, name), None, name))
            done = k
        return found


# entity labels the tagger gives names it does not know as people ("Ruvimbo Mapfumo" ORG, "Mapfumo" GPE)
_MISTAKEN_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
_TITLE_NOUNS = frozenset({
    "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "director", "commander", "chief",
    "ambassador", "president", "general", "colonel", "adviser", "advisor", "deputy", "governor", "senator",
    "lawmaker", "analyst", "researcher", "professor", "attaché", "attache", "envoy", "chairman", "chairwoman",
})  # fmt: skip


def may_be_person(ent: Span) -> bool:
    """A person by the tagger's label, or a name it mislabelled that stands beside a person's title."""
    return ent.label_ == "PERSON" or ent.label_ in _MISTAKEN_NAME_LABELS and _titled_appos(ent)


def _titled_appos(ent: Span) -> bool:
    """ "the ministry's permanent secretary, Ruvimbo Mapfumo," / "Ruvimbo Mapfumo, the permanent secretary": a
    name in apposition with a person's title is a person, whatever the tagger called it."""
    root = ent.root
    if not all(t.text[:1].isupper() or t.text in ("-", "al", "el", "bin", "ibn") for t in ent) or len(ent) > 4:
        return False
    return (root.dep_ == "appos" and root.head.lemma_.lower() in _TITLE_NOUNS) or any(
        c.dep_ == "appos" and c.lemma_.lower() in _TITLE_NOUNS for c in root.children)


_WATCHERS = frozenset({
    "institute", "think", "tank", "researcher", "researchers", "analyst", "analysts", "monitor", "centre",
    "center", "organisation", "organization", "newspaper", "daily", "weekly", "paper", "agency", "outlet", "website",
    "consultancy", "magazine", "journal", "newsletter", "watchdog",
})  # fmt: skip


_NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "di", "du"})


def _name_tail(doc: Doc, start: int) -> bool:
    """ "Mocímboa da Praia", "Ponta do Ouro": a capital's name closing a longer place name, not the capital."""
    return start >= 2 and doc[start - 1].text in _NAME_PARTICLES and doc[start - 2].text[:1].isupper()


_PLACE_WORDS = frozenset({
    "Bay", "Lake", "Sea", "Strait", "Straits", "River", "Valley", "Point", "Island", "Islands", "Beach", "Street",
    "Road", "Avenue", "Square", "Canal", "Creek", "Harbour", "Harbor", "Hill", "Hills", "Springs", "Peninsula", "Camp",
    "Barracks", "Gate", "Park", "Airfield",
})  # fmt: skip


def _seat(doc: Doc, end: int) -> bool:
    """ "SIPRI, the Stockholm-based research institute": a city named as the seat of those who watch the trade
    stands for no government ("a Paris-based broker" may still be French)."""
    if not (end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"):
        return False
    for tok in doc[end + 2 : end + 9]:  # up to the noun the phrase modifies ("-based arms-trade research institute")
        if tok.lower_ in _WATCHERS:
            return True
        if tok.is_punct and tok.text != "-":
            return False
    return False


def _first_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One-word organisation names that open a person's name the NER found ("Rafael Correa", "Thales Weber"):
    the rest of the name is untaken proper nouns."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    by_start = {m.start: m for m in mentions if m.label in ("ORG", "OUTLET") and m.end - m.start == 1}
    found = []
    for ent in doc.ents:
        start = ent.start
        while start < ent.end and _PERSON_TITLE.match(doc[start].text):
            start += 1
        m = by_start.get(start)
        if ent.label_ == "PERSON" and m is not None and ent.end - start >= 2 and all(
            doc[i].pos_ == "PROPN" and i not in taken for i in range(start + 1, ent.end)
        ):
            found.append(m)
    return found


# prefixes of ships' (and naval bases') names, which the parser's NER often takes for people
_SHIP_PREFIXES = frozenset({
    "HMS", "USS", "USNS", "INS", "BRP", "HMAS", "HMCS", "HMNZS", "HNLMS", "HNoMS", "HDMS", "KRI", "ROKS", "JS", "TCG",
    "ARA", "BNS", "PNS", "FS", "ITS", "SPS", "KD", "RSS", "NRP", "HS", "ORP", "RFS", "PLANS", "CNS", "HTMS", "SAS",
    "NNS", "KNS", "HSwMS", "FGS", "BAP", "ARC", "ROCS", "HMNLMS",
})
# first words of a designation that are ordinary words, not a family name ("Type 26" is no "Type")
_NAME_LINKS = frozenset({"do", "da", "de", "del", "di", "dos", "das", "van", "von", "der"})
_NOT_FAMILIES = frozenset({"Type", "Project", "Class", "Block", "Mark", "Model", "Series", "Super", "Light", "Heavy"})


_CLASS_WORD = re.compile(r"\bclass\b")
# Words between a ship class and the ship's own name ("the FPB 98 patrol boat Jaguar", "the Type 054A frigate").
_SHIP_WORDS = SHIP_KINDS | {"boat", "boats", "vessel", "ship", "craft", "cutter", "ocean", "coastal", "fast", "inshore"}
# Capitalised words that never start a ship's name after its class.
_NOT_SHIP_NAMES = frozenset({
    "The", "A", "An", "In", "On", "At", "And", "But", "For", "From", "To", "With", "By", "Of", "It", "Its", "This",
    "That", "Mk", "Mark", "Block", "Batch", "Flight", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
})  # fmt: skip
_SHIP_PREFIX = re.compile(r"^[A-Z]{2,5}$")  # "NRP Sines", "INS Vikrant", "HMS Forth"


def _name_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """The span of a ship's own name right after its class (and kind words): "FPB 98 patrol boat Jaguar"."""
    i = end
    while i < len(doc) and doc[i].lower_ in _SHIP_WORDS:
        i += 1
    if i < len(doc) - 1 and _SHIP_PREFIX.match(doc[i].text) and doc[i + 1].text[:1].isupper():
        i += 1
    return _capitalised_run(doc, i)


def _name_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """The span of a ship's own name set before its class in apposition: "The Sines, a Viana do Castelo-class
    ship"."""
    if start < 3 or doc[start - 1].lower_ not in ("a", "an") or doc[start - 2].text != ",":
        return None
    j = start - 2
    while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha and doc[j - 1].text not in _NOT_SHIP_NAMES:
        j -= 1
    return (j, start - 2) if j < start - 2 and start - 2 - j <= 2 else None


def _capitalised_run(doc: Doc, i: int) -> tuple[int, int] | None:
    j = i
    while j < len(doc) and j - i < 2 and doc[j].is_alpha and doc[j].text[:1].isupper() and (
        doc[j].text not in _NOT_SHIP_NAMES and not doc[j].is_upper
    ):
        j += 1
    return (i, j) if j > i else None


def _is_system_at(mentions: list[Mention], i: int) -> bool:
    return any(m.start <= i < m.end and m.label == "SYSTEM" for m in mentions)


def _ties(doc: Doc, start: int, end: int, mentions: list[Mention], canonical: str) -> bool:
    """Whether the name at ``start:end`` follows its class right there ("the FPB 98 Jaguar": the class's mention
    covers it; a name before its class in apposition, "bought the Sines, a ...", is the verb's object)."""
    return any(m.canonical == canonical and _name_after(doc, m.end) == (start, end) for m in mentions)


def _family_name(canonical: str) -> str | None:
    """The family word of a designation: "Mirage" of "Mirage 2000", "MiG" of "MiG-29", "Cape" of "Cape class"
    (not "Su" or "F": too short to be read alone; not "Type" or "Project": ordinary words)."""
    words = canonical.split()
    if len(words) == 2 and (any(ch.isdigit() for ch in words[1]) or words[1] == "class"):
        name = words[0]
    elif len(words) == 1 and canonical.count("-") == 1 and canonical.split("-")[1].isdigit():
        name = canonical.split("-")[0]
        if len(name) < 3:
            return None
    else:
        return None
    if not name.isalpha() or not name[:1].isupper() or len(name) < 3 or name in _NOT_FAMILIES:
        return None
    return name if len(name) >= 4 or any(ch.isupper() for ch in name[1:]) else None  # ("MiG", not "Yak")


def _short_forms(doc: Doc, text: str, taken: list[bool], mentions: list[Mention]) -> list[Mention]:
    """A family name standing for the one member the article names: after "Mirage 2000-5 jets", "the
    delta-winged Mirages" are those Mirage 2000s; "Nicaragua is not buying MiGs ..., referring to a report about
    MiG-29s" (the member its own sentence names, even after it); "two more Capes" after "Cape-class boats". Two
    members of the family named (a Mirage 2000 and a Mirage F1) leave the short form unread."""
    members: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in mentions:
        if m.label != "SYSTEM":
            continue
        name = _family_name(m.canonical)
        if name is not None:
            members.setdefault(name, set()).add(m.canonical)
            first[name] = min(first.get(name, m.start), m.start)  # (mentions come longest first)
    if not members:
        return []
    found = []
    where = _tokens_in(doc, text, re.compile(r"\b(?:" + "|".join(map(re.escape, members)) + r")s?\b"))
    for tok in (doc[i] for i in where):
        family = tok.text[:-1] if tok.text.endswith("s") and tok.text[:-1] in members else tok.text
        if taken[tok.i] or family not in members or len(members[family]) != 1 or (
            tok.i < first[family] and any(doc[k].text in (".", "!", "?") for k in range(tok.i, first[family]))
        ):  # (named after it only in its own sentence: mentions come before the parse sets sentences)
            continue
        found.append(Mention(tok.i, tok.i + 1, "SYSTEM", next(iter(members[family])), None, tok.text))
    return found


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")
_TAIL_WORDS = re.compile(r"[^\W\d_]+|[^\w\s\-\u2011]")  # words, and punctuation other than hyphens
# Capitalised words before a nickname that make it a system's, not a surname ("Super Hinds", "Air Force Hawks").
_PERSON_BLOCKERS = frozenset({"Super", "Royal", "Sea", "Air", "Army", "Navy", "Force", "Forces", "Corps", "Guard",
                              "Marine", "Marines", "Mk", "Block", "New", "Old"})
_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "\u201c", "'", "\u2018", "(", "-", "\u2013", "\u2014"})


def _surnames_freed(doc: Doc, taken: list[bool], mentions: list[Mention], catalog: Catalog) -> list[Mention]:
    """A nickname that is someone's surname is the person: after "Brigadier Desmond Hinds", "Hinds said" is not
    the Mi-24 ("Hind"). Read where a capitalised word the catalog does not know, not opening a sentence unless a
    title comes before it, stands right before a nickname ("Desmond Hinds", not "Mil Hind" or "Russian Hinds"; a
    designation such as "Redback" after an unlisted maker stays a system); every bare use of that word in the
    article is then freed for the people finder."""
    surnames = set()
    for m in mentions:
        if m.label != "SYSTEM" or m.end - m.start != 1 or m.start < 1 or not doc[m.start].is_title:
            continue
        system = catalog.find_system(m.canonical)
        if system is None or normalise_designation(system.filed_name(m.text)) in normalise_designation(m.text):
            continue  # (a nickname only: "Hind", not the designation an article writes after a maker)
        before = doc[m.start - 1]
        if before.is_title and before.is_alpha and not taken[before.i] and before.text not in _PERSON_BLOCKERS and (
            m.start < 2 or doc[m.start - 2].text not in _OPENERS and not doc[m.start - 2].is_space
            or _PERSON_TITLE.match(doc[m.start - 2].text)
        ) and catalog.find_system(f"{before.text} {m.text}") is None:
            surnames.add(m.text)
    if not surnames:
        return mentions
    out = []
    for m in mentions:
        if m.label == "SYSTEM" and m.text in surnames:
            for i in range(m.start, m.end):
                taken[i] = False
            continue
        out.append(m)
    return out


def _kind_after(doc: Doc, end: int) -> tuple[str, ...] | None:
    """The categories of the kind noun closing the noun phrase a name starts ("Cougar mine-protected vehicles",
    "Bastion armoured personnel carriers"), looking past a few lower-case words and hyphens only."""
    for tok in doc[end : end + 8]:  # ("Mistral short-range air defence missiles")
        kinds = NAME_KINDS.get(tok.lower_)
        if kinds and (tok.is_lower or tok.is_upper):
            return kinds
        if not (tok.is_lower and tok.is_alpha or tok.text in ("-", "\u2011")):
            return None
    return None


def _same_pieces(form: str, text: str) -> bool:
    """Case-sensitive comparison that ignores spacing differences between pieces."""
    return [w for _, _, w in _words(form)] == [w for _, _, w in _words(text)]


def _tokens_in(doc: Doc, text: str, pattern: re.Pattern[str]) -> list[int]:
    """Indices, in order, of the tokens overlapping a match of ``pattern`` in ``text``."""
    found: set[int] = set()
    for m in pattern.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return sorted(found)
