"""Reference-data catalog: coverage, integrity, the lookups extraction depends on, and loader errors."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armsledger.catalog import (
    CATEGORIES,
    DATA_DIR,
    Catalog,
    CatalogError,
    load_catalog,
    looks_like_designation,
    normalise_designation,
)


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


# --- coverage and integrity ------------------------------------------------------------


def test_counts_cover_the_field(cat: Catalog) -> None:
    assert len(cat.systems) >= 400
    assert len(cat.countries) >= 190
    assert len(cat.outlets) >= 250
    assert len(cat.organisations) >= 150
    # broad, not one story: every category is populated
    by_cat = {c: sum(s.category == c for s in cat.systems) for c in CATEGORIES}
    assert all(n >= 10 for n in by_cat.values()), by_cat
    producers = {p for s in cat.systems for p in s.producers}
    assert len(producers) >= 30


def test_iso3_codes_valid_and_unique(cat: Catalog) -> None:
    codes = [c.iso3 for c in cat.countries]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    for must in ("USA", "RUS", "TUR", "CHN", "IND", "ISR", "FRA", "DEU", "GBR", "KOR", "PRK", "TWN", "XKX", "PSE"):
        assert cat.country(must) is not None, must
    assert cat.country("tur") is cat.country("TUR")
    assert cat.country("XXX") is None


def test_every_reference_to_a_country_is_known(cat: Catalog) -> None:
    known = {c.iso3 for c in cat.countries}
    assert {p for s in cat.systems for p in s.producers} <= known
    assert {o.country for o in cat.organisations if o.country} <= known
    assert {o.country for o in cat.outlets if o.country} <= known


def test_names_are_unique_per_table(cat: Catalog) -> None:
    for names in (
        [s.designation for s in cat.systems],
        [c.name for c in cat.countries],
        [o.name for o in cat.organisations],
        [o.name for o in cat.outlets],
    ):
        assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]


def test_no_surface_form_maps_to_two_entries(cat: Catalog) -> None:
    assert cat.ambiguities() == {}


def test_surface_forms_are_one_per_text(cat: Catalog) -> None:
    forms = cat.surface_forms()
    keys = [(f.text if f.case_sensitive else f.text.casefold(), f.case_sensitive) for f in forms]
    assert len(keys) == len(set(keys))
    labels = {f.label for f in forms}
    assert labels == {"SYSTEM", "COUNTRY", "DEMONYM", "CAPITAL", "METONYM", "ORG", "OUTLET"}


def test_outlets_and_organisations_are_never_countries(cat: Catalog) -> None:
    for entries in (cat.outlets, cat.organisations):
        for e in entries:
            for form in (e.name, *e.aliases):
                assert cat.find_country(form) is None, form


def test_every_entry_is_found_by_every_one_of_its_names(cat: Catalog) -> None:
    """Catches an alias shadowed by another row (lookups keep the first row that claims a key)."""
    for s in cat.systems:
        for form in (s.designation, *s.aliases):
            assert cat.find_system(form) is s, form
    for c in cat.countries:
        for form in (c.name, *c.aliases, *c.demonyms, *c.metonyms, *([c.capital] if c.capital else [])):
            assert cat.find_country(form) is c, form
    for o in cat.organisations:
        for form in (o.name, *o.aliases):
            assert cat.find_organisation(form) is o, form
    for t in cat.outlets:
        for form in (t.name, *t.aliases):
            assert cat.find_outlet(form) is t, form


# --- lookups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "designation"),
    [
        ("S-400", "S-400"),
        ("S-400s", "S-400"),
        ("S-400's", "S-400"),
        ("s400", "S-400"),
        ("S 400", "S-400"),
        ("SA-21 Growler", "S-400"),
        ("S-400 Triumf", "S-400"),
        ("Triumf", "S-400"),
        ("F-35A", "F-35"),
        ("F-35s", "F-35"),
        ("Lightning II", "F-35"),
        ("F-16 Block 70", "F-16"),
        ("Viper", "F-16"),
        ("MIM-104 Patriot", "Patriot"),
        ("PAC-3", "Patriot"),
        ("Patriot", "Patriot"),
        ("Rafales", "Rafale"),
        ("IRIS-T SLM", "IRIS-T SLM"),
        ("IRIS-T", "IRIS-T"),
        ("Su-35S", "Su-35"),
        ("T129 ATAK", "T129"),
        ("AK-203", "AK-203"),
        ("FREMM", "FREMM"),
        ("Mistral", "Mistral"),
        ("Mistral-class", "Mistral"),
        ("Bradley", "Bradley"),
        ("Arrow 3", "Arrow 3"),
        ("Arrow-3", "Arrow 3"),
        ("Steel Dome", "Steel Dome"),
        ("Çelik Kubbe", "Steel Dome"),
        ("Siper", "Siper"),
        ("Scorpènes", "Scorpène"),
        ("Scorpene", "Scorpène"),
        ("Harpies", "Harpy"),
        ("Bayraktar TB2", "TB2"),
        ("Shaheds", "Shahed-136"),
        ("Geran-2", "Shahed-136"),
        ("HAWK", "MIM-23 Hawk"),
        ("Hawk", "Hawk"),
        # the common designation, not the maker's name in front (a ledger says "Typhoon")
        ("Eurofighter Typhoon", "Typhoon"),
        ("Eurofighter", "Typhoon"),
        ("Saab 37 Viggen", "Viggen"),
        # distinct systems that used to be folded into a neighbour
        ("ASC 890", "ASC 890"),
        ("Erieye", "Erieye"),
        ("BMP-1", "BMP-1"),
        ("BMP-2", "BMP-2"),
        ("Attack-class", "Attack class"),
        ("Suffren class", "Barracuda class"),
        ("Barak MX", "Barak MX"),
        ("Barak-8", "Barak 8"),
        ("GM200", "GM200"),
        ("GM400 Alpha", "Ground Master 400"),
        ("FK-3", "FK-3"),  # the export model is what buyers' news names
        ("HQ-22", "HQ-22"),
        ("Fath 360", "Fath-360"),
        ("S26T", "S26T"),  # export models are their own rows: a ledger names what was sold
        ("Hangor-class", "Hangor class"),
        ("Yuan class", "Type 039"),
        ("Cheongung-II", "Cheongung II"),  # the exported block, apart from the KM-SAM Block I
        ("KM-SAM", "KM-SAM"),
        ("Mi-24V", "Mi-24"),  # apart from the export Mi-35
        ("Mi-35M", "Mi-35"),
        ("F-7BGI", "F-7"),  # the export J-7
        ("MBT-2000", "MBT-2000"),  # China's export tank, apart from Pakistan's Al-Khalid
        ("Homar-K", "Homar-K"),  # Poland's launcher on a Korean design, apart from the K239 Chunmoo
        ("Ming-class", "Type 035"),
        ("K2PL", "K2PL"),  # Poland's variant, built partly in Poland, apart from the Korean-built K2
        ("K2 Black Panther", "K2"),
        ("K808", "K808"),  # the 8x8 White Tiger, apart from the 6x6 K806
        ("K806", "K806"),
        ("Centauro II", "Centauro II"),  # the 2020s vehicle, apart from the 1990s B1 Centauro
        ("B1 Centauro", "Centauro"),
        ("LHTEC CTS800", "CTS800"),  # engines traded apart from their platforms
        ("SCAF", "FCAS"),  # next-generation fighters are systems a state develops, not only programmes
        ("GCAP", "Tempest"),
        ("Iver Huitfeldt-class", "Iver Huitfeldt class"),  # the air-defence frigates, apart from the Absalons
        ("Absalon-class", "Absalon class"),
        # widely traded systems added later: ship classes, guns, radars, export models
        ("Pohang-class corvettes", "Pohang class"),
        ("Abukuma-class destroyer escort", "Abukuma class"),
        ("Jose Rizal-class frigate", "HDC-3100"),
        ("Lake-class inshore patrol vessel", "Lake class"),
        ("Island-class patrol boats", "Island class"),
        ("Kalaat Béni Abbès", "Kalaat Beni Abbes"),
        ("Type 071E", "Type 071E"),  # Thailand's export LPD, apart from the PLAN's Type 071
        ("Type 071", "Type 071"),
        ("F-22P", "Zulfiquar class"),
        ("ZU-23", "ZU-23-2"),
        ("ZSU-23-4", "Shilka"),
        ("KS-1C", "KS-1C"),  # the export model is what buyers' news names
        ("KS-1A", "HQ-12"),
        ("J/FPS-3ME", "J/FPS-3ME"),
        ("A-4AR Fightinghawk", "A-4"),
        ("EMB-145 Erieye", "EMB-145 AEW&C"),
        ("Erieye", "Erieye"),
        ("Block 70", "F-16"),  # "None of the Block 70s has been handed over": the F-16 variant named alone
        ("Bell 412EPI", "Bell 412"),  # a helicopter of its own, not a Huey
        ("UH-1H", "UH-1"),
        ("AW169", "AW169"),  # not the larger AW149
        ("TAI Aksungur", "Aksungur"),  # not the smaller Anka
        ("CH-92A", "CH-92A"),
        ("Mk 54", "Mk 54 torpedo"),
        ("M1117 Guardian", "M1117"),
        ("Sea Kings", "Sea King"),
        ("Shorts Tucanos", "Tucano T1"),  # built in Belfast under licence, sold by Britain
        ("Kaymans", "Kayman"),
    ],
)
def test_find_system(cat: Catalog, text: str, designation: str) -> None:
    hit = cat.find_system(text)
    assert hit is not None, text
    assert hit.designation == designation


def test_a_jointly_built_system_is_sold_by_its_exporter(cat: Catalog) -> None:
    """The first producer is the default supplier: Pakistan sells the JF-17 it builds with China, Spain built
    Norway's Nansen frigates."""
    assert cat.find_system("JF-17 Block III").producers[0] == "PAK"
    assert cat.find_system("Fridtjof Nansen-class").producers[0] == "ESP"


def test_licence_built_derivatives_are_their_own_systems(cat: Catalog) -> None:
    """Yugoslavia's M-84 and Poland's PT-91 grew out of the T-72 but are other tanks, sold by other states
    (Croatia's M-84s to Ukraine, Poland's PT-91s to Malaysia); the Mi-8 is not the export Mi-17, and the Ulan-Ude
    Mi-171 is filed apart from the Kazan Mi-17 (both grew out of the Mi-8MT)."""
    assert (cat.find_system("M-84A4").designation, cat.find_system("M-84A4").producers[0]) == ("M-84", "HRV")
    assert (cat.find_system("PT-91M").designation, cat.find_system("PT-91M").producers[0]) == ("PT-91", "POL")
    assert cat.find_system("T-72B3").designation == "T-72"
    assert cat.find_system("Mi-8MTV-5").designation == "Mi-8"
    assert cat.find_system("Mi-171Sh").designation == "Mi-171"
    assert cat.find_system("Mi-17V-5").designation == "Mi-17"
    # Australia's Hunter class is a national class built on the Type 26 design, as SIPRI lists it
    assert cat.find_system("Hunter-class frigate").designation == "Hunter class"
    assert cat.find_system("Type 26 frigate").designation == "Type 26"


def test_export_models_and_licence_builds_keep_the_name_buyers_use(cat: Catalog) -> None:
    """The FTC-2000 is the JL-9 as China exports it: one system, filed under the name the report writes; the
    NC212i is Indonesia's own build of the C-212, sold by Indonesia, not Spain; "OPV-80" is the Fassmer design
    Chile and Colombia build (Colombia offers it), not Australia's Arafura class (Lürssen's OPV80)."""
    jl9 = cat.find_system("FTC-2000")
    assert (jl9.designation, jl9.filed_name("FTC-2000")) == ("JL-9", "FTC-2000")
    assert jl9.filed_name("JL-9") == "JL-9"
    nc = cat.find_system("NC212i")
    assert (nc.designation, nc.producers[0]) == ("NC212i", "IDN")
    assert cat.find_system("CASA C-212").producers[0] == "ESP"
    assert cat.find_system("OPV-80").filed_name("OPV-80") == "OPV-80"
    assert cat.find_system("Lürssen OPV80").designation == "Arafura class"


@pytest.mark.parametrize(
    ("written", "filed"),
    [
        ("Super Tucanos", "Super Tucano"),
        ("EMB 314", "Super Tucano"),  # neither top-level name written: the designation
        ("A-29s", "A-29"),
        ("A-29 Super Tucanos", "A-29"),  # the name written first
        ("A-29N", "A-29"),
    ],
)
def test_a_system_is_filed_under_the_top_level_name_the_text_writes(cat: Catalog, written: str, filed: str) -> None:
    """Analysts file the Super Tucano as "A-29" when the report calls it that; a spelling variant of one name
    is still that name."""
    system = cat.find_system(written)
    assert system is not None and system.designation == "Super Tucano"
    assert system.filed_name(written) == filed


def test_alternative_designations_are_found_and_belong_to_one_system(cat: Catalog) -> None:
    """Both top-level names of a system find it ("PT-6" and "CJ-6", "K239" and "Chunmoo", "Ground Master 200"
    and "GM200"), and no alternative is another row's name."""
    assert cat.find_system("PT-6s").designation == "CJ-6"
    assert cat.find_system("K239").designation == "Chunmoo"
    assert cat.find_system("Ground Master 200").designation == "GM200"
    owners: dict[str, str] = {}
    for system in cat.systems:
        for name in (system.designation, *system.alternatives):
            assert owners.setdefault(normalise_designation(name), system.designation) == system.designation, name


def test_designations_are_spelled_as_english_copy_spells_them(cat: Catalog) -> None:
    """English-language reports write "Hizir", "Kizilelma", "Kilic class" (the Turkish letters ı, ş, ğ, ç are
    dropped), and analysts file the same: the Turkish spelling stays an alias."""
    assert not [s.designation for s in cat.systems if any(ch in s.designation for ch in "ıİşŞğĞçÇ")]
    assert cat.find_system("Hızır").designation == "Hizir"
    assert cat.find_system("Kızılelma").designation == "Kizilelma"


@pytest.mark.parametrize(
    ("written", "filed"),
    [
        ("Hürkuş-C", "Hürkuş"),  # the report keeps the Turkish letters: so does the ledger
        ("Hurkus", "Hurkus"),
        ("Hurjet trainers", "Hurjet"),  # the designation is accented, the report is not
        ("Hürjet", "Hürjet"),
        ("Kızılelma", "Kızılelma"),
        ("Doğan-class fast attack craft", "Doğan class"),  # hyphenated as "X-class": the accents still kept
        ("Dogan-class", "Dogan class"),
    ],
)
def test_a_system_is_filed_with_the_accents_the_report_gives_it(cat: Catalog, written: str, filed: str) -> None:
    """Scores and analysts compare names letter by letter, and an accent-blind key cannot say which spelling
    the report used, so the filed name copies the report's."""
    system = cat.find_system(written)
    assert system is not None
    assert system.filed_name(written) == filed


def test_export_variants_with_their_own_role_are_their_own_systems(cat: Catalog) -> None:
    """The AT-6 Wolverine is a light attack aircraft, not the T-6 trainer; the AS532 Cougar is the military
    Super Puma that armies buy under that name; analysts file them apart."""
    assert cat.find_system("AT-6C Wolverine").designation == "AT-6"
    assert cat.find_system("T-6C").designation == "T-6 Texan II"
    assert cat.find_system("AS532 Cougars").designation == "AS532 Cougar"
    assert cat.find_system("AS332 Super Puma").designation == "Super Puma"
    assert cat.find_system("RQ-20 Puma").filed_name("RQ-20 Puma") == "RQ-20"


def test_chinese_export_names_and_numbered_types_are_told_apart(cat: Catalog) -> None:
    """The Type 90B rocket launcher is Chinese, not Japan's Type 90 tank; the VN1 is the Type 08's export name,
    filed as written; "Type 062I" is the export Shanghai-class gunboat."""
    assert (cat.find_system("Type 90B").designation, cat.find_system("Type 90B").producers) == ("Type 90B", ("CHN",))
    assert cat.find_system("Type 90 tanks").designation == "Type 90"
    assert cat.find_system("VN1").designation == "Type 08"
    assert cat.find_system("VN1").filed_name("VN1") == "VN1"
    assert cat.find_system("VN-1").filed_name("VN-1") == "VN-1"
    assert cat.find_system("ZBL-08").filed_name("ZBL-08") == "Type 08"
    assert cat.find_system("Type 062I gunboats").designation == "Type 062"


def test_israeli_radars_are_israeli(cat: Catalog) -> None:
    """The EL/M-2288 air surveillance radar, written "ELM-2288" in most copy, is made in Israel (a designation the
    pattern finds but the catalog lacks has no supplier)."""
    assert (cat.find_system("ELM-2288").designation, cat.find_system("ELM-2288").producers) == ("EL/M-2288", ("ISR",))


@pytest.mark.parametrize(
    "text", ["patriot", "hawk", "javelin", "typhoon", "tornado", "viper", "boxer", "tiger", "Nefes"]
)
def test_ordinary_words_in_lower_case_are_not_systems(cat: Catalog, text: str) -> None:
    assert cat.find_system(text) is None


@pytest.mark.parametrize(
    ("text", "designation"),
    [
        ("Lake class", "Lake class"),
        ("Island class", "Island class"),
        ("Sea King", "Sea King"),
        ("SPICE", "SPICE"),
        ("Black Hornet", "Black Hornet"),
        ("Grand Caravan", "Cessna 208"),
    ],
)
def test_ship_classes_and_systems_named_by_words_need_their_capitals(cat: Catalog, text: str, designation: str) -> None:
    """ "Lake class", "Island class" (patrol vessels), "SPICE" (the bomb) are systems; "lake class", "spice" are not."""
    assert cat.find_system(text).designation == designation
    assert cat.find_system(text.lower()) is None


@pytest.mark.parametrize(
    "text", ["Virginia", "Kolkata", "Fujian", "Liaoning", "Voronezh", "Milan", "Fattah", "Kuznetsov", "Anadolu"]
)
def test_places_and_people_sharing_a_system_name_are_not_systems(cat: Catalog, text: str) -> None:
    assert cat.find_system(text) is None


def test_strict_word_forms_only_match_their_capitalisation(cat: Catalog) -> None:
    checked = 0
    for s in cat.systems:
        if not s.strict:
            continue
        for form in (s.designation, *s.aliases):
            if " " in form or any(c.isdigit() for c in form) or form.lower() == form:
                continue
            assert cat.find_system(form) is s, form
            assert cat.find_system(form.lower()) is None, form.lower()
            checked += 1
    assert checked >= 50
    sensitivity = {f.text: f.case_sensitive for f in cat.surface_forms() if f.label == "SYSTEM"}
    assert sensitivity["Patriot"] is True
    assert sensitivity["Javelin"] is True
    assert sensitivity["PAC-3"] is False  # a designation with digits is safe in any case


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Turkiye", "TUR"),
        ("Turkish", "TUR"),
        ("Turks", "TUR"),
        ("Ankara", "TUR"),
        ("Turkey's", "TUR"),
        ("the Kremlin", "RUS"),
        ("Kremlin", "RUS"),
        ("Russian", "RUS"),
        ("Pentagon", "USA"),
        ("the White House", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("Americans", "USA"),
        ("Washington", "USA"),
        ("New Delhi", "IND"),
        ("Indian", "IND"),
        ("Israelis", "ISR"),
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("South Korean", "KOR"),
        ("Korean", "KOR"),  # in arms reporting, KAI, Hanwha and Hyundai Rotem: the North is "North Korean"
        ("North Korean", "PRK"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Élysée", "FRA"),
        ("Elysee", "FRA"),
        ("Downing Street", "GBR"),
        ("Zhongnanhai", "CHN"),
        ("Kiev", "UKR"),
        ("Kyiv", "UKR"),
        ("the Netherlands", "NLD"),
        ("Ivory Coast", "CIV"),
        ("Georgia", "GEO"),
        ("the Modi government", "IND"),  # a government named by its leader stands for its state
        ("Marcos administration", "PHL"),
        ("Erdoğan government", "TUR"),
        ("PNG", "PNG"),  # "the PNG Defence Force": the short name news copy uses, as "UAE" or "DRC"
        ("NZ", "NZL"),
    ],
)
def test_find_country(cat: Catalog, text: str, iso3: str) -> None:
    hit = cat.find_country(text)
    assert hit is not None, text
    assert hit.iso3 == iso3


@pytest.mark.parametrize(
    "text",
    [
        "us",
        "turkey",
        "china",
        "male",
        "kremlin",
        "Congo",
        "KNA",
        "png",
        "Nefes",
        "The Times of India",
        "RIA Novosti",
    ],
)
def test_not_countries(cat: Catalog, text: str) -> None:
    assert cat.find_country(text) is None


def test_common_word_countries_are_case_sensitive_forms(cat: Catalog) -> None:
    forms = {(f.text, f.label): f.case_sensitive for f in cat.surface_forms()}
    assert forms[("Turkey", "COUNTRY")] is True
    assert forms[("US", "COUNTRY")] is True
    assert forms[("Malé", "CAPITAL")] is True
    assert forms[("Kremlin", "METONYM")] is True
    assert forms[("Ankara", "CAPITAL")] is False
    assert forms[("Russia", "COUNTRY")] is False


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nefes", "Nefes"),
        ("Africa Intelligence", "Africa Intelligence"),  # trade newsletters and regional papers are cited too
        ("Akhbar al-Khaleej", "Akhbar Al Khaleej"),
        ("Delo", "Delo"),
        ("The Times of India", "The Times of India"),
        ("Times of India", "The Times of India"),
        ("RIA Novosti", "RIA Novosti"),
        ("Reuters", "Reuters"),
        ("Reuters'", "Reuters"),
        ("the Reuters news agency", "Reuters"),
        ("TASS news agency", "TASS"),
        ("Tass", "TASS"),
        ("Anadolu Agency", "Anadolu Agency"),
        ("the Anadolu news agency", "Anadolu Agency"),
        ("AA", "Anadolu Agency"),
        ("Bloomberg's", "Bloomberg"),
        ("WSJ", "The Wall Street Journal"),
        ("Wall Street Journal", "The Wall Street Journal"),
        ("Jane's", "Janes"),
        ("Disclose", "Disclose"),
        ("Sputnik", "Sputnik"),
        ("Türkiye Today", "Türkiye Today"),
        ("Hurriyet", "Hürriyet"),
        ("Agence France-Presse", "Agence France-Presse"),
        ("Kathimerini", "Kathimerini"),
        ("SIPRI", "Stockholm International Peace Research Institute"),  # cited like an outlet, not a state
        ("IISS", "International Institute for Strategic Studies"),
    ],
)
def test_find_outlet(cat: Catalog, text: str, name: str) -> None:
    hit = cat.find_outlet(text)
    assert hit is not None, text
    assert hit.name == name


def test_outlets_are_not_systems_or_organisations(cat: Catalog) -> None:
    for name in ("Nefes", "The Times of India", "RIA Novosti", "Reuters", "TASS", "Bloomberg"):
        assert cat.find_system(name) is None
        assert cat.find_organisation(name) is None
    assert cat.find_outlet("aa") is None  # a two-letter acronym needs its capitals


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        ("Rosoboronexport", "Rosoboronexport", "RUS"),
        ("FSMTC", "Federal Service for Military-Technical Cooperation", "RUS"),
        ("DSCA", "Defense Security Cooperation Agency", "USA"),
        ("Ministry of Defense of Turkey", "Turkish Ministry of National Defence", "TUR"),
        ("SSB", "Presidency of Defence Industries", "TUR"),
        ("Lockheed Martin", "Lockheed Martin", "USA"),
        ("IDF", "Israel Defense Forces", "ISR"),
        ("Bundeswehr", "Bundeswehr", "DEU"),
        ("Hanwha", "Hanwha Aerospace", "KOR"),
        ("BAAINBw", "BAAINBw", "DEU"),
    ],
)
def test_find_organisation(cat: Catalog, text: str, name: str, iso3: str) -> None:
    hit = cat.find_organisation(text)
    assert hit is not None, text
    assert (hit.name, hit.country) == (name, iso3)


def test_ambiguous_ministry_name_stays_unmapped(cat: Catalog) -> None:
    # "Ministry of National Defence" exists in Turkey, Poland, Greece, China, Taiwan...
    assert cat.find_organisation("Ministry of National Defence") is None
    assert cat.find_organisation("hal") is None  # acronym forms need their capitals


def test_surface_forms_include_plurals_and_spellings(cat: Catalog) -> None:
    by_text: dict[str, set[str]] = {}
    for f in cat.surface_forms():
        by_text.setdefault(f.text, set()).add(f"{f.label}:{f.canonical}")
    for text, owner in [
        ("S-400s", "SYSTEM:S-400"),
        ("S400", "SYSTEM:S-400"),
        ("F-35s", "SYSTEM:F-35"),
        ("Rafales", "SYSTEM:Rafale"),
        ("Israelis", "DEMONYM:ISR"),
        ("Kremlin", "METONYM:RUS"),
        ("Nefes", "OUTLET:Nefes"),
        ("Times of India", "OUTLET:The Times of India"),
        ("Rosoboronexport", "ORG:Rosoboronexport"),
    ]:
        assert owner in by_text.get(text, set()), text
    assert all(f.case_sensitive for f in cat.surface_forms() if f.label == "OUTLET")


# --- designations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "KF-21", "HQ-9B", "T-90S", "J-10C", "Su-57E", "MiG-29K", "Type 055", "Type 26", "F-16V", "Su-30MKI",
        "Mi-17V-5", "Il-76MD-90A", "AN/TPY-2", "J/FPS-3ME", "K/TPS-880", "MQ-9B", "H-20", "B-52", "DF-41",
        "Tu-160M2", "Kh-101", "Mk 41", "HQ 9", "S-400s", "KN-23", "Hwasong-18", "Shahed-238",
    ],
)  # fmt: skip
def test_looks_like_designation(text: str) -> None:
    assert looks_like_designation(text)


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19", "Covid-19", "G-20", "G20", "G7", "PM2.5", "PM10", "F-1", "A-1", "I-95", "2+2", "4G", "5G",
        "H-1B", "MH-17", "MH17", "MH370", "COP28", "FY25", "GPT-4", "N95", "M23", "Q3", "Type 2", "Vision 2030",
        "EU27", "Jan 2024", "May 15", "Article 5", "ISO 9001", "No 10", "K2", "Minsk-2", "Tier-1", "Jan-24", "",
    ],
)  # fmt: skip
def test_not_designations(text: str) -> None:
    assert not looks_like_designation(text)


@pytest.mark.parametrize("variant", ["S-400", "S 400", "S400", "s-400s", "S-400's", "S\u2013400", "S\u2011400"])
def test_normalise_designation_variants(variant: str) -> None:
    assert normalise_designation(variant) == "s400"


@given(
    prefix=st.sampled_from(["S", "F", "HQ", "Su", "MiG", "KF", "J", "T"]),
    number=st.integers(min_value=1, max_value=9999),
    sep=st.sampled_from(["-", " ", "", "\u2013"]),
)
def test_normalise_designation_ignores_separators_and_case(prefix: str, number: int, sep: str) -> None:
    key = normalise_designation(f"{prefix}{sep}{number}")
    assert (
        key == normalise_designation(f"{prefix.upper()}-{number}") == normalise_designation(f"{prefix.lower()}{number}")
    )
    assert key == normalise_designation(f"{prefix}{sep}{number}s")
    assert normalise_designation(key) == key


# --- loader ------------------------------------------------------------------------------------


def test_default_catalog_is_cached() -> None:
    assert load_catalog() is load_catalog()


def test_load_is_fast() -> None:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        load_catalog(DATA_DIR)  # an explicit directory bypasses the cache
        best = min(best, time.perf_counter() - start)
    assert best < 0.3, f"catalog load took {best:.3f}s"


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _append(path: Path, line: str) -> int:
    """Append a row and return its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize(
    ("filename", "row", "message"),
    [
        ("systems.csv", "X-1,,air_defence,RUS,0", "expected 6 fields"),
        ("systems.csv", "X-1,,laser_sword,RUS,0,", "category 'laser_sword'"),
        ("systems.csv", "X-1,,missile,QQQ,0,", "producer 'QQQ' is not in countries.csv"),
        ("systems.csv", "X-1,,missile,Russia,0,", "not an ISO 3166-1 alpha-3 code"),
        ("systems.csv", "X-1,,missile,RUS,yes,", "strict must be 0, 1 or empty"),
        ("systems.csv", ",,missile,RUS,0,", "column 'designation' is empty"),
        ("countries.csv", "TUR,Duplicate,,,,", "iso3 'TUR' appears twice"),
        ("outlets.csv", "Some Paper,,FRA,blog", "kind 'blog'"),
        ("organisations.csv", "Some Firm,,ZZZ,company", "country 'ZZZ' is not in countries.csv"),
        ("organisations.csv", "Some Group,,FRA|ZZZ,company", "country 'ZZZ' is not in countries.csv"),
        ("outlets.csv", "Some Paper,,FRA|DEU,newspaper", "an outlet has one country"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path: Path, filename: str, row: str, message: str) -> None:
    data = _copy_data(tmp_path)
    line = _append(data / filename, row)
    with pytest.raises(CatalogError) as err:
        load_catalog(data)
    text = str(err.value)
    assert f"{filename}:{line}:" in text
    assert message in text


def test_bad_header_and_missing_file(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    path = data / "outlets.csv"
    path.write_text("title,country\n" + path.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    with pytest.raises(CatalogError, match=r"outlets\.csv:1: header must be"):
        load_catalog(data)
    (data / "outlets.csv").unlink()
    with pytest.raises(CatalogError, match=r"outlets\.csv: reference-data file is missing"):
        load_catalog(data)


def test_comments_and_blank_lines_are_ignored(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    _append(data / "systems.csv", "# a comment line")
    _append(data / "systems.csv", "")
    _append(data / "systems.csv", 'Test-99,"Alias One|Alias, Two",missile,RUS|BLR,0,')
    cat = load_catalog(data)
    hit = cat.find_system("Alias, Two")
    assert hit is not None
    assert hit.designation == "Test-99"
    assert hit.producers == ("RUS", "BLR")


@pytest.mark.parametrize(
    ("name", "kinds", "designation"),
    [
        ("Cougar", ("armour",), "Cougar MRAP"),
        ("Cougar", ("helicopter",), "AS532 Cougar"),
        ("Bastion", ("armour",), "Bastion APC"),  # from "Arquus Bastion" and "Bastion armoured vehicle"
        ("Bastion", ("missile", "air_defence"), "Oniks"),  # from "Bastion coastal missile system"
        ("Puma", ("helicopter",), "SA 330 Puma"),  # from "SA330 Puma": the designation before the name dropped
        ("Hunter", ("drone",), "Hunter drone"),
    ],
)
def test_of_kind_reads_a_shared_name_by_its_kind(cat: Catalog, name: str, kinds: tuple[str, ...],
                                                 designation: str) -> None:
    found = cat.of_kind(name, kinds)
    assert found is not None and found.designation == designation


def test_of_kind_needs_a_system_of_that_kind(cat: Catalog) -> None:
    assert cat.of_kind("Cougar", ("ship",)) is None
    assert cat.of_kind("Washington", ("armour",)) is None


@pytest.mark.parametrize(
    ("written", "designation", "filed"),
    [
        ("S-70i Black Hawks", "UH-60", "S-70"),  # the Polish-built export model, filed by its maker's name
        ("UH-60M", "UH-60", "UH-60"),
        ("Nakhoda Ragam-class", "Nakhoda Ragam class", "Nakhoda Ragam class"),  # built for Brunei
        ("Bung Tomo-class", "Nakhoda Ragam class", "Bung Tomo class"),  # the same ships in Indonesia
        ("Amazonas-class", "River class OPV", "Amazonas class"),  # Brazil's River-class variant
    ],
)
def test_ships_and_aircraft_renamed_by_a_new_user_are_filed_as_written(
    cat: Catalog, written: str, designation: str, filed: str
) -> None:
    """A class or model a second user renamed is one system, filed under the name the report gives it, as an
    analyst files it: the catalog's designation folds them back together for linking."""
    system = cat.find_system(written)
    assert system is not None and system.designation == designation
    assert system.filed_name(written) == filed


def test_makers_of_smaller_navies_and_air_arms_have_a_state(cat: Catalog) -> None:
    """A maker named as the seller ("asked PZL Mielec for a price", "ordered from Ares Shipyard") tells the
    supplier when the system is built in more than one country."""
    for name, iso3 in [("PZL Mielec", "POL"), ("Ares Shipyard", "TUR"), ("Kership", "FRA"), ("Piriou", "FRA"),
                       ("GEC-Marconi", "GBR"), ("Abu Dhabi Ship Building", "ARE"), ("HD Hyundai", "KOR")]:
        org = cat.find_organisation(name)
        assert org is not None and org.country == iso3, name
