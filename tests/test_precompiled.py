"""The page templates ship compiled (precompiled.py), and stale compiled code is never used."""

from __future__ import annotations

import shutil

from jinja2 import FileSystemLoader, ModuleLoader

from kmsat_build import precompiled
from kmsat_build.loader import load_framework
from kmsat_build.pages import environment, render_pages
from tests.conftest import ROOT


def _files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_committed_compiled_templates_are_current(tmp_path):
    """Run `make generated` (python -m kmsat_build.precompiled) after changing a template
    or the template options in pages.py."""
    precompiled.write(environment(), tmp_path / "fresh")
    assert _files(tmp_path / "fresh") == _files(precompiled.COMPILED)
    assert isinstance(environment().loader, ModuleLoader)  # so a build uses them


def test_compiled_templates_render_what_the_sources_do(monkeypatch):
    fw = load_framework(ROOT / "framework")
    compiled = render_pages(fw)
    monkeypatch.setattr(precompiled, "KEY_FILE", precompiled.COMPILED / "no-such-key")
    assert isinstance(environment().loader, FileSystemLoader)
    assert render_pages(fw) == compiled


def test_an_edited_template_is_compiled_from_its_source(tmp_path, monkeypatch):
    templates = tmp_path / "templates"
    shutil.copytree(precompiled.TEMPLATES, templates)
    home = templates / "home.md.j2"
    home.write_text(home.read_text(encoding="utf-8") + "\nEDITED, NOT RECOMPILED\n")
    monkeypatch.setattr(precompiled, "TEMPLATES", templates)
    assert isinstance(environment().loader, FileSystemLoader)
    pages = render_pages(load_framework(ROOT / "framework"))
    assert "EDITED, NOT RECOMPILED" in pages[0].markdown


def test_another_option_or_filter_changes_the_key():
    env = environment()
    key = precompiled.compile_key(env)
    env.trim_blocks = False
    assert precompiled.compile_key(env) != key
    env = environment()
    env.filters["extra"] = str.upper
    assert precompiled.compile_key(env) != key
