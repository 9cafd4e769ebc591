#!/usr/bin/env bash
# Installs what onramp needs on Debian 12 (apt packages, the pinned tree-sitter sources from npm).
# Idempotent: installs only what is missing, so it is a no-op on a machine that already has everything.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(g++ cmake ninja-build pkg-config git ca-certificates
  libcli11-dev libtomlplusplus-dev libyaml-cpp-dev doctest-dev libfmt-dev nlohmann-json3-dev libxxhash-dev
  libgit2-dev
  pre-commit python3-jsonschema  # tests only: the pre-commit hook definition and the SARIF schema check
  clang-format clang-tidy  # scripts/lint.sh: .clang-format and, in CI, .clang-tidy
  clang libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer with ASan and UBSan
  chromium)  # tests only: tests/browser/ opens the HTML report headless
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm may come from Debian or from a Node.js install of its own; either will do.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "bootstrap: missing packages: ${missing[*]}; run this script as root (or install them with apt-get)" >&2
    exit 1
  fi
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# tree-sitter core and Python grammar, exactly as grammars/package-lock.json pins them.
stamp=grammars/node_modules/.onramp-lock.sha256
want=$(sha256sum grammars/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] ||
   [ ! -f grammars/node_modules/tree-sitter-python/src/parser.c ]; then
  echo "bootstrap: npm ci in grammars/"
  (cd grammars && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi

# Microsoft's SARIF Multitool, pinned by tools/sarif/package-lock.json: the tests validate `--format sarif` with it.
stamp=tools/sarif/node_modules/.onramp-lock.sha256
want=$(sha256sum tools/sarif/package-lock.json | cut -d' ' -f1)
tool=tools/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -f "$tool" ]; then
  echo "bootstrap: npm ci in tools/sarif/"
  (cd tools/sarif && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  chmod u+x "$tool"  # what the package's own install script does
  echo "$want" > "$stamp"
fi
