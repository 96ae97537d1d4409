"""Command line: `kmsat check`, `kmsat build`, `kmsat serve` (also `python -m kmsat_build`)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .errors import FrameworkError
from .loader import load_framework


def _framework_dir(path: Path) -> Path:
    """A framework directory itself, or a project folder that holds one."""
    return path / "framework" if (path / "framework").is_dir() else path


def cmd_check(args) -> int:
    root = _framework_dir(Path(args.dir))
    try:
        # Name files as the user would type them: relative to where they ran us.
        fw = load_framework(root, label=str(root).rstrip("/"))
    except FrameworkError as exc:
        print(exc, file=sys.stderr)
        return 1
    for warning in fw.warnings:
        print(warning, file=sys.stderr)
    criteria = len(fw.criteria())
    print(
        f"{root}: OK: edition '{fw.edition.id}' {fw.edition.content_version}, "
        f"{len(fw.elements)} elements, {criteria} criteria, {len(fw.techniques)} techniques, "
        f"{len(fw.checklist.questions)} checklist questions"
        + (f", {len(fw.warnings)} warning(s)" if fw.warnings else "")
    )
    return 0


def _mkdocs(command: str, args, extra: list[str]) -> int:
    config = Path(args.dir) / "mkdocs.yml"
    if not config.is_file():
        print(
            f"{config}: expected an MkDocs configuration, but received nothing (file not found)",
            file=sys.stderr,
        )
        return 1
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    cmd = [sys.executable, "-m", "mkdocs", command, "--strict", "-f", str(config), *extra]
    return subprocess.call(cmd, env=env)


def cmd_build(args) -> int:
    extra = ["--site-dir", str(Path(args.site_dir).resolve())] if args.site_dir else []
    return _mkdocs("build", args, extra)


def cmd_serve(args) -> int:
    return _mkdocs("serve", args, ["--dev-addr", args.dev_addr])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kmsat", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a framework directory (no site is built)")
    check.add_argument("dir", nargs="?", default=".", help="framework dir or project folder")
    check.set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="build the site (mkdocs build --strict)")
    build.add_argument("dir", nargs="?", default=".", help="folder holding mkdocs.yml")
    build.add_argument("--site-dir", help="where to write the site (default: DIR/site)")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="build and serve with live reload")
    serve.add_argument("dir", nargs="?", default=".", help="folder holding mkdocs.yml")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
