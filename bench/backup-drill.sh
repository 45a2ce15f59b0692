#!/usr/bin/env bash
# Backup-and-restore drill: bench/backup-drill.sh [dossiers]  (needs psql; see README "Backup and restore")
exec "$(dirname "$0")/run.sh" BackupDrill "$@"
