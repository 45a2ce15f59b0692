#!/usr/bin/env bash
# Builds a base image for the portal's container image without any registry: a minimal Debian rootfs
# (debootstrap from a Debian mirror) with a Java 25 runtime made by jlink from the local JDK, written as a
# `docker save` tar that Jib takes as `-Djib.from.image=tar://<file>`. For machines that cannot pull
# eclipse-temurin:25-jre (the default base). Needs root (debootstrap) and a JDK 25.
#
#   deploy/base-image.sh [output tar]        default: target/base-image/motcua-base.tar
#   DEBIAN_MIRROR=http://... DEBIAN_SUITE=bookworm JAVA_HOME=/usr/lib/jvm/... deploy/base-image.sh
set -euo pipefail
out="$(realpath -m "${1:-target/base-image/motcua-base.tar}")"
jdk="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1)}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite="${DEBIAN_SUITE:-bookworm}"
# The modules of a JRE (java.se), what Spring Boot and Lucene use beyond it (jdk.unsupported, jdk.incubator.vector),
# and the tools to look at a running JVM (jcmd, JFR, JMX).
modules="java.se,jdk.unsupported,jdk.incubator.vector,jdk.management,jdk.management.agent,jdk.zipfs,jdk.naming.dns"
modules="$modules,jdk.localedata,jdk.charsets,jdk.crypto.cryptoki,jdk.jfr,jdk.net,jdk.httpserver,jdk.security.auth"
modules="$modules,jdk.xml.dom,jdk.attach,jdk.jcmd"

command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }
work="$(mktemp -d /tmp/motcua-base-XXXXXX)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
image="$work/image"
mkdir -p "$image" "$(dirname "$out")"

echo "debootstrap $suite (minbase) from $mirror"
debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*

echo "jlink a Java runtime from $jdk"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --output "$rootfs/opt/java/openjdk" 2>&1 | grep -v 'incubator modules' || true
"$rootfs/opt/java/openjdk/bin/java" -version 2>&1 | head -n 1

# One layer, owned by root whoever runs this, with stable times so that the same inputs give the same digest.
tar --numeric-owner --owner=0 --group=0 --mtime='2000-01-01 00:00:00' --sort=name -C "$rootfs" -cf "$image/layer.tar" .
diff_id="sha256:$(sha256sum "$image/layer.tar" | cut -d' ' -f1)"
java_version="$("$rootfs/opt/java/openjdk/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.runtime.version = //p')"
cat >"$image/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
   "JAVA_HOME=/opt/java/openjdk","JAVA_VERSION=$java_version","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created_by":"deploy/base-image.sh: debootstrap --variant=minbase $suite + jlink $java_version"}]}
JSON
cat >"$image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["motcua-base:25"],"Layers":["layer.tar"]}]
JSON
tar -C "$image" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1), layer $diff_id)"
