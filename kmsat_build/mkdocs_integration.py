"""Our JS and CSS as the site ships them: bundled in manifest order and minified.

(The build lifecycle is in lifecycle.py, the edition's look in branding.py.)
"""

from __future__ import annotations

from importlib import resources

import rcssmin
import rjsmin

ASSET_DIR = "assets/kmsat"
CSS_BUNDLE = "kmsat.css"  # every css/ file in manifest.txt, minified, in order
JS_BUNDLE = "kmsat.js"  # every js/ file in manifest.txt, minified, in order
IFRAME_WORKER_SHIM = "vendor/iframe-worker-shim.js"  # adapted from npm iframe-worker 1.0.4, MIT
IFRAME_WORKER_LICENCE = "vendor/iframe-worker-LICENSE.txt"


def asset_files(kind: str) -> list[str]:
    """Asset paths (relative to kmsat_build/assets) in load order, from manifest.txt."""
    manifest = resources.files("kmsat_build").joinpath("assets/manifest.txt")
    if not manifest.is_file():
        return []
    lines = [ln.strip() for ln in manifest.read_text().splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#") and ln.startswith(f"{kind}/")]


def bundle_assets(root, paths: list[str]) -> str:
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
