"""The national documents kmsat ships, noted as valid when kmsat is made.

    python -m kmsat_build.national_valid    # rewrite schemas/national-valid.txt (make generated)

A first build (an empty cache: a new kmsat, a fresh CI runner) would
otherwise validate every national document again, and importing jsonschema
to do so was half of that build's extra time. The file lists the validity
key (schema_check.validity_key: every schema's text and the document's exact
text) of each national document that passes its schema now. A document
edited since, or any schema changed, has another key and is validated as
before, so the list can only save work, never pass a document.
tests/test_national_valid.py fails when the committed list is stale.
"""

from __future__ import annotations

from pathlib import Path

from .loader import FOLDERS, OPTIONAL, SINGLE_FILES
from .national import national_framework_dir
from .schema_check import SHIPPED_VALID, schema_problems, validity_key
from .yamlsource import load_yaml

OUT = Path(__file__).parent / SHIPPED_VALID


def _schema_of(rel: str) -> str | None:
    """The schema a framework file (path relative to the framework) is checked against."""
    folder, _, name = rel.rpartition("/")
    return FOLDERS.get(folder) if folder else SINGLE_FILES.get(name) or OPTIONAL.get(name)


def valid_keys(root: Path) -> list[str]:
    """The validity key of every document under ``root`` that passes its schema now."""
    keys = []
    for path in sorted(root.rglob("*.yml")):
        schema = _schema_of(path.relative_to(root).as_posix())
        doc, problems = load_yaml(path, path.name)
        if schema and doc is not None and doc.data is not None and not problems:
            if not schema_problems(doc, schema):  # validated now, trusting no note
                keys.append(validity_key(doc, schema))
    return sorted(keys)


def render() -> str:
    return "".join(f"{key}\n" for key in valid_keys(national_framework_dir()))


if __name__ == "__main__":
    OUT.write_text(render(), encoding="ascii")
    print(f"wrote {OUT}")
