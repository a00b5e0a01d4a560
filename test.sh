#!/usr/bin/env bash
# Sets everything up (system packages, .venv, test tools) and runs the whole test suite in two
# processes (pytest-xdist). Arguments go to pytest:
#   ./test.sh -m unit        the inner loop, under 2 minutes: no database, voice, app or browser
#   ./test.sh tests/ui -x    one folder;  ./test.sh -n 0 ...  in one process
# The tiers and the layers they check: docs/architecture.md.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --dev
exec .venv/bin/python -m pytest -n 2 "$@"
