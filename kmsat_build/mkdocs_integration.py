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

from .bundles import ASSET_DIR, SITE_FILES, assets_root, build_outputs, minify
from .csp import add_meta, fill_policy, write_header_files
from .edition import load_edition
from .errors import FrameworkError
from .loader import load_framework
from .model import Branding, Framework
from .nav import site_nav
from .pages import render_pages

log = logging.getLogger("mkdocs.plugins.kmsat")
BRANDING_CSS = "edition.css"
IFRAME_WORKER_SHIM = "vendor/iframe-worker-shim.js"  # adapted from npm iframe-worker 1.0.4, MIT
IFRAME_WORKER_LICENCE = "vendor/iframe-worker-LICENSE.txt"
# Runs in <head> before Material's scripts: storage refused gives them an in-memory stand-in.
STORAGE_GUARD = "js/storage-guard.js"


class KmsatBuild:
    """One MkDocs build of an edition: the model and the files it adds."""

    def __init__(self, watch_paths: list[Path], framework: Framework):
        self.watch_paths = watch_paths
        self.framework = framework
        self.script_hashes: set[str] = set()

    @classmethod
    def from_config(cls, config) -> KmsatBuild:
        """The national site: the framework named by ``extra.kmsat.framework``."""
        options = (config.extra or {}).get("kmsat", {}) or {}
        base = Path(config.config_file_path or ".").resolve().parent
        framework_dir = (base / options.get("framework", "framework")).resolve()
        framework = _or_abort(
            lambda: load_framework(framework_dir, label=_label(framework_dir, base))
        )
        return cls([framework_dir], framework)

    @classmethod
    def for_edition(cls, config, folder: Path, overlay: str, national: Path | None) -> KmsatBuild:
        """A library team's edition: the national framework with its overlay applied."""
        framework = _or_abort(lambda: load_edition(folder, national, overlay, config.docs_dir))
        return cls([folder / overlay], framework)

    def configure(self, config):
        """Set the nav, the site's language and our CSS/JS on every page."""
        if not config.nav:
            config.nav = site_nav(self.framework, extra_pages=_extra_pages(config.docs_dir))
        branding = self.framework.branding
        if branding.logo:
            config.theme["logo"] = branding.logo
        if branding.favicon:
            config.theme["favicon"] = branding.favicon
        config.theme["language"] = self.framework.edition.language.split("-")[0]
        # Our theme overrides sit after an edition's own custom_dir, before Material's.
        overrides = str(resources.files("kmsat_build").joinpath("overrides"))
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        if not config.copyright:  # every page says who publishes it and which content
            config.copyright = footer_line(self.framework)
        # Only the site bundle is on every page; the boot script in it loads
        # the others where their mount points are (see bundles.py).
        config.extra_css.append(f"{ASSET_DIR}/{SITE_FILES['css']}")
        if branding_css(branding):
            config.extra_css.append(f"{ASSET_DIR}/{BRANDING_CSS}")
        config.extra_javascript.append(f"{ASSET_DIR}/{SITE_FILES['js']}")
        # Material's offline plugin would load its file:// search shim from a
        # CDN unless a polyfill named iframe-worker is already listed: we
        # ship that shim ourselves (the site makes no off-site requests).
        config.extra["polyfills"] = [
            f"{ASSET_DIR}/{STORAGE_GUARD}",
            f"{ASSET_DIR}/{IFRAME_WORKER_SHIM}",
        ] + [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
        return config

    def add_files(self, files: Files, config) -> Files:
        """Add the generated pages and the questionnaire assets as virtual files."""
        urls = urls_from_assessment(config.use_directory_urls)
        for page in render_pages(self.framework, urls):
            if files.get_file_from_path(page.path):
                log.info("kmsat: docs/%s overrides the generated page", page.path)
                continue
            files.append(File.generated(config, page.path, content=page.markdown))
        root = assets_root()
        for name, text in build_outputs().items():
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=text))
        shim = root.joinpath(IFRAME_WORKER_SHIM).read_text(encoding="utf-8")
        files.append(
            File.generated(
                config,
                f"{ASSET_DIR}/{IFRAME_WORKER_SHIM}",
                content=minify(IFRAME_WORKER_SHIM, shim),
            )
        )
        guard = root.joinpath(STORAGE_GUARD).read_text(encoding="utf-8")
        files.append(
            File.generated(
                config, f"{ASSET_DIR}/{STORAGE_GUARD}", content=minify(STORAGE_GUARD, guard)
            )
        )
        licence = root.joinpath(IFRAME_WORKER_LICENCE)
        files.append(
            File.generated(
                config, f"{ASSET_DIR}/{IFRAME_WORKER_LICENCE}", abs_src_path=str(licence)
            )
        )
        css = branding_css(self.framework.branding)
        if css:
            files.append(File.generated(config, f"{ASSET_DIR}/{BRANDING_CSS}", content=css))
        return files

    def add_csp(self, html: str) -> str:
        """Put the page's Content Security Policy in its <head>."""
        html, hashes = add_meta(html)
        self.script_hashes |= hashes
        return html

    def write_csp_headers(self, config) -> None:
        """The site-wide policy: into every page's meta, and into header files."""
        fill_policy(Path(config.site_dir), self.script_hashes)
        write_header_files(Path(config.site_dir), self.script_hashes)

    def watch(self, server) -> None:
        """`mkdocs serve` rebuilds when a framework or overlay file changes."""
        for path in self.watch_paths:
            server.watch(str(path))


def branding_css(branding: Branding) -> str:
    """CSS custom properties for an edition's colours ('' when it keeps ours)."""
    rules = []
    if branding.primary_colour:
        c = branding.primary_colour
        rules += [
            f"--md-primary-fg-color: {c};",
            f"--md-primary-fg-color--dark: {c};",
            f"--md-typeset-a-color: {c};",
        ]
    if branding.accent_colour:
        rules += [f"--md-accent-fg-color: {branding.accent_colour};"]
    if not rules:
        return ""
    # Dark scheme keeps our light link colour: a brand colour is chosen for white.
    return (
        ":root {\n  "
        + "\n  ".join(rules)
        + '\n}\n[data-md-color-scheme="slate"] {\n  --md-typeset-a-color: #8cc8ff;\n}\n'
    )


def _extra_pages(docs_dir: str) -> list[str]:
    """Hand-written Markdown pages an edition adds under docs/ (for the nav)."""
    root = Path(docs_dir)
    if not root.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


def _or_abort(load) -> Framework:
    try:
        framework = load()
    except FrameworkError as exc:
        # PluginError stops MkDocs before it writes anything to site/.
        raise PluginError(str(exc)) from None
    for warning in framework.warnings:
        log.warning(warning)
    return framework


def footer_line(fw: Framework) -> str:
    edition = fw.edition
    if edition.content_version == edition.national_version:
        text = fw.strings.get("page.footer.national", "")
        return text.format(publisher=edition.publisher, version=edition.content_version)
    text = fw.strings.get("page.footer.edition", "")
    return text.format(
        publisher=edition.publisher,
        edition=edition.content_version,
        national=edition.national_version,
    )


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
