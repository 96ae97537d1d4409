"""A built edition served under a sub-path, as a GitHub Pages project site is."""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from tests.release_journey import SUB_PATH, GitHubPagesLike

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_404_page_under_a_sub_path_loads_its_css_and_js(ci, tmp_path, browser):
    www = tmp_path / "www"
    shutil.copytree(ci["site"], www / SUB_PATH.strip("/"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GitHubPagesLike, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    page = browser.new_page()
    try:
        responses, failed = [], []
        page.on("response", lambda r: responses.append(r))
        page.on("requestfailed", lambda r: failed.append(r))
        url = f"http://127.0.0.1:{server.server_port}{SUB_PATH}no/such/page.html"
        main = page.goto(url)
        page.wait_for_load_state("load")
        assert main.status == 404
        assert not failed, [r.url for r in failed]
        assets = [r for r in responses if r.url != url]
        assert assets and all(r.status == 200 for r in assets), [
            (r.url, r.status) for r in assets if r.status != 200
        ]
        assert any(r.url.endswith(".css") for r in assets)
        assert any(r.url.endswith(".js") for r in assets)
        # Material's stylesheet applied: the header is fixed/sticky, not static.
        position = page.eval_on_selector(".md-header", "e => getComputedStyle(e).position")
        assert position in ("sticky", "fixed")
    finally:
        page.close()
        server.shutdown()
        server.server_close()
