"""Page weight: what each kind of page downloads, ours against the theme's; our own JS and CSS.

    python benchmarks/weight_bench.py [SITE]

SITE is a built national site (built into a temporary folder when not given).
Each page is loaded fresh in Chromium (a new context: empty cache) over a
local HTTP server (no compression on the wire), and every response body is
counted: raw bytes and gzip -9 of those bytes (what a compressing host would
send). The page's own HTML is counted on its own; "ours" is
assets/kmsat/** (the site bundle on every page, the page's own bundle loaded
on demand by the boot script); "theme" is everything else (Material's
bundle, stylesheets, search index, workers). Goals (issue 10): a guidance
page at most 6 KB of ours gzipped, the assessment and compare pages at most
30 KB each.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from common import (
    ROOT,
    Section,
    build_site,
    chromium_available,
    gzip9,
    kb,
    launch_chromium,
    print_section,
    serve,
)

GUIDANCE_GOAL_KB = 6  # ours on a page without a tool, gzipped
TOOL_GOAL_KB = 30  # ours on the assessment or the compare page, gzipped
PAGES = [  # (label, path, the most of ours it may load, gzipped KB)
    ("guidance: home", "index.html", GUIDANCE_GOAL_KB),
    ("guidance: element", "elements/leadership.html", GUIDANCE_GOAL_KB),
    ("guidance: technique", "opportunities/peer-assist.html", GUIDANCE_GOAL_KB),
    ("guidance: letter", "letter.html", GUIDANCE_GOAL_KB),
    ("assessment", "assessment.html", TOOL_GOAL_KB),
    ("compare", "compare.html", TOOL_GOAL_KB),
]
ASSETS = ROOT / "kmsat_build" / "assets"


def own_section(site: Path) -> Section:
    """Each bundle in manifest.txt as the build ships it, and as a page gets it (with the site bundle)."""
    from kmsat_build.bundles import on_demand_ceiling, read_manifest

    sec = Section("2b. Our own JS + CSS per bundle (kmsat_build/assets/manifest.txt, as built)")
    built = site / "assets" / "kmsat"
    shim = built / "vendor" / "iframe-worker-shim.js"
    guard = built / "js" / "storage-guard.js"
    site_files = [built / "kmsat.js", built / "kmsat.css", guard, shim]
    site_raw, site_gz, _ = sizes(site_files)
    sec.add(
        "site bundle on every page (kmsat.js = boot, kmsat.css, the storage guard, the file:// search shim)",
        f"{kb(site_raw)} raw, {kb(site_gz)} gzipped",
        f"<= {GUIDANCE_GOAL_KB} KB gzipped",
        site_gz <= GUIDANCE_GOAL_KB * 1024,
    )
    for bundle in read_manifest():
        if bundle.name == "site":
            continue
        files = [built / n for n in (bundle.output("js"), bundle.output("css")) if n]
        raw, gz, _ = sizes(files)
        if not bundle.mount:  # loaded when the user first needs it: not in a page's first load
            ceiling = on_demand_ceiling(bundle.name)
            sec.add(
                f"  {bundle.name} bundle, on demand ({', '.join(f.name for f in files)}; "
                f"{len(bundle.files)} sources)",
                f"{kb(raw)} raw, {kb(gz)} gzipped; not in any page's first load",
                f"<= {kb(ceiling)} gzipped, its own ceiling",
                gz <= ceiling,
            )
            continue
        sec.add(
            f"  {bundle.name} bundle ({', '.join(f.name for f in files)}; "
            f"{len(bundle.files)} sources; mount {', '.join(bundle.mount)})",
            f"{kb(raw)} raw, {kb(gz)} gzipped; with the site bundle {kb(site_gz + gz)}",
            f"<= {TOOL_GOAL_KB} KB gzipped with the site bundle",
            site_gz + gz <= TOOL_GOAL_KB * 1024,
        )
    sec.notes.append("gzipped file by file, -9: what a compressing host sends")
    return sec


def sizes(files: list[Path]) -> tuple[int, int, int]:
    """(raw bytes, sum of each file gzipped -9, all of them concatenated then gzipped)."""
    blobs = [f.read_bytes() for f in files]
    return sum(map(len, blobs)), sum(map(gzip9, blobs)), gzip9(b"".join(blobs))


def classify(url: str, page_url: str) -> str:
    if url == page_url:
        return "html"
    path = urlparse(url).path
    return "ours" if path.startswith("/assets/kmsat/") else "theme"


def page_section(site: Path) -> Section:
    sec = Section("2a. Page weight (Chromium, empty cache; raw / gzip -9 of each body)")
    if not chromium_available():
        sec.add("page weight", "not measured: /usr/bin/chromium is missing")
        return sec
    from playwright.sync_api import sync_playwright

    base, server = serve(site)
    try:
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for label, path, goal_kb in PAGES:
                url = base + path
                totals = {k: [0, 0, 0] for k in ("html", "ours", "theme")}
                failed: list[str] = []
                offsite: list[str] = []
                ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                responses = []
                ctx.on("response", lambda r, rs=responses: rs.append(r))
                ctx.on("requestfailed", lambda r, f=failed: f.append(r.url))
                page = ctx.new_page()
                page.goto(url, wait_until="load")
                page.wait_for_load_state("networkidle")  # the page's bundle, loaded on demand
                page.wait_for_timeout(500)  # late requests: the search worker's index
                for resp in responses:
                    if not resp.url.startswith(base):
                        if not resp.url.startswith(("data:", "blob:")):
                            offsite.append(resp.url)
                        continue
                    try:
                        body = resp.body()
                    except Exception:  # a redirect or a body Chromium dropped
                        continue
                    t = totals[classify(resp.url, url)]
                    t[0] += 1
                    t[1] += len(body)
                    t[2] += gzip9(body)
                ctx.close()
                n = sum(t[0] for t in totals.values())
                raw = sum(t[1] for t in totals.values())
                gz = sum(t[2] for t in totals.values())
                sec.add(
                    f"{label} ({path}): ours, first load",
                    f"{totals['ours'][0]} req, {kb(totals['ours'][1])} raw / "
                    f"{kb(totals['ours'][2])} gzipped",
                    f"<= {goal_kb} KB gzipped",
                    totals["ours"][2] <= goal_kb * 1024,
                )
                sec.add(
                    f"  whole page: {n} requests",
                    f"{kb(raw)} raw / {kb(gz)} gzipped: "
                    f"page HTML {kb(totals['html'][1])} / {kb(totals['html'][2])}; "
                    f"theme {totals['theme'][0]} req {kb(totals['theme'][1])} / "
                    f"{kb(totals['theme'][2])}",
                )
                if offsite:
                    sec.notes.append(f"{label}: requests to other hosts: {offsite}")
                if failed:
                    sec.notes.append(f"{label}: failed requests: {failed}")
            browser.close()
    finally:
        server.shutdown()
    sec.notes.append(
        "ours = assets/kmsat/**; theme = Material's scripts, stylesheets, search index and "
        "workers; every page loads the site bundle, and the boot script loads the "
        "assessment or compare bundle where its mount point is"
    )
    return sec


def run(site: Path) -> list[Section]:
    return [page_section(site), own_section(site)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", type=Path)
    args = ap.parse_args()
    tmp = None
    if args.site is None:
        tmp = Path(tempfile.mkdtemp(prefix="kmsat-weight-"))
        args.site = tmp / "site"
        build_site(ROOT / "mkdocs.yml", args.site)
    try:
        for s in run(args.site):
            print_section(s)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
