"""Editions: a library team's overlay applied to the national framework.

An overlay (an edition's ``edition.yml``) changes only what it names:
branding, contacts, the letter, reworded or relabelled text, local examples,
added or hidden criteria, techniques and checklist questions, UI strings.
Everything else comes from the national framework installed with kmsat, so
a new kmsat release brings national updates in.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .errors import FrameworkError, Problem, path_to_str
from .loader import _element, _technique
from .model import (
    Branding,
    ChecklistQuestion,
    Contact,
    Criterion,
    Framework,
    HomePart,
    LocalExample,
    Role,
    Section,
    Signatory,
)
from .rules import UNSAFE_IDS, unknown_id
from .schema_check import check_against_schema
from .yamlsource import YamlDoc, load_yaml

MIN_CONTRAST = 4.5  # white header text on the primary colour (WCAG 1.4.3)


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
    if doc is not None and doc.data is not None:
        problems += check_against_schema(doc, "overlay")
    if problems:
        raise FrameworkError(problems)
    return doc


def apply_overlay(national: Framework, doc: YamlDoc, docs_dir: Path) -> Framework:
    """The edition: ``national`` changed as ``doc`` says, or FrameworkError."""
    problems = check_overlay(national, doc, docs_dir)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise FrameworkError(errors)
    edition_fw = _merge(national, doc.data)
    warnings = tuple(str(p) for p in problems if p.warning) + _unused_warnings(edition_fw, doc)
    return replace(edition_fw, warnings=warnings)


# --- checks -------------------------------------------------------------------------------


def check_overlay(fw: Framework, doc: YamlDoc, docs_dir: Path) -> list[Problem]:
    data = doc.data
    out: list[Problem] = []

    def problem(path: tuple, message: str, warning: bool = False) -> None:
        out.append(Problem(doc.file, doc.line_of(path), path_to_str(path), message, warning))

    def known(path: tuple, value: str, what: str, ids) -> bool:
        if value in ids:
            return True
        if what == "technique" and value in hidden_techniques:
            problem(
                path,
                f"expected a technique this edition shows, but received '{value}', which it hides",
            )
            return False
        out.append(unknown_id(doc, path, what, value, ids))
        return False

    hidden_techniques = set(data.get("hide", {}).get("techniques", []))
    if data["edition"]["id"] == fw.edition.id:
        problem(
            ("edition", "id"),
            f"expected an id of your own, but received '{fw.edition.id}' "
            "(the national edition's id: saved answers would collide)",
        )
    national_criteria = {c.id for c in fw.criteria()}
    national_techniques = {t.id for t in fw.techniques}
    added_techniques = [t["id"] for t in data.get("add_techniques", [])]
    added_criteria = [
        c["id"] for e in data.get("elements", {}).values() for c in e.get("add_criteria", [])
    ]
    hide = data.get("hide", {})
    for group, ids in (
        ("criteria", national_criteria),
        ("techniques", national_techniques),
        ("checklist", {q.id for q in fw.checklist.questions}),
    ):
        for i, value in enumerate(hide.get(group, [])):
            if value not in ids:
                out.append(unknown_id(doc, ("hide", group, i), _WHAT[group], value, ids))
    visible_techniques = (national_techniques | set(added_techniques)) - hidden_techniques

    _check_added_ids(doc, "add_techniques", added_techniques, national_techniques, problem)
    for key in data.get("elements", {}):
        known(("elements", key), key, "element", {e.id for e in fw.elements})
    for key, change in data.get("elements", {}).items():
        for i, criterion in enumerate(change.get("add_criteria", [])):
            base = ("elements", key, "add_criteria", i)
            if criterion["id"] in UNSAFE_IDS:
                problem(
                    base + ("id",),
                    f"expected an id other than {', '.join(sorted(UNSAFE_IDS))}, "
                    f"but received '{criterion['id']}'",
                )
            if criterion["id"] in national_criteria or added_criteria.count(criterion["id"]) > 1:
                problem(
                    base + ("id",),
                    f"expected a new criterion id, but received "
                    f"'{criterion['id']}', which is already used",
                )
            _check_levels(fw, criterion.get("levels", {}), base + ("levels",), problem, full=True)
            for j, ref in enumerate(criterion["opportunities"]):
                known(base + ("opportunities", j), ref, "technique", visible_techniques)
    for key, change in data.get("criteria", {}).items():
        if not known(("criteria", key), key, "criterion", national_criteria):
            continue
        if key in hide.get("criteria", []):
            problem(
                ("criteria", key),
                "expected changes only to criteria that are shown, but "
                "received changes to a criterion this edition hides",
            )
        _check_levels(fw, change.get("levels", {}), ("criteria", key, "levels"), problem)
        for j, ref in enumerate(change.get("opportunities", [])):
            known(("criteria", key, "opportunities", j), ref, "technique", visible_techniques)
    for key in data.get("techniques", {}):
        known(("techniques", key), key, "technique", national_techniques | set(added_techniques))
    for i, technique in enumerate(data.get("add_techniques", [])):
        for j, ref in enumerate(technique.get("related", [])):
            known(("add_techniques", i, "related", j), ref, "technique", visible_techniques)
    for key in data.get("guides", {}):
        known(("guides", key), key, "guide", {g.id for g in fw.guides})
    scale_ids = {o.id for group in _scale_groups(fw) for o in group}
    for key in data.get("scale", {}):
        known(("scale", key), key, "scale answer", scale_ids)
    question_ids = {q.id for q in fw.checklist.questions}
    for i, question in enumerate(data.get("checklist", {}).get("add", [])):
        if question["id"] in question_ids:
            problem(
                ("checklist", "add", i, "id"),
                f"expected a new checklist question id, but "
                f"received '{question['id']}', which is already used",
            )
        question_ids.add(question["id"])
    for key in data.get("strings", {}):
        known(("strings", key), key, "text key", set(fw.strings))
    _check_branding(data.get("branding", {}), docs_dir, problem)
    shown = national_criteria - set(hide.get("criteria", []))
    for element in fw.elements:
        left = [c for c in element.criteria if c.id in shown]
        if not left and not data.get("elements", {}).get(element.id, {}).get("add_criteria"):
            problem(
                ("hide", "criteria"),
                f"expected each element to keep at least one "
                f"criterion, but received a list that hides all of '{element.id}'",
            )
    return out


_WHAT = {"criteria": "criterion", "techniques": "technique", "checklist": "checklist question"}


def _check_added_ids(doc, key, ids, national, problem) -> None:
    for i, value in enumerate(ids):
        if value in national or ids.count(value) > 1:
            problem(
                (key, i, "id"),
                f"expected a new technique id, but received '{value}', which is already used",
            )


def _check_levels(fw: Framework, levels: dict, path: tuple, problem, full: bool = False) -> None:
    scale = [lv.id for lv in fw.scale.levels]
    extra = [k for k in levels if k not in scale]
    missing = [k for k in scale if k not in levels] if full else []
    if extra or missing:
        detail = "; ".join(
            filter(
                None,
                [
                    f"missing {', '.join(missing)}" if missing else "",
                    f"not on the scale: {', '.join(extra)}" if extra else "",
                ],
            )
        )
        expected = f"{len(scale)} levels" if full else "levels named on the scale"
        problem(
            path,
            f"expected {expected} ({', '.join(scale)}), but received "
            f"{', '.join(levels) or 'none'} ({detail})",
        )


def _check_branding(branding: dict, docs_dir: Path, problem) -> None:
    for key in ("logo", "favicon"):
        if key in branding and not (docs_dir / branding[key]).is_file():
            problem(
                ("branding", key),
                f"expected a file under {docs_dir.name}/, but received "
                f"'{branding[key]}', which does not exist",
            )
    colour = branding.get("primary_colour")
    if colour:
        ratio = contrast_with_white(colour)
        if ratio < MIN_CONTRAST:
            problem(
                ("branding", "primary_colour"),
                f"expected a colour dark enough for white "
                f"header text (contrast at least {MIN_CONTRAST}:1), but received {colour} "
                f"({ratio:.1f}:1)",
            )


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of white text on ``#rrggbb``."""

    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def _scale_groups(fw: Framework):
    s = fw.scale
    return (s.levels, s.unscored, s.priorities, s.checklist_answers)


def _unused_warnings(fw: Framework, doc: YamlDoc) -> tuple[str, ...]:
    used = {ref for c in fw.criteria() for ref in c.opportunities}
    return tuple(
        str(
            Problem(
                doc.file,
                doc.line_of(("hide",)),
                "hide.techniques",
                f"expected every technique to serve a criterion, but received "
                f"'{t.id}', which no shown criterion lists (hide it too?)",
                warning=True,
            )
        )
        for t in fw.techniques
        if t.id not in used
    )


# --- merge --------------------------------------------------------------------------------


def _technique_changes(change: dict) -> dict:
    """An edition's rewording of a national technique, as model fields."""
    out = {}
    for key, value in change.items():
        if key in ("title", "summary", "what", "when", "time", "output", "kls_role"):
            out[key] = value
        elif key in ("steps", "prepare", "watch_out"):
            out[key] = tuple(value)
        elif key == "roles":
            out[key] = tuple(Role(**r) for r in value)
    return out


def _examples(items) -> tuple[LocalExample, ...]:
    return tuple(LocalExample(e["title"], e["body"]) for e in items)


def _merge(fw: Framework, data: dict) -> Framework:
    hide = data.get("hide", {})
    hidden_criteria = set(hide.get("criteria", []))
    hidden_techniques = set(hide.get("techniques", []))
    criteria_changes = data.get("criteria", {})

    def criterion(c: Criterion) -> Criterion:
        change = criteria_changes.get(c.id, {})
        return replace(
            c,
            title=change.get("title", c.title),
            statement=change.get("statement", c.statement),
            hint=change.get("hint", c.hint),
            levels={**c.levels, **change.get("levels", {})},
            opportunities=tuple(
                t
                for t in change.get("opportunities", c.opportunities)
                if t not in hidden_techniques
            ),
            local_examples=c.local_examples + _examples(change.get("local_examples", [])),
        )

    elements = []
    for e in fw.elements:
        change = data.get("elements", {}).get(e.id, {})
        added = _element({**_element_stub(e), "criteria": change.get("add_criteria", [])}).criteria
        added = tuple(
            replace(c, local_examples=_examples(raw.get("local_examples", [])))
            for c, raw in zip(added, change.get("add_criteria", []), strict=True)
        )
        kept = tuple(criterion(c) for c in e.criteria if c.id not in hidden_criteria)
        elements.append(
            replace(
                e,
                title=change.get("title", e.title),
                summary=change.get("summary", e.summary),
                description=change.get("description", e.description),
                criteria=kept + added,
            )
        )
    techniques = []
    for t in fw.techniques:
        if t.id in hidden_techniques:
            continue
        change = data.get("techniques", {}).get(t.id, {})
        techniques.append(
            replace(
                t,
                **_technique_changes(change),
                related=tuple(r for r in t.related if r not in hidden_techniques),
                local_examples=t.local_examples + _examples(change.get("local_examples", [])),
            )
        )
    for raw in data.get("add_techniques", []):
        t = _technique(raw)
        change = data.get("techniques", {}).get(t.id, {})
        techniques.append(
            replace(
                t,
                local_examples=_examples(raw.get("local_examples", []))
                + _examples(change.get("local_examples", [])),
            )
        )
    techniques.sort(key=lambda t: t.title.lower())
    return replace(
        fw,
        edition=_edition(fw, data["edition"]),
        letter=_letter(fw, data.get("letter", {})),
        checklist=_checklist(fw, data.get("checklist", {}), set(hide.get("checklist", []))),
        scale=_scale(fw, data.get("scale", {})),
        elements=tuple(elements),
        techniques=tuple(techniques),
        guides=tuple(_guide(g, data.get("guides", {}).get(g.id, {})) for g in fw.guides),
        home=_home(fw, data.get("home", {})),
        strings={**fw.strings, **data.get("strings", {})},
        branding=Branding(**data.get("branding", {})),
        example=_example(fw.example, hidden_criteria),
    )


def _element_stub(e) -> dict:
    return {
        "id": e.id,
        "order": e.order,
        "title": e.title,
        "summary": e.summary,
        "description": e.description,
    }


def _edition(fw: Framework, ed: dict):
    national = fw.edition
    version = str(ed.get("version", "1"))
    contact = Contact(**ed["contact"])
    return replace(
        national,
        id=ed["id"],
        title=ed["title"],
        short_title=ed.get("short_title", ed["title"]),
        publisher=ed["publisher"],
        contact=contact,
        licence=ed.get("licence", national.licence),
        language=ed.get("language", national.language),
        description=ed.get("description", national.description),
        # semver build metadata: the national content plus this edition's own changes
        content_version=f"{national.content_version}+{ed['id']}.{version}",
        national_version=national.content_version,
    )


def _letter(fw: Framework, change: dict):
    letter = fw.letter
    fields = {k: v for k, v in change.items() if k not in ("signatory", "address")}
    if "signatory" in change:
        fields["signatory"] = Signatory(**{**vars(letter.signatory), **change["signatory"]})
    if "address" in change:
        fields["address"] = tuple(change["address"])
    if "body" in change and "context" not in change:
        fields["context"] = ""  # the national note describes the national letter only
    return replace(letter, **fields)


def _checklist(fw: Framework, change: dict, hidden: set[str]):
    questions = tuple(q for q in fw.checklist.questions if q.id not in hidden)
    questions += tuple(ChecklistQuestion(**q) for q in change.get("add", []))
    return replace(fw.checklist, intro=change.get("intro", fw.checklist.intro), questions=questions)


def _scale(fw: Framework, change: dict):
    def relabel(option):
        c = change.get(option.id, {})
        return replace(
            option,
            label=c.get("label", option.label),
            description=c.get("description", option.description),
        )

    s = fw.scale
    return replace(
        s,
        levels=tuple(map(relabel, s.levels)),
        unscored=tuple(map(relabel, s.unscored)),
        priorities=tuple(map(relabel, s.priorities)),
        checklist_answers=tuple(map(relabel, s.checklist_answers)),
    )


def _guide(guide, change: dict):
    fields = {k: v for k, v in change.items() if k in ("title", "intro")}
    if "sections" in change:
        fields["sections"] = tuple(Section(**s) for s in change["sections"])
    return replace(guide, **fields)


def _home(fw: Framework, change: dict):
    fields = {k: v for k, v in change.items() if k != "parts"}
    if "parts" in change:
        fields["parts"] = tuple(HomePart(**p) for p in change["parts"])
    return replace(fw.home, **fields)


def _example(example: dict | None, hidden: set[str]) -> dict | None:
    """The worked example without answers to criteria this edition hides."""
    if not example:
        return example
    answers = {k: v for k, v in example.get("answers", {}).items() if k not in hidden}
    plan = [r for r in example.get("plan", []) if r.get("criterion") not in hidden]
    return {**example, "answers": answers, "plan": plan}


__all__ = ["apply_overlay", "check_overlay", "contrast_with_white", "load_overlay"]
