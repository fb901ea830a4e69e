#!/usr/bin/env bash
# Builds RouteBench's Linux packages, each with its own trimmed Java runtime, so users need no JDK:
# the `routebench` command on PATH (/usr/bin/routebench), a menu entry with the icon and the
# .routebench file type (double-click opens the workbench on that workspace; the desktop entry in
# resources/ passes the file as %f). Menu and file-type registration are best-effort
# (resources/postinst, prerm, postrm for the .deb, resources/routebench.spec for the .rpm), so the
# packages also install on servers, CI runners and containers without a desktop menu.
#
#   installers/linux/package.sh TYPE... [--dest DIR]     TYPE: deb, rpm (default DIR: installers/linux/target)
#
# Needs a JDK 21+ with jpackage (found like ./mvnw finds it); for deb fakeroot and dpkg-deb, for
# rpm rpmbuild (apt-get install rpm on Debian/Ubuntu).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/../common.sh"
OUT="$HERE/target"
TYPES=()
while [ $# -gt 0 ]; do
  case "$1" in
    deb|rpm) TYPES+=("$1") ;;
    --dest) OUT="$2"; shift ;;
    *) echo "package.sh: unknown argument $1 (types: deb, rpm; --dest DIR)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#TYPES[@]} -gt 0 ] || { echo "usage: package.sh deb|rpm... [--dest DIR]" >&2; exit 2; }

for type in "${TYPES[@]}"; do
  case "$type" in
    deb) tools=(fakeroot dpkg-deb) ;;
    rpm) tools=(rpmbuild) ;;
  esac
  for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null ||
      { echo "package.sh: $tool is missing (Debian/Ubuntu: apt-get install ${tool/rpmbuild/rpm})" >&2; exit 1; }
  done
done

prepare_package
mkdir -p "$OUT"
for type in "${TYPES[@]}"; do
  extra=()
  if [ "$type" = deb ]; then
    extra=(--linux-deb-maintainer "routebench@localhost")
  fi
  # The install folder stays jpackage's default, /opt/routebench: the maintainer scripts link
  # /usr/bin/routebench to /opt/routebench/bin/routebench.
  "$JAVA_HOME/bin/jpackage" --type "$type" \
    --name routebench \
    --app-version "$VERSION" \
    --vendor "RouteBench" \
    --description "Workbench for preference-aligned LLM routing policies (Arch-Router)" \
    --input "$INPUT" \
    --main-jar routebench.jar \
    --main-class io.routebench.app.Main \
    --runtime-image "$RUNTIME" \
    "${JAVA_OPTIONS[@]}" \
    --icon "$ROOT/installers/icons/routebench.png" \
    --file-associations "$ROOT/installers/routebench-workspace.properties" \
    --resource-dir "$HERE/resources" \
    --linux-shortcut \
    --linux-menu-group "Development" \
    --linux-app-category devel \
    "${extra[@]}" \
    --dest "$OUT"
done
echo "Built:" >&2
ls -l "$OUT"/routebench[_-]"$VERSION"* >&2
