"""KPI formulas on hand-computed totals, missing data, engagements per platform, benchmark matching, texts."""

from __future__ import annotations

import json
import string

import pytest

from cmplanner import i18n, kpis
from cmplanner.models import METRIC_FIELDS

# One Instagram quarter, hand-made: engagements = 80 + 30 + 10 (+ 40 saves on Instagram only).
TOTALS: dict[str, float | None] = {
    "followers": 4000,
    "followers_start": 3200,
    "posts": 3,
    "impressions": 6000,
    "reach": 2400,
    "reactions": 80,
    "comments": 30,
    "shares": 10,
    "saves": 40,
    "clicks": 60,
    "video_views": 900,
    "messages_received": 20,
    "messages_answered": 18,
    "response_time_hours": 2.5,
    "mentions": 30,
    "competitor_mentions": 90,
}

# (kpi, platform, expected) computed by hand from TOTALS.
CASES = [
    ("followers", "facebook", 4000),
    ("posts", "facebook", 3),
    ("impressions", "facebook", 6000),
    ("reach", "facebook", 2400),
    ("engagements", "facebook", 120),
    ("engagements", "instagram", 160),
    ("clicks", "facebook", 60),
    ("video_views", "youtube", 900),
    ("engagement_rate_followers", "facebook", 1.0),  # 120 engagements ÷ 3 posts ÷ 4,000 followers
    ("engagement_rate_followers", "instagram", 160 / 3 / 4000 * 100),
    ("engagement_rate_reach", "facebook", 5.0),  # 120 ÷ 2,400
    ("engagement_rate_impressions", "facebook", 2.0),  # 120 ÷ 6,000
    ("follower_growth", "facebook", 25.0),  # (4,000 − 3,200) ÷ 3,200
    ("post_reach", "facebook", 20.0),  # 2,400 ÷ 3 posts ÷ 4,000
    ("amplification_rate", "facebook", 10 / 3),
    ("applause_rate", "facebook", 80 / 3),
    ("conversation_rate", "facebook", 10.0),
    ("virality_rate", "facebook", 10 / 6000 * 100),
    ("click_through_rate", "facebook", 1.0),  # 60 ÷ 6,000
    ("response_rate", "facebook", 90.0),  # 18 ÷ 20
    ("response_time", "facebook", 2.5),
    ("share_of_voice", "facebook", 25.0),  # 30 ÷ (30 + 90)
]


@pytest.mark.parametrize(("kpi_id", "platform", "expected"), CASES)
def test_value_matches_hand_computation(kpi_id: str, platform: str, expected: float) -> None:
    assert kpis.value(kpi_id, TOTALS, platform) == pytest.approx(expected)


def test_every_kpi_has_a_hand_computed_case() -> None:
    assert {case[0] for case in CASES} == set(kpis.KPIS)


def test_the_brief_example_120_engagements_on_3_posts_with_4000_followers_is_1_percent() -> None:
    totals = {"reactions": 100, "comments": 15, "shares": 5, "posts": 3, "followers": 4000}
    assert kpis.value("engagement_rate_followers", totals, "facebook") == pytest.approx(1.0)


def test_follower_loss_gives_a_negative_growth() -> None:
    assert kpis.value("follower_growth", {"followers": 900, "followers_start": 1000}, "x") == pytest.approx(
        -10.0
    )


@pytest.mark.parametrize("kpi_id", list(kpis.KPIS))
def test_missing_figure_gives_none(kpi_id: str) -> None:
    for field in kpis.needs_for(kpi_id, "instagram"):
        totals = {**TOTALS, field: None}
        assert kpis.value(kpi_id, totals, "instagram") is None, field
        assert kpis.value(kpi_id, {k: v for k, v in TOTALS.items() if k != field}, "instagram") is None, field


def test_growth_without_a_start_value_is_none() -> None:
    assert kpis.value("follower_growth", {**TOTALS, "followers_start": None}, "facebook") is None


@pytest.mark.parametrize(
    ("kpi_id", "zeroed"),
    [
        ("engagement_rate_followers", {"posts": 0}),
        ("engagement_rate_followers", {"followers": 0}),
        ("engagement_rate_reach", {"reach": 0}),
        ("engagement_rate_impressions", {"impressions": 0}),
        ("follower_growth", {"followers_start": 0}),
        ("post_reach", {"posts": 0}),
        ("amplification_rate", {"posts": 0}),
        ("virality_rate", {"impressions": 0}),
        ("click_through_rate", {"impressions": 0}),
        ("response_rate", {"messages_received": 0, "messages_answered": 0}),
        ("share_of_voice", {"mentions": 0, "competitor_mentions": 0}),
    ],
)
def test_zero_denominator_gives_none(kpi_id: str, zeroed: dict[str, float]) -> None:
    assert kpis.value(kpi_id, {**TOTALS, **zeroed}, "facebook") is None


def test_a_zero_numerator_is_a_real_zero() -> None:
    assert kpis.value("click_through_rate", {**TOTALS, "clicks": 0}, "facebook") == 0.0


def test_instagram_counts_saves_and_facebook_does_not() -> None:
    without_saves = {k: v for k, v in TOTALS.items() if k != "saves"}
    assert kpis.engagements(TOTALS, "instagram") == 160
    assert kpis.engagements(TOTALS, "facebook") == 120
    assert kpis.engagements(without_saves, "facebook") == 120
    assert kpis.engagements(without_saves, "instagram") is None
    assert "saves" in kpis.needs_for("engagement_rate_followers", "instagram")
    assert "saves" not in kpis.needs_for("engagement_rate_followers", "facebook")


def test_needs_are_week_metric_fields() -> None:
    for kpi in kpis.KPIS.values():
        assert kpi.needs, kpi.id
        assert set(kpi.needs) <= set(METRIC_FIELDS), kpi.id
    assert kpis.KPIS["follower_growth"].needs == ("followers",)


def test_pacing_kinds_and_direction() -> None:
    assert kpis.KPIS["followers"].kind == "stock"
    flows = {"posts", "impressions", "reach", "engagements", "clicks", "video_views"}
    assert {k.id for k in kpis.KPIS.values() if k.kind == "flow"} == flows
    assert [k.id for k in kpis.KPIS.values() if not k.higher_is_better] == ["response_time"]
    assert kpis.KPIS["response_time"].unit == "hours"


def test_benchmarks_by_followers_newest_first() -> None:
    found = kpis.benchmarks_for("facebook", "engagement_rate_followers")
    assert [(b.year, b.value) for b in found] == [(2024, 0.063), (2023, 0.06), (2021, 0.08)]
    assert {b.kpi for b in found} == {"engagement_rate_followers"}
    assert [b.data_year for b in found] == [2023, 2022, 2020]


def test_benchmarks_by_impressions_are_not_shown_beside_rate_by_followers() -> None:
    assert [b.value for b in kpis.benchmarks_for("facebook", "engagement_rate_impressions")] == [5.07]
    assert kpis.benchmarks_for("linkedin", "engagement_rate_followers") == []
    assert [b.source for b in kpis.benchmarks_for("linkedin", "engagement_rate_impressions")] == [
        "buffer2025"
    ]


def test_no_benchmark_for_a_kpi_computed_another_way() -> None:
    for kpi_id in ("engagement_rate_reach", "follower_growth", "engagements", "post_reach"):
        for platform in ("facebook", "instagram", "tiktok", "x"):
            assert kpis.benchmarks_for(platform, kpi_id) == []


def test_tiktok_benchmarks_span_three_reports() -> None:
    found = kpis.benchmarks_for("tiktok", "engagement_rate_followers")
    assert [(b.source, b.value) for b in found] == [
        ("socialinsider2025", 2.50),
        ("rivaliq2024", 2.63),
        ("rivaliq2023", 5.69),
    ]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_kpi_has_name_and_formula(lang: str) -> None:
    catalog = i18n.catalog(lang)
    for kpi in kpis.KPIS.values():
        for key in (f"kpi.{kpi.id}", f"kpi.{kpi.id}.formula", f"kpi.kind.{kpi.kind}", f"kpi.unit.{kpi.unit}"):
            assert catalog.get(key), (lang, key)
            assert not _placeholders(catalog[key]), key


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_source_and_benchmark_note_has_a_text(lang: str) -> None:
    catalog = i18n.catalog(lang)
    used = {kpi.source for kpi in kpis.KPIS.values()}
    raw = json.loads((kpis.KNOWLEDGE / "benchmarks.json").read_text(encoding="utf-8"))["benchmarks"]
    used |= {b["source"] for b in raw}
    assert used <= set(kpis.sources())
    for source in used:
        assert catalog.get(f"source.{source}"), (lang, source)
    for note in {b["note"] for b in raw}:
        assert catalog.get(note), (lang, note)


def test_dutch_formula_texts_are_translated() -> None:
    assert i18n.t("kpi.engagement_rate_followers.formula", "nl").startswith("interacties ÷ posts ÷ volgers")
    assert i18n.t("kpi.follower_growth", "nl") != i18n.t("kpi.follower_growth", "en")
