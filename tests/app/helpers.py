"""Run pages under AppTest and read what a user would see."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 30


def open_page(script: str, strategy_id: str | None = None, locale: str = "en-GB", **params: str) -> AppTest:
    """Run a page as a browser would open it (``?s=<id>`` selects the strategy; ``params`` are more query params)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.context = {"locale": locale}
    if strategy_id:
        at.query_params["s"] = strategy_id
    for name, value in params.items():
        at.query_params[name] = value
    if script != "app.py":
        at.switch_page(script)
    at.run()
    # AppTest keeps requesting the switch_page() target on every later run; clear it so later runs stay on the page
    # the app itself navigated to (st.switch_page), as a browser would.
    at._page_hash = ""
    return at


def texts(at: AppTest) -> str:
    """All visible text of a run, for 'the user sees …' assertions."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [h.value for h in at.subheader]
    parts += [e.value for e in (*at.error, *at.warning, *at.info, *at.success)]
    parts += [bar.proto.text for bar in at.get("progress")]
    return "\n".join(str(p) for p in parts)


def no_exception(at: AppTest) -> None:
    assert [e.value for e in at.exception] == []
