#!/usr/bin/env bash
# Runs a local Neo4j community server (Bolt only, 127.0.0.1) in the foreground: the LTS by default,
# or the version NEO4J_VERSION names. Builds it first, into target/<version>/, when that is missing or
# older than pom.xml / the sources, with the JDK the version needs.
# Settings: environment variables, see README.md. stdout: the ready line, later the stopped line.
# `run.sh --build` only builds (if needed) and exits, e.g. for a CI step before tests start.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# The two versions tested here (CI runs both), each the newest patch that resolves from Maven Central.
lts=5.26.30
current=2026.08.1
# Where the machines here keep a JDK for the calendar releases when the default java is older.
known_jdk=/usr/lib/jvm/temurin-25-jdk-amd64

case "${NEO4J_VERSION:-lts}" in
  lts) version=$lts ;;
  current) version=$current ;;
  *) version=$NEO4J_VERSION ;;
esac
# 5.x runs on Java 17 and 21; the calendar releases (2025.01 on) on Java 21 and later. Each line keeps
# its own default data folder: a store a calendar release has opened cannot go back to 5.x.
if [[ $version =~ ^5\.[0-9]+\.[0-9]+$ ]]; then
  java_min=17 java_max=21 release=17 data_dir=data/neo4j
elif [[ $version =~ ^20[2-9][0-9]\.[0-9]{2}\.[0-9]+$ && ! $version < 2025 ]]; then
  java_min=21 java_max=999 release=21 data_dir=data/neo4j-calendar
else
  echo "NEO4J_VERSION=$version is not a Neo4j version this runs: give lts ($lts, the default), current ($current)," \
    "another 5.x.y, or a calendar release such as $current" >&2
  exit 2
fi

# The language of statements with no CYPHER prefix, in databases created from now on: from 2026.02 a new
# install's neo4j.conf sets Cypher 25; NEO4J_DEFAULT_LANGUAGE (CYPHER_5 or CYPHER_25) overrides it.
if ((release == 17)); then
  if [[ -n ${NEO4J_DEFAULT_LANGUAGE:-} ]]; then
    echo "NEO4J_DEFAULT_LANGUAGE=$NEO4J_DEFAULT_LANGUAGE needs a calendar release (2025.06 on): Neo4j $version speaks Cypher 5 only" >&2
    exit 2
  fi
elif [[ -z ${NEO4J_DEFAULT_LANGUAGE:-} && ! $version < 2026.02 ]]; then
  export NEO4J_DEFAULT_LANGUAGE=CYPHER_25
fi

# The JDK: JAVA_HOME, the known path (calendar releases) or the java on PATH, the first of a fitting release.
feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }
candidates=("${JAVA_HOME:-}")
((java_min >= 21)) && candidates+=("$known_jdk")
path_java="$(command -v java || true)"
[[ -n $path_java ]] && candidates+=("$(dirname "$(dirname "$(readlink -f "$path_java")")")")
jdk='' looked=''
for candidate in "${candidates[@]}"; do
  [[ -z $candidate || $looked == *"$candidate ("* ]] && continue
  found="$(feature "$candidate")"
  if [[ -n $found ]] && ((found >= java_min && found <= java_max)); then jdk=$candidate && break; fi
  if [[ -n $found ]]; then looked+="$candidate (Java $found), "; else looked+="$candidate (no JDK there), "; fi
done
if [[ -z $jdk ]]; then
  wanted="Java $java_min"
  if ((java_max == 999)); then wanted+=" or later"; else wanted+=" to $java_max"; fi
  looked=${looked%, }
  echo "Neo4j $version needs $wanted (a JDK: Maven compiles with it too). Looked at: ${looked:-nothing (JAVA_HOME is unset, no java on PATH)}." \
    "Install one, or set JAVA_HOME to it." >&2
  exit 2
fi
export JAVA_HOME=$jdk NEO4J_DATA_DIR=${NEO4J_DATA_DIR:-$data_dir}
java_feature="$(feature "$jdk")"
# From Java 23 the JVM warns on stderr when sun.misc.Unsafe is used, as Neo4j's libraries and Maven's do.
unsafe=()
((java_feature >= 23)) && unsafe+=(--sun-misc-unsafe-memory-access=allow)

target="$here/target/$version"
jar="$target/local-neo4j.jar"
needs_build() {
  [[ ! -f "$jar" || ! -d "$target/lib" ]] && return 0
  [[ -n "$(find "$here/pom.xml" "$here/src" -newer "$jar" -print -quit)" ]]
}

if needs_build; then
  # Several test runners may start at once: build under a lock, re-checking inside it.
  # Maven's output goes to stderr: stdout is only for the program's own lines.
  mkdir -p "$target"
  exec 9>"$target/.build.lock"
  flock 9
  if needs_build; then
    echo "Building $jar (Neo4j $version, Java $java_feature) ..." >&2
    MAVEN_OPTS="${MAVEN_OPTS:-} ${unsafe[*]}" mvn -q -B -Dstyle.color=never -f "$here/pom.xml" package -DskipTests \
      -Dneo4j.version="$version" -Dmaven.compiler.release="$release" >&2
    touch "$jar" # Maven may leave an up-to-date jar alone; the check above compares mtimes
  fi
  flock -u 9
  exec 9>&-
fi
[[ "${1:-}" == "--build" ]] && exit 0

# JVM flags from Neo4j's conf/neo4j.conf (server.jvm.additional), except:
#  -XX:+AlwaysPreTouch           would commit the whole initial heap up front (slow start, high RSS);
#  -XX:+TrustFinalNonStaticFields the shipped conf says to disable it when embedding;
# plus -Dfile.encoding=UTF-8, which Neo4j's own launcher adds, and a heap cap (NEO4J_HEAP).
# JVM warnings go to stderr so that stdout stays the two lines the Java program prints.
# NEO4J_JAVA_OPTS (word-split) is appended, e.g. for a debugger or -Xlog options.
exec "$jdk/bin/java" \
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
  "${unsafe[@]}" \
  ${NEO4J_JAVA_OPTS:-} `# unquoted on purpose: several options` \
  -jar "$jar"
