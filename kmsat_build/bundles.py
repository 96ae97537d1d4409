"""Our browser assets as bundles: one per kind of page, from manifest.txt.

manifest.txt names each bundle, the mount points that call for it, and its
files in load order. The `site` bundle goes on every page (the boot script
and the site's CSS); the others are loaded by the boot script only on pages
that have one of their mount points. Tests, benchmarks and the build all
read the manifest through this module: the load order is written once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources

import rcssmin
import rjsmin

ASSET_DIR = "assets/kmsat"
IFRAME_WORKER_SHIM = "vendor/iframe-worker-shim.js"  # adapted from npm iframe-worker 1.0.4, MIT
# Runs in <head> before Material's scripts: storage refused gives them an in-memory stand-in.
STORAGE_GUARD = "js/storage-guard.js"
SITE = "site"  # the bundle on every page: shipped as kmsat.js and kmsat.css
SITE_FILES = {"js": "kmsat.js", "css": "kmsat.css"}
HEADER = re.compile(r"^\[(?P<name>[a-z][a-z0-9-]*)\]\s*(?P<mount>.*)$")
# A bundle loaded on demand (no mount point) is what one click waits for: the most of it,
# gzipped, that tests/browser/test_pages.py allows and benchmarks/weight_bench.py reports.
# Present mode is a whole view; the assessment page's reports are the Board paper with its
# chart and tables, and the CSV and Markdown; the Word export carries the docx library (107 KB).
ON_DEMAND_CEILINGS = {
    "present": 10 * 1024,
    "assessment-reports": 8 * 1024,
    "compare-paper": 8 * 1024,
    "docx": 120 * 1024,
}
ON_DEMAND_CEILING = 4 * 1024  # any other


def on_demand_ceiling(name: str) -> int:
    return ON_DEMAND_CEILINGS.get(name, ON_DEMAND_CEILING)


def is_vendored_js(path: str) -> bool:
    """A library we ship as its authors built it (vendor/, with its licence beside it)."""
    return path.startswith("vendor/") and path.endswith(".js")


@dataclass
class Bundle:
    name: str
    mount: list[str] = field(default_factory=list)  # CSS selectors of the mount points
    files: list[str] = field(default_factory=list)  # relative to kmsat_build/assets, in order

    def of_kind(self, kind: str) -> list[str]:
        """Its files of one kind; a vendored library (vendor/*.js) counts as js."""
        return [
            f
            for f in self.files
            if f.startswith(f"{kind}/") or (kind == "js" and is_vendored_js(f))
        ]

    def output(self, kind: str) -> str:
        """Its file name in assets/kmsat/ ('' when it has no file of that kind)."""
        if not self.of_kind(kind):
            return ""
        return SITE_FILES[kind] if self.name == SITE else f"{self.name}.{kind}"


def assets_root():
    return resources.files("kmsat_build").joinpath("assets")


def parse_manifest(text: str) -> list[Bundle]:
    """Bundles from the manifest's text: `[name] selector, selector` then one file a line."""
    bundles: list[Bundle] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):  # a comment ('#' inside a line is a selector)
            continue
        header = HEADER.match(line)
        if header:
            mount = [s.strip() for s in header.group("mount").split(",") if s.strip()]
            bundles.append(Bundle(header.group("name"), mount))
        elif not bundles:
            raise ValueError(f"manifest.txt line {number}: a file before any [bundle] line")
        elif not (line.startswith(("js/", "css/")) or is_vendored_js(line)):
            raise ValueError(
                f"manifest.txt line {number}: not a js/, css/ or vendor/*.js file: {line}"
            )
        else:
            bundles[-1].files.append(line)
    names = [b.name for b in bundles]
    if SITE not in names or len(set(names)) != len(names):
        raise ValueError("manifest.txt: needs one [site] bundle and unique bundle names")
    return bundles


def read_manifest() -> list[Bundle]:
    return parse_manifest(assets_root().joinpath("manifest.txt").read_text(encoding="utf-8"))


def bundle_table(bundles: list[Bundle]) -> str:
    """The boot script's table of on-demand bundles (file names and mount points), as JS."""
    table = {}
    for b in bundles:
        if b.name == SITE:
            continue
        entry = {"js": b.output("js"), "mount": b.mount}
        if b.output("css"):
            entry["css"] = b.output("css")
        table[b.name] = entry
    return f"(self.KMSAT=self.KMSAT||{{}}).bundles={json.dumps(table, separators=(',', ':'))};"


def build_outputs(bundles: list[Bundle] | None = None) -> dict[str, str]:
    """Every bundle file's minified text, by its name in assets/kmsat/."""
    bundles = read_manifest() if bundles is None else bundles
    root = assets_root()
    outputs = {}
    for b in bundles:
        for kind in ("css", "js"):
            if not b.output(kind):
                continue
            text = join(root, b.of_kind(kind))
            if b.name == SITE and kind == "js":
                text = bundle_table(bundles) + "\n" + text
            outputs[b.output(kind)] = text
    return outputs


def join(root, paths: list[str]) -> str:
    """One minified file from many, in manifest order: one request, not thirty.

    Every JS file is a self-contained IIFE, so joining them is safe; the `;`
    guards against a file that ends without one.
    """
    parts = [minify(rel, root.joinpath(rel).read_text(encoding="utf-8")) for rel in paths]
    return (";\n" if paths and paths[0].endswith(".js") else "\n").join(parts) + "\n"


def minify(path: str, text: str) -> str:
    """Strip comments and spaces from our JS and CSS as the site is built.

    The sources keep their JSDoc and why-comments for readers; visitors get
    the smaller files. rjsmin and rcssmin only remove, never rewrite, code.
    """
    if path.endswith(".js"):
        return rjsmin.jsmin(text, keep_bang_comments=True)
    if path.endswith(".css"):
        return rcssmin.cssmin(text, keep_bang_comments=True)
    return text
