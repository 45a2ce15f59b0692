#!/usr/bin/env bash
# Organisation workbook import at a province's scale: bench/organization-bench.sh [agencies] [staff]
exec "$(dirname "$0")/run.sh" OrganizationImportBench "$@"
