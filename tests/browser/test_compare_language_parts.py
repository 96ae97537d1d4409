"""The compare page says which language each text is in (WCAG 3.1.2 Language of Parts).

Four people's files exported from the partial Welsh edition (tests/editions/welsh):
the page is Welsh (<html lang="cy">), its criteria, most of its interface and its
sentences' words are still national English, so they must carry lang="en-GB", and
what the edition translated (element titles, level labels) must not: in side by
side, in consensus and in the printed paper of each.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.test_compare import RATERS, axe_check
from tests.browser.test_language_parts import read_in
from tests.conftest import page_data

pytestmark = pytest.mark.browser

PAPER = ".kmsat-cmp-paper .kmsat-board-paper"


@pytest.fixture
def welsh_files(welsh_site, tmp_path):
    """The raters' fixture exports, as exported from the Welsh edition (its id, version, fingerprint)."""
    data = page_data((welsh_site / "compare.html").read_text(encoding="utf-8"))
    edition = {
        "id": data["edition"]["id"],
        "contentVersion": data["edition"]["contentVersion"],
        "fingerprint": data["fingerprint"],
    }
    files = []
    for path in RATERS:
        export = json.loads(path.read_text(encoding="utf-8"))
        export["edition"] = edition
        files.append(tmp_path / path.name)
        files[-1].write_text(json.dumps(export), encoding="utf-8")
    return data, files


@pytest.fixture
def welsh_compare(welsh_page, welsh_url, welsh_files):
    data, files = welsh_files
    welsh_page.goto(welsh_url + "compare.html")
    welsh_page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    welsh_page.set_input_files("#kmsat-cmp-input", [str(f) for f in files])
    welsh_page.locator(".kmsat-cmp-view").wait_for()
    welsh_page.data = data
    return welsh_page


def test_the_welsh_compare_page_marks_its_english(welsh_compare, axe):
    page, data = welsh_compare, welsh_compare.data
    s = data["strings"]
    leadership = data["elements"][0]
    criterion = leadership["criteria"][0]["title"]
    not_yet = data["scale"]["levels"][0]
    assert (leadership["title"], not_yet["label"]) == ("Arweinyddiaeth", "Dim eto")  # translated
    assert "fallback" in data and not page.locator(".kmsat-cmp-warnings").count()

    # What the page says aloud as the files come: English words in English.
    live = "#kmsat-compare [aria-live]"
    expect(page.locator(live)).not_to_be_empty()
    assert read_in(page, live, page.locator(live).text_content().strip()) == {"en-GB"}
    # The views' names.
    modes = ".kmsat-cmp-modes"
    assert read_in(page, modes, s["compare.mode.side"]) == {"en-GB"}
    assert read_in(page, modes, s["compare.mode.consensus"]) == {"en-GB"}

    # Side by side: English sentences around Welsh level labels, criteria in English.
    page.get_by_role("radio", name=s["compare.mode.side"]).check()
    page.locator("#kmsat-cmp-expand").check()
    intro = "#kmsat-cmp-view-heading + p"
    assert read_in(page, intro, "Each team's average rating per element") == {"en-GB"}
    assert read_in(page, intro, "Dim eto") == {"cy"}
    assert page.locator(intro + " [lang=en-GB]").count() >= 2, "its English round the level names"
    legend = ".kmsat-cmp-legend"
    assert read_in(page, legend, "Ratings:") == {"en-GB"}
    assert read_in(page, legend, "Dim eto") == {"cy"}
    matrix = ".kmsat-cmp-matrix"
    assert read_in(page, matrix, criterion) == {"en-GB"}
    assert read_in(page, matrix, "Arweinyddiaeth") == {"cy"}
    assert read_in(page, matrix, s["compare.side.median"]) == {"en-GB"}
    chart = ".kmsat-cmp-chart"
    expect(page.locator(chart)).to_be_attached()
    assert read_in(page, chart, "Dim eto") == {"cy"}
    assert read_in(page, chart, "Arweinyddiaeth") == {"cy"}
    axe_check(axe, page, "Welsh compare page, side by side")

    # Its printed paper.
    expect(page.locator(PAPER + " [data-section=criteria]")).to_be_attached()
    assert read_in(page, PAPER, s["report.results"]) == {"en-GB"}
    assert read_in(page, PAPER + " [data-section=criteria]", criterion) == {"en-GB"}
    assert read_in(page, PAPER + " [data-section=criteria]", "Arweinyddiaeth") == {"cy"}
    assert read_in(page, PAPER + " .kmsat-paper-chart", "Dim eto") == {"cy"}
    assert read_in(page, PAPER + " [data-section=teach]", "Dim eto") == {"cy"}

    # Consensus: level labels in Welsh as columns and radios, criteria and sentences in English.
    page.get_by_role("radio", name=s["compare.mode.consensus"]).check()
    spread = ".kmsat-cmp-spread"
    expect(page.locator(spread)).to_be_attached()
    assert read_in(page, spread, criterion) == {"en-GB"}
    assert read_in(page, spread + " thead", "Dim eto") == {"cy"}
    assert read_in(page, spread + " tbody", "Arweinyddiaeth") == {"cy"}
    assert read_in(page, ".kmsat-cmp-agree legend", "Agreed level: " + criterion) == {"en-GB"}
    hint = ".kmsat-cmp-agree .kmsat-cmp-hint"
    assert read_in(page, hint, "Ratings given") == {"en-GB"}
    assert read_in(page, hint, s["compare.consensus.median"]) == {"en-GB"}
    assert read_in(page, ".kmsat-cmp-agree .kmsat-cmp-radios", "Dim eto") == {"cy"}
    axe_check(axe, page, "Welsh compare page, consensus")

    # Its printed paper: "element: criterion" in one cell, each in its language.
    expect(page.locator(PAPER + " [data-section=consensus]")).to_be_attached()
    cells = PAPER + " [data-section=consensus] tbody"
    assert read_in(page, cells, "Arweinyddiaeth") == {"cy"}
    assert read_in(page, cells, criterion) == {"en-GB"}
    assert "cy" in read_in(page, cells, "Dim eto")


def test_the_national_compare_page_marks_nothing(page, site_url):
    page.goto(site_url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    page.set_input_files("#kmsat-cmp-input", [str(f) for f in RATERS])
    page.locator(".kmsat-cmp-spread").wait_for()
    expect(page.locator(PAPER)).to_be_attached()
    marked = page.locator("#kmsat-compare [lang]:not(.kmsat-board-paper)")
    assert marked.count() == 0, marked.first.evaluate("el => el.outerHTML")
