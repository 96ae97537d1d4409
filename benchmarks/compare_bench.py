"""The compare page with 200 exported assessments: time to a rendered matrix, longest long task.

    .venv/bin/python benchmarks/compare_bench.py [--files 200] [--runs 3]

Builds the national site, writes --files exports (one directorate each, seeded
random ratings, the shape of tests/js/fixtures/exports/make_exports.py), then
in Chromium (the browser tests' executable and flags) chooses them all at once
in the compare page's file input, as a user would. Measured in the page:

- load: from the input's change event to the side-by-side table holding every
  team (reading the files, checking each like an import, rendering, saving);
- the longest long task (PerformanceObserver 'longtask', > 50 ms) meanwhile;
- expand: ticking "Show each criterion" (16 rows x 200 teams) to its table;
- restore: a reload, from navigation start to the table, from localStorage.

Goals (issue #4): load under 0.5 s, no long task over 200 ms. Figures are
printed, never asserted; run by hand, not part of `make test`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
import tempfile
from pathlib import Path

from common import ROOT, build_site, launch_chromium, serve

LOAD_GOAL_S, LONGTASK_GOAL_MS = 0.5, 200

# Installed before the page's own scripts: long tasks, and the moment files are chosen.
WATCH = """
window.__bench = {longtasks: [], changeAt: null};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__bench.longtasks.push({start: e.startTime, duration: e.duration});
}).observe({type: 'longtask', buffered: true});
document.addEventListener('change', (e) => {
  if (e.target && e.target.id === 'kmsat-cmp-input') window.__bench.changeAt = performance.now();
}, true);
"""
# Resolves with performance.now() once the side-by-side table has `teams` team columns (+ 3).
WAIT_TABLE = """([teams, rows]) => new Promise((resolve) => {
  const done = () => {
    const table = document.querySelector('.kmsat-cmp-matrix');
    return table && table.tHead.rows[0].cells.length === teams + 3 && table.tBodies[0].rows.length === rows;
  };
  const poll = () => (done() ? resolve(performance.now()) : requestAnimationFrame(poll));
  poll();
})"""


def make_exports(folder: Path, count: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location(
        "make_exports", ROOT / "tests" / "js" / "fixtures" / "exports" / "make_exports.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from kmsat_build.loader import load_framework

    fw = load_framework(ROOT / "framework")
    n = len(module.criteria_ids(fw))
    rng = random.Random(4)
    paths = []
    for i in range(count):
        ratings = "".join(rng.choice("11223344k") for _ in range(n))
        content = module.export(
            fw,
            sid=f"bench-{i:03d}",
            team=f"Directorate {i:03d}",
            date="2026-03-10",
            ratings=ratings,
            priorities={module.criteria_ids(fw)[0]: "high"},
        )
        path = folder / f"directorate-{i:03d}.json"
        path.write_text(json.dumps(content, indent=2) + "\n")
        paths.append(path)
    return paths


def one_run(browser, url: str, files: list[Path], criteria_rows: int) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(WATCH)
    page.goto(url + "compare.html")
    page.locator("#kmsat-compare[data-kmsat-started]").wait_for(state="attached")
    teams = len(files)
    page.set_input_files("#kmsat-cmp-input", [str(p) for p in files])
    rendered = page.evaluate(WAIT_TABLE, [teams, 4])
    bench = page.evaluate("window.__bench")
    load_ms = rendered - bench["changeAt"]
    longest = max(
        [t["duration"] for t in bench["longtasks"] if t["start"] >= bench["changeAt"] - 1],
        default=0,
    )
    stored = page.evaluate("(localStorage.getItem('kmsat:national:compare') || '').length")

    before = page.evaluate("performance.now()")
    page.get_by_label("Show each criterion").check()
    expand_ms = page.evaluate(WAIT_TABLE, [teams, 4 + criteria_rows]) - before

    page.reload()
    # performance.now() counts from the navigation's start; "Show each criterion" is kept too.
    restore_ms = page.evaluate(WAIT_TABLE, [teams, 4 + criteria_rows])
    restore_long = max(
        [t["duration"] for t in page.evaluate("window.__bench.longtasks")], default=0
    )
    context.close()
    if errors:
        sys.exit(f"page errors: {errors}")
    return {
        "load_ms": load_ms,
        "longest_ms": longest,
        "expand_ms": expand_ms,
        "restore_ms": restore_ms,
        "restore_longest_ms": restore_long,
        "stored_chars": stored,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build_site(ROOT / "mkdocs.yml", tmp / "site")
        (tmp / "exports").mkdir()
        files = make_exports(tmp / "exports", args.files)
        size = sum(p.stat().st_size for p in files)
        url, server = serve(tmp / "site")
        with sync_playwright() as p:
            browser = launch_chromium(p)
            runs = [one_run(browser, url, files, 16) for _ in range(args.runs)]
            browser.close()
        server.shutdown()

    def line(label, key, unit="ms", goal=None):
        values = [r[key] for r in runs]
        text = f"median {statistics.median(values):7.1f} {unit}, worst {max(values):7.1f} {unit}"
        if goal is not None:
            text += f"   [goal < {goal} {unit}: {'met' if max(values) < goal else 'NOT MET'}]"
        print(f"  {label:<44} {text}")

    print(
        f"\n== Compare page: {args.files} exported files ({size / 1024:.0f} KB), {args.runs} runs =="
    )
    line("choose files -> matrix rendered", "load_ms", goal=LOAD_GOAL_S * 1000)
    line("longest long task while loading", "longest_ms", goal=LONGTASK_GOAL_MS)
    line("show each criterion -> table rendered", "expand_ms")
    line("reload -> matrix restored (from page start)", "restore_ms")
    line("longest long task on reload", "restore_longest_ms")
    print(f"  {'kept in localStorage':<44} {runs[0]['stored_chars'] / 1024:.0f} K characters")


if __name__ == "__main__":
    main()
