"""National documents shipped as valid (national_valid.py) skip validation only while
unchanged: the list saves work and never passes a document."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from kmsat_build.errors import FrameworkError
from kmsat_build.loader import load_framework
from kmsat_build.national_valid import OUT, render
from tests.conftest import ROOT


def test_committed_list_is_current():
    """Run `make generated` (python -m kmsat_build.national_valid) after changing a
    national document or a schema."""
    assert OUT.read_text(encoding="ascii") == render()


def test_a_first_build_of_the_national_framework_validates_nothing(tmp_path):
    """An empty cache, as after a new kmsat: the shipped documents need no jsonschema."""
    code = (
        "import sys\n"
        "from kmsat_build.loader import load_framework\n"
        "load_framework('framework')\n"
        "assert 'jsonschema' not in sys.modules, 'validated a shipped document'\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "empty-cache")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_an_edited_national_document_is_validated(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    framework = tmp_path / "framework"
    shutil.copytree(ROOT / "framework", framework)
    letter = framework / "letter.yml"
    letter.write_text(letter.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as caught:
        load_framework(framework)
    assert "letter.yml" in str(caught.value) and "unknown_key" in str(caught.value)
