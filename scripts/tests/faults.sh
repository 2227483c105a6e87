#!/usr/bin/env bash
# Fault tests against real processes (see faults.py): kill -9 under load, a PostgreSQL restart under
# load, two server instances, export/import, broken uploads, a 1 GiB document. Uses a PostgreSQL
# cluster of its own (it restarts it) and the binaries in TOEDELING_BIN_DIR (default: the debug
# build scripts/test just made).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_process_test faults
python3 scripts/tests/faults.py "$@"
