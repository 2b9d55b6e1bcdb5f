"""Imported posts kept in the strategy file: overlapping exports merge by post id instead of replacing weeks, in
whatever order they come, through the same write the import page and the command line use.

Calendar: 2026-03-23 is a Monday (2026-W13 = 23–29 March, W14 = 30 March – 5 April).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmplanner import import_mappings
from cmplanner import importers as imp
from cmplanner.models import Platform, PlatformPlan, Strategy
from cmplanner.store import POSTS, Store
from tests.unit.test_importers import FB_HEADER, csv_bytes, fb_post, table

MONDAY = datetime(2026, 3, 23, 8)


def facebook(root: Path) -> tuple[Store, str]:
    store = Store(root)
    sid = store.save(Strategy(name="Kapper Kim", platforms=[PlatformPlan(platform=Platform.FACEBOOK)])).id
    return store, sid


def export(posts: list[tuple[str, datetime, int]], exported_on: date = date(2026, 4, 19)) -> imp.Parsed:
    """A Meta Facebook post export of (post id, published at, reactions) posts."""
    rows = [
        fb_post(
            post_id,
            when.strftime("%m/%d/%Y %H:%M"),
            str(reactions * 10),
            reactions * 8,
            reactions,
            1,
            0,
            0,
            0,
        )
        for post_id, when, reactions in posts
    ]
    return imp.read("posts.csv", csv_bytes(table(FB_HEADER, rows)), exported_on=exported_on)


def import_files(store: Store, sid: str, *files: imp.Parsed) -> None:
    for parsed in files:
        store.update(sid, lambda edit, parsed=parsed: import_mappings.write_files(edit, [parsed]))


def stored(
    store: Store, sid: str
) -> tuple[list[tuple[str, int | None, int | None]], set[tuple[str, int | None]]]:
    weeks = [(row.week, row.posts, row.reactions) for row in store.weeks(sid)]
    posts = {(p.post_id, p.reactions) for p in store.rows(sid, POSTS)}
    return weeks, posts


def test_a_newer_export_starting_on_a_tuesday_adds_to_the_week_instead_of_replacing_it(
    tmp_path: Path,
) -> None:
    store, sid = facebook(tmp_path)
    monday = [("m1", MONDAY, 10), ("m2", MONDAY + timedelta(hours=4), 10)]
    week = [(f"t{n}", MONDAY + timedelta(days=1 + n % 6), 10) for n in range(10)]
    import_files(store, sid, export(monday + week, date(2026, 3, 29)))
    assert [(w.week, w.posts, w.reactions) for w in store.weeks(sid)] == [("2026-W13", 12, 120)]

    grown = [(post_id, when, 15) for post_id, when, _ in week]  # a week later, from Tuesday on, grown
    new = [(f"w{n}", datetime(2026, 3, 31, 9), 4) for n in range(3)]
    import_files(store, sid, export(grown + new, date(2026, 4, 5)))
    weeks, posts = stored(store, sid)
    assert weeks == [
        ("2026-W13", 12, 2 * 10 + 10 * 15),
        ("2026-W14", 3, 12),
    ]  # Monday's two posts still count
    assert len(posts) == 15 and ("m1", 10) in posts and ("t0", 15) in posts


posts_strategy = st.lists(
    st.tuples(st.integers(0, 24 * 27), st.integers(0, 50)), min_size=2, max_size=25, unique_by=lambda p: p[0]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(posts=posts_strategy, cut=st.data(), reverse=st.booleans())
def test_two_overlapping_exports_in_either_order_give_what_the_whole_file_gives(
    tmp_path_factory: object, posts: list[tuple[int, int]], cut: st.DataObject, reverse: bool
) -> None:
    """Any post export split into two overlapping files, imported in either order, gives the same weekly totals
    and the same posts as the whole file imported once."""
    rows = sorted((f"p{hours}", MONDAY + timedelta(hours=hours), reactions) for hours, reactions in posts)
    rows.sort(key=lambda row: row[1])
    start = cut.draw(st.integers(0, len(rows) - 1))
    end = cut.draw(st.integers(start + 1, len(rows)))  # the first file ends at or after the second one starts
    first, second = rows[:end], rows[start:]
    root = Path(str(tmp_path_factory.mktemp("posts")))  # type: ignore[attr-defined]
    whole_store, whole = facebook(root / "whole")
    import_files(whole_store, whole, export(rows))
    split_store, split = facebook(root / "split")
    files = [export(first), export(second)]
    import_files(split_store, split, *(reversed(files) if reverse else files))
    assert stored(split_store, split) == stored(whole_store, whole)
