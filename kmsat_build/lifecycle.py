"""One MkDocs build of a site: load the model once, then add pages, assets and the CSP.

The `kmsat` plugin (plugin.py) drives this for every site; the national
site's hooks/kmsat.py hands its events to that same plugin. Nothing is
written into docs/: generated pages and assets are MkDocs virtual files.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .branding import BRANDING_CSS, apply_branding, branding_css
from .bundles import (
    ASSET_DIR,
    IFRAME_WORKER_SHIM,
    SITE_FILES,
    STORAGE_GUARD,
    assets_root,
    build_outputs,
    minify,
)
from .csp import ThemeScripts, add_meta, correct_policy, policy, write_header_files
from .errors import FrameworkError
from .model import Framework
from .nav import site_nav
from .pages import render_pages
from .site_rules import check_site
from .site_texts import site_name, site_texts

log = logging.getLogger("mkdocs.plugins.kmsat")


class KmsatBuild:
    """One MkDocs build of an edition: the model and the files it adds."""

    def __init__(self, watch_paths: list[Path], framework: Framework, pages: list):
        self.watch_paths = watch_paths
        self.framework = framework
        self.pages = pages  # rendered once: checked in on_config, added in on_files
        self.script_hashes: set[str] = set()  # what the pages written so far need
        self.planned_hashes: set[str] = set()  # what plan_csp expects every page to need
        self.theme_scripts: ThemeScripts | None = None  # made with the config, on first use

    @classmethod
    def load(cls, config, options) -> KmsatBuild:
        """The site ``options`` (the plugin's typed settings) name, checked as `kmsat check` does.

        ``framework`` set: a framework directory of its own (the national site).
        Otherwise the edition's ``overlay`` on the national framework installed
        with kmsat (or ``national``, for tests simulating a national update).
        """
        folder = Path(config.config_file_path or ".").resolve().parent
        if options.framework:
            from .loader import load_framework

            framework_dir = (folder / options.framework).resolve()
            framework, pages = _or_abort(
                lambda: load_framework(framework_dir, label=_label(framework_dir, folder)), config
            )
            return cls([framework_dir], framework, pages)
        from .edition import load_edition

        national = (folder / options.national).resolve() if options.national else None
        framework, pages = _or_abort(
            lambda: load_edition(folder, national, options.overlay, config.docs_dir), config
        )
        return cls([folder / options.overlay], framework, pages)

    def configure(self, config):
        """Set the nav, the site's language and our CSS/JS on every page."""
        if not config.nav:
            config.nav = site_nav(self.framework, extra_pages=_extra_pages(config.docs_dir))
        apply_branding(config, self.framework.branding)
        config.theme["language"] = self.framework.edition.language.split("-")[0]
        # Our theme overrides sit after an edition's own custom_dir, before Material's.
        overrides = str(resources.files("kmsat_build").joinpath("overrides"))
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        # The edition names the site; every page carries the notice and the
        # footer (publisher, versions, contact, licence) through our overrides.
        config.site_name = site_name(self.framework)
        config.extra["kmsat_site"] = site_texts(self.framework, config.use_directory_urls)
        # Only the site bundle is on every page; the boot script in it loads
        # the others where their mount points are (see bundles.py).
        config.extra_css.append(f"{ASSET_DIR}/{SITE_FILES['css']}")
        if branding_css(self.framework.branding):
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
        for page in self.pages:
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
        # Each vendored library's licence travels with it (the shim's, docx's).
        vendor = root.joinpath("vendor")
        for licence in sorted(p.name for p in vendor.iterdir() if p.name.endswith("-LICENSE.txt")):
            path = str(vendor.joinpath(licence))
            files.append(File.generated(config, f"{ASSET_DIR}/vendor/{licence}", abs_src_path=path))
        css = branding_css(self.framework.branding)
        if css:
            files.append(File.generated(config, f"{ASSET_DIR}/{BRANDING_CSS}", content=css))
        return files

    def plan_csp(self, config, files: Files) -> None:
        """The site-wide policy, worked out before any page is written: Material's
        scripts for every page's folder depth and for each theme template (404.html).

        Each page then gets its final policy as it is written; a page this did not
        foresee (drafts in `mkdocs serve`) is corrected after the build."""
        scripts = self._theme_scripts(config)
        planned = set()
        for file in files.documentation_pages():
            planned |= scripts.for_url(file.url)
        for name in (*config.theme.static_templates, *config.extra_templates):
            if name.endswith(".html"):
                planned |= scripts.for_page(template_name=name)
        self.planned_hashes = planned

    def add_csp(self, html: str, config, page=None, template_name: str = "") -> str:
        """Put the site's Content Security Policy in the page's <head>; only theme scripts stay."""
        known = self._theme_scripts(config).for_page(page, template_name)
        html, removed = add_meta(html, known, policy(self.planned_hashes))
        for script in removed:
            log.warning(
                "kmsat: removed an inline script that neither Material nor kmsat ships "
                "(%s): put your own scripts in a file listed in extra_javascript",
                script,
            )
        self.script_hashes |= known
        return html

    def write_csp_headers(self, config) -> None:
        """The site-wide policy: in every page's meta (corrected if the plan missed a
        page), and in header files for common hosts."""
        if self.script_hashes != self.planned_hashes:
            correct_policy(Path(config.site_dir), policy(self.planned_hashes), self.script_hashes)
        write_header_files(Path(config.site_dir), self.script_hashes)

    def _theme_scripts(self, config) -> ThemeScripts:
        if self.theme_scripts is None:
            self.theme_scripts = ThemeScripts(config)
        return self.theme_scripts

    def watch(self, server) -> None:
        """`mkdocs serve` rebuilds when a framework or overlay file changes."""
        for path in self.watch_paths:
            server.watch(str(path))


def _extra_pages(docs_dir: str) -> list[str]:
    """Hand-written Markdown pages an edition adds under docs/ (for the nav)."""
    root = Path(docs_dir)
    if not root.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


def _or_abort(load, config) -> tuple[Framework, list]:
    """The loaded model and its pages, checked with the site rules, or stop the build.

    The same checks as `kmsat check`, so the build names the same file and line.
    """
    try:
        framework = load()
        pages = render_pages(framework, urls_from_assessment(config.use_directory_urls))
        docs_dir = Path(config.docs_dir)
        problems = check_site(framework, docs_dir, docs_dir.name, pages)
        if problems:
            raise FrameworkError(problems)
    except FrameworkError as exc:
        # PluginError stops MkDocs before it writes anything to site/.
        raise PluginError(str(exc)) from None
    for warning in framework.warnings:
        log.warning(warning)
    return framework, pages


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
