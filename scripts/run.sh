#!/usr/bin/env bash
# Installs Fyne's system packages if missing, builds Claims into bin/claims
# when the sources changed since the last build, then runs it.
# Arguments go to the app, e.g. scripts/run.sh --db my.db
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/local/go/bin/go ] && export PATH="$PATH:/usr/local/go/bin"
./scripts/deps.sh

bin=bin/claims
newer=""
if [ -x "$bin" ]; then
  newer=$(find cmd internal assets go.mod go.sum FyneApp.toml -newer "$bin" -print -quit 2>/dev/null || true)
fi
if [ ! -x "$bin" ] || [ -n "$newer" ]; then
  echo "Building Claims into $bin…" >&2
  echo "The first build compiles Fyne, its OpenGL bindings and SQLite: several minutes," >&2
  echo "up to about 10 on a slow 2-core machine. Later builds take seconds." >&2
  version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -n1)
  mkdir -p bin
  start=$(date +%s)
  go build -ldflags "-X main.version=$version" -o "$bin.tmp" ./cmd/claims &
  build=$!
  # A line a minute, so that a long first build does not look hung.
  while kill -0 "$build" 2>/dev/null; do
    for _ in $(seq 60); do
      sleep 1
      kill -0 "$build" 2>/dev/null || break 2
    done
    echo "  still building ($(( ($(date +%s) - start) / 60 )) min so far)…" >&2
  done
  if ! wait "$build"; then
    rm -f "$bin.tmp"
    echo "The build failed; see the messages above." >&2
    exit 1
  fi
  mv "$bin.tmp" "$bin"
  echo "Built $bin in $(( $(date +%s) - start )) s." >&2
fi
exec "$bin" "$@"
