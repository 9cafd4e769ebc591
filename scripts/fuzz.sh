#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang (ASan + UBSan) and runs each for a fixed time.
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     default: 30 seconds each, every target
# Corpora live in build/fuzz/corpus/<target> (seeded from tests/ on the first run, kept between runs); inputs that
# crash, hang or leak are written to build/fuzz/crashes/ and the script exits 1. CI runs it with a short budget so
# that regressions show; run it longer (e.g. 600) by hand after touching a parser.
# FUZZ_RUNS=N makes a run reproducible: seed 1, a fresh corpus of the seeds only, at most N executions per target
# (and still at most SECONDS). CI uses it, so that its result depends on the commit and not on the clock: a
# commit that passed FUZZ_RUNS=N with a generous SECONDS here passes in CI, whose run is a prefix of the same one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
build=build/fuzz
jobs=$(nproc)

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (bash scripts/bootstrap.sh installs it)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DONRAMP_FUZZ=ON \
  -DONRAMP_TESTS=OFF ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} \
  ${CMAKE_C_COMPILER_LAUNCHER:+-DCMAKE_C_COMPILER_LAUNCHER=$CMAKE_C_COMPILER_LAUNCHER} >/dev/null
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

# Seeds: the files of the test fixtures each target reads.
seed() {
  local target=$1 dir=$2
  [[ -d $dir ]] && return
  mkdir -p "$dir"
  local -a names
  case $target in
    fuzz_requirements) names=(-name 'requirements*.txt' -o -name '*.in') ;;
    fuzz_dotenv) names=(-name '.env*' -o -name '*.env') ;;
    fuzz_dockerfile) names=(-name 'Dockerfile*' -o -name '*.dockerfile' -o -name 'Containerfile') ;;
    fuzz_compose) names=(-name '*.yml' -o -name '*.yaml') ;;
    fuzz_gitignore) names=(-name '.gitignore' -o -name '.dockerignore') ;;
    fuzz_configs) names=(-name '*.toml' -o -name '*.cfg' -o -name '*.ini' -o -name '.flake8' -o -name '*.lock' -o -name '*.json') ;;
    fuzz_python | fuzz_suppressions | fuzz_masking) names=(-name '*.py') ;;
    *) names=(-name '*') ;;
  esac
  local n=0
  while IFS= read -r -d '' f; do
    cp "$f" "$dir/seed-$n"
    n=$((n + 1))
  done < <(find tests examples -type f -size -64k \( "${names[@]}" \) -print0 | sort -z)
}

mkdir -p "$build/crashes"
status=0
printf '%-20s %12s %10s %s\n' target executions seconds result
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  extra=()
  if [[ -n ${FUZZ_RUNS:-} ]]; then
    corpus=$build/fixed-corpus/$t
    rm -rf "$corpus"
    extra=(-seed=1 -runs="$FUZZ_RUNS")
  fi
  seed "$t" "$corpus"
  log=$build/$t.log
  set +e
  ASAN_OPTIONS=detect_leaks=1 "$build/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=262144 -print_final_stats=1 "${extra[@]}" -artifact_prefix="$build/crashes/$t-" "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [[ $rc -eq 0 ]]; then result=ok; else result="FAILED (exit $rc, see $log)"; status=1; fi
  printf '%-20s %12s %10s %s\n' "$t" "${execs:-?}" "$seconds" "$result"
done
exit $status
