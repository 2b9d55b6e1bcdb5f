"""What a report says: a strategy, its progress and its latest review, in one language, as plain text.

``build(strategy, weeks, review, options)`` turns the records into a :class:`Report` that both renderers (``pdf`` and
``html``) lay out; nothing in it needs the store or Streamlit. Every user text in the model is cleaned by
:func:`inert`: control characters removed, and a leading ``=``/``@``/``+x``/``-x`` (what a spreadsheet would run as
a formula when a table is pasted into one) prefixed with an apostrophe. HTML escaping is the HTML renderer's job
(the PDF writes text as text, without markup).

Charts are Vega-Lite specs from :func:`cmplanner.charts.goal_chart`, turned into PNG or SVG offline by vl-convert
(:func:`chart_images`), with the report's bundled Lato font.
"""

from __future__ import annotations

import io
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import orjson

from cmplanner import charts, i18n, kpis, periods, recommend, tracker
from cmplanner.exports import slug
from cmplanner.models import Strategy, WeekMetrics
from cmplanner.pacing import Status
from cmplanner.reviews import Review, latest
from cmplanner.store import METRICS, REVIEWS, Store

FONTS = Path(__file__).parent / "fonts"
FONT_FAMILY = "Lato"
CHART_FONT = "Lato, 'Helvetica Neue', Arial, sans-serif"  # the HTML's SVG charts fall back to a system sans
DEFAULT_ACCENT = "#2E6F6B"
MAX_LOGO_BYTES = 2_000_000
MAX_LOGO_SIDE = 6000
MAX_NAME = 80
CHART_WIDTH, CHART_HEIGHT = 620, 170  # Vega-Lite plot area in px; the legend and axes come on top
ACCENT_RE = re.compile(r"#[0-9A-Fa-f]{6}")
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.REACHED: ("#DFF3E4", "#1E6B34"),
    Status.ON_TRACK: ("#DCEBFA", "#1F5592"),
    Status.AT_RISK: ("#FDEBD3", "#8A5300"),
    Status.BEHIND: ("#FADBD8", "#9C2F2A"),
    Status.NO_DATA: ("#EEF0F1", "#56656A"),
}
"""Status → (background, text) colours, the tracker's status cells made print-safe."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA = re.compile(r"^(?:[=@]|[+-](?=\S))")


class ReportError(ValueError):
    """Bad report input: an i18n key (``report.error.*``) and its params; ``str()`` is the English line."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str) -> str:
        return i18n.t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


@dataclass(frozen=True)
class Logo:
    data: bytes
    mime: Literal["image/png", "image/jpeg"]
    width: int
    height: int


@dataclass(frozen=True)
class Options:
    """What the person asking for the report chooses; make it with :func:`options`, which validates."""

    lang: str = "en"
    client: str = ""
    author: str = ""
    logo: Logo | None = None
    accent: str = DEFAULT_ACCENT
    quarter: str | None = None
    """The quarter whose progress is shown; default: see :func:`report_quarter`."""
    today: date | None = None


# -- the model ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class PersonaView:
    name: str
    ages: str
    facts: list[Fact]


@dataclass(frozen=True)
class ReasonView:
    text: str
    source: str
    effect: str
    """plus, minus or info"""


@dataclass(frozen=True)
class PlatformView:
    name: str
    role: str
    cadence: str
    reasons: list[ReasonView]


@dataclass(frozen=True)
class GoalView:
    goal: str
    quarter: str
    baseline: str
    target: str
    kind: str
    note: str


@dataclass(frozen=True)
class KpiView:
    name: str
    formula: str
    benchmarks: list[str]


@dataclass(frozen=True)
class ProgressView:
    goal: str
    note: str
    status: Status
    status_label: str
    actual: str
    expected: str
    forecast: str
    target: str
    needed: str
    """The still-needed figure alone, for the table."""
    needed_text: str
    """The same in a sentence, for the goal's block."""
    caption: str
    chart: dict[str, Any] | None = field(default=None, repr=False)
    """Vega-Lite spec; None when no week gives the KPI yet."""


@dataclass(frozen=True)
class CadenceView:
    platform: str
    text: str
    share: float | None


@dataclass(frozen=True)
class ReviewView:
    title: str
    meta: str
    parts: list[Fact]


@dataclass(frozen=True)
class Report:
    """Everything a report shows, in ``lang``; all text plain and inert (see the module docstring)."""

    lang: str
    accent: str
    """The chosen colour, darkened if needed so text in it reads on white."""
    on_accent: str
    """Black or white: the text colour on an accent background."""
    logo: Logo | None
    name: str
    client: str
    author: str
    kicker: str
    subtitle: str
    cover: list[Fact]
    date: str
    summary: str
    counts: list[tuple[Status, str]]
    labels: dict[str, str]
    business: list[Fact]
    personas: list[PersonaView]
    platforms: list[PlatformView]
    skipped: str
    goals: list[GoalView]
    kpis: list[KpiView]
    quarter: str
    progress: list[ProgressView]
    progress_note: str
    cadence: list[CadenceView]
    review: ReviewView | None
    footer: str
    file_stem: str

    def filename(self, ext: str) -> str:
        return f"{self.file_stem}.{ext}"


# -- validation ----------------------------------------------------------------------------------------------


def inert(text: str | None) -> str:
    """User text made safe to print and to paste into a spreadsheet: no control characters, no formula."""
    cleaned = _CONTROL.sub("", unicodedata.normalize("NFC", text or "")).replace("\r\n", "\n").strip()
    return "'" + cleaned if _FORMULA.match(cleaned) else cleaned


def check_accent(value: str | None) -> str:
    """``#RRGGBB`` (upper case); ReportError otherwise; empty means the default."""
    value = (value or "").strip()
    if not value:
        return DEFAULT_ACCENT
    if not ACCENT_RE.fullmatch(value):
        raise ReportError("report.error.accent", value=value[:20])
    return value.upper()


def check_logo(data: bytes) -> Logo:
    """A PNG or JPEG that really is one (opened with Pillow), at most 2 MB and 6000 px a side."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_LOGO_BYTES:
        raise ReportError("report.error.logo_size", mb=MAX_LOGO_BYTES // 1_000_000)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        mime: Literal["image/png", "image/jpeg"] = "image/png"
    elif data[:3] == b"\xff\xd8\xff":
        mime = "image/jpeg"
    else:
        raise ReportError("report.error.logo_format")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ReportError("report.error.logo_format") from None
    if not (0 < width <= MAX_LOGO_SIDE and 0 < height <= MAX_LOGO_SIDE):
        raise ReportError("report.error.logo_format")
    return Logo(data, mime, width, height)


def options(
    lang: str = "en",
    client: str = "",
    author: str = "",
    logo: bytes | None = None,
    accent: str | None = None,
    quarter: str | None = None,
    today: date | None = None,
) -> Options:
    """Validated report options; raises ReportError with a clear message for a bad value."""
    if lang not in i18n.LANGUAGES:
        raise ReportError("report.error.lang", value=str(lang)[:10], choices=", ".join(i18n.LANGUAGES))
    names = {"client": inert(client), "author": inert(author)}
    for key, value in names.items():
        if len(value) > MAX_NAME:
            raise ReportError(f"report.error.{key}_long", max=MAX_NAME)
    if quarter is not None:
        try:
            periods.parse_quarter(quarter)
        except ValueError:
            raise ReportError("report.error.quarter", value=quarter[:20]) from None
    return Options(
        lang=lang,
        client=names["client"],
        author=names["author"],
        logo=check_logo(logo) if logo else None,
        accent=check_accent(accent),
        quarter=quarter,
        today=today,
    )


# -- colours -------------------------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def readable(colour: str, minimum: float = 3.0) -> str:
    """The colour, darkened step by step until it contrasts ``minimum``:1 with white (WCAG ratio)."""
    r, g, b = _rgb(colour)
    for _ in range(40):
        candidate = f"#{r:02X}{g:02X}{b:02X}"
        if 1.05 / (_luminance(candidate) + 0.05) >= minimum:
            return candidate
        r, g, b = int(r * 0.92), int(g * 0.92), int(b * 0.92)
    return "#333333"


def text_on(colour: str) -> str:
    """White or near-black, whichever reads better on ``colour``."""
    lum = _luminance(colour)
    return "#FFFFFF" if 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 else "#1B1F21"


# -- formatting ----------------------------------------------------------------------------------------------


def kpi_value(kpi_id: str, value: float | None, lang: str) -> str:
    """A KPI value in its unit, formatted for the language (as the tracker shows it)."""
    kpi = kpis.KPIS[kpi_id]
    if kpi.unit == "percent":
        return i18n.percent(value, lang, 2)
    if kpi.unit == "hours":
        return i18n.t("common.hours", lang, n=i18n.number(value, lang, 1))
    small = value is not None and abs(value) < 10 and not float(value).is_integer()
    return i18n.number(value, lang, 1 if small else 0)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def file_stem(strategy: Strategy, lang: str, quarter: str) -> str:
    """``bakkerij-de-korenschoof-rapport-2026-q4``: the report's file name without extension."""
    return f"{slug(strategy.name)}-{i18n.t('report.file', lang)}-{quarter.lower()}"


def report_quarter(strategy: Strategy, today: date) -> str:
    """The current quarter if it has goals, else the latest earlier one with goals, else the next one."""
    current = periods.current_quarter(today)
    quarters = sorted({goal.quarter for goal in strategy.goals})
    if current in quarters or not quarters:
        return current
    past = [q for q in quarters if q < current]
    return past[-1] if past else quarters[0]


# -- charts --------------------------------------------------------------------------------------------------


def chart_labels(kpi_id: str, lang: str) -> dict[str, str]:
    """The line names and axis titles of a goal's chart, as on the tracker."""
    kpi = kpis.KPIS[kpi_id]
    return {
        "actual": i18n.t("pacing.actual", lang),
        "pace": i18n.t("pacing.expected", lang),
        "forecast": i18n.t("pacing.forecast", lang),
        "target": i18n.t("pacing.target", lang),
        "benchmark": i18n.t("tracker.benchmark", lang),
        "week": i18n.t("field.week", lang),
        "value": i18n.t("kpi." + kpi_id, lang)
        if kpi.unit == "count"
        else i18n.t(f"kpi.unit.{kpi.unit}", lang),
    }


def _styled_spec(item: tracker.GoalPace, labels: dict[str, str]) -> dict[str, Any]:
    """The tracker's chart of a goal (``charts.goal_chart``), sized and styled for print."""
    chart = (
        charts.goal_chart(item, labels, height=CHART_HEIGHT)
        .properties(width=CHART_WIDTH)
        .configure(font=CHART_FONT, background="white")
        .configure_view(stroke=None)
        .configure_axis(
            labelColor="#4A5558",
            titleColor="#4A5558",
            titleFontWeight="normal",
            gridColor="#E4E8E9",
            domainColor="#B8C0C2",
            tickColor="#B8C0C2",
            labelFontSize=11,
            titleFontSize=11,
        )
        .configure_legend(labelFontSize=11, labelColor="#2B3336", symbolType="stroke", symbolStrokeWidth=3)
    )
    spec: dict[str, Any] = chart.to_dict(validate=False)
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
    rules = [{"name": labels["target"], "value": item.goal.target, "color": charts.COLORS["target"]}]
    if item.benchmark is not None:
        rules.append(
            {"name": labels["benchmark"], "value": item.benchmark.value, "color": charts.COLORS["benchmark"]}
        )
    return lines, rules


def chart_spec(item: tracker.GoalPace, lang: str) -> dict[str, Any]:
    """The tracker's chart of a goal as a Vega-Lite spec, sized and styled for print.

    Building an Altair chart costs ~60–90 ms, most of a 12-goal report: the chart is built once per set of labels
    (and benchmark or not), and later goals get that spec with their own data (a unit test checks the result
    equals ``charts.goal_chart``'s own spec).
    """
    labels = chart_labels(item.goal.kpi, lang)
    key = orjson.dumps([labels, item.benchmark is not None])
    if key not in _TEMPLATES:
        if len(_TEMPLATES) > 256:
            _TEMPLATES.clear()
        _TEMPLATES[key] = orjson.dumps(_styled_spec(item, labels))
    spec: dict[str, Any] = orjson.loads(_TEMPLATES[key])
    layers = spec["layer"]
    lines, rules = _datasets(item, labels)
    spec["datasets"] = {layers[0]["data"]["name"]: lines, layers[1]["data"]["name"]: rules}
    return spec


def warm_up() -> None:
    """Start the chart engine (about a second the first time in a process), e.g. in a background thread."""
    _vl_convert().vegalite_to_svg({"mark": "point", "data": {"values": [{"x": 1}]}})


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


def chart_images(report: Report, kind: Literal["jpeg", "svg"]) -> list[bytes | None]:
    """Each progress item's chart rendered (JPEG at 2× for the PDF, SVG for HTML) in order; None: no chart.

    Rendering runs on a few threads (vl-convert releases the GIL) and is cached per spec and language.
    """
    specs = [
        orjson.dumps(item.chart, option=orjson.OPT_SORT_KEYS) if item.chart else None
        for item in report.progress
    ]
    todo = list(dict.fromkeys(spec for spec in specs if spec is not None))
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = dict(zip(todo, pool.map(lambda s: _render(s, kind, report.lang), todo), strict=True))
    return [done[spec] if spec is not None else None for spec in specs]


# -- building ------------------------------------------------------------------------------------------------


def _labels(lang: str, quarter: str) -> dict[str, str]:
    keys = {
        "strategy": "report.section.strategy",
        "business": "doc.business",
        "audience": "doc.audience",
        "platforms": "doc.platforms",
        "goals": "doc.goals",
        "formulas": "report.formulas",
        "progress": "report.section.progress",
        "status_table": "report.status_table",
        "per_goal": "tracker.goals",
        "cadence": "report.cadence",
        "cadence_help": "tracker.cadence_help",
        "review": "report.section.review",
        "col.goal": "tracker.col.goal",
        "col.status": "tracker.col.status",
        "col.quarter": "field.quarter",
        "col.baseline": "pacing.baseline",
        "col.target": "pacing.target",
        "col.kind": "report.col.kind",
        "col.kpi": "field.kpi",
        "col.formula": "common.formula",
        "col.platform": "field.platform",
        "col.posts": "report.col.posts",
        "col.share": "report.col.share",
        "actual": "pacing.actual",
        "expected": "pacing.expected",
        "forecast": "pacing.forecast",
        "needed": "pacing.still_needed",
        "glance": "report.glance",
        "no_data_goal": "report.no_data_goal",
        "no_profile": "report.no_profile",
        "contents": "report.contents",
    }
    return {name: i18n.t(key, lang, quarter=quarter) for name, key in keys.items()}


def _business(strategy: Strategy, lang: str) -> list[Fact]:
    profile = strategy.profile
    if profile is None:
        return []
    return [
        Fact(i18n.t("report.label.business", lang), inert(profile.name)),
        Fact(i18n.t("field.sector", lang), inert(profile.sector)),
        Fact(i18n.t("report.label.market", lang), i18n.t(f"market.{profile.market.value}", lang)),
        Fact(i18n.t("field.country", lang), profile.country),
        Fact(
            i18n.t("report.label.hours", lang),
            i18n.t(
                "report.hours_week",
                lang,
                n=i18n.number(profile.hours_per_week, lang, 1 if profile.hours_per_week % 1 else 0),
            ),
        ),
    ]


def _personas(strategy: Strategy, lang: str) -> list[PersonaView]:
    result = []
    for persona in strategy.personas:
        rows = [
            (i18n.t("report.label.locations", lang), ", ".join(inert(x) for x in persona.locations)),
            (i18n.t("report.label.interests", lang), ", ".join(inert(x) for x in persona.interests)),
            (i18n.t("report.label.pains", lang), inert(persona.pains)),
            (i18n.t("report.label.wants", lang), inert(persona.goals)),
            (
                i18n.t("report.label.online", lang),
                ", ".join(i18n.t(f"platform.{p.value}", lang) for p in persona.online),
            ),
            (
                i18n.t("report.label.formats", lang),
                ", ".join(i18n.t(f"format.{f.value}", lang) for f in persona.formats),
            ),
        ]
        ages = i18n.t("report.ages", lang, ages=", ".join(a.value for a in persona.age_bands))
        result.append(PersonaView(inert(persona.name), ages, [Fact(k, v) for k, v in rows if v]))
    return result


def _platforms(strategy: Strategy, lang: str) -> tuple[list[PlatformView], str]:
    if strategy.profile is None:
        return [], ""
    ranking = {rec.platform: rec for rec in recommend.recommend(strategy.profile, strategy.personas)}
    views = []
    for plan in strategy.platforms:
        reasons = []
        for reason in ranking[plan.platform].reasons if plan.platform in ranking else ():
            source = (
                i18n.t("common.source", lang, source=i18n.t(f"source.{reason.source}", lang))
                if reason.source
                else ""
            )
            reasons.append(ReasonView(recommend.render(reason, lang), source, reason.effect))
        n = plan.posts_per_week
        views.append(
            PlatformView(
                name=i18n.t(f"platform.{plan.platform.value}", lang),
                role=i18n.t(f"role.{plan.role.value}", lang),
                cadence=i18n.t(
                    f"report.posts_week.{'one' if n == 1 else 'other'}",
                    lang,
                    n=i18n.number(n, lang, 1 if n % 1 else 0),
                ),
                reasons=reasons,
            )
        )
    skipped = [p for p in ranking if strategy.plan_for(p) is None]
    names = ", ".join(i18n.t(f"platform.{p.value}", lang) for p in skipped)
    return views, i18n.t("doc.skipped", lang, names=names) if skipped else ""


def _goal_name(platform: str, kpi_id: str, lang: str) -> str:
    return f"{i18n.t('platform.' + platform, lang)} · {i18n.t('kpi.' + kpi_id, lang)}"


def _goals(strategy: Strategy, lang: str) -> tuple[list[GoalView], list[KpiView]]:
    goals = [
        GoalView(
            goal=_goal_name(goal.platform.value, goal.kpi, lang),
            quarter=goal.quarter,
            baseline=kpi_value(goal.kpi, goal.baseline, lang),
            target=kpi_value(goal.kpi, goal.target, lang),
            kind=_cap(i18n.t(f"kpi.kind.{kpis.KPIS[goal.kpi].kind}", lang).split(" (")[0]),
            note=inert(goal.note),
        )
        for goal in sorted(strategy.goals, key=lambda g: g.quarter)
    ]
    seen: dict[str, KpiView] = {}
    for goal in strategy.goals:
        benches = seen[goal.kpi].benchmarks if goal.kpi in seen else []
        for bench in kpis.benchmarks_for(goal.platform.value, goal.kpi)[:2]:
            source = (
                i18n.t(f"source.{bench.source}", lang) if i18n.has(f"source.{bench.source}") else bench.source
            )
            line = i18n.t(
                "report.benchmark",
                lang,
                platform=i18n.t(f"platform.{goal.platform.value}", lang),
                value=i18n.percent(bench.value, lang, 2 if bench.value < 1 else 1),
                source=source,
            )
            if line not in benches:
                benches.append(line)
        seen[goal.kpi] = KpiView(
            i18n.t(f"kpi.{goal.kpi}", lang), _cap(i18n.t(f"kpi.{goal.kpi}.formula", lang)), benches
        )
    return goals, list(seen.values())


def _progress(item: tracker.GoalPace, lang: str) -> ProgressView:
    p, goal = item.pace, item.goal
    kpi = kpis.KPIS[goal.kpi]
    if p.status == Status.REACHED:
        needed, sentence = i18n.t("report.needed_none", lang), i18n.t("pacing.needed.reached", lang)
    elif p.still_needed_per_week is None:
        needed = "–"
        sentence = (
            i18n.t("pacing.needed.none", lang) if p.weeks_remaining == 0 and p.actual is not None else "–"
        )
    else:
        needed = kpi_value(goal.kpi, p.still_needed_per_week, lang)
        sentence = i18n.t(f"pacing.needed.{kpi.kind}", lang, amount=needed)
    caption = (
        i18n.t("pacing.week_of", lang, elapsed=p.weeks_elapsed, total=p.weeks_total)
        + " · "
        + i18n.t("pacing.weeks_logged", lang, logged=p.weeks_logged, total=p.weeks_elapsed)
        + " · "
        + i18n.t("common.formula", lang)
        + ": "
        + i18n.t(f"kpi.{goal.kpi}.formula", lang)
    )
    return ProgressView(
        goal=_goal_name(goal.platform.value, goal.kpi, lang),
        note=inert(goal.note),
        status=p.status,
        status_label=_cap(i18n.t(f"status.{p.status.value}", lang)),
        actual=kpi_value(goal.kpi, p.actual, lang),
        expected=kpi_value(goal.kpi, p.expected, lang),
        forecast=kpi_value(goal.kpi, p.forecast, lang),
        target=kpi_value(goal.kpi, goal.target, lang),
        needed=needed,
        needed_text=_cap(sentence),
        caption=caption,
        chart=None if p.status == Status.NO_DATA else chart_spec(item, lang),
    )


def _review(review: Review | None, lang: str) -> ReviewView | None:
    if review is None:
        return None
    parts = [
        Fact(i18n.t(f"report.review.{name}", lang), inert(getattr(review, name)))
        for name in ("went_well", "went_badly", "decisions", "notes")
    ]
    parts = [part for part in parts if part.value]
    if not parts:
        return None
    meta = i18n.t("report.review.updated", lang, date=i18n.day(review.updated_at, lang, "long"))
    period = review.period
    if review.kind == "month":
        year, month = periods.parse_month(period)
        period = i18n.day(date(year, month, 1), lang, "LLLL y")
    return ReviewView(i18n.t(f"report.review.{review.kind}", lang, period=period), meta, parts)


def build(strategy: Strategy, weeks: Sequence[WeekMetrics], review: Review | None, opts: Options) -> Report:
    """The report model of a strategy: strategy, progress in one quarter, the latest review."""
    lang = opts.lang
    today = opts.today or date.today()
    quarter = opts.quarter or report_quarter(strategy, today)
    items = tracker.goal_paces(strategy, weeks, quarter, today)
    name = inert(strategy.name)
    client = opts.client or (inert(strategy.profile.name) if strategy.profile else "")
    when = i18n.day(today, lang, "long")
    cover = [Fact(i18n.t("report.prepared_for", lang), client)] if client else []
    if opts.author:
        cover.append(Fact(i18n.t("report.prepared_by", lang), opts.author))
    cover.append(Fact(i18n.t("report.date", lang), when))
    counts = Counter(item.pace.status for item in items)
    chips = [(s, f"{counts[s]} {i18n.t(f'status.{s.value}', lang)}") for s in Status if counts[s]]
    platforms, skipped = _platforms(strategy, lang)
    goals, kpi_views = _goals(strategy, lang)
    with_data = [item for item in items if item.pace.status != Status.NO_DATA]
    note = ""
    if not items:
        note = i18n.t("report.no_goals_quarter", lang, quarter=quarter)
    elif not with_data:
        note = i18n.t("report.no_data", lang)
    cadence = []
    if items:
        for c in tracker.cadence(strategy, weeks, quarter, today):
            cadence.append(
                CadenceView(
                    platform=i18n.t(f"platform.{c.platform.value}", lang),
                    text=i18n.t(
                        "report.cadence_cell",
                        lang,
                        logged=i18n.number(c.logged, lang),
                        planned=i18n.number(c.planned, lang),
                    )
                    + (f" · {i18n.percent(c.share * 100, lang, 0)}" if c.share is not None else ""),
                    share=c.share,
                )
            )
    footer = " · ".join(part for part in (name, client if client != name else "", when) if part)
    return Report(
        lang=lang,
        accent=readable(opts.accent),
        on_accent=text_on(opts.accent),
        logo=opts.logo,
        name=name,
        client=client,
        author=opts.author,
        kicker=i18n.t("report.kicker", lang),
        subtitle=i18n.t("report.subtitle", lang, quarter=quarter),
        cover=cover,
        date=when,
        summary=i18n.tn("report.summary", lang, len(items), quarter=quarter),
        counts=chips,
        labels=_labels(lang, quarter),
        business=_business(strategy, lang),
        personas=_personas(strategy, lang),
        platforms=platforms,
        skipped=skipped,
        goals=goals,
        kpis=kpi_views,
        quarter=quarter,
        progress=[_progress(item, lang) for item in items],
        progress_note=note,
        cadence=cadence,
        review=_review(review, lang),
        footer=footer,
        file_stem=file_stem(strategy, lang, quarter),
    )


def load(store: Store, strategy_id: str, opts: Options) -> Report:
    """The report of a stored strategy, with its weeks and its latest review."""
    snapshot = store.read(strategy_id)
    weeks = sorted(snapshot.rows(METRICS), key=lambda m: (m.week, m.platform.value))
    return build(snapshot.strategy, weeks, latest(snapshot.rows(REVIEWS)), opts)
