# Targets match what README.md and docs/PACKAGING.md say; nothing more.
GO ?= go

# The app's version, from FyneApp.toml (the one source of name, ID, version).
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -n1)
LDFLAGS := -X main.version=$(VERSION)
ARCH := $(shell $(GO) env GOARCH)
PREFIX ?= /usr/local

.PHONY: run test deps build fuzz screenshots package-linux package-windows install bench quality

# Install the system packages Fyne needs (Debian/Ubuntu) if missing.
deps:
	./scripts/deps.sh

# Open the app on the default database (sample claims on first run).
run:
	./scripts/run.sh

# gofmt check, go vet and every test.
test:
	./scripts/test.sh

# Run every fuzz target for FUZZTIME (default 10s) each.
fuzz:
	./scripts/fuzz.sh

# Render the main views to docs/screenshots/*.png (the claims tab at 720x600,
# 1024x768, 1280x800 and 1920x1080; the rest at 1280x800), and the map and a
# timeline over 20,000 generated claims.
screenshots:
	CLAIMS_SCREENSHOTS=1 $(GO) test -count=1 -run TestScreenshots ./internal/ui/

# Time open+list, typing in the search box, export, import and memory at
# 10,000 and 100,000 claims: a table, and bench/results.json
# (databases made once with "claims gen" and kept in bench/).
bench:
	./scripts/bench.sh

# The article assistant's figures per article set: the seeds and the
# made-up articles, and the real labelled sets (tune/, check/: its TOTAL
# only) when ../shared/articles or $$ARTICLES holds them.
quality:
	./scripts/quality.sh

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/claims ./cmd/claims

# dist/claims-$(VERSION)-linux-$(ARCH).tar.xz: binary, .desktop file, icons,
# AppStream metainfo and a Makefile whose "make install" installs them.
package-linux: deps
	./packaging/package.sh linux

# dist/claims-$(VERSION)-windows-amd64.exe, cross-built with the icon
# (needs x86_64-w64-mingw32-gcc: apt-get install gcc-mingw-w64-x86-64).
package-windows: deps
	./packaging/package.sh windows

# Install what "make package-linux" built (building it first if it is not
# there) into $(PREFIX), honouring DESTDIR:
#   make package-linux && sudo make install      or      make install PREFIX=~/.local
LINUX_PKG := dist/claims-$(VERSION)-linux-$(ARCH)
install:
	@test -x $(LINUX_PKG)/bin/claims || $(MAKE) package-linux
	$(MAKE) -C $(LINUX_PKG) install PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)"
