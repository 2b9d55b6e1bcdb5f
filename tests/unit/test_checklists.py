"""Checklists: generation, period keys, ticks, tuning, workload and exports (cmplanner.checklists)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from icalendar import Calendar

from cmplanner import checklists as cl
from cmplanner import i18n
from cmplanner import platforms as kb
from cmplanner.checklists import ChecklistItem, ChecklistSettings, CustomTask, TaskOverride
from cmplanner.models import BusinessProfile, Platform, PlatformPlan, Strategy
from cmplanner.store import TICKS, Store


def strategy(*plans: tuple[str, float], hours: float = 4.0) -> Strategy:
    return Strategy(
        name="Bakkerij",
        profile=BusinessProfile(name="Bakkerij", sector="food", hours_per_week=hours),
        platforms=[PlatformPlan(platform=Platform(p), posts_per_week=n) for p, n in plans],
    )


X_PIN = strategy(("x", 21), ("pinterest", 1))


def by_id(items: list[ChecklistItem]) -> dict[str, ChecklistItem]:
    return {item.id: item for item in items}


# -------------------------------------------------------------------------------------------- generation


def test_generate_x_and_pinterest_follows_seed_004() -> None:
    items = by_id(cl.generate(X_PIN, ChecklistSettings()))
    cadence = {i.id: (i.count, i.period) for i in items.values() if i.platform}
    assert cadence == {
        "x.post": (3, "day"),
        "x.repost": (2, "day"),
        "x.follow": (10, "week"),
        "pinterest.board": (1, "week"),
        "pinterest.follow_boards": (5, "week"),
        "pinterest.upload": (1, "month"),
    }
    assert i18n.t(items["pinterest.board"].label_key or "", "en") == "Create a new board with 6 images"
    period_ids = {task.id for task in kb.period_tasks()}
    assert period_ids <= items.keys()
    assert all(items[i].platform is None for i in period_ids)
    assert all(i.enabled and i.minutes_assumed and not i.custom for i in items.values())
    assert items["x.post"].posts and not items["x.repost"].posts


def test_posting_count_follows_posts_per_week() -> None:
    items = by_id(cl.generate(strategy(("x", 14), ("facebook", 3), ("instagram", 10)), ChecklistSettings()))
    assert (items["x.post"].count, items["x.post"].period) == (2, "day")
    assert (items["facebook.post"].count, items["facebook.post"].period) == (3, "week")
    # 10 a week is no whole number a day: counted per week instead
    assert (items["instagram.post"].count, items["instagram.post"].period) == (10, "week")


@pytest.mark.parametrize(
    ("per_week", "preferred", "expected"),
    [
        (21, "day", (3, "day")),
        (10, "day", (10, "week")),
        (2, "week", (2, "week")),
        (0.5, "week", (2, "month")),
        (0.1, "week", (1, "quarter")),
        (0, "week", (0, "week")),
    ],
)
def test_nice_cadence(per_week: float, preferred: cl.Period, expected: tuple[int, str]) -> None:
    assert cl.nice_cadence(per_week, preferred) == expected


def test_no_posts_switches_the_posting_task_off() -> None:
    items = by_id(cl.generate(strategy(("youtube", 0)), ChecklistSettings()))
    assert not items["youtube.video"].enabled
    assert items["youtube.subscribe"].enabled


def test_generate_defaults_to_the_strategy_settings() -> None:
    assert cl.generate(X_PIN) == cl.generate(X_PIN, ChecklistSettings())


def test_prepublish_check_of_seed_000() -> None:
    assert cl.prepublish("en")[0] == "What is the goal of this post?"
    assert len(cl.prepublish("nl")) == 6


# ------------------------------------------------------------------------------------------- period keys


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 22), ("2026-11-22", "2026-W47", "2026-11", "2026-Q4")),
        (date(2026, 12, 31), ("2026-12-31", "2026-W53", "2026-12", "2026-Q4")),
        (date(2027, 1, 1), ("2027-01-01", "2026-W53", "2027-01", "2027-Q1")),
        (date(2027, 1, 4), ("2027-01-04", "2027-W01", "2027-01", "2027-Q1")),
        (date(2025, 12, 29), ("2025-12-29", "2026-W01", "2025-12", "2025-Q4")),
        (date(2026, 4, 1), ("2026-04-01", "2026-W14", "2026-04", "2026-Q2")),
    ],
)
def test_period_keys(day: date, expected: tuple[str, str, str, str]) -> None:
    assert tuple(cl.period_key(p, day) for p in cl.PERIODS) == expected


def test_unknown_period_is_an_error() -> None:
    with pytest.raises(ValueError):
        cl.period_key("year", date(2026, 1, 1))  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------- ticks


def test_daily_tick_is_gone_tomorrow_weekly_tick_stays_in_the_week() -> None:
    items = cl.generate(X_PIN, ChecklistSettings())
    thursday, friday = date(2026, 12, 31), date(2027, 1, 1)  # same ISO week 2026-W53, new month/quarter
    ticks = {
        ("x.post", cl.period_key("day", thursday)): 2,
        ("x.follow", cl.period_key("week", thursday)): 10,
        ("month.analyse", cl.period_key("month", thursday)): 1,
        ("quarter.kpis", cl.period_key("quarter", thursday)): 1,
    }
    today = cl.progress(items, ticks, thursday)
    tomorrow = cl.progress(items, ticks, friday)
    assert today["day"].done == 2 and tomorrow["day"].done == 0
    assert today["week"].done == tomorrow["week"].done == 10
    assert today["month"].done == 1 and tomorrow["month"].done == 0
    assert today["quarter"].done == 1 and tomorrow["quarter"].done == 0
    assert today["day"].total == 4 + 3 + 2  # 4 period tasks, 3 posts, 2 reposts
    rows = {r.item.id: r for r in cl.items_for(items, "day", ticks, thursday)}
    assert rows["x.post"].done == 2 and not rows["x.post"].complete
    assert rows["x.post"].status("en") == "2 of 3 done"
    assert rows["x.post"].status("nl") == "2 van 3 gedaan"


def test_progress_caps_done_at_count_and_skips_disabled() -> None:
    settings = ChecklistSettings(overrides={"x.repost": TaskOverride(enabled=False)})
    items = cl.generate(X_PIN, settings)
    key = cl.period_key("day", date(2026, 11, 22))
    ticks = {("x.post", key): 9, ("x.repost", key): 2}
    assert cl.progress(items, ticks, date(2026, 11, 22))["day"] == (3, 4 + 3)


def test_ticks_round_trip_through_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create("Bakkerij").id
    monday, sunday, next_monday = date(2026, 11, 16), date(2026, 11, 22), date(2026, 11, 23)

    def tick(task: str, key: str, done: int) -> None:
        store.update(sid, lambda edit: cl.set_tick(edit, task, key, done))

    tick("x.post", cl.period_key("day", monday), 1)
    tick("x.post", cl.period_key("day", monday), 3)  # upsert, not a second row
    tick("x.follow", cl.period_key("week", monday), 4)
    docs = orjson.loads(store.path(sid).read_bytes())["checks"].values()
    assert sorted((d["task"], d["period_key"], d["done"]) for d in docs) == [
        ("x.follow", "2026-W47", 4),
        ("x.post", "2026-11-16", 3),
    ]

    def ticks(day: date) -> cl.Ticks:
        return cl.ticks(store.rows(sid, TICKS), day)

    assert ticks(monday) == {("x.post", "2026-11-16"): 3, ("x.follow", "2026-W47"): 4}
    assert ticks(sunday) == {("x.follow", "2026-W47"): 4}
    assert ticks(next_monday) == {}
    tick("x.follow", "2026-W47", 0)
    assert ticks(sunday) == {}


# ------------------------------------------------------------------------------------------------ tuning


def test_tuning_off_count_cadence_minutes_and_custom_task() -> None:
    settings = ChecklistSettings(
        overrides={
            "x.repost": TaskOverride(enabled=False),
            "x.follow": TaskOverride(count=5),
            "day.fans": TaskOverride(period="week", count=3),
            "pinterest.board": TaskOverride(minutes=30),
            "x.post": TaskOverride(period="week"),
        },
        custom=[
            CustomTask(id="custom.a", label="Foto van het brood van de dag", period="day", minutes=5),
            CustomTask(id="custom.b", label="Pin de taart", platform="pinterest", count=2),
            CustomTask(id="custom.c", label="TikTok-filmpje", platform="tiktok"),  # platform not chosen
        ],
    )
    items = by_id(cl.generate(X_PIN, settings))
    assert not items["x.repost"].enabled
    assert (items["x.follow"].count, items["x.follow"].period) == (5, "week")
    assert (items["day.fans"].count, items["day.fans"].period) == (3, "week")
    assert items["pinterest.board"].minutes == 30 and not items["pinterest.board"].minutes_assumed
    assert (items["x.post"].count, items["x.post"].period) == (21, "week")  # posts per week in the new period
    assert items["custom.a"].custom and items["custom.a"].title("nl") == "Foto van het brood van de dag"
    assert items["custom.b"].title("en") == "Pinterest: Pin de taart (2×)"
    assert "custom.c" not in items
    # settings survive a JSON round trip, as they do inside the strategy file
    again = ChecklistSettings.model_validate_json(settings.model_dump_json())
    assert cl.generate(X_PIN, again) == cl.generate(X_PIN, settings)


def test_posting_task_in_a_period_the_user_chose() -> None:
    only_period = ChecklistSettings(overrides={"pinterest.board": TaskOverride(period="month")})
    both = ChecklistSettings(overrides={"pinterest.board": TaskOverride(period="month", count=2)})
    board = by_id(cl.generate(X_PIN, only_period))["pinterest.board"]
    assert (board.count, board.period) == (4, "month")  # 1 a week ≈ 4 a month
    board = by_id(cl.generate(X_PIN, both))["pinterest.board"]
    assert (board.count, board.period) == (2, "month")


def test_custom_task_validation() -> None:
    assert CustomTask(label="a").id.startswith("custom.")
    with pytest.raises(ValueError):
        CustomTask(label="a", platform="myspace")
    with pytest.raises(ValueError):
        CustomTask(label="")
    with pytest.raises(ValueError):
        TaskOverride(count=0)


# ---------------------------------------------------------------------------------------------- workload


def test_workload_hours_per_platform_and_period() -> None:
    items = cl.generate(X_PIN, ChecklistSettings())
    w = cl.workload(items, 100)
    assert w.fits and w.over == 0 and w.suggestions == ()
    # X: 3 posts × 10 min × 7 + 2 reposts × 2 min × 7 + 10 follows × 1 min = 248 min a week
    assert w.by_platform["x"] == pytest.approx(248 / 60)
    assert w.hours == pytest.approx(sum(w.by_platform.values()))
    assert w.hours == pytest.approx(sum(w.by_period.values()))
    assert "fits" in w.text("en") and "past" in w.text("nl")


@pytest.mark.parametrize("available", [2.0, 4.0, 6.0, 8.0, 9.0])
def test_suggestions_really_make_it_fit(available: float) -> None:
    items = cl.generate(X_PIN, ChecklistSettings())
    w = cl.workload(items, available)
    assert not w.fits and w.over == pytest.approx(w.hours - available)
    assert {s.kind for s in w.suggestions} == {"fewer_platforms", "lower_cadences"}
    for suggestion in w.suggestions:
        assert suggestion.hours_saved == pytest.approx(sum(c.hours_saved for c in suggestion.changes))
        assert all(c.hours_saved > 0 for c in suggestion.changes)
        after = cl.workload(cl.generate(X_PIN, cl.apply(ChecklistSettings(), suggestion.changes)), available)
        assert after.hours == pytest.approx(w.hours - suggestion.hours_saved)
        assert after.fits == suggestion.fits
        if suggestion.fits:
            assert after.fits
        for change in suggestion.changes:
            assert change.text("en") and change.text("nl")
    # answering messages is never cut
    assert all("day.messages" not in c.task_ids for s in w.suggestions for c in s.changes)


def test_small_gap_takes_the_smallest_change_that_closes_it() -> None:
    items = cl.generate(X_PIN, ChecklistSettings())
    w = cl.workload(items, cl.workload(items, 100).hours - 0.5)
    fewer = next(s for s in w.suggestions if s.kind == "fewer_platforms")
    assert [c.platform for c in fewer.changes] == ["pinterest"]  # 1.1 h closes 0.5 h; X would be overkill
    assert fewer.changes[0].text("en") == "Drop Pinterest: saves 1.1 hours a week"
    lower = next(s for s in w.suggestions if s.kind == "lower_cadences")
    assert len(lower.changes) == 1 and lower.fits


def test_lower_cadence_halves_and_stops_at_once_a_month() -> None:
    assert cl.lower_cadence(3, "day") == (10, "week")
    assert cl.lower_cadence(2, "day") == (1, "day")
    assert cl.lower_cadence(1, "day") == (3, "week")
    assert cl.lower_cadence(1, "week") == (2, "month")
    assert cl.lower_cadence(2, "month") == (1, "month")
    assert cl.lower_cadence(1, "month") is None
    assert cl.lower_cadence(1, "quarter") is None


def test_outsourced_cost_uses_the_seed_reference() -> None:
    ref = kb.community_manager_cost()
    eur, source = cl.outsourced_cost(ref["hours_per_month"] * 12 / 52)
    assert eur == pytest.approx(2000) and source == "cidj"
    assert cl.outsourced_cost(0) == (0, "cidj")
    assert "cidj.com" in cl.cost_text(5, "en") and "€2,000" in cl.cost_text(5, "en")
    assert "€ 2.000 bruto" in cl.cost_text(5, "nl")


# ------------------------------------------------------------------------------------------------ export


def rrule(event: Any) -> str:
    return str(event["RRULE"].to_ical().decode())


def test_ics_has_one_recurring_event_per_enabled_task() -> None:
    settings = ChecklistSettings(
        overrides={"x.repost": TaskOverride(enabled=False)},
        custom=[CustomTask(id="custom.a", label="Nieuwsbrief", period="month")],
    )
    items = cl.generate(X_PIN, settings)
    enabled = [i for i in items if i.enabled]
    cal = Calendar.from_ical(cl.to_ics(items, "en", date(2026, 11, 30), scope="s1"))
    events = cal.walk("VEVENT")
    assert len(events) == len(enabled)
    assert all("RRULE" in e for e in events)
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events)
    post = by_uid["s1.x.post@cmplanner"]
    assert str(post["SUMMARY"]) == "X (Twitter): Post on X (3×)"
    assert rrule(post) == "FREQ=DAILY"
    assert post.decoded("DURATION") == timedelta(minutes=30)
    assert "What is the goal of this post?" in str(post["DESCRIPTION"])
    quarter = by_uid["s1.quarter.kpis@cmplanner"]
    assert rrule(quarter) == "FREQ=MONTHLY;INTERVAL=3"
    assert rrule(by_uid["s1.x.follow@cmplanner"]) == "FREQ=WEEKLY"
    assert rrule(by_uid["s1.custom.a@cmplanner"]) == "FREQ=MONTHLY"
    assert "s1.x.repost@cmplanner" not in by_uid
    # stable: the same plan gives the same UIDs and summaries
    again = Calendar.from_ical(cl.to_ics(items, "en", date(2026, 11, 30), scope="s1")).walk("VEVENT")
    assert [(str(e["UID"]), str(e["SUMMARY"])) for e in again] == [
        (str(e["UID"]), str(e["SUMMARY"])) for e in events
    ]


def test_ics_monthly_events_avoid_days_missing_from_short_months() -> None:
    items = cl.generate(X_PIN, ChecklistSettings())
    events = Calendar.from_ical(cl.to_ics(items, "nl", date(2027, 1, 31))).walk("VEVENT")
    starts = {str(e["UID"]): e.decoded("DTSTART").date() for e in events}
    assert starts["month.analyse@cmplanner"] == date(2027, 2, 1)
    assert starts["day.messages@cmplanner"] == date(2027, 1, 31)


def test_printable_groups_by_period_with_checkboxes() -> None:
    settings = ChecklistSettings(overrides={"x.repost": TaskOverride(enabled=False)})
    text = cl.printable(cl.generate(X_PIN, settings), "nl")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == [
        "Checklist voor de dag",
        "Checklist voor de week",
        "Checklist voor de maand",
        "De driemaandelijkse checklist",
        "Voor elke post",
    ]
    assert "- [ ] X (Twitter): Posten op X (3×) — 10 min per keer" in text
    assert "reposten" not in text
    assert "Geschatte duur: een aanname" in text


# ---------------------------------------------------------------------------------------------- language


def test_every_label_renders_in_en_and_nl() -> None:
    every = strategy(*((p.value, kb.get(p).default_posts_per_week) for p in Platform))
    items = cl.generate(every, ChecklistSettings())
    assert len({i.platform for i in items}) == len(Platform) + 1
    for lang in ("en", "nl"):
        for item in items:
            assert item.label_key and i18n.has(item.label_key, lang), (lang, item.id)
            assert "task." not in item.title(lang)
        assert cl.printable(items, lang)
    for key in i18n.catalog("en"):
        if key.startswith("checklists."):
            assert i18n.has(key, "nl"), key
    assert set(k for k in i18n.catalog("nl") if k.startswith("checklists.")) == set(
        k for k in i18n.catalog("en") if k.startswith("checklists.")
    )
    for period in cl.PERIODS:
        assert cl.period_label(period, "nl") != cl.period_label(period, "en")
    assert cl.period_label("day", "nl") == "Vandaag"
    assert cl.period_label("quarter", "nl") == "Dit kwartaal"
