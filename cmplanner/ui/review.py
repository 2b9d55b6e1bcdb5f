"""The review pages' panels: month and quarter pickers, the monthly summary per platform, the quarter's results,
next quarter's proposed goals, the review form and history, data downloads, and the spot for a report button."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from datetime import date

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from cmplanner import exports, i18n, kpis, periods, reviews
from cmplanner.models import Goal, Platform, Strategy, WeekMetrics
from cmplanner.reviews import Figure, GoalMonth, Kind, MonthSummary, PlatformMonth, QuarterSummary, Review
from cmplanner.store import backup as workspace_backup
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, escape, today
from cmplanner.ui.tracker import BADGE, goal_name, status_table, still_needed
from cmplanner.ui.widgets import kpi_value

FIELDS: dict[Kind, tuple[str, ...]] = {
    "month": ("went_well", "went_badly", "decisions"),
    "quarter": ("went_well", "went_badly", "decisions", "notes"),
}
GOOD, BAD = "#1E7B34", "#B42318"
CORE_KPIS: tuple[str, ...] = (
    "followers",
    "posts",
    "impressions",
    "reach",
    "engagements",
    "engagement_rate_followers",
    "response_rate",
)
"""The figures a monthly review shows besides the KPIs of the platform's goals (a toggle shows them all)."""
ALL_KPIS = "rv.all_kpis"


# ------------------------------------------------------------------------------------------------ shared


def report_button(ctx: Ctx) -> None:
    """The report download button, once the reports module exists (``cmplanner.ui.report.download_button``)."""
    if importlib.util.find_spec("cmplanner.ui.report") is None:
        return
    button = getattr(importlib.import_module("cmplanner.ui.report"), "download_button", None)
    if button is not None:
        button(ctx)


def user_text(text: str) -> str:
    """User text for st.markdown: inert, with its line breaks kept."""
    return escape(text).replace("\n", "  \n")


def month_label(month: str, lang: str) -> str:
    """``November 2026`` / ``november 2026``."""
    year, m = periods.parse_month(month)
    return i18n.day(date(year, m, 1), lang, "MMMM y")


def period_label(ctx: Ctx, kind: Kind, period: str) -> str:
    return month_label(period, ctx.lang) if kind == "month" else period


def _picker(label: str, options: list[str], default: str, param: str, fmt: Callable[[str], str] = str) -> str:
    """A selectbox that starts on ``?<param>=`` (else ``default``) and keeps the choice in the URL."""
    wanted = st.query_params.get(param)
    key = f"rv.pick.{param}"
    if st.session_state.get(key) not in options:
        st.session_state[key] = wanted if wanted in options else default if default in options else options[0]
    choice: str = st.selectbox(label, options, key=key, format_func=fmt)
    if st.query_params.get(param) != choice:
        st.query_params[param] = choice
    return choice


def month_picker(ctx: Ctx, options: list[str], default: str) -> str:
    return _picker(ctx.t("rv.month"), options, default, "month", lambda m: month_label(m, ctx.lang))


def quarter_picker(ctx: Ctx, options: list[str], default: str) -> str:
    return _picker(ctx.t("field.quarter"), options, default, "q")


# ------------------------------------------------------------------------------------------------ the month


def _signed(value: float, text: str) -> str:
    """``text`` (the absolute value, formatted) with the sign of ``value``; ± when it rounds to zero."""
    if not any(c in "123456789" for c in text):
        return "±" + text
    return ("+" if value > 0 else "−") + text


def change_text(ctx: Ctx, figure: Figure) -> str:
    """``+49 (+3.7%)``, ``−0.21 pp``, ``−0.1 h``; an en dash when either month has no value."""
    change = figure.change
    if change is None:
        return "–"
    unit = kpis.KPIS[figure.kpi].unit
    if unit == "percent":
        return _signed(change, ctx.t("rv.pp", n=i18n.number(abs(change), ctx.lang, 2)))
    text = _signed(change, kpi_value(ctx, figure.kpi, abs(change)))
    pct = figure.change_pct
    if pct is not None and unit == "count":
        text += f" ({_signed(pct, i18n.percent(abs(pct), ctx.lang, 0))})"
    return text


def shown_figures(item: PlatformMonth, everything: bool) -> list[Figure]:
    """The KPIs of the platform's goals, then the core ones (``CORE_KPIS``); every KPI when ``everything``."""
    if everything:
        return item.figures
    wanted = [*(g.goal.kpi for g in item.goals), *CORE_KPIS]
    by_kpi = {f.kpi: f for f in item.figures}
    return [by_kpi[k] for k in dict.fromkeys(wanted) if k in by_kpi]


def figures_table(ctx: Ctx, summary: MonthSummary, item: PlatformMonth, everything: bool = False) -> None:
    """The platform's KPIs this month against last month, the change coloured by whether it is good news."""
    figures = shown_figures(item, everything)
    if not figures:
        st.caption(ctx.t("rv.no_figures"))
        return
    this, before = month_label(summary.month, ctx.lang), month_label(summary.previous_month, ctx.lang)
    frame = pd.DataFrame(
        [
            {
                ctx.t("field.kpi"): ctx.t(f"kpi.{f.kpi}"),
                this: kpi_value(ctx, f.kpi, f.value),
                before: kpi_value(ctx, f.kpi, f.previous),
                ctx.t("rv.change"): change_text(ctx, f),
                ctx.t("common.formula"): ctx.t(f"kpi.{f.kpi}.formula"),
            }
            for f in figures
        ]
    )
    colours = [GOOD if f.better else BAD if f.better is False else "" for f in figures]
    styled = frame.style.apply(
        lambda _: [f"color: {c}" if c else "" for c in colours], subset=[ctx.t("rv.change")], axis=0
    )
    st.dataframe(styled, hide_index=True, width="stretch", height="content")


def _was(ctx: Ctx, goal: GoalMonth, summary: MonthSummary) -> str:
    if goal.previous_status is None:
        return ""
    return " " + ctx.t(
        "rv.was",
        status=ctx.t(f"status.{goal.previous_status.value}"),
        month=month_label(summary.previous_month, ctx.lang),
    )


def decisions_panel(ctx: Ctx, summary: MonthSummary) -> None:
    """What we decided last month: the first thing to check."""
    previous = month_label(summary.previous_month, ctx.lang)
    if summary.last_decisions:
        with st.container(border=True):
            st.markdown(f"**{ctx.t('rv.last_decisions', month=previous)}**")
            st.markdown(user_text(summary.last_decisions))
    else:
        st.caption(ctx.t("rv.no_last_decisions", month=previous))


def overview_panel(ctx: Ctx, summary: MonthSummary) -> None:
    """Goals behind, checklist completion, weeks logged: the five-minute answer."""
    goals = [g for p in summary.platforms for g in p.goals]
    done = summary.checklist_total
    cols = st.columns(3)
    cols[0].metric(ctx.t("rv.goals_behind"), f"{len(summary.behind)} / {len(goals)}")
    cols[1].metric(
        ctx.t("rv.checklist"),
        i18n.percent(done.fraction * 100, ctx.lang, 0) if done.total else "–",
        help=ctx.t("rv.checklist_help"),
    )
    logged = max((p.weeks_logged for p in summary.platforms), default=0)
    cols[2].metric(ctx.t("rv.weeks_logged"), f"{logged} / {len(summary.weeks)}")
    if summary.behind:
        lines = [
            f"- :{BADGE[g.pace.status][0]}[**{ctx.t('status.' + g.pace.status.value)}**] "
            f"{escape(goal_name(ctx, g.item))}{_was(ctx, g, summary)}: {still_needed(ctx, g.item)}"
            for g in summary.behind
        ]
        st.markdown(f"**{ctx.t('rv.behind_title')}**\n\n" + "\n".join(lines))
    elif goals:
        st.success(ctx.t("rv.none_behind"), icon=":material/verified:")
    progress = summary.checklist
    parts = [
        f"{ctx.t(f'rv.period.{period}')}: {p.done}/{p.total}" for period, p in progress.items() if p.total
    ]
    if parts:
        st.caption(ctx.t("rv.checklist_line") + " " + " · ".join(parts))


def platform_panel(ctx: Ctx, summary: MonthSummary, item: PlatformMonth, everything: bool = False) -> None:
    """One platform: figures vs last month, its goals' pace at the month's end, its tasks done."""
    with st.container(border=True):
        st.subheader(ctx.t(f"platform.{item.platform.value}"))
        st.caption(
            ctx.t(
                "rv.weeks_line",
                logged=item.weeks_logged,
                total=len(summary.weeks),
                previous=item.previous_weeks_logged,
                month=month_label(summary.previous_month, ctx.lang),
            )
        )
        figures_table(ctx, summary, item, everything)
        if item.goals:
            st.markdown(f"**{ctx.t('rv.goal_pace', quarter=summary.quarter)}**")
            status_table(ctx, [g.item for g in item.goals])
        if item.checklist.total:
            st.progress(
                item.checklist.fraction,
                text=ctx.t("rv.platform_tasks", done=item.checklist.done, total=item.checklist.total),
            )


# ------------------------------------------------------------------------------------------------ the quarter


def results_panel(ctx: Ctx, summary: QuarterSummary) -> None:
    """Per goal: reached or not, and by how much."""
    if not summary.over:
        st.info(
            ctx.t("rv.quarter_running", elapsed=summary.weeks_elapsed, total=summary.weeks_total),
            icon=":material/hourglass_top:",
        )
    judged = [g for g in summary.goals if g.reached is not None]
    st.metric(ctx.t("rv.reached_count"), f"{len(summary.reached)} / {len(summary.goals)}")
    rows = []
    for g in summary.goals:
        verdict = "no_data" if g.reached is None else "yes" if g.reached else "no"
        diff = g.difference
        unit = kpis.KPIS[g.goal.kpi].unit
        if diff is None:
            by = "–"
        elif unit == "percent":
            by = _signed(diff, ctx.t("rv.pp", n=i18n.number(abs(diff), ctx.lang, 2)))
        else:
            by = _signed(diff, kpi_value(ctx, g.goal.kpi, abs(diff)))
        rows.append(
            {
                ctx.t("tracker.col.goal"): goal_name(ctx, g.item),
                ctx.t("rv.reached"): ctx.t(f"rv.verdict.{verdict}"),
                ctx.t("tracker.col.status"): ctx.t(f"status.{g.pace.status.value}"),
                ctx.t("pacing.baseline"): kpi_value(ctx, g.goal.kpi, g.goal.baseline),
                ctx.t("pacing.actual"): kpi_value(ctx, g.goal.kpi, g.pace.actual),
                ctx.t("pacing.target"): kpi_value(ctx, g.goal.kpi, g.goal.target),
                ctx.t("rv.difference"): by,
                ctx.t("rv.attained"): i18n.percent(g.attained, ctx.lang, 0),
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(ctx.t("rv.attained_help"))
    if not judged:
        st.caption(ctx.t("tracker.no_data"))


def _unit(ctx: Ctx, kpi_id: str) -> str:
    unit = kpis.KPIS[kpi_id].unit
    return "" if unit == "count" else ctx.t(f"kpi.unit.{unit}")


def proposals_key(quarter: str) -> str:
    """The proposals editor's widget key (its state holds the user's edits)."""
    return f"rv.proposals.{quarter}"


def proposals_panel(
    ctx: Ctx, strategy: Strategy, rows: Sequence[WeekMetrics], summary: QuarterSummary
) -> None:
    """Next quarter's goals proposed from the achieved trend, editable, accepted into the strategy in one step."""
    proposals = reviews.propose_goals(strategy, rows, summary.quarter, today=today())
    st.subheader(ctx.t("rv.proposals", quarter=summary.next_quarter))
    if not proposals:
        st.caption(ctx.t("rv.no_proposals"))
        return
    st.caption(ctx.t("rv.proposals_help", uplift=i18n.percent(reviews.UPLIFT * 100, ctx.lang, 0)))
    frame = pd.DataFrame(
        [
            {
                "keep": True,
                "platform": ctx.t(f"platform.{g.platform.value}"),
                "kpi": ctx.t(f"kpi.{g.kpi}"),
                "unit": _unit(ctx, g.kpi),
                "baseline": g.baseline,
                "target": g.target,
                "note": g.note,
            }
            for g in proposals
        ]
    )
    edited = st.data_editor(
        frame,
        key=proposals_key(summary.quarter),
        hide_index=True,
        num_rows="fixed",
        width="stretch",
        disabled=["platform", "kpi", "unit"],
        column_config={
            "keep": st.column_config.CheckboxColumn(ctx.t("rv.keep")),
            "platform": st.column_config.TextColumn(ctx.t("field.platform")),
            "kpi": st.column_config.TextColumn(ctx.t("field.kpi")),
            "unit": st.column_config.TextColumn(ctx.t("rv.unit")),
            "baseline": st.column_config.NumberColumn(
                ctx.t("field.baseline"), min_value=0, format="localized"
            ),
            "target": st.column_config.NumberColumn(ctx.t("field.target"), min_value=0, format="localized"),
            "note": st.column_config.TextColumn(ctx.t("field.note"), max_chars=2000),
        },
    )
    existing = [g for g in strategy.goals if g.quarter == summary.next_quarter]
    if existing:
        st.caption(ctx.tn("rv.existing", len(existing), quarter=summary.next_quarter))
    if st.button(ctx.t("rv.accept"), key="rv.accept", type="primary", icon=":material/playlist_add_check:"):
        goals, errors = goals_from_editor(ctx, proposals, edited)
        if errors:
            st.error(
                ctx.t("rv.accept_errors") + "\n\n" + "\n".join(f"- {e}" for e in errors),
                icon=":material/error:",
            )
        elif not goals:
            st.warning(ctx.t("rv.accept_none"), icon=":material/info:")
        elif state.save(
            ctx.store, strategy, "review", lambda edit: reviews.accept_goals(edit, goals), ctx.lang
        ):
            st.success(
                ctx.tn("rv.accepted", len(goals), quarter=summary.next_quarter), icon=":material/check:"
            )
            st.page_link(
                "pages/9_tracker.py",
                label=ctx.t("page.tracker"),
                icon=":material/monitoring:",
                query_params={"s": strategy.id, "q": summary.next_quarter},
            )


def goals_from_editor(
    ctx: Ctx, proposals: Sequence[Goal], edited: pd.DataFrame
) -> tuple[list[Goal], list[str]]:
    """The kept rows of the proposals editor as goals, and a readable message per row that is not valid."""
    goals: list[Goal] = []
    errors: list[str] = []
    for proposal, row in zip(proposals, edited.to_dict("records"), strict=True):
        if not row.get("keep"):
            continue
        try:
            goals.append(
                Goal(
                    platform=Platform(proposal.platform),
                    kpi=proposal.kpi,
                    quarter=proposal.quarter,
                    baseline=_number(row.get("baseline")),
                    target=_number(row.get("target")),
                    note=str(row.get("note") or ""),
                    start_week=proposal.start_week,
                )
            )
        except ValidationError as exc:
            label = f"{ctx.t('platform.' + proposal.platform.value)} · {ctx.t('kpi.' + proposal.kpi)}"
            errors.append(f"{escape(label)}: {'; '.join(i18n.explain(exc, ctx.lang).values())}")
    return goals, errors


def _number(value: object) -> object:
    """An editor cell as a number for pydantic (an emptied cell is missing)."""
    return None if value is None or (isinstance(value, float) and value != value) else value


# ------------------------------------------------------------------------------------------------ the review


def review_form(ctx: Ctx, kind: Kind, period: str, existing: Review | None) -> None:
    """What went well, what did not, decisions (and for a quarter, notes on the revised strategy); saved with
    the strategy (the page then shows it from the store)."""
    assert ctx.strategy is not None
    st.subheader(ctx.t(f"rv.form.{kind}", period=period_label(ctx, kind, period)))
    if existing is not None:
        st.caption(ctx.t("rv.saved_on", date=i18n.day(existing.updated_at, ctx.lang)))
    with st.form(key=f"rv.form.{kind}.{period}", border=True):
        values = {
            name: st.text_area(
                ctx.t(f"rv.field.{name}.{kind}") if name == "notes" else ctx.t(f"rv.field.{name}"),
                value=getattr(existing, name) if existing else "",
                key=f"rv.{name}.{kind}.{period}",
                placeholder=ctx.t(f"rv.placeholder.{name}"),
                max_chars=5000,
                height=110,
            )
            for name in FIELDS[kind]
        }
        submitted = st.form_submit_button(ctx.t("rv.save"), type="primary", icon=":material/save:")
    if not submitted:
        return
    try:
        review = Review(kind=kind, period=period, **values)
    except ValidationError as exc:
        st.error("; ".join(i18n.explain(exc, ctx.lang).values()), icon=":material/error:")
        return
    if state.save(ctx.store, ctx.strategy, "review", lambda edit: reviews.save(edit, review), ctx.lang):
        state.flash("success", ctx.t("rv.saved"))
    st.rerun()


def history_panel(ctx: Ctx, saved: Sequence[Review]) -> None:
    """Past reviews, newest first, each with what was written."""
    st.subheader(ctx.t("rv.history"))
    shown = [r for r in saved if not r.is_empty]
    if not shown:
        st.caption(ctx.t("rv.history_empty"))
        return
    for review in shown:
        title = ctx.t(f"rv.history.{review.kind}", period=period_label(ctx, review.kind, review.period))
        with st.expander(title, icon=":material/history:"):
            for name in FIELDS[review.kind]:
                text = getattr(review, name)
                if text:
                    label = (
                        ctx.t(f"rv.field.{name}.{review.kind}")
                        if name == "notes"
                        else ctx.t(f"rv.field.{name}")
                    )
                    st.markdown(f"**{label}**  \n{user_text(text)}")
            st.caption(ctx.t("rv.saved_on", date=i18n.day(review.updated_at, ctx.lang)))


# ------------------------------------------------------------------------------------------------ data out


def data_panel(ctx: Ctx, rows: Sequence[WeekMetrics]) -> None:
    """Metrics as CSV and Excel, the whole workspace as a JSON backup; each file built when clicked."""
    strategy = ctx.strategy
    assert strategy is not None
    st.subheader(ctx.t("rv.data"))
    st.caption(ctx.t("rv.data_help"))
    name = exports.slug(strategy.name)
    cols = st.columns(3)
    cols[0].download_button(
        ctx.t("rv.csv"),
        data=lambda: exports.metrics_csv(strategy, rows),
        file_name=f"{name}-metrics.csv",
        mime="text/csv",
        icon=":material/table:",
        key="rv.csv",
    )
    cols[1].download_button(
        ctx.t("rv.xlsx"),
        data=lambda: exports.metrics_xlsx(strategy, rows),
        file_name=f"{name}-metrics.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/grid_on:",
        key="rv.xlsx",
    )
    cols[2].download_button(
        ctx.t("rv.backup"),
        data=lambda: workspace_backup.export(ctx.store).payload(),
        file_name=f"cmplanner-backup-{date.today().isoformat()}.json",
        mime="application/json",
        icon=":material/backup:",
        key="rv.backup",
    )
