"""Ingest of well-formed input: every format yields the right Article fields.

The files in tests/data/ are short invented arms-trade reports written for
these tests (see tests/test_ingest_bad.py for malformed input).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.ingest import (
    Ingestor,
    IngestStats,
    Problem,
    detect_format,
    iter_files,
    normalise_date,
    read_file,
    read_paths,
)
from armsledger.ingest.formats import split_title
from armsledger.ingest.language import check_english
from armsledger.model import Article, content_hash

DATA = Path(__file__).parent / "data"


def read(path: Path, **kwargs) -> tuple[list[Article], list[Problem]]:
    problems: list[Problem] = []
    articles = list(read_file(path, on_problem=problems.append, **kwargs))
    return articles, problems


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# --- corpus JSON / JSON Lines ----------------------------------------------------------------


def test_json_article_has_all_fields_and_ignores_gold():
    (article,), problems = read(DATA / "article.json")
    assert problems == []
    raw = json.loads((DATA / "article.json").read_text(encoding="utf-8"))
    assert article.id == "t-json-01"
    assert article.outlet == "Harbour Defence Review"
    assert article.published == "2025-03-04"
    assert article.title == raw["title"]
    assert article.text == raw["text"]
    assert article.url == raw["url"]
    assert article.language == "en"
    assert article.source_path == str(DATA / "article.json")
    assert article.hash == content_hash(raw["title"], raw["text"])
    assert not hasattr(article, "gold")
    assert len(paragraphs(article.text)) == 3


def test_jsonl_reads_every_line_and_defaults_missing_id_to_stem_and_line():
    articles, problems = read(DATA / "articles.jsonl")
    assert problems == []
    assert [a.id for a in articles] == ["t-json-01", "t-jsonl-02", "articles#3"]
    # a datetime with a zone and a written-out date both become the ISO day as written
    assert [a.published for a in articles] == ["2025-03-04", "2025-06-19", "2025-06-19"]
    assert articles[2].url is None
    assert articles[1].outlet == "Gulf Procurement Wire"


def test_list_json_numbers_objects_without_id():
    articles, problems = read(DATA / "list.json")
    assert problems == []
    assert [a.id for a in articles] == ["t-list-01", "list#2"]
    assert articles[1].title == "Denmark in talks over frigate air defence upgrade"


def test_same_article_from_json_and_jsonl_has_the_same_hash():
    (from_json,), _ = read(DATA / "article.json")
    from_jsonl, _ = read(DATA / "articles.jsonl")
    assert from_json.hash == from_jsonl[0].hash
    assert from_json.hash != from_jsonl[1].hash
    assert {k: v for k, v in from_json.to_dict().items() if k != "source_path"} == {
        k: v for k, v in from_jsonl[0].to_dict().items() if k != "source_path"
    }


def test_hash_is_stable_across_interpreter_runs():
    (article,), _ = read(DATA / "article.json")
    code = (
        "from armsledger.ingest import read_file;"
        f"print(next(iter(read_file({str(DATA / 'article.json')!r}, on_problem=print))).hash)"
    )
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": "12345", "PATH": ""})  # fmt: skip
    assert other.stdout.strip() == article.hash
    assert len(article.hash) == 32


# --- plain text ------------------------------------------------------------------------------


def test_txt_title_text_and_keyword_metadata():
    (article,), problems = read(DATA / "note.txt", outlet="Manila Desk", published="14 September 2025")
    assert problems == []
    assert article.id == "note"
    assert article.title == "Philippines confirms second batch of coastal radars"
    assert article.text.startswith("The Philippine Department of National Defense said on Friday")
    assert len(paragraphs(article.text)) == 2
    assert article.outlet == "Manila Desk"
    assert article.published == "2025-09-14"


def test_txt_without_published_keyword_is_kept_with_a_no_date_warning():
    (article,), problems = read(DATA / "note.txt")
    assert article.published is None
    assert [(p.kind, p.skipped) for p in problems] == [("no-date", False)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Short headline\n\nBody text here.", "Short headline"),
        ("\n\nHeadline after blank lines\n\nBody.", "Headline after blank lines"),
        ("Headline with CRLF\r\n\r\nBody.", "Headline with CRLF"),
        ("A lead sentence that ends with a full stop.\n\nSecond paragraph.", None),
        ("First line\nsecond line without a blank line between\n\nBody.", None),
        ("word " * 30 + "\n\nBody.", None),
        ("Only one line, no body", None),
    ],
)
def test_split_title_rules(text, title):
    found, body = split_title(text)
    assert found == title
    assert body and (title is None or title not in body)


# --- HTML ------------------------------------------------------------------------------------


def test_html_page_main_text_and_metadata():
    (article,), problems = read(DATA / "page.html")
    assert problems == []
    assert article.id == "page"
    assert article.title == "Estonia signs deal for additional coastal defence missiles"  # og:title, no "| site"
    assert article.outlet == "Baltic Security Monitor"  # og:site_name
    assert article.published == "2025-04-08"  # article:published_time, day as written
    assert article.url == "https://news.example.org/2025/04/estonia-coastal-missiles"  # canonical
    paras = paragraphs(article.text)
    assert len(paras) == 4
    assert paras[0].startswith("Estonia has signed a contract for a second batch")  # headline not repeated
    assert paras[-1].endswith("damaged last winter.")
    for boilerplate in ("Related stories", "Latvia weighs options", "Subscribe", "Privacy policy",
                        "Sign up", "Share on social media", "All rights reserved", "Maarja Kivi"):  # fmt: skip
        assert boilerplate not in article.text


def test_html_keywords_fill_missing_metadata_only(tmp_path):
    (kept,), _ = read(DATA / "page.html", outlet="Other Outlet", published="2020-01-01")
    assert (kept.outlet, kept.published) == ("Baltic Security Monitor", "2025-04-08")

    bare = tmp_path / "bare.html"
    body = "".join(f"<p>{s}</p>" for s in (DATA / "note.txt").read_text(encoding="utf-8").split("\n\n")[1:])
    bare.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    (filled,), problems = read(bare, outlet="Manila Desk", published="2025-09-14")
    assert (filled.outlet, filled.published) == ("Manila Desk", "2025-09-14")
    assert filled.text.startswith("The Philippine Department of National Defense")
    assert problems == []


def test_html_in_legacy_encoding_uses_declared_charset(tmp_path):
    page = tmp_path / "latin.html"
    sentence = "Türkiye said the café meeting with the supplier had ended without an agreement on the price"
    markup = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
        f"<body><article><p>{sentence}.</p><p>{sentence}, officials said.</p></article></body></html>"
    )
    page.write_bytes(markup.encode("latin-1"))
    (article,), _ = read(page, published="2025-01-01")
    assert "Türkiye said the café meeting" in article.text


# --- feeds -----------------------------------------------------------------------------------


def test_rss_feed_entries():
    articles, problems = read(DATA / "feed.rss")
    assert problems == []
    first, second = articles
    assert first.id == "digest-2025-0512"  # guid
    assert second.id == "https://digest.example.org/2025/05/slovenia-air-defence"  # no guid: the link
    assert {a.outlet for a in articles} == {"Adriatic Defence Digest"}
    assert first.published == "2025-05-12" and second.published == "2025-05-14"
    assert first.url == "https://digest.example.org/2025/05/croatia-fighters"
    assert first.title == "Croatia completes acceptance of second-hand fighter jets"
    # content:encoded wins over the one-line description; HTML became text with paragraphs
    assert len(paragraphs(first.text)) == 2
    assert "conversion training & the squadron" in first.text
    assert "<p>" not in second.text and len(paragraphs(second.text)) == 2


def test_atom_feed_entries():
    articles, problems = read(DATA / "feed.atom")
    assert problems == []
    first, second = articles
    assert first.id == "urn:uuid:0c1e5a3b-7d44-4f7e-8a7a-1b2c3d4e5f01"
    assert first.outlet == "Pacific Arms Monitor"
    assert first.published == "2025-07-01"  # published as written (-05:00), not the UTC day
    assert second.published == "2025-07-02"  # only <updated>
    assert first.url == "https://pam.example.com/2025/07/australia-strike-missiles"
    assert first.text.startswith("Australia has placed a follow-on order") and "&lt;" not in first.text
    assert second.text.startswith("New Zealand has delayed a decision")


# --- folders, detection ----------------------------------------------------------------------


def test_directory_walk_is_recursive_sorted_skips_hidden_and_sniffs_formats():
    stats = IngestStats()
    problems: list[Problem] = []
    articles = list(read_paths([DATA / "folder"], on_problem=problems.append, stats=stats))
    assert [a.id for a in articles] == ["f-a", "d-page", "b-note", "danube-0042", "f-e1", "f-e2"]
    assert not {"f-hidden", "f-cache"} & {a.id for a in articles}
    assert [(Path(p.path).name, p.kind) for p in problems] == [("readme.md", "unsupported"), ("b-note.txt", "no-date")]
    assert stats.read == 6 and stats.files == 6
    assert stats.by_kind == {"unsupported": 1, "no-date": 1}
    assert (stats.skipped, stats.warnings) == (1, 1)


def test_iter_files_sorted_hidden_skipped_deduplicated_missing_kept(tmp_path):
    folder = DATA / "folder"
    files = list(iter_files([folder, folder / "a-report.json", tmp_path / "nope.json"]))
    rel = [str(p.relative_to(folder)) if p.is_relative_to(folder) else p.name for p in files]
    assert rel == ["a-report.json", "d-page.htm", "readme.md", "sub/b-note.txt", "sub/deeper/c-feed.xml",
                   "sub/export.dat", "nope.json"]  # fmt: skip
    assert list(iter_files([folder / ".draft.json"])) == [folder / ".draft.json"]  # named explicitly: read


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.json", b'{"id": "x", "text": "y"}', "json"),
        ("a.json", b'{"id": "x"}\n{"id": "y"}\n', "jsonl"),  # JSON Lines mislabelled .json
        ("a.json", b'[{"id": "x"},\n{"id": "y"}]', "json"),
        ("a.jsonl", b'{"id": "x"}\n', "jsonl"),
        ("a.ndjson", b'{"id": "x"}\n', "jsonl"),
        ("a.jsonl", b'{\n  "id": "x"\n}\n', "json"),  # one pretty-printed object
        ("a.txt", b"<html>", "txt"),  # the extension wins
        ("a.HTM", b"", "html"),
        ("a.rss", b"", "feed"),
        ("a.atom", b"", "feed"),
        ("a.xml", b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', "feed"),
        ("a.xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("a.xml", b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
        ("a.xml", b'<?xml version="1.0"?><urlset>', "unknown"),
        ("a.xml", b"<!DOCTYPE html><html><body>", "html"),
        ("export", b'\xef\xbb\xbf  {"id": "x"}', "json"),
        ("page.php", b"<!doctype html>\n<html lang=en>", "html"),
        ("a.md", b"# Title", "unknown"),
        ("a.pdf", b"%PDF-1.4", "unknown"),
    ],
)
def test_detect_format(name, head, expected):
    assert detect_format(Path(name), head) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-14", "2025-09-14"),
        ("2025-09-14T23:30:00-05:00", "2025-09-14"),
        ("2025-09-14T10:00:00Z", "2025-09-14"),
        ("2025-09-14 10:00", "2025-09-14"),
        ("20250914", "2025-09-14"),
        ("2025/09/14", "2025-09-14"),
        ("Sun, 14 Sep 2025 10:00:00 +0000", "2025-09-14"),
        ("Mon, 15 Sep 2025 01:00:00 +0300", "2025-09-15"),
        ("14 September 2025", "2025-09-14"),
        ("September 14, 2025", "2025-09-14"),
        ("Sept. 14, 2025", "2025-09-14"),
        ("Thursday, 14 September 2025 10:32 CET", "2025-09-14"),
        ("Published: 14 September 2025", "2025-09-14"),
        ("14/09/2025", "2025-09-14"),
        ("09/14/2025", "2025-09-14"),
        ("September 2025", "2025-09"),
        ("2025-09", "2025-09"),
        ("2025", "2025"),
        ("2025-13-45", None),
        ("2025-02-30", None),
        ("45 September 2025", None),
        ("0001-01-01", None),
        ("yesterday", None),
        ("May", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalise_date_never_raises_and_returns_iso(value):
    result = normalise_date(value)
    assert result is None or (len(result) in (4, 7, 10) and result[:4].isdigit())


# --- streaming, stats, language --------------------------------------------------------------


def test_read_paths_is_a_lazy_generator(tmp_path):
    problems: list[Problem] = []
    stream = read_paths([DATA / "article.json", tmp_path / "missing.json"], on_problem=problems.append)
    assert isinstance(stream, types.GeneratorType)
    assert problems == []  # nothing read before the first next()
    assert next(stream).id == "t-json-01"
    assert problems == []  # the second path is not touched yet
    assert list(stream) == []
    assert [p.kind for p in problems] == ["missing"]


def test_jsonl_is_streamed_line_by_line(tmp_path):
    (article,), _ = read(DATA / "article.json")
    path = tmp_path / "big.jsonl"
    base = article.to_dict()
    with path.open("w", encoding="utf-8") as f:
        for n in range(200):  # about 8 MB in long lines, so the per-id bookkeeping stays small
            f.write(json.dumps({**base, "id": f"n{n}", "text": f"Item {n}. " + base["text"] * 70}) + "\n")
    size = path.stat().st_size
    tracemalloc.start()
    count = sum(1 for _ in read_file(path, on_problem=lambda p: None))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 200
    assert peak < size / 10, f"peak {peak} bytes for a {size}-byte file: not streamed"


def test_stats_and_problem_str(tmp_path):
    stats = IngestStats()
    list(read_paths([DATA / "note.txt", tmp_path / "gone.txt"], stats=stats, on_problem=lambda p: None))
    assert stats.read == 1 and stats.files == 1
    assert stats.by_kind == {"no-date": 1, "missing": 1}
    warning, missing = stats.problems
    assert str(warning).startswith(f"{DATA / 'note.txt'}: warning: no publication date")
    assert str(missing).startswith(f"{tmp_path / 'gone.txt'}: skipped: no such file")
    assert " — " in str(missing) and "\n" not in str(missing)


def test_default_problem_handler_logs(caplog):
    with caplog.at_level("WARNING", logger="armsledger.ingest"):
        list(read_file(DATA / "note.txt"))
    assert "no publication date" in caplog.text


def test_invalid_published_keyword_is_a_usage_error():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        read_paths([DATA / "note.txt"], published="2025-13-45")


def test_english_check_accepts_english_and_short_texts():
    for path in (DATA / "note.txt", DATA / "page.html"):
        (article,), _ = read(path, published="2025-01-01")
        verdict = check_english(article.text)
        assert verdict.english and verdict.function_share is not None and verdict.function_share > 0.3
    assert check_english("Türkiye rejects S-400 buy-back offer").english  # too short to judge by words


def test_language_check_can_be_disabled():
    articles = list(Ingestor(check_language=False, on_problem=lambda p: None).read_file(DATA / "bad" / "german.txt"))
    assert len(articles) == 1
