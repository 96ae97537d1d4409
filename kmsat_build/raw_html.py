"""What `kmsat check` says about raw HTML in content, so a team is never surprised.

Prose (Markdown) keeps the HTML on the allow-list in sanitise.py and loses
the rest; plain-text fields (titles, labels, names, UI strings) show any HTML
as the characters typed (templates and nav escape them with
``text.escape_text``). Each field that holds HTML the site will not use is
reported as a warning at its file, line and key, naming what goes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

from .errors import Problem, path_to_str
from .html_blocks import VOID
from .sanitise import ATTRIBUTES, DROP_WITH_CONTENT, TAGS, URL_ATTRIBUTES, URL_SCHEMES
from .site_defaults import site_settings
from .yamlsource import load_yaml

# Keys whose text is plain (escaped where it is used), wherever they appear;
# every UI string (under `strings`) is plain too. Other text is Markdown.
PLAIN_TEXT_KEYS = {
    "title",
    "short_title",
    "publisher",
    "name",
    "role",
    "heading",
    "parts_heading",
    "question",
    "label",
    "summary",
    "statement",
    "time",
    "address",
    "email",
    "url",
    "licence",  # footer and About
    "who",  # a technique's roles
}
# The site's own Markdown extensions, as its pages are rendered.
_EXTENSIONS = [
    next(iter(e)) if isinstance(e, dict) else e for e in site_settings()["markdown_extensions"]
]


def raw_html_findings(folder: Path, docs_dir: Path | None = None) -> list[Problem]:
    """Warnings for every text field in an edition (edition.yml) or a framework folder,
    and for each hand-written page in ``docs_dir`` (an edition's docs/ by default)."""
    folder = Path(folder)
    if docs_dir is None and (folder / "edition.yml").is_file():
        docs_dir = folder / "docs"
    if (folder / "edition.yml").is_file():
        files = [(folder / "edition.yml", "edition.yml")]
    else:
        label = folder.as_posix().rstrip("/")
        files = [(p, f"{label}/{p.relative_to(folder).as_posix()}") for p in yaml_files(folder)]
    findings = []
    for path, name in files:
        doc, _ = load_yaml(path, name)
        if doc is None:
            continue  # a file that does not parse is reported by the checks themselves
        for key_path, text in _texts(doc.data, ()):
            message = field_message(key_path, text)
            if message:
                line = doc.line_of(key_path)
                findings.append(Problem(name, line, path_to_str(key_path), message, warning=True))
    if docs_dir is not None and docs_dir.is_dir():
        for page in sorted(p for p in docs_dir.rglob("*.md") if p.is_file()):
            label = f"{docs_dir.name}/{page.relative_to(docs_dir).as_posix()}"
            findings += docs_page_findings(page.read_bytes().decode("utf-8", "replace"), label)
    return findings


def docs_page_findings(text: str, label: str) -> list[Problem]:
    """A hand-written docs/ page's raw HTML the build will drop, one warning per thing, at its line.

    The page is rendered whole (as MkDocs does) to know what goes; each thing is
    then placed at the first source line that writes it.
    """
    out = []
    for what in what_is_dropped(markdown.markdown(text, extensions=_EXTENSIONS)):
        message = "raw HTML that will be dropped: " + what
        out.append(Problem(label, _line_writing(text, what), "", message, warning=True))
    return out


def _line_writing(text: str, what: str) -> int:
    """The first line of ``text`` that writes the dropped thing ``what`` (1 if none is found)."""
    attribute = re.match(r"([\w-]+)= on <", what)
    tag = re.match(r"<([\w-]+)>", what)
    scheme = re.match(r"an? ([a-z][a-z0-9+.-]*): link", what)
    if attribute:
        pattern = rf"\s{re.escape(attribute.group(1))}\s*="
    elif tag:
        pattern = rf"<{re.escape(tag.group(1))}\b"
    elif scheme:
        pattern = rf"{re.escape(scheme.group(1))}\s*:"
    elif what == "an HTML comment":
        pattern = "<!--"
    else:  # an image from another host: <img src=//...> or ![](https://...)
        pattern = r"!\[[^\]]*\]\(\s*<?(?:[a-z]+:)?//|<img\b[^>]*\ssrc\s*=\s*[\"']?(?:[a-z]+:)?//"
    m = re.search(pattern, text, re.I)
    return text[: m.start()].count("\n") + 1 if m else 1


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yml") if p.is_file())


def field_message(key_path: tuple, text: str) -> str:
    """What the site does with this field's raw HTML ('' when it has none it will not use)."""
    if is_plain_text(key_path):
        tags = _Dropped(plain=True)
        tags.feed(text)
        tags.close()
        if not tags.found:
            return ""
        return "plain text, so its HTML is shown as text: " + ", ".join(tags.found)
    dropped = what_is_dropped(markdown.markdown(text, extensions=_EXTENSIONS))
    return "raw HTML that will be dropped: " + "; ".join(dropped) if dropped else ""


def is_plain_text(key_path: tuple) -> bool:
    named = [k for k in key_path if isinstance(k, str)]
    return bool(named) and (named[0] == "strings" or named[-1] in PLAIN_TEXT_KEYS)


def what_is_dropped(html: str) -> list[str]:
    """Each thing (in order, once) that sanitise_html removes from ``html``."""
    walker = _Dropped(plain=False)
    walker.feed(html)
    walker.close()
    return walker.found


class _Dropped(HTMLParser):
    """Walks HTML as the allow-list sees it, noting what it removes."""

    def __init__(self, plain: bool):
        super().__init__(convert_charrefs=True)
        self.plain = plain
        self.found: list[str] = []
        self.inside: list[str] = []  # open elements dropped with their content

    def note(self, what: str) -> None:
        if what not in self.found:
            self.found.append(what)

    def handle_starttag(self, tag, attrs):
        if self.plain:
            return self.note(f"<{tag}>")
        if self.inside:
            if tag == self.inside[-1]:
                self.inside.append(tag)
            return None
        if tag in DROP_WITH_CONTENT:
            self.note(f"<{tag}> and its content")
            if tag not in VOID:
                self.inside.append(tag)
            return None
        if tag not in TAGS:
            self.note(f"<{tag}>")
        allowed = ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"]
        for name, value in attrs:
            value = value or ""
            if name not in allowed or tag not in TAGS:
                if name.startswith("on") or tag in TAGS:
                    self.note(f"{name}= on <{tag}>")
            elif name == "style" and _style_properties(value) - {"text-align"}:
                self.note(f"style= on <{tag}> (all but text-align)")
            elif name in URL_ATTRIBUTES:
                self._url(tag, value)
        return None

    def _url(self, tag: str, value: str) -> None:
        compact = re.sub(r"[\x00-\x20]", "", value).lower()
        scheme = re.match(r"([a-z][a-z0-9+.-]*):", compact)
        if tag == "img" and (scheme or compact.startswith("//")):
            self.note("an image from another host")
        elif scheme and scheme.group(1) not in URL_SCHEMES:
            self.note(f"a {scheme.group(1)}: link")

    def handle_startendtag(self, tag, attrs):
        depth = len(self.inside)
        self.handle_starttag(tag, attrs)
        del self.inside[depth:]  # <x/> opens nothing

    def handle_endtag(self, tag):
        if self.inside and tag == self.inside[-1]:
            self.inside.pop()

    def handle_comment(self, data):
        if not self.plain and not self.inside:
            self.note("an HTML comment")


def _style_properties(style: str) -> set[str]:
    return {part.split(":")[0].strip().lower() for part in style.split(";") if ":" in part}


def _texts(data, path: tuple):
    """(key path, text) for every string in a YAML document."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, path + (i,))
    elif isinstance(data, str):
        yield path, data
