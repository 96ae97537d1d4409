"""kmsat as a release (wheel, sdist, release workflow) and a library team's journey.

The slow fixtures (build, fresh venvs, the edition's own workflow steps) are
in tests/release_journey.py and run once per session.
"""

from __future__ import annotations

import re
import shutil
import tarfile
import zipfile

import pytest
import yaml

from tests.conftest import ROOT
from tests.release_journey import SUB_PATH, clean_env, run

pytestmark = pytest.mark.slow


# --- the release ----------------------------------------------------------------


def test_build_is_free_of_packaging_warnings(dist):
    for warning in ("is absent from the `packages`", "deprecated", "BuildBackendWarning"):
        assert warning not in dist["log"], warning


def test_wheel_carries_every_file_of_the_package_and_the_national_framework(dist):
    names = set(zipfile.ZipFile(dist["wheel"]).namelist())
    package = ROOT / "kmsat_build"
    expected = {
        f"kmsat_build/{p.relative_to(package).as_posix()}"
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    national = ROOT / "framework"
    expected |= {
        f"kmsat_build/national/{p.relative_to(national).as_posix()}"
        for p in national.rglob("*")
        if p.is_file()
    }
    assert expected - names == set()
    for must in ("schemas/overlay.schema.json", "national/edition.yml", "site.yml"):
        assert f"kmsat_build/{must}" in names


def test_sdist_carries_the_sources_a_wheel_is_built_from(dist):
    with tarfile.open(dist["sdist"]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    for must in (
        "pyproject.toml",
        "README.md",
        "framework/edition.yml",
        "framework/elements/leadership.yml",
        "kmsat_build/schemas/overlay.schema.json",
        "kmsat_build/templates/edition/publish.yml.j2",
        "kmsat_build/assets/js/ui/app.js",
        "kmsat_build/site.yml",
    ):
        assert must in names, must


def test_the_installed_wheel_builds_the_national_site(team, tmp_path):
    """All the national site needs is in the wheel: site settings, framework, assets."""
    python = team["bin"] / "python"
    package = run(
        [
            str(python),
            "-c",
            "import kmsat_build, pathlib; print(pathlib.Path(kmsat_build.__file__).parent)",
        ],
        cwd=tmp_path,
        env=clean_env(),
    ).stdout.strip()
    assert "kmsat-venv" in package  # the installed copy, not this checkout
    shutil.copy(ROOT / "hooks" / "kmsat.py", tmp_path / "hook.py")
    (tmp_path / "docs").mkdir()
    config = {
        "INHERIT": f"{package}/site.yml",
        "site_name": "National",
        "docs_dir": "docs",
        "hooks": ["hook.py"],
        "plugins": ["search", "offline"],
        "extra": {"kmsat": {"framework": f"{package}/national"}},
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    run([str(python), "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, env=clean_env())
    assert (tmp_path / "site" / "assessment.html").is_file()


def test_release_workflow_publishes_a_tag_with_trusted_publishing():
    workflow = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text())
    on = workflow.get("on") or workflow.get(True)  # YAML 1.1 reads `on` as true
    assert on["push"]["tags"]
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"]["id-token"] == "write"
    uses = [s.get("uses", "") for s in publish["steps"]]
    assert any(u.startswith("pypa/gh-action-pypi-publish@") for u in uses)
    steps = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any("python -m build" in s for s in steps)
    assert any("tests/test_release.py" in s for s in steps)


# --- the library team's journey -----------------------------------------------------


def test_next_hint_names_the_kmsat_the_team_ran(team):
    """The team's venv is not on PATH: the hint repeats the command they typed."""
    kmsat = str(team["bin"] / "kmsat")
    assert f"`{kmsat} check our-trust`" in team["stdout"]


def test_edition_holds_no_path_of_the_team_machine(team):
    home = str(team["home"])
    for path in team["edition"].rglob("*"):
        if path.is_file() and path.suffix != ".whl":
            assert home not in path.read_text(encoding="utf-8"), path
            assert str(ROOT) not in path.read_text(encoding="utf-8"), path


def test_vendored_kmsat_is_the_kmsat_the_team_installed(team, dist):
    vendored = list((team["edition"] / "vendor").glob("*.whl"))
    assert [p.name for p in vendored] == [dist["wheel"].name]
    requirements = (team["edition"] / "requirements.txt").read_text()
    assert f"./vendor/{dist['wheel'].name}" in requirements.splitlines()

    def files(whl):
        return {
            n: zipfile.ZipFile(whl).read(n)
            for n in zipfile.ZipFile(whl).namelist()
            if not n.startswith("kmsat-")
        }

    assert files(vendored[0]) == files(dist["wheel"])


def test_workflow_runs_exactly_what_the_readme_tells_the_team(team):
    workflow = yaml.safe_load((team["edition"] / ".github/workflows/publish.yml").read_text())
    runs = [s["run"] for s in workflow["jobs"]["build"]["steps"] if "run" in s]
    readme = (team["edition"] / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    commands = {ln.split("#")[0].strip() for block in blocks for ln in block.splitlines()}
    assert runs and all(step in commands for step in runs), (runs, commands)


def test_each_workflow_step_builds_the_edition_in_a_fresh_folder(ci):
    assert any("pip install -r requirements.txt" in r for r in ci["ran"])
    assert any(r.endswith("kmsat build .") for r in ci["ran"])
    index = (ci["site"] / "index.html").read_text()
    assert "Our Hospitals NHS Trust" in index
    assert (ci["site"] / "assessment.html").is_file()
    # site_url came from GitHub Pages, so the 404 page links under the sub-path.
    assert f'href="{SUB_PATH}assets/' in (ci["site"] / "404.html").read_text()
