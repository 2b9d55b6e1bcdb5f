"""The strategy as decided, for the client: the report's strategy section as view models (business, audience,
platforms and why, the plan's time, goals and KPIs). The strategy page's client view shows the same.

The client view states decisions, not the app's reasoning: a chosen platform's "why" is the user's own text, else
the recommendation's reasons that argue for it (:mod:`cmplanner.why`: no hours bookkeeping, no assumption prompts,
the country's own figures before US ones); the time is the plan's hours as the walk and the checklists give them
(:func:`cmplanner.workload.workload`). All user text goes through :func:`~cmplanner.reports.inputs.inert`.
"""

from __future__ import annotations

from cmplanner import i18n, kpis, recommend, why, workload
from cmplanner import presentation as shown
from cmplanner.models import Strategy
from cmplanner.reports.inputs import inert
from cmplanner.reports.model import Fact, GoalView, KpiView, PersonaView, PlatformView, ReasonView


def business(strategy: Strategy, lang: str) -> list[Fact]:
    """Name, sector, market, country (by name) and the hours a week the business has."""
    profile = strategy.profile
    if profile is None:
        return []
    return [
        Fact(i18n.t("report.label.business", lang), inert(profile.name)),
        Fact(i18n.t("field.sector", lang), inert(profile.sector)),
        Fact(i18n.t("report.label.market", lang), i18n.t(f"market.{profile.market.value}", lang)),
        Fact(i18n.t("field.country", lang), shown.country_name(profile.country, lang)),
        Fact(
            i18n.t("report.label.hours", lang),
            i18n.t("report.hours_week", lang, n=shown.plain_number(profile.hours_per_week, lang)),
        ),
    ]


def personas(strategy: Strategy, lang: str) -> list[PersonaView]:
    """Each persona with the facts it has."""
    result = []
    for persona in strategy.personas:
        rows = [
            (i18n.t("report.label.locations", lang), ", ".join(inert(x) for x in persona.locations)),
            (i18n.t("report.label.interests", lang), ", ".join(inert(x) for x in persona.interests)),
            (i18n.t("report.label.pains", lang), inert(persona.pains)),
            (i18n.t("report.label.wants", lang), inert(persona.goals)),
            (
                i18n.t("report.label.online", lang),
                ", ".join(shown.platform_name(p, lang) for p in persona.online),
            ),
            (
                i18n.t("report.label.formats", lang),
                ", ".join(i18n.t(f"format.{f.value}", lang) for f in persona.formats),
            ),
        ]
        ages = i18n.t("report.ages", lang, ages=", ".join(a.value for a in persona.age_bands))
        result.append(PersonaView(inert(persona.name), ages, [Fact(k, v) for k, v in rows if v]))
    return result


def platforms(strategy: Strategy, lang: str) -> tuple[list[PlatformView], str]:
    """The chosen platforms with their why, and the sentence naming the platforms not used."""
    if strategy.profile is None:
        return [], ""
    ranking = why.ranking(strategy)
    country = strategy.profile.country
    views = []
    for plan in strategy.platforms:
        if plan.why:
            lines = [inert(line) for line in plan.why.splitlines() if line.strip()]
            reasons = [ReasonView(line, "", "info") for line in lines]
        else:
            rec = ranking.get(plan.platform)
            kept = why.for_client(rec.reasons, country) if rec else []
            reasons = [
                ReasonView(recommend.render(r, lang), shown.source_text(r.source, lang), r.effect)
                for r in kept
            ]
        views.append(
            PlatformView(
                name=shown.platform_name(plan.platform, lang),
                role=i18n.t(f"role.{plan.role.value}", lang),
                cadence=shown.posts_per_week(plan.posts_per_week, lang),
                reasons=reasons,
            )
        )
    skipped = [p for p in ranking if strategy.plan_for(p) is None]
    names = ", ".join(shown.platform_name(p, lang) for p in skipped)
    return views, i18n.t("doc.skipped", lang, names=names) if skipped else ""


def time(strategy: Strategy, lang: str) -> str:
    """The plan's hours a week against the hours the business has: the walk's and the checklists' sentence."""
    if strategy.profile is None:
        return ""
    return workload.workload(strategy).text(lang)


def goals(strategy: Strategy, lang: str) -> tuple[list[GoalView], list[KpiView]]:
    """The goals by quarter, and each KPI used once with its formula and up to two benchmarks a platform."""
    views = [
        GoalView(
            goal=shown.goal_name(goal, lang),
            quarter=goal.quarter,
            baseline=shown.kpi_value(goal.kpi, goal.baseline, lang),
            target=shown.kpi_value(goal.kpi, goal.target, lang),
            kind=shown.kpi_kind(goal.kpi, lang),
            note=inert(goal.note),
        )
        for goal in sorted(strategy.goals, key=lambda g: g.quarter)
    ]
    seen: dict[str, KpiView] = {}
    for goal in strategy.goals:
        benches = seen[goal.kpi].benchmarks if goal.kpi in seen else []
        for bench in kpis.benchmarks_for(goal.platform.value, goal.kpi)[:2]:
            line = i18n.t(
                "report.benchmark",
                lang,
                platform=shown.platform_name(goal.platform, lang),
                value=shown.benchmark_value(bench, lang),
                source=shown.source_name(bench.source, lang),
            )
            if line not in benches:
                benches.append(line)
        seen[goal.kpi] = KpiView(
            shown.kpi_name(goal.kpi, lang),
            shown.capitalised(i18n.t(f"kpi.{goal.kpi}.formula", lang)),
            benches,
        )
    return views, list(seen.values())
