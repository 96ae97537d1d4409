"""Where the national framework is: installed with kmsat, or beside it in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def national_framework_dir() -> Path:
    """The national edition's framework/ directory.

    A wheel carries it as the ``kmsat_build.national`` package (see
    pyproject.toml); a source checkout or editable install has it at
    ``framework/`` beside ``kmsat_build/``.
    """
    checkout = Path(__file__).resolve().parent.parent / "framework"
    if (checkout / "edition.yml").is_file():
        return checkout
    installed = Path(str(resources.files("kmsat_build"))) / "national"
    if (installed / "edition.yml").is_file():
        return installed
    raise RuntimeError(f"kmsat is installed without its national framework ({installed})")
