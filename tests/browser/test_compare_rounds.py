"""Whose answers: individual answers in rounds, the agreed answers, moving a file, share links.

The fixtures are tests/js/fixtures/exports/round/ (made by make_exports.py).
Ratings per element (Leadership, Behaviours, Capabilities, Opportunities;
criteria in framework order):

  Ann Patel  2026-04-01  "Finance Team"    1111 2222 1111 2222
  Bob Jones  2026-04-22  " finance  TEAM"  3311 2222 3311 2222
  Cat Lee    2026-05-13  "Finance Team"    4411 2223 4411 2222
  Dev Singh  2026-05-06  "Finance Dept"    2222 2222 2222 2222
  agreed     2026-05-20  "Finance Team"    3321 2222 3321 2222

Worked by hand: Ann, Bob and Cat are one round (six weeks from first to last,
Bob's team typed another way). The first criterion of Leadership: 1, 3, 4:
median 3, range 3; "Leaders model open learning" (the fourth of Behaviours):
2, 2, 3: median 2, range 1. Element means of the medians: Leadership (3 + 3 +
1 + 1) / 4 = 2, Behaviours 2, Capabilities 2, Opportunities 2. The agreed
answers: Leadership (3 + 3 + 2 + 1) / 4 = 2.25 (shown as 2.3), Behaviours 2,
Capabilities 2.25, Opportunities 2. With Dev moved in, the first criterion is
1, 3, 4, 2: one of each level, median 2.5, range 3.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_compare import (
    COMPARE_KEY,
    EXPORTS,
    OVER_TIME,
    axe_check,
    open_compare,
    storage,
    table_rows,
    titles,
)

pytestmark = pytest.mark.browser

ROUND = EXPORTS / "round"
ANN, BOB, CAT, DEV, AGREED = (
    ROUND / f"finance-{n}.json" for n in ("ann", "bob", "cat", "dev", "agreed")
)
PHONE = {"width": 375, "height": 800}


def options(page):
    return page.locator("#kmsat-cmp-team option").all_inner_texts()


def rater_labels(page):
    return page.locator(".kmsat-cmp-raters label").all_inner_texts()


def axe_both(axe, page, label):
    """axe at 1280 px and at 375 px (phone), back to 1280 after."""
    axe_check(axe, page, label + " (1280 px)")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, label + ": sideways"
    axe_check(axe, page, label + " (375 px)")
    page.set_viewport_size({"width": 1280, "height": 900})


def open_files_list(page):
    summary = page.locator(".kmsat-cmp-files summary")
    if page.locator(".kmsat-cmp-files details").get_attribute("open") is None:
        summary.click()


def test_a_rater_round_weeks_apart_with_a_mistyped_team_is_one_consensus(site_url, page, axe):
    open_compare(page, site_url, [ANN, BOB, CAT])
    assert page.get_by_role(
        "radio", name="Consensus: several people's answers for one team"
    ).is_checked()
    assert options(page) == ["Finance Team (files: 3)"]
    # By the names they gave, with their own dates: one round, not three points in time.
    assert rater_labels(page) == [
        "Ann Patel (2026-04-01)",
        "Bob Jones (2026-04-22)",
        "Cat Lee (2026-05-13)",
    ]
    name = titles(page)
    rows = table_rows(page, ".kmsat-cmp-spread")
    # Not yet, Emerging, Developing, Embedded, Don't know, N/A, not answered, median, range
    assert rows[0] == [
        name["accountable-executive"] + " Leadership",
        "1",
        "0",
        "1",
        "1",
        "0",
        "0",
        "0",
        "3",
        "3",
    ]
    open_learning = next(r for r in rows if r[0].startswith("Leaders model open learning"))
    assert open_learning[1:] == ["0", "2", "1", "0", "0", "0", "0", "2", "1"]
    whose = page.locator(".kmsat-cmp-filetable tbody tr td:nth-child(4)").all_inner_texts()
    assert whose == ["Ann Patel's own", "Bob Jones's own", "Cat Lee's own"]
    axe_both(axe, page, "compare: a rater round")

    # Individual answers are never progress over time: one round.
    page.get_by_role("radio", name="Over time: one team at different dates").check()
    expect(page.locator(".kmsat-cmp-empty")).to_have_text(
        "This team has one round of answers only. Add its assessment from another round, for example a year later."
    )
    # Side by side: the median of the round, said to be not agreed yet.
    page.get_by_role("radio", name="Side by side: teams or directorates").check()
    assert [r[:2] for r in table_rows(page, ".kmsat-cmp-matrix")] == [
        ["Leadership", "2"],
        ["Behaviours", "2"],
        ["Capabilities and working practices", "2"],
        ["Opportunities", "2"],
    ]
    expect(page.locator(".kmsat-cmp-notes")).to_have_text(
        "Finance Team: not agreed yet; the median of 3 people's own answers, up to 2026-05-13."
    )

    # The consensus saved is marked as agreed, with the raters' names, and has its own file name.
    page.get_by_role("radio", name="Consensus: several people's answers for one team").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as a session file (.json)").click()
    assert re.fullmatch(
        r"kmsat-st-elsewhere-nhs-foundation-trust-finance-team-\d{4}-\d{2}-\d{2}-agreed\.json",
        info.value.suggested_filename,
    )
    agreed = json.loads(Path(info.value.path()).read_text())
    assert agreed["details"]["role"] == "agreed"
    assert agreed["details"]["participants"] == "Ann Patel; Bob Jones; Cat Lee"
    assert agreed["answers"]["learning-before"]["level"] == "emerging"  # all three: Emerging


def test_the_agreed_answers_are_used_over_the_raters_and_said_so(site_url, page, axe):
    open_compare(page, site_url, [ANN, BOB, CAT, AGREED])
    # The raters are still there to discuss; the agreed file is named, not mixed in.
    assert rater_labels(page) == [
        "Ann Patel (2026-04-01)",
        "Bob Jones (2026-04-22)",
        "Cat Lee (2026-05-13)",
    ]
    expect(page.locator(".kmsat-cmp-note-agreed")).to_contain_text(
        "The group's agreed answers for this round are loaded too (finance-agreed.json)"
    )
    assert page.locator(".kmsat-cmp-filetable tbody tr").last.locator("td").nth(2).inner_text() == (
        "Agreed by the group"
    )
    axe_both(axe, page, "compare: raters with the agreed answers")

    page.get_by_role("radio", name="Side by side: teams or directorates").check()
    head = page.locator(".kmsat-cmp-matrix thead th").nth(1).inner_text()
    assert head.split("\n") == ["Finance Team", "2026-05-20"]
    assert [r[:2] for r in table_rows(page, ".kmsat-cmp-matrix")] == [
        ["Leadership", "2.3"],
        ["Behaviours", "2"],
        ["Capabilities and working practices", "2.3"],
        ["Opportunities", "2"],
    ]
    expect(page.locator(".kmsat-cmp-notes")).to_have_text(
        "Finance Team: the group's agreed answers of 2026-05-20 are shown; "
        "the 3 people's own answers of that round are left out."
    )
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the comparison (.csv)").click()
    text = Path(info.value.path()).read_bytes().decode("utf-8")
    assert text.startswith(
        '\ufeff"Element","Id","Item","Finance Team (2026-05-20)","Median","Lowest"\r\n'
    )
    assert '"Leadership","leadership","Leadership","2.25","2.25","2.25"\r\n' in text
    axe_both(axe, page, "compare: side by side with agreed answers")


def test_a_file_moves_into_another_teams_group(site_url, page, axe):
    open_compare(page, site_url, [ANN, BOB, CAT, DEV])
    page.get_by_role("radio", name="Consensus: several people's answers for one team").check()
    page.locator(".kmsat-cmp-raters").wait_for()  # the view's code comes when first shown
    assert options(page) == ["Finance Team (files: 3)", "Finance Dept (files: 1)"]
    open_files_list(page)
    page.get_by_role("button", name="Move finance-dev.json to another team").click()
    heading = page.get_by_role("heading", name="Move finance-dev.json to another team")
    expect(heading).to_be_focused()
    select = page.get_by_label("Put it with")
    assert select.locator("option").all_inner_texts() == [
        "Finance Team",
        "Finance Dept (as the file names it)",
    ]
    axe_both(axe, page, "compare: moving a file")
    select.select_option(label="Finance Team")
    page.get_by_role("button", name="Move", exact=True).click()
    expect(page.locator("[aria-live=polite]")).to_have_text(
        "finance-dev.json is now with Finance Team."
    )
    expect(page.get_by_role("button", name="Move finance-dev.json to another team")).to_be_focused()
    assert options(page) == ["Finance Team (files: 4)"]
    assert rater_labels(page) == [
        "Ann Patel (2026-04-01)",
        "Bob Jones (2026-04-22)",
        "Dev Singh (2026-05-06)",
        "Cat Lee (2026-05-13)",
    ]
    assert table_rows(page, ".kmsat-cmp-spread")[0][1:] == [
        "1", "1", "1", "1", "0", "0", "0", "2.5", "3",
    ]  # fmt: skip
    dev_row = page.locator(".kmsat-cmp-filetable tbody tr").nth(3)
    assert dev_row.locator("th").inner_text().split("\n") == [
        "Finance Dept",
        "moved to Finance Team",
    ]

    # Kept: after a reload the file is still in its new group; it can go back.
    page.reload()
    page.locator(".kmsat-cmp-spread").wait_for()
    assert options(page) == ["Finance Team (files: 4)"]
    open_files_list(page)
    page.get_by_role("button", name="Move finance-dev.json to another team").click()
    page.get_by_label("Put it with").select_option(label="Finance Dept (as the file names it)")
    page.get_by_role("button", name="Move", exact=True).click()
    assert options(page) == ["Finance Team (files: 3)", "Finance Dept (files: 1)"]
    kept = json.loads(storage(page, COMPARE_KEY))
    assert all("group" not in f for f in kept["files"])


def make_own_link(page, site_url):
    """Fill in "About this session" as one person and make a link on the assessment page."""
    page.goto(site_url + "assessment.html")
    page.locator("#kmsat-app[data-kmsat-started]").wait_for(state="attached")
    page.get_by_role("button", name="About this session").click()
    page.get_by_role("radio", name="My own answers, before the group meets").check()
    page.get_by_role("textbox", name="Your name").fill("Eve Rater")
    page.get_by_role("textbox", name="Organisation").fill("St Elsewhere NHS Foundation Trust")
    page.get_by_role("textbox", name="Board, team or directorate").fill("FINANCE team")
    page.get_by_role("textbox", name="Date of the session").fill("2026-05-02")
    page.get_by_role("button", name="Save and share").first.click()
    return page.get_by_label("Link", exact=True).input_value()


def test_a_share_link_made_on_the_assessment_page_joins_the_round_once(site_url, page, axe):
    link = make_own_link(page, site_url)
    assert link.startswith(site_url + "assessment.html#share=1.")
    expect(page.get_by_role("heading", name="Send your answers as a link")).to_be_visible()
    axe_both(axe, page, "assessment: send your answers as a link")

    open_compare(page, site_url, [ANN, BOB])
    page.get_by_label("Add answers from a share link").fill(link)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("[aria-live=polite]")).to_contain_text(
        "Files added: 1. Files in the comparison: 3."
    )
    # Its team typed in capitals joins the round; the person is named as they gave it.
    assert options(page) == ["Finance Team (files: 3)"]
    assert "Eve Rater (" in " ".join(rater_labels(page))
    # The same link again: the same answers, noticed.
    page.get_by_label("Add answers from a share link").fill(link)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".kmsat-cmp-refused")).to_contain_text(
        "These answers are already in the comparison (the same file or link was added before)."
    )
    assert len(json.loads(storage(page, COMPARE_KEY))["files"]) == 3
    axe_both(axe, page, "compare: a link pasted twice")


def test_a_refused_link_is_an_error_at_both_widths(site_url, page, axe):
    page.goto(site_url + "assessment.html#share=1.abc.00000000")
    error = page.get_by_role("alert").filter(has_text="This share link cannot be used")
    expect(error).to_contain_text("This link is damaged or cut short")
    assert page.get_by_role("region", name="Import answers from this link?").count() == 0
    axe_both(axe, page, "assessment: a refused share link")


# Never lose: a note typed, two tabs, and kept files this version cannot read.


def test_a_consensus_note_is_kept_as_it_is_typed(site_url, page):
    open_compare(page, site_url, [ANN, BOB, CAT])
    name = titles(page)
    note = page.get_by_role(
        "group", name="Agreed level: " + name["accountable-executive"]
    ).get_by_label("Note on the agreed level")
    note.click()
    page.keyboard.type("Agreed: Developing")
    # Kept without leaving the field (no change event): a pause in typing saves it.
    page.wait_for_function(
        "k => (localStorage.getItem(k) || '').includes('Agreed: Developing')", arg=COMPARE_KEY
    )
    page.keyboard.type(", once the CEO confirms")
    page.reload()  # at once, mid-pause: leaving the page saves what was typed
    page.locator(".kmsat-cmp-spread").wait_for()
    note = page.get_by_role(
        "group", name="Agreed level: " + name["accountable-executive"]
    ).get_by_label("Note on the agreed level")
    assert note.input_value() == "Agreed: Developing, once the CEO confirms"


def test_two_tabs_never_save_over_each_others_files(site_url, page, context, axe):
    open_compare(page, site_url, [ANN, BOB])
    other = context.new_page()
    other.goto(site_url + "compare.html")
    other.locator(".kmsat-cmp-view").wait_for()
    # This tab adds a file; the other tab is told at once and saves nothing over it.
    page.set_input_files("#kmsat-cmp-input", [str(CAT)])
    expect(page.locator("[aria-live=polite]")).to_contain_text("Files in the comparison: 3.")
    page.wait_for_function(
        "k => JSON.parse(localStorage.getItem(k)).files.length === 3", arg=COMPARE_KEY
    )
    notice = other.get_by_role("alert").filter(has_text="changed in another tab or window")
    expect(notice).to_be_visible()
    open_files_list(other)
    other.get_by_role("button", name="Remove finance-ann.json").click()
    assert len(json.loads(storage(page, COMPARE_KEY))["files"]) == 3  # not overwritten
    axe_both(axe, other, "compare: another tab's files")
    other.get_by_role("button", name="Use the other tab's files").click()
    expect(other.locator("[aria-live=polite]")).to_have_text("The other tab's files are shown.")
    assert options(other) == ["Finance Team (files: 3)"]
    assert len(json.loads(storage(page, COMPARE_KEY))["files"]) == 3

    # Now the other tab removes a file (it has seen the latest): saved. This tab is told, keeps its own.
    other.get_by_role("button", name="Remove finance-ann.json").click()
    page.wait_for_function(
        "k => JSON.parse(localStorage.getItem(k)).files.length === 2", arg=COMPARE_KEY
    )
    page.get_by_role("alert").filter(has_text="changed in another tab or window").wait_for()
    page.get_by_role("button", name="Keep this tab's files").click()
    assert len(json.loads(storage(page, COMPARE_KEY))["files"]) == 3
    other.close()


@pytest.mark.parametrize(
    "kept, words",
    [
        (
            json.dumps({"format": "kmsat-compare", "version": 2, "files": [], "rounds": {"x": 1}}),
            "saved by a newer version of this tool",
        ),
        ('{"format": "kmsat-compare", "version": 1, "files": [', "the stored data is damaged"),
    ],
)
def test_kept_files_this_page_cannot_read_stay_until_the_user_chooses(
    site_url, page, axe, kept, words
):
    page.goto(site_url + "compare.html")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [COMPARE_KEY, kept])
    page.reload()
    notice = page.get_by_role("alert").filter(has_text=words)
    expect(notice).to_be_visible()
    page.set_input_files("#kmsat-cmp-input", [str(ANN)])
    page.locator(".kmsat-cmp-view").wait_for()
    page.wait_for_timeout(300)
    assert storage(page, COMPARE_KEY) == kept  # nothing saved over it
    axe_both(axe, page, "compare: kept files unreadable")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download what is kept (.json)").click()
    assert Path(info.value.path()).read_text() == kept
    page.get_by_role("button", name="Start afresh and remove what is kept").click()
    page.get_by_role("button", name="Yes, continue").click()
    expect(page.locator("[aria-live=polite]")).to_have_text(
        "What was kept was removed. Files you add are kept again."
    )
    assert [f["name"] for f in json.loads(storage(page, COMPARE_KEY))["files"]] == [
        "finance-ann.json"
    ]


# Layout: nothing cut, nothing pushing the page sideways.

CAPTIONS_INSIDE = """() => [...document.querySelectorAll('.kmsat-cmp-scroll')].map((box) => {
  const range = document.createRange();
  range.selectNodeContents(box.querySelector('caption'));
  return Math.round(range.getBoundingClientRect().right - box.getBoundingClientRect().right);
})"""


def test_the_spread_table_and_every_caption_fit(site_url, page):
    open_compare(page, site_url, [ANN, BOB, CAT])
    spread = page.locator(".kmsat-cmp-spread")
    # Range, the last column, is on screen at 1280 px without scrolling the table.
    assert spread.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")
    assert spread.locator("thead th").last.inner_text() == "Range"
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert all(overhang <= 0 for overhang in page.evaluate(CAPTIONS_INSIDE)), width
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_over_time_at_375_px_does_not_scroll_the_page_sideways(site_url, page, tmp_path):
    # Two dates of one team, the later with criteria answered Don't know: "Not scored" changes.
    first, later = (json.loads(p.read_text()) for p in OVER_TIME)
    for criterion in list(later["answers"])[:6]:
        later["answers"][criterion]["level"] = "dont-know"
    paths = []
    for name, content in (("first.json", first), ("later.json", later)):
        paths.append(tmp_path / name)
        paths[-1].write_text(json.dumps(content))
    page.set_viewport_size(PHONE)
    open_compare(page, site_url, paths)
    assert page.get_by_role("radio", name="Over time: one team at different dates").is_checked()
    assert page.locator(".kmsat-cmp-time .kmsat-cmp-none .kmsat-sr").count() >= 6
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert all(overhang <= 0 for overhang in page.evaluate(CAPTIONS_INSIDE))
