"""Property-based fuzzing: mutated framework and overlay YAML never crash the build.

Whatever the mutation (types swapped, keys dropped, ids duplicated, huge or
odd strings, anchors and aliases, deep nesting), loading either succeeds or
raises FrameworkError with located messages: never another exception.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmsat_build import FrameworkError, load_framework
from kmsat_build.edition import load_edition
from tests.conftest import ROOT, SMALL

FILES = sorted(p.relative_to(SMALL).as_posix() for p in SMALL.rglob("*.yml"))
ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\u202e<script>alert(1)</script>",
        "x" * 100_000,
        "\x00",
        "\ufeff",
        "🙂" * 50,
        "&a",
        "*a",
        "{{ t }}",
        "%",
        "- - -",
        "null",
        "~",
        "yes",
        "1e400",
        "0x1F",
        "\\",
        '"',
    ]
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    ODD_TEXT,
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def paths(data, prefix=()):
    """Every key path in a parsed YAML value."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from paths(value, prefix + (i,))


def mutate(data, path, action, value):
    data = copy.deepcopy(data)
    if not path:
        return value if action == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if action == "replace":
        parent[key] = value
    elif action == "drop":
        del parent[key]
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))
    elif action == "nest":
        parent[key] = [[[[[[[[[[parent[key]]]]]]]]]]]
    return data


def assert_loads_or_reports(load, root: Path) -> None:
    try:
        load(root)
    except FrameworkError as exc:
        for problem in exc.problems:  # every message is located and shaped
            assert problem.file and ": " not in problem.file
            assert "expected" in problem.message and "but received" in problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FILES),
    st.data(),
    st.sampled_from(["replace", "drop", "duplicate", "nest"]),
    VALUES,
)
def test_mutated_framework_never_crashes(rel, data, action, value):
    original = yaml.safe_load((SMALL / rel).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(list(paths(original))))
    mutated = mutate(original, path, action, value)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "framework"
        shutil.copytree(SMALL, root)
        (root / rel).write_text(yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
        assert_loads_or_reports(load_framework, root)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(FILES), st.integers(min_value=0, max_value=2_000), st.text(max_size=20))
def test_raw_text_damage_never_crashes(rel, offset, junk):
    """Bytes cut, spliced or replaced anywhere: anchors, tabs, colons, control characters."""
    text = (SMALL / rel).read_text(encoding="utf-8")
    offset = min(offset, len(text))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "framework"
        shutil.copytree(SMALL, root)
        (root / rel).write_text(text[:offset] + junk + text[offset + len(junk) :], encoding="utf-8")
        assert_loads_or_reports(load_framework, root)


@settings(max_examples=60, deadline=None)
@given(st.data(), st.sampled_from(["replace", "drop", "duplicate", "nest"]), VALUES)
def test_mutated_overlay_never_crashes(data, action, value):
    full = ROOT / "tests" / "editions" / "full"
    original = yaml.safe_load((full / "edition.yml").read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(list(paths(original))))
    mutated = mutate(original, path, action, value)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "edition"
        shutil.copytree(full, root)
        (root / "edition.yml").write_text(
            yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8"
        )
        assert_loads_or_reports(load_edition, root)


def test_anchors_and_aliases_are_allowed_when_sane(tmp_path):
    root = tmp_path / "framework"
    shutil.copytree(SMALL, root)
    checklist = root / "checklist.yml"
    checklist.write_text(
        checklist.read_text()
        .replace(
            "why: What nobody owns, nobody manages.", "why: &why What nobody owns, nobody manages."
        )
        .replace("why: Know-how walks out of the door.", "why: *why")
    )
    fw = load_framework(root)
    assert fw.checklist.questions[1].why == "What nobody owns, nobody manages."
