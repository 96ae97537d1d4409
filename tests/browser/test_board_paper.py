"""The Board paper as it leaves the browser: printed to an A4 PDF and read back.

Every criterion, note, plan row, checklist answer and Don't know criterion
must be in the PDF's text, and no page may end on a heading or a table's
header row (a heading stranded at the foot of a page). `KMSAT_ARTIFACTS=dir`
keeps the PDFs and PNGs of their pages for a person to look at.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.test_hostile_inputs import GUARD, guard
from tests.browser.test_questionnaire import EXAMPLE_KEY, KEY, load_example, open_app, stored

LONG_NOTE = (
    "We discussed this at length. Evidence: the last two annual reports, the Board minutes of "
    "March and June, and what three divisional directors told us. We did not agree at first; the "
    "rating is the one most of the group could live with."
)


def pdf_of(page, tmp_path: Path, name: str) -> tuple[Path, list[str]]:
    """Print the page to an A4 PDF; its text, page by page."""
    page.emulate_media(media="print")
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="screen")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59\d\.\d+ x 84[12]\.\d+ pts \(A4\)", info), info
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    pages = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]
    out = os.environ.get("KMSAT_ARTIFACTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(Path(out) / name)], check=True
        )
        (Path(out) / f"{name}.txt").write_text("\f".join(pages))
    return pdf, pages


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w'’]+", text))  # hyphenated words may wrap at the hyphen


def assert_in_pdf(pages: list[str], value: str, what: str):
    """Every word of `value` is in the PDF (table cells wrap, so word by word)."""
    missing = words(value) - words("\n".join(pages))
    assert not missing, (what, value, missing)


def assert_no_stranded_heading(pages: list[str], headings: list[str], table_heads: list[str]):
    """No page but the last ends on a heading, or on a table's header row with no row under it."""
    for number, text in enumerate(pages[:-1], 1):
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        assert lines[-1] not in headings, f"page {number} ends on the heading {lines[-1]!r}"
        assert lines[-1] not in table_heads, (
            f"page {number} ends on a table's header row {lines[-1]!r}"
        )


def paper_headings(data: dict) -> list[str]:
    s = data["strings"]
    keys = ["report.details", "report.results", "results.gaps.heading", "results.dontKnow.heading"]
    keys += [
        "report.strengths",
        "report.plan",
        "paper.criteria",
        "report.checklist",
        "paper.purpose",
    ]
    keys += ["results.unanswered.heading"]
    return [s[k] for k in keys] + [e["title"] for e in data["elements"]]


def table_heads(data: dict) -> list[str]:
    """Header rows that fit on one line, as pdftotext -layout gives them (spaces squeezed)."""
    s = data["strings"]
    rows = [
        [
            "report.column.criterion",
            "paper.column.rating",
            "report.column.priority",
            "report.column.notes",
        ],
        ["report.column.question", "report.column.answer", "report.column.notes"],
        ["report.column.field", "report.column.value"],
    ]
    return [" ".join(s[k] for k in row) for row in rows]


def assert_whole_paper(page, pages: list[str], session: dict):
    data = page.evaluate("JSON.parse(document.getElementById('kmsat-data').dataset.kmsatJson)")
    flat = " ".join(" ".join(pages).split())
    for element in data["elements"]:
        for c in element["criteria"]:
            assert_in_pdf(pages, c["title"], "criterion")
            answer = session["answers"].get(c["id"], {})
            if answer.get("notes"):
                assert_in_pdf(pages, answer["notes"], "note")
            if answer.get("level") == "dont-know":
                assert f"{element['title']}: {c['title']} (Don't know" in flat, c["title"]
    for row in session["plan"]:
        for field in ["action", "owner", "support", "measure", "title"]:
            if row.get(field):
                assert_in_pdf(pages, row[field], "plan " + field)
    answers = {a["id"]: a["label"] for a in data["scale"]["checklistAnswers"]}
    for q in data["checklist"]:
        entry = session["checklist"].get(q["id"])
        if entry:
            assert_in_pdf(pages, q["question"], "checklist question")
            assert_in_pdf(pages, answers[entry["answer"]], "checklist answer")
            if entry.get("note"):
                assert_in_pdf(pages, entry["note"], "checklist note")
    assert_in_pdf(
        pages,
        data["strings"]["app.notice"].replace("{publisher}", data["edition"]["publisher"]),
        "notice",
    )
    assert "content version " + data["edition"]["contentVersion"] in flat
    assert data["edition"]["publisher"] in flat
    for chrome in ["Next:", "Try the worked example", "Skip to content", "Save and share"]:
        assert chrome not in flat, chrome
    assert_no_stranded_heading(pages, paper_headings(data), table_heads(data))
    return data


def test_worked_example_prints_whole_on_a4(site_url, page, tmp_path):
    open_app(page, site_url + "assessment.html")
    load_example(page)
    _, pages = pdf_of(page, tmp_path, "board-paper-example")
    assert 3 <= len(pages) <= 8, len(pages)
    session = stored(page, EXAMPLE_KEY)
    assert_whole_paper(page, pages, session)
    flat = " ".join(" ".join(pages).split())
    assert "Senior transformation team, Northbrook Valley NHS Trust, 14 October 2026" in flat
    assert "Bar: the element's average rating" in flat and "Line with dots" in flat


# Words of the paper's table cells that the browser broke across two lines.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('.kmsat-report .kmsat-paper-table :is(th, td)')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\\s/-]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


def test_the_worked_examples_tables_break_no_word_on_a4(site_url, page):
    """A Board member reads "Director of Transformation", not "Transformati / on"."""
    open_app(page, site_url + "assessment.html")
    load_example(page)
    expect(page.locator(".kmsat-report .kmsat-board-paper")).to_have_count(1)
    # The width print lays the paper out in: A4 less kmsat.css's 14 mm margins, at 96 px per inch.
    page.set_viewport_size({"width": round((210 - 2 * 14) / 25.4 * 96), "height": 1100})
    page.emulate_media(media="print")
    try:
        assert page.evaluate(BROKEN_WORDS) == []
    finally:
        page.emulate_media(media="screen")


def long_session(data: dict) -> dict:
    """Every criterion answered with a long note, a row for each in the plan, every checklist note."""
    ids = [c["id"] for e in data["elements"] for c in e["criteria"]]
    levels = ["not-yet", "emerging", "developing", "embedded", "dont-know", "not-applicable"]
    answers = {
        cid: {
            "level": levels[i % 6],
            "priority": ["high", "medium", "low", ""][i % 4],
            "notes": f"{LONG_NOTE} ({i + 1})",
        }
        for i, cid in enumerate(ids)
    }
    plan = [
        {
            "id": f"row-{i + 1}",
            "criterion": cid,
            "title": "",
            "action": f"Action {i + 1}: {LONG_NOTE[:90]}",
            "owner": f"Owner {i + 1}",
            "support": "Library and knowledge service",
            "due": "2027-03-31",
            "measure": f"Measure {i + 1}",
            "status": "in-progress",
        }
        for i, cid in enumerate(ids)
        if answers[cid]["level"] in ("not-yet", "emerging", "developing")
    ]
    return {
        "format": "kmsat-session",
        "version": 1,
        "edition": {
            "id": data["edition"]["id"],
            "contentVersion": data["edition"]["contentVersion"],
            "fingerprint": data["fingerprint"],
        },
        "id": "long-session",
        "revision": 1,
        "savedAt": "2026-11-26T12:00:00.000Z",
        "details": {
            "organisation": "St Elsewhere NHS Foundation Trust",
            "team": "Trust Board",
            "date": "2026-11-26",
            "facilitator": "Head of Library",
            "participants": "The Board",
            "purpose": "To agree next year's priorities",
            "capacity": "organisation",
        },
        "checklist": {
            q["id"]: {"answer": ["yes", "partly", "no", "dont-know"][i % 4], "note": LONG_NOTE}
            for i, q in enumerate(data["checklist"])
        },
        "answers": answers,
        "plan": plan,
        "dismissed": [],
    }


def test_a_long_session_prints_whole_with_no_heading_stranded(site_url, page, tmp_path):
    open_app(page, site_url + "assessment.html")
    data = page.evaluate("JSON.parse(document.getElementById('kmsat-data').dataset.kmsatJson)")
    session = long_session(data)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(session)])
    open_app(page, site_url + "assessment.html")
    expect(page.get_by_role("textbox", name="Organisation")).to_have_value(
        "St Elsewhere NHS Foundation Trust"
    )
    _, pages = pdf_of(page, tmp_path, "board-paper-long")
    assert len(pages) >= 6, len(pages)
    assert_whole_paper(page, pages, stored(page, KEY))
    assert_in_pdf(pages, "31 March 2027", "due dates as people write them")
    assert "2027-03-31" not in " ".join(pages)
    assert "To agree next year's priorities" in " ".join(" ".join(pages).split())


def test_a_blank_form_prints_with_javascript_on(site_url, page, tmp_path):
    open_app(page, site_url + "assessment.html")
    load_example(page)
    page.evaluate(
        "window.print = () => { window.__blank = document.documentElement.classList.contains('kmsat-print-blank'); }"
    )
    step_nav = page.get_by_role("navigation", name="Steps of the self-assessment")
    step_nav.get_by_role("button", name=re.compile("^Save and share")).click()
    page.get_by_role("button", name="Print a blank form").click()
    assert page.evaluate("window.__blank") is True, "the blank form was printing"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert (
        page.evaluate("document.documentElement.classList.contains('kmsat-print-blank')") is False
    )
    # What that print holds: the paper form, not the group's answers.
    page.evaluate("document.documentElement.classList.add('kmsat-print-blank')")
    _, pages = pdf_of(page, tmp_path, "blank-form")
    page.evaluate("document.documentElement.classList.remove('kmsat-print-blank')")
    flat = " ".join(" ".join(pages).split())
    data = page.evaluate("JSON.parse(document.getElementById('kmsat-data').dataset.kmsatJson)")
    assert data["strings"]["page.paper.title"] in flat
    for element in data["elements"]:
        for c in element["criteria"]:
            assert_in_pdf(pages, c["title"], "criterion on the form")
    assert flat.count("☐") > 6 * len(data["elements"]), "boxes to tick"
    for answer in ["Northbrook Valley", "Priya Shah", "self-assessment report", "Where to focus"]:
        assert answer not in flat, answer


# ---------------------------------------------------------------- the Word document


def docx_text(path: Path) -> str:
    """The document's text: each paragraph's runs joined, line breaks kept."""
    with zipfile.ZipFile(path) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    return "\n".join(
        "".join(
            "\n" if token == "<w:br/>" else html.unescape(re.sub(r"<[^>]+>", "", token))
            for token in re.findall(r"<w:t(?: [^>]*)?>[^<]*</w:t>|<w:br/>", p)
        )
        for p in paragraphs
    )


def download_word(page, tmp_path: Path) -> Path:
    nav = page.get_by_role("navigation", name="Steps of the self-assessment")
    nav.get_by_role("button", name=re.compile("^Save and share")).click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download Word document (.docx)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def assert_whole_word_document(text: str, data: dict, session: dict):
    for element in data["elements"]:
        for c in element["criteria"]:
            assert c["title"] in text, c["title"]
            answer = session["answers"].get(c["id"], {})
            if answer.get("notes"):
                assert answer["notes"] in text, answer["notes"]
            if answer.get("level") == "dont-know":
                assert f"{element['title']}: {c['title']} (Don't know" in text, c["title"]
    for row in session["plan"]:
        for field in ["action", "owner", "support", "measure"]:
            if row.get(field):
                assert row[field] in text, row[field]
    for q in data["checklist"]:
        entry = session["checklist"].get(q["id"])
        if entry and entry.get("note"):
            assert entry["note"] in text, entry["note"]
    assert (
        data["strings"]["app.notice"].replace("{publisher}", data["edition"]["publisher"]) in text
    )
    assert "content version " + data["edition"]["contentVersion"] in text


def test_word_document_loads_its_library_only_when_asked(site_url, page, tmp_path):
    guard(page)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "index.html")
    page.goto(site_url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    open_app(page, site_url + "assessment.html")
    load_example(page)
    assert not [u for u in requested if "/docx" in u], "no page loads the Word library by itself"
    path = download_word(page, tmp_path)
    assert (
        path.name == "kmsat-northbrook-valley-nhs-trust-senior-transformation-team-2026-10-14.docx"
    )
    assert [u for u in requested if "/docx" in u] == [site_url + "assets/kmsat/docx.js"]
    data = page.evaluate("JSON.parse(document.getElementById('kmsat-data').dataset.kmsatJson)")
    text = docx_text(path)
    assert_whole_word_document(text, data, stored(page, EXAMPLE_KEY))
    assert "Senior transformation team, Northbrook Valley NHS Trust, 14 October 2026" in text
    expect(page.locator(".kmsat-sr[aria-live]").first).to_contain_text(
        path.name + " was downloaded"
    )
    # A second document reuses the library: no second request.
    download_word(page, tmp_path)
    assert len([u for u in requested if "/docx" in u]) == 1
    assert page.evaluate("window.__csp") == [], "no content security policy violation"


def test_word_document_from_disk(new_page, national_site, tmp_path):
    page = new_page(init_script=GUARD, accept_downloads=True)
    open_app(page, (national_site / "assessment.html").as_uri())
    load_example(page)
    path = download_word(page, tmp_path)
    data = page.evaluate("JSON.parse(document.getElementById('kmsat-data').dataset.kmsatJson)")
    assert_whole_word_document(docx_text(path), data, stored(page, EXAMPLE_KEY))
    assert page.evaluate("window.__csp") == []
