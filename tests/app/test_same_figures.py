"""A figure shown on the tracker and in the client report reads the same in both: goal names, statuses, KPI values,
the still-needed amount and sentence, the weeks caption and the cadence shares, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from cmplanner import demo, i18n
from cmplanner.reports import content, options
from cmplanner.store import Store
from tests.app.helpers import no_exception, open_page

DAY = date(2026, 11, 22)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_tracker_and_the_report_say_the_same_of_every_goal(store: Store, lang: str) -> None:
    for strategy in demo.write_demo(store, DAY):
        weeks = store.weeks(strategy.id)
        report = content.build(strategy, weeks, None, options(lang=lang, today=DAY))
        at = open_page(
            "pages/9_tracker.py",
            strategy.id,
            locale="nl-NL" if lang == "nl" else "en-GB",
            today=DAY.isoformat(),
        )
        no_exception(at)
        assert report.progress, strategy.name

        table = at.dataframe[0].value
        rows = [tuple(str(v) for v in row) for row in table.itertuples(index=False)]
        assert rows == [
            (p.goal, p.status_label, p.actual, p.expected, p.forecast, p.target, p.needed)
            for p in report.progress
        ]

        markdown = [m.value for m in at.markdown]
        captions = [c.value for c in at.caption]
        needed = i18n.t("pacing.still_needed", lang)
        for item in report.progress:
            if item.chart is None:  # no figures yet: neither says more than that
                continue
            assert f"**{needed}:** {item.needed_text}" in markdown, item.goal
            weeks_line, formula = item.caption.rsplit(" · ", 1)
            assert any(c.startswith(f"{weeks_line}  \n{formula}") for c in captions), item.goal

        bars = [bar.proto.text for bar in at.get("progress")]
        assert len(bars) == len(report.cadence)
        for bar, row in zip(bars, report.cadence, strict=True):
            logged_of_planned, share = row.text.split(" · ")
            assert bar.startswith(f"{row.platform}: ") and bar.endswith(f" · {share}")
            # the same two counts, in the same order
            numbers = [part for part in logged_of_planned.split() if part[0].isdigit()]
            assert [part for part in bar.split() if part[0].isdigit()][:2] == numbers
