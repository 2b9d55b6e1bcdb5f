"""The report's "which posts worked": the last complete month's best and weakest imported posts per platform by
engagement rate by reach (the monthly review's default, formula shown), and what each group has in common."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cmplanner import i18n, reviews
from cmplanner import presentation as shown
from cmplanner.models import Post, Strategy
from cmplanner.post_results import DEFAULT_KPI, Ranked, share_text, which_worked
from cmplanner.reports.inputs import inert
from cmplanner.reports.model import PostGroupView, PostLine, PostsView

TEXT_CHARS = 90
"""Characters of a post's text in the report."""


def _line(item: Ranked, kpi: str, lang: str) -> PostLine:
    post = item.post
    text = inert(post.text or i18n.t("posts.untitled", lang))
    return PostLine(
        value=shown.kpi_value(kpi, item.value, lang),
        when=f"{i18n.day(post.published_at, lang, 'EEE d MMM')} {post.published_at:%H:%M}",
        format=i18n.t(f"format.{post.format.value}", lang) if post.format else "",
        text=text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1].rstrip() + "…",
        link=post.permalink or "",
    )


def which_posts(strategy: Strategy, posts: Sequence[Post], today: date, lang: str) -> PostsView | None:
    """The section for the month the monthly review opens on (the last complete one), or None without posts in it."""
    month = reviews.default_month(today)
    kpi = DEFAULT_KPI
    groups = [
        PostGroupView(
            platform=shown.platform_name(item.platform, lang),
            counted=i18n.tn("posts.counted", lang, item.posts, ranked=item.ranked),
            best=[_line(r, kpi, lang) for r in item.best],
            weakest=[_line(r, kpi, lang) for r in item.weakest],
            best_share=share_text(item.best_share, lang),
            weakest_share=share_text(item.weakest_share, lang),
        )
        for item in which_worked(posts, month, kpi, [plan.platform for plan in strategy.platforms])
    ]
    if not groups:
        return None
    return PostsView(
        title=i18n.t("posts.title", lang, month=shown.month_label(month, lang)),
        intro=i18n.t("posts.report_intro", lang, kpi=shown.kpi_name(kpi, lang)),
        formula=shown.formula_text(kpi, lang),
        best=i18n.t("posts.best", lang),
        weakest=i18n.t("posts.weakest", lang),
        platforms=groups,
    )


def shared_line(share: str, lang: str) -> str:
    return i18n.t("posts.shared", lang, what=share) if share else i18n.t("posts.nothing_shared", lang)
