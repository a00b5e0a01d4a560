"""Settings that must mean something: a value that does not is refused when the app or a
command starts (:func:`check`), with a message naming the setting and the values it may take,
rather than read one way here and another way there. Other settings are read where they are used.
"""
from __future__ import annotations

import os

ON = ("1", "true", "on", "yes")
OFF = ("0", "false", "off", "no")
DEMO = "SIMULATOR_DEMO"         # simulator.store.demo


class SettingError(ValueError):
    """A setting whose value means nothing: ``name``, the ``value`` given, and the values it may
    take (``allowed``, comma-separated, in any case)."""

    def __init__(self, name: str, value: str, allowed: str):
        self.name, self.value, self.allowed = name, value, allowed
        super().__init__(f"{name} must be one of {allowed} (in any case), not {value!r}")


def switch(name: str) -> bool | None:
    """An on/off setting: True for 1, true, on or yes; False for 0, false, off or no (any case,
    spaces around ignored); None when it is not set or empty; SettingError for anything else."""
    value = os.environ.get(name, "")
    word = value.strip().lower()
    if not word:
        return None
    if word not in ON + OFF:
        raise SettingError(name, value, ", ".join(ON + OFF))
    return word in ON


def days(name: str, default: int) -> int:
    """A number of days (a retention period): ``default`` when not set or empty, 0 for ever;
    ValueError naming the setting for anything but a whole, non-negative number."""
    value = os.environ.get(name, "").strip()
    try:
        count = int(value) if value else default
    except ValueError:
        raise ValueError(f"{name} must be a whole number of days, not {value!r}") from None
    if count < 0:
        raise ValueError(f"{name} must not be negative")
    return count


def check() -> None:
    """SettingError for a setting that means nothing; the app and every command run this first."""
    switch(DEMO)
