"""What every benchmark module shares: paths, results, builds, a local server, Chromium.

A module returns a list of :class:`Section`; ``run.py`` prints them and
writes RESULTS.md. Figures are measured and printed, never asserted.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
PYTHON = sys.executable
CHROMIUM = os.environ.get("KMSAT_CHROMIUM", "/usr/bin/chromium")
# The same flags as the browser tests (tests/browser/conftest.py).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


# ---------------------------------------------------------------- results


@dataclass
class Row:
    """One figure: what was measured, its value as printed, the goal, and whether it is met.

    ``met`` is True / False, or None when the row has no goal or could not be measured.
    """

    figure: str
    value: str
    goal: str = ""
    met: bool | None = None


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, figure: str, value: str, goal: str = "", met: bool | None = None) -> Row:
        row = Row(figure, value, goal, met)
        self.rows.append(row)
        return row


def verdict(met: bool | None, goal: str) -> str:
    if not goal:
        return ""
    return {True: "met", False: "NOT MET", None: "not measured"}[met]


def print_section(section: Section) -> None:
    print(f"\n== {section.title} ==")
    width = max([len(r.figure) for r in section.rows] + [10])
    for r in section.rows:
        line = f"  {r.figure.ljust(width)}  {r.value}"
        if r.goal:
            line += f"   [goal: {r.goal} -> {verdict(r.met, r.goal)}]"
        print(line)
    for note in section.notes:
        print(f"  note: {note}")
    sys.stdout.flush()


# ---------------------------------------------------------------- formatting


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def secs(s: float) -> str:
    return f"{s:.2f} s"


def ms(x: float) -> str:
    return f"{x:.1f} ms"


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def gzip9(data: bytes) -> int:
    """Size of ``data`` after gzip -9."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def median(values):
    return statistics.median(values)


def percentile(values, p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil
    return ordered[int(rank) - 1]


# ---------------------------------------------------------------- builds


def mkdocs_cmd(config: Path, site_dir: Path) -> list[str]:
    """`mkdocs build --strict`, as a user or CI runs it (the same as tests/conftest.py)."""
    return [
        PYTHON,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "-f",
        str(config),
        "--site-dir",
        str(site_dir),
    ]


def measured_run(cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run ``cmd`` under measure_child.py: its wall time (s) and peak RSS (KiB).

    The wrapper's only child is ``cmd``, so RUSAGE_CHILDREN is that command's own peak.
    ``env``: variables to set for it (e.g. XDG_CACHE_HOME, where kmsat keeps its cache).
    """
    wrapper = [PYTHON, str(BENCH / "measure_child.py"), "--", *cmd]
    env = {**os.environ, **env} if env else None
    result = subprocess.run(wrapper, cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} failed (exit {result.returncode}):\n{result.stderr[-4000:]}"
        )
    return json.loads(result.stdout.strip().splitlines()[-1])


def build_site(config: Path, site_dir: Path) -> None:
    """One strict build, unmeasured (for the browser benchmarks)."""
    result = subprocess.run(
        mkdocs_cmd(config, site_dir), cwd=config.parent, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{result.stderr[-4000:]}")


def copy_config(project: Path, framework: str = "framework") -> Path:
    """The national mkdocs.yml in ``project``: INHERIT made absolute, framework named.

    The same rewrite as tests/test_build.py copy_config.
    """
    text = (ROOT / "mkdocs.yml").read_text()
    text = text.replace(
        "INHERIT: kmsat_build/site.yml", f"INHERIT: {ROOT / 'kmsat_build/site.yml'}"
    )
    text = re.sub(r"(?m)^(\s+framework:).*$", rf"\1 {framework}", text)
    text = text.replace("  - hooks/kmsat.py", f"  - {ROOT / 'hooks/kmsat.py'}")
    path = project / "mkdocs.yml"
    path.write_text(text)
    (project / "docs").mkdir(exist_ok=True)
    return path


# ---------------------------------------------------------------- serving


class _Quiet(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as any real static host
    disable_nagle_algorithm = True  # else headers and body wait on delayed ACKs

    def log_message(self, *args):
        pass


class _Gzip(_Quiet):
    """Gzip text responses when asked, as any real static host does."""

    TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and os.path.isfile(path) and ctype.startswith(self.TYPES)):
            return super().send_head()
        import io

        body = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path, compress: bool = False):
    """Serve ``folder`` on a free loopback port; returns (base URL, server)."""
    handler = functools.partial(_Gzip if compress else _Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)


# ---------------------------------------------------------------- the machine


def _version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    text = (out.stdout or out.stderr).strip().splitlines()
    return text[0].strip() if text else "unknown"


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    try:
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        load = "unknown"
    return {
        "load": load,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(os.cpu_count()),
        "memory": mem,
        "cpu": cpu,
        "python": platform.python_version(),
        "chromium": _version([CHROMIUM, "--version"]),
        "node": _version(["node", "--version"]),
        "os": platform.platform(),
    }
