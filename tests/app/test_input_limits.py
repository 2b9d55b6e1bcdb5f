"""No tracebacks, no dead ends: a name over the limit and a 2,000+ character text give a message (the count of
marked fields matching what is marked); a target that points the wrong way asks for confirmation; the language
is kept in the URL; the client view of the strategy page."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from streamlit.testing.v1 import AppTest

from cmplanner import demo
from cmplanner.store import Store
from tests.app.helpers import no_exception, open_page, texts


def click(at: AppTest, label: str) -> AppTest:
    return next(b for b in at.button if b.label == label).click().run()


def test_a_name_over_80_characters_on_new_strategy_gives_a_message(store: Store) -> None:
    at = open_page("app.py")
    assert at.text_input(key="new_name").proto.max_chars == 80  # the browser cuts a longer paste at 80 ...
    long = "Bakkerij " + "x" * 86
    at.text_input(key="new_name").input(long[:80])  # what the browser sends of a 95-character paste
    at = next(b for b in at.button if b.label == "Create strategy").click().run()
    no_exception(at)
    shown = texts(at)
    assert "This name has the maximum of 80 characters: if you pasted a longer one, it was cut off." in shown
    assert store.list()[0] == []  # ... so it is shown first, nothing is created yet
    assert at.text_input(key="new_name").value == long[:80]
    at = next(b for b in at.button if b.label == "Create strategy").click().run()
    no_exception(at)
    assert [s.name for s in store.list()[0]] == [long[:80]]
    assert at.title[0].value == "Business & audience"


def test_a_name_too_long_for_the_store_is_refused_with_a_message(store: Store) -> None:
    """Should a longer name reach the app at all, it says so (it used to be a pydantic traceback)."""
    strategy = store.create("Bloemist Roos")
    at = open_page("app.py")
    at.button(key=f"more.{strategy.id}").click().run()
    at.text_input(key=f"name.{strategy.id}").input("y" * 80)
    at.run()
    assert "Reached the maximum of 80 characters: anything longer was cut off here." in texts(at)
    with pytest.raises(ValidationError):
        store.create("z" * 81)  # what app.py guards against


def test_2000_characters_in_pains_say_the_limit_was_reached(store: Store) -> None:
    strategy = store.create("Bloemist Roos")
    at = open_page("pages/1_audience.py", strategy.id)
    persona = next(w.key for w in at.text_input if w.key and "persona" in w.key and w.key.endswith(".name"))
    pains = persona.replace(".name", ".pains")
    assert at.text_area(key=pains).proto.max_chars == 2000  # the browser cuts a paste at 2,000 ...
    pasted = "Te weinig tijd. " * 140  # 2,240 characters
    at.text_area(key=pains).input(pasted[:2000]).run()  # what the browser keeps of the paste
    no_exception(at)
    assert "Reached the maximum of 2,000 characters: anything longer was cut off here." in texts(
        at
    )  # ... and says so
    assert len(store.draft(strategy.id).values[pains]) == 2000


def test_an_unmarked_error_no_longer_happens_the_count_matches_the_marks(store: Store) -> None:
    strategy = store.create("Bloemist Roos")
    at = open_page("pages/1_audience.py", strategy.id)
    at.text_input(key="w.profile.sector").input("Florist")
    persona = next(w.key for w in at.text_input if w.key and "persona" in w.key and w.key.endswith(".name"))
    at.text_input(key=persona).input("Sam")
    at.multiselect(key=persona.replace(".name", ".age_bands")).select("18-29")
    at.text_input(key=persona.replace(".name", ".interests")).input("bloemen, " + "b" * 130)
    at = click(at.run(), "Next")
    no_exception(at)
    shown = texts(at)
    assert "Please fix the marked field to continue." in shown
    marks = [m.value for m in at.markdown if ":material/error:" in m.value]
    assert len(marks) == 1 and "Interests is too long (at most 120 characters)." in marks[0]
    assert at.title[0].value == "Business & audience"
    assert store.get(strategy.id).personas == []


def test_the_summary_counts_every_marked_field(store: Store) -> None:
    strategy = store.create("Bloemist Roos")
    at = open_page("pages/1_audience.py", strategy.id)
    at.text_input(key="w.profile.name").input("")
    at = click(at.run(), "Next")
    marks = [m.value for m in at.markdown if ":material/error:" in m.value]
    assert len(marks) == 4  # business name, sector, persona name, age groups
    assert "Please fix the 4 marked fields to continue." in texts(at)


def test_a_target_below_the_baseline_asks_for_confirmation(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/3_goals.py", bakery.id, today="2026-11-22")
    goal = bakery.goals[0]  # Instagram followers, 1,200 → 1,500
    prefix = f"w.goal.{goal.id}."
    at.number_input(key=prefix + "target").set_value(1000).run()
    box = "Yes, followers should go down this quarter (from 1,200 to 1,000)"
    assert [c.label for c in at.checkbox] == [box]
    at = click(at, "Next")
    no_exception(at)
    assert "The target is below the baseline, but for followers higher is better" in texts(at)
    assert at.title[0].value == "Goals & KPIs"
    assert store.get(bakery.id).goals[0].target == 1500
    at.checkbox(key=prefix + "wrong_way_ok").check().run()
    at = click(at, "Next")
    no_exception(at)
    assert at.title[0].value == "Review"
    assert store.get(bakery.id).goals[0].target == 1000


def test_the_language_is_kept_in_the_url_and_the_links(store: Store) -> None:
    strategy = store.create("Bloemist Roos")
    at = open_page("pages/5_strategy.py", strategy.id)
    assert at.query_params["lang"] == "en"
    at.selectbox(key="lang_select").select("nl").run()
    assert at.query_params["lang"] == "nl"
    links = [link.proto for link in at.get("page_link")]
    assert links and all("lang=nl" in link.query_string for link in links)
    # a reload is a new session with only the URL: still Dutch, even from an English browser
    again = open_page("pages/5_strategy.py", strategy.id, locale="en-GB", lang="nl")
    assert again.selectbox(key="lang_select").value == "nl"
    assert "Bewerken" in texts(again) or "Bedrijf & doelgroep" in [b.label for b in again.button]


def test_the_client_view_shows_the_plan_as_decided_and_saves_the_why(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/5_strategy.py", bakery.id, today="2026-11-22")
    working = texts(at)
    # the working view keeps the reasoning, but a chosen platform is not "skipped": it says it was chosen anyway
    assert "Assumption" in working and "Skipped for now" not in working
    assert "Chosen although it does not fit the hours: Instagram needs about 3.1 hours a week" in working
    at.get("button_group")[0].set_value("client").run()
    assert at.query_params["view"] == "client"
    no_exception(at)
    client = texts(at)
    assert "Skipped for now" not in client and "Assumption" not in client
    assert "edit it to fit your pace" not in client
    assert "Country:** Netherlands" in client
    boxes = {box.key: box.value for box in at.text_area}
    assert set(boxes) == {"why.facebook", "why.instagram"}
    assert "Your personas are on Facebook (1 of 2)." in boxes["why.facebook"]
    at.text_area(key="why.facebook").input("The neighbourhood is on Facebook.").run()
    no_exception(at)
    assert store.get(bakery.id).plan_for("facebook").why == "The neighbourhood is on Facebook."
    assert "Saved why Facebook was chosen." in texts(at)
