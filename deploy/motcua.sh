#!/usr/bin/env sh
# Runs the packaged jar (./mvnw -B package -DskipTests) with the JVM options of ./mvnw spring-boot:run and of the
# container image (pom.xml, motcua.jvm.flags): java -jar alone would leave out the vector module Lucene uses.
#
#   deploy/motcua.sh [application arguments]       e.g. --server.port=8081
#   MOTCUA_JAR=/opt/motcua/motcua.jar JAVA_OPTS="-Xmx2g" SPRING_DATASOURCE_URL=jdbc:postgresql://db/motcua deploy/motcua.sh
#
# The jar carries no embedded PostgreSQL (an optional dependency that only spring-boot:run and the tests use), so it
# needs a database: SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD, or spring.datasource.* in config/application.yml.
set -eu
jvm_flags="--add-modules=jdk.incubator.vector"
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${MOTCUA_JAR:-$(ls "$here"/target/motcua-*.jar 2>/dev/null | head -n 1)}"
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "no jar: build it with ./mvnw -B package -DskipTests, or set MOTCUA_JAR" >&2
  exit 2
fi
if [ -z "${SPRING_DATASOURCE_URL:-}" ] && [ ! -f config/application.yml ] && [ ! -f config/application.properties ]; then
  echo "note: SPRING_DATASOURCE_URL is not set; the packaged jar has no embedded database" >&2
fi
# JAVA_HOME, else a JDK 25 where Debian and the build put it, else the java on the PATH (which may be older).
jdk="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1)}"
java="${jdk:+$jdk/bin/}java"
# JAVA_OPTS unquoted on purpose: it holds several options.
# shellcheck disable=SC2086
exec "$java" $jvm_flags ${JAVA_OPTS:-} -jar "$jar" "$@"
