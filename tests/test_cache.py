"""kmsat's cache (cache.py) is only ever a shortcut: per kmsat version, keyed by
what it stands for, and a build never fails because it cannot be read or written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kmsat_build import cache, schema_check
from kmsat_build.yamlsource import parse_yaml
from tests.conftest import ROOT

FULL = ROOT / "tests" / "editions" / "full"
STRINGS = "strings:\n  nav.toPlan: Next\n"


def test_schema_notes_are_per_version_schema_and_exact_text(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    doc, _ = parse_yaml(STRINGS, "strings.yml")
    other, _ = parse_yaml(STRINGS + "  nav.label: Back\n", "strings.yml")
    monkeypatch.setattr(cache, "kmsat_version", lambda: "1.0.0")
    one = schema_check._valid_marker(doc, "strings")
    assert one != schema_check._valid_marker(other, "strings")  # the text is in the key
    assert one != schema_check._valid_marker(doc, "overlay")  # so is the schema
    assert schema_check.check_against_schema(doc, "strings") == [] and one.is_file()
    monkeypatch.setattr(cache, "kmsat_version", lambda: "1.0.1")
    two = schema_check._valid_marker(doc, "strings")
    assert two != one and not two.exists()  # a new kmsat trusts nothing an old one noted
    assert one.relative_to(tmp_path).parts[:2] == ("kmsat", "1.0.0")


def test_no_home_folder_means_no_cache_not_a_failure(monkeypatch):
    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache.cache_dir("valid") is None
    doc, _ = parse_yaml(STRINGS, "strings.yml")
    assert schema_check.check_against_schema(doc, "strings") == []
    from kmsat_build.edition import load_edition
    from kmsat_build.pages import render_pages

    assert render_pages(load_edition(FULL))  # templates compile without a cache


def test_a_cache_that_cannot_be_written_or_read_never_breaks_a_build(tmp_path):
    """A strict build with the cache folder unusable (under a file, so even root cannot
    write it), then with a cache of garbage, builds the same site each time."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    env = {k: v for k, v in os.environ.items() if k != "HOME"}

    def build(cache_home: Path, site: Path) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
            capture_output=True,
            text=True,
            cwd=FULL,
            env={**env, "XDG_CACHE_HOME": str(cache_home)},
        )
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return (site / "elements" / "leadership.html").read_text()

    unwritable = build(blocker / "cache", tmp_path / "site1")
    good = tmp_path / "cache"
    assert build(good, tmp_path / "site2") == unwritable
    kept = [p for p in good.rglob("*") if p.is_file()]
    assert any("templates" in p.parts for p in kept) and any("valid" in p.parts for p in kept)
    for path in kept:  # a cache file cut short or overwritten: compiled again
        if "templates" in path.parts:
            path.write_bytes(b"j2 not bytecode")
    assert build(good, tmp_path / "site3") == unwritable
