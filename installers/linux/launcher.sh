#!/bin/sh
# The `routebench` command of the Linux packages (/opt/routebench/bin/routebench, linked from
# /usr/bin/routebench). It replaces jpackage's native launcher, which runs `rpm -qf` and then
# `dpkg -S` on itself at every start to find its own library (jdk.jpackage LinuxPackage.c): on a
# Debian machine the first creates ~/.rpmdb, and both cost time before the first window.
#
# Settings are environment variables, the same as for ./routebench from source:
#   ROUTEBENCH_HOME, ROUTEBENCH_MODEL_DIR, ... (see `man routebench`), HF_ENDPOINT, HF_HUB_OFFLINE,
#   and for the Java runtime ROUTEBENCH_JAVA_OPTS or JDK_JAVA_OPTIONS (both honoured).
set -eu

bin=$(dirname "$(readlink -f "$0")")
root=$(dirname "$bin")
app="$root/lib/app"
java="$root/lib/runtime/bin/java"

# Class data sharing: the runtime's own archive covers the JDK; the application's classes go into
# a per-user archive that the JVM writes at the first exit and reuses (the install folder is
# read-only). Workbench and commands load different classes, so each has its own.
cache="${XDG_CACHE_HOME:-$HOME/.cache}/routebench"
kind=cli
if [ $# -eq 0 ] || { [ $# -eq 1 ] && case "$1" in -*) false ;; *.routebench | *.ROUTEBENCH) true ;; *) false ;; esac; }; then
  kind=gui
fi
cds=
if mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
  cds="-XX:SharedArchiveFile=$cache/@VERSION@-$kind.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
# The workbench compiles with C1 only: it halves the CPU spent before the first window, and its
# heavy lifting is llama.cpp's native code. ROUTEBENCH_JAVA_OPTS=-XX:TieredStopAtLevel=4 undoes it.
if [ "$kind" = gui ]; then
  cds="$cds -XX:TieredStopAtLevel=1"
fi

# ROUTEBENCH_JAVA_OPTS and $cds hold several options each: split into words on purpose.
# shellcheck disable=SC2086
exec "$java" $cds --enable-native-access=ALL-UNNAMED @EXTRA_JAVA_OPTIONS@ ${ROUTEBENCH_JAVA_OPTS-} \
  -cp "$app/routebench.jar" io.routebench.app.Main "$@"
