"""The admin's tuning of the scorer to the site's raters (owns ``calibration_tuning.*``): the
gate's κ level, fitting a tuning on the chosen set for one language, its held-out agreement
untuned and tuned side by side, and accepting (with a reason when below the level) or rejecting."""
from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from simulator.calibration.scales import CRITERIA
from simulator.store import Store, User
from simulator.store import calibration as cal
from simulator.texts import i18n, limits
from simulator.texts.labels import Labels
from simulator.user_text import TooLong

from .. import services

PREFIX = "calibration_tuning"
NOTICE = f"{PREFIX}.notice"
FIGURES = ("items", "kappa", "rho", "exact", "within_one")


def render(store: Store, user: User, set_id: int | None, tr: Labels) -> None:
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.number_input(tr("cal_gate_level"), min_value=0.0, max_value=1.0, step=0.05, value=cal.gate_level(store),
                        key=f"{PREFIX}.level")
        st.button(tr("cal_gate_save"), key=f"{PREFIX}.level_save", on_click=_save_level, args=(user, tr))
    if set_id is not None:
        with st.container(horizontal=True, vertical_alignment="bottom"):
            st.selectbox(tr("cal_fit_language"), ("uk", "en"), key=f"{PREFIX}.language")
            st.button(tr("cal_fit"), key=f"{PREFIX}.fit", help=tr("cal_fit_help"), on_click=_fit, args=(user, set_id, tr))
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        getattr(st, notice[0])(notice[1])
    found = cal.tunings(store, user)
    proposed = [t for t in found if t.status == "proposed"]
    for tuning in proposed:
        _proposal(user, tuning, tr)
    if found:
        st.subheader(tr("cal_tunings"))
        for t in found:
            status = tr(f"cal_tuning_{t.status}", **({"version": t.version} if t.status == "accepted" else {}))
            st.write(tr("cal_tuning_line", id=t.id, language=t.language, status=status, kappa=_kappa(t.held_out_kappa, tr)))


def _proposal(user: User, tuning: cal.Tuning, tr: Labels) -> None:
    prefix = f"{PREFIX}.{tuning.id}"
    st.markdown("**" + tr("cal_proposed", id=tuning.id, language=tuning.language, kappa=_kappa(tuning.held_out_kappa, tr),
                          level=i18n.number(tuning.min_kappa, tr.language, 2)) + "**")
    rows = []
    for side in ("before", "after"):
        for criterion in CRITERIA:
            figures = tuning.figures[side][criterion]
            rows.append({"": tr(f"cal_{side}"), tr("cal_criterion"): tr(f"cal_{criterion}"),
                         **{name: figures[name] for name in FIGURES}})
    st.dataframe(pd.DataFrame(rows), hide_index=True, key=f"{prefix}.figures")
    worse = [c for c in ("empathy", "accuracy")
             if (tuning.figures["after"][c]["kappa"] or 0) < (tuning.figures["before"][c]["kappa"] or 0)]
    if worse:
        st.warning(tr("cal_worse", criteria=", ".join(tr(f"cal_{c}") for c in worse)))
    st.text_area(tr("cal_override"), height=68, key=f"{prefix}.override")
    with st.container(horizontal=True):
        st.button(tr("cal_accept"), key=f"{prefix}.accept", type="primary", on_click=_decide, args=(user, tuning.id, True, tr))
        st.button(tr("cal_reject"), key=f"{prefix}.reject", on_click=_decide, args=(user, tuning.id, False, tr))


def _kappa(value: float, tr: Labels) -> str:
    return "—" if math.isnan(value) else i18n.number(value, tr.language, 2)


def _save_level(user: User, tr: Labels) -> None:
    cal.set_gate_level(services.store(), user, float(st.session_state[f"{PREFIX}.level"]))
    st.session_state[NOTICE] = ("success", tr("cal_gate_saved"))


def _fit(user: User, set_id: int, tr: Labels) -> None:
    try:
        cal.propose_tuning(services.store(), user, set_id, st.session_state[f"{PREFIX}.language"])
    except cal.TooFewRated as few:
        st.session_state[NOTICE] = ("warning", tr("cal_too_few", found=few.found, needed=few.needed))
    except PermissionError:
        st.session_state[NOTICE] = ("warning", tr("cal_fit_locked"))


def _decide(user: User, tuning_id: int, accept_it: bool, tr: Labels) -> None:
    state = st.session_state
    try:
        decided = cal.decide_tuning(services.store(), user, tuning_id, accept_it, state.get(f"{PREFIX}.{tuning_id}.override", ""))
    except cal.GateClosed:
        state[NOTICE] = ("warning", tr("cal_gate_closed"))
        return
    except TooLong as exc:
        state[NOTICE] = ("error", limits.message(exc, tr))
        return
    state[NOTICE] = ("success", tr("cal_accepted", version=decided.version)) if accept_it else ("info", tr("cal_rejected"))
