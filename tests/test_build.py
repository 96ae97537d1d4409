"""End to end: strict MkDocs builds of the national edition and of broken frameworks."""

from __future__ import annotations

import re
import shutil

from tests.broken_cases import apply_case
from tests.conftest import ROOT, SMALL, mkdocs_build, page_data

EXPECTED_PAGES = [
    "index.html",
    "letter.html",
    "board-checklist.html",
    "facilitator-guide.html",
    "about.html",
    "assessment.html",
    "action-plan.html",
    "opportunities/index.html",
    "elements/leadership.html",
    "elements/behaviours.html",
    "elements/capabilities.html",
    "elements/opportunities.html",
    "opportunities/peer-assist.html",
    "opportunities/randomised-coffee-trials.html",
]


def test_national_site_has_every_page(national_site):
    for page in EXPECTED_PAGES:
        assert (national_site / page).is_file(), page
    assert (national_site / "search" / "search_index.js").is_file()  # offline search


def test_docs_folder_is_never_written(national_site):
    generated = {"letter.md", "assessment.md", "elements", "opportunities"}
    assert not generated & {p.name for p in (ROOT / "docs").iterdir()}


def test_assessment_page_embeds_questionnaire_data(national_site):
    page = (national_site / "assessment.html").read_text(encoding="utf-8")
    data = page_data(page)
    assert data["edition"]["id"] == "national"
    assert [e["id"] for e in data["elements"]] == [
        "leadership",
        "behaviours",
        "capabilities",
        "opportunities",
    ]
    assert data["elements"][0]["url"] == "elements/leadership.html"
    assert data["elements"][0]["criteria"][0]["opportunities"][0]["url"].startswith(
        "opportunities/"
    )
    assert 'id="kmsat-app"' in page and 'id="kmsat-paper"' in page


def test_paper_form_lists_every_criterion_and_level(national_site):
    page = (national_site / "assessment.html").read_text(encoding="utf-8")
    data = page_data(page)
    paper = page.split('id="kmsat-paper"')[1]
    for element in data["elements"]:
        for criterion in element["criteria"]:
            assert f'id="paper-{criterion["id"]}"' in paper
    assert paper.count("☐") >= sum(len(e["criteria"]) for e in data["elements"]) * 9


def test_no_off_site_urls_in_built_html(national_site):
    """Nothing in the site's markup loads from another host (links are fine)."""
    pattern = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//', re.I)
    for page in national_site.rglob("*.html"):
        assert not pattern.search(page.read_text(encoding="utf-8")), page


def test_letter_links_go_to_public_pages_and_our_checklist(national_site):
    page = (national_site / "letter.html").read_text(encoding="utf-8")
    assert 'href="https://www.hee.nhs.uk/our-work/library-knowledge-services/' in page
    assert 'href="board-checklist.html"' in page


def copy_config(project):
    """The national mkdocs.yml, its INHERIT made absolute for another folder."""
    text = (ROOT / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(
        text.replace("INHERIT: kmsat_build/site.yml", f"INHERIT: {ROOT / 'kmsat_build/site.yml'}")
    )


def test_broken_framework_fails_build_and_writes_no_site(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "docs").mkdir(exist_ok=True)
    shutil.copytree(ROOT / "hooks", project / "hooks")
    copy_config(project)
    apply_case(
        SMALL,
        project / "framework",
        {"elements/behaviours.yml": [["opportunities: [peer-assist]", "opportunities: [nope]"]]},
    )
    result = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert (
        "framework/elements/behaviours.yml:15: criteria[0].opportunities[0]: expected the id of "
        "a known technique, but received 'nope'"
    ) in result.stderr
    assert not (project / "site").exists()


def test_broken_link_in_prose_fails_strict_build(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "docs").mkdir(exist_ok=True)
    shutil.copytree(ROOT / "hooks", project / "hooks")
    copy_config(project)
    shutil.copytree(ROOT / "framework", project / "framework")
    letter = project / "framework" / "letter.yml"
    letter.write_text(letter.read_text().replace("(board-checklist.md)", "(board-checklst.md)"))
    result = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert "board-checklst.md" in result.stderr
