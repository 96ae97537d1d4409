"""One built site, one HTTP server and one Chromium for all browser tests.

Playwright drives Debian's chromium (never a downloaded browser). Every page
fixture records console errors and any request to another host, and fails
the test if either happened.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("KMSAT_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served on a free loopback port while the block runs: its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(national_site: Path):
    with served(national_site) as url:
        yield url


@pytest.fixture(scope="session")
def edition_url(full_site: Path):
    with served(full_site) as url:
        yield url


@pytest.fixture(scope="session")
def welsh_url(welsh_site: Path):
    with served(welsh_site) as url:
        yield url


@pytest.fixture(scope="session")
def instant_site_url(tmp_path_factory):
    """The national site with instant navigation working, served on its own port.

    Material's instant navigation only intercepts links listed in sitemap.xml,
    which is empty while mkdocs.yml has no site_url, and it matches them by
    port: so this build sets site_url to the server's own address.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.conftest import ROOT

    site = tmp_path_factory.mktemp("instant") / "site"
    site.mkdir()
    with served(site) as url:  # the port first: the build writes it into sitemap.xml
        build(load_config(str(ROOT / "mkdocs.yml"), site_url=url, site_dir=str(site), strict=True))
        yield url


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class PageWatch:
    """What a page did that a test should fail on."""

    def __init__(self, page, allowed_prefixes: tuple[str, ...]):
        self.console_errors: list[str] = []
        self.offsite: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", lambda r: self._request(r.url, allowed_prefixes))

    def _request(self, url: str, allowed: tuple[str, ...]) -> None:
        if not url.startswith(allowed + ("data:", "blob:", "about:")):
            self.offsite.append(url)

    def assert_clean(self):
        assert self.offsite == [], f"requests to other hosts: {self.offsite}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, site_url):
    page = context.new_page()
    page.watch = PageWatch(page, (site_url,))
    yield page
    page.watch.assert_clean()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def edition_page(context, edition_url):
    """A page for the example edition's site, watched like `page`."""
    page = context.new_page()
    page.watch = PageWatch(page, (edition_url,))
    yield page
    page.watch.assert_clean()


@pytest.fixture
def welsh_page(context, welsh_url):
    """A page for the partial Welsh edition's site, watched like `page`."""
    page = context.new_page()
    page.watch = PageWatch(page, (welsh_url,))
    yield page
    page.watch.assert_clean()


def assert_accessible(axe, page, label: str = ""):
    """axe-core at WCAG 2.2 AA: no violations.

    First wait for running transitions (the header's tabs fade as the page scrolls):
    axe would measure a colour halfway through the fade.
    """
    # evaluate, not wait_for_function: its string predicate is eval'd, which the CSP refuses.
    page.evaluate(
        """() => new Promise((resolve) => {
          const until = performance.now() + 10000;
          const still = () => document.getAnimations().some((a) => a.playState === 'running');
          const check = () => (still() && performance.now() < until ? requestAnimationFrame(check) : resolve());
          check();
        })"""
    )
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, f"{label or page.url}\n{results.generate_report()}"


@pytest.fixture
def new_page(browser):
    """Make pages in contexts of their own (init scripts, several tabs), watched like `page`.

    `page.watch.ignore`: console errors containing it pass (someone else's, explained where set).
    """
    contexts, watches = [], []

    def make(init_script: str | None = None, context=None, **options):
        if context is None:
            context = browser.new_context(**options)
            contexts.append(context)
            if init_script:
                context.add_init_script(init_script)
        made = context.new_page()
        made.watch = PageWatch(made, ("http://127.0.0.1:", "file://"))
        made.watch.ignore = None
        watches.append(made.watch)
        return made

    yield make
    for watch in watches:
        watch.console_errors = [
            e for e in watch.console_errors if not (watch.ignore and watch.ignore in e)
        ]
        watch.assert_clean()
    for context in contexts:
        context.close()
