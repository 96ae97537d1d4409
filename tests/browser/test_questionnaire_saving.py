"""The questionnaire keeps answers: storage off or full, two tabs, restoring, file://, instant navigation."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_questionnaire import (
    KEY,
    open_app,
    score_rows,
    step,
    stored,
)

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- saving


NO_STORAGE = """Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The user denied storage', 'SecurityError'); } });"""
FULL_STORAGE = """(() => { const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(key).startsWith('kmsat:')) throw new DOMException('full', 'QuotaExceededError');
    return set.call(this, key, value); }; })();"""


def test_storage_unavailable_keeps_working_and_offers_export(new_page, site_url, tmp_path):
    page = new_page(NO_STORAGE)
    # Material's own inline scripts read localStorage unguarded (its palette) and
    # throw; that is Material's, and the same in a real browser with storage off.
    page.watch.ignore = "The user denied storage"
    open_app(page, site_url + "assessment.html")
    notice = page.get_by_role("alert").filter(has_text="This browser is not letting the page save")
    expect(notice).to_be_visible()
    page.get_by_role("textbox", name="Organisation").fill("In memory only")
    expect(page.locator(".kmsat-status")).to_have_text(
        "Not saved in this browser. Export your answers to keep them."
    )
    step(page, "1. Leadership").click()
    group = page.get_by_role("group", name="1.1 An accountable executive")
    group.get_by_role("radio", name=re.compile("^Emerging")).check()
    step(page, "Results").click()
    assert score_rows(page)[0][:3] == ["Leadership", "2.0", "1 of 5"]
    with page.expect_download() as info:
        notice.get_by_role("button", name="Download answers (.json, to import later)").click()
    path = tmp_path / "memory.json"
    info.value.save_as(path)
    saved = json.loads(path.read_text())
    assert saved["details"]["organisation"] == "In memory only"
    assert saved["answers"]["accountable-executive"]["level"] == "emerging"


def test_storage_full_says_so_and_offers_export(new_page, site_url):
    page = new_page(FULL_STORAGE)
    open_app(page, site_url + "assessment.html")
    page.get_by_role("textbox", name="Organisation").fill("Too much")
    notice = page.get_by_role("alert").filter(has_text="This browser's storage is full")
    expect(notice).to_be_visible()
    expect(
        notice.get_by_role("button", name="Download answers (.json, to import later)")
    ).to_be_visible()
    expect(page.get_by_role("textbox", name="Organisation")).to_have_value("Too much")


def test_two_tabs_never_overwrite_newer_answers_silently(new_page, site_url):
    a = new_page()
    b = new_page(context=a.context)
    open_app(a, site_url + "assessment.html")
    a.get_by_role("textbox", name="Organisation").fill("From tab A")
    open_app(b, site_url + "assessment.html")
    expect(b.get_by_role("textbox", name="Organisation")).to_have_value("From tab A")
    b.get_by_role("textbox", name="Organisation").fill("From tab B")
    assert stored(b)["details"]["organisation"] == "From tab B"

    # Tab A hears of it, and its next change does not overwrite tab B's.
    conflict = a.get_by_role("alert").filter(has_text="changed in another tab or window")
    expect(conflict).to_be_visible()
    a.get_by_role("textbox", name="Facilitator").fill("Typed in A")
    assert stored(a)["details"] == stored(b)["details"]
    assert stored(a)["details"]["facilitator"] == ""
    expect(a.locator(".kmsat-status")).to_contain_text("Not saved")
    conflict.get_by_role("button", name="Show the newer answers").click()
    expect(a.get_by_role("textbox", name="Organisation")).to_have_value("From tab B")
    expect(conflict).to_have_count(0)

    # Now A saves; B is told, and chooses to keep its own: saved as the newest revision.
    a.get_by_role("textbox", name="Facilitator").fill("A again")
    revision = stored(a)["revision"]
    conflict_b = b.get_by_role("alert").filter(has_text="changed in another tab or window")
    expect(conflict_b).to_be_visible()
    conflict_b.get_by_role("button", name="Keep the answers on this page").click()
    after = stored(b)
    assert (
        after["details"]["facilitator"] == "" and after["details"]["organisation"] == "From tab B"
    )
    assert after["revision"] > revision
    expect(a.get_by_role("alert").filter(has_text="changed in another tab")).to_be_visible()


def test_restoring_says_what_was_dropped_and_never_overwrites_unreadable_answers(site_url, page):
    open_app(page, site_url + "assessment.html")
    older = {
        "format": "kmsat-session",
        "version": 1,
        "edition": {"id": "national", "contentVersion": "0.9.0"},
        "id": "older",
        "revision": 4,
        "answers": {
            "accountable-executive": {"level": "emerging", "priority": "high", "notes": "kept"},
            "retired-criterion": {"level": "embedded"},
        },
    }
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(older)])
    page.reload()
    report = page.get_by_role("status").filter(has_text="Some saved answers needed tidying")
    expect(report).to_contain_text(
        "The answers in this browser were saved with version 0.9.0 of the questions"
    )
    # A criterion this copy does not know (gone, or added by a newer copy): kept, and said so.
    expect(report).to_contain_text("Kept, not shown")
    expect(report).to_contain_text("retired-criterion")
    step(page, "1. Leadership").click()
    expect(
        page.get_by_role("group", name="1.1 An accountable executive").get_by_role(
            "radio", name=re.compile("^Emerging")
        )
    ).to_be_checked()
    page.get_by_role("textbox", name="Notes and evidence for: An accountable executive").type("!")
    assert stored(page)["answers"]["retired-criterion"] == {
        "level": "embedded",
        "priority": "",
        "notes": "",
    }

    # Saved answers this version cannot read stay stored until the user decides.
    page.evaluate(
        '(key) => localStorage.setItem(key, \'{"format": "kmsat-session", "version": 7}\')', KEY
    )
    page.reload()
    problem = page.get_by_role("alert").filter(has_text="could not be restored")
    expect(problem).to_contain_text("saved by a newer version of this tool (version 7")
    step(page, "About this session").click()
    page.get_by_role("textbox", name="Organisation").fill("Typed after")
    assert stored(page)["version"] == 7
    problem.get_by_role("button", name="Start a new assessment").click()
    page.get_by_role("dialog", name=re.compile("^Start a new assessment")).get_by_role(
        "button", name="Yes, continue"
    ).click()
    expect(problem).to_have_count(0)
    fresh = stored(page)
    assert fresh["version"] == 1 and fresh["details"]["organisation"] == ""
    expect(page.get_by_role("textbox", name="Organisation")).to_have_value("")


def test_runs_and_saves_from_file_url(new_page, national_site):
    page = new_page()
    url = (national_site / "assessment.html").as_uri()
    open_app(page, url)
    page.get_by_role("textbox", name="Organisation").fill("Opened from disk")
    page.reload()
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    expect(page.get_by_role("textbox", name="Organisation")).to_have_value("Opened from disk")
    assert not page.locator("#kmsat-paper").is_visible()


def test_instant_navigation_away_and_back(instant_site_url, new_page):
    page = new_page()
    open_app(page, instant_site_url + "assessment.html")
    page.get_by_role("textbox", name="Organisation").fill("Before leaving")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Leadership").click()
    page.wait_for_url("**/elements/leadership.html")
    page.go_back()
    page.wait_for_url("**/assessment.html")
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    assert page.evaluate("window.__sameDocument") is True  # no reload: instant navigation
    assert page.locator("#kmsat-app .kmsat-shell").count() == 1
    assert page.locator("#kmsat-app > .kmsat-report").count() == 1
    assert not page.locator("#kmsat-paper").is_visible()
    expect(page.get_by_role("textbox", name="Organisation")).to_have_value("Before leaving")
    page.get_by_role("textbox", name="Organisation").fill("After coming back")
    assert stored(page)["details"]["organisation"] == "After coming back"
    # Material emits document$ again for the same page: still one app.
    page.evaluate("window.document$.next(document)")
    assert page.locator("#kmsat-app .kmsat-shell").count() == 1
