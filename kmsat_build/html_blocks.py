"""Raw HTML blocks left open in prose: found before they swallow the rest of a page.

Kept apart from raw_html.py (what the sanitiser drops, for `kmsat check`)
because the build runs this rule too, and most text needs only one regex.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

import markdown

VOID = {"area", "base", "br", "col", "embed", "frame", "hr", "img", "input", "link", "meta"}
VOID |= {"param", "source", "track", "wbr"}  # elements with no content and no end tag


@cache
def _block_parser() -> markdown.Markdown:
    """Markdown with the site's own extensions, as its pages are rendered."""
    from .site_defaults import site_settings

    extensions = site_settings()["markdown_extensions"]
    return markdown.Markdown(
        extensions=[next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    )


def unclosed_blocks(text: str) -> list[tuple[int, list[str]]]:
    """(offset, elements left open) of each raw HTML block Markdown never sees closed.

    A line that starts with a block element (``<div>``, ``<table>``, ``<math>``)
    opens a raw HTML block that lasts until that element closes; left open, it
    takes the rest of the page with it: headings, links and anchors are no
    longer Markdown.
    """
    if not _BLOCK_START.search(text or ""):
        return []  # most text: no tag at the start of a line
    parser = _block_parser()
    parser.reset().convert(text)
    out, pos = [], 0
    for block in parser.htmlStash.rawHtmlBlocks:
        if not isinstance(block, str):
            continue
        first = block.lstrip().split("\n", 1)[0]
        start = _BLOCK_START.match(first)
        if not start or start.group(1).lower() not in parser.block_level_elements:
            continue
        at = text.find(first, pos)
        if at < 0 or text[:at].rstrip(" ")[-1:] not in ("", "\n"):
            continue  # inline HTML, not a block
        pos = at + len(first)
        left_open = _open_elements(block)
        if left_open:
            out.append((at, left_open))
    return out


_BLOCK_START = re.compile(r"^[ ]{0,3}<([A-Za-z][A-Za-z0-9-]*)", re.M)


def _open_elements(html: str) -> list[str]:
    """The elements ``html`` opens and never closes, outermost first."""
    stack: list[str] = []

    class Walk(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in VOID:
                stack.append(tag)

        def handle_endtag(self, tag):
            if tag in stack:
                del stack[len(stack) - 1 - stack[::-1].index(tag) :]

    walker = Walk(convert_charrefs=True)
    walker.feed(html)
    walker.close()
    return stack


def unclosed_message(left_open: list[str]) -> str:
    tags = ", ".join(f"<{t}>" for t in left_open)
    closing = "".join(f"</{t}>" for t in reversed(left_open))
    return (
        f"expected raw HTML that closes what it opens, but received {tags} here, never "
        f"closed: the rest of the page would be read as HTML (its headings, links and "
        f"anchors lost); close it with {closing} or remove it"
    )
