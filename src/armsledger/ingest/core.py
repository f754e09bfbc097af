"""The ingest driver: files in, checked :class:`~armsledger.model.Article` s out, problems reported.

Every file goes through the same steps (exists -> regular file -> not empty ->
opens -> format known -> size -> not binary -> decodes -> parse), and every
record through the same checks (text present, English, metadata types, date,
duplicate id), so a problem is reported once, in one place, with one wording.
Whatever happens in one file, the batch goes on.
"""

from __future__ import annotations

import errno
import io
import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from ..model import Article
from .dates import normalise_date
from .decode import BinaryContent, declared_encoding, decode_bytes, looks_binary, sniff_bom
from .detect import HEAD_BYTES, detect_format, iter_files
from .formats import Record, Source, json_type, read_feed, read_html, read_json, read_jsonl, read_txt
from .htmltext import html_to_text, looks_like_html
from .language import check_english
from .problems import IngestStats, Problem, human_size, make_problem

MAX_FILE_BYTES = 50 * 1024 * 1024  # json/html/txt/feed files are read whole; bigger ones are skipped
MAX_LINE_BYTES = 5 * 1024 * 1024  # one JSON Lines record; JSON Lines files themselves have no limit

LOG = logging.getLogger("armsledger.ingest")
ProblemHandler = Callable[[Problem], None]

_META_FIELDS = ("id", "title", "outlet", "url", "language", "published")
_TEXT_ALIASES = ("body", "content", "article", "maintext", "full_text", "fulltext", "story", "description")


def _open(path: Path) -> IO[bytes]:
    """Open a file for reading (a seam for tests that simulate permission errors when run as root)."""
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def _log_problem(problem: Problem) -> None:
    LOG.warning("%s", problem)


class Ingestor:
    """Reads many files in one run, remembering ids so duplicates across files are caught.

    ``outlet`` and ``published`` fill in metadata a file does not carry (they never
    override what a file says). ``on_problem`` receives every Problem as it happens
    (default: a warning on the ``armsledger.ingest`` logger); ``stats`` counts them.
    """

    def __init__(
        self,
        *,
        outlet: str | None = None,
        published: str | None = None,
        on_problem: ProblemHandler | None = None,
        stats: IngestStats | None = None,
        max_file_bytes: int = MAX_FILE_BYTES,
        max_line_bytes: int = MAX_LINE_BYTES,
        check_language: bool = True,
    ) -> None:
        self.outlet = (outlet.strip() or None) if outlet else None
        self.published = normalise_date(published) if published else None
        if published and self.published is None:
            raise ValueError(f"published={published!r} is not a date; write it as YYYY-MM-DD")
        self.on_problem = on_problem or _log_problem
        self.stats = stats if stats is not None else IngestStats()
        self.max_file_bytes = max_file_bytes
        self.max_line_bytes = max_line_bytes
        self.check_language = check_language
        self._seen: dict[str, dict[str, tuple[str, str]]] = {}  # id -> {content hash: (id given, path)}

    # --- public -------------------------------------------------------------------------------

    def read_paths(self, paths: Iterable[str | Path]) -> Iterator[Article]:
        """Articles from files and folders (recursively, sorted, hidden entries skipped)."""
        for path in iter_files(paths):
            yield from self.read_file(path)

    def read_file(self, path: str | Path) -> Iterator[Article]:
        """Articles from one file (a folder is read as with read_paths); problems go to ``on_problem``."""
        path = Path(path)
        try:
            yield from self._read_file(path)
        except Exception as exc:  # a bug must not end the batch: report it like any other problem
            LOG.debug("unexpected error reading %s", path, exc_info=True)
            detail = str(exc) or "(no message)"
            self._report(make_problem(str(path), "error", f"unexpected {type(exc).__name__}: {detail}"))

    # --- file level ---------------------------------------------------------------------------

    def _report(self, problem: Problem) -> None:
        self.stats.problems.append(problem)
        self.on_problem(problem)

    def _read_file(self, path: Path) -> Iterator[Article]:
        name = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            kind_msg = "broken symbolic link" if path.is_symlink() else "no such file or folder"
            self._report(make_problem(name, "missing", kind_msg))
            return
        except OSError as exc:
            self._report(make_problem(name, "unreadable", f"cannot access: {exc.strerror or exc}"))
            return
        if stat.S_ISDIR(info.st_mode):
            try:
                os.listdir(path)
            except OSError as exc:
                self._report(make_problem(name, "unreadable", f"cannot list folder: {exc.strerror or exc}"))
                return
            yield from self.read_paths([path])
            return
        if not stat.S_ISREG(info.st_mode):
            self._report(
                make_problem(
                    name,
                    "unsupported",
                    "not a regular file (a pipe, socket or device)",
                    hint="pass regular files or folders only",
                )
            )
            return
        if info.st_size == 0:
            self._report(make_problem(name, "empty", "the file is empty (0 bytes)"))
            return
        try:
            stream = _open(path)
        except OSError as exc:
            reason = "permission denied" if exc.errno in (errno.EACCES, errno.EPERM) else (exc.strerror or str(exc))
            self._report(make_problem(name, "unreadable", f"cannot open the file: {reason}"))
            return
        with stream:
            self.stats.files += 1
            yield from self._read_stream(path, stream, info.st_size)

    def _read_stream(self, path: Path, stream: IO[bytes], size: int) -> Iterator[Article]:
        name = str(path)
        head = stream.read(HEAD_BYTES)
        fmt = detect_format(path, head)
        if fmt == "unknown":
            what = f"'{path.suffix}' files are" if path.suffix else "files without an extension are"
            self._report(
                make_problem(
                    name,
                    "unsupported",
                    f"{what} not read, and the content is not recognisably JSON, HTML or an RSS/Atom feed",
                )
            )
            return
        if fmt != "jsonl" and size > self.max_file_bytes:
            self._report(
                make_problem(
                    name,
                    "too-large",
                    f"file is {human_size(size)}, over the {human_size(self.max_file_bytes)} limit for {fmt} files",
                )
            )
            return
        if looks_binary(head):
            self._report(make_problem(name, "binary", "binary data (NUL bytes), not text"))
            return
        src = Source(path=name, stem=path.stem)
        if fmt == "jsonl":
            stream.seek(0)
            encoding, skip = sniff_bom(head)
            if encoding and encoding != "utf-8":  # UTF-16/32: let Python decode, still line by line
                stream.seek(skip)
                text_stream = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
                yield from self._articles(
                    read_jsonl(text_stream, src, max_line=self.max_line_bytes, text_mode=True), src
                )
            else:
                yield from self._articles(read_jsonl(stream, src, max_line=self.max_line_bytes), src)
            return
        data = head + stream.read()
        try:
            text, _encoding = decode_bytes(data, declared_encoding(head) if fmt in ("html", "feed") else None)
        except BinaryContent as exc:
            self._report(make_problem(name, "binary", f"not text in any supported encoding ({exc})"))
            return
        if not text.strip():
            self._report(make_problem(name, "blank", "the file contains only whitespace"))
            return
        reader = {"json": read_json, "txt": read_txt, "html": read_html, "feed": read_feed}[fmt]
        yield from self._articles(reader(text, src), src)

    # --- record level -------------------------------------------------------------------------

    def _articles(self, items: Iterable[Record | Problem], src: Source) -> Iterator[Article]:
        for item in items:
            if isinstance(item, Problem):
                self._report(item)
                continue
            article = self._article(item, src)
            if article is not None:
                self.stats.read += 1
                yield article

    def _article(self, rec: Record, src: Source) -> Article | None:
        """Check one record; report at most one skip, or the warnings of a kept article."""
        where = {"line": rec.line}
        prefix = f"{rec.label}: " if rec.label and rec.line is None else ""

        def problem(kind: str, message: str, hint: str | None = None) -> Problem:
            return make_problem(src.path, kind, prefix + message, hint=hint, **where)

        text = rec.text
        if text is None:
            alias = next((k for k in _TEXT_ALIASES if k in rec.keys), None)
            hint = f'rename the "{alias}" field to "text"' if alias else None
            shown = ", ".join(rec.keys[:8]) if rec.keys else "none"
            self._report(problem("no-text", f'no "text" field (fields present: {shown})', hint))
            return None
        if not isinstance(text, str):
            self._report(problem("text-type", f'"text" is {json_type(text)}, not a string'))
            return None
        if rec.text_is_html or (rec.text_is_html is None and looks_like_html(text)):
            text = html_to_text(text)
        text = text.strip()
        if not text:
            self._report(problem("no-text", '"text" is empty'))
            return None

        warnings: list[Problem] = []
        meta: dict[str, str | None] = {}
        for key in _META_FIELDS:
            value = getattr(rec, key)
            if isinstance(value, str):
                meta[key] = value.strip() or None
            elif isinstance(value, int | float) and not isinstance(value, bool):
                meta[key] = str(value)
            else:
                meta[key] = None
                if value is not None:
                    warnings.append(problem("field-type", f'"{key}" is {json_type(value)}, not a string; ignored'))

        declared = meta["language"]
        if declared and not declared.lower().replace("_", "-").startswith("en"):
            self._report(problem("not-english", f"the article is marked as language '{declared}'"))
            return None
        if self.check_language:
            verdict = check_english(text)
            if not verdict.english:
                self._report(problem("not-english", verdict.reason))
                return None

        raw_date = meta["published"]
        published = normalise_date(raw_date) if raw_date else None
        if raw_date and published is None:
            used = f"; using --published {self.published}" if self.published else ""
            warnings.append(problem("bad-date", f"impossible or unreadable date '{raw_date}'; date dropped{used}"))
        published = published or self.published
        if published is None and raw_date is None:
            warnings.append(problem("no-date", "no publication date; article kept without one"))

        article = Article(
            id=meta["id"] or rec.default_id,
            text=text,
            outlet=meta["outlet"] or self.outlet,
            published=published,
            title=meta["title"],
            url=meta["url"],
            language=declared or "en",
            source_path=src.path,
        )
        duplicate = self._dedupe(article, problem)
        if isinstance(duplicate, Problem) and duplicate.skipped:
            self._report(duplicate)
            return None
        if duplicate is not None:
            warnings.append(duplicate)
        for warning in warnings:
            self._report(warning)
        return article

    def _dedupe(self, article: Article, problem: Callable[..., Problem]) -> Problem | None:
        """Rename a reused id (``ID~v2``) or skip an exact repeat; returns the Problem to report, if any."""
        versions = self._seen.get(article.id)
        if versions is None:
            self._seen[article.id] = {article.hash: (article.id, article.source_path or "")}
            return None
        if article.hash in versions:
            given, first_path = versions[article.hash]
            return problem("duplicate", f"article '{given}' with the same text was already read from {first_path}")
        original = article.id
        n = len(versions) + 1
        while f"{original}~v{n}" in self._seen:
            n += 1
        article.id = f"{original}~v{n}"
        first_path = next(iter(versions.values()))[1]
        versions[article.hash] = (article.id, article.source_path or "")
        self._seen[article.id] = {article.hash: (article.id, article.source_path or "")}
        return problem(
            "duplicate-id",
            f"id '{original}' was already used by a different article "
            f"(in {first_path}); this one is kept as '{article.id}'",
        )


def read_paths(
    paths: Iterable[str | Path],
    *,
    outlet: str | None = None,
    published: str | None = None,
    on_problem: ProblemHandler | None = None,
    stats: IngestStats | None = None,
) -> Iterator[Article]:
    """Stream Articles from files and folders; bad input becomes Problems, never exceptions."""
    return Ingestor(outlet=outlet, published=published, on_problem=on_problem, stats=stats).read_paths(paths)


def read_file(
    path: str | Path,
    *,
    outlet: str | None = None,
    published: str | None = None,
    on_problem: ProblemHandler | None = None,
    stats: IngestStats | None = None,
) -> Iterator[Article]:
    """Stream Articles from one file (see :func:`read_paths`)."""
    return Ingestor(outlet=outlet, published=published, on_problem=on_problem, stats=stats).read_file(path)
