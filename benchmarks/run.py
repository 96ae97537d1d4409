"""Run every benchmark, print the figures and write them to benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/run.py [--runs 3] [--lighthouse-runs 3] [--output FILE]

`make bench` runs this (after installing Lighthouse into benchmarks/node_modules).
Figures are printed beside their goals; nothing is asserted, and a figure that
cannot be measured says why instead of failing the run. Everything is built
into temporary folders, never into site/.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

import browser_bench
import build_bench
import lighthouse_bench
import weight_bench
from common import BENCH, ROOT, Section, build_site, machine, print_section, verdict


def guarded(title: str, fn) -> list[Section]:
    """Run one benchmark; if it breaks, a section that says so (the others still run)."""
    try:
        return fn()
    except Exception as exc:  # a benchmark that breaks must not hide the other figures
        traceback.print_exc()
        sec = Section(title)
        sec.add("all figures", f"not measured: {type(exc).__name__}: {str(exc)[:300]}")
        return [sec]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="builds per figure (median)")
    ap.add_argument("--lighthouse-runs", type=int, default=lighthouse_bench.RUNS)
    ap.add_argument("--output", type=Path, default=BENCH / "RESULTS.md")
    args = ap.parse_args()

    started = time.monotonic()
    info = machine()
    print(machine_line(info))
    sections: list[Section] = []
    work = Path(tempfile.mkdtemp(prefix="kmsat-bench-"))
    try:
        sites: dict[str, Path] = {}

        def builds():
            found, kept = build_bench.run(work / "build", args.runs)
            sites.update(kept)
            return found

        sections += show(guarded("1. Build", builds))
        national = sites.get("national")
        if national is None:  # the build benchmark broke: a plain build for the others
            national = work / "national"
            build_site(ROOT / "mkdocs.yml", national)
        sections += show(guarded("2. Weight", lambda: weight_bench.run(national)))
        tti_sites = {"national edition": national}
        if "large" in sites:
            tti_sites["large, 40 x 25 criteria"] = sites["large"]
        sections += show(guarded("3. Browser", lambda: browser_bench.run(tti_sites)))
        sections += show(
            guarded("4. Lighthouse", lambda: lighthouse_bench.run(national, args.lighthouse_runs))
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.monotonic() - started
    info["load_end"] = machine()["load"]
    write_results(args.output, info, sections, elapsed)
    print(f"\n{len(sections)} sections in {elapsed:.0f} s; written to {_rel(args.output)}")
    return 0


def show(sections: list[Section]) -> list[Section]:
    for s in sections:
        print_section(s)
    return sections


def machine_line(info: dict[str, str]) -> str:
    return (
        f"Machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory']} memory; "
        f"Python {info['python']}; {info['chromium']}; Node {info['node']}; "
        f"{info['os']}; {info['date']}; load average at start {info['load']}"
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def write_results(path: Path, info: dict, sections: list[Section], elapsed: float) -> None:
    goals = [r for s in sections for r in s.rows if r.goal]
    met = sum(1 for r in goals if r.met)
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (benchmarks/run.py); overwritten on every run. "
        "See benchmarks/README.md for what each figure means.",
        "",
        f"**{machine_line(info)}**",
        "",
        f"Goals met: {met} of {len(goals)}; the run took {elapsed:.0f} s "
        f"(load average {info['load']} at start, {info['load_end']} at the end: figures from a "
        "busy machine are slower and noisier).",
    ]
    for s in sections:
        lines += [
            "",
            f"## {s.title}",
            "",
            "| Figure | Value | Goal | Met |",
            "| --- | --- | --- | --- |",
        ]
        for r in s.rows:
            lines.append(
                f"| {_cell(r.figure)} | {_cell(r.value)} | {_cell(r.goal)} | "
                f"{verdict(r.met, r.goal)} |"
            )
        if s.notes:
            lines.append("")
            lines += [f"- {_cell(n)}" for n in s.notes]
    path.write_text("\n".join(lines) + "\n")


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
