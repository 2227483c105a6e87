#!/usr/bin/env bash
# Archive tests against real processes (see archive.py): a dossier with documents through to besluit,
# archived, sealed, packaged over HTTP and by the CLI, every MDTO sidecar validated against the
# Nationaal Archief's XSD (xmlschema from PyPI), every checksum and count of the pakbon and the
# seal's signature (openssl) and Merkle proof checked, then the transfer and a refused command.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_install_packages python3-venv openssl

export MDTO_XSD="$PWD/../shared/standards/mdto/MDTO-XML1.0.1.xsd"
[ -f "$MDTO_XSD" ] || { echo "archive: the MDTO XSD is not at $MDTO_XSD" >&2; exit 1; }
venv="${TOEDELING_ARCHIVE_VENV:-.build/archive-venv}"
if ! "$venv/bin/python" -c 'import xmlschema, cryptography' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "xmlschema>=3,<5" "cryptography>=42"
fi

toedeling_process_test archive
"$venv/bin/python" scripts/tests/archive.py "$@"
