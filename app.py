"""Home: the strategies overview (create, open, duplicate, rename, delete) and the first-run welcome."""

import streamlit as st

from cmplanner import demo, i18n
from cmplanner.models import Strategy
from cmplanner.pacing import Status
from cmplanner.ui import escape, go, page, set_active, today
from cmplanner.ui.shell import damaged_text, status_counts
from cmplanner.ui.tracker import BADGE
from cmplanner.ui.walk import STEPS

ctx = page("home")
day = today()
strategies, damaged = ctx.store.list()
for item in damaged:
    st.error(damaged_text(item, ctx.lang), icon=":material/error:")


def open_strategy(strategy: Strategy) -> None:
    set_active(strategy.id)
    go("pages/5_strategy.py" if strategy.status == "ready" else STEPS[min(strategy.step, 3)][1], strategy.id)


def create_form(first: bool) -> None:
    with st.form("create", clear_on_submit=True, border=not first):
        name = st.text_input(
            ctx.t("home.new_name"), placeholder=ctx.t("home.new_placeholder"), key="new_name"
        )
        if st.form_submit_button(ctx.t("home.create"), type="primary", icon=":material/add:"):
            if not name.strip():
                st.error(ctx.t("error.name_required"), icon=":material/error:")
            else:
                strategy = ctx.store.create(name.strip())
                open_strategy(strategy)


if not strategies:
    st.title(ctx.t("home.welcome_title"))
    st.write(ctx.t("home.welcome"))
    left, right = st.columns(2, gap="large")
    with left, st.container(border=True):
        st.subheader(ctx.t("home.first_title"))
        st.caption(ctx.t("home.first_help"))
        create_form(first=True)
    with right, st.container(border=True):
        st.subheader(ctx.t("home.demo_title"))
        st.caption(ctx.t("home.demo_help"))
        if st.button(ctx.t("home.demo_button"), icon=":material/auto_awesome:"):
            demo.write_demo(ctx.store)
            st.rerun()
    st.stop()

st.title(ctx.t("page.home"))
st.caption(ctx.t("home.count", n=len(strategies)))
with st.expander(ctx.t("home.new_title"), icon=":material/add:"):
    create_form(first=False)

for strategy in strategies:
    with st.container(border=True):
        info, actions = st.columns([3, 2], vertical_alignment="center")
        with info:
            profile = strategy.profile
            st.markdown(f"#### {escape(strategy.name)}")
            details = [ctx.t(f"status.{strategy.status}")]
            if profile:
                details.append(escape(profile.sector))
            details.append(ctx.t("home.platform_count", n=len(strategy.platforms)))
            details.append(ctx.t("home.goal_count", n=len(strategy.goals)))
            details.append(ctx.t("home.updated", date=i18n.day(strategy.updated_at, ctx.lang)))
            st.caption(" · ".join(details))
            counts = status_counts(ctx, strategy, day) if strategy.goals else {}
            if counts:
                st.markdown(
                    " ".join(
                        f":{BADGE[Status(s)][0]}-badge[{BADGE[Status(s)][1]} {n} {ctx.t('status.' + s)}]"
                        for s, n in sorted(counts.items(), key=lambda kv: list(Status).index(Status(kv[0])))
                    )
                )
        with actions, st.container(horizontal=True, horizontal_alignment="right"):
            if st.button(
                ctx.t("home.open"), key=f"open.{strategy.id}", type="primary", icon=":material/folder_open:"
            ):
                open_strategy(strategy)
            with st.popover(ctx.t("home.more"), icon=":material/more_horiz:"):
                new_name = st.text_input(
                    ctx.t("home.rename_label"), value=strategy.name, key=f"name.{strategy.id}"
                )
                if st.button(ctx.t("home.rename"), key=f"rename.{strategy.id}", icon=":material/edit:"):
                    if new_name.strip():
                        ctx.store.rename(strategy.id, new_name.strip())
                        st.rerun()
                    st.error(ctx.t("error.name_required"))
                if st.button(
                    ctx.t("home.duplicate"), key=f"dup.{strategy.id}", icon=":material/content_copy:"
                ):
                    ctx.store.duplicate(strategy.id, ctx.t("home.copy_of", name=strategy.name))
                    st.rerun()
                if st.button(ctx.t("home.delete"), key=f"del.{strategy.id}", icon=":material/delete:"):
                    st.session_state["confirm_delete"] = strategy.id
                    st.rerun()
        if st.session_state.get("confirm_delete") == strategy.id:
            st.warning(ctx.t("home.confirm_delete", name=escape(strategy.name)), icon=":material/warning:")
            yes, no, _ = st.columns([1, 1, 3])
            if yes.button(ctx.t("home.delete_yes"), key=f"yes.{strategy.id}", type="primary"):
                ctx.store.delete(strategy.id)
                st.session_state.pop("confirm_delete", None)
                if st.session_state.get("strategy_id") == strategy.id:
                    set_active(None)
                st.toast(ctx.t("home.deleted", name=escape(strategy.name)), icon=":material/delete:")
                st.rerun()
            if no.button(ctx.t("home.delete_no"), key=f"no.{strategy.id}"):
                st.session_state.pop("confirm_delete", None)
                st.rerun()
