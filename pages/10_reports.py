"""Reports: the client report of the strategy, previewed as it will look, with the download panel."""

import streamlit as st

from cmplanner.ui import page
from cmplanner.ui.report import download_button, preview

ctx = page("reports", needs_strategy=True, layout="wide")
st.title(ctx.t("page.reports"))
st.caption(ctx.t("report.page_intro"))
left, right = st.columns([1, 2], gap="large")
with left:
    opts = download_button(ctx, key="report_page", inline=True)
with right:
    st.subheader(ctx.t("report.preview"))
    if opts is not None:
        preview(ctx, opts)
