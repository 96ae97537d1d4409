"""Present mode: the facilitated session on a shared screen, in Chromium.

A whole element recorded by keys only (and what is saved, in storage and in
the normal view afterwards), clicker keys, the timer and hidden level names,
the no-scroll rule for every criterion of the national edition and of the
full example edition at 1280x720 and 1920x1080, axe in light and dark, full
screen refused, two tabs, and no present-mode weight until it is asked for.

Set KMSAT_SHOTS=/some/folder to keep screenshots of every slide to look at.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_questionnaire import (
    open_app,
    page_data,
    plan_titles,
    step,
    stored,
    tab_to,
)

pytestmark = pytest.mark.browser

SIZES = [(1280, 720), (1920, 1080)]
MIN_BODY_PX = 28  # readable from the back of a room, at 1280x720 and up
SHOTS = os.environ.get("KMSAT_SHOTS", "")


def dialog(page):
    return page.get_by_role("dialog", name="Present mode")


def present_live(page):
    return dialog(page).locator("[aria-live]")


def position(page):
    return dialog(page).locator(".kmsat-present__position")


def open_present(page):
    """Shift+Tab to the Present button (just before the step on screen) and press Enter."""
    tab_to(page, page.get_by_role("button", name="Present", exact=True), limit=120, back=True)
    page.keyboard.press("Enter")
    expect(dialog(page)).to_be_visible()
    expect(present_live(page)).to_contain_text("Present mode.")


def present_requests(requests: list[str]) -> list[str]:
    return [u for u in requests if re.search(r"/present\.(js|css)$", u)]


# ---------------------------------------------------------------- a whole element, keys only
# Expectations come from the page's own data (titles, labels, agenda), so they
# follow the national content as it changes.


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02}"


def label(data: dict, level: str) -> str:
    return next(
        o["label"] for o in data["scale"]["levels"] + data["scale"]["unscored"] if o["id"] == level
    )


def where(element: dict, n: int, overall: int, total: int) -> str:
    return f"{element['title']} · Criterion {n} of {len(element['criteria'])} · {overall} of {total} overall"


def test_a_whole_element_by_keys_only_is_saved_and_shown_in_the_normal_view(site_url, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_app(page, site_url + "assessment.html")
    data = page_data(page)
    first = data["elements"][0]
    c = first["criteria"]  # at least four
    total = sum(len(e["criteria"]) for e in data["elements"])
    tab_to(page, step(page, "1. " + first["title"]))
    page.keyboard.press("Enter")
    assert present_requests(requests) == [], "present mode loaded before it was asked for"
    open_present(page)
    assert len(present_requests(requests)) == 2, requests  # its script and its stylesheet, once

    expect(position(page)).to_have_text(where(first, 1, 1, total))
    expect(present_live(page)).to_contain_text(c[0]["title"])
    assert page.evaluate("document.activeElement.classList.contains('kmsat-present__slide')")

    page.keyboard.press("2")
    expect(present_live(page)).to_have_text(f"Rating: {label(data, 'emerging')}.")
    page.keyboard.press("h")
    expect(present_live(page)).to_have_text("Priority: High")
    emerging = dialog(page).get_by_role("radio", name=re.compile("^2 " + label(data, "emerging")))
    expect(emerging).to_be_checked()

    page.keyboard.press("PageDown")  # a clicker's "next"
    expect(position(page)).to_have_text(where(first, 2, 2, total))
    expect(present_live(page)).to_contain_text(c[1]["title"])
    page.keyboard.press("4")
    page.keyboard.press("PageUp")  # a clicker's "back", and forward again
    expect(emerging).to_be_checked()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")

    expect(position(page)).to_have_text(where(first, 3, 3, total))
    page.keyboard.press("d")
    expect(present_live(page)).to_have_text(f"Rating: {label(data, 'dont-know')}.")
    page.keyboard.press("e")  # the note box
    note = dialog(page).get_by_role("textbox", name=f"Note for: {c[2]['title']}")
    expect(note).to_be_focused()
    page.keyboard.type("Ask the PMO for last year's papers")
    page.keyboard.press("Escape")  # closes the box only
    expect(note).to_be_hidden()
    expect(dialog(page)).to_be_visible()
    page.keyboard.press("p")  # park it
    expect(present_live(page)).to_contain_text("Parked")
    page.keyboard.press("m")

    page.keyboard.press(" ")  # Space moves on too
    expect(position(page)).to_have_text(where(first, 4, 4, total))
    page.keyboard.press("n")
    page.keyboard.press("l")
    page.keyboard.press("l")  # the same priority again takes it back
    expect(present_live(page)).to_have_text("Priority cleared.")
    page.keyboard.press("h")
    for i in range(4, len(c)):  # any further criteria: Not yet
        page.keyboard.press("PageDown")
        expect(position(page)).to_have_text(where(first, i + 1, i + 1, total))
        page.keyboard.press("1")

    page.keyboard.press("PageDown")  # the element's summary slide
    expect(position(page)).to_have_text(f"{first['title']} · Summary")
    rows = dialog(page).locator("tbody tr")
    assert [r.split("\t") for r in rows.all_inner_texts()] == [
        [c[0]["title"], label(data, "emerging"), "Priority: High"],
        [c[1]["title"], label(data, "embedded"), ""],
        [
            c[2]["title"],
            label(data, "dont-know"),
            "Priority: Medium · Parked to find out · Has a note",
        ],
        [c[3]["title"], label(data, "not-applicable"), "Priority: High"],
    ] + [[x["title"], label(data, "not-yet"), ""] for x in c[4:]]
    page.keyboard.press("5")  # no criterion on this slide: nothing recorded, and it says so
    page.keyboard.press("d")
    expect(present_live(page)).to_contain_text("no criterion on this slide")

    # Saved at once, to the same session as the normal view.
    assert stored(page)["answers"] == {
        c[0]["id"]: {"level": "emerging", "priority": "high", "notes": ""},
        c[1]["id"]: {"level": "embedded", "priority": "", "notes": ""},
        c[2]["id"]: {
            "level": "dont-know",
            "priority": "medium",
            "notes": "Ask the PMO for last year's papers",
            "parked": True,
        },
        c[3]["id"]: {"level": "not-applicable", "priority": "high", "notes": ""},
        **{x["id"]: {"level": "not-yet", "priority": "", "notes": ""} for x in c[4:]},
    }

    page.keyboard.press("Escape")  # back to the normal view, at the element's last criterion
    expect(dialog(page)).to_have_count(0)
    expect(page.locator(".kmsat-heading")).to_have_text("1. " + first["title"])
    last = "not-applicable" if len(c) == 4 else "not-yet"
    expect(page.locator(f"#kmsat-c-{c[-1]['id']} input[value='{last}']")).to_be_focused()
    block = page.locator(f"#kmsat-c-{c[2]['id']}")
    expect(block.locator("input[value='dont-know']")).to_be_checked()
    expect(block.locator("input[value='medium']")).to_be_checked()
    expect(block.get_by_role("textbox")).to_have_value("Ask the PMO for last year's papers")
    expect(page.locator(f"#kmsat-c-{c[0]['id']} input[value='emerging']")).to_be_checked()

    # The parked question is something to find out, and a candidate plan row.
    step(page, "Results").click()
    find_out = page.locator(".kmsat-body h3", has_text="To find out").locator(
        "xpath=following-sibling::ul[1]"
    )
    expect(find_out).to_contain_text(f"{first['title']}: {c[2]['title']}")
    step(page, "Action plan").click()
    assert plan_titles(page) == [c[0]["title"], c[2]["title"]] + [x["title"] for x in c[4:]]
    expect(page.locator(".kmsat-body .kmsat-row").nth(1)).to_contain_text("Parked to find out")
    assert len(present_requests(requests)) == 2


# ---------------------------------------------------------------- timer, hidden names, Escape mid-way


def test_timer_follows_the_agenda_and_level_names_can_be_hidden(site_url, page):
    page.clock.install()
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, site_url + "assessment.html")
    data = page_data(page)
    first = data["elements"][0]
    minutes = sum(row["minutes"] for row in data["agenda"] if row["element"] == first["id"])
    budget = round(minutes * 60 / len(first["criteria"]))  # the element's minutes, shared
    open_present(page)
    timer = dialog(page).get_by_role("timer")
    expect(timer).to_be_hidden()  # optional, and off until asked for
    dialog(page).get_by_role("button", name="Timer").press("Enter")
    expect(dialog(page).get_by_role("button", name="Timer")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.clock.fast_forward((budget - 10) * 1000)
    expect(timer).to_have_text(f"{clock(budget - 10)} of {clock(budget)}")
    expect(timer).not_to_have_class(re.compile("over"))
    page.clock.fast_forward(20 * 1000)
    expect(timer).to_have_text(f"{clock(budget + 10)} of {clock(budget)}, over by 0:10")
    expect(timer).to_have_class(re.compile("kmsat-present__timer--over"))
    page.keyboard.press("PageDown")
    expect(timer).to_have_text(f"0:00 of {clock(budget)}")  # each criterion has its own time
    page.keyboard.press("PageUp")
    expect(timer).to_contain_text(", over by 0:1")  # and keeps it

    names = [lv["label"] for lv in data["scale"]["levels"]]
    expect(dialog(page).locator(".kmsat-present__level").first).to_contain_text(names[0])
    dialog(page).get_by_role("button", name="Hide level names").press("Enter")
    for name in names:
        expect(dialog(page).locator(".kmsat-present__levels")).not_to_contain_text(name)
    descriptor = first["criteria"][0]["levels"]["not-yet"]
    expect(dialog(page).get_by_role("radio", name="1 " + descriptor)).to_have_count(1)
    page.keyboard.press("3")
    expect(present_live(page)).to_have_text(
        f"Rating: {names[2]}."
    )  # what was recorded is still said

    page.keyboard.press("PageDown")  # Escape from a criterion: the normal view at that criterion
    page.locator("body").press("Escape")
    expect(dialog(page)).to_have_count(0)
    expect(page.locator(f"#kmsat-c-{first['criteria'][1]['id']} input").first).to_be_focused()


# ---------------------------------------------------------------- no scrolling, at both sizes, every criterion

MEASURE = """() => {
  const d = document.querySelector('.kmsat-present');
  const s = d.querySelector('.kmsat-present__slide');
  const boxes = [d, s, ...s.querySelectorAll('.kmsat-present__choice')];
  const over = boxes.filter((b) => b.scrollHeight > b.clientHeight || b.scrollWidth > b.clientWidth)
    .map((b) => b.className + ' ' + b.scrollWidth + 'x' + b.scrollHeight + ' in ' + b.clientWidth + 'x' + b.clientHeight);
  const px = (sel) => Array.from(s.querySelectorAll(sel), (e) => parseFloat(getComputedStyle(e).fontSize));
  const r = d.getBoundingClientRect();
  return {
    kind: s.dataset.kind, over, title: (s.querySelector('h2') || {}).textContent,
    body: px('.kmsat-present__statement, .kmsat-present__look, .kmsat-present__choice-text'),
    box: [r.left, r.top, r.width, r.height], page: [innerWidth, innerHeight],
    doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
  };
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("edition", ["national", "full"])
def test_every_criterion_fits_without_scrolling(new_page, site_url, edition_url, edition, size):
    width, height = size
    page = new_page(viewport={"width": width, "height": height})
    open_app(page, (site_url if edition == "national" else edition_url) + "assessment.html")
    criteria = [c["title"] for e in page_data(page)["elements"] for c in e["criteria"]]
    open_present(page)
    seen, kinds = [], []
    while True:
        m = page.evaluate(MEASURE)
        where = f"{edition} {width}x{height} slide {len(kinds) + 1} ({m['title']})"
        assert m["over"] == [], where
        assert m["box"] == [0, 0, width, height], where
        if m["kind"] == "criterion":
            seen.append(m["title"])
            assert len(m["body"]) >= 5 and min(m["body"]) >= MIN_BODY_PX, (where, m["body"])
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SHOTS}/{edition}-{width}x{height}-{len(kinds) + 1:02}.png")
        kinds.append(m["kind"])
        if m["kind"] == "results":
            break
        page.keyboard.press("PageDown")
        expect(position(page)).not_to_have_text(re.compile("^$"))
        page.wait_for_function(
            "(n) => document.querySelector('.kmsat-present__slide h2').textContent !== n",
            arg=m["title"],
        )
    assert seen == criteria  # every criterion, in order, once
    assert kinds.count("summary") == len(page_data(page)["elements"])


# ---------------------------------------------------------------- accessibility


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_present_mode_passes_axe(site_url, page, axe, scheme):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, site_url + "assessment.html")
    open_present(page)
    for key in ["2", "h", "p"]:
        page.keyboard.press(key)
    assert_accessible(axe, page, f"criterion ({scheme})")
    dialog(page).get_by_role("button", name="Timer").click()
    dialog(page).get_by_role("button", name="Hide level names").click()
    page.keyboard.press("e")
    assert_accessible(axe, page, f"note box, timer, names hidden ({scheme})")
    page.keyboard.press("Escape")
    data = page_data(page)
    first, n = data["elements"][0], len(data["elements"][0]["criteria"])
    for _ in range(n):
        page.keyboard.press("PageDown")
    expect(position(page)).to_have_text(f"{first['title']} · Summary")
    assert_accessible(axe, page, f"summary ({scheme})")
    page.keyboard.press("Shift+Space")
    expect(position(page)).to_contain_text(f"Criterion {n} of {n}")
    rest = sum(len(e["criteria"]) + 1 for e in data["elements"][1:]) + 2  # to the results slide
    for _ in range(rest):
        page.keyboard.press("PageDown")
    expect(position(page)).to_have_text("End of the assessment")
    expect(dialog(page)).to_contain_text("Criteria to focus on")
    expect(dialog(page)).to_contain_text(f"{first['title']}: {first['criteria'][0]['title']}")
    assert_accessible(axe, page, f"results ({scheme})")


# ---------------------------------------------------------------- full screen, two tabs

REFUSE_FULLSCREEN = """
Element.prototype.requestFullscreen = function () {
  return Promise.reject(new TypeError('Permissions check failed'));
};
"""


def test_full_screen_refused_falls_back_to_the_whole_window(new_page, site_url):
    page = new_page(REFUSE_FULLSCREEN, viewport={"width": 1280, "height": 720})
    open_app(page, site_url + "assessment.html")
    open_present(page)
    assert page.evaluate("document.fullscreenElement") is None
    box = dialog(page).bounding_box()
    assert [box["x"], box["y"], box["width"], box["height"]] == [0, 0, 1280, 720]
    # The page behind is inert: a click on it does nothing, keys stay with the slides.
    page.keyboard.press("2")
    expect(present_live(page)).to_have_text("Rating: Emerging.")
    page.keyboard.press("Escape")
    expect(dialog(page)).to_have_count(0)


def test_full_screen_when_allowed_and_leaving_it_leaves_present_mode(site_url, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, site_url + "assessment.html")
    open_present(page)
    page.wait_for_function("() => document.fullscreenElement === document.documentElement")
    page.evaluate("document.exitFullscreen()")  # what the browser does with its own Escape
    expect(dialog(page)).to_have_count(0)
    first = page_data(page)["elements"][0]["criteria"][0]["id"]
    expect(page.locator(f"#kmsat-c-{first} input").first).to_be_focused()


def test_two_tabs_present_mode_never_overwrites_the_other_tab(new_page, site_url):
    a = new_page(viewport={"width": 1280, "height": 720})
    b = new_page(context=a.context)
    open_app(a, site_url + "assessment.html")
    open_present(a)
    first = page_data(a)["elements"][0]["criteria"][0]["id"]
    a.keyboard.press("1")
    assert stored(a)["answers"][first]["level"] == "not-yet"
    open_app(b, site_url + "assessment.html")
    b.get_by_role("textbox", name="Organisation").fill("From tab B")
    a.keyboard.press("3")
    alert = dialog(a).get_by_role("alert")
    expect(alert).to_contain_text("changed in another tab or window")
    assert stored(a)["details"]["organisation"] == "From tab B"
    assert stored(a)["answers"][first]["level"] == "not-yet"
    a.keyboard.press("Escape")
    expect(
        a.get_by_role("alert").filter(has_text="changed in another tab or window")
    ).to_be_visible()


def test_present_mode_that_cannot_load_says_so_and_the_page_carries_on(new_page, site_url):
    page = new_page(viewport={"width": 1280, "height": 720})
    page.watch.ignore = "Failed to load resource"  # the refused bundle, on purpose
    page.route(re.compile(r".*/present\.js$"), lambda route: route.abort())
    open_app(page, site_url + "assessment.html")
    page.get_by_role("button", name="Present", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Present mode could not start")
    expect(dialog(page)).to_have_count(0)
    page.get_by_role("textbox", name="Organisation").fill("Still saved")
    assert stored(page)["details"]["organisation"] == "Still saved"


def test_present_mode_from_disk(new_page, national_site):
    """From file:// too: the bundle loads by a classic script element, as the page's own."""
    page = new_page(viewport={"width": 1280, "height": 720})
    open_app(page, (national_site / "assessment.html").as_uri())
    open_present(page)
    page.keyboard.press("3")
    expect(present_live(page)).to_have_text("Rating: Developing.")
    page.keyboard.press("Escape")
    first = page_data(page)["elements"][0]["criteria"][0]["id"]
    expect(page.locator(f"#kmsat-c-{first} input[value='developing']")).to_be_checked()
