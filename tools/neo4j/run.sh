#!/usr/bin/env bash
# Runs a local Neo4j 5.26 community server (Bolt only, 127.0.0.1) in the foreground.
# Builds the jar first when it is missing or older than pom.xml / the sources.
# Settings: environment variables, see README.md. stdout: the ready line, later the stopped line.
# `run.sh --build` only builds (if needed) and exits, e.g. for a CI step before tests start.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/local-neo4j.jar"

needs_build() {
  [[ ! -f "$jar" || ! -d "$here/target/lib" ]] && return 0
  [[ -n "$(find "$here/pom.xml" "$here/src" -newer "$jar" -print -quit)" ]]
}

if needs_build; then
  # Several test runners may start at once: build under a lock, re-checking inside it.
  # Maven's output goes to stderr: stdout is only for the program's own lines.
  mkdir -p "$here/target"
  exec 9>"$here/target/.build.lock"
  flock 9
  if needs_build; then
    echo "Building $jar ..." >&2
    mvn -q -B -Dstyle.color=never -f "$here/pom.xml" package -DskipTests >&2
    touch "$jar" # Maven may leave an up-to-date jar alone; the check above compares mtimes
  fi
  flock -u 9
  exec 9>&-
fi
[[ "${1:-}" == "--build" ]] && exit 0

# JVM flags from Neo4j 5.26's conf/neo4j.conf (server.jvm.additional), except:
#  -XX:+AlwaysPreTouch           would commit the whole initial heap up front (slow start, high RSS);
#  -XX:+TrustFinalNonStaticFields the shipped conf says to disable it when embedding;
# plus -Dfile.encoding=UTF-8, which Neo4j's own launcher adds, and a heap cap (NEO4J_HEAP).
# JVM warnings go to stderr so that stdout stays the two lines the Java program prints.
# NEO4J_JAVA_OPTS (word-split) is appended, e.g. for a debugger or -Xlog options.
exec java \
  -Xmx"${NEO4J_HEAP:-1g}" \
  -XX:+UseG1GC \
  -XX:-OmitStackTraceInFastThrow \
  -XX:+DisableExplicitGC \
  -Djdk.nio.maxCachedBufferSize=1024 \
  -Dio.netty.tryReflectionSetAccessible=true \
  -Djdk.tls.ephemeralDHKeySize=2048 \
  -Djdk.tls.rejectClientInitiatedRenegotiation=true \
  -XX:FlightRecorderOptions=stackdepth=256 \
  -XX:+UnlockDiagnosticVMOptions \
  -XX:+DebugNonSafepoints \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --enable-native-access=ALL-UNNAMED \
  -Dlog4j2.disable.jmx=true \
  -Dlog4j.layout.jsonTemplate.maxStringLength=32768 \
  -Dfile.encoding=UTF-8 \
  -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr \
  ${NEO4J_JAVA_OPTS:-} `# unquoted on purpose: several options` \
  -jar "$jar"
