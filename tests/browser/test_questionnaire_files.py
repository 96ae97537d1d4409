"""The questionnaire's files: the worked example, export, import (hostile ones too), print."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PageWatch, assert_accessible
from tests.browser.test_questionnaire import (
    EXAMPLE_KEY,
    is_focused,
    load_example,
    open_app,
    page_data,
    plan_titles,
    score_rows,
    step,
    stored,
)

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- the worked example

# The example's scores, by hand from framework/example.yml.
EXAMPLE_SCORES = [
    ["Leadership", "2.0", "5 of 5", "1 to 3", "1", "3", "1", "0", "0", "0"],  # 3,2,1,2,2
    ["Behaviours", "2.3", "4 of 4", "2 to 3", "0", "2", "1", "0", "1", "0"],  # 2,3,2 + DK
    ["Capabilities and working practices", "2.3", "4 of 4", "1 to 3", "1", "1", "2", "0", "0", "0"],
    ["Opportunities", "2.8", "5 of 5", "2 to 4", "0", "2", "2", "1", "0", "0"],  # 3,2,4,3,2
]


def test_worked_example_opens_in_its_own_slot(site_url, page):
    open_app(page, site_url + "assessment.html")
    page.get_by_role("textbox", name="Organisation").fill("My own trust")
    page.get_by_role("radio", name="A directorate or division").check()
    mine = stored(page)
    assert mine["details"]["organisation"] == "My own trust"

    load_example(page)
    expect(page.get_by_text("You are looking at a fictional worked example")).to_be_visible()
    assert score_rows(page) == EXAMPLE_SCORES
    step(page, "Action plan").click()
    titles = plan_titles(page)
    # The group's agreed actions in its order, then the drafted candidates: highest priority
    # and lowest rating first, so the lowest priority and highest rating comes last.
    assert titles[:6] == [
        "Evidence-informed Board papers",
        "Keeping know-how when people move",
        "Learning before doing",
        "Find out: leaders model open learning",
        "Repeat this self-assessment",
        "Evidence and knowledge in strategy",
    ]
    assert titles[-1] == "Evidence at the point of need"
    expect(
        page.get_by_role("textbox", name="Owner for: Evidence-informed Board papers")
    ).to_have_value("Director of Strategy")
    # Editing the example saves to the example's slot, never to the user's.
    page.get_by_role("textbox", name="Owner for: Learning before doing").fill("Someone else")
    assert stored(page) == mine
    example = stored(page, EXAMPLE_KEY)
    assert example["details"]["organisation"] == "Northbrook Valley NHS Trust"
    assert example["plan"][2]["owner"] == "Someone else"

    page.get_by_role("button", name="Back to my own answers").first.click()
    expect(page.get_by_text("You are looking at a fictional worked example")).to_have_count(0)
    expect(page.get_by_role("textbox", name="Organisation")).to_have_value("My own trust")
    expect(page.get_by_role("radio", name="A directorate or division")).to_be_checked()
    assert stored(page) == mine


# ---------------------------------------------------------------- export, import, print


def download(page, button: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def import_file(page, name: str, content: bytes):
    page.get_by_label("Answers file").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": content}]
    )
    page.get_by_role("button", name="Import", exact=True).click()


def test_export_json_csv_markdown_and_reimport(site_url, page, browser, tmp_path):
    open_app(page, site_url + "assessment.html")
    load_example(page)
    step(page, "1. Leadership").click()
    page.get_by_role("textbox", name="Notes and evidence for: An accountable executive").fill(
        "=SUM(A1:A9) and a “quote”"
    )
    step(page, "Action plan").click()
    page.get_by_role(
        "textbox", name="Library and knowledge service support for: Learning before doing"
    ).fill("@library, -2, +3")
    step(page, "Save and share").click()

    exported = download(page, "Download answers (.json, to import later)", tmp_path)
    assert (
        exported.name
        == "kmsat-northbrook-valley-nhs-trust-senior-transformation-team-2026-10-14.json"
    )
    session = json.loads(exported.read_text("utf-8"))
    data = page_data(page)
    assert session["format"] == "kmsat-session" and session["version"] == 1
    assert session["edition"] == {
        "id": "national",
        "contentVersion": data["edition"]["contentVersion"],
        "fingerprint": data["fingerprint"],
    }
    assert session["answers"]["accountable-executive"]["notes"] == "=SUM(A1:A9) and a “quote”"

    csv_bytes = download(page, "Download spreadsheet (.csv)", tmp_path).read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    text = csv_bytes.decode("utf-8-sig")
    assert "'=SUM(A1:A9) and a “quote”" in text
    assert '"\'@library, -2, +3"' in text
    assert "\r\n" in text and text.splitlines()[0].startswith('"Section","Element","Id","Item"')
    assert '"plan","Leadership","evidence-informed-papers","Evidence-informed Board papers"' in text

    markdown = download(page, "Download report (.md)", tmp_path).read_text("utf-8")
    for line in [
        "# Knowledge Mobilisation Self-Assessment Tool: self-assessment report",
        "## Results by element",
        "| Leadership | 2.0 | 5 of 5 | 1 to 3 | 0 | 0 |",
        "## Action plan",
        "| 1 | Evidence-informed Board papers (Not yet, High) |",  # agreed: not a candidate
        "| 5 | Repeat this self-assessment |",
        "| 6 | Evidence and knowledge in strategy (candidate) (Emerging, High) |",
        "## Board checklist",
    ]:
        assert line in markdown, line

    # A fresh browser profile: import (nothing there to lose, so no question), and the session is identical.
    other = browser.new_context()
    fresh = other.new_page()
    watch = PageWatch(fresh, (site_url,))
    open_app(fresh, site_url + "assessment.html")
    step(fresh, "Save and share").click()
    import_file(fresh, exported.name, exported.read_bytes())
    expect(fresh.locator("[data-notice=import]")).to_be_visible()
    expect(fresh.locator("dialog.kmsat-dialog")).to_have_count(0)
    notice = fresh.get_by_role("status").filter(has_text="Answers imported from")
    expect(notice).to_be_visible()
    assert is_focused(notice)
    again = stored(fresh)
    for key in ["id", "edition", "details", "checklist", "answers", "plan", "dismissed"]:
        assert again[key] == session[key], key
    reexported = json.loads(
        download(fresh, "Download answers (.json, to import later)", tmp_path).read_text()
    )
    strip = ("exportedAt", "revision", "savedAt")
    assert {k: v for k, v in reexported.items() if k not in strip} == {
        k: v for k, v in session.items() if k not in strip
    }
    watch.assert_clean()
    other.close()


def test_print_is_a_board_paper_on_a4(site_url, page, tmp_path):
    open_app(page, site_url + "assessment.html")
    load_example(page)
    step(page, "Action plan").click()
    titles = plan_titles(page)
    assert not page.locator(".kmsat-report").is_visible()
    page.emulate_media(media="print")
    report = page.locator(".kmsat-report")
    expect(report).to_be_visible()
    assert not page.locator(".kmsat-shell").is_visible()
    assert not page.locator(".md-header").is_visible()
    pdf = tmp_path / "board-paper.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)", info), info  # portrait
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    out = Path(__import__("os").environ.get("KMSAT_ARTIFACTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    (out / "board-paper.txt").write_text(text)
    for words in [
        "assessment report",  # the title may wrap at "self-"
        "fictional worked example",
        "Session details",
        "Northbrook Valley NHS Trust",
        "Results by element",
        "Strengths",
        "Action plan",
        "Board checklist",
        "but it is short of staff",
    ]:
        assert words in flat, words
    # Table cells wrap, so the plan is checked word by word, row by row.
    # pdftotext joins a word broken at its hyphen ("self-" + "assessment"): compare without hyphens.
    in_pdf = set(re.findall(r"[\w']+", text.replace("-\n", "").replace("-", "")))
    example = stored(page, EXAMPLE_KEY)
    for title, row in zip(titles, example["plan"], strict=True):
        for value in [title, row["action"], row["owner"], row["due"]]:
            missing = set(re.findall(r"[\w']+", value.replace("-", ""))) - in_pdf
            assert not missing, (title, value, missing)
    assert "In progress" in flat and "Not started" in flat
    page.emulate_media(media="screen")
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Print or save as PDF").click()
    assert page.evaluate("window.__printed") is True
    for chrome in ["Next:", "Step 8 of 9", "Try the worked example", "Move up", "Skip to content"]:
        assert chrome not in flat, chrome
    # For a person to look at: `KMSAT_ARTIFACTS=/some/dir pytest ...` keeps PNGs of the pages.
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / "board-paper")], check=True)
    assert list(out.glob("board-paper*.png"))


# ---------------------------------------------------------------- hostile and broken files

XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'


def session_file(**fields) -> bytes:
    base = {"format": "kmsat-session", "version": 1, "edition": {"id": "national"}}
    return json.dumps({**base, **fields}).encode()


REFUSED = [
    ("notes.txt", b"hello, this is not JSON", "it is not JSON, or it is incomplete"),
    ("empty.json", b"", "it is not JSON, or it is incomplete"),
    ("binary.json", bytes(range(256)) * 4, "it is not JSON, or it is incomplete"),
    ("truncated.json", session_file(details={"organisation": "Cut"})[:40], "it is incomplete"),
    ("big.json", b'{"a": "' + b"x" * 3_000_000 + b'"}', "The file is larger than the 2 MB"),
    ("array.json", b"[1, 2, 3]", "does not contain a saved assessment"),
    (
        "other.json",
        b'{"format": "kmsat-questionnaire", "version": 1}',
        "not an answers file from this tool",
    ),
    ("noversion.json", b'{"format": "kmsat-session"}', "does not say which version"),
    (
        "future.json",
        json.dumps(
            {"format": "kmsat-session", "version": 99, "edition": {"id": "national"}}
        ).encode(),
        "file version 99; this site reads up to version 1",
    ),
    (
        "edition.json",
        json.dumps({"format": "kmsat-session", "version": 1, "edition": {"id": XSS}}).encode(),
        "belongs to another edition of this tool",
    ),
]


def test_hostile_and_broken_imports(site_url, page, axe):
    open_app(page, site_url + "assessment.html")
    page.get_by_role("textbox", name="Organisation").fill("Keep me")
    step(page, "Save and share").click()
    before = stored(page)
    summary = page.locator(".kmsat-error")
    for name, content, message in REFUSED:
        import_file(page, name, content)
        expect(summary).to_contain_text("There is a problem")
        expect(summary).to_contain_text(message)
        assert is_focused(summary), name
        assert summary.get_attribute("role") == "alert"
        assert stored(page) == before, name
        if name == "notes.txt":
            assert_accessible(axe, page, "refused import")
            summary.get_by_role("link").click()
            assert is_focused(page.get_by_label("Answers file"))
    assert "<script>" in summary.inner_text()  # the hostile edition id is shown as text

    # A good file, but the user keeps their answers.
    import_file(page, "good.json", session_file(details={"organisation": "Replaced"}))
    page.get_by_role("button", name="Keep my answers").click()
    assert stored(page) == before

    # Every text field hostile: imported as text, nothing runs, no element is made.
    hostile = session_file(
        id=XSS,
        details={f: XSS for f in ["organisation", "team", "date", "facilitator", "participants"]},
        checklist={"board-accountability": {"answer": "yes", "note": XSS}},
        answers={"accountable-executive": {"level": "emerging", "priority": "high", "notes": XSS}},
        plan=[
            {
                "criterion": "accountable-executive",
                **{f: XSS for f in ["action", "owner", "support", "due", "measure"]},
            },
            {"criterion": None, "title": XSS, "action": XSS},
        ],
    )
    import_file(page, "hostile.json", hostile)
    page.get_by_role("button", name="Replace my answers").click()
    expect(
        page.get_by_role("status").filter(has_text="Answers imported from hostile.json")
    ).to_be_visible()
    for name in [
        "About this session",
        "Board checklist",
        "1. Leadership",
        "Results",
        "Action plan",
    ]:
        step(page, name).click()
    page.emulate_media(media="print")
    expect(page.locator(".kmsat-report")).to_contain_text(XSS)
    page.emulate_media(media="screen")
    expect(page.get_by_role("textbox", name="Title of your action")).to_have_value(XSS)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#kmsat-app img, #kmsat-app script").count() == 0
    assert stored(page)["details"]["organisation"] == XSS

    # __proto__, unknown ids, wrong types: imported with an account of what was left out.
    polluted = (
        b'{"format": "kmsat-session", "version": 1, "edition": {"id": "national", "contentVersion": "0.9.0"},'
        b' "__proto__": {"polluted": 1}, "details": {"__proto__": {"organisation": "x"}, "team": 7},'
        b' "answers": {"__proto__": {"level": "embedded"}, "no-such-criterion": {"level": "embedded"},'
        b'   "accountable-executive": {"level": "superb", "priority": "urgent", "notes": "kept"},'
        b'   "learning-before": []},'
        b' "checklist": {"constructor": {"answer": "yes"}, "board-accountability": {"answer": "maybe"}},'
        b' "plan": [{"criterion": "ghost", "action": "Keep this action"}, 5], "dismissed": "all"}'
    )
    step(page, "Save and share").click()
    import_file(page, "polluted.json", polluted)
    page.get_by_role("button", name="Replace my answers").click()
    report = page.get_by_role("status").filter(has_text="Answers imported from polluted.json")
    for line in [
        "Imported, with these changes:",
        "made with version 0.9.0 of the questions",
        "Left out answers for criteria that are not in this edition (2): __proto__, no-such-criterion.",
        "Left out checklist answers for questions that are not in this edition (1): constructor.",
        "Cleared ratings that are not on this scale",
        "Cleared choices that are not among the allowed options",
        "Left empty the fields that held the wrong kind of data",
        "Criteria: ghost.",
    ]:
        expect(report).to_contain_text(line)
    assert page.evaluate("({}).polluted === undefined && Object.prototype.level === undefined")
    saved = stored(page)
    assert saved["answers"] == {
        "accountable-executive": {"level": "", "priority": "", "notes": "kept"}
    }
    assert saved["plan"][0]["title"] == "ghost" and saved["plan"][0]["action"] == "Keep this action"


def test_import_by_drag_and_drop(site_url, page):
    open_app(page, site_url + "assessment.html")
    step(page, "Save and share").click()
    transfer = page.evaluate_handle(
        """(text) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], 'dropped.json', {type: 'application/json'}));
          return transfer;
        }""",
        session_file(details={"organisation": "Dropped in"}).decode(),
    )
    page.locator(".kmsat-drop").dispatch_event("drop", {"dataTransfer": transfer})
    # An empty browser: nothing to replace, so nothing is asked.
    expect(page.locator("[data-notice=import]")).to_be_visible()
    expect(page.locator("dialog.kmsat-dialog")).to_have_count(0)
    expect(
        page.get_by_role("status").filter(has_text="Answers imported from dropped.json")
    ).to_be_visible()
    assert stored(page)["details"]["organisation"] == "Dropped in"


def test_session_handed_over_by_another_page(site_url, page):
    """Compare and agree and share links leave a session under `:incoming` and open #import-incoming."""
    open_app(page, site_url + "assessment.html")
    page.get_by_role("textbox", name="Organisation").fill("Mine")
    mine = stored(page)

    def hand_over(record: dict):
        page.evaluate(
            "(value) => localStorage.setItem('kmsat:national:incoming', value)", json.dumps(record)
        )
        page.goto("about:blank")  # a fresh load, as from the compare page
        page.goto(site_url + "assessment.html#import-incoming")
        page.locator("[data-kmsat-started] .kmsat-steps").wait_for()

    agreed = {
        "format": "kmsat-incoming",
        "version": 1,
        "source": "consensus",
        "label": XSS,
        "session": json.loads(session_file(details={"organisation": "Agreed"})),
    }
    hand_over(agreed)
    dialog = page.get_by_role("dialog", name=re.compile("^Open “<script>"))
    dialog.get_by_role("button", name="Keep my answers").click()
    assert stored(page) == mine
    assert page.evaluate("localStorage.getItem('kmsat:national:incoming')") is None
    assert page.evaluate("location.hash") == ""

    hand_over(agreed)
    page.get_by_role("button", name="Replace my answers").click()
    expect(page.get_by_role("status").filter(has_text="Opened “<script>")).to_be_visible()
    assert stored(page)["details"]["organisation"] == "Agreed"
    assert page.evaluate("window.__pwned") is None

    hand_over(
        {**agreed, "session": {"format": "kmsat-session", "version": 1, "edition": {"id": "x"}}}
    )
    expect(page.get_by_role("alert")).to_contain_text("belongs to another edition")
    assert stored(page)["details"]["organisation"] == "Agreed"
