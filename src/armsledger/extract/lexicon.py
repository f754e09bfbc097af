"""Trigger words and cue words: the linguistic knowledge of the extractor in one place.

A trigger maps a lemma to an event type and a *frame*, which says how the
syntactic roles around the word become supplier and recipient:

- ``give``: the subject hands items over (sell, deliver, send): supplier = subject, recipient = "to" / indirect object.
- ``get``: the subject acquires (buy, receive, order): recipient = subject, supplier = "from"/"with" or the producer.
- ``arrive``: the items are the subject (arrive, land): recipient = the place, supplier = the producer.
- ``mutual``: two parties act together (negotiate, sign a contract): the producer's state is the supplier.
- ``buyback``: the subject acquires back from the holder: recipient = subject, supplier = the holder.
- ``act``: one state acts on another (reject, sanction, exclude): supplier = actor, recipient = the state acted upon.
- ``self``: one state acts alone (test, deploy, develop): supplier = actor, no recipient.
- ``mod``: changes an existing transfer (delay, cancel): parties of the transfer.
"""

from __future__ import annotations

VERB_TRIGGERS: dict[str, tuple[str, str]] = {
    # orders
    "buy": ("order", "get"),
    "select": ("order", "get"),  # "Colombia has selected the Gripen": a choice of supplier is the order
    "choose": ("order", "get"),
    "pick": ("order", "get"),  # "Ottawa picked the F-35 in 2022" (only near a system: events._STRICT_VERBS)
    "prefer": ("order", "get"),  # "the Brazilian turboprop had been preferred to the AT-6" (strict, as "pick")
    "purchase": ("order", "get"),
    "acquire": ("order", "get"),
    "procure": ("order", "get"),
    "order": ("order", "get"),
    "import": ("order", "get"),
    "contract": ("order", "get"),
    "lease": ("order", "get"),  # "agreed to lease eight AH-64Ds from the US Army" (not "the leased Gripens")
    "obtain": ("order", "get"),
    "sell": ("order", "give"),
    "export": ("order", "give"),
    "sign": ("order", "mutual"),
    "conclude": ("order", "mutual"),
    "ink": ("order", "mutual"),
    "finalise": ("order", "get"),
    "finalize": ("order", "get"),
    # deliveries
    "deliver": ("delivery", "give"),
    "ship": ("delivery", "give"),
    "supply": ("delivery", "give"),
    "send": ("delivery", "give"),
    "transfer": ("delivery", "give"),
    "fly": ("delivery", "give"),
    "ferry": ("delivery", "give"),
    "hand": ("delivery", "give"),
    "give": ("delivery", "give"),  # only with a system in the clause (events._STRICT_VERBS)
    "provide": ("delivery", "give"),
    "donate": ("delivery", "give"),
    "gift": ("delivery", "give"),
    "lend": ("delivery", "give"),  # "India lent a Dornier 228 to Colombo" (only near a system)
    "loan": ("delivery", "give"),  # the verb: "loaned two Hawks to the air force" (the noun is money)
    "receive": ("delivery", "get"),
    "get": ("delivery", "get"),  # only with weapons as object ("will get F-16 jets"), see events._weapon_like
    "arrive": ("delivery", "arrive"),
    "land": ("delivery", "arrive"),
    "unload": ("delivery", "arrive"),  # "the first launchers were unloaded at the naval base last month"
    "offload": ("delivery", "arrive"),
    # negotiation and offers
    "negotiate": ("negotiation", "mutual"),
    "discuss": ("negotiation", "mutual"),  # "the KAAN deal was first discussed in February" (only near a system)
    "renegotiate": ("negotiation", "mutual"),
    "haggle": ("negotiation", "mutual"),  # "London and Riyadh have been haggling over the terms"
    "bargain": ("negotiation", "mutual"),
    "offer": ("offer", "give"),
    "propose": ("offer", "give"),
    "pitch": ("offer", "give"),  # "had pitched the NASAMS to Baghdad" (only near a system)
    "promote": ("offer", "give"),  # "Washington is promoting two ex-US Army C-12s" (only near a system)
    "tout": ("offer", "give"),  # "Saab has been touting the Gripen E to Bogota" (only near a system)
    "market": ("offer", "give"),  # "a broker is marketing four Alouette IIIs" (only near a system)
    "table": ("offer", "give"),  # "Abu Dhabi Ship Building tabled its Falaj 3 design" (only near a system)
    "promise": ("offer", "give"),
    "approve": ("offer", "give"),
    "clear": ("offer", "give"),  # "the administration cleared the F-16s for Bahrain in 2017" (only near a system)
    "authorise": ("offer", "give"),
    "authorize": ("offer", "give"),
    "pledge": ("offer", "give"),
    "commit": ("offer", "give"),  # "committed 30 F-16s" (with an object; see events._trigger_of)
    "repurchase": ("offer", "buyback"),
    # changes to a transfer
    "delay": ("delay", "mod"),
    "postpone": ("delay", "mod"),
    "reschedule": ("delay", "mod"),
    "slip": ("delay", "mod"),  # "deliveries under the contract have slipped" (needs a system, like every delay)
    "cancel": ("cancellation", "mod"),
    "scrap": ("cancellation", "mod"),
    "abandon": ("cancellation", "mod"),
    "terminate": ("cancellation", "mod"),
    "rethink": ("cancellation", "mod"),
    "reconsider": ("cancellation", "mod"),
    "return": ("return", "give"),
    "resell": ("return", "give"),
    # around transfers
    "reject": ("rejection", "act"),
    "refuse": ("rejection", "act"),
    "rebuff": ("rejection", "act"),
    "renounce": ("rejection", "act"),
    "sanction": ("sanction", "act"),
    "penalise": ("sanction", "act"),
    "blacklist": ("sanction", "act"),
    "penalize": ("sanction", "act"),
    "expel": ("exclusion", "act"),
    "exclude": ("exclusion", "act"),
    "remove": ("exclusion", "act"),
    "suspend": ("exclusion", "act"),
    "test": ("test", "self"),
    "test-fire": ("test", "self"),
    "deploy": ("deployment", "self"),
    "station": ("deployment", "self"),
    "position": ("deployment", "self"),
    "induct": ("deployment", "self"),
    "field": ("deployment", "self"),  # "the army began fielding the HQ-9/P in 2021" (a system is required)
    "activate": ("deployment", "self"),
    "develop": ("development", "self"),
    "design": ("development", "self"),  # "was designed in Turkey" (not "designed to intercept": see events)
    "commission": ("deployment", "self"),  # "the frigates were commissioned in 2011" (a system is required)
}

# Phrasal verbs: (lemma, particle) -> trigger. Checked before VERB_TRIGGERS.
PHRASAL_TRIGGERS: dict[tuple[str, str], tuple[str, str]] = {
    ("buy", "back"): ("offer", "buyback"),
    ("sell", "back"): ("return", "give"),
    ("send", "back"): ("return", "give"),
    ("give", "back"): ("return", "give"),
    ("hand", "back"): ("return", "give"),
    ("go", "back"): ("return", "give"),  # "the Dhruv helicopter had gone back to India": its holder returned it
    ("hand", "over"): ("delivery", "give"),
    ("put", "off"): ("delay", "mod"),
    ("hold", "up"): ("delay", "mod"),
    ("hold", "off"): ("delay", "mod"),
    ("push", "back"): ("delay", "mod"),
    ("cut", "out"): ("exclusion", "act"),
    ("throw", "out"): ("exclusion", "act"),
    ("kick", "out"): ("exclusion", "act"),
    ("turn", "down"): ("rejection", "act"),
    ("pass", "over"): ("rejection", "act"),  # "passing over the American Patriot"
    ("set", "aside"): ("rejection", "act"),  # "two other proposals were set aside" (a bid, not money)
    ("settle", "on"): ("order", "get"),  # "it settled on the SAMP/T last week"
    ("opt", "for"): ("order", "get"),
    ("sign", "for"): ("order", "get"),  # "Addis Ababa had already signed for a second batch"
    ("pay", "for"): ("order", "get"),  # "agreed to pay for 36 F-35A jets in 2022" (only near a system)
    ("walk", "away"): ("cancellation", "mod"),
    ("tear", "up"): ("cancellation", "mod"),
    ("give", "up"): ("cancellation", "mod"),
    ("rip", "up"): ("cancellation", "mod"),
    ("call", "off"): ("cancellation", "mod"),
    ("back", "out"): ("cancellation", "mod"),
    ("pull", "out"): ("cancellation", "mod"),
    ("fall", "apart"): ("cancellation", "mod"),  # "the deal fell apart"
    ("fall", "through"): ("cancellation", "mod"),
    ("touch", "down"): ("delivery", "arrive"),  # "the first pair touched down at Clark in 2015"
    ("put", "forward"): ("offer", "give"),  # "the JF-17 put forward by Pakistan" (only near a system)
}

NOUN_TRIGGERS: dict[str, tuple[str, str]] = {
    "purchase": ("order", "get"),
    "acquisition": ("order", "get"),
    "order": ("order", "get"),
    "contract": ("order", "mutual"),
    "deal": ("order", "mutual"),
    "agreement": ("order", "mutual"),
    "sale": ("order", "give"),
    "procurement": ("order", "get"),
    "delivery": ("delivery", "give"),
    "shipment": ("delivery", "give"),
    "supply": ("delivery", "give"),
    "arrival": ("delivery", "arrive"),
    "airlift": ("delivery", "give"),
    "handover": ("delivery", "give"),
    "negotiation": ("negotiation", "mutual"),
    "renegotiation": ("negotiation", "mutual"),
    "talk": ("negotiation", "mutual"),
    "offer": ("offer", "give"),
    "proposal": ("offer", "give"),
    "bid": ("offer", "give"),  # "Saab's bid for the Gripen E" (not "in a bid to buy": an attempt)
    "approval": ("offer", "give"),
    "request": ("offer", "get"),
    "repurchase": ("offer", "buyback"),
    "buyback": ("offer", "buyback"),
    "buy-back": ("offer", "buyback"),
    "delay": ("delay", "mod"),
    "postponement": ("delay", "mod"),
    "cancellation": ("cancellation", "mod"),
    "rejection": ("rejection", "act"),
    "sanction": ("sanction", "act"),
    "penalty": ("sanction", "act"),
    "expulsion": ("exclusion", "act"),
    "removal": ("exclusion", "act"),
    "exclusion": ("exclusion", "act"),
    "suspension": ("exclusion", "act"),
    "test": ("test", "self"),
    "testing": ("test", "self"),
    "test-firing": ("test", "self"),
    "trial": ("test", "self"),  # "put two Z-10s through trials in 2015", "completed sea trials" (a system required)
    "deployment": ("deployment", "self"),
    "induction": ("deployment", "self"),
    "development": ("development", "self"),
    "capability": ("deployment", "self"),  # only as "initial/full operational capability" (checked by the extractor)
}

# Nouns/verbs that turn an embedded transfer into a request or proposal (an ``offer``):
# "the U.S. asked us to send the S-400s", "pressed Turkey to buy Patriot", "approved the sale".
REQUEST_WORDS = frozenset(
    {
        "ask", "request", "propose", "proposal", "suggest", "urge", "press", "demand", "offer", "approach",
        "approve", "allow", "clear", "seek", "want", "raise", "invite", "consider", "mull", "weigh", "ready", "sound",
        "compete", "vie",  # "Embraer is competing to sell the C-390 to India": a bid, an offer
        "interested", "interest", "willing", "prepared", "light", "authorise", "authorize", "permit",
    }
)
# ...and those that turn it into a negotiation ("attempts to purchase", "efforts to obtain").
ATTEMPT_WORDS = frozenset({"attempt", "effort", "try", "bid", "negotiate", "talk", "negotiation"})
# A state's veto over others' sales ("Germany's objection to sales of Typhoons to Riyadh"): a transfer under it
# is refused; lifted ("dropped its objection"), it is approved, an offer (GUIDE.md: approvals are offers).
OBJECTION_WORDS = frozenset({"objection", "opposition", "veto", "embargo", "freeze", "moratorium"})
LIFT_VERBS = frozenset({"drop", "lift", "withdraw", "abandon", "end", "waive", "remove", "scrap", "relax", "ease"})
# Words that put a deal just ahead ("close to buying", "on the verge of a deal"): the talks are the event.
NEAR_WORDS = frozenset({"close", "closer", "near", "nearer", "verge", "brink", "cusp"})

# Words that only make a noun trigger an arms event next to a system or programme.
PROGRAMME_WORDS = frozenset({"programme", "program", "project", "consortium", "initiative"})

# Predicate adjectives about a system that announce a delivery ("the first jets are due in 2027").
DELIVERY_ADJECTIVES = frozenset({"due"})
# Adverbs that turn a delivery into a delay ("the first pair was handed over four months late").
LATE_WORDS = frozenset({"late", "behind", "overdue", "belatedly"})
# Outcomes of an order ("operational") that are deployments even as adjectives.
DEPLOYMENT_ADJECTIVES = frozenset({"operational", "active", "combat-ready", "deployed", "inducted"})
# ...and what "ready for" must name to mean the same ("declared the battery ready for duty").
READY_FOR = frozenset({"duty", "service", "combat", "operation", "operations", "action", "deployment", "use"})

# --- factuality cues ---------------------------------------------------------------------------

SPECULATIVE_MODALS = frozenset({"could", "may", "might", "can"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
# a buyer weighing its choice: the purchase stays speculated even when a report tells of the weighing
WEIGHING_WORDS = frozenset({"consider", "weigh", "mull", "contemplate", "explore", "study", "evaluate", "assess",
                            "consideration", "evaluation"})
SPECULATIVE_WORDS = frozenset(
    {
        "consider", "weigh", "mull", "contemplate", "explore", "study", "evaluate", "assess", "possible", "possibly",
        "consideration", "evaluation",
        "potential", "potentially",
        "threaten", "risk", "speculation", "speculate", "rumour", "rumor", "perhaps", "maybe", "likely",
        "unlikely", "hypothetical", "face", "warn", "whether", "if", "prospect", "possibility", "eventual",
        "reconsider", "rethink",  # "reconsidering its plan to buy S": a cancellation that may come
    }
)
PLANNED_WORDS = frozenset(
    {
        "plan", "intend", "schedule", "due", "expect", "aim", "set", "oblige", "scheduled", "planned",
        "expected", "upcoming", "future", "will", "going", "hope", "prepare", "preparing", "forthcoming",
    }
)
NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
NEGATING_VERBS = frozenset({"refrain", "fail", "decline", "halt", "stop", "avoid", "block", "veto", "freeze", "bar"})
DENIAL_WORDS = frozenset(
    {"deny", "dismiss", "refute", "reject", "rebut", "dispute", "debunk", "contradict", "rule", "brush"}
)
# "repeated the government's rejection of the story, that ...": a denial told as a noun
DENIAL_NOUNS = frozenset({"denial", "rejection", "dismissal", "rebuttal"})
DENIED_OBJECTS = frozenset(
    {"report", "reports", "claim", "claims", "story", "rumour", "rumours", "idea", "speculation"}
)
REPORT_HEDGES = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "unconfirmed"})

# --- attribution ---------------------------------------------------------------------------------

REPORTING_VERBS = frozenset(
    {
        "say", "report", "tell", "state", "announce", "confirm", "claim", "add", "write", "insist", "argue",
        "note", "reveal", "suggest", "quote", "cite", "declare", "affirm", "clarify", "explain", "inform",
        "according", "publish", "acknowledge", "disclose", "warn", "indicate", "assert",
        "brief", "tweet", "post", "learn", "comment", "emphasise", "emphasize", "stress", "speak", "allege",
        "deny", "dismiss", "refute", "rule", "maintain", "mention", "recall", "remark", "threaten", "concede",
        "admit", "reiterate", "caution", "observe", "testify",
    }
)
# Subjects that make a claim hearsay rather than on the record.
ANONYMOUS_SOURCES = frozenset(
    {
        "source", "sources", "people", "person", "insider", "insiders", "diplomat", "diplomats", "official",
        "officials", "officer", "officers", "observer", "observers", "analyst", "analysts",
    }
)
REPORT_NOUNS = frozenset(
    {"report", "reports", "media", "press", "outlet", "newspaper", "publication", "daily", "agency", "website",
     "site", "paper", "broadcaster", "channel", "portal", "weekly", "magazine", "tabloid", "newsletter", "journal",
     "bulletin"}
)

# What can be rejected: a rejection names an offer, a request or a system ("rejected the decision" is not one).
REJECTABLE = frozenset(
    {"offer", "proposal", "request", "demand", "call", "bid", "pressure", "plan", "deal", "sale", "purchase",
     "option", "suggestion", "idea", "system", "systems", "jets", "aircraft", "weapons", "package"}
)

# Generic nouns -> the catalog categories of the systems they can stand for ("the jets" -> a combat aircraft).
GENERIC_CATEGORIES: dict[str, tuple[str, ...]] = {
    "aircraft": ("combat_aircraft", "aircraft", "drone"), "jet": ("combat_aircraft", "aircraft"),
    "jets": ("combat_aircraft", "aircraft"), "fighter": ("combat_aircraft",), "fighters": ("combat_aircraft",),
    "plane": ("combat_aircraft", "aircraft"), "planes": ("combat_aircraft", "aircraft"),
    "airframe": ("combat_aircraft", "aircraft"), "airframes": ("combat_aircraft", "aircraft"),
    "helicopter": ("helicopter",), "helicopters": ("helicopter",), "tank": ("armour",), "tanks": ("armour",),
    "frigate": ("ship",), "frigates": ("ship",), "ship": ("ship",), "ships": ("ship",), "vessel": ("ship",),
    "vessels": ("ship",), "submarine": ("submarine",), "submarines": ("submarine",), "drone": ("drone",),
    "drones": ("drone",), "rifles": ("small_arms",), "howitzers": ("artillery",), "launcher": ("artillery",
    "air_defence", "missile"), "launchers": ("artillery", "air_defence", "missile"),
    "battery": ("air_defence", "missile", "artillery"), "batteries": ("air_defence", "missile", "artillery"),
    "interceptor": ("air_defence", "missile"), "interceptors": ("air_defence", "missile"),
    "radar": ("radar", "air_defence"), "radars": ("radar", "air_defence"), "regiment": ("air_defence",),
    "regiments": ("air_defence",), "squadron": ("air_defence", "combat_aircraft"),
    "squadrons": ("air_defence", "combat_aircraft"),
    "gun": ("artillery",), "guns": ("artillery",), "howitzer": ("artillery",), "warplane": ("combat_aircraft",),
    "warplanes": ("combat_aircraft",), "boat": ("submarine", "ship"), "boats": ("submarine", "ship"),
    "corvette": ("ship",), "corvettes": ("ship",), "destroyer": ("ship",), "destroyers": ("ship",),
    "vehicle": ("armour",), "vehicles": ("armour",), "rifle": ("small_arms",),
    "engine": ("engine",), "engines": ("engine",), "escort": ("ship",), "escorts": ("ship",),
    "warship": ("ship",), "warships": ("ship",), "cruiser": ("ship",), "cruisers": ("ship",),
    "minehunter": ("ship",), "minehunters": ("ship",), "gunship": ("helicopter",), "gunships": ("helicopter",),
    "turboprop": ("combat_aircraft", "aircraft"), "turboprops": ("combat_aircraft", "aircraft"),
    "craft": ("ship", "aircraft", "combat_aircraft"), "cutter": ("ship",), "cutters": ("ship",),
}

# Nouns of a kind after a bare name that several systems share ("Cougar mine-protected vehicles", "Bastion
# carriers", "Lynx helicopters"): the categories the name's system can then be in (catalog.Catalog.of_kind).
NAME_KINDS: dict[str, tuple[str, ...]] = {
    **GENERIC_CATEGORIES,
    **{w: ("armour",) for w in ("carrier", "carriers", "mrap", "mraps", "apc", "apcs", "ifv", "ifvs", "car", "cars")},
    **{w: ("missile", "air_defence") for w in ("missile", "missiles")},
    **{w: ("drone",) for w in ("uav", "uavs")}, "chopper": ("helicopter",), "choppers": ("helicopter",),
}

# What follows "<Name>-class" when it names a ship class ("Abukuma-class destroyer escorts"), not a rank
# ("world-class", "the middle class").
SHIP_KINDS: frozenset[str] = frozenset(
    {w for w, cats in GENERIC_CATEGORIES.items() if set(cats) & {"ship", "submarine"}}
    | {"escort", "escorts", "cruiser", "cruisers", "carrier", "carriers", "patrol", "landing", "minehunter",
       "minehunters", "amphibious", "offshore", "guided", "missile", "attack", "replenishment", "tanker", "tankers"}
)
