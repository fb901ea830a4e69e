#!/usr/bin/env bash
# Scale benchmark (README, "Performance"): what a 20,000-route config and a 100,000-case suite cost
# each command, as separate processes the way a user or CI runs them: wall time, CPU time (user +
# system) and peak resident memory, measured by GNU time. The inputs are generated once into
# bench-cache/scale (deterministic). ROUTEBENCH=path/to/launcher measures another build.
# Usage: bench/scale-benchmark.sh [ROUTES] [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
routes=${1:-20000}
cases=${2:-100000}
rb=${ROUTEBENCH:-./routebench}
dir=bench-cache/scale
if ! command -v /usr/bin/time >/dev/null; then
  echo "GNU time (/usr/bin/time) is needed to measure CPU time and memory" >&2
  exit 1
fi
if [ ! -f "$dir/routes-$routes.yaml" ] || [ ! -f "$dir/cases-$cases.jsonl" ]; then
  "$rb" bench scale-data --routes "$routes" --cases "$cases" --dir "$dir" >&2
fi
rm -f "$dir"/*.routebench "$dir"/*.routebench-* "$dir/exported.yaml"

printf '%-44s %8s %8s %9s\n' "step (one process each)" "wall s" "CPU s" "peak RSS"
measure() {
  local label=$1
  shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$dir/time.txt" "$rb" "$@" >/dev/null 2>"$dir/stderr.txt"; then
    echo "$label failed:" >&2
    cat "$dir/stderr.txt" >&2
    exit 1
  fi
  read -r wall user sys rss <"$dir/time.txt"
  printf '%-44s %8.2f %8.2f %6.0f MB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
}
measure "start and stop (--version)" --version
measure "import $routes-route config" import "$dir/routes-$routes.yaml" --workspace "$dir/routes.routebench"
measure "export it (archgw)" export --workspace "$dir/routes.routebench" --format archgw -o "$dir/exported.yaml"
measure "print a router prompt from it" prompt --config "$dir/routes.routebench" --conversation "$dir/messages.json"
measure "validate it" validate "$dir/routes.routebench"
"$rb" import "$dir/suite-routes.yaml" --workspace "$dir/suite.routebench" >/dev/null 2>&1
measure "import $cases-case suite ($(du -m "$dir/cases-$cases.jsonl" | cut -f1) MB JSONL)" import "$dir/cases-$cases.jsonl" --workspace "$dir/suite.routebench"
