"""How the calendar names things in the user's language, in one place for the page, the files and the PDF."""

from __future__ import annotations

from cmplanner import i18n
from cmplanner.calendar.slots import WeekSlots
from cmplanner.models import ContentFormat, PlannedPost, PostStatus, Strategy


def language(strategy: Strategy, lang: str | None = None) -> str:
    """``lang`` when it is one we speak, else the strategy's language (English without a profile)."""
    if lang in i18n.LANGUAGES:
        return lang
    return strategy.profile.language if strategy.profile else i18n.DEFAULT


def status_name(status: PostStatus | str, lang: str) -> str:
    return i18n.t(f"calendar.status.{PostStatus(status).value}", lang)


def format_name(value: ContentFormat | str, lang: str) -> str:
    return i18n.t(f"calendar.format.{ContentFormat(value).value}", lang)


def platform_names(post: PlannedPost, lang: str) -> list[str]:
    return [i18n.t(f"platform.{platform.value}", lang) for platform in post.platforms]


def pillar_name(strategy: Strategy, post: PlannedPost) -> str:
    """The name of the post's pillar; empty when it has none or it is no longer in the strategy."""
    return next((pillar.name for pillar in strategy.pillars if pillar.id == post.pillar_id), "")


def post_name(post: PlannedPost, lang: str) -> str:
    """The post's title or first line, or "untitled"."""
    return post.label or i18n.t("calendar.untitled", lang)


def still_needed(week: WeekSlots, lang: str) -> str:
    """What a week still needs, per platform: ``Still needed: Instagram 1, Facebook 2`` (or that nothing is)."""
    if not week.slots:
        return i18n.t("cal.needed.no_platforms", lang)
    open_slots = [slot for slot in week.slots if slot.open]
    if not open_slots:
        return i18n.t("cal.needed.none", lang)
    items = ", ".join(
        f"{i18n.t(f'platform.{slot.platform.value}', lang)} {i18n.number(slot.open, lang)}"
        for slot in open_slots
    )
    return i18n.t("cal.needed.some", lang, items=items)
