#!/usr/bin/env bash
# Measures onramp on real repositories: wall time, peak memory, and the share spent in tree-sitter.
# Usage: scripts/bench.sh [-j N] REPO_DIR...   (builds build/release first; runs each repo 3 times)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=2
if [ "${1:-}" = "-j" ]; then jobs=$2; shift 2; fi
[ $# -gt 0 ] || { echo "usage: scripts/bench.sh [-j N] REPO_DIR..." >&2; exit 2; }
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DONRAMP_TESTS=OFF >/dev/null
cmake --build build/release --target onramp >/dev/null
bin=$PWD/build/release/onramp
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
for repo in "$@"; do
  py=$(find "$repo" -name '*.py' -not -path '*/.git/*' | wc -l)
  echo "== $repo ($py .py files, -j$jobs)"
  for run in 1 2 3; do
    log=$(mktemp)
    ONRAMP_TIMINGS=1 /usr/bin/time -f 'wall %e s, peak RSS %M KiB, cpu user %U s sys %S s' \
      "$bin" -j "$jobs" --format json -o /dev/null "$repo" 2>"$log" || true
    echo "run $run: $(grep -E '^wall' "$log")"
    echo "       $(grep -E 'timings' "$log" | sed 's/^onramp: //')"
    rm -f "$log"
  done
done
