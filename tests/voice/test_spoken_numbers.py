"""Figures as they are said aloud (simulator.voice.spoken_numbers), which the check against
the recording scores beside the digits of a key fact's wording; each reading must be read
back by the scorer as the same figures."""
from __future__ import annotations

import pytest

from simulator.scenario.model import Fact
from simulator.scoring.accuracy import check_fact
from simulator.scoring.matching import Reply
from simulator.voice.spoken_numbers import spoken


@pytest.mark.parametrize(("text", "language", "readings"), [
    ("з 23:00 до 7:00", "uk", ["з двадцять три нуль нуль до сім нуль нуль", "з двадцять третьої до сьомої"]),
    ("о 21:00", "uk", ["о двадцять один нуль нуль", "о двадцять першій"]),
    ("Знижка 2,64 діє", "uk", ["Знижка два кома шістдесят чотири діє"]),
    ("до 2000 кіловат-годин", "uk", ["до дві тисячі кіловат-годин"]),
    ("3456 гривень", "uk", ["три тисячі чотириста п'ятдесят шість гривень"]),
    ("Т1 — денна", "uk", ["те один — денна"]),
    ("23:00 to 07:00", "en", ["twenty three zero zero to seven zero zero", "eleven p.m. to seven a.m."]),
    ("4.32 per kilowatt-hour", "en", ["four point three two per kilowatt-hour"]),
    ("1,036.80", "en", ["one thousand thirty six point eight zero"]),
    ("8,215", "en", ["eight thousand two hundred fifteen"]),
])
def test_figures_in_words(text, language, readings):
    assert spoken(text, language) == readings


@pytest.mark.parametrize(("text", "language"), [("the 20th", "en"), ("T1, T2 and T3", "en"), ("Добрий день", "uk")])
def test_nothing_to_read(text, language):
    assert spoken(text, language) == []


@pytest.mark.parametrize(("wording", "language"), [
    ("з 23:00 до 7:00", "uk"), ("ціна 4,32", "uk"), ("до 2000 кіловат-годин", "uk"), ("3456 гривень", "uk"),
    ("23:00 to 07:00", "en"), ("4.32 per kilowatt-hour", "en"), ("up to 2,000", "en"),
])
def test_the_scorer_reads_each_reading_back_as_the_figures(wording, language):
    fact = Fact(id="figure", fact="the figure", accept=[wording])
    for reading in spoken(wording, language):
        assert check_fact(Reply(reading, language), fact, language).said, reading
