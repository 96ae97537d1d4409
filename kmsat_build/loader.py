"""Load a framework directory into a validated model, or report every problem."""

from __future__ import annotations

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
    Option,
    Role,
    Scale,
    Section,
    Signatory,
    Technique,
)
from .rules import check_rules
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
    rule_problems = check_rules(docs, parsed, sound=not problems) if _complete(docs) else []
    problems += rule_problems
    errors = [p for p in problems if not p.warning]
    if errors:
        raise FrameworkError(errors)
    framework = build_model(docs)
    warnings = tuple(str(p) for p in sorted(p for p in problems if p.warning))
    files = tuple(sorted(d.file for group in docs.values() for d in group))
    return _replace(framework, warnings=warnings, source_files=files)


def _complete(docs: dict[str, list[YamlDoc]]) -> bool:
    """Cross-file rules need the scale and at least the files that parsed."""
    return "scale" in docs


def _replace(framework: Framework, **changes) -> Framework:
    from dataclasses import replace

    return replace(framework, **changes)


def build_model(docs: dict[str, list[YamlDoc]]) -> Framework:
    """Turn schema-valid documents into the typed model."""
    ed = docs["edition"][0].data
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
    )
    le = docs["letter"][0].data
    letter = Letter(
        salutation=le["salutation"],
        title=le["title"],
        body=le["body"],
        closing=le["closing"],
        signatory=Signatory(**le["signatory"]),
        address=tuple(le.get("address", ())),
        email=le.get("email", ""),
        context=le.get("context", ""),
    )
    ch = docs["checklist"][0].data
    checklist = Checklist(
        ch.get("intro", ""), tuple(ChecklistQuestion(**q) for q in ch["questions"])
    )
    sc = docs["scale"][0].data
    scale = Scale(
        levels=tuple(Level(**lv) for lv in sc["levels"]),
        unscored=tuple(Option(**o) for o in sc["unscored"]),
        priorities=tuple(Option(**o) for o in sc["priorities"]),
        checklist_answers=tuple(Option(**o) for o in sc["checklist_answers"]),
    )
    elements = sorted(
        (_element(d.data) for d in docs.get("element", [])), key=lambda e: (e.order, e.id)
    )
    techniques = sorted(
        (_technique(d.data) for d in docs.get("technique", [])), key=lambda t: t.title.lower()
    )
    guides = sorted(
        (_guide(d.data) for d in docs.get("guide", [])), key=lambda g: (g.part, g.order, g.id)
    )
    strings = docs["strings"][0].data["strings"] if "strings" in docs else {}
    example = docs["example"][0].data if "example" in docs else None
    ho = docs["home"][0].data
    home = Home(
        ho["title"],
        ho["intro"],
        tuple(HomePart(**p) for p in ho["parts"]),
        ho.get("parts_heading", ""),
        ho.get("outro", ""),
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
    )


def _element(data: dict) -> Element:
    criteria = tuple(
        Criterion(
            id=c["id"],
            title=c["title"],
            statement=c["statement"],
            levels=dict(c["levels"]),
            opportunities=tuple(c["opportunities"]),
            hint=c.get("hint", ""),
            element_id=data["id"],
        )
        for c in data["criteria"]
    )
    return Element(
        data["id"], data["order"], data["title"], data["summary"], data["description"], criteria
    )


def _technique(data: dict) -> Technique:
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
    )


def _guide(data: dict) -> Guide:
    return Guide(
        data["id"],
        data["title"],
        data["part"],
        data["order"],
        data["intro"],
        tuple(Section(**s) for s in data["sections"]),
    )
