"""Hostile and broken answers files and share links, in both pages (issue #6).

The corpus is tests/fixtures/hostile (cases.json says what each file or link
must do; make_hostile.py writes it, and makes the ones too large to commit).
Each is refused with its message from strings.yml, with the stored answers
unchanged to the byte, or imported (once the user confirms) into a clean
session. Throughout, nothing runs: the payloads would set window.__pwned or
the page title, or add an element or an on* attribute that the guard sees.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.test_questionnaire import open_app, step
from tests.conftest import ROOT
from tests.fixtures.hostile import make_hostile

pytestmark = pytest.mark.browser

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
CASES = json.loads((HOSTILE / "cases.json").read_text(encoding="utf-8"))
XSS = CASES["xss"]
KEY = "kmsat:national:session"
COMPARE_KEY = "kmsat:national:compare"
STRINGS = yaml.safe_load((ROOT / "framework" / "strings.yml").read_text(encoding="utf-8"))[
    "strings"
]
FW = make_hostile.FW
DIRECTORATE = ROOT / "tests" / "js" / "fixtures" / "exports" / "directorates"

# ---------------------------------------------------------------- shared with the other #6 tests

GUARD = """(() => {
  // What a payload would do if it ran, or if it were inserted as HTML.
  window.__bad = [];
  window.__csp = [];
  window.__reads = [];
  window.__objectKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
  document.addEventListener('securitypolicyviolation',
    (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
  const DANGER = /^(script|img|iframe|frame|object|embed|style|link|meta|base|audio|video|source)$/i;
  const attribute = (el, name) => {
    const value = el.getAttribute(name) || '';
    if (/^on/i.test(name) || /^\\s*(javascript|vbscript|data):/i.test(value) && /^(href|src|action|formaction|xlink:href)$/i.test(name)) {
      window.__bad.push(el.tagName + ' ' + name + '=' + value.slice(0, 80));
    }
  };
  // The boot script loading one of our bundles on demand (a <script src> or stylesheet
  // <link> of assets/kmsat/, nothing inline): not made from text.
  const bundle = (el) => /^(script|link)$/i.test(el.tagName) && !el.textContent
    && /\\/assets\\/kmsat\\/[a-z0-9-]+\\.(js|css)$/.test(el.getAttribute('src') || el.getAttribute('href') || '');
  const check = (node) => {
    if (node.nodeType !== 1) return;
    for (const el of [node, ...node.querySelectorAll('*')]) {
      if (DANGER.test(el.tagName) && !bundle(el)) window.__bad.push('<' + el.tagName.toLowerCase() + '>');
      for (const name of el.getAttributeNames()) attribute(el, name);
    }
  };
  new MutationObserver((records) => {
    if (!window.__armed) return;
    for (const r of records) {
      if (r.type === 'attributes') attribute(r.target, r.attributeName);
      else r.addedNodes.forEach(check);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  // Reading a file: its size, so a test can tell that a big one was never read.
  const wrap = (proto, name) => {
    const original = proto[name];
    proto[name] = function (...args) {
      window.__reads.push((this instanceof Blob ? this : args[0]).size);
      return original.apply(this, args);
    };
  };
  wrap(FileReader.prototype, 'readAsText');
  wrap(FileReader.prototype, 'readAsArrayBuffer');
  wrap(Blob.prototype, 'text');
  wrap(Blob.prototype, 'arrayBuffer');
})();"""


def holds_nothing(page) -> bool:
    """The page's own answers are blank: an import then replaces them without asking."""
    return page.evaluate(
        """() => { const key = Object.keys(localStorage).find((k) => k.endsWith(':session'));
          return !key || KMSAT.session.isBlank(JSON.parse(localStorage.getItem(key))); }"""
    )


def guard(page) -> None:
    """Watch every document this page loads (call before the first goto)."""
    page.add_init_script(GUARD)


def arm(page) -> str:
    """Start watching for new elements (the page has built itself); returns the title to keep."""
    page.evaluate("window.__armed = true")
    return page.title()


def assert_inert(page, title: str, where: str = "") -> None:
    """No payload ran, no element or handler was made from text, no prototype changed."""
    state = page.evaluate(
        """() => ({pwned: window.__pwned, title: document.title, csp: window.__csp,
                 bad: window.__bad.concat([...document.querySelectorAll(
                   '#kmsat-app *, #kmsat-share-banner *, #kmsat-compare *, dialog *')]
                   .filter((el) => /^(script|img|iframe|object|embed|style|link|meta|base)$/i.test(el.tagName)
                     || el.getAttributeNames().some((n) => /^on/i.test(n))
                     || /^\\s*javascript:/i.test(el.getAttribute('href') || ''))
                   .map((el) => el.outerHTML.slice(0, 120))),
                 proto: Object.getOwnPropertyNames(Object.prototype).sort().join() === window.__objectKeys,
                 polluted: [({}).polluted, ({}).level, [].polluted, Object.prototype.toString.call(null)]})"""
    )
    assert state["pwned"] is None, where
    assert state["title"] == title != "pwned", where
    assert state["bad"] == [], f"{where}: elements or attributes made from text: {state['bad']}"
    assert state["csp"] == [], f"{where}: content security policy violations: {state['csp']}"
    assert state["proto"] is True, f"{where}: Object.prototype gained a property"
    assert state["polluted"] == [None, None, None, "[object Null]"], where


def phrase(key: str) -> str:
    """The longest fixed part of a message in strings.yml (placeholders are filled in on the page)."""
    return max(re.split(r"\{[A-Za-z][A-Za-z0-9]*\}", STRINGS[key]), key=len).strip()


def stored_text(page, key: str = KEY):
    return page.evaluate("(key) => localStorage.getItem(key)", key)


def assert_clean_session(session: dict, where: str = "") -> None:
    """Only this edition's ids and fields, texts as strings of at most 5,000 characters."""
    criteria, checklist = set(FW["criteria"]), set(FW["checklist"])
    assert set(session) == {
        "format",
        "version",
        "edition",
        "id",
        "revision",
        "savedAt",
        "details",
        "checklist",
        "answers",
        "plan",
        "dismissed",
    }, where
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", session["id"]), where
    text = lambda v: isinstance(v, str) and len(v) <= 5000  # noqa: E731
    details = session["details"]
    assert set(details) == {
        "organisation",
        "team",
        "date",
        "facilitator",
        "participants",
        "rater",
        "purpose",
        "capacity",
        "role",
    }
    assert all(text(v) for v in details.values()), where
    assert details["capacity"] in ("", "organisation", "directorate", "team"), where
    assert details["role"] in ("", "agreed", "individual"), where
    for cid, answer in session["answers"].items():
        assert cid in criteria and set(answer) == {"level", "priority", "notes"}, (where, cid)
        assert answer["level"] in (
            "",
            "not-yet",
            "emerging",
            "developing",
            "embedded",
            "dont-know",
            "not-applicable",
        )
        assert answer["priority"] in ("", "high", "medium", "low") and text(answer["notes"])
    for qid, entry in session["checklist"].items():
        assert qid in checklist and set(entry) == {"answer", "note"}, (where, qid)
        assert entry["answer"] in ("", "yes", "partly", "no", "dont-know") and text(entry["note"])
    rows = session["plan"]
    assert len(rows) <= 500 + len(criteria), where
    assert len({r["id"] for r in rows}) == len(rows), where
    for r in rows:
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", r["id"]), where
        assert r["criterion"] is None or r["criterion"] in criteria, where
        fields = ["title", "action", "owner", "support", "due", "measure"]
        assert all(text(r[f]) for f in fields), where
        assert r["status"] in ("", "not-started", "in-progress", "done"), where
    assert all(c in criteria for c in session["dismissed"]), where


# ---------------------------------------------------------------- the corpus


def files(tmp_path: Path) -> list[dict]:
    """Every file case with its path: the committed ones and those made now (50 MB and so on)."""
    made = tmp_path / "generated"
    made.mkdir(exist_ok=True)
    generated = make_hostile.generated(made)
    return [{**c, "path": HOSTILE / "files" / c["file"]} for c in CASES["files"]] + [
        {**c, "path": made / c["file"]} for c in generated
    ]


def on_compare(case: dict) -> dict:
    return {**case, **case.get("compare", {})}


def test_the_committed_corpus_is_what_make_hostile_writes():
    """cases.json and files/ are regenerated from make_hostile.py, never edited by hand."""
    expected = {name: content for name, content, _ in make_hostile._files()}
    on_disk = {p.name: p.read_bytes() for p in (HOSTILE / "files").iterdir()}
    assert on_disk == expected
    assert CASES["links"] == make_hostile._links()
    assert [c["file"] for c in CASES["files"]] == list(expected)
    assert (
        len(CASES["files"]) + 5 + len(CASES["links"]) + 1 >= 60
    )  # 5 files and a link made at test time


# ---------------------------------------------------------------- the assessment page


def import_file(page, path: Path) -> None:
    page.evaluate("document.querySelector('.kmsat-error')?.setAttribute('data-old', '')")
    page.get_by_label("Answers file").set_input_files(str(path))
    page.get_by_role("button", name="Import", exact=True).click()


def start_with_own_answers(page, site_url) -> str:
    """The assessment page with answers of the user's own, on Save and share; returns the title."""
    guard(page)
    open_app(page, site_url + "assessment.html")
    page.get_by_role("textbox", name="Organisation").fill("My own answers")
    step(page, "1. Leadership").click()
    page.get_by_role("group", name=re.compile(r"^1\.1 ")).get_by_role(
        "radio", name=re.compile("^Developing")
    ).check()
    step(page, "Save and share").click()
    return arm(page)


def test_refused_files_change_nothing(site_url, page, tmp_path):
    title = start_with_own_answers(page, site_url)
    before = stored_text(page)
    refused = [c for c in files(tmp_path) if c["expect"] == "refused"]
    assert len(refused) >= 30
    for case in refused:
        import_file(page, case["path"])
        box = page.locator(".kmsat-error:not([data-old])")
        expect(box).to_contain_text(phrase(case["key"]))
        expect(box).to_contain_text(phrase("import.refused.heading"))
        if case.get("big"):  # refused by its size: not one byte of it read
            reads = page.evaluate("window.__reads")
            assert not reads or max(reads) <= 2 * 1024 * 1024, f"{case['file']}: read {reads}"
        assert page.locator("dialog.kmsat-dialog").count() == 0, case["file"]
        assert stored_text(page) == before, case["file"]
        assert_inert(page, title, case["file"])
    # The big files were refused by their size: never read, let alone parsed.
    reads = page.evaluate("window.__reads")
    assert reads and max(reads) <= 2 * 1024 * 1024, reads
    # A hostile edition id is shown, as text.
    import_file(page, HOSTILE / "files" / "other-edition-html.json")
    expect(page.locator(".kmsat-error:not([data-old])")).to_contain_text(XSS[:64])
    assert_inert(page, title)


def visit_everything(page) -> None:
    """Draw every kind of step and the print layout, so every field's text is put on the page."""
    for name in [
        "About this session",
        "Board checklist",
        "1. Leadership",
        "Results",
        "Action plan",
    ]:
        step(page, name).click()
        expect(page.locator(".kmsat-heading")).to_have_text(re.compile("^" + re.escape(name)))
    page.emulate_media(media="print")
    expect(page.locator(".kmsat-report")).to_be_visible()
    page.emulate_media(media="screen")
    step(page, "Save and share").click()


def test_files_imported_safely_once_confirmed(site_url, page, tmp_path):
    title = start_with_own_answers(page, site_url)
    before = stored_text(page)

    # Keep my answers: nothing changes, nothing runs, even for a file full of scripts.
    import_file(page, HOSTILE / "files" / "html-everywhere.json")
    page.locator("dialog.kmsat-dialog").get_by_role("button", name="Keep my answers").click()
    assert stored_text(page) == before
    assert_inert(page, title)

    imported = [c for c in files(tmp_path) if c["expect"] == "imported"]
    assert len(imported) >= 15
    for case in imported:
        blank = holds_nothing(page)
        import_file(page, case["path"])
        if not blank:  # nothing to lose, nothing asked (a hostile file may leave the page empty)
            dialog = page.locator("dialog.kmsat-dialog")
            expect(dialog).to_contain_text(case["file"])
            dialog.get_by_role("button", name="Replace my answers").click()
        notice = page.locator("[data-notice=import]")
        expect(notice).to_contain_text(f"Answers imported from {case['file']}.")
        lines = notice.locator("li")
        expect(lines).to_have_count(len(case["report"]))
        for key in case["report"]:
            expect(notice).to_contain_text(phrase(key))
        if not case["report"]:
            expect(notice).not_to_contain_text(STRINGS["import.report.heading"])
        session = json.loads(stored_text(page))
        assert_clean_session(session, case["file"])
        visit_everything(page)
        assert_inert(page, title, case["file"])
        check_imported(page, case["file"], session)

    # What was imported last is restored on a reload as it was saved.
    last = stored_text(page)
    page.reload()
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    title = arm(page)
    assert page.locator("[data-notice=restore]").count() == 0
    assert stored_text(page) == last
    visit_everything(page)
    assert_inert(page, title, "after a reload")


def check_imported(page, name: str, session: dict) -> None:
    """What particular files must have kept, exactly."""
    c0 = FW["criteria"][0]
    if name == "html-everywhere.json":
        assert {session["details"][f] for f in ["organisation", "team", "date", "facilitator"]} == {
            XSS
        }
        assert session["answers"][c0]["notes"] == XSS
        assert session["checklist"][FW["checklist"][0]]["note"] == XSS
        assert [r["action"] for r in session["plan"][:2]] == [XSS, XSS]
        assert session["plan"][1]["title"] == XSS and session["plan"][1]["id"] != XSS
        page.emulate_media(media="print")
        cells = page.locator(".kmsat-report td").all_text_contents()
        assert cells.count(XSS) >= 4 + 1 + 5 + 1, "details, checklist note and plan, as text"
        page.emulate_media(media="screen")
        step(page, "About this session").click()
        expect(page.get_by_role("textbox", name="Organisation")).to_have_value(XSS)
        step(page, "Action plan").click()
        expect(page.locator(".kmsat-row h3").nth(1)).to_have_text("2. " + XSS)
        step(page, "Save and share").click()
    elif name == "prototype-keys.json":
        assert session["answers"] == {c0: {"level": "emerging", "priority": "", "notes": "kept"}}
        assert session["checklist"] == {FW["checklist"][0]: {"answer": "yes", "note": "kept"}}
        assert [r["title"] or r["criterion"] for r in session["plan"]] == [
            "Own row",
            "__proto__",
            "constructor",
            c0,
        ]
    elif name == "too-many-rows.json":
        assert len(session["plan"]) == 500 + 1  # the 500 kept, and the rated criterion's row
    elif name == "long-texts.json":
        assert len(session["details"]["participants"]) == 4999  # not half an emoji
        assert session["answers"][c0]["notes"] == "n" * 5000
    elif name in ("utf16le.json", "utf16be.json", "bom.json"):
        assert session["details"]["organisation"] == "Hostile Test Trust"
    elif name == "control-characters.json":
        assert session["details"]["organisation"].startswith("\u202e")
        assert session["details"]["team"] == "tab\there\x00nul\x07bell"


# ---------------------------------------------------------------- share links, assessment page


def links() -> list[dict]:
    return CASES["links"] + [make_hostile.oversize_link()]


def open_link(page, site_url, case: dict) -> str:
    page.goto(f"{site_url}assessment.html?case={case['name']}#share={case['value']}")
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    page.locator("#kmsat-share-banner").wait_for()
    return arm(page)


def test_share_links_refused_or_imported_safely(site_url, page):
    guard(page)
    open_app(page, site_url + "assessment.html")
    page.get_by_role("textbox", name="Organisation").fill("My own answers")
    before = stored_text(page)
    cases = links()
    assert len(cases) >= 25
    banner = page.locator("#kmsat-share-banner")
    for case in [c for c in cases if c["expect"] == "refused"]:
        title = open_link(page, site_url, case)
        # A refused link is an error (role alert), never the offer to import.
        expect(banner).to_have_attribute("role", "alert")
        expect(banner).to_contain_text(phrase("share.banner.refused"))
        expect(banner).to_contain_text(phrase(case["key"]))
        assert banner.get_by_role("button", name="Import").count() == 0, case["name"]
        assert stored_text(page) == before, case["name"]
        assert stored_text(page, "kmsat:national:incoming") is None
        assert_inert(page, title, case["name"])
    expect(banner).to_contain_text("longer than the 16000 characters")

    for case in [c for c in cases if c["expect"] == "imported"]:
        title = open_link(page, site_url, case)
        expect(banner).to_contain_text(phrase("share.banner.text"))
        if case["name"] == "script-payload":
            expect(banner).to_contain_text(XSS)  # the team, shown as text
        assert_inert(page, title, case["name"])
        # Import hands the answers straight to the questionnaire: no reload.
        blank = holds_nothing(page)
        banner.get_by_role("button", name="Import").click()
        page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
        title = arm(page)
        if not blank:
            page.locator("dialog.kmsat-dialog").get_by_role(
                "button", name="Replace my answers"
            ).click()
        notice = page.locator("[data-notice=import]")
        expect(notice).to_contain_text("Opened “Answers from a share link: ")
        expect(notice.locator("li")).to_have_count(len(case["report"]))
        for key in case["report"]:
            expect(notice).to_contain_text(phrase(key))
        session = json.loads(stored_text(page))
        assert_clean_session(session, case["name"])
        assert stored_text(page) != before
        if case["name"] == "script-payload":
            assert session["details"]["organisation"] == XSS
            assert session["answers"][FW["criteria"][0]]["notes"] == XSS
            assert session["checklist"][FW["checklist"][0]]["note"] == XSS
            assert {r["measure"] for r in session["plan"][:2]} == {XSS}
        visit_everything(page)
        assert_inert(page, title, case["name"])
        before = stored_text(page)


# ---------------------------------------------------------------- the compare page


def compare_state(page):
    return (
        stored_text(page, COMPARE_KEY),
        page.locator(".kmsat-cmp-files").inner_text(),
        page.locator(".kmsat-cmp-body").inner_text(),
    )


def test_the_same_files_and_links_on_the_compare_page(site_url, page, tmp_path):
    guard(page)
    page.goto(site_url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    page.set_input_files("#kmsat-cmp-input", str(DIRECTORATE / "medicine-2026-03-10.json"))
    # A function, not an expression: Playwright evaluates a bare expression as script, which the CSP refuses.
    page.wait_for_function("(key) => localStorage.getItem(key) !== null", arg=COMPARE_KEY)
    title = arm(page)
    before = compare_state(page)
    refused_list = page.locator(".kmsat-cmp-refused li")

    # Every refused file at once: one line each, with its reason; nothing else changes.
    corpus = [on_compare(c) for c in files(tmp_path)]
    refused = [c for c in corpus if c["expect"] == "refused"]
    page.set_input_files("#kmsat-cmp-input", [str(c["path"]) for c in refused])
    expect(refused_list).to_have_count(len(refused))
    texts = refused_list.all_text_contents()
    for case, text in zip(refused, texts, strict=True):
        assert text.startswith(case["file"] + ": "), text
        assert phrase(case["key"]) in text, (case["file"], text)
    assert any(XSS[:64] in text for text in texts)  # a hostile edition id, as text
    expect(page.locator("[aria-live=polite]")).to_contain_text(f"Files not added: {len(refused)}.")
    assert compare_state(page) == before
    reads = page.evaluate("window.__reads")
    assert max(reads) <= 2 * 1024 * 1024, "the big files were never read"
    assert_inert(page, title, "refused files")

    # Refused links, pasted one at a time.
    paste = page.get_by_label("Add answers from a share link")
    for case in [c for c in links() if c["expect"] == "refused"]:
        if not case["value"]:
            continue  # an empty field is not a link: nothing happens
        page.evaluate("document.querySelector('.kmsat-cmp-refused')?.remove()")
        paste.fill(f"{site_url}assessment.html#share={case['value']}")
        page.get_by_role("button", name="Add", exact=True).click()
        expect(refused_list).to_have_text([re.compile(re.escape(phrase(case["key"])))])
        assert refused_list.first.text_content().startswith("Share link: ")
        assert compare_state(page) == before, case["name"]
    assert_inert(page, title, "refused links")

    # The files and links the assessment page imports are added here, shown as text.
    accepted = [c for c in corpus if c["expect"] == "imported"]
    page.set_input_files("#kmsat-cmp-input", [str(c["path"]) for c in accepted])
    expect(page.locator("[aria-live=polite]")).to_contain_text(f"Files added: {len(accepted)}.")
    for case in [c for c in links() if c["expect"] == "imported"]:
        paste.fill(case["value"])
        page.get_by_role("button", name="Add", exact=True).click()
        expect(paste).to_have_value("")
    total = 1 + len(accepted) + sum(c["expect"] == "imported" for c in links())
    expect(page.locator(".kmsat-cmp-files summary")).to_have_text(
        f"Files in the comparison: {total}"
    )
    page.locator(".kmsat-cmp-files summary").click()  # a long list is drawn once opened
    expect(page.locator(".kmsat-cmp-filetable tbody tr")).to_have_count(total)
    cells = page.locator(".kmsat-cmp-filetable td, .kmsat-cmp-filetable th[scope=row]")
    assert XSS in cells.all_text_contents()
    assert page.locator(".kmsat-cmp-filetable tbody tr").count() == total
    for mode in ["Side by side", "Consensus", "Over time"]:
        page.get_by_role("radio", name=re.compile("^" + mode)).check()
        page.locator(".kmsat-cmp-view").wait_for()
        assert_inert(page, title, mode)
    for session in [f["session"] for f in json.loads(stored_text(page, COMPARE_KEY))["files"]]:
        assert_clean_session(session)

    # Kept and restored as text.
    page.reload()
    page.locator(".kmsat-cmp-view").wait_for()
    title = arm(page)
    page.locator(".kmsat-cmp-files summary").click()
    expect(page.locator(".kmsat-cmp-filetable tbody tr")).to_have_count(total)
    assert XSS in cells.all_text_contents()
    assert_inert(page, title, "restored")
