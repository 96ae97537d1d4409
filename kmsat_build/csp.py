"""A strict Content Security Policy for the built site.

NHS hosts often set a CSP, so the site must run under one: scripts only from
the site itself, no 'unsafe-inline' or 'unsafe-eval' for scripts. Material
puts small inline scripts in every page; we allow exactly those by hash,
computed from the built HTML. Every page carries the same <meta http-equiv>
policy, with the hashes of every page: Material's instant navigation copies
a new page's meta into the current head, and policies add up, so a per-page
policy would refuse the scripts of the next page. Header files for common
hosts carry the same policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
DATA_TYPES = ("application/json", "application/ld+json")

# The browser-side rules; only the script hashes vary.
DIRECTIVES = [
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),  # Material and the DOM set style attributes
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("worker-src", "'self' blob:"),
    ("frame-src", "'self'"),  # the file:// search shim runs its worker in an iframe
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
]
HEADER_ONLY = [("frame-ancestors", "'self'")]  # ignored in <meta>, so only in headers


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions for every inline, executable script in ``html``."""
    hashes = set()
    for match in SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs):
            continue
        kind = re.search(r'\btype\s*=\s*"([^"]*)"', attrs)
        if kind and kind.group(1).lower() in DATA_TYPES:
            continue  # data blocks are never executed, so CSP does not apply
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def policy(hashes: set[str], for_header: bool = False) -> str:
    parts = []
    for name, value in DIRECTIVES + (HEADER_ONLY if for_header else []):
        if name == "script-src" and hashes:
            value = value + " " + " ".join(sorted(hashes))
        parts.append(f"{name} {value}")
    return "; ".join(parts)


PLACEHOLDER = "kmsat-csp-policy"  # replaced by the site-wide policy after the build


def add_meta(html: str) -> tuple[str, set[str]]:
    """``html`` with a policy placeholder first in <head>, and its script hashes."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
    html, count = re.subn(r"<head>", "<head>\n    " + meta, html, count=1, flags=re.I)
    return (html, inline_script_hashes(html)) if count else (html, set())


def fill_policy(site_dir: Path, hashes: set[str]) -> None:
    """Put the site-wide policy into every built page's placeholder."""
    value = policy(hashes)
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if PLACEHOLDER in text:
            page.write_text(
                text.replace(f'content="{PLACEHOLDER}"', f'content="{value}"', 1), encoding="utf-8"
            )


def write_header_files(site_dir: Path, hashes: set[str]) -> list[Path]:
    """Ready-made header files for common static hosts, with every page's hashes."""
    value = policy(hashes, for_header=True)
    files = {
        # Netlify, Cloudflare Pages
        "_headers": f"/*\n  Content-Security-Policy: {value}\n",
        # Apache (mod_headers)
        ".htaccess": f'<IfModule mod_headers.c>\n  Header set Content-Security-Policy "{value}"\n'
        "</IfModule>\n",
        # IIS (SharePoint and many NHS intranets)
        "web.config": '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n'
        "  <system.webServer>\n    <httpProtocol>\n      <customHeaders>\n"
        f'        <add name="Content-Security-Policy" value="{value}" />\n'
        "      </customHeaders>\n    </httpProtocol>\n  </system.webServer>\n"
        "</configuration>\n",
        # nginx: include from a server block
        "csp-nginx.conf": f'add_header Content-Security-Policy "{value}" always;\n',
        # anything else: the policy itself
        "csp.txt": value + "\n",
    }
    written = []
    for name, text in files.items():
        path = site_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
