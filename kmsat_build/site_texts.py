"""What every page says around its content: the notice banner and the footer.

The theme templates (overrides/main.html, overrides/partials/copyright.html)
print these as given, so every value here is escaped HTML: an edition's
publisher, contact and licence are untrusted text.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .model import Framework
from .text import fill

# The UI strings the build itself fills in, and the names it fills: the only
# Python-side formatting of content (rules.py refuses any other placeholder,
# so a team's footer or notice can never stop the build).
FILLED_BY_BUILD = {
    "app.notice": ("publisher",),
    "page.about.publisher": ("publisher",),
    "page.footer.national": ("publisher", "version"),
    "page.footer.edition": ("publisher", "edition", "national"),
}

ABOUT_PAGE = "about"  # the guide that says what the site is, who publishes it, the licence


def _t(fw: Framework, key: str, **params) -> str:
    text = fw.strings.get(key, key)
    return fill(text, **params) if params else text


def notice_text(fw: Framework) -> str:
    """The one sentence that says this is an independent, unofficial rendering (plain text)."""
    return _t(fw, "app.notice", publisher=fw.edition.publisher)


def footer_line(fw: Framework) -> str:
    """Who publishes the site, the edition and the national content it builds on (plain text)."""
    edition = fw.edition
    if edition.content_version == edition.national_version:
        return _t(
            fw, "page.footer.national", publisher=edition.publisher, version=edition.content_version
        )
    return _t(
        fw,
        "page.footer.edition",
        publisher=edition.publisher,
        edition=edition.content_version,
        national=edition.national_version,
    )


def contact_html(fw: Framework) -> Markup:
    """The edition's contact: a name, a mailto link and, if given, a web address."""
    contact = fw.edition.contact
    parts = [escape(contact.name)]
    if contact.email:
        parts.append(Markup('<a href="mailto:{0}">{0}</a>').format(contact.email))
    if contact.url:
        parts.append(Markup('<a href="{0}">{0}</a>').format(contact.url))
    return Markup(", ").join(parts)


def site_texts(fw: Framework, use_directory_urls: bool) -> dict:
    """Escaped HTML for the theme templates (config.extra.kmsat_site)."""
    about = f"{ABOUT_PAGE}/" if use_directory_urls else f"{ABOUT_PAGE}.html"
    return {
        "notice": escape(notice_text(fw)),
        "notice_more": escape(_t(fw, "app.noticeMore")),
        "about_url": about,
        "footer": escape(footer_line(fw)),
        "contact_label": escape(_t(fw, "page.footer.contact")),
        "contact": contact_html(fw),
        "licence_label": escape(_t(fw, "page.footer.licence")),
        "licence": escape(fw.edition.licence),
    }


def site_name(fw: Framework) -> Markup:
    """The edition's title as the site name (header, tab, logo title), escaped once.

    Material prints site_name raw in some places and through ``| e`` in
    others; Markup is escaped text that ``| e`` leaves alone.
    """
    return escape(fw.edition.title)
