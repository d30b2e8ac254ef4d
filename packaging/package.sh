#!/usr/bin/env bash
# Builds a Claims package into dist/ with the fyne tool:
#
#   packaging/package.sh linux     dist/claims-VERSION-linux-ARCH.tar.xz (and its
#                                  unpacked folder dist/claims-VERSION-linux-ARCH/)
#   packaging/package.sh windows   dist/claims-VERSION-windows-amd64.exe, cross-built
#                                  with x86_64-w64-mingw32-gcc (Debian: gcc-mingw-w64-x86-64)
#   packaging/package.sh darwin    dist/claims-VERSION-darwin-ARCH.zip holding Claims.app
#                                  (on a Mac only)
#
# FyneApp.toml gives the name, ID, version and icon. In a git checkout the
# package is built from the committed tree (HEAD), in a temporary copy,
# because "fyne package" writes into the main package's folder while it
# works and bumps Build in FyneApp.toml afterwards: neither should touch the
# checkout. The fyne tool, xz and the MinGW compiler are installed if missing
# (apt-get, as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
[ -x /usr/local/go/bin/go ] && export PATH="$PATH:/usr/local/go/bin"
gopath=$(go env GOPATH)
export PATH="$PATH:$gopath/bin"

target=${1:?usage: packaging/package.sh linux|windows|darwin}
fyne_tool=fyne.io/tools/cmd/fyne@v1.7.4

# need COMMAND DEBIAN-PACKAGE: installs the package with apt-get when the
# command is missing (as root, or with sudo), as scripts/deps.sh does.
need() {
  command -v "$1" >/dev/null 2>&1 && return
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || { echo "Run as root or install sudo: package $2 is needed" >&2; exit 1; }
      sudo=sudo
    fi
    echo "Installing system package: $2" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  fi
  command -v "$1" >/dev/null 2>&1 || { echo "$1 is missing: install $2" >&2; exit 1; }
}

have=$(fyne version 2>/dev/null || true)
case $have in
*"cli version: ${fyne_tool#*@}"*) ;;
*)
  echo "Installing the fyne tool ($fyne_tool)" >&2
  go install "$fyne_tool"
  ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/claims-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
src=$work/src
mkdir -p "$src" dist
if git rev-parse --verify -q HEAD >/dev/null 2>&1; then
  # the committed tree: what a package holds is what was committed
  echo "Packaging the commit $(git rev-parse --short HEAD)" >&2
  git diff --quiet HEAD 2>/dev/null || echo "(uncommitted changes are not packaged)" >&2
  git archive --format=tar HEAD | tar -x -C "$src"
else
  tar -c --exclude=./.git --exclude=./dist --exclude=./bin -f - . | tar -x -C "$src"
fi

version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$src/FyneApp.toml" | head -n1)
appid=$(sed -n 's/^[[:space:]]*ID[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$src/FyneApp.toml" | head -n1)
if [ -z "$version" ] || [ -z "$appid" ]; then echo "FyneApp.toml lacks Version or ID" >&2; exit 1; fi

# The fyne tool takes extra linker flags from GOFLAGS; keep the user's GOFLAGS.
goflags=$(go env GOFLAGS)
export GOFLAGS="$goflags -ldflags=-X=main.version=$version"
# fyne_package ICON ARGS... runs "fyne package" on cmd/claims of the copy.
fyne_package() {
  local icon=$1
  shift
  (cd "$src/cmd/claims" && fyne package --release --icon "$icon" "$@")
}

case $target in
linux)
  need xz xz-utils
  arch=$(go env GOARCH)
  name=claims-$version-linux-$arch
  fyne_package "$src/assets/icon.png" -os linux
  mkdir -p "$work/fyne"
  tar -xJf "$src/cmd/claims/Claims.tar.xz" -C "$work/fyne"
  exe=$(find "$work/fyne" -path '*/bin/claims' -type f)
  desktop=$(find "$work/fyne" -name "$appid.desktop" -type f)
  if [ -z "$exe" ] || [ -z "$desktop" ]; then echo "fyne package made no binary or .desktop file" >&2; exit 1; fi

  stage=dist/$name
  rm -rf "$stage" "dist/$name.tar.xz"
  install -Dm755 "$exe" "$stage/bin/claims"
  install -Dm644 "$desktop" "$stage/share/applications/$appid.desktop"
  install -Dm644 "$src"/assets/icon.png "$stage/share/pixmaps/$appid.png"
  install -Dm644 "$src"/assets/icon.svg "$stage/share/icons/hicolor/scalable/apps/$appid.svg"
  install -Dm644 "$src/packaging/linux/$appid.metainfo.xml" "$stage/share/metainfo/$appid.metainfo.xml"
  install -Dm644 "$src"/packaging/linux/Makefile "$stage/Makefile"
  tar -C dist --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
    -cJf "dist/$name.tar.xz" "$name"
  echo "dist/$name.tar.xz"
  ;;
windows)
  name=claims-$version-windows-amd64
  cc=${CC_WINDOWS:-x86_64-w64-mingw32-gcc}
  need "$cc" gcc-mingw-w64-x86-64
  # An .ico entry is at most 256 pixels: icon-256.png is the same drawing.
  CC=$cc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 fyne_package "$src/assets/icon-256.png" -os windows
  install -Dm755 "$src/cmd/claims/Claims.exe" "dist/$name.exe"
  echo "dist/$name.exe"
  ;;
darwin)
  [ "$(uname -s)" = Darwin ] || { echo "macOS packages are built on a Mac (see .github/workflows/release.yml)" >&2; exit 1; }
  name=claims-$version-darwin-$(go env GOARCH)
  fyne_package "$src/assets/icon.png" -os darwin
  # not notarised: an ad-hoc signature over the whole bundle, so that a
  # downloaded copy opens after right-click → Open (or Privacy & Security → Open Anyway)
  codesign --force --deep --sign - "$src/cmd/claims/Claims.app"
  rm -f "dist/$name.zip"
  (cd "$src/cmd/claims" && ditto -c -k --sequesterRsrc --keepParent Claims.app "$root/dist/$name.zip")
  echo "dist/$name.zip"
  ;;
*)
  echo "unknown target $target: use linux, windows or darwin" >&2
  exit 2
  ;;
esac
