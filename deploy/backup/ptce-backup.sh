#!/usr/bin/env bash
# Backs up PTCE into BACKUP_DIR (default /var/backups/ptce):
#   PostgreSQL (DATABASE_URL set): ptce-<UTC time>.dump, pg_dump's custom format (compressed, restored
#     table by table with pg_restore), taken from one consistent snapshot while the instances keep running;
#     plus ptce-files-<UTC time>.tar.gz, the uploaded and generated files under DATA_DIR/files.
#   Embedded PGlite (no DATABASE_URL): ptce-data-<UTC time>.tar.gz, the whole DATA_DIR, taken only while no
#     server runs on it (the embedded database cannot be copied while it is open).
# Each archive is written under a .part name and renamed only once it has been read back. Backups older
# than BACKUP_KEEP_DAYS (default 14) are deleted. Restore with ptce-restore.sh.
# Usage: set -a; . /etc/ptce/ptce.env; set +a; deploy/backup/ptce-backup.sh
set -euo pipefail

BACKUP_DIR=${BACKUP_DIR:-/var/backups/ptce}
KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
DATA_DIR=${DATA_DIR:-./data}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p "$BACKUP_DIR"

if [ -n "${DATABASE_URL:-}" ]; then
  dump="$BACKUP_DIR/ptce-$stamp.dump"
  pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$dump.part" --dbname="$DATABASE_URL"
  # Read back: a truncated or corrupt archive fails here, not on the day it is needed.
  tables=$(pg_restore --list "$dump.part" | grep -c ' TABLE DATA ' || true)
  if [ "$tables" -eq 0 ]; then
    echo "ptce-backup: $dump.part holds no table data" >&2
    exit 1
  fi
  mv "$dump.part" "$dump"
  echo "ptce-backup: $dump ($(du -h "$dump" | cut -f1), $tables tables)"
  if [ -d "$DATA_DIR/files" ]; then
    files="$BACKUP_DIR/ptce-files-$stamp.tar.gz"
    tar -C "$DATA_DIR" -czf "$files.part" files
    tar -tzf "$files.part" > /dev/null
    mv "$files.part" "$files"
    echo "ptce-backup: $files ($(du -h "$files" | cut -f1))"
  fi
else
  if [ -f "$DATA_DIR/ptce.lock" ] && kill -0 "$(cat "$DATA_DIR/ptce.lock")" 2> /dev/null; then
    echo "ptce-backup: a server (pid $(cat "$DATA_DIR/ptce.lock")) runs on the embedded database in $DATA_DIR; stop it first" >&2
    exit 1
  fi
  archive="$BACKUP_DIR/ptce-data-$stamp.tar.gz"
  tar -C "$DATA_DIR" --exclude=./ptce.lock -czf "$archive.part" .
  listing=$(tar -tzf "$archive.part")
  grep -qx './pgdata/PG_VERSION' <<< "$listing" || {
    echo "ptce-backup: $DATA_DIR holds no embedded database (pgdata/PG_VERSION)" >&2
    rm -f "$archive.part"
    exit 1
  }
  mv "$archive.part" "$archive"
  echo "ptce-backup: $archive ($(du -h "$archive" | cut -f1))"
fi

find "$BACKUP_DIR" -maxdepth 1 -name 'ptce-*' -type f -mtime "+$KEEP_DAYS" -print -delete
