"""The fixed choices a strategy is made of: platforms, markets, age bands, content formats, roles."""

from __future__ import annotations

from enum import StrEnum


class Platform(StrEnum):
    """The seven platforms of seed 004 (order = the seed's order)."""

    FACEBOOK = "facebook"
    X = "x"
    LINKEDIN = "linkedin"
    INSTAGRAM = "instagram"
    TIKTOK = "tiktok"
    PINTEREST = "pinterest"
    YOUTUBE = "youtube"


class Market(StrEnum):
    B2C = "b2c"
    B2B = "b2b"
    BOTH = "both"


class AgeBand(StrEnum):
    """Pew Research's age bands, so audience figures can be matched to personas."""

    A18_29 = "18-29"
    A30_49 = "30-49"
    A50_64 = "50-64"
    A65 = "65+"


class ContentFormat(StrEnum):
    """What a post is made of; personas list the ones they like, planned posts have one.

    Stored in personas and planned posts: add values, never rename or remove one.
    """

    PHOTO = "photo"
    SHORT_VIDEO = "short_video"
    LONG_VIDEO = "long_video"
    STORIES = "stories"
    TEXT = "text"
    ARTICLE = "article"
    LIVE = "live"
    CAROUSEL = "carousel"
    LINK = "link"


class Role(StrEnum):
    """What a platform is for in the strategy."""

    AWARENESS = "awareness"
    COMMUNITY = "community"
    WEBCARE = "webcare"
    TRAFFIC = "traffic"
    LEADS = "leads"
    INSPIRATION = "inspiration"
    RECRUITMENT = "recruitment"
