"""Apply a broken-framework case (tests/broken/*.yml) to a copy of the small fixture."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from kmsat_build import FrameworkError, load_framework


def apply_case(fixture: Path, target: Path, patch: dict) -> None:
    """Copy ``fixture`` to ``target`` and apply ``patch``.

    A patch maps a file (relative path) to: None (delete it), text or bytes
    (replace it), or a list of [old, new] replacements, each of which must
    match exactly once (so a case cannot silently stop breaking anything).
    """
    shutil.copytree(fixture, target)
    for rel, change in patch.items():
        path = target / rel
        if change is None:
            path.unlink()
        elif isinstance(change, bytes):
            path.write_bytes(change)
        elif isinstance(change, str):
            path.write_text(change, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            for old, new in change:
                assert text.count(old) == 1, f"{rel}: {old!r} must occur exactly once"
                text = text.replace(old, new)
            path.write_text(text, encoding="utf-8")


def run_case(fixture: Path, patch: dict, load=load_framework, folder: str = "framework") -> str:
    """The whole message the loader gives for a patched copy of ``fixture``."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / folder
        apply_case(fixture, root, patch)
        try:
            fw = load(root)
        except FrameworkError as exc:
            return str(exc)
        return "\n".join(["OK", *fw.warnings])


def run_edition_case(edition: Path, patch: dict) -> str:
    """The whole message for a patched copy of an edition folder (overlay + docs)."""
    from kmsat_build.edition import load_edition

    return run_case(edition, patch, load=load_edition, folder="edition")


def check_expected(path: Path, got: str, expected: str) -> None:
    """Assert a case's message; UPDATE_GOLDEN=1 rewrites the file's `expect:` instead."""
    import os

    if os.environ.get("UPDATE_GOLDEN") and got != expected.rstrip("\n"):
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("expect: |")]
        body = "".join(f"  {line}\n" if line else "\n" for line in got.split("\n"))
        path.write_text(head + "expect: |\n" + body, encoding="utf-8")
        return
    assert got == expected.rstrip("\n")
