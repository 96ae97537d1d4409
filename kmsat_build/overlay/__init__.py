"""Editions: a library team's overlay applied to the national framework.

An overlay (an edition's ``edition.yml``) changes only what it names (see
editable.py): branding, contacts, the letter, reworded or relabelled text,
local examples, added or hidden criteria, techniques and checklist questions,
UI strings. Everything else comes from the national framework installed with
kmsat, so a new kmsat release brings national updates in.

    load.py    parse and schema-check edition.yml
    merge.py   the national model changed as the overlay says (sources kept)
    checks.py  what only an overlay can get wrong (unknown ids it names, ...)

The merged model is then checked by the same rules as the national one
(rules.py).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import FrameworkError
from ..model import Framework
from ..rules import check_model
from ..yamlsource import YamlDoc
from .checks import check_overlay, contrast_with_white
from .load import load_overlay
from .merge import merge


def overlay_problems(national: Framework, doc: YamlDoc, docs_dir: Path):
    """The merged edition and every problem in it: overlay checks, then the shared rules."""
    edition = merge(national, doc)
    return edition, check_overlay(national, doc, docs_dir) + check_model(edition)


def apply_overlay(national: Framework, doc: YamlDoc, docs_dir: Path) -> Framework:
    """The edition: ``national`` changed as ``doc`` says, or FrameworkError."""
    edition, problems = overlay_problems(national, doc, docs_dir)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise FrameworkError(errors)
    warnings = tuple(str(p) for p in sorted(p for p in problems if p.warning))
    return replace(edition, warnings=warnings)


__all__ = ["apply_overlay", "check_overlay", "contrast_with_white", "load_overlay", "merge"]
