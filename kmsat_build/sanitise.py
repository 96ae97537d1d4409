"""What a page's content may hold: a safe allow-list of HTML (issue #9).

An edition's YAML is untrusted: its prose is Markdown, and Markdown passes
raw HTML through. Every page's rendered content (generated pages and
hand-written ones alike) goes through nh3 (the Ammonia sanitiser) with this
allow-list before the theme wraps it, so no script, event handler,
javascript:/data: link, meta refresh, base, iframe, object, form or style
reaches a page. The allow-list is what Markdown, our Markdown extensions
and our templates emit; `kmsat check` reports what it drops (raw_html.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TAGS = HEADINGS | {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
# Dropped with everything inside them (other tags lose only the tag, keeping
# their text): what is inside these is code, a document or a widget, never prose.
DROP_WITH_CONTENT = {
    "script",
    "style",
    "svg",
    "math",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "textarea",
    "select",
    "title",
    "xmp",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "style"},  # style: a Markdown table column's text-align
    "th": {"colspan", "rowspan", "scope", "style"},
    "details": {"open"},
    # Our templates' mount points for the questionnaire and its data.
    "div": {"hidden", "data-kmsat-json", "data-kmsat-app", "data-kmsat-compare"},
}
STYLE_PROPERTIES = {"text-align"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}  # and relative URLs; never javascript: or data:
URL_ATTRIBUTES = {"href", "src"}


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """Images only from the site itself: another host would be a request off-site."""
    if tag == "img" and name == "src" and (urlsplit(value).scheme or value.startswith("//")):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROP_WITH_CONTENT,
    attributes=ATTRIBUTES,
    attribute_filter=_keep_attribute,
    link_rel=None,  # keep links as Markdown wrote them
    url_schemes=URL_SCHEMES,
    filter_style_properties=STYLE_PROPERTIES,
    strip_comments=True,
)


def sanitise_html(html: str) -> str:
    """``html`` (a page's content, or one field's) reduced to the allow-list."""
    return _CLEANER.clean(html)
