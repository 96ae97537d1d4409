"""Read an edition's overlay (edition.yml): parse it and check it against its schema."""

from __future__ import annotations

from pathlib import Path

from ..errors import FrameworkError, Problem
from ..schema_check import check_against_schema
from ..yamlsource import YamlDoc, load_yaml


def load_overlay(path: Path, label: str) -> YamlDoc:
    """Parse and schema-check an overlay file; raise FrameworkError if it is broken."""
    if not path.is_file():
        raise FrameworkError(
            [
                Problem(
                    label,
                    0,
                    "",
                    "expected an edition overlay file, but received nothing (file not found)",
                )
            ]
        )
    doc, problems = load_yaml(path, label)
    if doc is not None and doc.data is None:
        problems.append(
            Problem(label, 1, "", "expected a mapping of keys, but received an empty file")
        )
    elif doc is not None and not isinstance(doc.data, dict):
        problems.append(
            Problem(
                label,
                1,
                "",
                "expected a mapping of keys (key: value), but received "
                "something else (a list or a single value)",
            )
        )
    if doc is not None and isinstance(doc.data, dict):
        problems += check_against_schema(doc, "overlay")
    if problems:
        raise FrameworkError(problems)
    return doc
