"""The tuning: fitted on one part, measured on the part held out, compared with the untuned reading."""
from __future__ import annotations

import pytest

from simulator.calibration import tuning, verdict
from tests.calibration.test_calibration_report import scored


def items(rate):
    scores = [5, 12, 20, 33, 41, 48, 55, 62, 70, 78, 85, 93, 97, 26, 66]
    def given(s):
        return {"empathy": rate(s), "accuracy": rate(s), "compliance": 1}

    return [tuning.Item(k, scored(s, s), {"ann": given(s), "bob": given(s)}) for k, s in enumerate(scores)]


def test_untuned_reading_halves_the_scores():
    assert verdict.verdict(scored(24.9, 25)) == {"empathy": 0, "accuracy": 1, "compliance": 1}
    assert verdict.verdict(scored(75, 74.9, critical=True)) == {"empathy": 2, "accuracy": 1, "compliance": 0}


def test_a_strict_site_is_learnt_and_the_held_out_part_shows_the_gain():
    # this site gives 2 only from 90 on and 0 below 50: the untuned halves over-rate
    strict = items(lambda s: 0 if s < 50 else 1 if s < 90 else 2)
    fit = tuning.fit(strict)
    assert len(fit.held_out) == 5 and not set(fit.held_out) & set(fit.fitted_on)
    assert fit.after["empathy"]["kappa"] > fit.before["empathy"]["kappa"]
    assert fit.after["accuracy"]["exact"] > fit.before["accuracy"]["exact"]
    assert fit.held_out_kappa() == min(fit.after["empathy"]["kappa"], fit.after["accuracy"]["kappa"])
    # the fitted reading, applied to new replies, follows the site's cut points
    assert verdict.verdict(scored(70, 70), fit.params)["empathy"] == 1
    assert verdict.verdict(scored(97, 97), fit.params)["empathy"] == 2


def test_too_few_rated_replies_are_refused():
    with pytest.raises(ValueError, match="at least 6"):
        tuning.fit(items(lambda s: 1)[:5])
