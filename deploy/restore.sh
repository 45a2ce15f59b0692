#!/usr/bin/env bash
# Puts a backup made by deploy/backup.sh back, with the portal stopped:
#
#   deploy/restore.sh <backup folder>
#
# Checks the backup's SHA256SUMS first. files.tar.gz goes into the data folder (MOTCUA_DATA_DIR, default ./data),
# which must hold no installation yet (no keys/, audit/ or postgres/: wipe or move it first; nothing is overwritten).
#   postgres.tar.gz (embedded server): unpacked into <data>/postgres; the next start of the portal recovers the
#                   cluster from the WAL in it to the moment the backup ended.
#   database.dump:  pg_restore into the database that libpq's PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD name
#                   (an empty one, or one only Flyway has filled: its objects are replaced), with a pg_restore of the
#                   dump's major version or newer (PG_BIN names its folder).
set -euo pipefail
backup="$(realpath "${1:?usage: deploy/restore.sh <backup folder>}")"
data="$(realpath -m "${MOTCUA_DATA_DIR:-data}")"
started=$(date +%s.%N)
elapsed() { awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

(cd "$backup" && sha256sum --quiet -c SHA256SUMS) || { echo "$backup: a file does not match SHA256SUMS" >&2; exit 1; }
for kept in keys audit postgres; do
  [ -e "$data/$kept" ] && { echo "$data/$kept exists: restore into an empty data folder" >&2; exit 2; }
done
mkdir -p "$data"
tar -C "$data" -xzf "$backup/files.tar.gz"

if [ -f "$backup/postgres.tar.gz" ]; then
  mkdir -m 700 "$data/postgres"
  tar -C "$data/postgres" --same-owner -xzf "$backup/postgres.tar.gz"
  echo "embedded database restored into $data/postgres (recovered at the portal's next start)"
elif [ -f "$backup/database.dump" ]; then
  pg_restore="${PG_BIN:+$PG_BIN/}pg_restore"
  "$pg_restore" --clean --if-exists --no-owner --exit-on-error --single-transaction \
    --dbname="${PGDATABASE:-postgres}" "$backup/database.dump"
  echo "database restored into ${PGHOST:-local socket}/${PGDATABASE:-postgres}"
else
  echo "$backup holds no database.dump nor postgres.tar.gz" >&2
  exit 1
fi
echo "restored from $backup in $(elapsed) s"
