"""An edition's look and its footer: theme settings and CSS from the model."""

from __future__ import annotations

from urllib.parse import quote

from .model import Branding, Framework
from .text import escape_text

BRANDING_CSS = "edition.css"


def apply_branding(config, branding: Branding) -> None:
    """The edition's logo and favicon (paths under docs/) on the theme."""
    # Paths from the edition's YAML go into src/href attributes unescaped by the theme.
    if branding.logo:
        config.theme["logo"] = quote(branding.logo)
    if branding.favicon:
        config.theme["favicon"] = quote(branding.favicon)


def branding_css(branding: Branding) -> str:
    """CSS custom properties for an edition's colours ('' when it keeps ours)."""
    rules = []
    if branding.primary_colour:
        c = branding.primary_colour
        rules += [
            f"--md-primary-fg-color: {c};",
            f"--md-primary-fg-color--dark: {c};",
            f"--md-typeset-a-color: {c};",
        ]
    if branding.accent_colour:
        rules += [f"--md-accent-fg-color: {branding.accent_colour};"]
    if not rules:
        return ""
    # Dark scheme keeps our light link colour: a brand colour is chosen for white.
    return (
        ":root {\n  "
        + "\n  ".join(rules)
        + '\n}\n[data-md-color-scheme="slate"] {\n  --md-typeset-a-color: #8cc8ff;\n}\n'
    )


def footer_line(fw: Framework) -> str:
    """Who publishes the site and which content it carries (every page's footer).

    MkDocs' copyright, which the theme inserts as HTML: so escaped.
    """
    edition = fw.edition
    if edition.content_version == edition.national_version:
        text = fw.strings.get("page.footer.national", "")
        line = text.format(publisher=edition.publisher, version=edition.content_version)
    else:
        text = fw.strings.get("page.footer.edition", "")
        line = text.format(
            publisher=edition.publisher,
            edition=edition.content_version,
            national=edition.national_version,
        )
    return escape_text(line)
