"""Numbers in tables in the UI's language, whatever the browser's.

Streamlit formats a number column by the browser's locale (``format="localized"``) or with a printf pattern that
always writes ``1422.00``: a Dutch page in an English browser would read ``1,422`` and ``0.8``. Read-only tables
therefore get their display text from a pandas Styler (:func:`localized`): the cells keep their numbers (a column
still sorts by value) and show ``1.422`` and ``0,80`` in Dutch. Editable tables cannot be styled that way: they
use the browser's locale when it speaks the UI's language, else plain numbers without a thousands separator
(:func:`editor_format`); see the README.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from cmplanner import i18n


def number_text(value: Any, lang: str) -> str:
    """``1.422`` / ``1,422`` for a whole number, ``0,80`` / ``0.80`` otherwise; an en dash for no value."""
    if value is None or pd.isna(value):
        return "–"
    number = float(value)
    return i18n.number(number, lang, 0 if number.is_integer() else 2)


def localized(frame: pd.DataFrame, lang: str, columns: Sequence[str] | None = None) -> Styler:
    """The frame with its number columns (or ``columns``) displayed in ``lang``'s notation."""
    numeric = list(columns) if columns is not None else list(frame.select_dtypes("number").columns)
    return frame.style.format(lambda v: number_text(v, lang), subset=numeric)


def editor_format(lang: str) -> str | None:
    """A data editor's number format: the browser's notation when it is the UI's language, else plain."""
    browser = i18n.pick_language(st.context.locale)
    return "localized" if browser == lang else None
