"""`python -m simulator users ...`, through register() on a parser of our own (in English
with ``--labels en``; Ukrainian, the default, at the end)."""
from __future__ import annotations

import argparse
import io

import pytest

from simulator.cli import users as cli_users
from simulator.store import Store, auth
from tests.store.store_db import fast_passwords  # noqa: F401


@pytest.fixture
def run(tmp_path, capsys, monkeypatch, fast_passwords):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    parser = argparse.ArgumentParser(prog="python -m simulator")
    cli_users.register(parser.add_subparsers())

    def invoke(*argv, stdin="", language="en"):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        args = parser.parse_args(list(argv) + ([] if argv[1:] == () else ["--database", url, "--labels", language]))
        code = args.handler(args)
        out, err = capsys.readouterr()
        return code, out, err

    invoke.url = url
    return invoke


def test_add_list_reset_and_deactivate(run):
    code, out, err = run("users", "add", "Tetiana", "--role", "trainer", "--full-name", "Tetiana Bondar", "--password", "trainer-pass-1")
    assert (code, out, err) == (0, "created trainer tetiana\n", "")
    code, out, _ = run("users", "add", "anna", "--role", "trainee", "--group", "kyiv-1", stdin="anna-pass-123\n")
    assert code == 0
    code, out, _ = run("users", "list")
    assert code == 0 and out.splitlines()[0].split()[:3] == ["anna", "trainee", "kyiv-1"] and "Tetiana Bondar" in out
    code, out, _ = run("users", "list", "--role", "trainer", "--json")
    assert code == 0 and '"username": "tetiana"' in out and "anna" not in out

    code, _, err = run("users", "add", "anna", "--role", "trainee", "--password", "whatever-123")
    assert code == 2 and err == "error: The username “anna” is already taken.\n"
    code, _, err = run("users", "add", "zoya", "--role", "trainee", "--password", "short")
    assert code == 2 and err == "error: The password is too short: at least 8 characters.\n"
    code, _, err = run("users", "reset-password", "nobody", "--password", "whatever-123")
    assert code == 2 and err == "error: no user 'nobody'\n"

    code, out, _ = run("users", "reset-password", "anna", stdin="new-anna-pass\n")
    assert (code, out) == (0, "password of anna changed\n")
    store = Store.open(run.url)
    try:
        assert auth.authenticate(store, "anna", "new-anna-pass").username == "anna"
    finally:
        store.close()
    code, _, err = run("users", "reset-password", "anna")
    assert code == 2 and err.startswith("error: no password given")
    assert run("users", "deactivate", "anna")[:2] == (0, "deactivated anna\n")
    assert "anna" not in run("users", "list")[1]
    assert "(deactivated)" in run("users", "list", "--all")[1]


def test_import_creates_good_lines_and_reports_bad_ones(run, tmp_path):
    csv_file = tmp_path / "group.csv"
    csv_file.write_text("username,full_name,group\nmaria,Maria S,kyiv-1\nbad name,X,kyiv-1\n", encoding="utf-8")
    code, out, err = run("users", "import", str(csv_file))
    assert code == 2
    assert out.startswith(f"{csv_file}:2: created maria, first password: ")
    assert f"{csv_file}:3: “bad name” is not a valid username" in err
    assert err.splitlines()[-1] == "1 created, 1 failed"
    store = Store.open(run.url)
    assert store.user_by_username("maria").must_change_password     # a first password handed over: replaced at log-in
    store.close()
    code, _, err = run("users", "import", str(tmp_path / "missing.csv"))
    assert code == 2 and err.startswith("error: cannot read") and len(err.splitlines()) == 1


def test_without_a_command_it_prints_help_and_a_broken_database_is_exit_1(run, tmp_path):
    code, _, err = run("users")
    assert code == 2 and "reset-password" in err
    parser = argparse.ArgumentParser()
    cli_users.register(parser.add_subparsers())
    args = parser.parse_args(["users", "list", "--database", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
    assert args.handler(args) == 1


def test_unlock_lifts_the_waits_of_an_account(run):
    run("users", "add", "petro", "--role", "trainee", "--password", "petro-pass-123")
    store = Store.open(run.url)
    try:
        for _ in range(3):
            with pytest.raises(auth.AuthError):
                auth.authenticate(store, "petro", "wrong", source="203.0.113.9")
        with pytest.raises(auth.AuthError, match="too many failed logins"):
            auth.authenticate(store, "petro", "petro-pass-123", source="203.0.113.9")
        assert run("users", "unlock", "Petro")[:2] == (0, "1 wait(s) lifted for petro\n")
        assert auth.authenticate(store, "petro", "petro-pass-123", source="203.0.113.9").username == "petro"
        assert run("users", "unlock", "nobody")[::2] == (2, "error: no user 'nobody'\n")
    finally:
        store.close()


def test_the_commands_speak_ukrainian_by_default_and_english_when_asked(run, capsys):
    sql = "x'); DROP TABLE users; --"
    code, _, err = run("users", "add", sql, "--role", "trainee", "--password", "whatever-123", language="uk")
    assert code == 2 and err.startswith(f"error: «{sql}» не годиться як ім'я користувача")
    code, _, err = run("users", "add", sql, "--role", "trainee", "--password", "whatever-123")
    assert code == 2 and err.startswith(f"error: “{sql}” is not a valid username")
    assert run("users", "deactivate", "nobody", language="uk")[::2] == (2, "error: користувача «nobody» немає\n")
    code, out, _ = run("users", "add", "olena", "--role", "trainee", "--password", "olena-pass-123", language="uk")
    assert (code, out) == (0, "створено: olena (trainee)\n")
    code, _, err = run("users", "add", "olena", "--role", "trainee", "--password", "olena-pass-123", language="uk")
    assert (code, err) == (2, "error: Ім'я користувача «olena» уже зайняте.\n")     # as the app says it

    parser = argparse.ArgumentParser()
    cli_users.register(parser.add_subparsers())
    for language, words in (("uk", "error: проблема з базою даних: "), ("en", "error: database problem: ")):
        args = parser.parse_args(["users", "list", "--database", "postgresql+psycopg://nobody@127.0.0.1:1/none",
                                  *(["--labels", language] if language == "en" else [])])
        assert args.handler(args) == 1
        assert capsys.readouterr().err.startswith(words)
