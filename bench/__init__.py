"""Benchmarks: they print figures (and ratios against an alternative), they assert nothing."""
from __future__ import annotations

from pathlib import Path


def run_all(quick: bool = False, scenarios: Path = Path("scenarios")) -> dict:
    from . import core, first_reply

    figures = {"core": core.run(quick=quick, scenarios=scenarios)}
    figures["first_reply"] = first_reply.run(quick=quick, scenarios=scenarios)
    try:
        from . import voice
    except ImportError as exc:  # the voice extra is missing on this machine
        print(f"voice benchmark skipped: {exc}")
    else:
        figures["voice"] = voice.run(quick=quick)
        from . import hearing

        figures["hearing"] = hearing.run(quick=quick, scenarios=scenarios)
        from . import turns

        figures["turns"] = turns.run(quick=quick, scenarios=scenarios)
        from . import asr_servers

        figures["asr_servers"] = asr_servers.run(quick=quick)
        from . import app

        figures["app"] = app.run(quick=quick)
    from . import dashboard

    figures["dashboard"] = dashboard.run(quick=quick, scenarios=scenarios)
    return figures
