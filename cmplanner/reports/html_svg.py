"""A chart inside the HTML report: its SVG drawn inline, so its text is set in the page's embedded Lato like the
PDF's (an SVG in an ``<img>`` cannot use the page's fonts).

vl-convert's SVG has no scripts, links or ids, and it writes the chart's texts (competitor names among them) as
escaped XML text; should an SVG ever carry anything active, it goes in an ``<img>``, where nothing in it can run.
"""

from __future__ import annotations

import base64
import html
import re

_NAMESPACES = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_ACTIVE = re.compile(r"<script|<foreignObject|\son\w+\s*=|href\s*=", re.IGNORECASE)


def inline_chart(name: str, svg: bytes) -> str:
    """The chart as HTML: an inline ``<svg>`` in a figure named ``name``, else an ``<img>`` with a data URI."""
    text = svg.decode("utf-8")
    label = html.escape(name, quote=True)
    if _ACTIVE.search(text) or not text.lstrip().startswith("<svg"):
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        return f'<img class="chart" alt="{label}" src="{uri}">'
    text = _NAMESPACES.sub("", text)  # HTML knows inline SVG without them (and no URL is left in the file)
    return f'<figure class="chart" role="img" aria-label="{label}">{text}</figure>'
