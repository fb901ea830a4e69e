# Sourced by ./mvnw and ./routebench (POSIX sh). RouteBench needs JDK 21+; many machines still
# default to 17, so when JAVA_HOME is unset or too old, pick the newest JDK >= 21 installed in the
# usual places instead of failing. An explicit JAVA_HOME of 21+ always wins.
routebench_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

routebench_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(routebench_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 21 ] && return 0
  fi
  if [ -z "${JAVA_HOME-}" ] && command -v java >/dev/null 2>&1; then
    current=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(routebench_java_major "$current")
    if [ "${major:-0}" -ge 21 ]; then
      JAVA_HOME="$current"
      export JAVA_HOME
      return 0
    fi
  fi
  best=""
  best_major=0
  # The caller may have globbing off (mvnw runs under set -f).
  case $- in *f*) glob_was_off=1 ;; *) glob_was_off=0 ;; esac
  set +f
  for candidate in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(routebench_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major=$major
    fi
  done
  [ "$glob_was_off" = 1 ] && set -f
  if [ -n "$best" ]; then
    JAVA_HOME="$best"
    export JAVA_HOME
    return 0
  fi
  echo "RouteBench needs a JDK 21 or newer; none found. Install one and set JAVA_HOME." >&2
  return 1
}

routebench_select_jdk || exit 1
# Maven's Guice warns about sun.misc.Unsafe on JDK 24+; the flag that silences it is unknown to 21.
if [ "$(routebench_java_major "$JAVA_HOME")" -ge 24 ]; then
  case "${MAVEN_OPTS-}" in
    *sun-misc-unsafe*) ;;
    *) MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS-}"; export MAVEN_OPTS ;;
  esac
fi
