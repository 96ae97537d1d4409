"""`kmsat diff`: what an edition changes, and national changes its overrides hide.

Reviewing an edition means two questions: what do we change against the
national content (for our own governance), and what has the national team
changed since we last looked that our overrides or hidden items now keep
from our users. The second needs a record of the national content we last
reviewed: `.kmsat/base.json`, a hash per national field.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .editable import EDITABLE, fields_of
from .model import Framework

BASE_FILE = ".kmsat/base.json"


def _plain(value):
    """A model value as JSON-able data (tuples to lists, objects to dicts)."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__ if k != "src"}
    return value


def _items(fw: Framework) -> dict[str, list[tuple[str, object]]]:
    """The national items of each editable group, by overlay key: (path prefix, item)."""
    s = fw.scale
    return {
        "letter": [("letter", fw.letter)],
        "home": [("home", fw.home)],
        "checklist": [("checklist", fw.checklist)],
        "scale": [
            (f"scale.{o.id}", o)
            for o in (*s.levels, *s.unscored, *s.priorities, *s.checklist_answers)
        ],
        "elements": [(f"elements.{e.id}", e) for e in fw.elements],
        "criteria": [(f"criteria.{c.id}", c) for c in fw.criteria()],
        "techniques": [(f"techniques.{t.id}", t) for t in fw.techniques],
        "guides": [(f"guides.{g.id}", g) for g in fw.guides],
    }


def national_fields(fw: Framework) -> dict[str, object]:
    """Every national field an overlay can replace or hide, by overlay-style path.

    The fields are editable.py's; a criterion's levels count one by one.
    """
    out: dict[str, object] = {}
    items = _items(fw)
    for entry in EDITABLE:
        for prefix, item in items[entry.group]:
            for key in fields_of(entry.group):
                if not hasattr(item, key):
                    continue
                value = getattr(item, key)
                if entry.group == "criteria" and key == "levels":
                    for level, text in value.items():
                        out[f"{prefix}.levels.{level}"] = text
                else:
                    out[f"{prefix}.{key}"] = _plain(value)
    for q in fw.checklist.questions:
        out[f"checklist.{q.id}"] = [q.question, q.why]
    for key, text in fw.strings.items():
        out[f"strings.{key}"] = text
    return out


# A new national item is named once ("new criterion x"), not field by field.
_ITEM_KINDS = {
    "criteria": "criterion",
    "techniques": "technique",
    "elements": "element",
    "guides": "guide",
    "scale": "scale answer",
}


def _by_item(paths: list[str], before: dict, word: str = "new") -> list[str]:
    known_items = {p.rsplit(".", 1)[0] for p in before} | {
        ".".join(p.split(".")[:2]) for p in before
    }
    out, seen = [], set()
    for path in paths:
        group, _, rest = path.partition(".")
        item = rest.split(".", 1)[0]
        if group in _ITEM_KINDS and f"{group}.{item}" not in known_items:
            if (group, item) not in seen:
                seen.add((group, item))
                out.append(f"{word} {_ITEM_KINDS[group]} {item}")
        elif group == "checklist" and path not in before and "." not in rest:
            out.append(f"{word} checklist question {rest}")
        else:
            out.append(path)
    return out


def _digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def base_record(national: Framework) -> dict:
    return {
        "national_version": national.edition.content_version,
        "fields": {path: _digest(v) for path, v in national_fields(national).items()},
    }


def overridden_paths(overlay: dict) -> list[str]:
    """Overlay entries that replace national text, as national field paths."""
    out = []
    for group in ("letter", "home"):
        out += [f"{group}.{k}" for k in overlay.get(group, {})]
    if "intro" in overlay.get("checklist", {}):
        out.append("checklist.intro")
    for option, change in overlay.get("scale", {}).items():
        out += [f"scale.{option}.{k}" for k in change]
    for group in ("elements", "criteria", "techniques", "guides"):
        for item, change in overlay.get(group, {}).items():
            for key, value in change.items():
                if key in ("add_criteria", "local_examples"):
                    continue
                if key == "levels":
                    out += [f"criteria.{item}.levels.{lv}" for lv in value]
                else:
                    out.append(f"{group}.{item}.{key}")
    out += [f"strings.{k}" for k in overlay.get("strings", {})]
    return out


def diff_report(national: Framework, overlay: dict, base: dict | None) -> str:
    """The whole `kmsat diff` text: stable, line-oriented, reviewable.

    It reads the overlay as written, not the merged edition, so it works when
    the national content no longer has something the edition changes.
    """
    ed = overlay["edition"]
    content = f"{national.edition.content_version}+{ed['id']}.{ed.get('version', '1')}"
    lines = [
        f"Edition {ed['id']} ({ed['title']}), content {content}",
        f"National content installed: {national.edition.content_version}",
        "",
    ]

    def section(title: str, items: list[str]) -> None:
        lines.append(f"{title}: {len(items) or 'none'}")
        lines.extend(f"  {item}" for item in items)
        lines.append("")

    present = set(national_fields(national))
    present |= {f"criteria.{c.id}" for c in national.criteria()}
    present |= {
        f"{g}.{i}"
        for g, ids in (
            ("techniques", [t.id for t in national.techniques]),
            ("elements", [e.id for e in national.elements]),
            ("guides", [g.id for g in national.guides]),
            ("checklist", [q.id for q in national.checklist.questions]),
        )
        for i in ids
    }

    def gone(path: str) -> str:
        """`path`, marked when the national content no longer has what it names."""
        item = ".".join(path.split(".")[:2])
        if path in present or item in present or path.split(".")[0] in ("letter", "home"):
            return path
        return f"{path} (removed nationally: delete it from edition.yml)"

    added = [
        f"criterion {c['id']} (in {e})"
        for e, ch in overlay.get("elements", {}).items()
        for c in ch.get("add_criteria", [])
    ]
    added += [f"technique {t['id']}" for t in overlay.get("add_techniques", [])]
    added += [f"checklist question {q['id']}" for q in overlay.get("checklist", {}).get("add", [])]
    section("Added", added)
    hide = overlay.get("hide", {})
    section(
        "Hidden",
        [
            gone(f"{key}.{i}").replace(f"{key}.", f"{kind} ", 1)
            for kind, key in (
                ("criterion", "criteria"),
                ("technique", "techniques"),
                ("checklist question", "checklist"),
            )
            for i in hide.get(key, [])
        ],
    )
    section("Reworded", [gone(p) for p in overridden_paths(overlay)])
    examples = [
        f"criterion {c['id']}: {len(c['local_examples'])}"
        for ch in overlay.get("elements", {}).values()
        for c in ch.get("add_criteria", [])
        if c.get("local_examples")
    ]
    examples += [
        f"criterion {cid}: {len(ch['local_examples'])}"
        for cid, ch in overlay.get("criteria", {}).items()
        if ch.get("local_examples")
    ]
    examples += [
        f"technique {t['id']}: {len(t['local_examples'])}"
        for t in overlay.get("add_techniques", [])
        if t.get("local_examples")
    ]
    examples += [
        f"technique {tid}: {len(ch['local_examples'])}"
        for tid, ch in overlay.get("techniques", {}).items()
        if ch.get("local_examples")
    ]
    section("Local examples", sorted(examples))
    section("Branding", [f"{k}: {v}" for k, v in overlay.get("branding", {}).items() if v])
    lines += _national_changes(national, overlay, base)
    return "\n".join(lines).rstrip() + "\n"


def _national_changes(national: Framework, overlay: dict, base: dict | None) -> list[str]:
    if base is None:
        return [
            "National changes since your last review: unknown (no .kmsat/base.json;",
            "  run `kmsat diff . --accept-national` to record the national content you reviewed)",
        ]
    now = {path: _digest(v) for path, v in national_fields(national).items()}
    before = base.get("fields", {})
    hide = overlay.get("hide", {})
    hidden_prefixes = [f"criteria.{i}." for i in hide.get("criteria", [])]
    hidden_prefixes += [f"techniques.{i}." for i in hide.get("techniques", [])]
    hidden_prefixes += [f"checklist.{i}" for i in hide.get("checklist", [])]
    overridden = set(overridden_paths(overlay))
    hidden_changes, new = [], []
    for path, digest in sorted(now.items()):
        if path not in before:
            new.append(path)
        elif before[path] != digest:
            if path in overridden:
                hidden_changes.append(f"{path} (your edition overrides it)")
            elif any(path.startswith(p) for p in hidden_prefixes):
                hidden_changes.append(f"{path} (your edition hides it)")
    removed = sorted(set(before) - set(now))
    overridden_or_hidden = overridden | {
        f"{key}.{i}" for key in ("criteria", "techniques", "checklist") for i in hide.get(key, [])
    }
    changed_items = {".".join(p.split(".")[:2]) for p in overridden_or_hidden}
    removed = [
        f"{p} (your edition changes or hides it: delete that from edition.yml)"
        if p in overridden_or_hidden
        or p.split(" ")[-1] in {i.split(".")[-1] for i in changed_items}
        else p
        for p in _by_item(removed, now, "removed")
    ]
    head = f"National changes since {base.get('national_version', '?')}"
    out = [f"{head} that your edition hides from its users: {len(hidden_changes) or 'none'}"]
    out += [f"  {item}" for item in hidden_changes]
    out += [
        "",
        f"National content new since {base.get('national_version', '?')}: {len(new) or 'none'}",
    ]
    out += [f"  {item}" for item in _by_item(new, before)]
    out += [
        "",
        f"National content removed since {base.get('national_version', '?')}: {len(removed) or 'none'}",
    ]
    out += [f"  {item}" for item in removed]
    return out


def read_base(folder: Path) -> dict | None:
    path = folder / BASE_FILE
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
