"""Generate a large framework (and a project that builds it) for the build and browser benchmarks.

    python benchmarks/gen_framework.py DEST [--elements 40] [--criteria 25] [--techniques 200]

Writes DEST/framework/ (the national edition, letter, checklist, scale,
strings, home and guides copied as they are; elements and techniques
generated) and DEST/mkdocs.yml (the national settings, pointing at it). The
prose is made up but as long as the national edition's, so pages weigh what
real ones would. Every technique serves a criterion and every criterion has
2-3 opportunities, so the strict build passes. The first element is
`leadership`, the id the home page and guides link to.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml
from common import ROOT, copy_config

COPIED = ["edition.yml", "letter.yml", "checklist.yml", "scale.yml", "strings.yml", "home.yml"]
STAGES = ["before", "during", "after", "any"]
WORDS = (
    "evidence knowledge learning board team service library staff patients decisions "
    "practice research lessons plans leaders shared regular review clear records "
    "networks programme quality improvement specialists partner reports outcomes "
    "colleagues experience guidance summaries questions projects priorities time "
    "resources organisation directorate support routine informal formal measures"
).split()


class Prose:
    """Deterministic made-up sentences of a given length."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def sentence(self, words: int) -> str:
        text = " ".join(self.rng.choice(WORDS) for _ in range(words))
        return text[0].upper() + text[1:] + "."

    def text(self, chars: int) -> str:
        out = []
        while sum(len(s) + 1 for s in out) < chars:
            out.append(self.sentence(self.rng.randint(8, 16)))
        return " ".join(out)

    def paragraphs(self, count: int, chars: int) -> str:
        return "\n\n".join(self.text(chars) for _ in range(count)) + "\n"


def element_id(e: int) -> str:
    return "leadership" if e == 0 else f"element-{e + 1:02d}"


def technique_id(t: int) -> str:
    return f"technique-{t + 1:03d}"


def opportunities(k: int, n_techniques: int) -> list[str]:
    """2-3 distinct technique ids for criterion number k; k % n covers every technique."""
    picks = [k % n_techniques, (k * 7 + 3) % n_techniques, (k * 13 + 5) % n_techniques]
    seen: list[int] = []
    for p in picks[: 2 + k % 2]:
        while p in seen:
            p = (p + 1) % n_techniques
        seen.append(p)
    return [technique_id(p) for p in seen]


def write_framework(dest: Path, elements: int, criteria: int, techniques: int) -> Path:
    src = ROOT / "framework"
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copy(src / name, dest / name)
    shutil.copytree(src / "guides", dest / "guides", dirs_exist_ok=True)
    prose = Prose(seed=elements * 1000 + criteria * 10 + techniques)
    levels = ["not-yet", "emerging", "developing", "embedded"]
    (dest / "elements").mkdir(exist_ok=True)
    k = 0
    for e in range(elements):
        eid = element_id(e)
        crits = []
        for c in range(criteria):
            crits.append(
                {
                    "id": f"e{e + 1:02d}-c{c + 1:02d}",
                    "title": f"Criterion {e + 1}.{c + 1} " + prose.sentence(3).rstrip("."),
                    "statement": prose.text(130),
                    "hint": prose.text(250),
                    "levels": {lv: prose.text(150) for lv in levels},
                    "opportunities": opportunities(k, techniques),
                }
            )
            k += 1
        doc = {
            "id": eid,
            "order": e + 1,
            "title": "Leadership" if e == 0 else f"Element {e + 1}",
            "summary": prose.text(120),
            "description": prose.paragraphs(2, 350),
            "criteria": crits,
        }
        _dump(dest / "elements" / f"{eid}.yml", doc)
    (dest / "techniques").mkdir(exist_ok=True)
    for t in range(techniques):
        doc = {
            "id": technique_id(t),
            "title": f"Technique {t + 1:03d}",
            "kind": "service" if t % 5 == 4 else "technique",
            "stage": STAGES[t % 4],
            "summary": prose.text(110),
            "what": prose.paragraphs(1, 330),
            "when": prose.paragraphs(1, 220),
            "steps": [prose.text(70) for _ in range(5)],
            "time": "Two to four hours",
            "related": [technique_id((t + d) % techniques) for d in (1, 2)][: t % 3],
            "roles": [{"who": prose.sentence(3), "does": prose.text(110)} for _ in range(3)],
            "prepare": [prose.text(70) for _ in range(4)],
            "output": prose.text(200),
            "kls_role": prose.text(150),
            "watch_out": [prose.text(90) for _ in range(3)],
        }
        _dump(dest / "techniques" / f"{technique_id(t)}.yml", doc)
    return dest


def _dump(path: Path, doc: dict) -> None:
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=88))


def make_project(dest: Path, elements: int, criteria: int, techniques: int) -> Path:
    """A buildable project in ``dest``; returns its mkdocs.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    write_framework(dest / "framework", elements, criteria, techniques)
    return copy_config(dest)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dest", type=Path)
    ap.add_argument("--elements", type=int, default=40)
    ap.add_argument("--criteria", type=int, default=25)
    ap.add_argument("--techniques", type=int, default=200)
    args = ap.parse_args()
    config = make_project(args.dest, args.elements, args.criteria, args.techniques)
    print(config)


if __name__ == "__main__":
    main()
