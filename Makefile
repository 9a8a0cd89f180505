# The two entry points: `make generate` (main job) and `make test` (all tests).
# Both bootstrap what they need on a new machine: a .venv with specgen and its test tools,
# and the npm test tools (Prism) in node_modules.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: generate check test lint bench clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

generate: $(STAMP)
	$(BIN)/specgen validate --strict specs/
	$(BIN)/specgen generate

check: $(STAMP)
	$(BIN)/specgen validate --strict specs/
	$(BIN)/specgen generate --check

lint: $(STAMP)
	$(BIN)/ruff check generator tests $(wildcard bench)
	$(BIN)/ruff format --check generator tests $(wildcard bench)
	$(BIN)/mypy

# The docs-site tests drive Debian's chromium headless. Installed here when missing and apt can
# (root, or passwordless sudo); otherwise those tests are skipped with the reason printed.
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ command -v apt-get >/dev/null 2>&1 && \
	  { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	    $$SUDO apt-get update -qq >/dev/null 2>&1 && \
	    $$SUDO apt-get install -y -qq chromium >/dev/null 2>&1; }; } || \
	echo "chromium could not be installed: the docs-site browser tests will be skipped"

test: $(STAMP) $(NODE_STAMP) chromium
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

# Benchmarks against the peers (installed on first use into bench/.work/); slow, never in CI.
bench: $(STAMP)
	$(BIN)/python bench/noop.py
	$(BIN)/python bench/validate_github.py
	$(BIN)/python bench/diff_github.py
	$(BIN)/python bench/client_overhead.py
	$(BIN)/python bench/generate_github.py

clean:
	rm -rf $(VENV) node_modules
