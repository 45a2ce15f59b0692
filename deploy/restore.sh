#!/usr/bin/env bash
# Puts a backup made by deploy/backup.sh back, with the portal stopped:
#
#   deploy/restore.sh <backup folder>
#
# Checks the backup first: SHA256SUMS must list every file of the folder (backup.txt, which backup.sh does not list,
# excepted), every listed file must be there and match. files.tar.gz goes into the data folder (MOTCUA_DATA_DIR,
# default ./data), which must hold no installation yet (no keys/, audit/ or postgres/: wipe or move it first; nothing
# is overwritten).
#   postgres.tar.gz (embedded server): unpacked into <data>/postgres; the next start of the portal recovers the
#                   cluster from the WAL in it to the moment the backup ended.
#   database.dump:  pg_restore into the database that libpq's PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD name
#                   (an empty one, or one only Flyway has filled: its objects are replaced), with a pg_restore of the
#                   dump's major version or newer (PG_BIN names its folder).
# All or nothing: the archives are unpacked into a temporary folder inside the data folder (same file system), and
# only when both unpacked completely are their entries renamed into place (then, for a dump, pg_restore runs in one
# transaction). On any failure the temporary folder is removed and the data folder is left as it was.
#
# Exit status: 0 restored; 1 the backup is missing, incomplete or damaged, or the restore failed (nothing changed);
# 2 the data folder already holds (part of) an installation.
set -euo pipefail
fail() { echo "$1" >&2; exit "${2:-1}"; }
[ $# -ge 1 ] && [ -n "$1" ] || fail "usage: deploy/restore.sh <backup folder>"
[ -e "$1" ] || fail "$1: no such backup folder"
[ -d "$1" ] || fail "$1: not a folder (give the folder backup.sh wrote)"
backup="$(realpath "$1")"
data="$(realpath -m "${MOTCUA_DATA_DIR:-data}")"
started=$(date +%s.%N)
elapsed() { awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# --- the backup: SHA256SUMS lists exactly the folder's files, and they match --------------------------------------
sums="$backup/SHA256SUMS"
[ -e "$sums" ] || fail "$backup: no SHA256SUMS (not a complete backup.sh folder)"
[ -f "$sums" ] && [ -r "$sums" ] || fail "$sums: not a readable file"
grep -q '[^[:space:]]' "$sums" || fail "$sums is empty: it lists no file"
declare -A listed=()
n=0
while IFS= read -r line || [ -n "$line" ]; do
  n=$((n + 1))
  [[ "$line" =~ ^[0-9a-f]{64}\ [\ *](.+)$ ]] || fail "$sums: line $n is not a checksum line"
  name="${BASH_REMATCH[1]}"
  case "$name" in
    */* | . | .. | \\*) fail "$sums: line $n names '$name', not a file of the backup folder" ;;
  esac
  listed["$name"]=1
done <"$sums"
for name in "${!listed[@]}"; do
  [ -f "$backup/$name" ] || fail "$backup/$name is listed in SHA256SUMS but missing"
done
while IFS= read -r -d '' path; do
  name="${path##*/}"
  [ "$name" = SHA256SUMS ] || [ "$name" = backup.txt ] || [ -n "${listed[$name]:-}" ] \
    || fail "$backup/$name is not listed in SHA256SUMS"
done < <(find "$backup" -mindepth 1 -maxdepth 1 -print0)
(cd "$backup" && sha256sum --quiet --strict -c SHA256SUMS) || fail "$backup: a file does not match SHA256SUMS"
[ -f "$backup/files.tar.gz" ] || fail "$backup holds no files.tar.gz"
if [ -f "$backup/postgres.tar.gz" ] && [ -f "$backup/database.dump" ]; then
  fail "$backup holds both database.dump and postgres.tar.gz: not one backup"
elif [ -f "$backup/postgres.tar.gz" ]; then method=physical
elif [ -f "$backup/database.dump" ]; then method=dump
else fail "$backup holds no database.dump nor postgres.tar.gz"
fi

# --- the target: no installation there --------------------------------------------------------------------------
for kept in keys audit postgres; do
  [ -e "$data/$kept" ] || [ -L "$data/$kept" ] && fail "$data/$kept exists: restore into an empty data folder" 2
done
[ ! -e "$data" ] || [ -d "$data" ] || fail "$data exists and is not a folder" 2

# --- unpack into a temporary folder, removed (with what this run created) on any failure ------------------------
created=""                       # the topmost folder of $data's path that this run creates
d="$data"
while [ ! -e "$d" ] && [ ! -L "$d" ]; do created="$d"; d="$(dirname "$d")"; done
tmp=""
moved=()                         # entries already renamed from $tmp/stage into $data
done_ok=no
cleanup() {
  local rc=$? i
  if [ "$done_ok" != yes ]; then
    for ((i = ${#moved[@]} - 1; i >= 0; i--)); do
      mv -T -- "$data/${moved[i]}" "$tmp/stage/${moved[i]}" \
        || echo "could not move $data/${moved[i]} back: remove it by hand" >&2
    done
    [ -n "$tmp" ] && rm -rf -- "$tmp"
    if [ -n "$created" ]; then
      d="$data"
      while rmdir -- "$d" 2>/dev/null && [ "$d" != "$created" ]; do d="$(dirname "$d")"; done
    fi
    [ "$rc" -ne 0 ] && echo "nothing restored: $data is as it was" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$data"
tmp="$(mktemp -d "$data/.restore.XXXXXX")"
mkdir "$tmp/stage"
tar -C "$tmp/stage" -xzf "$backup/files.tar.gz" || fail "$backup/files.tar.gz did not unpack completely"
[ -e "$tmp/stage/postgres" ] && fail "$backup/files.tar.gz holds postgres/: not a files archive of backup.sh"
if [ "$method" = physical ]; then
  mkdir -m 700 "$tmp/stage/postgres"
  tar -C "$tmp/stage/postgres" --same-owner -xzf "$backup/postgres.tar.gz" \
    || fail "$backup/postgres.tar.gz did not unpack completely"
  # backup.sh appends backup_label last: without it (or the cluster's own files) the archive is cut short.
  for f in PG_VERSION global/pg_control backup_label; do
    [ -f "$tmp/stage/postgres/$f" ] || fail "$backup/postgres.tar.gz lacks $f: not a complete base backup"
  done
fi

# --- into place: renames on one file system, undone on failure --------------------------------------------------
entries=()
while IFS= read -r -d '' path; do entries+=("${path##*/}"); done \
  < <(find "$tmp/stage" -mindepth 1 -maxdepth 1 -print0)
for name in "${entries[@]}"; do
  [ -e "$data/$name" ] || [ -L "$data/$name" ] && fail "$data/$name exists: restore into an empty data folder" 2
done
for name in "${entries[@]}"; do
  mv -T -- "$tmp/stage/$name" "$data/$name" || fail "could not move $name into $data"
  moved+=("$name")
done

if [ "$method" = physical ]; then
  echo "embedded database restored into $data/postgres (recovered at the portal's next start)"
else
  pg_restore="${PG_BIN:+$PG_BIN/}pg_restore"
  "$pg_restore" --clean --if-exists --no-owner --exit-on-error --single-transaction \
    --dbname="${PGDATABASE:-postgres}" "$backup/database.dump" || fail "pg_restore failed: the database is unchanged"
  echo "database restored into ${PGHOST:-local socket}/${PGDATABASE:-postgres}"
fi
done_ok=yes
rm -rf -- "$tmp"
echo "restored from $backup in $(elapsed) s"
