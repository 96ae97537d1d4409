"""The site's navigation, following the four parts the guidance letter names."""

from __future__ import annotations

from .model import Framework
from .pages import STAGES
from .text import escape_text


def site_nav(fw: Framework, home: str = "index.md", extra_pages: list[str] = ()) -> list:
    """MkDocs ``nav``: home, then introduction, self-assessment, outcomes, action plan.

    Titles are escaped: the theme puts nav titles into pages as they are.

    ``extra_pages`` are hand-written pages; those that do not replace a
    generated page get a section of their own at the end.
    """

    def t(key: str) -> str:
        return escape_text(fw.strings.get(key, key))

    def guides(part: str) -> list:
        return [
            {escape_text(g.title): f"{g.id}.md"}
            for g in sorted(fw.guides, key=lambda g: g.order)
            if g.part == part
        ]

    stages = []
    for stage in STAGES:
        items = [
            {escape_text(tq.title): f"opportunities/{tq.id}.md"}
            for tq in fw.techniques
            if tq.stage == stage
        ]
        if items:
            stages.append({t(f"page.opportunities.stage.{stage}"): items})
    nav = [
        {t("page.nav.home"): home},
        {
            t("page.nav.introduction"): [
                {t("page.letter.title"): "letter.md"},
                {t("page.checklist.title"): "board-checklist.md"},
                *guides("introduction"),
            ]
        },
        {
            t("page.nav.assessment"): [
                {t("page.assessment.title"): "assessment.md"},
                {t("page.compare.title"): "compare.md"},
                {
                    t("page.nav.elements"): [
                        {escape_text(e.title): f"elements/{e.id}.md"} for e in fw.elements
                    ]
                },
                *guides("assessment"),
            ]
        },
        {
            t("page.nav.outcomes"): [
                {t("page.opportunities.title"): "opportunities/index.md"},
                *guides("outcomes"),
                *stages,
            ]
        },
        {t("page.nav.actionPlan"): guides("action-plan")},
    ]
    generated = set(_paths(nav))
    local = [page for page in extra_pages if page not in generated]
    if local:
        nav.append({t("page.nav.local"): local})
    return nav


def _paths(nav) -> list[str]:
    """Every page path in a nav structure."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _paths(value)]
    return [p for item in nav for p in _paths(item)]
