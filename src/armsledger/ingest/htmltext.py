"""HTML fragments (feed content, HTML pasted into a JSON "text") -> plain text.

trafilatura is built for whole pages and drops short fragments, so feed
entries and JSON bodies get this small converter instead: block elements
become paragraph breaks (blank lines, the corpus convention), ``<br>`` a line
break, scripts and styles vanish, entities are decoded.
"""

from __future__ import annotations

import html
import re

from lxml import etree
from lxml import html as lxml_html

BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "thead", "tr", "ul",
    }
)  # fmt: skip
DROP_TAGS: tuple[str, ...] = ("script", "style", "noscript", "template", "iframe", "object")

_TAG = re.compile(r"<[^>]+>")
_LOOKS_HTML = re.compile(r"^\s*<|</(?:p|div|span|a|b|i|em|strong|li|h[1-6])>|<br\s*/?>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for text that carries markup (starts with a tag or contains common closing tags)."""
    return bool(_LOOKS_HTML.search(text[:4096]))


def tidy_paragraphs(text: str) -> str:
    """Collapse runs of spaces, trim lines, and separate paragraphs by exactly one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"[ \t\f\v]+", " ", ln).strip() for ln in block.split("\n")]
        joined = "\n".join(ln for ln in lines if ln)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def html_to_text(markup: str) -> str:
    """Readable text of an HTML fragment, paragraphs separated by blank lines."""
    if not markup or not markup.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return tidy_paragraphs(html.unescape(_TAG.sub(" ", markup)))
    for element in list(root.iter(*DROP_TAGS)):
        element.drop_tree()
    parts: list[str] = []
    # explicit stack instead of recursion: feeds can nest deeply; ("open", el) then ("close", el) per element
    stack: list[tuple[bool, etree._Element]] = [(True, root)]
    while stack:
        opening, element = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""  # "" for comments and processing instructions
        if opening:
            if tag in BLOCK_TAGS:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            if tag and element.text:
                parts.append(element.text)
            stack.append((False, element))
            stack.extend((True, child) for child in reversed(element))
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n\n")
            elif tag in ("td", "th"):
                parts.append(" ")
            if element is not root and element.tail:
                parts.append(element.tail)
    text = tidy_paragraphs("".join(parts))
    return text or tidy_paragraphs(html.unescape(_TAG.sub(" ", markup)))  # parser gave up (e.g. absurd nesting)
