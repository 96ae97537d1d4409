"""Each page gets the site-wide policy as it is written (KmsatBuild.plan_csp), and a page
the plan did not foresee still ends with the policy every page needs."""

from __future__ import annotations

import re

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kmsat_build import lifecycle
from kmsat_build.csp import inline_script_hashes
from tests.conftest import ROOT

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def build_site(site, monkeypatch, config=ROOT / "tests" / "editions" / "full" / "mkdocs.yml"):
    monkeypatch.chdir(config.parent)
    build(load_config(str(config), strict=True, site_dir=str(site)))
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    policies = {META.search(text).group(1) for text in pages.values()}
    assert len(policies) == 1, "every page carries the same policy"
    used = set().union(*(inline_script_hashes(text) for text in pages.values()))
    (policy,) = policies
    assert used and used <= set(re.findall(r"'sha256-[^']+'", policy))
    assert policy in (site / "csp.txt").read_text(encoding="utf-8")
    return pages


@pytest.mark.parametrize("config", [ROOT / "mkdocs.yml", ROOT / "tests/editions/full/mkdocs.yml"])
def test_the_plan_foresees_every_page(tmp_path, monkeypatch, config):
    def no_correction(*args):
        raise AssertionError("a page the plan did not foresee")

    monkeypatch.setattr(lifecycle, "correct_policy", no_correction)
    build_site(tmp_path / "site", monkeypatch, config)


def test_a_page_the_plan_missed_is_corrected_after_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(lifecycle.KmsatBuild, "plan_csp", lambda self, config, files: None)
    build_site(tmp_path / "site", monkeypatch)
