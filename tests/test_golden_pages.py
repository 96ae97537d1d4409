"""Golden files: the Markdown generated from the small fixture framework.

Regenerate after an intended change with `UPDATE_GOLDEN=1 make test-python`
and review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kmsat_build import load_framework
from kmsat_build.lifecycle import urls_from_assessment
from kmsat_build.pages import render_pages
from tests.conftest import SMALL

GOLDEN = Path(__file__).parent / "golden" / "small"
PAGES = {p.path: p for p in render_pages(load_framework(SMALL), urls_from_assessment(False))}


def test_generated_page_set():
    if os.environ.get("UPDATE_GOLDEN"):
        for stale in GOLDEN.rglob("*.md"):
            stale.unlink()
        for page in PAGES.values():
            target = GOLDEN / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    assert on_disk == sorted(PAGES)


@pytest.mark.parametrize("path", sorted(PAGES))
def test_generated_page_matches_golden(path):
    assert PAGES[path].markdown == (GOLDEN / path).read_text(encoding="utf-8")
