"""Rules a JSON Schema cannot say: uniqueness, cross-references, the scale.

Each rule reads schema-valid documents and returns located problems, so a
broken framework is reported in full in one run.
"""

from __future__ import annotations

from .errors import Problem, path_to_str
from .yamlsource import YamlDoc

# Ids that are JavaScript object property names: the browser refuses them in
# saved and imported answers (prototype-pollution guard), so answers to a
# criterion with such an id could never be kept.
UNSAFE_IDS = {"constructor", "prototype"}

# Page slugs the build itself uses; a guide may not take one.
RESERVED_SLUGS = {
    "index",
    "letter",
    "board-checklist",
    "assessment",
    "compare",
    "elements",
    "opportunities",
}


def check_rules(
    docs: dict[str, list[YamlDoc]], parsed: dict[str, list[YamlDoc]], sound: bool = True
) -> list[Problem]:
    """Cross-file rules over schema-valid ``docs``.

    ``parsed`` holds every file that parsed, valid or not: ids are collected
    from it too, so one broken technique file does not also make every
    reference to it look unknown.
    """
    scale = docs["scale"][0]
    problems: list[Problem] = []
    problems += _scale_rules(scale)
    level_ids = [lv["id"] for lv in scale.data["levels"]]
    technique_ids = _ids(parsed.get("technique", []))
    problems += _unique(docs.get("element", []), lambda d: [((), d.data["id"])], "element id")
    problems += _unique(docs.get("element", []), _criterion_ids, "criterion id")
    problems += _unique(docs.get("technique", []), lambda d: [((), d.data["id"])], "technique id")
    problems += _unique(docs.get("guide", []), lambda d: [((), d.data["id"])], "guide id")
    problems += _unique(docs.get("checklist", []), _question_ids, "checklist question id")
    problems += _unique(
        docs.get("element", []), lambda d: [(("order",), d.data["order"])], "element order"
    )
    for doc in docs.get("element", []):
        problems += _element_rules(doc, level_ids, technique_ids)
    for doc in docs.get("technique", []):
        for i, ref in enumerate(doc.data.get("related", [])):
            if ref not in technique_ids:
                problems.append(unknown_id(doc, ("related", i), "technique", ref, technique_ids))
    for doc in docs.get("guide", []):
        if doc.data["id"] in RESERVED_SLUGS:
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of(("id",)),
                    "id",
                    f"expected an id other than the build's own pages "
                    f"({', '.join(sorted(RESERVED_SLUGS))}), but received "
                    f"'{doc.data['id']}'",
                )
            )
    problems += _unsafe_ids(docs)
    problems += _unused_techniques(docs)
    # The worked example is checked against a sound framework only: otherwise
    # one broken element file would also make every answer to it "unknown".
    if "example" in docs and sound and not any(not p.warning for p in problems):
        problems += _example_rules(docs, parsed)
    return problems


def _scale_rules(doc: YamlDoc) -> list[Problem]:
    out = []
    values = [lv["value"] for lv in doc.data["levels"]]
    if values != [1, 2, 3, 4]:
        out.append(
            Problem(
                doc.file,
                doc.line_of(("levels",)),
                "levels",
                f"expected level values 1, 2, 3, 4 in that order, but received "
                f"{', '.join(map(str, values))}",
            )
        )
    seen: dict[str, tuple] = {}
    for group in ("levels", "unscored"):
        for i, option in enumerate(doc.data[group]):
            path = (group, i, "id")
            if option["id"] in seen:
                out.append(
                    _duplicate(doc, path, "answer", option["id"], doc.line_of(seen[option["id"]]))
                )
            else:
                seen[option["id"]] = path
    for group in ("priorities", "checklist_answers"):
        ids: dict[str, tuple] = {}
        for i, option in enumerate(doc.data[group]):
            path = (group, i, "id")
            if option["id"] in ids:
                out.append(
                    _duplicate(doc, path, "answer", option["id"], doc.line_of(ids[option["id"]]))
                )
            ids.setdefault(option["id"], path)
    return out


def _criterion_ids(doc: YamlDoc):
    return [(("criteria", i, "id"), c["id"]) for i, c in enumerate(doc.data["criteria"])]


def _question_ids(doc: YamlDoc):
    return [(("questions", i, "id"), q["id"]) for i, q in enumerate(doc.data["questions"])]


def _ids(docs: list[YamlDoc]) -> set[str]:
    return {
        d.data["id"] for d in docs if isinstance(d.data, dict) and isinstance(d.data.get("id"), str)
    }


def _unique(docs: list[YamlDoc], ids_of, what: str) -> list[Problem]:
    """Report the second and later uses of any id, pointing at the first."""
    first: dict[object, tuple[YamlDoc, tuple]] = {}
    out = []
    for doc in docs:
        for path, value in ids_of(doc):
            path = path if path else ("id",)
            if value in first:
                other, other_path = first[value]
                out.append(
                    Problem(
                        doc.file,
                        doc.line_of(path),
                        path_to_str(path),
                        f"expected a unique {what}, but received '{value}', "
                        f"already used at {other.file}:{other.line_of(other_path)}",
                    )
                )
            else:
                first[value] = (doc, path)
    return out


def _duplicate(doc: YamlDoc, path: tuple, what: str, value: str, first_line: int) -> Problem:
    return Problem(
        doc.file,
        doc.line_of(path),
        path_to_str(path),
        f"expected a unique {what} id, but received '{value}', already used at "
        f"{doc.file}:{first_line}",
    )


def unknown_id(doc: YamlDoc, path: tuple, what: str, value, known) -> Problem:
    import difflib

    guess = difflib.get_close_matches(str(value), sorted(known), n=1)
    hint = f" (did you mean '{guess[0]}'?)" if guess else ""
    return Problem(
        doc.file,
        doc.line_of(path),
        path_to_str(path),
        f"expected the id of a known {what}, but received '{value}'{hint}",
    )


def _element_rules(doc: YamlDoc, level_ids: list[str], technique_ids: set[str]) -> list[Problem]:
    out = []
    criteria = doc.data["criteria"]
    if not criteria:
        out.append(
            Problem(
                doc.file,
                doc.line_of(("criteria",)),
                "criteria",
                "expected at least one criterion, but received none (an empty element)",
            )
        )
    for i, criterion in enumerate(criteria):
        levels = criterion["levels"]
        missing = [lv for lv in level_ids if lv not in levels]
        extra = [lv for lv in levels if lv not in level_ids]
        if missing or extra:
            found = ", ".join(levels) or "none"
            detail = "; ".join(
                filter(
                    None,
                    [
                        f"missing {', '.join(missing)}" if missing else "",
                        f"not on the scale: {', '.join(extra)}" if extra else "",
                    ],
                )
            )
            out.append(
                Problem(
                    doc.file,
                    doc.line_of(("criteria", i, "levels")),
                    path_to_str(("criteria", i, "levels")),
                    f"expected {len(level_ids)} levels (one per scale level: "
                    f"{', '.join(level_ids)}), but received {len(levels)} "
                    f"({found}; {detail})",
                )
            )
        if not criterion["opportunities"]:
            out.append(
                Problem(
                    doc.file,
                    doc.line_of(("criteria", i, "opportunities")),
                    path_to_str(("criteria", i, "opportunities")),
                    "expected at least one development opportunity, but received none",
                )
            )
        for j, ref in enumerate(criterion["opportunities"]):
            if ref not in technique_ids:
                out.append(
                    unknown_id(
                        doc, ("criteria", i, "opportunities", j), "technique", ref, technique_ids
                    )
                )
    return out


def _unsafe_ids(docs: dict[str, list[YamlDoc]]) -> list[Problem]:
    found = []
    for doc in docs.get("element", []) + docs.get("technique", []):
        found.append((doc, ("id",), doc.data["id"]))
    for doc in docs.get("element", []):
        found += [(doc, ("criteria", i, "id"), c["id"]) for i, c in enumerate(doc.data["criteria"])]
    for doc in docs.get("checklist", []):
        found += [
            (doc, ("questions", i, "id"), q["id"]) for i, q in enumerate(doc.data["questions"])
        ]
    return [
        Problem(
            doc.file,
            doc.line_of(path),
            path_to_str(path),
            f"expected an id other than {', '.join(sorted(UNSAFE_IDS))} (names the browser "
            f"refuses in saved answers), but received '{value}'",
        )
        for doc, path, value in found
        if value in UNSAFE_IDS
    ]


def _unused_techniques(docs: dict[str, list[YamlDoc]]) -> list[Problem]:
    used = {
        ref
        for d in docs.get("element", [])
        for c in d.data["criteria"]
        for ref in c["opportunities"]
    }
    return [
        Problem(
            d.file,
            d.line_of(("id",)),
            "id",
            f"expected every technique to serve a criterion, but received "
            f"'{d.data['id']}', which no criterion lists",
            warning=True,
        )
        for d in docs.get("technique", [])
        if d.data["id"] not in used
    ]


def _parsed_criterion_ids(parsed: dict[str, list[YamlDoc]]) -> set[str]:
    """Criterion ids from every element file that parsed, valid or not."""
    out = set()
    for doc in parsed.get("element", []):
        criteria = doc.data.get("criteria") if isinstance(doc.data, dict) else None
        for c in criteria if isinstance(criteria, list) else []:
            if isinstance(c, dict) and isinstance(c.get("id"), str):
                out.add(c["id"])
    return out


def _example_rules(
    docs: dict[str, list[YamlDoc]], parsed: dict[str, list[YamlDoc]]
) -> list[Problem]:
    doc = docs["example"][0]
    scale = docs["scale"][0].data
    answers = {o["id"] for group in ("levels", "unscored") for o in scale[group]}
    priorities = {o["id"] for o in scale["priorities"]} | {""}
    checklist_answers = {o["id"] for o in scale["checklist_answers"]} | {""}
    criteria = _parsed_criterion_ids(parsed)
    questions = {q["id"] for d in docs.get("checklist", []) for q in d.data["questions"]}
    out = []
    for cid, answer in doc.data["answers"].items():
        if cid not in criteria:
            out.append(unknown_id(doc, ("answers", cid), "criterion", cid, criteria))
        if answer["level"] not in answers:
            out.append(
                unknown_id(doc, ("answers", cid, "level"), "level", answer["level"], answers)
            )
        if answer.get("priority", "") not in priorities:
            out.append(
                unknown_id(
                    doc,
                    ("answers", cid, "priority"),
                    "priority",
                    answer["priority"],
                    priorities - {""},
                )
            )
    for qid, answer in doc.data.get("checklist", {}).items():
        if qid not in questions:
            out.append(unknown_id(doc, ("checklist", qid), "checklist question", qid, questions))
        if answer["answer"] not in checklist_answers:
            out.append(
                unknown_id(
                    doc,
                    ("checklist", qid, "answer"),
                    "checklist answer",
                    answer["answer"],
                    checklist_answers - {""},
                )
            )
    for i, row in enumerate(doc.data.get("plan", [])):
        if row.get("criterion") and row["criterion"] not in criteria:
            out.append(
                unknown_id(doc, ("plan", i, "criterion"), "criterion", row["criterion"], criteria)
            )
    return out
