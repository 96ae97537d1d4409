"""Rules over what a site is built from beyond the model: links and docs/ pages.

`kmsat check` and the build (on_config) both run these, so a broken link is
reported at the line of the YAML or docs/ page that holds it, not at a
generated page. Each rule takes the model, the docs/ folder and how to name
it in messages, and returns located problems. Add a rule to SITE_RULES to
have check and build both run it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from .errors import Problem, path_to_str
from .links import anchors_in, is_local, links_in
from .model import Framework, Src


@dataclass
class Site:
    """What a site is built from: the model, its docs/ folder, its generated pages."""

    fw: Framework
    docs_dir: Path
    label: str = "docs"  # how docs/ is named in messages
    generated: list | None = None  # pages.Page list, when the build has rendered them

    @cached_property
    def pages(self) -> list:
        if self.generated is None:
            from .pages import render_pages

            self.generated = render_pages(self.fw)
        return self.generated


SiteRule = Callable[[Site], list[Problem]]


def check_site(
    fw: Framework, docs_dir: Path, label: str = "docs", pages: list | None = None
) -> list[Problem]:
    """Every site rule's problems. ``pages``: the generated pages, if already rendered."""
    site = Site(fw, Path(docs_dir), label, pages)
    out: list[Problem] = []
    for rule in SITE_RULES:
        out += rule(site)
    return out


# --- docs/ pages ----------------------------------------------------------------------------


def _docs_pages(docs_dir: Path) -> dict[str, bytes]:
    if not docs_dir.is_dir():
        return {}
    return {
        p.relative_to(docs_dir).as_posix(): p.read_bytes()
        for p in sorted(docs_dir.rglob("*.md"))
        if p.is_file()
    }


def docs_pages_are_utf8(site: Site) -> list[Problem]:
    out = []
    label = site.label
    for rel, raw in _docs_pages(site.docs_dir).items():
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            out.append(
                Problem(
                    f"{label}/{rel}",
                    line,
                    "",
                    f"expected UTF-8 text, but received bytes that are not UTF-8 (byte "
                    f"{exc.start}: {raw[exc.start]:#04x}); save the file as UTF-8 in your editor",
                )
            )
    return out


# --- links --------------------------------------------------------------------------------


class SitePages:
    """Every file of the site (path from the top), and a page's anchors when a link asks:
    few links name an anchor, so most pages' headings are never read."""

    def __init__(self, texts: dict[str, str | None]):
        self._texts = texts  # a page's Markdown; None: a file that is not a page
        self._anchors: dict[str, set[str] | None] = {}

    def __contains__(self, path: str) -> bool:
        return path in self._texts

    def anchors(self, path: str) -> set[str] | None:
        if path not in self._anchors:
            text = self._texts[path]
            self._anchors[path] = None if text is None else anchors_in(text)
        return self._anchors[path]


def site_pages(site: Site) -> SitePages:
    """Every file of the site: the generated pages, and everything in docs/."""
    docs_dir = site.docs_dir
    texts: dict[str, str | None] = {page.path: page.markdown for page in site.pages}
    if docs_dir.is_dir():
        for path in docs_dir.rglob("*"):
            if path.is_file():
                rel = path.relative_to(docs_dir).as_posix()
                is_page = rel.endswith(".md")
                texts[rel] = path.read_bytes().decode("utf-8", "replace") if is_page else None
    return SitePages(texts)


def _link_problem(target: str, where: str, pages: SitePages, fw: Framework) -> str:
    """Why ``target`` (resolved to ``where``) is not a file of the site ('' if it is)."""
    path, _, anchor = where.partition("#")
    hidden = _hidden_by_edition(path, anchor, pages, fw)
    if hidden:
        return (
            f"expected a link to a page or place the site shows, but received '{target}', "
            f"{hidden}, which your edition hides (`hide:` in edition.yml): remove or change "
            "the link, or stop hiding it"
        )
    if target.startswith("/"):
        return (
            f"expected a link written from the top of the site without a leading / "
            f"(for example {target.lstrip('/')}), but received '{target}'"
        )
    if path not in pages:
        return (
            f"expected a link to a page or file of the site, written from the top of the "
            f"site (for example board-checklist.md or elements/leadership.md), but "
            f"received '{target}', which is not one"
        )
    anchors = pages.anchors(path) if anchor else None
    if anchors is not None and anchor not in anchors:
        return (
            f"expected a link to a place on {path} (a criterion id or a heading), but "
            f"received '#{anchor}', which that page does not have"
        )
    return ""


def _hidden_by_edition(path: str, anchor: str, pages: SitePages, fw: Framework) -> str:
    """What a link names that the edition's `hide` removed ('' if nothing)."""
    folder, _, name = path.rpartition("/")
    if folder == "opportunities" and name.removesuffix(".md") in fw.hidden_techniques:
        return f"the page of technique '{name.removesuffix('.md')}'"
    if anchor in fw.hidden_criteria and path in pages and anchor not in (pages.anchors(path) or ()):
        return f"the place of criterion '{anchor}'"
    return ""


def _texts(obj, rel: tuple = ()):
    """(relative path, text) of every text in a model object, nested objects included."""
    if isinstance(obj, str):
        yield rel, obj
    elif isinstance(obj, (tuple, list)):
        for i, item in enumerate(obj):
            yield from _texts(item, rel + (i,))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _texts(item, rel + (key,))
    elif is_dataclass(obj):
        for f in fields(obj):
            if f.name != "src":
                yield from _texts(getattr(obj, f.name), rel + (f.name,))


def _sourced(fw: Framework):
    """(Src, object) for every model object that knows its source."""
    yield fw.edition.src, fw.edition
    yield fw.letter.src, fw.letter
    yield fw.home.src, fw.home
    yield fw.checklist.src, {"intro": fw.checklist.intro}
    for q in fw.checklist.questions:
        yield q.src, q
    for o in (*fw.scale.levels, *fw.scale.unscored, *fw.scale.priorities):
        yield o.src, o
    for e in fw.elements:
        yield e.src, {k: getattr(e, k) for k in ("title", "summary", "description")}
        for c in e.criteria:
            yield c.src, {k: v for k, v in vars(c).items() if k not in ("local_examples", "src")}
            for ex in c.local_examples:
                yield ex.src, ex
    for t in fw.techniques:
        yield t.src, {k: v for k, v in vars(t).items() if k not in ("local_examples", "src")}
        for ex in t.local_examples:
            yield ex.src, ex
    for g in fw.guides:
        yield g.src, g
    yield fw.strings_src, {k: v for k, v in fw.strings.items() if k.startswith("page.")}


def links_resolve(site: Site) -> list[Problem]:
    pages = site_pages(site)
    docs_dir, label = site.docs_dir, site.label
    out = []
    for src, obj in _sourced(site.fw):
        for rel, text in _texts(obj):
            for offset, target in links_in(text):
                if not is_local(target):
                    continue
                message = _link_problem(target, target, pages, site.fw)
                if message:
                    out.append(_at(src, rel, offset, message))
    for page, raw in _docs_pages(docs_dir).items():
        text = raw.decode("utf-8", "replace")
        folder = PurePosixPath(page).parent
        for offset, target in links_in(text):
            if not is_local(target) or target.startswith("/"):
                continue
            where = _normalise(folder / target)
            message = _link_problem(target, where, pages, site.fw)
            if message:
                line = text[:offset].count("\n") + 1
                out.append(Problem(f"{label}/{page}", line, "", message))
    return out


def _normalise(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in str(path).split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _at(src: Src, rel: tuple, offset: int, message: str) -> Problem:
    file, line = src.text_line(rel, offset)
    return Problem(file, line, path_to_str(src.path(*rel)), message)


def raw_html_blocks_close(site: Site) -> list[Problem]:
    """A raw HTML block left open in prose swallows the rest of its page: refuse it here,
    at its own line, rather than let the strict build fail on anchors that vanished."""
    from .html_blocks import unclosed_blocks, unclosed_message

    out = []
    for src, obj in _sourced(site.fw):
        if src is site.fw.strings_src:
            continue  # UI strings are plain text: their HTML is shown as typed
        for rel, text in _texts(obj):
            for offset, left_open in unclosed_blocks(text):
                from .raw_html import is_plain_text  # (rarely needed: imported late)

                if not is_plain_text(rel):  # a title's HTML is shown as typed
                    out.append(_at(src, rel, offset, unclosed_message(left_open)))
    for page, raw in _docs_pages(site.docs_dir).items():
        text = raw.decode("utf-8", "replace")
        for offset, left_open in unclosed_blocks(text):
            line = text[:offset].count("\n") + 1
            out.append(Problem(f"{site.label}/{page}", line, "", unclosed_message(left_open)))
    return out


# The rules `kmsat check` and the build run, in order. (Raw HTML the sanitiser
# only drops is a warning from `kmsat check` alone: raw_html.raw_html_findings.)
SITE_RULES: list[SiteRule] = [docs_pages_are_utf8, raw_html_blocks_close, links_resolve]
