"""Links in content: one rule, wherever the text appears.

A link in any text of the framework or an edition (YAML) names a page of the
site by its path from the top of the site, the way docs/ is laid out:
`board-checklist.md`, `elements/leadership.md#accountable-executive`,
`opportunities/peer-assist.md`, `library-services.md` (a page of your own in
docs/), `assets/map.png`. The build rewrites the link for whichever page the
text lands on (the letter is at the top, a criterion also appears on its
element page one folder down). A hand-written page in docs/ links as MkDocs
does: relative to itself (at the top of docs/, the same thing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# [text](target "title") and ![alt](target); <target> form too.
INLINE = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\n]*?[\"'])?\s*\)")
# [label]: target   (a reference definition)
REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t].*)?$", re.M)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def links_in(text: str) -> Iterator[tuple[int, str]]:
    """(offset, target) of every Markdown link or image in ``text``."""
    for rx in (INLINE, REFERENCE):
        for m in rx.finditer(text or ""):
            yield m.start(1), m.group(1)


def is_local(target: str) -> bool:
    """A link to a file of this site (not a web address, an e-mail or a bare #anchor)."""
    return not (SCHEME.match(target) or target.startswith(("#", "//")))


def from_page(markdown: str, depth: int) -> str:
    """Rewrite top-of-site links in a generated page ``depth`` folders down.

    Our templates write their own links on such pages with `../`; content
    links never do (the one rule above), so only those are rewritten.
    """
    if depth == 0:
        return markdown
    up = "../" * depth

    def rewrite(m: re.Match) -> str:
        target = m.group(1)
        if not is_local(target) or target.startswith(("../", "/")):
            return m.group(0)
        start, end = m.span(1)
        whole = m.group(0)
        return whole[: start - m.start()] + up + target + whole[end - m.start() :]

    for rx in (INLINE, REFERENCE):
        markdown = rx.sub(rewrite, markdown)
    return markdown


HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
ATTR_ID = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}")


def anchors_in(markdown: str) -> set[str]:
    """Anchors a Markdown page will have: headings (as MkDocs' toc names them) and {#id}s."""
    from markdown.extensions.toc import slugify

    out = set(ATTR_ID.findall(markdown))
    for m in HEADING.finditer(markdown):
        heading = ATTR_ID.sub("", m.group(1)).strip()
        heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # link text only
        heading = re.sub(r"<[^>\n]+>", "", heading)  # tags (a <span lang>) are not in the id
        heading = re.sub(r"[*_`]", "", heading)
        out.add(slugify(heading, "-"))
    return out
