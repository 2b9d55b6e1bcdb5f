"""Content pillars in the walk's draft: to records and back with their ids (posts point to them), a message under
the field that is wrong, and shares that add up to more than 100 % refused."""

from __future__ import annotations

from cmplanner import demo, pillars, wizard
from cmplanner.calendar import demo as calendar_demo


def test_a_strategys_pillars_round_trip_through_the_draft_with_their_ids() -> None:
    strategy = calendar_demo.december(demo.bakery("2026-Q4"), 2026).strategy
    draft = wizard.from_strategy(strategy)
    assert draft["w.pillars"] == ["pillar-oven", "pillar-backstage", "pillar-neighbourhood", "pillar-offers"]
    assert draft["w.pillar.pillar-oven.share"] == 40.0
    found, errors = pillars.from_draft(draft, "en")
    assert errors == {} and found == strategy.pillars


def test_a_pillar_without_a_name_gets_a_message_under_its_field() -> None:
    draft = {
        "w.pillars": ["a", "b"],
        "w.pillar.a.name": " Oven ",
        "w.pillar.a.share": 40.0,
        "w.pillar.b.name": "",
    }
    found, errors = pillars.from_draft(draft, "nl")
    assert [(p.id, p.name, p.share) for p in found] == [("a", "Oven", 40.0)]
    assert errors == {"w.pillar.b.name": "Naam van de pijler is verplicht."}


def test_shares_over_100_percent_are_refused_with_the_total() -> None:
    draft = {
        "w.pillars": ["a", "b"],
        "w.pillar.a.name": "Oven",
        "w.pillar.a.share": 60.0,
        "w.pillar.b.name": "Team",
        "w.pillar.b.share": 45.0,
    }
    _, errors = pillars.from_draft(draft, "en")
    assert errors == {"w.pillars": "The pillars' shares add up to 105%: bring them down to 100% at most."}
    assert pillars.total_share(draft) == 105.0


def test_a_new_pillar_gets_a_fresh_id_at_the_end() -> None:
    ids = pillars.add(["a"])
    assert ids[0] == "a" and len(ids) == 2 and ids[1] not in ("", "a")
