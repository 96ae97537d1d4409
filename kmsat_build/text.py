"""Small text helpers shared by the renderers."""

from __future__ import annotations

import html
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


def plain_text(markdown_text: str) -> str:
    """Markdown -> plain text, for the browser, which inserts text only."""
    parser = _TextOnly()
    parser.feed(_MARKDOWN.reset().convert(markdown_text or ""))
    return " ".join(" ".join(parser.parts).split())


def one_line(text: str) -> str:
    """Collapse whitespace so prose fits a Markdown table cell."""
    return " ".join((text or "").split()).replace("|", "\\|")


def escape_html(text: str) -> str:
    return html.escape(text or "", quote=True)
