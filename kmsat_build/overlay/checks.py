"""What only an overlay can get wrong; everything else is rules.py over the merged model.

An overlay names national ids (to change or hide them), keys of UI strings,
and files under docs/; those names are checked here, against the national
framework it applies to.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, path_to_str
from ..model import Framework
from ..retired_strings import RETIRED_STRINGS
from ..rules import unknown_id
from ..site_texts import FILLED_BY_BUILD
from ..text import placeholder_problem as placeholder_problem_for
from ..text import placeholders
from ..yamlsource import YamlDoc

MIN_CONTRAST = 4.5  # white header text on the primary colour (WCAG 1.4.3)
_WHAT = {"criteria": "criterion", "techniques": "technique", "checklist": "checklist question"}


def check_overlay(fw: Framework, doc: YamlDoc, docs_dir: Path) -> list[Problem]:
    data = doc.data
    out: list[Problem] = []

    def problem(path: tuple, message: str) -> None:
        out.append(Problem(doc.file, doc.line_of(path), path_to_str(path), message))

    hide = data.get("hide", {})
    hidden_techniques = set(hide.get("techniques", []))

    def known(path: tuple, value: str, what: str, ids: set[str]) -> bool:
        if value in ids:
            return True
        if what == "technique" and value in hidden_techniques:
            problem(
                path,
                f"expected a technique this edition shows, but received '{value}', which it hides",
            )
        else:
            out.append(unknown_id(doc, path, what, value, ids))
        return False

    if data["edition"]["id"] == fw.edition.id:
        problem(
            ("edition", "id"),
            f"expected an id of your own, but received '{fw.edition.id}' "
            "(the national edition's id: saved answers would collide)",
        )
    national_criteria = {c.id for c in fw.criteria()}
    national_techniques = {t.id for t in fw.techniques}
    added_techniques = {t["id"] for t in data.get("add_techniques", [])}
    for group, ids in (
        ("criteria", national_criteria),
        ("techniques", national_techniques),
        ("checklist", {q.id for q in fw.checklist.questions}),
    ):
        for i, value in enumerate(hide.get(group, [])):
            if value not in ids:
                out.append(unknown_id(doc, ("hide", group, i), _WHAT[group], value, ids))
    for key, change in data.get("elements", {}).items():
        known(("elements", key), key, "element", {e.id for e in fw.elements})
        for i, criterion in enumerate(change.get("add_criteria", [])):
            for j, ref in enumerate(criterion["opportunities"]):
                if ref in hidden_techniques:
                    known(
                        ("elements", key, "add_criteria", i, "opportunities", j),
                        ref,
                        "technique",
                        set(),
                    )
    for key, change in data.get("criteria", {}).items():
        if not known(("criteria", key), key, "criterion", national_criteria):
            continue
        if key in hide.get("criteria", []):
            problem(
                ("criteria", key),
                "expected changes only to criteria that are shown, but "
                "received changes to a criterion this edition hides",
            )
        for j, ref in enumerate(change.get("opportunities", [])):
            if ref in hidden_techniques:
                known(("criteria", key, "opportunities", j), ref, "technique", set())
    for key in data.get("techniques", {}):
        known(("techniques", key), key, "technique", national_techniques | added_techniques)
    for i, technique in enumerate(data.get("add_techniques", [])):
        for j, ref in enumerate(technique.get("related", [])):
            if ref in hidden_techniques:
                known(("add_techniques", i, "related", j), ref, "technique", set())
    for key in data.get("guides", {}):
        known(("guides", key), key, "guide", {g.id for g in fw.guides})
    s = fw.scale
    scale_ids = {o.id for o in (*s.levels, *s.unscored, *s.priorities, *s.checklist_answers)}
    for key in data.get("scale", {}):
        known(("scale", key), key, "scale answer", scale_ids)
    for key, text in data.get("strings", {}).items():
        # Strings the build fills in are checked by the model rules (national too).
        if key in RETIRED_STRINGS:
            problem(
                ("strings", key),
                f"expected a text kmsat still shows, but received '{key}', which this kmsat "
                "no longer uses: delete this line",
            )
            continue
        if known(("strings", key), key, "text key", set(fw.strings)) and key not in FILLED_BY_BUILD:
            message = placeholder_problem(text, fw.strings[key])
            if message:
                problem(("strings", key), message)
    out += check_branding(doc, docs_dir)
    return out


def placeholder_problem(text: str, national: str) -> str:
    """Why an edition's UI string cannot stand in for the national one ('' if it can)."""
    whose = "the placeholders the national text uses"
    return placeholder_problem_for(text, placeholders(national), whose)


def check_branding(doc: YamlDoc, docs_dir: Path) -> list[Problem]:
    branding = doc.data.get("branding", {})
    out = []

    def problem(key: str, message: str) -> None:
        path = ("branding", key)
        out.append(Problem(doc.file, doc.line_of(path), path_to_str(path), message))

    root = docs_dir.resolve()
    for key in ("logo", "favicon"):
        if key not in branding:
            continue
        value = branding[key]
        target = (docs_dir / value).resolve()
        if "\\" in value:
            problem(
                key,
                f"expected a path with / between folders (for example assets/{key}.svg), "
                f"but received '{value}', which uses \\",
            )
        elif Path(value).is_absolute() or not target.is_relative_to(root):
            problem(
                key,
                f"expected a path inside {docs_dir.name}/, written from there (for example "
                f"assets/{key}.svg), but received '{value}', which is outside it (copy the "
                f"file into {docs_dir.name}/)",
            )
        elif not target.is_file():
            inside = value.removeprefix(f"{docs_dir.name}/")
            hint = (
                f" (write it from inside {docs_dir.name}/: {inside})"
                if inside != value and (docs_dir / inside).is_file()
                else ""
            )
            problem(
                key,
                f"expected a file under {docs_dir.name}/, but received "
                f"'{value}', which does not exist{hint}",
            )
    colour = branding.get("primary_colour")
    if colour:
        ratio = contrast_with_white(colour)
        if ratio < MIN_CONTRAST:
            problem(
                "primary_colour",
                f"expected a colour dark enough for white "
                f"header text (contrast at least {MIN_CONTRAST}:1), but received {colour} "
                f"({ratio:.1f}:1)",
            )
    return out


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of white text on ``#rrggbb``."""

    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)
