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


class _Links(HTMLParser):
    """The web links (http and https only) in rendered Markdown, with their words."""

    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        href = (dict(attrs).get("href") or "").strip()
        if tag == "a" and href.lower().startswith(("http://", "https://")):
            self._open = {"text": "", "url": href}

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self._open["text"] = " ".join(self._open["text"].split()) or self._open["url"]
            self.links.append(self._open)
            self._open = None


def web_links(markdown_text: str) -> list[dict]:
    """``[{"text", "url"}]`` for each http(s) link in the Markdown, in order.

    The browser shows prose as plain text; these let it offer an edition's
    links (a mailto: or javascript: link is never one of them).
    """
    parser = _Links()
    parser.feed(_MARKDOWN.reset().convert(markdown_text or ""))
    return parser.links


def one_line(text: str) -> str:
    """Collapse whitespace so prose fits a Markdown table cell."""
    return " ".join((text or "").split()).replace("|", "\\|")


def escape_html(text: str) -> str:
    return html.escape(text or "", quote=True)
