"""JSON Schema validation of one YAML document, as located plain-English messages."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cache_dir, note
from .errors import Problem, path_to_str
from .yamlsource import YamlDoc

if TYPE_CHECKING:  # jsonschema is imported only when a document must be validated (slow)
    from jsonschema import Draft202012Validator
    from referencing import Registry

# A UI string id (nav.toPlan, page.home.title): dotted, as in the strings table.
UI_STRING_ID = re.compile(r"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$")

TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a mapping",
    "array": "a list",
    "boolean": "true or false",
    "null": "nothing",
}


@cache
def schema_text(name: str) -> str:
    return resources.files("kmsat_build").joinpath(f"schemas/{name}.schema.json").read_text()


@cache
def load_schema(name: str) -> dict:
    """The packaged JSON Schema ``<name>.schema.json``."""
    return json.loads(schema_text(name))


@cache
def _all_schemas_digest() -> str:
    """One digest of every packaged schema (a schema may refer to another)."""
    folder = resources.files("kmsat_build").joinpath("schemas")
    texts = sorted(f.name + f.read_text() for f in folder.iterdir() if f.name.endswith(".json"))
    return hashlib.sha256("".join(texts).encode()).hexdigest()


def _valid_marker(doc: YamlDoc, schema_name: str) -> Path | None:
    """Where a note that this exact text passed this exact schema is kept.

    Like Python's .pyc files: a document unchanged since it last passed its
    schema need not be validated again (nor jsonschema imported, most of
    the cost). Any change to the text or the schema changes the key.
    """
    folder = cache_dir("valid")  # one per kmsat version
    if not doc.source or folder is None:
        return None
    key = hashlib.sha256(
        f"{_all_schemas_digest()}\0{schema_name}\0{doc.source}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    return folder / key


@cache
def schema_registry() -> Registry:
    """Every packaged schema by its ``$id``, so one schema can refer to another
    (the worked example to the session's parts, the questionnaire data to both)."""
    from referencing import Registry, Resource

    folder = resources.files("kmsat_build").joinpath("schemas")
    schemas = [
        json.loads(f.read_text()) for f in folder.iterdir() if f.name.endswith(".schema.json")
    ]
    return Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)


def validator_for(name: str) -> Draft202012Validator:
    """A validator for the packaged schema ``name``, its references resolved."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name), registry=schema_registry())


def describe(value) -> str:
    """How a received value is named in messages: its kind and a short preview."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true or false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        preview = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({preview!r})" if value else "empty text"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def check_against_schema(doc: YamlDoc, schema_name: str) -> list[Problem]:
    """Every schema violation in ``doc``, each with file, line and key path."""
    marker = _valid_marker(doc, schema_name)
    if marker is not None and marker.is_file():
        return []
    problems = []
    for error in validator_for(schema_name).iter_errors(doc.data):
        path = tuple(error.absolute_path)
        for problem in _to_problems(doc, error, path):
            if problem not in problems:  # jsonschema gives one `required` error per missing key
                problems.append(problem)
    if marker is not None and not problems:
        note(marker)  # a read-only home: validate every time
    return problems


def _type_names(types) -> str:
    types = [types] if isinstance(types, str) else types
    return " or ".join(TYPE_NAMES.get(t, t) for t in types)


def _to_problems(doc: YamlDoc, error, path: tuple) -> list[Problem]:
    kind, schema, value = error.validator, error.schema, error.instance
    at = path_to_str(path)
    line = doc.line_of(path)
    if kind == "required":
        known = set(value) if isinstance(value, dict) else set()
        missing = [k for k in error.validator_value if k not in known]
        return [
            Problem(
                doc.file,
                line,
                path_to_str(path + (key,)),
                "expected a value, but received nothing (the key is missing)",
            )
            for key in missing
        ]
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = list(schema.get("properties", {}))
        out = []
        for key in value:
            if key in allowed:
                continue
            guess = difflib.get_close_matches(key, allowed, n=1)
            hint = f" (did you mean '{guess[0]}'?)" if guess else ""
            if "strings" in allowed and UI_STRING_ID.match(str(key)):
                hint = (
                    " (it looks like a UI string id: strings go under `strings:`, so indent "
                    "the line to line up with the other strings)"
                )
            out.append(
                Problem(
                    doc.file,
                    doc.line_of(path + (key,)),
                    path_to_str(path + (key,)),
                    f"expected one of the keys {', '.join(allowed)}, but received "
                    f"an unknown key{hint}",
                )
            )
        return out
    if "x-expected" in schema:
        expected = schema["x-expected"]
    elif kind == "type":
        expected = _type_names(error.validator_value)
    elif kind == "const":
        expected = repr(error.validator_value)
    elif kind == "enum":
        expected = "one of " + ", ".join(repr(v) for v in error.validator_value)
    elif kind == "minLength":
        expected = "some text"
    elif kind == "maxLength":
        expected = f"at most {error.validator_value} characters"
    elif kind == "minItems":
        n = error.validator_value
        expected = f"at least {n} item{'s' if n != 1 else ''}"
    elif kind == "maxItems":
        n = error.validator_value
        expected = f"at most {n} item{'s' if n != 1 else ''}"
    elif kind == "minimum":
        expected = f"a number of at least {error.validator_value}"
    elif kind == "maximum":
        expected = f"a number of at most {error.validator_value}"
    elif kind == "pattern":
        expected = f"text matching {error.validator_value}"
    elif kind == "propertyNames":
        expected = "keys of letters and digits separated by dots"
    else:  # pragma: no cover - a schema keyword we do not use yet
        expected = error.message
    message = f"expected {expected}, but received {describe(value)}"
    return [Problem(doc.file, line, at, message + _fix(doc, line, value, schema))]


def _fix(doc: YamlDoc, line: int, value, schema: dict) -> str:
    """How to mend the two YAML surprises a schema error hides: a comment, a number."""
    text = doc.source.splitlines()[line - 1] if 0 < line <= len(doc.source.splitlines()) else ""
    key, colon, rest = text.partition(":")
    if value is None and colon and rest.strip().startswith("#"):
        example = f'{key.strip()}: "{rest.strip()}"'
        return (
            f" (in YAML a # starts a comment, so the value reads as empty: put it in "
            f"quotes, for example {example})"
        )
    wants_text = schema.get("type") == "string" or "pattern" in schema
    if wants_text and isinstance(value, (int, float)) and not isinstance(value, bool):
        raw = rest.strip() or str(value)
        return f' (YAML reads {raw} as a number: put it in quotes, for example "{raw}")'
    return ""
