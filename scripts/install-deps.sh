#!/usr/bin/env bash
# Installs the Debian (bookworm) packages butler-migrate needs to build and test. Uses sudo when not root.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libcli11-dev libsqlitecpp-dev libsqlite3-dev libpqxx-dev libyaml-cpp-dev libfmt-dev libssl-dev
  nlohmann-json3-dev libb2-dev catch2 sqlite3 postgresql postgresql-contrib time
  # tests only: JSON Schema validation, man page and completion checks, the .deb, fuzzing with clang
  python3-jsonschema groff-base man-db zsh dpkg-dev file clang-14 libclang-rt-14-dev llvm-14
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
