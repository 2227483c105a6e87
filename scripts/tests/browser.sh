#!/usr/bin/env bash
# Browser and accessibility tests of the web application, run by scripts/test after the Swift
# tests: a real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium (PyPI,
# 4.51.0), with axe-core (the axe.min.js of the PyPI package axe-playwright-python) on every page.
# It starts toedeling-server on a free port against a database of its own, with one account per
# role, and runs scripts/tests/browser.py: a coordinator takes a dossier from voorstel to besluit,
# a koepel submits its reactie by keyboard alone and another cannot see it while the round is open,
# a liaison links a Kamerstuk and pulls, prints and downloads the stand van zaken, and a new account
# sets its password through its activation link and sets up two-step verification. Screenshots of
# every page, the printed PDF and the axe reports are kept in test-artifacts/browser/ (not in git).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_install_packages chromium chromium-driver python3-venv
: "${DATABASE_URL:?browser.sh needs DATABASE_URL (scripts/test sets it)}"

bin="${TOEDELING_BIN_DIR:-$(swift build --show-bin-path)}"
venv="${TOEDELING_BROWSER_VENV:-.build/browser-venv}"
if ! "$venv/bin/python" -c 'import selenium, sys; sys.exit(selenium.__version__ != "4.51.0")' 2>/dev/null \
    || ! ls "$venv"/lib/python3*/site-packages/axe_playwright_python/axe.min.js >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "selenium==4.51.0"
    # Only for the axe-core script it carries: its own dependencies (Playwright) are not needed.
    "$venv/bin/pip" install -q --no-deps "axe-playwright-python==0.1.8"
fi
axe=$(ls "$venv"/lib/python3*/site-packages/axe_playwright_python/axe.min.js | head -n 1)

artifacts="${TOEDELING_TEST_ARTIFACTS:-$PWD/test-artifacts}/browser"
rm -rf "$artifacts"
mkdir -p "$artifacts"
work=$(mktemp -d /tmp/toedeling-browser.XXXXXX)
export TOEDELING_SCHEMA_DIR="$PWD/schema"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    toedeling_scratch_drop
    rm -rf "$work"
}
trap cleanup EXIT
toedeling_scratch_database browser
"$bin/toedeling-admin" migrate >/dev/null

declare -A passwords
for spec in "coordinator coordinator@bzk.example Coördinator_BZK -" "koepel vng@vng.example Beleidsmedewerker_VNG VNG" \
    "koepel ipo@ipo.example Beleidsmedewerker_IPO IPO" "liaison liaison@tk.example Parlementair_liaison -"; do
    read -r rol email naam koepel <<<"$spec"
    password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')
    args=(gebruiker create --rol "$rol" --naam "${naam//_/ }" --email "$email" --wachtwoord-stdin)
    [ "$koepel" = - ] || args+=(--koepel "$koepel")
    printf '%s\n' "$password" | "$bin/toedeling-admin" "${args[@]}" >/dev/null
    passwords[$email]=$password
done

# One account without a password: the browser sets it through its activation link.
port=$(toedeling_free_port)
activatie=$(TOEDELING_PUBLIC_URL="http://127.0.0.1:$port" "$bin/toedeling-admin" gebruiker create --rol liaison \
    --naam "Nieuwe liaison" --email nieuw@tk.example)

TOEDELING_INSECURE_COOKIES=1 TOEDELING_LOG_LEVEL=warning "$bin/toedeling-server" --hostname 127.0.0.1 --port "$port" \
    >"$artifacts/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ] && break
    sleep 0.1
done

TOEDELING_BROWSER_ACTIVATIE="$activatie" TOEDELING_BROWSER_PASSWORDS="$(for e in "${!passwords[@]}"; do printf '%s=%s\n' "$e" "${passwords[$e]}"; done)" \
    "$venv/bin/python" scripts/tests/browser.py --base-url "http://127.0.0.1:$port" --axe "$axe" --artifacts "$artifacts"
