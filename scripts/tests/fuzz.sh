#!/usr/bin/env bash
# Schemathesis (PyPI, 4.32.x) with every check against a running toedeling-server and the OpenAPI
# document it serves, as a coordinator and as a koepel: no server error, no undocumented status,
# no accepted violation of the document, and no valid request refused beyond the exceptions listed
# (with their reasons) in schemathesis.toml. A fixed seed (TOEDELING_FUZZ_SEED) and a number of
# examples per operation (TOEDELING_FUZZ_EXAMPLES) instead of a time budget: the same cases on
# every machine, so a finding reproduces. Uses DATABASE_URL's server (scripts/test's cluster) for
# a database of its own, and the binaries in TOEDELING_BIN_DIR (default: the debug build). One worker:
# with several, Python 3.11.7 fails in ast.parse inside hypothesis (a CPython bug, not ours).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
: "${DATABASE_URL:?fuzz.sh needs DATABASE_URL (scripts/test sets it)}"

bin="${TOEDELING_BIN_DIR:-$(swift build --show-bin-path)}"
venv="${TOEDELING_FUZZ_VENV:-.build/fuzz-venv}"
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "version 4\.32\."; then
    python3 -m venv "$venv" 2>/dev/null || {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv "$venv"
    }
    "$venv/bin/pip" install -q "schemathesis>=4.32,<4.33"
fi

work=$(mktemp -d /tmp/toedeling-fuzz.XXXXXX)
export TOEDELING_SCHEMA_DIR="$PWD/schema"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    toedeling_scratch_drop
    rm -rf "$work"
}
trap cleanup EXIT
toedeling_scratch_database fuzz
"$bin/toedeling-admin" migrate >/dev/null
coordinator=$("$bin/toedeling-admin" token create --rol coordinator --naam "Fuzz coördinator")
koepel=$("$bin/toedeling-admin" token create --rol koepel --koepel VNG --naam "Fuzz VNG")

port=$(toedeling_free_port)
# Private webhook targets allowed: whether a generated host name resolves to a public address is a
# fact of the network, not of the request, so the fuzzer could not tell a valid subscription.
TOEDELING_WEBHOOK_ALLOW_PRIVATE=1 TOEDELING_PORT=$port TOEDELING_LOG_LEVEL=error "$bin/toedeling-server" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.1
done

examples="${TOEDELING_FUZZ_EXAMPLES:-50}"
status=0
for who in coordinator koepel; do
    token=${!who}
    echo "schemathesis as $who, $examples examples per operation" >&2
    timeout 900 "$venv/bin/schemathesis" --config-file scripts/tests/schemathesis.toml --no-color run "http://127.0.0.1:$port/v1/openapi.json" \
        --url "http://127.0.0.1:$port" -H "Authorization: Bearer $token" --checks all --max-examples "$examples" \
        --workers 1 --request-timeout 10 --seed "${TOEDELING_FUZZ_SEED:-20261201}" >"$work/$who.log" 2>&1 || status=$?
    tail -n 25 "$work/$who.log" >&2
    if [ "$status" -ne 0 ]; then
        cat "$work/$who.log" >&2
        break
    fi
done
kill -0 "$server_pid" 2>/dev/null || { echo "fuzz: the server process ended" >&2; status=1; }
exit "$status"
