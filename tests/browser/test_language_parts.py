"""The questionnaire says which language each text is in (WCAG 3.1.2 Language of Parts).

The partial Welsh edition (tests/editions/welsh) shows national English
wherever it translates nothing; the page is Welsh (<html lang="cy">), so every
English text the questionnaire draws (criteria, level descriptions, step names,
the Board paper, present mode) must carry lang="en-GB", and the Welsh ones not.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.conftest import page_data

pytestmark = pytest.mark.browser

# The language each text node holding `text` is read in (its nearest lang), below `root`.
LANGUAGES_OF = """([root, text]) => {
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  const found = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.data.includes(text)) found.push(n.parentElement.closest('[lang]').getAttribute('lang'));
  }
  return found;
}"""


def read_in(page, root: str, text: str) -> set[str]:
    found = page.evaluate(LANGUAGES_OF, [root, text])
    assert found, f"{text!r} is not shown in {root}"
    return set(found)


@pytest.fixture
def welsh(welsh_page, welsh_url, welsh_site):
    welsh_page.goto(welsh_url + "assessment.html")
    expect(welsh_page.locator(".kmsat-app--on")).to_be_attached()
    welsh_page.data = page_data((welsh_site / "assessment.html").read_text(encoding="utf-8"))
    return welsh_page


def test_english_the_welsh_edition_did_not_translate_is_marked_as_english(welsh, axe):
    page, data = welsh, welsh.data
    leadership = data["elements"][0]
    criterion = leadership["criteria"][0]
    not_yet = data["scale"]["levels"][0]
    assert (leadership["title"], not_yet["label"]) == ("Arweinyddiaeth", "Dim eto")  # translated

    # Step names: English ones in English, the element's Welsh title in Welsh.
    steps = ".kmsat-steps"
    assert read_in(page, steps, data["strings"]["steps.details"]) == {"en-GB"}
    assert read_in(page, steps, data["strings"]["steps.results"]) == {"en-GB"}
    assert read_in(page, steps, "Arweinyddiaeth") == {"cy"}
    assert read_in(page, "#kmsat-app", data["strings"]["app.privacy"]) == {"en-GB"}
    # A Welsh sentence around an English step name: "Nesaf: {step}" on the pager's button.
    pager = ".kmsat-pager"
    assert data["strings"]["nav.nextStep"] == "Nesaf: {step}"
    assert read_in(page, pager, "Nesaf") == {"cy"}
    assert read_in(page, pager, data["strings"]["steps.checklist"]) == {"en-GB"}

    page.locator(".kmsat-step-link", has_text="Arweinyddiaeth").click()
    expect(page.locator("h2.kmsat-heading")).to_have_text("1. Arweinyddiaeth")
    assert read_in(page, "h2.kmsat-heading", "Arweinyddiaeth") == {"cy"}
    body = ".kmsat-body"
    assert read_in(page, body, criterion["title"]) == {"en-GB"}
    # The number is in the page's language, the title in English.
    assert read_in(page, ".kmsat-criterion h3", "1.1") == {"cy"}
    assert read_in(page, body, criterion["statement"]) == {"en-GB"}
    assert read_in(page, body, criterion["levels"]["not-yet"]) == {"en-GB"}
    assert read_in(page, body, not_yet["label"]) == {"cy"}
    assert read_in(page, body, data["strings"]["criterion.clear"]) == {"en-GB"}
    # A Welsh sentence's English words: "Read the guidance on" English, the title Welsh.
    link = page.locator(".kmsat-body a", has_text="Arweinyddiaeth").first
    assert (
        link.evaluate("a => a.querySelector('[lang]').textContent.trim()") == "Read the guidance on"
    )
    assert_accessible(axe, page, "Welsh assessment page, an element's step")

    page.locator(".kmsat-step-link", has_text=data["strings"]["steps.details"]).click()
    assert page.locator("h2.kmsat-heading").get_attribute("lang") == "en-GB"


def test_the_welsh_board_paper_and_present_mode_mark_english(welsh):
    page, data = welsh, welsh.data
    page.locator(".kmsat-step-link", has_text="Arweinyddiaeth").click()
    page.locator(".kmsat-criterion .kmsat-choice input").first.check()  # something to print
    paper = ".kmsat-board-paper"
    expect(page.locator(paper + " h3").first).to_be_attached()
    # A section heading; an element's Welsh title.
    assert read_in(page, paper, data["strings"]["report.results"]) == {"en-GB"}
    assert (
        page.locator(paper + " h3", has_text=data["strings"]["report.results"]).get_attribute(
            "lang"
        )
        == "en-GB"
    )
    assert read_in(page, paper + " [data-section=criteria]", "Arweinyddiaeth") == {"cy"}
    assert read_in(page, paper, data["elements"][0]["criteria"][0]["title"]) == {"en-GB"}
    assert read_in(page, paper + " .kmsat-board-paper__title", data["edition"]["title"]) == {"cy"}

    page.get_by_role("button", name=data["strings"]["present.open"], exact=True).click()
    slide = ".kmsat-present__slide"
    expect(page.locator(slide)).to_be_visible()
    title = data["elements"][0]["criteria"][0]["title"]
    assert read_in(page, slide, title) == {"en-GB"}
    assert read_in(page, slide, "Dim eto") == {"cy"}
    # What it announces on arrival: its English words in English, the element's title in Welsh.
    live = ".kmsat-present [aria-live]"
    expect(page.locator(live)).to_contain_text(title)
    assert read_in(page, live, title) == {"en-GB"}
    assert read_in(page, live, "Arweinyddiaeth") == {"cy"}


def test_the_national_edition_marks_nothing(page, site_url):
    page.goto(site_url + "assessment.html")
    expect(page.locator(".kmsat-app--on")).to_be_attached()
    page.locator(".kmsat-step-link").nth(2).click()
    page.locator(".kmsat-criterion .kmsat-choice input").first.check()
    expect(page.locator(".kmsat-board-paper h3").first).to_be_attached()
    marked = page.locator("#kmsat-app [lang]:not(.kmsat-board-paper)")
    assert marked.count() == 0, marked.first.evaluate("el => el.outerHTML")
