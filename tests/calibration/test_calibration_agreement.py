"""Agreement figures on fixtures worked out by hand (the arithmetic is in each test)."""
from __future__ import annotations

import math

import pytest

from simulator.calibration import agreement
from simulator.calibration.agreement import MACHINE


def test_quadratic_kappa_with_even_margins():
    # pairs (0,0) (1,2) (2,2) (2,1) (1,1) (0,0): two cells one step off (weight 1/4 each), none two off
    # observed disagreement Σw·O = (1/4 + 1/4) / 6 = 1/12
    # margins 1/3 each on both sides, so every expected cell is 1/9; Σw over the 3x3 grid = 3
    # expected disagreement Σw·E = 3/9 = 1/3; κ = 1 - (1/12)/(1/3) = 3/4
    a, b = [0, 1, 2, 2, 1, 0], [0, 2, 2, 1, 1, 0]
    figures = agreement.compare(a, b, "empathy")
    assert figures.kappa == pytest.approx(0.75)
    assert figures.exact == pytest.approx(4 / 6)
    assert figures.within_one == pytest.approx(1.0)
    assert figures.items == 6


def test_quadratic_kappa_with_uneven_margins_and_a_two_step_miss():
    # pairs (0,0) (0,1) (1,1) (2,1): observed Σw·O = (1/4 + 1/4) / 4 = 1/8
    # margins a = (1/2, 1/4, 1/4), b = (1/4, 3/4, 0)
    # Σw·E = 1/2·3/4·1/4 + 1/4·1/4·1/4 + 1/4·1/4·1 + 1/4·3/4·1/4 = 3/32 + 1/64 + 1/16 + 3/64 = 7/32
    # κ = 1 - (1/8)/(7/32) = 1 - 4/7 = 3/7
    figures = agreement.compare([0, 0, 1, 2], [0, 1, 1, 1], "accuracy")
    assert figures.kappa == pytest.approx(3 / 7)
    assert figures.exact == pytest.approx(0.5)
    assert figures.within_one == pytest.approx(1.0)


def test_compliance_kappa_is_cohens_on_two_levels():
    # observed agreement 3/4; chance 1/4·1/2 + 3/4·1/2 = 1/2; κ = (3/4 - 1/2) / (1/2) = 1/2
    assert agreement.compare([1, 1, 0, 1], [1, 0, 0, 1], "compliance").kappa == pytest.approx(0.5)


def test_kappa_is_undefined_when_both_give_one_rating_to_all():
    assert math.isnan(agreement.compare([1, 1, 1], [1, 1, 1], "empathy").kappa)
    assert agreement.compare([1, 1, 1], [1, 1, 1], "empathy").to_dict()["kappa"] is None


def test_spearman_and_a_two_step_miss_counts_outside_within_one():
    figures = agreement.compare([0, 1, 2, 2], [2, 1, 0, 0], "empathy")
    assert figures.rho == pytest.approx(-1.0)
    assert figures.exact == pytest.approx(0.25)
    assert figures.within_one == pytest.approx(0.25)


def test_human_and_machine_pairs_compare_only_the_items_both_rated():
    ratings = {
        1: {"ann": 0, "bob": 0, MACHINE: 0},
        2: {"ann": 1, "bob": 2, MACHINE: 2},
        3: {"ann": 2, "bob": 2, MACHINE: 2},
        4: {"ann": 2, "bob": 1, MACHINE: 1},
        5: {"ann": 1, "bob": 1, MACHINE: 1},
        6: {"ann": 0, "bob": 0, MACHINE: 0},
        7: {"ann": 2, MACHINE: 0},              # bob has not rated it: only the machine-ann pair counts it
    }
    human = agreement.human_human(ratings, "empathy")
    assert human.items == 6 and human.kappa == pytest.approx(0.75)    # the first fixture above
    machine = agreement.machine_human(ratings, "empathy")
    assert machine.items == 6 + 7
    # machine vs bob agrees on all 6 (κ 1); machine vs ann: 7 items, weighted by items
    ann = agreement.pair(ratings, MACHINE, "ann", "empathy")
    assert machine.kappa == pytest.approx((6 * 1.0 + 7 * ann.kappa) / 13)
    assert agreement.consensus(ratings[2]) == 1.5
