"""Why each chosen platform, as the plan is decided: what a client reads, not how the app weighed it.

The recommendation (:mod:`cmplanner.recommend`) leaves a trail of reasons: figures for and against, the hours a
platform would take (an assumption the user is asked to edit), and the decision itself ("Skipped for now: …
you have 0.9 of your 4 hours left"). That trail is the working view. The client view of a chosen platform keeps
only what argues for it: the figures and fits that count in its favour, in the country's own figures when the
country has them (Pew's US figures only where no local one exists), without the hours bookkeeping or the
assumption prompts. The user can replace it with their own words (``PlatformPlan.why``); empty means the
recommendation's reasons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from cmplanner import platforms, recommend
from cmplanner import presentation as shown
from cmplanner.models import Platform, Strategy
from cmplanner.store import Edit

DECISIONS = frozenset(
    f"recommend.reason.{name}"
    for name in (
        "fits",
        "skipped_hours",
        "skipped_fit",
        "over_budget",
        "effort",
        "chosen_over_hours",
        "chosen_over_fit",
    )
)
"""Reasons about the hours and the pick itself: working view only."""
CHOSEN_ANYWAY = {
    "recommend.reason.skipped_hours": "recommend.reason.chosen_over_hours",
    "recommend.reason.skipped_fit": "recommend.reason.chosen_over_fit",
}
"""A recommendation's "skipped" decision, as it reads on a platform the user chose all the same."""
ASSUMPTION = "assumption"


def source_country(source: str | None) -> str | None:
    """The country a source's figures describe (``knowledge/sources.json``), None when it says none."""
    if not source:
        return None
    return platforms.sources().get(source, {}).get("country")


def for_client(reasons: Iterable[recommend.Reason], country: str) -> list[recommend.Reason]:
    """The reasons that argue for a chosen platform: no decision or hours reasons, no assumption, nothing
    against it, and no foreign figures when ``country`` has figures of its own."""
    local = country in recommend.audiences()
    kept = []
    for reason in reasons:
        if reason.key in DECISIONS or reason.source == ASSUMPTION or reason.effect == "minus":
            continue
        foreign = source_country(reason.source)
        if local and foreign is not None and foreign != country:
            continue
        kept.append(reason)
    return kept


def for_working(reasons: Iterable[recommend.Reason]) -> list[recommend.Reason]:
    """The reasons of a *chosen* platform in the working view: the whole trail, but a "skipped for now" decision
    says that the platform was chosen although the recommendation left it out (a plan does not contradict itself)."""
    return [
        replace(reason, key=CHOSEN_ANYWAY[reason.key], source=None) if reason.key in CHOSEN_ANYWAY else reason
        for reason in reasons
    ]


def reason_line(reason: recommend.Reason, lang: str) -> str:
    """One reason as a line of plain text, its source after a dash."""
    text = recommend.render(reason, lang)
    source = shown.source_name(reason.source, lang) if reason.source else ""
    return f"{text} — {source}" if source else text


def ranking(strategy: Strategy) -> dict[Platform, recommend.Recommendation]:
    """The recommendation of every platform for the strategy (empty without a business profile)."""
    if strategy.profile is None:
        return {}
    recs = recommend.recommend(strategy.profile, strategy.personas, checklist=strategy.checklist)
    return {rec.platform: rec for rec in recs}


def suggested(strategy: Strategy, platform: Platform, lang: str) -> list[recommend.Reason]:
    """The recommendation's reasons for a platform, as the client view keeps them (:func:`for_client`)."""
    rec = ranking(strategy).get(platform)
    if rec is None or strategy.profile is None:
        return []
    return for_client(rec.reasons, strategy.profile.country)


def prefill(reasons: Sequence[recommend.Reason], lang: str) -> str:
    """The text a "why" box starts with: one reason a line."""
    return "\n".join(reason_line(reason, lang) for reason in reasons)


def set_why(edit: Edit, platform: Platform | str, text: str, suggestion: str) -> bool:
    """Store the user's "why" of a chosen platform; the suggestion itself (or nothing) is stored as empty, so the
    platform keeps following the recommendation. False when the platform is no longer chosen."""
    plan = edit.strategy.plan_for(platform)
    if plan is None:
        return False
    text = text.strip()
    plan.why = "" if text == suggestion.strip() else text
    return True
