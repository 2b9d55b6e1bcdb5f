"""Competitors in the walk's draft: read back from the draft with messages per widget, and written into it."""

from __future__ import annotations

from datetime import date

from cmplanner import wizard
from cmplanner.competitors import compare, walk
from cmplanner.demo import bakery
from cmplanner.models import Competitor, CompetitorWeek, Platform

VDL = Competitor(
    id="vdl",
    name="Bakkerij Van der Linden",
    website="www.bakkerijvanderlinden.nl",
    handles={Platform.INSTAGRAM: "@bakkerijvanderlinden", Platform.FACEBOOK: ""},
    watch="Zaterdagacties",
)


def test_a_strategy_goes_into_the_draft_and_comes_back_the_same() -> None:
    strategy = bakery("2026-Q4").model_copy(update={"competitors": [VDL]})
    draft = wizard.from_strategy(strategy)
    assert draft["w.competitors"] == ["vdl"]
    assert draft["w.competitor.vdl.platforms"] == ["facebook", "instagram"]  # the usual platform order
    assert draft["w.competitor.vdl.handle.instagram"] == "@bakkerijvanderlinden"
    assert walk.from_draft(draft, "en") == ([VDL], {})


def test_only_ticked_platforms_are_followed_and_text_is_trimmed() -> None:
    draft = {
        "w.competitors": ["a"],
        "w.competitor.a.name": "  Broodbar Utrecht ",
        "w.competitor.a.platforms": ["instagram", "nonsense"],
        "w.competitor.a.handle.instagram": " @broodbarutrecht ",
        "w.competitor.a.handle.tiktok": "@left-over",  # typed, then the platform was unticked
    }
    (found,), errors = walk.from_draft(draft, "en")
    assert errors == {}
    assert (found.name, dict(found.handles)) == ("Broodbar Utrecht", {Platform.INSTAGRAM: "@broodbarutrecht"})


def test_messages_belong_to_the_widget_that_holds_the_problem() -> None:
    draft = {
        "w.competitors": ["a", "b", "c"],
        "w.competitor.a.name": "",
        "w.competitor.b.name": "Broodbar",
        "w.competitor.b.website": "www.brood bar.nl",
        "w.competitor.b.platforms": ["x"],
        "w.competitor.b.handle.x": "@" + "b" * 130,
        "w.competitor.c.name": "BROODBAR",
    }
    found, errors = walk.from_draft(draft, "en")
    assert errors == {
        "w.competitor.a.name": "Competitor name is required.",
        "w.competitor.b.website": "Website: a web address has no spaces, e.g. www.bakkerij.nl.",
        "w.competitor.b.handle.x": "X (Twitter) is too long (at most 120 characters).",
    }
    assert [c.name for c in found] == ["BROODBAR"]  # the others have problems; a name given twice is named
    draft["w.competitor.b.website"] = "www.broodbar.nl"
    draft["w.competitor.b.handle.x"] = "@broodbar"
    _, errors = walk.from_draft(draft, "nl")
    assert errors["w.competitor.c.name"] == "Twee concurrenten heten “BROODBAR”: geef elk een eigen naam."


def test_a_new_competitor_gets_an_id_of_its_own() -> None:
    ids = walk.add(walk.add([]))
    assert len(set(ids)) == 2 and all(len(i) == 32 for i in ids)


def test_quarters_to_compare_are_the_current_one_and_those_logged() -> None:
    rows = [CompetitorWeek(competitor="a", platform="instagram", week=w) for w in ("2026-W10", "2025-W50")]
    assert compare.quarters(rows, date(2026, 11, 18)) == ["2026-Q4", "2026-Q1", "2025-Q4"]
