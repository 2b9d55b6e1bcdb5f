"""Step 2 of the walk: which platforms to use, and why (recommendations with their reasons and sources)."""

import streamlit as st

from cmplanner import i18n, pillars, recommend, why, wizard, workload
from cmplanner.models import Role, Strategy
from cmplanner.ui import page, walk
from cmplanner.ui.pillars import section as pillar_section
from cmplanner.ui.widgets import reasons
from cmplanner.ui.workload import fit_message, suggestion_box

ctx = page("platforms", needs_strategy=True)


def mark_by_hand(platform: str) -> None:
    """The user ticked or unticked a platform: from now on its tick is theirs."""
    st.session_state[wizard.BY_HAND] = wizard.by_hand(draft.current(), platform)


assert ctx.strategy is not None
draft = walk.Draft(ctx)
st.title(ctx.t("page.platforms"))
walk.steps(ctx, "platforms")

profile, personas, audience_errors = wizard.audience(draft.current(), ctx.lang)
if profile is None or not personas:
    st.warning(ctx.t("platforms.need_audience"), icon=":material/arrow_back:")
    st.page_link("pages/1_audience.py", label=ctx.t("page.audience"), icon=":material/groups:")
    st.stop()

st.write(ctx.t("platforms.intro"))
ranking = recommend.recommend(profile, personas, checklist=ctx.strategy.checklist)
plan = wizard.plan_from_draft(ctx.strategy, draft.current(), ctx.lang)
updates, followed = wizard.follow_recommendations(
    draft.current(), [r.platform for r in ranking if r.recommended]
)
for key, value in updates.items():
    draft.set(key.removeprefix("w."), value)
if followed:
    st.info(
        wizard.follow_message(followed, ctx.lang) + " " + ctx.t("follow.help"),
        icon=":material/published_with_changes:",
    )
_, errors = wizard.chosen_platforms(draft.current(), ctx.lang)
shown = errors if walk.touched("platforms") else {}
walk.error(shown, "w.platforms")

for rec in ranking:
    p = rec.platform.value
    defaults = wizard.platform_defaults(rec.platform)
    with st.container(border=True):
        head, badge = st.columns([3, 2], vertical_alignment="center")
        use = head.checkbox(
            ctx.t("platform." + p),
            key=draft.key(f"platforms.{p}.use", rec.recommended),
            on_change=mark_by_hand,
            args=(p,),
        )
        with badge, st.container(horizontal=True, horizontal_alignment="right"):
            if rec.recommended:
                st.badge(ctx.t("platforms.recommended"), icon=":material/thumb_up:", color="green")
            elif rec.over_hours:
                st.badge(
                    ctx.t("platforms.over_hours"),
                    icon=":material/hourglass_top:",
                    color="orange",
                    help=ctx.t("platforms.over_hours.help"),
                )
            else:
                st.badge(ctx.t("platforms.not_recommended"), icon=":material/remove:", color="gray")
            hours = workload.platform_hours(plan, rec.platform)
            st.badge(
                ctx.t("common.hours", n=i18n.number(hours, ctx.lang, 1)) + " / " + ctx.t("platforms.week"),
                icon=":material/schedule:",
                color="gray",
            )
        with st.expander(
            ctx.t("platforms.why" if rec.recommended else "platforms.why_not"), expanded=rec.recommended
        ):
            reasons(ctx, why.for_working(rec.reasons) if use else rec.reasons)  # ticked: not "skipped"
            st.caption(ctx.t("platforms.effort", hours=i18n.number(rec.hours_per_week, ctx.lang, 1)))
        if use:
            left, right = st.columns(2)
            left.selectbox(
                ctx.t("field.role"),
                [r.value for r in Role],
                key=draft.key(f"platforms.{p}.role", defaults["role"]),
                format_func=lambda r: ctx.t(f"role.{r}"),
            )
            with left:
                walk.error(shown, f"w.platforms.{p}.role")
            right.number_input(
                ctx.t("field.posts_per_week"),
                min_value=0.0,
                max_value=70.0,
                step=1.0,
                format="%.0f",
                key=draft.key(f"platforms.{p}.posts_per_week", defaults["posts_per_week"]),
                help=ctx.t("walkinput.range", low=i18n.number(0, ctx.lang), high=i18n.number(70, ctx.lang)),
            )
            walk.error(shown, f"w.platforms.{p}.posts_per_week")

pillar_errors = pillars.from_draft(draft.current(), ctx.lang)[1]
pillar_section(ctx, draft, pillar_errors if walk.touched("platforms") else {})
draft.save()
plan = wizard.plan_from_draft(ctx.strategy, draft.saved, ctx.lang)
work = workload.workload(plan, protect={r.platform.value for r in ranking if r.recommended})
st.subheader(ctx.t("workload.fit_title"))
fit_message(ctx, work)
st.caption(ctx.t("workload.walk_help"))
if work.suggestions:
    st.write(ctx.t("workload.walk_changes"))
    for suggestion in work.suggestions:
        suggestion_box(ctx, suggestion)


def save_platforms(strategy: Strategy) -> None:
    strategy.platforms, _ = wizard.chosen_platforms(draft.saved, ctx.lang)
    strategy.pillars, _ = pillars.from_draft(draft.saved, ctx.lang)


walk.nav(ctx, "platforms", {**errors, **pillar_errors}, save_platforms)
