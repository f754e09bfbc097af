"""Temporal expressions: find dates in news text and resolve them against the publication date.

Events must be dated "as precise as the text allows after resolving relative
expressions" (``shared/corpus/GUIDE.md``), as ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. This module is a pure-Python, regex-based finder/resolver with
no spaCy dependency, because it runs on every candidate sentence.

How it works (and why it is shaped this way): Python's regex engine is slow at
trying many case-insensitive alternatives at every position, so one
case-sensitive scan finds *head* words a date is built around (month and
weekday names, 1900-2099 years, "week", "year", "today", "New Year", "Q4" ...);
each head's handler matches forward with an anchored pattern and reads a few
tokens backward ("the end of", "last", "12th of", "by"). Candidates are then
chosen longest-first without overlaps, joined into ranges ("between X and Y",
"from X to Y") and given their bounding preposition.

Conventions (the choices the guide leaves open):

* Spans cover the expression itself (``"12 July 2019"``, ``"last Friday"``,
  ``"late on Monday"``) plus the bounding preposition when there is one
  (``"by April 2020"``, ``"since 1999"``, ``"within 30 days"``, ``"soon after
  the New Year"``); a plain ``"in"``/``"on"`` is left out. Ranges include
  ``"from"``/``"between"``. ``"not before 2030"`` / ``"not until"`` get bound
  ``"after"`` (only when "not" is right in front of the preposition).
* Precision follows the text: days give ``YYYY-MM-DD``, months ``YYYY-MM``,
  years, seasons, quarters, halves, fiscal years and ``"late 2025"``-style
  expressions ``YYYY``. ``"12/07/2019"`` is ambiguous (day-month or
  month-day) and only gives ``YYYY`` unless one part exceeds 12; ``12.07.2019``
  is read as European day.month.year.
* Weeks (``"last week"``) resolve to ``YYYY-MM`` of the month that holds most of
  the days referred to (the middle day of the span; for a whole week its
  Thursday, as in ISO 8601); weekends to the month of their Saturday.
* Durations from the publication date resolve to their end point at the
  precision of the unit: ``"within 30 days"`` -> anchor + 30 days
  (``YYYY-MM-DD``, bound ``"within"``), ``"in two years"`` -> ``YYYY``,
  ``"three days ago"`` -> ``YYYY-MM-DD``. Vague amounts (``"in the coming
  weeks"``, ``"a few years ago"``, ``"over the past two years"``) are returned
  with ``value=None``. A bare ``"30 days"`` is a duration, not a date: not returned.
* Days and months named without a year ("on 26 April", "in July") and weekdays
  ("on Saturday") depend on tense: past -> the latest such day/month on or
  before the publication date (the anchor day/month itself included), future ->
  the first on or after it. Without a tense, weekdays count as past (news
  reports what happened) and days/months take the one nearest the anchor. A
  stated weekday picks the year ("Friday, 12 July"). A deadline ("by July 31",
  "until Friday") in a past clause ("were told to leave by July 31") still
  usually points ahead, so there past is relaxed to nearest. A month list or
  range shares its stated year ("May, June and July 2019", "from March to May 2024").
* ``"last Friday"`` is the latest Friday strictly before the anchor, ``"next
  Friday"`` the first strictly after; ``"last October"`` the latest October
  strictly before the anchor month.
* ``tense=None`` infers the tense per expression from the nearest verb cue in
  the clause ("will", "could", "expected", "said", "-ed" ...; a cue just in
  front wins: "said on Sunday it could ..."). That is more precise than one
  tense for the whole sentence ("said on Monday it will deliver in July" has a
  past Monday and a future July); passing ``tense`` forces it for every
  expression.
* "New Year" is 1 January of the coming year (future or unmarked after
  February) or of the anchor year (past); "Lunar New Year" and the like are skipped.
* Relative expressions need an anchor at least as precise as the result: with
  ``published="2025"`` "last year" resolves, "yesterday" gets ``value=None``;
  with no anchor only absolute dates resolve.
* Not dates: money, counts and measures ("$2.5 billion", "some 2000 troops",
  "2019 km"), designations ("S-400", "Type 055", "Block 70"), labels
  ("Section 231", "No. 2019", "Resolution 2019"), phone-like digit runs,
  years outside 1900-2099, decades ("the 1990s"), times; "may"/"march"/"august"
  in lower case; a bare "May"/"June" with nothing temporal around it (a name);
  "Russia Today" / "USA Today".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["Timex", "find_timexes", "parse_iso", "resolve_weekday"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a string, with its resolved value."""

    start: int
    end: int
    text: str
    value: str | None  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"; None when it cannot be resolved
    kind: str  # "date" | "month" | "year" | "weekday" | "relative" | "range" | "season" | "quarter"
    end_value: str | None = None  # end of a range
    bound: str | None = None  # "by" | "until" | "since" | "before" | "after" | "within" | None


# --------------------------------------------------------------------------------------------------
# ISO helpers
# --------------------------------------------------------------------------------------------------

_ISO_RE = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+\-Z ]*)?\s*")


def parse_iso(value: str | None) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a trailing time is ignored) -> date; partial -> first day.

    ``None`` or an empty string gives ``None``; anything else that is not ISO
    raises ``ValueError`` so a bad publication date is fixed at ingest instead
    of silently dating every relative expression wrong.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value.strip():
        return None
    m = _ISO_RE.fullmatch(value)
    if not m:
        raise ValueError(f"not an ISO date: {value!r}; expected YYYY, YYYY-MM or YYYY-MM-DD (normalise it at ingest)")
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return date(y, mo, d)
    except ValueError as exc:
        raise ValueError(f"not a valid calendar date: {value!r} ({exc})") from None


def _anchor(published: str | date | None) -> tuple[date | None, int]:
    """(anchor date, precision: 0 none, 1 year, 2 month, 3 day)."""
    if published is None:
        return None, 0
    if isinstance(published, datetime):
        return published.date(), 3
    if isinstance(published, date):
        return published, 3
    d = parse_iso(published)
    if d is None:
        return None, 0
    m = _ISO_RE.fullmatch(published)
    assert m is not None  # parse_iso accepted it
    return d, 3 if m.group(3) else 2 if m.group(2) else 1


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """Format a (partial) date, or None when it is not a real calendar date."""
    if not 1 <= y <= 9999:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        date(y, m, d)
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _fmt_date(d: date, prec: int = 3) -> str:
    return f"{d.year:04d}" if prec == 1 else f"{d.year:04d}-{d.month:02d}" if prec == 2 else d.isoformat()


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


# --------------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)(?![A-Za-z])"
)
_YEAR = r"(?:19|20)\d\d"
_YEAR_END = r"(?![\w]|[.,]\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[.,:]\d|\s*(?:%|percent|per\s+cent))"
_DAY_BEFORE = r"(?<![\w$€£¥#.,/:+–—-])"
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90,
}


def _weekday_num(token: str) -> int:
    return _WEEKDAYS.index(token.strip(". ").lower()[:3])


# --------------------------------------------------------------------------------------------------
# Resolution against the anchor
# --------------------------------------------------------------------------------------------------


def resolve_weekday(name: str, anchor: date, tense: str | None) -> date:
    """The day called ``name`` ("Saturday", "Sat.") closest to ``anchor`` in the direction of ``tense``.

    Past (or no tense, since news mostly reports what happened) -> the latest
    such day on or before the anchor; future -> the first on or after it. A
    report on Sunday saying "on Saturday" means the day before; "on Sunday"
    means the anchor day itself.
    """
    try:
        wd = _weekday_num(name)
    except ValueError:
        raise ValueError(f"not a weekday name: {name!r}; use e.g. 'Monday' or 'Mon.'") from None
    if tense == "future":
        return anchor + timedelta(days=(wd - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - wd) % 7)


def _weekday_rel(wd: int, anchor: date, pre: str) -> date:
    """``last``/``next`` weekday: strictly before / after the anchor."""
    if pre == "last":
        return anchor - timedelta(days=(anchor.weekday() - wd - 1) % 7 + 1)
    return anchor + timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)


def _year_for_month(m: int, anchor: date, tense: str | None) -> int:
    """Year of a month named without one ("in July"), chosen by tense."""
    ay, am = anchor.year, anchor.month
    if tense == "past":
        return ay if m <= am else ay - 1
    if tense == "future":
        return ay if m >= am else ay + 1
    return min((ay - 1, ay, ay + 1), key=lambda y: (abs((y * 12 + m) - (ay * 12 + am)), y))


def _year_for_day(m: int, d: int, anchor: date, tense: str | None, weekday: int | None = None) -> int | None:
    """Year of a day named without one ("on 26 April"); a stated weekday picks the matching year."""
    cands: list[tuple[int, date]] = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append((y, date(y, m, d)))
        except ValueError:
            continue
    if not cands:
        return None
    if weekday is not None:
        matching = [c for c in cands if c[1].weekday() == weekday]
        if matching:
            cands = matching
    if tense == "past":
        ok = [c for c in cands if c[1] <= anchor]
    elif tense == "future":
        ok = [c for c in cands if c[1] >= anchor]
    else:
        ok = []
    pool = ok or cands
    return min(pool, key=lambda c: (abs((c[1] - anchor).days), c[0]))[0]


def _month_rel(m: int, anchor: date, pre: str) -> int:
    """Year of "last/this/next October"."""
    ay, am = anchor.year, anchor.month
    if pre in ("last", "past"):
        return ay if m < am else ay - 1
    if pre in ("next", "coming"):
        return ay if m > am else ay + 1
    return ay


def _mid(a: date, b: date) -> date:
    return a + timedelta(days=(b - a).days // 2)


# --------------------------------------------------------------------------------------------------
# Tense inference (only used when the caller passes tense=None)
# --------------------------------------------------------------------------------------------------

def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD_RE = re.compile(r"[^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]+)*")  # letters of any script: "Yalçın" is one word
_CLAUSE_END_RE = re.compile(r"[.!?;:]\s|\n")  # ("is rearming too: in August it signed")
_FUTURE_WORDS = _wordset(
    "will shall would won't wouldn't won’t wouldn’t could might may should must "
    "expected expects expect scheduled slated due planned plans plan "
    "planning intends intend intended aims aim aiming upcoming forthcoming"
)
# a schedule moved: "had pushed the ceremony back to April", "was postponed to March" (the new date, likely ahead)
_SLIP_WORDS = _wordset("back postponed delayed deferred moved pushed rescheduled shifted slipped put off")
_FUTURE_AUX = _wordset("will shall would wo won't wouldn't won’t wouldn’t")
_MODALS = _wordset("could might may should must can")
_PAST_WORDS = _wordset(
    "said told was were had did took made began came went met held sent gave got won lost sold bought saw wrote "
    "spoke left brought fought paid led became knew thought found kept struck shot flew drew rose fell grew ran "
    "broke chose ago"
)
_NOT_PAST = _wordset(
    "need speed feed seed breed indeed proceed exceed succeed embed shed bred based armed advanced united limited "
    "related detailed unmanned manned guided sophisticated red bed wed armoured armored wheeled tracked unarmed "
    "integrated specialised specialized dedicated combined uncrewed crewed"
)


def _word_cue(words: list[str], low: list[str], i: int) -> str | None:
    """Tense signalled by ``words[i]`` (given its left context), or None."""
    w = low[i]
    if words[i] == "May" and i:
        return None  # the month ("delivered in May, which ..."), not the modal
    if w in _FUTURE_WORDS or w.endswith(("'ll", "’ll")):
        return "future"
    if i >= 2 and low[i - 1] == "to" and low[i - 2] in ("is", "are", "was", "were") and w != "be":
        return "future"  # "a third is to follow in February", "the boats are to arrive in March"
    if w in _PAST_WORDS or (len(w) >= 5 and w.endswith("ed") and w not in _NOT_PAST and words[i].islower()):
        prev = [p for j, p in enumerate(low[max(0, i - 3):i], max(0, i - 3)) if words[j] != "May" or not j]
        if any(p in _FUTURE_AUX or p.endswith(("'ll", "’ll")) for p in prev) or prev[-2:] == ["to", "be"] or (
            any(p in _MODALS for p in prev) and "have" not in prev
        ):
            return "future"  # "will be delivered", "is to be signed", "could be signed" (not "could have been")
        return "past"
    if w.endswith("ing"):
        return "future" if i and low[i - 1] in ("is", "are", "am", "'s", "'re") else None
    if w in ("set", "going") and i + 1 < len(low) and low[i + 1] in ("to", "for"):
        return "future"
    return None


def _infer_tense(text: str, start: int, end: int) -> str | None:
    """Tense of the nearest verb cue in the same clause (before or after the expression)."""
    left = text[max(0, start - 100):start]
    cuts = [c.end() for c in _CLAUSE_END_RE.finditer(left)]
    if cuts:
        left = left[cuts[-1]:]
    right = text[end:end + 60]
    m = _CLAUSE_END_RE.search(right)
    if m:
        right = right[:m.start()]
    lw = _WORD_RE.findall(left)[-16:]
    rw = _WORD_RE.findall(right)[:10]
    llow = [w.lower() for w in lw]
    rlow = [w.lower() for w in rw]
    back: tuple[int, str] | None = None
    for dist, i in enumerate(range(len(lw) - 1, -1, -1)):
        cue = _word_cue(lw, llow, i)
        if cue:
            back = (dist, cue)
            break
    fwd: tuple[int, str] | None = None
    for i in range(len(rw)):
        cue = _word_cue(rw, rlow, i)
        if cue:
            fwd = (i, cue)
            break
    # "will receive them in February, the air force said": a verb behind a comma is another clause
    # (mostly the attribution), so the clause's own verb decides however far back it is
    if back and fwd and ("," in right[:right.find(rw[fwd[0]])] or any(w in ("and", "but") for w in rlow[:fwd[0]])):
        return back[1]  # ("reached ... in June and are to arrive later": the verb after "and" is another clause)
    # "said on Sunday [it] could ...": a date attaches to the verb in front of it, unless that verb is far away
    if back and (not fwd or back[0] <= max(fwd[0], 3)):
        return back[1]
    return fwd[1] if fwd else None


# --------------------------------------------------------------------------------------------------
# Heads and tokens
#
# Speed matters (every candidate sentence goes through here), and Python's
# regex engine is slow at trying many alternatives at every position. So a
# prefix-factored (trie) pattern finds the *head* words a date can be built
# around (month and weekday names, years, "week", "year" ...); each handler
# then matches forward from its head with an anchored pattern and looks
# backward over a few tokens ("the end of", "last", "12th of").
# --------------------------------------------------------------------------------------------------


def _trie_pattern(words: list[str]) -> str:
    """One alternation of ``words`` factored by common prefixes (fast for the regex engine)."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        keys = sorted(k for k in node if k)
        if not keys:
            return ""
        alts = [re.escape(k) + emit(node[k]) for k in keys]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _variants(words: str, *, lower: bool = True, upper: bool = True) -> list[str]:
    out = []
    for w in words.split():
        out.append(w.title())
        if lower:
            out.append(w.lower())
        if upper:
            out.append(w.upper())
    return out


# head word -> (category, number); category decides which handler runs
_HEADS: dict[str, tuple[str, int]] = {}
_MONTH_NAMES = _wordset("january february march april may june july august september october november december")
#: words that name a time of year by themselves ("back to April", "until the spring"), for callers outside timex
CALENDAR_WORDS: frozenset[str] = _MONTH_NAMES | frozenset(_SEASON_MONTH)
for _name in _MONTH_NAMES:
    _i = _MONTHS.index(_name[:3])
    # "may" the modal, "march" the verb and "august" the adjective only count when capitalised
    _ambiguous = _name in ("may", "march", "august")
    for _v in _variants(_name, lower=not _ambiguous, upper=not _ambiguous):
        _HEADS[_v] = ("month", _i + 1)
for _abbr, _i in (("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
                  ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)):
    _HEADS[_abbr.title()] = ("month", _i)
for _i, _name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")):
    for _v in _variants(_name, lower=False):
        _HEADS[_v] = ("weekday", _i)
for _abbr, _i in (("mon", 0), ("tue", 1), ("tues", 1), ("wed", 2), ("thu", 3), ("thur", 3), ("thurs", 3),
                  ("fri", 4), ("sat", 5), ("sun", 6)):
    _HEADS[_abbr.title()] = ("weekday_abbr", _i)
for _v in _variants("spring summer autumn winter fall"):
    _HEADS[_v] = ("season", _SEASON_MONTH[_v.lower()])
for _v in _variants("day days week weeks weekend month months year years decade decades quarter half"):
    _HEADS[_v] = ("unit", 0)
for _v in _variants("today tonight yesterday tomorrow"):
    _HEADS[_v] = ("dayword", 0)
for _v in _variants("night morning afternoon evening"):
    _HEADS[_v] = ("daypart", 0)
for _v in ("New", "new", "NEW"):
    _HEADS[_v] = ("new", 0)
for _v in _variants("fiscal"):
    _HEADS[_v] = ("fy", 0)
_HEADS["FY"] = ("fy", 0)

# Words, years and quarter tokens are three scans: one alternation of all three is several times slower. Words
# are searched in the lower-cased text (fewer branches); the exact spelling is then looked up in _HEADS, which
# lists only the allowed capitalisations. Left boundaries are checked in Python so patterns start with literals.
_HEAD_RE = re.compile(rf"{_trie_pattern(sorted({h.lower() for h in _HEADS}))}(?![a-z])")
_HEAD_RE_ANYCASE = re.compile(rf"{_trie_pattern(sorted(_HEADS))}(?![A-Za-z])")
_YEAR_HEAD_RE = re.compile(r"(?:19|20)\d\d(?!\d)")
_Q_HEAD_RE = re.compile(r"\b(?:Q[1-4]|[1-4]Q|H[12])\b")

_TOKEN_RE = re.compile(r"\d+|[A-Za-z]+|[^\sA-Za-z\d]")


class _Prev:
    """The few tokens in front of a position: ``raw`` and ``low`` (lower-cased) in text order.

    Token offsets are only needed when a candidate grows over its prefix, so
    they are computed on demand.
    """

    __slots__ = ("raw", "low", "_text", "_lo", "_pos", "_starts")

    def __init__(self, text: str, lo: int, pos: int) -> None:
        self.raw: list[str] = _TOKEN_RE.findall(text, lo, pos)[-7:]
        self.low = [t.lower() for t in self.raw]
        self._text, self._lo, self._pos = text, lo, pos
        self._starts: list[int] | None = None

    def __len__(self) -> int:
        return len(self.raw)

    def start(self, n: int, default: int) -> int:
        """Offset of the n-th token from the end (``default`` when n == 0)."""
        if n <= 0:
            return default
        if self._starts is None:
            self._starts = [m.start() for m in _TOKEN_RE.finditer(self._text, self._lo, self._pos)][-len(self.raw):]
        return self._starts[len(self.raw) - n]


class _Phrases(dict[tuple[str, ...], str]):
    """Phrase table keyed by lower-case token tuples ("mid-" -> ("mid", "-")), value = canonical phrase.

    Knows its phrases' last tokens and greatest length so ``_suffix`` can say no
    without building tuples (it runs for every head word).
    """

    def __init__(self, items: dict[tuple[str, ...], str]) -> None:
        super().__init__(items)
        self.lasts = frozenset(k[-1] for k in self)
        self.maxlen = max((len(k) for k in self), default=0)

    def __or__(self, other: dict[tuple[str, ...], str]) -> _Phrases:  # type: ignore[override]
        return _Phrases({**self, **other})


def _phrases(*phrases: str) -> _Phrases:
    return _Phrases({tuple(t.lower() for t in _TOKEN_RE.findall(p)): re.sub(r"\s+", " ", p) for p in phrases})


def _suffix(toks: _Prev, table: _Phrases, upto: int | None = None) -> tuple[int, str | None]:
    """Longest phrase of ``table`` that ``toks[:upto]`` ends with: (number of tokens, canonical phrase)."""
    low = toks.low
    end = len(low) if upto is None else upto
    if end <= 0 or low[end - 1] not in table.lasts:
        return 0, None
    for n in range(min(end, table.maxlen), 0, -1):
        hit = table.get(tuple(low[end - n:end]))
        if hit is not None:
            return n, hit
    return 0, None


_MOD_MONTH = _phrases("the end of", "end of", "the beginning of", "beginning of", "the start of", "start of",
                      "the middle of", "middle of", "the close of", "close of", "early", "late", "mid", "mid-", "mid–",
                      "end-", "end–", "early-", "late-")
_MOD_YEAR = _MOD_MONTH | _phrases("end", "the turn of", "turn of")
_MOD_SEASON = _phrases("early", "late", "mid", "mid-", "early-", "late-", "the end of the", "end of the",
                       "the beginning of the", "beginning of the", "the start of the", "start of the",
                       "the middle of the", "middle of the")
_PRE = _phrases("last", "this", "next", "past", "coming")
_PRE_WEEKDAY = _PRE | _phrases("late on", "early on", "late", "early")
_PRE_UNIT = _phrases("this", "last", "next", "the past", "the coming", "the current", "the", "past", "coming")
_MOD_UNIT = _phrases("earlier", "later", "early", "late", "the end of", "end of", "the beginning of", "beginning of",
                     "the start of", "start of", "the middle of", "middle of", "the close of", "close of",
                     "the rest of", "rest of")
_ORDINALS = _phrases("the first", "first", "the second", "second", "the third", "third", "the fourth", "fourth",
                     "the final", "final", "the last", "last", "the 1st", "1st", "the 2nd", "2nd", "the 3rd", "3rd",
                     "the 4th", "4th", "the latter", "latter")
_MONTH_CONTEXT = _phrases("in", "on", "by", "since", "until", "till", "til", "through", "throughout", "before",
                          "after", "during", "from", "to", "between", "for", "around", "of", "as of", "as early as",
                          "as late as", "as recently as", "as soon as", "the month of", "starting", "beginning")
_SEASON_CONTEXT = _phrases("in", "during", "over", "by", "until", "till", "through", "throughout", "since", "before",
                           "after", "for", "around")
_TIME_PREP = _phrases("in", "since", "by", "until", "till", "from", "before", "after", "during", "through",
                      "throughout", "of", "for", "to", "between", "and", "or", "around", "circa", "c.", "year",
                      "fiscal", "as of", "summer", "winter", "spring", "autumn", "fall")
_APPROX = _phrases("some", "about", "around", "nearly", "almost", "over", "more than", "fewer than", "less than",
                   "up to", "at least", "roughly", "approximately", "another", "additional", "extra", "all",
                   "total of", "estimated", "than")
_LABELS = _wordset(
    "number nr section sec article art paragraph para rule resolution type block model batch project flight route "
    "room unit lot patent code chapter clause annex appendix item ref version mk mark series hull pennant serial "
    "decree box suite vol issue page pp form highway interstate squadron regiment brigade division battalion "
    "platoon nos"
)
# number phrases in front of a unit; None = a vague amount ("a few years ago" is found but not resolved)
_NUM_PHRASES: dict[tuple[str, ...], int | None] = {
    **{(k,): v for k, v in _NUMBER_WORDS.items()},
    ("a", "couple", "of"): 2, ("a", "couple"): 2, ("a", "dozen"): 12, ("a", "few"): None, ("a", "number", "of"): None,
    ("several",): None, ("few",): None, ("some",): None, ("many",): None,
}
_DURATION_PREP = _phrases("in", "within", "inside", "inside of", "over the next", "in the next", "within the next",
                          "during the next", "in the coming", "over the coming", "within the coming",
                          "during the coming", "in the past", "over the past", "during the past", "in the last",
                          "over the last", "within the last", "during the last", "in the previous", "in recent",
                          "over recent", "during recent", "for the next", "for the coming")
_CALENDAR_PFX = _wordset("lunar chinese persian iranian jewish islamic orthodox vietnamese korean tibetan")
_BOUND_PHRASES = _phrases("by", "until", "till", "til", "through", "since", "before", "after", "within", "prior to",
                          "no later than", "not later than", "no earlier than", "following", "ahead of", "up until",
                          "up to")
_BOUND_MAP = {"by": "by", "no later than": "by", "not later than": "by", "until": "until", "till": "until",
              "til": "until", "through": "until", "up until": "until", "up to": "until", "since": "since",
              "before": "before", "prior to": "before", "ahead of": "before", "after": "after",
              "following": "after", "no earlier than": "after", "within": "within"}
_BOUND_ADVERBS = _wordset("soon shortly just right immediately long well even only weeks days months years")
# "not before 2030" / "not until 2030": the event comes at or after that point
_NEGATED_BOUND = {"before": "after", "until": "after", "after": "before"}
_SENTENCE_PUNCT = frozenset(".!?\"“”'‘’(:;-—\n")

_UNIT_NEED = {"day": 3, "week": 3, "weekend": 3, "month": 2, "quarter": 2, "year": 1, "decade": 1}


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    value: str | None
    end_value: str | None = None
    bound: str | None = None
    # (month, day|None) when the year was taken from the anchor, so a range can fix it
    loose: tuple[int, int | None] | None = None


class _Ctx:
    """Per-call state: the text, the anchor and its precision, the caller's tense, and caches."""

    __slots__ = ("text", "anchor", "prec", "tense", "_tense_cache", "_tok_cache")

    def __init__(self, text: str, anchor: date | None, prec: int, tense: str | None) -> None:
        self.text = text
        self.anchor = anchor
        self.prec = prec
        self.tense = tense
        self._tense_cache: dict[tuple[int, int], str | None] = {}
        self._tok_cache: dict[int, _Prev] = {}

    def tense_at(self, start: int, end: int) -> str | None:
        """Tense for resolving the expression at [start, end): the caller's, else inferred from nearby verbs.

        A deadline ("by July 31", "until Friday") in a past-tense clause ("were
        told to leave by July 31") usually still points ahead, so past is
        relaxed to "nearest" there.
        """
        key = (start, end)
        if key not in self._tense_cache:
            tense = self.tense if self.tense is not None else _infer_tense(self.text, start, end)
            if tense == "past":
                toks = self.before(start)
                if toks and toks.low[-1] in ("by", "until", "till", "before") or len(toks) >= 2 and (
                    toks.low[-1] in ("to", "into") and toks.low[-2] in _SLIP_WORDS
                ):
                    tense = None
            self._tense_cache[key] = tense
        return self._tense_cache[key]

    def anchor_at(self, need: int) -> date | None:
        """The anchor if it is at least as precise as ``need`` (1 year, 2 month, 3 day)."""
        return self.anchor if self.prec >= need else None

    def before(self, pos: int) -> _Prev:
        """Up to 7 tokens in the 48 characters before ``pos``, stopping at a paragraph break."""
        toks = self._tok_cache.get(pos)
        if toks is None:
            text = self.text
            lo = max(0, pos - 48)
            brk = text.rfind("\n\n", lo, pos)
            if brk >= 0:
                lo = brk + 2
            elif lo and text[lo - 1].isalnum():
                lo = _WORD_REST_RE.match(text, lo, pos).end()  # type: ignore[union-attr]  # skip a cut word
            toks = self._tok_cache[pos] = _Prev(text, lo, pos)
        return toks


_WORD_REST_RE = re.compile(r"[A-Za-z\d]*")


def _is_month_word(word: str) -> bool:
    return _HEADS.get(word, ("",))[0] == "month"


# --- years ---------------------------------------------------------------------------------------

_ISO_FWD = re.compile(r"(?P<sep>[-/.])(?P<mo>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])(?![\w/]|[.-]\d)")
_NUMERIC_BACK = re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)\Z")
_YEAR_RANGE_FWD = re.compile(rf"\s?(?:-|–|—|/)\s?(?P<y2>{_YEAR}|\d\d)(?![\w]|[.,]\d|[-/–]\d)")
_YEAR_TAIL_BAD = re.compile(r"[\w]|[.,]\d")
_UNIT_AFTER_RE = re.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|(?i:hours|hrs?|gmt|utc|local\s+time|z|km|kilomet\w*|miles?|mi|m|metres|meters"
    r"|ft|feet|kg|tonnes|tons|t|mph|knots|kts|nm|sq|square|mw|kw|hp|x)\b|×)"
)
_PLURAL_AFTER_RE = re.compile(r"\s+[a-z]+s\b(?!')")
# a lower-case word after "around 2029" that is no counted noun ("around 2029 at the earliest")
_COUNTED_AFTER_RE = re.compile(
    r"\s+(?!(?:at|in|on|or|and|to|when|if|as|with|for|by|but|the|from|after|before|is|was|will|would|could)\b)"
    r"[a-z]")


def _year_label_before(ctx: _Ctx, s: int, toks: _Prev) -> bool:
    """Is the number at ``s`` a label ("No. 2019", "Section 2019", "$2019") or part of a longer number?"""
    text = ctx.text
    p1 = text[s - 1] if s >= 1 else ""
    p2 = text[s - 2] if s >= 2 else ""
    if p1 and p1 in "$€£¥#№":
        return True
    if p2.isdigit() and p1 in " .-/,":  # "555 2019", "1.2019", "3,2019"
        return True
    if (p1 in "-–" and p2.isalpha()) or p1.isalpha():
        return True  # "S-2019", "AK2019" ("mid-2024" and "pre-2014" are read before this is asked)
    if not toks:
        return False
    if toks.raw[-1] == "." and len(toks) >= 2:
        return toks.low[-2] in _LABELS or toks.raw[-2] in ("No", "NO", "no", "Nr", "nr", "Nos", "nos")
    return toks.low[-1] in _LABELS or toks.raw[-1] in ("No", "NO", "Nr", "Nos")


def _year_is_count(ctx: _Ctx, s: int, e: int, y: int, toks: _Prev) -> bool:
    """Is "2000" a count ("some 2000 troops", "the 2000 soldiers") or a measure ("2019 km")?"""
    text = ctx.text
    if _UNIT_AFTER_RE.match(text, e, e + 20):
        return True
    if _suffix(toks, _APPROX)[0] and _COUNTED_AFTER_RE.match(text, e, e + 12):
        return True
    if _suffix(toks, _TIME_PREP)[0]:
        return False
    return bool(y % 50 == 0 and _PLURAL_AFTER_RE.match(text, e, e + 30))


def _h_year(ctx: _Ctx, s: int, e: int, _num: int) -> list[_Cand]:
    text = ctx.text
    y = int(text[s:e])
    toks = ctx.before(s)
    out: list[_Cand] = []
    iso = _ISO_FWD.match(text, e)
    if iso and not (s and text[s - 1] in "/.-" or s and text[s - 1].isalnum()):
        value = _fmt(y, int(iso["mo"]), int(iso["d"]))
        if value:
            out.append(_Cand(s, iso.end(), "date", value))
    if s >= 4 and text[s - 1] in "/.":
        num = _NUMERIC_BACK.search(text, max(0, s - 7), s)
        if num:
            out.extend(_numeric_date(num.start(), e, int(num["a"]), int(num["b"]), y, num["sep"]))
    if s >= 2 and text[s - 1] in "/.-–—" and text[s - 2].isdigit():
        return out  # second half of a date or range: the first half's head handles it
    rng = _YEAR_RANGE_FWD.match(text, e)
    if rng and not _year_label_before(ctx, s, toks):
        y2txt = rng["y2"]
        y2 = int(y2txt) if len(y2txt) == 4 else y // 100 * 100 + int(y2txt)
        if y < y2 <= y + 50:
            out.append(_Cand(s, rng.end(), "range", _fmt(y), _fmt(y2)))
        elif text[e] == "-" and y2txt[0] == "0" and y2txt != "00":  # ISO year-month "2019-07"
            out.append(_Cand(s, rng.end(), "month", _fmt(y, int(y2txt))))
    if _YEAR_TAIL_BAD.match(text, e):
        return out
    n_mod, _ = _suffix(toks, _MOD_YEAR)
    if n_mod:
        out.append(_Cand(toks.start(n_mod, s), e, "year", _fmt(y)))
        return out
    if len(toks) >= 2 and toks.raw[-1] == "-" and text[s - 1] == "-" and toks.low[-2] in ("pre", "post"):
        bound = "before" if toks.low[-2] == "pre" else "after"
        out.append(_Cand(toks.start(2, s), e, "year", _fmt(y), bound=bound))
        return out
    if _year_label_before(ctx, s, toks) or _year_is_count(ctx, s, e, y, toks):
        return out
    out.append(_Cand(s, e, "year", _fmt(y)))
    return out


def _numeric_date(s: int, e: int, a: int, b: int, y: int, sep: str) -> list[_Cand]:
    """12/07/2019 is ambiguous (day-month or month-day): only the year is certain unless one part exceeds 12."""
    if sep == "." or a > 12:  # 12.07.2019 is European day.month.year
        value = _fmt(y, b, a)
    elif b > 12 or a == b:
        value = _fmt(y, a, b)
    else:
        value = _fmt(y) if 1 <= a <= 12 and 1 <= b <= 12 else None
    return [_Cand(s, e, "date", value)] if value else []


_FY_FWD = re.compile(rf"(?:FY|(?i:fiscal)(?:\s+(?i:year))?)\s?'?(?P<y>{_YEAR}|\d\d)"
                     rf"(?:\s?[-–/]\s?'?(?P<y2>{_YEAR}|\d\d))?(?![\w]|[.,]\d)")


def _h_fy(ctx: _Ctx, s: int, e: int, _num: int) -> list[_Cand]:
    m = _FY_FWD.match(ctx.text, s)
    if not m:
        return []
    y = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    if m["y2"]:
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else y // 100 * 100 + int(m["y2"])
        if y < y2 <= y + 2:
            return [_Cand(s, m.end(), "range", _fmt(y), _fmt(y2))]
        return []
    return [_Cand(s, m.end(), "year", _fmt(y))]


# --- months and days -----------------------------------------------------------------------------

_MONTH_TAIL = re.compile(
    rf"(?:\s+(?P<d>{_DAY})(?:\s*(?:-|–|—|to|through|until)\s*(?P<d2>{_DAY}))?)?"
    rf"(?:,?\s+(?:of\s+)?(?:(?P<y>{_YEAR}){_YEAR_END}|(?P<rel>(?i:last|this|next|that|that\s+same|the\s+same))"
    rf"\s+year\b))?"
)
_DAY_BACK = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?i:the)\s+)?{_DAY_BEFORE}(?P<d1>{_DAY})\s+(?:of\s+)?\Z"
)
_DAY_RANGE_BACK = re.compile(
    rf"(?:(?i:from|between)\s+)?(?:(?i:the)\s+)?{_DAY_BEFORE}(?P<d1>{_DAY})\s*(?:-|–|—|to|and|until|through)\s*"
    rf"(?P<d2>{_DAY})\s+(?:of\s+)?\Z"
)
_MONTH_AFTER_RE = re.compile(
    r"\s*(?:-|–|—|to|through|until|and|or|,)\s*(?:(?i:early|late|mid)[\s-]*)?"
    r"(?:(?i:january|february|april|june|july|september|october|november|december)|May|March|August"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
_DIGITS = re.compile(r"\d+")


def _day_value(ctx: _Ctx, s: int, e: int, mon: int, day: int, y: int | None, wd: int | None) -> _Cand | None:
    if y is not None:
        value = _fmt(y, mon, day)
        return _Cand(s, e, "date", value) if value else None
    if _fmt(2000, mon, day) is None:  # 31 April and the like
        return None
    anchor = ctx.anchor_at(2)
    if anchor is None:
        return _Cand(s, e, "date", None, loose=(mon, day))
    yy = _year_for_day(mon, day, anchor, ctx.tense_at(s, e), wd)
    return _Cand(s, e, "date", _fmt(yy, mon, day) if yy else None, loose=(mon, day))


def _day_range_value(ctx: _Ctx, s: int, e: int, mon: int, d1: int, d2: int, y: int | None) -> _Cand | None:
    if d2 <= d1 or _fmt(2000, mon, d2) is None:
        return None
    if y is None:
        anchor = ctx.anchor_at(2)
        y = _year_for_day(mon, d1, anchor, ctx.tense_at(s, e)) if anchor else None
    if y is None:
        return _Cand(s, e, "range", None)
    return _Cand(s, e, "range", _fmt(y, mon, d1), _fmt(y, mon, d2))


def _rel_year_value(ctx: _Ctx, rel: str) -> int | None:
    """Year of "last/this/next year" ("the previous/following year" is relative to another event: None)."""
    r = re.sub(r"\s+", " ", rel.lower())
    anchor = ctx.anchor_at(1)
    if anchor is None or r not in ("last", "this", "next", "the"):
        return None
    return anchor.year + {"last": -1, "this": 0, "next": 1, "the": 0}[r]


def _year_before(text: str, pos: int) -> int | None:
    """The last year written before ``pos`` ("signed in September 2023 and in November that year")."""
    years = _YEAR_HEAD_RE.findall(text, 0, pos)
    return int(years[-1]) if years else None


def _h_month(ctx: _Ctx, s: int, e: int, mon: int) -> list[_Cand]:
    text = ctx.text
    word = text[s:e]
    abbreviated = word.lower() not in ("may", "june", "july") and len(word) <= 4
    end = e + 1 if abbreviated and text[e:e + 1] == "." else e
    tail = _MONTH_TAIL.match(text, end)
    assert tail is not None  # every part is optional
    toks = ctx.before(s)
    y = int(tail["y"]) if tail["y"] else None
    y_rel = _rel_year_value(ctx, tail["rel"]) if tail["rel"] and y is None else None
    if tail["rel"] and y is None and tail["rel"].lower().split()[-1] in ("that", "same"):
        y_rel = _year_before(text, s)  # "in November that year": the year just named
    out: list[_Cand] = []
    tail_end = max(tail.end(), end)
    if tail["d"]:  # "July 12", "July 12, 2019", "Friday, July 12", "March 3-5"
        start, wd = s, None
        i = len(toks)
        if i and toks.raw[-1] == ",":
            i -= 1
        if i and _HEADS.get(toks.raw[i - 1], ("",))[0] in ("weekday", "weekday_abbr"):
            start, wd = toks.start(len(toks) - i + 1, s), _HEADS[toks.raw[i - 1]][1]
        d1 = int(_DIGITS.match(tail["d"]).group())  # type: ignore[union-attr]
        year = y if y is not None else y_rel
        if tail["d2"]:
            d2 = int(_DIGITS.match(tail["d2"]).group())  # type: ignore[union-attr]
            c = _day_range_value(ctx, s, tail_end, mon, d1, d2, year)
        else:
            c = _day_value(ctx, start, tail_end, mon, d1, year, wd)
        if c:
            return [c]
    k = len(toks) - (1 if toks and toks.low[-1] == "of" else 0)  # the day number is toks[k-1] or toks[k-2]
    if k and toks.low[k - 1] in ("st", "nd", "rd", "th"):
        k -= 1
    if k and toks.raw[k - 1].isdigit() and len(toks.raw[k - 1]) <= 2:
        year = y if y is not None else y_rel
        end_ = tail.end("y") if tail["y"] else (tail.end() if tail["rel"] else end)
        # the regexes only need to look a little before the day number ("Wednesday, the 12th of")
        p = toks.start(len(toks) - k + 1, s)
        connector = k >= 2 and toks.low[k - 2] in ("-", "–", "—", "to", "and", "until", "through")
        rng = _DAY_RANGE_BACK.search(text, max(0, p - 24), s) if connector else None
        back = None if rng else _DAY_BACK.search(text, max(0, p - 16), s)
        c = None
        if rng:  # "12-14 July", "between 12 and 14 July 2019"
            d1, d2 = int(_DIGITS.match(rng["d1"]).group()), int(_DIGITS.match(rng["d2"]).group())  # type: ignore
            c = _day_range_value(ctx, rng.start(), end_, mon, d1, d2, year)
        elif back:  # "12 July", "the 12th of July 2019", "Friday, 12 July"
            d1 = int(_DIGITS.match(back["d1"]).group())  # type: ignore[union-attr]
            wd = _HEADS[back["wd"].rstrip(".")][1] if back["wd"] else None
            c = _day_value(ctx, back.start(), end_, mon, d1, year, wd)
        if c:
            return [c]
    # month readings: "December 2017", "October of last year", "last October", "the end of March", "in July"
    m_end = tail.end("y") if tail["y"] else (tail.end() if tail["rel"] else end)
    if tail["d"] and not (tail["y"] or tail["rel"]):
        m_end = end
    n_mod, _ = _suffix(toks, _MOD_MONTH)
    n_pre, pre = _suffix(toks, _PRE, len(toks) - n_mod)
    start = toks.start(n_mod + n_pre, s)
    if y is not None and not tail["d"]:
        out.append(_Cand(start, m_end, "month", _fmt(y, mon)))
        return out
    if tail["rel"] and not tail["d"]:
        out.append(_Cand(start, m_end, "month", _fmt(y_rel, mon) if y_rel else None))
        return out
    if n_pre:
        anchor = ctx.anchor_at(2)
        out.append(_Cand(start, end, "month", _fmt(_month_rel(mon, anchor, pre or ""), mon) if anchor else None))
        return out
    if not n_mod:
        if abbreviated and end == e:
            return out  # a bare "Jan" or "Mar" without its period is more often a name
        ok = _suffix(toks, _MONTH_CONTEXT)[0] or _MONTH_AFTER_RE.match(text, end, end + 40) or (
            len(toks) >= 2 and toks.low[-1] in (",", "and", "or", "&") and _is_month_word(toks.raw[-2]))
        if not ok:
            return out  # a bare "May" or "June" with nothing temporal around it is more often a name
    anchor = ctx.anchor_at(2)
    if anchor is None:
        out.append(_Cand(start, end, "month", None, loose=(mon, None)))
    else:
        yy = _year_for_month(mon, anchor, ctx.tense_at(start, end))
        out.append(_Cand(start, end, "month", _fmt(yy, mon), loose=(mon, None)))
    return out


# --- weekdays ------------------------------------------------------------------------------------

_DAYPART_TAIL = re.compile(r"\s+(?i:morning|afternoon|evening|night)\b")


def _h_weekday(ctx: _Ctx, s: int, e: int, wd: int, abbreviated: bool = False) -> list[_Cand]:
    text = ctx.text
    toks = ctx.before(s)
    n_pre, pre = _suffix(toks, _PRE_WEEKDAY)
    if abbreviated:
        if text[e:e + 1] != ".":
            return []
        e += 1
        if not n_pre and not (toks and toks.low[-1] == "on"):
            return []  # "Sun." at the end of a sentence is usually the newspaper
    tail = _DAYPART_TAIL.match(text, e)
    end = tail.end() if tail else e
    start = toks.start(n_pre, s)
    anchor = ctx.anchor_at(3)
    if anchor is None:
        return [_Cand(start, end, "weekday", None)]
    name = _WEEKDAYS[wd]
    pre = pre or ""
    if pre in ("last", "past"):
        d = _weekday_rel(wd, anchor, "last")
    elif pre in ("next", "coming"):
        d = _weekday_rel(wd, anchor, "next")
    elif pre == "this":
        d = resolve_weekday(name, anchor, "past" if ctx.tense_at(start, end) == "past" else "future")
    else:
        d = resolve_weekday(name, anchor, ctx.tense_at(start, end))
    return [_Cand(start, end, "weekday", d.isoformat())]


def _h_weekday_abbr(ctx: _Ctx, s: int, e: int, wd: int) -> list[_Cand]:
    return _h_weekday(ctx, s, e, wd, abbreviated=True)


# --- seasons -------------------------------------------------------------------------------------

_SEASON_TAIL = re.compile(
    rf",?\s+(?:of\s+)?(?:(?P<y>{_YEAR}){_YEAR_END}"
    r"|(?P<rel>(?i:last|this|next|the\s+previous|the\s+following|the))\s+(?i:year)\b)"
)


def _h_season(ctx: _Ctx, s: int, e: int, rep_month: int) -> list[_Cand]:
    text = ctx.text
    word = text[s:e].lower()
    toks = ctx.before(s)
    tail = _SEASON_TAIL.match(text, e)
    n_mod, _ = _suffix(toks, _MOD_SEASON)
    n_pre, pre = (0, None) if n_mod else _suffix(toks, _PRE)
    n_the = 1 if not (n_mod or n_pre) and toks and toks.low[-1] == "the" else 0
    start = toks.start(n_mod + n_pre + n_the, s)
    if tail and tail["y"]:
        return [_Cand(start, tail.end(), "season", _fmt(int(tail["y"])))]
    if tail and tail["rel"]:
        y = _rel_year_value(ctx, tail["rel"])
        return [_Cand(start, tail.end(), "season", _fmt(y) if y else None)]
    if n_pre:
        anchor = ctx.anchor_at(1 if pre == "this" else 2)
        value = _fmt(_month_rel(rep_month, anchor, pre or "")) if anchor else None
        return [_Cand(start, e, "season", value)]
    if word == "fall":
        return []  # "the fall of Kabul"
    if not n_mod and not _suffix(toks, _SEASON_CONTEXT, len(toks) - n_the)[0]:
        return []  # a "summer" with nothing to pin it to
    anchor = ctx.anchor_at(2)
    if anchor is None:
        return [_Cand(start, e, "season", None)]
    return [_Cand(start, e, "season", _fmt(_year_for_month(rep_month, anchor, ctx.tense_at(start, e))))]


# --- quarters and halves -----------------------------------------------------------------------------

_QUARTER_TAIL = re.compile(
    rf"\s+(?:(?i:of|in)\s+)?(?:(?:(?i:fiscal\s+(?:year\s+)?)|FY\s?)?(?P<y>{_YEAR}){_YEAR_END}"
    r"|(?P<rel>(?i:last|this|next|the\s+previous|the\s+following|the))\s+(?i:year)\b)"
)
_HALF_TAIL = re.compile(
    rf"\s+(?i:of)\s+(?:(?P<y>{_YEAR}){_YEAR_END}|(?P<rel>(?i:last|this|next|the))\s+(?i:year)\b)"
)
_Q_FWD = re.compile(
    rf"(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s*(?:of\s+)?(?:FY\s?)?(?P<y>{_YEAR}){_YEAR_END}|\s*'(?P<yy>\d\d)\b)?"
    rf"(?![\w-])|H(?P<h>[12])\s+(?P<hy>{_YEAR}){_YEAR_END}"
)


def _h_q(ctx: _Ctx, s: int, e: int, _num: int) -> list[_Cand]:
    m = _Q_FWD.match(ctx.text, s)
    if not m:
        return []
    ytxt = m["y"] or m["hy"]
    if ytxt:
        return [_Cand(s, m.end(), "quarter", _fmt(int(ytxt)))]
    if m["yy"]:
        return [_Cand(s, m.end(), "quarter", _fmt(2000 + int(m["yy"])))]
    anchor = ctx.anchor_at(1)
    return [_Cand(s, m.end(), "quarter", _fmt(anchor.year) if anchor else None)]


def _quarter_or_half(ctx: _Ctx, s: int, e: int, word: str, toks: _Prev) -> list[_Cand]:
    n_ord, ordinal = _suffix(toks, _ORDINALS)
    if not n_ord:
        return []
    start = toks.start(n_ord, s)
    tail = (_QUARTER_TAIL if word == "quarter" else _HALF_TAIL).match(ctx.text, e)
    if tail and tail["y"]:
        return [_Cand(start, tail.end(), "quarter", _fmt(int(tail["y"])))]
    if tail and tail["rel"]:
        y = _rel_year_value(ctx, tail["rel"])
        return [_Cand(start, tail.end(), "quarter", _fmt(y) if y else None)]
    if word == "half" or (ordinal or "").split()[-1] in ("last", "final", "latter"):
        return []  # "the second half" of what? "the last quarter" alone is relative, read elsewhere
    anchor = ctx.anchor_at(1)
    return [_Cand(start, e, "quarter", _fmt(anchor.year) if anchor else None)]


# --- units: "last week", "the end of the year", "two years ago", "within 30 days" ---------------------

_AGO_TAIL = re.compile(r"\s+(?i:ago)\b")
_TIME_TAIL = re.compile(r"['’]s?(?:\s+time\b)?|\s+time\b|\s+from\s+now\b")
_END_TAIL = re.compile(r"(?:[-\s](?i:end)|['’]s\s+(?i:end))\b")


def _h_unit(ctx: _Ctx, s: int, e: int, _num: int) -> list[_Cand]:
    text = ctx.text
    word = text[s:e].lower()
    toks = ctx.before(s)
    if word in ("quarter", "half"):
        out = _quarter_or_half(ctx, s, e, word, toks)
        if word == "half" or out:
            return out
    unit = word[:-1] if word.endswith("s") else word
    out: list[_Cand] = []
    ago = _AGO_TAIL.match(text, e)
    if ago:
        n_num = _num_suffix(toks, len(toks))
        if n_num:
            out.append(_offset(ctx, toks.start(n_num, s), ago.end(), toks.low[len(toks) - n_num:], unit, -1, None))
        return out
    # durations from now: "in two years", "within 30 days", "in the coming weeks"
    n_num = _num_suffix(toks, len(toks))
    n_prep, prep = _suffix(toks, _DURATION_PREP, len(toks) - n_num)
    if n_prep and (n_num or " " in (prep or "")):
        start = toks.start(n_num + n_prep, s)
        tail = _TIME_TAIL.match(text, e)
        end = tail.end() if tail else e
        p = prep or ""
        if any(w in p for w in ("past", "last", "previous", "recent")):
            return [_Cand(start, end, "relative", None)]
        bound = None if p == "in" else "within"
        num_toks = toks.low[len(toks) - n_num:] if n_num else []
        return [_offset(ctx, start, end, num_toks, unit, 1, bound)]
    if word in ("year", "month"):
        end_tail = _END_TAIL.match(text, e)
        if end_tail:  # "year-end", "year's end"
            return [_unit_cand(ctx, s, end_tail.end(), word, "this", "end of")]
    if word not in ("week", "month", "year", "quarter", "weekend"):
        return out
    n_pre, pre = _suffix(toks, _PRE_UNIT)
    if not n_pre:
        return out
    n_mod, mod = _suffix(toks, _MOD_UNIT, len(toks) - n_pre)
    start = toks.start(n_pre + n_mod, s)
    pre = pre or ""
    if pre == "the":
        # only "the end/beginning of the year/month/week" and "over/at the weekend" refer to the anchor
        lead = toks.low[len(toks) - n_pre - 1] if len(toks) > n_pre else ""
        if not ((mod or "").endswith(" of") or (unit == "weekend" and lead in ("over", "at", "during", "on"))):
            return out
        pre = "this" if unit != "weekend" else "the"
    if pre in ("the past", "the coming", "past", "coming"):
        return [_Cand(start, e, "relative", None)]
    return [_unit_cand(ctx, start, e, unit, "this" if pre == "the current" else pre, mod or "")]


_NUM_TABLE = _Phrases({k: " ".join(k) for k in _NUM_PHRASES})


def _num_suffix(toks: _Prev, upto: int) -> int:
    """How many of ``toks[:upto]`` form the number in front of a unit ("30", "two", "a couple of", "several")."""
    if upto and toks.raw[upto - 1].isdigit() and len(toks.raw[upto - 1]) <= 3:
        return 1
    return _suffix(toks, _NUM_TABLE, upto)[0]


def _num_value(words: list[str]) -> int | None:
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    return _NUM_PHRASES.get(tuple(words))


def _offset(ctx: _Ctx, start: int, end: int, num_toks: list[str], unit: str, sign: int,
            bound: str | None) -> _Cand:
    """``sign * n`` units from the anchor, at the precision of the unit."""
    n = _num_value(num_toks) if num_toks else None
    if n is None or n > 100 or unit not in _UNIT_NEED or unit in ("weekend", "quarter"):
        return _Cand(start, end, "relative", None, bound=bound)
    anchor = ctx.anchor_at(_UNIT_NEED[unit])
    if anchor is None:
        return _Cand(start, end, "relative", None, bound=bound)
    if unit == "day":
        value = _fmt_date(anchor + timedelta(days=sign * n))
    elif unit == "week":
        value = _fmt_date(anchor + timedelta(days=sign * 7 * n), 2)
    elif unit == "month":
        value = _fmt(*_shift_month(anchor.year, anchor.month, sign * n))
    else:
        value = _fmt(anchor.year + sign * n * (10 if unit == "decade" else 1))
    return _Cand(start, end, "relative", value, bound=bound)


def _unit_cand(ctx: _Ctx, start: int, end: int, unit: str, pre: str, mod: str) -> _Cand:
    """"last week", "earlier this month", "the end of next year", "over the weekend"."""
    kind = "quarter" if unit == "quarter" else "relative"
    anchor = ctx.anchor_at(_UNIT_NEED[unit])
    if anchor is None:
        return _Cand(start, end, kind, None)
    step = {"last": -1, "this": 0, "next": 1, "the": 0}[pre]
    mod = mod.removeprefix("the ")
    if unit == "year":
        return _Cand(start, end, kind, _fmt(anchor.year + step))
    if unit == "quarter":
        return _Cand(start, end, kind, _fmt(_shift_month(anchor.year, anchor.month, 3 * step)[0]))
    if unit == "month":
        return _Cand(start, end, kind, _fmt(*_shift_month(anchor.year, anchor.month, step)))
    monday = anchor - timedelta(days=anchor.weekday())
    if unit == "weekend":
        sat = monday + timedelta(days=5 + 7 * step)
        if step == 0 and anchor.weekday() < 5:  # a weekday report: the weekend just gone, or the coming one
            tense = ctx.tense_at(start, end)
            if tense == "past" or (tense is None and pre == "the"):
                sat = monday - timedelta(days=2)
        return _Cand(start, end, kind, _fmt_date(sat, 2))
    first, last = monday + timedelta(days=7 * step), monday + timedelta(days=7 * step + 6)
    if step == 0:
        if mod == "earlier":
            first, last = monday, max(monday, anchor - timedelta(days=1))
        elif mod == "later":
            first = min(anchor + timedelta(days=1), last)
        elif not mod:
            tense = ctx.tense_at(start, end)
            if tense == "past":
                last = anchor
            elif tense == "future":
                first = anchor
    if mod in ("early", "beginning of", "start of"):
        last = first + timedelta(days=2)
    elif mod in ("late", "end of", "close of"):
        first = last - timedelta(days=2)
    return _Cand(start, end, kind, _fmt_date(_mid(first, last), 2))


# --- day words and the New Year ------------------------------------------------------------------

_DAYWORD_PRE = _phrases("the day before", "the day after", "earlier", "later")


def _h_dayword(ctx: _Ctx, s: int, e: int, _num: int) -> list[_Cand]:
    text = ctx.text
    word = text[s:e].lower()
    toks = ctx.before(s)
    n_pre, pre = _suffix(toks, _DAYWORD_PRE)
    if pre in ("the day before", "the day after") and word not in ("yesterday", "tomorrow"):
        n_pre, pre = 0, None
    start = toks.start(n_pre, s)
    first = text[start]
    if first.isupper() and start > 0 and text[start:start + 2] != text[start:start + 2].upper():
        prev = text[max(0, start - 12):start].rstrip()[-1:]
        if prev and prev not in _SENTENCE_PUNCT:
            return []  # "Russia Today", "USA Today": a name, not a date
    tail = _DAYPART_TAIL.match(text, e)
    end = tail.end() if tail else e
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if pre == "the day before":
        offset -= 1
    elif pre == "the day after":
        offset += 1
    anchor = ctx.anchor_at(3)
    return [_Cand(start, end, "relative", (anchor + timedelta(days=offset)).isoformat() if anchor else None)]


def _h_daypart(ctx: _Ctx, s: int, e: int, _num: int) -> list[_Cand]:
    """"last night", "this morning" (the day parts after a weekday or "today" are read by those heads)."""
    toks = ctx.before(s)
    if not toks or toks.low[-1] not in ("last", "this"):
        return []
    word = ctx.text[s:e].lower()
    if toks.low[-1] == "last" and word != "night":
        return []
    anchor = ctx.anchor_at(3)
    offset = -1 if toks.low[-1] == "last" else 0
    value = (anchor + timedelta(days=offset)).isoformat() if anchor else None
    return [_Cand(toks.start(1, s), e, "relative", value)]


_NEW_YEAR_FWD = re.compile(r"(?:New\s+Year|new\s+year|NEW\s+YEAR)(?P<s>['’]s(?:\s+(?P<de>Day|Eve|day|eve)\b)?)?"
                           r"(?![\w-])")


def _h_new(ctx: _Ctx, s: int, e: int, _num: int) -> list[_Cand]:
    m = _NEW_YEAR_FWD.match(ctx.text, s)
    if not m:
        return []
    toks = ctx.before(s)
    has_the = bool(toks) and toks.low[-1] == "the"
    if ctx.text[s] == "n" and not has_the:
        return []  # "a new year of talks"
    lead = toks.low[-2 if has_the else -1] if len(toks) >= (2 if has_the else 1) else ""
    if lead in _CALENDAR_PFX:
        return []  # Lunar New Year and friends are not 1 January
    start = toks.start(1, s) if has_the else s
    end = m.end() if m["de"] else (m.end() - len(m["s"]) if m["s"] else m.end())
    anchor = ctx.anchor_at(2)
    if anchor is None:
        return [_Cand(start, end, "relative", None)]
    tense = ctx.tense_at(start, end)
    y = anchor.year + 1 if tense == "future" or (tense is None and anchor.month > 2) else anchor.year
    de = (m["de"] or "").lower()
    if de == "day":
        return [_Cand(start, end, "relative", _fmt(y, 1, 1))]
    if de == "eve":
        return [_Cand(start, end, "relative", _fmt(y - 1, 12, 31))]
    return [_Cand(start, end, "relative", _fmt(y, 1))]


_HANDLERS = {
    "month": _h_month,
    "weekday": _h_weekday,
    "weekday_abbr": _h_weekday_abbr,
    "season": _h_season,
    "unit": _h_unit,
    "dayword": _h_dayword,
    "daypart": _h_daypart,
    "new": _h_new,
    "fy": _h_fy,
}


# --------------------------------------------------------------------------------------------------
# Assembly: longest non-overlapping candidates, ranges, bounds
# --------------------------------------------------------------------------------------------------

_RANGE_GAP_RE = re.compile(r"\s*(?P<c>(?i:and|to|through|thru|until|till)|[-–—])\s*(?:(?i:the)\s+)?")


def _select(cands: list[_Cand], size: int) -> list[_Cand]:
    """Longest first, then leftmost; drop anything overlapping an already chosen span."""
    chosen: list[_Cand] = []
    taken = bytearray(size)
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if taken.find(1, c.start, c.end) < 0:
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _fix_loose(c: _Cand, other_value: str | None, first: bool) -> None:
    """Give a day/month named without a year the year of the other end of its range ("March to May 2024")."""
    if c.loose is None or other_value is None or len(other_value) < 7:
        return
    oy, om = int(other_value[:4]), int(other_value[5:7])
    od = int(other_value[8:10]) if len(other_value) == 10 else (31 if first else 1)
    mon, day = c.loose
    same_year_ok = (mon, day or 1) <= (om, od) if first else (mon, day or 31) >= (om, od)
    y = oy if same_year_ok else oy + (-1 if first else 1)
    c.value = _fmt(y, mon, day)


_LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)")


def _merge_ranges(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """Join "between X and Y", "from X to Y" and "2019 to 2021" into one range.

    Lists share their year too: "May, June and July 2019" dates May and June in 2019.
    """
    text = ctx.text
    year_known = [c.loose is None for c in cands]
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        if not year_known[i] and year_known[i + 1] and _LIST_GAP_RE.fullmatch(text, c.end, nxt.start):
            _fix_loose(c, nxt.value, True)
            year_known[i] = True
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if i + 1 < len(cands) and c.kind != "range" and cands[i + 1].kind != "range":
            nxt = cands[i + 1]
            gap = _RANGE_GAP_RE.fullmatch(text, c.end, nxt.start)
            if gap:
                conn = gap["c"].lower()
                toks = ctx.before(c.start)
                k = len(toks) - (1 if toks and toks.low[-1] == "the" else 0)
                p = toks.low[k - 1] if k and toks.low[k - 1] in ("between", "from") else None
                ok = (p == "between" and conn in ("and", "-", "–", "—")) or (p == "from" and conn != "and") or (
                    p is None and conn in ("to", "through", "thru", "-", "–", "—") and c.kind == nxt.kind == "year")
                if ok:
                    if nxt.loose is None:
                        _fix_loose(c, nxt.value, True)
                    else:  # the end follows the start ("from March to May": both by tense, May after March)
                        _fix_loose(nxt, c.value, False)
                    start = toks.start(len(toks) - k + 1, c.start) if p else c.start
                    out.append(_Cand(start, nxt.end, "range", c.value, nxt.end_value or nxt.value))
                    i += 2
                    continue
        out.append(c)
        i += 1
    return out


def _add_bound(ctx: _Ctx, c: _Cand) -> _Cand:
    """Attach the preposition in front ("by", "until", "since" ...) and widen the span over it."""
    if c.bound is not None:
        return c
    toks = ctx.before(c.start)
    k = len(toks) - (1 if toks and toks.low[-1] == "the" else 0)
    n, phrase = _suffix(toks, _BOUND_PHRASES, k)
    if not n:
        return c
    first = k - n
    bound = _BOUND_MAP[phrase or ""]
    if phrase in ("before", "after") and first > 0 and toks.low[first - 1] in _BOUND_ADVERBS:
        first -= 1
    elif first > 0 and toks.low[first - 1] == "not" and bound in _NEGATED_BOUND:
        first -= 1
        bound = _NEGATED_BOUND[bound]
    c.bound = bound
    c.start = toks.start(len(toks) - first, c.start)
    return c


def find_timexes(text: str, published: str | date | None, *, tense: str | None = None) -> list[Timex]:
    """All temporal expressions of ``text``, resolved against ``published``, sorted by position.

    ``tense`` ("past" | "future") forces how bare weekdays, days and months
    are resolved; ``None`` infers it per expression from nearby verbs. Spans
    never overlap (the longest match wins). See the module docstring for the
    precision and span conventions.
    """
    if tense not in (None, "past", "future"):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    if not text:
        return []
    anchor, prec = _anchor(published)
    ctx = _Ctx(text, anchor, prec, tense)
    cands: list[_Cand] = []
    low = text.lower()
    heads = _HEAD_RE.finditer(low) if len(low) == len(text) else _HEAD_RE_ANYCASE.finditer(text)
    for m in heads:
        s, e = m.span()
        if s and text[s - 1].isascii() and text[s - 1].isalpha():
            continue
        head = _HEADS.get(text[s:e])
        if head is not None:
            cands.extend(_HANDLERS[head[0]](ctx, s, e, head[1]))
    for m in _YEAR_HEAD_RE.finditer(text):
        s = m.start()
        if not (s and text[s - 1].isdigit()):
            cands.extend(_h_year(ctx, s, m.end(), 0))
    if "Q" in text or "H1" in text or "H2" in text:
        for m in _Q_HEAD_RE.finditer(text):
            cands.extend(_h_q(ctx, m.start(), m.end(), 0))
    chosen = _merge_ranges(ctx, _select(cands, len(text)))
    out: list[Timex] = []
    for c in chosen:
        c = _add_bound(ctx, c)
        out.append(Timex(c.start, c.end, text[c.start:c.end], c.value, c.kind, c.end_value, c.bound))
    if "year" in low or "month" in low:
        out = _years_from_text(text, out)
    return out


_YEARS_AWAY_RE = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+"
    r"(?P<dir>earlier|later)(?!\s+than)|the\s+(?P<rel>following|next|previous|preceding)\s+year"
    r"|(?:that|the)\s+same\s+(?P<same>year|month)|(?:later|earlier)\s+that\s+(?P<that>year))\b",
    re.IGNORECASE,
)


def _years_from_text(text: str, found: list[Timex]) -> list[Timex]:
    """ "In 2022 Spain suspended the licence for a plane Bamako had ordered three years earlier", "reached Bamako
    in 2021, and Su-25s were handed over the following year", "inducted that same month", "later that year":
    a count of years (or the same year or month) from a date the text names just
    before (not from the publication date, which "next year" without "the" counts from). "A year after the
    deal" counts from an event, and "a year earlier than planned" compares: neither is read."""
    extra = []
    for m in _YEARS_AWAY_RE.finditer(text):
        if any(t.start < m.end() and m.start() < t.end for t in found):
            continue
        before = [t for t in found if t.end <= m.start() and t.value and t.value[:4].isdigit()]
        if not before:
            continue
        base = int(before[-1].value[:4])
        if (m.group("same") or "").lower() == "month":
            if len(before[-1].value) >= 7:  # "in March 2022 ... that same month"
                extra.append(Timex(m.start(), m.end(), m.group(0), before[-1].value[:7], "month"))
            continue
        if m.group("same") or m.group("that"):  # "signed in 2019 ... the same year", "later that year"
            extra.append(Timex(m.start(), m.end(), m.group(0), str(base), "year"))
            continue
        if m.group("rel"):
            step = -1 if m.group("rel").lower() in ("previous", "preceding") else 1
        else:
            n = m.group("n").lower()
            count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            step = -count if m.group("dir").lower() == "earlier" else count
        extra.append(Timex(m.start(), m.end(), m.group(0), str(base + step), "year"))
    return sorted(found + extra, key=lambda t: t.start) if extra else found


# --------------------------------------------------------------------------------------------------
# Dates told by reference to another ("that July", "the following year")
# --------------------------------------------------------------------------------------------------

_ANAPHORIC_RE = re.compile(
    r"\b(?:(?P<same>that|the same) (?P<unit>year|month|day)"
    r"|(?:the following|the next|the subsequent) (?P<next>year|month)|the (?P<next2>year|month) after"
    r"|an? (?P<next3>year|month) later"
    r"|(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|\d{1,2}) (?P<counted>years|months)"
    r" (?P<way>later|earlier)(?! than)"
    r"|(?:the previous|the preceding) (?P<prev>year|month)|the (?P<prev2>year|month) before"
    r"|an? (?P<prev3>year|month) earlier"
    r"|that (?P<month>January|February|March|April|May|June|July|August|September|October|November|December))\b",
    re.IGNORECASE,
)


_RESTATED_RE = re.compile(r",?\s*(?:in\s+|\()?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\b")


def find_anaphoric(sentence: str, before: str, published: str | date | None) -> list[Timex]:
    """Dates ``sentence`` tells by reference to the last date named before them ("Ankara signed in 2017; the
    first batteries arrived that July", "... ordered in 2022 and delivered the following year"), resolved
    against that date; ``before`` is the text that precedes the sentence. A reference finer than the phrase
    needs ("the same day" after "in 2019") leaves it unresolved."""
    out: list[Timex] = []
    for m in _ANAPHORIC_RE.finditer(sentence):
        if _RESTATED_RE.match(sentence, m.end()):
            continue  # "Two years later, in 2021, ...": the year it goes on to name says it
        context = before + " " + sentence[: m.start()]
        named = [t for t in find_timexes(context[-800:], published)
                 if t.value and t.kind in ("date", "month", "year", "weekday", "relative")]
        if not named:
            continue
        ref = named[-1].value or ""
        step_unit = m.group("next") or m.group("next2") or m.group("next3")
        back_unit = m.group("prev") or m.group("prev2") or m.group("prev3")
        if back_unit:
            after = [t for t in find_timexes(sentence[m.end():], published) if t.value and t.kind in ("date", "month",
                                                                                                      "year")]
            if after:  # "batteries bought the year before shot down aircraft in 2008": the year its clause tells
                ref = after[0].value or ref
        year = int(ref[:4])
        unit, step = (step_unit, 1) if step_unit else (back_unit, -1) if back_unit else (None, 0)
        if m.group("count"):  # "signed in 2017. Those were delivered two years later"
            count = m.group("count").lower()
            unit = m.group("counted")[:-1].lower()
            step = (int(count) if count.isdigit() else _NUMBER_WORDS[count]) * (
                -1 if m.group("way").lower() == "earlier" else 1)
        value: str | None
        if m.group("month"):
            value = f"{year:04d}-{_MONTHS.index(m.group('month')[:3].lower()) + 1:02d}"
        elif (m.group("unit") or "").lower() == "day":
            value = ref if len(ref) == 10 else None
        elif (m.group("unit") or "").lower() == "month":
            value = ref[:7] if len(ref) >= 7 else None
        elif unit and unit.lower() == "month":  # "the previous month": only against a month named
            months = year * 12 + int(ref[5:7]) - 1 + step if len(ref) >= 7 else None
            value = f"{months // 12:04d}-{months % 12 + 1:02d}" if months is not None else None
        else:
            value = f"{year + step:04d}"
        if value is not None:
            kind = {4: "year", 7: "month"}.get(len(value), "date")
            out.append(Timex(m.start(), m.end(), m.group(0), value, kind))
    return out
