"""Seed 000's questions for one post, in the post's dialog: each answered (a few words, optional), marked not
relevant (with the reason, required) or left open; saved together, and in the same action the post can be marked
ready — which the rules allow only when no question is left open."""

from __future__ import annotations

from typing import Literal

import streamlit as st

from cmplanner import platforms
from cmplanner.calendar import status
from cmplanner.calendar.problems import CalendarError
from cmplanner.models import PlannedPost, PostStatus
from cmplanner.ui.calendar import saved_in_dialog, show_problems, stamp
from cmplanner.ui.shell import Ctx

Choice = Literal["open", "yes", "not_relevant"]
CHOICES: tuple[Choice, ...] = ("open", "yes", "not_relevant")


def _choice(post: PlannedPost, question: str) -> Choice:
    check = post.checks.get(question)
    return "open" if check is None else check.answer


def answered(
    post: PlannedPost, given: dict[str, tuple[Choice, str]]
) -> tuple[PlannedPost, list[CalendarError]]:
    """``post`` with every question as given (choice, note); the questions the rules refuse are reported and left
    as they were."""
    problems = []
    for question, (choice, note) in given.items():
        check = post.checks.get(question)
        if choice == _choice(post, question) and note.strip() == (check.note if check else note.strip()):
            continue
        try:
            if choice == "open":
                post = status.unanswer(post, question)
            else:
                post = status.answer(post, question, choice, note.strip())
        except CalendarError as err:
            problems.append(err)
    return post, problems


def questions(ctx: Ctx, post: PlannedPost) -> None:
    """The six questions as one form, with "Save answers" and, where the post may become ready, "Save and mark
    ready"."""
    key = f"cal.q.{stamp(post)}"
    missing = status.missing_checks(post)
    if missing:
        st.caption(ctx.tn("cal.checks_open", len(missing)))
    else:
        st.caption(ctx.t("cal.checks_done"))
    given: dict[str, tuple[Choice, str]] = {}
    with st.form(key, border=False):
        for question in platforms.prepublish_check():
            check = post.checks.get(question)
            choice = st.radio(
                ctx.t(f"check.{question}"),
                CHOICES,
                index=CHOICES.index(_choice(post, question)),
                format_func=lambda c: ctx.t(f"cal.check.{c}"),
                horizontal=True,
                key=f"{key}.{question}",
            )
            note = st.text_input(
                ctx.t("cal.check.note"),
                value=check.note if check else "",
                max_chars=2000,
                key=f"{key}.{question}.note",
                placeholder=ctx.t("cal.check.note_placeholder"),
                label_visibility="collapsed",
            )
            given[question] = (choice, note)
        can_ready = PostStatus.READY in status.allowed(post)
        left, right = st.columns(2)
        save = left.form_submit_button(ctx.t("cal.save_answers"), icon=":material/save:")
        ready = can_ready and right.form_submit_button(
            ctx.t("cal.save_ready"), type="primary", icon=":material/check_circle:"
        )
    if not (save or ready):
        return
    changed, problems = answered(post, given)
    if problems:
        for problem in problems:
            show_problems(ctx, problem)
        return
    if ready:
        try:
            changed = status.move(changed, PostStatus.READY)
        except CalendarError as err:
            show_problems(ctx, err)
            return
        saved_in_dialog(ctx, changed, ctx.t("cal.now_ready"))
    else:
        saved_in_dialog(ctx, changed, ctx.t("cal.answers_saved"))
