"""Command line: `kmsat check`, `kmsat build`, `kmsat serve` (also `python -m kmsat_build`)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .check import check_edition, check_national, no_edition_message
from .diff import diff_report, read_base
from .edition import is_edition_folder
from .errors import FrameworkError
from .loader import load_framework
from .national import national_framework_dir
from .overlay import load_overlay
from .scaffold import ScaffoldError, new_edition, write_support_files


def _framework_dir(path: Path) -> Path:
    """A framework directory itself, or a project folder that holds one."""
    return path / "framework" if (path / "framework").is_dir() else path


def cmd_check(args) -> int:
    folder = Path(args.dir)
    if is_edition_folder(folder):
        result = check_edition(folder)
        write_support_files(folder)  # keep the editor's schema current with kmsat
    elif (_framework_dir(folder) / "edition.yml").is_file():
        root = _framework_dir(folder)
        docs = folder / "docs" if root != folder and (folder / "docs").is_dir() else None
        # Name files as the user would type them: relative to where they ran us.
        result = check_national(root, str(root).rstrip("/"), docs)
    else:
        print(no_edition_message(folder), file=sys.stderr)
        return 1
    fw = result.framework
    if result.problems or fw is None:
        print(FrameworkError(result.problems), file=sys.stderr)
        return 1
    for warning in fw.warnings:
        print(warning, file=sys.stderr)
    if fw.warnings:
        count = len(fw.warnings)
        print(
            f"{folder}: not ready: {count} warning{'s' if count != 1 else ''} above; "
            "`kmsat build` stops on warnings too (it builds with --strict), so mend them first",
            file=sys.stderr,
        )
        return 1
    print(
        f"{folder}: OK: edition '{fw.edition.id}' {fw.edition.content_version}, "
        f"{len(fw.elements)} elements, {len(fw.criteria())} criteria, "
        f"{len(fw.techniques)} techniques, {len(fw.checklist.questions)} checklist questions"
    )
    return 0


def cmd_new_edition(args) -> int:
    folder = Path(args.dir)
    publisher = args.publisher or args.title
    try:
        written = new_edition(folder, args.title, publisher, args.id)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(
        f"\nNext: edit {folder / 'edition.yml'}, then `kmsat check {folder}` and "
        f"`kmsat serve {folder}`. {folder / 'README.md'} explains each step."
    )
    return 0


def cmd_diff(args) -> int:
    folder = Path(args.dir)
    if not is_edition_folder(folder):
        print(
            f"{folder}: expected an edition folder (with edition.yml), but received none",
            file=sys.stderr,
        )
        return 1
    try:
        national = load_framework(args.national or national_framework_dir(), label="national")
        doc = load_overlay(folder / "edition.yml", "edition.yml")
    except FrameworkError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.accept_national:
        write_support_files(folder, national)
        print(f"Recorded national content {national.edition.content_version} as reviewed.")
        return 0
    print(diff_report(national, doc.data, read_base(folder)), end="")
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
    check = sub.add_parser("check", help="validate a framework or edition (no site is built)")
    check.add_argument(
        "dir", nargs="?", default=".", help="framework dir, project or edition folder"
    )
    check.set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="build the site (mkdocs build --strict)")
    build.add_argument("dir", nargs="?", default=".", help="folder holding mkdocs.yml")
    build.add_argument("--site-dir", help="where to write the site (default: DIR/site)")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="build and serve with live reload")
    serve.add_argument("dir", nargs="?", default=".", help="folder holding mkdocs.yml")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.set_defaults(func=cmd_serve)
    new = sub.add_parser("new-edition", help="write a new edition folder for a library team")
    new.add_argument("dir", help="the folder to create")
    new.add_argument(
        "--title", default="Knowledge Mobilisation Self-Assessment Tool", help="the site's title"
    )
    new.add_argument("--publisher", help="your organisation (default: the title)")
    new.add_argument("--id", help="the edition id (default: made from the publisher)")
    new.set_defaults(func=cmd_new_edition)
    diff = sub.add_parser("diff", help="what an edition changes against the national content")
    diff.add_argument("dir", nargs="?", default=".", help="the edition folder")
    diff.add_argument(
        "--accept-national",
        action="store_true",
        help="record the installed national content as reviewed",
    )
    diff.add_argument("--national", help=argparse.SUPPRESS)  # tests: another national framework
    diff.set_defaults(func=cmd_diff)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
