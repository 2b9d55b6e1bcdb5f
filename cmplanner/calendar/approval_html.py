"""The approval document as one self-contained HTML file: inline CSS, no script, no external URL; it prints as
the PDF reads (one card per post, tick boxes and a comments box, the sign-off at the end).

Every text goes through ``reports.html.esc`` (``html.escape``), so user text never becomes markup; the only values
put into CSS unescaped are the validated ``#RRGGBB`` colours.
"""

from __future__ import annotations

from cmplanner.calendar.approval import Approval, PostCard
from cmplanner.reports.html import esc


def _style(doc: Approval) -> str:
    return f"""
:root {{ --accent: {doc.accent}; --on-accent: {doc.on_accent}; --ink-accent: {doc.ink_accent}; --ink: #1F2628;
  --body: #2F3A3D; --muted: #6B777A; --rule: #D9DFE0; --panel: #F3F5F5; }}
* {{ box-sizing: border-box; }}
html {{ background: #E9EDEE; }}
body {{ margin: 0; font-family: Lato, "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--body);
  font-size: 15px; line-height: 1.5; overflow-wrap: break-word; }}
.page {{ max-width: 860px; margin: 24px auto; background: white; box-shadow: 0 1px 6px rgba(0,0,0,.08);
  border-top: 10px solid var(--accent); }}
header {{ padding: 40px 56px 8px; }}
.kicker {{ color: var(--ink-accent); text-transform: uppercase; letter-spacing: .12em; font-weight: 700;
  font-size: 13px; margin: 0 0 6px; }}
h1 {{ font-size: 34px; line-height: 1.15; margin: 0; color: var(--ink); }}
.name {{ font-size: 18px; color: var(--muted); margin: 4px 0 0; }}
.rule {{ width: 64px; height: 4px; background: var(--accent); margin: 18px 0 24px; }}
.meta {{ display: flex; flex-wrap: wrap; gap: 12px 40px; margin: 0 0 18px; }}
.meta dt {{ font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 700; }}
.meta dd {{ margin: 2px 0 0; font-size: 16px; color: var(--ink); }}
section {{ padding: 8px 56px 24px; }}
h2 {{ font-size: 22px; color: var(--ink-accent); margin: 18px 0 12px; }}
.dates {{ background: var(--panel); border-radius: 8px; padding: 12px 18px; columns: 2; column-gap: 32px;
  list-style: none; margin: 0; }}
.dates li {{ break-inside: avoid; margin: 2px 0; font-size: 14px; }}
.dates b {{ display: inline-block; min-width: 96px; color: var(--ink); }}
.muted {{ color: var(--muted); }}
article {{ border-top: 1px solid var(--rule); padding: 16px 0 20px 56px; position: relative; break-inside: avoid; }}
.no {{ position: absolute; left: 0; top: 18px; width: 38px; height: 30px; border-radius: 6px; background: var(--accent);
  color: var(--on-accent); font-weight: 700; text-align: center; line-height: 30px; }}
.when {{ font-weight: 700; color: var(--ink); margin: 0; }}
.where {{ color: var(--muted); font-size: 13px; margin: 0 0 8px; }}
h3 {{ font-size: 17px; color: var(--ink); margin: 6px 0 4px; }}
.text {{ margin: 0 0 8px; }}
.details {{ display: grid; grid-template-columns: 110px 1fr; gap: 2px 10px; font-size: 14px; margin: 0 0 10px; }}
.details dt {{ color: var(--muted); font-weight: 700; font-size: 12px; padding-top: 2px; }}
.details dd {{ margin: 0; overflow-wrap: anywhere; }}
.verdict {{ display: flex; gap: 32px; margin: 8px 0; color: var(--ink); }}
.verdict span::before {{ content: ""; display: inline-block; width: 14px; height: 14px; border: 1.5px solid var(--ink);
  vertical-align: -2px; margin-right: 8px; }}
.label {{ font-size: 12px; font-weight: 700; color: var(--muted); margin: 6px 0 4px; }}
.comments {{ height: 96px; border: 1px solid var(--rule); border-radius: 6px; background: repeating-linear-gradient(
  transparent, transparent 23px, #E6EAEB 23px, #E6EAEB 24px); }}
.signoff p {{ margin: 0 0 28px; }}
.sign {{ display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; }}
.sign div {{ border-top: 1px solid var(--ink); padding-top: 4px; font-size: 13px; color: var(--muted); }}
footer {{ padding: 14px 56px 24px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); }}
@media (max-width: 700px) {{
  header, section, footer {{ padding-left: 20px; padding-right: 20px; }}
  .dates {{ columns: 1; }}
  .details {{ grid-template-columns: 1fr; }}
}}
@media print {{
  @page {{ size: A4; margin: 14mm; }}
  html {{ background: white; }}
  .page {{ box-shadow: none; margin: 0; max-width: none; }}
}}
"""


def _card(doc: Approval, card: PostCard) -> str:
    parts = [
        f'<article><div class="no">{card.number}</div>',
        f'<p class="when">{esc(card.when)}</p>',
        f'<p class="where">{esc(card.platforms)} · {esc(card.format)}</p>',
    ]
    if card.title:
        parts.append(f"<h3>{esc(card.title)}</h3>")
    if card.text:
        parts.append(f'<p class="text">{esc(card.text)}</p>')
    if card.details:
        rows = "".join(f"<dt>{esc(line.label)}</dt><dd>{esc(line.value)}</dd>" for line in card.details)
        parts.append(f'<dl class="details">{rows}</dl>')
    parts.append(
        f'<div class="verdict"><span>{esc(doc.labels["approved"])}</span>'
        f"<span>{esc(doc.labels['changes'])}</span></div>"
        f'<p class="label">{esc(doc.labels["comments"])}</p><div class="comments"></div></article>'
    )
    return "".join(parts)


def render(doc: Approval) -> str:
    """The approval document as one HTML document (a string)."""
    meta = "".join(f"<div><dt>{esc(line.label)}</dt><dd>{esc(line.value)}</dd></div>" for line in doc.meta)
    if doc.dates:
        items = "".join(f"<li><b>{esc(line.label)}</b> {esc(line.value)}</li>" for line in doc.dates)
        dates = f'<ul class="dates">{items}</ul>'
    else:
        dates = f'<p class="muted">{esc(doc.labels["no_dates"])}</p>'
    cards = (
        "\n".join(_card(doc, card) for card in doc.posts)
        or f'<p class="muted">{esc(doc.labels["no_posts"])}</p>'
    )
    sign = "".join(
        f"<div>{esc(doc.labels[key])}</div>" for key in ("signed_name", "signed_date", "signature")
    )
    return f"""<!DOCTYPE html>
<html lang="{doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cmplanner">
<title>{esc(doc.name)} · {esc(doc.title)}</title>
<style>{_style(doc)}</style>
</head>
<body>
<div class="page">
<header>
<p class="kicker">{esc(doc.kicker)}</p>
<h1>{esc(doc.title)}</h1>
<p class="name">{esc(doc.name)}</p>
<div class="rule"></div>
<dl class="meta">{meta}</dl>
<p>{esc(doc.intro)}</p>
</header>
<section>
<h2>{esc(doc.labels["dates"])}</h2>
{dates}
</section>
<section>
<h2>{esc(doc.labels["posts"])}</h2>
{cards}
</section>
<section class="signoff">
<h2>{esc(doc.labels["signoff"])}</h2>
<p>{esc(doc.labels["signoff_note"])}</p>
<div class="sign">{sign}</div>
</section>
<footer>{esc(doc.footer)}</footer>
</div>
</body>
</html>
"""
