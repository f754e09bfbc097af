"""Reference data: weapon systems, countries, organisations and news outlets.

The data lives in ``catalog/data/*.csv`` (UTF-8, header row, several values in
one cell separated by ``|``) so analysts can extend it without touching code;
this module loads it once and answers the questions extraction and linking
ask: *which system is "S-400s"?*, *which state is "the Kremlin"?*, *is "Nefes"
an outlet?* — and hands the NLP layer every matchable surface form.

Matching rules (the same in the lookups and in :meth:`Catalog.surface_forms`):

* **Systems.** Designations and aliases match case-, space- and
  hyphen-insensitively ("S 400", "S400", "s-400" are one key, see
  :func:`normalise_designation`) and tolerate plurals ("S-400s", "F-35s",
  "Rafales"). Rows flagged ``strict`` hold ordinary English words ("Patriot",
  "Hawk", "Javelin"): their forms *without a digit* match only with the exact
  capitalisation written in the CSV, so "patriot" in lower case is never a
  system; their forms with digits ("PAC-3") stay insensitive.
* **Countries, organisations.** Insensitive, except forms that are all-caps
  acronyms ("US", "ROK", "HAL", "PLA": "us", "hal" are words), forms that are
  ordinary English words (:data:`COMMON_WORDS`: "Turkey", "China", "Chad",
  "Polish", "Malé") and metonyms ("the White House", "the Pentagon": "white
  house" in lower case is just a house) — those are case-sensitive.
* **Outlets.** Always case-sensitive in running text: outlet names overlap
  ordinary phrases ("Defense News", "Dawn", "Mint", "The National"), and news
  copy always capitalises them. :meth:`Catalog.find_outlet` is lenient (it is
  called on metadata and user input), the surface forms are not.

Ambiguity policy: a surface form maps to exactly one entry (a test enforces
it). Where a name is shared, one reading is kept and the other gets only its
unambiguous forms:

* "Mistral" is the French amphibious ship class (row ``Mistral``); the MBDA
  missile is row ``Mistral 3`` (aliases "Mistral missile", "Mistral MANPADS").
* "Hawk" is the BAE trainer; the Raytheon SAM is ``MIM-23 Hawk`` ("HAWK", "I-HAWK").
* "Tornado" is the Panavia aircraft; the Russian rocket launchers are
  "Tornado-G"/"Tornado-S" under ``BM-21 Grad``/``Smerch``.
* "Typhoon" is the Eurofighter, "Viper" the F-16, "Tiger" the Airbus helicopter,
  "Puma" the German IFV, "Flanker" the Su-27, "Foxhound" the MiG-31.
* Bare "Leopard", "Mirage", "Lynx", "Orion", "Cobra", "Growler", "Panther",
  "Hermes", "Poseidon", "Sentinel", "S-70", "Barak" are left out: each names
  two or more families that analysts keep apart.
* Designations that are also places or people are kept only in a longer
  form: "Virginia class", "Kolkata class", "Fujian aircraft carrier",
  "LHD Trieste", "Voronezh radar", "MILAN" (all caps), "Fattah-1" (not
  Abdel Fattah al-Sisi), "Shaheen missile", "Nasr missile", "IWI Negev".
  Remaining risks are documented, not hidden: "Arjun", "Dhruv", "Tejas",
  "Iskander", "Akinci", "Sabah" (Turkish daily and Malaysian state) are
  also personal or place names and need context in the NLP layer.
* Organisation acronyms used by two bodies are left out: IAF (India/Israel),
  SAF (Singapore/Sudan), RSAF, AFP (the agency keeps it), SDF (Syrian
  Democratic Forces keep it), CNA (Channel NewsAsia keeps it), APA (Azeri
  Press Agency keeps it). Ministries named without their country ("Ministry
  of National Defence") are not mapped.
* "Brussels" stands for the European Union (ORG), not Belgium: Belgium's
  capital is left empty for that reason.
* "Georgia" is the country (GEO), not the US state; "Korea" alone is South Korea;
  bare "Congo" and "Korean" are left out (two states each).
* "Bayraktar" alone is the TB2 drone (the usual shorthand), not the Baykar family.
* Capitals that are better known as something else in defence news are left
  empty: Victoria (Seychelles; Canada's Victoria-class submarines), Kingston
  (Jamaica; Canada's RMC), Georgetown (Guyana; the university).

``alternatives`` in ``systems.csv`` lists other *top-level* designations of
the same system, which analysts file as the report writes them: "A-29" and
"Super Tucano", "PT-6" and "CJ-6", "K239" and "Chunmoo". They match like
aliases; extraction files each article's events under the one that article
writes most (:meth:`System.filed_name`), and linking folds them back to the
designation. Variants, spellings and nicknames stay in ``aliases``.

``country`` in ``organisations.csv`` may list a multinational group's other
home states after ``|`` ("Airbus": ``FRA|DEU|ESP``): the mention stands for
the one among them that builds the system named in its sentence (an H145 comes
from Germany, a CN235 from Spain), else for the first.

``capital`` in ``countries.csv`` may list spelling variants after ``|``
("Kyiv|Kiev"): the first is :attr:`Country.capital`, all are matchable.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "CATEGORIES",
    "COMMON_WORDS",
    "DESIGNATION_RE",
    "DESIGNATION_STOPLIST",
    "Catalog",
    "CatalogError",
    "Country",
    "Organisation",
    "Outlet",
    "SurfaceForm",
    "System",
    "fold",
    "load_catalog",
    "looks_like_designation",
    "normalise_designation",
]

DATA_DIR = Path(__file__).resolve().parent / "data"

CATEGORIES: frozenset[str] = frozenset(
    {
        "air_defence",
        "combat_aircraft",
        "aircraft",
        "helicopter",
        "armour",
        "artillery",
        "missile",
        "ship",
        "submarine",
        "drone",
        "small_arms",
        "radar",
        "engine",  # licensed or sold apart from their platforms (a refused engine licence grounds a deal)
    }
)
ORG_KINDS: frozenset[str] = frozenset({"company", "agency", "ministry", "armed_forces", "programme", "international"})
OUTLET_KINDS: frozenset[str] = frozenset({"agency", "newspaper", "broadcaster", "website", "magazine", "institute"})

#: Lower-cased forms that are ordinary English words; a country/organisation
#: form equal to one of them only matches with its written capitalisation.
COMMON_WORDS: frozenset[str] = frozenset(
    {
        "turkey", "chad", "china", "guinea", "polish", "pole", "poles", "swede", "swedes", "dane", "danes",
        "finn", "french", "dutch", "male", "lima", "wellington", "nice", "marshall", "cook", "victoria",
        "kingston", "georgetown", "naval group", "paramount", "general atomics", "congress", "parliament",
        "senate", "mint", "dawn", "express", "nation", "national", "star", "sun", "times", "post",
        "independent", "guardian", "telegraph", "observer", "herald", "tribune", "mirror", "standard",
        "economist", "diplomat", "intercept", "hill", "print", "wire", "jersey", "grenada", "dominica",
    }
)  # fmt: skip

_SYSTEM_COLUMNS = ("designation", "aliases", "category", "producers", "strict", "alternatives")
_COUNTRY_COLUMNS = ("iso3", "name", "aliases", "demonyms", "capital", "metonyms")
_ORG_COLUMNS = ("name", "aliases", "country", "kind")
_OUTLET_COLUMNS = ("name", "aliases", "country", "kind")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")


class CatalogError(ValueError):
    """A reference-data file is missing or malformed; the message names file and line."""


# --- records ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class System:
    """A weapon system at the family level analysts use ("S-400", not "S-400 Triumf 40N6")."""

    designation: str
    aliases: tuple[str, ...]
    category: str
    producers: tuple[str, ...]
    strict: bool
    # other top-level designations of the same system ("A-29" for "Super Tucano", "Ground Master 200" for "GM200");
    # analysts file whichever the report uses, so extraction keeps the one the article writes (filed_name)
    alternatives: tuple[str, ...] = ()

    def filed_name(self, written: str) -> str:
        """The designation a mention written as ``written`` is filed under: the designation or alternative
        the text spells out first ("A-29 Super Tucanos" -> "A-29"), else the designation."""
        text = normalise_designation(written)
        best: tuple[int, bool, int, str] | None = None
        for name in (self.designation, *self.alternatives):
            at = text.find(normalise_designation(name))
            key = (at, name not in written, -len(name))  # ("VN1" and "VN-1" match alike: the one written)
            if at >= 0 and (best is None or key < best[:3]):
                best = (*key, name)
        return self._as_spelt(best[3] if best else self.designation, written)

    def _as_spelt(self, name: str, written: str) -> str:
        """``name`` with the accents the article gives it ("Hürkuş" where the catalog files "Hurkus", and
        "Hurjet" where it files "Hürjet"): analysts copy the report's spelling, and an accent-blind key
        cannot tell which one the report used."""
        if name in written:
            return name
        key = fold(name).casefold()
        for form in (self.designation, *self.alternatives, *self.aliases):
            if form.casefold() != name.casefold() and fold(form).casefold() == key and (
                form in written or form.replace(" ", "-") in written  # ("Doğan-class" for "Dogan class")
            ):
                return form
        return name


@dataclass(frozen=True, slots=True)
class Country:
    """A state, with every way news copy names it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    metonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Organisation:
    """A company, agency, ministry, armed force or programme, mapped to its state."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str
    # a multinational group's other home states ("Airbus": Germany, Spain): it sells from the one that builds
    # the system at hand (the H145 from Germany, the CN235 from Spain), from ``country`` when none does
    partners: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet or agency (never a person, never a country)."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """One string the NLP layer should match, with what it stands for.

    ``label``: SYSTEM, COUNTRY, DEMONYM, CAPITAL, METONYM, ORG or OUTLET;
    ``canonical``: designation, ISO3, organisation name or outlet name.
    ``case_sensitive`` tells a PhraseMatcher to match on ORTH instead of LOWER.
    """

    text: str
    label: str
    canonical: str
    case_sensitive: bool


# --- text normalisation -----------------------------------------------------------------

_SPECIAL_FOLD = str.maketrans(
    {
        "ı": "i", "İ": "I", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D",
        "ł": "l", "Ł": "L", "ß": "ss", "þ": "th", "ð": "d",
        "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)  # fmt: skip
_WS_RE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Strip accents, unify quotes/dashes/spaces; keep case ("Türkiye" -> "Turkiye", "Élysée" -> "Elysee")."""
    text = text.translate(_SPECIAL_FOLD)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _WS_RE.sub(" ", text).strip()


_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")
_POSSESSIVE_RE = re.compile(r"'s?$")
_DIGIT_PLURAL_RE = re.compile(r"(?<=\d)s$")


def normalise_designation(text: str) -> str:
    """Comparable key for designations: "S 400", "S400", "s-400s", "S-400's" -> "s400".

    Accents, case, spaces, hyphens, slashes and dots vanish; a possessive goes;
    a plural "s" right after a digit goes ("F-35s" -> "f35"; the export
    suffix in "T-90S" goes too, which is harmless: it is always the same family).
    """
    key = fold(text).casefold().strip()
    key = _POSSESSIVE_RE.sub("", key)
    key = _NON_ALNUM_RE.sub("", key)
    return _DIGIT_PLURAL_RE.sub("", key)


def _strip_the(text: str) -> str:
    return text[4:].lstrip() if text[:4].lower() == "the " else text


def _query_variants(text: str) -> list[str]:
    """Query text without surrounding punctuation or a leading "the"; then also without a possessive.

    "Jane's" is a name and "Turkey's" a possessive: both readings are tried, the literal one first.
    """
    text = _strip_the(fold(text).strip(' \t\n,;:!?()[]\u201c\u201d"'))
    out = [text] if text else []
    bare = text[:-2] if text.endswith("'s") else text[:-1] if text.endswith("'") else text
    bare = bare.strip()
    if bare and bare != text:
        out.append(bare)
    return out


_ACRONYM_RE = re.compile(r"^(?=[^a-z]*[A-Z])[A-Z0-9.&/'-]{1,14}$")


def _is_acronym(text: str) -> bool:
    """All-caps short forms ("US", "U.S.", "ROK", "HAL", "MBDA") that collide with words in lower case."""
    return bool(_ACRONYM_RE.match(text)) and sum(c.isalpha() for c in text) <= 6


def _general_case_sensitive(text: str) -> bool:
    return _is_acronym(text) or _strip_the(fold(text)).casefold() in COMMON_WORDS


def _system_case_sensitive(text: str, strict: bool) -> bool:
    return strict and not any(c.isdigit() for c in text)


# --- designation detector ---------------------------------------------------------------

#: Prefixes (upper-cased) that form letter+number tokens which are not weapon
#: designations: diseases, summits, pollution, roads, visas, money, laws,
#: fiscal years, standards, age groups, processors and consoles.
DESIGNATION_STOPLIST: frozenset[str] = frozenset(
    {
        "COVID", "SARS", "MERS", "G", "I", "U", "PM", "CO", "NO", "SO", "FY", "EU", "UN", "UNSC", "UNSCR", "ISO",
        "COP", "WW", "FTSE", "NATO", "US", "UK", "USD", "EUR", "GBP", "RMB", "INR", "AD", "BC", "HR", "NDAA", "EO",
        "GPT", "PS", "SDG", "CPU", "GPU", "ICD", "IPV", "LTE", "HDMI", "USB", "DDR", "APEC", "ASEAN", "OPEC", "BRICS",
        "Q", "TV", "COM", "AGE", "ART", "SEC", "VOL",
    }
)  # fmt: skip
#: Exact tokens (normalised) that match the pattern but are well-known non-systems:
#: flight numbers, rebel groups, masks, media formats.
_DESIGNATION_EXACT_STOP: frozenset[str] = frozenset(
    {
        "mh17", "mh370", "ps752", "af447", "et302", "jt610", "ke007", "kal007", "pa103", "twa800", "m23",
        "n95", "kn95", "ffp2", "mp3", "mp4", "a4", "a3", "b2b", "h5n1", "h1n1", "cop28", "cop29", "cop30",
    }
)  # fmt: skip

#: Capitalised words that form "Word-N" tokens without being weapon names.
_WORD_STOPLIST: frozenset[str] = frozenset(
    {
        "covid", "minsk", "tier", "level", "phase", "stage", "gen", "part", "class", "grade", "top", "under",
        "over", "category", "zone", "article", "section", "chapter", "round", "day", "week", "year", "page",
        "group", "room", "gate", "flight", "route", "block", "game", "season", "episode", "version", "wave",
        "team", "world", "squad", "line", "unit", "floor", "platform", "sector", "area", "district", "ward",
        "camp", "item", "figure", "table", "annex", "mark", "number", "model", "series", "lot", "batch",
        "tranche", "step", "term", "vision", "agenda", "horizon", "euro", "expo", "formula", "apollo", "artemis",
        "windows", "iphone", "galaxy", "pixel", "boeing", "airbus", "embraer", "appendix", "clause", "rule",
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
        "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    }
)  # fmt: skip

DESIGNATION_RE: re.Pattern[str] = re.compile(
    r"""
    ^(?:
        (?P<prefix>(?:AN/|[A-Z]{1,2}/)?[A-Z]{1,4}|Su|MiG|Mi|Ka|Tu|Il|An|Yak|Be|Kh|Mk)  # F, HQ, AIM, AN/TPY, J/FPS, MiG
        (?P<sep>[- ]?)                                                    # S-400, S400, HQ 9 (dashes folded)
        (?P<number>\d{1,4})                                               # 400, 9, 21
        (?P<suffix>[A-Z]{1,4}\d?[A-Z]?|[A-Z]?\d[A-Z]\d?)?                 # B, MKI, S, EX, A1, M2
        (?:-\d{1,3}[A-Z]{0,2})?                                           # Mi-17V-5, Il-76MD-90A
      |
        Type[ ]\d{2,3}[A-Z]{0,2}                                          # Type 055, Type 26, Type 212A
      |
        (?P<word>[A-Z][a-z]{2,11})-\d{1,4}[A-Z]{0,2}                      # Hwasong-18, Shahed-136, Geran-2
    )
    (?:s|'s)?$                                                        # plural or possessive
    """,
    re.VERBOSE,
)


def looks_like_designation(text: str) -> bool:
    """True for tokens shaped like weapon designations the catalog may not know.

    Rule: a letter prefix (1-4 capitals, optionally ``AN/`` or ``J/``, or a Russian bureau
    prefix Su/MiG/Mi/Ka/Tu/Il/An/Yak/Be/Kh, or Mk), an optional hyphen or space
    (a space only after an all-caps prefix or Mk), 1-4 digits, an optional
    upper-case variant suffix (B, MKI, EX, A1) and an optional "-5" tail; or
    "Type NN(N)" (Type 055, Type 212); or a capitalised name, a hyphen and a
    number (Hwasong-18, Shahed-136, Geran-2). Rejected: a single letter with a
    single digit (F-1 visa, A-1, B-2, K2, G7, H-1B: too many non-weapon uses;
    the catalog knows the real ones), prefixes in
    :data:`DESIGNATION_STOPLIST` (COVID-19, G-20, I-95, PM10, COP28, FY25,
    GPT-4...), generic words before a hyphen (Tier-1, Phase-2, Minsk-2),
    a few famous flight numbers and other exact tokens (MH17, MH370, PS752,
    M23 rebels, N95) and anything with a dot or a leading digit (PM2.5, 4G,
    5G, 2+2).
    """
    text = fold(text)
    m = DESIGNATION_RE.match(text)
    if not m:
        return False
    if m.group("word") is not None:
        return m.group("word").lower() not in _WORD_STOPLIST
    prefix = m.group("prefix")
    if prefix is None:  # "Type NNN"
        return True
    if m.group("sep") == " " and not (prefix.isupper() or prefix == "Mk"):
        return False  # "Be 2", "An 2" are words followed by numbers
    if prefix.upper() in DESIGNATION_STOPLIST:
        return False
    if len(prefix) == 1 and len(m.group("number")) == 1:
        return False
    return normalise_designation(text) not in _DESIGNATION_EXACT_STOP


# --- loading ------------------------------------------------------------------------------


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) after checking the header and the field count."""
    if not path.is_file():
        raise CatalogError(f"{path}: reference-data file is missing (reinstall armsledger or restore the file)")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != columns:
            raise CatalogError(f"{path}:1: header must be {','.join(columns)!r}, found {','.join(header or [])!r}")
        for row in reader:
            line = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()) or row[0].lstrip().startswith("#"):
                continue
            if len(row) != len(columns):
                raise CatalogError(
                    f"{path}:{line}: expected {len(columns)} fields ({','.join(columns)}), found {len(row)}; "
                    "quote cells that contain commas"
                )
            yield line, {c: v.strip() for c, v in zip(columns, row, strict=True)}


def _need(path: Path, line: int, row: dict[str, str], column: str) -> str:
    value = row[column]
    if not value:
        raise CatalogError(f"{path}:{line}: column {column!r} is empty")
    return value


def _iso(path: Path, line: int, value: str, known: set[str] | None, what: str) -> str:
    if not _ISO3_RE.match(value):
        raise CatalogError(f"{path}:{line}: {what} {value!r} is not an ISO 3166-1 alpha-3 code (three capitals)")
    if known is not None and value not in known:
        raise CatalogError(f"{path}:{line}: {what} {value!r} is not in countries.csv; add the country first")
    return value


def _load_countries(path: Path) -> tuple[list[Country], dict[str, tuple[str, ...]]]:
    """Countries plus, per ISO3, the spelling variants of the capital ("Kiev" for "Kyiv")."""
    out: list[Country] = []
    variants: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for line, row in _rows(path, _COUNTRY_COLUMNS):
        iso3 = _iso(path, line, _need(path, line, row, "iso3"), None, "iso3")
        if iso3 in seen:
            raise CatalogError(f"{path}:{line}: iso3 {iso3!r} appears twice")
        seen.add(iso3)
        capitals = _split(row["capital"])
        if len(capitals) > 1:
            variants[iso3] = capitals[1:]
        out.append(
            Country(
                iso3=iso3,
                name=_need(path, line, row, "name"),
                aliases=_split(row["aliases"]),
                demonyms=_split(row["demonyms"]),
                capital=capitals[0] if capitals else None,
                metonyms=_split(row["metonyms"]),
            )
        )
    return out, variants


def _load_systems(path: Path, known: set[str]) -> list[System]:
    out: list[System] = []
    for line, row in _rows(path, _SYSTEM_COLUMNS):
        category = _need(path, line, row, "category")
        if category not in CATEGORIES:
            raise CatalogError(f"{path}:{line}: category {category!r} is not one of {', '.join(sorted(CATEGORIES))}")
        if row["strict"] not in ("", "0", "1"):
            raise CatalogError(f"{path}:{line}: strict must be 0, 1 or empty, found {row['strict']!r}")
        producers = tuple(_iso(path, line, p, known, "producer") for p in _split(row["producers"]))
        if not producers:
            raise CatalogError(f"{path}:{line}: column 'producers' is empty")
        out.append(
            System(
                designation=_need(path, line, row, "designation"),
                aliases=_split(row["aliases"]),
                category=category,
                producers=producers,
                strict=row["strict"] == "1",
                alternatives=_split(row["alternatives"]),
            )
        )
    return out


def _load_named(
    path: Path, known: set[str], kinds: frozenset[str], cls: type[Organisation] | type[Outlet]
) -> list[Any]:
    """Organisations or outlets (same columns: name, aliases, country, kind)."""
    columns = _ORG_COLUMNS if cls is Organisation else _OUTLET_COLUMNS
    out: list[Any] = []
    for line, row in _rows(path, columns):
        kind = _need(path, line, row, "kind")
        if kind not in kinds:
            raise CatalogError(f"{path}:{line}: kind {kind!r} is not one of {', '.join(sorted(kinds))}")
        states = tuple(_iso(path, line, c, known, "country") for c in _split(row["country"]))
        if len(states) > 1 and cls is not Organisation:
            raise CatalogError(f"{path}:{line}: an outlet has one country; found {row['country']!r}")
        extra = {"partners": states[1:]} if len(states) > 1 else {}
        out.append(cls(name=_need(path, line, row, "name"), aliases=_split(row["aliases"]),
                       country=states[0] if states else None, kind=kind, **extra))
    return out


# --- the catalog --------------------------------------------------------------------------


def _plural(form: str) -> str | None:
    """English plural of a designation ("S-400" -> "S-400s", "Rafale" -> "Rafales"); None if it ends in s."""
    last = form[-1]
    if last in "sS" or not last.isalnum():
        return None
    if last in "xz" or form.endswith(("ch", "sh")):
        return form + "es"
    if last == "y" and len(form) > 1 and form[-2] not in "aeiou":
        return form[:-1] + "ies"
    return form + "s"


_LETTER_DIGIT_RE = re.compile(r"(?<=[A-Za-z])([- ]?)(?=\d)")


def _spelling_variants(form: str) -> list[str]:
    """Write a designation the ways news copy does: "S-400" -> "S-400", "S 400", "S400"."""
    m = _LETTER_DIGIT_RE.search(form)
    if not m:
        return [form]
    head, tail = form[: m.start()], form[m.end() :]
    variants = [form] + [head + sep + tail for sep in ("-", " ", "") if head + sep + tail != form]
    return variants


_OUTLET_SUFFIXES = (" news agency", " news service", " agency", " newspaper", " daily", " news")


def _singulars(text: str) -> list[str]:
    """The text and its possible singulars ("Rafales" -> "Rafale", "Harpies" -> "Harpy")."""
    out = [text]
    if text.endswith("s"):
        out.append(text[:-1])
    if text.endswith("es"):
        out.append(text[:-2])
    if text.endswith("ies"):
        out.append(text[:-3] + "y")
    return out


def _demonym_forms(demonym: str) -> list[str]:
    """Adjective plus the plural noun where English forms one ("Israeli" -> "Israelis", "Afghan" -> "Afghans")."""
    forms = [demonym]
    if demonym[-1] in "nitk" and not demonym.endswith(("ese", "ish")):
        forms.append(demonym + "s")
    return forms


# Words that end a system's name with the kind of thing it is ("Cougar MRAP", "Bastion armoured vehicle",
# "Tiger attack helicopter"): stripped, they leave the bare name news copy uses before a kind noun.
_KIND_TAIL_WORDS = frozenset({
    "mrap", "apc", "ifv", "afv", "vehicle", "armoured", "armored", "fighting", "reconnaissance", "infantry",
    "personnel", "carrier", "wheeled", "tracked", "tank", "mbt", "helicopter", "attack", "utility", "drone", "uav",
    "coastal", "missile", "system", "defence", "defense", "launcher", "radar", "mrl", "howitzer", "light",
    "class", "boat", "vessel", "cutter", "ship", "frigate", "corvette", "submarine",  # "Defender boats"
})


class Catalog:
    """All reference data with fast exact lookups (dicts built once at load)."""

    def __init__(
        self,
        systems: list[System],
        countries: list[Country],
        organisations: list[Organisation],
        outlets: list[Outlet],
        capital_variants: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.systems = systems
        self.countries = countries
        self.organisations = organisations
        self.outlets = outlets
        self._by_iso = {c.iso3: c for c in countries}
        self._capital_variants = capital_variants or {}
        self._surface: list[SurfaceForm] | None = None
        self._kinds: dict[str, dict[str, System]] | None = None

        # systems: exact (case-kept, folded) for strict word forms; normalised key for the rest
        self._sys_exact: dict[str, System] = {}
        self._sys_key: dict[str, System] = {}
        for s in systems:
            for form in (s.designation, *s.alternatives, *s.aliases):
                if _system_case_sensitive(form, s.strict):
                    self._sys_exact.setdefault(fold(form), s)
                else:
                    self._sys_key.setdefault(normalise_designation(form), s)

        self._cty_exact: dict[str, Country] = {}
        self._cty_ci: dict[str, Country] = {}
        for c in countries:
            for form, _label in self._country_forms(c):
                key = _strip_the(fold(form))
                self._cty_exact.setdefault(key, c)
                if not (_label == "METONYM" or _general_case_sensitive(form)):
                    self._cty_ci.setdefault(key.casefold(), c)

        self._org_exact: dict[str, Organisation] = {}
        self._org_ci: dict[str, Organisation] = {}
        for o in organisations:
            for form in (o.name, *o.aliases):
                key = _strip_the(fold(form))
                self._org_exact.setdefault(key, o)
                if not _general_case_sensitive(form):
                    self._org_ci.setdefault(key.casefold(), o)

        self._out_ci: dict[str, Outlet] = {}
        self._out_exact: dict[str, Outlet] = {}
        for t in outlets:
            for form in (t.name, *t.aliases):
                key = _strip_the(fold(form))
                self._out_exact.setdefault(key, t)
                if len(key) > 2:
                    self._out_ci.setdefault(key.casefold(), t)

    # -- forms ------------------------------------------------------------------------------

    def _country_forms(self, c: Country) -> Iterator[tuple[str, str]]:
        yield c.name, "COUNTRY"
        for a in c.aliases:
            yield a, "COUNTRY"
        for d in c.demonyms:
            for f in _demonym_forms(d):
                yield f, "DEMONYM"
        if c.capital:
            yield c.capital, "CAPITAL"
        for v in self._capital_variants.get(c.iso3, ()):
            yield v, "CAPITAL"
        for m in c.metonyms:
            yield m, "METONYM"

    def country(self, iso3: str) -> Country | None:
        """The country with this ISO3 code (case-insensitive), or None."""
        return self._by_iso.get(iso3.strip().upper())

    def find_system(self, text: str) -> System | None:
        """The system named by ``text`` (designation, alias, spelling variant or plural), or None."""
        for q in _query_variants(text):
            for cand in _singulars(q):
                if hit := self._sys_exact.get(cand):
                    return hit
            for cand in _singulars(normalise_designation(q)):
                if hit := self._sys_key.get(cand):
                    return hit
        return None

    def resolve_country(self, text: str) -> Country | None:
        """An ISO3 code ("TUR") or any name, demonym, capital or metonym ("Türkiye", "Ankara")."""
        text = text.strip()
        found = self.country(text.upper()) if len(text) == 3 else None
        return found or self.find_country(text)

    def find_country(self, text: str) -> Country | None:
        """The state named by a name, alias, demonym, capital or metonym ("the Kremlin" and "Kremlin").

        ISO3 codes are not names ("KNA" is also Kenya's news agency): use :meth:`country` for codes.
        """
        for q in _query_variants(text):
            if hit := self._cty_exact.get(q) or self._cty_ci.get(q.casefold()):
                return hit
        return None

    def find_organisation(self, text: str) -> Organisation | None:
        """The organisation named by ``text`` (name or alias), or None."""
        for q in _query_variants(text):
            if hit := self._org_exact.get(q) or self._org_ci.get(q.casefold()):
                return hit
        return None

    def find_outlet(self, text: str) -> Outlet | None:
        """The outlet named by ``text``; tolerant of "the", "'s" and "news agency"/"agency"/"newspaper" tails.

        Lenient about case ("Tass", "Reuters") because it reads metadata and
        user input; two-letter acronyms ("AP", "AA") still need capitals.
        """
        for q in _query_variants(text):
            candidates = [q]
            low = q.casefold()
            for suffix in _OUTLET_SUFFIXES:
                if low.endswith(suffix) and len(q) > len(suffix):
                    candidates.append(q[: -len(suffix)].rstrip(" ,-"))
            for cand in candidates:
                if hit := self._out_exact.get(cand) or self._out_ci.get(cand.casefold()):
                    return hit
        return None

    def surface_forms(self) -> list[SurfaceForm]:
        """Every matchable surface form, one per text, for a PhraseMatcher or EntityRuler.

        System forms come with spelling variants ("S-400", "S 400", "S400") and
        plurals ("S-400s"); demonyms with plural nouns ("Israelis"). Where the
        data maps one text to two entries the first row wins (see
        :meth:`ambiguities`, which a test keeps empty). Computed once and cached.
        """
        if self._surface is None:
            seen: set[tuple[str, bool]] = set()
            out: list[SurfaceForm] = []
            for f in self._raw_forms():
                key = (f.text if f.case_sensitive else f.text.casefold(), f.case_sensitive)
                if key not in seen:
                    seen.add(key)
                    out.append(f)
            self._surface = out
        return list(self._surface)

    def _raw_forms(self) -> Iterator[SurfaceForm]:
        """All forms in data order, duplicates included."""
        for s in self.systems:
            for form in (s.designation, *s.alternatives, *s.aliases):
                hyphened = [form[:-6] + "-class"] if form.endswith(" class") else []  # "Sentinel-class cutters"
                for variant in [*_spelling_variants(form), *hyphened]:
                    cs = _system_case_sensitive(variant, s.strict)
                    yield SurfaceForm(variant, "SYSTEM", s.designation, cs)
                    plural = _plural(variant)
                    if plural:
                        yield SurfaceForm(plural, "SYSTEM", s.designation, cs)
        for c in self.countries:
            for form, label in self._country_forms(c):
                cs = label == "METONYM" or _general_case_sensitive(form)
                yield SurfaceForm(form, label, c.iso3, cs)
        for o in self.organisations:
            for form in (o.name, *o.aliases):
                yield SurfaceForm(form, "ORG", o.name, _general_case_sensitive(form))
        for t in self.outlets:
            for form in (t.name, *t.aliases):
                yield SurfaceForm(form, "OUTLET", t.name, True)
                if form.startswith("The ") and " " in form[4:]:
                    yield SurfaceForm(form[4:], "OUTLET", t.name, True)

    def of_kind(self, name: str, categories: tuple[str, ...]) -> System | None:
        """The system a bare name stands for before a noun of its kind: "Cougar" before "vehicles" is the Cougar
        MRAP, before "helicopters" the AS532 Cougar; "Bastion" before "carriers" is the Arquus APC. Several systems
        share such names across categories, so a name alone cannot be an alias of each (see :meth:`ambiguities`);
        the kind noun after it decides. ``categories`` are those the kind noun can stand for, in its order."""
        key = self.bare_name(name)
        if key is None:
            return None
        found = self._kinds[key]  # (built by bare_name)
        return next((found[c] for c in categories if c in found), None)

    def bare_name(self, name: str) -> str | None:
        """The key :meth:`of_kind` files a bare name under ("Cougars" -> "cougar"), or None if no system's
        name stripped of its kind is this one."""
        if self._kinds is None:
            self._kinds = self._kind_index()
        return next((c for c in _singulars(fold(name).casefold()) if c in self._kinds), None)

    def _kind_index(self) -> dict[str, dict[str, System]]:
        """Bare name -> category -> system, from every form stripped of a trailing kind phrase ("Cougar MRAP",
        "Bastion armoured vehicle", "Lynx helicopter") or a maker's name before it ("Arquus Bastion")."""
        makers = {fold(o.name).casefold() for o in self.organisations if o.kind == "company"}
        index: dict[str, dict[str, System]] = {}
        for s in self.systems:
            for form in (s.designation, *s.alternatives, *s.aliases):
                words = form.split()
                while len(words) > 1 and words[-1].casefold() in _KIND_TAIL_WORDS:
                    words.pop()
                if len(words) > 1 and (words[0].casefold() in makers or any(ch.isdigit() for ch in words[0])):
                    words = words[1:]  # ("Arquus Bastion", "SA330 Puma": the maker's or the designation's name)
                bare = " ".join(words)
                if not bare[:1].isupper() or any(ch.isdigit() for ch in bare) or len(words) > 2 or len(bare) < 4:
                    continue
                index.setdefault(fold(bare).casefold(), {}).setdefault(s.category, s)
        return index

    def ambiguities(self) -> dict[str, set[str]]:
        """Texts that would match two different entries, e.g. ``{"svd": {"SYSTEM:Dragunov", "OUTLET:SvD"}}``.

        Uses the matching semantics: a case-insensitive form collides with any
        form equal ignoring case, a case-sensitive one only with the same
        spelling; system forms also collide through :func:`normalise_designation`
        (the key :meth:`find_system` uses). Country names, demonyms, capitals
        and metonyms of one state never collide with each other.
        """

        def owner(f: SurfaceForm) -> str:
            kind = "COUNTRY" if f.label in ("COUNTRY", "DEMONYM", "CAPITAL", "METONYM") else f.label
            return f"{kind}:{f.canonical}"

        exact: dict[str, set[str]] = {}
        folded: dict[str, set[str]] = {}
        insensitive: set[str] = set()
        sys_keys: dict[str, set[str]] = {}
        for f in self._raw_forms():
            text = fold(f.text)
            exact.setdefault(text, set()).add(owner(f))
            folded.setdefault(text.casefold(), set()).add(owner(f))
            if not f.case_sensitive:
                insensitive.add(text.casefold())
                if f.label == "SYSTEM":
                    sys_keys.setdefault(normalise_designation(f.text), set()).add(owner(f))
        out: dict[str, set[str]] = {}
        for text, owners in exact.items():
            if len(owners) > 1:
                out[text] = owners
        for key in insensitive:
            if len(folded[key]) > 1:
                out[key] = folded[key]
        for key, owners in sys_keys.items():
            if len(owners) > 1:
                out[key] = owners
        return out


def _load(data_dir: Path) -> Catalog:
    countries, capital_variants = _load_countries(data_dir / "countries.csv")
    known = {c.iso3 for c in countries}
    systems = _load_systems(data_dir / "systems.csv", known)
    organisations = _load_named(data_dir / "organisations.csv", known, ORG_KINDS, Organisation)
    outlets = _load_named(data_dir / "outlets.csv", known, OUTLET_KINDS, Outlet)
    return Catalog(systems, countries, organisations, outlets, capital_variants)


@functools.lru_cache(maxsize=1)
def _load_default() -> Catalog:
    return _load(DATA_DIR)


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """Load the reference data; the packaged default is cached (the CLI calls this on every run).

    Raises :class:`CatalogError` naming the file and line of the first malformed row.
    """
    if data_dir is None:
        return _load_default()
    return _load(Path(data_dir))
