"""Bad input: each case gives exactly one clear Problem (or none, for odd-but-fine input) and never an exception.

The small files live in tests/data/bad/; files too big to commit, unreadable
files and missing paths are made in tmp_path.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.ingest import MAX_FILE_BYTES, MAX_LINE_BYTES, Ingestor, IngestStats, Problem, read_file, read_paths
from armsledger.ingest import core as ingest_core
from armsledger.ingest.problems import KINDS
from armsledger.model import Article

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"
TEXT_KW = {"published": "2025-04-01"}  # .txt files carry no date; give one so only the problem under test shows

# file -> (keywords, number of articles kept, [(kind, line, skipped, text the message must contain)])
EXPECTED: dict[str, tuple[dict[str, str], int, list[tuple[str, int | None, bool, str]]]] = {
    "empty.json": ({}, 0, [("empty", None, True, "the file is empty (0 bytes)")]),
    "whitespace.txt": (TEXT_KW, 0, [("blank", None, True, "only whitespace")]),
    "binary.json": ({}, 0, [("binary", None, True, "binary data (NUL bytes)")]),
    "latin1.txt": (TEXT_KW, 1, []),
    "cp1252.txt": (TEXT_KW, 1, []),
    "utf16.txt": (TEXT_KW, 1, []),
    "utf16-nobom.txt": (TEXT_KW, 1, []),
    "utf8-bom.json": ({}, 1, []),
    "truncated.json": ({}, 0, [("json-invalid", 6, True, "line 6, column 11: unterminated string; the data ends too")]),
    "invalid-line.jsonl": ({}, 2, [("json-invalid", 2, True, "invalid JSON at column 25")]),
    "not-object.json": ({}, 0, [("json-shape", None, True, "the file holds a string, not an article object")]),
    "list-mixed.json": ({}, 1, [("json-shape", None, True, "item #2 of the list is a number")]),
    "scalar-line.jsonl": ({}, 1, [("json-shape", 2, True, "line holds a number, not an article object")]),
    "no-text.json": ({}, 0, [("no-text", None, True, 'no "text" field (fields present: id, outlet, published')]),
    "empty-text.json": ({}, 0, [("no-text", None, True, '"text" is empty')]),
    "text-number.json": ({}, 0, [("text-type", None, True, '"text" is a number, not a string')]),
    "no-article.html": ({}, 0, [("html-no-text", None, True, "no article text found on the page 'Procurement'")]),
    "broken.rss": ({}, 0, [("feed-invalid", None, True, "RSS/Atom feed: not well-formed (invalid token) (line 4")]),
    "empty-feed.rss": ({}, 0, [("feed-empty", None, True, "the feed 'Quiet Defence Wire' has no entries")]),
    "recoverable.rss": ({}, 1, [("feed-malformed", None, False, "undefined entity (line 11)); 1 entry was recovered")]),
    "no-date.json": ({}, 1, [("no-date", None, False, "no publication date; article kept")]),
    "bad-date.json": ({}, 1, [("bad-date", None, False, "impossible or unreadable date '2025-13-45'; date dropped")]),
    "duplicate-ids.jsonl": ({}, 2, [("duplicate-id", 2, False, "this one is kept as 'dup-01~v2'")]),
    "title-type.json": ({}, 1, [("field-type", None, False, '"title" is a list, not a string; ignored')]),
    "declared-german.json": ({}, 0, [("not-english", None, True, "marked as language 'de'")]),
    "html-text.json": ({}, 1, []),
    "jsonl-as.json": ({}, 2, []),
    "german.txt": (TEXT_KW, 0, [("not-english", None, True, "does not look like English (6% common English words")]),
    "french.json": ({}, 0, [("not-english", None, True, "does not look like English")]),
    "spanish.jsonl": ({}, 0, [("not-english", 1, True, "does not look like English")]),
    "turkish.txt": (TEXT_KW, 0, [("not-english", None, True, "does not look like English (0% common English words")]),
    "russian.txt": (TEXT_KW, 0, [("not-english", None, True, "mostly in Cyrillic script (0% Latin letters)")]),
    "notes.md": ({}, 0, [("unsupported", None, True, "'.md' files are not read")]),
    "report.pdf": ({}, 0, [("unsupported", None, True, "'.pdf' files are not read")]),
    "sitemap.xml": ({}, 0, [("unsupported", None, True, "'.xml' files are not read")]),
}  # fmt: skip


def read(path: Path, **kwargs) -> tuple[list[Article], list[Problem]]:
    problems: list[Problem] = []
    return list(read_file(path, on_problem=problems.append, **kwargs)), problems


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_every_bad_file_has_an_expectation():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)
    assert len([name for name, (_, _, problems) in EXPECTED.items() if problems]) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_exactly_the_expected_problem(name):
    kwargs, n_articles, expected = EXPECTED[name]
    articles, problems = read(BAD / name, **kwargs)
    assert len(articles) == n_articles
    assert [(p.kind, p.line, p.skipped) for p in problems] == [(k, line, s) for k, line, s, _ in expected]
    for problem, (kind, line, _, text) in zip(problems, expected, strict=True):
        assert text in problem.message
        assert problem.skipped == KINDS[kind][0]
        rendered = str(problem)
        where = f"{BAD / name}:{line}: " if line is not None else f"{BAD / name}: "
        assert rendered.startswith(where + ("skipped: " if problem.skipped else "warning: "))
        assert " — " in rendered and problem.hint and "\n" not in rendered


# --- encodings: decoded correctly, not a problem ---------------------------------------------


def test_latin1_and_windows_1252_are_decoded():
    (latin,), _ = read(BAD / "latin1.txt", **TEXT_KW)
    assert latin.title == "Türkiye weighs offer for used frigates"
    assert "officials said at a café briefing in Ankara" in latin.text
    (cp,), _ = read(BAD / "cp1252.txt", **TEXT_KW)
    assert cp.title == "Greece says drone deal is “close”"
    assert "Greece’s defence minister" in cp.text and "“close” – worth about €150 million –" in cp.text


def test_utf16_and_utf8_bom_are_decoded():
    (with_bom,), _ = read(BAD / "utf16.txt", **TEXT_KW)
    assert with_bom.title == "Japan orders patrol aircraft" and "\ufeff" not in with_bom.title
    assert with_bom.text.startswith("Japan has ordered three more maritime patrol aircraft")
    (without_bom,), _ = read(BAD / "utf16-nobom.txt", **TEXT_KW)
    assert without_bom.text.startswith("Kenya has received the first batch")
    (utf8,), _ = read(BAD / "utf8-bom.json")
    assert utf8.id == "bom-01" and utf8.title == "Pakistan’s frigate enters service"


def test_jsonl_in_utf16_and_cp1252_lines(tmp_path):
    good = json.loads((BAD / "no-date.json").read_text(encoding="utf-8"))
    lines = [json.dumps({**good, "id": f"u{n}", "title": f"Türkiye {n}"}, ensure_ascii=False) for n in range(2)]
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_bytes(codecs.BOM_UTF16_LE + ("\n".join(lines) + "\n").encode("utf-16-le"))
    articles, _ = read(utf16)
    assert [(a.id, a.title) for a in articles] == [("u0", "Türkiye 0"), ("u1", "Türkiye 1")]
    cp = tmp_path / "cp.jsonl"
    cp.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    assert [a.title for a in read(cp)[0]] == ["Türkiye 0", "Türkiye 1"]


def test_html_in_json_text_becomes_plain_text():
    (article,), problems = read(BAD / "html-text.json")
    assert problems == []
    assert "<" not in article.text and "training for crews" in article.text
    assert len(article.text.split("\n\n")) == 2


# --- records: dates, duplicates, hints -------------------------------------------------------


def test_bad_date_is_dropped_and_keyword_date_used_instead():
    (article,), problems = read(BAD / "bad-date.json")
    assert article.published is None
    (article,), problems = read(BAD / "bad-date.json", published="2025-04-02")
    assert article.published == "2025-04-02"
    assert "using --published 2025-04-02" in only(problems).message


def test_duplicate_ids_keep_both_and_rename_the_second():
    articles, _ = read(BAD / "duplicate-ids.jsonl")
    assert [a.id for a in articles] == ["dup-01", "dup-01~v2"]
    assert articles[0].hash != articles[1].hash


def test_same_article_twice_in_one_run_is_read_once():
    problems: list[Problem] = []
    articles = list(read_paths([DATA / "article.json", DATA / "articles.jsonl"], on_problem=problems.append))
    assert [a.id for a in articles] == ["t-json-01", "t-jsonl-02", "articles#3"]
    problem = only(problems)
    assert (problem.kind, problem.line, problem.skipped) == ("duplicate", 1, True)
    assert str(DATA / "article.json") in problem.message


def test_duplicate_ids_across_files_and_runs(tmp_path):
    note = (DATA / "note.txt").read_text(encoding="utf-8")
    for n in range(3):
        record = {"id": "same", "published": "2025-01-01", "text": f"{note} Version {n}."}
        (tmp_path / f"{n}.json").write_text(json.dumps(record), encoding="utf-8")
    problems: list[Problem] = []
    ids = [a.id for a in read_paths([tmp_path], on_problem=problems.append)]
    assert ids == ["same", "same~v2", "same~v3"]
    assert [p.kind for p in problems] == ["duplicate-id", "duplicate-id"]
    assert [a.id for a in read_paths([tmp_path / "1.json"], on_problem=problems.append)] == ["same"]  # new run


def test_missing_text_hint_names_the_likely_field():
    assert only(read(BAD / "no-text.json")[1]).hint == 'rename the "body" field to "text"'


# --- files: size, access, paths --------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".html"])
def test_enormous_file_is_skipped_without_reading_it(tmp_path, suffix):
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as f:
        f.write(b"[" if suffix == ".json" else b"<html><body><p>")
        f.write(b" " * (MAX_FILE_BYTES + 1024))
        f.write(b"]" if suffix == ".json" else b"</p></body></html>")
    articles, problems = read(path)
    problem = only(problems)
    assert articles == [] and problem.kind == "too-large" and problem.skipped
    assert "over the 50 MB limit" in problem.message


def test_jsonl_has_no_file_size_limit_only_a_line_limit(tmp_path):
    path = tmp_path / "big.jsonl"
    good = (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    enormous = json.dumps({"id": "huge", "text": "x" * (MAX_LINE_BYTES + 10)})
    path.write_text("\n".join([good[0], enormous, good[1]]) + "\n", encoding="utf-8")
    problems: list[Problem] = []
    ingestor = Ingestor(on_problem=problems.append, max_file_bytes=1024)  # file limit below the file size
    articles = list(ingestor.read_file(path))
    assert [a.id for a in articles] == ["t-json-01", "t-jsonl-02"]
    problem = only(problems)
    assert (problem.kind, problem.line, problem.skipped) == ("line-too-large", 2, True)
    assert "over the 5 MB limit" in problem.message


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.json"
    path.write_text((DATA / "article.json").read_text(encoding="utf-8"), encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate what chmod does for everyone else

        def denied(p: Path):
            raise PermissionError(errno.EACCES, "Permission denied", str(p))

        monkeypatch.setattr(ingest_core, "_open", denied)
    problem = only(read(path)[1])
    assert (problem.kind, problem.skipped) == ("unreadable", True)
    assert "cannot open the file: permission denied" in problem.message and "permissions" in problem.hint


def test_missing_path_and_broken_link(tmp_path):
    problem = only(read(tmp_path / "nope.json")[1])
    assert (problem.kind, problem.message) == ("missing", "no such file or folder")
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "gone.json")
    assert only(read(link)[1]).message == "broken symbolic link"


def test_pipe_is_not_opened(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    problem = only(read(fifo)[1])  # opening a FIFO would block forever
    assert problem.kind == "unsupported" and "not a regular file" in problem.message


def test_read_file_on_a_folder_reads_the_folder():
    articles, _ = read(DATA / "folder")
    assert len(articles) == 6


def test_an_unexpected_error_is_reported_and_the_batch_goes_on(monkeypatch):
    def broken(text, src):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(ingest_core, "read_txt", broken)
    problems: list[Problem] = []
    articles = list(read_paths([DATA / "note.txt", DATA / "article.json"], on_problem=problems.append))
    assert [a.id for a in articles] == ["t-json-01"]
    problem = only(problems)
    assert problem.kind == "error" and "RuntimeError: simulated bug" in problem.message


def test_whole_bad_folder_in_one_batch():
    stats = IngestStats()
    articles = list(read_paths([BAD, DATA / "note.txt"], published="2025-04-01", stats=stats,
                               on_problem=lambda p: None))  # fmt: skip
    assert stats.read == len(articles) == sum(n for _, n, _ in EXPECTED.values()) + 1
    # (bad-date keeps its warning but now gets the keyword date; no-date gets the keyword date, so no warning)
    expected_kinds = sorted(k for name, (_, _, probs) in EXPECTED.items() for k, *_ in probs if name != "no-date.json")
    assert sorted(p.kind for p in stats.problems) == expected_kinds
    assert stats.skipped == sum(1 for p in stats.problems if p.skipped) > 20


# --- fuzz: nothing a file contains may raise or be reported as an internal error ----------------

_PREFIXES = [b"", b"{", b'{"text": ', b"[", b"[{", b'<?xml version="1.0"?><rss><channel><item>', b"<feed>",
             b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe"]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    prefix=st.sampled_from(_PREFIXES),
    body=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass"))),
    suffix=st.sampled_from([".json", ".jsonl", ".txt", ".html", ".rss", ".xml", ""]),
)
def test_arbitrary_bytes_never_raise(prefix, body, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(prefix + body)
        problems: list[Problem] = []
        articles = list(read_file(path, on_problem=problems.append, published="2025-01-01"))
        assert articles or problems
        assert "error" not in {p.kind for p in problems}, [str(p) for p in problems]
        assert all(isinstance(a.text, str) and a.text.strip() for a in articles)


def test_feed_entry_without_content_is_skipped_alone(tmp_path):
    feed = (DATA / "feed.rss").read_text(encoding="utf-8")
    start = feed.index("<description><![CDATA[<p>Slovenia")
    end = feed.index("</description>", start) + len("</description>")
    path = tmp_path / "headlines.rss"
    path.write_text(feed[:start] + feed[end:], encoding="utf-8")
    articles, problems = read(path)
    assert [a.id for a in articles] == ["digest-2025-0512"]
    problem = only(problems)
    assert problem.kind == "no-text" and problem.message.startswith("entry #2 ('Slovenia weighs purchase")


def test_a_character_reference_beyond_unicode_in_a_feed_is_no_crash(tmp_path):
    """ "&#2000000;" names no character; feedparser raised on it and ingest reported an internal error. The
    entry around it is still read, with U+FFFD in its place."""
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Jets</title>'
        "<description>Chile ordered K9 howitzers &#2000000; from Korea.</description>"
        "<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    articles, problems = read(feed)
    assert all(p.kind != "error" for p in problems), problems
    assert len(articles) == 1 and "\ufffd" in articles[0].text
