#!/usr/bin/env bash
# Notification tests against real processes (see notifications.py): toedeling-server instances with
# a webhook receiver and an SMTP server (aiosmtpd, with STARTTLS) that the test starts. Uses a
# PostgreSQL cluster of its own and the binaries in TOEDELING_BIN_DIR (default: the debug build).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_install_packages python3-venv openssl

export TOEDELING_BIN_DIR="${TOEDELING_BIN_DIR:-$(swift build --show-bin-path)}"
for b in toedeling-server toedeling-admin; do
    [ -x "$TOEDELING_BIN_DIR/$b" ] || { echo "notifications: $TOEDELING_BIN_DIR/$b missing; run swift build first" >&2; exit 1; }
done
export TOEDELING_SCHEMA_DIR="$PWD/schema"

venv="${TOEDELING_SMTP_VENV:-.build/smtp-venv}"
if ! "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "aiosmtpd==1.4.6"
fi

work=$(mktemp -d /tmp/toedeling-notifications.XXXXXX)
chmod 755 "$work"
cleanup() { toedeling_pg_stop "$work/data"; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
port=$(toedeling_free_port)
toedeling_pg_start "$work/data" "$work/sock" "$port"

# A certificate for the SMTP server's STARTTLS, trusted by the server through TOEDELING_SMTP_CA.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" \
    -keyout "$work/smtp.key" -out "$work/smtp.crt" 2>/dev/null

export PG_BIN FAULTS_WORK="$work" FAULTS_PG_DATA="$work/data" FAULTS_PG_USER="$(toedeling_pg_user)"
export FAULTS_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
export SMTP_CERT="$work/smtp.crt" SMTP_KEY="$work/smtp.key"
"$venv/bin/python" scripts/tests/notifications.py "$@"
