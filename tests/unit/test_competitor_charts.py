"""The comparison chart: one line per side, yours first and thicker, numbers drawn the way the language writes them."""

from __future__ import annotations

import re

import pytest
import vl_convert

from cmplanner import charts
from cmplanner.competitors import compare
from cmplanner.models import Competitor, CompetitorWeek, PlatformPlan, Strategy, WeekMetrics

QUARTER = "2026-Q1"


@pytest.fixture
def series() -> list[compare.Series]:
    strategy = Strategy(
        name="Bakkerij",
        platforms=[PlatformPlan(platform="instagram")],
        competitors=[Competitor(id="bb", name="Broodbar", handles={"instagram": "@broodbar"})],
    )
    own = [
        # (90 + 10) ÷ 5 ÷ 1,250 × 100 = 1.6 %; (60 + 8) ÷ 4 ÷ 1,422 × 100 = 1.195 %
        WeekMetrics(
            platform="instagram", week="2026-W01", followers=1250, posts=5, reactions=90, comments=10
        ),
        WeekMetrics(platform="instagram", week="2026-W02", followers=1422, posts=4, reactions=60, comments=8),
    ]
    # (90 + 10) ÷ 5 ÷ 2,500 × 100 = 0.8 %
    theirs = [
        CompetitorWeek(
            competitor="bb",
            platform="instagram",
            week="2026-W01",
            followers=2500,
            posts=5,
            likes=90,
            comments=10,
        )
    ]
    return compare.series(strategy, own, theirs, "instagram", QUARTER)


def test_the_chart_data_has_one_row_per_side_and_logged_week(series: list[compare.Series]) -> None:
    frame = charts.comparison_frame(series, "engagement")
    assert frame[["week", "name", "own"]].values.tolist() == [
        ["W01", "Bakkerij", True],
        ["W02", "Bakkerij", True],
        ["W01", "Broodbar", False],
    ]
    assert frame["value"].tolist() == pytest.approx([1.6, 68 / 4 / 1422 * 100, 0.8])


def test_the_chart_spec_carries_the_language_its_colours_and_the_quarter(
    series: list[compare.Series],
) -> None:
    spec = charts.comparison_chart(
        series, "engagement", compare.chart_labels("engagement", "nl"), "nl"
    ).to_dict()
    assert spec["config"]["locale"]["number"] == {
        "decimal": ",",
        "thousands": ".",
        "grouping": [3],
        "currency": ["", ""],
    }
    colour = spec["encoding"]["color"]["scale"]
    assert colour == {
        "domain": ["Bakkerij", "Broodbar"],
        "range": [charts.COLORS["actual"], charts.COMPETITOR_COLORS[0]],
    }
    assert spec["encoding"]["x"]["scale"]["domain"] == [f"W{n:02d}" for n in range(1, 14)]
    assert spec["encoding"]["y"]["title"] == "Engagement per post (%)"


@pytest.mark.parametrize(
    ("lang", "metric", "label"),
    [("nl", "followers", "1.400"), ("nl", "engagement", "0,80"), ("en", "followers", "1,400")],
)
def test_axes_are_drawn_in_the_language(
    series: list[compare.Series], lang: str, metric: compare.Metric, label: str
) -> None:
    chart = charts.comparison_chart(series, metric, compare.chart_labels(metric, lang), lang)
    svg = vl_convert.vegalite_to_svg(chart.to_dict(), allowed_base_urls=[])
    assert label in re.findall(r">([0-9.,]+)<", svg)
