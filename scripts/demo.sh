#!/usr/bin/env bash
# Quick start (1): install what is missing, build in Release, run onramp on the example backend.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DONRAMP_TESTS=OFF >/dev/null
cmake --build build/release --target onramp
./build/release/onramp examples/shopfront "$@"
