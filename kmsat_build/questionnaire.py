"""The questionnaire's data: what the browser reads from the assessment page."""

from __future__ import annotations

import hashlib
import json
import re

from .fallback import Fallback, fallback_language, keep_mark, mark_fallback
from .model import Framework
from .schema_check import load_schema
from .text import plain_text, text_with_links

prose = keep_mark(plain_text)  # a text the edition did not translate stays marked as national

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
                    "item": Fallback.of(item, section.body.lang)
                    if isinstance(section.body, Fallback)
                    else item,
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
    to the assessment page. In an edition in another language, ``fallback``
    says which texts are still the national ones (see ``fallback_block``).
    """

    fw = mark_fallback(fw)

    def option(o) -> dict:
        out = {"id": o.id, "label": o.label}
        if o.description:
            out["description"] = prose(o.description)
        return out

    def example_runs(body) -> list[dict]:
        runs = text_with_links(body)
        if isinstance(body, Fallback):
            for run in runs:
                run["text"] = Fallback.of(run["text"], body.lang)
        return runs

    data = {
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
                    "description": prose(lv.description),
                }
                for lv in fw.scale.levels
            ],
            "unscored": [option(o) for o in fw.scale.unscored],
            "priorities": [option(o) for o in fw.scale.priorities],
            "checklistAnswers": [option(o) for o in fw.scale.checklist_answers],
        },
        "checklist": [
            {"id": q.id, "question": q.question, "why": prose(q.why)}
            for q in fw.checklist.questions
        ],
        "elements": [
            {
                "id": e.id,
                "title": e.title,
                "summary": prose(e.summary),
                "url": url(f"elements/{e.id}.md"),
                "criteria": [
                    {
                        "id": c.id,
                        "title": c.title,
                        "statement": prose(c.statement),
                        "hint": prose(c.hint),
                        "localExamples": [
                            {"title": ex.title, "body": example_runs(ex.body)}
                            for ex in c.local_examples
                        ],
                        "levels": {k: prose(v) for k, v in c.levels.items()},
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
    language = fallback_language(fw)
    block = fallback_block(data, language) if language else None
    if block:
        data["fallback"] = block
    return data


# The parts of the data an edition translates (the rest are ids, numbers and the edition's own).
TRANSLATED = ("scale", "checklist", "elements", "agenda", "strings")
# Strings under these keys are ids and addresses, in no language: they neither are nor break a
# run of national text.
_NO_LANGUAGE = {"id", "url", "element"}


def fallback_block(data: dict, language: str) -> dict | None:
    """Where the data's texts are still in the national language, or None when none are.

    JSON pointers (RFC 6901): ``texts`` each point at a national text, or at
    an object or list whose texts are national except those ``except`` points
    at (what the edition translated there). Whichever is shorter is written,
    so a partial translation lists dozens of places, not hundreds.
    """
    texts, exceptions = _cover({k: data[k] for k in TRANSLATED}, "", None).national
    if not texts:
        return None
    block = {"language": language, "texts": texts}
    if exceptions:
        block["except"] = exceptions
    return block


class _Cover:
    """One part of the data: its national texts as (texts, except) pointers, and its own texts."""

    def __init__(self, national=([], []), own=(), has_national=False, has_own=False):
        self.national, self.own = national, list(own)
        self.has_national, self.has_own = has_national, has_own


def _cover(node, at: str, key) -> _Cover:
    if isinstance(node, str):
        if key in _NO_LANGUAGE or not node.strip():
            return _Cover()
        if isinstance(node, Fallback):
            return _Cover(national=([at], []), has_national=True)
        return _Cover(own=[at], has_own=True)
    if not isinstance(node, dict | list):
        return _Cover()
    items = node.items() if isinstance(node, dict) else enumerate(node)
    parts = [_cover(v, f"{at}/{_pointer_token(k)}", k) for k, v in items]
    has_national = any(p.has_national for p in parts)
    has_own = any(p.has_own for p in parts)
    one_by_one = (
        [t for p in parts for t in p.national[0]],
        [e for p in parts for e in p.national[1]],
    )
    own = [at] if has_own and not has_national and at else [o for p in parts for o in p.own]
    national = one_by_one
    if has_national and at and 1 + len(own) < sum(map(len, one_by_one)):
        national = ([at], own)  # all of it, but for what the edition translated
    return _Cover(national, own, has_national, has_own)


def _pointer_token(key) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")  # RFC 6901
