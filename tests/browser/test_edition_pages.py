"""The example edition in Chromium: branding, no off-site requests, axe, print."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import assert_accessible

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
    assert "based on national content version 2.0.0" in footer


def test_saved_answers_survive_a_national_content_update(browser, tmp_path):
    """Stable ids: answers saved on one national release are there on the next.

    The edition is built on a copy of the national framework; the copy is then
    updated (new version, a criterion reworded, one removed, one added) and the
    site rebuilt in place. After a reload the reworded and unchanged criteria
    keep their answers and the page says which answer was dropped.
    """
    import shutil

    import yaml

    from tests.browser.conftest import served
    from tests.conftest import ROOT, mkdocs_build

    national, edition, site = tmp_path / "national", tmp_path / "edition", tmp_path / "site"
    shutil.copytree(ROOT / "framework", national)
    shutil.copytree(ROOT / "tests" / "editions" / "full", edition)
    config = edition / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "overlay: edition.yml", "overlay: edition.yml\n      national: ../national"
        )
    )
    assert mkdocs_build(config, site).returncode == 0
    with served(site) as url:
        context = browser.new_context()
        page = context.new_page()
        try:
            page.goto(url + "assessment.html")
            page.locator("#kmsat-app[data-kmsat-started]").wait_for(state="attached")
            page.evaluate("""() => {
                const data = JSON.parse(document.getElementById('kmsat-data').dataset.kmsatJson);
                const s = KMSAT.session.newSession(data, new Date(), 'update-test');
                s.answers['accountable-executive'] = {level: 'emerging', priority: 'high', notes: 'Kept note'};
                s.answers['knowledge-in-strategy'] = {level: 'embedded', priority: '', notes: ''};
                s.answers['horizon-scanning'] = {level: 'developing', priority: '', notes: ''};
                s.answers['nv-evidence-panel'] = {level: 'not-yet', priority: 'low', notes: ''};
                localStorage.setItem('kmsat:northbrook:session', JSON.stringify(s));
            }""")

            # The national team releases 2.1.0: a rewording, a removal, an addition.
            (national / "edition.yml").write_text(
                (national / "edition.yml")
                .read_text()
                .replace("content_version: 2.0.0", "content_version: 2.1.0")
            )
            leadership = national / "elements" / "leadership.yml"
            data = yaml.safe_load(leadership.read_text())
            data["criteria"][1]["statement"] = "Strategy names evidence, reworded nationally."
            leadership.write_text(yaml.safe_dump(data, allow_unicode=True))
            opportunities = national / "elements" / "opportunities.yml"
            data = yaml.safe_load(opportunities.read_text())
            data["criteria"] = [c for c in data["criteria"] if c["id"] != "horizon-scanning"]
            data["criteria"].append(
                {
                    **data["criteria"][0],
                    "id": "new-national-criterion",
                    "title": "A new national criterion",
                }
            )
            opportunities.write_text(yaml.safe_dump(data, allow_unicode=True))
            example = yaml.safe_load((national / "example.yml").read_text())
            example["answers"].pop("horizon-scanning", None)
            example["plan"] = [
                r for r in example.get("plan", []) if r.get("criterion") != "horizon-scanning"
            ]
            (national / "example.yml").write_text(yaml.safe_dump(example, allow_unicode=True))
            result = mkdocs_build(config, site)
            assert result.returncode == 0, result.stderr

            page.reload()
            page.locator("#kmsat-app[data-kmsat-started]").wait_for(state="attached")
            version = page.evaluate(
                "JSON.parse(document.getElementById('kmsat-data').dataset.kmsatJson).edition.contentVersion"
            )
            assert version == "2.1.0+northbrook.2"
            assert "horizon-scanning" in page.locator("#kmsat-app").inner_text()  # what was dropped
            page.get_by_role("button", name=re.compile(r"^1\. Leadership")).click()
            criterion = page.get_by_role("group", name="1.1 An accountable executive")
            assert criterion.get_by_role("radio", name=re.compile("^Emerging")).is_checked()
            reworded = page.get_by_role("group", name="1.2 Evidence and knowledge in strategy")
            assert "reworded nationally" in reworded.inner_text()
            assert reworded.get_by_role("radio", name=re.compile("^Embedded")).is_checked()
            notes = page.get_by_role(
                "textbox", name="Notes and evidence for: An accountable executive"
            )
            assert notes.input_value() == "Kept note"
            panel = page.get_by_role("group", name="1.6 Our evidence panel")
            assert panel.get_by_role("radio", name=re.compile("^Not started")).is_checked()
        finally:
            context.close()
