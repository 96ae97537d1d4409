"""Every page of the built national site, in Chromium, as a visitor sees it."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kmsat_build.bundles import on_demand_ceiling, read_manifest
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def site_pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith(("assets/", "search/"))
    )


def test_every_page_loads_cleanly_and_passes_axe(national_site, site_url, page, axe):
    pages = site_pages(national_site)
    assert len(pages) >= 30
    failures = []
    for path in pages:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        if page.locator("h1").count() != 1:
            failures.append(f"{path}: expected one h1")
        try:
            assert_accessible(axe, page, path)
        except AssertionError as exc:  # report every page, not just the first
            failures.append(str(exc))
    assert not failures, "\n".join(failures)


def test_dark_palette_passes_axe(site_url, page, axe):
    page.emulate_media(color_scheme="dark")
    for path in ["index.html", "elements/leadership.html", "opportunities/peer-assist.html"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert_accessible(axe, page, f"{path} (dark)")


def test_palette_toggle_by_keyboard(site_url, page):
    page.goto(site_url + "index.html")
    toggle = page.get_by_label("Switch to dark mode")
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


def test_search_finds_a_technique(site_url, page):
    page.goto(site_url + "index.html")
    # Typing before Material's search worker has loaded the index is lost, so
    # wait until the search box says it is ready (Playwright's own polling:
    # the site's CSP refuses the eval that wait_for_function needs).
    page.get_by_placeholder("Search").focus()
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile("Type to start searching"), timeout=20_000
    )
    page.get_by_placeholder("Search").press_sequentially("coffee")
    page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
    assert "Coffee" in page.locator(".md-search-result").inner_text()


def test_print_hides_navigation_chrome(site_url, page, tmp_path):
    page.goto(site_url + "elements/leadership.html")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-footer"]:
        assert not page.locator(selector).first.is_visible(), selector
    pdf = tmp_path / "leadership.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 10_000


def test_paper_form_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "assessment.html")
    paper = page.locator("#kmsat-paper")
    assert paper.is_visible()
    text = paper.inner_text()
    for heading in [
        "Leadership",
        "Behaviours",
        "Capabilities and working practices",
        "Opportunities",
        "Board checklist",
        "Session details",
    ]:
        assert heading in text
    assert text.count("☐") > 100
    context.close()


def test_site_works_from_disk(browser, national_site):
    """Opened as files (a zip on a laptop): navigation, search and the paper form."""
    context = browser.new_context()
    page = context.new_page()
    offsite: list[str] = []
    page.on("request", lambda r: r.url.startswith(("http:", "https:")) and offsite.append(r.url))
    page.goto((national_site / "index.html").as_uri())
    page.get_by_role("link", name="guidance letter").first.click()
    page.wait_for_url("**/letter.html")
    assert "Dear Colleague" in page.locator("article").inner_text()
    page.get_by_placeholder("Search").focus()
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile("Type to start searching"), timeout=20_000
    )
    page.get_by_placeholder("Search").press_sequentially("peer assist")
    page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
    page.goto((national_site / "assessment.html").as_uri())
    assert page.locator("#paper-accountable-executive").count() == 1
    page.locator("#kmsat-app[data-kmsat-started]").wait_for(state="attached")  # app starts too
    page.goto((national_site / "compare.html").as_uri())
    page.locator("#kmsat-cmp-input").wait_for(state="attached")  # compare starts from disk
    assert not page.locator("#kmsat-compare-nojs").is_visible()
    # The compare page's parts loaded on demand come from disk too (relative to boot.js).
    parts = [b.name for b in read_manifest() if not b.mount and b.name != "site"]
    attached = page.evaluate(
        """names => Promise.all(names.map(n => KMSAT.load(n))).then(() =>
             [KMSAT.share, KMSAT.sharePanel, KMSAT.overTime, KMSAT.compareTime, KMSAT.consensus,
              KMSAT.compareConsensus, KMSAT.compareMove, KMSAT.compareGuard, KMSAT.exporters,
              KMSAT.compareCsv].map(part => part !== undefined))""",
        parts,
    )
    assert parts and all(attached), (parts, attached)
    assert offsite == []
    context.close()


CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_every_page_runs_under_its_csp(national_site, site_url, page):
    """The built policy is enforced (meta on each page) and nothing violates it."""
    page.add_init_script(CSP_LISTENER)
    violations = []
    for path in site_pages(national_site):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "script-src 'self' 'sha256-" in policy and "unsafe-eval" not in policy, path
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], path
        violations += [f"{path}: {v}" for v in page.evaluate("window.__csp")]
    assert violations == []


def test_header_files_carry_the_policy(national_site):
    policy = (national_site / "csp.txt").read_text().strip()
    assert policy.startswith("default-src 'self'; script-src 'self' 'sha256-")
    assert "frame-ancestors 'self'" in policy
    for name in ["_headers", ".htaccess", "web.config", "csp-nginx.conf"]:
        assert policy in (national_site / name).read_text(), name


def test_search_dialog_has_an_accessible_name(site_url, page):
    """Material's search dialog has none (Lighthouse aria-dialog-name); our override adds it."""
    page.goto(site_url + "index.html")
    assert page.get_by_role("dialog", name="Search").count() == 1


def test_our_assets_ship_as_one_minified_bundle_per_kind_of_page(national_site):
    """manifest.txt's bundles, each one minified JS and CSS file; kmsat.* is the site bundle."""
    kmsat = national_site / "assets" / "kmsat"
    expected = sorted(n for b in read_manifest() for n in (b.output("js"), b.output("css")) if n)
    assert sorted(p.name for p in kmsat.iterdir() if p.is_file()) == expected
    assert {"kmsat.css", "kmsat.js", "assessment.js", "compare.js"} <= set(expected)
    for name in expected:
        text = (kmsat / name).read_text()
        assert "/**" not in text, name  # comments stripped
    assert "KMSAT" in (kmsat / "kmsat.js").read_text()  # code kept


# Our JS + CSS per page, gzipped (the goals of issue 10; make bench prints them measured in
# Chromium): the site bundle on every page, and each tool page's own first load. Both tool pages
# meet issue 10's 30 KB: their other parts load on demand (assessment-reports, share, compare-*).
WEIGHT_GOALS = {"site": 6 * 1024, "assessment": 30 * 1024, "compare": 30 * 1024}
# A part loaded on demand (a bundle with no mount point) has a ceiling of its own, not the page's
# goal (kmsat_build/bundles.py on_demand_ceiling, which the weight benchmark reports too).


def test_each_page_gets_only_its_bundle_within_its_weight(national_site):
    """A guidance page ships the site bundle, the storage guard and the search shim; a tool page adds its own."""
    kmsat = national_site / "assets" / "kmsat"
    gz = lambda name: len(gzip.compress((kmsat / name).read_bytes(), 9))  # noqa: E731
    site = sum(
        gz(n)
        for n in ["kmsat.js", "kmsat.css", "js/storage-guard.js", "vendor/iframe-worker-shim.js"]
    )
    assert site <= WEIGHT_GOALS["site"], site
    for b in read_manifest():
        own = sum(gz(n) for n in (b.output("js"), b.output("css")) if n)
        if b.name == "site":
            continue
        if not b.mount:  # not in the page's first load: it comes when the user first needs it
            assert own <= on_demand_ceiling(b.name), (b.name, own)
            continue
        assert site + own <= WEIGHT_GOALS[b.name], (b.name, site + own)
    assert WEIGHT_GOALS.keys() == {"site"} | {b.name for b in read_manifest() if b.mount}


def loaded_bundles(page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll('script[src], link[rel=stylesheet]')]
              .map(e => (e.src || e.href).split('/assets/kmsat/')[1]).filter(Boolean).sort()"""
    )


def test_bundles_load_on_demand_under_instant_navigation_and_back(instant_site_url, new_page):
    """Guidance pages load no tool bundle; the tool's mount point loads it, once, and Back works."""
    page = new_page()
    page.goto(instant_site_url + "letter.html")
    page.wait_for_load_state("networkidle")
    assert loaded_bundles(page) == [
        "js/storage-guard.js",
        "kmsat.css",
        "kmsat.js",
        "vendor/iframe-worker-shim.js",
    ]
    assert page.evaluate("typeof KMSAT.dom") == "undefined"
    page.evaluate("window.samePage = true")
    page.locator("a[href$='assessment.html']:visible").first.click()
    page.locator("#kmsat-app[data-kmsat-started] .kmsat-steps").wait_for()
    assert page.evaluate("window.samePage") is True  # instant navigation, not a page load
    assert "assessment.js" in loaded_bundles(page) and "compare.js" not in loaded_bundles(page)
    page.go_back()
    page.wait_for_url("**/letter.html")
    page.go_forward()
    page.locator("#kmsat-app[data-kmsat-started] .kmsat-steps").wait_for()
    assert page.locator("#kmsat-app .kmsat-steps").count() == 1
    assert loaded_bundles(page).count("assessment.js") == 1  # loaded once per document
    # KMSAT.load: one promise per bundle, settled once its script has run.
    assert page.evaluate("KMSAT.load('assessment') === KMSAT.load('assessment')")
    page.evaluate("KMSAT.load('compare')")
    page.wait_for_function("() => window.KMSAT.compareViews !== undefined")
    assert loaded_bundles(page).count("compare.js") == 1
    assert page.evaluate("KMSAT.load('nothing').then(() => 'loaded', e => e.message)") == (
        "kmsat: no bundle named nothing"
    )
    assert page.evaluate("window.samePage") is True
