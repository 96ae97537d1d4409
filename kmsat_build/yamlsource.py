"""Read YAML while remembering the line of every key and item.

PyYAML's composer gives us nodes with marks; we build plain Python values
from them ourselves so that each value's key path maps to a line number,
and so that YAML traps are refused with a located message: duplicate keys
(PyYAML silently keeps the last), alias bombs, absurd nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem, path_to_str

# Refuse "billion laughs": aliases let a tiny file expand to billions of nodes.
MAX_NODES = 200_000
MAX_DEPTH = 40


# libyaml's C parser when present (it is, with PyYAML's wheels): several times
# faster on large editions; both give the same nodes and marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """YAML 1.2-like scalars: only true/false are booleans, dates stay text.

    With YAML 1.1 rules a checklist answer id `no` would become False and a
    `date: 2026-01-05` a date object; editors should not have to quote them.
    """


_Loader.yaml_implicit_resolvers = {
    key: [
        (tag, rx)
        for tag, rx in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for key, resolvers in _Base.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class YamlDoc:
    """A parsed YAML file: its data and the line of each key path."""

    file: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    source: str = ""  # the text, for messages that quote a line
    # key path -> line of the first content line of a literal block (`|`) value
    blocks: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple) -> int:
        """Line of the nearest ancestor of ``path`` that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def line_in_text(self, path: tuple, offset: int) -> int:
        """Line of character ``offset`` of the text at ``path`` (exact in `|` blocks)."""
        path = tuple(path)
        if path in self.blocks:
            value = self.value_at(path)
            if isinstance(value, str):
                return self.blocks[path] + value[:offset].count("\n")
        return self.line_of(path)

    def value_at(self, path: tuple):
        value = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value


class _TooBig(Exception):
    pass


def load_yaml(path: Path, display_name: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse one YAML file; return the document or located problems."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                display_name,
                line,
                "",
                f"expected UTF-8 text, but received bytes "
                f"that are not UTF-8 (byte {exc.start}: {raw[exc.start]:#04x})",
            )
        ]
    except OSError as exc:
        return None, [
            Problem(
                display_name,
                0,
                "",
                f"expected a readable file, but received an error: {exc.strerror}",
            )
        ]
    return parse_yaml(text, display_name)


def parse_yaml(text: str, display_name: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse YAML text; syntax errors point at their line and column."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        line, message = explain_syntax_error(exc, text)
        return None, [Problem(display_name, line, "", message)]
    except yaml.reader.ReaderError as exc:  # a control character
        line = text[: exc.position].count("\n") + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return None, [
            Problem(
                display_name,
                line,
                "",
                f"expected ordinary text, but received an invisible control character "
                f"(#x{exc.character:04x}) at column {column}: delete it and retype the text "
                "around it (it often comes with text pasted from another program)",
            )
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(display_name, 0, "", f"expected valid YAML, but received: {exc}")]
    doc = YamlDoc(display_name, None, source=text)
    if node is None:
        return doc, []
    problems: list[Problem] = []
    builder = _Builder(doc, problems)
    try:
        doc.data = builder.build(node, (), 0)
    except _TooBig as exc:
        return None, [Problem(display_name, node.start_mark.line + 1, "", str(exc))]
    return doc, problems


def explain_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line and a librarian's message for a YAML syntax error: what and how to fix it.

    The common slips (a tab, a quote never closed, a colon in plain text, a
    key one space off, a value starting with a YAML sign) are named in plain
    words with the fix; anything else keeps the parser's own description.
    """
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    col = f", column {mark.column + 1}" if mark else ""
    what = exc.problem or exc.context or "invalid YAML"
    context = exc.context or ""
    if exc.context and exc.context_mark and exc.problem_mark:
        start = exc.context_mark
        what += f" ({exc.context} that starts at line {start.line + 1}, column {start.column + 1})"
    head = f"expected valid YAML, but received a syntax error{col}: {what}"
    lines = text.splitlines()
    here = lines[mark.line] if mark and mark.line < len(lines) else ""
    if mark and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return line, (
            f"expected spaces at the start of the line, but received a tab (column "
            f"{mark.column + 1}): YAML allows only spaces for indenting, so replace the tab "
            "with spaces lined up with the key above"
        )
    if "quoted scalar" in context and exc.context_mark:
        opened = exc.context_mark
        quote = text[opened.index] if opened.index < len(text) else '"'
        return opened.line + 1, (
            f"expected a closing {quote} for the text that opens with {quote} on this line "
            f"(column {opened.column + 1}), but received none before the end of the file: "
            f"end the text with {quote}, or write a {quote} inside it as "
            + ('\\"' if quote == '"' else "''")
        )
    opened_line = _unclosed_quote(lines, mark.line) if mark else None
    if opened_line is not None and opened_line != mark.line:
        quote = lines[opened_line].partition(": ")[2].lstrip()[0]
        return opened_line + 1, (
            f"expected a closing {quote} on this line, for the text that opens with {quote}, "
            f"but received none (YAML read on to line {line}): end the text with {quote}, "
            "or leave out the opening one"
        )
    previous = _previous_content_line(lines, mark.line) if mark else None
    if previous is not None and ("block" in what or "mapping values are not allowed" in what):
        indent, before = _key_column(here), _key_column(previous)
        if abs(indent - before) == 1 and here.strip():
            return line, (
                f"expected this line's key to start at column {before + 1}, in line with "
                f"the key above it, but received column {indent + 1}: indent it by the same "
                "number of spaces as the key it sits beside (one space off changes the meaning)"
            )
    key, _, value = here.partition(": ")
    if "mapping values are not allowed" in what:
        example = f'{key.strip()}: "{value.strip()}"' if value else 'title: "Northbrook: our tool"'
        return line, (
            "expected a value without ': ' in it, or in quotes, but received text with a "
            "colon followed by a space: put the whole value in double quotes, for example "
            + example
        )
    value = value.lstrip() if value else here.strip().lstrip("- ")
    if "flow" in context and exc.context_mark:
        opened = exc.context_mark
        bracket = text[opened.index] if opened.index < len(text) else "["
        closing = "]" if bracket == "[" else "}"
        return opened.line + 1, (
            f"expected a {bracket} ... {closing} list closed on its line, or text in quotes, "
            f"but received a {bracket} at column {opened.column + 1} that is never closed: "
            f"add the {closing}, or put the whole value in double quotes if it is text"
        )
    signs = ("*", "&", "@", "`", "%", "!", "|", ">")
    if value[:1] in signs and (
        any(word in what + context for word in ("alias", "anchor", "tag"))
        or "cannot start any token" in what
    ):
        return line, (
            f"expected text, but received a value that starts with {value[0]!r}, which "
            f"YAML reads as markup: put the whole value in double quotes, for example "
            f'"{value}"'
        )
    if "did not find expected key" in what and here.count('"') + here.count("'") >= 2:
        return line, (
            "expected a value that is all inside its quotes, but received text after the "
            "closing quote: put the whole value in quotes (write a quote inside "
            'double-quoted text as \\")'
        )
    return line, head


def _key_column(line: str) -> int:
    """Where a line's key starts: after its indent and any `- ` list markers."""
    column = len(line) - len(line.lstrip(" "))
    while line[column : column + 2] == "- ":
        column += 2
        while line[column : column + 1] == " ":
            column += 1
    return column


def _unclosed_quote(lines: list[str], index: int) -> int | None:
    """The nearest line at or above ``index`` whose value opens a quote it never closes."""
    for i in range(min(index, len(lines) - 1), -1, -1):
        value = lines[i].partition(": ")[2].strip()
        if value[:1] in ('"', "'"):
            quote, rest = value[0], value[1:]
            rest = rest.replace('\\"', "") if quote == '"' else rest.replace("''", "")
            if quote not in rest:
                return i
    return None


def _previous_content_line(lines: list[str], index: int) -> str | None:
    for candidate in reversed(lines[:index]):
        if candidate.strip() and not candidate.lstrip().startswith("#"):
            return candidate
    return None


_STR = "tag:yaml.org,2002:str"


class _Builder:
    def __init__(self, doc: YamlDoc, problems: list[Problem]):
        self.doc = doc
        self.problems = problems
        self.count = 0
        self.scalar_loader = _Loader("")

    def build(self, node: yaml.Node, path: tuple, depth: int):
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(
                f"expected an ordinary YAML document, but received one that expands to "
                f"more than {MAX_NODES:,} values (an alias bomb?)"
            )
        if depth > MAX_DEPTH:
            where = path_to_str(path[:3]) + ("..." if len(path) > 3 else "")
            raise _TooBig(
                f"expected at most {MAX_DEPTH} levels of nesting, but received deeper "
                f"nesting under {where}"
            )
        self.doc.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            self.scalar_loader.flatten_mapping(node)  # resolve `<<:` merge keys
            out: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(
                        Problem(
                            self.doc.file,
                            key_node.start_mark.line + 1,
                            path_to_str(path),
                            "expected text keys, but received a list or mapping as a key",
                        )
                    )
                    continue
                key = self.scalar(key_node)
                key = "null" if key is None else str(key)
                if key in out:
                    self.problems.append(
                        Problem(
                            self.doc.file,
                            key_node.start_mark.line + 1,
                            path_to_str(path + (key,)),
                            "expected each key once, but received it again (a duplicate key)",
                        )
                    )
                    continue
                self.doc.lines[path + (key,)] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, path + (key,), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if node.style == "|":
            self.doc.blocks[path] = node.start_mark.line + 2
        return self.scalar(node)

    def scalar(self, node: yaml.Node):
        # Text is most of every file: take it as it is (PyYAML's general
        # constructor was most of the load time); numbers, booleans, null
        # and anything tagged go through the constructor.
        if node.tag == _STR and isinstance(node, yaml.ScalarNode):
            return node.value
        return self.scalar_loader.construct_object(node)
