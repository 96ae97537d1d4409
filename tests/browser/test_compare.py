"""The compare page and share links, in Chromium, with the fixture exports.

The fixtures (tests/js/fixtures/exports/, made by make_exports.py) are
exported assessments of the national edition. The figures below were
worked out by hand from the ratings written in make_exports.py:

Directorates (L B C O element means): Medicine 3, 3, 3 (Don't know left
out), 2.25; Surgery 1.5, 1.5, 1.25, 1.33 (Not applicable left out);
Estates and Facilities 1.75, 1.5, 1.5, 1.25. Median of teams 1.75, 1.5,
1.5, 1.33; lowest 1.5, 1.5, 1.25, 1.25. Medicine is Embedded where Estates
is Not yet on accountable-executive and sharing-across-teams, and
where Surgery is Not yet on access-to-evidence.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser

EXPORTS = Path(__file__).resolve().parents[1] / "js" / "fixtures" / "exports"
DIRECTORATES = [
    EXPORTS / "directorates" / f"{n}-2026-03-10.json" for n in ("medicine", "surgery", "estates")
]
RATERS = [EXPORTS / "raters" / f"rater-{i}.json" for i in range(1, 5)]
OVER_TIME = [
    EXPORTS / "over-time" / "pharmacy-2025-09-15.json",
    EXPORTS / "over-time" / "pharmacy-2026-09-14.json",
]
COMPARE_KEY = "kmsat:national:compare"
INCOMING_KEY = "kmsat:national:incoming"


def open_compare(page, site_url, files=None):
    page.goto(site_url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    if files:
        page.set_input_files("#kmsat-cmp-input", [str(f) for f in files])
        page.locator(".kmsat-cmp-view").wait_for()


def table_rows(page, selector):
    """Each body row of a table as [header, cells...] texts."""
    return page.locator(selector).first.evaluate(
        """t => [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.innerText.replace(/\\s+/g, ' ').trim()))"""
    )


def axe_check(axe, page, label):
    """axe at WCAG 2.2 AA, with the page at rest.

    Material fades its tabs out when the page scrolls (opacity, 0.25 s) and back
    in at the top; axe reading a tab mid-fade reports its half-transparent text.
    """
    page.evaluate("window.scrollTo(0, 0)")
    # Wait until the tabs are back and still, however long a busy machine takes.
    page.wait_for_function(
        """() => [...document.querySelectorAll('.md-tabs__link')]
            .filter((link) => link.getClientRects().length) // none shown on a phone
            .every((link) => getComputedStyle(link).opacity === '1')
          && document.getAnimations().every((a) => a.playState !== 'running')"""
    )
    assert_accessible(axe, page, label)


def wait_saved(page):
    # A function, not an expression: Playwright evaluates a bare expression as script, which the CSP refuses.
    page.wait_for_function("(key) => localStorage.getItem(key) !== null", arg=COMPARE_KEY)


def saved_session(page, criterion):
    """The assessment page's own session, once it holds an answer to `criterion` (saving is debounced)."""
    page.wait_for_function(
        """id => { const s = JSON.parse(localStorage.getItem('kmsat:national:session') || '{}');
                   return Boolean(s.answers && s.answers[id]); }""",
        arg=criterion,
    )
    return json.loads(storage(page, "kmsat:national:session"))


def storage(page, key):
    return page.evaluate("k => localStorage.getItem(k)", key)


def titles(page):
    return page.evaluate(
        """() => Object.fromEntries(JSON.parse(document.getElementById('kmsat-data').dataset.kmsatJson)
             .elements.flatMap(e => e.criteria.map(c => [c.id, c.title])))"""
    )


def test_fixture_exports_match_the_national_edition(site_url, page):
    page.goto(site_url + "compare.html")
    data = json.loads(page.locator("#kmsat-data").get_attribute("data-kmsat-json"))
    ids = {c["id"] for e in data["elements"] for c in e["criteria"]}
    for path in DIRECTORATES + RATERS + OVER_TIME:
        content = json.loads(path.read_text())
        assert content["edition"]["fingerprint"] == data["fingerprint"], (
            f"{path}: run make_exports.py"
        )
        assert set(content["answers"]) <= ids


def test_side_by_side_figures_roll_up_and_who_can_teach_whom(site_url, page, axe):
    open_compare(page, site_url, DIRECTORATES)
    assert page.get_by_role("radio", name="Side by side: teams or directorates").is_checked()
    expect(page.locator("[aria-live=polite]")).to_contain_text(
        "Files added: 3. Files in the comparison: 3."
    )
    head = page.locator(".kmsat-cmp-matrix thead th").all_inner_texts()
    assert [h.split("\n")[0] for h in head] == [
        "Element",
        "Medicine",
        "Surgery",
        "Estates and Facilities",
        "Median of teams",
        "Lowest",
    ]
    # Shown to one decimal (the CSV below has the exact figures).
    assert table_rows(page, ".kmsat-cmp-matrix") == [
        ["Leadership", "3", "1.5", "1.8", "1.8", "1.5"],
        ["Behaviours", "3", "1.5", "1.5", "1.5", "1.5"],
        ["Capabilities and working practices", "3", "1.3", "1.5", "1.5", "1.3"],
        ["Opportunities", "2.3", "1.3", "1.3", "1.3", "1.3"],
    ]
    page.locator(".kmsat-cmp-teach-table").wait_for()  # drawn just after the table
    assert table_rows(page, ".kmsat-cmp-teach-table") == [
        ["An accountable executive Leadership", "Medicine", "Estates and Facilities"],
        ["Sharing across teams Behaviours", "Medicine", "Estates and Facilities"],
        ["Evidence at the point of need Capabilities and working practices", "Medicine", "Surgery"],
    ]
    chart = page.get_by_role("img", name="Average rating per element for each team", exact=False)
    expect(chart.locator("circle")).to_have_count(12)
    axe_check(axe, page, "compare: side by side")

    page.get_by_label("Show each criterion").check()
    rows = table_rows(page, ".kmsat-cmp-matrix")
    assert len(rows) == 4 + 18
    assert rows[1] == [
        "An accountable executive",
        "4 ★ (could help others)",
        "2",
        "1 ◇ (could learn from others)",
        "2",
        "1",
    ]
    assert rows[15] == ["Organisational knowledge findable", "Don't know", "1", "2", "1.5", "1"]
    assert rows[21] == [
        "Information for patients and the public",
        "1",
        "Not applicable",
        "1",
        "1",
        "1",
    ]
    axe_check(axe, page, "compare: side by side, criteria")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download the comparison (.csv)").click()
    text = Path(info.value.path()).read_bytes().decode("utf-8")
    # Every cell quoted (a ; or tab in a cell cannot split it where quotes are honoured).
    assert text.startswith(
        '\ufeff"Element","Id","Item","Medicine (2026-03-10)","Surgery (2026-03-10)",'
        '"Estates and Facilities (2026-03-10)","Median","Lowest"\r\n'
    )


def test_side_by_side_in_dark_mode_passes_axe(site_url, page, axe):
    page.emulate_media(color_scheme="dark")
    open_compare(page, site_url, DIRECTORATES)
    page.get_by_label("Show each criterion").check()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    axe_check(axe, page, "compare: side by side (dark)")


def test_raters_to_consensus_hands_a_new_session_to_the_assessment(site_url, page, axe):
    open_compare(page, site_url, RATERS)
    # Four spellings of one team group together; one team on one date: consensus.
    assert page.get_by_role(
        "radio", name="Consensus: several people's answers for one team"
    ).is_checked()
    assert page.get_by_label("Team").locator("option").all_inner_texts() == [
        "Women's and Children's (files: 4)"
    ]
    name = titles(page)
    order = [
        "accountable-executive",
        "evidence-informed-papers",
        "evidence-skills",
        "learning-before",
        "aligned-to-priorities",
        "horizon-scanning",
        "kls-resourced",
        "sharing-across-teams",
        "retaining-know-how",
        "open-learning-culture",
        "knowledge-in-strategy",
        "reflection-during-after",
        "access-to-evidence",
        "findable-knowledge",
        "learning-across-system",
        "patient-public-information",
        # New in content 2.0.0 and unanswered by every rater: last.
        "value-for-money",
        "best-practice-innovation",
    ]
    rows = table_rows(page, ".kmsat-cmp-spread")
    assert [r[0] for r in rows] == [
        name[i] + " " + e
        for i, e in zip(
            order,
            [
                "Leadership",
                "Leadership",
                "Capabilities and working practices",
                "Behaviours",
                "Opportunities",
                "Opportunities",
                "Leadership",
                "Behaviours",
                "Capabilities and working practices",
                "Behaviours",
                "Leadership",
                "Behaviours",
                "Capabilities and working practices",
                "Capabilities and working practices",
                "Opportunities",
                "Opportunities",
                "Leadership",
                "Opportunities",
            ],
            strict=True,
        )
    ]
    # Not yet, Emerging, Developing, Embedded, Don't know, N/A, not answered, median, range
    assert rows[0][1:] == ["2", "0", "0", "2", "0", "0", "0", "2.5", "3"]
    assert rows[5][1:] == ["2", "1", "0", "0", "0", "0", "1", "1", "1"]
    assert rows[13][1:] == ["0", "0", "0", "0", "0", "4", "0", "", ""]
    # Where everyone agreed, the agreed level is filled in.
    strategy = page.get_by_role("group", name="Agreed level: " + name["knowledge-in-strategy"])
    assert strategy.get_by_role("radio", name="Emerging").is_checked()
    axe_check(axe, page, "compare: consensus")

    first = page.get_by_role("group", name="Agreed level: " + name["accountable-executive"])
    first.get_by_role("radio", name="Developing").focus()
    page.keyboard.press("Space")
    first.get_by_label("Note on the agreed level").fill("Named, not yet reviewed")
    page.get_by_role("group", name="Agreed level: " + name["evidence-informed-papers"]).get_by_role(
        "radio", name="Emerging"
    ).check()
    assert storage(page, "kmsat:national:session") is None
    page.get_by_role("button", name="Save as a new assessment").click()
    status = page.locator("#kmsat-cmp-saved")
    # Saved once the exporters have come (loaded on the first save).
    expect(status).to_contain_text("Criteria without an agreed level: 10.")
    link = page.get_by_role("link", name="Open the agreed assessment in the self-assessment")
    assert link.get_attribute("href") == "assessment.html#import-incoming"
    assert storage(page, "kmsat:national:session") is None  # never overwritten silently

    incoming = json.loads(storage(page, INCOMING_KEY))
    assert {k: incoming[k] for k in ("format", "version", "source")} == {
        "format": "kmsat-incoming",
        "version": 1,
        "source": "consensus",
    }
    assert (
        incoming["label"]
        == "Agreed assessment for Women's and Children's, 2026-05-01 (from 4 people)"
    )
    session = incoming["session"]
    assert session["format"] == "kmsat-session" and session["edition"]["id"] == "national"
    assert session["answers"]["accountable-executive"] == {
        "level": "developing",
        "priority": "high",
        "notes": "Named, not yet reviewed",
    }
    assert session["answers"]["evidence-informed-papers"]["level"] == "emerging"
    assert session["answers"]["knowledge-in-strategy"]["level"] == "emerging"
    assert "evidence-skills" not in session["answers"]
    assert session["details"]["participants"] == "Rater 1; Rater 2; Rater 3; Rater 4"
    assert session["checklist"] == {"board-accountability": {"answer": "no", "note": ""}}
    # High priority first, then the lowest level, in framework order.
    assert [r["criterion"] for r in session["plan"]] == [
        "accountable-executive",
        "knowledge-in-strategy",
        "evidence-informed-papers",
        "learning-across-system",
        "reflection-during-after",
        "patient-public-information",
    ]

    with page.expect_download() as info:
        page.get_by_role("button", name="Download as a session file (.json)").click()
    assert (
        info.value.suggested_filename
        == "kmsat-st-elsewhere-nhs-foundation-trust-women-s-and-children-s-2026-05-01-agreed.json"
    )
    downloaded = json.loads(Path(info.value.path()).read_text())
    assert downloaded["answers"] == session["answers"]

    # The agreed levels survive a reload; leaving a rater out changes the spread.
    page.reload()
    page.locator(".kmsat-cmp-spread").wait_for()
    first = page.get_by_role("group", name="Agreed level: " + name["accountable-executive"])
    assert first.get_by_role("radio", name="Developing").is_checked()
    assert first.get_by_label("Note on the agreed level").input_value() == "Named, not yet reviewed"
    # Raters by the names they gave (here in "Who took part"), not by file names.
    page.get_by_label("Rater 4 (2026-05-01)").uncheck()
    assert table_rows(page, ".kmsat-cmp-spread")[0][1:] == [
        "1",
        "0",
        "0",
        "2",
        "0",
        "0",
        "0",
        "4",
        "3",
    ]


def ui_supports_incoming() -> bool:
    ui = Path(__file__).resolve().parents[2] / "kmsat_build" / "assets" / "js" / "ui"
    return any("import-incoming" in p.read_text() for p in ui.glob("*.js"))


@pytest.mark.skipif(
    not ui_supports_incoming(), reason="the assessment page does not read #import-incoming yet"
)
def test_consensus_opens_in_the_assessment_page(site_url, page):
    open_compare(page, site_url, RATERS)
    page.get_by_role("button", name="Save as a new assessment").click()
    page.get_by_role("link", name="Open the agreed assessment in the self-assessment").click()
    page.wait_for_url("**/assessment.html#import-incoming")
    # An empty browser: nothing to replace, so the agreed assessment opens without a question.
    expect(page.locator("[data-notice=import]")).to_be_visible()
    session = saved_session(page, "accountable-executive")
    assert session["answers"]["knowledge-in-strategy"]["level"] == "emerging"
    assert session["details"]["team"] == "Women's and Children's"


def test_over_time_change_and_the_earlier_plan(site_url, page, axe):
    open_compare(page, site_url, OVER_TIME)
    assert page.get_by_role("radio", name="Over time: one team at different dates").is_checked()
    tables = page.locator(".kmsat-cmp-time")
    assert tables.nth(0).locator("thead th").all_inner_texts() == [
        "Element",
        "2025-09-15",
        "2026-09-14",
        "Change",
    ]
    assert table_rows(page, ".kmsat-cmp-time") == [
        ["Leadership", "1.5", "2.5", "▲ Up 1"],
        ["Behaviours", "1.5", "2.3", "▲ Up 0.8"],
        ["Capabilities and working practices", "1.5", "2", "▲ Up 0.5"],
        ["Opportunities", "1.5", "2", "▲ Up 0.5"],
    ]
    criteria = tables.nth(1).evaluate(
        "t => [...t.tBodies[0].rows].map(r => [...r.cells].slice(1).map(c => c.innerText.trim()))"
    )
    assert criteria[0] == ["Not yet", "Developing", "▲ Up 2"]
    assert criteria[2] == ["Emerging", "Emerging", "No change"]
    assert criteria[11] == ["Not yet", "Not yet", "No change"]
    plan = table_rows(page, ".kmsat-cmp-plan")
    assert len(plan) == 16
    assert plan[:3] == [
        [
            "An accountable executive Leadership",
            "Name an executive lead for knowledge",
            "Chief Pharmacist",
            "Done",
            "Not yet",
            "Developing",
            "▲ Up 2",
        ],
        [
            "Evidence and knowledge in strategy Leadership",
            "Add evidence to the medicines strategy",
            "Deputy",
            "In progress",
            "Not yet",
            "Emerging",
            "▲ Up 1",
        ],
        [
            "Sharing across teams Behaviours",
            "Join the regional network",
            "",
            "Not started",
            "Not yet",
            "Developing",
            "▲ Up 2",
        ],
    ]
    assert plan[3][3] == "Not set"
    axe_check(axe, page, "compare: over time")


def test_a_file_that_is_not_an_export_is_refused_and_changes_nothing(site_url, page):
    open_compare(page, site_url, DIRECTORATES)
    wait_saved(page)
    before = (storage(page, COMPARE_KEY), page.locator(".kmsat-cmp-matrix").inner_text())
    page.set_input_files(
        "#kmsat-cmp-input",
        [str(EXPORTS / "other" / "not-an-export.json"), str(EXPORTS / "other" / "notes.csv")],
    )
    refused = page.locator(".kmsat-cmp-refused")
    refused.wait_for()
    assert refused.locator("li").all_inner_texts() == [
        "not-an-export.json: The file is JSON, but not an answers file from this tool.",
        "notes.csv: The file is not an answers file: it is not JSON, or it is incomplete. "
        "Choose the .json file exported from this tool.",
    ]
    expect(page.locator("[aria-live=polite]")).to_contain_text("Files not added: 2.")
    assert (storage(page, COMPARE_KEY), page.locator(".kmsat-cmp-matrix").inner_text()) == before
    assert page.locator(".kmsat-cmp-filetable tbody tr").count() == 3
    # The same file twice is refused too: it would count twice.
    page.set_input_files("#kmsat-cmp-input", [str(DIRECTORATES[0])])
    # expect() waits for the page to read the file: a bare inner_text() raced it on a busy machine.
    expect(page.locator(".kmsat-cmp-refused")).to_contain_text(
        "These answers are already in the comparison"
    )


def test_another_edition_is_compared_on_shared_criteria_with_a_warning(site_url, page):
    open_compare(page, site_url, DIRECTORATES + [EXPORTS / "other" / "other-edition.json"])
    warning = page.locator(".kmsat-cmp-warnings")
    assert warning.locator("li").all_inner_texts() == [
        "Files from edition “st-elsewhere”, version 2.1.0 (1); this site is “national”, version 2.0.0.",
        "Compared on 12 of 18 criteria, those every file shares. Left out: Value for money; "
        "Aligned to current priorities; Learning across the system; Horizon scanning for decision-makers; "
        "Adopting best practice and innovation; Information for patients and the public.",
    ]
    assert [r[0] for r in table_rows(page, ".kmsat-cmp-matrix")] == [
        "Leadership",
        "Behaviours",
        "Capabilities and working practices",
    ]
    assert (
        "Left out answers for criteria that are not in this edition (1): local-research-culture."
        in (page.locator(".kmsat-cmp-changed").inner_text())
    )


def test_files_are_kept_and_removed_by_keyboard(site_url, page):
    open_compare(page, site_url, DIRECTORATES)
    wait_saved(page)
    page.reload()
    page.locator(".kmsat-cmp-matrix").wait_for()
    assert page.locator(".kmsat-cmp-filetable tbody tr").count() == 3
    expect(page.locator("[aria-live=polite]")).to_contain_text(
        "Files restored from your last visit: 3."
    )
    page.get_by_role("button", name="Remove surgery-2026-03-10.json").focus()
    page.keyboard.press("Enter")
    assert page.locator(".kmsat-cmp-filetable tbody tr").count() == 2
    assert (
        page.evaluate("document.activeElement.getAttribute('aria-label')")
        == "Remove estates-2026-03-10.json"
    )
    expect(page.locator("[aria-live=polite]")).to_contain_text(
        "surgery-2026-03-10.json was removed from the comparison."
    )
    assert len(json.loads(storage(page, COMPARE_KEY))["files"]) == 2
    # Remove all, once confirmed.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Remove all files").click()
    expect(page.locator("[aria-live=polite]")).to_contain_text(
        "All files were removed from the comparison."
    )
    assert storage(page, COMPARE_KEY) is None
    assert page.locator(".kmsat-cmp-view").count() == 0
    page.set_input_files("#kmsat-cmp-input", [str(p) for p in DIRECTORATES])
    # Mode by keyboard: the radios are one tab stop, arrows move between them.
    page.get_by_role("radio", name="Side by side: teams or directorates").focus()
    page.keyboard.press("ArrowDown")
    # The consensus view's code comes the first time it is shown.
    expect(page.locator("#kmsat-cmp-view-heading")).to_have_text("Consensus")
    # The file picker's button works from the keyboard (Enter clicks the hidden file input).
    page.evaluate(
        "document.getElementById('kmsat-cmp-input').addEventListener('click', () => { window.picked = true })"
    )
    page.get_by_role("button", name="Choose files").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.picked === true")


def test_files_dropped_on_the_page_are_added(site_url, page):
    open_compare(page, site_url)
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Choose files").click()
    assert chooser.value.is_multiple()
    page.evaluate(
        """texts => {
          const dt = new DataTransfer();
          texts.forEach((t, i) => dt.items.add(new File([t], 'dropped-' + i + '.json', {type: 'application/json'})));
          document.querySelector('.kmsat-cmp-drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));
        }""",
        [p.read_text() for p in OVER_TIME],
    )
    page.locator(".kmsat-cmp-time").first.wait_for()
    assert page.locator(".kmsat-cmp-filetable tbody tr").count() == 2


def test_storage_full_is_said_and_the_page_keeps_working(site_url, page):
    page.add_init_script(
        """Storage.prototype.setItem = function () {
             throw new DOMException('full', 'QuotaExceededError'); };"""
    )
    open_compare(page, site_url, DIRECTORATES)
    assert "storage is full" in page.get_by_role("alert").first.inner_text()
    assert len(table_rows(page, ".kmsat-cmp-matrix")) == 4


def test_a_part_that_cannot_load_says_so_and_nothing_is_lost(new_page, site_url):
    """Offline, or a site folder copied in part: the on-demand parts' files do not come."""
    page = new_page(viewport={"width": 1280, "height": 900})
    page.watch.ignore = "Failed to load resource"  # the refused bundles, on purpose
    blocked = re.compile(r".*/assets/kmsat/compare-(consensus|export)\.js$")
    page.route(blocked, lambda route: route.abort())
    page.goto(site_url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    page.set_input_files("#kmsat-cmp-input", [str(f) for f in RATERS])
    # One team's raters: the consensus view is chosen, and its code cannot come.
    alert = page.get_by_role("alert").filter(has_text="Part of this page could not be loaded")
    expect(alert).to_have_count(1)
    expect(alert).to_be_in_viewport()
    assert page.get_by_role("radio", name="Consensus", exact=False).is_checked()
    expect(page.locator(".kmsat-cmp-view")).to_have_count(0)
    # The files are listed and kept all the same.
    expect(page.locator(".kmsat-cmp-filetable tbody tr")).to_have_count(4)
    wait_saved(page)
    assert len(json.loads(storage(page, COMPARE_KEY))["files"]) == 4
    # Another view works; its CSV needs the exporters, which cannot come either: said, no download.
    page.get_by_role("radio", name="Side by side", exact=False).check()
    page.locator(".kmsat-cmp-matrix").wait_for()
    expect(alert).to_have_count(0)  # a part that did load (the printed paper's) clears it
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.get_by_role("button", name="Download the comparison (.csv)").click()
    expect(alert).to_have_count(1)
    assert downloads == []
    # Back online: the same choices work, the message goes, and the files are all there.
    page.unroute(blocked)
    page.get_by_role("radio", name="Consensus", exact=False).check()
    page.locator(".kmsat-cmp-spread").wait_for()
    expect(alert).to_have_count(0)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the comparison (.csv)").click()
    assert info.value.suggested_filename.startswith("kmsat-compare-consensus-")
    assert len(json.loads(storage(page, COMPARE_KEY))["files"]) == 4


def test_share_link_opens_an_import_offer_on_the_assessment_page(site_url, page, context):
    open_compare(page, site_url, DIRECTORATES[:1])
    page.get_by_role("button", name="Make a share link for medicine-2026-03-10.json").click()
    link = page.get_by_label("Link", exact=True).input_value()
    assert link.startswith(site_url + "assessment.html#share=1.")
    assert len(link) < 1500  # all sixteen ratings
    page.get_by_label("Include notes and the action plan").check()
    assert len(page.get_by_label("Link", exact=True).input_value()) > len(link)

    page.goto(link)
    banner = page.get_by_role("region", name="Import answers from this link?")
    assert "The link holds answers for Medicine, 2026-03-10." in banner.inner_text()
    # The banner leaves the assessment app alone: it still starts.
    page.locator("#kmsat-app[data-kmsat-started]").wait_for(state="attached")
    # Import hands the answers straight to the questionnaire: no storage, no reload.
    page.evaluate("window.samePage = true")
    page.evaluate(
        """() => { const set = Storage.prototype.setItem;
          Storage.prototype.setItem = function (k, v) {
            if (k.endsWith(':incoming')) window.handedOver = v;
            return set.call(this, k, v); }; }"""
    )
    banner.get_by_role("button", name="Import").click()
    # An empty browser: nothing to replace, so no question; the notice names the hand-over.
    expect(page.locator("[data-notice=import]")).to_contain_text(
        "Answers from a share link: Medicine"
    )
    expect(page.locator("dialog.kmsat-dialog")).to_have_count(0)
    medicine = json.loads(DIRECTORATES[0].read_text())
    levels = {k: v["level"] for k, v in medicine["answers"].items()}
    session = saved_session(page, "accountable-executive")
    assert {k: v["level"] for k, v in session["answers"].items()} == levels
    # No notes, no plan unless asked: no note came over, and the plan holds no one's actions.
    assert all(not v.get("notes") for v in session["answers"].values())
    assert all(not row.get("action") and not row.get("owner") for row in session["plan"])
    assert page.evaluate("window.samePage") is True
    assert page.evaluate("window.handedOver") is None
    assert storage(page, INCOMING_KEY) is None
    assert "#share=" not in page.url and "#import-incoming" not in page.url
    assert page.locator("#kmsat-share-banner").count() == 0


def test_tampered_or_oversized_share_links_are_refused(site_url, page):
    open_compare(page, site_url, DIRECTORATES[:1])
    page.get_by_role("button", name="Make a share link for medicine-2026-03-10.json").click()
    link = page.get_by_label("Link", exact=True).input_value()
    value = link.split("#share=")[1]
    tampered = value[:20] + ("A" if value[20] != "A" else "B") + value[21:]
    page.goto(site_url + "assessment.html#share=" + tampered)
    # A refused link is an error at once, never the blue offer to import.
    error = page.get_by_role("alert").filter(has_text="This share link cannot be used")
    expect(error).to_contain_text(
        "This link is damaged or cut short, so it was not read. Copy the whole link again"
    )
    assert "failure" in error.get_attribute("class").split()
    assert page.get_by_role("region", name="Import answers from this link?").count() == 0
    assert error.get_by_role("button", name="Import").count() == 0
    error.get_by_role("button", name="Dismiss").click()
    assert page.locator("#kmsat-share-banner").count() == 0
    assert "#share=" not in page.url
    page.goto(site_url + "compare.html")  # a fresh load, not a same-page fragment change
    page.goto(site_url + "assessment.html#share=1." + "A" * 16001 + ".00000000")
    assert "longer than the 16000 characters" in page.locator("#kmsat-share-banner").inner_text()
    assert page.locator("#kmsat-share-banner").get_attribute("role") == "alert"


def test_a_loaded_files_own_link_pasted_is_the_same_answers(site_url, page):
    open_compare(page, site_url, DIRECTORATES[:1])
    page.get_by_role("button", name="Make a share link for medicine-2026-03-10.json").click()
    link = page.get_by_label("Link", exact=True).input_value()
    page.get_by_role("button", name="Close").click()
    page.get_by_label("Add answers from a share link").fill(link)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".kmsat-cmp-refused")).to_contain_text(
        "These answers are already in the comparison"
    )
    assert page.locator(".kmsat-cmp-filetable tbody tr").count() == 1
    page.get_by_label("Add answers from a share link").fill(link[:-2])
    page.get_by_role("button", name="Add", exact=True).click()
    assert "Share link: This link" in page.locator(".kmsat-cmp-refused").inner_text()


def compare_pdf_text(page, tmp_path: Path, name: str) -> str:
    """The page printed to an A4 PDF, as text with spaces squeezed."""
    page.emulate_media(media="print")
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="screen")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    if os.environ.get("KMSAT_ARTIFACTS"):
        folder = Path(os.environ["KMSAT_ARTIFACTS"])
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / name)], check=True)
    return " ".join(out.stdout.split())


def test_print_is_a_board_paper(site_url, page, tmp_path):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    assert not [u for u in requested if "compare-paper" in u], "an empty compare page has no paper"
    open_compare(page, site_url, DIRECTORATES)
    # The paper's bundle loads once there is a view, and draws it.
    page.locator(".kmsat-cmp-paper .kmsat-board-paper").wait_for(state="attached")
    page.emulate_media(media="print")
    for selector in [
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".kmsat-cmp-drop",
        ".kmsat-cmp-modes",
        ".kmsat-cmp-files",
        ".kmsat-cmp-matrix",
    ]:
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".kmsat-cmp-paper .kmsat-board-paper").is_visible()
    text = compare_pdf_text(page, tmp_path, "compare-side")
    # A title naming the organisation, the teams with their dates, and the purpose.
    assert "St Elsewhere NHS Foundation Trust: teams compared" in text
    for team in ["Estates and Facilities", "Medicine", "Surgery"]:
        assert f"{team} (10 March 2026)" in text, team
    assert "Purpose To compare how each team rated itself" in text
    # The chart's marks are labelled with their team; its key is there.
    marks = page.locator(".kmsat-paper-chart text.kmsat-paper-chart__mark").all_text_contents()
    assert {m.split(":")[0] for m in marks} == {"Estates and Facilities", "Medicine", "Surgery"}
    assert "Bar: the element's average rating" in text
    # No web instructions, no file list, no buttons.
    for chrome in [".json", "Choose files", "drag and drop", "Download", "Remove", "Load exported"]:
        assert chrome not in text, chrome
    assert "independent, unofficial rendering" in text


def test_print_over_time_shows_only_the_plan_rows_that_were_set(site_url, page, tmp_path):
    open_compare(page, site_url, OVER_TIME)
    page.get_by_role("radio", name="Over time: one team at different dates").check()
    page.locator(".kmsat-cmp-paper [data-section='plans']").wait_for(state="attached")
    text = compare_pdf_text(page, tmp_path, "compare-time")
    assert "Pharmacy, St Elsewhere NHS Foundation Trust: progress over time" in text
    assert "15 September 2025; 14 September 2026" in text
    earlier = json.loads(OVER_TIME[0].read_text())
    plan = page.locator(".kmsat-cmp-paper [data-section='plans'] tbody tr")
    set_rows = [r for r in earlier["plan"] if r["action"] or r["status"]]
    assert 0 < len(set_rows) < len(earlier["plan"])
    assert plan.count() == len(set_rows)
    for row in set_rows:
        assert row["action"] in " ".join(plan.all_text_contents())


def test_without_javascript_the_page_says_so(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "compare.html")
    assert page.locator("#kmsat-compare-nojs").is_visible()
    context.close()


def test_the_page_starts_once_per_page(site_url, page):
    """Every document$ emission (instant navigation) runs init: it starts each page once."""
    open_compare(page, site_url, DIRECTORATES)
    page.evaluate("window.document$.next(document)")
    page.evaluate("window.document$.next(document)")
    assert page.locator("#kmsat-compare > section.kmsat-cmp-input").count() == 1
    assert page.locator(".kmsat-cmp-filetable tbody tr").count() == 3
    assert not page.locator("#kmsat-compare-nojs").is_visible()
    # Another page (here the assessment) gets no compare UI, and its app still starts.
    page.locator(".md-sidebar--primary a[href$='assessment.html']").first.click()
    page.locator("#kmsat-app[data-kmsat-started]").wait_for(state="attached")
    assert page.locator(".kmsat-cmp-input, #kmsat-share-banner").count() == 0


def test_share_link_pasted_into_an_open_assessment_page(browser, site_url):
    """Only the fragment changes: no page load, yet the offer appears.

    Material swaps the content in place on a fragment change; the page's data
    sits in an attribute (not a script Material would re-run), so nothing errs.
    """
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "compare.html")
    page.set_input_files("#kmsat-cmp-input", [str(DIRECTORATES[0])])
    page.get_by_role("button", name="Make a share link for medicine-2026-03-10.json").click()
    value = page.get_by_label("Link", exact=True).input_value().split("#share=")[1]
    page.goto(site_url + "assessment.html")
    page.evaluate("window.samePage = true")
    page.evaluate("v => { location.hash = 'share=' + v; }", value)
    banner = page.get_by_role("region", name="Import answers from this link?")
    expect(banner).to_contain_text("The link holds answers for Medicine, 2026-03-10.")
    assert page.evaluate("window.samePage") is True
    assert errors == []
    context.close()
