#!/usr/bin/env bash
# Builds a Debian package of RouteBench that brings its own trimmed Java runtime, so users need no
# JDK: a menu entry with the icon, and the .routebench file type (double-click opens the workbench
# on that workspace; the desktop entry in resources/ passes the file as %f).
#
#   installers/linux/build-deb.sh [OUTPUT_DIR]      (default: installers/linux/target)
#
# Needs a JDK 21+ with jpackage (found like ./mvnw finds it), fakeroot and dpkg-deb.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/../common.sh"
OUT="${1:-$HERE/target}"

for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done

prepare_package
mkdir -p "$OUT"
"$JAVA_HOME/bin/jpackage" --type deb \
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
  --linux-deb-maintainer "routebench@localhost" \
  --dest "$OUT"

echo "Built: $(ls "$OUT"/routebench_"$VERSION"*.deb)" >&2
