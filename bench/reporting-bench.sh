#!/usr/bin/env bash
# Reporting read model benchmark (see ReportingBench):
#   bench/reporting-bench.sh [dossiers] [catalog size] [repetitions]      (defaults 5000000 2000 20)
#   bench/reporting-bench.sh submissions [seconds] [clients] [rounds]     (defaults 20 16 3)
# The history mode holds the read model's rebuild in memory: it needs a large heap (BENCH_JAVA_OPTS overrides).
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx12g}"
exec "$(dirname "$0")/run.sh" ReportingBench "$@"
