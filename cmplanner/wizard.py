"""The strategy walk's data: raw draft values (widget key → value) to validated models, with messages per widget.

Draft keys: ``w.profile.<field>``; ``w.personas`` (list of ids) and ``w.persona.<id>.<field>``;
``w.platforms.<platform>.<field>``, ``w.platforms.recommended`` and ``w.platforms.by_hand`` (see
:func:`follow_recommendations`); ``w.goals`` (list of ids) and ``w.goal.<id>.<field>``;
the content pillars' keys are in ``cmplanner.pillars``, the competitors' in ``cmplanner.competitors.walk``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from cmplanner import i18n, kpis, periods, pillars, platforms
from cmplanner.competitors import walk as competitor_walk
from cmplanner.models import BusinessProfile, Goal, Persona, Platform, PlatformPlan, Strategy, new_id
from cmplanner.pacing import default_start_week

Draft = Mapping[str, Any]
Errors = dict[str, str]

PROFILE_FIELDS = ("name", "sector", "market", "country", "language", "hours_per_week")
PERSONA_FIELDS = ("name", "age_bands", "locations", "interests", "pains", "goals", "online", "formats")
LIST_TEXT_FIELDS = ("locations", "interests")  # typed as comma-separated text
GOAL_FIELDS = ("platform", "kpi", "quarter", "baseline", "target", "note")


def split_list(text: Any) -> list[str]:
    """``"Utrecht, Amersfoort"`` → ``["Utrecht", "Amersfoort"]``."""
    if isinstance(text, list):
        return [str(v).strip() for v in text if str(v).strip()]
    return [part.strip() for part in str(text or "").split(",") if part.strip()]


def _build(
    model: type[BaseModel], data: dict[str, Any], prefix: str, lang: str, errors: Errors, whole: str = "name"
) -> Any:
    """Validate ``data``; messages go to ``errors`` under the widget keys (model-level ones under ``whole``)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for field, message in i18n.explain(exc, lang).items():
            name = field.split(".")[0] or whole
            errors.setdefault(f"{prefix}{name}", message)
        return None


def audience(draft: Draft, lang: str) -> tuple[BusinessProfile | None, list[Persona], Errors]:
    """Business profile and personas from the draft, with messages per widget key."""
    errors: Errors = {}
    raw = {f: draft.get(f"w.profile.{f}") for f in PROFILE_FIELDS}
    profile = _build(
        BusinessProfile, {k: v for k, v in raw.items() if v is not None}, "w.profile.", lang, errors
    )
    personas: list[Persona] = []
    ids = list(draft.get("w.personas") or [])
    if not ids:
        errors["w.personas"] = i18n.t("error.no_personas", lang)
    for pid in ids:
        data = {f: draft.get(f"w.persona.{pid}.{f}") for f in PERSONA_FIELDS}
        for field in LIST_TEXT_FIELDS:
            data[field] = split_list(data[field])
        data = {k: v for k, v in data.items() if v is not None}
        persona = _build(Persona, data, f"w.persona.{pid}.", lang, errors)
        if persona is not None:
            personas.append(persona)
    return profile, personas, errors


def chosen_platforms(draft: Draft, lang: str) -> tuple[list[PlatformPlan], Errors]:
    """The platforms ticked in the draft, in seed order, with their role and cadence."""
    errors: Errors = {}
    plans: list[PlatformPlan] = []
    for platform in Platform:
        prefix = f"w.platforms.{platform.value}."
        if not draft.get(prefix + "use"):
            continue
        data = {"platform": platform.value}
        for field in ("role", "posts_per_week", "note", "why"):
            if draft.get(prefix + field) is not None:
                data[field] = draft[prefix + field]
        plan = _build(PlatformPlan, data, prefix, lang, errors)
        if plan is not None:
            plans.append(plan)
    if not plans and not errors:
        errors["w.platforms"] = i18n.t("error.no_platforms", lang)
    return plans, errors


def _start_week(quarter: Any, gid: str, draft: Draft, existing: Sequence[Goal], today: date) -> str | None:
    """A goal's start week: kept from the draft or the saved goal while its quarter stays the same, else the
    week it is set (``pacing.default_start_week``: the quarter's first week when set before the quarter)."""
    drafted = draft.get(f"w.goal.{gid}.start_week")
    if drafted and isinstance(quarter, str) and periods.quarter_of_week(drafted) == quarter:
        return None if drafted == periods.quarter_weeks(quarter)[0] else str(drafted)
    saved = next((g for g in existing if g.id == gid and g.quarter == quarter), None)
    if saved is not None:
        return saved.start_week
    return default_start_week(quarter, today) if isinstance(quarter, str) else None


def goals(
    draft: Draft,
    lang: str,
    chosen: list[Platform],
    today: date | None = None,
    existing: Sequence[Goal] = (),
) -> tuple[list[Goal], Errors]:
    """The goals of the draft; a goal on a platform that is no longer chosen is reported, not dropped silently.

    Each goal gets its start week (:func:`_start_week`; ``today`` defaults to the real date); ``existing``: the
    strategy's saved goals, whose start weeks stay.
    """
    errors: Errors = {}
    result: list[Goal] = []
    day = today or date.today()
    ids = list(draft.get("w.goals") or [])
    if not ids:
        errors["w.goals"] = i18n.t("error.no_goals", lang)
    for gid in ids:
        prefix = f"w.goal.{gid}."
        data = {f: draft.get(prefix + f) for f in GOAL_FIELDS}
        data = {k: v for k, v in data.items() if v is not None and v != ""}
        data["id"] = gid
        data["start_week"] = _start_week(data.get("quarter"), gid, draft, existing, day)
        goal = _build(Goal, data, prefix, lang, errors, whole="target")
        if goal is not None and goal.platform not in chosen:
            errors[prefix + "platform"] = i18n.t("error.platform_not_chosen", lang)
        elif goal is not None and wrong_way(goal) and not draft.get(prefix + WRONG_WAY_OK):
            errors[prefix + "target"] = i18n.t(
                "walkinput.wrong_way.higher"
                if kpis.KPIS[goal.kpi].higher_is_better
                else "walkinput.wrong_way.lower",
                lang,
                kpi=i18n.t(f"kpi.{goal.kpi}", lang).lower(),
            )
        elif goal is not None:
            result.append(goal)
    return result, errors


WRONG_WAY_OK = "wrong_way_ok"
"""Draft field of a goal (``w.goal.<id>.wrong_way_ok``): the user confirmed a target that points the wrong way."""


def wrong_way_text(draft: Draft, gid: str, lang: str) -> str | None:
    """The confirmation a drafted goal needs when its target points the wrong way (see :func:`wrong_way`): the
    label of the box that confirms it; None when the goal is not (yet) such a goal."""
    prefix = f"w.goal.{gid}."
    kpi_id, baseline, target = (draft.get(prefix + f) for f in ("kpi", "baseline", "target"))
    if (
        kpi_id not in kpis.KPIS
        or not isinstance(baseline, int | float)
        or not isinstance(target, int | float)
    ):
        return None
    higher = kpis.KPIS[kpi_id].higher_is_better
    if not (target < baseline if higher else target > baseline):
        return None
    return i18n.t(
        "walkinput.wrong_way_ok.down" if higher else "walkinput.wrong_way_ok.up",
        lang,
        kpi=i18n.t(f"kpi.{kpi_id}", lang).lower(),
        baseline=i18n.number(baseline, lang, 0 if float(baseline).is_integer() else 2),
        target=i18n.number(target, lang, 0 if float(target).is_integer() else 2),
    )


def wrong_way(goal: Goal) -> bool:
    """Does the target point away from better (below the baseline where higher is better, or above it where lower
    is better, as for response time)? Such a goal may be meant (fewer posts after a campaign), so it is asked."""
    higher = kpis.KPIS[goal.kpi].higher_is_better
    return goal.target < goal.baseline if higher else goal.target > goal.baseline


def from_strategy(strategy: Strategy) -> dict[str, Any]:
    """A draft holding what the strategy already says (to edit a strategy whose draft is empty)."""
    draft: dict[str, Any] = {}
    if strategy.profile:
        for field in PROFILE_FIELDS:
            draft[f"w.profile.{field}"] = strategy.profile.model_dump(mode="json")[field]
    pids = []
    for persona in strategy.personas:
        pid = new_id()[:8]
        pids.append(pid)
        for field, value in persona.model_dump(mode="json").items():
            draft[f"w.persona.{pid}.{field}"] = ", ".join(value) if field in LIST_TEXT_FIELDS else value
    draft["w.personas"] = pids
    for plan in strategy.platforms:
        prefix = f"w.platforms.{plan.platform.value}."
        draft[prefix + "use"] = True
        for field, value in plan.model_dump(mode="json").items():
            if field != "platform":
                draft[prefix + field] = value
    if strategy.platforms:  # a choice was made: the platforms not in it stay unticked, all as chosen by hand
        for platform in Platform:
            draft.setdefault(f"w.platforms.{platform.value}.use", False)
        draft[BY_HAND] = sorted(p.value for p in Platform)
    draft.update(pillars.to_draft(strategy))
    draft.update(competitor_walk.to_draft(strategy))
    draft["w.goals"] = [goal.id for goal in strategy.goals]
    for goal in strategy.goals:
        for field, value in goal.model_dump(mode="json").items():
            if field != "id":
                draft[f"w.goal.{goal.id}.{field}"] = value
        # the start as a week of its quarter, so a later change of quarter can be told apart
        draft[f"w.goal.{goal.id}.start_week"] = goal.start_week or periods.quarter_weeks(goal.quarter)[0]
    return draft


def platform_defaults(platform: Platform) -> dict[str, Any]:
    """A platform's role and posting cadence as seed 004 suggests them."""
    info = platforms.get(platform)
    return {"role": info.default_role, "posts_per_week": float(info.default_posts_per_week), "note": ""}


def goal_quarters(today: date) -> list[str]:
    """The quarters a goal can be set for: the current one and the next three."""
    current = periods.current_quarter(today)
    return [periods.shift_quarter(current, i) for i in range(4)]


LATE_SHARE = 1 / 3
"""A goal set when less than this share of its quarter is left gets a warning that offers the next quarter."""


def weeks_left(quarter: str, today: date) -> tuple[int, int] | None:
    """(weeks left including this one, weeks of the quarter) when less than a third of ``quarter`` is left on
    ``today``; ``None`` otherwise (and for a quarter not yet begun or already over)."""
    weeks = periods.quarter_weeks(quarter)
    this = periods.week_key(today)
    if this not in weeks:
        return None
    left = len(weeks) - weeks.index(this)
    return (left, len(weeks)) if left < len(weeks) * LATE_SHARE else None


def plan_from_draft(strategy: Strategy, draft: Draft, lang: str) -> Strategy:
    """The strategy as the walk's draft would make it (profile, personas, chosen platforms; the goals and the
    checklist tuning as saved), so the walk shows the figures the saved plan will have."""
    profile, personas, _ = audience(draft, lang)
    plans, _ = chosen_platforms(draft, lang)
    update: dict[str, Any] = {"platforms": plans}
    if profile is not None:
        update["profile"] = profile
    if personas:
        update["personas"] = personas
    return strategy.model_copy(update=update)


# ------------------------------------------------------------------------- ticks that follow recommendations

RECOMMENDED = "w.platforms.recommended"
"""Draft key: the platforms recommended when the ticks were last set from the recommendations."""
BY_HAND = "w.platforms.by_hand"
"""Draft key: the platforms the user ticked or unticked by hand; their ticks never move by themselves."""


@dataclass(frozen=True)
class Followed:
    """A tick that followed the recommendations: ticked (now recommended) or unticked (no longer)."""

    platform: Platform
    ticked: bool

    def text(self, lang: str) -> str:
        name = i18n.t(f"platform.{self.platform.value}", lang)
        return i18n.t("follow.ticked" if self.ticked else "follow.unticked", lang, platform=name)


def _use(platform: Platform) -> str:
    return f"w.platforms.{platform.value}.use"


def follow_recommendations(
    draft: Draft, recommended: Collection[Platform]
) -> tuple[dict[str, Any], list[Followed]]:
    """The draft values that make the ticks follow the recommendations, and what changed.

    A tick is "by recommendation" unless the platform is in the draft's by-hand list (:func:`by_hand`). When the
    recommendations change, a tick by recommendation that no longer matches is set to the new recommendation; a
    tick by hand stays. The first time (no recommendations recorded yet) nothing moves: ticks the draft already
    holds (a strategy being edited, an older draft) count as by hand, the others take the recommendation as their
    default. The result always holds both bookkeeping keys, so the caller can write it whole.
    """
    now = sorted(p.value for p in recommended)
    before = draft.get(RECOMMENDED)
    if before is None:
        hand = sorted(
            {p.value for p in Platform if draft.get(_use(p)) is not None} | set(draft.get(BY_HAND) or [])
        )
        return {RECOMMENDED: now, BY_HAND: hand}, []
    hand = sorted(set(draft.get(BY_HAND) or []))
    updates: dict[str, Any] = {RECOMMENDED: now, BY_HAND: hand}
    changes: list[Followed] = []
    for platform in Platform:
        tick = draft.get(_use(platform))
        wanted = platform.value in now
        if platform.value in hand or tick is None or (platform.value in before) == wanted:
            continue
        if bool(tick) != wanted:
            updates[_use(platform)] = wanted
            changes.append(Followed(platform, wanted))
    return updates, sorted(changes, key=lambda change: not change.ticked)  # ticked first, then unticked


def by_hand(draft: Draft, platform: Platform | str) -> list[str]:
    """The by-hand list once the user has ticked or unticked ``platform`` themselves."""
    return sorted(set(draft.get(BY_HAND) or []) | {Platform(platform).value})


def follow_message(changes: Sequence[Followed], lang: str) -> str:
    """``Pinterest is now recommended and was ticked; YouTube is no longer recommended and was unticked.``"""
    return "; ".join(change.text(lang) for change in changes) + "." if changes else ""
