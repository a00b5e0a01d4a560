"""`python -m simulator scenarios test`: every file's samples against their expectations, on
library files and on a file with a broken expectation."""
from __future__ import annotations

from simulator.cli import main
from simulator.services.studio.library_check import check_scenario as run_samples
from tests.conftest import MINI

SAMPLES = """
samples:
  - node: opening
    label: great
    reply: Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. Я зараз перевірю нарахування.
  - node: opening
    label: poor
    reply: Рахунок виставили за середнім споживанням, бо показники не надійшли, мені шкода, я зараз перевірю нарахування.
"""


def test_library_files_meet_their_samples_expectations(library):
    # one file per language with samples: every library scenario's samples are run by the studio's
    # test (tests/services/studio/test_studio_samples.py), on the same samples.run
    chosen = {s.language: s for s in library.scenarios.values() if s.samples}
    assert set(chosen) == {"uk", "en"}
    misses = [str(m) for s in chosen.values() for m in run_samples(s, library.paths[s.id]).misses]
    assert misses == []


def test_a_broken_expectation_is_a_line_and_exit_1(tmp_path, capsys):
    path = tmp_path / "uk" / "mini.yaml"
    path.parent.mkdir()
    path.write_text(MINI + SAMPLES, encoding="utf-8")
    assert main(["scenarios", "test", str(tmp_path)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    poor_line = (MINI + SAMPLES).splitlines().index("    label: poor") 
    assert out and out[0].startswith(f"{path}:{poor_line}: ")  # the line of the poor sample's '- node:'
    path.write_text(MINI + SAMPLES.split("  - node: opening\n    label: poor")[0], encoding="utf-8")
    assert main(["scenarios", "test", str(tmp_path)]) == 0


def test_validate_prints_warnings_apart_and_still_passes(tmp_path, capsys):
    path = tmp_path / "uk" / "mini.yaml"
    path.parent.mkdir()
    path.write_text(MINI.replace("end: escalated", "end: resolved"), encoding="utf-8")
    assert main(["scenarios", "validate", "--labels", "en", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"warning: {path}:" in captured.err and "every path of this call ends 'resolved'" in captured.err
