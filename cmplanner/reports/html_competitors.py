"""The HTML report's competitor section: per compared platform a table (you against each competitor over the
quarter, your row in bold) and the chart of engagement per post per week (inline SVG, ``html_svg``); then how each figure
is computed, what to watch per competitor and what stood out in their weeks. Every text goes through ``esc``."""

from __future__ import annotations

import html

from cmplanner.reports.charts import competitor_images
from cmplanner.reports.html_svg import inline_chart
from cmplanner.reports.model import Report

STYLE = """
.grid tr.own td { font-weight: 700; }
.competitors .formulas p { margin: 4px 0; font-size: 14px; }
.competitors ul { margin: 4px 0 12px; padding-left: 22px; }
.competitors .chart-title { font-weight: 700; color: var(--ink); margin: 14px 0 0; font-size: 14px; }
"""
"""The section's own rules, added to the report's style sheet."""


def esc(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>")


NUM = ' class="num"'
OWN = ' class="own"'


def _table(headers: list[str], rows: list[list[str]], own_row: int | None) -> str:
    """The first column is the account, the others figures (right-aligned); your row is set apart."""
    head = "".join(f"<th{NUM if i else ''}>{esc(h)}</th>" for i, h in enumerate(headers))
    body = "".join(
        f"<tr{OWN if index == own_row else ''}>"
        + "".join(f"<td{NUM if i else ''}>{esc(v)}</td>" for i, v in enumerate(values))
        + "</tr>"
        for index, values in enumerate(rows)
    )
    return f'<table class="grid"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def section(report: Report) -> str:
    """The section as HTML; empty when the strategy follows no competitor."""
    found = report.competitors
    if found is None:
        return ""
    labels = report.labels
    parts = [f'<section id="competitors" class="competitors"><h2>{esc(found.title)}</h2>']
    parts.append(f'<p class="muted">{esc(found.intro)}</p>')
    for table, svg in zip(found.platforms, competitor_images(report, "svg"), strict=True):
        parts.append(f"<h3>{esc(table.title)}</h3>")
        parts.append(_table(table.headers, table.rows, table.own_row))
        if svg is not None:
            parts.append(f'<p class="chart-title">{esc(table.chart_title)}</p>')
            parts.append(inline_chart(table.chart_title, svg))
    parts.append(f"<h3>{esc(labels['competitors.formulas'])}</h3>")
    parts.append('<div class="formulas">' + "".join(f"<p>{esc(f)}</p>" for f in found.formulas) + "</div>")
    for key, lines in (("competitors.watch", found.watch), ("competitors.notes", found.notes)):
        if lines:
            items = "".join(f"<li>{esc(line)}</li>" for line in lines)
            parts.append(f"<h3>{esc(labels[key])}</h3><ul>{items}</ul>")
    parts.append("</section>")
    return "\n".join(parts)
