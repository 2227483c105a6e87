#!/usr/bin/env bash
# Destruction and erasure (issue "Destruction and erasure") against real processes: a
# vernietigingslijst proposed with the CLI and approved over HTTP while the server is killed -9 in
# the middle (every dossier all or nothing), finished after a restart; an account and a token holder
# forgotten; then `verify`, a plain pg_dump of the whole database and the webhooks received are
# searched for every destroyed text, document byte and erased name. See destruction.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_process_test destruction
python3 scripts/tests/destruction.py "$@"
