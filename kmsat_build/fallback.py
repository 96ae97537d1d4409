"""Text an edition in another language has not translated: marked with the national language.

A partly translated edition (Welsh, say) shows national English wherever it
changes nothing; a screen reader must not read that English as Welsh. The
model remembers which file wrote each text (``model.Src``), so every text still
written by a national file is marked: ``Fallback`` carries its language
through the template filters, and the page renderer wraps it in a ``<span
lang=...>`` (a title, a label, a table cell) or a ``<div lang="..." markdown>``
(prose), so the page says which language each part is in.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace

from .model import Framework, Src

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")  # safe in an attribute


class Fallback(str):
    """National text shown in an edition of another language. ``inline``: a filter made it
    a run of text (a title, a cell); otherwise it is prose, a block of its own."""

    lang: str = ""
    inline: bool = False

    @classmethod
    def of(cls, text: str, lang: str, inline: bool = False) -> Fallback:
        out = cls(text)
        out.lang, out.inline = lang, inline
        return out


def fallback_language(fw: Framework) -> str:
    """The national language, when the edition is in another ('' when it is not)."""
    national = fw.edition.national_language
    edition = fw.edition.language
    if not (national and edition and _LANGUAGE_TAG.fullmatch(national)):
        return ""
    return national if national.split("-")[0].lower() != edition.split("-")[0].lower() else ""


def mark_fallback(fw: Framework) -> Framework:
    """``fw`` with every text a national file wrote marked as a ``Fallback``."""
    lang = fallback_language(fw)
    if not lang:
        return fw
    national = set(fw.source_files)

    def national_text(src: Src, rel: tuple) -> bool:
        for doc, base, keys in src.layers:
            if rel[0] in keys and src._in_layer(base, keys, rel) in doc.lines:
                return False  # the edition wrote it
        return src.doc is not None and src.doc.file in national

    def mark(value, src: Src, rel: tuple):
        if isinstance(value, str):
            return Fallback.of(value, lang) if rel and national_text(src, rel) else value
        if isinstance(value, tuple):
            return tuple(mark(v, src, rel + (i,)) for i, v in enumerate(value))
        if isinstance(value, dict):
            return {k: mark(v, src, rel + (k,)) for k, v in value.items()}
        if is_dataclass(value):
            own = getattr(value, "src", None)
            if isinstance(own, Src) and own is not src:
                src, rel = own, ()
            changes = {
                f.name: mark(getattr(value, f.name), src, rel + (f.name,))
                for f in fields(value)
                if f.name != "src" and not _is_id(f.name)
            }
            return replace(value, **changes)
        return value

    strings = {
        key: Fallback.of(text, lang) if national_text(fw.strings_src, (key,)) else text
        for key, text in fw.strings.items()
    }
    return replace(
        fw,
        **{
            name: mark(getattr(fw, name), NOWHERE_SRC, ())
            for name in ("letter", "checklist", "scale", "elements", "techniques", "guides", "home")
        },
        strings=strings,
    )


NOWHERE_SRC = Src()


def _is_id(name: str) -> bool:
    """Fields that are ids, not text (kept as they are: they name files and anchors)."""
    ids = ("id", "element_id", "kind", "stage", "opportunities", "related", "value")
    return name in ids or name == "email"  # an e-mail address goes into an href too


def keep_mark(function):
    """A template filter that keeps its input's mark, as a run of text (a title, a cell)."""

    def filtered(value, *args, **kwargs):
        out = function(value, *args, **kwargs)
        return Fallback.of(out, value.lang, inline=True) if isinstance(value, Fallback) else out

    return filtered


def in_language(value):
    """What a template writes for ``value``: marked national text in its own language."""
    if not isinstance(value, Fallback):
        return value
    if value.inline:  # unquoted, so it can stand in an admonition's "title" too
        return f"<span lang={value.lang}>{value}</span>"
    return f'<div lang="{value.lang}" markdown>\n\n{value}\n\n</div>'


def indent_marked(value, width: int = 4, first: bool = False):
    """Jinja's indent, with marked prose wrapped first (so the wrapper is indented too)."""
    from jinja2.filters import do_indent

    return do_indent(str(in_language(value)), width, first=first)
