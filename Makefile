# Targets match what README.md says; nothing more.
GO ?= go

.PHONY: run test deps build

# Install the system packages Fyne needs (Debian/Ubuntu, as root) if missing.
deps:
	./scripts/deps.sh

# Open the app on the default database (sample claims on first run).
run: deps
	$(GO) run ./cmd/claims

# Every test, plus go vet and a gofmt check.
test: deps
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) test ./...

build:
	$(GO) build -o bin/claims ./cmd/claims
