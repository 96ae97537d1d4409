"""Loading the national edition and the small fixture into the typed model."""

from __future__ import annotations

import json

from kmsat_build import load_framework
from kmsat_build.cli import main as cli
from kmsat_build.questionnaire import fingerprint, questionnaire_data
from tests.broken_cases import run_case
from tests.conftest import ROOT, SMALL


def test_national_edition_loads_without_warnings():
    fw = load_framework(ROOT / "framework")
    assert fw.warnings == ()
    assert [e.title for e in fw.elements] == [
        "Leadership",
        "Behaviours",
        "Capabilities and working practices",
        "Opportunities",
    ]
    assert all(3 <= len(e.criteria) <= 6 for e in fw.elements)
    assert 8 <= len(fw.checklist.questions) <= 12
    assert [lv.label for lv in fw.scale.levels] == ["Not yet", "Emerging", "Developing", "Embedded"]
    assert [o.id for o in fw.scale.unscored] == ["dont-know", "not-applicable"]
    assert [o.id for o in fw.scale.priorities] == ["high", "medium", "low"]


def test_national_techniques_cover_the_brief():
    fw = load_framework(ROOT / "framework")
    ids = {t.id for t in fw.techniques}
    for wanted in [
        "peer-assist",
        "after-action-review",
        "knowledge-cafe",
        "randomised-coffee-trials",
        "evidence-search",
        "current-awareness",
    ]:
        assert wanted in ids
    for criterion in fw.criteria():
        assert 2 <= len(criterion.opportunities) <= 3, criterion.id
    for technique in fw.techniques:
        assert fw.criteria_using(technique.id), technique.id


def test_every_yaml_file_points_editors_at_its_schema():
    for path in (ROOT / "framework").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("$schema=")[1]).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"


def test_model_carries_ids_and_cross_links():
    fw = load_framework(SMALL)
    assert [c.id for c in fw.criteria()] == [
        "accountable-executive",
        "strategy-and-plans",
        "papers-use-evidence",
        "learning-before",
        "reflection",
        "sharing",
    ]
    assert [c.id for c in fw.criteria_using("peer-assist")] == [
        "accountable-executive",
        "papers-use-evidence",
        "learning-before",
    ]
    assert fw.criteria()[3].element_id == "behaviours"


def test_questionnaire_data_shape_and_plain_text():
    fw = load_framework(SMALL)
    data = questionnaire_data(fw, lambda path: path.replace(".md", ".html"))
    assert data["format"] == "kmsat-questionnaire"
    assert data["edition"]["id"] == "small"
    assert data["elements"][0]["summary"] == "Leaders own evidence and knowledge."
    assert data["elements"][0]["url"] == "elements/leadership.html"
    crit = data["elements"][0]["criteria"][0]
    assert crit["opportunities"][0] == {
        "id": "peer-assist",
        "title": "Peer Assist",
        "url": "opportunities/peer-assist.html",
    }
    assert set(crit["levels"]) == {"not-yet", "emerging", "developing", "embedded"}
    json.dumps(data)  # serialisable


def test_fingerprint_ignores_wording_but_not_ids(tmp_path):
    base = fingerprint(load_framework(SMALL))
    from tests.broken_cases import apply_case

    apply_case(
        SMALL,
        tmp_path / "reworded",
        {"elements/leadership.yml": [["We do the first thing.", "We now do it better."]]},
    )
    assert fingerprint(load_framework(tmp_path / "reworded")) == base
    apply_case(
        SMALL,
        tmp_path / "renamed",
        {
            "elements/behaviours.yml": [["id: learning-before", "id: beta-uno"]],
            "example.yml": [["learning-before:", "beta-uno:"]],
        },
    )
    assert fingerprint(load_framework(tmp_path / "renamed")) != base


def test_yes_and_no_stay_text():
    # YAML 1.1 would read an unquoted `no` as false; editors should not need quotes.
    patch = {"scale.yml": [['{id: "yes", label: "Yes"}', "{id: yes, label: Yes}"]]}
    assert run_case(SMALL, patch) == "OK"


def test_cli_check_reports_ok_and_failure(capsys, tmp_path):
    assert cli(["check", str(SMALL)]) == 0
    assert "OK: edition 'small' 1.0.0, 2 elements, 6 criteria" in capsys.readouterr().out
    from tests.broken_cases import apply_case

    apply_case(SMALL, tmp_path / "framework", {"scale.yml": None})
    assert cli(["check", str(tmp_path)]) == 1
    assert "framework/scale.yml: expected this file to exist" in capsys.readouterr().err


def test_agenda_minutes_come_from_the_facilitators_guide(tmp_path):
    data = questionnaire_data(load_framework(ROOT / "framework"))
    timed = {row["element"] for row in data["agenda"] if row["element"] and row["minutes"] > 0}
    assert timed == {e["id"] for e in data["elements"]}  # present mode can time every element
    assert sum(row["minutes"] for row in data["agenda"]) == 60  # the one-hour session
    # The small fixture's guide has no table: no agenda, so present mode has no time budget.
    assert questionnaire_data(load_framework(SMALL))["agenda"] == []
    # Durations or spans, in any words; elements named alone or before a bracket.
    from tests.broken_cases import apply_case

    table = (
        "| Key | Does |\n| --- | --- |\n| 1, 2 | Not an agenda: it names no element |\n\nText.\n\n"
        "| Time | Item |\n| --- | --- |\n| 12 min | leadership |\n| 3 Minuten | Autre |\n"
        "| 15 à 23 | Behaviours (3 critères) |\n| 23 - 25 | Leaderships |\n"
    )
    body = "body: |\n      " + table.replace("\n", "\n      ")
    apply_case(SMALL, tmp_path / "timed", {"guides/facilitator.yml": [["body: Prepare.", body]]})
    assert questionnaire_data(load_framework(tmp_path / "timed"))["agenda"] == [
        {"minutes": 12, "item": "leadership", "element": "leadership"},
        {"minutes": 3, "item": "Autre", "element": None},
        {"minutes": 8, "item": "Behaviours (3 critères)", "element": "behaviours"},
        {"minutes": 2, "item": "Leaderships", "element": None},
    ]
