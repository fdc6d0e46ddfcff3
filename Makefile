# pamtui: `make demo` runs the TUI demo on the built-in simulator; `make test` runs every test.
# Each target installs what is missing (Debian packages, the Python virtualenv) first.

SWIFT ?= swift
BIN := .build/debug/pamtui
PREFIX ?= $(HOME)/.local

.PHONY: demo test bench screenshots build release install deps clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build --product pamtui

release: deps
	$(SWIFT) build -c release --product pamtui

# A release build, as $(PREFIX)/bin/pamtui.
install: release
	install -d "$(PREFIX)/bin"
	install -m 0755 .build/release/pamtui "$(PREFIX)/bin/pamtui"

demo: build
	$(BIN) demo

# `swift test` builds the pamtui binary too; the peer SDK tests then run against it. The tests
# that drive the real binary (PAMCLITests: many processes, tmux, a simulator each) run on their
# own after the rest: together on 2 cores they starved the loopback servers of the others.
test: deps
	$(SWIFT) test --skip PAMCLITests
	$(SWIFT) test --skip-build --filter PAMCLITests
	PAMTUI_BIN=$(CURDIR)/$(BIN) peer/run.sh

bench: release
	bench/bench.sh

# Real captures of the UI for the README (xterm under Xvfb, driven through tmux).
screenshots: build
	scripts/ensure-deps.sh screenshots
	scripts/screenshots.sh

clean:
	rm -rf .build .venv .venv-*
