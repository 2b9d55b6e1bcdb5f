"""Dutch all the way: tables and chart axes write 1.422 and 0,80 on a Dutch page, even in an English browser."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pyarrow as pa
import vl_convert

from cmplanner import charts, demo, presentation, tracker
from cmplanner.models import WeekMetrics
from cmplanner.store import METRICS, Store
from cmplanner.ui.tables import localized, number_text
from tests.app.helpers import no_exception, open_page

DAY = "2026-11-22"


def test_number_text_in_both_languages() -> None:
    assert [number_text(v, "nl") for v in (1422, 0.8, 12.5, None)] == ["1.422", "0,80", "12,50", "–"]
    assert [number_text(v, "en") for v in (1422, 0.8)] == ["1,422", "0.80"]
    html = localized(
        pd.DataFrame({"week": ["2026-W46"], "followers": [1422.0], "rate": [0.8]}), "nl"
    ).to_html()
    assert "1.422" in html and "0,80" in html and "2026-W46" in html


def display_values(element) -> pd.DataFrame:  # noqa: ANN001 - an AppTest dataframe
    return pa.ipc.open_stream(element.proto.arrow_data.styler.display_values).read_all().to_pandas()


def test_the_log_history_is_dutch_in_an_english_browser(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))

    def log(edit) -> None:  # noqa: ANN001 - an Edit
        edit.put(
            METRICS,
            [WeekMetrics(platform="instagram", week="2026-W46", followers=1422, response_time_hours=0.8)],
        )

    store.update(bakery.id, log)
    at = open_page("pages/7_log.py", bakery.id, locale="en-US", today=DAY, lang="nl")
    at.toggle(key="log.all").set_value(True).run()  # every field, the response time among them
    no_exception(at)
    assert at.title[0].value == "Weeklogboek"
    cells = display_values(at.dataframe[-1]).to_numpy().ravel().tolist()
    assert "1.422" in cells and "0,80" in cells
    assert not [c for c in cells if isinstance(c, str) and re.fullmatch(r"\d{1,3}(,\d{3})+", c)]  # no 1,422


def test_the_tracker_charts_carry_the_dutch_number_locale(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/9_tracker.py", bakery.id, locale="en-US", today=DAY, lang="nl")
    no_exception(at)
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    assert specs and all(spec["config"]["locale"]["number"]["decimal"] == "," for spec in specs)
    # what the browser draws from such a spec (no format_locale given: the spec's own locale): Dutch thousands
    item = next(i for i in tracker.goal_paces(bakery, store.weeks(bakery.id), "2026-Q4", date(2026, 11, 22)))
    assert item.goal.kpi == "followers" and item.goal.target == 1500
    labels = presentation.chart_labels(item.goal.kpi, "nl")
    spec = charts.goal_chart(item, labels, lang="nl").to_dict()
    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
    ticks = re.findall(r">([\d.,]+)</text>", svg)
    assert any(re.fullmatch(r"1\.\d{3}", tick) for tick in ticks), ticks
    assert not any(re.fullmatch(r"1,\d{3}", tick) for tick in ticks), ticks
    # the target is named in the legend, not written over the lines
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "rule"]
    assert ">Streefwaarde<" in svg
