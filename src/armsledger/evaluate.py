"""Scoring extraction against an annotated corpus (the format of the annotation guide).

The figures and matching rules are those of the project's reference scorer
(``shared/eval/score.py``), so users can measure on their own annotated data
without it: greedy one-to-one event matching on type, parties and system
(preferring pairs whose dates agree), B-cubed story clustering, origin
accuracy, per-story conflict matching. It adds a factuality confusion table.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from armsledger.model import FACTUALITY


def norm_system(value: Any) -> str | None:
    if not value:
        return None
    s = re.sub(r"[^0-9a-z]", "", str(value).lower())
    if re.search(r"\ds$", s):
        s = s[:-1]
    return s or None


def same_system(gold: Any, pred: Any) -> bool:
    g, p = norm_system(gold), norm_system(pred)
    if g is None:
        return True
    if p is None:
        return False
    return g == p or (min(len(g), len(p)) >= 3 and (g.startswith(p) or p.startswith(g)))


def norm_name(value: Any) -> str:
    return re.sub(r"[^0-9a-z]", "", str(value or "").lower())


def same_source(gold: Any, pred: Any) -> bool:
    g, p = norm_name(gold), norm_name(pred)
    if not g or not p:
        return g == p
    return g == p or g in p or p in g


def _party(value: Any) -> str | None:
    return (value or "").strip().upper() or None


def key_match(g: dict, p: dict) -> bool:
    if g.get("type") != p.get("type"):
        return False
    for role in ("supplier", "recipient"):
        gv = _party(g.get(role))
        if gv is not None and gv != _party(p.get(role)):
            return False
    if g.get("type") == "sanction":
        return True
    return same_system(g.get("system"), p.get("system"))


def match_events(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for prefer_date in (True, False):
        for gi, g in enumerate(gold):
            if any(gi == a for a, _ in pairs):
                continue
            for pi, p in enumerate(pred):
                if pi in used or not key_match(g, p):
                    continue
                if prefer_date and (g.get("date") or None) != (p.get("date") or None):
                    continue
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def b_cubed(gold_labels: dict[str, str], pred_labels: dict[str, str]) -> float:
    ids = list(gold_labels)
    if not ids:
        return 0.0
    g_cl: dict[str, set[str]] = defaultdict(set)
    p_cl: dict[str, set[str]] = defaultdict(set)
    for i in ids:
        g_cl[gold_labels[i]].add(i)
        p_cl[pred_labels.get(i, f"__none_{i}")].add(i)
    prec = rec = 0.0
    for i in ids:
        g, p = g_cl[gold_labels[i]], p_cl[pred_labels.get(i, f"__none_{i}")]
        prec += len(g & p) / len(p)
        rec += len(g & p) / len(g)
    prec, rec = prec / len(ids), rec / len(ids)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    arts = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        art = json.loads(path.read_text(encoding="utf-8"))
        if "gold" in art:
            arts[str(art["id"])] = art
    return arts


def load_predictions(path: str | Path) -> dict[str, dict]:
    preds = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: not JSON ({exc}); each line must be one article's record") from exc
                preds[str(obj.get("id"))] = obj
    return preds


def score(gold_arts: dict[str, dict], preds: dict[str, dict]) -> dict[str, Any]:
    """All figures of the reference scorer plus the factuality confusion counts."""
    tp = n_gold = n_pred = 0
    date_ok = date_n = fact_ok = fact_n = src_ok = src_n = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    fact_conf: Counter[tuple[str, str]] = Counter()
    for aid, art in gold_arts.items():
        gold = art["gold"]["events"]
        pred = (preds.get(aid) or {}).get("events") or []
        pairs = match_events(gold, pred)
        tp += len(pairs)
        n_gold += len(gold)
        n_pred += len(pred)
        for g in gold:
            by_type[g["type"]][2] += 1
        for p in pred:
            by_type[str(p.get("type"))][1] += 1
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            by_type[g["type"]][0] += 1
            if g.get("date"):
                date_n += 1
                date_ok += (p.get("date") or None) == g["date"]
            fact_n += 1
            fact_ok += p.get("factuality") == g.get("factuality")
            fact_conf[(g.get("factuality"), p.get("factuality"))] += 1
            if g.get("source"):
                src_n += 1
                src_ok += same_source(g["source"], p.get("source"))
    ev_p, ev_r, ev_f = _prf(tp, n_pred, n_gold)
    gold_story = {a: art["gold"]["story"] for a, art in gold_arts.items()}
    pred_story = {a: str(preds[a]["story"]) for a in gold_arts if (preds.get(a) or {}).get("story") is not None}
    orig_ok = 0
    for aid, art in gold_arts.items():
        g = {norm_name(x) for x in art["gold"].get("origin") or []}
        p = {norm_name(x) for x in (preds.get(aid) or {}).get("origin") or []}
        orig_ok += any(same_source(a, b) for a in g for b in p) if g and p else (g == p)
    g_conf: dict[str, Counter] = defaultdict(Counter)
    p_conf: dict[str, Counter] = defaultdict(Counter)

    def ckey(c: dict) -> tuple:
        e = c.get("event") or {}
        return (c.get("field"), e.get("type"), norm_system(e.get("system")))

    for aid, art in gold_arts.items():
        st = art["gold"]["story"]
        for c in art["gold"].get("conflicts") or []:
            g_conf[st][ckey(c)] += 1
        for c in (preds.get(aid) or {}).get("conflicts") or []:
            p_conf[st][ckey(c)] += 1
    c_tp = sum(sum((g_conf[s] & p_conf[s]).values()) for s in g_conf)
    c_p, c_r, c_f = _prf(c_tp, sum(sum(c.values()) for c in p_conf.values()),
                         sum(sum(c.values()) for c in g_conf.values()))
    fact_f1s = []
    for lab in FACTUALITY:
        t = fact_conf[(lab, lab)]
        pp = sum(v for (_, p), v in fact_conf.items() if p == lab)
        gg = sum(v for (g, _), v in fact_conf.items() if g == lab)
        if gg:
            fact_f1s.append(_prf(t, pp, gg)[2])
    return {
        "articles": len(gold_arts), "events_gold": n_gold, "events_pred": n_pred, "events_tp": tp,
        "event_p": ev_p, "event_r": ev_r, "event_f1": ev_f,
        "date_acc": date_ok / date_n if date_n else 0.0,
        "fact_acc": fact_ok / fact_n if fact_n else 0.0,
        "fact_macro_f1": sum(fact_f1s) / len(fact_f1s) if fact_f1s else 0.0,
        "source_acc": src_ok / src_n if src_n else 0.0,
        "story_b3": b_cubed(gold_story, pred_story),
        "origin_acc": orig_ok / len(gold_arts) if gold_arts else 0.0,
        "conflict_p": c_p, "conflict_r": c_r, "conflict_f1": c_f,
        "by_type": {t: dict(zip(("p", "r", "f1"), _prf(*v), strict=True)) for t, v in sorted(by_type.items())},
        "fact_confusion": {f"{g}->{p}": n for (g, p), n in sorted(fact_conf.items(), key=str)},
    }


def format_report(res: dict[str, Any]) -> str:
    """The reference scorer's table, then the factuality confusion table."""
    lines = [
        f"articles {res['articles']}  gold events {res['events_gold']}  predicted {res['events_pred']}  "
        f"matched {res['events_tp']}",
        f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for t, m in res["by_type"].items():
        lines.append(f"{t:<14}{m['p']:>7.2f}{m['r']:>7.2f}{m['f1']:>7.2f}")
    lines.append(
        f"events P/R/F1 {res['event_p']:.3f}/{res['event_r']:.3f}/{res['event_f1']:.3f}  "
        f"factuality macro-F1 {res['fact_macro_f1']:.3f}  source acc {res['source_acc']:.3f}  "
        f"conflicts P/R {res['conflict_p']:.3f}/{res['conflict_r']:.3f}"
    )
    lines.append("")
    lines.append("factuality confusion (rows gold, columns predicted):")
    header = "gold \\ pred".ljust(12) + "".join(f"{f[:9]:>11}" for f in FACTUALITY)
    lines.append(header)
    conf = res["fact_confusion"]
    for g in FACTUALITY:
        row = [conf.get(f"{g}->{p}", 0) for p in FACTUALITY]
        if any(row):
            lines.append(g.ljust(12) + "".join(f"{n:>11}" for n in row))
    lines.append("")
    lines.append(" ".join(f"{k}={res[k]:.3f}" for k in ("event_f1", "date_acc", "fact_acc", "story_b3",
                                                          "origin_acc", "conflict_f1")))
    return "\n".join(lines)
