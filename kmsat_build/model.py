"""The framework as a typed model: what every renderer and emitter reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Src:
    """Where a model object's values were written: file and line, field by field.

    ``doc`` and ``base`` name the YAML document and the key path of the
    object in it; ``layers`` are later documents (an edition's overlay) that
    changed some of its fields, newest first: ``(doc, base, keys)`` says that
    the fields in ``keys`` now come from ``base`` in ``doc``. Rules ask
    ``at(field, ...)`` and report there, so one rule set serves the national
    framework and every edition.
    """

    doc: object = None  # a yamlsource.YamlDoc
    base: tuple = ()
    layers: tuple = ()

    def at(self, *rel) -> tuple[str, int]:
        for doc, base, keys in self.layers:
            if rel and rel[0] in keys:
                return doc.file, doc.line_of(self._in_layer(base, keys, rel))
        if self.doc is None:
            return "", 0
        return self.doc.file, self.doc.line_of(self.base + rel)

    def path(self, *rel) -> tuple:
        """The key path of ``rel`` in the file that wrote it."""
        for _doc, base, keys in self.layers:
            if rel and rel[0] in keys:
                return self._in_layer(base, keys, rel)
        return self.base + rel

    @staticmethod
    def _in_layer(base: tuple, keys, rel: tuple) -> tuple:
        # A layer made with exact=True names one place for all its keys.
        return base if "" in keys else base + rel

    def text_line(self, rel: tuple, offset: int) -> tuple[str, int]:
        """The line of character ``offset`` inside the text value at ``rel``."""
        for doc, base, keys in self.layers:
            if rel and rel[0] in keys:
                return doc.file, doc.line_in_text(self._in_layer(base, keys, rel), offset)
        if self.doc is None:
            return "", 0
        return self.doc.file, self.doc.line_in_text(self.base + rel, offset)

    def changed(self, doc, base: tuple, keys, exact: bool = False) -> Src:
        """This source with ``keys`` now written at ``base`` in ``doc``.

        ``exact``: every key is located at ``base`` itself (e.g. the `hide`
        list that changed them), not at ``base`` + the key.
        """
        keys = frozenset(keys) | ({""} if exact and keys else set())
        if not keys:
            return self
        return Src(self.doc, self.base, ((doc, base, keys), *self.layers))


NOWHERE = Src()


def src_field():
    """A model object's source: not part of its value (equality, repr)."""
    return field(default=NOWHERE, compare=False, repr=False)


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
    national_language: str = ""  # the national content's language (text not translated)
    src: Src = src_field()


@dataclass(frozen=True)
class Branding:
    """An edition's look: logo and favicon (paths under docs/), colours (#rrggbb)."""

    logo: str = ""
    favicon: str = ""
    primary_colour: str = ""
    accent_colour: str = ""
    src: Src = src_field()


@dataclass(frozen=True)
class LocalExample:
    """A local example of good practice or a local service, added by an edition."""

    title: str
    body: str
    src: Src = src_field()


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
    src: Src = src_field()


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
    src: Src = src_field()


@dataclass(frozen=True)
class ChecklistQuestion:
    id: str
    question: str
    why: str
    src: Src = src_field()


@dataclass(frozen=True)
class Checklist:
    intro: str
    questions: tuple[ChecklistQuestion, ...]
    src: Src = src_field()


@dataclass(frozen=True)
class Option:
    """A labelled choice: an unscored answer, a priority, a checklist answer."""

    id: str
    label: str
    description: str = ""
    src: Src = src_field()


@dataclass(frozen=True)
class Level:
    id: str
    value: int
    label: str
    description: str
    src: Src = src_field()


@dataclass(frozen=True)
class Scale:
    levels: tuple[Level, ...]
    unscored: tuple[Option, ...]
    priorities: tuple[Option, ...]
    checklist_answers: tuple[Option, ...]
    src: Src = src_field()


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
    src: Src = src_field()


@dataclass(frozen=True)
class Element:
    id: str
    order: int
    title: str
    summary: str
    description: str
    criteria: tuple[Criterion, ...]
    src: Src = src_field()


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
    src: Src = src_field()


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
    src: Src = src_field()


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
    strings_src: Src = src_field()
    source_files: tuple[str, ...] = ()
    # What an edition's `hide` removed, so messages can say so (a link to a hidden page).
    hidden_techniques: tuple[str, ...] = ()
    hidden_criteria: tuple[str, ...] = ()

    def technique(self, technique_id: str) -> Technique:
        return next(t for t in self.techniques if t.id == technique_id)

    def criteria(self) -> list[Criterion]:
        return [c for e in self.elements for c in e.criteria]

    def criteria_using(self, technique_id: str) -> list[Criterion]:
        """Criteria that name this technique as a development opportunity."""
        return [c for c in self.criteria() if technique_id in c.opportunities]
