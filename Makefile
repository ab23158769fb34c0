# Raadskompas — the two set-up commands (`make run`, `make test`) work on a fresh machine:
# they install what is missing (libedit-dev), build, then start the shell or run the tests.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/raadskompas

.PHONY: all deps build release run test bench fuzz check-content clean

all: build

# SQLite comes from Debian's -dev package (pkg-config finds it). libedit (line editing) is loaded by
# the shell when it starts (dlopen, see Sources/CEditLine/editline.c); libedit-dev brings it along.
deps:
	@if ! pkg-config --exists libedit sqlite3 2>/dev/null; then \
		echo "libedit-dev of libsqlite3-dev ontbreekt: installeren met apt-get…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libedit-dev libsqlite3-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build

# The Swift runtime is linked statically: the binary starts faster and runs when copied alone.
# Position-dependent (-no-pie): the loader then has no 94,000 relocations to apply at every start.
# No exported symbols (--no-export-dynamic): SwiftPM exports all 15,000, which the runtime's
# `dladdr` walks at every start (about 1 ms).
RELEASE := $(SWIFT) build -c release --static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic

release: deps
	$(RELEASE) --product raadskompas

run: release
	$(BIN)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

check-content: release
	$(BIN) check $$(find Content -name '*.kompas' | sort)

# A benchmark, not a timed test: prints figures, asserts nothing.
bench: release
	$(RELEASE) --product KompasBench
	.build/release/KompasBench $(BIN)

# The fuzz harnesses, long (the test suite runs a short round of each): mutated Content/ and
# Examples/ through lexer, parser, validator and runner; statements built from the registry's
# schemas against a temporary database. FUZZ_ROUNDS and FUZZ_SEED choose how long and where;
# FUZZ_SECONDS=3600 runs each harness for an hour instead (both at once, one per core). Every
# input over 2 s, and the last input of each harness, is kept in .build/fuzz/.
FUZZ_ROUNDS ?= 20000
FUZZ_SEED ?= 1
FUZZ_SECONDS ?=
fuzz: deps
	$(SWIFT) build --build-tests
	RAADSKOMPAS_FUZZ_TAAL=$(FUZZ_ROUNDS) RAADSKOMPAS_FUZZ=$(FUZZ_ROUNDS) RAADSKOMPAS_FUZZ_SEED=$(FUZZ_SEED) \
		RAADSKOMPAS_FUZZ_MAP=$(CURDIR)/.build/fuzz $(if $(FUZZ_SECONDS),RAADSKOMPAS_FUZZ_SECONDEN=$(FUZZ_SECONDS)) \
		$(SWIFT) test --skip-build --filter 'LanguageFuzzTests|StatementFuzzTests'

clean:
	rm -rf .build
