"""Texts made to take the YAML parser down are refused with a message, never a crash: run in a
child process, since a segmentation fault would end the test run itself."""
from __future__ import annotations

import subprocess
import sys

import pytest

from simulator.scenario import yaml_guard
from simulator.library.loader import load_text
from tests.conftest import MINI, ROOT

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join([f'*{chr(97 + k)}'] * 9)}]\n" for k in range(9))

BOMBS = {
    "brackets": "[" * 100_000,                                  # 100 kB: segmentation fault in libyaml's composer
    "closed brackets": "[" * 100_000 + "]" * 100_000,
    "braces in a mapping": "a: {" * 50_000,
    "dashes": "- " * 100_000,                                   # block sequences, one level per dash
    "indentation": "".join(" " * k + "k:\n" for k in range(1_400)),  # ~1 MB of ever deeper keys
    "billion laughs": BILLION_LAUGHS,
}


def run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("name", ["brackets", "dashes"])
def test_scenarios_validate_refuses_a_bomb_with_a_line_and_exit_1(tmp_path, name):
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMBS[name], encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "simulator", "scenarios", "validate", "--labels", "en", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    assert done.stdout.strip() == f"{path}:1: the file is nested far too deeply to be a scenario"


def test_every_bomb_is_refused_by_the_loader_the_studio_import_uses(tmp_path):
    """The studio's import reads a file with yaml_lines.load, the library with load_text:
    both go through the guard. Each bomb in a child process that prints what it was told."""
    code = """
import sys
from simulator.scenario import yaml_lines
from simulator.library.loader import load_text
text = open(sys.argv[1], encoding="utf-8").read()
try:
    yaml_lines.load(text)
    print("loaded")
except yaml_lines.YamlError as exc:
    print(exc.line, exc.message)
print(load_text(text, "f.yaml")[1][0])
"""
    for name, text in BOMBS.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        done = run(code, str(path))
        assert done.returncode == 0, (name, done.returncode, done.stderr[-500:])
        first, second = done.stdout.splitlines()
        expected = "anchors and aliases" if name == "billion laughs" else "nested far too deeply"
        assert expected in first and expected in second and second.startswith("f.yaml:"), (name, done.stdout)


def test_the_depth_limit_leaves_real_scenarios_and_brackets_in_text_alone():
    text = MINI.replace("title: Тестовий дзвінок", "title: '" + "[{" * 60 + " дужки в тексті'")
    scenario, problems = load_text(text)
    assert problems == [] and scenario.title.startswith("[{[{")
    nested = "a:\n" + "".join("  " * k + "- \n" for k in range(1, yaml_guard.MAX_DEPTH)) + "\n"
    yaml_guard.check(nested)    # 40 levels: allowed (a scenario needs about six)


def test_a_text_longer_than_a_scenario_file_may_be_is_refused_before_parsing():
    with pytest.raises(yaml_guard.Refused, match="longer than 1,000,000 characters"):
        yaml_guard.check("a: " + "x" * 1_000_000)
