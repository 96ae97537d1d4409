"""The assessment page for a group in a room (issue 11 sections 3 and 4, issue 12's plan length).

Long texts and newer editions' answers are never lost; framing and file://
are said; a phone shows questions on the first screen; the plan is quick by
keyboard and helps the group agree a few actions; no page has an invisible
focus stop, and blocked storage leaves every page's console clean.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_questionnaire import live, load_example, open_app, plan_titles, step
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

KEY = "kmsat:national:session"
STRINGS = yaml.safe_load((ROOT / "framework" / "strings.yml").read_text(encoding="utf-8"))[
    "strings"
]
MAX = 5000
PHONE = {"width": 375, "height": 667}
STORAGE_OFF = """(() => {
  for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
    Storage.prototype[name] = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  }
})();"""


def saved_session(**parts) -> str:
    base = {"format": "kmsat-session", "version": 1, "edition": {"id": "national"}, "id": "s1"}
    return json.dumps(base | parts)


def seed(context, value: str) -> None:
    """Put `value` in this origin's storage before any page of the context loads."""
    script = "if (location.protocol === 'http:' && !sessionStorage.getItem('seeded')) {"
    script += f" localStorage.setItem({json.dumps(KEY)}, {json.dumps(value)});"
    script += " sessionStorage.setItem('seeded', '1'); }"
    context.add_init_script(script)


def stored(page) -> dict:
    return page.evaluate("(key) => JSON.parse(localStorage.getItem(key))", KEY)


# ---------------------------------------------------------------- long notes, newer answers


def test_every_text_box_takes_5000_characters_with_a_count_said_politely(site_url, page):
    open_app(page, site_url + "assessment.html")
    load_example(page)
    for name in ["About this session", "Board checklist", "1. Leadership", "Action plan"]:
        step(page, name).click()
        boxes = page.locator(".kmsat-body :is(input[type=text], textarea)")
        assert boxes.count() > 0
        for limit in boxes.evaluate_all("els => els.map((el) => el.maxLength)"):
            assert limit == MAX, name
    page.get_by_role("button", name=STRINGS["session.exampleBack"]).first.click()
    step(page, "1. Leadership").click()
    notes = page.get_by_role("textbox", name="Notes and evidence for: An accountable executive")
    notes.fill("")
    notes.fill("n" * (MAX - 1))
    notes.press("End")
    page.keyboard.type("xyz")  # one fits, two are refused where they are typed
    assert len(notes.input_value()) == MAX
    count = notes.locator("xpath=following-sibling::p[contains(@class,'kmsat-count')]")
    expect(count).to_have_text("5,000 of 5,000 characters")
    assert count.get_attribute("id") in notes.get_attribute("aria-describedby")
    said = notes.locator("xpath=following-sibling::span[@aria-live='polite']")
    expect(said).to_have_text("5,000 of 5,000 characters")
    assert len(stored(page)["answers"]["accountable-executive"]["notes"]) == MAX


def test_never_lose_a_long_saved_note_or_a_newer_editions_answers(browser, site_url):
    """Saved by another copy of the site: a 7,000-character note and answers it knows and we do not."""
    context = browser.new_context()
    long = "x" * 7000 + " the end"
    newer = {"level": "emerging", "priority": "high", "notes": "Only the newer edition asks this"}
    seed(
        context,
        saved_session(
            answers={
                "accountable-executive": {"level": "emerging", "priority": "", "notes": long},
                "added-in-a-newer-edition": newer,
            },
            checklist={"asked-later": {"answer": "yes", "note": "kept"}},
        ),
    )
    page = context.new_page()
    try:
        open_app(page, site_url + "assessment.html")
        # Nothing cut; the newer answers said as kept, not as left out, and never "the file".
        restore = page.locator("[data-notice=restore]")
        expect(restore).to_contain_text("Kept, not shown")
        expect(restore).to_contain_text("asked-later, added-in-a-newer-edition")
        expect(restore).not_to_contain_text("Shortened")
        expect(restore).not_to_contain_text("file")
        step(page, "1. Leadership").click()
        notes = page.get_by_role("textbox", name="Notes and evidence for: An accountable executive")
        assert notes.input_value() == long
        count = notes.locator("xpath=following-sibling::p[contains(@class,'kmsat-count')]")
        expect(count).to_contain_text("7,008 characters: more than the 5,000")
        # The next keystroke, in this box and in another, saves everything whole.
        step(page, "About this session").click()
        page.get_by_role("textbox", name="Organisation").type("a")
        assert stored(page)["answers"]["accountable-executive"]["notes"] == long
        step(page, "1. Leadership").click()
        notes.press("End")
        notes.press("Backspace")
        kept = stored(page)
        assert kept["answers"]["accountable-executive"]["notes"] == long[:-1]
        assert kept["answers"]["added-in-a-newer-edition"] == newer
        assert kept["checklist"]["asked-later"] == {"answer": "yes", "note": "kept"}
        page.reload()
        page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
        assert stored(page)["answers"]["added-in-a-newer-edition"] == newer
    finally:
        context.close()


def test_import_reports_cut_text_by_label_and_an_empty_browser_is_not_asked(
    site_url, page, tmp_path
):
    open_app(page, site_url + "assessment.html")
    file = tmp_path / "long.json"
    file.write_text(
        saved_session(
            details={"team": "t" * 6000},
            answers={"accountable-executive": {"level": "emerging", "notes": "n" * 5001}},
        ),
        encoding="utf-8",
    )
    step(page, "Save and share").click()
    page.get_by_label(STRINGS["import.file.label"]).set_input_files(str(file))
    page.get_by_role("button", name=STRINGS["import.button"], exact=True).click()
    # Nothing here to lose: no question, the answers open with the account of what changed.
    notice = page.locator("[data-notice=import]")
    expect(notice).to_contain_text("Shortened texts longer than 5000 characters (2)")
    expect(notice).to_contain_text(
        "Board, team or directorate, An accountable executive (Notes and evidence)"
    )
    expect(notice).not_to_contain_text("details.team")
    expect(page.locator("dialog.kmsat-dialog")).to_have_count(0)
    assert len(stored(page)["details"]["team"]) == MAX
    # Now there are answers: a second import asks first.
    page.get_by_label(STRINGS["import.file.label"]).set_input_files(str(file))
    page.get_by_role("button", name=STRINGS["import.button"], exact=True).click()
    dialog = page.locator("dialog.kmsat-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=STRINGS["import.cancel"]).click()


def test_restore_failure_speaks_of_this_browser_not_a_file(browser, site_url):
    context = browser.new_context()
    seed(context, "{not json")
    page = context.new_page()
    try:
        open_app(page, site_url + "assessment.html")
        notice = page.locator("[data-notice=restore]")
        expect(notice).to_contain_text("Answers saved in this browser could not be restored")
        expect(notice).to_contain_text("what this browser holds is not readable answers")
        expect(notice).not_to_contain_text("The file")
    finally:
        context.close()


def test_the_session_date_reads_as_people_write_it_and_stays_iso_until_typed_over(site_url, page):
    open_app(page, site_url + "assessment.html")
    box = page.get_by_role("textbox", name="Date of the session")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", box.input_value()), box.input_value()
    page.get_by_role("textbox", name="Organisation").fill("Riverside")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", stored(page)["details"]["date"])
    box.fill("2026-11-26")
    page.reload()
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    expect(box).to_have_value("26 November 2026")
    assert stored(page)["details"]["date"] == "2026-11-26"
    box.fill("next spring")  # anything else stays as typed
    page.reload()
    expect(page.get_by_role("textbox", name="Date of the session")).to_have_value("next spring")


# ---------------------------------------------------------------- framing and file://


def test_framed_by_a_page_of_the_same_site_nothing_is_replaced(new_page, site_url):
    page = new_page()
    page.route(
        site_url + "framing.html",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><title>Framing</title><iframe title="Tool" src="assessment.html#import-incoming" width="1200" height="800"></iframe>',
        ),
    )
    page.goto(site_url + "assessment.html")
    mine = saved_session(details={"organisation": "Mine"})
    page.evaluate(
        """([key, mine]) => {
        localStorage.setItem(key, mine);
        localStorage.setItem('kmsat:national:incoming', JSON.stringify({format: 'kmsat-incoming', version: 1,
          source: 'consensus', label: 'Hostile', createdAt: '2026-11-26T12:00:00Z',
          session: {format: 'kmsat-session', version: 1, edition: {id: 'national'},
            details: {organisation: 'Replaced'}}}));
      }""",
        [KEY, mine],
    )
    page.goto(site_url + "framing.html")
    frame = page.frame_locator("iframe")
    notice = frame.get_by_role("alert").filter(has_text=STRINGS["app.framed"])
    expect(notice).to_be_visible()
    alone = notice.get_by_role("link", name=STRINGS["app.openAlone"])
    assert alone.get_attribute("target") == "_blank"
    assert alone.get_attribute("href").endswith("/assessment.html")
    expect(frame.locator("dialog.kmsat-dialog")).to_have_count(0)
    frame.get_by_role("navigation", name="Steps of the self-assessment").get_by_role(
        "button", name="Save and share"
    ).click()
    expect(frame.get_by_role("button", name=STRINGS["import.button"], exact=True)).to_have_count(0)
    expect(frame.get_by_role("button", name=STRINGS["session.new"])).to_have_count(0)
    assert stored(page)["details"]["organisation"] == "Mine"


def test_from_file_the_page_says_other_local_pages_can_read_its_storage(
    browser, national_site, site_url
):
    # Not `new_page`: from disk Material's instant loading logs refused XHRs, as in test_pages.
    context = browser.new_context()
    page = context.new_page()
    open_app(page, (national_site / "assessment.html").as_uri())
    notice = page.locator("[data-notice=file]")
    expect(notice).to_have_text(re.compile(re.escape(STRINGS["app.fileNotice"])))
    page.goto(site_url + "assessment.html")
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    expect(page.locator("[data-notice=file]")).to_have_count(0)
    context.close()


# ---------------------------------------------------------------- a phone, the example, the footer


def test_phone_questions_start_on_the_first_screen(new_page, site_url):
    page = new_page(viewport=PHONE)
    open_app(page, site_url + "assessment.html")
    nav = page.locator(".kmsat-steps")
    assert nav.bounding_box()["height"] < 70, "the nine steps are one row"
    heading = page.locator(".kmsat-heading")
    first_field = page.locator(".kmsat-body fieldset").first
    # Before: nine step buttons in five rows pushed the step's heading below the first screen.
    box = heading.bounding_box()
    assert box["y"] + box["height"] < PHONE["height"], "the step starts on the first screen"
    assert first_field.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The current step is in view in its row, wherever it is.
    load_example(page)
    for name in ["Action plan", "Save and share", "About this session"]:
        step(page, name).click()
        box, row = step(page, name).bounding_box(), nav.bounding_box()
        assert row["x"] <= box["x"] and box["x"] + box["width"] <= row["x"] + row["width"] + 1
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    step(page, "Results").click()
    expect(page.locator(".kmsat-body .kmsat-scroll-hint")).to_be_visible()
    scroller = page.locator(".kmsat-body .kmsat-scroll")
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth")
    assert page.locator(".kmsat-body .kmsat-scroll-hint").get_attribute("id") == (
        scroller.get_attribute("aria-describedby")
    )


def test_checklist_questions_wrap_inside_their_box(new_page, site_url):
    page = new_page(viewport=PHONE)
    open_app(page, site_url + "assessment.html")
    step(page, "Board checklist").click()
    cards = page.locator(".kmsat-body .kmsat-card")
    for i in range(cards.count()):
        card, legend = cards.nth(i).bounding_box(), cards.nth(i).locator("legend").bounding_box()
        assert legend["y"] > card["y"] + 2, f"question {i + 1} runs into the border"
        assert legend["x"] > card["x"] + 2


def test_one_way_back_from_the_example_and_one_next_per_step(site_url, page):
    open_app(page, site_url + "assessment.html")
    expect(page.locator(".md-footer__inner")).to_be_hidden()  # the theme's prev/next
    load_example(page)
    expect(page.get_by_role("button", name="Try the worked example")).to_have_count(0)
    expect(page.get_by_role("button", name=STRINGS["session.exampleBack"]).first).to_be_visible()
    for name in ["Action plan", "Save and share"]:
        step(page, name).click()
        expect(page.get_by_role("button", name="Try the worked example")).to_have_count(0)
    page.get_by_role("button", name=STRINGS["session.exampleBack"]).first.click()
    expect(page.get_by_role("button", name="Try the worked example")).to_have_count(1)
    expect(page.get_by_role("button", name=re.compile("^Next"))).to_have_count(1)
    page.goto(site_url + "index.html")
    expect(page.locator(".md-footer__inner")).to_be_visible()  # other pages keep it


def test_a_change_to_dont_know_over_time_shows_a_dash_not_a_blank(site_url, page, tmp_path):
    exports = ROOT / "tests" / "js" / "fixtures" / "exports" / "over-time"
    files = []
    for source in sorted(exports.glob("pharmacy-*.json")):
        session = json.loads(source.read_text("utf-8"))
        if source.name.startswith("pharmacy-2026"):
            session["answers"]["accountable-executive"]["level"] = "dont-know"
        files.append(tmp_path / source.name)
        files[-1].write_text(json.dumps(session), "utf-8")
    page.goto(site_url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    page.set_input_files("#kmsat-cmp-input", [str(f) for f in files])
    row = page.locator(".kmsat-cmp-time").nth(1).locator("tbody tr").first
    change = row.locator("td").last
    expect(change.locator("[aria-hidden=true]")).to_have_text("–")
    expect(change.locator(".kmsat-sr")).not_to_be_empty()


# ---------------------------------------------------------------- the action plan


def tab_stops_in_row(page, row) -> int:
    """Tab from the row's first stop until focus leaves the row: how many stops it has."""
    row.locator("input[type=checkbox]").focus()
    stops = 1
    while True:
        page.keyboard.press("Tab")
        if not row.evaluate("el => el.contains(document.activeElement)"):
            return stops
        stops += 1
        assert stops < 40


def test_plan_rows_are_quick_by_keyboard_and_every_field_is_reachable(site_url, page):
    open_app(page, site_url + "assessment.html")
    load_example(page)
    step(page, "Action plan").click()
    rows = page.locator(".kmsat-body .kmsat-row")
    closed = [i for i in range(rows.count()) if rows.nth(i).locator("details[open]").count() == 0]
    assert closed, "the example has candidate rows with nothing typed"
    candidate = rows.nth(closed[0])
    assert tab_stops_in_row(page, candidate) == 3  # agreed, details, its buttons
    # Open it: the ideas are one stop, then six fields.
    candidate.locator("summary").first.focus()
    page.keyboard.press("Enter")
    ideas = candidate.locator(".kmsat-ideas summary").count()
    assert tab_stops_in_row(page, candidate) == 3 + ideas + 6
    title = re.sub(r"^\d+\. ", "", candidate.locator("h3").inner_text())
    for key in ["action", "owner", "support", "due", "measure"]:
        field = STRINGS["plan.column." + key]
        expect(page.get_by_role("textbox", name=f"{field} for: {title}")).to_be_visible()
    expect(page.get_by_role("combobox", name=f"Status for: {title}")).to_be_visible()
    # The row's buttons: one stop, arrows between them.
    bar = candidate.get_by_role("toolbar", name=f"Move or remove {title}")
    first = bar.locator("button:not([disabled])").first
    first.focus()
    page.keyboard.press("End")
    assert bar.get_by_role("button", name=f"Remove {title} from the plan").evaluate(
        "el => el === document.activeElement"
    )
    page.keyboard.press("Home")
    assert first.evaluate("el => el === document.activeElement")


def test_the_group_agrees_a_few_actions_and_readers_see_them_first(site_url, page, tmp_path):
    open_app(page, site_url + "assessment.html")
    load_example(page)
    step(page, "Action plan").click()
    titles = plan_titles(page)
    count = page.locator(".kmsat-plan-count")
    before = int(count.inner_text().split()[0])
    last = titles[-1]
    box = page.get_by_role("checkbox", name=f"Agreed action: {last}")
    if box.is_checked():
        box.uncheck()
        before -= 1
    box.check()
    expect(count).to_have_text(f"{before + 1} agreed (aim for 3 to 5)")
    expect(live(page)).to_have_text(f"{before + 1} agreed (aim for 3 to 5)")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    # The printed report is the Board paper: its plan is the table captioned with the plan's title.
    plan_table = page.locator(
        ".kmsat-report table", has=page.locator("caption", has_text=STRINGS["report.plan"])
    )
    printed = plan_table.first.locator("tbody tr")
    firsts = [printed.nth(i).locator("td").nth(1).inner_text() for i in range(printed.count())]
    agreed = [t for t in firsts if "(candidate)" not in t]
    assert len(agreed) == before + 1
    assert firsts[: len(agreed)] == agreed, "agreed actions come first"
    assert any(t.startswith(last) for t in agreed)
    step(page, "Save and share").click()
    with page.expect_download() as info:
        page.get_by_role("button", name=STRINGS["export.csv"]).click()
    info.value.save_as(tmp_path / "plan.csv")
    lines = (tmp_path / "plan.csv").read_text("utf-8-sig").splitlines()
    assert lines[0].endswith(',"Agreed action"')  # every CSV cell is quoted
    marks = [line.rsplit(",", 1)[1].strip('"') for line in lines if line.startswith('"plan",')]
    assert marks == sorted(marks, key=lambda m: m != "Agreed") and "Candidate" in marks


# ---------------------------------------------------------------- every page


def site_pages(national_site) -> list[str]:
    pages = sorted(p.relative_to(national_site).as_posix() for p in national_site.rglob("*.html"))
    assert len(pages) > 20
    return pages


# Is what has focus to be seen? A visually hidden radio shows its focus on the label after
# it (Material's light/dark toggle), so that label must be shown.
SEEN = """(el) => {
  const next = el.nextElementSibling;
  const shownBy = el.getBoundingClientRect().width < 1 && next && next.tagName === 'LABEL' ? next : el;
  const r = shownBy.getBoundingClientRect();
  return r.width >= 1 && r.height >= 1 && r.right > 0 && r.left < innerWidth
    && shownBy.checkVisibility({ opacityProperty: true, visibilityProperty: true });
}"""

INVISIBLE_STOPS = (
    """() => {
  // Every element Tab or Shift+Tab reaches, focused in turn: is what has focus there to be seen?
  const seen = """
    + SEEN
    + """;
  const stops = [];
  const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]');
  for (const el of all) {
    if (el.tabIndex < 0 || el.disabled || !el.checkVisibility({ visibilityProperty: true })) continue;
    // Tab reaches one radio of a group: the checked one, else the first; Shift+Tab, else the last.
    if (el.type === 'radio') {
      const group = [...document.querySelectorAll('input[type=radio]')].filter((r) => r.name === el.name);
      const checked = group.find((r) => r.checked);
      if (checked ? el !== checked : el !== group[0] && el !== group.at(-1)) continue;
    }
    el.focus();
    if (document.activeElement === el) stops.push(el);
  }
  const found = [];
  for (const el of stops) {
    // Shown on focus by a transition (the skip link, a heading's ¶): judged at its end, not mid-way.
    el.style.transition = 'none';
    el.focus();
    if (!seen(el)) found.push(el.outerHTML.slice(0, 120));
  }
  return found;
}"""
)


def test_no_page_has_an_invisible_focus_stop(site_url, national_site, page):
    for path in site_pages(national_site):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate(INVISIBLE_STOPS) == [], path
    page.set_viewport_size(PHONE)
    for path in ["index.html", "assessment.html"]:
        page.goto(site_url + path)
        assert page.evaluate(INVISIBLE_STOPS) == [], path + " at 375 px"


# Where the key just took focus, and whether it is to be seen (None: focus left the page).
FOCUS_NOW = (
    """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  window.__walked = window.__walked || new Set();
  const again = window.__walked.has(el);
  window.__walked.add(el);
  return { html: el.outerHTML.slice(0, 120), seen: ("""
    + SEEN
    + """)(el), again };
}"""
)


def walk_focus(page, key: str) -> tuple[int, list[str]]:
    """Press `key` through the whole page as a keyboard user would: (stops, the unseen ones)."""
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    stops, unseen = 0, []
    for _ in range(1000):
        page.keyboard.press(key)
        now = page.evaluate(FOCUS_NOW)
        if now is None or now["again"]:
            return stops, unseen
        stops += 1
        if not now["seen"]:
            unseen.append(now["html"])
    raise AssertionError(f"{key} never left the page")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tab_and_shift_tab_stop_only_where_focus_is_seen(new_page, site_url, scheme):
    """Real key presses, both ways, in both colour schemes: Material's light/dark toggle was
    a stop with nothing shown for Shift+Tab (dark: for Tab), which focusing each element in
    turn did not see (no radio of its group is ever checked)."""
    page = new_page(color_scheme=scheme)
    for path in ["facilitator-guide.html", "assessment.html"]:
        for key in ["Tab", "Shift+Tab"]:
            page.goto(site_url + path)
            page.wait_for_load_state("load")
            if path == "assessment.html":
                page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
            stops, unseen = walk_focus(page, key)
            assert stops > 20, (path, key, stops)
            assert unseen == [], (path, key, scheme)
    # The toggle itself: Enter switches the scheme and focus stays on it, seen.
    page.locator(".md-search__input").focus()
    page.keyboard.press("Shift+Tab")
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") != before
    now = page.evaluate(FOCUS_NOW)
    assert now["seen"] and "md-option" in now["html"], now


def test_search_scroll_box_is_a_tab_stop_only_while_open(site_url, page):
    page.goto(site_url + "index.html")
    wrap = page.locator(".md-search__scrollwrap")
    focusable = "el => { el.focus(); return document.activeElement === el; }"
    assert not wrap.evaluate(focusable)
    page.get_by_placeholder("Search").click()
    page.get_by_placeholder("Search").press_sequentially("peer assist")
    page.locator(".md-search-result__item").first.wait_for()
    assert wrap.evaluate(focusable)


def test_phone_drawer_and_search_still_open_and_take_focus(new_page, site_url):
    """Hidden while closed (no invisible Tab stops), they open as before."""
    page = new_page(viewport=PHONE)
    page.goto(site_url + "index.html")
    page.locator("label.md-header__button[for=__drawer]").click()
    link = page.locator(".md-sidebar--primary a", has_text="Compare and agree").first
    expect(link).to_be_visible()
    link.focus()
    assert link.evaluate("el => el === document.activeElement")
    page.goto(site_url + "index.html")
    page.locator("label.md-header__button[for=__search]").click()
    box = page.get_by_placeholder("Search")
    expect(box).to_be_visible()
    box.press_sequentially("peer assist")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_storage_blocked_every_page_has_a_clean_console(new_page, site_url, national_site):
    page = new_page(STORAGE_OFF)  # the fixture fails the test on any console error
    for path in site_pages(national_site):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
    open_app(page, site_url + "assessment.html")
    expect(
        page.get_by_role("alert").filter(has_text=STRINGS["app.storageUnavailable"])
    ).to_be_visible()
    page.get_by_role("textbox", name="Organisation").fill("In memory only")
    expect(page.locator(".kmsat-status")).to_have_text(STRINGS["save.notSaved"])


# ---------------------------------------------------------------- axe and screenshots


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_in_every_new_state(browser, new_page, site_url, national_site, axe, width, tmp_path):
    disk = browser.new_context(viewport={"width": width, "height": 900})
    from_disk = disk.new_page()
    open_app(from_disk, (national_site / "assessment.html").as_uri())  # the file:// notice
    assert_accessible(axe, from_disk, f"file notice {width}")
    disk.close()
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(site_url + "assessment.html")
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    load_example(page)
    assert_accessible(axe, page, f"results {width}")
    step(page, "Action plan").click()
    rows = page.locator(".kmsat-body .kmsat-row")
    for i in range(rows.count()):
        for summary in rows.nth(i).locator("summary").all():
            if summary.is_visible():
                summary.click()
    page.get_by_role("checkbox").first.click()
    assert_accessible(axe, page, f"plan, all open {width}")
    page.screenshot(path=str(tmp_path / f"plan-{width}.png"), full_page=False)
    step(page, "1. Leadership").click()
    page.locator(".kmsat-body textarea").first.fill("n" * MAX)
    assert_accessible(axe, page, f"a note at the limit {width}")
    step(page, "Board checklist").click()
    assert_accessible(axe, page, f"checklist {width}")
