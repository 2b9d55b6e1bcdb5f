"""The sample bakery's December: content pillars, its own dates, a planned month of posts (Sinterklaas and
Christmas included) and the imported records of the ones already out. Pure: records in, records out; the demo
command stores them.

The statuses follow the month, whatever the year: the posts of 1–6 December are published (and linked to their
imported stand-ins), 7–13 December ready (every question answered), 14–20 December drafts, the rest ideas; one
post is skipped. The weeks leave a few slots open (the third week on both platforms, Instagram's last) so the
calendar has something to point at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from cmplanner import platforms as platform_knowledge
from cmplanner.models import (
    CheckAnswer,
    ContentFormat,
    ContentPillar,
    Goal,
    OwnDate,
    PlannedPost,
    Platform,
    PostLink,
    PostStatus,
    Strategy,
)

FB, IG = Platform.FACEBOOK, Platform.INSTAGRAM
PILLARS = (
    ("oven", "Vers uit de oven", "Het brood, gebak en de seizoensproducten van de dag.", 40.0),
    ("backstage", "Achter de schermen", "Hoe we bakken: vroeg op, ambacht, het team.", 25.0),
    ("neighbourhood", "Buurt & klanten", "Vaste klanten, scholen en verenigingen uit de wijk.", 20.0),
    ("offers", "Acties & feestdagen", "Bestellen voor de feestdagen en tijdelijke acties.", 15.0),
)
SITE = "https://www.korenschoof.nl"


@dataclass(frozen=True)
class Plan:
    day: int
    at: time
    platforms: tuple[Platform, ...]
    format: ContentFormat
    pillar: str
    title: str
    text: str
    visual: str
    link: str = ""
    skipped: bool = False


PLANS: tuple[Plan, ...] = (
    Plan(
        1,
        time(8, 30),
        (IG, FB),
        ContentFormat.CAROUSEL,
        "offers",
        "Kerstbestellingen zijn open",
        "Vanaf vandaag bestel je je kerststol, kerstkrans en kersttaart. Bestel vóór 20 december en haal op "
        "wanneer het jou uitkomt.",
        "Carrousel: stol, krans en taart op de toonbank",
        f"{SITE}/kerst",
    ),
    Plan(
        2,
        time(7, 30),
        (IG,),
        ContentFormat.SHORT_VIDEO,
        "backstage",
        "Speculaas uit de vorm",
        "Om vijf uur 's ochtends liggen de speculaasplanken al klaar. Zo krijgt elke pop zijn vorm.",
        "Reel van 20 seconden: plank, deeg, bakplaat",
    ),
    Plan(
        4,
        time(16, 0),
        (FB,),
        ContentFormat.PHOTO,
        "neighbourhood",
        "Sint op bezoek bij groep 3",
        "Groep 3 van De Regenboog kwam pepernoten bakken. Wat een talent!",
        "Foto van de klas aan de werkbank",
    ),
    Plan(
        5,
        time(9, 0),
        (IG, FB),
        ContentFormat.PHOTO,
        "offers",
        "Pakjesavond: banketstaaf en pepernoten",
        "Vanavond is het pakjesavond! Heb je de banketstaaf al in huis? Tot 16.00 uur vers uit de oven.",
        "Banketstaaf en pepernoten op een schaal, Sint-decor",
    ),
    Plan(
        8,
        time(7, 30),
        (IG,),
        ContentFormat.PHOTO,
        "oven",
        "Desembrood van de week",
        "Ons desembrood rijst 24 uur. Deze week met walnoot en vijg.",
        "Aangesneden brood op de plank",
    ),
    Plan(
        10,
        time(12, 0),
        (IG, FB),
        ContentFormat.PHOTO,
        "oven",
        "Kerstbrood met amandelspijs",
        "Het kerstbrood is terug: met eigen amandelspijs en rozijnen uit de pot van oma.",
        "Kerstbrood met een plak eraf, kaarsje ernaast",
        f"{SITE}/kerst",
    ),
    Plan(
        12,
        time(10, 0),
        (IG,),
        ContentFormat.STORIES,
        "neighbourhood",
        "Vraag van de week: stol met of zonder rozijnen?",
        "Stem in onze story: kerststol met of zonder rozijnen?",
        "Story met poll-sticker",
    ),
    Plan(
        15,
        time(7, 30),
        (IG,),
        ContentFormat.SHORT_VIDEO,
        "backstage",
        "Zo vouwen we een kerststol",
        "Spijs erin, vouwen, rijzen: zo maakt Jeroen 200 stollen per dag.",
        "Reel van 30 seconden aan de werkbank",
    ),
    Plan(
        17,
        time(12, 0),
        (FB,),
        ContentFormat.PHOTO,
        "offers",
        "Nog drie dagen kerstbestellingen",
        "Nog drie dagen om je kerstbestelling te plaatsen: in de winkel of via de website.",
        "Bestelformulier op de toonbank",
        f"{SITE}/kerst",
    ),
    Plan(
        19,
        time(10, 0),
        (IG,),
        ContentFormat.CAROUSEL,
        "oven",
        "Onze kersttaarten op een rij",
        "",
        "Vijf taarten, elk op een eigen foto",
    ),
    Plan(
        22,
        time(7, 30),
        (IG, FB),
        ContentFormat.PHOTO,
        "backstage",
        "Het team in kerstsfeer",
        "",
        "Teamfoto met mutsen",
    ),
    Plan(
        24, time(8, 0), (IG, FB), ContentFormat.PHOTO, "offers", "Kerstavond: ophalen tot 15.00 uur", "", ""
    ),
    Plan(
        25,
        time(10, 0),
        (IG, FB),
        ContentFormat.PHOTO,
        "neighbourhood",
        "Fijne kerst van de hele bakkerij",
        "",
        "",
    ),
    Plan(
        27,
        time(11, 0),
        (FB,),
        ContentFormat.LINK,
        "neighbourhood",
        "Jaaroverzicht op de website",
        "",
        "",
        f"{SITE}/jaaroverzicht",
        skipped=True,
    ),
    Plan(
        29, time(7, 30), (IG,), ContentFormat.SHORT_VIDEO, "backstage", "Oliebollen: het deeg rijst", "", ""
    ),
    Plan(
        31,
        time(9, 0),
        (IG, FB),
        ContentFormat.PHOTO,
        "offers",
        "Oliebollen en appelflappen tot 17.00 uur",
        "",
        "",
    ),
)


@dataclass(frozen=True)
class DemoImportedPost:
    """An imported post's stand-in (platform, id, time, permalink) until the imported posts' model exists."""

    platform: Platform
    post_id: str
    published_at: datetime
    permalink: str


@dataclass(frozen=True)
class DemoCalendar:
    strategy: Strategy
    posts: list[PlannedPost]
    imported: list[DemoImportedPost]


def _checks(plan: Plan) -> dict[str, CheckAnswer]:
    answers = {question: CheckAnswer() for question in platform_knowledge.prepublish_check()}
    answers["goal"] = CheckAnswer(note="Meer mensen uit de buurt bereiken")
    answers["source"] = CheckAnswer(
        answer="not_relevant", note="Eigen foto's en eigen producten, geen externe bron"
    )
    return answers


def _status(plan: Plan) -> PostStatus:
    if plan.skipped:
        return PostStatus.SKIPPED
    if plan.day <= 6:
        return PostStatus.PUBLISHED
    if plan.day <= 13:
        return PostStatus.READY
    return PostStatus.DRAFT if plan.day <= 20 else PostStatus.IDEA


def _goal(strategy: Strategy, platform: Platform, kpi: str) -> Goal | None:
    return next((g for g in strategy.goals if g.platform == platform and g.kpi == kpi), None)


def _permalink(platform: Platform, post_id: str) -> str:
    base = {FB: "https://www.facebook.com/korenschoof/posts/", IG: "https://www.instagram.com/p/"}[platform]
    return f"{base}{post_id}/"


def with_content(strategy: Strategy, year: int) -> Strategy:
    """``strategy`` with the bakery's pillars and its own December dates."""
    pillars = [
        ContentPillar(id=f"pillar-{key}", name=name, covers=covers, share=share)
        for key, name, covers, share in PILLARS
    ]
    own = [
        OwnDate(
            id="own-christmas-orders",
            title="Kerstbestellingen",
            start=date(year, 12, 1),
            end=date(year, 12, 20),
            note="Bestellen voor de kerst: stol, krans, taart",
        ),
        OwnDate(
            id="own-oliebollen",
            title="Oliebollenkraam voor de deur",
            start=date(year, 12, 28),
            end=date(year, 12, 31),
        ),
    ]
    return Strategy.model_validate(
        {**strategy.model_dump(), "pillars": pillars, "own_dates": own, "version": strategy.version}
    )


def december(strategy: Strategy, year: int) -> DemoCalendar:
    """The bakery's December of ``year``: the strategy with content, the planned posts and the imported ones."""
    strategy = with_content(strategy, year)
    created = datetime(year, 11, 20, 9, 0, tzinfo=UTC)
    posts_goal = _goal(strategy, FB, "posts")
    followers_goal = _goal(strategy, IG, "followers")
    posts, imported = [], []
    for number, plan in enumerate(PLANS, start=1):
        planned_at = datetime.combine(date(year, 12, plan.day), plan.at)
        status = _status(plan)
        goal = posts_goal if FB in plan.platforms else followers_goal
        links = []
        if status == PostStatus.PUBLISHED:
            for platform in plan.platforms:
                post_id = f"demo{year}{number:02d}{platform.value[:2]}"
                out = DemoImportedPost(
                    platform, post_id, planned_at + timedelta(minutes=2), _permalink(platform, post_id)
                )
                imported.append(out)
                links.append(PostLink(platform=platform, post_id=post_id, permalink=out.permalink))
        posts.append(
            PlannedPost(
                id=f"demo-{year}-12-{number:02d}",
                planned_at=planned_at,
                platforms=list(plan.platforms),
                format=plan.format,
                title=plan.title,
                text=plan.text,
                link=plan.link,
                visual=plan.visual,
                pillar_id=f"pillar-{plan.pillar}",
                goal_id=goal.id if goal else None,
                status=status,
                checks=_checks(plan) if status in (PostStatus.PUBLISHED, PostStatus.READY) else {},
                links=links,
                created_at=created,
                updated_at=created + timedelta(days=min(plan.day, 10)),
            )
        )
    return DemoCalendar(strategy, posts, imported)
