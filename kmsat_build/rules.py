"""Rules a JSON Schema cannot say, over the merged model: one rule set for all.

The national framework and every edition are checked by the same rules,
after merging (an edition is the national model with its overlay applied).
Each model object remembers where its values were written (``model.Src``),
so every problem names the file and line a person edits, national or the
team's own. Only what an overlay alone can get wrong (hiding an unknown id,
branding files, ...) is checked apart, in ``overlay/checks.py``.
"""

from __future__ import annotations

from .errors import Problem, did_you_mean, path_to_str
from .model import Framework, Src
from .site_texts import FILLED_BY_BUILD
from .text import placeholder_problem
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


def located(src: Src, rel: tuple, message: str, warning: bool = False) -> Problem:
    """A problem at field ``rel`` of the object ``src`` describes."""
    file, line = src.at(*rel)
    return Problem(file, line, path_to_str(src.path(*rel)), message, warning)


def unknown(src: Src, rel: tuple, what: str, value, known) -> Problem:
    hint = did_you_mean(value, sorted(known))
    return located(src, rel, f"expected the id of a known {what}, but received '{value}'{hint}")


def check_model(fw: Framework, also_known: set[str] = frozenset()) -> list[Problem]:
    """Every rule over one framework or edition model.

    ``also_known`` holds technique ids from files that parsed but failed their
    schema: a reference to them is not also reported as unknown.
    """
    problems: list[Problem] = []
    problems += _scale_rules(fw)
    national = set(fw.source_files)

    def first_national(items):  # a clash is reported at what an edition added
        return sorted(items, key=lambda item: item.src.at()[0] not in national)

    problems += _unique([(e.src, e.id) for e in fw.elements], "element id")
    problems += _unique([(c.src, c.id) for c in first_national(fw.criteria())], "criterion id")
    problems += _unique([(t.src, t.id) for t in first_national(fw.techniques)], "technique id")
    problems += _unique([(g.src, g.id) for g in fw.guides], "guide id")
    problems += _unique([(q.src, q.id) for q in fw.checklist.questions], "checklist question id")
    problems += _unique([(e.src, e.order) for e in fw.elements], "element order", ("order",))
    technique_ids = {t.id for t in fw.techniques} | set(also_known)
    level_ids = [lv.id for lv in fw.scale.levels]
    for element in fw.elements:
        problems += _element_rules(element, level_ids, technique_ids)
    for t in fw.techniques:
        for i, ref in enumerate(t.related):
            if ref not in technique_ids:
                problems.append(unknown(t.src, ("related", i), "technique", ref, technique_ids))
    for g in fw.guides:
        if g.id in RESERVED_SLUGS:
            problems.append(
                located(
                    g.src,
                    ("id",),
                    f"expected an id other than the build's own pages "
                    f"({', '.join(sorted(RESERVED_SLUGS))}), but received '{g.id}'",
                )
            )
    problems += _unsafe_ids(fw)
    problems += _unused_techniques(fw)
    problems += _filled_strings(fw)
    return problems


def _filled_strings(fw: Framework) -> list[Problem]:
    """A UI string the build fills in uses only the names it fills (else format() raises)."""
    out = []
    for key, names in FILLED_BY_BUILD.items():
        message = placeholder_problem(
            fw.strings.get(key, ""), set(names), "the placeholders the build fills in"
        )
        if message:
            out.append(located(fw.strings_src, (key,), message))
    return out


def _scale_rules(fw: Framework) -> list[Problem]:
    scale = fw.scale
    out = []
    values = [lv.value for lv in scale.levels]
    if values != [1, 2, 3, 4]:
        out.append(
            located(
                scale.src,
                ("levels",),
                f"expected level values 1, 2, 3, 4 in that order, but received "
                f"{', '.join(map(str, values))}",
            )
        )
    # Levels and unscored answers share one namespace (an answer is one of them).
    out += _unique([(o.src, o.id) for o in scale.levels + scale.unscored], "answer id")
    out += _unique([(o.src, o.id) for o in scale.priorities], "answer id")
    out += _unique([(o.src, o.id) for o in scale.checklist_answers], "answer id")
    return out


def _unique(items: list[tuple[Src, object]], what: str, rel: tuple = ("id",)) -> list[Problem]:
    """Report the second and later uses of any value, pointing at the first."""
    first: dict[object, Src] = {}
    out = []
    for src, value in items:
        if value in first:
            file, line = first[value].at(*rel)
            out.append(
                located(
                    src,
                    rel,
                    f"expected a unique {what}, but received '{value}', "
                    f"already used at {file}:{line}",
                )
            )
        else:
            first[value] = src
    return out


def _element_rules(element, level_ids: list[str], technique_ids: set[str]) -> list[Problem]:
    out = []
    if not element.criteria:
        out.append(
            located(
                element.src,
                ("criteria",),
                f"expected at least one criterion in element '{element.id}', "
                "but received none (an empty element)",
            )
        )
    for c in element.criteria:
        missing = [lv for lv in level_ids if lv not in c.levels]
        extra = [lv for lv in c.levels if lv not in level_ids]
        if missing or extra:
            found = ", ".join(c.levels) or "none"
            detail = "; ".join(
                filter(
                    None,
                    [
                        f"missing {', '.join(missing)}" if missing else "",
                        f"not on the scale: {', '.join(extra)}" if extra else "",
                    ],
                )
            )
            at = ("levels", extra[0]) if extra else ("levels",)
            out.append(
                located(
                    c.src,
                    at,
                    f"expected {len(level_ids)} levels (one per scale level: "
                    f"{', '.join(level_ids)}), but received {len(c.levels)} "
                    f"({found}; {detail})",
                )
            )
        if not c.opportunities:
            out.append(
                located(
                    c.src,
                    ("opportunities",),
                    f"expected at least one development opportunity for '{c.id}', "
                    "but received none",
                )
            )
        for j, ref in enumerate(c.opportunities):
            if ref not in technique_ids:
                out.append(unknown(c.src, ("opportunities", j), "technique", ref, technique_ids))
    return out


def _unsafe_ids(fw: Framework) -> list[Problem]:
    found = [(o.src, o.id) for o in (*fw.elements, *fw.techniques, *fw.criteria())]
    found += [(q.src, q.id) for q in fw.checklist.questions]
    return [
        located(
            src,
            ("id",),
            f"expected an id other than {', '.join(sorted(UNSAFE_IDS))} (names the browser "
            f"refuses in saved answers), but received '{value}'",
        )
        for src, value in found
        if value in UNSAFE_IDS
    ]


def _unused_techniques(fw: Framework) -> list[Problem]:
    used = {ref for c in fw.criteria() for ref in c.opportunities}
    return [
        located(
            t.src,
            ("id",),
            f"expected every technique to serve a criterion, but received "
            f"'{t.id}', which no shown criterion lists (hide it too, or list it)",
            warning=True,
        )
        for t in fw.techniques
        if t.id not in used
    ]


# --- the worked example (national only: an edition cannot change it) -------------------


def unknown_id(doc: YamlDoc, path: tuple, what: str, value, known) -> Problem:
    hint = did_you_mean(value, sorted(known))
    return Problem(
        doc.file,
        doc.line_of(path),
        path_to_str(path),
        f"expected the id of a known {what}, but received '{value}'{hint}",
    )


def parsed_criterion_ids(parsed: dict[str, list[YamlDoc]]) -> set[str]:
    """Criterion ids from every element file that parsed, valid or not."""
    out = set()
    for doc in parsed.get("element", []):
        criteria = doc.data.get("criteria") if isinstance(doc.data, dict) else None
        for c in criteria if isinstance(criteria, list) else []:
            if isinstance(c, dict) and isinstance(c.get("id"), str):
                out.add(c["id"])
    return out


def check_example(doc: YamlDoc, fw: Framework, criteria: set[str]) -> list[Problem]:
    """The worked example's answers name known criteria, levels and questions."""
    scale = fw.scale
    answers = {o.id for o in scale.levels + scale.unscored}
    priorities = {o.id for o in scale.priorities} | {""}
    checklist_answers = {o.id for o in scale.checklist_answers} | {""}
    questions = {q.id for q in fw.checklist.questions}
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
