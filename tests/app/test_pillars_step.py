"""Content pillars on the platforms step of the walk: added, kept in the draft, saved with the step; shares over
100 % stop the step with a message and save nothing."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cmplanner import demo
from cmplanner.store import Store
from tests.app.helpers import no_exception, open_page, texts


def add_pillar(at: AppTest, name: str, share: float) -> AppTest:
    at = at.button(key="pillar.add").click().run()
    key = [
        w.key for w in at.text_input if w.key and w.key.startswith("w.pillar.") and w.key.endswith(".name")
    ][-1]
    at.text_input(key=key).input(name)
    at.number_input(key=key.replace(".name", ".share")).set_value(share)
    at.text_input(key=key.replace(".name", ".covers")).input(f"Over {name.lower()}")
    return at.run()


def next_step(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.label == "Next").click().run()


def test_pillars_are_saved_with_the_platforms_step(store: Store) -> None:
    strategy = store.save(demo.bakery("2026-Q4"))
    at = open_page("pages/2_platforms.py", strategy.id)
    at = add_pillar(at, "Vers uit de oven", 60)
    at = add_pillar(at, "Achter de schermen", 30)
    no_exception(at)
    assert "Together 90% of the posts." in texts(at)
    assert len(store.draft(strategy.id).values["w.pillars"]) == 2  # kept in the walk's draft
    at = next_step(at)
    no_exception(at)
    assert at.title[0].value == "Goals & KPIs"
    saved = store.get(strategy.id).pillars
    assert [(p.name, p.share, p.covers) for p in saved] == [
        ("Vers uit de oven", 60.0, "Over vers uit de oven"),
        ("Achter de schermen", 30.0, "Over achter de schermen"),
    ]


def test_shares_over_100_percent_stop_the_step(store: Store) -> None:
    strategy = store.save(demo.bakery("2026-Q4"))
    at = open_page("pages/2_platforms.py", strategy.id)
    at = add_pillar(at, "Oven", 70)
    at = add_pillar(at, "Team", 40)
    at = next_step(at)
    no_exception(at)
    assert at.title[0].value == "Platforms"
    assert "The pillars' shares add up to 110%: bring them down to 100% at most." in texts(at)
    assert store.get(strategy.id).pillars == []
