# The two commands: `make serve` (build and serve the national edition) and
# `make test` (every test). Both create their own virtual environment.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Material 9.x prints an end-of-life banner on every build; it is noise here.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build test test-python test-js lint lint-js typecheck clean venv bench vendor generated

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

serve: venv
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: venv
	$(BIN)/mkdocs build --strict

test: venv lint test-js test-python

test-python: venv
	$(BIN)/python -m pytest

test-js:
	node --test tests/js/

lint: venv lint-js typecheck
	$(BIN)/ruff check kmsat_build hooks tests benchmarks
	$(BIN)/ruff format --check kmsat_build hooks tests benchmarks

# The pinned JavaScript linter and type checker (tools/package-lock.json), installed by npm ci.
TOOLS := tools/node_modules/.package-lock.json

lint-js: $(TOOLS)
	tools/node_modules/.bin/eslint --config tools/eslint.config.js kmsat_build/assets/js tests/js benchmarks/*.js tools/*.js tools/vendor/*.js

# Our browser JavaScript checked through its JSDoc (tsc --noEmit, allowJs/checkJs).
typecheck: $(TOOLS)
	tools/node_modules/.bin/tsc -p tools/tsconfig.json

$(TOOLS): tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund

# Files made from others and committed, each with a test that fails when it is
# stale: the editors' overlay schema, the page templates compiled as a build
# uses them, and the validity keys of the national documents (after the schemas).
generated: venv
	$(BIN)/python -m kmsat_build.overlay_schema
	$(BIN)/python -m kmsat_build.precompiled
	$(BIN)/python -m kmsat_build.national_valid

clean:
	rm -rf site $(VENV) tools/node_modules

# Benchmarks, run by hand (not part of `make test`): prints every figure beside
# its goal and writes benchmarks/RESULTS.md. See benchmarks/README.md.
bench: venv benchmarks/node_modules/.package-lock.json
	$(BIN)/python benchmarks/run.py

# The pinned Lighthouse, installed from the lock file (npm ci) when missing.
benchmarks/node_modules/.package-lock.json: benchmarks/package.json $(wildcard benchmarks/package-lock.json)
	cd benchmarks && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; \
	else npm install --save-exact --no-audit --no-fund lighthouse@12.2.3; fi

# Browser libraries kmsat ships (the Word export's docx), pinned in
# tools/vendor/package-lock.json and copied into kmsat_build/assets/vendor/
# with their licences. The copies are committed: run this only to upgrade.
vendor: tools/vendor/node_modules/.package-lock.json
	node tools/vendor/vendor.js

tools/vendor/node_modules/.package-lock.json: tools/vendor/package.json tools/vendor/package-lock.json
	cd tools/vendor && npm ci --no-audit --no-fund
