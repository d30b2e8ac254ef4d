#!/usr/bin/env bash
# Installs what the tests need if missing, then runs every check:
# gofmt, go vet and all the tests; then the store's and the import's tests
# once more on PostgreSQL (a server the tests start themselves).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/local/go/bin/go ] && export PATH="$PATH:/usr/local/go/bin"
./scripts/deps.sh --server
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:" >&2
  echo "$unformatted" >&2
  exit 1
fi
go vet ./...
go test -count=1 ./...
echo "== the store and import tests again, on PostgreSQL"
CLAIMS_TEST_ENGINE=postgres go test -count=1 ./internal/db/ ./internal/csvio/
