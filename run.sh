#!/usr/bin/env bash
# Sets everything up, then starts a practice call in the terminal (pick a scenario from the list).
#   ./run.sh                  choose a scenario
#   ./run.sh uk-estimated-bill
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/python -m simulator play "$@"
