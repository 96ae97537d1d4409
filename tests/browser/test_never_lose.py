"""Answers are never lost (issue #6, design invariant 6).

Fifty seeded random sequences of what a group does (rate, re-rate, set a
priority, type notes and details, add, edit, move and remove plan rows,
change step, import a file, reload) are played through the real page, one
click or one fill at a time. A Python model says what should be saved: a
port of the core's plan rules (core/plan.js syncPlan), so the plan's rows,
order and ids are checked exactly. After every sequence, and after every
reload, what is stored and what the page shows must equal the model.

Then the same guarantees when storage fills up midway and when it is off.
"""

from __future__ import annotations

import copy
import datetime
import json
import random
import re

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.test_questionnaire import open_app, open_plan_row, step
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

KEY = "kmsat:national:session"
FRAMEWORK = ROOT / "framework"
STRINGS = yaml.safe_load((FRAMEWORK / "strings.yml").read_text(encoding="utf-8"))["strings"]
ELEMENTS = sorted(
    (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (FRAMEWORK / "elements").glob("*.yml")),
    key=lambda e: e["order"],
)
SCALE = yaml.safe_load((FRAMEWORK / "scale.yml").read_text(encoding="utf-8"))
CRITERIA = [c["id"] for e in ELEMENTS for c in e["criteria"]]
TITLE = {c["id"]: c["title"] for e in ELEMENTS for c in e["criteria"]}
# Where each criterion is asked: its step's name and its number there ("2.3").
WHERE = {
    c["id"]: (f"{n}. {e['title']}", f"{n}.{i + 1}")
    for n, e in enumerate(ELEMENTS, 1)
    for i, c in enumerate(e["criteria"])
}
VALUE = {level["id"]: level["value"] for level in SCALE["levels"]}
TOP = max(VALUE.values())
LEVELS = {o["id"]: o["label"] for o in SCALE["levels"] + SCALE["unscored"]}
PRIORITIES = {p["id"]: p["label"] for p in SCALE["priorities"]} | {
    "": STRINGS["criterion.priority.none"]
}
RANK = {p["id"]: i for i, p in enumerate(SCALE["priorities"])}
DETAILS = {
    f: STRINGS[f"details.{f}.label"]
    for f in ["organisation", "team", "date", "facilitator", "participants", "rater", "purpose"]
}
ROW = ["action", "owner", "support", "due", "measure"]
STATUSES = ["not-started", "in-progress", "done"]
STEPS = [STRINGS[f"steps.{s}"] for s in ["details", "checklist"]] + [
    f"{n}. {e['title']}" for n, e in enumerate(ELEMENTS, 1)
]
PLAN_STEP, SHARE_STEP = STRINGS["steps.plan"], STRINGS["steps.share"]
STEPS += [STRINGS["steps.results"], PLAN_STEP, SHARE_STEP]


# ---------------------------------------------------------------- the model: what should be saved


def has_text(row: dict) -> bool:
    """core/model.js rowHasText."""
    filled = lambda f: row[f].strip() != ""  # noqa: E731
    return (
        any(filled(f) for f in ROW)
        or bool(row["status"])
        or row["agreed"]
        or (row["criterion"] is None and filled("title"))
    )


def blank_row(row_id: str, criterion: str | None) -> dict:
    return (
        {"id": row_id, "criterion": criterion, "title": ""}
        | {f: "" for f in ROW}
        | {"status": "", "agreed": False}
    )


class Model:
    """A session as the page should save it: details, answers, plan, dismissed."""

    def __init__(self, date: str):
        self.details = {f: "" for f in DETAILS} | {"date": date, "capacity": "", "role": ""}
        self.answers: dict[str, dict] = {}
        self.plan: list[dict] = []
        self.dismissed: list[str] = []

    # core/plan.js, line for line
    def eligible(self) -> dict:
        out = {}
        for order, cid in enumerate(CRITERIA):
            answer = self.answers.get(cid)
            value = answer and VALUE.get(answer["level"])
            if not value or value >= TOP:
                continue
            out[cid] = (RANK.get(answer["priority"], len(RANK)), value, order)
        return out

    @staticmethod
    def next_row_id(plan: list[dict]) -> str:
        numbers = [int(m[1]) for r in plan if (m := re.fullmatch(r"row-(\d+)", r["id"]))]
        return f"row-{max([0, *numbers]) + 1}"

    def sync(self, changed: str | None = None) -> None:
        eligible = self.eligible()
        kept = [
            r
            for r in self.plan
            if r["criterion"] is None
            or has_text(r)
            or (r["criterion"] in eligible and r["criterion"] != changed)
        ]
        present = {r["criterion"] for r in kept}
        new = sorted(
            (c for c in eligible if c not in present and c not in self.dismissed),
            key=lambda c: eligible[c],
        )
        plan = kept
        for cid in new:
            key, at, last = eligible[cid], -1, -1
            for i, r in enumerate(plan):
                other = None if r["criterion"] is None else eligible.get(r["criterion"])
                if not other:
                    continue
                last = i
                if at == -1 and other > key:
                    at = i
            if at == -1:
                at = len(plan) if last == -1 else last + 1
            plan = plan[:at] + [blank_row(self.next_row_id(plan), cid)] + plan[at:]
        self.plan = plan

    def set_answer(self, cid: str, name: str, value: str) -> None:
        entry = self.answers.setdefault(cid, {"level": "", "priority": "", "notes": ""})
        entry[name] = value
        self.sync(cid if name != "notes" else None)

    def update_row(self, row_id: str, changes: dict) -> None:
        for row in self.plan:
            if row["id"] == row_id:
                fields = ROW + (["title"] if row["criterion"] is None else [])
                row.update({k: v for k, v in changes.items() if k in fields + ["status"]})
        self.sync()

    def remove_row(self, row_id: str) -> None:
        row = next(r for r in self.plan if r["id"] == row_id)
        if row["criterion"] is not None and row["criterion"] not in self.dismissed:
            self.dismissed.append(row["criterion"])
        self.plan = [r for r in self.plan if r["id"] != row_id]
        self.sync()

    def move_row(self, row_id: str, delta: int) -> None:
        at = next(i for i, r in enumerate(self.plan) if r["id"] == row_id)
        to = max(0, min(len(self.plan) - 1, at + delta))
        self.plan.insert(to, self.plan.pop(at))
        self.sync()

    def title(self, row: dict) -> str:
        if row["criterion"] is None:
            return row["title"] or STRINGS["plan.custom.untitled"]
        return TITLE[row["criterion"]]

    def saved(self) -> dict:
        """What a stored or exported session must hold (entries with nothing in them aside)."""
        return {
            "details": self.details,
            "answers": {k: v for k, v in self.answers.items() if any(v.values())},
            "plan": self.plan,
            "dismissed": self.dismissed,
        }

    def export(self, session_id: str) -> bytes:
        return json.dumps(
            {
                "format": "kmsat-session",
                "version": 1,
                "edition": {"id": "national"},
                "id": session_id,
                "revision": 7,
                "savedAt": "2026-01-01T10:00:00.000Z",
                "checklist": {},
                **copy.deepcopy(self.saved()),
            }
        ).encode()


def saved_part(session: dict) -> dict:
    return {
        "details": session["details"],
        "answers": {k: v for k, v in session["answers"].items() if any(v.values())},
        "plan": session["plan"],
        "dismissed": session["dismissed"],
    }


# ---------------------------------------------------------------- the page, driven for real


class Driver:
    """Clicks and fills on the page, each mirrored in the model."""

    def __init__(self, page, rng: random.Random, model: Model):
        self.page, self.rng, self.model = page, rng, model
        self.at = STEPS[0]
        self.log: list[str] = []

    def go(self, name: str) -> None:
        if self.at != name:
            step(self.page, name).click()
            expect(self.page.locator(".kmsat-heading")).to_have_text(name)
            self.at = name

    def text(self) -> str:
        words = ["evidence", "Board", "“quoted”", "café", "=1+1", "<b>bold</b>", "ü", "line\nbreak"]
        return " ".join(self.rng.choice(words) for _ in range(self.rng.randint(1, 4)))

    def rows(self):
        return self.page.locator(".kmsat-body li.kmsat-row")

    def plan_row(self, i: int):
        """Row i on screen, after checking the screen's rows are the model's, in order."""
        ids = self.rows().evaluate_all("rows => rows.map(r => r.dataset.row)")
        assert ids == [r["id"] for r in self.model.plan], (ids, self.log)
        return self.rows().nth(i)

    # --- the actions ---------------------------------------------------------

    def rate(self) -> None:
        cid = self.rng.choice(CRITERIA)
        current = self.model.answers.get(cid, {}).get("level", "")
        level = self.rng.choice([lv for lv in LEVELS if lv != current])
        step_name, number = WHERE[cid]
        self.go(step_name)
        group = self.page.get_by_role("group", name=re.compile(rf"^{re.escape(number)} "))
        group.get_by_role("radio", name=re.compile("^" + re.escape(LEVELS[level]))).check()
        self.model.set_answer(cid, "level", level)
        self.log.append(f"rate {cid} {level}")

    def clear(self) -> None:
        cid = self.rng.choice(list(self.model.answers) or CRITERIA)
        step_name, number = WHERE[cid]
        self.go(step_name)
        group = self.page.get_by_role("group", name=re.compile(rf"^{re.escape(number)} "))
        group.get_by_role("button", name=STRINGS["criterion.clear"]).click()
        self.model.set_answer(cid, "level", "")
        self.log.append(f"clear {cid}")

    def prioritise(self) -> None:
        cid = self.rng.choice(list(self.model.answers) + CRITERIA[:4])
        current = self.model.answers.get(cid, {}).get("priority", "")
        priority = self.rng.choice([p for p in PRIORITIES if p != current])
        self.go(WHERE[cid][0])
        group = self.page.get_by_role(
            "group", name=STRINGS["criterion.priority.legend"].format(title=TITLE[cid])
        )
        group.get_by_role("radio", name=PRIORITIES[priority], exact=True).check()
        self.model.set_answer(cid, "priority", priority)
        self.log.append(f"priority {cid} {priority!r}")

    def note(self) -> None:
        cid = self.rng.choice(list(self.model.answers) + CRITERIA[:4])
        text = self.text() if self.rng.random() > 0.15 else ""
        self.go(WHERE[cid][0])
        name = STRINGS["criterion.notes.labelFor"].format(title=TITLE[cid])
        self.page.get_by_role("textbox", name=name).fill(text)
        self.model.set_answer(cid, "notes", text)
        self.log.append(f"note {cid}")

    def detail(self) -> None:
        field = self.rng.choice(list(DETAILS))
        text = self.text().replace("\n", " ") if field != "participants" else self.text()
        self.go(STEPS[0])
        self.page.get_by_role("textbox", name=DETAILS[field], exact=True).fill(text)
        self.model.details[field] = text
        self.model.sync()
        self.log.append(f"detail {field}")

    def switch(self) -> None:
        self.go(self.rng.choice([s for s in STEPS if s != self.at]))
        self.log.append(f"go {self.at}")

    def add_row(self) -> None:
        self.go(PLAN_STEP)
        self.page.get_by_role("button", name=STRINGS["plan.add"]).click()
        # The group's own action is agreed from the start.
        self.model.plan.append(
            blank_row(Model.next_row_id(self.model.plan), None) | {"agreed": True}
        )
        self.model.sync()
        row_id = self.model.plan[-1]["id"]
        title = f"Own action {row_id}"
        box = self.page.get_by_role("textbox", name=STRINGS["plan.custom.title.label"])
        expect(box.last).to_be_focused()
        box.last.fill(title)
        self.model.update_row(row_id, {"title": title})
        self.log.append(f"add {row_id}")

    def edit_row(self) -> None:
        if not self.model.plan:
            return self.rate()
        self.go(PLAN_STEP)
        i = self.rng.randrange(len(self.model.plan))
        row = open_plan_row(self.plan_row(i))
        row_id = self.model.plan[i]["id"]
        if self.rng.random() < 0.2:
            status = self.rng.choice([""] + STATUSES)
            row.locator("select").select_option(status)
            changes = {"status": status}
        else:
            field = self.rng.choice(ROW)
            text = self.text() if self.rng.random() > 0.25 else ""
            if field not in ("action", "measure"):
                text = text.replace("\n", " ")
            row.locator(f".kmsat-field--{field} .kmsat-input").fill(text)
            changes = {field: text}
        self.model.update_row(row_id, changes)
        self.log.append(f"edit {row_id} {changes}")

    def remove_row(self) -> None:
        if not self.model.plan:
            return self.rate()
        self.go(PLAN_STEP)
        i = self.rng.randrange(len(self.model.plan))
        row_id = self.model.plan[i]["id"]
        self.plan_row(i).locator("[data-act=remove]").click()
        if has_text(self.model.plan[i]):
            dialog = self.page.locator("dialog.kmsat-dialog")
            dialog.get_by_role("button", name=STRINGS["confirm.yes"]).click()
            expect(dialog).to_have_count(0)
        self.model.remove_row(row_id)
        expect(self.rows()).to_have_count(len(self.model.plan))
        self.log.append(f"remove {row_id}")

    def move_row(self) -> None:
        if len(self.model.plan) < 2:
            return self.add_row() if self.model.plan else self.rate()
        self.go(PLAN_STEP)
        i = self.rng.randrange(len(self.model.plan))
        delta = -1 if i == len(self.model.plan) - 1 or (i > 0 and self.rng.random() < 0.5) else 1
        row_id = self.model.plan[i]["id"]
        self.plan_row(i).locator("[data-act=up]" if delta < 0 else "[data-act=down]").click()
        self.model.move_row(row_id, delta)
        expect(self.rows().nth(i + delta)).to_have_attribute("data-row", row_id)
        self.log.append(f"move {row_id} {delta}")

    def import_file(self) -> None:
        """A valid export, made from a model of its own, imported once the user confirms."""
        other = Model(f"2026-0{self.rng.randint(1, 9)}-1{self.rng.randint(0, 9)}")
        for cid in self.rng.sample(CRITERIA, 4):
            other.answers[cid] = {
                "level": self.rng.choice(list(LEVELS)),
                "priority": self.rng.choice(list(PRIORITIES)),
                "notes": self.text(),
            }
        other.details["organisation"] = self.text().replace("\n", " ")
        other.sync()
        if other.plan:
            other.plan[0]["action"] = "Imported action"
        other.plan.append(
            blank_row(Model.next_row_id(other.plan), None) | {"title": "Imported own"}
        )
        name = f"import-{self.rng.randrange(10**6)}.json"
        self.go(SHARE_STEP)
        self.page.get_by_label(STRINGS["import.file.label"]).set_input_files(
            files=[{"name": name, "mimeType": "application/json", "buffer": other.export("imp")}]
        )
        self.page.get_by_role("button", name=STRINGS["import.button"], exact=True).click()
        self.page.locator("dialog.kmsat-dialog").get_by_role(
            "button", name=STRINGS["import.replace"]
        ).click()
        expect(self.page.locator("[data-notice=import]")).to_contain_text(name)
        other.sync()
        self.model.__dict__.update(copy.deepcopy(other.__dict__))
        self.log.append(f"import {name}")

    def reload(self) -> None:
        self.page.reload()
        self.page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
        self.log.append("reload")
        check_stored(self.page, self.model, self.log)
        check_current_step(self, self.log)

    ACTIONS = {
        "rate": 6,
        "prioritise": 3,
        "note": 2,
        "clear": 1,
        "detail": 1.5,
        "switch": 1,
        "add_row": 1,
        "edit_row": 4,
        "remove_row": 1.5,
        "move_row": 4,
        "import_file": 0.4,
        "reload": 0.8,
    }

    def random_action(self) -> None:
        names = list(self.ACTIONS)
        getattr(self, self.rng.choices(names, weights=list(self.ACTIONS.values()))[0])()


# ---------------------------------------------------------------- checks


def stored(page) -> dict:
    return json.loads(page.evaluate("(k) => localStorage.getItem(k)", KEY))


def check_stored(page, model: Model, log) -> None:
    assert saved_part(stored(page)) == model.saved(), log


READ_STEP = """() => ({
  details: Object.fromEntries([...document.querySelectorAll('.kmsat-body .kmsat-field .kmsat-input')]
    .map((el) => [document.querySelector('label[for="' + el.id + '"]').textContent, el.value])),
  criteria: [...document.querySelectorAll('.kmsat-body .kmsat-criterion')].map((c) => {
    const [rating, priority] = c.querySelectorAll('fieldset');
    return [c.id.replace('kmsat-c-', ''), (rating.querySelector('input:checked') || {}).value || '',
      (priority.querySelector('input:checked') || {}).value || '', c.querySelector('textarea').value];
  }),
  rows: [...document.querySelectorAll('.kmsat-body li.kmsat-row')].map((li) => ({
    id: li.dataset.row, heading: li.querySelector('h3').textContent,
    fields: ['action', 'owner', 'support', 'due', 'measure']
      .map((f) => li.querySelector('.kmsat-field--' + f + ' .kmsat-input').value),
    status: li.querySelector('select').value })),
})"""


# The session's own date (ISO) as the page makes it: the browser's local calendar date.
ISO_TODAY = """() => { const d = new Date(), p = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()); }"""


def as_shown(field: str, value: str) -> str:
    """The date box shows a saved ISO date as people write it (core/dates.js, en-GB)."""
    if field == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = datetime.date.fromisoformat(value)
        return f"{day.day} {day.strftime('%B')} {day.year}"
    return value


def check_current_step(driver: Driver, log) -> None:
    """What the step on screen shows equals the model."""
    page, model = driver.page, driver.model
    expect(page.locator(".kmsat-heading")).to_have_text(driver.at)
    shown = page.evaluate(READ_STEP)
    if driver.at == STEPS[0]:
        for field, label in DETAILS.items():
            assert shown["details"][label] == as_shown(field, model.details[field]), (field, log)
    elif driver.at == PLAN_STEP:
        expected = [
            {
                "id": r["id"],
                "heading": f"{i + 1}. {model.title(r)}",
                "fields": [r[f] for f in ROW],
                "status": r["status"],
            }
            for i, r in enumerate(model.plan)
        ]
        assert shown["rows"] == expected, log
    elif shown["criteria"]:
        for cid, level, priority, notes in shown["criteria"]:
            answer = model.answers.get(cid, {"level": "", "priority": "", "notes": ""})
            assert [level, priority, notes] == [
                answer["level"],
                answer["priority"],
                answer["notes"],
            ], (cid, log)


def check_everything(driver: Driver) -> None:
    """Stored, and on screen: details, every element touched, and the plan."""
    check_stored(driver.page, driver.model, driver.log)
    touched = {WHERE[c][0] for c in driver.model.answers}
    for name in [STEPS[0], *sorted(touched), PLAN_STEP]:
        driver.go(name)
        check_current_step(driver, driver.log)


def fresh(page, site_url) -> Model:
    """Storage cleared, the page loaded afresh: a new, empty session."""
    page.goto(site_url + "assessment.html")
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.reload()
    page.locator("[data-kmsat-started] .kmsat-steps").wait_for()
    return Model(page.evaluate(ISO_TODAY))


def start_again(driver: Driver) -> Model:
    """Start a new assessment, as a facilitator between groups does (quicker than a reload)."""
    driver.go(SHARE_STEP)
    driver.page.get_by_role("button", name=STRINGS["session.new"]).click()
    driver.page.locator("dialog.kmsat-dialog").get_by_role(
        "button", name=STRINGS["confirm.yes"]
    ).click()
    expect(driver.page.locator(".kmsat-heading")).to_have_text(STEPS[0])
    assert stored(driver.page)["answers"] == {} and stored(driver.page)["plan"] == []
    return Model(stored(driver.page)["details"]["date"])


SEEDS = range(50)


def test_fifty_random_sequences_lose_nothing(site_url, page):
    model = fresh(page, site_url)
    played: list[str] = []
    for seed in SEEDS:
        rng = random.Random(seed)
        driver = Driver(page, rng, model)
        for _ in range(rng.randint(5, 10)):
            driver.random_action()
        played += [entry.split()[0] for entry in driver.log]
        check_stored(page, driver.model, driver.log)
        check_current_step(driver, driver.log)
        driver.reload()
        check_everything(driver)
        model = start_again(driver)
    # Every kind of action was played, most of them many times.
    kinds = {k: played.count(k) for k in set(played)}
    counts = str(sorted(kinds.items()))
    assert len(played) >= 5 * len(SEEDS), counts
    assert all(kinds.get(k, 0) >= 5 for k in ["import", "reload", "clear", "go", "remove"]), counts
    assert all(kinds.get(k, 0) >= 10 for k in ["rate", "priority", "edit", "move", "add"]), counts


def test_emptying_a_row_kept_for_its_text_removes_it_on_screen_too(site_url, page):
    """A row whose criterion left the plan is kept while it has text. Emptied on the plan
    step, it is dropped: it must go from the screen too, or what is typed next is lost."""
    model = fresh(page, site_url)
    driver = Driver(page, random.Random(0), model)
    cid = CRITERIA[0]
    driver.go(WHERE[cid][0])
    group = page.get_by_role("group", name=re.compile(r"^1\.1 "))
    group.get_by_role("radio", name=re.compile("^" + LEVELS["emerging"])).check()
    model.set_answer(cid, "level", "emerging")
    driver.go(PLAN_STEP)
    action = open_plan_row(driver.plan_row(0)).locator(".kmsat-field--action .kmsat-input")
    action.fill("Words we typed")
    model.update_row("row-1", {"action": "Words we typed"})
    driver.go(WHERE[cid][0])
    group.get_by_role("radio", name=re.compile("^" + LEVELS["embedded"])).check()
    model.set_answer(cid, "level", "embedded")
    driver.go(PLAN_STEP)
    expect(page.get_by_text(STRINGS["plan.stale"])).to_be_visible()
    driver.plan_row(0).locator(".kmsat-field--action .kmsat-input").fill("")
    model.update_row("row-1", {"action": ""})
    assert model.plan == []
    expect(driver.rows()).to_have_count(0)
    expect(page.locator(".kmsat-sr[aria-live]")).to_have_text(
        STRINGS["plan.removed"].format(title=TITLE[cid])
    )
    expect(page.get_by_role("button", name=STRINGS["plan.add"])).to_be_focused()
    check_stored(page, model, "emptied")
    check_current_step(driver, "emptied")


# ---------------------------------------------------------------- storage full, storage off

FILLS_UP = """(() => {
  let writes = 0;
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (this === window.localStorage && String(key).startsWith('kmsat:') && ++writes > %d) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return set.call(this, key, value);
  };
})();"""
STORAGE_OFF = """(() => {
  for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
    Storage.prototype[name] = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  }
})();"""


def work_in_memory(driver: Driver) -> None:
    """Type, rate and plan as a group would, with saving failing underneath."""
    for field in DETAILS:
        driver.go(STEPS[0])
        text = f"{field} typed"
        driver.page.get_by_role("textbox", name=DETAILS[field], exact=True).fill(text)
        driver.model.details[field] = text
        driver.model.sync()
    for _ in range(12):
        driver.rng.choice(
            [driver.rate, driver.rate, driver.prioritise, driver.note, driver.edit_row]
        )()
    driver.add_row()
    driver.edit_row()


def export_after(driver: Driver, notice, tmp_path) -> dict:
    with driver.page.expect_download() as info:
        notice.get_by_role("button", name=STRINGS["export.json"]).click()
    path = tmp_path / "rescued.json"
    info.value.save_as(path)
    return json.loads(path.read_text("utf-8"))


def test_storage_filling_up_midway_loses_nothing_typed(new_page, site_url, tmp_path):
    page = new_page(FILLS_UP % 3)
    open_app(page, site_url + "assessment.html")
    model = Model(page.evaluate(ISO_TODAY))
    driver = Driver(page, random.Random(7), model)
    work_in_memory(driver)
    notice = page.get_by_role("alert").filter(has_text=STRINGS["save.full"])
    expect(notice).to_be_visible()
    expect(page.locator(".kmsat-status")).to_have_text(STRINGS["save.notSaved"])
    # Three saves went through; the rest are on the page only.
    kept = stored(page)
    assert kept["details"]["organisation"] == "organisation typed"
    assert kept["details"]["participants"] == ""
    check_current_step(driver, driver.log)  # the page still shows what was typed
    step(page, STRINGS["steps.results"]).click()
    driver.at = STRINGS["steps.results"]
    answered = sum(1 for a in model.answers.values() if a["level"])
    expect(page.locator(".kmsat-body .kmsat-progress")).to_contain_text(f"{answered} of ")
    exported = export_after(driver, notice, tmp_path)
    assert saved_part(exported) == model.saved(), driver.log


def test_storage_off_from_the_start_loses_nothing_typed(new_page, site_url, tmp_path):
    page = new_page(STORAGE_OFF)
    # Material's own inline scripts read storage unguarded (its palette) and throw:
    # Material's, and the same in a browser with storage blocked.
    page.watch.ignore = "The operation is insecure"
    open_app(page, site_url + "assessment.html")
    notice = page.get_by_role("alert").filter(has_text=STRINGS["app.storageUnavailable"])
    expect(notice).to_be_visible()
    model = Model(page.evaluate(ISO_TODAY))
    driver = Driver(page, random.Random(11), model)
    work_in_memory(driver)
    expect(page.locator(".kmsat-status")).to_have_text(STRINGS["save.notSaved"])
    driver.go(PLAN_STEP)
    check_current_step(driver, driver.log)
    exported = export_after(driver, notice, tmp_path)
    assert saved_part(exported) == model.saved(), driver.log
