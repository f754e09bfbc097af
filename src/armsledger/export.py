"""Exports of the ledger: JSONL (events with claims), SIPRI-style CSV (deals), PLOVER-style JSON.

SIPRI's Arms Transfers Database publishes a trade register with one row per
deal (supplier, recipient, designation, order year, delivery years, number,
status); PLOVER (the successor of CAMEO) codes events as source actor, event
category, target actor, date. Each export links back to ledger event ids so a
row can always be traced to its evidence.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from armsledger.model import Deal, LedgerEvent

FORMATS = ("jsonl", "csv", "plover")

# Event type -> PLOVER event category (Halterman et al., PLOVER codebook).
PLOVER_CATEGORY: dict[str, str] = {
    "negotiation": "CONSULT",
    "offer": "COOPERATE",
    "order": "AGREE",
    "delivery": "AID",
    "delay": "RETREAT",
    "cancellation": "REDUCE",
    "return": "RETREAT",
    "rejection": "REJECT",
    "sanction": "SANCTION",
    "exclusion": "SANCTION",
    "test": "MOBILIZE",
    "deployment": "MOBILIZE",
    "development": "MOBILIZE",
}
# PLOVER's "mode" refines the category where the ledger knows it.
PLOVER_MODE: dict[str, str] = {
    "delivery": "military",
    "order": "military",
    "offer": "military",
    "exclusion": "military",
    "sanction": "economic",
}

SIPRI_COLUMNS = (
    "deal_id", "supplier", "recipient", "designation", "status", "order_year", "delivery_years",
    "number", "value", "event_ids",
)


def write_jsonl(events: Iterable[LedgerEvent], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_sipri_csv(deals: Iterable[Deal], out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow(SIPRI_COLUMNS)
    n = 0
    for d in deals:
        writer.writerow(
            [d.id, d.supplier or "", d.recipient or "", d.system or "", d.status, d.order_year or "",
             ";".join(d.delivery_years), d.quantity or "", d.value or "", ";".join(d.event_ids)]
        )
        n += 1
    return n


def plover_record(ev: LedgerEvent) -> dict[str, object]:
    """One ledger event as a PLOVER-style event record."""
    return {
        "id": ev.id,
        "event_date": ev.date,
        "event_type": PLOVER_CATEGORY.get(ev.type, "COOPERATE"),
        "mode": PLOVER_MODE.get(ev.type, ""),
        "context": ["military", "arms_transfer"],
        "actor": ev.supplier,
        "recipient": ev.recipient,
        "source_actor": ev.supplier,
        "target_actor": ev.recipient,
        "armsledger_type": ev.type,
        "system": ev.system,
        "factuality": ev.factuality,
        "independent_sources": ev.n_origins,
        "sources": ev.origins,
        "text": [c.evidence for c in ev.claims][:5],
    }


def write_plover(events: Iterable[LedgerEvent], out: IO[str]) -> int:
    records = [plover_record(ev) for ev in events]
    json.dump(records, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(records)
