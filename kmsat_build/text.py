"""Small text helpers shared by the renderers."""

from __future__ import annotations

import html
import re
import string
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


class _Runs(HTMLParser):
    """Rendered Markdown as runs of text, web (http, https) links among them."""

    def __init__(self):
        super().__init__()
        self.runs: list[dict] = []
        self._url: str | None = None

    def handle_starttag(self, tag, attrs):
        href = (dict(attrs).get("href") or "").strip()
        if tag == "a" and href.lower().startswith(("http://", "https://")):
            self._url = href
            self.runs.append({"text": "", "url": href})

    def handle_endtag(self, tag):
        if tag == "a" and self._url is not None:
            self._url = None
            self.runs.append({"text": ""})

    def handle_data(self, data: str) -> None:
        if not self.runs:
            self.runs.append({"text": ""})
        self.runs[-1]["text"] += data


def text_with_links(markdown_text: str) -> list[dict]:
    """Markdown as ``[{"text"}, {"text", "url"}, ...]``: plain text, with its
    web links kept as links (a mailto: or javascript: link stays text).

    For prose the browser shows as text but whose links it should offer.
    """
    parser = _Runs()
    parser.feed(_MARKDOWN.reset().convert(markdown_text or ""))
    runs = []
    for run in parser.runs:
        # Whitespace as plain_text has it: one space, none at the ends.
        run["text"] = re.sub(r"\s+", " ", run["text"])
        if "url" in run:
            run["text"] = run["text"].strip() or run["url"]
        if run["text"]:
            runs.append(run)
    if runs and "url" not in runs[0]:
        runs[0]["text"] = runs[0]["text"].lstrip()
    if runs and "url" not in runs[-1]:
        runs[-1]["text"] = runs[-1]["text"].rstrip()
    return [run for run in runs if run["text"]]


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


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders in a UI string (ValueError if braces are unbalanced)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def placeholder_problem(text: str, expected: set[str], whose: str) -> str:
    """Why ``text`` cannot be filled with ``expected`` names ('' if it can).

    Only a bare ``{name}`` is filled: a conversion or format (``{name!r}``,
    ``{name:d}``) would make Python's format() raise, so it is refused too.
    """
    names = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "none"
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return (
            f"expected text whose {{placeholders}} are closed, with {whose} "
            f"({names}), but received a stray {{ or }} (write {{{{ or }}}} for a brace itself)"
        )
    found = {n for _, n, _, _ in parts if n is not None}
    bad = sorted(n for n in found if n not in expected or not n.isidentifier())
    if bad:
        return (
            f"expected only {whose} ({names}), but received "
            f"{', '.join('{' + n + '}' for n in bad)} (the tool fills in only those "
            "names: check the spelling)"
        )
    styled = [n for _, n, spec, conv in parts if n is not None and (spec or conv)]
    if styled:
        return (
            f"expected plain placeholders ({names}), but received {{{styled[0]}}} with a "
            f"format after ! or : (write {{{styled[0]}}} alone)"
        )
    return ""


def fill(text: str, **values: str) -> str:
    """A UI string with its placeholders filled (the rules above have refused any other)."""
    return text.format(**values)
