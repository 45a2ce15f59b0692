#!/usr/bin/env bash
# Runs one benchmark program: bench/run.sh <SearchBench|SubmissionBench> [arguments]
# Compiles the project and the benchmarks (bench/src is a test source root), then runs the program on JDK 25.
set -euo pipefail
cd "$(dirname "$0")/.."
program="$1"
shift
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1)}/bin/java"
# BENCH_JAVA_OPTS comes after the default heap so that its -Xmx wins.
exec "$JAVA" --add-modules jdk.incubator.vector -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "vn.motcua.bench.$program" "$@"
