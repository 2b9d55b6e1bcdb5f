"""Step 1 of the walk: the business and its target audience (personas)."""

import streamlit as st
from babel import Locale

from cmplanner import i18n, wizard
from cmplanner.competitors import walk as competitor_walk
from cmplanner.models import AgeBand, ContentFormat, Market, Platform, Strategy
from cmplanner.ui import page, walk
from cmplanner.ui.competitors_walk import section as competitor_section

COUNTRIES = (
    "NL",
    "BE",
    "DE",
    "FR",
    "LU",
    "GB",
    "IE",
    "US",
    "CA",
    "ES",
    "IT",
    "AT",
    "CH",
    "DK",
    "SE",
    "NO",
    "PL",
    "PT",
    "AU",
)

NAME_MAX = 80  # models.Name
TEXT_MAX = 2000  # models.Text
ITEM_MAX = 120  # models.ShortText: one place or interest
LIST_MAX = 1000

ctx = page("audience", needs_strategy=True)
assert ctx.strategy is not None
draft = walk.Draft(ctx)
st.title(ctx.t("page.audience"))
walk.steps(ctx, "audience")
st.write(ctx.t("audience.intro"))

errors = wizard.audience(draft.current(), ctx.lang)[2]
shown = errors if walk.touched("audience") else {}
territories = Locale.parse(i18n.LOCALES[ctx.lang]).territories

with st.container(border=True):
    st.subheader(ctx.t("audience.business"))
    left, right = st.columns(2)
    with left:
        st.text_input(
            ctx.t("field.name"),
            key=draft.key("profile.name", ctx.strategy.name),
            placeholder=ctx.t("audience.name_placeholder"),
            max_chars=NAME_MAX,
            live=walk.LIVE,
            help=ctx.t("walkinput.max_chars", max=NAME_MAX),
        )
        walk.error(shown, "w.profile.name")
        walk.at_limit(ctx, "w.profile.name", NAME_MAX)
    with right:
        st.text_input(
            ctx.t("field.sector"),
            key=draft.key("profile.sector", ""),
            placeholder=ctx.t("audience.sector_placeholder"),
            max_chars=NAME_MAX,
            live=walk.LIVE,
            help=ctx.t("walkinput.max_chars", max=NAME_MAX),
        )
        walk.error(shown, "w.profile.sector")
        walk.at_limit(ctx, "w.profile.sector", NAME_MAX)
    st.radio(
        ctx.t("field.market"),
        [m.value for m in Market],
        key=draft.key("profile.market", "b2c"),
        format_func=lambda m: ctx.t(f"market.{m}"),
        horizontal=True,
        help=ctx.t("audience.market_help"),
    )
    walk.error(shown, "w.profile.market")
    left, mid, right = st.columns(3)
    with left:
        st.selectbox(
            ctx.t("field.country"),
            COUNTRIES,
            key=draft.key("profile.country", "NL"),
            format_func=lambda c: territories.get(c, c),
        )
        walk.error(shown, "w.profile.country")
    with mid:
        st.selectbox(
            ctx.t("field.language"),
            list(i18n.LANGUAGES),
            key=draft.key("profile.language", ctx.lang),
            format_func=i18n.LANGUAGES.__getitem__,
            help=ctx.t("audience.language_help"),
        )
        walk.error(shown, "w.profile.language")
    with right:
        st.number_input(
            ctx.t("field.hours_per_week"),
            min_value=0.5,
            max_value=80.0,
            step=0.5,
            format="%.1f",
            key=draft.key("profile.hours_per_week", 4.0),
            help=" ".join(
                (
                    ctx.t("audience.hours_help"),
                    ctx.t(
                        "walkinput.range", low=i18n.number(0.5, ctx.lang, 1), high=i18n.number(80, ctx.lang)
                    ),
                    ctx.t("walkinput.decimal_point"),
                )
            ),
        )
        walk.error(shown, "w.profile.hours_per_week")

st.subheader(ctx.t("audience.personas"))
st.caption(ctx.t("audience.personas_help"))
persona_ids = list(draft.value("personas") or [])
if not persona_ids:
    persona_ids = [wizard.new_id()[:8]]
draft.set("personas", persona_ids)
walk.error(shown, "w.personas")

for number, pid in enumerate(persona_ids, start=1):
    with st.container(border=True):
        head, remove = st.columns([5, 1])
        head.markdown(f"**{ctx.t('audience.persona_n', n=number)}**")
        if len(persona_ids) > 1 and remove.button(
            ctx.t("audience.remove"), key=f"remove.{pid}", icon=":material/delete:", type="tertiary"
        ):
            draft.set("personas", [p for p in persona_ids if p != pid])
            draft.save()
            draft.forget(f"persona.{pid}.")
            st.rerun()
        left, right = st.columns(2)
        with left:
            st.text_input(
                ctx.t("field.persona.name"),
                key=draft.key(f"persona.{pid}.name", ""),
                placeholder=ctx.t("audience.persona_placeholder"),
                max_chars=NAME_MAX,
                live=walk.LIVE,
                help=ctx.t("walkinput.max_chars", max=NAME_MAX),
            )
            walk.error(shown, f"w.persona.{pid}.name")
            walk.at_limit(ctx, f"w.persona.{pid}.name", NAME_MAX)
        with right:
            st.multiselect(
                ctx.t("field.age_bands"),
                [a.value for a in AgeBand],
                key=draft.key(f"persona.{pid}.age_bands", []),
                help=ctx.t("audience.age_help"),
                placeholder=ctx.t("common.choose"),
            )
            walk.error(shown, f"w.persona.{pid}.age_bands")
        left, right = st.columns(2)
        with left:
            st.text_input(
                ctx.t("field.locations"),
                key=draft.key(f"persona.{pid}.locations", ""),
                help=ctx.t("audience.comma_help") + " " + ctx.t("walkinput.list_max", max=ITEM_MAX),
                max_chars=LIST_MAX,
                live=walk.LIVE,
            )
            walk.error(shown, f"w.persona.{pid}.locations")
            walk.at_limit(ctx, f"w.persona.{pid}.locations", LIST_MAX)
        with right:
            st.text_input(
                ctx.t("field.interests"),
                key=draft.key(f"persona.{pid}.interests", ""),
                help=ctx.t("audience.comma_help") + " " + ctx.t("walkinput.list_max", max=ITEM_MAX),
                max_chars=LIST_MAX,
                live=walk.LIVE,
            )
            walk.error(shown, f"w.persona.{pid}.interests")
            walk.at_limit(ctx, f"w.persona.{pid}.interests", LIST_MAX)
        left, right = st.columns(2)
        with left:
            st.text_area(
                ctx.t("field.pains"),
                key=draft.key(f"persona.{pid}.pains", ""),
                height=90,
                max_chars=TEXT_MAX,
                help=ctx.t("walkinput.text_max", max=i18n.number(TEXT_MAX, ctx.lang)),
            )
            walk.error(shown, f"w.persona.{pid}.pains")
            walk.at_limit(ctx, f"w.persona.{pid}.pains", TEXT_MAX)
        with right:
            st.text_area(
                ctx.t("field.goals"),
                key=draft.key(f"persona.{pid}.goals", ""),
                height=90,
                max_chars=TEXT_MAX,
                help=ctx.t("walkinput.text_max", max=i18n.number(TEXT_MAX, ctx.lang)),
            )
            walk.error(shown, f"w.persona.{pid}.goals")
            walk.at_limit(ctx, f"w.persona.{pid}.goals", TEXT_MAX)
        left, right = st.columns(2)
        with left:
            st.multiselect(
                ctx.t("field.online"),
                [p.value for p in Platform],
                key=draft.key(f"persona.{pid}.online", []),
                format_func=lambda p: ctx.t(f"platform.{p}"),
                placeholder=ctx.t("common.choose"),
            )
            walk.error(shown, f"w.persona.{pid}.online")
        with right:
            st.multiselect(
                ctx.t("field.formats"),
                [f.value for f in ContentFormat],
                key=draft.key(f"persona.{pid}.formats", []),
                format_func=lambda f: ctx.t(f"format.{f}"),
                placeholder=ctx.t("common.choose"),
            )
            walk.error(shown, f"w.persona.{pid}.formats")

if st.button(ctx.t("audience.add_persona"), icon=":material/person_add:"):
    draft.set("personas", [*persona_ids, wizard.new_id()[:8]])
    draft.save()
    st.rerun()

competitor_errors = competitor_walk.from_draft(draft.current(), ctx.lang)[1]
competitor_section(ctx, draft, competitor_errors if walk.touched("audience") else {})
draft.save()


def save_audience(strategy: Strategy) -> None:
    strategy.profile, strategy.personas, _ = wizard.audience(draft.saved, ctx.lang)
    strategy.competitors, _ = competitor_walk.from_draft(draft.saved, ctx.lang)


walk.nav(ctx, "audience", {**errors, **competitor_errors}, save_audience)
