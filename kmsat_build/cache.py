"""kmsat's own cache (~/.cache/kmsat): work a build can skip, like Python's .pyc files.

Two kinds, each in a folder per kmsat version, so nothing is trusted across
versions:

- ``valid/``: a note that a document's exact text passed its exact schema
  (schema_check.py keys it by both);
- ``templates/``: Jinja's compiled templates, keyed by each template's source
  and by the code that sets up the template environment (pages.py), whose
  options are compiled into them.

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


def template_cache(setup_source: str):
    """A Jinja bytecode cache that can never fail a build (None when there is no cache folder)."""
    import hashlib

    import jinja2
    from jinja2 import FileSystemBytecodeCache

    folder = cache_dir("templates")
    if folder is None:
        return None
    key = hashlib.sha256(f"{jinja2.__version__}\0{setup_source}".encode()).hexdigest()[:16]

    class QuietCache(FileSystemBytecodeCache):
        """Jinja's cache (it writes atomically: a temporary file, then a rename), with
        any failure to read or write it ignored."""

        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - unreadable or corrupt: compile again
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            try:
                Path(self.directory).mkdir(parents=True, exist_ok=True)
                super().dump_bytecode(bucket)
            except OSError:
                pass

    return QuietCache(str(folder / key))
