"""How an edition pins the kmsat it is built with, so its CI installs that same kmsat.

Three ways, in order of preference:

- kmsat came from a public git URL (pip records it, PEP 610): pin that commit;
- the team asked for a released version (`--pin-release`, once kmsat is on
  the package index): pin ``kmsat==VERSION``;
- otherwise put the running kmsat into the edition as a wheel,
  ``vendor/kmsat-VERSION-py3-none-any.whl``, and pin it by relative path.

Never a path on the team's own machine: pip on CI (or a colleague's laptop)
cannot install it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

from .national import national_framework_dir

VENDOR = "vendor"
# A requirements.txt line that asks for kmsat, however it was pinned.
KMSAT_LINE = re.compile(r"^\s*(kmsat\b|(\./)?vendor/kmsat-)", re.IGNORECASE)
# The wheel's files carry this date, so the same kmsat gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class PinError(Exception):
    """The running kmsat cannot be pinned (it is not installed as a distribution)."""


@dataclass(frozen=True)
class Pin:
    line: str  # the requirements.txt line
    wheel: str | None = None  # vendor/<name> to write, when vendoring


def _distribution() -> metadata.Distribution:
    try:
        return metadata.distribution("kmsat")
    except metadata.PackageNotFoundError as exc:
        raise PinError(
            "kmsat: expected kmsat installed with pip (so its version is known), but "
            "received a kmsat that is not installed: run `pip install .` in the kmsat "
            "checkout, or install a kmsat release"
        ) from exc


def public_git_url(dist: metadata.Distribution) -> str | None:
    """`git+https://...@commit` when kmsat was installed from a public git URL."""
    direct = dist.read_text("direct_url.json")
    if not direct:
        return None
    info = json.loads(direct)
    vcs = info.get("vcs_info", {})
    if vcs.get("vcs") != "git" or not vcs.get("commit_id"):
        return None
    parts = urlsplit(info["url"])
    # file:// or ssh (needs the team's own key) would not install on CI.
    if parts.scheme != "https" or parts.username or parts.password:
        return None
    return f"git+{info['url']}@{vcs['commit_id']}"


def wheel_name(version: str) -> str:
    return f"kmsat-{version}-py3-none-any.whl"


def choose_pin(pin_release: bool = False) -> Pin:
    dist = _distribution()
    git = public_git_url(dist)
    if git:
        return Pin(f"kmsat @ {git}")
    if pin_release:
        return Pin(f"kmsat=={dist.version}")
    name = wheel_name(dist.version)
    return Pin(f"./{VENDOR}/{name}", f"{VENDOR}/{name}")


def _package_files() -> dict[str, Path]:
    """Every file of the running kmsat, by its path inside the wheel.

    An installed kmsat carries its national framework as kmsat_build/national;
    a checkout (editable install) has it in framework/ beside the package.
    """
    package = Path(__file__).resolve().parent
    files = {}
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package.parent)
        if path.is_file() and "__pycache__" not in rel.parts and path.suffix != ".pyc":
            files[rel.as_posix()] = path
    if not (package / "national").is_dir():
        national = national_framework_dir()
        for path in sorted(national.rglob("*")):
            if path.is_file() and path.suffix in (".yml", ".md"):
                files[f"kmsat_build/national/{path.relative_to(national).as_posix()}"] = path
    return files


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return f"sha256={digest.decode()}"


def write_wheel(target: Path) -> Path:
    """Write the running kmsat as a wheel (PEP 427) at target; the same kmsat, the same bytes."""
    dist = _distribution()
    info = f"kmsat-{dist.version}.dist-info"
    contents: dict[str, bytes] = {
        name: path.read_bytes() for name, path in _package_files().items()
    }
    contents[f"{info}/METADATA"] = (dist.read_text("METADATA") or "").encode()
    entry_points = dist.read_text("entry_points.txt")
    if entry_points:
        contents[f"{info}/entry_points.txt"] = entry_points.encode()
    contents[f"{info}/top_level.txt"] = b"kmsat_build\n"
    contents[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: kmsat\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    record = [f"{name},{_record_hash(data)},{len(data)}" for name, data in contents.items()]
    contents[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in contents.items():
            entry = zipfile.ZipInfo(name, ZIP_DATE)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(entry, data)
    return target


def apply_pin(folder: Path, pin: Pin) -> list[Path]:
    """Write the pin into folder: the vendored wheel (replacing any older one) and requirements.txt.

    Other lines of requirements.txt (the team's own additions) are kept.
    """
    written = []
    vendor = folder / VENDOR
    for old in vendor.glob("kmsat-*.whl") if vendor.is_dir() else []:
        if pin.wheel is None or old.name != Path(pin.wheel).name:
            old.unlink()
    if pin.wheel:
        written.append(write_wheel(folder / pin.wheel))
    requirements = folder / "requirements.txt"
    lines = requirements.read_text(encoding="utf-8").splitlines() if requirements.exists() else []
    kept = [ln for ln in lines if not KMSAT_LINE.match(ln)]
    at = next((i for i, ln in enumerate(lines) if KMSAT_LINE.match(ln)), len(kept))
    at = min(at, len(kept))
    requirements.write_text("\n".join([*kept[:at], pin.line, *kept[at:]]) + "\n", encoding="utf-8")
    written.append(requirements)
    return written
