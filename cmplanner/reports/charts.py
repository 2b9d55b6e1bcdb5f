"""The report's charts: the tracker's chart of each goal (:func:`cmplanner.charts.goal_chart`) and the competitor
comparison's (:func:`cmplanner.charts.comparison_chart`) as Vega-Lite specs sized and styled for print, rendered
offline by vl-convert (JPEG for the PDF, SVG for the HTML) with the report's bundled Lato font. Nothing is ever
fetched from outside."""

from __future__ import annotations

import io
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any, Literal

import altair as alt
import orjson

from cmplanner import charts, i18n, presentation, tracker
from cmplanner.reports.model import Report
from cmplanner.reports.style import CHART_FONT, FONTS

CHART_WIDTH, CHART_HEIGHT = 620, 170  # Vega-Lite plot area in px; the legend and axes come on top
COMPARISON_HEIGHT = 190
AXIS_STYLE: dict[str, Any] = {
    "labelColor": "#4A5558",
    "titleColor": "#4A5558",
    "titleFontWeight": "normal",
    "gridColor": "#E4E8E9",
    "domainColor": "#B8C0C2",
    "tickColor": "#B8C0C2",
    "labelFontSize": 11,
    "titleFontSize": 11,
}
LEGEND_STYLE: dict[str, Any] = {
    "labelFontSize": 11,
    "labelColor": "#2B3336",
    "symbolType": "stroke",
    "symbolStrokeWidth": 3,
}


def _styled_spec(item: tracker.GoalPace, labels: dict[str, str], lang: str = "en") -> dict[str, Any]:
    """The tracker's chart of a goal (``charts.goal_chart``), sized and styled for print."""
    chart = (
        charts.goal_chart(item, labels, height=CHART_HEIGHT, lang=lang)
        .properties(width=CHART_WIDTH)
        .configure(font=CHART_FONT, background="white", locale=alt.Locale(number=charts.number_locale(lang)))
        .configure_view(stroke=None)
        .configure_axis(**AXIS_STYLE)
        .configure_legend(**LEGEND_STYLE)
    )
    spec: dict[str, Any] = chart.to_dict(validate=False)
    return spec


def comparison_spec(chart: dict[str, Any]) -> dict[str, Any]:
    """A competitor comparison chart (a spec that carries its number locale) sized and styled like the goals'
    charts; its own config (the locale) is kept."""
    spec: dict[str, Any] = orjson.loads(orjson.dumps(chart))
    spec["width"], spec["height"] = CHART_WIDTH, COMPARISON_HEIGHT
    config = spec.setdefault("config", {})
    config.update(font=CHART_FONT, background="white", view={"stroke": None})
    config["axis"] = {**config.get("axis", {}), **AXIS_STYLE}
    config["legend"] = {**config.get("legend", {}), **LEGEND_STYLE}
    return spec


_TEMPLATES: dict[bytes, bytes] = {}
"""Labels (and benchmark or not) → the styled spec of the first goal built with them, as JSON."""


def _datasets(item: tracker.GoalPace, labels: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """The two data sets of ``charts.goal_chart``: the lines (long form) and the target/benchmark rules."""
    frame = charts.goal_frame(item)
    lines = [
        {"week": week, "line": line, "value": value, "name": labels[line]}
        for week, line, value in frame.itertuples(index=False)
    ]
    rules = [{"name": labels["target"], "value": item.goal.target}]
    if item.benchmark is not None:
        rules.append({"name": labels["benchmark"], "value": item.benchmark.value})
    return lines, rules


def chart_spec(item: tracker.GoalPace, lang: str) -> dict[str, Any]:
    """The tracker's chart of a goal as a Vega-Lite spec, sized and styled for print.

    Building an Altair chart costs ~60–90 ms, most of a 12-goal report: the chart is built once per set of labels
    (and benchmark or not), and later goals get that spec with their own data (a unit test checks the result
    equals ``charts.goal_chart``'s own spec).
    """
    labels = presentation.chart_labels(item.goal.kpi, lang)
    key = orjson.dumps([labels, item.benchmark is not None, lang])
    if key not in _TEMPLATES:
        if len(_TEMPLATES) > 256:
            _TEMPLATES.clear()
        _TEMPLATES[key] = orjson.dumps(_styled_spec(item, labels, lang))
    spec: dict[str, Any] = orjson.loads(_TEMPLATES[key])
    layers = spec["layer"]
    lines, rules = _datasets(item, labels)
    spec["datasets"] = {layers[0]["data"]["name"]: lines, layers[1]["data"]["name"]: rules}
    return spec


def warm_up() -> None:
    """Start the chart engine (about a second the first time in a process) and subset the HTML's fonts, e.g. in a
    background thread."""
    from cmplanner.reports.webfonts import font_faces

    _vl_convert().vegalite_to_svg({"mark": "point", "data": {"values": [{"x": 1}]}})
    font_faces()


_ENGINE_LOCK = threading.Lock()
_engine: Any = None


def _vl_convert() -> Any:
    """vl-convert with the bundled fonts registered, once per process (threads wait for the first one)."""
    global _engine
    with _ENGINE_LOCK:
        if _engine is None:
            import vl_convert

            vl_convert.register_font_directory(str(FONTS))
            _engine = vl_convert
        return _engine


@lru_cache(maxsize=256)
def _render(spec_json: bytes, kind: str, lang: str) -> bytes:
    """One chart as JPEG (2×) or SVG, numbers formatted for ``lang``; no data is ever fetched from outside."""
    vlc = _vl_convert()
    spec = orjson.loads(spec_json)
    locale = i18n.LOCALES[lang].replace("_", "-")
    if kind == "jpeg":  # fpdf2 embeds a JPEG as it is (a PNG it would decode and compress again)
        from PIL import Image

        png = vlc.vegalite_to_png(spec, scale=2, format_locale=locale, allowed_base_urls=[])
        out = io.BytesIO()
        with Image.open(io.BytesIO(png)) as image:
            image.convert("RGB").save(out, "JPEG", quality=90, subsampling=0)
        return out.getvalue()
    return str(vlc.vegalite_to_svg(spec, format_locale=locale, allowed_base_urls=[])).encode("utf-8")


def _render_all(specs: list[bytes | None], kind: str, lang: str) -> list[bytes | None]:
    """Rendered specs in order (None stays None), on a few threads (vl-convert releases the GIL)."""
    todo = list(dict.fromkeys(spec for spec in specs if spec is not None))
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = dict(zip(todo, pool.map(lambda s: _render(s, kind, lang), todo), strict=True))
    return [done[spec] if spec is not None else None for spec in specs]


def chart_images(report: Report, kind: Literal["jpeg", "svg"]) -> list[bytes | None]:
    """Each progress item's chart rendered (JPEG at 2× for the PDF, SVG for HTML) in order; None: no chart.

    Rendering is cached per spec and language.
    """
    specs = [
        orjson.dumps(item.chart, option=orjson.OPT_SORT_KEYS) if item.chart else None
        for item in report.progress
    ]
    return _render_all(specs, kind, report.lang)


def competitor_images(report: Report, kind: Literal["jpeg", "svg"]) -> list[bytes | None]:
    """Each compared platform's chart of the competitor section, rendered like :func:`chart_images`."""
    if report.competitors is None:
        return []
    specs: list[bytes | None] = [
        orjson.dumps(comparison_spec(table.chart), option=orjson.OPT_SORT_KEYS)
        for table in report.competitors.platforms
    ]
    return _render_all(specs, kind, report.lang)
