#!/usr/bin/env bash
# Search latency benchmark: bench/search-bench.sh [procedures] [queries]
exec "$(dirname "$0")/run.sh" SearchBench "$@"
