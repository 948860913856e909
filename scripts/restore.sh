#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a new data directory.
#
#   scripts/restore.sh BACKUP_FILE [DATA_DIR]
#
# DATA_DIR defaults to $CSOTRACKER_DATA_DIR or ./data/postgres and must not exist or be empty:
# stop the app and move the old directory aside first. Then start the app on DATA_DIR; its
# PostgreSQL replays the write-ahead log in the backup and opens with everything the backup held,
# running process instances and their timers included.
set -euo pipefail

backup="${1:?usage: scripts/restore.sh BACKUP_FILE [DATA_DIR]}"
data="${2:-${CSOTRACKER_DATA_DIR:-./data/postgres}}"
[ -f "$backup" ] || { echo "restore: no such file: $backup" >&2; exit 2; }
if [ -e "$data" ] && [ -n "$(ls -A "$data" 2>/dev/null)" ]; then
  echo "restore: $data is not empty; stop the app and move it aside first" >&2
  exit 2
fi
mkdir -p "$data"
tar -C "$data" -xzf "$backup"
chmod 700 "$data"
# a server killed during an online backup could leave these; the restored copy must not have them
rm -f "$data/postmaster.pid" "$data/postmaster.opts"
echo "restore: $backup restored into $data; start the app with CSOTRACKER_DATA_DIR=$data"
