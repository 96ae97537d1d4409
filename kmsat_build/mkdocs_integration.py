"""What the thin MkDocs hooks call: load once per build, add virtual files.

Nothing is written into docs/: generated pages and the questionnaire's
assets are added as MkDocs virtual files.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .errors import FrameworkError
from .loader import load_framework
from .model import Framework
from .nav import site_nav
from .pages import render_pages

log = logging.getLogger("mkdocs.plugins.kmsat")
ASSET_DIR = "assets/kmsat"
IFRAME_WORKER_SHIM = "vendor/iframe-worker-shim.js"  # npm iframe-worker 1.0.4, MIT


class KmsatBuild:
    """One MkDocs build of an edition: the model and the files it adds."""

    def __init__(self, framework_dir: Path, framework: Framework):
        self.framework_dir = framework_dir
        self.framework = framework

    @classmethod
    def from_config(cls, config) -> KmsatBuild:
        """Load the framework named by ``extra.kmsat.framework`` (default ``framework``)."""
        options = (config.extra or {}).get("kmsat", {}) or {}
        base = Path(config.config_file_path or ".").resolve().parent
        framework_dir = (base / options.get("framework", "framework")).resolve()
        try:
            framework = load_framework(framework_dir, label=_label(framework_dir, base))
        except FrameworkError as exc:
            # PluginError stops MkDocs before it writes anything to site/.
            raise PluginError(str(exc)) from None
        for warning in framework.warnings:
            log.warning(warning)
        return cls(framework_dir, framework)

    def configure(self, config):
        """Set the nav, the site's language and our CSS/JS on every page."""
        if not config.nav:
            config.nav = site_nav(self.framework)
        config.theme["language"] = self.framework.edition.language.split("-")[0]
        for css in asset_files("css"):
            config.extra_css.append(f"{ASSET_DIR}/{css}")
        for js in asset_files("js"):
            config.extra_javascript.append(f"{ASSET_DIR}/{js}")
        # Material's offline plugin would load its file:// search shim from a
        # CDN unless a polyfill named iframe-worker is already listed: we
        # ship that shim ourselves (the site makes no off-site requests).
        config.extra["polyfills"] = [f"{ASSET_DIR}/{IFRAME_WORKER_SHIM}"] + [
            url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url
        ]
        return config

    def add_files(self, files: Files, config) -> Files:
        """Add the generated pages and the questionnaire assets as virtual files."""
        urls = urls_from_assessment(config.use_directory_urls)
        for page in render_pages(self.framework, urls):
            if files.get_file_from_path(page.path):
                log.info("kmsat: docs/%s overrides the generated page", page.path)
                continue
            files.append(File.generated(config, page.path, content=page.markdown))
        root = resources.files("kmsat_build").joinpath("assets")
        for rel in asset_files("css") + asset_files("js") + [IFRAME_WORKER_SHIM]:
            source = root.joinpath(rel)
            files.append(File.generated(config, f"{ASSET_DIR}/{rel}", abs_src_path=str(source)))
        return files

    def watch(self, server) -> None:
        """`mkdocs serve` rebuilds when a framework file changes."""
        server.watch(str(self.framework_dir))


def asset_files(kind: str) -> list[str]:
    """Asset paths (relative to kmsat_build/assets) in load order, from manifest.txt."""
    manifest = resources.files("kmsat_build").joinpath("assets/manifest.txt")
    if not manifest.is_file():
        return []
    lines = [ln.strip() for ln in manifest.read_text().splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#") and ln.startswith(f"{kind}/")]


def urls_from_assessment(use_directory_urls: bool):
    """A function mapping a generated page path to its URL from the assessment page."""

    def url(path: str) -> str:
        stem = path.removesuffix(".md")
        if not use_directory_urls:  # the assessment page is assessment.html, at the top
            return stem + ".html"
        # The assessment page is assessment/, one folder down.
        return "../" + (stem.removesuffix("index") if stem.endswith("index") else stem + "/")

    return url


def _label(framework_dir: Path, base: Path) -> str:
    try:
        return framework_dir.relative_to(base).as_posix()
    except ValueError:
        return str(framework_dir)
