"""The report in a real browser: download the PDF from the strategy page and open it."""

from __future__ import annotations

import io
from datetime import date

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from cmplanner import demo, reports
from cmplanner.store import Store
from tests.e2e.conftest import AppServer, code_loaded, open_app

DAY = "2026-11-22"


def test_download_the_pdf_report_from_the_strategy_page(app_server: AppServer, page: Page) -> None:
    store = Store(app_server.data_dir)
    bakery = next(s for s in demo.write_demo(store, date.fromisoformat(DAY)) if "Korenschoof" in s.name)
    expected, name = reports.build(
        store, bakery.id, "pdf", reports.options(lang="en", today=date.fromisoformat(DAY))
    )
    open_app(page, app_server, f"/strategy?s={bakery.id}&today={DAY}")
    main = page.get_by_test_id("stMain")
    main.get_by_text("Report for the client").click()
    button = main.get_by_role("button", name="Download the report (PDF)")
    expect(button).to_be_visible()
    code_loaded(page)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == name
    path = download.path()
    assert path is not None
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    pdf = PdfReader(io.BytesIO(data))
    assert len(pdf.pages) == len(PdfReader(io.BytesIO(expected)).pages)
    cover = pdf.pages[0].extract_text()
    assert "Bakkerij De Korenschoof" in cover and "Strategy and progress report · 2026-Q4" in cover
    assert "Progress in 2026-Q4" in "".join(p.extract_text() for p in pdf.pages)
