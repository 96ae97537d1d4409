"""Command line: `kmsat check`, `build`, `serve`, `new-edition`, `upgrade`, `diff` (also `python -m kmsat_build`)."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

from .check import check_edition, check_national, no_edition_message
from .diff import diff_report, read_base
from .edition import is_edition_folder
from .errors import FrameworkError
from .loader import load_framework
from .national import national_framework_dir
from .overlay import load_overlay
from .pin import PinError, apply_pin, choose_pin
from .raw_html import raw_html_findings
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
    # Raw HTML the site will drop or show as text (issue #9): warnings, not errors.
    if is_edition_folder(folder):
        raw_html = raw_html_findings(folder, folder / result.docs_dir)
    else:
        raw_html = raw_html_findings(root, docs)
    for finding in raw_html:
        print(finding, file=sys.stderr)
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


def invoked_as() -> str:
    """The command the user ran kmsat with, for hints: a bare `kmsat` may not be on PATH."""
    argv0 = sys.argv[0]
    if Path(argv0).name == "__main__.py":  # python -m kmsat_build
        python = os.path.relpath(sys.executable)
        return (
            f"{shlex.quote(sys.executable if python.startswith('..') else python)} -m kmsat_build"
        )
    if Path(argv0).name != "kmsat":  # called as a library (tests)
        return "kmsat"
    on_path = shutil.which("kmsat")
    if on_path and Path(on_path).resolve() == Path(argv0).resolve():
        return "kmsat"
    return shlex.quote(argv0)


def cmd_new_edition(args) -> int:
    folder = Path(args.dir)
    publisher = args.publisher or args.title
    try:
        written = new_edition(
            folder, args.title, publisher, args.id, args.site_url, args.pin_release
        )
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    kmsat = invoked_as()
    print(
        f"\nNext: edit {folder / 'edition.yml'}, then `{kmsat} check {folder}` and "
        f"`{kmsat} serve {folder}`. {folder / 'README.md'} explains each step."
    )
    return 0


def _not_an_edition(folder: Path) -> int:
    """Say that ``folder`` holds no edition.yml; the exit code of a command that needs one."""
    print(
        f"{folder}: expected an edition folder (with edition.yml), but received none",
        file=sys.stderr,
    )
    return 1


def cmd_upgrade(args) -> int:
    """Pin the installed kmsat in the edition, then show what the new national content changes."""
    folder = Path(args.dir)
    if not is_edition_folder(folder):
        return _not_an_edition(folder)
    try:
        pin = choose_pin(args.pin_release)
    except PinError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in apply_pin(folder, pin):
        print(f"wrote {path}")
    write_support_files(folder)  # the editor's schema, for this kmsat
    print(f"\n{folder / 'requirements.txt'} now installs: {pin.line}\n")
    args.accept_national, args.national = False, None
    return cmd_diff(args)


def cmd_diff(args) -> int:
    folder = Path(args.dir)
    if not is_edition_folder(folder):
        return _not_an_edition(folder)
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
    return run_forwarding_signals(cmd, env)


FORWARDED = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def run_forwarding_signals(cmd: list[str], env: dict) -> int:
    """Run cmd as a child that stops when we are stopped (SIGTERM, Ctrl-C, a closed terminal).

    The child has its own session, so Ctrl-C reaches it once, through us.
    """
    if threading.current_thread() is not threading.main_thread():
        return subprocess.call(cmd, env=env)
    child: subprocess.Popen | None = None
    pending: list[int] = []

    def forward(signum, _frame):
        if child is None:
            pending.append(signum)
        else:
            child.send_signal(signum)

    previous = {signum: signal.signal(signum, forward) for signum in FORWARDED}
    try:
        child = subprocess.Popen(cmd, env=env, start_new_session=True)
        for signum in pending:
            child.send_signal(signum)
        code = child.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 128 - code if code < 0 else code  # killed by signal N: the shell's 128 + N


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
    new.add_argument(
        "--site-url",
        default="",
        help="where the site will be published, e.g. https://intranet.example/kmsat/ "
        "(GitHub Pages: set by the workflow)",
    )
    pin_release = {
        "action": "store_true",
        "help": "pin kmsat==VERSION from the package index instead of putting "
        "this kmsat in vendor/ (once that version is released there)",
    }
    new.add_argument("--pin-release", **pin_release)
    new.set_defaults(func=cmd_new_edition)
    upgrade = sub.add_parser(
        "upgrade", help="pin the installed kmsat in an edition; list what the new national changes"
    )
    upgrade.add_argument("dir", nargs="?", default=".", help="the edition folder")
    upgrade.add_argument("--pin-release", **pin_release)
    upgrade.set_defaults(func=cmd_upgrade)
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
