"""`kmsat check`: everything `kmsat build` would refuse, located in the team's own files.

The build is `mkdocs build --strict`, so check covers all of it: the edition's
mkdocs.yml (YAML and MkDocs' own settings), the overlay and the rules over the
merged model (the very loading the build does), the site rules (links,
docs/ pages), and warnings, which a strict build refuses as well.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FrameworkError, Problem
from .model import Framework
from .yamlsource import YamlDoc, load_yaml

MKDOCS_FILE = "mkdocs.yml"


@dataclass
class CheckResult:
    framework: Framework | None = None
    problems: list[Problem] = field(default_factory=list)
    docs_dir: str = "docs"  # the edition's pages, as its mkdocs.yml names them

    @property
    def ok(self) -> bool:
        return self.framework is not None and not self.problems


def check_edition(folder: Path) -> CheckResult:
    """Check an edition folder as `kmsat build` will build it."""
    from .edition import load_edition
    from .site_rules import check_site

    result = CheckResult()
    settings = check_mkdocs_yml(folder, result.problems)
    if result.problems:
        return result
    docs_dir = result.docs_dir = settings.get("docs_dir", "docs")
    overlay = settings.get("overlay", "edition.yml")
    if not (folder / overlay).is_file():
        line = settings.get("overlay_line", 0)
        result.problems.append(
            Problem(
                MKDOCS_FILE if line else overlay,
                line,
                "plugins.kmsat.overlay" if line else "",
                f"expected the edition's overlay file, but received '{overlay}', which is not "
                f"in the edition folder (the kmsat plugin's `overlay` in mkdocs.yml names it; "
                "edition.yml by default)",
            )
        )
        return result
    try:
        result.framework = load_edition(folder, overlay_name=overlay, docs_dir=docs_dir)
    except FrameworkError as exc:
        result.problems += exc.problems
        return result
    result.problems += check_site(result.framework, folder / docs_dir, docs_dir)
    return result


def check_national(root: Path, label: str, docs_dir: Path | None) -> CheckResult:
    """Check a framework directory (and the national site's docs/, when there is one)."""
    from .loader import load_framework
    from .site_rules import check_site

    result = CheckResult()
    try:
        result.framework = load_framework(root, label=label)
    except FrameworkError as exc:
        result.problems += exc.problems
        return result
    if docs_dir is not None:
        result.problems += check_site(result.framework, docs_dir, docs_dir.name)
    return result


def check_mkdocs_yml(folder: Path, problems: list[Problem]) -> dict:
    """Problems in an edition's mkdocs.yml; returns the kmsat settings it names.

    Our own YAML reading first (located, plain-English syntax errors), then
    MkDocs' own validation of every setting, whose errors and warnings (a
    strict build refuses both) are located at the key they name.
    """
    path = folder / MKDOCS_FILE
    if not path.is_file():
        problems.append(
            Problem(
                MKDOCS_FILE,
                0,
                "",
                "expected the edition's MkDocs settings, but received nothing (file not "
                "found): `kmsat new-edition` writes one",
            )
        )
        return {}
    doc, found = load_yaml(path, MKDOCS_FILE)
    problems += found
    if doc is None or found:
        return {}
    if not isinstance(doc.data, dict):
        problems.append(
            Problem(MKDOCS_FILE, 1, "", "expected a mapping of settings, but received none")
        )
        return {}
    settings = {"docs_dir": str(doc.data.get("docs_dir", "docs"))}
    for i, entry in enumerate(doc.data.get("plugins") or []):
        if isinstance(entry, dict) and isinstance(entry.get("kmsat"), dict):
            settings.update({k: str(v) for k, v in entry["kmsat"].items()})
            if "overlay" in entry["kmsat"]:
                settings["overlay_line"] = doc.line_of(("plugins", i, "kmsat", "overlay"))
    problems += _mkdocs_validation(path, doc)
    return settings


_TYPE_NAMES = {
    "bool": "true or false",
    "str": "text",
    "int": "a whole number",
    "list": "a list",
    "dict": "a mapping",
}
_CONFIG_VALUE = re.compile(r"^Config value '([^']+)': (.*)$", re.S)


def _mkdocs_validation(path: Path, doc: YamlDoc) -> list[Problem]:
    from mkdocs import exceptions
    from mkdocs.config import load_config

    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                records.append(record)

    logger = logging.getLogger("mkdocs")
    handler = Collect()
    logger.addHandler(handler)
    try:
        load_config(str(path))
    except (exceptions.Abort, exceptions.ConfigurationError, OSError) as exc:
        if not records:
            return [Problem(MKDOCS_FILE, 0, "", f"expected valid MkDocs settings: {exc}")]
    finally:
        logger.removeHandler(handler)
    out = []
    for record in records:
        text = record.getMessage()
        match = _CONFIG_VALUE.match(text)
        key = match.group(1) if match else ""
        detail = match.group(2) if match else text
        line = doc.line_of(tuple(key.split("."))) if key else 0
        if key == "docs_dir":
            detail = (
                f"docs_dir names '{doc.data.get('docs_dir')}', which is not a folder beside "
                "mkdocs.yml (create it, or name the folder that holds your pages)"
            )
        for kind, name in _TYPE_NAMES.items():
            detail = detail.replace(f"<class '{kind}'>", name)
        out.append(
            Problem(
                MKDOCS_FILE,
                line,
                key,
                f"expected a setting MkDocs accepts, but received one it refuses: {detail}",
            )
        )
    return out


def no_edition_message(folder: Path) -> str:
    return (
        f"{folder}: expected an edition folder (one with edition.yml) or a framework "
        f"directory, but received neither. To check an edition, run `kmsat check` in its "
        f"folder or name the folder (`kmsat check my-edition`); to start one, run "
        f"`kmsat new-edition my-edition`."
    )
