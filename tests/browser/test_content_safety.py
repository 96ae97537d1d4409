"""The hostile edition in Chromium: nothing an edition wrote runs (issue #9).

tests/hostile_edition.py puts every payload into every text field; each
would set window.__pwned, retitle the page, navigate away or ask another
host for something. Every page is loaded, every element is hovered and
focused (the events inline handlers listen for), and the questionnaire is
stepped through with and without the worked example: nothing ran, nothing
was refused by the CSP (nothing even tried), nothing left the site.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import served
from tests.browser.test_hostile_inputs import arm, assert_inert, guard
from tests.browser.test_pages import site_pages

pytestmark = pytest.mark.browser

# What is in the live DOM that could run or redirect, whoever put it there.
DOM_CHECK = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) || '';
      if (/^on/i.test(name)) bad.push(el.tagName + ' ' + name);
      if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(name)
          && /^\\s*(javascript|vbscript|data):/i.test(value.replace(/[\\u0000-\\u0020]/g, ''))) {
        bad.push(el.tagName + ' ' + name + '=' + value.slice(0, 40));
      }
    }
  }
  for (const sel of ['meta[http-equiv=refresh i]', 'base', 'iframe', 'object', 'embed', 'style',
                     'article form', 'article input', 'article svg', 'article link']) {
    document.querySelectorAll(sel).forEach((el) => {
      // Our questionnaire's own controls and charts (assert_inert watches what it builds).
      if (!el.closest('#kmsat-app, #kmsat-compare')) bad.push(sel + ': ' + el.outerHTML.slice(0, 60));
    });
  }
  return bad;
}"""
# Fire what inline handlers would listen for, on every element of the page.
PROVOKE = """() => {
  for (const el of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'load', 'error']) {
      el.dispatchEvent(new Event(type));
    }
  }
  document.querySelectorAll('details').forEach((d) => { d.open = !d.open; });
}"""


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with served(hostile_site) as url:
        yield url


def watched(new_page, url: str):
    """A guarded page whose requests off the site are refused and recorded."""
    page = new_page()
    page.elsewhere = []
    page.navigations = []

    def route(r):
        if r.request.url.startswith((url, "data:", "blob:")):
            return r.continue_()
        page.elsewhere.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    # <img src=x onerror=...> keeps its (same-site, missing) image once the handler is gone:
    # the only 404s allowed, checked in assert_nothing_ran.
    page.missing = []
    page.on("response", lambda r: r.status == 404 and page.missing.append(r.url))
    page.watch.ignore = "404 (File not found)"
    page.on("framenavigated", lambda f: f == page.main_frame and page.navigations.append(f.url))
    guard(page)
    return page


def assert_nothing_ran(page, url: str, title: str, where: str) -> None:
    assert_inert(page, title, where)  # no __pwned, same title, no CSP violation, no new elements
    assert page.url.startswith(url), f"{where}: navigated to {page.url}"
    assert all(n.startswith(url) for n in page.navigations), (where, page.navigations)
    assert page.elsewhere == [], f"{where}: requests to other hosts: {page.elsewhere}"
    assert page.evaluate(DOM_CHECK) == [], where
    assert all(m.startswith(url) and m.endswith("/x") for m in page.missing), page.missing


def test_no_page_of_the_hostile_edition_runs_anything(hostile_site, hostile_url, new_page):
    page = watched(new_page, hostile_url)
    pages = site_pages(hostile_site)
    assert len(pages) > 30 and "local.html" in pages
    for path in pages:
        page.goto(hostile_url + path)
        page.wait_for_load_state("networkidle")  # a refresh or a late request would show here
        title = arm(page)
        assert title != "pwned", path
        page.evaluate(PROVOKE)
        page.wait_for_load_state("networkidle")
        assert_nothing_ran(page, hostile_url, title, path)


def test_the_questionnaire_shows_hostile_text_without_running_it(hostile_url, new_page):
    page = watched(new_page, hostile_url)
    page.goto(hostile_url + "assessment.html")
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    title = arm(page)
    steps = page.locator(".kmsat-steps button")
    assert steps.count() >= 7  # details, checklist, four elements, results, plan, save
    for mode in ("own", "example"):
        if mode == "example":
            page.locator(".kmsat-privacy button").first.click()
            page.locator(".kmsat-body").wait_for()
        for i in range(steps.count()):
            steps.nth(i).click()
            page.evaluate(PROVOKE)
            assert_nothing_ran(page, hostile_url, title, f"{mode}: step {i + 1}")
    # The hostile text is on screen, as text.
    body = page.locator("body").inner_text()
    assert "<script>window.__pwned=1;document.title='pwned'</script>" in body
    page.emulate_media(media="print")
    assert_nothing_ran(page, hostile_url, title, "print")
