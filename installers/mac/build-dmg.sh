#!/usr/bin/env bash
# Builds RouteBench-<version>.dmg: an app bundle with its own trimmed Java runtime, the icon, and
# the .routebench file type. Run it on macOS (jpackage only builds installers for the OS it runs
# on); the bundle is unsigned — sign and notarize it with your Developer ID before handing it out.
#
#   installers/mac/build-dmg.sh [OUTPUT_DIR]      (default: installers/mac/target)
#
# Needs a JDK 21+ with jpackage; sips and iconutil come with macOS.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/../common.sh"
OUT="${1:-$HERE/target}"

if [ "$(uname -s)" != Darwin ]; then
  echo "build-dmg: run this on macOS; jpackage cannot build a .dmg elsewhere." >&2
  exit 1
fi

prepare_package

# macOS rejects bundle versions starting with 0, which pre-1.0 releases have.
BUNDLE_VERSION="$VERSION"
case "$VERSION" in 0.*) BUNDLE_VERSION="1.${VERSION#0.}" ;; esac

# The icon: an .icns built from the shared PNG.
ICONSET="$WORK/RouteBench.iconset"
mkdir -p "$ICONSET"
for size in 16 32 128 256; do
  sips -z "$size" "$size" "$ROOT/installers/icons/routebench.png" \
    --out "$ICONSET/icon_${size}x${size}.png" >/dev/null
  double=$((size * 2))
  sips -z "$double" "$double" "$ROOT/installers/icons/routebench.png" \
    --out "$ICONSET/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil -c icns "$ICONSET" -o "$WORK/RouteBench.icns"

mkdir -p "$OUT"
"$JAVA_HOME/bin/jpackage" --type dmg \
  --name RouteBench \
  --app-version "$BUNDLE_VERSION" \
  --vendor "RouteBench" \
  --description "Workbench for preference-aligned LLM routing policies (Arch-Router)" \
  --input "$INPUT" \
  --main-jar routebench.jar \
  --main-class io.routebench.app.Main \
  --runtime-image "$RUNTIME" \
  "${JAVA_OPTIONS[@]}" \
  --icon "$WORK/RouteBench.icns" \
  --file-associations "$ROOT/installers/routebench-workspace.properties" \
  --mac-package-identifier io.routebench.app \
  --mac-package-name RouteBench \
  --dest "$OUT"

echo "Built: $(ls "$OUT"/RouteBench-*.dmg)" >&2
