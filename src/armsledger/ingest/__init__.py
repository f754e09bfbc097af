"""Ingest: news articles from any input format into :class:`armsledger.model.Article`.

Formats (chosen by extension, else by sniffing the first bytes):

- corpus JSON (``.json``): one article object or a list of them;
  fields ``id, outlet, published, title, text, url`` (+ ``language``; ``gold`` is ignored)
- JSON Lines (``.jsonl``, ``.ndjson``): one object per line, streamed
- plain text (``.txt``): the whole file; a short first line before a blank line is the title
- HTML (``.html``, ``.htm``): main text and metadata by trafilatura
- RSS / Atom (``.rss``, ``.atom``, ``.xml``): one article per entry, by feedparser
- folders: recursively, sorted, hidden entries skipped

Missing ids default to the file stem (``stem#n`` for the n-th object, line or entry).
Bad input never raises: each bad file or record becomes one :class:`Problem`
(``skipped=True``), and articles kept despite a flaw (no date, renamed duplicate id)
carry a warning Problem (``skipped=False``). See ``problems.KINDS`` for all kinds.

    stats = IngestStats()
    for article in read_paths(["inbox/"], published="2025-09-14", on_problem=print, stats=stats):
        ...
    print(stats.read, stats.by_kind)
"""

from .core import MAX_FILE_BYTES, MAX_LINE_BYTES, Ingestor, read_file, read_paths
from .dates import normalise_date
from .detect import FORMATS, detect_format, iter_files
from .language import check_english
from .problems import KINDS, IngestStats, Problem

__all__ = [
    "FORMATS",
    "KINDS",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
    "IngestStats",
    "Ingestor",
    "Problem",
    "check_english",
    "detect_format",
    "iter_files",
    "normalise_date",
    "read_file",
    "read_paths",
]
