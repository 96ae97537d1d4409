"""A strict Content Security Policy for the built site.

NHS hosts often set a CSP, so the site must run under one: scripts only from
the site itself, no 'unsafe-inline' or 'unsafe-eval' for scripts. Material
puts small inline scripts in every page; we allow exactly those by hash. The
hashes come from Material's own script templates (rendered for each page's
depth), never from the built pages, so no content can add one; any other
inline script found in a page is removed, with a warning. Every page carries
the same <meta http-equiv> policy, with the hashes of every page: Material's
instant navigation copies a new page's meta into the current head, and
policies add up, so a per-page policy would refuse the scripts of the next
page. Header files for common hosts carry the same policy and the headers a
<meta> cannot set.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.utils import get_relative_url

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
# Headers a <meta> cannot set. The site uses none of these browser features.
SECURITY_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Permissions-Policy",
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()",
    ),
]
# Material's inline scripts, one template each; and its settings block (data, not code).
THEME_SCRIPTS = "partials/javascripts"
THEME_CONFIG_BLOCK = re.compile(r'\bid\s*=\s*"__config"')


def script_hash(body: str) -> str:
    """The CSP source expression that allows an inline script with this body."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _is_data(attrs: str) -> bool:
    kind = re.search(r'\btype\s*=\s*"([^"]*)"', attrs)
    return bool(kind) and kind.group(1).lower() in DATA_TYPES


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions for every inline, executable script in ``html``."""
    return {
        script_hash(m.group("body"))
        for m in SCRIPT.finditer(html)
        if not re.search(r"\bsrc\s*=", m.group("attrs")) and not _is_data(m.group("attrs"))
    }


class ThemeScripts:
    """The inline scripts Material's own templates write: the only ones a page may run.

    They are rendered from the installed Material's ``partials/javascripts``
    (not through the theme's search path, so neither an edition's custom_dir
    nor its content can add one). Two of them name the page's base URL, so
    the hashes are per page depth.
    """

    def __init__(self, config):
        self.config = config
        root = resources.files("material").joinpath("templates")
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(root)))
        self.env.filters.update(config.theme.get_env().filters)  # mkdocs' url, script_tag
        self.names = sorted(
            f"{THEME_SCRIPTS}/{p.name}"
            for p in root.joinpath(THEME_SCRIPTS).iterdir()
            if p.name.endswith(".html")
        )
        self._by_base: dict[str, set[str]] = {}

    def hashes(self, base_url: str) -> set[str]:
        if base_url not in self._by_base:
            context = {
                "config": self.config,
                "base_url": base_url,
                "features": self.config.theme.get("features") or [],
            }
            html = "".join(self.env.get_template(n).render(**context) for n in self.names)
            self._by_base[base_url] = inline_script_hashes(html)
        return self._by_base[base_url]

    def for_page(self, page=None, template_name: str = "") -> set[str]:
        """Hashes for a built page, or a theme template such as 404.html (as MkDocs sets base_url)."""
        if page is not None:
            return self.for_url(page.url)
        if template_name == "404.html":
            return self.hashes(urlsplit(self.config.site_url or "/").path)
        return self.hashes(get_relative_url(".", template_name))

    def for_url(self, url: str) -> set[str]:
        """Hashes for the page at ``url`` (a page's or its file's, which are the same)."""
        return self.hashes(get_relative_url(".", url))


def remove_unknown_scripts(html: str, known: set[str]) -> tuple[str, list[str]]:
    """``html`` without inline scripts the theme does not ship; and the start of each removed.

    Kept: scripts loaded from a file (the CSP allows only the site's own),
    Material's settings block, and inline scripts whose hash is ``known``.
    """
    removed: list[str] = []

    def keep(match: re.Match) -> str:
        attrs, body = match.group("attrs"), match.group("body")
        if re.search(r"\bsrc\s*=", attrs) and not body.strip():
            return match.group(0)
        if _is_data(attrs) and THEME_CONFIG_BLOCK.search(attrs):
            return match.group(0)
        if not _is_data(attrs) and script_hash(body) in known:
            return match.group(0)
        removed.append(" ".join(match.group(0).split())[:80])
        return ""

    return SCRIPT.sub(keep, html), removed


def policy(hashes: set[str], for_header: bool = False) -> str:
    parts = []
    for name, value in DIRECTIVES + (HEADER_ONLY if for_header else []):
        if name == "script-src" and hashes:
            value = value + " " + " ".join(sorted(hashes))
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def add_meta(html: str, known: set[str], value: str) -> tuple[str, list[str]]:
    """``html`` with only ``known`` inline scripts and the policy ``value`` first in <head>.

    Also returns the start of each script removed. A no-referrer policy goes
    with it, so a link off-site tells no one which page it was on.
    """
    html, removed = remove_unknown_scripts(html, known)
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{value}">\n'
        '    <meta name="referrer" content="no-referrer">'
    )
    html = re.sub(r"<head>", "<head>\n    " + meta, html, count=1, flags=re.I)
    return html, removed


def correct_policy(site_dir: Path, written: str, hashes: set[str]) -> None:
    """Replace the policy ``written`` into every built page by the one for ``hashes``."""
    value = policy(hashes)
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if f'content="{written}"' in text:
            page.write_text(
                text.replace(f'content="{written}"', f'content="{value}"', 1), encoding="utf-8"
            )


def headers(hashes: set[str]) -> list[tuple[str, str]]:
    """Every response header the site's host should send: the policy, then the rest."""
    return [("Content-Security-Policy", policy(hashes, for_header=True))] + SECURITY_HEADERS


def write_header_files(site_dir: Path, hashes: set[str]) -> list[Path]:
    """Ready-made header files for common static hosts, with every page's hashes."""
    pairs = headers(hashes)
    lines = lambda template: "".join(template.format(n=n, v=v) for n, v in pairs)  # noqa: E731
    files = {
        # Netlify, Cloudflare Pages
        "_headers": "/*\n" + lines("  {n}: {v}\n"),
        # Apache (mod_headers)
        ".htaccess": "<IfModule mod_headers.c>\n"
        + lines('  Header set {n} "{v}"\n')
        + "</IfModule>\n",
        # IIS (SharePoint and many NHS intranets)
        "web.config": '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n'
        "  <system.webServer>\n    <httpProtocol>\n      <customHeaders>\n"
        + lines('        <add name="{n}" value="{v}" />\n')
        + "      </customHeaders>\n    </httpProtocol>\n  </system.webServer>\n"
        "</configuration>\n",
        # nginx: include from a server block
        "csp-nginx.conf": lines('add_header {n} "{v}" always;\n'),
        # anything else: the policy itself
        "csp.txt": pairs[0][1] + "\n",
    }
    written = []
    for name, text in files.items():
        path = site_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
