# Two entry points for a fresh machine (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test test-slow lint bench clean services

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/armsledger demo

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

# Installs the services the suite talks to when it can (root on Debian): Chromium for the
# browser tests, Java for Spark local mode, and a throwaway PostgreSQL on loopback. Where it
# cannot, those tests say why they skip (and fail instead under CI=true).
services:
	-bash scripts/browser-setup.sh
	-bash scripts/spark-setup.sh

test: $(STAMP) services
	$(BIN)/ruff check src tests bench
	PG_URL=$$(bash scripts/pg-start.sh 2>/dev/null | tail -n 1); \
	if [ -n "$$PG_URL" ]; then export ARMSLEDGER_TEST_PG="$$PG_URL"; fi; \
	$(BIN)/pytest -q $(PYTEST_ARGS)

# The 20-round kill-and-resume test and other long runs (about 3 minutes).
test-slow: $(STAMP)
	$(BIN)/pytest -q -m slow

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_link.py
	$(BIN)/python bench/bench_ingest.py --n 20000
	$(BIN)/python bench/soak_api.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache demo.duckdb* armsledger.duckdb*
