"""The quarterly review's panels: per goal reached or not and by how much, and next quarter's goals proposed from
the achieved trend, editable and accepted into the strategy in one step."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from cmplanner import i18n, reviews
from cmplanner import presentation as shown
from cmplanner.models import Goal, Platform, Strategy, WeekMetrics
from cmplanner.reviews import QuarterSummary
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, escape, today
from cmplanner.ui.tables import editor_format


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
        rows.append(
            {
                ctx.t("tracker.col.goal"): shown.goal_name(g.goal, ctx.lang),
                ctx.t("rv.reached"): ctx.t(f"rv.verdict.{verdict}"),
                ctx.t("tracker.col.status"): shown.status_label(g.pace.status, ctx.lang),
                ctx.t("pacing.baseline"): shown.kpi_value(g.goal.kpi, g.goal.baseline, ctx.lang),
                ctx.t("pacing.actual"): shown.kpi_value(g.goal.kpi, g.pace.actual, ctx.lang),
                ctx.t("pacing.target"): shown.kpi_value(g.goal.kpi, g.goal.target, ctx.lang),
                ctx.t("rv.difference"): shown.kpi_change(g.goal.kpi, g.difference, ctx.lang),
                ctx.t("rv.attained"): i18n.percent(g.attained, ctx.lang, 0),
            }
        )
    # a static table: its cells wrap, so all eight columns fit the page
    st.table(pd.DataFrame(rows).set_index(ctx.t("tracker.col.goal")))
    st.caption(ctx.t("rv.attained_help"))
    if not judged:
        st.caption(ctx.t("tracker.no_data"))


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
                "platform": shown.platform_name(g.platform, ctx.lang),
                "kpi": ", ".join(
                    filter(None, (shown.kpi_name(g.kpi, ctx.lang), shown.unit_name(g.kpi, ctx.lang)))
                ),
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
        disabled=["platform", "kpi"],
        column_config={  # widths that fit the page's 704 px in both languages, so no column is cut off
            "keep": st.column_config.CheckboxColumn(ctx.t("rv.keep"), width=104),
            "platform": st.column_config.TextColumn(ctx.t("field.platform"), width=84),
            "kpi": st.column_config.TextColumn(ctx.t("rv.kpi_unit"), width=250),
            "baseline": st.column_config.NumberColumn(
                ctx.t("field.baseline"), min_value=0, format=editor_format(ctx.lang), width=84
            ),
            "target": st.column_config.NumberColumn(
                ctx.t("field.target"), min_value=0, format=editor_format(ctx.lang), width=84
            ),
            "note": st.column_config.TextColumn(
                ctx.t("field.note"), max_chars=2000, width=98, help=ctx.t("walkinput.max_chars", max="2000")
            ),
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
            label = shown.goal_name(proposal, ctx.lang)
            errors.append(f"{escape(label)}: {'; '.join(i18n.explain(exc, ctx.lang).values())}")
    return goals, errors


def _number(value: object) -> object:
    """An editor cell as a number for pydantic (an emptied cell is missing)."""
    return None if value is None or (isinstance(value, float) and value != value) else value
