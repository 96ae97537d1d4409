"""kmsat's own cache (~/.cache/kmsat): work a build can skip, like Python's .pyc files.

``valid/``, in a folder per kmsat version (nothing is trusted across
versions): a note that a document's exact text passed its exact schema
(schema_check.py keys it by both). The page templates need no cache: they
ship compiled (precompiled.py).

A cache is only ever a shortcut: when it cannot be found or written (no home
folder, a read-only disk, a full one) the build does the work again and never
fails because of it.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def kmsat_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("kmsat")
    except metadata.PackageNotFoundError:  # run from a source tree, not installed
        return "source"


def cache_dir(kind: str) -> Path | None:
    """This kmsat version's cache folder for ``kind`` (None: there is nowhere to keep one)."""
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except (RuntimeError, KeyError, OSError):  # no home directory (HOME unset, no user)
        return None
    return Path(base) / "kmsat" / kmsat_version() / kind


def note(path: Path) -> None:
    """Create the empty file ``path`` (a note that something passed), if the disk lets us."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()  # an empty file: there is no half-written state to read
    except OSError:
        pass
