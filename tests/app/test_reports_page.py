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


def upload_logo(at, name: str, data: bytes, mime: str = "image/png"):  # noqa: ANN001, ANN201 - AppTest
    (uploader,) = at.file_uploader
    uploader.set_value([(name, data, mime)])
    return at.run()


def test_a_bad_logo_is_explained_and_nothing_is_saved(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/10_reports.py", bakery.id, today=DAY)
    upload_logo(at, "logo.png", b"\x89PNG\r\n\x1a\nbroken")
    no_exception(at)
    assert "The logo must be a PNG or JPEG image." in texts(at)
    assert store.get(bakery.id).branding.logo is None
    assert download_labels(at) == ["Download the report (PDF)"]  # the report without a logo is still there


def png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 60, 30)).save(out, "PNG")
    return out.getvalue()


def test_a_logo_is_saved_with_the_strategy_made_small_and_can_be_removed(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/10_reports.py", bakery.id, today=DAY)
    upload_logo(at, "groot-logo.png", png(3000, 1500))
    no_exception(at)
    logo = store.get(bakery.id).branding.logo
    assert logo is not None and (logo.width, logo.height) == (800, 400) and logo.name == "groot-logo.png"
    assert len(logo.raw()) <= 300_000
    assert "groot-logo.png" in texts(at) and not at.file_uploader  # the saved logo instead of the uploader
    at.switch_page("pages/9_tracker.py").run()
    assert "groot-logo.png" in texts(at)  # the tracker's panel shows the same saved logo
    at.button(key="report.logo_remove").click().run()
    assert store.get(bakery.id).branding.logo is None
    assert len(at.file_uploader) == 1


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


def test_branding_is_kept_from_the_tracker_to_the_reports_page_and_back(store: Store) -> None:
    """Going to Reports from the tracker used to reset the accent colour to black and the language to English."""
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/9_tracker.py", bakery.id, today=DAY)
    at.color_picker(key="report.accent").pick("#8A2BE2").run()
    at.selectbox(key="report.lang").select("nl").run()
    at.text_input(key="report.client").input("Familie Jansen").run()
    saved = store.get(bakery.id).branding
    assert (saved.accent, saved.lang, saved.client) == ("#8A2BE2", "nl", "Familie Jansen")
    at.switch_page("pages/10_reports.py").run()
    no_exception(at)
    assert at.color_picker(key="report_page.accent").value.upper() == "#8A2BE2"
    assert at.selectbox(key="report_page.lang").value == "nl"
    assert at.text_input(key="report_page.client").value == "Familie Jansen"
    assert "Familie Jansen" in at.get("iframe")[0].proto.srcdoc
    at.switch_page("pages/9_tracker.py").run()
    assert at.color_picker(key="report.accent").value.upper() == "#8A2BE2"
    assert at.selectbox(key="report.lang").value == "nl"
    # a new session (another browser, a restart) starts from the saved branding too
    fresh = open_page("pages/5_strategy.py", bakery.id, today=DAY)
    assert fresh.color_picker(key="report.accent").value.upper() == "#8A2BE2"
    assert fresh.text_input(key="report.client").value == "Familie Jansen"


def test_panel_in_dutch(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/5_strategy.py", bakery.id, locale="nl-NL", today=DAY)
    assert [e.label for e in at.expander][-1] == "Rapport voor de klant"
    assert download_labels(at) == ["Rapport downloaden (PDF)"]


def test_the_calendars_approval_starts_from_the_saved_branding(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))

    def brand(edit) -> None:  # noqa: ANN001 - an Edit
        edit.strategy.branding = edit.strategy.branding.model_copy(
            update={"client": "Familie Jansen", "author": "Sanne", "accent": "#8A2BE2"}
        )

    store.update(bakery.id, brand)
    at = open_page("pages/13_calendar.py", bakery.id, today="2026-12-03")
    no_exception(at)
    assert at.text_input(key="cal.files.client").value == "Familie Jansen"
    assert at.text_input(key="cal.files.author").value == "Sanne"
    assert at.color_picker(key="cal.files.accent").value.upper() == "#8A2BE2"
