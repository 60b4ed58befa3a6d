#!/usr/bin/env bash
# Restores a backup made by ptce-backup.sh, then checks it.
#
#   ptce-restore.sh DUMP_FILE TARGET_DATABASE_URL      a pg_dump archive into an EMPTY PostgreSQL database
#   ptce-restore.sh --data-dir DATA_ARCHIVE DATA_DIR   an embedded-database archive into an EMPTY folder
#
# The target must be empty: this never overwrites a database in use. Create one first, e.g.
#   createdb -O ptce ptce_restored
# Files (ptce-files-*.tar.gz) are unpacked by hand: tar -C "$DATA_DIR" -xzf ptce-files-<time>.tar.gz
#
# The check, after a PostgreSQL restore: every table of the archive is there with exactly as many rows as
# the archive holds, and the migrations table is not empty. Then, for both kinds, when the compiled server
# is found (PTCE_DIR, default /opt/ptce; built with npm run build), the audit log's hash chain is verified
# (npm run verify-audit): a restore that lost or changed an audited row fails it.
# Exit status 0 only when the restore and every check passed.
set -euo pipefail

PTCE_DIR=${PTCE_DIR:-/opt/ptce}
fail() {
  echo "ptce-restore: $*" >&2
  exit 1
}

verify_audit() {
  local cli="$PTCE_DIR/server/dist/cli/verify-audit.js"
  if [ ! -f "$cli" ]; then
    echo "ptce-restore: $cli not found, audit chain not verified (set PTCE_DIR to the installed PTCE)"
    return 0
  fi
  # Only the database is needed, not the keys: without PII_KEY in the environment it runs as development.
  (
    cd "$PTCE_DIR/server"
    if [ -z "${PII_KEY:-}" ]; then export NODE_ENV=development; fi
    env "$@" LOG_LEVEL=warn node --enable-source-maps "$cli"
  ) || fail "audit chain check failed"
}

if [ "${1:-}" = "--data-dir" ]; then
  [ $# -eq 3 ] || fail "usage: ptce-restore.sh --data-dir DATA_ARCHIVE DATA_DIR"
  archive=$2
  dir=$3
  [ -f "$archive" ] || fail "$archive not found"
  mkdir -p "$dir"
  [ -z "$(ls -A "$dir")" ] || fail "$dir is not empty; restore into an empty folder"
  tar -C "$dir" -xzf "$archive"
  [ -f "$dir/pgdata/PG_VERSION" ] || fail "$archive holds no embedded database"
  echo "ptce-restore: unpacked $archive into $dir"
  verify_audit DATABASE_URL= DATA_DIR="$dir"
  echo "ptce-restore: OK"
  exit 0
fi

[ $# -eq 2 ] || fail "usage: ptce-restore.sh DUMP_FILE TARGET_DATABASE_URL  |  ptce-restore.sh --data-dir DATA_ARCHIVE DATA_DIR"
dump=$1
target=$2
[ -f "$dump" ] || fail "$dump not found"
pg_restore --list "$dump" > /dev/null || fail "$dump is not a readable pg_dump archive"
existing=$(psql --dbname="$target" -XAtc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
[ "$existing" = "0" ] || fail "the target database already has $existing tables; restore into an empty database"

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$dump"
echo "ptce-restore: restored $dump"

# Rows per table as the archive holds them (its COPY blocks) against the restored database.
expected=$(pg_restore --data-only --file=- "$dump" | awk '
  /^COPY / { table = $2; n = 0; inside = 1; next }
  inside && /^\\\.$/ { print table, n; inside = 0; next }
  inside { n++ }
')
[ -n "$expected" ] || fail "$dump holds no table data"
checked=0
while read -r table rows; do
  got=$(psql --dbname="$target" -XAtc "SELECT count(*) FROM $table")
  [ "$got" = "$rows" ] || fail "$table has $got rows, the archive $rows"
  checked=$((checked + 1))
done <<< "$expected"
migrations=$(psql --dbname="$target" -XAtc "SELECT count(*) FROM _migrations")
[ "$migrations" -gt 0 ] || fail "no migrations recorded in the restored database"
echo "ptce-restore: $checked tables with the archive's row counts, $migrations migrations recorded"

verify_audit DATABASE_URL="$target"
echo "ptce-restore: OK"
