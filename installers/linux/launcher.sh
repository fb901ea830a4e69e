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

# Class data sharing: the runtime's own archive covers the JDK. The workbench's classes go into a
# per-user archive that the JVM writes when the first workbench exits and maps at later starts (the
# install folder is read-only). Only the workbench: writing that archive at exit crashed the JVM
# once in about twenty starts here (JDK 25.0.3, in LambdaProxyClassDictionary), harmless after
# the workbench has saved and quit, but a command's exit code is a CI's verdict. The workbench also
# compiles with C1 only, which halves the CPU spent before its window (its heavy lifting is
# llama.cpp's native code); ROUTEBENCH_JAVA_OPTS=-XX:TieredStopAtLevel=4 undoes that.
cache="${XDG_CACHE_HOME:-$HOME/.cache}/routebench"
gui_options=
if [ $# -eq 0 ] || { [ $# -eq 1 ] && case "$1" in -*) false ;; *.routebench | *.ROUTEBENCH) true ;; *) false ;; esac; }; then
  gui_options="-XX:TieredStopAtLevel=1"
  if mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
    gui_options="$gui_options -XX:SharedArchiveFile=$cache/@VERSION@-workbench.jsa -XX:+AutoCreateSharedArchive"
    gui_options="$gui_options -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ErrorFile=$cache/hs_err_pid%p.log"
  fi
fi

# ROUTEBENCH_JAVA_OPTS and $gui_options hold several options each: split into words on purpose.
# shellcheck disable=SC2086
exec "$java" $gui_options --enable-native-access=ALL-UNNAMED @EXTRA_JAVA_OPTIONS@ ${ROUTEBENCH_JAVA_OPTS-} \
  -cp "$app/routebench.jar" io.routebench.app.Main "$@"
