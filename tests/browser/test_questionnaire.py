"""The questionnaire on the assessment page, in Chromium, as a group uses it.

Here: one keyboard-only journey (details, checklist, four elements, results,
plan, reload) that checks the scores and the plan order against values
worked out by hand below, and the helpers the other test_questionnaire_*
modules share (they start from the worked example or a small import).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KEY = "kmsat:national:session"
EXAMPLE_KEY = "kmsat:national:example"
LEVELS = ["not-yet", "emerging", "developing", "embedded", "dont-know", "not-applicable"]
PRIORITIES = ["high", "medium", "low", ""]  # the radios' order; "" is "No priority"

# The group's answers: level, priority, notes. retaining-know-how is left out
# at first and answered from the results page ("criteria can be left and
# returned to").
ANSWERS = {
    "accountable-executive": ("developing", "medium", "Named in the scheme of delegation."),
    "knowledge-in-strategy": ("emerging", "high", ""),
    "evidence-informed-papers": ("not-yet", "low", ""),
    "kls-resourced": ("embedded", "", ""),
    "value-for-money": ("emerging", "low", ""),
    "learning-before": ("dont-know", "high", "Ask the PMO."),
    "reflection-during-after": ("emerging", "", ""),
    "sharing-across-teams": ("emerging", "medium", ""),
    "open-learning-culture": ("not-applicable", "", ""),
    "access-to-evidence": ("developing", "high", ""),
    "evidence-skills": ("not-yet", "high", ""),
    "findable-knowledge": ("developing", "low", ""),
    "aligned-to-priorities": ("not-yet", "medium", ""),
    "learning-across-system": ("emerging", "high", ""),
    "horizon-scanning": ("embedded", "low", ""),
    "best-practice-innovation": ("developing", "medium", ""),
    "patient-public-information": ("developing", "", ""),
}
LATER = ("retaining-know-how", ("not-yet", "high", ""))
CHECKLIST = ["yes", "partly", "no", "dont-know", "no", "partly", "yes", "no", "dont-know", "yes"]
CHECKLIST_ANSWERS = ["yes", "partly", "no", "dont-know"]

# Worked out by hand from ANSWERS (levels 1-4; Don't know and N/A not scored).
# Element, mean, answered, range, then Not yet, Emerging, Developing, Embedded, Don't know, N/A.
SCORES_BEFORE = [
    ["Leadership", "2.4", "5 of 5", "1 to 4", "1", "2", "1", "1", "0", "0"],  # 3,2,1,4,2
    ["Behaviours", "2.0", "4 of 4", "2", "0", "2", "0", "0", "1", "1"],  # 2,2 + DK + N/A
    ["Capabilities and working practices", "2.3", "3 of 4", "1 to 3", "1", "0", "2", "0", "0", "0"],
    ["Opportunities", "2.6", "5 of 5", "1 to 4", "1", "1", "2", "1", "0", "0"],  # 1,2,4,3,3
]
SCORES_AFTER = SCORES_BEFORE[:2] + [
    ["Capabilities and working practices", "2.0", "4 of 4", "1 to 3", "2", "0", "2", "0", "0", "0"],
    SCORES_BEFORE[3],
]
# Below Embedded, by priority (high, medium, low, none), then level, then framework order.
PLAN = [
    "Finding and appraising evidence",  # high, 1
    "Keeping know-how when people move",  # high, 1 (later in the framework)
    "Evidence and knowledge in strategy",  # high, 2
    "Learning across the system",  # high, 2
    "Evidence at the point of need",  # high, 3
    "Aligned to current priorities",  # medium, 1
    "Sharing across teams",  # medium, 2
    "An accountable executive",  # medium, 3
    "Adopting best practice and innovation",  # medium, 3 (later in the framework)
    "Evidence-informed Board papers",  # low, 1
    "Value for money",  # low, 2
    "Organisational knowledge findable",  # low, 3
    "Reflecting during and after",  # none, 2
    "Information for patients and the public",  # none, 3
]


# ---------------------------------------------------------------- helpers


def open_app(page, url: str):
    page.goto(url)
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()


def page_data(page) -> dict:
    return page.evaluate("JSON.parse(document.getElementById('kmsat-data').dataset.kmsatJson)")


def stored(page, key: str = KEY):
    return page.evaluate("(key) => JSON.parse(localStorage.getItem(key))", key)


def is_focused(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def tab_to(page, locator, limit: int = 60, back: bool = False):
    """Press Tab (or Shift+Tab) until `locator` has focus: how a keyboard user gets there."""
    for _ in range(limit):
        if is_focused(locator):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"Tab never reached {locator}")


def open_plan_row(row):
    """A candidate row's fields are behind its details (one Tab stop): open them as a user would."""
    closed = row.locator(":scope > details:not([open]) > summary")
    if closed.count():
        closed.click()
    return row


def tab_to_row_button(page, button, limit: int = 120, back: bool = False):
    """A plan row's Move and Remove buttons are one toolbar (one Tab stop): Tab to it, then arrows."""
    bar = button.locator("xpath=ancestor::*[@role='toolbar'][1]")
    for _ in range(limit):
        if bar.evaluate("el => el.contains(document.activeElement)"):
            break
        page.keyboard.press("Shift+Tab" if back else "Tab")
    else:
        raise AssertionError(f"Tab never reached the toolbar of {button}")
    for _ in range(4):
        if is_focused(button):
            return
        page.keyboard.press("ArrowRight")
    raise AssertionError(f"the arrow keys never reached {button}")


def press_to_choice(page, index: int, start: int = 0, size: int = 4):
    """In a radio group with focus on option `start`: arrows to option `index` (Space when there)."""
    moves = (index - start) % size
    if moves == 0:
        page.keyboard.press("Space")
    for _ in range(moves):
        page.keyboard.press("ArrowDown")


def go_next(page, title: str):
    button = page.get_by_role("button", name=f"Next: {title}")
    tab_to(page, button, limit=120)
    page.keyboard.press("Enter")
    expect(page.locator(".kmsat-heading")).to_have_text(title)
    assert is_focused(page.locator(".kmsat-heading"))


def score_rows(page) -> list[list[str]]:
    rows = page.locator(".kmsat-body table.kmsat-scores tbody tr")
    return [
        [c.strip() for c in rows.nth(i).locator("th, td").all_inner_texts()]
        for i in range(rows.count())
    ]


def plan_titles(page) -> list[str]:
    return [
        re.sub(r"^\d+\. ", "", t)
        for t in page.locator(".kmsat-body .kmsat-row h3").all_inner_texts()
    ]


def step(page, name: str):
    """A button of the step navigation."""
    nav = page.get_by_role("navigation", name="Steps of the self-assessment")
    return nav.get_by_role("button", name=re.compile("^" + re.escape(name)))


def live(page):
    return page.locator("#kmsat-app > .kmsat-sr[aria-live]")


def answer_criterion(page, number: str, criterion: dict, answer: tuple[str, str, str]):
    level, priority, notes = answer
    group = page.get_by_role("group", name=f"{number} {criterion['title']}")
    tab_to(page, group.get_by_role("radio").first)
    press_to_choice(page, LEVELS.index(level), size=len(LEVELS))
    prio = page.get_by_role("group", name=f"Priority for improvement: {criterion['title']}")
    tab_to(page, prio.get_by_role("radio", name="No priority"))
    press_to_choice(page, PRIORITIES.index(priority), start=3)
    if notes:
        tab_to(
            page, page.get_by_role("textbox", name=f"Notes and evidence for: {criterion['title']}")
        )
        page.keyboard.type(notes)


def load_example(page):
    page.get_by_role("button", name="Try the worked example").first.click()
    expect(page.locator(".kmsat-heading")).to_have_text("Results")


# ---------------------------------------------------------------- the journey


def test_keyboard_only_assessment_scores_plan_and_reload(site_url, page):
    open_app(page, site_url + "assessment.html")
    data = page_data(page)
    assert not page.locator("#kmsat-paper").is_visible()

    # 1. Session details: capacity first.
    capacity = page.get_by_role("group", name="The group is answering on behalf of")
    assert capacity.locator("input").first.evaluate(
        "el => el.compareDocumentPosition(document.querySelector('.kmsat-body input[type=text]')) & 4"
    )
    tab_to(page, page.get_by_role("radio", name="The whole organisation"), limit=80)
    press_to_choice(page, 2)
    expect(page.get_by_role("radio", name="A team")).to_be_checked()
    for name, value in [
        ("Organisation", "Riverside Community NHS Trust"),
        ("Board, team or directorate", "Executive team"),
        ("Date of the session", "2026-11-26"),
        ("Facilitator", "Sam Okafor"),
        ("Who took part", "Chief executive; medical director"),
    ]:
        tab_to(page, page.get_by_role("textbox", name=name))
        page.keyboard.press("Control+A")
        page.keyboard.type(value)
    go_next(page, "Board checklist")

    # 2. The Board checklist, with a note on the first question.
    for i, (question, answer) in enumerate(zip(data["checklist"], CHECKLIST, strict=True)):
        group = page.get_by_role("group", name=f"{i + 1}. {question['question']}")
        tab_to(page, group.get_by_role("radio", name="Yes"))
        press_to_choice(page, CHECKLIST_ANSWERS.index(answer))
        if i == 0:
            tab_to(page, group.get_by_role("textbox"))
            page.keyboard.type("The medical director, since May.")
    expect(page.locator(".kmsat-progress")).to_have_text("10 of 10 questions answered")

    # 3-6. One step per element.
    for e, element in enumerate(data["elements"]):
        go_next(page, f"{e + 1}. {element['title']}")
        for c, criterion in enumerate(element["criteria"]):
            if criterion["id"] in ANSWERS:
                answer_criterion(page, f"{e + 1}.{c + 1}", criterion, ANSWERS[criterion["id"]])
    go_next(page, "Results")

    # 7. Results, with one criterion still to answer.
    assert score_rows(page) == SCORES_BEFORE
    expect(page.locator(".kmsat-body .kmsat-progress")).to_have_text("17 of 18 criteria answered")
    back = page.get_by_role("button", name="Answer: Keeping know-how when people move")
    tab_to(page, back)
    page.keyboard.press("Enter")
    expect(page.locator(".kmsat-heading")).to_have_text("3. Capabilities and working practices")
    criterion = data["elements"][2]["criteria"][2]
    assert criterion["id"] == LATER[0]
    answer_criterion(page, "3.3", criterion, LATER[1])
    go_next(page, "4. Opportunities")
    go_next(page, "Results")
    assert score_rows(page) == SCORES_AFTER
    strengths = page.locator(".kmsat-body h3:has-text('Strengths') + p + ul li").all_inner_texts()
    assert len(strengths) == 7
    assert "Leadership: Library service resourced to meet demand (Embedded)" in strengths
    assert page.locator(".kmsat-body .kmsat-chart[role=img]").get_attribute("aria-label")
    assert "total" not in page.locator(".kmsat-body .kmsat-scores").inner_text().lower()

    # 8. The action plan, in the order worked out above.
    to_plan = page.get_by_role("button", name="Go to the action plan")
    tab_to(page, to_plan)
    page.keyboard.press("Enter")
    expect(page.locator(".kmsat-heading")).to_have_text("Action plan")
    assert plan_titles(page) == PLAN

    edit_plan_by_keyboard(page)

    # Close and come back: everything is there.
    page.reload()
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    check_everything_after_reload(page)


def edit_plan_by_keyboard(page):
    first = "Finding and appraising evidence"
    # A candidate row's fields open when the group agrees it.
    tab_to(page, page.get_by_role("checkbox", name=f"Agreed action: {first}"))
    page.keyboard.press("Space")
    expect(page.locator(".kmsat-plan-count")).to_have_text("1 agreed (aim for 3 to 5)")
    expect(live(page)).to_have_text("1 agreed (aim for 3 to 5)")
    for field, value in [
        ("Action", "Evidence skills sessions for every directorate"),
        ("Owner", "Chief nurse"),
        ("Library and knowledge service support", "Clinical librarians"),
        ("By when", "2027-03-31"),
        ("How we will know it worked", '=HYPERLINK("http://x") <img src=x onerror=alert(1)>'),
    ]:
        tab_to(page, page.get_by_role("textbox", name=f"{field} for: {first}"))
        page.keyboard.type(value)
    status = page.get_by_role("combobox", name=f"Status for: {first}")
    tab_to(page, status)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(status).to_have_value("in-progress")

    # Add a custom row: focus goes to its title.
    tab_to(page, page.get_by_role("button", name="Add your own action"), limit=200)
    page.keyboard.press("Enter")
    title = page.get_by_role("textbox", name="Title of your action")
    assert is_focused(title)
    page.keyboard.type("Brief the Board on the results")
    expect(live(page)).to_have_text("A new row was added at the end of the plan.")
    assert plan_titles(page)[-1] == "Brief the Board on the results"

    # Reorder by keyboard: up twice, focus stays on the button, each move announced.
    up = page.get_by_role("button", name="Move Brief the Board on the results up")
    tab_to_row_button(page, up)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(live(page)).to_have_text("Brief the Board on the results is now row 13 of 15.")
    assert is_focused(page.get_by_role("button", name="Move Brief the Board on the results up"))
    assert plan_titles(page)[12] == "Brief the Board on the results"

    # Remove an untouched row, then put it back.
    remove = page.get_by_role("button", name="Remove Reflecting during and after from the plan")
    tab_to_row_button(page, remove)
    page.keyboard.press("Enter")
    expect(live(page)).to_have_text("Reflecting during and after was removed from the plan.")
    assert "Reflecting during and after" not in plan_titles(page)
    put_back = page.get_by_role("button", name="Put Reflecting during and after back in the plan")
    tab_to(page, put_back)
    page.keyboard.press("Enter")
    expect(live(page)).to_have_text("Reflecting during and after is back in the plan.")
    assert plan_titles(page) == PLAN[:12] + ["Brief the Board on the results"] + PLAN[12:]

    # Removing a row with text asks first; Cancel has focus, so Enter keeps it.
    tab_to_row_button(
        page, page.get_by_role("button", name=f"Remove {first} from the plan"), 250, back=True
    )
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=f"Remove {first} from the plan?", exact=False)
    expect(dialog).to_be_visible()
    assert is_focused(dialog.get_by_role("button", name="Cancel"))
    page.keyboard.press("Enter")
    expect(dialog).to_have_count(0)
    assert plan_titles(page)[0] == first
    saved = stored(page)
    assert saved["plan"][0]["action"] == "Evidence skills sessions for every directorate"
    assert saved["plan"][0]["status"] == "in-progress"
    assert saved["plan"][0]["agreed"] is True


def check_everything_after_reload(page):
    expect(page.locator(".kmsat-heading")).to_have_text("Action plan")  # the step is remembered
    assert plan_titles(page) == PLAN[:12] + ["Brief the Board on the results"] + PLAN[12:]
    first = "Finding and appraising evidence"
    expect(page.get_by_role("textbox", name=f"Action for: {first}")).to_have_value(
        "Evidence skills sessions for every directorate"
    )
    expect(
        page.get_by_role("textbox", name=f"How we will know it worked for: {first}")
    ).to_have_value('=HYPERLINK("http://x") <img src=x onerror=alert(1)>')
    expect(page.get_by_role("combobox", name=f"Status for: {first}")).to_have_value("in-progress")
    assert page.locator(".kmsat-app img").count() == 0
    step(page, "About this session").click()
    expect(page.get_by_role("radio", name="A team")).to_be_checked()
    expect(page.get_by_role("textbox", name="Organisation")).to_have_value(
        "Riverside Community NHS Trust"
    )
    expect(page.get_by_role("textbox", name="Who took part")).to_have_value(
        "Chief executive; medical director"
    )
    step(page, "Board checklist").click()
    expect(page.get_by_role("textbox", name=re.compile("^Note \\(optional\\) 1\\."))).to_have_value(
        "The medical director, since May."
    )
    step(page, "1. Leadership").click()
    group = page.get_by_role("group", name="1.1 An accountable executive")
    expect(group.get_by_role("radio", name=re.compile("^Developing"))).to_be_checked()
    expect(
        page.get_by_role(
            "group", name="Priority for improvement: An accountable executive"
        ).get_by_role("radio", name="Medium")
    ).to_be_checked()
    expect(
        page.get_by_role("textbox", name="Notes and evidence for: An accountable executive")
    ).to_have_value("Named in the scheme of delegation.")
    assert page.locator(".kmsat-steps .kmsat-done").count() == 6  # details, checklist, 4 elements
