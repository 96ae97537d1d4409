"""`kmsat new-edition` and `kmsat upgrade`: what the edition pins, safe YAML, hints, serve.

The slow end-to-end journey (a built wheel, fresh venvs, the edition's own
workflow) is in tests/test_release.py.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from kmsat_build import pin
from kmsat_build.cli import main as cli
from tests.conftest import ROOT


class FakeDist:
    version = "0.1.0"

    def __init__(self, direct: dict | None):
        self.direct = json.dumps(direct) if direct else None

    def read_text(self, name):
        return self.direct if name == "direct_url.json" else None


@pytest.mark.parametrize(
    ("direct", "expected"),
    [
        (
            {
                "url": "https://github.com/example/kmsat",
                "vcs_info": {"vcs": "git", "commit_id": "abc123"},
            },
            "kmsat @ git+https://github.com/example/kmsat@abc123",
        ),
        # Machine-local or private git: CI could not install it, so vendor a wheel.
        ({"url": "file:///home/me/kmsat", "vcs_info": {"vcs": "git", "commit_id": "abc"}}, None),
        (
            {
                "url": "ssh://git@github.com/me/kmsat",
                "vcs_info": {"vcs": "git", "commit_id": "abc"},
            },
            None,
        ),
        (
            {
                "url": "https://me:token@example.org/kmsat",
                "vcs_info": {"vcs": "git", "commit_id": "a"},
            },
            None,
        ),
        ({"url": "file:///home/me/kmsat", "dir_info": {"editable": True}}, None),
        ({"url": "file:///tmp/kmsat-0.1.0-py3-none-any.whl", "archive_info": {}}, None),
        (None, None),
    ],
)
def test_pin_never_names_a_path_on_the_team_machine(monkeypatch, direct, expected):
    monkeypatch.setattr(pin.metadata, "distribution", lambda name: FakeDist(direct))
    chosen = pin.choose_pin()
    if expected:
        assert chosen == pin.Pin(expected)
    else:
        assert chosen == pin.Pin(
            "./vendor/kmsat-0.1.0-py3-none-any.whl", "vendor/kmsat-0.1.0-py3-none-any.whl"
        )


def test_pin_release_pins_the_version(monkeypatch):
    monkeypatch.setattr(pin.metadata, "distribution", lambda name: FakeDist(None))
    assert pin.choose_pin(pin_release=True) == pin.Pin("kmsat==0.1.0")


def test_new_edition_vendors_a_wheel_pip_can_read(tmp_path):
    folder = tmp_path / "trust"
    assert cli(["new-edition", str(folder), "--publisher", "Example Trust"]) == 0
    wheel = folder / "vendor" / pin.wheel_name(pin.metadata.version("kmsat"))
    assert f"./vendor/{wheel.name}" in (folder / "requirements.txt").read_text().splitlines()
    with zipfile.ZipFile(wheel) as whl:
        names = whl.namelist()
        record = whl.read(next(n for n in names if n.endswith(".dist-info/RECORD"))).decode()
        assert (
            "Tag: py3-none-any" in whl.read(next(n for n in names if n.endswith("/WHEEL"))).decode()
        )
        assert (
            "kmsat = kmsat_build.cli:main"
            in whl.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
        )
    # A checkout's national framework/ goes in as the installed package has it.
    assert "kmsat_build/national/edition.yml" in names
    assert "kmsat_build/schemas/overlay.schema.json" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert {ln.split(",")[0] for ln in record.splitlines()} == set(names)


def test_upgrade_replaces_the_vendored_kmsat_and_keeps_the_team_lines(tmp_path, capsys):
    folder = tmp_path / "trust"
    assert cli(["new-edition", str(folder), "--publisher", "Example Trust"]) == 0
    current = next((folder / "vendor").glob("*.whl"))
    first = current.read_bytes()
    current.unlink()
    (folder / "vendor" / "kmsat-0.0.9-py3-none-any.whl").write_bytes(b"an older kmsat")
    (folder / "requirements.txt").write_text(
        "# ours\nkmsat==0.0.9\nmkdocs-redirects==1.2.1  # the team's own plugin\n"
    )
    capsys.readouterr()
    assert cli(["upgrade", str(folder)]) == 0
    out = capsys.readouterr().out
    assert [p.name for p in (folder / "vendor").iterdir()] == [current.name]
    # The same kmsat gives the same bytes: upgrading twice changes nothing in git.
    assert current.read_bytes() == first
    assert (folder / "requirements.txt").read_text() == (
        f"# ours\n./vendor/{current.name}\nmkdocs-redirects==1.2.1  # the team's own plugin\n"
    )
    assert f"now installs: ./vendor/{current.name}" in out
    assert "hides from its users" in out  # the diff report against the reviewed base


def test_upgrade_refuses_a_folder_that_is_not_an_edition(tmp_path, capsys):
    assert cli(["upgrade", str(tmp_path)]) == 1
    assert "expected an edition folder" in capsys.readouterr().err


HOSTILE = 'Our Trust\nplugins: []\ntheme: {name: mkdocs}\nevil: "x" # not a comment'


def test_title_and_publisher_cannot_inject_yaml_keys(tmp_path):
    plain, hostile = tmp_path / "plain", tmp_path / "hostile"
    assert cli(["new-edition", str(plain), "--title", "Our Trust", "--publisher", "Us"]) == 0
    args = ["new-edition", str(hostile), "--title", HOSTILE, "--publisher", HOSTILE, "--id", "t"]
    assert cli(args) == 0

    def config(folder):
        with open(folder / "mkdocs.yml", encoding="utf-8") as f:
            return yaml_load(f)

    assert config(hostile).keys() == config(plain).keys()
    assert config(hostile)["site_name"] == HOSTILE
    assert config(hostile)["plugins"] == config(plain)["plugins"]
    edition = yaml.safe_load((hostile / "edition.yml").read_text())
    assert edition.keys() == yaml.safe_load((plain / "edition.yml").read_text()).keys()
    assert edition["edition"]["title"] == HOSTILE
    assert edition["edition"]["publisher"] == HOSTILE
    assert edition["edition"]["contact"]["name"] == HOSTILE
    assert (hostile / "README.md").read_text().splitlines()[1] == ""  # a one-line heading


def test_site_url_is_written_and_checked(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "trust"
    url = "https://intranet.example/kmsat/"
    assert cli(["new-edition", str(folder), "--site-url", url]) == 0
    monkeypatch.delenv("SITE_URL", raising=False)
    with open(folder / "mkdocs.yml", encoding="utf-8") as f:
        assert yaml_load(f)["site_url"] == url
    monkeypatch.setenv("SITE_URL", "https://example.github.io/trust")
    with open(folder / "mkdocs.yml", encoding="utf-8") as f:
        assert yaml_load(f)["site_url"] == "https://example.github.io/trust"
    capsys.readouterr()
    bad = "x\nplugins: []"
    assert cli(["new-edition", str(tmp_path / "bad"), "--site-url", bad]) == 1
    assert "--site-url: expected an http(s) address" in capsys.readouterr().err
    assert not (tmp_path / "bad").exists()


def test_next_hint_repeats_python_m_when_run_that_way(tmp_path):
    env = {**os.environ, "PATH": "/usr/bin:/bin"}  # no kmsat on PATH
    result = subprocess.run(
        [sys.executable, "-m", "kmsat_build", "new-edition", "trust"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    hint = result.stdout.split("Next:")[1]
    assert f"`{sys.executable} -m kmsat_build check trust`" in hint


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_stopping_serve_stops_its_mkdocs(tmp_path, signum):
    folder = tmp_path / "trust"
    assert cli(["new-edition", str(folder)]) == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    serve = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kmsat_build",
            "serve",
            str(folder),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: list[int] = []
    try:
        # Wait (a generous bound, not a speed goal) until serve has started mkdocs.
        for _ in range(1200):
            children = _children(serve.pid)
            if children or serve.poll() is not None:
                break
            time.sleep(0.1)
        assert children, "kmsat serve did not start mkdocs"
        serve.send_signal(signum)
        assert serve.wait(timeout=120) == 128 + signum
        assert not [c for c in children if _alive(c)]
    finally:
        for pid in [*children, serve.pid]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        serve.wait()
