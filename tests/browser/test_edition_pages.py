"""The example edition in Chromium: branding, no off-site requests, axe, print."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PageWatch, assert_accessible

pytestmark = pytest.mark.browser

PAGES = [
    "index.html",
    "letter.html",
    "elements/leadership.html",
    "opportunities/peer-assist.html",
    "opportunities/nv-journal-club.html",
    "library-services.html",
    "assessment.html",
    "compare.html",
]


@pytest.fixture
def edition_page(context, edition_url):
    page = context.new_page()
    page.watch = PageWatch(page, (edition_url,))
    yield page
    page.watch.assert_clean()


def test_edition_pages_are_clean_and_accessible(edition_page, edition_url, axe):
    failures = []
    for path in PAGES:
        for scheme in ("light", "dark"):
            edition_page.emulate_media(color_scheme=scheme)
            edition_page.goto(edition_url + path)
            edition_page.wait_for_load_state("networkidle")
            try:
                assert_accessible(axe, edition_page, f"{path} ({scheme})")
            except AssertionError as exc:
                failures.append(str(exc))
    assert not failures, "\n".join(failures)


def test_edition_branding_is_visible(edition_page, edition_url):
    edition_page.goto(edition_url + "index.html")
    header = edition_page.locator(".md-header")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(51, 0, 114)"
    logo = edition_page.locator(".md-header__button.md-logo img")
    assert logo.get_attribute("src").endswith("/assets/logo.svg") and logo.is_visible()
    footer = edition_page.locator(".md-copyright").inner_text()
    assert "Northbrook Valley NHS Trust Library and Knowledge Service" in footer
    assert "based on national content version 1.0.0" in footer
