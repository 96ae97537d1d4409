"""Render the generated pages (Markdown) from the model with Jinja2 templates."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from jinja2 import Environment, StrictUndefined

from .fallback import in_language, indent_marked, keep_mark, mark_fallback
from .links import from_page
from .model import Framework
from .precompiled import template_loader
from .questionnaire import questionnaire_data, session_details
from .site_texts import ABOUT_PAGE, contact_html
from .text import escape_html, escape_text, fill, one_line

STAGES = ("before", "during", "after", "any")


@dataclass(frozen=True)
class Page:
    """A generated page: where it lives in the site and its Markdown."""

    path: str
    title: str
    markdown: str


def environment() -> Environment:
    env = Environment(
        undefined=StrictUndefined,  # a typo in a template fails the build, not the page
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # we emit Markdown; HTML contexts use the `h` filter
        finalize=in_language,  # national text in an edition of another language says so
    )
    env.filters["one_line"] = keep_mark(one_line)
    env.filters["h"] = keep_mark(escape_html)  # inside HTML we write
    # A plain-text field in Markdown: its HTML shows as typed.
    env.filters["text"] = keep_mark(escape_text)
    env.filters["indent"] = indent_marked
    env.filters["yaml_str"] = json.dumps  # a JSON string is a safe YAML scalar
    # Shipped compiled (precompiled.py), when current for these options and filters.
    env.loader = template_loader(env)
    return env


def render_pages(fw: Framework, page_url=lambda path: path) -> list[Page]:
    """Every generated page of the site, in nav order.

    ``page_url`` maps a page path to its URL from the assessment page.
    """
    env = environment()
    fw = mark_fallback(fw)

    @keep_mark
    def ui_string(text: str) -> str:
        return escape_text(text)

    def t(key: str, **values: str) -> str:
        """A UI string: plain text, like a title (Markdown in it still works).

        ``values`` fill its placeholders before escaping, so they are escaped too;
        site_texts.FILLED_BY_BUILD lists each such string for the rules.
        """
        text = fw.strings.get(key, key)
        return ui_string(fill(text, **values) if values else text)

    common = {"fw": fw, "t": t, "scale": fw.scale, "contact_html": contact_html(fw)}
    pages = [
        Page(
            "index.md", fw.home.title, env.get_template("home.md.j2").render(**common, home=fw.home)
        ),
        Page(
            "letter.md",
            t("page.letter.title"),
            env.get_template("letter.md.j2").render(**common, letter=fw.letter),
        ),
        Page(
            "board-checklist.md",
            t("page.checklist.title"),
            env.get_template("checklist.md.j2").render(**common, checklist=fw.checklist),
        ),
    ]
    for guide in fw.guides:
        pages.append(
            Page(
                f"{guide.id}.md",
                guide.title,
                env.get_template("guide.md.j2").render(
                    **common, guide=guide, about=guide.id == ABOUT_PAGE
                ),
            )
        )
    data = questionnaire_data(fw, page_url)
    pages.append(
        Page(
            "assessment.md",
            t("page.assessment.title"),
            env.get_template("assessment.md.j2").render(
                **common, data_json=embed_json(data), details=session_details()
            ),
        )
    )
    pages.append(
        Page(
            "compare.md",
            t("page.compare.title"),
            env.get_template("compare.md.j2").render(**common, data_json=embed_json(data)),
        )
    )
    for element in fw.elements:
        pages.append(
            Page(
                f"elements/{element.id}.md",
                element.title,
                env.get_template("element.md.j2").render(**common, element=element),
            )
        )
    by_stage = {stage: [tq for tq in fw.techniques if tq.stage == stage] for stage in STAGES}
    pages.append(
        Page(
            "opportunities/index.md",
            t("page.opportunities.title"),
            env.get_template("opportunities.md.j2").render(**common, by_stage=by_stage),
        )
    )
    for technique in fw.techniques:
        pages.append(
            Page(
                f"opportunities/{technique.id}.md",
                technique.title,
                env.get_template("technique.md.j2").render(
                    **common,
                    technique=technique,
                    serves=fw.criteria_using(technique.id),
                    element_of={c.id: e for e in fw.elements for c in e.criteria},
                    related=[fw.technique(r) for r in technique.related],
                ),
            )
        )
    # Content links are written from the top of the site (links.py): make them
    # work from pages in a folder.
    return [
        Page(page.path, page.title, from_page(page.markdown, page.path.count("/")))
        for page in pages
    ]


def embed_json(data: dict) -> str:
    """JSON for the page's data attribute, escaped for an HTML attribute value.

    An attribute, not a <script type="application/json">: Material's instant
    navigation re-creates inline scripts as executable ones (without their
    type), which the CSP then refuses.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return html.escape(text, quote=True)
