"""Lighthouse (npm lighthouse, pinned in benchmarks/package.json) on the home and assessment pages.

    python benchmarks/lighthouse_bench.py [SITE]

Drives Debian's chromium (CHROME_PATH=/usr/bin/chromium) headless, with the
desktop preset (simulated throttling: 40 ms RTT, 10 Mbps, no CPU slowdown).
The site is served on localhost with gzip, as a real static host serves it.
Each page is audited --runs times (default 3); the run with the median
performance score is reported. Install the tool first: `make bench` does,
or `cd benchmarks && npm ci`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from common import (
    BENCH,
    CHROMIUM,
    CHROMIUM_FLAGS,
    ROOT,
    Section,
    build_site,
    chromium_available,
    print_section,
    serve,
)

LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = [("home", "index.html"), ("assessment", "assessment.html")]
CATEGORIES = ["performance", "accessibility", "best-practices"]
GOALS = {"performance": 95, "accessibility": 100}
RUNS = 3


def lighthouse(url: str, out: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    cmd = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--preset=desktop",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--chrome-flags={flags}",
    ]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=240)
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(result.stderr.strip()[-800:] or f"exit {result.returncode}")
    return json.loads(out.read_text())


def failing(report: dict) -> list[str]:
    """Audits that cost points in the accessibility and best-practices categories."""
    out = []
    for cat in ("accessibility", "best-practices"):
        for ref in report["categories"][cat]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items") or []
                nodes = [i["node"].get("snippet", "") for i in items if "node" in i]
                where = f" at {', '.join(nodes[:2])}" if nodes else ""
                out.append(f"{cat}: {ref['id']} ({audit['title']}){where}")
    return out


def run(site: Path, runs: int = RUNS) -> list[Section]:
    sec = Section(f"4. Lighthouse {_version()} (desktop preset; median performance of {runs} runs)")
    if not LIGHTHOUSE.is_file():
        sec.add("lighthouse", "not measured: not installed (cd benchmarks && npm ci)")
        return [sec]
    if not chromium_available():
        sec.add("lighthouse", "not measured: /usr/bin/chromium is missing")
        return [sec]
    base, server = serve(site, compress=True)
    tmp = Path(tempfile.mkdtemp(prefix="kmsat-lighthouse-"))
    try:
        for label, path in PAGES:
            reports = []
            try:
                for i in range(runs):
                    reports.append(lighthouse(base + path, tmp / f"{label}-{i}.json"))
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                sec.add(f"{label}: lighthouse", f"not measured: {str(exc)[:300]}")
                continue
            reports.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
            report = reports[len(reports) // 2]
            scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
            spread = sorted(
                round(100 * (r["categories"]["performance"]["score"] or 0)) for r in reports
            )
            metrics = ", ".join(
                f"{name} {report['audits'][key].get('displayValue', '?')}"
                for name, key in (
                    ("FCP", "first-contentful-paint"),
                    ("LCP", "largest-contentful-paint"),
                    ("TBT", "total-blocking-time"),
                    ("CLS", "cumulative-layout-shift"),
                )
            )
            sec.add(
                f"{label} ({path}): performance",
                f"{scores['performance']} (runs: {spread}; {metrics})",
                f">= {GOALS['performance']}",
                scores["performance"] >= GOALS["performance"],
            )
            sec.add(
                f"{label}: accessibility",
                str(scores["accessibility"]),
                f"{GOALS['accessibility']}",
                scores["accessibility"] >= GOALS["accessibility"],
            )
            sec.add(f"{label}: best practices", str(scores["best-practices"]))
            for item in failing(report):
                sec.notes.append(f"{label}: {item}")
    finally:
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    sec.notes.append(
        "served from localhost with gzip; Chromium flags as the browser tests, plus --headless=new"
    )
    return [sec]


def _version() -> str:
    try:
        return json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "(not installed)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", type=Path)
    ap.add_argument("--runs", type=int, default=RUNS)
    args = ap.parse_args()
    tmp = None
    if args.site is None:
        tmp = Path(tempfile.mkdtemp(prefix="kmsat-lighthouse-site-"))
        args.site = tmp / "site"
        build_site(ROOT / "mkdocs.yml", args.site)
    try:
        for s in run(args.site, args.runs):
            print_section(s)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
