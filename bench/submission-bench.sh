#!/usr/bin/env bash
# Submission throughput benchmark: bench/submission-bench.sh [seconds] [clients] [warm-up seconds]
exec "$(dirname "$0")/run.sh" SubmissionBench "$@"
