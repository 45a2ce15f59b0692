#!/usr/bin/env bash
# Crash drill (see CrashDrill): bench/crash-drill.sh [app|all] [seconds] [clients] [data folder]
#   app: kill -9 of the application under load; all: of the application and its embedded PostgreSQL together.
# Starts the portal with README command 1 (./mvnw spring-boot:run) on its own data folder (default /tmp/drill-*) and
# port (SERVER_PORT, default 18080), kills it at a random moment, restarts it with the same command, prints what survived.
export SERVER_PORT="${SERVER_PORT:-18080}"
exec "$(dirname "$0")/run.sh" CrashDrill "$@"
