"""Reports page and the report panel on the strategy and tracker pages (the file itself is tested in
tests/unit/test_reports.py: AppTest does not hand out a download button's bytes)."""

from __future__ import annotations

from datetime import date

from cmplanner import demo
from cmplanner.store import Store
from tests.app.helpers import no_exception, open_page, texts

DAY = "2026-11-22"


def download_labels(at) -> list[str]:  # noqa: ANN001 - an AppTest
    return [button.proto.label for button in at.get("download_button")]


def test_reports_page_previews_the_html_report_and_offers_the_download(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/10_reports.py", bakery.id, today=DAY)
    no_exception(at)
    assert at.title[0].value == "Reports"
    assert download_labels(at) == ["Download the report (PDF)"]
    frames = at.get("iframe")
    assert len(frames) == 1
    document = frames[0].proto.srcdoc
    assert "Bakkerij De Korenschoof" in document and "Progress in 2026-Q4" in document


def test_choosing_html_dutch_and_a_client_changes_the_file_and_the_preview(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/10_reports.py", bakery.id, today=DAY)
    at.selectbox(key="report_page.lang").select("nl").run()
    at.text_input(key="report_page.client").input("Familie Jansen").run()
    at.get("button_group")[0].set_value("html").run()
    no_exception(at)
    assert download_labels(at) == ["Download the report (HTML)"]
    document = at.get("iframe")[0].proto.srcdoc
    assert "Voortgang in 2026-Q4" in document and "Familie Jansen" in document


def test_a_bad_logo_is_explained_and_no_download_is_offered(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/10_reports.py", bakery.id, today=DAY)
    at.session_state["report.settings"] = {"logo": ("logo.png", b"\x89PNG\r\n\x1a\nbroken")}
    at.run()
    no_exception(at)
    assert "The logo must be a PNG or JPEG image." in texts(at)
    assert download_labels(at) == []


def test_strategy_and_tracker_pages_have_the_report_panel(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    for script in ("pages/5_strategy.py", "pages/9_tracker.py"):
        at = open_page(script, bakery.id, today=DAY)
        no_exception(at)
        assert [e.label for e in at.expander][-1] == "Report for the client"
        assert download_labels(at) == ["Download the report (PDF)"]


def test_settings_follow_the_user_to_another_page(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/5_strategy.py", bakery.id, today=DAY)
    at.text_input(key="report.author").input("Sanne · Social Studio").run()
    at.switch_page("pages/10_reports.py").run()
    no_exception(at)
    assert at.text_input(key="report_page.author").value == "Sanne · Social Studio"


def test_panel_in_dutch(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/5_strategy.py", bakery.id, locale="nl-NL", today=DAY)
    assert [e.label for e in at.expander][-1] == "Rapport voor de klant"
    assert download_labels(at) == ["Rapport downloaden (PDF)"]
