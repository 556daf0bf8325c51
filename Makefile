# Bootstrap only: create .venv, install the pinned dependencies, then hand
# over to tasks.py (invoke), as Pelican projects do.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: html test serve check bench publish clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/invoke build

test: $(STAMP)
	$(BIN)/invoke test

serve: $(STAMP)
	$(BIN)/invoke serve

check: $(STAMP)
	$(BIN)/invoke check

bench: $(STAMP)
	$(BIN)/invoke bench

publish: $(STAMP)
	$(BIN)/invoke publish

clean:
	rm -rf output .pytest_cache .hypothesis __pycache__ */__pycache__
