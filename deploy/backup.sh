#!/usr/bin/env bash
# Backs up a MộtCửa installation, database and files, into one new folder:
#
#   deploy/backup.sh <backup folder>
#
#   database.dump   pg_dump of the whole database, custom format (every table, whatever the version holds), or
#   postgres.tar.gz a hot base backup of the embedded server's cluster with its WAL (below)
#   files.tar.gz    the data folder (MOTCUA_DATA_DIR, default ./data) without the embedded database: signing keys
#                   (keys/), exported audit heads (audit/), whatever else the installation keeps there
#   backup.txt, SHA256SUMS
#
# The database: libpq's PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD for an external server; when PGHOST is unset
# and the embedded server runs on <data>/postgres, that one. pg_dump must be of the server's major version or newer
# (PG_BIN names its folder). When none is and the server is the embedded one (whose bundle has no pg_dump), the
# cluster is copied live between pg_backup_start() and pg_backup_stop() with the WAL written meanwhile: a physical
# backup that restore.sh puts back and that the server recovers from at its next start. MOTCUA_BACKUP_METHOD=dump or
# =physical chooses. Files kept in an S3 bucket (instead of the database) are backed up by the store's own means.
set -euo pipefail
out="${1:?usage: deploy/backup.sh <backup folder>}"
data="$(realpath -m "${MOTCUA_DATA_DIR:-data}")"
cluster="$data/postgres"
method="${MOTCUA_BACKUP_METHOD:-auto}"
[ -e "$out" ] && { echo "$out already exists: a backup goes into a new folder" >&2; exit 2; }
started=$(date +%s.%N)
elapsed() { awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

if [ -z "${PGHOST:-}" ] && [ -f "$cluster/postmaster.pid" ]; then
  # The embedded server: trust authentication on loopback, user postgres, port from its pid file (line 4).
  export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres
  PGPORT="$(sed -n 4p "$cluster/postmaster.pid")"
  export PGPORT
  embedded=yes
else
  embedded=no
fi

psql=(psql -X -q -v ON_ERROR_STOP=1)
pg_bin="${PG_BIN:-}"
pg_dump="${pg_bin:+$pg_bin/}pg_dump"
if [ -z "$pg_bin" ] && ! command -v pg_dump >/dev/null; then
  # Debian's client packages put each version in its own folder; take the newest.
  newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$newest" ] && pg_dump="$newest/pg_dump" && psql[0]="$newest/psql"
fi
command -v "${psql[0]}" >/dev/null || { echo "psql is missing (apt-get install postgresql-client)" >&2; exit 1; }
server_major="$("${psql[@]}" -At -c 'show server_version_num' | cut -c1-2)"
dump_major="$("$pg_dump" --version 2>/dev/null | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/' || echo 0)"

if [ "$method" = auto ]; then
  if [ "${dump_major:-0}" -ge "$server_major" ] 2>/dev/null; then method=dump
  elif [ "$embedded" = yes ]; then method=physical
  else
    echo "pg_dump ${dump_major:-none} cannot dump a PostgreSQL $server_major server: install its client and set PG_BIN" >&2
    exit 1
  fi
fi

mkdir -p "$out"
out="$(realpath "$out")"
if [ "$method" = dump ]; then
  "$pg_dump" --format=custom --compress=6 --no-owner --file="$out/database.dump"
else
  [ "$embedded" = yes ] || { echo "a physical backup needs the embedded server's folder" >&2; exit 2; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # One session from start to stop (a non-exclusive backup ends with its session). tar's own "changed as we read
  # it" is expected here: the WAL replayed at restore puts such files right.
  "${psql[@]}" <<SQL
\o /dev/null
select pg_backup_start('motcua backup', true);
\o
\! tar --warning=no-file-changed --warning=no-file-removed -C "$cluster" --exclude=./pg_wal/* --exclude=./postmaster.pid --exclude=./postmaster.opts -cf "$work/base.tar" . || [ \$? -eq 1 ]
\t on
\a
\o $work/backup_label
select labelfile from pg_backup_stop(false);
\o
SQL
  tar -tf "$work/base.tar" >/dev/null # a copy that tar itself could not finish fails here
  # The WAL from the backup's start to its end (pg_backup_stop switched to a new segment), copied after the stop.
  mkdir -p "$work/extra"
  sed '/^$/d' "$work/backup_label" >"$work/extra/backup_label"
  tar --warning=no-file-changed -C "$cluster" -rf "$work/base.tar" ./pg_wal || [ $? -eq 1 ]
  tar -C "$work/extra" -rf "$work/base.tar" ./backup_label
  gzip -1 -c "$work/base.tar" >"$out/postgres.tar.gz"
fi

tar -C "$data" --exclude=./postgres -czf "$out/files.tar.gz" .
server_version="$("${psql[@]}" -At -c 'show server_version')"
seconds="$(elapsed)"
cat >"$out/backup.txt" <<TXT
motcua backup
taken: $(date -u +%Y-%m-%dT%H:%M:%SZ)
method: $method
server: PostgreSQL $server_version$([ "$embedded" = yes ] && echo " (embedded, $cluster)")
data folder: $data
seconds: $seconds
TXT
(cd "$out" && sha256sum -- $(ls database.dump postgres.tar.gz files.tar.gz 2>/dev/null) >SHA256SUMS)
echo "backup in $out ($method, $(du -sh "$out" | cut -f1)) in $seconds s"
