"""Choosing a calibration set and rating its replies blind (owns ``calibration_rating.*``).

One unrated reply at a time: the customer's line, the reply and three choices with nothing
chosen, so every rating is the rater's own decision. Only once a reply is rated does the
store hand over the machine's rating, its evidence and the colleagues' ratings, listed under
"rated by you"."""
from __future__ import annotations

import streamlit as st

from simulator.calibration.scales import CRITERIA, SCALE
from simulator.calibration.verdict import evidence, verdict
from simulator.store import Store, User
from simulator.store import calibration as cal
from simulator.texts.formats import literal, moment
from simulator.texts.labels import Labels

from .. import services

SET_KEY = "calibration_rating.set"
NOTICE = "calibration_rating.notice"


def choose(store: Store, user: User, tr: Labels, closed_only: bool = False) -> int | None:
    """The set picker above the tabs (newest first; ``closed_only`` for HR, who read closed sets'
    reports), with the chosen set's state and counts under it; None when there is no set. The
    options are named by what does not change (name and date), so a count that moves with a
    rating is never shown stale in the picker."""
    found = [s for s in cal.sets(store, user) if s.status == "closed" or not closed_only]
    if not found:
        return None
    by_id = {s.id: s for s in found}
    chosen = st.selectbox(tr("cal_set"), list(by_id), key=SET_KEY,
                          format_func=lambda set_id: f"{by_id[set_id].name} · {moment(by_id[set_id].created_at)}")
    picked = by_id[chosen]
    st.caption(tr("cal_set_line", status=tr(f"cal_status_{picked.status}"), items=picked.items, raters=picked.raters,
                  mine=picked.rated_by_me))
    return chosen


def tuning_params(store: Store) -> dict[str, dict | None]:
    """Per language, the params of the tuning in force (None: untuned): the machine's ratings
    are shown as the product would rate the reply now."""
    return {language: t.params if t else None for language, t in cal.in_force(store).items()}


def ratings_text(values: dict[str, int], tr: Labels) -> str:
    return " · ".join(f"{tr(f'cal_{c}')} {values[c]}" for c in CRITERIA)


def render(store: Store, user: User, set_id: int, tr: Labels) -> None:
    items = cal.items(store, user, set_id)
    summary = next(s for s in cal.sets(store, user) if s.id == set_id)
    done = sum(i.rated for i in items)
    st.write(tr("cal_progress", done=done, total=len(items)))
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        getattr(st, notice[0])(tr(notice[1]))
    waiting = [i for i in items if not i.rated]
    if summary.status == "closed":
        st.info(tr("cal_set_closed"))
    elif waiting:
        _form(user, waiting[0], len(items), tr)
    else:
        st.success(tr("cal_all_rated"))
    if summary.status == "open" and (user.role == "admin" or summary.created_by == user.username):
        st.button(tr("cal_close"), key=f"calibration_rating.close.{set_id}", on_click=_close, args=(store, user, set_id))
    rated = [i for i in items if i.rated]
    if rated:
        st.subheader(tr("cal_rated_list"))
    params = tuning_params(store)
    for item in rated:
        with st.expander(literal(f"{item.position}. {item.reply[:80]}")):
            _revealed(item, params, tr)


def _form(user: User, item: cal.Item, total: int, tr: Labels) -> None:
    prefix = f"calibration_rating.{item.id}"
    st.markdown(f"**{tr('cal_item', number=item.position, total=total, scenario=literal(item.scenario_id), language=item.language)}**")
    if item.trainee:
        st.caption(tr("cal_trainee", name=literal(item.trainee)))
    st.markdown(f"*{tr('cal_customer')}:* {literal(item.customer_line)}")
    st.markdown(f"*{tr('cal_reply')}:* {literal(item.reply)}")
    with st.form(prefix):
        for criterion in CRITERIA:
            st.radio(tr(f"cal_{criterion}"), SCALE[criterion], index=None, horizontal=True, key=f"{prefix}.{criterion}",
                     format_func=lambda v, c=criterion: tr(f"cal_{c}_{v}"))
        st.text_area(tr("cal_comment"), height=68, key=f"{prefix}.comment")
        st.form_submit_button(tr("cal_save"), type="primary", icon=":material/how_to_reg:", on_click=_save,
                              args=(user, item.id, prefix))


def _save(user: User, item_id: int, prefix: str) -> None:
    state = st.session_state
    values = {c: state.get(f"{prefix}.{c}") for c in CRITERIA}
    if any(v is None for v in values.values()):
        state[NOTICE] = ("warning", "cal_choose_all")
        return
    try:
        cal.rate(services.store(), user, item_id, comment=state.get(f"{prefix}.comment", ""), **values)
    except cal.AlreadyRated:
        state[NOTICE] = ("info", "cal_already_rated")
    except cal.SetClosed:
        state[NOTICE] = ("info", "cal_set_closed")
    else:
        state[NOTICE] = ("success", "cal_saved")


def _close(store: Store, user: User, set_id: int) -> None:
    cal.close_set(store, user, set_id)
    st.session_state[NOTICE] = ("success", "cal_closed_done")


def _revealed(item: cal.Item, params: dict, tr: Labels) -> None:
    st.markdown(f"*{tr('cal_customer')}:* {literal(item.customer_line)}  \n*{tr('cal_reply')}:* {literal(item.reply)}")
    mine = {c: getattr(item.mine, c) for c in CRITERIA}
    st.write(tr("cal_yours", ratings=ratings_text(mine, tr)) + (f" — {literal(item.mine.comment)}" if item.mine.comment else ""))
    st.write(tr("cal_machine", ratings=ratings_text(verdict(item.machine, params.get(item.language)), tr)))
    st.caption(tr("cal_evidence", evidence=literal(evidence(item.machine))))
    for other in item.ratings or []:
        line = tr("cal_other", rater=literal(other.rater), ratings=ratings_text({c: getattr(other, c) for c in CRITERIA}, tr))
        st.write(line + (f" — {literal(other.comment)}" if other.comment else ""))
