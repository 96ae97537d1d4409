"""What the assessment page's first visit carries, and what comes only when needed.

The Board paper (print, Markdown, under the Word document) and share links are
bundles of their own (manifest.txt: `assessment-reports`, `share`). A first visit loads
neither; answers bring the paper, so printing is ready before anyone asks; a
print or export button fetches what it needs; and a part that cannot be loaded
is said on the page, with nothing lost.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.test_pages import loaded_bundles
from tests.browser.test_questionnaire import open_app, step, stored

LOAD_FAILED = "Part of this page could not be loaded"


def printed_text(page) -> str:
    """What print shows: the text of the visible elements under print media."""
    page.emulate_media(media="print")
    try:
        return page.evaluate("document.querySelector('.md-content').innerText")
    finally:
        page.emulate_media(media="screen")


def test_a_first_visit_loads_neither_paper_nor_share_and_prints_the_blank_form(site_url, page):
    open_app(page, site_url + "assessment.html")
    page.wait_for_load_state("networkidle")
    bundles = loaded_bundles(page)
    assert "assessment.js" in bundles
    assert not {"assessment-reports.js", "assessment-reports.css", "share.js"} & set(bundles), (
        bundles
    )
    # Nothing answered: print gives the paper form, headed by the page's title, not an empty report.
    text = printed_text(page)
    assert "Leadership" in text and "Self-assessment" in text
    assert page.locator(".kmsat-report").inner_text() == ""


def test_answers_bring_the_board_paper_and_print_shows_the_report(site_url, page):
    open_app(page, site_url + "assessment.html")
    page.get_by_role("textbox", name="Organisation").fill("Northshire NHS Trust")
    expect(page.locator(".kmsat-report .kmsat-board-paper")).to_have_count(1)
    assert "assessment-reports.js" in loaded_bundles(
        page
    ) and "assessment-reports.css" in loaded_bundles(page)
    assert "Northshire NHS Trust" in printed_text(page)
    # Saved answers on a later visit: the paper comes at the start, ready for Ctrl+P.
    page.reload()
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    expect(page.locator(".kmsat-report .kmsat-board-paper")).to_have_count(1)


def test_a_first_csv_brings_the_reports_and_downloads(site_url, page):
    open_app(page, site_url + "assessment.html")
    step(page, "Save and share").click()
    with page.expect_download() as csv:
        page.get_by_role("button", name="Download spreadsheet (.csv)").click()
    assert csv.value.suggested_filename.endswith(".csv")
    assert "assessment-reports.js" in loaded_bundles(page)


def test_the_share_step_loads_the_share_panel_and_a_link_brings_its_code(site_url, page):
    open_app(page, site_url + "assessment.html")
    step(page, "Save and share").click()
    expect(page.get_by_role("heading", name="Send your answers as a link")).to_be_visible()
    assert "share.js" in loaded_bundles(page)


BLOCKED = "Failed to load resource: net::ERR_FAILED"


def block(page, bundle: str) -> list[str]:
    """Make one on-demand bundle's files fail to load (a dropped connection, a half-copied folder).

    Returns the list of refused requests' addresses, filled as they come."""
    refused: list[str] = []

    def refuse(route):
        refused.append(route.request.url)
        route.abort()

    page.route(re.compile(rf"/assets/kmsat/{re.escape(bundle)}\.js$"), refuse)
    return refused


def only_blocked_loads_logged(page):
    """The browser logs each refused request itself: that, and nothing of ours, is in the console."""
    assert BLOCKED in page.watch.console_errors
    page.watch.console_errors = [e for e in page.watch.console_errors if e != BLOCKED]


def test_a_paper_that_cannot_load_is_said_and_nothing_is_lost(site_url, page):
    refused = block(page, "assessment-reports")
    open_app(page, site_url + "assessment.html")
    organisation = page.get_by_role("textbox", name="Organisation")
    organisation.click()
    page.keyboard.type("Northshire")  # the first answer asks for the paper, which fails: said once
    notice = page.locator(".kmsat-notice[data-notice='load']")
    expect(notice).to_contain_text(LOAD_FAILED)
    assert stored(page)["details"]["organisation"] == "Northshire"
    assert len(refused) == 1  # not tried again on every keystroke
    # A button that needs the paper tries again, and says so again; nothing else is said or lost.
    page.evaluate("document.querySelector('.kmsat-notice[data-notice=load]').remove()")
    step(page, "Save and share").click()
    page.get_by_role("button", name="Download report (.md)").click()
    expect(notice).to_contain_text(LOAD_FAILED)
    assert len(refused) == 2
    expect(page.locator(".kmsat-notice[data-notice='export']")).to_have_count(0)
    assert stored(page)["details"]["organisation"] == "Northshire"
    # The answers file is the way out, and needs nothing more to load.
    with page.expect_download() as saved:
        page.get_by_role("button", name=re.compile(r"^Download answers \(\.json")).click()
    assert (
        json.loads(Path(saved.value.path()).read_text())["details"]["organisation"] == "Northshire"
    )
    only_blocked_loads_logged(page)


def test_a_share_link_whose_code_cannot_load_is_said_and_kept(site_url, page):
    block(page, "share")
    open_app(page, site_url + "assessment.html#share=1.abc.def")
    banner = page.locator("#kmsat-share-banner")
    expect(banner).to_contain_text(LOAD_FAILED)
    expect(banner).to_have_attribute("role", "alert")
    banner.get_by_role("button", name="Dismiss").click()
    assert page.url.endswith("#share=1.abc.def")  # the link stays, to try again
    only_blocked_loads_logged(page)
