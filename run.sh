#!/usr/bin/env bash
# Sets everything up, then starts the app on its embedded defaults (SQLite in ./data, the
# bundled models, the sample scenarios, demo accounts): open the address it prints.
# It listens on this machine only (127.0.0.1, from .streamlit/config.toml); to serve a network,
# say so: SIMULATOR_ADDRESS=0.0.0.0 ./run.sh (demo mode is then off unless SIMULATOR_DEMO=1).
# Extra arguments go to `streamlit run` (e.g. --server.port 8600); serve.py runs streamlit_app.py.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/python -m streamlit run serve.py ${SIMULATOR_ADDRESS:+--server.address "$SIMULATOR_ADDRESS"} "$@"
