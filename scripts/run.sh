#!/usr/bin/env bash
# Installs Fyne's system packages if missing, then runs Claims.
# Arguments go to the app, e.g. scripts/run.sh --db my.db
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/local/go/bin/go ] && export PATH="$PATH:/usr/local/go/bin"
./scripts/deps.sh
exec go run ./cmd/claims "$@"
