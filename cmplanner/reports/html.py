"""The report as one self-contained HTML file: inline CSS with the PDF's Lato embedded (``webfonts``), the charts as
inline SVG set in that font, the logo as a data URI, no external URL anywhere.

Every text goes through :func:`esc` (``html.escape``), so user text can never become markup; the only values put
into attributes or CSS unescaped are validated ones (the ``#RRGGBB`` accent, status names, base64 data).
"""

from __future__ import annotations

import base64
import html

from cmplanner.presentation import STATUS_STYLES
from cmplanner.reports import html_competitors, html_posts
from cmplanner.reports.charts import chart_images
from cmplanner.reports.html_svg import inline_chart
from cmplanner.reports.model import Fact, ProgressView, Report
from cmplanner.reports.style import BODY, EFFECT_MARKS, FONT_FAMILY, INK, MUTED, PANEL, RULE, TRACK
from cmplanner.reports.webfonts import font_faces


def esc(text: str) -> str:
    """Text as HTML: escaped, line breaks kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def _data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _style(report: Report) -> str:
    chips = "\n".join(
        f".s-{status.value} {{ background: {style.background}; color: {style.text}; }}"
        for status, style in STATUS_STYLES.items()
    )
    marks = "\n".join(
        f'.reasons .{effect}::before {{ content: "\\{ord(mark):04X}"; color: {colour}; }}'
        for effect, (mark, colour) in EFFECT_MARKS.items()
    )
    return f"""
{font_faces()}
:root {{ --accent: {report.accent}; --on-accent: {report.on_accent}; --ink: {INK}; --body: {BODY};
  --muted: {MUTED}; --rule: {RULE}; --panel: {PANEL}; --track: {TRACK}; }}
* {{ box-sizing: border-box; }}
html {{ background: #E9EDEE; }}
body {{ margin: 0; font-family: {FONT_FAMILY}, "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--body);
  font-size: 15px; line-height: 1.55; overflow-wrap: break-word; }}
.page {{ max-width: 880px; margin: 24px auto; background: white; box-shadow: 0 1px 6px rgba(0,0,0,.08); }}
.cover {{ position: relative; padding: 56px 64px 48px; border-top: 10px solid var(--accent);
  border-bottom: 10px solid var(--accent); min-height: 620px; }}
.cover .logo {{ max-width: 220px; max-height: 96px; display: block; margin-bottom: 72px; }}
.kicker {{ color: var(--accent); text-transform: uppercase; letter-spacing: .12em; font-weight: 700;
  font-size: 14px; margin: 48px 0 8px; }}
.cover h1 {{ font-size: 44px; line-height: 1.1; margin: 0 0 10px; color: var(--ink); }}
.subtitle {{ font-size: 19px; color: var(--muted); margin: 0; }}
.cover .rule {{ width: 72px; height: 4px; background: var(--accent); margin: 22px 0 44px; }}
.meta {{ display: flex; flex-wrap: wrap; gap: 16px 48px; margin: 0 0 40px; }}
.meta dt {{ font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted);
  font-weight: 700; }}
.meta dd {{ margin: 2px 0 0; font-size: 17px; color: var(--ink); }}
.glance {{ background: var(--panel); border-radius: 10px; padding: 18px 22px; }}
.glance .label {{ font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted);
  font-weight: 700; margin: 0; }}
.glance .summary {{ font-size: 19px; font-weight: 700; color: var(--ink); margin: 4px 0 10px; }}
.chip {{ display: inline-block; border-radius: 999px; padding: 2px 12px; font-weight: 700; font-size: 13px;
  margin: 0 6px 4px 0; white-space: nowrap; }}
{chips}
section {{ padding: 48px 64px; border-top: 1px solid var(--rule); }}
h2 {{ font-size: 30px; color: var(--ink); margin: 0 0 6px; }}
h2::after {{ content: ""; display: block; width: 48px; height: 3px; background: var(--accent); margin-top: 10px; }}
h3 {{ font-size: 20px; color: var(--accent); margin: 34px 0 10px; }}
h4 {{ font-size: 17px; color: var(--ink); margin: 18px 0 6px; }}
h4 .sub {{ font-weight: 400; color: var(--muted); font-size: 15px; margin-left: 6px; }}
table {{ border-collapse: collapse; width: 100%; margin: 6px 0 12px; }}
.facts th {{ text-align: left; width: 30%; color: var(--muted); font-size: 13px; font-weight: 700;
  vertical-align: top; }}
.facts th, .facts td {{ padding: 6px 10px; }}
.facts tr:nth-child(odd) {{ background: var(--panel); }}
.grid th {{ background: var(--accent); color: var(--on-accent); font-size: 13px; text-align: left;
  padding: 7px 9px; }}
.grid td {{ padding: 7px 9px; border-bottom: 1px solid var(--rule); vertical-align: top; font-size: 14px; }}
.grid .num {{ text-align: right; white-space: nowrap; }}
.grid .when {{ white-space: nowrap; }}
.grid th.num {{ white-space: normal; }}
.grid .note {{ display: block; color: var(--muted); font-style: italic; font-size: 13px; }}
.grid .bench {{ display: block; color: var(--muted); font-size: 13px; }}
td.status {{ text-align: center; font-weight: 700; font-size: 13px; white-space: nowrap; }}
.reasons {{ list-style: none; padding: 0; margin: 4px 0 14px; }}
.reasons li {{ position: relative; padding-left: 20px; margin: 3px 0; font-size: 14px; }}
.reasons li::before {{ position: absolute; left: 4px; font-weight: 700; }}
{marks}
.reasons small {{ color: var(--muted); font-style: italic; }}
.muted {{ color: var(--muted); }}
.goal {{ border: 1px solid var(--rule); border-radius: 10px; padding: 16px 20px; margin: 16px 0;
  break-inside: avoid; }}
.goal header {{ display: flex; justify-content: space-between; align-items: center; gap: 12px; }}
.goal h4 {{ margin: 0; }}
.goal .note {{ color: var(--muted); font-style: italic; margin: 4px 0 0; }}
.figures {{ display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 12px 0; }}
.figures div {{ background: var(--panel); border-radius: 8px; padding: 8px 12px; }}
.figures span {{ display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .06em;
  color: var(--muted); font-weight: 700; }}
.figures strong {{ font-size: 21px; color: var(--ink); }}
.chart {{ width: 100%; height: auto; display: block; margin: 8px 0 4px; }}
figure.chart svg {{ width: 100%; height: auto; display: block; }}
.caption {{ font-size: 12px; color: var(--muted); margin: 0; }}
.empty {{ background: var(--panel); border-radius: 8px; padding: 10px 14px; color: var(--muted); }}
.cadence {{ display: grid; grid-template-columns: 150px 1fr 170px; gap: 8px 14px; align-items: center; }}
.bar {{ background: var(--track); border-radius: 4px; height: 8px; overflow: hidden; }}
.bar span {{ display: block; height: 100%; background: var(--accent); }}
.review h4 {{ margin-top: 22px; }}
.review p {{ margin: 4px 0; }}
{html_competitors.STYLE}
{html_posts.STYLE}
footer {{ padding: 16px 64px 28px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); }}
@media (max-width: 700px) {{
  .cover, section, footer {{ padding-left: 22px; padding-right: 22px; }}
  .figures {{ grid-template-columns: repeat(2, 1fr); }}
  .cadence {{ grid-template-columns: 1fr; }}
}}
@media print {{
  @page {{ size: A4; margin: 16mm; }}
  html {{ background: white; }}
  .page {{ box-shadow: none; margin: 0; max-width: none; }}
  section {{ break-before: page; border-top: 0; padding: 0; }}
  .cover {{ min-height: 0; }}
  h3, h4 {{ break-after: avoid; }}
}}
"""


NUMERIC = {"col.baseline", "col.target", "actual", "expected", "forecast", "needed"}


def _num(key: str) -> str:
    return ' class="num"' if key in NUMERIC else ""


def _facts(rows: list[Fact]) -> str:
    body = "".join(f"<tr><th>{esc(f.label)}</th><td>{esc(f.value)}</td></tr>" for f in rows)
    return f'<table class="facts">{body}</table>'


def _cover(report: Report) -> str:
    logo = ""
    if report.logo is not None:
        logo = f'<img class="logo" alt="" src="{_data_uri(report.logo.mime, report.logo.data)}">'
    meta = "".join(f"<div><dt>{esc(f.label)}</dt><dd>{esc(f.value)}</dd></div>" for f in report.cover)
    chips = "".join(
        f'<span class="chip s-{status.value}">{esc(text)}</span>' for status, text in report.counts
    )
    return f"""<header class="cover">
{logo}<p class="kicker">{esc(report.kicker)}</p>
<h1>{esc(report.name)}</h1>
<p class="subtitle">{esc(report.subtitle)}</p>
<div class="rule"></div>
<dl class="meta">{meta}</dl>
<div class="glance"><p class="label">{esc(report.labels["glance"])}</p>
<p class="summary">{esc(report.summary)}</p><p>{chips}</p></div>
</header>"""


def _strategy(report: Report) -> str:
    labels = report.labels
    parts = [
        f'<section id="strategy"><h2>{esc(labels["strategy"])}</h2>',
        f"<h3>{esc(labels['business'])}</h3>",
    ]
    parts.append(_facts(report.business) if report.business else "")
    if report.personas:
        parts.append(f"<h3>{esc(labels['audience'])}</h3>")
        for persona in report.personas:
            parts.append(f'<h4>{esc(persona.name)}<span class="sub">{esc(persona.ages)}</span></h4>')
            parts.append(_facts(persona.facts))
    if report.platforms:
        parts.append(f"<h3>{esc(labels['platforms'])}</h3>")
        for plan in report.platforms:
            parts.append(
                f'<h4>{esc(plan.name)}<span class="sub">{esc(plan.role)} · {esc(plan.cadence)}</span></h4>'
            )
            items = "".join(
                f'<li class="{r.effect if r.effect in ("plus", "minus") else "info"}">{esc(r.text)}'
                + (f" <small>{esc(r.source)}</small>" if r.source else "")
                + "</li>"
                for r in plan.reasons
            )
            parts.append(f'<ul class="reasons">{items}</ul>')
        if report.skipped:
            parts.append(f'<p class="muted">{esc(report.skipped)}</p>')
    if report.time:
        parts.append(f"<h3>{esc(labels['time'])}</h3><p>{esc(report.time)}</p>")
    parts.append(f"<h3>{esc(labels['goals'])}</h3>")
    if report.goals:
        head = "".join(
            f"<th{_num(k)}>{esc(labels[k])}</th>"
            for k in ("col.goal", "col.quarter", "col.baseline", "col.target", "col.kind")
        )
        rows = "".join(
            f"<tr><td>{esc(g.goal)}"
            + (f'<span class="note">{esc(g.note)}</span>' if g.note else "")
            + f'</td><td>{esc(g.quarter)}</td><td class="num">{esc(g.baseline)}</td>'
            f'<td class="num">{esc(g.target)}</td><td>{esc(g.kind)}</td></tr>'
            for g in report.goals
        )
        parts.append(f'<table class="grid"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    if report.kpis:
        parts.append(f"<h3>{esc(labels['formulas'])}</h3>")
        rows = "".join(
            f"<tr><td><strong>{esc(k.name)}</strong></td><td>{esc(k.formula)}"
            + "".join(f'<span class="bench">{esc(b)}</span>' for b in k.benchmarks)
            + "</td></tr>"
            for k in report.kpis
        )
        head = f"<th>{esc(labels['col.kpi'])}</th><th>{esc(labels['col.formula'])}</th>"
        parts.append(f'<table class="grid"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    parts.append("</section>")
    return "\n".join(parts)


def _goal(report: Report, item: ProgressView, svg: bytes | None) -> str:
    labels = report.labels
    parts = [
        f'<article class="goal"><header><h4>{esc(item.goal)}</h4>'
        f'<span class="chip s-{item.status.value}">{esc(item.status_label)}</span></header>'
    ]
    if item.note:
        parts.append(f'<p class="note">{esc(item.note)}</p>')
    if svg is None:
        parts.append(f'<p class="empty">{esc(labels["no_data_goal"])}</p></article>')
        return "".join(parts)
    figures = (
        (labels["actual"], item.actual),
        (labels["expected"], item.expected),
        (labels["forecast"], item.forecast),
        (labels["col.target"], item.target),
    )
    parts.append(
        '<div class="figures">'
        + "".join(
            f"<div><span>{esc(label)}</span><strong>{esc(value)}</strong></div>" for label, value in figures
        )
        + "</div>"
    )
    parts.append(f"<p><strong>{esc(labels['needed'])}:</strong> {esc(item.needed_text)}</p>")
    parts.append(inline_chart(item.goal, svg))
    parts.append(f'<p class="caption">{esc(item.caption)}</p></article>')
    return "".join(parts)


def _progress(report: Report) -> str:
    labels = report.labels
    parts = [f'<section id="progress"><h2>{esc(labels["progress"])}</h2>']
    if report.progress_note:
        parts.append(f'<p class="muted">{esc(report.progress_note)}</p>')
    if report.progress:
        parts.append(f"<h3>{esc(labels['status_table'])}</h3>")
        keys = ("col.goal", "col.status", "actual", "expected", "forecast", "col.target", "needed")
        head = "".join(f"<th{_num(k)}>{esc(labels[k])}</th>" for k in keys)
        rows = "".join(
            f"<tr><td><strong>{esc(p.goal)}</strong></td>"
            f'<td class="status s-{p.status.value}">{esc(p.status_label)}</td>'
            + "".join(
                f'<td class="num">{esc(v)}</td>'
                for v in (p.actual, p.expected, p.forecast, p.target, p.needed)
            )
            + "</tr>"
            for p in report.progress
        )
        parts.append(
            f'<table class="grid status"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        )
        # the overview first (status table, cadence), then a block per goal, as in the PDF
        if report.cadence:
            parts.append(
                f'<h3>{esc(labels["cadence"])}</h3><p class="muted">{esc(labels["cadence_help"])}</p>'
            )
            bars = []
            for row in report.cadence:
                width = round(min(1.0, row.share or 0.0) * 100)
                bars.append(
                    f"<strong>{esc(row.platform)}</strong>"
                    f'<div class="bar"><span style="width: {width}%"></span></div>'
                    f"<span>{esc(row.text)}</span>"
                )
            parts.append(f'<div class="cadence">{"".join(bars)}</div>')
        parts.append(f"<h3>{esc(labels['per_goal'])}</h3>")
        svgs = chart_images(report, "svg")
        parts.extend(_goal(report, item, svg) for item, svg in zip(report.progress, svgs, strict=True))
    parts.append("</section>")
    return "\n".join(parts)


def _plan(report: Report) -> str:
    """Next month's plan: a table of the posts."""
    plan = report.plan
    if plan is None:
        return ""
    parts = [f'<section id="plan"><h2>{esc(plan.title)}</h2>']
    parts.append(f'<p class="muted">{esc(plan.intro if plan.rows else plan.empty)}</p>')
    if plan.rows:
        head = "".join(f"<th>{esc(column)}</th>" for column in plan.columns)
        rows = "".join(
            f'<tr><td class="when"><strong>{esc(row.when)}</strong></td><td>{esc(row.platforms)}</td>'
            f"<td>{esc(row.format)}</td><td>{esc(row.title)}</td><td>{esc(row.status)}</td></tr>"
            for row in plan.rows
        )
        parts.append(f'<table class="grid plan"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    parts.append("</section>")
    return "\n".join(parts)


def _review(report: Report) -> str:
    review = report.review
    if review is None:
        return ""
    parts = [f'<section id="review" class="review"><h2>{esc(report.labels["review"])}</h2>']
    parts.append(f"<h3>{esc(review.title)}</h3>")
    if review.meta:
        parts.append(f'<p class="muted">{esc(review.meta)}</p>')
    for part in review.parts:
        parts.append(f"<h4>{esc(part.label)}</h4><p>{esc(part.value)}</p>")
    parts.append("</section>")
    return "\n".join(parts)


def render(report: Report) -> str:
    """The report as one HTML document (a string)."""
    return f"""<!DOCTYPE html>
<html lang="{report.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cmplanner">
<title>{esc(report.name)} · {esc(report.kicker)}</title>
<style>{_style(report)}</style>
</head>
<body>
<div class="page">
{_cover(report)}
<main>
{_strategy(report)}
{_progress(report)}
{html_competitors.section(report)}
{html_posts.section(report)}
{_plan(report)}
{_review(report)}
</main>
<footer>{esc(report.footer)}</footer>
</div>
</body>
</html>
"""
