# The two quick-start commands are `make release` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: install release test ui lint bench clean

$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(BIN)/.installed

## Build the releases from seeds/ (the main job).
release: install
	@mkdir -p $(DAGSTER_HOME)
	$(BIN)/python -m pipeline release

## Run the whole test suite (what CI runs).
test: install
	@mkdir -p $(DAGSTER_HOME)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

## Start the Dagster UI (webserver and daemon) on this code location.
ui: install
	@mkdir -p $(DAGSTER_HOME)
	@test -f $(DAGSTER_HOME)/dagster.yaml || printf 'telemetry:\n  enabled: false\n' > $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -m pipeline.definitions

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) $(DAGSTER_HOME)
