#!/usr/bin/env bash
# Builds RouteBench's Linux packages, each with its own trimmed Java runtime, so users need no JDK:
# the `routebench` command on PATH (/usr/bin/routebench, a file of the package), its man pages and
# bash/zsh completion, a menu entry with the icon and the .routebench file type (double-click opens
# the workbench on that workspace; the desktop entry in resources/ passes the file as %f). Menu and
# file-type registration are best-effort (resources/postinst, prerm, postrm for the .deb,
# resources/routebench.spec for the .rpm), so the packages also install on servers, CI runners and
# containers without a desktop menu. Both declare the system libraries the bundled JavaFX and
# llama.cpp load (GTK 3, libGL, pango, fontconfig, libgomp, ...); installers/linux/check-packages.sh
# proves the .deb installs and runs in a minimal Debian and lists the .rpm's requirements.
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

# What the libraries inside the jars need from the system (JavaFX's glass, prism and font
# libraries, llama.cpp's libjllama.so): `objdump -p` on them lists GTK 3, libGL, libXxf86vm,
# libXtst, pango/pangoft2, fontconfig, freetype, libgomp (OpenMP) and libstdc++. The runtime's own
# libraries are found by jpackage (deb) and rpm's dependency generator (rpm).
DEB_DEPENDS="libgtk-3-0t64 | libgtk-3-0, libgl1, libxxf86vm1, libxtst6, libpango-1.0-0, libpangoft2-1.0-0, libfontconfig1, libfreetype6, libgomp1, libstdc++6, libx11-6"
RPM_REQUIRES="libgtk-3.so.0()(64bit), libGL.so.1()(64bit), libXxf86vm.so.1()(64bit), libXtst.so.6()(64bit), libpango-1.0.so.0()(64bit), libpangoft2-1.0.so.0()(64bit), libfontconfig.so.1()(64bit), libfreetype.so.6()(64bit), libgomp.so.1()(64bit), libstdc++.so.6()(64bit), libX11.so.6()(64bit)"

prepare_package
mkdir -p "$OUT"

packaging="$INPUT/packaging"
mkdir -p "$packaging"
cp -r "$ROOT/app/target/cli-docs/." "$packaging/"
sed -e "s|@VERSION@|$VERSION|" -e "s|@EXTRA_JAVA_OPTIONS@|$EXTRA_JAVA_OPTIONS|" \
  "$HERE/launcher.sh" > "$packaging/launcher.sh"
chmod 755 "$packaging/launcher.sh"

# The spec gets the runtime's library names, which rpm must not turn into requirements.
RESOURCES="$WORK/resources"
cp -r "$HERE/resources" "$RESOURCES"
private_libraries="$(find "$RUNTIME" -name '*.so' -printf '%f\n' | sort -u | sed 's/\./\\\\\\\\./g' | paste -sd '|')"
sed -i "s/@PRIVATE_LIBRARIES@/$private_libraries/" "$RESOURCES/routebench.spec"

# jpackage's .deb keeps its files under /opt; what belongs elsewhere (the command on PATH, man pages,
# completion) and RouteBench's launcher go in after it, under fakeroot so that root owns them.
repack_deb() {
  local deb="$1" tree="$WORK/deb-tree"
  fakeroot -- bash -euo pipefail -c '
    deb="$1"; tree="$2"; depends="$3"
    rm -rf "$tree"
    dpkg-deb -R "$deb" "$tree"
    app="$tree/opt/routebench/lib/app"
    install -m 755 "$app/packaging/launcher.sh" "$tree/opt/routebench/bin/routebench"
    rm -f "$tree/opt/routebench/lib/libapplauncher.so"
    install -d -m 755 "$tree/usr/bin" "$tree/usr/share/man/man1" \
      "$tree/usr/share/bash-completion/completions" "$tree/usr/share/zsh/vendor-completions"
    ln -s /opt/routebench/bin/routebench "$tree/usr/bin/routebench"
    for page in "$app"/packaging/man1/*.1; do
      gzip -9n < "$page" > "$tree/usr/share/man/man1/$(basename "$page").gz"
    done
    install -m 644 "$app/packaging/bash-completion/routebench" "$tree/usr/share/bash-completion/completions/routebench"
    install -m 644 "$app/packaging/zsh/_routebench" "$tree/usr/share/zsh/vendor-completions/_routebench"
    rm -rf "$app/packaging"
    control="$tree/DEBIAN/control"
    # jpackage lists the runtime'"'"'s libraries; the jars'"'"' libraries come after them, each
    # package once (both lists name libx11-6 and libxtst6).
    listed="$(sed -n "s/^Depends: //p" "$control")"
    merged="$(printf "%s,%s" "$listed" "$depends" | tr "," "\n" | sed "s/^ *//; s/ *$//" \
      | awk "NF && !seen[\$0]++" | paste -sd "," | sed "s/,/, /g")"
    sed -i "/^Depends:/d" "$control"
    echo "Depends: $merged" >> "$control"
    # Fields go at the end of the one paragraph: no blank line may come before them.
    sed -i -e "/^Installed-Size:/d" -e "/^[[:space:]]*$/d" "$control"
    echo "Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)" >> "$control"
    echo "Recommends: fonts-dejavu-core, xdg-utils" >> "$control"
    (cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf "%P\0" | sort -z | xargs -0 md5sum) > "$tree/DEBIAN/md5sums"
    dpkg-deb --root-owner-group -Zxz -b "$tree" "$deb" >/dev/null
  ' repack "$deb" "$tree" "$DEB_DEPENDS"
}

for type in "${TYPES[@]}"; do
  extra=()
  if [ "$type" = deb ]; then
    extra=(--linux-deb-maintainer "routebench@localhost")
  else
    extra=(--linux-rpm-license-type "Apache-2.0" --linux-package-deps "$RPM_REQUIRES")
  fi
  # The install folder stays jpackage's default, /opt/routebench.
  "$JAVA_HOME/bin/jpackage" --type "$type" \
    --name routebench \
    --app-version "$VERSION" \
    --vendor "RouteBench" \
    --description "Workbench for preference-aligned LLM routing policies (Arch-Router)" \
    --license-file "$ROOT/LICENSE" \
    --input "$INPUT" \
    --main-jar routebench.jar \
    --main-class io.routebench.app.Main \
    --runtime-image "$RUNTIME" \
    "${JAVA_OPTIONS[@]}" \
    --icon "$ROOT/installers/icons/routebench.png" \
    --file-associations "$ROOT/installers/routebench-workspace.properties" \
    --resource-dir "$RESOURCES" \
    --linux-shortcut \
    --linux-menu-group "Development" \
    --linux-app-category devel \
    "${extra[@]}" \
    --dest "$OUT"
  if [ "$type" = deb ]; then
    repack_deb "$OUT/routebench_${VERSION}_amd64.deb"
  fi
done
echo "Built:" >&2
ls -l "$OUT"/routebench[_-]"$VERSION"* >&2
