"""Which tuning of the scorer scored a call (issue 16), wherever its score is shown: «Налаштування
оцінювання: v3 від 06.12.2026» / "Scoring tuning: v3 of 2026-12-06", or «стандартне» /
"standard" when none. An attempt records the accepted tuning of its language when it starts
(attempts.tuning_id) and keeps it; staff also see what the scorer's own scores of a tuned call
were (kept in its scorecard under ``untuned``). The ``cal_scoring_*`` labels are this file's."""
from __future__ import annotations

import streamlit as st

from simulator.store import calibration as cal
from simulator.texts import formats
from simulator.texts.labels import Labels

from .. import services


def name(tuning: cal.Tuning | None, tr: Labels) -> str:
    """"v3 від 06.12.2026" (its version and the Kyiv day it was accepted), or "стандартне"."""
    if tuning is None:
        return tr("cal_scoring_standard")
    accepted = tuning.decided_at or tuning.created_at
    return tr("cal_scoring_version", version=tuning.version,
              date=formats.day(formats.in_kyiv(accepted).date(), tr.language))


def line(tuning: cal.Tuning | None, tr: Labels) -> str:
    return tr("cal_scoring_tuning", tuning=name(tuning, tr))


def caption(attempt_id: int, tr: Labels) -> None:
    """The tuning that scored the attempt, as a caption under its score."""
    st.caption(line(cal.attempt_tuning(services.store(), attempt_id), tr))


def untuned(card: dict | None, tr: Labels) -> None:
    """For staff: the scorer's own figures of a call shown by a tuning (nothing for an untuned call)."""
    own = (card or {}).get("untuned")
    if not own:
        return
    st.caption(tr("cal_scoring_untuned", overall=round(own["overall"]), accuracy=round(own["accuracy"]),
                  empathy=round(own["empathy"]), verdict=tr("cal_scoring_passed" if own["passed"] else "cal_scoring_failed")))


def of_attempts(attempt_ids: list[int]) -> dict[int, cal.Tuning]:
    """The tunings of a list of calls, in one query (a call not in it was scored as standard)."""
    return cal.attempt_tunings(services.store(), attempt_ids)


def in_force(tr: Labels) -> None:
    """Per scenario language, the tuning new calls are scored by now (for pages that sum up many calls)."""
    found = cal.in_force(services.store())
    tunings = "; ".join(tr("cal_scoring_language", language=tr(f"language_{language}"), tuning=name(tuning, tr))
                        for language, tuning in found.items())
    st.caption(tr("cal_scoring_in_force", tunings=tunings))
