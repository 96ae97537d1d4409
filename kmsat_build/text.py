"""Small text helpers shared by the renderers."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown as md


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# One Markdown instance, reset per call: building one per field was most of
# the build step's own time on large editions.
_MARKDOWN = md.Markdown()


# Text with none of these is the same before and after Markdown: skip the
# conversion (most level descriptors and labels; it was most of our build step).
_MARKUP = re.compile(r"[\\`*_\[\]<>#&!|{}~=]|^\s*(?:[-+]|\d+[.)])", re.M)


def plain_text(markdown_text: str) -> str:
    """Markdown -> plain text, for the browser, which inserts text only."""
    if not _MARKUP.search(markdown_text or ""):
        return " ".join((markdown_text or "").split())
    parser = _TextOnly()
    parser.feed(_MARKDOWN.reset().convert(markdown_text or ""))
    return " ".join(" ".join(parser.parts).split())


def one_line(text: str) -> str:
    """Collapse whitespace so prose fits a Markdown table cell."""
    return " ".join((text or "").split()).replace("|", "\\|")


def escape_html(text: str) -> str:
    return html.escape(text or "", quote=True)
