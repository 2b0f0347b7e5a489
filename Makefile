# The two commands of the README:
#   make run    set up the pinned environment, generate the demo extracts, run the landing gate,
#               build and publish the warehouse, and write each council's monthly report
#   make test   every lint and test (what CI runs, via .ci/run)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# For dbt and sqlfluff run by make (docs, lint). csc itself needs none of these: its configuration
# (CSC_LANDING, CSC_WAREHOUSE, CSC_REPORTS, thresholds, the dbt profile, telemetry off) is resolved in
# src/csc/config.py, which sets the same values for every process it starts.
export DBT_PROFILES_DIR := $(CURDIR)/profiles
export DO_NOT_TRACK := 1

.PHONY: run install generate build report browser postgres test lint format benchmark docs clean

$(BIN)/.installed: pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	@touch $@

install: $(BIN)/.installed

generate: install
	$(BIN)/csc generate

build: install
	$(BIN)/csc build

run: install
	$(BIN)/csc generate
	$(BIN)/csc refresh

report: install
	$(BIN)/csc report

# The report test renders the HTML in Debian's Chromium (installed here when missing; needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@chromium --version

# The `csc extract` tests run a real PostgreSQL server (Debian's postgresql package: initdb, pg_ctl and
# postgres under /usr/lib/postgresql/<version>/bin), installed here when missing (needs root or sudo).
# The tests start and stop their own server; nothing is left running.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }
	@ls /usr/lib/postgresql/*/bin/initdb

lint: install
	@mkdir -p target
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy
	CSC_WAREHOUSE=$(CURDIR)/target/lint.duckdb $(BIN)/sqlfluff lint models tests/dbt analyses

format: install
	@mkdir -p target
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts
	CSC_WAREHOUSE=$(CURDIR)/target/lint.duckdb $(BIN)/sqlfluff fix models tests/dbt analyses

test: lint browser postgres
	$(BIN)/pytest

benchmark: install
	$(BIN)/python scripts/benchmark.py

docs: install
	$(BIN)/dbt docs generate --profiles-dir profiles

clean:
	rm -rf target logs reports warehouse data .pytest_cache
