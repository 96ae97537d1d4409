"""Merge an overlay into the national model: the edition, each value's source kept.

Only the fields in editable.py are replaced; every changed value's source
becomes the overlay's line (``Src.changed``), and a value the overlay's
`hide` lists changed points at that list. Unknown ids are skipped here and
reported by overlay/checks.py, so merging never fails.
"""

from __future__ import annotations

from dataclasses import replace

from ..editable import fields_of
from ..loader import criterion_from_data, local_examples, technique_from_data
from ..model import (
    Branding,
    ChecklistQuestion,
    Contact,
    Criterion,
    Framework,
    HomePart,
    Role,
    Section,
    Signatory,
    Src,
)
from ..yamlsource import YamlDoc


def _value(field: str, value):
    """An overlay value as the model holds it (lists become tuples)."""
    if field == "sections":
        return tuple(Section(**s) for s in value)
    if field == "parts":
        return tuple(HomePart(**p) for p in value)
    if field == "roles":
        return tuple(Role(**r) for r in value)
    return tuple(value) if isinstance(value, list) else value


def _changes(group: str, change: dict) -> dict:
    return {f: _value(f, change[f]) for f in fields_of(group) if f in change}


def merge(fw: Framework, doc: YamlDoc) -> Framework:
    """``fw`` changed as the overlay ``doc`` says."""
    data = doc.data
    hide = data.get("hide", {})
    hidden_criteria = set(hide.get("criteria", []))
    hidden_techniques = set(hide.get("techniques", []))

    def criterion(c: Criterion) -> Criterion:
        change = data.get("criteria", {}).get(c.id, {})
        base = ("criteria", c.id)
        fields = _changes("criteria", change)
        src = c.src.changed(doc, base, fields)
        if "levels" in fields:
            fields["levels"] = {**c.levels, **change["levels"]}
        opportunities = fields.pop("opportunities", c.opportunities)
        kept = tuple(t for t in opportunities if t not in hidden_techniques)
        if kept != opportunities and "opportunities" not in change:
            src = src.changed(doc, ("hide", "techniques"), ["opportunities"], exact=True)
        return replace(
            c,
            **fields,
            opportunities=kept,
            local_examples=c.local_examples
            + local_examples(change.get("local_examples", []), doc, base),
            src=src,
        )

    elements = []
    for e in fw.elements:
        change = data.get("elements", {}).get(e.id, {})
        base = ("elements", e.id)
        added = tuple(
            replace(
                c, opportunities=tuple(t for t in c.opportunities if t not in hidden_techniques)
            )
            for c in (
                criterion_from_data(raw, e.id, doc, base + ("add_criteria", i))
                for i, raw in enumerate(change.get("add_criteria", []))
            )
        )
        kept = tuple(criterion(c) for c in e.criteria if c.id not in hidden_criteria)
        fields = _changes("elements", change)
        src = e.src.changed(doc, base, fields)
        if len(kept) < len(e.criteria):
            src = src.changed(doc, ("hide", "criteria"), ["criteria"], exact=True)
        elements.append(replace(e, **fields, criteria=kept + added, src=src))
    merged = replace(fw, elements=tuple(elements))
    return replace(
        merged,
        edition=_edition(fw, doc),
        letter=_letter(fw, doc),
        checklist=_checklist(fw, doc, set(hide.get("checklist", []))),
        scale=_scale(fw, doc),
        techniques=_techniques(fw, merged, doc, hidden_techniques),
        guides=tuple(_guide(g, doc) for g in fw.guides),
        home=_home(fw, doc),
        strings={**fw.strings, **data.get("strings", {})},
        strings_src=fw.strings_src.changed(doc, ("strings",), data.get("strings", {})),
        branding=Branding(**data.get("branding", {}), src=Src(doc, ("branding",))),
        example=_example(fw.example, hidden_criteria),
        hidden_techniques=tuple(t.id for t in fw.techniques if t.id in hidden_techniques),
        hidden_criteria=tuple(c.id for c in fw.criteria() if c.id in hidden_criteria),
    )


def _techniques(fw: Framework, merged: Framework, doc: YamlDoc, hidden: set[str]):
    data = doc.data
    used_nationally = {ref for c in fw.criteria() for ref in c.opportunities}
    used_here = {ref for c in merged.criteria() for ref in c.opportunities}
    out = []
    for t in fw.techniques:
        if t.id in hidden:
            continue
        change = data.get("techniques", {}).get(t.id, {})
        base = ("techniques", t.id)
        fields = _changes("techniques", change)
        src = t.src.changed(doc, base, fields)
        related = tuple(r for r in t.related if r not in hidden)
        if related != t.related:
            src = src.changed(doc, ("hide", "techniques"), ["related"], exact=True)
        if t.id in used_nationally and t.id not in used_here:  # the edition's hiding did it
            src = src.changed(doc, ("hide", "criteria"), ["id"], exact=True)
        out.append(
            replace(
                t,
                **fields,
                related=related,
                local_examples=t.local_examples
                + local_examples(change.get("local_examples", []), doc, base),
                src=src,
            )
        )
    for i, raw in enumerate(data.get("add_techniques", [])):
        t = technique_from_data(raw, doc, ("add_techniques", i))
        base = ("techniques", t.id)
        change = data.get("techniques", {}).get(t.id, {})
        fields = _changes("techniques", change)
        out.append(
            replace(
                t,
                **fields,
                related=tuple(r for r in t.related if r not in hidden),
                local_examples=t.local_examples
                + local_examples(change.get("local_examples", []), doc, base),
                src=t.src.changed(doc, base, fields),
            )
        )
    out.sort(key=lambda t: t.title.lower())
    return tuple(out)


def _edition(fw: Framework, doc: YamlDoc):
    national = fw.edition
    ed = doc.data["edition"]
    version = str(ed.get("version", "1"))
    return replace(
        national,
        id=ed["id"],
        title=ed["title"],
        short_title=ed.get("short_title", ed["title"]),
        publisher=ed["publisher"],
        contact=Contact(**ed["contact"]),
        licence=ed.get("licence", national.licence),
        language=ed.get("language", national.language),
        description=ed.get("description", national.description),
        # semver build metadata: the national content plus this edition's own changes
        content_version=f"{national.content_version}+{ed['id']}.{version}",
        national_version=national.content_version,
        national_language=national.language,
        src=national.src.changed(doc, ("edition",), ed),
    )


def _letter(fw: Framework, doc: YamlDoc):
    letter, change = fw.letter, doc.data.get("letter", {})
    fields = _changes("letter", change)
    if "signatory" in change:
        fields["signatory"] = Signatory(**{**vars(letter.signatory), **change["signatory"]})
    if "body" in change and "context" not in change:
        fields["context"] = ""  # the national note describes the national letter only
    return replace(letter, **fields, src=letter.src.changed(doc, ("letter",), fields))


def _checklist(fw: Framework, doc: YamlDoc, hidden: set[str]):
    change = doc.data.get("checklist", {})
    questions = tuple(q for q in fw.checklist.questions if q.id not in hidden)
    questions += tuple(
        ChecklistQuestion(**q, src=Src(doc, ("checklist", "add", i)))
        for i, q in enumerate(change.get("add", []))
    )
    fields = _changes("checklist", change)
    return replace(
        fw.checklist,
        **fields,
        questions=questions,
        src=fw.checklist.src.changed(doc, ("checklist",), fields),
    )


def _scale(fw: Framework, doc: YamlDoc):
    change = doc.data.get("scale", {})

    def relabel(option):
        fields = _changes("scale", change.get(option.id, {}))
        return replace(option, **fields, src=option.src.changed(doc, ("scale", option.id), fields))

    s = fw.scale
    return replace(
        s,
        levels=tuple(map(relabel, s.levels)),
        unscored=tuple(map(relabel, s.unscored)),
        priorities=tuple(map(relabel, s.priorities)),
        checklist_answers=tuple(map(relabel, s.checklist_answers)),
    )


def _guide(guide, doc: YamlDoc):
    fields = _changes("guides", doc.data.get("guides", {}).get(guide.id, {}))
    return replace(guide, **fields, src=guide.src.changed(doc, ("guides", guide.id), fields))


def _home(fw: Framework, doc: YamlDoc):
    fields = _changes("home", doc.data.get("home", {}))
    return replace(fw.home, **fields, src=fw.home.src.changed(doc, ("home",), fields))


def _example(example: dict | None, hidden: set[str]) -> dict | None:
    """The worked example without answers to criteria this edition hides."""
    if not example:
        return example
    answers = {k: v for k, v in example.get("answers", {}).items() if k not in hidden}
    plan = [r for r in example.get("plan", []) if r.get("criterion") not in hidden]
    return {**example, "answers": answers, "plan": plan}
