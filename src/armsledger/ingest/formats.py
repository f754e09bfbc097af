"""One reader per input format: bytes or a stream in, raw :class:`Record` s or :class:`Problem` s out.

Readers only parse. Turning a record into an Article (required text, dates,
language, duplicate ids, keyword defaults) happens once, in ``core``, so every
format gets the same checks and the same messages.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from .dates import normalise_date
from .decode import BinaryContent, decode_bytes, strip_xml_encoding
from .htmltext import html_to_text, tidy_paragraphs
from .problems import Problem, human_size, make_problem

TITLE_MAX_CHARS = 150  # a .txt first line longer than this is prose, not a headline
TITLE_MAX_WORDS = 25
PROSE_MIN_WORDS = 12  # an extracted HTML text needs one line this long to count as an article


@dataclass(slots=True)
class Source:
    """The file being read, for ids and messages."""

    path: str
    stem: str


@dataclass(slots=True)
class Record:
    """One article as found in the input, fields not yet checked (any JSON type may appear)."""

    default_id: str
    text: Any = None
    id: Any = None
    title: Any = None
    outlet: Any = None
    published: Any = None
    url: Any = None
    language: Any = None
    line: int | None = None
    label: str = ""  # "object #2", "entry #1": where in the file, when there is no line number
    keys: tuple[str, ...] = ()  # the object's keys, to suggest a field name when "text" is missing
    text_is_html: bool | None = None  # None: decide by looking at the text


ReadItem = Record | Problem

_TYPE_NAMES = {
    "str": "a string",
    "int": "a number",
    "float": "a number",
    "bool": "a boolean",
    "NoneType": "null",
    "list": "a list",
    "dict": "an object",
}


def json_type(value: Any) -> str:
    """JSON-ish name of a value's type, for messages."""
    return _TYPE_NAMES.get(type(value).__name__, type(value).__name__)


def _record_from_object(obj: dict[str, Any], default_id: str, *, line: int | None = None, label: str = "") -> Record:
    return Record(
        default_id=default_id,
        text=obj.get("text"),
        id=obj.get("id"),
        title=obj.get("title"),
        outlet=obj.get("outlet"),
        published=obj.get("published"),
        url=obj.get("url"),
        language=obj.get("language"),
        line=line,
        label=label,
        keys=tuple(str(k) for k in obj),
    )


_JSON_STRING = re.compile(r'"(?:\\.|[^"\\])*"')
_SCRIPT_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _looks_truncated(doc: str, pos: int) -> bool:
    """The error is at the very end, or more brackets open than close: the writer stopped early."""
    if pos >= len(doc.rstrip()):
        return True
    skeleton = _JSON_STRING.sub("", doc)
    return skeleton.count("{") + skeleton.count("[") > skeleton.count("}") + skeleton.count("]")


def _json_error(src: Source, exc: json.JSONDecodeError, *, line: int | None = None) -> Problem:
    """One message for a JSON syntax error: where, what, and whether the data looks cut off."""
    truncated = _looks_truncated(exc.doc, exc.pos)
    what = re.sub(r"(?:\s+starting)?\s+at$", "", exc.msg)  # json's messages end in "at" + the position
    what = what[:1].lower() + what[1:]
    where = f"column {exc.colno}" if line is not None else f"line {exc.lineno}, column {exc.colno}"
    message = f"invalid JSON at {where}: {what}" + ("; the data ends too early (truncated?)" if truncated else "")
    if line is not None:
        hint = f"fix or delete line {line} and re-run; the other lines were read"
    elif truncated:
        hint = "the file looks truncated; re-export or re-download it"
    else:
        hint = None
    return make_problem(src.path, "json-invalid", message, line=line or exc.lineno, hint=hint)


# --- JSON ------------------------------------------------------------------------------------


def read_json(text: str, src: Source) -> Iterator[ReadItem]:
    """A corpus JSON file: one article object, or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield _json_error(src, exc)
        return
    except RecursionError:
        yield make_problem(src.path, "json-invalid", "JSON nested too deeply to be an article file")
        return
    if isinstance(data, dict):
        yield _record_from_object(data, src.stem)
    elif isinstance(data, list):
        if not data:
            yield make_problem(src.path, "no-articles", "the JSON list is empty")
        for n, item in enumerate(data, start=1):
            if isinstance(item, dict):
                yield _record_from_object(item, f"{src.stem}#{n}", label=f"object #{n}")
            else:
                yield make_problem(
                    src.path,
                    "json-shape",
                    f"item #{n} of the list is {json_type(item)}, not an article object; it was skipped",
                )
    else:
        yield make_problem(
            src.path, "json-shape", f"the file holds {json_type(data)}, not an article object or a list of them"
        )


# --- JSON Lines (streamed) -------------------------------------------------------------------


def _iter_lines(
    stream: IO[bytes] | IO[str], limit: int, newline: bytes | str
) -> Iterator[tuple[int, bytes | str | None, int]]:
    """(line number, line or None when longer than ``limit``, size); never holds more than ~limit in memory."""
    lineno = 0
    while True:
        chunk = stream.readline(limit + 1)
        if not chunk:
            return
        lineno += 1
        if len(chunk) > limit and not chunk.endswith(newline):
            size = len(chunk)
            while not chunk.endswith(newline):  # drain the rest of the line in bounded pieces
                chunk = stream.readline(1 << 20)
                if not chunk:
                    break
                size += len(chunk)
            yield lineno, None, size
            continue
        yield lineno, chunk, len(chunk)


def read_jsonl(
    stream: IO[bytes] | IO[str], src: Source, *, max_line: int, text_mode: bool = False
) -> Iterator[ReadItem]:
    """JSON Lines, one article object per line, read line by line (files of any size).

    ``stream`` is binary (UTF-8 or legacy 8-bit, decoded per line) or, for UTF-16/32
    files, a text stream (``text_mode=True``).
    """
    any_content = False
    for lineno, raw, size in _iter_lines(stream, max_line, "\n" if text_mode else b"\n"):
        if raw is None:
            any_content = True
            yield make_problem(
                src.path,
                "line-too-large",
                f"line is {human_size(size)}, over the {human_size(max_line)} limit for one article; it was skipped",
                line=lineno,
            )
            continue
        if isinstance(raw, bytes):
            try:
                line, _ = decode_bytes(raw[3:] if lineno == 1 and raw.startswith(b"\xef\xbb\xbf") else raw)
            except BinaryContent as exc:
                any_content = True
                yield make_problem(src.path, "binary", f"line holds binary data ({exc})", line=lineno)
                continue
        else:
            line = raw.lstrip("\ufeff") if lineno == 1 else raw
        if not line.strip():
            continue
        any_content = True
        try:
            obj = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield _json_error(src, exc, line=lineno)
            continue
        except RecursionError:
            yield make_problem(src.path, "json-invalid", "JSON nested too deeply", line=lineno)
            continue
        if not isinstance(obj, dict):
            yield make_problem(
                src.path, "json-shape", f"line holds {json_type(obj)}, not an article object", line=lineno
            )
            continue
        yield _record_from_object(obj, f"{src.stem}#{lineno}", line=lineno)
    if not any_content:
        yield make_problem(src.path, "blank", "the file contains only whitespace")


# --- plain text ------------------------------------------------------------------------------


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body) of a plain-text article: a short first line followed by a blank line is the title.

    "Short" means at most 150 characters and 25 words, and not ending like a sentence (".", ",", ";", ":"):
    headlines rarely end with a full stop, while a one-sentence lead paragraph does.
    """
    stripped = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if (
        sep
        and first
        and rest.split("\n", 1)[0].strip() == ""
        and rest.strip()
        and len(first) <= TITLE_MAX_CHARS
        and len(first.split()) <= TITLE_MAX_WORDS
        and not first.endswith((".", ",", ";", ":"))
    ):
        return first, rest.strip()
    return None, stripped.strip()


def read_txt(text: str, src: Source) -> Iterator[ReadItem]:
    """A plain-text article: the whole file is the text (after an optional title line)."""
    title, body = split_title(text)
    yield Record(default_id=src.stem, text=body, title=title, text_is_html=False)


# --- HTML ------------------------------------------------------------------------------------


@contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """Silence third-party loggers for one call: their "discarding data" lines would duplicate our Problem."""
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def _drop_leading_title(text: str, title: str | None) -> str:
    """trafilatura keeps the <h1> as the first line; the title is its own field (as in the corpus)."""
    if not title:
        return text
    first, sep, rest = text.partition("\n\n")
    same = re.sub(r"\W+", " ", first).strip().lower() == re.sub(r"\W+", " ", title).strip().lower()
    return rest if sep and same else text


def _has_prose(text: str) -> bool:
    """At least one line of running text: menus, link lists and "enable JavaScript" notes are not an article."""
    return any(len(line.split()) >= PROSE_MIN_WORDS for line in text.split("\n"))


def read_html(text: str, src: Source) -> Iterator[ReadItem]:
    """A saved web page: main text by trafilatura, metadata from meta tags / JSON-LD.

    Precision is favoured (related-story headlines and teasers in the text would
    become false events downstream); when that finds nothing, trafilatura's
    balanced mode (which itself retries with recall) gets a second try.
    Date search is not "extensive": a date guessed from the body text is worse
    than no date plus a clear warning.
    """
    import trafilatura  # imported here: ~0.5 s, and only HTML needs it

    # script and style blocks never hold article text; cut them before parsing, because a stray "<?" or "<!"
    # just before one makes the parser swallow the opening tag and keep the script body as text
    html = _SCRIPT_BLOCK.sub(" ", strip_xml_encoding(text))
    params = {"extensive_search": False, "original_date": True}
    document = None
    with _quiet("trafilatura", "htmldate", "courlan", "justext"):
        for precision in (True, False):
            for metadata in (True, False):
                try:
                    document = trafilatura.bare_extraction(
                        html,
                        with_metadata=metadata,
                        include_comments=False,
                        include_tables=True,
                        favor_precision=precision,
                        date_extraction_params=params,
                    )
                    break
                except AssertionError:  # htmldate/lxml trip over pages whose root is <svg>, <iframe>, ...
                    document = None
            if document is not None and _has_prose(document.text or ""):
                break
    raw = (document.text or "") if document is not None and _has_prose(document.text or "") else ""
    body = tidy_paragraphs(raw.replace("\n", "\n\n"))  # trafilatura puts one paragraph per line
    title = (document.title or None) if document is not None else None
    if not body:
        name = f" '{title}'" if title else ""
        yield make_problem(src.path, "html-no-text", f"no article text found on the page{name}")
        return
    body = _drop_leading_title(body, title)
    assert document is not None
    yield Record(
        default_id=src.stem,
        text=body,
        title=title,
        outlet=document.sitename or None,
        published=document.date or None,
        url=document.url or None,
        language=None,  # <html lang> is a template default more often than not: the text is checked instead
        text_is_html=False,
    )


# --- RSS / Atom ------------------------------------------------------------------------------


def _entry_text(entry: Any) -> str:
    """Fullest text of a feed entry: the longer of content and summary, HTML turned into text."""
    candidates: list[str] = []
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        candidates.append(value if part.get("type") == "text/plain" else html_to_text(value))
    summary = entry.get("summary") or ""
    if summary:
        detail = entry.get("summary_detail") or {}
        candidates.append(summary if detail.get("type") == "text/plain" else html_to_text(summary))
    return max((tidy_paragraphs(c) for c in candidates), key=len, default="")


def _entry_date(entry: Any) -> str | None:
    """The entry's date as written (outlet's calendar day), else feedparser's parsed (UTC) date."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = entry.get(raw_key)
        day = normalise_date(raw) if raw else None
        if day:
            return day
        parsed = entry.get(parsed_key)
        if parsed:
            try:
                return date(*parsed[:3]).isoformat()
            except (TypeError, ValueError):
                pass
        if raw:
            return str(raw)  # unreadable: core reports it as a bad date
    return None


def _bozo_reason(result: Any) -> str:
    exc = result.get("bozo_exception")
    if exc is None:
        return "not well-formed"
    line = getattr(exc, "getLineNumber", None)
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    return f"{message.strip()} (line {line()})" if callable(line) else message.strip()


_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def _safe_charref(m: re.Match[str]) -> str:
    """A character reference beyond Unicode ("&#2000000;") becomes U+FFFD: feedparser would raise on it."""
    value = int(m[1], 16) if m[1] else int(m[2])
    return m[0] if value <= 0x10FFFF else "&#65533;"


def read_feed(text: str, src: Source) -> Iterator[ReadItem]:
    """An RSS or Atom feed: one record per entry, outlet = feed title.

    The text is handed to feedparser as a byte stream, never as a string:
    feedparser treats strings as URLs or file names, and we never fetch.
    """
    import feedparser

    data = _CHARREF.sub(_safe_charref, strip_xml_encoding(text)).encode("utf-8")
    result = feedparser.parse(io.BytesIO(data))
    entries = result.get("entries") or []
    feed = result.get("feed") or {}
    feed_title = feed.get("title") or None
    if not entries:
        if result.get("bozo"):
            yield make_problem(src.path, "feed-invalid", f"broken RSS/Atom feed: {_bozo_reason(result)}")
        else:
            name = f" '{feed_title}'" if feed_title else ""
            yield make_problem(src.path, "feed-empty", f"the feed{name} has no entries")
        return
    if result.get("bozo"):
        yield make_problem(
            src.path,
            "feed-malformed",
            f"the feed is not well-formed ({_bozo_reason(result)}); "
            f"{len(entries)} {'entry was' if len(entries) == 1 else 'entries were'} recovered and read",
        )
    for n, entry in enumerate(entries, start=1):
        title = entry.get("title") or None
        if title and (entry.get("title_detail") or {}).get("type") == "text/html":
            title = html_to_text(title) or None
        text = _entry_text(entry)
        if not text:
            name = f" ('{title}')" if title else ""
            yield make_problem(src.path, "no-text", f"entry #{n}{name} has no content or summary",
                               hint="nothing to read in this entry; the feed may carry headlines only")  # fmt: skip
            continue
        yield Record(
            default_id=f"{src.stem}#{n}",
            text=text,
            id=entry.get("id") or entry.get("link") or None,
            title=title,
            outlet=feed_title,
            published=_entry_date(entry),
            url=entry.get("link") or None,
            language=feed.get("language") or None,
            label=f"entry #{n}",
            text_is_html=False,
        )
