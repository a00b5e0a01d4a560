#!/usr/bin/env bash
# Sets everything up, then starts the app on its embedded defaults (SQLite in ./data, the
# bundled models, the sample scenarios, demo accounts): open the address it prints.
# Extra arguments go to `streamlit run` (e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/python -m streamlit run streamlit_app.py "$@"
