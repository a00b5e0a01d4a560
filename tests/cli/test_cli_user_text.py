"""Replies given on the command line are taken as the app takes them: cleaned, and refused
over the limit with the file and line."""
from __future__ import annotations

import json

from simulator.user_text import LIMITS
from tests.cli.test_cli import here, mini_dir, run  # noqa: F401


def test_score_cleans_replies_and_refuses_one_over_the_limit(mini_dir, tmp_path, here):
    replies = tmp_path / "replies.jsonl"
    replies.write_text(json.dumps({"id": 1, "text": "Я не\u0000 знаю."}) + "\n" + json.dumps({"id": 2, "text": "Я не\ud800 знаю."}) + "\n",
                       encoding="utf-8")
    result = here("score", "--scenarios", str(mini_dir), "--scenario", "test-mini", "--node", "opening", "--replies", str(replies))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["reply"] for line in result.stdout.splitlines()] == ["Я не знаю.", "Я не\ufffd знаю."]
    result = here("score", "--scenarios", str(mini_dir), "--scenario", "test-mini", "--node", "opening",
                 "--reply", "а" * (LIMITS["reply"] + 1))
    assert (result.returncode, result.stderr) == (2, "error: --reply: reply is too long: 3001 characters, at most 3000\n")


def test_play_refuses_a_script_with_a_reply_over_the_limit_before_the_call(mini_dir, tmp_path, here):
    script = tmp_path / "replies.txt"
    script.write_text("Я не знаю.\n" + "а" * (LIMITS["reply"] + 1) + "\n", encoding="utf-8")
    result = here("play", "test-mini", "--scenarios", str(mini_dir), "--replies", str(script), "--json")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"error: {script}:2: reply is too long: 3001 characters, at most 3000\n"


def test_play_interactive_asks_again_after_a_reply_over_the_limit(mini_dir):
    long = "а" * (LIMITS["reply"] + 1)
    result = run("play", "test-mini", "--scenarios", str(mini_dir),
                 stdin=f"{long}\nРозумію, що сума неочікувана. Рахунок виставили за середнім, я перевірю нарахування.\n")
    assert result.returncode == 0, result.stderr
    assert "error: reply is too long: 3001 characters, at most 3000" in result.stderr
    assert "Добре, дякую." in result.stdout
