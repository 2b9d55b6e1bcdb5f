"""Home page: the first-run welcome, creating, opening, renaming, duplicating and deleting strategies."""

from __future__ import annotations

from cmplanner.store import Store
from tests.app.helpers import no_exception, open_page, texts


def test_empty_workspace_invites_the_first_strategy_and_offers_the_demo(store: Store) -> None:
    at = open_page("app.py")
    no_exception(at)
    assert "Welcome to cmplanner" in texts(at)
    labels = [b.label for b in at.button]
    assert "Load the demo workspace" in labels
    assert "Create strategy" in labels


def test_empty_workspace_in_dutch_for_a_dutch_browser(store: Store) -> None:
    at = open_page("app.py", locale="nl-NL")
    assert "Welkom bij cmplanner" in texts(at)
    assert "Voorbeeldwerkruimte laden" in [b.label for b in at.button]


def test_demo_workspace_lists_both_sample_strategies(store: Store) -> None:
    at = open_page("app.py")
    next(b for b in at.button if b.label == "Load the demo workspace").click().run()
    no_exception(at)
    shown = texts(at)
    assert "Bakkerij De Korenschoof" in shown and "Van Dijk Advies" in shown
    assert len(store.list()[0]) == 2


def test_create_strategy_opens_the_walk(store: Store) -> None:
    at = open_page("app.py")
    at.text_input(key="new_name").input("Bloemist Roos")
    next(b for b in at.button if b.label == "Create strategy").click().run()
    no_exception(at)
    strategies, _ = store.list()
    assert [s.name for s in strategies] == ["Bloemist Roos"]
    assert "Business & audience" in texts(at)  # the walk's first step is open


def test_create_without_a_name_says_what_to_fix(store: Store) -> None:
    at = open_page("app.py")
    at.text_input(key="new_name").input("   ")
    next(b for b in at.button if b.label == "Create strategy").click().run()
    assert "Give the strategy a name." in texts(at)
    assert store.list()[0] == []


def test_delete_asks_for_confirmation_and_keeps_a_copy(store: Store) -> None:
    keep, gone = store.create("Keep me"), store.create("Remove me")
    at = open_page("app.py")
    at.button(key=f"more.{gone.id}").click().run()
    at.button(key=f"del.{gone.id}").click().run()
    assert "Delete “Remove me”" in texts(at)
    assert len(store.list()[0]) == 2  # nothing deleted before the confirmation
    at.button(key=f"yes.{gone.id}").click().run()
    no_exception(at)
    assert [s.name for s in store.list()[0]] == ["Keep me"]
    assert any(p.name.startswith("deleted-") for p in (store.root / "backups" / gone.id).iterdir())
    assert keep.id


def test_cancel_delete_keeps_the_strategy(store: Store) -> None:
    target = store.create("Stay")
    at = open_page("app.py")
    at.button(key=f"more.{target.id}").click().run()
    at.button(key=f"del.{target.id}").click().run()
    at.button(key=f"no.{target.id}").click().run()
    assert [s.name for s in store.list()[0]] == ["Stay"]
    assert "Delete “Stay”" not in texts(at)


def test_rename_and_duplicate(store: Store) -> None:
    original = store.create("Old name")
    at = open_page("app.py")
    at.button(key=f"more.{original.id}").click().run()
    at.text_input(key=f"name.{original.id}").input("New name")
    at.button(key=f"rename.{original.id}").click().run()
    assert store.get(original.id).name == "New name"
    at.button(key=f"dup.{original.id}").click().run()  # the panel stays open after renaming
    names = sorted(s.name for s in store.list()[0])
    assert names == ["Copy of New name", "New name"]


def test_search_and_pages_keep_a_large_workspace_usable(store: Store) -> None:
    for n in range(19):
        store.create(f"Client {n:02d}")
    at = open_page("app.py")
    assert sum(1 for b in at.button if b.label == "Open") == 8
    at.number_input(key="home.page").set_value(3).run()
    assert sum(1 for b in at.button if b.label == "Open") == 3
    at.text_input(key="home.search").input("client 07").run()
    no_exception(at)
    assert sum(1 for b in at.button if b.label == "Open") == 1
    assert "Client 07" in texts(at)
