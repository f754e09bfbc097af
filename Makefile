# Two entry points for a fresh machine (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test lint bench clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/armsledger demo

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

# Starts a throwaway PostgreSQL on loopback when it can (root on Debian), so the
# PostgreSQL suite runs against a real server; otherwise those tests say why they skip.
test: $(STAMP)
	$(BIN)/ruff check src tests bench
	PG_URL=$$(bash scripts/pg-start.sh 2>/dev/null | tail -n 1); \
	if [ -n "$$PG_URL" ]; then export ARMSLEDGER_TEST_PG="$$PG_URL"; fi; \
	$(BIN)/pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/bench_link.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache demo.duckdb* armsledger.duckdb*
