"""formats.moment: a stored UTC time shown in Kyiv time, with its offset said (issue 11: times
were UTC with no zone)."""
from __future__ import annotations

import datetime as dt

from simulator.texts.formats import moment


def test_a_time_is_shown_in_kyiv_time_with_its_offset_in_winter_and_summer():
    utc = dt.timezone.utc
    assert moment(dt.datetime(2026, 12, 5, 21, 30, tzinfo=utc)) == "05.12.2026 23:30 (UTC+2)"
    assert moment(dt.datetime(2026, 7, 1, 21, 30, tzinfo=utc)) == "02.07.2026 00:30 (UTC+3)"
    assert moment(dt.datetime(2026, 7, 1, 21, 30)) == "02.07.2026 00:30 (UTC+3)"        # naive: stored UTC
    assert moment(None) == "—"
