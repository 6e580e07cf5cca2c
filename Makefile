# The README's commands. Everything installs into .venv from pyproject.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

PORT ?= 8000

.PHONY: serve test test-fast build bench lint validate clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; found " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

## serve: preview the site at http://127.0.0.1:$(PORT) (8000 unless PORT=...) with live reload
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

## test: the whole test suite, browser tests included (needs a Chromium; see README)
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## test-fast: the suite without the browser tests (no Chromium needed)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

## build: a strict build into site/
build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## bench: measure the budgets of the issues (build time ratio, asset sizes)
bench: $(STAMP)
	$(BIN)/python bench/run.py

## lint: ruff over the package and the tests
lint: $(STAMP)
	$(BIN)/ruff check macros tests bench

## validate: check every pathway and quiz file
validate: $(STAMP)
	$(BIN)/pathways validate

clean:
	rm -rf site $(VENV)
