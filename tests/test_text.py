"""plain_text's shortcut for text without Markdown gives what Markdown would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kmsat_build import text
from kmsat_build.loader import load_framework
from tests.conftest import ROOT


def _slow(markdown_text: str) -> str:
    parser = text._TextOnly()
    parser.feed(text._MARKDOWN.reset().convert(markdown_text or ""))
    return " ".join(" ".join(parser.parts).split())


def _texts(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _texts(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from _texts(item)
    elif hasattr(obj, "__dataclass_fields__"):
        for name in obj.__dataclass_fields__:
            if name != "src":
                yield from _texts(getattr(obj, name))


def test_every_national_text_is_the_same_either_way():
    fw = load_framework(ROOT / "framework")
    texts = list(_texts(fw))
    assert len(texts) > 500
    for value in texts:
        assert text.plain_text(value) == _slow(value), value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,;:'\"-+1234567890()\n\t?%$@^/")), max_size=60))
def test_shortcut_agrees_with_markdown(value):
    assert text.plain_text(value) == _slow(value)


def test_schema_validation_is_remembered_per_exact_text(tmp_path, monkeypatch):
    """A document that passed its schema is not validated again until its text changes."""
    from kmsat_build import schema_check
    from kmsat_build.yamlsource import parse_yaml

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = "strings:\n  nav.toPlan: Next\n"
    doc, _ = parse_yaml(text, "strings.yml")
    assert schema_check.check_against_schema(doc, "strings") == []
    from kmsat_build.cache import cache_dir

    folder = cache_dir("valid")
    assert folder.is_relative_to(tmp_path)
    markers = list(folder.iterdir())
    assert len(markers) == 1
    bad, _ = parse_yaml("strings:\n  nav.toPlan: 3\n", "strings.yml")
    assert schema_check.check_against_schema(bad, "strings")  # new text: validated, refused
    assert len(list(folder.iterdir())) == 1  # nothing kept for it
