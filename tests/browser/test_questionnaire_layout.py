"""The questionnaire for everyone: axe on every step in both schemes, a phone, a pointer, a failed start."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_questionnaire import (
    live,
    load_example,
    open_app,
    plan_titles,
    step,
)

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- accessibility and layout


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_step_passes_axe(site_url, page, axe, scheme):
    page.emulate_media(color_scheme=scheme)
    open_app(page, site_url + "assessment.html")
    assert_accessible(axe, page, f"details, empty ({scheme})")
    load_example(page)
    for name in [
        "About this session",
        "Board checklist",
        "2. Behaviours",
        "Results",
        "Action plan",
        "Save and share",
    ]:
        step(page, name).click()
        assert_accessible(axe, page, f"{name} ({scheme})")


def test_phone_width_never_scrolls_sideways(new_page, site_url):
    page = new_page(viewport={"width": 320, "height": 640})
    open_app(page, site_url + "assessment.html")
    load_example(page)
    names = page.get_by_role("navigation", name="Steps of the self-assessment").get_by_role(
        "button"
    )
    for i in range(names.count()):
        names.nth(i).click()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (names.nth(i).inner_text(), width)


def test_reorder_by_dragging(site_url, page):
    open_app(page, site_url + "assessment.html")
    load_example(page)
    step(page, "Action plan").click()
    before = plan_titles(page)
    rows = page.locator(".kmsat-body .kmsat-row")
    handle = rows.nth(1).locator(".kmsat-drag")
    handle.scroll_into_view_if_needed()
    start, target = handle.bounding_box(), rows.nth(0).bounding_box()
    page.mouse.move(start["x"] + 5, start["y"] + 5)
    page.mouse.down()
    page.mouse.move(target["x"] + 40, target["y"] + target["height"] - 20, steps=5)  # row 1's foot
    page.mouse.up()
    assert plan_titles(page) == [before[1], before[0]] + before[2:]
    expect(live(page)).to_have_text(f"{before[1]} is now row 1 of {len(before)}.")


def test_startup_failure_leaves_the_paper_form(site_url, page):
    # Data of the right format and version that the app still cannot use (no
    # elements); data it cannot read at all is tests/browser/test_contract.py's.
    def broken(route):
        body = (
            route.fetch()
            .text()
            .replace("&quot;elements&quot;:[", "&quot;elements&quot;:null,&quot;x&quot;:[", 1)
        )
        route.fulfill(body=body, content_type="text/html")

    page.route("**/assessment.html", broken)
    page.goto(site_url + "assessment.html")
    expect(page.get_by_role("alert")).to_contain_text("The questionnaire could not start")
    assert page.locator("#kmsat-paper").is_visible()
