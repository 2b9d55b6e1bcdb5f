"""Home: the strategies overview (create, open, duplicate, rename, delete) and the first-run welcome."""

import streamlit as st
from pydantic import ValidationError

from cmplanner import demo, i18n
from cmplanner.models import Strategy
from cmplanner.pacing import Status
from cmplanner.presentation import STATUS_STYLES, status_count
from cmplanner.store import StoreError
from cmplanner.ui import escape, go, page, set_active, today
from cmplanner.ui.shell import damaged_text, md, status_counts, store_error_text
from cmplanner.ui.state import flash
from cmplanner.ui.walk import STEPS

PAGE_SIZE = 8
MAX_NAME = 80

ctx = page("home")
day = today()
strategies, damaged = ctx.store.list()
for item in damaged:
    with st.container(border=True):
        st.error(damaged_text(item, ctx.lang), icon=":material/error:")
        if item.backup is not None and st.button(
            ctx.t("home.use_backup"),
            key=f"backup.{item.strategy_id}",
            icon=":material/settings_backup_restore:",
        ):
            try:
                ctx.store.restore_backup(item.strategy_id)
                flash("success", md("home.backup_used", ctx.lang, name=item.name or item.strategy_id))
            except StoreError as err:
                flash("error", store_error_text(err, ctx.lang))
            st.rerun()


def open_strategy(strategy: Strategy) -> None:
    set_active(strategy.id)
    go("pages/5_strategy.py" if strategy.status == "ready" else STEPS[min(strategy.step, 3)][1], strategy.id)


def name_problem(name: str) -> str | None:
    """What is wrong with a strategy name (empty, longer than the limit), in the user's language; None if fine."""
    if not name.strip():
        return ctx.t("error.name_required")
    if len(name.strip()) > MAX_NAME:
        return ctx.t("home.name_long", max=MAX_NAME, n=i18n.number(len(name.strip()), ctx.lang))
    return None


def create_form(first: bool) -> None:
    with st.form("create", clear_on_submit=False, border=not first):
        name = st.text_input(
            ctx.t("home.new_name"),
            placeholder=ctx.t("home.new_placeholder"),
            key="new_name",
            max_chars=MAX_NAME,
            help=ctx.t("home.name_help", max=MAX_NAME),
        )
        if st.form_submit_button(ctx.t("home.create"), type="primary", icon=":material/add:"):
            problem = name_problem(name)
            at_limit = len(name.strip()) >= MAX_NAME and st.session_state.get("new_name.checked") != name
            if problem:
                st.error(problem, icon=":material/error:")
            elif (
                at_limit
            ):  # the browser cuts a longer paste at the limit without a word: let the user look first
                st.session_state["new_name.checked"] = name
                st.warning(ctx.t("home.name_at_limit", max=MAX_NAME), icon=":material/content_cut:")
            else:
                try:
                    strategy = ctx.store.create(name.strip())
                except StoreError as err:
                    st.error(store_error_text(err, ctx.lang), icon=":material/error:")
                except ValidationError as err:
                    st.error(" ".join(i18n.explain(err, ctx.lang).values()), icon=":material/error:")
                else:
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
    st.caption(md("home.data_folder", ctx.lang, path=str(ctx.store.root)))
    st.stop()

st.title(ctx.t("page.home"))
with st.expander(ctx.t("home.new_title"), icon=":material/add:"):
    create_form(first=False)
search, pager = st.columns([3, 1], vertical_alignment="bottom")
query = search.text_input(
    ctx.t("home.search"), key="home.search", placeholder=ctx.t("home.search_placeholder"), max_chars=MAX_NAME
)
found = [s for s in strategies if query.strip().lower() in s.name.lower()] if query.strip() else strategies
pages = max(1, -(-len(found) // PAGE_SIZE))
number = (
    pager.number_input(ctx.t("home.page", pages=pages), min_value=1, max_value=pages, step=1, key="home.page")
    if pages > 1
    else 1
)
st.caption(
    ctx.tn("home.count", len(strategies))
    + ("" if found is strategies else " · " + ctx.t("home.found", n=len(found)))
)


def manage(strategy: Strategy) -> None:
    """Rename, duplicate or delete one strategy (shown under its card when asked for)."""
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    new_name = left.text_input(
        ctx.t("home.rename_label"),
        value=strategy.name,
        key=f"name.{strategy.id}",
        max_chars=MAX_NAME,
        help=ctx.t("home.name_help", max=MAX_NAME),
    )
    if len(new_name) >= MAX_NAME:
        left.caption(ctx.t("walkinput.at_limit", max=MAX_NAME))
    with right, st.container(horizontal=True):
        if st.button(ctx.t("home.rename"), key=f"rename.{strategy.id}", icon=":material/edit:"):
            problem = name_problem(new_name)
            if problem:
                st.error(problem, icon=":material/error:")
            else:
                try:
                    ctx.store.rename(strategy.id, new_name.strip(), based_on=strategy.version)
                except StoreError as err:
                    st.error(store_error_text(err, ctx.lang), icon=":material/error:")
                except ValidationError as err:
                    st.error(" ".join(i18n.explain(err, ctx.lang).values()), icon=":material/error:")
                else:
                    flash("success", md("home.renamed", ctx.lang, name=new_name.strip()))
                    st.rerun()
        if st.button(ctx.t("home.duplicate"), key=f"dup.{strategy.id}", icon=":material/content_copy:"):
            try:
                copy = ctx.store.duplicate(strategy.id, ctx.t("home.copy_of", name=strategy.name))
                flash("success", md("home.duplicated", ctx.lang, name=copy.name))
            except StoreError as err:
                flash("error", store_error_text(err, ctx.lang))
            st.rerun()
        if st.button(ctx.t("home.delete"), key=f"del.{strategy.id}", icon=":material/delete:"):
            st.session_state["confirm_delete"] = strategy.id
            st.rerun()
    if st.session_state.get("confirm_delete") == strategy.id:
        st.warning(ctx.t("home.confirm_delete", name=escape(strategy.name)), icon=":material/warning:")
        yes, no, _ = st.columns([1, 1, 3])
        if yes.button(ctx.t("home.delete_yes"), key=f"yes.{strategy.id}", type="primary"):
            try:
                ctx.store.delete(strategy.id)
            except StoreError as err:
                flash("error", store_error_text(err, ctx.lang))
                st.rerun()
            st.session_state.pop("confirm_delete", None)
            if st.session_state.get("strategy_id") == strategy.id:
                set_active(None)
            st.toast(ctx.t("home.deleted", name=escape(strategy.name)), icon=":material/delete:")
            st.rerun()
        if no.button(ctx.t("home.delete_no"), key=f"no.{strategy.id}"):
            st.session_state.pop("confirm_delete", None)
            st.rerun()


def toggle_manage(strategy_id: str) -> None:
    current = st.session_state.get("manage")
    st.session_state["manage"] = None if current == strategy_id else strategy_id


for strategy in found[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]:
    with st.container(border=True):
        info, actions = st.columns([3, 2], vertical_alignment="center")
        details = [ctx.t(f"status.{strategy.status}")]
        if strategy.profile:
            details.append(escape(strategy.profile.sector))
        details.append(ctx.tn("home.platform_count", len(strategy.platforms)))
        details.append(ctx.tn("home.goal_count", len(strategy.goals)))
        details.append(ctx.t("home.updated", date=i18n.day(strategy.updated_at, ctx.lang)))
        counts = status_counts(ctx, strategy, day) if strategy.goals else {}
        badges = " ".join(
            f":{STATUS_STYLES[s].badge}-badge[{STATUS_STYLES[s].icon} {status_count(s, n, ctx.lang)}]"
            for s in Status
            if (n := counts.get(s.value))
        )
        info.markdown(f"#### {escape(strategy.name)}\n:gray[{' · '.join(details)}]\n\n{badges}")
        with actions, st.container(horizontal=True, horizontal_alignment="right"):
            if st.button(
                ctx.t("home.open"), key=f"open.{strategy.id}", type="primary", icon=":material/folder_open:"
            ):
                open_strategy(strategy)
            st.button(
                ctx.t("home.more"),
                key=f"more.{strategy.id}",
                icon=":material/more_horiz:",
                on_click=toggle_manage,
                args=(strategy.id,),
            )
        if st.session_state.get("manage") == strategy.id:
            manage(strategy)

st.caption(md("home.data_folder", ctx.lang, path=str(ctx.store.root)))
