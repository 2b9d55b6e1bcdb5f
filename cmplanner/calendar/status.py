"""A planned post's status and seed 000's questions: which moves are allowed, and what "ready" asks for.

The road is idea → draft → ready → published; a post can be skipped from any step before it is published, and
brought back as an idea or a draft. An idea may go straight to ready when everything is there; a ready post can go
back to draft for changes, a published one back to ready (a mark set by mistake). A post is ready only when each of
seed 000's questions (``platforms.prepublish_check()``: what is the goal, how does it fit the strategy, what does
it do for the brand, is the source reliable, are the facts right, spelling and grammar) is answered, or marked not
relevant with a reason. Every function returns a new record; nothing is changed in place.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import ValidationError

from cmplanner import platforms
from cmplanner.calendar.problems import CalendarError, Problem, Term
from cmplanner.models import CheckAnswer, PlannedPost, PostStatus, now

S = PostStatus
TRANSITIONS: dict[PostStatus, tuple[PostStatus, ...]] = {
    S.IDEA: (S.DRAFT, S.READY, S.SKIPPED),
    S.DRAFT: (S.IDEA, S.READY, S.SKIPPED),
    S.READY: (S.DRAFT, S.PUBLISHED, S.SKIPPED),
    S.PUBLISHED: (S.READY,),
    S.SKIPPED: (S.IDEA, S.DRAFT),
}
"""Status → the statuses a user may move a post to from there."""


def status_term(status: PostStatus | str) -> Term:
    return Term(f"calendar.status.{PostStatus(status).value}")


def updated(post: PlannedPost, when: datetime | None = None, **changes: Any) -> PlannedPost:
    """``post`` with ``changes`` applied, validated again, ``updated_at`` set to ``when`` (default: now)."""
    data = post.model_dump()
    data.update(changes, updated_at=when or now())
    return PlannedPost.model_validate(data)


def allowed(post: PlannedPost) -> tuple[PostStatus, ...]:
    """The statuses ``post`` may move to (whether "ready" is reachable depends on the questions too)."""
    return TRANSITIONS[post.status]


def missing_checks(post: PlannedPost) -> list[str]:
    """Seed 000's questions (ids, in the seed's order) that ``post`` has not answered."""
    return [question for question in platforms.prepublish_check() if question not in post.checks]


def readiness(post: PlannedPost) -> list[Problem]:
    """What keeps ``post`` from being ready: one problem per unanswered question (empty: it can be ready)."""
    return [
        Problem("calendar.check.missing", {"question": Term(f"check.{question}")})
        for question in missing_checks(post)
    ]


def move(post: PlannedPost, to: PostStatus | str, when: datetime | None = None) -> PlannedPost:
    """``post`` in status ``to``; CalendarError when the move is not allowed or "ready" lacks answers."""
    target = PostStatus(to)
    if target == post.status:
        return post
    if target not in TRANSITIONS[post.status]:
        raise CalendarError(
            [Problem("calendar.error.move", {"from": status_term(post.status), "to": status_term(target)})]
        )
    if target == S.READY:
        problems = readiness(post)
        if problems:
            raise CalendarError(problems)
    return updated(post, when, status=target)


def answer(
    post: PlannedPost,
    question: str,
    value: Literal["yes", "not_relevant"] = "yes",
    note: str = "",
    when: datetime | None = None,
) -> PlannedPost:
    """``post`` with one question answered (``yes``) or marked not relevant (``note`` says why: required)."""
    if question not in platforms.prepublish_check():
        raise CalendarError([Problem("calendar.error.question", {"question": question})])
    try:
        check = CheckAnswer(answer=value, note=note)
    except ValidationError:
        raise CalendarError(
            [Problem("calendar.check.reason", {"question": Term(f"check.{question}")})]
        ) from None
    return updated(post, when, checks={**post.checks, question: check})


def unanswer(post: PlannedPost, question: str, when: datetime | None = None) -> PlannedPost:
    """``post`` with the answer to ``question`` taken back; a ready post goes back to draft (it no longer is)."""
    if question not in post.checks:
        return post
    checks = {key: value for key, value in post.checks.items() if key != question}
    status = S.DRAFT if post.status == S.READY else post.status
    return updated(post, when, checks=checks, status=status)
