"""The national questionnaire data the JavaScript tests read.

tests/js/fixtures/national.json is what the assessment page carries for the
national edition (without `strings`: the JS helpers read framework/strings.yml
themselves), so Node tests can render the worked example. Regenerate after
a content change with `UPDATE_GOLDEN=1 make test-python` and review the diff.
"""

from __future__ import annotations

import json
import os

from kmsat_build import load_framework
from kmsat_build.mkdocs_integration import urls_from_assessment
from kmsat_build.questionnaire import questionnaire_data
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "js" / "fixtures" / "national.json"


def national_json() -> str:
    data = questionnaire_data(load_framework(ROOT / "framework"), urls_from_assessment(False))
    data.pop("strings")
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def test_national_questionnaire_fixture_is_current():
    expected = national_json()
    if os.environ.get("UPDATE_GOLDEN"):
        FIXTURE.write_text(expected, encoding="utf-8")
    assert FIXTURE.read_text(encoding="utf-8") == expected, (
        "tests/js/fixtures/national.json is out of date: run UPDATE_GOLDEN=1 make test-python"
    )
