"""Deals: a SIPRI-like trade-register row per (supplier, recipient, system).

Built from the ledger's transfer events only. Denied and negated events never
move a deal's status. The status is that of the *latest* order: a new order
placed after the last recorded delivery makes the deal ``ordered`` again, which
is how a repeat customer looks in the news. Several orders of one system by one
buyer collapse into one row (the register of SIPRI would keep them apart);
``event_ids`` keeps every instance so a reader can split them.
"""

from __future__ import annotations

from collections import Counter

from armsledger.link.common import date_span, norm_system, parse_money, parse_quantity, slug, year_of
from armsledger.model import TRANSFER_TYPES, Deal, LedgerEvent

_ACTIVE = ("asserted",)


def build_deals(events: list[LedgerEvent]) -> list[Deal]:
    """One deal per (supplier, recipient, system) of transfer events that name a recipient and a system."""
    groups: dict[tuple[str | None, str, str], list[LedgerEvent]] = {}
    for e in events:
        if e.type not in TRANSFER_TYPES or not e.recipient or not e.system:
            continue
        groups.setdefault((e.supplier, e.recipient, norm_system(e.system) or ""), []).append(e)
    deals = []
    for (supplier, recipient, _sys), evs in sorted(groups.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        deals.append(_deal(supplier, recipient, evs))
    return deals


def _start(e: LedgerEvent) -> int:
    span = date_span(e.date)
    return span[0] if span else -1


def _end(e: LedgerEvent) -> int:
    span = date_span(e.date)
    return span[1] if span else -1


def _deal(supplier: str | None, recipient: str, evs: list[LedgerEvent]) -> Deal:
    system = Counter(e.system for e in evs if e.system).most_common(1)[0][0]
    live = [e for e in evs if e.factuality not in ("denied", "negated")]
    asserted = {t: [e for e in live if e.type == t and e.factuality in _ACTIVE] for t in TRANSFER_TYPES}
    orders = sorted(asserted["order"], key=_start)
    deliveries = sorted(asserted["delivery"], key=_start)
    latest_order = orders[-1] if orders else None
    latest_delivery = deliveries[-1] if deliveries else None
    last_seen = max((date_span(c.published)[1] for e in evs for c in e.claims if date_span(c.published)), default=-1)

    if asserted["return"]:
        status = "returned"
    elif asserted["cancellation"]:
        status = "cancelled"
    elif latest_order is not None and (latest_delivery is None or _start(latest_order) > _end(latest_delivery)):
        status = "ordered"
    elif latest_delivery is not None:
        planned_later = [
            e
            for e in live
            if e.type == "delivery"
            and e.factuality == "planned"
            and _start(e) > _end(latest_delivery)
            and _end(e) >= last_seen
        ]
        status = "delivering" if planned_later else "delivered"
    elif asserted["order"]:
        status = "ordered"
    elif asserted["negotiation"] or asserted["offer"]:
        status = "negotiating"
    else:
        status = "rumoured"

    order_event = latest_order or next((e for e in live if e.type == "order"), None)
    quantity = value = None
    if order_event is not None:
        quantity = _most_common([c.quantity for c in order_event.claims if parse_quantity(c.quantity) is not None])
        value = _most_common([c.value for c in order_event.claims if parse_money(c.value) is not None])
    order_year = year_of(order_event.date) if order_event is not None else None
    delivery_years = sorted({str(y) for e in deliveries if (y := year_of(e.date)) is not None})
    return Deal(
        id="deal-" + "-".join(slug(x) or "unknown" for x in (supplier, recipient, system)),
        supplier=supplier,
        recipient=recipient,
        system=system,
        status=status,
        order_year=str(order_year) if order_year is not None else None,
        delivery_years=delivery_years,
        quantity=quantity,
        value=value,
        event_ids=[e.id for e in sorted(evs, key=lambda e: (_start(e), e.id))],
    )


def _most_common(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))
