"""Step 3 of the walk: quarterly goals and the KPIs that measure them."""

import streamlit as st

from cmplanner import i18n, kpis, periods, wizard
from cmplanner.models import Strategy
from cmplanner.presentation import unit_name
from cmplanner.ui import page, today, walk
from cmplanner.ui.widgets import kpi_help

TEXT_MAX = 2000  # models.Text
VALUE_MAX = 1e9  # a KPI value: a billion followers or views is beyond any plan

ctx = page("goals", needs_strategy=True)
assert ctx.strategy is not None
draft = walk.Draft(ctx)
st.title(ctx.t("page.goals"))
walk.steps(ctx, "goals")

chosen, _ = wizard.chosen_platforms(draft.current(), ctx.lang)
if not chosen:
    st.warning(ctx.t("goals.need_platforms"), icon=":material/arrow_back:")
    st.page_link("pages/2_platforms.py", label=ctx.t("page.platforms"), icon=":material/apps:")
    st.stop()
platform_ids = [plan.platform for plan in chosen]
st.write(ctx.t("goals.intro"))

day = today()
quarters = wizard.goal_quarters(day)
errors = wizard.goals(draft.current(), ctx.lang, platform_ids, day, ctx.strategy.goals)[1]
shown = errors if walk.touched("goals") else {}
goal_ids = list(draft.value("goals") or [])
draft.set("goals", goal_ids)
walk.error(shown, "w.goals")
if not goal_ids:
    st.info(ctx.t("goals.empty"), icon=":material/flag:")


def unit_label(field: str, kpi_id: str) -> str:
    unit = unit_name(kpi_id, ctx.lang)
    return ctx.t(f"field.{field}") + (f" ({unit})" if unit else "")


for number, gid in enumerate(goal_ids, start=1):
    prefix = f"goal.{gid}."
    with st.container(border=True):
        head, remove = st.columns([5, 1])
        head.markdown(f"**{ctx.t('goals.goal_n', n=number)}**")
        if remove.button(
            ctx.t("audience.remove"), key=f"remove.{gid}", icon=":material/delete:", type="tertiary"
        ):
            draft.set("goals", [g for g in goal_ids if g != gid])
            draft.save()
            draft.forget(prefix)
            st.rerun()
        left, mid, right = st.columns([2, 3, 2])
        platform = left.selectbox(
            ctx.t("field.platform"),
            [p.value for p in platform_ids],
            key=draft.key(prefix + "platform", platform_ids[0].value),
            format_func=lambda p: ctx.t(f"platform.{p}"),
        )
        kpi_id = mid.selectbox(
            ctx.t("field.kpi"),
            list(kpis.KPIS),
            key=draft.key(prefix + "kpi", "followers"),
            format_func=lambda k: ctx.t(f"kpi.{k}"),
        )
        with mid:
            walk.error(shown, f"w.{prefix}kpi")
        quarter_key = draft.key(prefix + "quarter", quarters[0])
        quarter = right.selectbox(ctx.t("field.quarter"), quarters, key=quarter_key)
        with right:
            walk.error(shown, f"w.{prefix}quarter")
        late = wizard.weeks_left(quarter, day)
        if late is not None:
            later = periods.shift_quarter(quarter, 1)
            with st.container(horizontal=True, vertical_alignment="center"):
                st.warning(
                    ctx.t("goalstart.late", left=late[0], total=late[1], quarter=quarter, next=later),
                    icon=":material/hourglass_bottom:",
                )
                st.button(
                    ctx.t("goalstart.use_next", quarter=later),
                    key=f"next_quarter.{gid}",
                    on_click=st.session_state.__setitem__,
                    args=(quarter_key, later),
                )
        with left:
            walk.error(shown, f"w.{prefix}platform")
        st.caption(kpi_help(ctx, kpi_id, platform))
        left, mid, right = st.columns([2, 2, 3])
        unit = kpis.KPIS[kpi_id].unit
        number_format, step = ("%.0f", 1.0) if unit == "count" else ("%.2f", 0.1)
        limits = ctx.t("walkinput.range", low=i18n.number(0, ctx.lang), high=i18n.number(VALUE_MAX, ctx.lang))
        if unit != "count":
            limits += " " + ctx.t("walkinput.decimal_point")
        left.number_input(
            unit_label("baseline", kpi_id),
            min_value=0.0,
            max_value=VALUE_MAX,
            step=step,
            format=number_format,
            key=draft.key(prefix + "baseline", 0.0),
            help=ctx.t(f"goals.baseline_help.{kpis.KPIS[kpi_id].kind}") + " " + limits,
        )
        mid.number_input(
            unit_label("target", kpi_id),
            min_value=0.0,
            max_value=VALUE_MAX,
            step=step,
            format=number_format,
            key=draft.key(prefix + "target", 0.0),
            help=limits,
        )
        right.text_input(
            ctx.t("field.note"),
            key=draft.key(prefix + "note", ""),
            max_chars=TEXT_MAX,
            live=walk.LIVE,
            help=ctx.t("walkinput.text_max", max=i18n.number(TEXT_MAX, ctx.lang)),
        )
        with left:
            walk.error(shown, f"w.{prefix}baseline")
        with mid:
            walk.error(shown, f"w.{prefix}target")
        with right:
            walk.error(shown, f"w.{prefix}note")
            walk.at_limit(ctx, f"w.{prefix}note", TEXT_MAX)
        wrong = wizard.wrong_way_text(draft.current(), gid, ctx.lang)
        if wrong:
            st.checkbox(wrong, key=draft.key(prefix + wizard.WRONG_WAY_OK, False))

if st.button(ctx.t("goals.add"), icon=":material/add:"):
    draft.set("goals", [*goal_ids, wizard.new_id()])
    draft.save()
    st.rerun()

draft.save()


def save_goals(strategy: Strategy) -> None:
    strategy.goals, _ = wizard.goals(draft.saved, ctx.lang, platform_ids, day, strategy.goals)


walk.nav(ctx, "goals", errors, save_goals)
