#!/usr/bin/env bash
# Builds routebench_<version>_amd64.deb (see package.sh).
#   installers/linux/build-deb.sh [OUTPUT_DIR]      (default: installers/linux/target)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
exec "$HERE/package.sh" deb ${1:+--dest "$1"}
