# A throwaway PostgreSQL for the store suite, on loopback only. Source this file, then call
# `postgres_start`: it installs Debian's postgresql if no initdb is found, makes a cluster in a
# temporary directory, starts it on a free port with its socket in that directory, exports
# PARLEY_TEST_POSTGRES_URL, and stops and removes everything in an EXIT trap. Tests run it with
# fsync off (speed); `postgres_start durable` keeps fsync on, for benchmarks of durable commits.

postgres_bin() {
    local initdb
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$initdb" ]; then
        echo "postgres.sh: no initdb found; installing postgresql with apt-get" >&2
        apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
        initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
    fi
    [ -n "$initdb" ] || { echo "postgres.sh: cannot find or install PostgreSQL" >&2; return 1; }
    dirname "$initdb"
}

# Runs a command as the postgres user (initdb refuses to run as root).
postgres_as() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

postgres_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

postgres_stop() {
    if [ -n "${PARLEY_PG_DIR:-}" ] && [ -d "$PARLEY_PG_DIR" ]; then
        postgres_as "'$PARLEY_PG_BIN/pg_ctl' -D '$PARLEY_PG_DIR/data' -m fast -w stop" >/dev/null 2>&1 || true
        rm -rf "$PARLEY_PG_DIR"
    fi
}

postgres_start() {
    local fsync="-c fsync=off"
    if [ "${1:-}" = durable ]; then fsync=""; fi
    PARLEY_PG_BIN=$(postgres_bin) || return 1
    PARLEY_PG_DIR=$(mktemp -d)
    trap postgres_stop EXIT
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PARLEY_PG_DIR"; fi
    local port
    port=$(postgres_free_port)
    postgres_as "'$PARLEY_PG_BIN/initdb' -D '$PARLEY_PG_DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    # Each store test opens a few sessions on its own database, and tests run in parallel.
    postgres_as "'$PARLEY_PG_BIN/pg_ctl' -D '$PARLEY_PG_DIR/data' -l '$PARLEY_PG_DIR/server.log' -w start \
        -o '-c listen_addresses=127.0.0.1 -p $port -k $PARLEY_PG_DIR -c max_connections=400 $fsync'" >/dev/null
    export PARLEY_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres?tlsmode=disable"
    echo "PostgreSQL $("$PARLEY_PG_BIN/postgres" --version | awk '{print $3}') at $PARLEY_TEST_POSTGRES_URL${fsync:+ ($fsync)}"
}
