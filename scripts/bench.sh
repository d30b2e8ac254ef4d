#!/usr/bin/env bash
# make bench: builds claims and claims-bench, makes (once) the 10,000 and
# 100,000 claim databases under bench/ with "claims gen", installs fzf,
# sqlite3 and PostgreSQL when missing (Debian/Ubuntu, as root or with sudo),
# then measures — on SQLite, then on a PostgreSQL server it starts itself,
# with a load run of 20 reviewer clients for 60 s — and writes
# bench/results.json. See docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/local/go/bin/go ] && export PATH="$PATH:/usr/local/go/bin"

install() {
  command -v "$1" >/dev/null && return
  command -v apt-get >/dev/null || { echo "bench: $1 is not installed; its column will be empty" >&2; return; }
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y "$1" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y "$1" >/dev/null 2>&1; } ||
    echo "bench: could not install $1; its column will be empty" >&2
}
install fzf
install sqlite3
./scripts/deps.sh --server # PostgreSQL, for the server rows and the load run

mkdir -p bench
go build -o bench/claims ./cmd/claims
go build -o bench/claims-bench ./cmd/claims-bench
exec bench/claims-bench --claims-bin bench/claims --dir bench "$@"
