"""Deterministic synthetic news for benchmarks.

``generate(n, arms_share, seed)`` yields ``n`` varied English news articles:
politics, sport, economy and culture stories built from sentence templates with
random slots, plus arms-transfer stories built from templates with real system
names and countries. An arms story is one development (an order, delivery,
offer, talks, delay, cancellation, test or deployment) broken by one outlet and
then echoed: rewritten reports citing the origin, near-copies of its text,
official confirmations and denials. Arms articles also recall background (an
older order, first deliveries) and some echoes get a background fact wrong
("sold in" the delivery year, a different contract value), as real echoes do.
Some non-arms articles are syndicated near-copies too.

``synthetic_records(n, ...)`` yields extraction-like :class:`ArticleRecord`
objects for the same articles (events with sentence indexes, spans, sources,
citations and origins), so linking can be benchmarked without running the
extractor. ``labelled(n, ...)`` yields the articles with their true story label
and records together, for quality checks.

Everything depends only on the arguments: the same call gives the same output
on every machine. Outlet names are invented; the news agencies named as origins
are real, as in the demo corpus.
"""

from __future__ import annotations

import copy
import random
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from armsledger.model import Article, ArticleRecord, Event

T = TypeVar("T")

# fmt: off
# --- reference data (real systems and states) ----------------------------------------------

# (designation, producer ISO3, noun for one item, plural noun)
SYSTEMS: list[tuple[str, str, str, str]] = [
    ("S-400", "RUS", "air defence system", "air defence systems"),
    ("S-300", "RUS", "air defence system", "air defence systems"), ("Su-35", "RUS", "fighter jet", "fighter jets"),
    ("Su-30MKI", "RUS", "fighter jet", "fighter jets"), ("T-90", "RUS", "main battle tank", "main battle tanks"),
    ("Mi-17", "RUS", "transport helicopter", "transport helicopters"),
    ("F-35", "USA", "stealth fighter", "stealth fighters"), ("F-16", "USA", "fighter jet", "fighter jets"),
    ("Patriot", "USA", "air defence battery", "air defence batteries"),
    ("HIMARS", "USA", "rocket launcher", "rocket launchers"),
    ("M1 Abrams", "USA", "main battle tank", "main battle tanks"),
    ("AH-64 Apache", "USA", "attack helicopter", "attack helicopters"),
    ("Rafale", "FRA", "fighter jet", "fighter jets"),
    ("Caesar", "FRA", "self-propelled howitzer", "self-propelled howitzers"),
    ("Leopard 2", "DEU", "main battle tank", "main battle tanks"),
    ("IRIS-T SLM", "DEU", "air defence system", "air defence systems"),
    ("Type 214", "DEU", "submarine", "submarines"), ("Gripen", "SWE", "fighter jet", "fighter jets"),
    ("K2", "KOR", "main battle tank", "main battle tanks"),
    ("K9 Thunder", "KOR", "self-propelled howitzer", "self-propelled howitzers"),
    ("FA-50", "KOR", "light combat aircraft", "light combat aircraft"),
    ("Bayraktar TB2", "TUR", "armed drone", "armed drones"),
    ("Arrow 3", "ISR", "missile defence system", "missile defence systems"),
    ("Barak 8", "ISR", "air defence system", "air defence systems"),
    ("J-10C", "CHN", "fighter jet", "fighter jets"), ("HQ-9", "CHN", "air defence system", "air defence systems"),
    ("BrahMos", "IND", "cruise missile", "cruise missiles"),
    ("NASAMS", "NOR", "air defence system", "air defence systems"),
    ("Eurofighter Typhoon", "GBR", "fighter jet", "fighter jets"),
    ("CV90", "SWE", "infantry fighting vehicle", "infantry fighting vehicles"),
]

# (ISO3, name, demonym, capital)
COUNTRIES: list[tuple[str, str, str, str]] = [
    ("TUR", "Turkey", "Turkish", "Ankara"), ("IND", "India", "Indian", "New Delhi"),
    ("EGY", "Egypt", "Egyptian", "Cairo"), ("GRC", "Greece", "Greek", "Athens"),
    ("POL", "Poland", "Polish", "Warsaw"), ("DEU", "Germany", "German", "Berlin"),
    ("SAU", "Saudi Arabia", "Saudi", "Riyadh"), ("ARE", "the United Arab Emirates", "Emirati", "Abu Dhabi"),
    ("QAT", "Qatar", "Qatari", "Doha"), ("IDN", "Indonesia", "Indonesian", "Jakarta"),
    ("PHL", "the Philippines", "Philippine", "Manila"), ("VNM", "Vietnam", "Vietnamese", "Hanoi"),
    ("PAK", "Pakistan", "Pakistani", "Islamabad"), ("BRA", "Brazil", "Brazilian", "Brasilia"),
    ("ROU", "Romania", "Romanian", "Bucharest"), ("CZE", "the Czech Republic", "Czech", "Prague"),
    ("HUN", "Hungary", "Hungarian", "Budapest"), ("FIN", "Finland", "Finnish", "Helsinki"),
    ("NLD", "the Netherlands", "Dutch", "The Hague"), ("UKR", "Ukraine", "Ukrainian", "Kyiv"),
    ("MAR", "Morocco", "Moroccan", "Rabat"), ("DZA", "Algeria", "Algerian", "Algiers"),
    ("SRB", "Serbia", "Serbian", "Belgrade"), ("THA", "Thailand", "Thai", "Bangkok"),
    ("MYS", "Malaysia", "Malaysian", "Kuala Lumpur"), ("NGA", "Nigeria", "Nigerian", "Abuja"),
    ("KAZ", "Kazakhstan", "Kazakh", "Astana"), ("CHL", "Chile", "Chilean", "Santiago"),
    ("AUS", "Australia", "Australian", "Canberra"), ("JPN", "Japan", "Japanese", "Tokyo"),
    ("USA", "the United States", "American", "Washington"), ("RUS", "Russia", "Russian", "Moscow"),
    ("FRA", "France", "French", "Paris"), ("KOR", "South Korea", "South Korean", "Seoul"),
    ("CHN", "China", "Chinese", "Beijing"), ("ISR", "Israel", "Israeli", "Jerusalem"),
    ("SWE", "Sweden", "Swedish", "Stockholm"), ("GBR", "the United Kingdom", "British", "London"),
    ("NOR", "Norway", "Norwegian", "Oslo"),
]
_COUNTRY = {c[0]: c for c in COUNTRIES}
BUYERS = [c for c in COUNTRIES if c[0] not in {s[1] for s in SYSTEMS}]

AGENCIES = [
    "Reuters", "AFP", "TASS", "Anadolu", "Yonhap", "Interfax", "Bloomberg", "RIA Novosti", "Xinhua", "PTI",
]
_OUTLET_A = [
    "Northern", "Harbour", "Capital", "Evening", "Morning", "Coastal", "Continental", "Frontier", "Summit",
    "Meridian", "Atlas", "Riverside", "Granite", "Lantern", "Beacon", "Compass", "Horizon", "Pioneer",
]
_OUTLET_B = [
    "Ledger", "Courier", "Gazette", "Herald", "Dispatch", "Monitor", "Review", "Tribune", "Post", "Observer",
    "Chronicle", "Standard", "Bulletin", "Digest", "Wire", "Journal",
]
DEFENCE_OUTLETS = [
    "Defence Ledger", "Armour & Airpower Review", "Strategic Procurement Weekly", "Air Defence Monitor",
    "Naval & Land Systems Digest", "Open Source Arms Watch",
]

_FIRST = [
    "Anna", "Mehmet", "Priya", "Lukas", "Sofia", "Omar", "Elena", "Kenji", "Maria", "David", "Aylin", "Jonas",
    "Fatima", "Pierre", "Ingrid", "Rahul", "Chen", "Olga", "Samuel", "Leila", "Marco", "Yuki", "Tomasz", "Nadia",
]
_LAST = [
    "Kaya", "Novak", "Sharma", "Berg", "Rossi", "Haddad", "Ivanova", "Tanaka", "Silva", "Fischer", "Demir",
    "Kowalski", "Okafor", "Laurent", "Lindqvist", "Gupta", "Wang", "Petrova", "Mensah", "Nasser", "Costa", "Sato",
]
_CITIES = [
    "Lisbon", "Porto", "Lyon", "Krakow", "Izmir", "Pune", "Valencia", "Gdansk", "Thessaloniki", "Leipzig", "Turin",
    "Brno", "Cluj", "Tampere", "Bergen", "Malmo", "Antwerp", "Seville", "Bilbao", "Graz",
]
_TEAMS = [
    "United", "Rovers", "Athletic", "City", "Wanderers", "Sporting", "Dynamo", "Olympic", "Rangers", "Albion",
]
_COMPANIES = [
    "Norvale", "Kestrel Foods", "Brightline Energy", "Altamar Shipping", "Ferrum Steel", "Cobalt Telecom",
    "Greenhollow Farms", "Vantage Retail", "Orion Chemicals", "Silverpine Logistics", "Tessera Bank",
]
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
]
_WEEKDAYS = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
]

# fmt: on

# --- non-arms templates --------------------------------------------------------------------

_POLITICS = [
    "{person}, the leader of the {party} party, said on {weekday} that {n} lawmakers would back the bill.",
    "The coalition in {country} agreed a {pct} percent rise in public sector wages after {n} hours of talks.",
    "Opposition deputies walked out of the chamber in protest at the new {topic} rules.",
    "A survey of {big} voters put the governing party at {pct} percent, {small} points behind its rival.",
    "{person} will travel to {city} next week for talks on {topic} and regional trade.",
    "The interior ministry said turnout in the local elections reached {pct} percent.",
    "Protesters gathered outside the parliament in {city} to demand changes to the {topic} law.",
    "The committee will hear evidence from {n} experts before voting on the {topic} reform.",
    "Analysts said the result reflected frustration over {topic} and the cost of living.",
    "{person} described the agreement as a fair compromise for both sides.",
    "The {party} party has governed the region of {city} for {small} years.",
    "A second reading of the {topic} bill is expected before the summer recess.",
    "Critics warned that the measure could cost the treasury {small} billion over five years.",
    "The president is expected to sign the {topic} law by the end of {month}.",
]
_SPORT = [
    "{city} {team} beat {city2} {team2} {g1}-{g2} on {weekday} thanks to a late goal from {person}.",
    "The visitors had led at half-time before {person} equalised in the {minute}th minute.",
    "{person} has now scored {n} goals in {small} league appearances this season.",
    "The win lifts {city} {team} to {ordinal} place, {small} points clear of the relegation zone.",
    "A crowd of {big} watched the match at the municipal stadium in {city}.",
    "Coach {person} said his side had shown character after a difficult week.",
    "The referee sent off a defender for a second yellow card shortly after the break.",
    "{city2} {team2} have not won away from home since {month}.",
    "The club confirmed that {person} will miss the next {small} matches with a knee injury.",
    "Tickets for the cup semi-final against {city2} {team2} sold out within {n} minutes.",
    "The {ordinal} title in club history would be celebrated with a parade through {city}.",
    "{person} signed a new contract running until {year2}, the club announced.",
]
_ECONOMY = [
    "{company} reported a {pct} percent rise in quarterly profit to {small} million euros.",
    "Shares in {company} fell {small} percent in early trading in {city}.",
    "The central bank kept its main interest rate at {rate} percent, citing persistent inflation.",
    "Inflation eased to {rate} percent in {month}, the statistics office said.",
    "{company} plans to cut {n} jobs as part of a restructuring announced on {weekday}.",
    "Exports of {goods} rose {pct} percent year on year, driven by demand from Asia.",
    "{person}, chief executive of {company}, said the outlook for the second half remained uncertain.",
    "The government raised its growth forecast for the year to {rate} percent.",
    "Prices of {goods} have climbed {pct} percent since {month} after a poor harvest.",
    "{company} agreed to buy a smaller rival for {small} million euros in cash.",
    "Unemployment fell to {rate} percent, its lowest level in {small} years.",
    "Economists polled by the business daily expect another rate cut in {month}.",
]
_CULTURE = [
    "The festival in {city} drew {big} visitors over {small} days, organisers said.",
    "{person}'s new novel, set in {city} in the {decade}s, tops the bestseller list.",
    "The museum will reopen in {month} after a {small}-year renovation costing {small} million euros.",
    "Critics praised the production's staging and the performance of {person}.",
    "The orchestra announced a tour of {n} cities across the region next {month}.",
    "A retrospective of {person}'s photographs opens at the city gallery on {weekday}.",
    "Heavy rain is expected across the north of {country} over the weekend, forecasters said.",
    "Temperatures in {city} reached {temp} degrees, the highest for {month} since records began.",
    "The film, shot entirely in {city}, won the audience award at the festival.",
    "Volunteers planted {big} trees along the river in {city} on {weekday}.",
]
_NON_ARMS = {"politics": _POLITICS, "sport": _SPORT, "economy": _ECONOMY, "culture": _CULTURE}
_TITLES = {
    "politics": [
        "{person} seeks support for {topic} bill",
        "Coalition agrees on {topic} reform",
        "Protests over {topic} law in {city}",
    ],
    "sport": ["{city} {team} edge {city2} {team2}", "Late goal lifts {city} {team}", "{person} double sinks {team2}"],
    "economy": ["{company} profit rises {pct}%", "Central bank holds rates", "{company} to cut {n} jobs"],
    "culture": ["Festival in {city} draws crowds", "{person}'s novel tops charts", "Museum in {city} to reopen"],
}
_TOPICS = [
    "pension",
    "housing",
    "education",
    "energy",
    "migration",
    "tax",
    "healthcare",
    "transport",
    "media",
]
_GOODS = [
    "wheat",
    "olive oil",
    "hazelnuts",
    "copper",
    "coffee",
    "steel",
    "timber",
    "natural gas",
    "rice",
]
_PARTIES = [
    "Liberal",
    "People's",
    "Green",
    "Progress",
    "Civic",
    "Labour",
    "Union",
    "Reform",
]


@dataclass(slots=True)
class Labelled:
    """One synthetic article with its true story label and an extraction-like record."""

    article: Article
    story: str
    record: ArticleRecord
    kind: str  # politics | sport | economy | culture | arms


@dataclass(slots=True)
class _Doc:
    """An article under construction: paragraphs of sentences plus the events each sentence carries."""

    sentences: list[list[str]] = field(default_factory=lambda: [[]])  # paragraphs
    events: list[tuple[int, int, Event]] = field(default_factory=list)  # (paragraph, sentence in paragraph, event)

    def add(self, sentence: str, *events: Event) -> None:
        self.sentences[-1].append(sentence)
        for e in events:
            self.events.append((len(self.sentences) - 1, len(self.sentences[-1]) - 1, e))

    def paragraph(self) -> None:
        if self.sentences[-1]:
            self.sentences.append([])

    def render(self) -> tuple[str, list[Event]]:
        text_parts: list[str] = []
        offsets: dict[tuple[int, int], tuple[int, int, int]] = {}
        pos, index = 0, 0
        for p, para in enumerate(s for s in self.sentences if s):
            if p:
                text_parts.append("\n\n")
                pos += 2
            for k, sentence in enumerate(para):
                if k:
                    text_parts.append(" ")
                    pos += 1
                offsets[(p, k)] = (index, pos, pos + len(sentence))
                text_parts.append(sentence)
                pos += len(sentence)
                index += 1
        text = "".join(text_parts)
        events = []
        mapping = {orig: new for new, orig in enumerate(i for i, s in enumerate(self.sentences) if s)}
        for p, k, e in self.events:
            idx, a, b = offsets[(mapping[p], k)]
            e.sentence, e.start, e.end = idx, a, b
            e.evidence = e.evidence or text[a:b]
            events.append(e)
        return text, events


class _Gen:
    def __init__(self, n: int, arms_share: float, seed: int) -> None:
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        if not 0.0 <= arms_share <= 1.0:
            raise ValueError(f"arms_share must be between 0 and 1, got {arms_share}")
        self.n, self.arms_share = n, arms_share
        self.rng = random.Random(seed)
        self.count = 0
        self.arms = 0
        self.day = date(2019, 1, 1)
        self.step = max(0.02, 3 * 365 / max(n, 1))  # the corpus spans about three years
        self.clock = 0.0
        self.outlets = [f"The {a} {b}" for a in _OUTLET_A for b in _OUTLET_B] + DEFENCE_OUTLETS
        self.story_no = 0
        self.recent: deque[tuple[str, str]] = deque(maxlen=400)

    # -- helpers --
    def pick(self, seq: Sequence[T]) -> T:
        return seq[self.rng.randrange(len(seq))]

    def person(self) -> str:
        return f"{self.pick(_FIRST)} {self.pick(_LAST)}"

    def now(self) -> date:
        return self.day + timedelta(days=int(self.clock))

    def next_id(self) -> str:
        self.count += 1
        return f"syn{self.count:06d}"

    # -- driver --
    def run(self) -> Iterator[Labelled]:
        emitted = 0
        while emitted < self.n:
            self.clock += self.step * self.rng.uniform(0.5, 1.5)
            if self.arms_share > 0 and self.arms < self.arms_share * (emitted + 1):
                items = self.arms_story()
            else:
                items = self.other_story()
            for item in items:
                if emitted >= self.n:
                    return
                emitted += 1
                yield item

    # -- non-arms --
    def slots(self) -> dict[str, object]:
        r = self.rng
        return {
            "person": self.person(),
            "party": self.pick(_PARTIES),
            "n": r.randint(3, 400),
            "country": self.pick(COUNTRIES)[1],
            "pct": r.randint(2, 60),
            "topic": self.pick(_TOPICS),
            "big": f"{r.randint(2, 90)},{r.randint(0, 999):03d}",
            "small": r.randint(2, 12),
            "city": self.pick(_CITIES),
            "city2": self.pick(_CITIES),
            "team": self.pick(_TEAMS),
            "team2": self.pick(_TEAMS),
            "g1": r.randint(1, 5),
            "g2": r.randint(0, 3),
            "minute": r.randint(50, 90),
            "ordinal": self.pick(["third", "fifth", "seventh"]),
            "month": self.pick(_MONTHS),
            "weekday": self.pick(_WEEKDAYS),
            "year2": r.randint(2026, 2030),
            "company": self.pick(_COMPANIES),
            "rate": f"{r.randint(1, 9)}.{r.randint(0, 9)}",
            "goods": self.pick(_GOODS),
            "decade": self.pick(["1920", "1950", "1970", "1990"]),
            "temp": r.randint(28, 44),
        }

    def other_story(self) -> list[Labelled]:
        kind = self.pick(list(_NON_ARMS))
        templates = _NON_ARMS[kind]
        k = self.rng.randint(6, min(12, len(templates)))
        chosen = self.rng.sample(templates, k)
        doc = _Doc()
        for n, t in enumerate(chosen):
            if n and n % 3 == 0:
                doc.paragraph()
            doc.add(t.format(**self.slots()))
        text, _ = doc.render()
        title = self.pick(_TITLES[kind]).format(**self.slots())
        self.story_no += 1
        label = f"{kind}-{self.story_no}"
        out = [self._labelled(text, title, self.pick(self.outlets), self.now(), label, [], [], ["self"], kind)]
        if self.rng.random() < 0.08:  # a syndicated copy with a new closing line
            extra = self.pick(templates).format(**self.slots())
            later = self.now() + timedelta(days=self.rng.randint(0, 2))
            out.append(
                self._labelled(
                    text + "\n\n" + extra, title, self.pick(self.outlets), later, label, [], [], ["self"], kind
                )
            )
        return out

    def _labelled(
        self,
        text: str,
        title: str,
        outlet: str,
        published: date,
        label: str,
        events: list[Event],
        cited: list[str],
        origin: list[str],
        kind: str,
    ) -> Labelled:
        aid = self.next_id()
        if kind == "arms":
            self.arms += 1
        article = Article(
            id=aid,
            text=text,
            outlet=outlet,
            published=published.isoformat(),
            title=title,
            language="en",
            url=f"https://news.example/{aid}",
        )
        systems = sorted({e.system for e in events if e.system})
        countries = sorted({p for e in events for p in (e.supplier, e.recipient) if p})
        record = ArticleRecord(
            article=article, events=events, systems=systems, countries=countries, cited=list(cited), origin=list(origin)
        )
        return Labelled(article=article, story=label, record=record, kind=kind)

    # -- arms --
    def arms_story(self) -> list[Labelled]:
        r = self.rng
        while True:  # one development per system and buyer at a time, as in the real world
            system, producer, one, many = self.pick(SYSTEMS)
            buyer = self.pick(BUYERS)
            if (system, buyer[0]) not in self.recent:
                break
        self.recent.append((system, buyer[0]))
        kind = self.pick(
            [
                "order",
                "order",
                "delivery",
                "delivery",
                "offer",
                "negotiation",
                "delay",
                "cancellation",
                "test",
                "deployment",
            ]
        )
        start = self.now()
        day0 = start - timedelta(days=r.randint(0, 3))
        qty = self.pick([4, 6, 8, 12, 16, 18, 24, 30, 36, 48, 60, 100, 120, 250])
        value = round(qty * r.uniform(0.02, 0.15), 2)
        order_year = day0.year - r.randint(2, 7)
        delivery_year = order_year + r.randint(1, min(3, day0.year - 1 - order_year))
        origin_outlet = self.pick(AGENCIES + DEFENCE_OUTLETS)
        self.story_no += 1
        label = f"arms-{self.story_no}"
        fact = dict(
            old_qty=self.pick([6, 12, 18, 24, 36]),
            system=system,
            producer=producer,
            one=one,
            many=many,
            buyer=buyer,
            kind=kind,
            day0=day0,
            qty=qty,
            value=value,
            order_year=order_year,
            delivery_year=delivery_year,
            origin=origin_outlet,
        )
        out = [self.arms_article(fact, label, role="origin", published=start)]
        n_echoes = min(12, int(r.expovariate(1 / 2.5)))
        for k in range(n_echoes):
            published = start + timedelta(days=r.randint(0, 9))
            role = r.choices(["cite", "copy", "confirm", "deny"], weights=[6, 2, 2, 1])[0]
            if role == "deny" and kind in ("test", "deployment"):
                role = "cite"
            if role == "copy":
                out.append(self.near_copy(out[0], fact, label, published))
            else:
                out.append(self.arms_article(fact, label, role=role, published=published, variant=k))
        return out

    def near_copy(self, first: Labelled, f: dict[str, Any], label: str, published: date) -> Labelled:
        """An outlet republishing the origin's text with its own closing line (an echo MinHash should catch)."""
        origin = f["origin"]
        text = (
            first.article.text
            + "\n\n"
            + self.pick(
                [
                    f"This report is based on information from {origin}.",
                    f"{origin} contributed reporting; the story could not be independently verified.",
                    f"Additional reporting by {self.person()}.",
                ]
            )
        )
        events = [copy.copy(e) for e in first.record.events]
        for e in events[:1]:
            if e.factuality == "asserted" or e.source == "sources":
                e.factuality, e.source, e.source_kind = "reported", origin, "agency" if origin in AGENCIES else "outlet"
        title = f"{first.article.title} ({origin})"
        return self._labelled(
            text, title, self.pick(self.outlets), published, label, events, [origin], [origin], "arms"
        )

    def arms_article(self, f: dict[str, Any], label: str, *, role: str, published: date, variant: int = 0) -> Labelled:
        r = self.rng
        sys_, prod, one, many, buyer = f["system"], f["producer"], f["one"], f["many"], f["buyer"]
        iso, bname, bdem, bcap = buyer
        pname = _COUNTRY[prod][1]
        pdem = _COUNTRY[prod][2]
        Bname, Pname = bname[0].upper() + bname[1:], pname[0].upper() + pname[1:]  # noqa: N806 - sentence-initial
        kind, day0, qty, value = f["kind"], f["day0"], f["qty"], f["value"]
        weekday = _WEEKDAYS[day0.weekday()]
        when = f"on {weekday}" if (published - day0).days < 6 else f"on {_MONTHS[day0.month - 1]} {day0.day}"
        origin_is_agency = f["origin"] in AGENCIES
        outlet = f["origin"] if role == "origin" and not origin_is_agency else self.pick(self.outlets)
        ministry = f"{bdem} defence ministry"
        fact = "asserted" if role == "confirm" else "reported"
        source = ministry if role == "confirm" else f["origin"]
        if role == "origin" and not origin_is_agency:
            source = "sources"
        doc = _Doc()
        supplier, recipient = prod, iso
        if kind in ("test", "deployment"):
            supplier, recipient = iso, None

        def central(factuality: str = fact, src: str = source, kind_: str = kind) -> Event:
            return Event(
                type=kind_,
                supplier=supplier,
                recipient=recipient,
                system=sys_,
                date=day0.isoformat(),
                factuality=factuality,
                source=src,
                quantity=str(qty) if kind_ == "order" else None,
                value=f"${value} billion" if kind_ == "order" else None,
                source_kind=(
                    "agency"
                    if src in AGENCIES
                    else "outlet"
                    if src == f["origin"]
                    else "anonymous"
                    if src == "sources"
                    else "official"
                ),
            )

        lead = {
            "order": f"{Bname} has signed a contract to buy {qty} {sys_} {many} from "
            f"{pname} in a deal worth ${value} billion",
            "delivery": f"{Pname} delivered the first {sys_} {many} to {bname} {when}",
            "offer": f"{Pname} has offered {bname} {sys_} {many}",
            "negotiation": f"{Bname} is in talks with {pname} on buying {sys_} {many}",
            "delay": f"Deliveries of {sys_} {many} to {bname} have been postponed until {day0.year + 1}",
            "cancellation": f"{Bname} has scrapped its planned purchase of {sys_} {many}",
            "test": f"The {bdem} military test-fired its {sys_} {one} for the first time {when}",
            "deployment": f"{Bname} has deployed its {sys_} {many} near {bcap}",
        }[kind]
        if role == "deny":
            text0 = f"The {ministry} {when} denied reports that {_decap(lead)}, calling them baseless."
            doc.add(text0, central("denied", f"{bdem} defence ministry"))
            cited = [f["origin"]]
            origin = ["self"]
            title = f"{Bname} denies {sys_} report"
        elif role == "confirm":
            doc.add(f"The {ministry} confirmed {when} that {_decap(lead)}.", central())
            cited = []
            origin = ["self"]
            title = f"{Bname} confirms {sys_} {kind}"
        elif role == "origin":
            tail = (
                f", {f['origin']} reported {when}"
                if origin_is_agency
                else f", {self.pick(['two people familiar with the matter', 'sources close to the deal'])} said"
            )
            doc.add(f"{lead}{tail}.", central())
            cited = [f["origin"]] if origin_is_agency else []
            origin = [f["origin"]] if origin_is_agency else ["self"]
            title = f"{Bname}: {sys_} {kind} " + self.pick(["reported", "under way", "news"])
        else:  # cite / copy
            verb = self.pick(["reported", "said", "wrote"])
            doc.add(f"{lead}, {f['origin']} {verb} {when}, citing people familiar with the matter.", central())
            cited = [f["origin"]]
            origin = [f["origin"]]
            title = self.pick(
                [
                    f"{sys_} {kind} for {bname}: report",
                    f"Report: {bname} and the {sys_}",
                    f"{f['origin']}: {sys_} {kind} involving {bname}",
                ]
            )
        # body: reactions and context
        doc.add(
            self.pick(
                [
                    f"Neither government commented on the details {when}.",
                    f"Officials in {bcap} did not respond to requests for comment.",
                    f"The {pdem} manufacturer declined to comment.",
                    f"The news was welcomed by lawmakers in {bcap}, who have pushed for modern {many}.",
                ]
            )
        )
        doc.paragraph()
        # background, sometimes wrong in an echo: "sold in" the delivery year, a different value
        old_qty = f["old_qty"]
        if kind not in ("test", "deployment") or r.random() < 0.5:
            year = f["order_year"]
            if role in ("cite", "copy") and variant % 4 == 1:
                year = f["delivery_year"]  # an echo gets the year wrong
            bg_value = f"${round(old_qty * 0.07, 2)} billion"
            if role in ("cite", "copy") and variant % 5 == 2:
                bg_value = f"${round(old_qty * 0.085, 2)} billion"  # an echo quotes another figure
            doc.add(
                f"{Bname} first bought {old_qty} {sys_} {many} in {year} under a contract worth {bg_value}.",
                Event(
                    type="order",
                    supplier=prod,
                    recipient=iso,
                    system=sys_,
                    date=str(year),
                    quantity=str(old_qty),
                    value=bg_value,
                    source_kind="self",
                ),
            )
            doc.add(
                f"Deliveries of that batch began in {f['delivery_year']}.",
                Event(
                    type="delivery",
                    supplier=prod,
                    recipient=iso,
                    system=sys_,
                    date=str(f["delivery_year"]),
                    source_kind="self",
                ),
            )
        fillers = [
            f"Analyst {self.person()} said the {sys_} would strengthen {bdem} capabilities on the border.",
            f"{Bname} has raised defence spending by {r.randint(5, 40)} percent since {r.randint(2015, 2022)}.",
            f"The {sys_} is produced by {pdem} industry and has been exported to several countries.",
            f"Critics in {bcap} questioned the cost of the programme at a time of budget pressure.",
            f"Training of {bdem} crews is expected to take {r.randint(6, 24)} months.",
            f"The deal is part of a wider modernisation plan announced in {r.randint(2016, 2023)}.",
            "Neighbouring states have followed the negotiations closely, diplomats said.",
            f"Parliament's defence committee is due to discuss the programme in {self.pick(_MONTHS)}.",
        ]
        for filler in r.sample(fillers, r.randint(2, 5)):
            doc.add(filler)
        text, events = doc.render()
        return self._labelled(text, title, outlet, published, label, events, cited, origin, "arms")


def _decap(sentence: str) -> str:
    """Lower-case a leading common word ("Deliveries", "The") but keep names ("Kazakhstan")."""
    first = sentence.split(" ", 1)[0]
    return sentence[0].lower() + sentence[1:] if first in ("Deliveries", "The") else sentence


def labelled(n: int, arms_share: float = 0.1, seed: int = 0) -> Iterator[Labelled]:
    """``n`` synthetic articles with their true story labels and extraction-like records."""
    yield from _Gen(n, arms_share, seed).run()


def generate(n: int, arms_share: float = 0.1, seed: int = 0) -> Iterator[Article]:
    """``n`` deterministic synthetic news articles, about ``arms_share`` of them on arms transfers."""
    for item in labelled(n, arms_share, seed):
        yield item.article


def synthetic_records(
    n: int, arms_share: float = 0.1, seed: int = 0, *, truth: dict[str, str] | None = None
) -> Iterator[ArticleRecord]:
    """Extraction-like records for ``generate(n, arms_share, seed)``; fills ``truth`` (id -> story) if given."""
    for item in labelled(n, arms_share, seed):
        if truth is not None:
            truth[item.article.id] = item.story
        yield item.record
