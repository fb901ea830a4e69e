#!/usr/bin/env bash
# Builds routebench-<version>-1.x86_64.rpm (see package.sh).
#   installers/linux/build-rpm.sh [OUTPUT_DIR]      (default: installers/linux/target)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
exec "$HERE/package.sh" rpm ${1:+--dest "$1"}
