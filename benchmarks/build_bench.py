"""Build time and peak memory: ours against plain MkDocs + Material on the same pages.

    python benchmarks/build_bench.py [--runs 3]

Three editions: the national one, and generated frameworks of 20 x 25 criteria
(100 techniques) and 40 x 25 (200 techniques). Each is built by our hooks
(`mkdocs build --strict`) and, beside it, as a plain MkDocs project: the very
Markdown our build generates, written to an ordinary docs/ folder with an
explicit nav, the same settings (site.yml, search, offline) and no kmsat
hooks. The difference is our build step: loading and validating the YAML,
rendering the pages, adding assets, hashing scripts for the CSP.

Every build is a child process under measure_child.py (wall and CPU time,
peak RSS); ours and plain builds alternate, and each figure is the median of
--runs. Goals are judged on CPU time, which a busy machine disturbs far less.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import tempfile
from pathlib import Path

import yaml
from common import ROOT, Section, measured_run, median, mib, mkdocs_cmd, print_section, secs
from gen_framework import make_project

TIME_GOAL = 1.15  # ours / plain
GROWTH_GOAL = 2.3  # large / half, when content doubles: linear is 2, plus 15%


def make_plain_project(dest: Path, framework_dir: Path) -> Path:
    """Plain MkDocs + Material: our generated Markdown as ordinary files, no hooks."""
    from kmsat_build.lifecycle import urls_from_assessment
    from kmsat_build.loader import load_framework
    from kmsat_build.nav import site_nav
    from kmsat_build.pages import render_pages

    fw = load_framework(framework_dir)
    docs = dest / "docs"
    for page in render_pages(fw, urls_from_assessment(False)):
        path = docs / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown)
    config = {
        "INHERIT": str(ROOT / "kmsat_build" / "site.yml"),
        "site_name": "Plain MkDocs with the same pages",
        "docs_dir": "docs",
        "plugins": ["search", "offline"],
        "nav": site_nav(fw),
        "extra": {"generator": False},
    }
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    return path


def editions(work: Path, only: str | None = None) -> list[tuple[str, str, Path, Path]]:
    """(key, label, our mkdocs.yml, plain mkdocs.yml) for each edition measured
    (``only``: just that one, so the others are not generated)."""
    out = []
    if only in (None, "national"):
        national_plain = make_plain_project(work / "national-plain", ROOT / "framework")
        out.append(("national", "national edition", ROOT / "mkdocs.yml", national_plain))
    for key, n_el, n_tq in (("half", 20, 100), ("large", 40, 200)):
        if only not in (None, key):
            continue
        ours = make_project(work / key, n_el, 25, n_tq)
        plain = make_plain_project(work / f"{key}-plain", work / key / "framework")
        out.append((key, f"{n_el} x 25 criteria, {n_tq} techniques", ours, plain))
    return out


def run(
    work: Path, runs: int = 3, cold: bool = False, only: str | None = None
) -> tuple[list[Section], dict[str, Path]]:
    """Measure, working in ``work`` (the caller removes it).

    kmsat's cache (cache.py) is kept in ``work``: warm (built once before
    measuring, as a team's second build), or with ``cold`` emptied before every
    build (the first build after a change or a new kmsat). ``only``: one edition.

    Returns the sections and the last national and large sites built by our
    hooks, kept in ``work``/kept for the browser benchmarks.
    """
    results: dict[tuple[str, str], list[dict]] = {}
    # Our modules byte-compiled, as pip leaves an installed kmsat: with
    # PYTHONDONTWRITEBYTECODE set (or a read-only checkout) every build would
    # otherwise compile them from source, which no installed kmsat does.
    compileall.compile_dir(ROOT / "kmsat_build", quiet=1)
    eds = editions(work, only)
    cache_home = work / "cache"
    env = {"XDG_CACHE_HOME": str(cache_home)}
    if not cold:
        for key, _label, ours, _plain in eds:
            measured_run(mkdocs_cmd(ours, work / "sites" / f"{key}-warm-up"), ours.parent, env)
    kept = {}
    for rep in range(runs):
        for key, _label, ours, plain in eds:
            for kind, config in (("ours", ours), ("plain", plain)):
                site = work / "sites" / f"{key}-{kind}-{rep}"
                if cold:
                    shutil.rmtree(cache_home, ignore_errors=True)
                results.setdefault((key, kind), []).append(
                    measured_run(mkdocs_cmd(config, site), cwd=config.parent, env=env)
                )
                if rep == runs - 1 and kind == "ours" and key in ("national", "large"):
                    kept[key] = work / "kept" / key
                    kept[key].parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(str(site), str(kept[key]))
                else:
                    shutil.rmtree(site, ignore_errors=True)
    return report(eds, results, runs), kept


def report(eds, results, runs) -> list[Section]:
    sec = Section(f"1. Build (mkdocs build --strict; median of {runs}; child process)")
    t = {k: median([m["wall_s"] for m in v]) for k, v in results.items()}
    cpu = {k: median([m["user_s"] + m["sys_s"] for m in v]) for k, v in results.items()}
    rss = {k: median([m["max_rss_kib"] for m in v]) for k, v in results.items()}
    for key, label, _ours, _plain in eds:
        for kind, name in (("ours", "ours"), ("plain", "plain MkDocs, same pages")):
            sec.add(
                f"{label}: {name}",
                f"wall {secs(t[key, kind])}, CPU {secs(cpu[key, kind])}, "
                f"peak RSS {mib(rss[key, kind])}",
            )
        ratio = cpu[key, "ours"] / cpu[key, "plain"]
        sec.add(
            f"{label}: ours / plain",
            f"CPU {ratio:.2f} (our step adds {100 * (ratio - 1):+.0f}%); "
            f"wall {t[key, 'ours'] / t[key, 'plain']:.2f}; "
            f"peak RSS {rss[key, 'ours'] / rss[key, 'plain']:.2f}",
            f"CPU <= {TIME_GOAL:.2f} (adds under 15%)",
            ratio <= TIME_GOAL,
        )
    if not {"half", "large"} <= {e[0] for e in eds}:  # --only one edition
        return [sec]
    growth = cpu["large", "ours"] / cpu["half", "ours"]
    sec.add(
        "growth large / half (content x2): our build",
        f"CPU {growth:.2f}; wall {t['large', 'ours'] / t['half', 'ours']:.2f}; "
        f"peak RSS {rss['large', 'ours'] / rss['half', 'ours']:.2f}",
        f"CPU <= {GROWTH_GOAL} (linear)",
        growth <= GROWTH_GOAL,
    )
    sec.add(
        "growth large / half: plain MkDocs",
        f"CPU {cpu['large', 'plain'] / cpu['half', 'plain']:.2f}; "
        f"wall {t['large', 'plain'] / t['half', 'plain']:.2f}; "
        f"peak RSS {rss['large', 'plain'] / rss['half', 'plain']:.2f}",
    )
    extra = {k: cpu[k, "ours"] - cpu[k, "plain"] for k in ("national", "half", "large")}
    sec.add(
        "our step alone (CPU, ours - plain): national, half, large",
        f"{secs(extra['national'])}, {secs(extra['half'])}, {secs(extra['large'])}"
        + (
            f" (large / half x{extra['large'] / extra['half']:.2f})" if extra["half"] > 0.05 else ""
        ),
    )
    sec.notes.append(
        "plain = the Markdown our build generates, as ordinary files with an explicit nav, "
        "the same site.yml settings and plugins (search, offline), no kmsat hooks"
    )
    sec.notes.append(
        "goals are judged on CPU time (user + sys of the build, which is single-threaded): "
        "on an idle machine it is close to wall time, and it moves far less than wall time "
        "when other work shares the machine (see the load average)"
    )
    return [sec]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cold", action="store_true", help="empty kmsat's cache before each build")
    ap.add_argument("--only", choices=["national", "half", "large"], help="one edition only")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kmsat-build-bench-"))
    try:
        sections, _sites = run(work, args.runs, args.cold, args.only)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for s in sections:
        print_section(s)


if __name__ == "__main__":
    main()
