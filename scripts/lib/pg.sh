# Shared helpers for scripts/test, scripts/run and scripts/bench: install what is missing and run a
# PostgreSQL cluster as an unprivileged user. Source this file; it defines functions only.

PG_BIN="${PG_BIN:-}"

# Installs the Debian packages the project needs, only those that are missing (an install of an
# installed package may upgrade it).
toedeling_install_prerequisites() {
    local wanted=(postgresql postgresql-contrib libpq-dev pkg-config curl python3)
    local missing=()
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "installing: ${missing[*]}" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    if ! command -v swift >/dev/null 2>&1; then
        if [ -x /opt/swift/usr/bin/swift ]; then export PATH="/opt/swift/usr/bin:$PATH"; else
            echo "swift is not installed (expected Swift 6.2 or later on PATH)" >&2; return 1; fi
    fi
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; return 1; }
}

# Installs the named Debian packages that are missing (and only those), e.g. chromium for the
# browser tests.
toedeling_install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    echo "installing: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# toedeling_scratch_database PREFIX: creates a database of its own beside the one DATABASE_URL
# names (for one script test) and exports DATABASE_URL to it; toedeling_scratch_drop removes it,
# connected to the database it was made from (a database cannot be dropped from inside itself).
toedeling_scratch_database() {
    toedeling_scratch_admin_url="$DATABASE_URL"
    toedeling_scratch_name="$1_$(date +%s)_$$"
    psql -X -q "$toedeling_scratch_admin_url" -c "CREATE DATABASE $toedeling_scratch_name" >/dev/null
    export DATABASE_URL="${toedeling_scratch_admin_url%/*}/$toedeling_scratch_name"
}
toedeling_scratch_drop() {
    [ -n "${toedeling_scratch_name:-}" ] || return 0
    psql -X -q "$toedeling_scratch_admin_url" -c "DROP DATABASE IF EXISTS $toedeling_scratch_name WITH (FORCE)" >/dev/null 2>&1 || true
}

# The user PostgreSQL runs as: ourselves unless we are root, which PostgreSQL refuses.
toedeling_pg_user() {
    if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

# Runs a command as the PostgreSQL user.
toedeling_as_pg() {
    local u; u=$(toedeling_pg_user)
    if [ "$(id -un)" = "$u" ]; then "$@"; else runuser -u "$u" -- "$@"; fi
}

# Prints a free TCP port on 127.0.0.1.
toedeling_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# toedeling_pg_start DATADIR SOCKETDIR PORT [MAX_CONNECTIONS]: initialises DATADIR when empty and
# starts PostgreSQL listening on 127.0.0.1:PORT with its socket in SOCKETDIR, at most MAX_CONNECTIONS
# clients (300). Trust authentication on loopback only.
toedeling_pg_start() {
    local data="$1" sock="$2" port="$3" max="${4:-300}" u
    u=$(toedeling_pg_user)
    mkdir -p "$data" "$sock"
    chown "$u" "$data" "$sock" 2>/dev/null || true
    chmod 700 "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
        (cd /tmp && toedeling_as_pg "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null) || return 1
    fi
    (cd /tmp && toedeling_as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $sock -c max_connections=$max -c shared_buffers=256MB" start >/dev/null) || {
        echo "PostgreSQL did not start; its log:" >&2; tail -n 30 "$data/server.log" >&2; return 1; }
}

# toedeling_pg_stop DATADIR: stops the cluster (fast shutdown), quietly if it is not running.
toedeling_pg_stop() {
    local data="$1"
    [ -f "$data/postmaster.pid" ] || return 0
    (cd /tmp && toedeling_as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1) || true
}

# The set-up the process tests (faults, notifications, archive) share: the binaries to test
# (TOEDELING_BIN_DIR, default the debug build) checked, the migrations named, a PostgreSQL cluster
# of their own started in a work folder that is removed on exit, and its whereabouts exported for
# the Python side (PG_BIN, FAULTS_WORK, FAULTS_PG_DATA, FAULTS_PG_USER, FAULTS_ADMIN_URL).
# Usage: toedeling_process_test NAME  (NAME names the messages and the work folder).
toedeling_process_test() {
    local name=$1 b port
    export TOEDELING_BIN_DIR="${TOEDELING_BIN_DIR:-$(swift build --show-bin-path)}"
    for b in toedeling-server toedeling-admin; do
        [ -x "$TOEDELING_BIN_DIR/$b" ] || { echo "$name: $TOEDELING_BIN_DIR/$b missing; run swift build first" >&2; exit 1; }
    done
    export TOEDELING_SCHEMA_DIR="$PWD/schema"
    toedeling_process_work=$(mktemp -d "/tmp/toedeling-$name.XXXXXX")
    chmod 755 "$toedeling_process_work"
    trap 'toedeling_pg_stop "$toedeling_process_work/data"; rm -rf "$toedeling_process_work"' EXIT
    trap 'exit 130' INT TERM
    port=$(toedeling_free_port)
    toedeling_pg_start "$toedeling_process_work/data" "$toedeling_process_work/sock" "$port"
    export PG_BIN FAULTS_WORK="$toedeling_process_work" FAULTS_PG_DATA="$toedeling_process_work/data"
    FAULTS_PG_USER="$(toedeling_pg_user)"
    export FAULTS_PG_USER FAULTS_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
}
