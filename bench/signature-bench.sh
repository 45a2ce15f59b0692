#!/usr/bin/env bash
# Signing and verification latency of an electronic result (PAdES B-B): bench/signature-bench.sh [count]
exec "$(dirname "$0")/run.sh" SignatureBench "$@"
