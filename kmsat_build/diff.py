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

from .model import Framework

BASE_FILE = ".kmsat/base.json"


def national_fields(fw: Framework) -> dict[str, object]:
    """Every national field an overlay can replace or hide, by overlay-style path."""
    out: dict[str, object] = {}
    for key in ("address", "email", "salutation", "title", "body", "closing"):
        out[f"letter.{key}"] = getattr(fw.letter, key)
    out["letter.signatory"] = vars(fw.letter.signatory)
    out["home.intro"] = fw.home.intro
    out["home.parts"] = [vars(p) for p in fw.home.parts]
    out["checklist.intro"] = fw.checklist.intro
    for q in fw.checklist.questions:
        out[f"checklist.{q.id}"] = [q.question, q.why]
    s = fw.scale
    for option in (*s.levels, *s.unscored, *s.priorities, *s.checklist_answers):
        out[f"scale.{option.id}.label"] = option.label
        out[f"scale.{option.id}.description"] = option.description
    for e in fw.elements:
        for key in ("title", "summary", "description"):
            out[f"elements.{e.id}.{key}"] = getattr(e, key)
        for c in e.criteria:
            for key in ("title", "statement", "hint", "opportunities"):
                out[f"criteria.{c.id}.{key}"] = (
                    list(getattr(c, key)) if key == "opportunities" else getattr(c, key)
                )
            for level, text in c.levels.items():
                out[f"criteria.{c.id}.levels.{level}"] = text
    for t in fw.techniques:
        for key in ("title", "summary", "what", "when", "steps", "time"):
            value = getattr(t, key)
            out[f"techniques.{t.id}.{key}"] = list(value) if key == "steps" else value
    for g in fw.guides:
        out[f"guides.{g.id}.title"] = g.title
        out[f"guides.{g.id}.intro"] = g.intro
        out[f"guides.{g.id}.sections"] = [vars(x) for x in g.sections]
    for key, text in fw.strings.items():
        out[f"strings.{key}"] = text
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


def diff_report(national: Framework, edition: Framework, overlay: dict, base: dict | None) -> str:
    """The whole `kmsat diff` text: stable, line-oriented, reviewable."""
    ed = edition.edition
    lines = [
        f"Edition {ed.id} ({ed.title}), content {ed.content_version}",
        f"National content installed: {national.edition.content_version}",
        "",
    ]

    def section(title: str, items: list[str]) -> None:
        lines.append(f"{title}: {len(items) or 'none'}")
        lines.extend(f"  {item}" for item in items)
        lines.append("")

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
            f"{kind} {i}"
            for kind, key in (
                ("criterion", "criteria"),
                ("technique", "techniques"),
                ("checklist question", "checklist"),
            )
            for i in hide.get(key, [])
        ],
    )
    section("Reworded", overridden_paths(overlay))
    examples = [
        f"criterion {c.id}: {len(c.local_examples)}" for c in edition.criteria() if c.local_examples
    ]
    examples += [
        f"technique {t.id}: {len(t.local_examples)}" for t in edition.techniques if t.local_examples
    ]
    section("Local examples", examples)
    branding = [f"{k}: {v}" for k, v in vars(edition.branding).items() if v]
    section("Branding", branding)
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
    head = f"National changes since {base.get('national_version', '?')}"
    out = [f"{head} that your edition hides from its users: {len(hidden_changes) or 'none'}"]
    out += [f"  {item}" for item in hidden_changes]
    out += [
        "",
        f"National content new since {base.get('national_version', '?')}: {len(new) or 'none'}",
    ]
    out += [f"  {item}" for item in new]
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
