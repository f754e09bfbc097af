"""Problems found while reading input, and run statistics.

Ingest never raises on bad input: every file or record that cannot be used
becomes one :class:`Problem`, and the batch goes on. A problem either *skips*
the file/record (``skipped=True``) or is a *warning* about an article that was
still read (``skipped=False``: missing or impossible date, renamed duplicate id,
malformed-but-recovered feed). The kinds below are the stable codes callers
may count or filter on; each carries a default hint telling the user what to do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# kind -> (skipped?, what to do). One table so messages stay consistent and a
# new kind cannot be added without deciding whether it skips and what to advise.
KINDS: dict[str, tuple[bool, str]] = {
    "missing": (True, "check the path for typos"),
    "unreadable": (True, "check the file permissions (it must be readable by this user)"),
    "unsupported": (
        True,
        "convert it to .json, .jsonl, .txt, .html or an RSS/Atom feed, or remove it from the input folder",
    ),
    "empty": (True, "re-export the file or delete it"),
    "blank": (True, "re-export the file or delete it"),
    "binary": (True, "this is not a text file; pass only text, JSON, HTML or feed files"),
    "too-large": (True, "split the file (e.g. into JSON Lines, which is streamed) or raise the size limit"),
    "line-too-large": (True, "check that the JSON Lines writer put one article per line"),
    "json-invalid": (True, "fix the JSON syntax at that position and re-run"),
    "json-shape": (True, "a file must hold one article object or a list of article objects"),
    "no-articles": (True, "nothing to do, unless you expected articles in this file"),
    "no-text": (True, 'give each article a non-empty "text" field'),
    "text-type": (True, '"text" must be a string with the article body'),
    "html-no-text": (
        True,
        "the page may be an index, a paywall stub or built by JavaScript; save the article page itself "
        "or paste its text into a .txt file",
    ),
    "feed-invalid": (True, "the feed is not well-formed XML; download it again or fix the markup"),
    "feed-empty": (True, "nothing to do, unless you expected articles: then check where the feed was saved from"),
    "not-english": (True, "armsledger reads English only; translate the article first"),
    "duplicate": (True, "nothing to do: the copy is ignored"),
    "error": (True, "this is a bug in armsledger; please report it together with the file"),
    # warnings: the article is kept
    "no-date": (False, 'pass --published YYYY-MM-DD or add a "published" field, so relative dates resolve'),
    "bad-date": (False, "write the date as YYYY-MM-DD, or pass --published"),
    "duplicate-id": (False, "give each article a unique id if these are different articles"),
    "feed-malformed": (False, "some entries may be missing or garbled; check the feed source"),
    "field-type": (False, "metadata fields (id, title, outlet, url, published) should be strings"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file or record, worded for the person running the batch."""

    path: str
    line: int | None
    kind: str
    message: str
    hint: str = ""
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        status = "skipped" if self.skipped else "warning"
        hint = f" — {self.hint}" if self.hint else ""
        return f"{where}: {status}: {self.message}{hint}"


def human_size(n: int) -> str:
    """Bytes for messages: "50 MB", "5.2 MB", "800 KB", "12 bytes"."""
    if n >= 2**20:
        value, unit = n / 2**20, "MB"
    elif n >= 2**10:
        value, unit = n / 2**10, "KB"
    else:
        return f"{n} bytes"
    return f"{value:.0f} {unit}" if value >= 10 or value.is_integer() else f"{value:.1f} {unit}"


def make_problem(path: str, kind: str, message: str, *, line: int | None = None, hint: str | None = None) -> Problem:
    """Build a Problem with the kind's default severity and hint (a specific hint may replace it)."""
    skipped, default_hint = KINDS[kind]
    return Problem(path=path, line=line, kind=kind, message=message, hint=hint or default_hint, skipped=skipped)


@dataclass(slots=True)
class IngestStats:
    """What a run read: articles yielded, files opened, and every problem in order."""

    read: int = 0
    files: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def by_kind(self) -> dict[str, int]:
        """Problem counts per kind, most frequent first."""
        return dict(Counter(p.kind for p in self.problems).most_common())

    @property
    def skipped(self) -> int:
        """Files or records that were not read."""
        return sum(1 for p in self.problems if p.skipped)

    @property
    def warnings(self) -> int:
        """Articles read despite a problem."""
        return sum(1 for p in self.problems if not p.skipped)
