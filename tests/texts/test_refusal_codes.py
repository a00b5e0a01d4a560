"""Every refusal the store (and the readiness rules) can raise carries a code, and every code has
its words in Ukrainian and English with the values the refusal quotes (simulator.refusal,
simulator/texts/refusals.py). Read from the source, so a new raise site with a code and no
label fails here, before any user meets its English."""
from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from simulator.refusal import RefusedText, RefusedValue
from simulator.texts import refusals
from simulator.texts.labels import EN, UK, Labels
from simulator.user_text import TooLong

ROOT = Path(__file__).resolve().parents[2] / "simulator"
SOURCES = sorted((ROOT / "store").glob("*.py")) + [ROOT / "reports" / "readiness.py"]
# the kinds raised with a code (simulator.refusal, store/errors.py, store/calibration.py)
REFUSALS = {"RefusedValue", "RefusedPermission", "NotFound", "AttemptClosed", "SetClosed", "AlreadyRated", "GateClosed"}
# plain exceptions the store may still raise: a caller's mistake, never a user's (no words needed)
INTERNAL = {
    ("audio_files.py", "audio extension must be one of"), ("audio_files.py", "not an audio key"),
    ("audit.py", "unknown audit action '"), ("models.py", "give times as timezone-aware datetimes"),
    ("repository.py", "needs its scorecard"), ("voice_checks.py", "verdict must be one of"),
    ("voice_checks.py", "a voice check has sentences"),
}


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _sites():
    """(file:line, code, the names of the values it quotes or None when given inside a helper)."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            code = next((k.value for k in node.keywords if k.arg == "code"), None)
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                callee = _name(node.func)
                names = {k.arg for k in node.keywords if k.arg not in (None, "code")}
                yield f"{path.name}:{node.lineno}", code.value, names if callee in REFUSALS else {"given"} if callee == "_choice" else None


SITES = list(_sites())


def _placeholders(text: str) -> set[str]:
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_code_raised_has_a_label_in_both_languages_with_the_values_it_quotes():
    assert len({code for _, code, _ in SITES}) > 40
    for where, code, names in SITES:
        assert code in refusals.SAID, f"{where}: the code {code!r} has no label in simulator/texts/refusals.py SAID"
        key = refusals.SAID[code]
        assert key in UK and key in EN, f"{where}: {code!r} -> {key!r}, a label missing in uk or en"
        assert _placeholders(UK[key]) == _placeholders(EN[key]), (where, key)
        if names is not None:
            assert _placeholders(UK[key]) <= names, f"{where}: {key!r} needs {_placeholders(UK[key]) - names}"


def test_the_table_holds_no_code_that_nothing_raises():
    raised = {code for _, code, _ in SITES} | {TooLong("reply", 1, 2).code, TooLong("scenario", 1, 2, "bytes").code}
    assert set(refusals.SAID) == raised


def test_every_refusal_the_store_raises_carries_a_code():
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            callee = _name(node.exc.func)
            where = f"{path.name}:{node.lineno}"
            if callee in REFUSALS:
                assert any(k.arg == "code" for k in node.exc.keywords), f"{where}: {callee} without a code"
            elif callee in ("ValueError", "PermissionError", "LookupError"):
                said = ast.unparse(node.exc.args[0]) if node.exc.args else ""
                assert any(path.name == file and part in said for file, part in INTERNAL) \
                    or path.name == "readiness.py", f"{where}: a plain {callee}: raise a refusal with a code"


@pytest.mark.parametrize("language", ["uk", "en"])
def test_each_code_is_said_by_its_code_not_by_its_english(language):
    tr = Labels(language)
    for code, key in refusals.SAID.items():
        if code in ("too_long", "too_big"):
            continue
        values = {name: 7 for name in _placeholders(UK[key])}
        refusal = RefusedValue("words the interface never reads", code=code, **values)
        said = refusals.message(refusal, tr)
        assert said == tr(key, **{name: "7" for name in values}) and said != tr("refused_other"), code
        assert refusals.message(RefusedText(refusal), tr) == said


def test_over_a_limit_names_the_field_and_a_refusal_without_a_code_is_general():
    assert TooLong("comment", 2000, 2250).code == "too_long"
    assert refusals.message(TooLong("comment", 2000, 2250), Labels("en")) == \
        "“Comment” is too long (2,250 characters, at most 2,000). Please shorten it."
    assert refusals.known(RefusedValue("the username 'x' is already taken"), Labels("uk")) is None
    assert refusals.known(ValueError("the username 'x' is already taken"), Labels("uk")) is None
