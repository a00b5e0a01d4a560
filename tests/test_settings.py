"""The one settings object (simulator.settings): every variable read in one place, typed, with
its default; read once and again only when the environment changes; paths follow the data
folder unless set; a bad value names the setting; docs/deployment.md's table lists them all."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator import settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def bare(no_settings):
    return no_settings


def test_every_folder_follows_the_data_folder_unless_set(bare, tmp_path):
    chosen = settings.current()
    assert (chosen.data_dir, chosen.audio_dir, chosen.model_dir, chosen.tts_cache) == (
        Path("data"), Path("data/audio"), Path("data/models"), Path("data/cache/tts"))
    assert chosen.scenarios == Path("scenarios") and chosen.log_file is None
    bare.setenv("SIMULATOR_DATA_DIR", str(tmp_path / "site"))
    chosen = settings.current()
    assert (chosen.audio_dir, chosen.model_dir, chosen.tts_cache) == (
        tmp_path / "site" / "audio", tmp_path / "site" / "models", tmp_path / "site" / "cache" / "tts")
    bare.setenv("SIMULATOR_MODEL_DIR", str(tmp_path / "models"))
    assert settings.current().model_dir == tmp_path / "models"
    assert settings.current().audio_dir == tmp_path / "site" / "audio"


def test_read_once_and_again_only_when_a_variable_changes(bare):
    first = settings.current()
    assert settings.current() is first
    bare.setenv("SIMULATOR_STALE_HOURS", "6")
    changed = settings.current()
    assert changed is not first and changed.stale_hours == 6.0
    assert settings.current() is changed
    bare.setenv("SOMETHING_ELSE", "1")           # not a setting: nothing read again
    assert settings.current() is changed
    settings.reset()
    assert settings.current() is not changed and settings.current().stale_hours == 6.0


def test_values_are_typed_and_empty_means_unset(bare):
    bare.setenv("SIMULATOR_ASR_PARALLEL", "2")
    bare.setenv("SIMULATOR_TTS_STRESS", " On ")
    bare.setenv("SIMULATOR_ASR_WINDOW", "Speech")
    bare.setenv("SIMULATOR_AUDIT_RETENTION_DAYS", "")
    chosen = settings.current()
    assert (chosen.asr_parallel, chosen.tts_stress, chosen.asr_window, chosen.audit_retention_days) == (2, True, "speech", 730)


@pytest.mark.parametrize(("name", "value", "kind", "message"), [
    ("SIMULATOR_AUDIO_RETENTION_DAYS", "a week", "days", "a whole number of days, 0 or more"),
    ("SIMULATOR_AUDIT_RETENTION_DAYS", "-1", "days", "a whole number of days, 0 or more"),
    ("SIMULATOR_SESSION_IDLE_MINUTES", "0", "positive", "a number above 0"),
    ("SIMULATOR_ASR_TIMEOUT", "soon", "positive", "a number above 0"),
    ("SIMULATOR_ASR_PARALLEL", "0", "count", "a whole number, 1 or more"),
    ("SIMULATOR_ASR_MAX_QUEUE", "-2", "size", "a whole number, 0 or more"),
    ("SIMULATOR_ASR_WINDOW", "tiny", "choice", "one of auto, full, speech (in any case)"),
    ("SIMULATOR_LOG_LEVEL", "loud", "choice", "one of debug, info, warning, error (in any case)"),
    ("SIMULATOR_TTS_STRESS", "maybe", "choice", "one of 1, true, on, yes, 0, false, off, no (in any case)"),
])
def test_a_value_that_means_nothing_names_the_setting_and_what_would_do(bare, name, value, kind, message):
    bare.setenv(name, value)
    with pytest.raises(settings.SettingError) as refused:
        settings.check()
    assert (refused.value.name, refused.value.value, refused.value.kind) == (name, value, kind)
    assert str(refused.value) == f"{name} must be {message}, not {value!r}"
    bare.delenv(name)
    settings.check()                              # fixed: read again, and fine


def test_secrets_stay_out_of_the_printed_settings(bare):
    bare.setenv("DATABASE_URL", "postgresql://simulator:s3cret@db/simulator")
    bare.setenv("SIMULATOR_ASR_API_KEY", "k3y")
    shown = repr(settings.current())
    assert "s3cret" not in shown and "k3y" not in shown
    assert settings.current().asr_api_key == "k3y"


def test_the_deployment_table_lists_every_setting_and_nothing_else():
    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    table = text.split("## Settings", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([A-Z_]+)`", table, flags=re.M))
    shell_only = {"SIMULATOR_ADDRESS"}          # read by run.sh, not by the Python code
    assert listed == set(settings.NAMES) | shell_only


def test_no_module_reads_the_environment_but_the_settings():
    readers = []
    for path in (ROOT / "simulator").rglob("*.py"):
        if path.name == "settings.py" and path.parent.name == "simulator":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"os\.(environ\.get|getenv)\(|os\.environ\[['\"][A-Z]", line) and "SIMULATOR_" in line or (
                    "DATABASE_URL" in line and "environ" in line):
                readers.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    # a worker process sets its own (it must not start workers of its own); nothing reads one there
    assert readers == ['simulator/voice/worker_pool.py:62: os.environ["SIMULATOR_ASR_WORKERS"] = "0"'], readers
