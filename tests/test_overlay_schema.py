"""The overlay schema is generated from editable.py and the national schemas."""

from __future__ import annotations

import json

from kmsat_build.editable import EDITABLE, fields_of
from kmsat_build.overlay_schema import OUT, overlay_schema, render
from kmsat_build.schema_check import load_schema


def test_committed_overlay_schema_is_current():
    """Run `python -m kmsat_build.overlay_schema` after changing a schema or editable.py."""
    assert OUT.read_text(encoding="utf-8") == render()


def test_every_technique_field_but_identity_is_editable_and_addable():
    technique = load_schema("technique")["properties"]
    schema = overlay_schema()
    change = schema["properties"]["techniques"]["additionalProperties"]["properties"]
    added = schema["properties"]["add_techniques"]["items"]["properties"]
    assert set(technique) - {"id", "kind", "stage", "related"} <= set(change)
    assert set(technique) <= set(added)
    for field in fields_of("techniques"):
        assert change[field] == {"$ref": f"#/$defs/technique/properties/{field}"}


def test_every_editable_field_refers_to_its_national_definition():
    schema = overlay_schema()
    text = json.dumps(schema)
    for entry in EDITABLE:
        for field in fields_of(entry.group):
            assert f"/properties/{field}" in text, (entry.group, field)
    # Resolving every $ref: each points at something in $defs.
    for ref in {r for r in text.split('"$ref": "')[1:]}:
        pointer = ref.split('"', 1)[0].removeprefix("#/").split("/")
        node = schema
        for part in pointer:
            node = node[part]
