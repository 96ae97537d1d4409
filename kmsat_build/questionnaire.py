"""The questionnaire's data: what the browser reads from the assessment page."""

from __future__ import annotations

import hashlib
import json
import re

from .model import Framework
from .schema_check import load_schema
from .text import plain_text, text_with_links

FORMAT = "kmsat-questionnaire"
VERSION = 1


def session_details() -> dict:
    """The session's detail fields and capacities, as session.schema.json defines them.

    The paper form asks for the same details as the questionnaire, from the
    one definition of a session.
    """
    fields = load_schema("session")["$defs"]["details"]["properties"]
    return {
        "fields": [name for name in fields if name != "capacity"],
        "capacities": [c for c in fields["capacity"]["enum"] if c],
    }


def fingerprint(fw: Framework) -> str:
    """A short hash of the question set's ids.

    Rewording leaves it alone; adding, removing or moving a criterion, level
    or checklist question changes it, so exports say which set they answer.
    """
    shape = {
        "levels": [lv.id for lv in fw.scale.levels],
        "elements": [[e.id, [c.id for c in e.criteria]] for e in fw.elements],
        "checklist": [q.id for q in fw.checklist.questions],
    }
    canonical = json.dumps(shape, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


FACILITATOR_GUIDE = "facilitator-guide"
# A row of the agenda table: its first cell holds a duration ("10 minutes") or
# a span ("10 to 18"); the second names the item ("Leadership (5 criteria)").
_AGENDA_ROW = re.compile(r"^\|([^|]*\d[^|]*)\|\s*([^|]+?)\s*\|\s*$", re.MULTILINE)
_NUMBER = re.compile(r"\d+")


def _minutes(cell: str) -> int:
    """A duration's number, or a span's length: words in any language around them."""
    numbers = [int(n) for n in _NUMBER.findall(cell)]
    return max(0, numbers[1] - numbers[0]) if len(numbers) >= 2 else numbers[0]


def _element_named(item: str, elements) -> str | None:
    """The element an item names: its title, alone or before a bracket, colon or dash."""
    for e in elements:
        title = e.title.casefold()
        rest = item.casefold()[len(title) :]
        if item.casefold().startswith(title) and (not rest or not rest[0].isalnum()):
            return e.id
    return None


def agenda(fw: Framework) -> list[dict]:
    """The facilitator's guide's suggested agenda: minutes per item, in order.

    Read from the guide's table rows, so an edition that retimes or translates
    the table retimes present mode's timer too. An item named like an element
    carries that element's id (the timer's budget for its criteria).
    """
    guide = next((g for g in fw.guides if g.id == FACILITATOR_GUIDE), None)
    rows = []
    for section in guide.sections if guide else ():
        # Each table on its own: the agenda is the one that names an element (not, say, a key table).
        for table in re.split(r"\n(?!\|)", section.body):
            found = [
                {
                    "minutes": _minutes(cell),
                    "item": item,
                    "element": _element_named(item, fw.elements),
                }
                for cell, item in _AGENDA_ROW.findall(table)
            ]
            if any(row["element"] for row in found):
                rows += found
    return rows


def questionnaire_data(fw: Framework, url=lambda path: path) -> dict:
    """The JSON object embedded in the assessment page.

    ``url`` maps a page path (``elements/leadership.md``) to its URL relative
    to the assessment page.
    """

    def option(o) -> dict:
        out = {"id": o.id, "label": o.label}
        if o.description:
            out["description"] = plain_text(o.description)
        return out

    return {
        "format": FORMAT,
        "version": VERSION,
        "edition": {
            "id": fw.edition.id,
            "title": fw.edition.title,
            "shortTitle": fw.edition.short_title,
            "contentVersion": fw.edition.content_version,
            "publisher": fw.edition.publisher,
            "language": fw.edition.language,
            "nationalVersion": fw.edition.national_version,
        },
        "fingerprint": fingerprint(fw),
        "scale": {
            "levels": [
                {
                    "id": lv.id,
                    "value": lv.value,
                    "label": lv.label,
                    "description": plain_text(lv.description),
                }
                for lv in fw.scale.levels
            ],
            "unscored": [option(o) for o in fw.scale.unscored],
            "priorities": [option(o) for o in fw.scale.priorities],
            "checklistAnswers": [option(o) for o in fw.scale.checklist_answers],
        },
        "checklist": [
            {"id": q.id, "question": q.question, "why": plain_text(q.why)}
            for q in fw.checklist.questions
        ],
        "elements": [
            {
                "id": e.id,
                "title": e.title,
                "summary": plain_text(e.summary),
                "url": url(f"elements/{e.id}.md"),
                "criteria": [
                    {
                        "id": c.id,
                        "title": c.title,
                        "statement": plain_text(c.statement),
                        "hint": plain_text(c.hint),
                        "localExamples": [
                            {"title": ex.title, "body": text_with_links(ex.body)}
                            for ex in c.local_examples
                        ],
                        "levels": {k: plain_text(v) for k, v in c.levels.items()},
                        "opportunities": [
                            {
                                "id": tid,
                                "title": fw.technique(tid).title,
                                "url": url(f"opportunities/{tid}.md"),
                            }
                            for tid in c.opportunities
                        ],
                    }
                    for c in e.criteria
                ],
            }
            for e in fw.elements
        ],
        "agenda": agenda(fw),
        "strings": dict(fw.strings),
        "example": fw.example,
    }
