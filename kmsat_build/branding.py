"""An edition's look: theme settings and CSS from the model (its footer is site_texts.py's)."""

from __future__ import annotations

from urllib.parse import quote

from .model import Branding

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
