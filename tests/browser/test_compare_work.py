"""The compare page does the work a change needs, once. Counted, never timed.

With 200 files the printed Board paper (all teams, every criterion, a chart)
takes longer to draw than the view on screen: it is drawn after the view,
once the page is idle, and several changes meanwhile make one drawing.
"""

from __future__ import annotations

import pytest

from tests.browser.test_compare import DIRECTORATES, OVER_TIME, open_compare

pytestmark = pytest.mark.browser

COUNT_PAPERS = """() => {
  const render = KMSAT.paper.render;
  window.papersDrawn = 0;
  KMSAT.paper.render = (paper) => { window.papersDrawn += 1; return render(paper); };
}"""


def test_the_paper_is_drawn_after_the_view_once_for_several_changes(site_url, page):
    open_compare(page, site_url, DIRECTORATES + OVER_TIME)
    page.locator(".kmsat-cmp-paper .kmsat-board-paper").wait_for(state="attached")
    # The over-time view's code first, so each click below draws its view at once.
    page.evaluate("KMSAT.load('compare-time')")
    page.evaluate(COUNT_PAPERS)
    # Three changes of view in one task: each view is drawn, the paper not yet.
    drawn = page.evaluate(
        """() => {
          for (const mode of ['time', 'side', 'time']) document.getElementById('kmsat-cmp-mode-' + mode).click();
          return [window.papersDrawn, document.querySelector('.kmsat-cmp-view h2').textContent];
        }"""
    )
    assert drawn == [0, "Over time"]
    page.wait_for_function(
        "() => window.papersDrawn > 0"
    )  # a function: a bare expression is eval, which the CSP refuses
    assert "progress over time" in page.locator(".kmsat-board-paper__title").inner_text()
    page.wait_for_timeout(300)  # nothing else was waiting to draw it again
    assert page.evaluate("window.papersDrawn") == 1
    # Printing draws it at once, whatever is pending (the browser's beforeprint, as print() sends it).
    title = page.evaluate(
        """() => {
          document.getElementById('kmsat-cmp-mode-side').click();
          dispatchEvent(new Event('beforeprint'));
          return document.querySelector('.kmsat-board-paper__title').textContent;
        }"""
    )
    assert title.endswith("teams compared")
