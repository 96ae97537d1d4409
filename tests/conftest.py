"""Shared fixtures: paths, and one strict build of the national edition per run."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile_edition import write_hostile_edition

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in a subprocess, as a user or CI would run it."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "--site-dir",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        cwd=config.parent,
    )


def page_data(page_html: str) -> dict:
    """The questionnaire data a built page carries in #kmsat-data's attribute."""
    match = re.search(r'id="kmsat-data" hidden(?:="")? data-kmsat-json="([^"]*)"', page_html)
    return json.loads(html.unescape(match.group(1)))


def built_once(tmp_path_factory, name: str, config: Path) -> Path:
    """The site of ``config`` (an mkdocs.yml), built with --strict into a temporary folder."""
    site = tmp_path_factory.mktemp(name) / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def national_site(tmp_path_factory) -> Path:
    """The national edition, built once."""
    return built_once(tmp_path_factory, "national", ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def full_site(tmp_path_factory) -> Path:
    """The example edition that uses every overlay feature, built once."""
    return built_once(
        tmp_path_factory, "full-edition", ROOT / "tests" / "editions" / "full" / "mkdocs.yml"
    )


@pytest.fixture(scope="session")
def welsh_site(tmp_path_factory) -> Path:
    """The partial Welsh edition (national English wherever it translates nothing), built once."""
    return built_once(
        tmp_path_factory, "welsh-edition", ROOT / "tests" / "editions" / "welsh" / "mkdocs.yml"
    )


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> tuple[Path, dict]:
    """The hostile edition's folder and its overlay data."""
    folder = tmp_path_factory.mktemp("hostile") / "edition"
    return folder, write_hostile_edition(folder)


@pytest.fixture(scope="session")
def hostile_site(hostile) -> Path:
    folder, _ = hostile
    site = folder.parent / "site"
    result = mkdocs_build(folder / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


# The release and the library team's journey (slow, once per session): see
# tests/release_journey.py.
from tests.release_journey import ci, dist, team  # noqa: E402, F401
