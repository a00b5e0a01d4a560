"""`python -m simulator readiness`: the readiness export from the terminal, on a seeded SQLite file.

anna (kyiv-1): two good calls (about 90) 3 and 1 days before AS_OF: ready. bohdan (kyiv-2): one
good call: 1 of 2 calls. vira (no group): no calls. The mini scenario (estimated-bill) is the
only published one, so the only required category.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from simulator.cli import main
from simulator.store import SHELL, Store
from tests.conftest import MINI, ROOT
from tests.store.store_db import fast_passwords, make_user  # noqa: F401
from tests.store.test_store_repository import GOOD, played, record_call

AS_OF = dt.datetime.now(dt.timezone.utc).date() - dt.timedelta(days=10)


def before(days: int) -> dt.datetime:
    return dt.datetime.combine(AS_OF - dt.timedelta(days=days), dt.time(9), dt.timezone.utc)


@pytest.fixture
def database(tmp_path, mini, fast_passwords):  # noqa: F811
    url = f"sqlite:///{tmp_path / 'simulator.db'}"
    store = Store.open(url)
    try:
        make_user(store, "olena", role="hr", full_name="Олена")
        make_user(store, "taras", role="trainer")
        anna = make_user(store, "anna", group="kyiv-1", full_name="Анна Коваль")
        bohdan = make_user(store, "bohdan", group="kyiv-2", full_name="Богдан")
        make_user(store, "vira", full_name="Віра")
        version = store.scenario_version(mini, MINI, by=SHELL)
        for days in (3, 1):
            record_call(store, anna, version, played(mini, [GOOD]), when=before(days))
        record_call(store, bohdan, version, played(mini, [GOOD]), when=before(2))
    finally:
        store.close()
    return url


@pytest.fixture
def run(database, capsysbinary):
    """The command in-process: (exit code, stdout bytes, stderr text)."""

    def invoke(*argv, viewer: str | None = "olena"):
        args = ["readiness", *argv, "--database", database] + (["--as", viewer] if viewer else [])
        code = main(args)
        out, err = capsysbinary.readouterr()
        return code, out, err.decode("utf-8")

    return invoke


def test_csv_with_ukrainian_labels(run, tmp_path):
    target = tmp_path / "ready.csv"
    code, out, err = run("--format", "csv", "-o", str(target), "--as-of", AS_OF.isoformat())
    assert (code, err) == (0, "")
    assert out.decode() == f"записано {target} (csv): стажерів 3, готові 1 (33%) станом на {AS_OF}\n"
    table = pd.read_csv(target, sep=";", decimal=",", encoding="utf-8-sig").set_index("Логін")
    assert table["Готовий"].to_dict() == {"anna": "так", "bohdan": "ні", "vira": "ні"}
    assert table.loc["bohdan", "Чого бракує"] == "рахунок за середнім: 1 з 2 дзвінків"
    assert table.loc["vira", "Чого бракує"] == "рахунок за середнім: немає дзвінків"
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")       # the BOM Excel needs to read UTF-8


def test_xlsx_of_one_group_with_english_labels(run, tmp_path, mini):
    target = tmp_path / "ready.xlsx"
    code, out, _ = run("--format", "xlsx", "-o", str(target), "--as-of", AS_OF.strftime("%d.%m.%Y"), "--group", "kyiv-1",
                       "--labels", "en")
    assert code == 0 and b"1 trainees, 1 ready (100%)" in out
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Trainees", "Categories", "Calls"]
    trainees = list(book["Trainees"].values)
    assert trainees[0][:4] == ("Username", "Full name", "Group", "Ready")
    assert [row[:4] for row in trainees[1:]] == [("anna", "Анна Коваль", "kyiv-1", "yes")]
    categories = list(book["Categories"].values)
    good = round(played(mini, [GOOD]).scorecard().overall, 1)     # 90.2 on CI, 90.3 on another machine, the same code
    assert categories[1][3:6] == ("estimated bill", 2, good)
    assert len(list(book["Calls"].values)) == 1 + 2


def test_the_format_follows_the_file_name_and_the_filters_count(run, tmp_path):
    target = tmp_path / "ready.xlsx"
    assert run("-o", str(target), "--as-of", AS_OF.isoformat())[0] == 0
    assert openpyxl.load_workbook(target).sheetnames == ["Стажери", "Теми", "Дзвінки"]
    # English scenarios only: no calls count; two days earlier: anna has one call
    assert b"3 trainees, 0 ready" in run("-o", str(tmp_path / "en.csv"), "--as-of", AS_OF.isoformat(), "--language", "en",
                                         "--labels", "en")[1]
    earlier = (AS_OF - dt.timedelta(days=2)).isoformat()
    assert b"3 trainees, 0 ready" in run("-o", str(tmp_path / "early.csv"), "--as-of", earlier, "--labels", "en")[1]


def test_the_default_account_is_the_operating_system_login(run, tmp_path, monkeypatch):
    monkeypatch.setenv("LOGNAME", "olena")
    assert run("-o", str(tmp_path / "r.csv"), viewer=None)[0] == 0
    monkeypatch.setenv("LOGNAME", "nobody-here")
    code, _, err = run("-o", str(tmp_path / "r.csv"), viewer=None)
    assert code == 2 and err == ("error: користувача «nobody-here» немає: дайте --as ІМ'Я активного облікового запису HR "
                                 "або адміністратора\n")


@pytest.mark.parametrize(("argv", "viewer", "message"), [
    (("--group", "kyiv-9"), "olena", "error: групи «kyiv-9» немає (групи: kyiv-1, kyiv-2)\n"),
    (("--as-of", "2999-01-01"), "olena", "error: --as-of 2999-01-01 — це майбутнє"),
    ((), "anna", "error: «anna» — не активний обліковий запис HR або адміністратора (trainee)\n"),
    (("--labels", "en"), "taras", "error: 'taras' is not an active HR or admin account (trainer)\n"),
])
def test_clear_errors(run, tmp_path, argv, viewer, message):
    code, out, err = run("-o", str(tmp_path / "r.csv"), *argv, viewer=viewer)
    assert code == 2 and out == b"" and err.startswith(message)
    assert not (tmp_path / "r.csv").exists()


def test_an_unwritable_path(run, tmp_path):
    code, _, err = run("-o", str(tmp_path / "no-such-folder" / "r.csv"))
    assert code == 2 and err.startswith(f"error: не вдалося записати {tmp_path / 'no-such-folder' / 'r.csv'}: No such file")


@pytest.mark.parametrize(("argv", "message"), [
    (("--as-of", "31/03/2026"), "argument --as-of: '31/03/2026' is not a date: use YYYY-MM-DD or DD.MM.YYYY"),
    (("--format", "pdf"), "argument --format: invalid choice: 'pdf'"),
    (("--labels", "de"), "argument --labels: invalid choice: 'de'"),
])
def test_bad_arguments_are_refused_by_the_parser(tmp_path, capsys, no_settings, argv, message):
    no_settings.setenv("SIMULATOR_CLI_LANGUAGE", "en")
    with pytest.raises(SystemExit) as stopped:
        main(["readiness", "-o", str(tmp_path / "r.csv"), *argv])
    assert stopped.value.code == 2 and message in capsys.readouterr().err


def test_a_bad_date_is_refused_in_the_command_lines_language(tmp_path, capsys, no_settings):
    with pytest.raises(SystemExit) as stopped:       # Ukrainian by default
        main(["readiness", "-o", str(tmp_path / "r.csv"), "--as-of", "31/03/2026"])
    assert stopped.value.code == 2 and "«31/03/2026» — не дата: пишіть РРРР-ММ-ДД або ДД.ММ.РРРР" in capsys.readouterr().err


def test_no_required_category_says_why(tmp_path, capsys, fast_passwords):  # noqa: F811
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    store = Store.open(url)
    make_user(store, "olena", role="hr")
    store.close()
    code = main(["readiness", "-o", str(tmp_path / "r.csv"), "--database", url, "--as", "olena"])
    assert code == 2 and not (tmp_path / "r.csv").exists()
    assert capsys.readouterr().err.startswith("error: no required categories: no scenario is published")


def test_to_standard_output_as_a_user_runs_it(database):
    """The contract, in a process of its own: CSV on stdout, the summary on stderr."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), LOGNAME="olena")
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-m", "simulator", "readiness", "--format", "csv", "-o", "-", "--labels", "en",
                             "--as-of", AS_OF.isoformat(), "--database", database],
                            capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(io.BytesIO(result.stdout), encoding="utf-8-sig")
    assert list(table["Username"]) == ["anna", "bohdan", "vira"] and list(table["Ready"]) == ["yes", "no", "no"]
    assert result.stderr.decode().strip() == f"wrote standard output (csv): 3 trainees, 1 ready (33%) as of {AS_OF}"


def test_help_names_every_option():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "simulator", "readiness", "--help"], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0
    for option in ("--format {csv,xlsx}", "-o FILE", "--as-of DATE", "--group", "--language {uk,en}", "--labels {uk,en}",
                   "--database URL", "--as USERNAME"):
        assert option in result.stdout, option
