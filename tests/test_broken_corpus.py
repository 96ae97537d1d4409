"""Every broken framework in tests/broken/ gives its exact, located message.

Each case patches a copy of tests/fixtures/small (see broken_cases.py) and
states the loader's whole message, so a change of wording or a lost line
number fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.broken_cases import case_patch, check_expected, run_case
from tests.conftest import SMALL

CASES = sorted((Path(__file__).parent / "broken").glob("*.yml"))


def test_corpus_is_large_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_broken_framework_message(path: Path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    check_expected(path, run_case(SMALL, case_patch(case)), case["expect"])


def test_small_fixture_itself_is_valid():
    assert run_case(SMALL, {}) == "OK"
