# Shared steps of the jpackage scripts for Linux and macOS (sourced, bash). Each step prints what it
# does; any failure stops the calling script (it runs under set -euo pipefail).
#
# After `prepare_package`, these are set:
#   ROOT       the repository root
#   WORK       a scratch folder, removed on exit
#   INPUT      the application jar and its lib/ folder, as jpackage --input
#   RUNTIME    a jlink'ed Java runtime with just the modules the jars use
#   VERSION    the numeric application version (0.1.0-SNAPSHOT gives 0.1.0)
#   JAVA_OPTIONS  jpackage --java-options arguments, as an array
#   EXTRA_JAVA_OPTIONS  the same beyond --enable-native-access, as one string (for launcher.sh)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/.mvn/select-jdk.sh"

prepare_package() {
  echo "Building the application…" >&2
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package)
  local app="$ROOT/app/target"

  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  INPUT="$WORK/input"
  mkdir -p "$INPUT"
  cp "$app/routebench.jar" "$INPUT/"
  cp -r "$app/lib" "$INPUT/"

  VERSION="$(cd "$WORK" && "$JAVA_HOME/bin/jar" xf "$app/routebench.jar" META-INF/MANIFEST.MF &&
    sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' META-INF/MANIFEST.MF | tr -d '\r')"

  # JavaFX travels in lib/ (on the class path), so the runtime needs only JDK modules. Reflection
  # and service loading hide two from jdeps: TLS for remote routers and legacy charsets.
  local modules
  modules="$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 21 \
    "$INPUT/routebench.jar" "$INPUT"/lib/*.jar)"
  modules="$modules,jdk.crypto.ec,jdk.charsets"
  echo "Runtime modules: $modules" >&2
  RUNTIME="$WORK/runtime"
  # Never --strip-native-commands: RouteBench starts this runtime's bin/java to load a GGUF file
  # for the first time in a separate process (FirstLoadCheck), and refuses to load without it.
  # --generate-cds-archive: the runtime ships a class data sharing archive of its own classes, so
  # the JVM starts without parsing them (the application's classes get a per-user archive).
  "$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$RUNTIME"
  [ -x "$RUNTIME/bin/java" ] || { echo "The runtime has no bin/java; model files could not be loaded." >&2; exit 1; }

  # The same options ./routebench passes: JavaFX loads native code and (JDK 24+) uses Unsafe.
  JAVA_OPTIONS=(--java-options --enable-native-access=ALL-UNNAMED)
  EXTRA_JAVA_OPTIONS=""
  if [ "$(routebench_java_major "$JAVA_HOME")" -ge 24 ]; then
    JAVA_OPTIONS+=(--java-options --sun-misc-unsafe-memory-access=allow)
    EXTRA_JAVA_OPTIONS="--sun-misc-unsafe-memory-access=allow"
  fi

  # The licence, the notices of what the packages bundle, and (Linux) what package.sh moves out of
  # the application folder: launcher, man pages, shell completion.
  cp "$ROOT/LICENSE" "$ROOT/THIRD-PARTY-NOTICES.md" "$INPUT/"
  mkdir -p "$INPUT/licenses"
  cp "$RUNTIME/legal/java.base/LICENSE" "$INPUT/licenses/GPL-2.0-with-Classpath-Exception.txt"
}
