"""Load a framework directory into a validated model, or report every problem."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .errors import FrameworkError, Problem
from .model import (
    Checklist,
    ChecklistQuestion,
    Contact,
    Criterion,
    Edition,
    Element,
    Framework,
    Guide,
    Home,
    HomePart,
    Letter,
    Level,
    LocalExample,
    Option,
    Role,
    Scale,
    Section,
    Signatory,
    Src,
    Technique,
)
from .rules import check_example, check_model, parsed_criterion_ids
from .schema_check import check_against_schema
from .yamlsource import YamlDoc, load_yaml

# file (relative to the framework directory) -> schema name; folders hold many.
SINGLE_FILES = {
    "edition.yml": "edition",
    "letter.yml": "letter",
    "checklist.yml": "checklist",
    "scale.yml": "scale",
    "strings.yml": "strings",
    "home.yml": "home",
}
FOLDERS = {"elements": "element", "techniques": "technique", "guides": "guide"}
OPTIONAL = {"example.yml": "example"}


def read_documents(root: Path, label: str):
    """Parse and schema-check every framework file under ``root``.

    Returns schema-valid documents grouped by schema name, every document
    that parsed (valid or not), and problems. ``label`` is how
    the directory is named in messages (e.g. ``framework``).
    """
    docs: dict[str, list[YamlDoc]] = {}
    parsed: dict[str, list[YamlDoc]] = {}
    problems: list[Problem] = []
    if not root.is_dir():
        raise FrameworkError(
            [
                Problem(
                    label,
                    0,
                    "",
                    "expected a framework directory, but received a path that is not a directory",
                )
            ]
        )

    def take(path: Path, schema: str) -> None:
        name = f"{label}/{path.relative_to(root).as_posix()}"
        doc, found = load_yaml(path, name)
        problems.extend(found)
        if doc is None:
            return
        if doc.data is None:
            problems.append(
                Problem(name, 1, "", "expected a mapping of keys, but received an empty file")
            )
            return
        parsed.setdefault(schema, []).append(doc)
        found = check_against_schema(doc, schema)
        problems.extend(found)
        if not found:
            docs.setdefault(schema, []).append(doc)

    for filename, schema in SINGLE_FILES.items():
        path = root / filename
        if path.is_file():
            take(path, schema)
        else:
            problems.append(
                Problem(
                    f"{label}/{filename}",
                    0,
                    "",
                    "expected this file to exist, but received nothing (file not found)",
                )
            )
    for folder, schema in FOLDERS.items():
        files = sorted((root / folder).glob("*.yml")) if (root / folder).is_dir() else []
        if not files and schema != "guide":
            problems.append(
                Problem(
                    f"{label}/{folder}", 0, "", "expected a folder of .yml files, but received none"
                )
            )
        for path in files:
            take(path, schema)
    for filename, schema in OPTIONAL.items():
        if (root / filename).is_file():
            take(root / filename, schema)
    return docs, parsed, problems


def load_framework(root: str | Path, label: str | None = None) -> Framework:
    """Load, validate and return the framework in ``root``.

    Raises :class:`FrameworkError` listing every problem found (not just the
    first); warnings are returned on the model.
    """
    root = Path(root)
    label = label or root.name
    docs, parsed, problems = read_documents(root, label)
    framework = None
    if "scale" in docs:  # the rules need the scale; other broken files are stood in for
        framework = build_model(docs, stand_in=bool(problems))
        problems += check_model(framework, also_known=parsed_ids(parsed, "technique"))
        # The worked example is checked against a sound framework only: otherwise
        # one broken element file would also make every answer to it "unknown".
        if "example" in docs and not any(not p.warning for p in problems):
            problems += check_example(docs["example"][0], framework, parsed_criterion_ids(parsed))
    errors = [p for p in problems if not p.warning]
    if errors or framework is None:
        raise FrameworkError(errors)
    warnings = tuple(str(p) for p in sorted(p for p in problems if p.warning))
    files = tuple(sorted(d.file for group in docs.values() for d in group))
    return replace(framework, warnings=warnings, source_files=files)


def parsed_ids(parsed: dict[str, list[YamlDoc]], schema: str) -> set[str]:
    """Ids of every ``schema`` file that parsed, valid or not."""
    return {
        d.data["id"]
        for d in parsed.get(schema, [])
        if isinstance(d.data, dict) and isinstance(d.data.get("id"), str)
    }


# What stands in for a broken single file, so that the rules still run over
# the rest (every problem in one run); the build never sees a stand-in.
_STAND_INS = {
    "edition": {
        "id": "",
        "title": "",
        "content_version": "",
        "publisher": "",
        "contact": {"name": "", "email": ""},
        "licence": "",
        "language": "",
        "description": "",
    },
    "letter": {
        "salutation": "",
        "title": "",
        "body": "",
        "closing": "",
        "signatory": {"name": ""},
    },
    "checklist": {"questions": []},
    "home": {"title": "", "intro": "", "parts": []},
}


def build_model(docs: dict[str, list[YamlDoc]], stand_in: bool = False) -> Framework:
    """Turn schema-valid documents into the typed model, each value's source kept."""
    if stand_in:
        docs = dict(docs)
        for schema, data in _STAND_INS.items():
            docs.setdefault(schema, [YamlDoc(f"({schema} stand-in)", data)])
    ed_doc = docs["edition"][0]
    ed = ed_doc.data
    edition = Edition(
        id=ed["id"],
        title=ed["title"],
        short_title=ed.get("short_title", ed["title"]),
        content_version=ed["content_version"],
        publisher=ed["publisher"],
        contact=Contact(**ed["contact"]),
        licence=ed["licence"],
        language=ed["language"],
        description=ed["description"],
        national_version=ed["content_version"],
        src=Src(ed_doc),
    )
    le_doc = docs["letter"][0]
    le = le_doc.data
    letter = Letter(
        salutation=le["salutation"],
        title=le["title"],
        body=le["body"],
        closing=le["closing"],
        signatory=Signatory(**le["signatory"]),
        address=tuple(le.get("address", ())),
        email=le.get("email", ""),
        context=le.get("context", ""),
        src=Src(le_doc),
    )
    ch_doc = docs["checklist"][0]
    ch = ch_doc.data
    checklist = Checklist(
        ch.get("intro", ""),
        tuple(
            ChecklistQuestion(**q, src=Src(ch_doc, ("questions", i)))
            for i, q in enumerate(ch["questions"])
        ),
        src=Src(ch_doc),
    )
    sc_doc = docs["scale"][0]
    scale = scale_from_data(sc_doc.data, sc_doc)
    elements = sorted(
        (element_from_data(d.data, d) for d in docs.get("element", [])),
        key=lambda e: (e.order, e.id),
    )
    techniques = sorted(
        (technique_from_data(d.data, d) for d in docs.get("technique", [])),
        key=lambda t: t.title.lower(),
    )
    guides = sorted(
        (guide_from_data(d.data, d) for d in docs.get("guide", [])),
        key=lambda g: (g.part, g.order, g.id),
    )
    strings_doc = docs["strings"][0] if "strings" in docs else None
    strings = strings_doc.data["strings"] if strings_doc else {}
    example = docs["example"][0].data if "example" in docs else None
    ho_doc = docs["home"][0]
    ho = ho_doc.data
    home = Home(
        ho["title"],
        ho["intro"],
        tuple(HomePart(**p) for p in ho["parts"]),
        ho.get("parts_heading", ""),
        ho.get("outro", ""),
        src=Src(ho_doc),
    )
    return Framework(
        edition=edition,
        letter=letter,
        checklist=checklist,
        scale=scale,
        elements=tuple(elements),
        techniques=tuple(techniques),
        guides=tuple(guides),
        home=home,
        strings=dict(strings),
        example=example,
        strings_src=Src(strings_doc, ("strings",)) if strings_doc else Src(),
    )


def scale_from_data(data: dict, doc: YamlDoc | None = None) -> Scale:
    def options(group, cls):
        return tuple(cls(**o, src=Src(doc, (group, i))) for i, o in enumerate(data[group]))

    return Scale(
        levels=options("levels", Level),
        unscored=options("unscored", Option),
        priorities=options("priorities", Option),
        checklist_answers=options("checklist_answers", Option),
        src=Src(doc),
    )


def criterion_from_data(
    data: dict, element_id: str, doc: YamlDoc | None = None, base: tuple = ()
) -> Criterion:
    """One criterion as an element file (or an overlay's add_criteria) writes it."""
    return Criterion(
        id=data["id"],
        title=data["title"],
        statement=data["statement"],
        levels=dict(data["levels"]),
        opportunities=tuple(data["opportunities"]),
        hint=data.get("hint", ""),
        element_id=element_id,
        local_examples=local_examples(data.get("local_examples", ()), doc, base),
        src=Src(doc, base),
    )


def element_from_data(data: dict, doc: YamlDoc | None = None, base: tuple = ()) -> Element:
    criteria = tuple(
        criterion_from_data(c, data["id"], doc, base + ("criteria", i))
        for i, c in enumerate(data["criteria"])
    )
    return Element(
        data["id"],
        data["order"],
        data["title"],
        data["summary"],
        data["description"],
        criteria,
        src=Src(doc, base),
    )


def technique_from_data(data: dict, doc: YamlDoc | None = None, base: tuple = ()) -> Technique:
    return Technique(
        id=data["id"],
        title=data["title"],
        kind=data["kind"],
        stage=data["stage"],
        summary=data["summary"],
        what=data["what"],
        when=data["when"],
        steps=tuple(data["steps"]),
        time=data.get("time", ""),
        roles=tuple(Role(**r) for r in data.get("roles", ())),
        prepare=tuple(data.get("prepare", ())),
        output=data.get("output", ""),
        kls_role=data.get("kls_role", ""),
        watch_out=tuple(data.get("watch_out", ())),
        related=tuple(data.get("related", ())),
        local_examples=local_examples(data.get("local_examples", ()), doc, base),
        src=Src(doc, base),
    )


def guide_from_data(data: dict, doc: YamlDoc | None = None, base: tuple = ()) -> Guide:
    return Guide(
        data["id"],
        data["title"],
        data["part"],
        data["order"],
        data["intro"],
        tuple(Section(**s) for s in data["sections"]),
        src=Src(doc, base),
    )


def local_examples(items, doc: YamlDoc | None, base: tuple) -> tuple[LocalExample, ...]:
    return tuple(
        LocalExample(e["title"], e["body"], src=Src(doc, base + ("local_examples", i)))
        for i, e in enumerate(items)
    )
