"""The sample bakery's competitors: two bakeries in the same town with weekly public figures, chosen so the
comparison has something to say (one grows fast on Instagram, one posts steadily with less engagement, a few
weeks carry a note). Pure: the caller stores them (the strategy's ``competitors``, the competitor-week table)."""

from __future__ import annotations

import math
from datetime import date

from cmplanner import periods
from cmplanner.models import Competitor, CompetitorWeek, Platform

# Per competitor and platform: followers at the first week, growth per week, posts per week, engagement per post
# by followers (percent); notes by week position (1 = the current quarter's first week).
BEHAVIOUR: dict[tuple[str, Platform], dict[str, float]] = {
    ("Bakkerij Van der Linden", Platform.INSTAGRAM): {
        "followers": 2100,
        "growth": 0.006,
        "posts": 4,
        "rate": 0.55,
    },
    ("Bakkerij Van der Linden", Platform.FACEBOOK): {
        "followers": 1450,
        "growth": 0.001,
        "posts": 3,
        "rate": 0.12,
    },
    ("Broodbar Utrecht", Platform.INSTAGRAM): {"followers": 850, "growth": 0.025, "posts": 6, "rate": 1.6},
}
NOTES: dict[tuple[str, int], str] = {
    ("Broodbar Utrecht", 3): "Spaarkaart gelanceerd: elk 10e broodje gratis",
    ("Bakkerij Van der Linden", 6): "Actie: gratis koffie bij elk brood op zaterdag",
    ("Broodbar Utrecht", 9): "Eerste reel met 10.000 weergaven (bakker aan het werk)",
}


def competitors() -> list[Competitor]:
    """The two competitors, with their accounts and what to watch."""
    return [
        Competitor(
            name="Bakkerij Van der Linden",
            handles={
                Platform.INSTAGRAM: "@bakkerijvanderlinden",
                Platform.FACEBOOK: "Bakkerij Van der Linden",
            },
            watch="Zaterdagacties en hun kerstbestellingen",
        ),
        Competitor(
            name="Broodbar Utrecht",
            handles={Platform.INSTAGRAM: "@broodbarutrecht"},
            watch="Hoe ze met korte video's studenten bereiken",
        ),
    ]


def competitor_weeks(rivals: list[Competitor], today: date, history: int = 13) -> list[CompetitorWeek]:
    """The current quarter's complete weeks plus ``history`` weeks before it (as ``demo.weeks_for`` does for the
    bakery itself), with a gentle wobble."""
    first = periods.quarter_weeks(periods.current_quarter(today))[0]
    last = periods.week_monday(periods.last_complete_week(today))
    rows: list[CompetitorWeek] = []
    for rival in rivals:
        for platform in rival.platforms:
            shape = BEHAVIOUR[(rival.name, platform)]
            week, position = periods.shift_week(first, -history), 1 - history
            while periods.week_monday(week) <= last:
                step = position + history  # weeks since the first one
                wobble = 1 + 0.2 * math.sin(step * 1.3 + len(rival.name))
                followers = round(shape["followers"] * (1 + shape["growth"]) ** step)
                posts = max(1, round(shape["posts"] * wobble))
                engagements = shape["rate"] / 100 * followers * posts * wobble
                rows.append(
                    CompetitorWeek(
                        competitor=rival.id,
                        platform=platform,
                        week=week,
                        followers=followers,
                        posts=posts,
                        likes=round(engagements * 0.9),
                        comments=round(engagements * 0.1),
                        note=NOTES.get((rival.name, position), "") if platform == rival.platforms[-1] else "",
                        source="demo",
                    )
                )
                week, position = periods.shift_week(week, 1), position + 1
    return rows


def for_bakery(today: date) -> tuple[list[Competitor], list[CompetitorWeek]]:
    """The bakery's competitors and their weeks up to the last complete week before ``today``."""
    rivals = competitors()
    return rivals, competitor_weeks(rivals, today)
