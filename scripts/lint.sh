#!/usr/bin/env bash
# Checks that the C++ sources are formatted with the repository's .clang-format (fails listing the files that are
# not; `clang-format -i <file>` fixes one). With --tidy BUILD_DIR, also runs clang-tidy (.clang-tidy) over src/
# using BUILD_DIR's compile_commands.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src tests fuzz -name '*.[ch]pp' | sort)
bad=()
for f in "${files[@]}"; do
  [[ -f "$f" ]] || continue
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done
if ((${#bad[@]})); then
  echo "lint: not formatted with .clang-format (run clang-format -i on them):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "lint: ${#files[@]} files formatted"
if [[ "${1:-}" == "--tidy" ]]; then
  build="${2:?lint: --tidy needs the build directory}"
  mapfile -t sources < <(printf '%s\n' "${files[@]}" | grep '^src/.*\.cpp$')
  printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet
  echo "lint: clang-tidy clean over ${#sources[@]} files"
fi
