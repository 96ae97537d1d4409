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


def case_patch(case: dict) -> dict:
    """A case's patch, with the files it lists under `bytes` as latin-1 bytes."""
    patch = dict(case["patch"])
    for rel in case.get("bytes", []):  # stored as latin-1 text in YAML
        patch[rel] = patch[rel].encode("latin-1")
    return patch


def check_message(folder: Path) -> str:
    """What `kmsat check` says of an edition folder, as one text.

    "OK" and any warnings when it loads (check still refuses warnings: the
    build is strict), else every problem.
    """
    from kmsat_build.check import check_edition

    result = check_edition(folder)
    if result.problems or result.framework is None:
        return str(FrameworkError(result.problems))
    return "\n".join(["OK", *result.framework.warnings])


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
