"""The planned posts as an iCalendar file (RFC 5545), for any calendar app.

One event per post (not per platform: it is one piece of work), at its local planned time as floating time (no
time zone: the time the user means wherever they are), 30 minutes long. The UID is the post's id, so importing the
file again updates the events instead of adding copies; ``SEQUENCE`` and ``LAST-MODIFIED`` follow ``updated_at``
so calendar apps take the newer version. A skipped post is a cancelled event. Relevant dates can be added as
all-day events, with UIDs from their stable ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from cmplanner import i18n
from cmplanner.calendar.dates import RelevantDate
from cmplanner.calendar.labels import (
    format_name,
    language,
    pillar_name,
    platform_names,
    post_name,
    status_name,
)
from cmplanner.models import PlannedPost, PostStatus, Strategy

DURATION = timedelta(minutes=30)
UID_DOMAIN = "cmplanner"
EVENT_STATUS = {
    PostStatus.IDEA: "TENTATIVE",
    PostStatus.DRAFT: "TENTATIVE",
    PostStatus.READY: "CONFIRMED",
    PostStatus.PUBLISHED: "CONFIRMED",
    PostStatus.SKIPPED: "CANCELLED",
}


def uid(post: PlannedPost) -> str:
    return f"{post.id}@{UID_DOMAIN}"


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def sequence(post: PlannedPost) -> int:
    """A revision number that grows with every change: seconds from creation to the last update."""
    return max(0, int((_utc(post.updated_at) - _utc(post.created_at)).total_seconds()))


def _description(post: PlannedPost, strategy: Strategy, lang: str) -> str:
    lines = [post.text] if post.text else []
    facts = [
        ("calendar.field.status", status_name(post.status, lang)),
        ("calendar.field.format", format_name(post.format, lang)),
        ("calendar.field.link", post.link),
        ("calendar.field.visual", post.visual),
        ("calendar.field.pillar", pillar_name(strategy, post)),
    ]
    details = [f"{i18n.t(key, lang)}: {value}" for key, value in facts if value]
    return "\n\n".join(part for part in ("\n".join(lines), "\n".join(details)) if part)


def _post_event(post: PlannedPost, strategy: Strategy, lang: str) -> Event:
    event = Event()
    platforms = platform_names(post, lang)
    event.add("uid", uid(post))
    event.add("dtstamp", _utc(post.updated_at))
    event.add("last-modified", _utc(post.updated_at))
    event.add("sequence", sequence(post))
    event.add("dtstart", post.planned_at)
    event.add("duration", DURATION)
    event.add("summary", f"{', '.join(platforms)}: {post_name(post, lang)}")
    event.add("description", _description(post, strategy, lang))
    event.add("status", EVENT_STATUS[post.status])
    event.add("categories", platforms)
    if post.link:
        event.add("url", post.link)
    return event


def _date_event(item: RelevantDate, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{item.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", item.day)
    event.add("dtend", item.last + timedelta(days=1))
    event.add("summary", item.name)
    event.add("transp", "TRANSPARENT")
    if item.note or item.source:
        event.add("description", "\n".join(part for part in (item.note, item.source) if part))
    return event


def posts_ics(
    strategy: Strategy,
    posts: Sequence[PlannedPost],
    lang: str | None = None,
    dates: Sequence[RelevantDate] = (),
    stamp: datetime | None = None,
) -> bytes:
    """The posts (and ``dates`` as all-day events) as one ``.ics`` file; ``stamp`` dates the date events."""
    lang = language(strategy, lang)
    cal = Calendar()
    cal.add("prodid", "-//cmplanner//publication calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{strategy.name} · {i18n.t('calendar.ics.name', lang)}")
    for post in sorted(posts, key=lambda p: (p.planned_at, p.id)):
        cal.add_component(_post_event(post, strategy, lang))
    moment = _utc(stamp or strategy.updated_at)
    for item in dates:
        cal.add_component(_date_event(item, moment))
    return cal.to_ical()
