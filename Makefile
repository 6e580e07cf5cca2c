# The README's commands. Everything installs into .venv from pyproject.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

PORT ?= 8000

.PHONY: serve test test-fast build bench lighthouse lint validate clean successors zensical properdocs

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; found " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[mkdocs,test]'
	@touch $@

# The successors, each in a venv of its own (their dependencies differ from Material's).
.venv-%/.installed: pyproject.toml
	$(PYTHON) -m venv .venv-$*
	.venv-$*/bin/python -m pip install --quiet --upgrade pip
	.venv-$*/bin/python -m pip install --quiet -e '.[$*]'
	@touch $@

## successors: install Zensical and ProperDocs for `make zensical`, `make properdocs` and the tests
successors: .venv-zensical/.installed .venv-properdocs/.installed

## serve: preview the site at http://127.0.0.1:$(PORT) (8000 unless PORT=...) with live reload
serve: $(STAMP)
	$(BIN)/pathways stubs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

## test: the whole test suite, browser tests included (needs a Chromium; see README)
test: $(STAMP) successors
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## test-fast: the suite without the browser tests and the successors' builds (no Chromium needed)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not successors" $(PYTEST_ARGS)

## build: a strict build into site/
build: $(STAMP)
	$(BIN)/pathways stubs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## zensical: the same site built by Zensical into site-zensical/
zensical: .venv-zensical/.installed
	$(BIN)/pathways stubs
	.venv-zensical/bin/python -m macros.successors zensical site-zensical

## properdocs: the same site built by ProperDocs into site-properdocs/
properdocs: .venv-properdocs/.installed
	$(BIN)/pathways stubs
	.venv-properdocs/bin/python -m macros.successors properdocs site-properdocs

## bench: measure the budgets of the issues (build time ratio, asset sizes, Lighthouse)
bench: $(STAMP)
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory lighthouse || true; fi
	$(BIN)/python bench/run.py

# Lighthouse for `make bench`, pinned in bench/node/package.json and its lock. Not `npm ci`: one
# of Lighthouse's dependencies asks for another's "latest", which `npm ci` refuses as out of sync.
LIGHTHOUSE := bench/node/node_modules/.bin/lighthouse

## lighthouse: install the pinned Lighthouse into bench/node/ (needs Node.js >= 18.16 and npm)
lighthouse: $(LIGHTHOUSE)

$(LIGHTHOUSE): bench/node/package.json bench/node/package-lock.json
	cd bench/node && npm install --no-save --no-audit --no-fund
	@touch $@

## lint: ruff over the package and the tests
lint: $(STAMP)
	$(BIN)/ruff check macros tests bench

## validate: check every pathway and quiz file
validate: $(STAMP)
	$(BIN)/pathways validate

clean:
	rm -rf site site-zensical site-properdocs .cache $(VENV) .venv-zensical .venv-properdocs bench/node/node_modules
