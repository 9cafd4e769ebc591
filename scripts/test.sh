#!/usr/bin/env bash
# Quick start (2): install what is missing, check the formatting, build, and run the whole test suite twice:
# once with warnings as errors, once under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/lint.sh
jobs=$(nproc)

cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DONRAMP_WERROR=ON >/dev/null
cmake --build build/test -j "$jobs"
ctest --test-dir build/test --output-on-failure -j "$jobs"
# In CI also clang-tidy (.clang-tidy) over src/, from the compile commands of that build (~10 min on 2 cores).
if [[ "${CI:-}" == "true" ]]; then bash scripts/lint.sh --tidy build/test; fi

cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DONRAMP_WERROR=ON -DONRAMP_SANITIZE=ON >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"
# In CI also each fuzz target for a short reproducible run (fuzz/, scripts/fuzz.sh: seed 1, at most 100,000
# executions or 20 s), so that a parser regression shows and the result does not depend on the clock.
if [[ "${CI:-}" == "true" ]]; then FUZZ_RUNS=100000 bash scripts/fuzz.sh 20; fi
