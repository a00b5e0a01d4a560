"""An accepted tuning with hand-set parameters, through the store's own acceptance (its version
number and audit entry), for tests of what a tuning changes."""
from __future__ import annotations

import datetime as dt

from simulator.calibration.scales import CRITERIA
from simulator.store import calibration as cal
from simulator.store.guard import utc_now
from simulator.store.models import CalibrationTuningRow

AGREES = {c: {"items": 4, "kappa": 0.9, "rho": 0.9, "exact": 1.0, "within_one": 1.0} for c in CRITERIA}
# a strict site: empathy 0 below 60 and 2 only from 90; accuracy as the scorer reads it
STRICT = {"empathy": {"weights": {"score": 1.0}, "intercept": 0.0, "cuts": [1.2, 1.8]},
          "accuracy": {"weights": {"score": 1.0}, "intercept": 0.0, "cuts": [0.5, 1.5]}}
# a lenient one: empathy 1 from 10 and 2 from 40
LENIENT = {"empathy": {"weights": {"score": 1.0}, "intercept": 0.0, "cuts": [0.2, 0.8]},
           "accuracy": {"weights": {"score": 1.0}, "intercept": 0.0, "cuts": [0.5, 1.5]}}


def accepted(store, admin, params: dict, language: str = "uk", now: dt.datetime | None = None) -> cal.Tuning:
    with store.transaction() as session:
        row = CalibrationTuningRow(language=language, status="proposed", set_id=None, params=params,
                                   figures={"before": AGREES, "after": AGREES, "fitted_on": [], "held_out": []},
                                   min_kappa=cal.DEFAULT_MIN_KAPPA, override_comment="", created_by=admin.id,
                                   created_at=utc_now(now))
        session.add(row)
        session.flush()
        tuning_id = row.id
    return cal.decide_tuning(store, admin, tuning_id, True, now=now)
# a harsh one: empathy and accuracy 2 only from 99, 0 below 98
HARSH = {c: {"weights": {"score": 1.0}, "intercept": 0.0, "cuts": [1.96, 1.98]} for c in ("empathy", "accuracy")}
