"""Fixtures: kmsat as a release, and a library team's journey with it, from fresh folders.

One run per session (it is slow: two fresh venvs, pip from PyPI):

1. `python -m build` makes the wheel and sdist, as the release workflow does;
2. a fresh venv installs the wheel (never `-e`), builds the national site and
   runs `kmsat new-edition`, as a library team would;
3. the edition folder alone is copied to a fresh place, and each `run:` step
   of its own GitHub Pages workflow runs there, as CI would;
4. the built edition is served under a sub-path, as a GitHub Pages project
   site is, and its 404 page loads its CSS and JavaScript.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# The address configure-pages would give a project site; the test serves the
# site under the same path.
PAGES_URL = "https://example.github.io/our-trust"
SUB_PATH = "/our-trust/"


def run(cmd, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


def clean_env(path_first: Path | None = None) -> dict:
    """This machine's environment without the test's own venv: a user's fresh shell."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONHOME")}
    own_bin = str(Path(sys.executable).parent)
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p != own_bin]
    env["PATH"] = os.pathsep.join(([str(path_first)] if path_first else []) + path)
    return env


def fresh_venv(where: Path, with_pip: bool = True) -> Path:
    """A new venv from the base interpreter; returns its bin/."""
    python = getattr(sys, "_base_executable", sys.executable)
    run([python, "-m", "venv", *([] if with_pip else ["--without-pip"]), str(where)])
    return where / "bin"


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> dict:
    """The wheel and sdist, built by `python -m build` exactly as a release is."""
    out = tmp_path_factory.mktemp("dist")
    result = run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)])
    return {
        "wheel": next(out.glob("kmsat-*-py3-none-any.whl")),
        "sdist": next(out.glob("kmsat-*.tar.gz")),
        "log": result.stdout + result.stderr,
    }


@pytest.fixture(scope="session")
def team(tmp_path_factory, dist) -> dict:
    """A library team's machine: kmsat installed from the wheel, a new edition made."""
    home = tmp_path_factory.mktemp("team")
    bin_ = fresh_venv(home / "kmsat-venv")
    run([str(bin_ / "pip"), "install", "--quiet", str(dist["wheel"])], env=clean_env())
    made = run(
        [str(bin_ / "kmsat"), "new-edition", "our-trust", "--publisher", "Our Hospitals NHS Trust"],
        cwd=home,
        env=clean_env(),
    )
    return {"home": home, "bin": bin_, "edition": home / "our-trust", "stdout": made.stdout}


def expand(value: str, outputs: dict) -> str:
    """GitHub's ${{ steps.ID.outputs.NAME }} expressions, from simulated step outputs."""

    def one(match):
        key = match.group(1).strip()
        assert key in outputs, f"workflow uses {key}, which this test does not simulate"
        return outputs[key]

    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


@pytest.fixture(scope="session")
def ci(tmp_path_factory, team) -> dict:
    """The edition folder alone, built by its own workflow's steps (as GitHub Actions would)."""
    root = tmp_path_factory.mktemp("ci")
    repo = root / "repo"
    workflow = yaml.safe_load((team["edition"] / ".github/workflows/publish.yml").read_text())
    python_bin = None
    outputs = {}
    ran = []
    for step in workflow["jobs"]["build"]["steps"]:
        uses = step.get("uses", "")
        if uses.startswith("actions/checkout@"):
            shutil.copytree(team["edition"], repo)
        elif uses.startswith("actions/setup-python@"):
            python_bin = fresh_venv(root / "setup-python", with_pip=False)
        elif uses.startswith("actions/configure-pages@"):
            outputs[f"steps.{step['id']}.outputs.base_url"] = PAGES_URL
        elif uses.startswith("actions/upload-pages-artifact@"):
            assert (repo / step["with"]["path"] / "index.html").is_file()
        elif "run" in step:
            env = clean_env(python_bin)
            env.update({k: expand(str(v), outputs) for k, v in step.get("env", {}).items()})
            # GitHub runs each step as `bash -e {0}` in the checkout.
            run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env)
            ran.append(step["run"])
        else:
            pytest.fail(f"the workflow has a step this test does not know: {step}")
    return {"repo": repo, "site": repo / "site", "ran": ran, "workflow": workflow}


class GitHubPagesLike(SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH; a missing page gets 404.html, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / SUB_PATH.strip("/") / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
