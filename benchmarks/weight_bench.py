"""Page weight: what each kind of page downloads, ours against the theme's; our own JS and CSS.

    python benchmarks/weight_bench.py [SITE]

SITE is a built national site (built into a temporary folder when not given).
Each page is loaded in Chromium with an empty cache over a local HTTP server
(no compression on the wire), and every response body is counted: raw bytes
and gzip -9 of those bytes (what a compressing host would send). The page's
own HTML is counted on its own; "ours" is assets/kmsat/**; "theme" is
everything else (Material's bundle, stylesheets, search index, workers).
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

PAGES = [
    ("home", "index.html"),
    ("element", "elements/leadership.html"),
    ("technique", "opportunities/peer-assist.html"),
    ("assessment", "assessment.html"),
    ("compare", "compare.html"),
]
OWN_GOAL_KB = 30  # our JS + CSS, gzipped, in total
ASSETS = ROOT / "kmsat_build" / "assets"


def own_assets() -> tuple[list[Path], list[Path]]:
    """(every shipped file of ours: manifest.txt's list plus vendor/, the questionnaire's own)."""
    lines = [ln.strip() for ln in (ASSETS / "manifest.txt").read_text().splitlines()]
    listed = [ASSETS / ln for ln in lines if ln and not ln.startswith("#")]
    vendor = sorted(p for p in (ASSETS / "vendor").rglob("*") if p.suffix in (".js", ".css"))
    shipped = [p for p in listed if p.is_file()] + vendor
    questionnaire = [
        p
        for p in listed
        if p.is_file()
        and (
            p.parent.name in ("core", "ui")
            and p.parent.parent.name == "js"
            or p.name == "questionnaire.css"
        )
    ]
    return shipped, questionnaire


def sizes(files: list[Path]) -> tuple[int, int, int]:
    """(raw bytes, sum of each file gzipped -9, all of them concatenated then gzipped)."""
    blobs = [f.read_bytes() for f in files]
    return sum(map(len, blobs)), sum(map(gzip9, blobs)), gzip9(b"".join(blobs))


def own_section(site: Path) -> Section:
    sec = Section("2b. Our own JS + CSS (kmsat_build/assets: manifest.txt + vendor/)")
    shipped, questionnaire = own_assets()
    missing = [
        ln
        for ln in (ASSETS / "manifest.txt").read_text().splitlines()
        if ln.strip() and not ln.startswith("#") and not (ASSETS / ln.strip()).is_file()
    ]

    goal = f"< {OWN_GOAL_KB} KB gzipped"
    # As shipped: the build joins and minifies everything into kmsat.js and
    # kmsat.css (plus the file:// search shim), so measure the built files.
    built = sorted(p for p in (site / "assets" / "kmsat").rglob("*") if p.suffix in (".js", ".css"))
    raw, gz, _ = sizes(built)
    sec.add(f"all of ours, as shipped in the built site ({len(built)} files: "
            + ", ".join(p.name for p in built) + ")",
            f"{kb(raw)} raw, {kb(gz)} gzipped", goal, gz < OWN_GOAL_KB * 1024)
    from kmsat_build.mkdocs_integration import minify

    q_min = "".join(minify(p.name, p.read_text(encoding="utf-8")) for p in questionnaire).encode()
    sec.add("  the questionnaire's own as shipped (core + ui + questionnaire.css, minified, one file)",
            f"{kb(len(q_min))} raw, {kb(gzip9(q_min))} gzipped", goal, gzip9(q_min) < OWN_GOAL_KB * 1024)
    for where, pick in (("source files", lambda f: f),):
        files = pick(shipped)
        gone = [f for f in files if not f.is_file()]
        if gone:
            sec.add(f"all of ours, {where}", f"not measured: {len(gone)} files missing")
            continue
        raw, gz, gz_cat = sizes(files)
        sec.add(
            f"all of ours, {where} ({len(files)} files)",
            f"{kb(raw)} raw, {kb(gz)} gzipped file by file ({kb(gz_cat)} as one file)",
            goal,
            gz < OWN_GOAL_KB * 1024,
        )
        for label, suffix in (("JS", ".js"), ("CSS", ".css")):
            r, g, _ = sizes([f for f in files if f.suffix == suffix])
            sec.add(f"  of which {label}", f"{kb(r)} raw, {kb(g)} gzipped")
        q = pick(questionnaire)
        r, g, g_cat = sizes(q)
        sec.add(
            f"  the questionnaire's own: core + ui + questionnaire.css ({len(q)} files)",
            f"{kb(r)} raw, {kb(g)} gzipped ({kb(g_cat)} as one file)",
        )
        for group in ("core", "ui", "compare"):
            part = [f for f in files if f.parent.name == group]
            if part:
                r, g, _ = sizes(part)
                sec.add(f"    js/{group}/ ({len(part)} files)", f"{kb(r)} raw, {kb(g)} gzipped")
    if missing:
        sec.notes.append("listed in manifest.txt but missing: " + ", ".join(missing))
    sec.notes.append(
        "gzipped file by file = what a compressing host sends for separate files; "
        "as one file = if they were bundled"
    )
    return sec


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
            for label, path in PAGES:
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
                page.wait_for_load_state("networkidle")
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
                    f"{label} ({path})",
                    f"{n} requests, {kb(raw)} raw / {kb(gz)} gzipped: "
                    f"page HTML {kb(totals['html'][1])} / {kb(totals['html'][2])}; "
                    f"ours {totals['ours'][0]} req {kb(totals['ours'][1])} / {kb(totals['ours'][2])}; "
                    f"theme {totals['theme'][0]} req {kb(totals['theme'][1])} / {kb(totals['theme'][2])}",
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
        "workers; every page loads all of our files (MkDocs extra_css/extra_javascript)"
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
