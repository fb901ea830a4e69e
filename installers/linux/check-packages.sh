#!/usr/bin/env bash
# Proves that the Linux packages declare what they need. Run by hand (as root: it builds a chroot),
# never by the test command: it downloads Debian packages.
#
#   installers/linux/check-packages.sh [DIR]     DIR holds the packages (default: installers/linux/target)
#
# .deb: a minimal Debian root (mmdebstrap --variant=minbase: no GTK, no X, no fonts) installs the
#   package with apt, which must pull in every library it declares; then, inside, `routebench
#   --version`, a headless `routebench validate`, the one-line answer of the workbench without a
#   display, and the files the package owns (/usr/bin/routebench, man pages, completion, licence).
#   Then the bundled JavaFX and llama.cpp libraries are checked with ldd: nothing may be missing.
# .rpm: its requirements (rpm -qpR) must name the same libraries and none of the bundled runtime's
#   own; /usr/bin/routebench must be one of its files and its licence Apache-2.0.
# Both: the launcher must not run rpm/dpkg at start (jpackage's did, creating ~/.rpmdb).
#
# Needs: mmdebstrap, rpm, dpkg (Debian/Ubuntu: apt-get install mmdebstrap rpm). SUITE=bookworm by
# default (SUITE=trixie to try the next release).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT_DIR="$(cd "$HERE/../.." && pwd)"
DIR="${1:-$HERE/target}"
SUITE="${SUITE:-bookworm}"
deb="$(ls "$DIR"/routebench_*_amd64.deb | tail -1)"
rpm="$(ls "$DIR"/routebench-*.x86_64.rpm 2>/dev/null | tail -1 || true)"
failures=0
check() { # check DESCRIPTION COMMAND...: prints ok/FAILED and counts failures
  local what="$1"; shift
  if "$@"; then echo "ok      $what"; else echo "FAILED  $what"; failures=$((failures + 1)); fi
}

[ "$(id -u)" -eq 0 ] || { echo "check-packages.sh: run as root (it builds a chroot)" >&2; exit 2; }
for tool in mmdebstrap dpkg-deb rpm; do
  command -v "$tool" >/dev/null || { echo "check-packages.sh: $tool is missing (apt-get install mmdebstrap rpm)" >&2; exit 2; }
done

work="$(mktemp -d)"
chroot_dir="$work/debian"
cleanup() {
  umount "$chroot_dir/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== $(basename "$deb")"
dpkg-deb -f "$deb" Package Version Depends Recommends Installed-Size | sed 's/^/   /'
repeated_depends="$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/ *$//' | sort | uniq -d)"
check "deb names each dependency once" [ -z "$repeated_depends" ]
echo "== Minimal Debian $SUITE root (mmdebstrap --variant=minbase)"
mmdebstrap --quiet --variant=minbase "$SUITE" "$chroot_dir" >/dev/null
echo "   $(chroot "$chroot_dir" dpkg-query -f '.\n' -W | wc -l) packages before RouteBench"
mount -t proc proc "$chroot_dir/proc"
cp "$deb" "$chroot_dir/tmp/routebench.deb"
cp "$ROOT_DIR/sample-policies/coding-assistant.policy.yaml" "$chroot_dir/tmp/"
echo "== apt-get install ./routebench.deb"
# mmdebstrap leaves no package lists behind: fetch them, as on a freshly installed machine.
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
chroot "$chroot_dir" apt-get update -q > "$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; exit 1; }
chroot "$chroot_dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/routebench.deb \
  >> "$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; exit 1; }
grep -E "^(Setting up routebench|routebench:)" "$work/apt.log" | sed 's/^/   /'
echo "   $(chroot "$chroot_dir" dpkg-query -f '.\n' -W | wc -l) packages after (dependencies pulled in by apt)"
in_root() { chroot "$chroot_dir" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

echo "== Inside the root"
version="$(in_root routebench --version 2>&1)"
echo "$version" | sed 's/^/   $ routebench --version: /'
check "routebench --version runs" grep -q '^RouteBench ' <<<"$version"
set +e
validate="$(in_root routebench validate /tmp/coding-assistant.policy.yaml 2>&1)"; rc=$?
set -e
echo "   $ routebench validate coding-assistant.policy.yaml: $validate (exit $rc)"
check "headless validate exits 0" [ "$rc" -eq 0 ]
set +e
gui="$(in_root routebench 2>&1)"; rc=$?
set -e
echo "   $ routebench   (no DISPLAY): $gui (exit $rc)"
check "the workbench without a display says so in one line, no stack trace" \
  bash -c '[ "$(wc -l <<<"$1")" -eq 1 ] && grep -q "needs a display" <<<"$1" && ! grep -q "at com.sun" <<<"$1"' _ "$gui"
check "exit 3 (could not run) without a display" [ "$rc" -eq 3 ]
check "/usr/bin/routebench belongs to the package" in_root dpkg -S /usr/bin/routebench
check "man pages installed" test -f "$chroot_dir/usr/share/man/man1/routebench-validate.1.gz"
check "bash completion installed" test -f "$chroot_dir/usr/share/bash-completion/completions/routebench"
check "zsh completion installed" test -f "$chroot_dir/usr/share/zsh/vendor-completions/_routebench"
check "LICENSE and third-party notices installed" \
  test -f "$chroot_dir/opt/routebench/lib/app/LICENSE" -a -f "$chroot_dir/opt/routebench/lib/app/THIRD-PARTY-NOTICES.md"
check "no ~/.rpmdb after starting" test ! -e "$chroot_dir/root/.rpmdb"

echo "== Bundled native libraries, resolved inside the root (ldd)"
mkdir -p "$chroot_dir/tmp/natives"
for jar in "$chroot_dir"/opt/routebench/lib/app/lib/javafx-graphics-*-linux.jar "$chroot_dir"/opt/routebench/lib/app/lib/llama-*.jar; do
  (cd "$chroot_dir/tmp/natives" && unzip -qo "$jar" 'lib*.so' 'de/kherud/llama/Linux/x86_64/*' 2>/dev/null || true)
done
missing="$(cd "$chroot_dir" && find tmp/natives -name '*.so' | while read -r so; do
  chroot "$chroot_dir" ldd "/$so" | { grep "not found" || true; } | sed "s|^|$(basename "$so"): |"
done)"
echo "   $(find "$chroot_dir/tmp/natives" -name '*.so' | wc -l) libraries checked"
[ -z "$missing" ] || echo "$missing" | sed 's/^/   /'
check "every library JavaFX and llama.cpp load is present" [ -z "$missing" ]

if [ -n "$rpm" ]; then
  echo "== $(basename "$rpm")"
  requires="$(rpm -qpR "$rpm" 2>/dev/null)"
  echo "$requires" | sed 's/^/   Requires: /'
  echo "   License: $(rpm -qp --qf '%{LICENSE}' "$rpm" 2>/dev/null)"
  for library in libgtk-3.so.0 libGL.so.1 libpango-1.0.so.0 libfontconfig.so.1 libgomp.so.1 libXtst.so.6; do
    check "rpm requires $library" grep -q "^$library()(64bit)" <<<"$requires"
  done
  check "rpm requires nothing the bundled runtime provides itself" \
    bash -c '! grep -qE "^lib(jvm|java|jli|net|nio|zip|awt)\.so" <<<"$1"' _ "$requires"
  check "rpm requires the C library its runtime links (automatic requirements on)" grep -q "^libc.so.6" <<<"$requires"
  check "rpm owns /usr/bin/routebench" bash -c 'rpm -qpl "$1" 2>/dev/null | grep -qx /usr/bin/routebench' _ "$rpm"
  check "rpm licence is Apache-2.0" [ "$(rpm -qp --qf '%{LICENSE}' "$rpm" 2>/dev/null)" = "Apache-2.0" ]
fi

echo "== The launcher runs no package manager (jpackage's ran rpm -qf, creating ~/.rpmdb)"
extracted="$work/extracted"; mkdir -p "$extracted/home"
dpkg-deb -x "$deb" "$extracted"
HOME="$extracted/home" "$extracted/opt/routebench/bin/routebench" --version >/dev/null 2>&1
check "no ~/.rpmdb after a start on a machine with rpm installed" test ! -e "$extracted/home/.rpmdb"

echo
if [ "$failures" -eq 0 ]; then echo "All checks passed."; else echo "$failures check(s) FAILED."; exit 1; fi
