"""The page and its script in Chromium: a version mismatch is said in words, and
an edition's local examples show beside their criterion."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser

VERSION_ONE = "&quot;version&quot;:1,"


def serve_changed(page, path: str, change):
    """Serve ``path`` with its HTML changed, as a page from another build would be."""

    def handle(route):
        response = route.fetch()
        body = response.text()
        changed = change(body)
        assert changed != body, f"{path}: the change found nothing to change"
        route.fulfill(response=response, body=changed)

    page.route(re.compile(re.escape(path) + "$"), handle)


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda body: body.replace(VERSION_ONE, "&quot;version&quot;:2,", 1), "newer version"),
        (lambda body: body.replace(VERSION_ONE, "&quot;version&quot;:0,", 1), "missing or damaged"),
        (lambda body: re.sub(r'data-kmsat-json="[^"]*"', 'data-kmsat-json="{"', body), "missing"),
    ],
    ids=["newer", "bad-version", "damaged"],
)
def test_a_page_the_script_cannot_read_says_so_and_keeps_the_paper_form(
    page, site_url, change, words
):
    # The long paper form comes after the notice; the compare page's short note before it.
    for path, mount, fallback, notice_first in (
        ("assessment.html", "#kmsat-app", "#kmsat-paper", True),
        ("compare.html", "#kmsat-compare", "#kmsat-compare-nojs", False),
    ):
        serve_changed(page, path, change)
        page.goto(site_url + path)
        notice = page.locator(".md-content [role=alert]")
        expect(notice).to_contain_text(words)
        expect(notice).to_contain_text("The paper version of the assessment still works")
        expect(page.locator(fallback)).to_be_visible()
        follows = "(n, f) => Boolean(n.compareDocumentPosition(document.querySelector(f)) & 4)"
        assert notice.evaluate(follows, fallback) == notice_first
        assert page.locator(mount + " :is(nav, input, button)").count() == 0
        page.unroute_all()


def test_local_examples_show_beside_their_criterion(edition_page, edition_url, axe):
    page = edition_page
    page.goto(edition_url + "assessment.html")
    nav = page.get_by_role("navigation", name="Steps of the self-assessment")
    nav.get_by_role("button", name=re.compile(r"^1\. ")).first.click()
    panel = page.locator("#kmsat-c-nv-evidence-panel .kmsat-local")
    expect(panel).to_contain_text("Local examples")
    expect(panel).to_contain_text("Panel terms of reference")
    expect(panel).to_contain_text("Ask the library for the panel's terms of reference")
    link = panel.get_by_role("link", name="the intranet")
    expect(link).to_have_attribute("href", "https://intranet.northbrook.example/evidence-panel")
    champion = page.locator("#kmsat-c-accountable-executive .kmsat-local")
    expect(champion).to_contain_text("Our knowledge champion")
    assert champion.get_by_role("link").count() == 0
    # Only criteria with local examples have the box.
    assert page.locator(".kmsat-criterion").count() > page.locator(".kmsat-local").count() == 2
    assert_accessible(axe, page, "assessment with local examples")
