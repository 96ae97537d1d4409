"""`kmsat new-edition`: write a small edition folder a library team owns."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from .diff import base_record
from .loader import load_framework
from .national import national_framework_dir
from .pin import PinError, choose_pin, write_wheel

# template -> path in the edition folder
FILES = {
    "edition.yml.j2": "edition.yml",
    "mkdocs.yml.j2": "mkdocs.yml",
    "README.md.j2": "README.md",
    "requirements.txt.j2": "requirements.txt",
    "gitignore.j2": ".gitignore",
    "publish.yml.j2": ".github/workflows/publish.yml",
}


class ScaffoldError(Exception):
    """The edition folder cannot be written (it exists, or the id is unusable)."""


def slug(text: str) -> str:
    """'Northbrook Valley NHS Trust' -> 'northbrook-valley-nhs-trust' (a valid id)."""
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return words if re.match(r"^[a-z]", words or "") else f"edition-{words}".rstrip("-")


def yaml_value(value: str) -> str:
    """A YAML scalar that reads back as exactly value: newlines or ': ' cannot add keys."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=10**6).strip()


def one_line(value: str) -> str:
    """Text for a comment or heading: a newline there would end it and start new YAML."""
    return " ".join(value.split())


def new_edition(
    folder: Path,
    title: str,
    publisher: str,
    edition_id: str | None = None,
    site_url: str = "",
    pin_release: bool = False,
) -> list[Path]:
    """Write the edition folder; refuse to touch an existing, non-empty folder.

    site_url is where the site will be published (a GitHub Pages project site
    is served under /REPOSITORY/): links from the 404 page need it. The
    edition's workflow sets it from GitHub Pages; this is the default for
    builds elsewhere.
    """
    if folder.exists() and any(folder.iterdir()):
        raise ScaffoldError(
            f"{folder}: expected a new or empty folder, but received one with "
            "files in it (nothing was written)"
        )
    edition_id = edition_id or slug(publisher)
    if not re.match(r"^[a-z][a-z0-9-]*$", edition_id) or edition_id == "national":
        raise ScaffoldError(
            f"--id: expected an id of lowercase letters, digits and hyphens "
            f"(not 'national'), but received '{edition_id}'"
        )
    if site_url and not re.match(r"^https?://[^\s/]+(/\S*)?$", site_url):
        raise ScaffoldError(
            f"--site-url: expected an http(s) address such as "
            f"https://our-org.github.io/our-trust/, but received '{site_url}'"
        )
    try:
        pin = choose_pin(pin_release)
    except PinError as exc:
        raise ScaffoldError(str(exc)) from exc
    national = load_framework(national_framework_dir(), label="national")
    env = Environment(
        loader=PackageLoader("kmsat_build", "templates/edition"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yaml"] = yaml_value
    env.filters["one_line"] = one_line
    context = {
        "fw": national,
        "title": title,
        "publisher": publisher,
        "edition_id": edition_id,
        "site_url": site_url,
        "requirement": pin.line,
    }
    written = []
    for template, target in FILES.items():
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(**context), encoding="utf-8")
        written.append(path)
    if pin.wheel:
        written.append(write_wheel(folder / pin.wheel))
    (folder / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    written += write_support_files(folder, national)
    return written


def write_support_files(folder: Path, national=None) -> list[Path]:
    """The overlay schema (for editors) and the record of the national base (for diff)."""
    support = folder / ".kmsat"
    support.mkdir(parents=True, exist_ok=True)
    schema = resources.files("kmsat_build").joinpath("schemas/overlay.schema.json").read_text()
    (support / "overlay.schema.json").write_text(schema, encoding="utf-8")
    paths = [support / "overlay.schema.json"]
    if national is not None:
        base = support / "base.json"
        base.write_text(json.dumps(base_record(national), indent=1, sort_keys=True) + "\n")
        paths.append(base)
    return paths
