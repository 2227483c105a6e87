#!/usr/bin/env bash
# Notification tests against real processes (see notifications.py): toedeling-server instances with
# a webhook receiver and an SMTP server (aiosmtpd, with STARTTLS) that the test starts. Uses a
# PostgreSQL cluster of its own and the binaries in TOEDELING_BIN_DIR (default: the debug build).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_install_packages python3-venv openssl

venv="${TOEDELING_SMTP_VENV:-.build/smtp-venv}"
if ! "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "aiosmtpd==1.4.6"
fi

toedeling_process_test notifications
work="$toedeling_process_work"

# A certificate for the SMTP server's STARTTLS, trusted by the server through TOEDELING_SMTP_CA.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" \
    -keyout "$work/smtp.key" -out "$work/smtp.crt" 2>/dev/null

export SMTP_CERT="$work/smtp.crt" SMTP_KEY="$work/smtp.key"
"$venv/bin/python" scripts/tests/notifications.py "$@"
