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


_CHARACTER_REFERENCE = re.compile(r"&(?=[#A-Za-z0-9])")


def escape_text(text: str) -> str:
    """A plain-text field (a title, a label, a UI string) for Markdown or a theme template.

    Its own ``<`` and ``&lt;`` stay what the editor typed, never a tag: ``<`` and
    any ``&`` that would start a character reference are escaped. Markdown
    syntax, quotes and a lone ``&`` are left alone, so ordinary text renders as
    before (and MkDocs' theme, which does not escape titles, shows it as text).
    """
    return _CHARACTER_REFERENCE.sub("&amp;", text or "").replace("<", "&lt;")
