"""What the group types stays text everywhere it goes (issue #6).

One set of payloads goes into every free-text field of the assessment:
session details, checklist notes, criterion notes, the plan's fields and a
custom row's title. Each field holds every payload, each field starting
with a different one (so each payload starts some CSV cell). Then: the page,
the print layout, the CSV, Markdown and JSON exports, the compare page and a
share link all show the text exactly, and nothing runs or is built from it.

tests/js/hostile-output.test.js puts each payload alone in each field
through the same exporters, without a browser. Also here: a whole
assessment and a comparison run under the site's CSP without a violation.
"""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.test_hostile_inputs import (
    FW,
    KEY,
    STRINGS,
    arm,
    assert_clean_session,
    assert_inert,
    guard,
)
from tests.browser.test_questionnaire import open_app, open_plan_row, step
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1;document.title='pwned'\">",
    "javascript:window.__pwned=1",
    "[open](javascript:window.__pwned=1)",
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-1+1",
    "\u202eevil\u202c",
    "]]>",
    "</textarea>",
]
FORMULA = re.compile(r"^[=+\-@\t\r]")
EXPORTS = ROOT / "tests" / "js" / "fixtures" / "exports"
DETAILS = {
    "organisation": "Organisation",
    "team": "Board, team or directorate",
    "date": "Date of the session",
    "facilitator": "Facilitator",
    "participants": "Who took part",
    "purpose": "Purpose of the session",
}
ROW = ["action", "owner", "support", "due", "measure"]
LEADERSHIP = yaml.safe_load((ROOT / "framework" / "elements" / "leadership.yml").read_text())
CRITERIA = [(c["id"], c["title"]) for c in LEADERSHIP["criteria"]]
# Two below Embedded (two plan rows), two at Embedded, one Don't know: none of them scored away.
LEVELS = ["Not yet", "Emerging", "Embedded", "Don't know", "Embedded"]


def value(n: int, multiline: bool) -> str:
    """Field n's text: every payload, starting with payload n (mod the count)."""
    k = n % len(PAYLOADS)
    return ("\n" if multiline else " ").join(PAYLOADS[k:] + PAYLOADS[:k])


def neutral(text: str) -> str:
    """A CSV cell as the export must write it: a formula start gets a leading quote, at the
    start and after any separator or line break (a spreadsheet may split the cell there)."""
    text = re.sub(r"([,;\t\r\n])(?=[=+\-@\t\r])", r"\1'", text)
    return "'" + text if FORMULA.match(text) else text


class Cells(HTMLParser):
    """Every tag and attribute of rendered HTML, and each table cell's and paragraph's text (<br> as a line break)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.cells, self.cell = [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        if tag in ("td", "th", "p"):
            self.cell = ""
        elif tag == "br" and self.cell is not None:
            self.cell += "\n"

    def handle_endtag(self, tag):
        if tag in ("td", "th", "p") and self.cell is not None:
            self.cells.append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def download(page, click, folder: Path) -> Path:
    with page.expect_download() as info:
        click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def type_everything(page) -> dict:
    """Every payload into every free-text field; returns what each field should hold."""
    expected: dict = {"details": {}, "checklist": {}, "notes": {}, "rows": []}
    n = 0

    def fill(locator, multiline: bool) -> str:
        nonlocal n
        text = value(n, multiline)
        n += 1
        locator.fill(text)
        return text

    for field, label in DETAILS.items():
        box = page.get_by_role("textbox", name=label, exact=True)
        expected["details"][field] = fill(box, field == "participants")
    step(page, "Board checklist").click()
    for i, qid in enumerate(FW["checklist"][:2]):
        box = page.get_by_role("textbox", name=re.compile(rf"^Note \(optional\) {i + 1}\. "))
        expected["checklist"][qid] = fill(box, True)
    step(page, "1. Leadership").click()
    for i, ((cid, title), level) in enumerate(zip(CRITERIA, LEVELS, strict=True)):
        group = page.get_by_role("group", name=f"1.{i + 1} {title}")
        group.get_by_role("radio", name=re.compile("^" + re.escape(level))).check()
        box = page.get_by_role("textbox", name=f"Notes and evidence for: {title}")
        expected["notes"][cid] = fill(box, True)
    step(page, "Action plan").click()
    rows = page.locator(".kmsat-body li.kmsat-row")
    expect(rows).to_have_count(2)
    page.get_by_role("button", name="Add your own action").click()
    expect(rows).to_have_count(3)
    for i in range(3):
        row = rows.nth(i)
        entry = {}
        if i == 2:
            entry["title"] = fill(row.get_by_role("textbox", name="Title of your action"), False)
        open_plan_row(row)
        for field in ROW:
            box = row.locator(f".kmsat-field--{field} .kmsat-input")
            entry[field] = fill(box, field in ("action", "measure"))
        expected["rows"].append(entry)
    return expected


def assert_session(session: dict, expected: dict, where: str) -> None:
    """The stored, exported or handed-over session holds every field's text exactly."""
    for field, text in expected["details"].items():
        assert session["details"][field] == text, (where, field)
    for qid, text in expected["checklist"].items():
        assert session["checklist"][qid]["note"] == text, (where, qid)
    for cid, text in expected["notes"].items():
        assert session["answers"][cid]["notes"] == text, (where, cid)
    assert len(session["plan"]) == 3, where
    for row, entry in zip(session["plan"], expected["rows"], strict=True):
        for field, text in entry.items():
            assert row[field] == text, (where, field)


def assert_screen(page, expected: dict, where: str) -> None:
    """Each field shows its text as typed, and the custom row's heading is that text."""
    step(page, "About this session").click()
    for field, label in DETAILS.items():
        expect(page.get_by_role("textbox", name=label, exact=True)).to_have_value(
            expected["details"][field]
        )
    step(page, "Board checklist").click()
    notes = page.locator(".kmsat-body textarea")
    for i, text in enumerate(expected["checklist"].values()):
        expect(notes.nth(i)).to_have_value(text)
    step(page, "1. Leadership").click()
    for cid, title in CRITERIA:
        box = page.get_by_role("textbox", name=f"Notes and evidence for: {title}")
        expect(box).to_have_value(expected["notes"][cid])
    step(page, "Action plan").click()
    rows = page.locator(".kmsat-body li.kmsat-row")
    for i, entry in enumerate(expected["rows"]):
        for field in ROW:
            expect(rows.nth(i).locator(f".kmsat-field--{field} .kmsat-input")).to_have_value(
                entry[field]
            )
    title = expected["rows"][2]["title"]
    assert rows.nth(2).locator("h3").text_content() == "3. " + title, where
    # The buttons named after the row carry its title as their accessible name, as text.
    up = rows.nth(2).locator("[data-act=up]")
    assert up.get_attribute("aria-label") == f"Move {title} up", where
    assert page.locator("#kmsat-app img, #kmsat-app script, #kmsat-app iframe").count() == 0


def all_texts(expected: dict) -> list[str]:
    return (
        list(expected["details"].values())
        + list(expected["checklist"].values())
        + list(expected["notes"].values())
        + [t for row in expected["rows"] for t in row.values()]
    )


def check_csv(path: Path, expected: dict) -> None:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    col = {k: head.index(STRINGS[f"csv.column.{k}"]) for k in ["section", "id", "item", "answer"]}
    col |= {k: head.index(STRINGS[f"csv.column.{k}"]) for k in ["notes"] + ROW}
    by = lambda section: [r for r in rows[1:] if r[col["section"]] == section]  # noqa: E731
    for cell in (c for r in rows for c in r):
        assert not FORMULA.match(cell), f"a formula in the CSV: {cell!r}"
    details = {r[col["id"]]: r[col["answer"]] for r in by(STRINGS["csv.section.details"])}
    for field, text in expected["details"].items():
        assert details[field] == neutral(text), field
    checklist = {r[col["id"]]: r[col["notes"]] for r in by(STRINGS["csv.section.checklist"])}
    for qid, text in expected["checklist"].items():
        assert checklist[qid] == neutral(text), qid
    answers = {r[col["id"]]: r[col["notes"]] for r in by(STRINGS["csv.section.answer"])}
    for cid, text in expected["notes"].items():
        assert answers[cid] == neutral(text), cid
    plan = by(STRINGS["csv.section.plan"])
    assert len(plan) == 3
    # Agreed actions first: the group's own row (agreed when added), then the two candidates.
    agreed_first = [expected["rows"][2]] + expected["rows"][:2]
    for r, entry in zip(plan, agreed_first, strict=True):
        for field in ROW:
            assert r[col[field]] == neutral(entry[field]), field
    assert plan[0][col["item"]] == neutral(expected["rows"][2]["title"])
    # Each payload starts some cell, and there it is prefixed only if it is a formula.
    firsts = {p: neutral(p) for p in PAYLOADS}
    cells = [c for r in rows for c in r]
    for payload, cell_start in firsts.items():
        assert any(c.startswith(cell_start) for c in cells), payload


def check_markdown(path: Path, expected: dict) -> None:
    text = path.read_text(encoding="utf-8")
    for raw in ["<script", "<img", "<svg", "<textarea", "</textarea"]:
        assert raw not in text.lower(), raw
    assert not re.search(r"(?<!\\)\]\(javascript:", text), "an unescaped javascript: link"
    parsed = Cells()
    parsed.feed(markdown.markdown(text, extensions=["tables"]))
    assert set(parsed.tags) <= {
        "h1",
        "h2",
        "h3",  # the Board paper's element subheadings
        "hr",  # before the provenance line
        "p",
        "ul",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "br",
    }, set(parsed.tags)
    assert not [a for a in parsed.attrs if a[1].startswith("on") or "javascript:" in a[2]]
    # Rendered, each field's text reads exactly as typed.
    cells = set(parsed.cells)
    for text in all_texts(expected):
        assert text in cells, text


def test_payloads_stay_text_in_page_print_exports_compare_and_share_link(site_url, page, tmp_path):
    guard(page)
    open_app(page, site_url + "assessment.html")
    title = arm(page)
    expected = type_everything(page)
    assert_inert(page, title, "typing")
    saved = json.loads(page.evaluate("(k) => localStorage.getItem(k)", KEY))
    assert_session(saved, expected, "stored")
    assert_clean_session(saved)

    # The page: every field shows its text; nothing was built from it.
    assert_screen(page, expected, "screen")
    assert_inert(page, title, "screen")

    # The print layout: each text is a table cell's whole text.
    page.emulate_media(media="print")
    report = page.locator(".kmsat-report")
    expect(report).to_be_visible()
    cells = report.locator("td").all_text_contents()
    # The purpose opens the paper as a paragraph of its own; the other details are cells.
    purpose = report.locator("[data-section='purpose'] p").all_text_contents()
    assert purpose == [expected["details"]["purpose"]]
    printed = (
        [v for k, v in expected["details"].items() if k != "purpose"]
        + list(expected["checklist"].values())
        + [row[f] for row in expected["rows"] for f in ROW]
        + [expected["rows"][2]["title"]]
    )
    for text in printed:
        assert text in cells, text
    assert report.locator("img, script, iframe, a").count() == 0
    page.emulate_media(media="screen")
    assert_inert(page, title, "print")

    # The exports.
    step(page, "Save and share").click()
    button = lambda name: lambda: page.get_by_role("button", name=name).click()  # noqa: E731
    exported = download(page, button(STRINGS["export.json"]), tmp_path)
    assert_session(json.loads(exported.read_text("utf-8")), expected, "JSON export")
    check_csv(download(page, button(STRINGS["export.csv"]), tmp_path), expected)
    check_markdown(download(page, button(STRINGS["export.markdown"]), tmp_path), expected)
    assert_inert(page, title, "exports")

    # The compare page: the file, and two copies of it dated for consensus and over time.
    session = json.loads(exported.read_text("utf-8"))
    copies = []
    for name, date in [
        ("rater-a", "2020-01-01"),
        ("rater-b", "2020-01-01"),
        ("later", "2021-01-01"),
    ]:
        copy = tmp_path / f"{name}.json"
        details = {**session["details"], "date": date}
        copy.write_text(json.dumps({**session, "id": name, "details": details}), "utf-8")
        copies.append(copy)
    page.goto(site_url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    title = arm(page)
    page.set_input_files("#kmsat-cmp-input", [str(exported)] + [str(c) for c in copies])
    expect(page.locator(".kmsat-cmp-filetable tbody tr")).to_have_count(4)
    table = page.locator(".kmsat-cmp-filetable")
    org, team = expected["details"]["organisation"], expected["details"]["team"]
    assert table.locator("td").all_text_contents().count(org) == 4
    assert table.locator("th[scope=row]").all_text_contents().count(team) == 4
    assert expected["details"]["date"] in table.locator("td").all_text_contents()
    for mode in ["side", "consensus", "time"]:
        page.get_by_role(
            "radio", name=re.compile("^" + STRINGS[f"compare.mode.{mode}"][:8])
        ).check()
        view = page.locator(".kmsat-cmp-view")
        view.wait_for()
        if mode == "side":
            heads = page.locator(".kmsat-cmp-matrix thead th").all_inner_texts()
            assert any(h.startswith(team) for h in heads), heads
        if mode == "consensus":
            note = page.get_by_label(STRINGS["compare.consensus.note"]).first
            note.fill(value(0, True))
            note.dispatch_event("change")
            expect(note).to_have_value(value(0, True))
        if mode == "time":
            rows = page.locator(".kmsat-cmp-plan tbody tr")
            rows.first.wait_for()
            assert rows.count() % 3 == 0, "each earlier plan, three rows"
            texts = rows.locator("td, th").all_text_contents()
            for entry in expected["rows"]:
                assert entry["action"] in texts and entry["owner"] in texts
            assert any(t.startswith(expected["rows"][2]["title"]) for t in texts)
        compare_csv = download(page, button(STRINGS["compare.actions.csv"]), tmp_path)
        with compare_csv.open(encoding="utf-8-sig", newline="") as f:
            for cell in (c for r in csv.reader(f) for c in r):
                assert not FORMULA.match(cell), (mode, cell)
        assert_inert(page, title, f"compare: {mode}")

    # A share link with notes and the plan: made, opened, imported; still text.
    page.get_by_role("button", name=f"Make a share link for {exported.name}").click()
    page.get_by_label(STRINGS["share.notes"]).check()
    link = page.get_by_label("Link", exact=True).input_value()
    assert "#share=1." in link
    assert_inert(page, title, "share panel")
    page.evaluate("localStorage.removeItem('kmsat:national:session')")
    page.goto(link.replace("assessment.html#", "assessment.html?opened=link#"))
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    title = arm(page)
    banner = page.get_by_role("region", name="Import answers from this link?")
    expect(banner).to_contain_text(team)
    # Import hands the answers straight to the questionnaire: no reload.
    banner.get_by_role("button", name="Import").click()
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    title = arm(page)
    # The browser holds nothing (removed above): no question; the notice names the link, as text.
    expect(page.locator("dialog.kmsat-dialog")).to_have_count(0)
    expect(page.locator("[data-notice=import]")).to_contain_text(team[:150])  # label cut at 200
    imported = json.loads(page.evaluate("(k) => localStorage.getItem(k)", KEY))
    assert_session(imported, expected, "share link")
    assert_screen(page, expected, "after the share link")
    assert_inert(page, title, "share link")


# ---------------------------------------------------------------- the CSP, end to end


def csp(page) -> list[str]:
    return page.evaluate("window.__csp")


def test_a_whole_assessment_and_comparison_run_under_the_csp(site_url, page, tmp_path):
    """The CSP meta is enforced on every page: nothing the app does may be refused by it."""
    guard(page)
    open_app(page, site_url + "assessment.html")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    page.get_by_role("radio", name="A team").check()
    for label in DETAILS.values():
        page.get_by_role("textbox", name=label, exact=True).fill("CSP run")
    step(page, "Board checklist").click()
    for group in page.locator(".kmsat-body fieldset").all():
        group.get_by_role("radio", name="Partly").check()
    step(page, "1. Leadership").click()
    for i, (_, title) in enumerate(CRITERIA):
        group = page.get_by_role("group", name=f"1.{i + 1} {title}")
        group.get_by_role("radio", name=re.compile("^" + ["Not yet", "Emerging"][i % 2])).check()
        page.get_by_role("group", name=f"Priority for improvement: {title}").get_by_role(
            "radio", name="High"
        ).check()
        page.get_by_role("textbox", name=f"Notes and evidence for: {title}").fill("Noted")
    expect(page.locator(".kmsat-steps .kmsat-done")).to_have_count(3)
    step(page, "Results").click()
    expect(page.locator(".kmsat-body .kmsat-chart")).to_be_visible()
    step(page, "Action plan").click()
    first = CRITERIA[0][1]
    page.get_by_role("checkbox", name=f"Agreed action: {first}").check()  # opens its fields
    page.get_by_role("textbox", name=f"Action for: {first}").fill("Act")
    page.get_by_role("combobox", name=f"Status for: {first}").select_option("in-progress")
    page.get_by_role("button", name="Add your own action").click()
    page.get_by_role("textbox", name="Title of your action").fill("Ours")
    page.get_by_role("button", name="Move Ours up").click()
    page.get_by_role("button", name=f"Remove {CRITERIA[1][1]} from the plan").click()
    page.get_by_role("button", name=f"Put {CRITERIA[1][1]} back in the plan").click()
    page.emulate_media(media="print")
    expect(page.locator(".kmsat-report")).to_be_visible()
    page.emulate_media(media="screen")
    step(page, "Save and share").click()
    for name in ["export.json", "export.csv", "export.markdown"]:
        download(page, lambda n=name: page.get_by_role("button", name=STRINGS[n]).click(), tmp_path)
    page.get_by_role("button", name="Try the worked example").first.click()
    expect(page.locator(".kmsat-heading")).to_have_text("Results")
    page.get_by_role("button", name="Back to my own answers").first.click()
    assert csp(page) == [], "assessment"

    page.goto(site_url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    raters = [EXPORTS / "raters" / f"rater-{i}.json" for i in (1, 2)]
    page.set_input_files("#kmsat-cmp-input", [str(p) for p in raters])
    page.locator(".kmsat-cmp-view").wait_for()
    for mode in ["side", "consensus", "time"]:
        page.get_by_role("radio", name=STRINGS[f"compare.mode.{mode}"]).check()
        expect(page.locator("#kmsat-cmp-view-heading")).to_be_visible()
        download(
            page,
            lambda: page.get_by_role("button", name=STRINGS["compare.actions.csv"]).click(),
            tmp_path,
        )
    page.get_by_role("radio", name=STRINGS["compare.mode.side"]).check()
    page.get_by_label("Show each criterion").check()
    page.get_by_role("radio", name=STRINGS["compare.mode.consensus"]).check()
    page.get_by_role("button", name="Save as a new assessment").click()
    page.get_by_role("button", name="Make a share link for rater-1.json").click()
    page.get_by_label(STRINGS["share.notes"]).check()
    over_time = sorted((EXPORTS / "over-time").glob("*.json"))
    page.set_input_files("#kmsat-cmp-input", [str(p) for p in over_time])
    page.get_by_role("radio", name=STRINGS["compare.mode.time"]).check()
    teams = page.get_by_label("Team", exact=True)
    teams.select_option(
        label=next(t for t in teams.locator("option").all_inner_texts() if "Pharm" in t)
    )
    expect(page.locator(".kmsat-cmp-time").first).to_be_visible()
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    assert csp(page) == [], "compare"
