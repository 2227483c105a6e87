#!/usr/bin/env bash
# Fault tests against real processes (see faults.py): kill -9 under load, a PostgreSQL restart under
# load, two server instances, export/import. Uses a PostgreSQL cluster of its own (it restarts it)
# and the binaries in TOEDELING_BIN_DIR (default: the debug build scripts/test just made).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites

export TOEDELING_BIN_DIR="${TOEDELING_BIN_DIR:-$(swift build --show-bin-path)}"
for b in toedeling-server toedeling-admin; do
    [ -x "$TOEDELING_BIN_DIR/$b" ] || { echo "faults: $TOEDELING_BIN_DIR/$b missing; run swift build first" >&2; exit 1; }
done
export TOEDELING_SCHEMA_DIR="$PWD/schema"

work=$(mktemp -d /tmp/toedeling-faults.XXXXXX)
chmod 755 "$work"
cleanup() { toedeling_pg_stop "$work/data"; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
port=$(toedeling_free_port)
toedeling_pg_start "$work/data" "$work/sock" "$port"

export PG_BIN FAULTS_WORK="$work" FAULTS_PG_DATA="$work/data" FAULTS_PG_USER="$(toedeling_pg_user)"
export FAULTS_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
python3 scripts/tests/faults.py "$@"
