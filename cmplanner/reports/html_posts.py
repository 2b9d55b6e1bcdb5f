"""The HTML report's "which posts worked": per platform the best and the weakest posts, with their addresses, and
what each group has in common. Every text goes through ``esc``; an address is text, not a link (the report holds no
link and loads nothing, like the PDF)."""

from __future__ import annotations

import html

from cmplanner.reports.model import PostLine, Report
from cmplanner.reports.posts import shared_line

STYLE = """
.posts .groups { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.posts ul { margin: 4px 0 6px; padding-left: 20px; }
.posts li { margin: 4px 0; }
.posts .value { font-weight: 700; }
.posts .small { font-size: 12px; }
@media (max-width: 700px) { .posts .groups { grid-template-columns: 1fr; } }
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _item(line: PostLine) -> str:
    head = " · ".join(esc(part) for part in (line.when, line.format) if part)
    link = f'<br><span class="muted small">{esc(line.link)}</span>' if line.link else ""
    return f'<li><span class="value">{esc(line.value)}</span> · {head} — {esc(line.text)}{link}</li>'


def _group(title: str, lines: list[PostLine], share: str, lang: str) -> str:
    items = "".join(_item(line) for line in lines)
    return f'<div><h4>{esc(title)}</h4><ul>{items}</ul><p class="muted">{esc(shared_line(share, lang))}</p></div>'


def section(report: Report) -> str:
    found = report.posts
    if found is None:
        return ""
    parts = [f'<section id="posts" class="posts"><h2>{esc(found.title)}</h2>', f"<p>{esc(found.intro)}</p>"]
    parts.append(f'<p class="muted">{esc(found.formula)}</p>')
    for group in found.platforms:
        parts.append(f'<h3>{esc(group.platform)}</h3><p class="muted">{esc(group.counted)}</p>')
        columns = [_group(found.best, group.best, group.best_share, report.lang)]
        if group.weakest:
            columns.append(_group(found.weakest, group.weakest, group.weakest_share, report.lang))
        parts.append(f'<div class="groups">{"".join(columns)}</div>')
    parts.append("</section>")
    return "".join(parts)
