"""What an export shape is: how to recognise it by its headers and which columns feed which weekly field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from cmplanner.models import Platform

Kind = Literal["posts", "days"]
Alternative = str | tuple[str, ...]
"""One column concept, or several summed; a leading ``-`` subtracts (``("new_follows", "-unfollows")``)."""

FOLLOWER_CHANGE = "followers_change"
"""Pseudo-field: a day's net follower change; followers at week end = baseline + the changes so far."""


@dataclass(frozen=True)
class Shape:
    """One export shape.

    ``fields`` maps a weekly-log field (or ``followers_change``) to alternatives, tried in order; fields are
    filled in order and a column feeds one field only, so ``impressions: [impressions, views]`` followed by
    ``video_views: [views]`` reads Views as impressions only when there is no Impressions column.
    Post-level shapes (``kind="posts"``) count one post per row, by the day in ``date``, and give a
    :class:`~cmplanner.models.Post` per row.
    """

    name: str
    platform: Platform | None
    kind: Kind
    required: tuple[Alternative, ...]
    """Concepts the header row must hold (a tuple: any one of them)."""
    date: tuple[str, ...]
    fields: Mapping[str, tuple[Alternative, ...]]
    key: str | None = None
    """Concept that identifies a row (post id): a repeated key replaces the earlier row."""
    priority: int = 1
    """When tables of one upload give the same field for a week, the higher priority wins (daily > per post)."""
    order: Literal["mdy", "dmy"] | None = "mdy"
    """How ``a/b/yyyy`` dates are read when no value settles it; None: guess from the separator."""
    zero_days_omitted: bool = False
    """Days without activity are left out (Meta daily series): a missing day counts as zero."""
    empty_is_zero: bool = True
    """An empty cell in a row means 0 (platform exports); False for the user's own sheets: not logged."""
    platform_fixed: bool = True
    """The platform is certain (else the user may say which platform the file is for)."""
    allowed: frozenset[str] | None = None
    """If set, every header must be one of these concepts (for shapes as plain as ``Date, Views``)."""
    notes: tuple[str, ...] = ()
    """i18n keys of notes shown with every import of this shape."""
    texts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Post shapes: the columns of a post's ``permalink``, ``text`` and ``format`` (the first one present)."""
    variant: str | None = None
    """Post shapes: the column saying whether a row is a boosted post's organic, sponsored or total figures."""
    default_format: str | None = None
    """Post shapes: the content format of every post when the file has no type column (TikTok: short video)."""
    id_time: bool = False
    """Post shapes: a post id's upper 32 bits are its Unix time (TikTok), which settles a year-less date."""
    refine: Callable[[Shape, str, str], Shape] | None = field(default=None, compare=False)
    """Completes the shape from the title line above its header (Meta daily series: it names the metric).
    Called with the shape, the title and the file name."""

    def __hash__(self) -> int:
        return hash(self.name)
