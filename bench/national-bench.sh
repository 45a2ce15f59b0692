#!/usr/bin/env bash
# The national layer against the demo's sandboxes: bench/national-bench.sh [dossiers] [national dossiers] [lookups]
exec "$(dirname "$0")/run.sh" NationalLayerBench "$@"
