"""Client-ready reports of a strategy: PDF (``pdf``) and one self-contained HTML file (``html``), built from the
language-specific model in ``content``."""

from __future__ import annotations

from typing import Literal

from cmplanner.reports.content import Options, Report, ReportError, load, options
from cmplanner.store import Store

Format = Literal["pdf", "html"]
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
    "FORMATS",
    "Options",
    "Report",
    "ReportError",
    "build",
    "load",
    "options",
    "render",
]
