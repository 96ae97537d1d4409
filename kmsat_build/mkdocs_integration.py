"""What the thin MkDocs hooks call: load once per build, add virtual files.

Nothing is written into docs/: generated pages and the questionnaire's
assets are added as MkDocs virtual files.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .csp import ThemeScripts, add_meta, fill_policy, write_header_files
from .edition import load_edition
from .errors import FrameworkError
from .loader import load_framework
from .model import Branding, Framework
from .nav import site_nav
from .pages import render_pages
from .site_texts import site_name, site_texts

log = logging.getLogger("mkdocs.plugins.kmsat")
ASSET_DIR = "assets/kmsat"
BRANDING_CSS = "edition.css"
CSS_BUNDLE = "kmsat.css"  # every css/ file in manifest.txt, minified, in order
JS_BUNDLE = "kmsat.js"  # every js/ file in manifest.txt, minified, in order
IFRAME_WORKER_SHIM = "vendor/iframe-worker-shim.js"  # adapted from npm iframe-worker 1.0.4, MIT
IFRAME_WORKER_LICENCE = "vendor/iframe-worker-LICENSE.txt"


class KmsatBuild:
    """One MkDocs build of an edition: the model and the files it adds."""

    def __init__(self, watch_paths: list[Path], framework: Framework):
        self.watch_paths = watch_paths
        self.framework = framework
        self.script_hashes: set[str] = set()
        self.theme_scripts: ThemeScripts | None = None  # made with the config, on first use

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
        # Paths from the edition's YAML go into src/href attributes unescaped by the theme.
        if branding.logo:
            config.theme["logo"] = quote(branding.logo)
        if branding.favicon:
            config.theme["favicon"] = quote(branding.favicon)
        config.theme["language"] = self.framework.edition.language.split("-")[0]
        # Our theme overrides sit after an edition's own custom_dir, before Material's.
        overrides = str(resources.files("kmsat_build").joinpath("overrides"))
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        # The edition names the site; every page carries the notice and the
        # footer (publisher, versions, contact, licence) through our overrides.
        config.site_name = site_name(self.framework)
        config.extra["kmsat_site"] = site_texts(self.framework, config.use_directory_urls)
        config.extra_css.append(f"{ASSET_DIR}/{CSS_BUNDLE}")
        if branding_css(branding):
            config.extra_css.append(f"{ASSET_DIR}/{BRANDING_CSS}")
        config.extra_javascript.append(f"{ASSET_DIR}/{JS_BUNDLE}")
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
        for bundle, kind in ((CSS_BUNDLE, "css"), (JS_BUNDLE, "js")):
            files.append(
                File.generated(
                    config, f"{ASSET_DIR}/{bundle}", content=bundle_assets(root, asset_files(kind))
                )
            )
        shim = root.joinpath(IFRAME_WORKER_SHIM).read_text(encoding="utf-8")
        files.append(
            File.generated(
                config,
                f"{ASSET_DIR}/{IFRAME_WORKER_SHIM}",
                content=minify(IFRAME_WORKER_SHIM, shim),
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

    def add_csp(self, html: str, config, page=None, template_name: str = "") -> str:
        """Put the page's Content Security Policy in its <head>; only theme scripts stay."""
        if self.theme_scripts is None:
            self.theme_scripts = ThemeScripts(config)
        known = self.theme_scripts.for_page(page, template_name)
        html, removed = add_meta(html, known)
        for script in removed:
            log.warning(
                "kmsat: removed an inline script that neither Material nor kmsat ships "
                "(%s): put your own scripts in a file listed in extra_javascript",
                script,
            )
        self.script_hashes |= known
        return html

    def write_csp_headers(self, config) -> None:
        """The site-wide policy: into every page's meta, and into header files."""
        fill_policy(Path(config.site_dir), self.script_hashes)
        write_header_files(Path(config.site_dir), self.script_hashes)

    def watch(self, server) -> None:
        """`mkdocs serve` rebuilds when a framework or overlay file changes."""
        for path in self.watch_paths:
            server.watch(str(path))


def asset_files(kind: str) -> list[str]:
    """Asset paths (relative to kmsat_build/assets) in load order, from manifest.txt."""
    manifest = resources.files("kmsat_build").joinpath("assets/manifest.txt")
    if not manifest.is_file():
        return []
    lines = [ln.strip() for ln in manifest.read_text().splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#") and ln.startswith(f"{kind}/")]


def bundle_assets(root, paths: list[str]) -> str:
    """One minified file from many, in manifest order: one request, not thirty.

    Every JS file is a self-contained IIFE, so joining them is safe; the `;`
    guards against a file that ends without one.
    """
    parts = [minify(rel, root.joinpath(rel).read_text(encoding="utf-8")) for rel in paths]
    return (";\n" if paths and paths[0].endswith(".js") else "\n").join(parts) + "\n"


def minify(path: str, text: str) -> str:
    """Strip comments and spaces from our JS and CSS as the site is built.

    The sources keep their JSDoc and why-comments for readers; visitors get
    the smaller files. rjsmin and rcssmin only remove, never rewrite, code.
    """
    if path.endswith(".js"):
        return rjsmin.jsmin(text, keep_bang_comments=True)
    if path.endswith(".css"):
        return rcssmin.cssmin(text, keep_bang_comments=True)
    return text


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
