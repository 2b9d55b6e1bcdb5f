"""Import a platform export in a real browser, then see its week in the weekly log and the goal move on the tracker.

The demo bakery is written as of Sunday 22 November 2026, so its weeks are logged up to 2026-W46; on Monday
30 November its "Facebook · Posts" goal (26 this quarter, 7 posts logged) is behind. A Meta Business Suite post
export with 10 Facebook posts in 2026-W47, dropped on the import page, brings it to 17: on track.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from cmplanner import demo
from cmplanner.store import Store
from tests.e2e.conftest import AppServer, open_app, wait_for_app

pytestmark = pytest.mark.e2e

WRITTEN, TODAY, WEEK = date(2026, 11, 22), "2026-11-30", "2026-W47"
FACEBOOK_HEADER = (
    "Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,Permalink,Is crosspost,"
    "Is share,Post type,Languages,Custom labels,Funded content status,Data comment,Date,Impressions,Reach,"
    '"Reactions, comments and shares",Reactions,Comments,Shares,Total clicks,Other clicks,'
    "Matched audience targeting consumption (Photo click),Link clicks,Views,reels_plays:count,Seconds viewed,"
    "Average seconds viewed,Estimated earnings (USD)"
)


def facebook_export(posts: int = 10) -> bytes:
    """A Meta Business Suite post export of a Facebook page: ``posts`` posts, 16–22 November 2026 (2026-W47)."""
    lines = [FACEBOOK_HEADER]
    for n in range(posts):
        published = f"11/{16 + n % 7:02d}/2026 {8 + n:02d}:15"
        lines.append(
            f"{n + 1},42,Bakkerij,,Vers brood {n + 1},,{published},,https://facebook.com/{n + 1},No,No,Photo,nl,,,,"
            f"Lifetime,200,150,12,10,1,1,5,2,1,2,0,,,,"
        )
    return ("\n".join(lines) + "\n").encode()


def test_an_imported_export_shows_in_the_log_and_moves_the_tracker(app_server: AppServer, page: Page) -> None:
    bakery = next(s for s in demo.write_demo(Store(app_server.data_dir), WRITTEN) if "Korenschoof" in s.name)
    query = f"s={bakery.id}&today={TODAY}"

    open_app(page, app_server, f"/import?{query}")
    main = page.get_by_test_id("stMain")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import")
    main.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "Nov-30-2026.csv", "mimeType": "text/csv", "buffer": facebook_export()}]
    )
    expect(main.get_by_text("Facebook · Meta Business Suite, posts")).to_be_visible()
    expect(main.get_by_text("1 week of figures · 16 Nov 2026 – 22 Nov 2026")).to_be_visible()
    expect(main.get_by_text("Facebook: 1 week (1 new)")).to_be_visible()
    wait_for_app(page)
    main.get_by_role("button", name="Import", exact=True).click()
    expect(main.get_by_test_id("stAlert").first).to_contain_text("Imported: 1 week written.")
    expect(main.get_by_test_id("stAlert").first).to_contain_text("Facebook: 1 week (1 new)")
    expect(main.get_by_text("Nov-30-2026.csv")).to_have_count(0)  # the upload is emptied

    # the weekly log, on the imported week: Facebook's row (row 0) has 10 posts (column 2)
    open_app(page, app_server, f"/log?{query}&week={WEEK}")
    editor = page.get_by_test_id("stMain").get_by_test_id("stDataFrame").first
    expect(editor.locator("th").nth(2)).to_have_text("Posts")
    expect(editor.locator("#glide-cell-0-0")).to_have_text("Facebook")
    expect(editor.locator("#glide-cell-2-0")).to_have_text("10")

    # the tracker: Facebook · Posts went from 7 (behind) to 17 (on track)
    open_app(page, app_server, f"/tracker?{query}")
    table = page.get_by_test_id("stDataFrame").first
    row = table.locator("tr", has=page.locator("td", has_text="Facebook · Posts"))
    expect(row.locator("td").nth(1)).to_have_text("On track")
    expect(row.locator("td").nth(2)).to_have_text(re.compile(r"^17$"))
