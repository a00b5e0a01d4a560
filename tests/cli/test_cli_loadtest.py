"""`python -m simulator loadtest` really runs simulated trainees through the services, and its
counts add up: every reply sent is accepted or counted as an error, every accepted one is
found saved in the database, and the time to feedback is given for each reply. (In this
process, through the command line's own entry point: the empathy model is then fitted once
for the whole test session.)"""
from __future__ import annotations

import json
import shutil

import pytest

from simulator import cli
from tests.cli.test_cli import ROOT


def test_a_tiny_load_test_runs_through_the_cli_and_its_counts_add_up(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SIMULATOR_CLI_LANGUAGE", "en")      # the summary read below is the English one
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(ROOT / "scenarios" / "en" / "heating-discount.yaml", folder)   # a chat scenario
    database = tmp_path / "load.db"
    code = cli.main(["loadtest", "--trainees", "3", "--minutes", "0.05", "--voice-share", "0", "--pace", "0",
                     "--scenarios", str(folder), "--database", f"sqlite:///{database}", "--json"])
    assert code == 0, capsys.readouterr().err
    figures = json.loads(capsys.readouterr().out)
    turns, chat = figures["turns"], figures["channels"]["chat"]
    assert (figures["trainees"], figures["chat_trainees"], figures["voice_trainees"]) == (3, 3, 0)
    assert turns["sent"] >= 3 and figures["calls"] >= 3
    assert turns["sent"] == turns["accepted"] + figures["errors"]
    assert turns["saved"] == turns["accepted"] == chat["replies"]
    assert figures["errors"] == 0, figures["error_kinds"]
    assert 0 < chat["p50_s"] <= chat["p95_s"] <= chat["max_s"]
    assert figures["channels"]["voice"]["replies"] == 0 and figures["database"] == "sqlite"
    # the trainees stay in that database, and a second run reuses them
    assert cli.main(["loadtest", "--trainees", "2", "--minutes", "0.02", "--voice-share", "0", "--pace", "0",
                     "--scenarios", str(folder), "--database", f"sqlite:///{database}"]) == 0
    out = capsys.readouterr().out
    assert "load test: 2 trainees (2 chat, 0 voice)" in out and "errors 0" in out


@pytest.mark.parametrize("option", [("--voice-share", "2"), ("--trainees", "0"), ("--minutes", "-1")])
def test_bad_options_are_refused(option, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["loadtest", *option])
    assert stopped.value.code == 2 and option[0] in capsys.readouterr().err
