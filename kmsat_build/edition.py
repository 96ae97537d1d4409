"""Load an edition folder: the national framework with the edition's overlay applied."""

from __future__ import annotations

from pathlib import Path

from .loader import load_framework
from .model import Framework
from .national import national_framework_dir
from .overlay import apply_overlay, load_overlay

OVERLAY_FILE = "edition.yml"


def is_edition_folder(path: Path) -> bool:
    """An edition folder has an overlay and no framework of its own.

    (A framework directory has an edition.yml too, beside its elements/.)
    """
    has_framework = (path / "framework").is_dir() or (path / "elements").is_dir()
    return (path / OVERLAY_FILE).is_file() and not has_framework


def load_edition(
    folder: str | Path,
    national_dir: str | Path | None = None,
    overlay_name: str = OVERLAY_FILE,
    docs_dir: str = "docs",
) -> Framework:
    """The edition in ``folder``, or FrameworkError naming file, line and key.

    ``national_dir`` defaults to the national framework installed with kmsat;
    tests pass another to simulate a national update.
    """
    folder = Path(folder)
    national = load_framework(national_dir or national_framework_dir(), label="national")
    doc = load_overlay(folder / overlay_name, overlay_name)
    return apply_overlay(national, doc, folder / docs_dir)
