"""kmsat's own cache (~/.cache/kmsat): work a build can skip, like Python's .pyc files.

In a folder per kmsat version (nothing is trusted across versions):

- ``valid/``: a note that a document's exact text passed its exact schema
  (schema_check.py keys it by both);
- ``minified/``: a vendored library as the build minifies it (bundles.py),
  keyed by its text and the minifier's version.

The page templates need no cache: they ship compiled (precompiled.py).

A cache is only ever a shortcut: when it cannot be found or written (no home
folder, a read-only disk, a full one) the build does the work again and never
fails because of it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
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


def kept_text(kind: str, key: str, make: Callable[[], str]) -> str:
    """``make()``, kept in this version's ``kind`` folder under ``key`` (a digest of
    everything the text depends on) and read back on later builds.

    The file starts with the digest of the text it holds, so one cut short or
    overwritten is made again, never used.
    """
    folder = cache_dir(kind)
    path = folder / key if folder is not None else None
    if path is not None:
        try:
            digest, _, text = path.read_bytes().decode("utf-8").partition("\n")
            if digest == _digest(text):
                return text
        except (OSError, UnicodeDecodeError):
            pass
    text = make()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            partial.write_bytes(f"{_digest(text)}\n{text}".encode("utf-8", "surrogatepass"))
            partial.replace(path)  # another build reads the whole file or none of it
        except OSError:
            pass
    return text


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
