"""`python -m simulator scenarios test`: every file's samples against their expectations, on
the library (as CI runs it) and on a file with a broken expectation."""
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


def test_every_library_file_meets_its_samples_expectations(library):
    misses = [str(m) for sid, s in library.scenarios.items() for m in run_samples(s, library.paths[sid]).misses]
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
