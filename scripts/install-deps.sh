#!/bin/sh
# Installs the Debian 12 packages logintest needs to build, test and benchmark (clang-tidy
# and universal-ctags for the analysers `make test` runs, tests/tooling/; clang, its
# sanitizer and libFuzzer runtimes and llvm-symbolizer for the sanitizer and fuzz folders,
# tests/tooling/sanitize.sh).
# Called by `make run` and `make test`; does nothing when everything is present.
# As root it runs apt-get itself; otherwise it prints the one command to run and fails.
set -eu

PACKAGES="
  ca-certificates
  cmake
  g++
  ninja-build
  pkg-config
  openssl
  libssl-dev
  libengine-gost-openssl
  libboost1.81-dev
  libboost-json1.81-dev
  libboost-url1.81-dev
  libpugixml-dev
  libgumbo-dev
  libcli11-dev
  libfmt-dev
  libgtest-dev
  libgmock-dev
  libbenchmark-dev
  clang-tidy
  universal-ctags
  clang
  libclang-rt-14-dev
  llvm-14
"
# Benchmarks only (bench/load_vs_wrk.sh); installed with `make bench-deps`.
if [ "${1:-}" = "--bench" ]; then
  PACKAGES="$PACKAGES wrk util-linux jq curl"
fi

missing=""
for p in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "logintest needs these Debian packages:$missing" >&2
  echo "run:  sudo apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi

echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may never have fetched the package lists.
if ! apt-get install -y -q --no-install-recommends $missing; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends $missing
fi
