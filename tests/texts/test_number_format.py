"""One way to write a decimal number per interface language (simulator.texts.i18n.number), used by
the dashboard's tables and charts, the definition, the reasons and the print."""
from __future__ import annotations

import pytest

from simulator.texts import i18n


@pytest.mark.parametrize(("value", "digits", "uk", "en"), [
    (45.94, 1, "45,9", "45.9"), (75.0, 1, "75", "75"), (0.85, 2, "0,85", "0.85"), (-0.04, 1, "0", "0"),
    (43.75, 0, "44", "44"), (100, 1, "100", "100"),
])
def test_a_decimal_comma_in_ukrainian_and_a_point_in_english(value, digits, uk, en):
    assert (i18n.number(value, "uk", digits), i18n.number(value, "en", digits)) == (uk, en)
