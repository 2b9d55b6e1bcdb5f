"""Changes a user makes in one action: copy a post to other platforms, move it to another day, jot down ideas.

Each returns new records (the store saves them); the original is never changed in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time

from cmplanner.calendar.problems import CalendarError, Problem
from cmplanner.calendar.status import updated
from cmplanner.models import PlannedPost, Platform, PostStatus, new_id, now

MAX_IDEAS = 200
"""Lines turned into ideas at once; more is almost certainly a pasted document, not a list of ideas."""
TITLE_MAX = 120
TEXT_MAX = 5000
DEFAULT_TIME = time(10, 0)
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,3}[.)])\s+")


def _platforms(values: Iterable[Platform | str]) -> list[Platform]:
    return list(dict.fromkeys(Platform(value) for value in values))


def duplicate(post: PlannedPost, to: Iterable[Platform | str], when: datetime | None = None) -> PlannedPost:
    """A copy of ``post`` for the platforms ``to``, to adapt on its own (another caption, another time).

    The copy keeps the content, the pillar, the goal and the answered questions (they are about the content),
    gets a new id and no links; a published or skipped original gives a draft (the copy is not out yet).
    CalendarError when ``to`` is empty.
    """
    targets = _platforms(to)
    if not targets:
        raise CalendarError([Problem("calendar.error.no_platforms")])
    stamp = when or now()
    status = PostStatus.DRAFT if post.status in (PostStatus.PUBLISHED, PostStatus.SKIPPED) else post.status
    data = post.model_dump()
    data.update(id=new_id(), platforms=targets, links=[], status=status, created_at=stamp, updated_at=stamp)
    return PlannedPost.model_validate(data)


def add_platforms(
    post: PlannedPost, to: Iterable[Platform | str], when: datetime | None = None
) -> PlannedPost:
    """``post`` going out on ``to`` as well, with the same text: the one-record way to spread a post."""
    return updated(post, when, platforms=[*post.platforms, *_platforms(to)])


def move_to_day(post: PlannedPost, day: date, when: datetime | None = None) -> PlannedPost:
    """``post`` on ``day`` at the same time of day."""
    return updated(post, when, planned_at=datetime.combine(day, post.planned_at.time()))


def _title(line: str) -> tuple[str, str]:
    """A line as (title, text): a line too long for a title keeps its whole text as the caption."""
    if len(line) <= TITLE_MAX:
        return line, ""
    return line[: TITLE_MAX - 1].rstrip() + "…", line


def ideas_from_lines(
    lines: str,
    day: date,
    platforms: Iterable[Platform | str],
    at: time = DEFAULT_TIME,
    when: datetime | None = None,
) -> list[PlannedPost]:
    """One idea per non-empty line of ``lines`` (list bullets and numbers dropped), all on ``day`` at ``at``.

    CalendarError when no platform is given, no line has text, or there are more than ``MAX_IDEAS`` lines.
    """
    targets = _platforms(platforms)
    texts = [_BULLET.sub("", line).strip() for line in lines.splitlines()]
    texts = [text for text in texts if text]
    problems = []
    if not targets:
        problems.append(Problem("calendar.error.no_platforms"))
    if not texts:
        problems.append(Problem("calendar.error.no_ideas"))
    if any(len(text) > TEXT_MAX for text in texts):
        problems.append(Problem("calendar.error.idea_too_long", {"max": TEXT_MAX}))
    if len(texts) > MAX_IDEAS:
        problems.append(Problem("calendar.error.too_many_ideas", {"n": len(texts), "max": MAX_IDEAS}))
    if problems:
        raise CalendarError(problems)
    stamp = when or now()
    planned_at = datetime.combine(day, at)
    ideas = []
    for text in texts:
        title, caption = _title(text)
        ideas.append(
            PlannedPost(
                planned_at=planned_at,
                platforms=targets,
                title=title,
                text=caption,
                status=PostStatus.IDEA,
                created_at=stamp,
                updated_at=stamp,
            )
        )
    return ideas
