#!/usr/bin/env bash
# Archive tests against real processes (see archive.py): a dossier with documents through to besluit,
# archived, packaged over HTTP and by the CLI, every MDTO sidecar validated against the Nationaal
# Archief's XSD (xmlschema from PyPI), every checksum and count of the pakbon checked, then the
# transfer and a refused command. Uses a PostgreSQL cluster of its own and the binaries in
# TOEDELING_BIN_DIR (default: the debug build).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_install_packages python3-venv openssl

export TOEDELING_BIN_DIR="${TOEDELING_BIN_DIR:-$(swift build --show-bin-path)}"
for b in toedeling-server toedeling-admin; do
    [ -x "$TOEDELING_BIN_DIR/$b" ] || { echo "archive: $TOEDELING_BIN_DIR/$b missing; run swift build first" >&2; exit 1; }
done
export TOEDELING_SCHEMA_DIR="$PWD/schema"
xsd="$PWD/../shared/standards/mdto/MDTO-XML1.0.1.xsd"
[ -f "$xsd" ] || { echo "archive: the MDTO XSD is not at $xsd" >&2; exit 1; }
export MDTO_XSD="$xsd"

venv="${TOEDELING_ARCHIVE_VENV:-.build/archive-venv}"
if ! "$venv/bin/python" -c 'import xmlschema' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "xmlschema>=3,<5"
fi

work=$(mktemp -d /tmp/toedeling-archive.XXXXXX)
chmod 755 "$work"
cleanup() { toedeling_pg_stop "$work/data"; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
port=$(toedeling_free_port)
toedeling_pg_start "$work/data" "$work/sock" "$port"

export PG_BIN FAULTS_WORK="$work" FAULTS_PG_DATA="$work/data" FAULTS_PG_USER="$(toedeling_pg_user)"
export FAULTS_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
"$venv/bin/python" scripts/tests/archive.py "$@"
