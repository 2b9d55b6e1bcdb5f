"""The month's plan "for approval": what the client reads, as one model that the PDF and the HTML both draw.

Per post: date and time, platforms, format, title, text, link, visual note and pillar, with room for the client's
verdict (approved / changes needed) and comments; the month's relevant dates on top; a sign-off at the end. The
language is the strategy's (English or Dutch) unless asked otherwise, the accent colour the user's. User text is
made inert as in the reports (``reports.content.inert``); escaping for HTML is the HTML renderer's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cmplanner import i18n, periods
from cmplanner.calendar.dates import month_range, strategy_dates
from cmplanner.calendar.labels import format_name, language, pillar_name, platform_names
from cmplanner.calendar.mix import month_posts
from cmplanner.exports import slug
from cmplanner.models import PlannedPost, Strategy
from cmplanner.reports.content import check_accent, inert, readable, text_on

MAX_NAME = 80


@dataclass(frozen=True)
class Line:
    label: str
    value: str


@dataclass(frozen=True)
class PostCard:
    number: int
    when: str
    platforms: str
    format: str
    title: str
    text: str
    details: list[Line]
    """Link, visual note and pillar, those that are filled in."""


@dataclass(frozen=True)
class Approval:
    lang: str
    accent: str
    on_accent: str
    """Text colour on the accent."""
    ink_accent: str
    """The accent made dark enough to read as text on white."""
    name: str
    kicker: str
    title: str
    intro: str
    meta: list[Line]
    dates: list[Line]
    posts: list[PostCard]
    labels: dict[str, str]
    footer: str
    file_stem: str

    def filename(self, ext: str) -> str:
        return f"{self.file_stem}.{ext}"


def _labels(lang: str) -> dict[str, str]:
    keys = (
        "approved",
        "changes",
        "comments",
        "signoff",
        "signoff_note",
        "signed_name",
        "signed_date",
        "signature",
        "dates",
        "no_dates",
        "posts",
        "no_posts",
    )
    return {key: i18n.t(f"calendar.approval.{key}", lang) for key in keys}


def _span(first: date, last: date, lang: str) -> str:
    """``za 5 dec`` for a day, ``1–20 dec`` for a period."""
    if first == last:
        return i18n.day(first, lang, "EEE d MMM")
    start = (
        str(first.day)
        if (first.year, first.month) == (last.year, last.month)
        else i18n.day(first, lang, "d MMM")
    )
    return f"{start}–{i18n.day(last, lang, 'd MMM')}"


def _card(number: int, post: PlannedPost, strategy: Strategy, lang: str) -> PostCard:
    details = [
        Line(i18n.t("calendar.field.link", lang), inert(post.link)),
        Line(i18n.t("calendar.field.visual", lang), inert(post.visual)),
        Line(i18n.t("calendar.field.pillar", lang), inert(pillar_name(strategy, post))),
    ]
    when = f"{i18n.day(post.planned_at, lang, 'EEE d MMM y')} · {post.planned_at:%H:%M}"
    return PostCard(
        number=number,
        when=when,
        platforms=" · ".join(platform_names(post, lang)),
        format=format_name(post.format, lang),
        title=inert(post.title),
        text=inert(post.text),
        details=[line for line in details if line.value],
    )


def file_stem(strategy: Strategy, month: str, lang: str) -> str:
    """``bakkerij-de-korenschoof-contentplan-2026-12``: the approval document's file name without extension."""
    year, number = periods.parse_month(month)
    return f"{slug(strategy.name)}-{i18n.t('calendar.approval.file', lang)}-{year}-{number:02d}"


def approval(
    strategy: Strategy,
    posts: Sequence[PlannedPost],
    month: str,
    lang: str | None = None,
    accent: str | None = None,
    client: str = "",
    author: str = "",
    today: date | None = None,
) -> Approval:
    """The approval document of ``month`` (``2026-12``): the month's posts that are not skipped, by date.

    Raises ``ReportError`` (``report.error.accent``) for an accent that is not ``#RRGGBB``.
    """
    lang = language(strategy, lang)
    colour = check_accent(accent)
    year, number = periods.parse_month(month)
    first, last = month_range(month)
    month_name = i18n.day(first, lang, "MMMM y")
    chosen = month_posts(posts, month)
    meta = [
        Line(i18n.t("calendar.approval.client", lang), inert(client)[:MAX_NAME]),
        Line(i18n.t("calendar.approval.author", lang), inert(author)[:MAX_NAME]),
        Line(i18n.t("calendar.approval.date", lang), i18n.day(today or date.today(), lang, "long")),
        Line(i18n.t("calendar.approval.count", lang), i18n.number(len(chosen), lang)),
    ]
    dates = [
        Line(_span(item.day, item.last, lang), inert(item.name))
        for item in strategy_dates(strategy, first, last, lang)
    ]
    name = inert(strategy.name)
    return Approval(
        lang=lang,
        accent=colour,
        on_accent=text_on(colour),
        ink_accent=readable(colour, 4.5),
        name=name,
        kicker=i18n.t("calendar.approval.kicker", lang),
        title=i18n.t("calendar.approval.title", lang, month=month_name),
        intro=i18n.t("calendar.approval.intro", lang),
        meta=[line for line in meta if line.value],
        dates=dates,
        posts=[_card(i, post, strategy, lang) for i, post in enumerate(chosen, start=1)],
        labels=_labels(lang),
        footer=f"{name} · {i18n.t('calendar.approval.title', lang, month=month_name)}",
        file_stem=file_stem(strategy, month, lang),
    )
