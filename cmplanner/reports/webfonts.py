"""Lato for the HTML report: the bundled fonts (``style.FONTS``) subset to the Latin characters a report uses and
embedded as WOFF data URIs, so the HTML file reads in the PDF's typeface on any machine, without fetching anything.

Subsetting (fontTools, which fpdf2 already uses) brings the three faces from ~220 KB to ~60 KB together; it runs
once per process (the report panel starts it in the background, with the chart engine). A character outside the subset (an emoji in a note) falls back to the system's sans-serif.
"""

from __future__ import annotations

import base64
import io
from functools import cache

from cmplanner.reports.style import FONT_FAMILY, FONTS

FACES = (("Regular", "normal", 400), ("Bold", "normal", 700), ("Italic", "italic", 400))
UNICODES = [
    *range(0x20, 0x7F),  # ASCII
    *range(0xA0, 0x180),  # Latin-1 and Latin Extended-A (é, ë, ç, ø, ł, …)
    *range(0x2010, 0x2028),  # dashes, curly quotes, bullet, ellipsis
    *range(0x2030, 0x203B),  # per mille, single guillemets
    0x2060,  # the word joiner user text may carry
    0x20AC,  # €
    0x2122,  # ™
    0x2212,  # minus
]


def _woff(face: str) -> bytes:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False  # screens hint well enough themselves; a third smaller
    options.layout_features = ["kern", "liga"]
    font = subset.load_font(str(FONTS / f"{FONT_FAMILY}-{face}.ttf"), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


@cache
def font_faces() -> str:
    """The ``@font-face`` rules of the report's Lato, fonts inline."""
    rules = []
    for face, style, weight in FACES:
        data = base64.b64encode(_woff(face)).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; font-style: {style}; font-weight: {weight}; '
            f'src: url(data:font/woff;base64,{data}) format("woff"); }}'
        )
    return "\n".join(rules)
