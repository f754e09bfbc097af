#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL server for armsledger's tests and print its URL.
#
#   scripts/pg-start.sh [DATA_DIR]          start; prints postgresql://... on stdout
#   scripts/pg-start.sh --stop [DATA_DIR]   stop the server of DATA_DIR
#
# The cluster lives in DATA_DIR (default: $ARMSLEDGER_PG_DIR or ${TMPDIR:-/tmp}/armsledger-pg),
# listens on 127.0.0.1 only (port $ARMSLEDGER_PG_PORT, default 54329) and is separate from any
# system cluster. Running the script again reuses the cluster and only starts what is not running,
# so CI can call it unconditionally:  export ARMSLEDGER_TEST_PG="$(scripts/pg-start.sh)"
# TCP logins need a password generated at initdb time (kept in DATA_DIR, mode 600); the Unix socket
# lives inside DATA_DIR, which only the server's owner can enter.
# Installs the Debian package `postgresql` when no server binaries are found (needs root).
# Progress goes to stderr; stdout carries only the URL.
set -euo pipefail

log() { printf 'pg-start: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

STOP=0
if [[ "${1:-}" == "--stop" ]]; then STOP=1; shift; fi
DIR="${1:-${ARMSLEDGER_PG_DIR:-${TMPDIR:-/tmp}/armsledger-pg}}"
PORT="${ARMSLEDGER_PG_PORT:-54329}"
DB="${ARMSLEDGER_PG_DB:-armsledger_test}"
USER_NAME=postgres

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
    done
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir)"
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
    fi
    return 1
}

BINDIR="$(find_bindir || true)"
if [[ -z "$BINDIR" ]]; then
    [[ $STOP -eq 1 ]] && die "no PostgreSQL installation found; nothing to stop"
    [[ $EUID -eq 0 ]] || die "PostgreSQL server binaries not found; install the 'postgresql' package (needs root)"
    log "installing postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y postgresql >&2 || { apt-get update >&2 && apt-get install -y postgresql >&2; }
    BINDIR="$(find_bindir)" || die "postgresql installed but initdb/pg_ctl not found under /usr/lib/postgresql"
fi

# Run a server command as the cluster owner: root cannot run a PostgreSQL server.
if [[ $EUID -eq 0 ]]; then
    id "$USER_NAME" >/dev/null 2>&1 || die "user '$USER_NAME' does not exist (the postgresql package creates it)"
    as_owner() { runuser -u "$USER_NAME" -- "$@"; }
else
    USER_NAME="$(id -un)"
    as_owner() { "$@"; }
fi

if [[ $STOP -eq 1 ]]; then
    if [[ -f "$DIR/postmaster.pid" ]]; then
        as_owner "$BINDIR/pg_ctl" -D "$DIR" -m fast -w stop >&2
    else
        log "no server running in $DIR"
    fi
    exit 0
fi

PWFILE="$DIR/.armsledger-password"
if [[ ! -f "$DIR/PG_VERSION" ]]; then
    log "creating cluster in $DIR"
    mkdir -p "$DIR"
    [[ $EUID -eq 0 ]] && chown "$USER_NAME" "$DIR"
    chmod 700 "$DIR"
    PASSWORD="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    TMPPW="$(mktemp)"
    printf '%s\n' "$PASSWORD" >"$TMPPW"
    [[ $EUID -eq 0 ]] && chown "$USER_NAME" "$TMPPW"
    as_owner "$BINDIR/initdb" -D "$DIR" -U "$USER_NAME" --pwfile="$TMPPW" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >&2
    rm -f "$TMPPW"
    {
        echo "# armsledger test cluster"
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $PORT"
        echo "unix_socket_directories = '$DIR'"
    } | as_owner tee -a "$DIR/postgresql.conf" >/dev/null
    printf '%s\n' "$PASSWORD" | as_owner tee "$PWFILE" >/dev/null
    as_owner chmod 600 "$PWFILE"
fi
[[ -f "$PWFILE" ]] || die "$DIR holds a cluster not made by this script (no $PWFILE); pass another directory"
PASSWORD="$(cat "$PWFILE")"

if as_owner "$BINDIR/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
    log "server already running in $DIR"
else
    log "starting server on 127.0.0.1:$PORT"
    as_owner "$BINDIR/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 start >&2 \
        || die "server did not start; see $DIR/server.log"
fi

PSQL=("$BINDIR/psql" -h "$DIR" -p "$PORT" -U "$USER_NAME" -d postgres -v ON_ERROR_STOP=1 -qtA)
if [[ "$(as_owner "${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]]; then
    log "creating database $DB"
    as_owner "${PSQL[@]}" -c "CREATE DATABASE \"$DB\"" >&2
fi

echo "postgresql://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB"
