#!/usr/bin/env bash
# Installs what building and testing Claims needs on Debian/Ubuntu, if it
# is missing: a C compiler and the X11/OpenGL headers Fyne uses, and, with
# --server (the test command passes it), PostgreSQL, which the tests of the
# team database start themselves. Checks the Go version.
# Safe to run again: it installs nothing that is already there.
set -euo pipefail

packages=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev)
if [ "${1:-}" = "--server" ]; then
  packages+=(postgresql)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Run as root or install sudo: these packages are needed: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go: the one on PATH, or the official install location.
if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    echo "Go is at /usr/local/go/bin but not on PATH; add it with: export PATH=\$PATH:/usr/local/go/bin" >&2
  else
    echo "Go is not installed: install Go 1.26 or newer from https://go.dev/dl/ and run this again." >&2
  fi
  exit 1
fi
have=$(go env GOVERSION | sed 's/^go//')
major=${have%%.*}; rest=${have#*.}; minor=${rest%%.*}
if [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt 21 ]; }; then
  echo "Go $have is too old: Claims needs Go 1.26 (Go 1.21 or newer fetches it automatically)." >&2
  exit 1
fi
