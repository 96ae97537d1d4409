"""The framework as a typed model: what every renderer and emitter reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    url: str = ""


@dataclass(frozen=True)
class Edition:
    id: str
    title: str
    short_title: str
    content_version: str  # national: x.y.z; an edition: x.y.z+<edition id>.<its version>
    publisher: str
    contact: Contact
    licence: str
    language: str
    description: str
    national_version: str = ""  # the national content version this is based on


@dataclass(frozen=True)
class Branding:
    """An edition's look: logo and favicon (paths under docs/), colours (#rrggbb)."""

    logo: str = ""
    favicon: str = ""
    primary_colour: str = ""
    accent_colour: str = ""


@dataclass(frozen=True)
class LocalExample:
    """A local example of good practice or a local service, added by an edition."""

    title: str
    body: str


@dataclass(frozen=True)
class HomePart:
    heading: str
    body: str


@dataclass(frozen=True)
class Home:
    title: str
    intro: str
    parts: tuple[HomePart, ...]
    parts_heading: str = ""
    outro: str = ""


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str = ""


@dataclass(frozen=True)
class Letter:
    salutation: str
    title: str
    body: str
    closing: str
    signatory: Signatory
    address: tuple[str, ...] = ()
    email: str = ""
    context: str = ""  # Markdown note shown above the letter, not part of its text


@dataclass(frozen=True)
class ChecklistQuestion:
    id: str
    question: str
    why: str


@dataclass(frozen=True)
class Checklist:
    intro: str
    questions: tuple[ChecklistQuestion, ...]


@dataclass(frozen=True)
class Option:
    """A labelled choice: an unscored answer, a priority, a checklist answer."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Level:
    id: str
    value: int
    label: str
    description: str


@dataclass(frozen=True)
class Scale:
    levels: tuple[Level, ...]
    unscored: tuple[Option, ...]
    priorities: tuple[Option, ...]
    checklist_answers: tuple[Option, ...]


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    statement: str
    levels: dict[str, str]  # scale level id -> descriptor for this criterion
    opportunities: tuple[str, ...]  # technique ids
    hint: str = ""
    element_id: str = ""
    local_examples: tuple[LocalExample, ...] = ()


@dataclass(frozen=True)
class Element:
    id: str
    order: int
    title: str
    summary: str
    description: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Role:
    """Who takes part in a technique and what they do."""

    who: str
    does: str


@dataclass(frozen=True)
class Technique:
    id: str
    title: str
    kind: str  # technique | service
    stage: str  # before | during | after | any
    summary: str
    what: str
    when: str
    steps: tuple[str, ...]
    time: str = ""
    # What a facilitator needs to run it (required in the schema).
    roles: tuple[Role, ...] = ()
    prepare: tuple[str, ...] = ()
    output: str = ""
    kls_role: str = ""  # what the library and knowledge service does
    watch_out: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    local_examples: tuple[LocalExample, ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    body: str


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    part: str
    order: int
    intro: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Framework:
    """A whole, validated edition of the framework."""

    edition: Edition
    letter: Letter
    checklist: Checklist
    scale: Scale
    elements: tuple[Element, ...]
    techniques: tuple[Technique, ...]
    guides: tuple[Guide, ...]
    home: Home
    strings: dict[str, str] = field(default_factory=dict)
    branding: Branding = Branding()
    example: dict | None = None
    warnings: tuple[str, ...] = ()
    source_files: tuple[str, ...] = ()

    def technique(self, technique_id: str) -> Technique:
        return next(t for t in self.techniques if t.id == technique_id)

    def criteria(self) -> list[Criterion]:
        return [c for e in self.elements for c in e.criteria]

    def criteria_using(self, technique_id: str) -> list[Criterion]:
        """Criteria that name this technique as a development opportunity."""
        return [c for c in self.criteria() if technique_id in c.opportunities]
