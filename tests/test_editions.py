"""Editions: overlays on the national framework, built, checked, diffed and scaffolded."""

from __future__ import annotations

import os
import re
import shutil

import yaml

from kmsat_build.cli import main as cli
from kmsat_build.edition import load_edition
from tests.conftest import ROOT, mkdocs_build, page_data

FULL = ROOT / "tests" / "editions" / "full"
GOLDEN = ROOT / "tests" / "golden"


def test_full_edition_model():
    fw = load_edition(FULL)
    assert fw.edition.id == "northbrook"
    assert fw.edition.content_version == "2.0.0+northbrook.2"
    assert fw.edition.national_version == "2.0.0"
    ids = [c.id for c in fw.criteria()]
    assert "nv-evidence-panel" in ids and "patient-public-information" not in ids
    assert ids[:6] == [
        "accountable-executive",
        "knowledge-in-strategy",
        "evidence-informed-papers",
        "kls-resourced",
        "value-for-money",
        "nv-evidence-panel",
    ]
    technique_ids = {t.id for t in fw.techniques}
    assert "nv-journal-club" in technique_ids and "fishbowl" not in technique_ids
    for criterion in fw.criteria():  # a hidden technique is no criterion's opportunity
        assert not {"fishbowl", "health-literacy"} & set(criterion.opportunities)
    assert [q.id for q in fw.checklist.questions][-1] == "nv-research-strategy"
    assert "system-learning" not in [q.id for q in fw.checklist.questions]
    assert fw.scale.levels[0].label == "Not started"
    assert fw.letter.signatory.name == "Dr Amara Okafor"
    assert fw.letter.salutation == "Dear Colleague,"  # not overridden: national wording


def test_worked_example_drops_answers_to_hidden_criteria():
    from kmsat_build.overlay.merge import _example

    example = {
        "details": {},
        "answers": {"a": {"level": "emerging"}, "b": {"level": "embedded"}},
        "plan": [{"criterion": "a"}, {"criterion": "b"}, {"criterion": None}],
    }
    trimmed = _example(example, {"a"})
    assert list(trimmed["answers"]) == ["b"]
    assert trimmed["plan"] == [{"criterion": "b"}, {"criterion": None}]


def test_full_edition_site_shows_branding_and_changes(full_site):
    home = (full_site / "index.html").read_text()
    assert 'src="assets/logo.svg"' in home and 'href="assets/favicon.svg"' in home
    assert "Northbrook Valley&#39;s" in home or "Northbrook Valley's" in home
    assert "based on national content version 2.0.0" in home
    assert "About Northbrook Valley" in home  # the local page's nav section (strings override)
    css = (full_site / "assets/kmsat/edition.css").read_text()
    assert "--md-primary-fg-color: #330072;" in css
    leadership = (full_site / "elements/leadership.html").read_text()
    assert 'id="nv-evidence-panel"' in leadership and "Our knowledge champion" in leadership
    assert "Chief Nurse is accountable" in leadership and "Not started" in leadership
    assert (full_site / "opportunities/nv-journal-club.html").is_file()
    assert not (full_site / "opportunities/fishbowl.html").exists()
    assert (
        "Peer Assist at Northbrook Valley"
        in (full_site / "opportunities/peer-assist.html").read_text()
    )
    assert "Dr Amara Okafor" in (full_site / "letter.html").read_text()
    assert (full_site / "library-services.html").is_file()
    data = page_data((full_site / "assessment.html").read_text())
    assert data["edition"]["id"] == "northbrook"
    assert data["edition"]["contentVersion"] == "2.0.0+northbrook.2"
    criteria = [c["id"] for e in data["elements"] for c in e["criteria"]]
    assert "nv-evidence-panel" in criteria and "patient-public-information" not in criteria
    assert data["strings"]["nav.toPlan"] == "Continue to our action plan"


def test_fingerprint_differs_from_national(full_site, national_site):
    ours = page_data((full_site / "assessment.html").read_text())["fingerprint"]
    theirs = page_data((national_site / "assessment.html").read_text())["fingerprint"]
    assert ours != theirs


def test_welsh_edition_sets_the_language(welsh_site):
    site = welsh_site
    home = (site / "index.html").read_text()
    assert '<html lang="cy"' in home and 'placeholder="Chwilio"' in home  # Material's Welsh UI
    assert "Arweinyddiaeth" in home and "Hunanasesiad" in home
    data = page_data((site / "assessment.html").read_text())
    assert data["edition"]["language"] == "cy"
    assert data["scale"]["levels"][0]["label"] == "Dim eto"
    # What the edition did not translate is marked as the national English,
    # so a screen reader does not read it as Welsh; what it did is not.
    element = (site / "elements" / "leadership.html").read_text()
    assert "<h1" in element and 'lang="en-GB">Arweinyddiaeth' not in element
    assert re.search(
        r'<h3 id="accountable-executive">1\.1 <span lang="en-GB">An accountable', element
    )
    assert re.search(r'<td><span lang="en-GB">No executive holds the responsibility', element)
    assert re.search(r'<div lang="en-GB">\s*<p>Leadership is about who owns', element)
    assert '<span lang="en-GB">Meini prawf' not in element and "Meini prawf" in element
    assert re.search(r'<p class="admonition-title"><span lang="en-GB">What to look for', element)
    assert "<strong>1 Dim eto</strong>" in element  # a translated level label, unmarked


def test_an_edition_in_the_national_language_marks_nothing():
    from kmsat_build.pages import render_pages

    pages = render_pages(load_edition(FULL))
    assert not [p.path for p in pages if "lang=" in p.markdown]


def test_diff_golden(capsys):
    assert cli(["diff", str(FULL)]) == 0
    out = capsys.readouterr().out
    golden = GOLDEN / "diff-full.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out)
    assert out == golden.read_text()


def edition_with_its_base_and_a_national_copy(tmp_path):
    """The full edition with its national base recorded, and a national framework to change."""
    edition = tmp_path / "edition"
    shutil.copytree(FULL, edition)
    assert cli(["diff", str(edition), "--accept-national"]) == 0
    national = tmp_path / "national"
    shutil.copytree(ROOT / "framework", national)
    return edition, national, national / "elements" / "leadership.yml"


def test_diff_names_national_changes_hidden_by_the_edition(tmp_path, capsys):
    edition, national, leadership = edition_with_its_base_and_a_national_copy(tmp_path)
    text = leadership.read_text()
    statement = re.search(r"statement: (.*)", text).group(1)  # accountable-executive's
    leadership.write_text(text.replace(statement, "A reworded national statement.", 1))
    opportunities = national / "elements" / "opportunities.yml"
    head, hidden = opportunities.read_text().split("id: patient-public-information", 1)
    hidden = hidden.replace("    hint: ", "    hint: Changed nationally. ", 1)
    opportunities.write_text(head + "id: patient-public-information" + hidden)
    capsys.readouterr()
    assert cli(["diff", str(edition), "--national", str(national)]) == 0
    out = capsys.readouterr().out
    assert "criteria.accountable-executive.statement (your edition overrides it)" in out
    assert "hides from its users: 2" in out
    hidden = [ln for ln in out.splitlines() if "(your edition hides it)" in ln]
    assert hidden and all("criteria.aligned-to-priorities" not in ln for ln in hidden)


def test_new_edition_builds_unchanged(tmp_path, capsys):
    folder = tmp_path / "trust"
    assert cli(["new-edition", str(folder), "--publisher", "Example Hospitals NHS Trust"]) == 0
    for name in [
        "edition.yml",
        "mkdocs.yml",
        "README.md",
        "requirements.txt",
        ".github/workflows/publish.yml",
        ".kmsat/overlay.schema.json",
        ".kmsat/base.json",
    ]:
        assert (folder / name).is_file(), name
    assert "id: example-hospitals-nhs-trust" in (folder / "edition.yml").read_text()
    assert cli(["check", str(folder)]) == 0
    result = mkdocs_build(folder / "mkdocs.yml", folder / "site")
    assert result.returncode == 0, result.stderr
    assert "Example Hospitals NHS Trust" in (folder / "site" / "index.html").read_text()
    capsys.readouterr()
    assert cli(["new-edition", str(folder)]) == 1
    assert "expected a new or empty folder" in capsys.readouterr().err


def test_every_commented_overlay_field_is_valid(tmp_path):
    """Uncommenting the scaffold's examples gives a valid overlay (the comments don't rot)."""
    folder = tmp_path / "trust"
    assert cli(["new-edition", str(folder), "--publisher", "Example Trust"]) == 0
    overlay = folder / "edition.yml"
    lines = overlay.read_text().splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("# branding:"))
    body = [
        re.sub(r"^# ?", "", ln) if ln.startswith("# ") or ln == "#" else ln for ln in lines[start:]
    ]
    text = "\n".join(lines[:start] + body)
    text = text.replace("logo: assets/logo.svg", "").replace("favicon: assets/favicon.png", "")
    overlay.write_text(text)
    assert cli(["check", str(folder)]) == 0


def test_diff_works_when_the_nation_removes_what_the_edition_changes(tmp_path, capsys):
    """A national criterion the edition rewords is removed: diff still runs and says so."""
    edition, national, leadership = edition_with_its_base_and_a_national_copy(tmp_path)
    text = leadership.read_text()
    start = text.index("  - id: accountable-executive")
    end = text.index("  - id:", start + 5)
    leadership.write_text(text[:start] + text[end:])
    example = national / "example.yml"
    text = example.read_text()
    start = text.index("  accountable-executive:\n    level")
    end = text.index("  knowledge-in-strategy:", start)
    example.write_text(
        text[:start] + text[end:].replace("accountable-executive", "aligned-to-priorities")
    )
    behaviours = national / "elements" / "behaviours.yml"
    text = behaviours.read_text()
    start = text.index("  - id: learning-before")
    block = text[start : text.index("  - id:", start + 5)]
    behaviours.write_text(text + block.replace("id: learning-before", "id: learning-new"))
    capsys.readouterr()
    assert cli(["diff", str(edition), "--national", str(national)]) == 0
    out = capsys.readouterr().out
    assert "criteria.accountable-executive.statement (removed nationally" in out
    assert "removed criterion accountable-executive (your edition changes or hides it" in out
    assert "new criterion learning-new" in out
    assert "criteria.learning-new.hint" not in out


def test_retired_text_keys_are_not_national_keys():
    """A key back in strings.yml must leave the retired list, or no edition could set it."""
    from kmsat_build.retired_strings import RETIRED_STRINGS

    national = yaml.safe_load((ROOT / "framework" / "strings.yml").read_text(encoding="utf-8"))
    assert RETIRED_STRINGS.isdisjoint(national["strings"])
