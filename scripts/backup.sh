#!/usr/bin/env bash
# Backs up the embedded PostgreSQL of CSO Tracker into one .tar.gz file.
#
#   scripts/backup.sh [DATA_DIR] [BACKUP_FILE]
#
# DATA_DIR defaults to $CSOTRACKER_DATA_DIR or ./data/postgres; BACKUP_FILE to
# csotracker-<date>-<time>.tar.gz. While the app runs, it takes an online backup: PostgreSQL is
# told a backup starts (pg_backup_start), the files are copied, and the backup ends with
# pg_backup_stop, whose backup_label and the write-ahead log written meanwhile go into the
# archive, so the copy is consistent however busy the app is. The app keeps working. When the
# app is stopped, the data directory is simply archived. Restore with scripts/restore.sh.
#
# Needs tar, gzip and psql (any version that talks to PostgreSQL 17: Debian 12's postgresql-client
# 15 does; its pg_dump does not, which is why this is a file-level backup).
set -euo pipefail

data="$(realpath "${1:-${CSOTRACKER_DATA_DIR:-./data/postgres}}")"
out="${2:-csotracker-$(date +%F-%H%M%S).tar.gz}"
[ -f "$data/PG_VERSION" ] || { echo "backup: $data is not a PostgreSQL data directory" >&2; exit 2; }
out="$(realpath -m "$out")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

running_port() {
  # postmaster.pid: line 4 is the port; the server is running if that pid is alive
  [ -f "$data/postmaster.pid" ] || return 1
  local pid port
  pid="$(sed -n 1p "$data/postmaster.pid")"
  port="$(sed -n 4p "$data/postmaster.pid")"
  kill -0 "$pid" 2>/dev/null && echo "$port"
}

# everything but the write-ahead log and the files of the running server
# (tar exits 1 when a file changed while it was read: expected while the app runs)
cat > "$work/copy.sh" <<COPY
tar -C "$data" --warning=no-file-changed --warning=no-file-removed \\
    --exclude=./pg_wal --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude=./epg-lock \\
    --exclude='./pg_replslot/*' --exclude='./pg_stat_tmp/*' -cf "$work/base.tar" . || [ \$? -eq 1 ]
COPY

if port="$(running_port)"; then
  echo "backup: PostgreSQL is running on port $port; taking an online backup of $data"
  if ! command -v psql >/dev/null; then
    echo "backup: psql is needed for an online backup (apt-get install postgresql-client)" >&2; exit 2
  fi
  # one session: the backup must start and stop in the same connection
  export COPY_SCRIPT="$work/copy.sh"
  psql -X -q -v ON_ERROR_STOP=1 -v label="$work/backup_label" -h localhost -p "$port" -U postgres -d postgres -At <<'SQL'
select pg_backup_start('csotracker-backup', true) \g /dev/null
\! bash "$COPY_SCRIPT"
\o :label
select labelfile from pg_backup_stop(false);
\o
SQL
  [ -s "$work/backup_label" ] || { echo "backup: no backup label from pg_backup_stop" >&2; exit 1; }
else
  echo "backup: PostgreSQL is not running; archiving $data as it is"
  bash "$work/copy.sh"
fi
[ -s "$work/base.tar" ] || { echo "backup: copying $data failed" >&2; exit 1; }
# the log needed to make the copy consistent (it holds at least everything since the backup start)
tar -C "$data" --warning=no-file-changed -rf "$work/base.tar" ./pg_wal || [ $? -eq 1 ]
if [ -f "$work/backup_label" ]; then
  tar -C "$work" -rf "$work/base.tar" ./backup_label
fi
gzip -c "$work/base.tar" > "$out.partial"
mv "$out.partial" "$out"
echo "backup: wrote $out ($(du -h "$out" | cut -f1))"
