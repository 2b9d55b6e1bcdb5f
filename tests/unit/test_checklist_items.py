"""The plan's recurring tasks: generation from the strategy, tuning and their labels (cmplanner.checklist_items)."""

from __future__ import annotations

import pytest

from cmplanner import checklist_items as cl
from cmplanner import i18n
from cmplanner import platforms as kb
from cmplanner.checklist_items import ChecklistSettings, CustomTask, TaskOverride
from cmplanner.models import Platform
from tests.unit.checklist_plans import X_PIN, by_id, strategy

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


# ---------------------------------------------------------------------------------------------- language


def test_every_label_renders_in_en_and_nl() -> None:
    every = strategy(*((p.value, kb.get(p).default_posts_per_week) for p in Platform))
    items = cl.generate(every, ChecklistSettings())
    assert len({i.platform for i in items}) == len(Platform) + 1
    for lang in ("en", "nl"):
        for item in items:
            assert item.label_key and i18n.has(item.label_key, lang), (lang, item.id)
            assert "task." not in item.title(lang)
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
