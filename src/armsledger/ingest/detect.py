"""Which files to read, and in which format.

Format is decided by extension first (cheap, and what the user meant), then by
looking at the first bytes: ``.xml`` and unknown extensions may hold a feed,
HTML or JSON; a ``.json`` file may really be JSON Lines (a common mislabel of
exports), and a ``.jsonl`` file may be one pretty-printed object.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .decode import sniff_bom

HEAD_BYTES = 65536  # how much of a file detect_format looks at

EXTENSIONS: dict[str, str] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
}
FORMATS: tuple[str, ...] = ("json", "jsonl", "txt", "html", "feed")

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_XML_PREAMBLE = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*", re.IGNORECASE | re.DOTALL)


def _head_text(head: bytes) -> str:
    encoding, skip = sniff_bom(head)
    return head[skip:].decode(encoding or "utf-8", "ignore").lstrip("\ufeff")


def _looks_jsonl(text: str) -> bool:
    """First non-blank line is a whole JSON object and the next one starts another."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2 or not lines[1].startswith("{"):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        return False


def _sniff(text: str) -> str | None:
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "jsonl" if _looks_jsonl(stripped) else "json"
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("<"):
        body = _XML_PREAMBLE.sub("", stripped[:4096], count=1)
        if _FEED_ROOT.match(body):
            return "feed"
        if _HTML_ROOT.search(stripped[:4096]) or re.match(r"<(?:head|body)[\s>]", body, re.IGNORECASE):
            return "html"
    return None


def detect_format(path: Path, head: bytes) -> str:
    """Return json | jsonl | txt | html | feed for a file, or "unknown" when nothing fits.

    ``head`` is the first bytes of the file (``HEAD_BYTES`` is plenty).
    """
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt == "json":
        return "jsonl" if _looks_jsonl(_head_text(head)) else "json"
    if fmt == "jsonl":
        first = next((ln.strip() for ln in _head_text(head).split("\n") if ln.strip()), "")
        return "json" if first in ("{", "[") else "jsonl"  # one pretty-printed object, not JSON Lines
    if fmt:
        return fmt
    return _sniff(_head_text(head)) or "unknown"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(directory: Path, seen_dirs: set[str]) -> Iterator[Path]:
    try:
        real = os.path.realpath(directory)
        if real in seen_dirs:  # a symlink loop or a folder reachable twice
            return
        seen_dirs.add(real)
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        yield directory  # read_file reports why it cannot be listed
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen_dirs)
        else:
            yield path


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file to read under ``paths``: directories recursively and sorted, hidden entries skipped.

    Paths that do not exist are yielded as given so that the reader reports them;
    a file reachable twice (listed twice, or inside a listed folder) comes once.
    Hidden names are skipped only inside folders: a hidden file named explicitly is read.
    """
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()
    for raw in paths:
        path = Path(raw)
        found = _walk(path, seen_dirs) if path.is_dir() else iter((path,))
        for file in found:
            key = os.path.realpath(file)
            if key in seen_files:
                continue
            seen_files.add(key)
            yield file
