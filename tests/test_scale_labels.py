"""No UI string spells out a label an edition can rename in scale.yml.

A sentence that names a level, an unscored answer, a priority or a checklist
answer takes the label as a placeholder (core/model.js `labelParams`:
{notYet}, {dontKnow}, {high}, {answerNo}...), so a Welsh edition that renames
"Not yet" in its scale never shows the English one in the middle of a Welsh
sentence, nor an English sentence the national labels it did not translate.
"""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

FRAMEWORK = ROOT / "framework"


def scale_labels() -> list[str]:
    scale = yaml.safe_load((FRAMEWORK / "scale.yml").read_text(encoding="utf-8"))
    parts = ("levels", "unscored", "priorities", "checklist_answers")
    return sorted({option["label"] for part in parts for option in scale[part]})


def hard_coded(text: str, label: str) -> bool:
    """Whether `text` names `label` (case and whole words as written).

    A one-word label that opens a sentence and runs on into it is the ordinary
    word ("No criteria are rated", "Yes, continue"); anywhere else, or a label
    of several words anywhere, it is the label.
    """
    for found in re.finditer(r"(?<![\w'])" + re.escape(label) + r"(?![\w'])", text):
        before, after = text[: found.start()], text[found.end() :]
        opens = not before.strip() or re.search(r"[.:!?]\s+$", before)
        runs_on = re.match(r"(,|\s+[a-z])", after)
        if " " in label or not (opens and runs_on):
            return True
    return False


def test_the_rule_tells_a_label_from_the_ordinary_word():
    assert hard_coded("from 1 (Not yet) to 4 (Embedded).", "Not yet")
    assert hard_coded("Don't know and Not applicable are counted.", "Don't know")
    assert hard_coded("A No or a Don't know is useful.", "No")
    assert hard_coded("Criteria rated Developing or Embedded.", "Embedded")
    assert hard_coded("Embedded", "Embedded")
    assert hard_coded("Nothing is left. Developing or better is good.", "Developing") is False
    assert not hard_coded("No criteria are rated {developing} yet.", "No")
    assert not hard_coded("Yes, continue", "Yes")
    assert not hard_coded(
        "Keep {dontKnow} for what nobody knows; the highest priority first.", "High"
    )


def test_no_string_hard_codes_a_scale_label():
    strings = yaml.safe_load((FRAMEWORK / "strings.yml").read_text(encoding="utf-8"))["strings"]
    labels = scale_labels()
    assert {"Not yet", "Embedded", "Don't know", "High", "Partly"} <= set(labels)
    found = [
        f"{key}: {label!r} (use its placeholder, core/model.js labelParams)"
        for key, text in strings.items()
        for label in labels
        if hard_coded(text, label)
    ]
    assert found == []
