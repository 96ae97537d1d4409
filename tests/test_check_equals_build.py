"""`kmsat check` says what `kmsat build` will say, for every case in tests/broken_editions/.

Each case patches a copy of the full example edition (edition.yml, mkdocs.yml,
docs/) and states check's whole message. Then the real strict build runs on
the same copy: a case check refuses must fail to build (with a message, not a
traceback), and a case check accepts (the few `expect: OK` near-misses, and
the unpatched edition) must build. So none passes check only to fail in build.
Builds run in this process (mkdocs.commands.build), which keeps them quick.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
import yaml

from tests.broken_cases import apply_case, case_patch, check_expected, check_message
from tests.conftest import ROOT

FULL = ROOT / "tests" / "editions" / "full"
CASES = sorted((ROOT / "tests" / "broken_editions").glob("*.yml"))


def build(folder: Path, site: Path) -> tuple[bool, str]:
    """(built, what stopped it): `mkdocs build --strict` of ``folder``, in this process."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    errors: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                errors.append(record.getMessage())

    handler = Collect()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config = load_config(str(folder / "mkdocs.yml"), strict=True, site_dir=str(site))
        mkdocs_build(config)
        return True, ""
    except (exceptions.MkDocsException, exceptions.Abort) as exc:
        return False, "\n".join([*errors, str(exc)])
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)


def test_corpus_is_large_enough():
    refused = [p for p in CASES if not yaml.safe_load(p.read_text())["expect"].startswith("OK")]
    assert len(refused) >= 75


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_check_message_and_build_agree(path: Path, tmp_path: Path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    folder = tmp_path / "edition"
    apply_case(FULL, folder, case_patch(case))
    message = check_message(folder)
    check_expected(path, message, case["expect"])
    check_passes = message == "OK"
    built, why = build(folder, tmp_path / "site")
    assert built == check_passes, (
        f"check {'accepts' if check_passes else 'refuses'} but build "
        f"{'succeeds' if built else 'fails'}: {why}"
    )


def test_unchanged_edition_checks_and_builds(tmp_path):
    folder = tmp_path / "edition"
    shutil.copytree(FULL, folder)
    assert check_message(folder) == "OK"
    assert build(folder, tmp_path / "site") == (True, "")
