"""A report built from the records: a strategy, its progress in one quarter, its latest review and next month's
planned posts (``plan``), turned into the plain-text view model (:class:`~cmplanner.reports.model.Report`) in one
language. Nothing here needs Streamlit; figures read as on the pages (:mod:`cmplanner.presentation`), user text goes
through :func:`inert`.

For callers of the time before the split, the report's inputs, colours and chart helpers are importable from here
too (``options``, ``Options``, ``ReportError``, ``inert``, ``check_accent``, ``readable``, ``text_on``, ``FONTS``);
``cmplanner.reports`` exports the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from cmplanner import i18n, periods, tracker
from cmplanner import presentation as shown
from cmplanner.competitors.section import report_section
from cmplanner.exports import slug
from cmplanner.models import CompetitorWeek, PlannedPost, Post, Review, Strategy, WeekMetrics
from cmplanner.pacing import Status
from cmplanner.reports import strategy_views
from cmplanner.reports.charts import chart_images, chart_spec, warm_up
from cmplanner.reports.errors import ReportError
from cmplanner.reports.inputs import MAX_NAME, Logo, Options, check_accent, inert, options
from cmplanner.reports.model import (
    CadenceView,
    Fact,
    ProgressView,
    Report,
    ReviewView,
)
from cmplanner.reports.plan import next_month as next_month_plan
from cmplanner.reports.posts import which_posts
from cmplanner.reports.style import DEFAULT_ACCENT, FONT_FAMILY, FONTS, readable, text_on
from cmplanner.reviews import latest
from cmplanner.store import COMPETITOR_WEEKS, METRICS, PLANNED_POSTS, POSTS, REVIEWS, Store

__all__ = [
    "DEFAULT_ACCENT",
    "FONTS",
    "FONT_FAMILY",
    "MAX_NAME",
    "Fact",
    "Logo",
    "Options",
    "ProgressView",
    "Report",
    "ReportError",
    "build",
    "check_accent",
    "chart_images",
    "file_stem",
    "inert",
    "load",
    "options",
    "readable",
    "report_quarter",
    "text_on",
    "warm_up",
]


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


def _labels(lang: str, quarter: str) -> dict[str, str]:
    keys = {
        "strategy": "report.section.strategy",
        "business": "doc.business",
        "audience": "doc.audience",
        "platforms": "doc.platforms",
        "goals": "doc.goals",
        "time": "workload.doc_hours",
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
        "actual": "pacing.actual",
        "expected": "pacing.expected",
        "forecast": "pacing.forecast",
        "needed": "pacing.still_needed",
        "glance": "report.glance",
        "no_data_goal": "report.no_data_goal",
        "no_profile": "report.no_profile",
        "contents": "report.contents",
        "competitors.formulas": "cp.report.formulas",
        "competitors.watch": "cp.report.watch",
        "competitors.notes": "cp.report.notes",
    }
    return {name: i18n.t(key, lang, quarter=quarter) for name, key in keys.items()}


def _progress(item: tracker.GoalPace, lang: str) -> ProgressView:
    p, goal = item.pace, item.goal
    return ProgressView(
        goal=shown.goal_name(goal, lang),
        note=inert(goal.note),
        status=p.status,
        status_label=shown.status_label(p.status, lang),
        actual=shown.kpi_value(goal.kpi, p.actual, lang),
        expected=shown.kpi_value(goal.kpi, p.expected, lang),
        forecast=shown.kpi_value(goal.kpi, p.forecast, lang),
        target=shown.kpi_value(goal.kpi, goal.target, lang),
        needed=shown.needed_amount(item, lang),
        needed_text=shown.still_needed(item, lang),
        caption=f"{shown.weeks_caption(p, lang)} · {shown.formula_text(goal.kpi, lang)}",
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
    period = shown.month_label(review.period, lang) if review.kind == "month" else review.period
    return ReviewView(i18n.t(f"report.review.{review.kind}", lang, period=period), meta, parts)


def build(
    strategy: Strategy,
    weeks: Sequence[WeekMetrics],
    review: Review | None,
    opts: Options,
    posts: Sequence[PlannedPost] = (),
    competitor_weeks: Sequence[CompetitorWeek] = (),
    published: Sequence[Post] = (),
) -> Report:
    """The report model of a strategy: strategy, progress in one quarter, competitors, the latest review, next
    month's plan."""
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
    chips = [(s, shown.status_count(s, counts[s], lang)) for s in Status if counts[s]]
    platforms, skipped = strategy_views.platforms(strategy, lang)
    goals, kpi_views = strategy_views.goals(strategy, lang)
    with_data = [item for item in items if item.pace.status != Status.NO_DATA]
    note = ""
    if not items:
        note = i18n.t("report.no_goals_quarter", lang, quarter=quarter)
    elif not with_data:
        note = i18n.t("report.no_data", lang)
    cadence = [
        CadenceView(shown.platform_name(c.platform, lang), shown.cadence_cell(c, lang), c.share)
        for c in (tracker.cadence(strategy, weeks, quarter, today, posts) if items else [])
    ]
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
        business=strategy_views.business(strategy, lang),
        personas=strategy_views.personas(strategy, lang),
        platforms=platforms,
        skipped=skipped,
        time=strategy_views.time(strategy, lang),
        goals=goals,
        kpis=kpi_views,
        quarter=quarter,
        progress=[_progress(item, lang) for item in items],
        progress_note=note,
        cadence=cadence,
        review=_review(review, lang),
        footer=footer,
        file_stem=file_stem(strategy, lang, quarter),
        plan=next_month_plan(posts, today, lang),
        competitors=report_section(strategy, weeks, competitor_weeks, quarter, lang, clean=inert),
        posts=which_posts(strategy, published, today, lang),
    )


def load(store: Store, strategy_id: str, opts: Options) -> Report:
    """The report of a stored strategy, with its weeks, its competitors' weeks and its latest review."""
    snapshot = store.read(strategy_id)
    weeks = sorted(snapshot.rows(METRICS), key=lambda m: (m.week, m.platform.value))
    review = latest(snapshot.rows(REVIEWS))
    return build(
        snapshot.strategy,
        weeks,
        review,
        opts,
        snapshot.rows(PLANNED_POSTS),
        competitor_weeks=snapshot.rows(COMPETITOR_WEEKS),
        published=snapshot.rows(POSTS),
    )
