"""The command-line contracts from ARCHITECTURE.md, run as a user would run them."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import MINI, ROOT


def run(*args, stdin: str | None = None, cwd=ROOT, language: str | None = None):
    """The command as a user runs it; ``language``: its SIMULATOR_CLI_LANGUAGE (else the machine's)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if language is not None:
        env["SIMULATOR_CLI_LANGUAGE"] = language
    return subprocess.run([sys.executable, "-m", "simulator", *args], capture_output=True, text=True, input=stdin, cwd=cwd, env=env, timeout=300)


@pytest.fixture
def here(monkeypatch, capsys):
    """``run`` in this process, giving back what the process would: a scoring command started
    afresh loads the scorer's models first (about 6 s of CPU each time), so most tests run the
    command here and a few (``run``) keep the real process: its exit code, streams and encoding."""
    from simulator.cli import main

    def run_here(*args, stdin: str | None = None, language: str | None = None):
        monkeypatch.chdir(ROOT)
        if language is not None:
            monkeypatch.setenv("SIMULATOR_CLI_LANGUAGE", language)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:      # argparse's own errors
            code = exc.code
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out, err)
    return run_here


@pytest.fixture
def mini_dir(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "mini.yaml").write_text(MINI, encoding="utf-8")
    return folder


def test_validate_the_library():
    result = run("scenarios", "validate", "--labels", "en")
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "scenario files valid" in result.stderr


def test_validate_reports_file_line_message_and_fails(mini_dir):
    broken = mini_dir / "broken.yaml"
    broken.write_text(MINI.replace("id: test-mini", "id: broken").replace("goto: thanks\n  again:", "goto: nowhere\n  again:"), encoding="utf-8")
    result = run("scenarios", "validate", "--labels", "en", str(mini_dir))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines and all(line.startswith(str(broken) + ":") for line in lines)
    assert "node 'nowhere' does not exist" in result.stdout
    assert "1 of 2 scenario files valid" in result.stderr


def test_list_json_with_filters():
    result = run("scenarios", "list", "--json", "--language", "en", "--channel", "chat")
    rows = json.loads(result.stdout)
    assert rows and all(r["language"] == "en" and r["channel"] == "chat" for r in rows)
    assert {"id", "title", "category", "difficulty", "facts_as_of", "target_seconds"} <= set(rows[0])


def test_play_scripted_json(mini_dir, tmp_path, here):
    replies = tmp_path / "replies.txt"
    replies.write_text("\nЯ не знаю. Читайте платіжку.\nЯ вас чую, і ваше обурення зрозуміле. Рахунок виставили за середнім, і я зараз перевірю нарахування разом з вами.\n", encoding="utf-8")
    result = here("play", "test-mini", "--replies", str(replies), "--json", "--scenarios", str(mini_dir))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["outcome"] == "resolved"
    assert [t["node"] for t in data["transcript"]] == ["opening", "opening", "angry"]
    assert data["transcript"][0]["silent"] is True
    card = data["scorecard"]
    assert {"overall", "accuracy", "empathy", "time", "passed", "reasons", "verdict", "turns"} <= set(card)
    assert card["silent_turns"] == 1 and len(card["turns"]) == 2


def test_play_interactive_text_call(mini_dir):
    reply = "Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. Я зараз перевірю нарахування.\n"
    result = run("play", "test-mini", "--scenarios", str(mini_dir), stdin=reply)
    assert result.returncode == 0, result.stderr
    assert "Клієнт:" in result.stdout and "Підсумок дзвінка" in result.stdout
    assert "Дзвінок зараховано" in result.stdout


def test_play_every_library_scenario_with_its_references(library, tmp_path, capsys, monkeypatch):
    """Each scenario played with its first reference answers, paced as a scripted call is
    (clock.scripted_reply_seconds), passes; the terminal command itself plays one scenario
    per language (in-process: every scenario through the command would score each call twice)."""
    from simulator.call.clock import ManualClock, scripted_reply_seconds
    from simulator.call.engine import Call
    from simulator.cli import main

    monkeypatch.chdir(ROOT)
    through_command = {}
    for scenario in library.scenarios.values():
        clock = ManualClock()
        call = Call(scenario, clock)
        replies = []
        while not call.finished:
            replies.append(scenario.nodes[call.node_id].references[0])
            clock.advance(scripted_reply_seconds(replies[-1], scenario.channel))
            call.reply(replies[-1])
        card = call.scorecard()
        assert card.passed, (scenario.id, card.reasons)
        through_command.setdefault(scenario.language, (scenario, replies))
    for scenario, replies in through_command.values():
        path = tmp_path / f"{scenario.id}.txt"
        path.write_text("\n".join(replies), encoding="utf-8")
        assert main(["play", scenario.id, "--replies", str(path), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["scorecard"]["passed"], (scenario.id, data["scorecard"]["reasons"])


def test_score_one_reply_and_a_file(tmp_path, here):
    result = run("score", "--scenario", "uk-estimated-bill", "--node", "opening", "--reply", "Рахунок за середнім", "--json")
    data = json.loads(result.stdout)
    assert data["node"] == "opening" and any(f["id"] == "estimated" and f["said"] for f in data["accuracy"]["facts"])
    replies = tmp_path / "r.txt"
    replies.write_text("Рахунок за середнім\nЧитайте платіжку\n", encoding="utf-8")
    result = here("score", "--scenario", "uk-estimated-bill", "--node", "opening", "--replies", str(replies))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2 and lines[0]["overall"] > lines[1]["overall"]


def test_score_replies_as_json_lines_keep_their_ids(tmp_path, here):
    replies = tmp_path / "r.jsonl"
    replies.write_text(
        json.dumps({"id": "warm", "text": "Рахунок виставили за середнім споживанням, передайте показники — буде перерахунок."}, ensure_ascii=False)
        + "\n" + json.dumps({"id": 7, "text": "Читайте платіжку"}, ensure_ascii=False) + "\nРахунок за середнім\n",
        encoding="utf-8")
    result = here("score", "--scenario", "uk-estimated-bill", "--node", "opening", "--replies", str(replies))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("id") for line in lines] == ["warm", 7, None]
    assert lines[0]["reply"].startswith("Рахунок виставили") and lines[1]["reply"] == "Читайте платіжку"
    assert lines[0]["overall"] > lines[1]["overall"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    result = here("score", "--scenario", "uk-estimated-bill", "--node", "opening", "--replies", str(bad), language="en")
    assert result.returncode == 2 and 'needs "text"' in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args, message", [
    (("play", "no-such-id"), "no scenario 'no-such-id'"),
    (("score", "--scenario", "uk-estimated-bill", "--node", "resolved", "--reply", "x"), "has no node 'resolved' that takes a reply"),
    (("play", "uk-estimated-bill", "--replies", "/no/such/file"), "not found"),
    (("scenarios", "list", "--scenarios", "/no/such/dir"), "does not exist"),
])
def test_clear_errors_without_tracebacks(args, message):
    result = run(*args, language="en")
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
