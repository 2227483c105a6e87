#!/usr/bin/env bash
# HTTP connection hygiene (issue "High availability"): idle and header-read timeout and the
# connection limit against a real server, with 2,000 idle and 500 slowloris connections at once.
# See connections.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_process_test connections
python3 scripts/tests/connections.py "$@"
