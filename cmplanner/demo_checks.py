"""The sample strategies' checklist history: most tasks ticked in the weeks before today, a few missed, so the
monthly review and the checklists show a believable completion rather than 0%.

Only periods that have ended are ticked (yesterday and before, finished weeks and months): today's list is
left for the user to tick.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from cmplanner import checklists, periods
from cmplanner.models import Strategy, Tick


def ticks(strategy: Strategy, today: date, rate: float, weeks: int = 13) -> list[Tick]:
    """Ticks for every enabled task over the ``weeks`` before ``today``, each period done with chance ``rate``
    (seeded by the strategy's name, so the demo is the same every time it is written)."""
    rng = random.Random(f"checks:{strategy.name}")
    items = [i for i in checklists.generate(strategy) if i.enabled]
    first = periods.week_monday(periods.week_key(today - timedelta(weeks=weeks)))
    days = [first + timedelta(days=n) for n in range((today - first).days)]
    ended = {
        "day": sorted({d.isoformat() for d in days}),
        "week": sorted({periods.week_key(d) for d in days if periods.week_key(d) != periods.week_key(today)}),
        "month": sorted(
            {periods.month_key(d) for d in days if periods.month_key(d) != periods.month_key(today)}
        ),
    }
    return [
        Tick(task=item.id, period_key=key, done=item.count)
        for item in items
        for key in ended.get(item.period, [])
        if rng.random() < rate
    ]
