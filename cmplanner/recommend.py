"""Which platforms to use: rank the seven platforms for a business and its personas, and pick a set that
fits the hours available ("not every company needs every platform", seed 004).

Every platform gets a score, a weighted sum whose weights live in ``knowledge/recommend.json``::

    score = w.age     × age share        mean share of people in the personas' age bands who use it (0–1):
                                         the figure for the strategy's country (``knowledge/audiences.json``:
                                         Newcom for the Netherlands, imec Digimeter for Flanders), for the band
                                         or else for all ages; without one, Pew's US figure for the band, else
                                         for all US adults — each reason names the country and source
          + w.online  × online share     share of the personas that say they are on the platform (0–1)
          + w.formats × format share     share of the personas' preferred formats the platform carries (0–1)
          + w.b2b     × market factor × b2b_fit ÷ 3     market factor 1 for B2B, ½ for both, 0 for B2C
          − w.b2c_business               for a B2C business on a platform mainly for business contacts
          − w.effort  × min(1, platform hours ÷ hours available)

Platform hours are what the platform adds to the plan's hours (``workload.platform_hours``: its checklist tasks
at the platform's default posts a week, with the user's checklist tuning), and the routines every plan has
(``workload.routine_hours``) are counted first: the recommendations read the same hours as the walk and the
checklists. The cadence the user then picks does not move the recommendation (it is advice on what to
choose, not a judgement of the choice); the walk shows the hours of the chosen cadence beside it.

A signal the user gave no input for (no persona lists where it is online, no formats) adds nothing.
Then, best first, a platform is recommended when its score is at least ``recommend_min_share_of_best``
of the best score and its hours fit in what is left of the week after the routines and the platforms before it; when none fits, the best one is
recommended anyway with a reason saying it needs more time. Dutch user counts are shown as information. Every step leaves a ``Reason`` (an i18n key ``recommend.reason.*`` with params and
a source key); ``render`` turns one into a sentence with numbers formatted for the language.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from cmplanner import i18n, platforms
from cmplanner.models import BusinessProfile, ChecklistSettings, Market, Persona, Platform, Strategy
from cmplanner.platforms import PlatformInfo
from cmplanner.workload import EPSILON, platform_hours, routine_hours

KNOWLEDGE = Path(__file__).parent / "knowledge"
Effect = Literal["plus", "minus", "info"]
Params = dict[str, str | int | float]


@dataclass(frozen=True)
class Reason:
    key: str
    params: Params
    source: str | None
    effect: Effect


@dataclass(frozen=True)
class Recommendation:
    platform: Platform
    score: float
    recommended: bool
    hours_per_week: float
    reasons: tuple[Reason, ...]

    @property
    def over_hours(self) -> bool:
        """Left out only because the hours ran out: it fits the audience well enough (the page says so)."""
        return any(r.key == "recommend.reason.skipped_hours" for r in self.reasons)


@cache
def config() -> dict[str, Any]:
    """The weights and thresholds of ``knowledge/recommend.json``."""
    data: dict[str, Any] = json.loads((KNOWLEDGE / "recommend.json").read_text(encoding="utf-8"))
    return data


def _reason(name: str, effect: Effect, source: str | None = None, **params: str | int | float) -> Reason:
    return Reason(f"recommend.reason.{name}", params, source, effect)


def _pct_effect(pct: float) -> Effect:
    cfg = config()
    if pct >= cfg["age_plus_min_pct"]:
        return "plus"
    return "minus" if pct < cfg["age_minus_below_pct"] else "info"


@cache
def audiences() -> dict[str, list[dict[str, Any]]]:
    """Per country, the sourced audience figures of ``knowledge/audiences.json`` (the ``_about`` left out)."""
    data: dict[str, Any] = json.loads((KNOWLEDGE / "audiences.json").read_text(encoding="utf-8"))
    return {country: figures for country, figures in data.items() if not country.startswith("_")}


def _local_figure(info: PlatformInfo, band: str | None, country: str) -> Reason | None:
    """The country's figure for the platform: for the age band, else for all ages; ``None`` when it has none."""
    figures = [f for f in audiences().get(country, []) if f["platform"] == info.id.value]
    figure = next((f for f in figures if band is not None and f["band"] == band), None)
    figure = figure or next((f for f in figures if f["band"] is None), None)
    if figure is None:
        return None
    pct = figure["pct"]
    params: Params = {"platform": info.name, "pct": pct}
    if figure.get("group"):
        params["group"] = figure["group"]
    return Reason(figure["key"], params, figure["source"], _pct_effect(pct))


def _band_figure(info: PlatformInfo, band: str | None, country: str) -> Reason:
    """The share of an age band (``None``: everyone) on a platform: the country's own figure first, else Pew's US
    figure for the band, else Pew's for all US adults; the text says which."""
    local = _local_figure(info, band, country)
    if local is not None:
        return local
    name = info.name
    known = info.audience_by_age.get(band) if band is not None else None
    if known is None:
        pct = info.audience_all
        key = "age_all" if band is None else "age_fallback"
        return _reason(key, _pct_effect(pct), info.audience_all_source, platform=name, pct=pct, **_band(band))
    effect = _pct_effect(known)
    # a country with figures of its own, but none for this platform, says the US figure stands in
    key = "age_us_fallback" if country in audiences() else ("age_low" if effect == "minus" else "age_fit")
    return _reason(key, effect, info.audience_source, platform=name, pct=known, band=band or "")


def _band(band: str | None) -> dict[str, str]:
    return {} if band is None else {"band": band}


def _age(info: PlatformInfo, personas: Sequence[Persona], country: str) -> tuple[float, list[Reason]]:
    """Mean share (0–1) of the personas' age bands, each persona weighing the same (see :func:`_band_figure`)."""
    if not personas:
        reason = _band_figure(info, None, country)
        return float(reason.params["pct"]) / 100, [reason]
    reasons: dict[str, Reason] = {}
    shares: list[float] = []
    for persona in personas:
        band_shares = []
        for band in persona.age_bands:
            reason = _band_figure(info, band.value, country)
            reasons.setdefault(band.value, reason)
            band_shares.append(float(reason.params["pct"]) / 100)
        shares.append(sum(band_shares) / len(band_shares))
    # one reason per figure: two bands that fall back to the same all-ages figure say it once
    unique = {(r.key, r.source, tuple(sorted(r.params.items()))): r for r in reasons.values()}
    return sum(shares) / len(shares), list(unique.values())


def _online(info: PlatformInfo, personas: Sequence[Persona]) -> tuple[float, list[Reason]]:
    listing = [p for p in personas if p.online]
    if not listing:
        return 0.0, []
    count = sum(info.id in p.online for p in listing)
    if count == 0:
        return 0.0, [_reason("online_no", "minus", platform=info.name)]
    return count / len(listing), [
        _reason("online_yes", "plus", platform=info.name, count=count, total=len(listing))
    ]


def _formats(info: PlatformInfo, personas: Sequence[Persona]) -> tuple[float, list[Reason]]:
    wanted = {f.value for p in personas for f in p.formats}
    if not wanted:
        return 0.0, []
    matched = len(wanted & set(info.formats))
    if matched == len(wanted):
        return 1.0, [_reason("formats_all", "plus", platform=info.name)]
    if matched == 0:
        return 0.0, [_reason("formats_none", "minus", platform=info.name)]
    share = matched / len(wanted)
    return share, [_reason("formats_some", "info", platform=info.name, matched=matched, total=len(wanted))]


def _market(info: PlatformInfo, market: Market) -> tuple[float, list[Reason]]:
    cfg, weights = config(), config()["weights"]
    factor = cfg["market_b2b_factor"][market.value]
    if factor == 0:
        if info.b2b_fit >= cfg["b2c_business_min_fit"]:
            return -weights["b2c_business"], [_reason("b2c_business", "minus", platform=info.name)]
        return 0.0, []
    points = weights["b2b"] * factor * info.b2b_fit / cfg["b2b_max_fit"]
    evidence = cfg["b2b_evidence"].get(info.id.value)
    if evidence:
        reason = Reason(
            evidence["key"], {"platform": info.name, **evidence["params"]}, evidence["source"], "plus"
        )
    elif info.b2b_fit >= cfg["b2b_plus_min_fit"]:
        reason = _reason("b2b_fit", "plus", platform=info.name)
    elif info.b2b_fit <= cfg["b2b_minus_max_fit"]:
        reason = _reason("b2b_weak", "minus", platform=info.name)
    else:
        return points, []
    return points, [reason]


def _local(info: PlatformInfo, country: str) -> list[Reason]:
    """Information on the number of users in the Netherlands (Newcom); Flanders' figures are the age signal."""
    name = info.name
    if country != "NL":
        return []
    trend = config()["nl_trend"]
    extra = trend.get(info.id.value, {})
    source = trend["source"]
    if "rank" in extra:
        return [
            _reason(
                "nl_rank_shrinking",
                "info",
                source,
                platform=name,
                rank=extra["rank"],
                lost=abs(extra["change_users"]),
            )
        ]
    if info.nl_users_millions is None:
        return []
    change = extra.get("change_pct")
    if change is None:
        return [_reason("nl_users", "info", source, platform=name, millions=info.nl_users_millions)]
    key = "nl_users_growing" if change > 0 else "nl_users_shrinking"
    return [_reason(key, "info", source, platform=name, millions=info.nl_users_millions, pct=abs(change))]


def _score(
    info: PlatformInfo, profile: BusinessProfile, personas: Sequence[Persona], hours: float
) -> tuple[float, list[Reason]]:
    weights = config()["weights"]
    age, age_reasons = _age(info, personas, profile.country)
    online, online_reasons = _online(info, personas)
    formats, format_reasons = _formats(info, personas)
    market, market_reasons = _market(info, profile.market)
    score = (
        weights["age"] * age
        + weights["online"] * online
        + weights["formats"] * formats
        + market
        - weights["effort"] * min(1.0, hours / profile.hours_per_week)
    )
    effort = _reason("effort", "info", "assumption", platform=info.name, hours=round(hours, 1))
    reasons = age_reasons + online_reasons + format_reasons + market_reasons + _local(info, profile.country)
    return round(score, 3), [*reasons, effort]


def recommend(
    profile: BusinessProfile,
    personas: Sequence[Persona],
    top: int | None = None,
    *,
    checklist: ChecklistSettings | None = None,
) -> list[Recommendation]:
    """The platforms best first, with the set that fits ``profile.hours_per_week`` marked recommended.

    ``checklist``: the user's checklist tuning the hours follow (default: untuned tasks).
    """
    base = Strategy(
        name=profile.name,
        profile=profile,
        personas=list(personas),
        checklist=checklist or ChecklistSettings(),
    )
    hours_of = {info.id: platform_hours(base, info.id) for info in platforms.platforms().values()}
    scored = sorted(
        (
            (info, *_score(info, profile, personas, hours_of[info.id]))
            for info in platforms.platforms().values()
        ),
        key=lambda row: row[1],
        reverse=True,
    )
    available = profile.hours_per_week
    routines = routine_hours(base)
    best = scored[0][1]
    threshold = best * config()["recommend_min_share_of_best"] if best > 0 else best
    used = routines
    chosen: set[Platform] = set()
    decisions: dict[Platform, Reason] = {}
    for info, score, _ in scored:
        hours = hours_of[info.id]
        name, hours_1 = info.name, round(hours, 1)
        if score < threshold:
            decisions[info.id] = _reason("skipped_fit", "info", "seed004", platform=name)
        elif used + hours > available + EPSILON:
            left = round(max(0.0, available - used), 1)
            decisions[info.id] = _reason(
                "skipped_hours",
                "minus",
                "seed004",
                platform=name,
                hours=hours_1,
                left=left,
                available=available,
            )
        else:
            used += hours
            chosen.add(info.id)
            decisions[info.id] = _reason(
                "fits", "plus", platform=name, available=available, routines=round(routines, 1)
            )
    if not chosen:
        info = scored[0][0]
        chosen.add(info.id)
        decisions[info.id] = _reason(
            "over_budget",
            "minus",
            "assumption",
            platform=info.name,
            hours=round(hours_of[info.id], 1),
            routines=round(routines, 1),
            total=round(routines + hours_of[info.id], 1),
            available=available,
        )
    result = [
        Recommendation(
            platform=info.id,
            score=score,
            recommended=info.id in chosen,
            hours_per_week=hours_of[info.id],
            reasons=(*reasons, decisions[info.id]),
        )
        for info, score, reasons in scored
    ]
    return result[:top] if top is not None else result


def recommended(strategy: Strategy) -> frozenset[str]:
    """The platforms recommended for a strategy (none without a profile), e.g. to keep them when cutting hours."""
    if strategy.profile is None:
        return frozenset()
    recs = recommend(strategy.profile, strategy.personas, checklist=strategy.checklist)
    return frozenset(rec.platform.value for rec in recs if rec.recommended)


def render(reason: Reason, lang: str) -> str:
    """The reason as a sentence in ``lang``, its numbers formatted for the language (``8,2`` in Dutch)."""
    params: dict[str, str] = {}
    for name, param in reason.params.items():
        if isinstance(param, str):
            params[name] = str(param)
        elif isinstance(param, int) or float(param).is_integer():
            params[name] = i18n.number(param, lang)
        else:
            params[name] = i18n.number(param, lang, digits=1)
    return i18n.t(reason.key, lang, **params)
