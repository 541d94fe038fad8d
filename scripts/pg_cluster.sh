#!/usr/bin/env bash
# A throwaway PostgreSQL server for the team-store tests (tests/server) and CI.
#   eval "$(bash scripts/pg_cluster.sh start)"   start one; prints the two export lines:
#       JOURNEY_STUDIO_TEST_PG      the URL of an empty database (superuser "journey")
#       JOURNEY_STUDIO_TEST_PG_DIR  the cluster's folder (data, socket, log)
#   bash scripts/pg_cluster.sh stop [DIR]        stop it and delete its folder
#                                                (DIR defaults to $JOURNEY_STUDIO_TEST_PG_DIR)
#   bash scripts/pg_cluster.sh halt|resume DIR   stop the server / start it again, keeping
#                                                its data (tests of a server going away)
# Debian's postgresql is installed when no server binaries are found (as root, or sudo).
# The server runs as an unprivileged user (PostgreSQL refuses root: "nobody" when run as
# root, yourself otherwise) and listens only on a Unix socket inside its folder, so
# several clusters never clash over a port. The superuser "journey" connects without a
# password over the socket; every other role must give its password (scram-sha-256), so
# the tests can try a wrong one.
set -euo pipefail

PG_PORT=5432  # only names the socket file (.s.PGSQL.5432) inside the private folder
DB_NAME=journey_test
SUPERUSER=journey

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

install_server() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing PostgreSQL (Debian's postgresql package)" >&2
  # Debian's package would create and start a "main" cluster of its own: not wanted.
  $sudo mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf \
    >/dev/null
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    postgresql >&2
}

# Runs a command as the server's user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

run_server() {
  local bin="$1" dir="$2"
  # fsync off: a throwaway server; the tests' durability is about our transactions.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $PG_PORT -c listen_addresses= -c fsync=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 2; }
}

start() {
  local bin dir
  bin=$(find_bin) || { install_server; bin=$(find_bin); } \
    || { echo "error: no PostgreSQL server binaries after installing" >&2; exit 2; }
  dir=$(mktemp -d "${TMPDIR:-/tmp}/journey-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U "$SUPERUSER" --auth-local=trust \
    --auth-host=reject -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 2; }
  # Our superuser without a password; any other role with its password.
  as_owner sh -c "printf '%s\n' 'local all $SUPERUSER trust' 'local all all scram-sha-256' \
    >'$dir/data/pg_hba.conf'"
  run_server "$bin" "$dir"
  "$bin/createdb" -h "$dir" -p "$PG_PORT" -U "$SUPERUSER" "$DB_NAME"
  echo "export JOURNEY_STUDIO_TEST_PG='postgresql://$SUPERUSER@/$DB_NAME?host=$dir&port=$PG_PORT'"
  echo "export JOURNEY_STUDIO_TEST_PG_DIR='$dir'"
}

stop() {
  local dir="${1:-${JOURNEY_STUDIO_TEST_PG_DIR:-}}" bin
  [ -n "$dir" ] || { echo "error: give the cluster's folder" >&2; exit 2; }
  [ -d "$dir/data" ] || { echo "error: $dir holds no cluster" >&2; exit 2; }
  bin=$(find_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

halt() {
  [ -d "${1:-}/data" ] || { echo "error: give the cluster's folder" >&2; exit 2; }
  as_owner "$(find_bin)/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null
}

resume() {
  [ -d "${1:-}/data" ] || { echo "error: give the cluster's folder" >&2; exit 2; }
  run_server "$(find_bin)" "$1"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  halt) halt "${2:-}" ;;
  resume) resume "${2:-}" ;;
  *) echo "usage: bash scripts/pg_cluster.sh start | stop [DIR] | halt DIR | resume DIR" >&2
     exit 2 ;;
esac
