"""One contract between Python and the browser: the questionnaire data and the session.

kmsat_build/schemas/questionnaire.schema.json and session.schema.json are the
one definition. Every build's data, the worked examples, the browser's own
sessions (made by the core in Node) and the JS tests' fixture are held to them.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import subprocess

import pytest

from kmsat_build import load_framework
from kmsat_build.edition import load_edition
from kmsat_build.lifecycle import urls_from_assessment
from kmsat_build.pages import render_pages
from kmsat_build.questionnaire import FORMAT, VERSION
from kmsat_build.schema_check import load_schema, validator_for
from kmsat_build.text import text_with_links
from tests.conftest import ROOT, SMALL, page_data

EDITIONS = {
    "national": lambda: load_framework(ROOT / "framework"),
    "small": lambda: load_framework(SMALL),
    "full": lambda: load_edition(ROOT / "tests" / "editions" / "full"),
    "welsh": lambda: load_edition(ROOT / "tests" / "editions" / "welsh"),
}
JS_FIXTURES = ROOT / "tests" / "js" / "fixtures"


def problems(schema: str, value) -> list[str]:
    """Every way ``value`` breaks the schema, as `path: message` lines."""
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in validator_for(schema).iter_errors(value)
    ]


def built_data(fw, use_directory_urls: bool) -> list[dict]:
    """The data the build embeds in the assessment and compare pages."""
    pages = {p.path: p for p in render_pages(fw, urls_from_assessment(use_directory_urls))}
    return [page_data(pages[name].markdown) for name in ("assessment.md", "compare.md")]


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_edition_emits_data_the_schema_accepts(edition):
    fw = EDITIONS[edition]()
    for directory_urls in (True, False):
        for data in built_data(fw, directory_urls):
            assert problems("questionnaire", data) == [], (edition, directory_urls)
            if fw.example is not None:
                assert data["example"] == fw.example


def test_built_national_and_full_sites_carry_data_the_schema_accepts(national_site, full_site):
    for site in (national_site, full_site):
        for page in ("assessment.html", "compare.html"):
            data = page_data((site / page).read_text(encoding="utf-8"))
            assert problems("questionnaire", data) == [], (site, page)


def test_local_examples_reach_the_questionnaire_with_only_web_links():
    data = built_data(EDITIONS["full"](), True)[0]
    by_id = {c["id"]: c for e in data["elements"] for c in e["criteria"]}
    assert by_id["accountable-executive"]["localExamples"] == [
        {
            "title": "Our knowledge champion",
            "body": [
                {"text": "Our Chief Nurse has led on knowledge since 2024; contact her office."}
            ],
        }
    ]
    assert by_id["nv-evidence-panel"]["localExamples"][0]["body"] == [
        {"text": "Ask the library for the panel's terms of reference, or read them on "},
        {"text": "the intranet", "url": "https://intranet.northbrook.example/evidence-panel"},
        {"text": "."},
    ]
    hostile = copy.deepcopy(data)
    example = hostile["elements"][0]["criteria"][0]["localExamples"]
    example.append({"title": "x", "body": [{"text": "x", "url": "javascript:1"}]})
    assert problems("questionnaire", hostile) == [
        "elements/0/criteria/0/localExamples/1/body/0/url: "
        "'javascript:1' does not match '^[Hh][Tt][Tt][Pp][Ss]?://\\\\S+$'"
    ]


def test_local_example_text_keeps_only_web_links():
    body = "See [our page](https://nhs.example/a?b=1&c=2), [bad](javascript:alert(1)) and [mail](mailto:a@b.example)."
    assert text_with_links(body) == [
        {"text": "See "},
        {"text": "our page", "url": "https://nhs.example/a?b=1&c=2"},
        {"text": ", bad and mail."},
    ]
    assert text_with_links("<https://a.example>\n\n*Two* paragraphs.") == [
        {"text": "https://a.example", "url": "https://a.example"},
        {"text": " Two paragraphs."},
    ]
    assert text_with_links("") == []


def test_schema_refuses_what_the_browser_cannot_read():
    data = built_data(EDITIONS["small"](), True)[0]
    cases = {
        "version": lambda d: d.update(version=2),
        "unscored": lambda d: d["scale"]["unscored"][0].update(id="unsure"),
        "url": lambda d: d["elements"][0].update(url="javascript:alert(1)"),
        "status": lambda d: d["example"]["plan"][0].update(status="finished"),
        "missing": lambda d: d["elements"][0]["criteria"][0].pop("localExamples"),
    }
    for name, change in cases.items():
        broken = copy.deepcopy(data)
        change(broken)
        assert problems("questionnaire", broken), name


def test_python_and_schema_agree_on_format_and_version():
    schema = load_schema("questionnaire")["properties"]
    assert (schema["format"]["const"], schema["version"]["const"]) == (FORMAT, VERSION)


@pytest.mark.parametrize("framework", ["framework", "tests/fixtures/small"])
def test_worked_examples_are_sessions(framework):
    example = load_framework(ROOT / framework).example
    assert problems("example", example) == []


def test_export_fixtures_are_sessions():
    files = sorted((JS_FIXTURES / "exports").rglob("*.json"))
    sessions = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    sessions = [s for s in sessions if isinstance(s, dict) and s.get("format") == "kmsat-session"]
    assert len(sessions) >= 8
    for session in sessions:
        assert problems("session", session) == []


def _fixture_module():
    spec = importlib.util.spec_from_file_location("make_q", JS_FIXTURES / "make_questionnaire.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_js_fixture_is_generated_from_the_small_fixture():
    committed = (JS_FIXTURES / "questionnaire.json").read_text(encoding="utf-8")
    assert committed == _fixture_module().fixture_text(), (
        "tests/js/fixtures/questionnaire.json is stale: run "
        ".venv/bin/python tests/js/fixtures/make_questionnaire.py"
    )


def test_js_national_fixture_is_the_national_edition():
    committed = (JS_FIXTURES / "national.json").read_text(encoding="utf-8")
    assert committed == _fixture_module().national_text(), (
        "tests/js/fixtures/national.json is stale: run "
        ".venv/bin/python tests/js/fixtures/make_questionnaire.py"
    )


# What the browser's core makes, in Node: a new session, the worked example
# loaded, an export, and the hostile corpus's imported files, cleaned.
NODE_SESSIONS = r"""
const path = require('node:path');
const fs = require('node:fs');
const { core, loadData } = require(path.resolve('tests/js/helpers.js'));
const { newSession, normaliseSession, checkImport } = core('session');
const { syncPlan } = core('plan');
const { toJSON } = core('exporters');
const data = loadData();
const now = new Date('2026-11-26T12:00:00Z');
const out = { new: newSession(data, now, 'abc123') };
const example = normaliseSession(data.example, data, { newId: 'example' }).session;
example.plan = syncPlan(data, example);
out.example = example;
out.exported = JSON.parse(toJSON(example, data, now));
// Present mode's updates: a rating, a priority, a note, and parked questions (one not yet rated).
const P = core('present');
const [first, other] = [data.elements[0].criteria[0].id, data.elements[1].criteria[0].id];
const presented = P.togglePark(P.togglePark(P.setNote(P.setPriority(P.setLevel(
  newSession(data, now, 'present1'), first, 'dont-know'), first, 'high'), first, 'Ask'), first), other);
presented.plan = syncPlan(data, presented);
out.presented = presented;
const hostile = path.resolve('tests/fixtures/hostile');
const national = loadData({ editionId: 'national' });
for (const c of JSON.parse(fs.readFileSync(path.join(hostile, 'cases.json'), 'utf8')).files) {
  if (c.expect !== 'imported') continue;
  const bytes = fs.readFileSync(path.join(hostile, 'files', c.file));
  const encoding = bytes[0] === 0xff ? 'utf-16le' : bytes[0] === 0xfe ? 'utf-16be' : 'utf-8';
  const session = checkImport(new TextDecoder(encoding).decode(bytes), national, { newId: 'x' }).session;
  session.plan = syncPlan(national, session);
  out['hostile ' + c.file] = session;
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")
def test_sessions_the_browser_makes_match_the_session_schema():
    result = subprocess.run(
        ["node", "-e", NODE_SESSIONS], cwd=ROOT, capture_output=True, text=True, check=True
    )
    sessions = json.loads(result.stdout)
    assert len(sessions) >= 10
    assert sessions["example"]["plan"] and sessions["example"]["answers"]
    for name, session in sessions.items():
        assert problems("session", session) == [], name
    assert [row["criterion"] for row in sessions["presented"]["plan"]] != []  # parked: plan rows


def test_a_parked_answer_is_true_or_absent():
    files = sorted((JS_FIXTURES / "exports").rglob("*.json"))
    session = next(
        s
        for s in (json.loads(f.read_text(encoding="utf-8")) for f in files)
        if isinstance(s, dict) and s.get("format") == "kmsat-session"
    )
    for parked, ok in [(True, True), (False, False), ("yes", False), (1, False)]:
        changed = copy.deepcopy(session)
        changed["answers"]["some-criterion"] = {
            "level": "",
            "priority": "",
            "notes": "",
            "parked": parked,
        }
        assert (problems("session", changed) == []) is ok, parked


def _at(data, pointer: str):
    """What a JSON pointer (RFC 6901) names in ``data``."""
    node = data
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _texts(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return [t for v in values for t in _texts(v)]


def test_only_an_edition_in_another_language_says_which_texts_fall_back():
    """The national edition's data has no fallback block (it must not grow); the Welsh one points
    at its English texts (national English it did not translate) and not at its Welsh ones."""
    for edition in ("national", "small", "full"):
        for data in built_data(EDITIONS[edition](), True):
            assert "fallback" not in data, edition
    data = built_data(EDITIONS["welsh"](), True)[0]
    block = data["fallback"]
    assert block["language"] == "en-GB"
    english = {t for p in block["texts"] for t in _texts(_at(data, p))}
    english -= {t for p in block.get("except", []) for t in _texts(_at(data, p))}
    leadership = data["elements"][0]
    assert leadership["title"] == "Arweinyddiaeth" and "Arweinyddiaeth" not in english
    assert leadership["criteria"][0]["title"] == "An accountable executive"
    assert {leadership["criteria"][0]["title"], leadership["summary"]} <= english
    level = data["scale"]["levels"][0]
    assert level["label"] == "Dim eto" and level["label"] not in english
    assert (
        level["description"] in english
        and leadership["criteria"][0]["levels"]["not-yet"] in english
    )
    assert (
        data["strings"]["steps.details"] in english
        and data["strings"]["nav.nextStep"] not in english
    )
    assert data["checklist"][0]["question"] in english
    # Written small: whole parts of the data, not one pointer per text.
    assert len(block["texts"]) + len(block.get("except", [])) < 40, block


def test_schema_describes_the_fallback_block():
    data = built_data(EDITIONS["welsh"](), True)[0]
    for broken in (
        {"language": "en GB", "texts": ["/strings"]},
        {"language": "en-GB", "texts": []},
        {"language": "en-GB", "texts": ["strings"]},
        {"language": "en-GB", "texts": ["/strings"], "lang": "x"},
    ):
        assert problems("questionnaire", {**data, "fallback": broken}), broken
