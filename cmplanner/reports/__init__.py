"""Client-ready reports of a strategy: PDF (``pdf``) and one self-contained HTML file (``html``), both drawn from
the language-specific view model (``model``) that ``content`` builds from the records.

The modules: ``inputs`` (the options asked for, validated; ``inert`` user text), ``model`` (what a report shows),
``content`` (building it from a strategy, its weeks and its latest review), ``charts`` (the tracker's charts
styled for print and rendered offline), ``style`` (fonts, print palette, accent contrast), ``pdf_layout`` and
``pdf`` (page furniture, then the sections), ``html``, ``errors``.
"""

from __future__ import annotations

from cmplanner.reports.content import load
from cmplanner.reports.errors import ReportError
from cmplanner.reports.inputs import Options, check_accent, inert, options
from cmplanner.reports.model import Report
from cmplanner.reports.style import FONTS, readable, text_on
from cmplanner.store import Store

FORMATS: dict[str, str] = {"pdf": "application/pdf", "html": "text/html"}


def render(report: Report, fmt: str) -> bytes:
    """The report in ``fmt`` (``pdf`` or ``html``) as bytes."""
    if fmt == "pdf":
        from cmplanner.reports import pdf

        return pdf.render(report)
    if fmt == "html":
        from cmplanner.reports import html

        return html.render(report).encode("utf-8")
    raise ReportError("report.error.format", value=str(fmt)[:10])


def build(store: Store, strategy_id: str, fmt: str, opts: Options) -> tuple[bytes, str]:
    """A stored strategy's report in ``fmt``: its bytes and a file name for it."""
    if fmt not in FORMATS:
        raise ReportError("report.error.format", value=str(fmt)[:10])
    report = load(store, strategy_id, opts)
    return render(report, fmt), report.filename(fmt)


__all__ = [
    "FONTS",
    "FORMATS",
    "Options",
    "Report",
    "ReportError",
    "build",
    "check_accent",
    "inert",
    "load",
    "options",
    "readable",
    "render",
    "text_on",
]
