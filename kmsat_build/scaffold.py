"""`kmsat new-edition`: write a small edition folder a library team owns."""

from __future__ import annotations

import json
import re
from importlib import metadata, resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from .diff import base_record
from .loader import load_framework
from .national import national_framework_dir

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


def requirement() -> str:
    """How the edition's requirements.txt asks for this kmsat.

    Installed from a git repository (pip records it, PEP 610), the edition
    pins that exact commit, so its CI builds with the same kmsat; otherwise
    the released version.
    """
    dist = metadata.distribution("kmsat")
    direct = dist.read_text("direct_url.json")
    if direct:
        info = json.loads(direct)
        vcs = info.get("vcs_info", {})
        if vcs.get("vcs") == "git" and vcs.get("commit_id"):
            return f"kmsat @ git+{info['url']}@{vcs['commit_id']}"
    return f"kmsat=={dist.version}"


def new_edition(
    folder: Path, title: str, publisher: str, edition_id: str | None = None
) -> list[Path]:
    """Write the edition folder; refuse to touch an existing, non-empty folder."""
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
    national = load_framework(national_framework_dir(), label="national")
    env = Environment(
        loader=PackageLoader("kmsat_build", "templates/edition"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    context = {
        "fw": national,
        "title": title,
        "publisher": publisher,
        "edition_id": edition_id,
        "requirement": requirement(),
    }
    written = []
    for template, target in FILES.items():
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(**context), encoding="utf-8")
        written.append(path)
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
