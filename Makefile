# Targets match what README.md says; nothing more.
GO ?= go

.PHONY: run test deps build

# Install the system packages Fyne needs (Debian/Ubuntu) if missing.
deps:
	./scripts/deps.sh

# Open the app on the default database (sample claims on first run).
run:
	./scripts/run.sh

# gofmt check, go vet and every test.
test:
	./scripts/test.sh

build: deps
	$(GO) build -o bin/claims ./cmd/claims
