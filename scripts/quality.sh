#!/usr/bin/env bash
# make quality: the article assistant's figures per article set (see
# docs/EXTRACTION.md). The seeds and the made-up sets are measured by the
# package's own tests; the real labelled sets (tune/ and check/) by their
# score.py, only when they are there: ../shared/articles beside the
# repository, or the folder in ARTICLES. More labelled folders in the same
# format may be named in MORE_ARTICLES (colon-separated). Only TOTAL lines
# are printed. Nothing here fails when the real sets are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/local/go/bin/go ] && export PATH="$PATH:/usr/local/go/bin"

echo "== seeds and made-up articles (go test ./internal/extract)"
go test -count=1 -v -run 'TestQuality$|TestMadeUpQuality|TestMadeUpArticlePairs' ./internal/extract/ |
  grep -E 'TOTAL|pairs found' | sed -E 's/^ *[a-z_]+\.go:[0-9]+: //'

articles="${ARTICLES:-../shared/articles}"
if [ ! -f "$articles/score.py" ]; then
  echo "== real articles: none at $articles (set ARTICLES to the folder that holds score.py)"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/claims" ./cmd/claims
dirs=("$articles/tune" "$articles/check")
IFS=: read -r -a more <<<"${MORE_ARTICLES:-}"
for dir in "${dirs[@]}" "${more[@]}"; do
  [ -n "$dir" ] && [ -d "$dir" ] || continue
  echo "== real articles, $dir ($(ls "$dir"/*.txt | wc -l) articles)"
  python3 "$articles/score.py" "$tmp/claims" "$dir" | tail -1
done
