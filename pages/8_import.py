"""Import: drop the platforms' own analytics exports, check what they were recognised as and the weeks they
will write next to what is stored, then import them all at once."""

import streamlit as st

from cmplanner import import_mappings
from cmplanner.store import IMPORT_MEMORY
from cmplanner.ui import page, today
from cmplanner.ui.import_preview import flash, preview_panel
from cmplanner.ui.importing import WAITING, Ready, file_card, uploader, where_to_find
from cmplanner.ui.log import no_platforms
from cmplanner.ui.shell import cached_weeks

ctx = page("import", needs_strategy=True, layout="wide")
strategy = ctx.strategy
assert strategy is not None

st.title(ctx.t("page.import"))
st.caption(ctx.t("importpage.intro"))
if not strategy.platforms:
    no_platforms(ctx)
    st.stop()
flash(ctx)
files = uploader(ctx)
where_to_find(ctx)
if not files:
    st.stop()
stored = cached_weeks(ctx)
remembered = import_mappings.remembered(ctx.rows(IMPORT_MEMORY))

day = today()
ready: list[Ready] = []
waiting: list[str] = []
failed: list[str] = []
for upload in files:
    card = file_card(ctx, upload, stored, remembered, day)
    if isinstance(card, Ready):
        ready.append(card)
    else:
        (waiting if card == WAITING else failed).append(upload.name)
preview_panel(ctx, ready, stored, waiting, failed)
