"""The strategy walk under AppTest: inline validation, autosaved draft, saving each step, the review and document."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cmplanner.store import Store
from tests.app.helpers import no_exception, open_page, texts


def click(at: AppTest, label: str) -> AppTest:
    return next(b for b in at.button if b.label == label).click().run()


def test_next_with_missing_fields_shows_inline_messages_and_saves_nothing(store: Store) -> None:
    strategy = store.create("Bloemist Roos")
    at = open_page("pages/1_audience.py", strategy.id)
    at.text_input(key="w.profile.name").input("")
    at = click(at.run(), "Next")
    no_exception(at)
    shown = texts(at)
    assert "Business name is required." in shown
    assert "Sector is required." in shown
    assert "Please fix the" in shown
    assert at.title[0].value == "Business & audience"  # did not advance
    saved = store.get(strategy.id)
    assert saved.profile is None and saved.step == 0


def fill_audience(at: AppTest) -> AppTest:
    at.text_input(key="w.profile.name").input("Bloemist Roos")
    at.text_input(key="w.profile.sector").input("Florist")
    persona_key = next(
        w.key for w in at.text_input if w.key and w.key.endswith(".name") and "persona" in w.key
    )
    at.text_input(key=persona_key).input("Young couple Sam")
    bands_key = persona_key.replace(".name", ".age_bands")
    at.multiselect(key=bands_key).select("18-29").select("30-49")
    online_key = persona_key.replace(".name", ".online")
    at.multiselect(key=online_key).select("instagram")
    return at.run()


def test_draft_is_autosaved_and_restored_in_a_new_session(store: Store) -> None:
    strategy = store.create("Bloemist Roos")
    at = fill_audience(open_page("pages/1_audience.py", strategy.id))
    no_exception(at)
    draft = store.draft(strategy.id).values
    assert draft["w.profile.sector"] == "Florist"
    # a new browser session (closing the tab) finds the input again
    again = open_page("pages/1_audience.py", strategy.id)
    assert again.text_input(key="w.profile.sector").value == "Florist"


def test_walk_saves_each_step_and_finishes_with_a_ready_strategy(store: Store) -> None:
    strategy = store.create("Bloemist Roos")
    at = fill_audience(open_page("pages/1_audience.py", strategy.id))
    at = click(at, "Next")
    no_exception(at)
    assert at.title[0].value == "Platforms"
    saved = store.get(strategy.id)
    assert saved.profile is not None and saved.profile.sector == "Florist"
    assert saved.personas[0].name == "Young couple Sam"
    # platforms: recommendations with reasons and sources are shown; the ticked ones are saved
    assert "Source: Pew Research Center" in texts(at)
    at.checkbox(key="w.platforms.instagram.use").check()
    at = click(at.run(), "Next")
    no_exception(at)
    assert at.title[0].value == "Goals & KPIs"
    assert "instagram" in [p.platform.value for p in store.get(strategy.id).platforms]
    # goals: add one, set a target
    at = click(at, "Add a goal")
    goal_prefix = next(w.key for w in at.selectbox if w.key and w.key.endswith(".kpi"))[: -len("kpi")]
    at.selectbox(key=goal_prefix + "platform").select("instagram")
    at.number_input(key=goal_prefix + "baseline").set_value(500)
    at.number_input(key=goal_prefix + "target").set_value(650)
    at = click(at.run(), "Next")
    no_exception(at)
    assert at.title[0].value == "Review"
    goals = store.get(strategy.id).goals
    assert [(g.platform.value, g.kpi, g.baseline, g.target) for g in goals] == [
        ("instagram", "followers", 500, 650)
    ]
    at = click(at, "Save strategy")
    no_exception(at)
    final = store.get(strategy.id)
    assert final.status == "ready"
    assert at.title[0].value == "Bloemist Roos"
    assert "Goals and KPIs" in texts(at)


def test_engagement_rate_goal_shows_formula_and_matching_benchmark(store: Store) -> None:
    from cmplanner.demo import bakery

    strategy = store.save(bakery("2026-Q4"))
    at = open_page("pages/5_strategy.py", strategy.id)
    shown = texts(at)
    assert "Formula" in shown
    assert "Benchmark" in shown and "Rival IQ" in shown


def test_walk_in_dutch(store: Store) -> None:
    strategy = store.create("Bakkerij")
    at = open_page("pages/1_audience.py", strategy.id, locale="nl-NL")
    assert at.title[0].value == "Bedrijf & doelgroep"
    at.text_input(key="w.profile.sector").input("")
    at = click(at.run(), "Volgende")
    assert "Sector is verplicht." in texts(at)


def test_walk_pages_need_a_strategy(store: Store) -> None:
    at = open_page("pages/2_platforms.py")
    no_exception(at)
    assert "Open or create a strategy first" in texts(at)
