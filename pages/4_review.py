"""Step 4 of the walk: read the whole plan once more, then save it."""

import streamlit as st

from cmplanner import recommend, wizard, workload
from cmplanner.models import Strategy
from cmplanner.ui import page, walk
from cmplanner.ui.document import render
from cmplanner.ui.workload import suggestion_box

ctx = page("review", needs_strategy=True)
assert ctx.strategy is not None
draft = walk.Draft(ctx)
st.title(ctx.t("page.review"))
walk.steps(ctx, "review")

current = draft.current()
audience_errors = wizard.audience(current, ctx.lang)[2]
chosen, platform_errors = wizard.chosen_platforms(current, ctx.lang)
goal_errors = wizard.goals(current, ctx.lang, [plan.platform for plan in chosen])[1]
missing = [
    (step, script)
    for step, script, errs in (
        ("audience", "pages/1_audience.py", audience_errors),
        ("platforms", "pages/2_platforms.py", platform_errors),
        ("goals", "pages/3_goals.py", goal_errors),
    )
    if errs
]
if missing or ctx.strategy.step < 3:
    st.warning(ctx.t("review.incomplete"), icon=":material/warning:")
    for step, script in missing:
        st.page_link(script, label=ctx.t("review.fix", step=ctx.t("page." + step)), icon=":material/edit:")
else:
    st.write(ctx.t("review.intro"))
render(ctx, ctx.strategy)
work = workload.workload(ctx.strategy, protect=recommend.recommended(ctx.strategy))
if work.suggestions:
    st.write(ctx.t("workload.walk_changes"))
    for suggestion in work.suggestions:
        suggestion_box(ctx, suggestion)


def finish(strategy: Strategy) -> None:
    strategy.status = "ready"


walk.nav(
    ctx,
    "review",
    {"w.review": ctx.t("review.incomplete")} if missing or ctx.strategy.step < 3 else {},
    finish,
)
