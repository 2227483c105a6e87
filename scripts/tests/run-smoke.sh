#!/usr/bin/env bash
# Smoke test of scripts/run, run by scripts/test after the Swift tests with DATABASE_URL set to a
# throwaway cluster. In a database of its own it starts scripts/run in the background on a free
# port (a release build happens on the first start), waits for GET /health to answer 200
# {"status":"ok"}, checks that the coordinator token scripts/run created and printed is accepted,
# that --demo loaded the demo dossiers and that loading them again adds none, then stops it with
# SIGINT and checks that it exited 0 and left no process behind. A second start must reuse the
# token (created on the first start only). Everything it started is removed, also on failure.
#
# scripts/run is given the binaries scripts/test built already (TOEDELING_BIN_DIR, the debug build),
# so the suite builds once: a clean release build took 15–20 minutes of CI's time on the 2-core
# machine for the same behaviour. TOEDELING_RUN_SMOKE_RELEASE=1 lets scripts/run make its own
# release build, as a user's first start does.
#
# Environment: TOEDELING_SKIP_RUN_SMOKE=1 skips the test; TOEDELING_RUN_SMOKE_TIMEOUT (seconds,
# default 2400: enough for a clean release build) bounds the wait for the first /health; TOEDELING_RUN_SMOKE_DEMO=0 leaves out --demo.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${TOEDELING_SKIP_RUN_SMOKE:-}" = 1 ]; then
    echo "run-smoke: skipped (TOEDELING_SKIP_RUN_SMOKE=1)"
    exit 0
fi
[ -n "${DATABASE_URL:-}" ] || { echo "run-smoke: needs DATABASE_URL (scripts/test sets it)" >&2; exit 1; }

. scripts/lib/pg.sh
toedeling_install_prerequisites

timeout_s="${TOEDELING_RUN_SMOKE_TIMEOUT:-2400}"
bin_dir=""
if [ "${TOEDELING_RUN_SMOKE_RELEASE:-}" != 1 ]; then
    bin_dir="${TOEDELING_BIN_DIR:-$(swift build --show-bin-path)}"
fi
with_demo="${TOEDELING_RUN_SMOKE_DEMO:-1}"
work=$(mktemp -d /tmp/toedeling-run-smoke.XXXXXX)
db="toedeling_run_smoke_$$"
admin_url="$DATABASE_URL"
run_pid=""
log=""

say() { echo "run-smoke: $*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

# Stops a scripts/run that is still going (its whole process group), shows its log when the test
# failed, drops the test database and removes the work directory.
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
    local status=$? waited=0
    trap - EXIT INT TERM
    if [ -n "$run_pid" ] && kill -0 "$run_pid" 2>/dev/null; then
        kill -TERM -- "-$run_pid" 2>/dev/null || true
        while kill -0 "$run_pid" 2>/dev/null && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
        kill -KILL -- "-$run_pid" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ] && [ -n "$log" ] && [ -f "$log" ]; then
        say "last lines of $log:"
        tail -n 60 "$log" >&2
    fi
    "$PG_BIN/psql" -X -q "$admin_url" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$PG_BIN/psql" -X -q "$admin_url" -c "CREATE DATABASE $db" >/dev/null
smoke_url=$(python3 - "$admin_url" "$db" <<'EOF'
import sys, urllib.parse
url, db = sys.argv[1], sys.argv[2]
parts = urllib.parse.urlsplit(url)
if parts.scheme in ("postgres", "postgresql"):
    print(urllib.parse.urlunsplit(parts._replace(path="/" + db)))
else:
    print(f"{url} dbname={db}")
EOF
)
port=$(toedeling_free_port)
base="http://127.0.0.1:$port"
token_file="$work/coordinator-token"

# start_run LOGFILE [ARGS]: starts scripts/run in its own process group (so SIGINT is not ignored
# and the whole group can be stopped) against the test database.
start_run() {
    log="$1"; shift
    set -m
    DATABASE_URL="$smoke_url" TOEDELING_HOSTNAME=127.0.0.1 TOEDELING_PORT="$port" TOEDELING_BIN_DIR="$bin_dir" \
        TOEDELING_TOKEN_FILE="$token_file" scripts/run "$@" >"$log" 2>&1 </dev/null &
    run_pid=$!
    set +m
}

# wait_ready SECONDS: waits until /health answers 200 {"status":"ok"} and scripts/run has printed
# its banner (after the token and the demo); fails when scripts/run ends first or time runs out.
wait_ready() {
    local deadline=$((SECONDS + $1)) code
    while :; do
        if ! kill -0 "$run_pid" 2>/dev/null; then
            local status=0
            wait "$run_pid" || status=$?
            run_pid=""
            fail "scripts/run ended with status $status before it was ready"
        fi
        code=$(curl -s -o "$work/health" -w '%{http_code}' --max-time 2 "$base/health" 2>/dev/null || true)
        if [ "$code" = 200 ] && grep -q "Toedeling serves on" "$log"; then
            python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])) != {"status": "ok"})' "$work/health" \
                || fail "/health answered 200 but not {\"status\":\"ok\"}: $(cat "$work/health")"
            return 0
        fi
        [ "$SECONDS" -lt "$deadline" ] || fail "scripts/run was not ready within $1 s (last /health status: $code)"
        sleep 1
    done
}

# stop_run: SIGINT to scripts/run only (as Ctrl-C would be handled), then expects exit status 0
# within 60 s and no process of its group left.
stop_run() {
    local status=0 pgid="$run_pid"
    kill -INT "$run_pid"
    # wait (not kill -0, which a finished but unreaped process still answers) for its exit; a
    # watchdog ends the group after 60 s, which the status then shows.
    ( sleep 60; kill -KILL -- "-$pgid" 2>/dev/null ) &
    local watchdog=$!
    wait "$run_pid" || status=$?
    kill "$watchdog" 2>/dev/null || true
    wait "$watchdog" 2>/dev/null || true
    [ "$status" -ne 137 ] || fail "scripts/run did not stop within 60 s of SIGINT"
    run_pid=""
    [ "$status" -eq 0 ] || fail "scripts/run exited with status $status after SIGINT (expected 0)"
    sleep 0.5
    if pgrep -g "$pgid" >/dev/null; then
        fail "processes left after scripts/run stopped: $(pgrep -a -g "$pgid" | tr '\n' ';')"
    fi
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health" || true)" = 000 ] \
        || fail "something still answers on $base after scripts/run stopped"
}

# get_status PATH [TOKEN]: the HTTP status of GET PATH, with the bearer token when given.
get_status() {
    if [ -n "${2:-}" ]; then
        curl -s -o "$work/body" -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $2" "$base$1" || true
    else
        curl -s -o "$work/body" -w '%{http_code}' --max-time 10 "$base$1" || true
    fi
}

dossier_count() {
    [ "$(get_status "/v1/dossiers?pageSize=100" "$1")" = 200 ] || fail "GET /v1/dossiers: $(cat "$work/body")"
    python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["resultaten"]))' "$work/body"
}

# --- first start: build, migrate, create the token -------------------------------------------------
demo_args=()
[ "$with_demo" = 0 ] || demo_args=(--demo)
say "starting scripts/run ${demo_args[*]} on port $port (the first start builds the release binaries)"
start_run "$work/run-1.log" "${demo_args[@]}"
wait_ready "$timeout_s"
say "/health answers {\"status\":\"ok\"}"

[ -s "$token_file" ] || fail "no token in $token_file"
[ "$(stat -c '%a' "$token_file")" = 600 ] || fail "$token_file has mode $(stat -c '%a' "$token_file"), expected 600"
token=$(head -n 1 "$token_file")
grep -qF "curl -H \"Authorization: Bearer $token\" $base/v1/dossiers" "$log" \
    || fail "scripts/run did not print the ready-to-paste curl line with the token"
[ "$(get_status /v1/dossiers)" = 401 ] || fail "GET /v1/dossiers without a token did not answer 401"
[ "$(get_status /v1/dossiers "$token")" = 200 ] || fail "GET /v1/dossiers with the printed token: $(cat "$work/body")"
say "the printed coordinator token is accepted"

# web_login EMAIL PASSWORD HOME: logs in through the login form (CSRF cookie and field) as a
# browser would, and expects to land on HOME and to read it.
web_login() {
    local jar="$work/jar-$1" csrf code location
    rm -f "$jar"
    curl -s -c "$jar" -b "$jar" -o "$work/login.html" "$base/inloggen" || fail "GET /inloggen failed"
    csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/login.html" | head -n 1)
    [ -n "$csrf" ] || fail "the login page has no CSRF field"
    location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "csrf=$csrf" \
        --data-urlencode "email=$1" --data-urlencode "wachtwoord=$2" "$base/inloggen")
    [ "$location" = "$base$3" ] || fail "logging in as $1 led to '$location', expected $base$3"
    code=$(curl -s -b "$jar" -o "$work/home.html" -w '%{http_code}' "$base$3")
    [ "$code" = 200 ] || fail "GET $3 after logging in as $1 answered $code"
}
password_of() {
    sed -n "s/.*$1 *wachtwoord: \([^ ]*\) .*/\1/p" "$log" | head -n 1
}
coordinator_password=$(password_of coordinator@toedeling.local)
[ -n "$coordinator_password" ] || fail "scripts/run did not print the coordinator account's password"
grep -qF "Open $base/ in your browser" "$log" || fail "scripts/run did not print the address to open"
web_login coordinator@toedeling.local "$coordinator_password" /dossiers
grep -q "Coördinator BZK" "$work/home.html" || fail "the coordinator's overview does not name the account"
say "the printed coordinator account logs in to the web application"

if [ "$with_demo" != 0 ]; then
    expected=$(find scripts/demo/dossiers -name '*.json' | wc -l)
    count=$(dossier_count "$token")
    [ "$count" = "$expected" ] || fail "--demo loaded $count dossiers, expected $expected"
    python3 scripts/demo/load.py --base-url "$base" --token-file "$token_file" >/dev/null \
        || fail "loading the demo a second time failed"
    count=$(dossier_count "$token")
    [ "$count" = "$expected" ] || fail "loading the demo again changed the number of dossiers to $count"
    say "--demo loaded $expected dossiers; loading them again added none"
    python3 - "$base" "$token" <<'EOF2' || fail "the demo dossiers do not read as expected (see above)"
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)
by_title = {d["titel"]: d["id"] for d in get("/v1/dossiers?pageSize=100")["resultaten"]}
decided = get("/v1/dossiers/" + by_title["Regie op de regionale woningbouwprogrammering"])
withdrawn = get("/v1/dossiers/" + by_title["Herbeoordeling van de regionale meld- en coördinatiefunctie voortijdig schoolverlaten"])
problems = []
if decided.get("fase") != "besloten":
    problems.append(f"decided dossier has fase {decided.get('fase')!r}")
besluit = decided.get("besluit") or {}
if besluit.get("bestuurslaag") != "provincie" or besluit.get("afwijkingVanAdvies") is not False:
    problems.append(f"decided dossier's besluit is {besluit!r}, expected provincie without afwijkingVanAdvies (R4)")
if "33047-43" not in [k.get("nummer") for k in decided.get("kamerstukken") or []]:
    problems.append("decided dossier lacks Kamerstuk 33047-43")
if withdrawn.get("fase") != "ingetrokken":
    problems.append(f"withdrawn dossier has fase {withdrawn.get('fase')!r}")
for p in problems:
    print("run-smoke: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF2
    say "the decided and the withdrawn demo dossier read as expected"
    vng_password=$(password_of vng@demo.toedeling.local)
    liaison_password=$(password_of liaison@demo.toedeling.local)
    [ -n "$vng_password" ] && [ -n "$liaison_password" ] || fail "--demo did not print the koepel and liaison passwords"
    web_login vng@demo.toedeling.local "$vng_password" /consultaties
    grep -q "natuurinclusief landelijk gebied" "$work/home.html" || fail "the VNG account does not see the demo round it is invited to"
    web_login liaison@demo.toedeling.local "$liaison_password" /rapportages/stand-van-zaken
    grep -q "Regie op de regionale woningbouwprogrammering" "$work/home.html" || fail "the liaison's stand van zaken lacks a demo dossier"
    say "the demo's koepel and liaison accounts log in to their home pages"
fi

stop_run
say "SIGINT stopped scripts/run cleanly"

# --- second start: the token is not created again ---------------------------------------------------
start_run "$work/run-2.log"
wait_ready 300
grep -q "creating a coordinator token" "$log" && fail "the second start created another token"
grep -q "wachtwoord:" "$log" && fail "the second start showed a password again"
grep -q "coordinator@toedeling.local *(password shown at its first start" "$log" || fail "the second start did not say how to log in"
[ "$(head -n 1 "$token_file")" = "$token" ] || fail "the second start changed the token file"
[ "$(get_status /v1/dossiers "$token")" = 200 ] || fail "the token is not accepted after a restart"
stop_run
say "ok: scripts/run starts, serves, keeps its token and stops cleanly"
