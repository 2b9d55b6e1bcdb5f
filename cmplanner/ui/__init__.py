"""The Streamlit layer: the only package (with app.py and pages/) that imports streamlit."""

from cmplanner.ui.shell import Ctx, escape, go, page, set_active, store, today

__all__ = ["Ctx", "escape", "go", "page", "set_active", "store", "today"]
