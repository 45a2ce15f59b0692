#!/usr/bin/env bash
# Submission throughput benchmark: bench/submission-bench.sh [seconds] [clients]
exec "$(dirname "$0")/run.sh" SubmissionBench "$@"
