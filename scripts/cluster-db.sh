#!/usr/bin/env bash
# A throw-away PostgreSQL server for running several app instances against one database (the
# two-node cluster test, or trying a cluster by hand). Uses Debian's postgresql package and
# installs it when it is missing (as root, or through sudo).
#
#   scripts/cluster-db.sh start     starts a server on a free loopback port and prints
#                                   DIR=<its directory>, PORT=<port> and URL=<JDBC URL of database csotracker>
#   scripts/cluster-db.sh stop DIR  stops it and deletes DIR
#
# The server trusts every local connection (user postgres, no password) and keeps its data
# without fsync: it is for tests only, never for real records.
set -euo pipefail

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

install_postgres() {
  [ -n "$(bin_dir)" ] && [ -x "$(bin_dir)/initdb" ] && return
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "cluster-db: installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "cluster-db: no free port found" >&2
  exit 1
}

start() {
  install_postgres
  local bin dir port
  bin="$(bin_dir)"
  dir="$(mktemp -d /tmp/csotracker-cluster-db.XXXXXX)"
  chmod 755 "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
  port="$(free_port)"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  as_postgres psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "create database csotracker" >/dev/null
  echo "DIR=$dir"
  echo "PORT=$port"
  echo "URL=jdbc:postgresql://127.0.0.1:$port/csotracker"
}

stop() {
  local dir="${1:?usage: scripts/cluster-db.sh stop DIR}"
  case "$dir" in /tmp/csotracker-cluster-db.*) ;; *) echo "cluster-db: not a cluster-db directory: $dir" >&2; exit 2 ;; esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: scripts/cluster-db.sh start | stop DIR" >&2; exit 2 ;;
esac
